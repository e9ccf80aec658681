/* ui-targets.c: the targets of a school year: change one, or go back to the default. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "monitor.h"
#include "ui-dialog.h"
#include "ui-draw.h"
#include "ui-help.h"
#include "ui-monitor.h"

struct targets {
	int			 year;		/* its first calendar year */
	struct target_row	*rows;
	int			 n;
	int			 cur;
	int			 top;
};

enum { TGT_A_CLEAR = UI_A_USER, TGT_A_PREV, TGT_A_NEXT };

static const struct ui_action tgt_actions[] = {
	UI_ACTION_HELP,
	{ UI_A_EDIT, 4, { '\r', '\n', UI_FN(KEY_ENTER), 'e' }, N_("Change"),
	    N_("Change the target under the cursor for this school year.") },
	{ TGT_A_CLEAR, 8, { UI_FN(KEY_DC), 0 }, N_("Default"),
	    N_("Give the target under the cursor back its default value.") },
	{ TGT_A_PREV, 0, { UI_FN(KEY_LEFT), '<', 0 }, NULL,
	    N_("The previous school year.") },
	{ TGT_A_NEXT, 0, { UI_FN(KEY_RIGHT), '>', 0 }, NULL,
	    N_("The next school year.") },
	UI_ACTION_MENU,
	UI_ACTION_BACK,
};

static void
tgt_year(const struct targets *t, char *out, size_t size)
{
	snprintf(out, size, "%d-%d", t->year, t->year + 1);
}

static int
tgt_load(struct targets *t)
{
	struct nerr	err;
	char		y[16];

	target_list_free(t->rows, t->n);
	t->rows = NULL;
	t->n = 0;
	tgt_year(t, y, sizeof y);
	nerr_clear(&err);
	if (target_list(ui_db(), y, &t->rows, &t->n, &err) != 0) {
		ui_error("%s", err.msg);
		return (-1);
	}
	if (t->cur >= t->n)
		t->cur = t->n > 0 ? t->n - 1 : 0;
	return (0);
}

static void
tgt_num(char *buf, size_t size, double v)
{
	char	*p;

	if (v - (long long)v == 0)
		snprintf(buf, size, "%.0f", v);
	else
		snprintf(buf, size, "%.1f", v);
	if ((p = strchr(buf, '.')) != NULL)
		*p = ',';
}

static void
tgt_draw(struct ui_frame *f, WINDOW *w, int y, int h)
{
	struct targets	*t = f->data;
	char		 yr[16], v[32], head[128];
	int		 i, list, nw = COLS - 30;
	attr_t		 at;

	tgt_year(t, yr, sizeof yr);
	snprintf(head, sizeof head, _("School year %s · ←/→: another year"),
	    yr);
	ui_put(w, y, 1, COLS - 2, head, A_BOLD, 0);
	wattrset(w, ui_attr(UI_HEADER));
	mvwhline(w, y + 2, 0, ' ', COLS);
	wattrset(w, A_NORMAL);
	ui_put(w, y + 2, 1, nw, _("Indicator"), ui_attr(UI_HEADER), 0);
	ui_put(w, y + 2, nw + 2, 10, _("Target"), ui_attr(UI_HEADER), 0);
	list = h - 3;
	if (t->cur < t->top)
		t->top = t->cur;
	if (t->cur >= t->top + list)
		t->top = t->cur - list + 1;
	for (i = 0; i < list && t->top + i < t->n; i++) {
		const struct target_row *r = &t->rows[t->top + i];

		at = t->top + i == t->cur ? ui_attr(UI_SELECT) : A_NORMAL;
		wattrset(w, at);
		mvwhline(w, y + 3 + i, 0, ' ', COLS);
		wattrset(w, A_NORMAL);
		ui_put(w, y + 3 + i, 1, nw, str_or(r->name, r->code), at, 0);
		tgt_num(v, sizeof v, r->value);
		ui_put(w, y + 3 + i, nw + 2, 10, v, at | (r->is_default ? 0 :
		    A_BOLD), 0);
		if (r->is_default)
			ui_put(w, y + 3 + i, nw + 13, COLS - nw - 14,
			    _("default"), at | (at == A_NORMAL ?
			    ui_attr(UI_DIM) : 0), 0);
		else
			ui_put(w, y + 3 + i, nw + 13, COLS - nw - 14,
			    _("this year's"), at, 0);
	}
}

