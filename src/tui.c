/* tui.c: the terminal face: the screen stack, the main loop, the status line. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui.h"
#include "ui-draw.h"
#include "ui-meetings.h"
#include "ui-menu.h"
#include "user.h"

#define UI_STACK_MAX	16
/* How often an idle screen asks whether someone else changed the file. */
#define UI_POLL_MS	1000

static struct {
	struct db	*db;
	struct ui_frame	 stack[UI_STACK_MAX];
	int		 depth;
	char		 status[NERR_MAX];
	int		 status_error;
	char		*school;
	void		(*idle)(void *);
	void		*idle_arg;
} ui;

void
ui_idle_set(void (*fn)(void *), void *arg)
{
	ui.idle = fn;
	ui.idle_arg = arg;
}

void
ui_idle_cancel(void *arg)
{
	if (ui.idle_arg == arg) {
		ui.idle = NULL;
		ui.idle_arg = NULL;
	}
}

/* Run the waiting work if no key is waiting; 1 if it ran. */
static int
ui_idle_run(int *k)
{
	void	(*fn)(void *) = ui.idle;

	if (fn == NULL)
		return (0);
	if ((*k = ui_getkey(0)) != UI_NOKEY)
		return (0);
	ui.idle = NULL;
	fn(ui.idle_arg);
	return (1);
}

struct db *
ui_db(void)
{
	return (ui.db);
}

int
ui_readonly(void)
{
	return (ui.db->readonly);
}

const char *
ui_school(void)
{
	return (ui.school);
}

static void
ui_load_school(void)
{
	free(ui.school);
	ui.school = db_setting(ui.db, "school.name");
}

void
ui_school_changed(void)
{
	ui_load_school();
}

static void
ui_vstatus(int error, const char *fmt, va_list ap)
{
	vsnprintf(ui.status, sizeof ui.status, fmt, ap);
	ui.status_error = error;
}

void
ui_status(const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	ui_vstatus(0, fmt, ap);
	va_end(ap);
}

void
ui_error(const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	ui_vstatus(1, fmt, ap);
	va_end(ap);
}

int
ui_refuse_readonly(void)
{
	struct nerr	err;

	if (!ui.db->readonly)
		return (0);
	if (ui.db->role == ROLE_VIEWER) {
		/* Not the file's fault: say whom to ask. */
		user_refuse_write(ui.db, &err);
		ui_error("%s", err.msg);
		return (1);
	}
	ui_error("%s", _("The file is open read-only: nothing can be changed."));
	return (1);
}

static struct ui_frame *
ui_top(void)
{
	return (ui.depth > 0 ? &ui.stack[ui.depth - 1] : NULL);
}

void
ui_set_title(const char *title)
{
	struct ui_frame	*f = ui_top();

	if (f == NULL)
		return;
	free(f->title);
	f->title = title != NULL ? xstrdup(title) : NULL;
}

int
ui_push(const struct ui_screen *s, void *data)
{
	struct ui_frame	*f;

	if (ui.depth == UI_STACK_MAX) {
		if (s->leave != NULL) {
			struct ui_frame	tmp = { .screen = s, .data = data };

			s->leave(&tmp);
		}
		ui_error("%s", _("Too many screens open: close some first."));
		return (-1);
	}
	f = &ui.stack[ui.depth++];
	memset(f, 0, sizeof *f);
	f->screen = s;
	f->data = data;
	f->cury = -1;
	if (s->enter != NULL && s->enter(f) != 0) {
		if (s->leave != NULL)
			s->leave(f);
		free(f->title);
		ui.depth--;
		return (-1);
	}
	return (0);
}

static void
ui_pop(void)
{
	struct ui_frame	*f = ui_top();

	if (f == NULL)
		return;
	if (f->screen->leave != NULL)
		f->screen->leave(f);
	free(f->title);
	ui.depth--;
	if ((f = ui_top()) != NULL && f->screen->resume != NULL)
		f->screen->resume(f);
}

