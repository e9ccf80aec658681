/* ui-pager.h: scrollable text (help, "not yet" pages, cards, later reports). */
#ifndef NASTAVNIK_UI_PAGER_H
#define NASTAVNIK_UI_PAGER_H

#include "ui.h"

/*
 * Text conventions: a line starting with \001 is a heading (drawn bold);
 * "left\tright" puts right in a second column with a hanging indent.
 */
#define UI_PAGER_HEAD	"\001"

struct ui_pager {
	char		*text;
	char		**lines;	/* wrapped for width */
	int		 n;
	int		 width;
	int		 top;
	int		 h;		/* rows shown last time */
};

void	 ui_pager_init(struct ui_pager *, const char *);
void	 ui_pager_set(struct ui_pager *, const char *);
void	 ui_pager_draw(struct ui_pager *, WINDOW *, int y, int h);
/* Scrolling keys; 1 when the key was used. */
int	 ui_pager_key(struct ui_pager *, int);
void	 ui_pager_free(struct ui_pager *);

/* Open a screen showing text under a title; help is the F1 paragraph. */
int	 ui_pager_open(const char *title, const char *text, const char *help);

/*
 * The same with F2 (also Ctrl-S, w) to save the text to a file: the path is
 * asked for, starting from dflt ("~/" is the home folder); the file is
 * created 0600 and an existing one is replaced only after asking.  Heading
 * marks are left out.
 */
int	 ui_pager_open_save(const char *title, const char *text,
	    const char *help, const char *dflt);
/* Write text as plain text to path (see above); -1 with err. */
int	 ui_pager_write(const char *path, const char *text, struct nerr *);

/*
 * The keys every pager screen (cards too) has, for its key() after its own
 * actions: F1 shows help (the screen's own when NULL), the menu, back and
 * Esc leave, the rest scroll.  Returns what key() returns.
 */
int	 ui_pager_frame_key(struct ui_frame *, struct ui_pager *,
	    const char *help, int k, int action);

/* A path as typed: "~/x" is under the home folder.  Malloc'd. */
char	*ui_pager_expand(const char *);

/* Word-wrap UTF-8 text to width columns (see the conventions above). */
int	 ui_wrap(const char *, int, char ***);
void	 ui_wrap_free(char **, int);

/* The actions every pager has, for screens built on one. */
extern const struct ui_action ui_pager_actions[];
extern const int ui_pager_nactions;

#endif
