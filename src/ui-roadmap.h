/* ui-roadmap.h: the roadmap checklist (дорожная карта), its item card, form and roadmaps list. */
#ifndef NASTAVNIK_UI_ROADMAP_H
#define NASTAVNIK_UI_ROADMAP_H

#include "roadmap.h"
#include "ui.h"

/* The checklist of the current roadmap (from the main menu). */
int	 ui_roadmap_open(void);

/* ---- shared by the ui-roadmap-*.c files ---- */

/* The item's full card (F3). */
int	 ui_roadmap_card(long long item);
/* Edit an item (id != 0) or add one to a section (id 0) in a form. */
int	 ui_roadmap_edit(long long item, long long section);
/* The id of the item the form last saved, once; 0 if none. */
long long ui_roadmap_saved(void);

/* One dialog for the date done (today by default) and the evidence. */
int	 ui_roadmap_done_dialog(const struct rm_item *);

/*
 * A small box of text fields over the current screen: labels and values
 * (given in, typed back out; the first one may be a date).  1 when the
 * user pressed Enter on the last field or F2, 0 when cancelled.
 */
struct ui_roadmap_input {
	const char	*label;		/* translated */
	struct sbuf	*value;
	int		 date;		/* only digits and separators */
	int		 width;		/* of the box; 0: a default */
};
int	 ui_roadmap_input(const char *title, const char *hint,
	    struct ui_roadmap_input *, int);

/* The list of roadmaps: switch the current one, create from a template. */
int	 ui_roadmap_list_open(void);
/* Pick a template and a school year, create, make it current; its id or 0. */
long long ui_roadmap_create(void);

/* Ask for a number of days (1..3660) or a text; 1 when *n or *s changed. */
int	 ui_roadmap_ask_number(const char *title, const char *label, int *);
int	 ui_roadmap_ask_text(const char *title, const char *label, char **);

/* "████░░░░ 12/20  60 %", "[###-----] 12/20  60 %" on a vt100: barw cells. */
void	 ui_roadmap_bar(struct sbuf *, const struct rm_progress *, int barw);
/* Draw bars and marks in ASCII (no UTF-8, or a vt100-like terminal)? */
int	 ui_roadmap_ascii(void);
/* "1.2 «Content»", the content cut to width columns (malloc'd). */
char	*ui_roadmap_item_name(const struct rm_item *, int width);

#endif