const struct ui_action *
ui_action_find(const struct ui_action *acts, int n, int key, int letters)
{
	int	i, j, k;

	for (i = 0; i < n; i++) {
		if (acts[i].fkey > 0 && key == UI_F(acts[i].fkey))
			return (&acts[i]);
		for (j = 0; j < (int)nitems(acts[i].keys); j++) {
			if ((k = acts[i].keys[j]) == 0)
				break;
			if (k != key)
				continue;
			/* Typing in a field: printable keys are text. */
			if (!letters && !UI_IS_FN(k) && k >= 0x20)
				continue;
			return (&acts[i]);
		}
	}
	return (NULL);
}

int
ui_draw_all(void)
{
	struct ui_frame	*f = ui_top();

	erase();
	if (ui_too_small(stdscr) || f == NULL)
		return (0);
	ui_draw_title(stdscr, f->title != NULL ? f->title :
	    f->screen->title != NULL ? _(f->screen->title) : "");
	f->cury = -1;
	f->screen->draw(f, stdscr, 1, LINES - 3);
	ui_draw_status(stdscr, ui.status, ui.status_error);
	ui_draw_keybar(stdscr, f->screen->actions, f->screen->nactions);
	return (1);
}

/* Nobody else's change goes unseen while the screen waits for a key. */
static void
ui_poll_changes(void)
{
	struct ui_frame	*f;

	if (!db_changed(ui.db))
		return;
	ui_load_school();
	if ((f = ui_top()) != NULL && f->screen->changed != NULL)
		f->screen->changed(f);
}

static void
ui_key(int k)
{
	struct ui_frame		*f = ui_top();
	const struct ui_action	*a;
	int			 r;

	if (COLS < UI_MIN_COLS || LINES < UI_MIN_LINES) {
		/* Too small to see what a key would do: only F10 acts. */
		if (k != UI_F(10))
			return;
	}
	ui.status[0] = '\0';
	a = ui_action_find(f->screen->actions, f->screen->nactions, k,
	    !f->typing);
	/* A teacher's screens are all there is: no menu behind them. */
	if (a != NULL && a->id == UI_A_MENU && ui.db->role == ROLE_TEACHER)
		return;
	r = f->screen->key(f, k, a != NULL ? a->id : UI_A_NONE);
	if (r == UI_POP)
		ui_pop();
	else if (r == UI_QUIT) {
		while (ui.depth > 0)
			ui_pop();
	} else if (r == UI_TOP) {
		while (ui.depth > 1)
			ui_pop();
	}
}

/* The first screen: a teacher lands on their meetings, and stays there. */
static int
ui_first_open(void)
{
	if (ui.db->role != ROLE_TEACHER)
		return (ui_menu_open());
	return (ui_mymeetings_open());
}

int
tui_main(struct db *db)
{
	struct ui_frame	*f;
	int		 k, shown;

	memset(&ui, 0, sizeof ui);
	ui.db = db;
	/* A viewer gets the director's mode, as -R gives. */
	if (db->role == ROLE_VIEWER)
		db->readonly = 1;
	ui_load_school();
	ui_draw_start();
	if (ui_first_open() != 0) {
		ui_draw_end();
		fprintf(stderr, "nastavnik: %s\n", ui.status);
		free(ui.school);
		return (1);
	}
	while ((f = ui_top()) != NULL) {
		shown = ui_draw_all();
		f = ui_top();
		if (shown && f->cury >= 0) {
			move(f->cury, f->curx);
			curs_set(1);
		} else
			curs_set(0);
		wnoutrefresh(stdscr);
		doupdate();

		if (ui.idle != NULL) {
			if (ui_idle_run(&k))
				continue;
		} else
			k = ui_getkey(UI_POLL_MS);
		if (k == UI_NOKEY)
			ui_poll_changes();
		else if (k == UI_FN(KEY_RESIZE))
			continue;
		else if (k == UI_CTRL('L'))
			clearok(curscr, TRUE);
		else
			ui_key(k);
	}
	ui_draw_end();
	free(ui.school);
	return (0);
}