static void
tgt_edit(struct targets *t)
{
	const struct target_row	*r;
	struct nerr		 err;
	char			 yr[16], v[32], *q, *typed, *end;
	double			 d;

	if (t->n == 0 || ui_refuse_readonly())
		return;
	r = &t->rows[t->cur];
	tgt_year(t, yr, sizeof yr);
	tgt_num(v, sizeof v, r->value);
	xasprintf(&q, _("%s, %s:"), str_or(r->name, r->code), yr);
	typed = ui_prompt(q, v);
	free(q);
	if (typed == NULL || *typed == '\0') {
		free(typed);
		return;
	}
	if ((end = strchr(typed, ',')) != NULL)
		*end = '.';
	d = strtod(typed, &end);
	while (*end == ' ' || *end == '%')
		end++;
	if (end == typed || *end != '\0' || d < 0) {
		ui_error(_("\"%s\" is not a number."), typed);
		free(typed);
		return;
	}
	free(typed);
	nerr_clear(&err);
	if (target_set(ui_db(), yr, r->code, d, &err) != 0) {
		ui_error("%s", err.msg);
		return;
	}
	ui_status("%s", _("The target is saved."));
	tgt_load(t);
}

static void
tgt_clear(struct targets *t)
{
	const struct target_row	*r;
	struct nerr		 err;
	char			 yr[16];

	if (t->n == 0 || ui_refuse_readonly())
		return;
	r = &t->rows[t->cur];
	if (r->is_default) {
		ui_status("%s", _("The target is the default already."));
		return;
	}
	tgt_year(t, yr, sizeof yr);
	nerr_clear(&err);
	if (target_clear(ui_db(), yr, r->code, &err) != 0) {
		ui_error("%s", err.msg);
		return;
	}
	ui_status("%s", _("The target is back to its default."));
	tgt_load(t);
}

static int
tgt_key(struct ui_frame *f, int k, int action)
{
	struct targets	*t = f->data;

	switch (action) {
	case UI_A_HELP:
		ui_help_show(f, NULL);
		return (UI_STAY);
	case UI_A_EDIT:
		tgt_edit(t);
		return (UI_STAY);
	case TGT_A_CLEAR:
		tgt_clear(t);
		return (UI_STAY);
	case TGT_A_PREV:
		if (t->year > 2000) {
			t->year--;
			tgt_load(t);
		}
		return (UI_STAY);
	case TGT_A_NEXT:
		if (t->year < 2100) {
			t->year++;
			tgt_load(t);
		}
		return (UI_STAY);
	case UI_A_MENU:
		return (UI_TOP);
	case UI_A_BACK:
		return (UI_POP);
	}
	if (k == UI_ESC)
		return (UI_POP);
	ui_cursor_key(k, &t->cur, t->n);
	return (UI_STAY);
}

static void
tgt_changed(struct ui_frame *f)
{
	tgt_load(f->data);
}

static int
tgt_enter(struct ui_frame *f)
{
	return (tgt_load(f->data));
}

static void
tgt_leave(struct ui_frame *f)
{
	struct targets	*t = f->data;

	target_list_free(t->rows, t->n);
	free(t);
}

static const struct ui_screen tgt_screen = {
	.name = "targets",
	.title = N_("Targets"),
	.enter = tgt_enter,
	.draw = tgt_draw,
	.key = tgt_key,
	.leave = tgt_leave,
	.changed = tgt_changed,
	.actions = tgt_actions,
	.nactions = nitems(tgt_actions),
	.help = N_("The targets of the indicators for a school year. A year "
	    "without targets of its own takes the defaults, which grow from "
	    "the programme's first year (satisfaction 65, 75, 85 %; teachers "
	    "as mentees 30, 50, 70 %). Enter or F4 changes the target under "
	    "the cursor for the year shown; F8 gives it back its default. "
	    "The left and right arrows show another school year."),
};

int
ui_targets_open(const char *year)
{
	struct targets	*t;
	char		 y[16];

	t = xcalloc(1, sizeof *t);
	if (year == NULL) {
		date_school_year(date_today(), y, sizeof y);
		year = y;
	}
	t->year = atoi(year);
	if (t->year < 2000)
		t->year = 2025;
	return (ui_push(&tgt_screen, t));
}
