/* ui.h: what every screen shares: keys, action tables, screens and their stack. */
#ifndef NASTAVNIK_UI_H
#define NASTAVNIK_UI_H

#include <curses.h>
#include <string.h>

#include "db.h"
#include "util.h"

/*
 * Keys as one int: a typed character is its code point; a curses key code
 * (KEY_F(1), KEY_DOWN, ...) is moved past Unicode so the two never meet.
 * Esc followed by a digit arrives as the F-key (Esc 0 = F10).
 */
#define UI_FN(k)	(0x200000 + (k))
#define UI_IS_FN(k)	((k) >= 0x200000)
#define UI_F(n)		UI_FN(KEY_F(n))
#define UI_NOKEY	(-1)		/* the wait timed out */
#define UI_ESC		27
#define UI_CTRL(c)	((c) & 0x1f)

/* What a key means on a screen: declared once, drawn in the key bar and F1. */
enum {
	UI_A_NONE = 0,
	UI_A_HELP,
	UI_A_SAVE,
	UI_A_VIEW,
	UI_A_EDIT,
	UI_A_FILTER,
	UI_A_SORT,
	UI_A_NEW,
	UI_A_DELETE,
	UI_A_MENU,
	UI_A_BACK,
	UI_A_SEARCH,
	UI_A_OPEN,
	UI_A_USER = 100		/* screens number their own from here */
};

struct ui_action {
	int		 id;
	int		 fkey;		/* n of Fn, also Esc n; 0: none */
	int		 keys[4];	/* other keys, 0 ends; letters act only outside text fields */
	const char	*label;		/* key bar, N_(), short; NULL: not in the bar */
	const char	*help;		/* F1 line, N_() */
};

#define UI_ACTION_HELP \
	{ UI_A_HELP, 1, { '?', 'h', 0 }, N_("Help"), N_("Show this help.") }
#define UI_ACTION_MENU \
	{ UI_A_MENU, 9, { 0 }, N_("Menu"), \
	    N_("Go back to the main menu.") }
#define UI_ACTION_BACK \
	{ UI_A_BACK, 10, { 'q', 0 }, N_("Back"), \
	    N_("Return to the previous screen.") }

/* A screen on the stack: the static description and its own state. */
struct ui_frame;

enum { UI_STAY, UI_POP, UI_QUIT, UI_TOP /* back to the main menu */ };

struct ui_screen {
	const char	*name;
	const char	*title;		/* N_() */
	int		(*enter)(struct ui_frame *);	/* -1: do not open */
	void		(*draw)(struct ui_frame *, WINDOW *, int y, int h);
	int		(*key)(struct ui_frame *, int key, int action);
	void		(*leave)(struct ui_frame *);
	void		(*changed)(struct ui_frame *);	/* another user wrote */
	void		(*resume)(struct ui_frame *);	/* back on top */
	const struct ui_action *actions;
	int		 nactions;
	const char	*help;		/* N_(): the paragraph F1 shows */
};

struct ui_frame {
	const struct ui_screen *screen;
	void		*data;
	char		*title;		/* overrides screen->title when set */
	int		 typing;	/* letters are text: only F-keys, Esc n, Ctrl act */
	int		 cury, curx;	/* where the text cursor goes, -1: hidden */
};

/*
 * The stack (tui.c).  ui_push calls enter; if that fails, leave is called
 * to free data and -1 is returned.
 */
int		 ui_push(const struct ui_screen *, void *data);
/* Give the top screen a title of its own (copied). */
void		 ui_set_title(const char *);
struct db	*ui_db(void);
int		 ui_readonly(void);
const char	*ui_school(void);	/* setting "school.name", cached */
void		 ui_school_changed(void);	/* read it again */
void		 ui_status(const char *, ...) __attribute__((format(printf, 1, 2)));
void		 ui_error(const char *, ...) __attribute__((format(printf, 1, 2)));
/*
 * Work that may wait until the keyboard is quiet (one slot: the latest
 * wins): the main loop runs it when no key is waiting after the screen is
 * shown, so typing stays quick and the slow part (a count) follows.
 */
void		 ui_idle_set(void (*)(void *), void *);
void		 ui_idle_cancel(void *);
/* Draw every layer into stdscr without updating (dialogs draw on top). */
int		 ui_draw_all(void);
/* Refused in read-only mode: say so and return 1. */
int		 ui_refuse_readonly(void);
/* Find the action a key means (letters only when letters is set). */
const struct ui_action *ui_action_find(const struct ui_action *, int, int key,
		    int letters);

#endif
