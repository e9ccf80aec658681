/* ui-draw.h: curses set-up, attributes, safe text drawing, the bars and key reading. */
#ifndef NASTAVNIK_UI_DRAW_H
#define NASTAVNIK_UI_DRAW_H

#include "ui.h"

/* Roles of things on screen, each a colour pair or a plain attribute. */
enum ui_attr {
	UI_NORMAL,
	UI_TITLE,	/* the top bar */
	UI_BARKEY,	/* the F-key number in the key bar */
	UI_BARLABEL,	/* the label beside it */
	UI_SELECT,	/* the cursor row */
	UI_HEADER,	/* column headings, section headings */
	UI_ERROR,
	UI_FIELD,	/* an input box */
	UI_FIELDCUR,	/* the input box being edited */
	UI_DIALOG,
	UI_DIM,		/* hints, the position counter */
	UI_ATTR__COUNT
};

#define UI_MIN_COLS	80
#define UI_MIN_LINES	24

void	 ui_draw_start(void);
void	 ui_draw_end(void);
attr_t	 ui_attr(enum ui_attr);
int	 ui_utf8(void);

/*
 * Draw UTF-8 text at y,x in at most cols columns, control characters
 * escaped, characters the terminal's charset lacks replaced.  pad fills the
 * rest with spaces; cutting shows "…" ("~" outside UTF-8).  Returns columns.
 */
int	 ui_put(WINDOW *, int, int, int, const char *, attr_t, int pad);
/* Centre text in cols columns starting at x. */
void	 ui_put_centre(WINDOW *, int, int, int, const char *, attr_t);
/* Display width as drawn. */
int	 ui_width(const char *);

/* Is the terminal too small?  Then draw the note and return 1. */
int	 ui_too_small(WINDOW *);

void	 ui_draw_title(WINDOW *, const char *screen_title);
void	 ui_draw_status(WINDOW *, const char *, int error);
void	 ui_draw_keybar(WINDOW *, const struct ui_action *, int);

/* A key (see ui.h), or UI_NOKEY after ms milliseconds (-1: wait forever). */
int	 ui_getkey(int ms);
/* How a key is written in help ("F4", "Esc 4", "Enter", "Ctrl-S"). */
void	 ui_key_name(struct sbuf *, int);

/* Up, Down, Home/PgUp, End/PgDn move a cursor over n rows; 1 if k did. */
int	 ui_cursor_key(int k, int *cur, int n);

/* A horizontal line of n cells. */
void	 ui_hline(WINDOW *, int, int, int);
/* A framed box of h x w in the middle of the screen; returns its top-left. */
void	 ui_box(WINDOW *, int h, int w, int *y, int *x);

#endif
