/* ui-attend.c: the attendance checklist: one key a person, each mark saved at once. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "meeting.h"
#include "person.h"
#include "ui-dialog.h"
#include "ui-draw.h"
#include "ui-help.h"
#include "ui-meetings.h"
#include "user.h"

struct att {
	long long	 meeting;
	struct meeting	 m;
	char		*who;		/* the pair's names or the audience */
	struct att_row	*rows;
	int		 n;
	int		 cur;
	int		 top;
	int		 h;
};

enum {
	ATT_A_PRESENT = UI_A_USER,
	ATT_A_ABSENT,
	ATT_A_EXCUSED,
	ATT_A_CLEAR,
	ATT_A_REST,
};

/*
 * The letters sit where they are in both keyboard layouts: н is y and у is
 * e on the Latin one, so nobody has to switch layouts to mark a class.
 */
#define ATT_ACTIONS_MARKS \
	{ ATT_A_PRESENT, 0, { ' ', '+', '=', 0 }, NULL, \
	    N_("Present; the cursor moves to the next person.") }, \
	{ ATT_A_ABSENT, 0, { '-', 0x43d /* н */, 'y', 0 }, NULL, \
	    N_("Absent (н); the cursor moves down. On the Latin layout the " \
	    "same key is y.") }, \
	{ ATT_A_EXCUSED, 0, { 0x443 /* у */, 'e', 0 }, NULL, \
	    N_("Absent with a reason (у); the cursor moves down. On the " \
	    "Latin layout the same key is e.") }, \
	{ ATT_A_CLEAR, 0, { UI_FN(KEY_BACKSPACE), '0', UI_FN(KEY_DC), 0 }, \
	    NULL, \
	    N_("Clear the mark of the person under the cursor.") }, \
	{ ATT_A_REST, 0, { '*', 0 }, NULL, \
	    N_("Mark everyone not yet marked as present: mark the absent " \
	    "first, then press * once.") }

static const struct ui_action att_actions[] = {
	UI_ACTION_HELP,
	ATT_ACTIONS_MARKS,
	{ UI_A_EDIT, 4, { 0 }, N_("Edit"),
	    N_("Edit the meeting: date, time, topic, status.") },
	UI_ACTION_MENU,
	UI_ACTION_BACK,
};

/* A teacher has no menu and changes nothing but marks. */
static const struct ui_action att_teacher_actions[] = {
	UI_ACTION_HELP,
	ATT_ACTIONS_MARKS,
	UI_ACTION_BACK,
};

static void
att_clear(struct att *a)
{
	attend_list_free(a->rows, a->n);
	a->rows = NULL;
	a->n = 0;
}

/* Read the list again, the cursor staying on its person. */
static int
att_load(struct att *a)
{
	struct nerr	err;
	long long	keep = 0;
	int		i;

	if (a->cur < a->n)
		keep = a->rows[a->cur].person_id;
	att_clear(a);
	nerr_clear(&err);
	meeting_free(&a->m);
	meeting_init(&a->m);
	if (meeting_get(ui_db(), a->meeting, &a->m, &err) != 0 ||
	    attend_list(ui_db(), a->meeting, &a->rows, &a->n, &err) != 0) {
		ui_error("%s", err.msg);
		return (-1);
	}
	for (i = 0; keep != 0 && i < a->n; i++) {
		if (a->rows[i].person_id == keep)
			a->cur = i;
	}
	if (a->cur >= a->n)
		a->cur = a->n > 0 ? a->n - 1 : 0;
	return (0);
}

static void
att_counts(const struct att *a, int *marked, int *st)
{
	int	i;

	*marked = 0;
	for (i = 0; i < ATT__COUNT; i++)
		st[i] = 0;
	for (i = 0; i < a->n; i++) {
		if (a->rows[i].status >= 0 && a->rows[i].status < ATT__COUNT) {
			(*marked)++;
			st[a->rows[i].status]++;
		}
	}
}

static const char *
att_mark(int status)
{
	switch (status) {
	case ATT_PRESENT:
		return ("[+]");
	case ATT_ABSENT:
		return (C_("attendance mark", "[a]"));
	case ATT_EXCUSED:
		return (C_("attendance mark", "[r]"));
	}
	return ("[ ]");
}

static void
att_draw_head(struct att *a, WINDOW *w, int y)
{
	struct sbuf	sb;
	char		d[DATE_ISO_LEN];
	int		marked, st[ATT__COUNT], x;

	sbuf_init(&sb);
	date_show(a->m.date, d);
	sbuf_addf(&sb, "%s · %s", meeting_kind_label(a->m.kind), d);
	if (!str_empty(a->m.time))
		sbuf_addf(&sb, " %s", a->m.time);
	if (!str_empty(a->who))
		sbuf_addf(&sb, " · %s", a->who);
	if (a->m.target_pct > 0)
		/* xgettext:no-c-format */
		sbuf_addf(&sb, _(" · target %d %%"), a->m.target_pct);
	if (a->m.status == MS_CANCELLED)
		sbuf_addf(&sb, " · %s", meeting_status_label(a->m.status));
	if (!str_empty(a->m.topic))
		sbuf_addf(&sb, " · «%s»", a->m.topic);
	ui_put(w, y, 1, COLS - 2, sb.s, A_NORMAL, 0);

	att_counts(a, &marked, st);
	sbuf_reset(&sb);
	sbuf_addf(&sb, _("marked %d of %d, present %d"), marked, a->n,
	    st[ATT_PRESENT]);
	x = 1 + ui_put(w, y + 1, 1, COLS - 2, sb.s, A_BOLD, 0);
	sbuf_reset(&sb);
	sbuf_add(&sb, "");
	if (st[ATT_ABSENT] + st[ATT_EXCUSED] > 0)
		sbuf_addf(&sb, _(" · absent %d · with a reason %d"),
		    st[ATT_ABSENT], st[ATT_EXCUSED]);
	if (a->n > 0 && marked > 0)
		/* xgettext:no-c-format */
		sbuf_addf(&sb, _(" · %d %% came"),
		    (st[ATT_PRESENT] * 200 + a->n) / (a->n * 2));
	if (x < COLS - 1)
		ui_put(w, y + 1, x, COLS - 1 - x, sb.s, A_NORMAL, 0);
	ui_put(w, y + 2, 1, COLS - 2, _("Space: present · -/н: absent · "
	    "у: with a reason · 0: clear · *: the rest present"),
	    ui_attr(UI_DIM), 0);
	sbuf_free(&sb);
}

static void
att_draw_row(struct att *a, WINDOW *w, int y, int i)
{
	const struct att_row	*r = &a->rows[i];
	attr_t			 at = i == a->cur ? ui_attr(UI_SELECT) :
				    A_NORMAL;
	const char		*what;
	int			 sw = 28, nw;

	wattrset(w, at);
	mvwhline(w, y, 0, ' ', COLS);
	wattrset(w, A_NORMAL);
	nw = COLS - 6 - 7 - sw - 2;
	ui_put(w, y, 2, 3, att_mark(r->status), at | A_BOLD, 0);
	ui_put(w, y, 6, nw, str_or(r->name, ""), at, 0);
	what = r->class_ != NULL ? r->class_ :
	    person_category_label(r->category);
	ui_put(w, y, 6 + nw + 1, 6, what, at, 0);
	if (r->status >= 0)
		ui_put(w, y, COLS - sw - 1, sw, att_status_label(r->status),
		    at, 0);
}

static void
att_draw(struct ui_frame *f, WINDOW *w, int y, int h)
{
	struct att	*a = f->data;
	int		 i;

	att_draw_head(a, w, y);
	a->h = h - 3;
	if (a->n == 0) {
		ui_put_centre(w, y + 3 + a->h / 2, 0, COLS, _("Nobody is "
		    "expected at this meeting: check its pair or audience."),
		    ui_attr(UI_DIM));
		return;
	}
	if (a->cur < a->top)
		a->top = a->cur;
	if (a->cur >= a->top + a->h)
		a->top = a->cur - a->h + 1;
	if (a->top > 0 && a->top + a->h > a->n)
		a->top = a->n > a->h ? a->n - a->h : 0;
	for (i = 0; i < a->h && a->top + i < a->n; i++)
		att_draw_row(a, w, y + 3 + i, a->top + i);
}

static void
att_move(struct att *a, int by)
{
	a->cur += by;
	if (a->cur >= a->n)
		a->cur = a->n - 1;
	if (a->cur < 0)
		a->cur = 0;
}

/* One mark, saved at once; the cursor moves on when it is a mark. */
static void
att_set(struct att *a, int status)
{
	struct att_row	*r;
	struct nerr	 err;

	if (a->n == 0 || ui_refuse_readonly())
		return;
	r = &a->rows[a->cur];
	nerr_clear(&err);
	if (attend_mark(ui_db(), a->meeting, r->person_id, status,
	    &err) != 0) {
		ui_error("%s", err.msg);
		att_load(a);
		return;
	}
	r->status = status;
	if (status != ATT_NONE)
		att_move(a, 1);
	/* The first mark makes a planned meeting held. */
	if (a->m.status == MS_PLANNED && status != ATT_NONE)
		a->m.status = MS_HELD;
}

static void
att_rest(struct att *a)
{
	struct nerr	err;
	int		marked, st[ATT__COUNT], n;

	if (a->n == 0 || ui_refuse_readonly())
		return;
	att_counts(a, &marked, st);
	if ((n = a->n - marked) == 0) {
		ui_status("%s", _("Everyone is marked already."));
		return;
	}
	nerr_clear(&err);
	if (attend_mark_rest(ui_db(), a->meeting, ATT_PRESENT, &err) != 0) {
		ui_error("%s", err.msg);
		return;
	}
	att_load(a);
	ui_status(ngettext("%d more is marked present.",
	    "%d more are marked present.", (unsigned long)n), n);
}

/* Upper case and the other layout's letters mean the same. */
static int
att_alias(int k)
{
	switch (k) {
	case 0x41d:	/* Н */
	case 'Y':
	case 'n':
	case 'N':
		return (ATT_A_ABSENT);
	case 0x423:	/* У */
	case 'E':
		return (ATT_A_EXCUSED);
	case UI_CTRL('H'):
	case 0x7f:
		return (ATT_A_CLEAR);
	}
	return (UI_A_NONE);
}

static int
att_key(struct ui_frame *f, int k, int action)
{
	struct att	*a = f->data;

	if (action == UI_A_NONE)
		action = att_alias(k);
	switch (action) {
	case UI_A_HELP:
		ui_help_show(f, NULL);
		return (UI_STAY);
	case ATT_A_PRESENT:
		att_set(a, ATT_PRESENT);
		return (UI_STAY);
	case ATT_A_ABSENT:
		att_set(a, ATT_ABSENT);
		return (UI_STAY);
	case ATT_A_EXCUSED:
		att_set(a, ATT_EXCUSED);
		return (UI_STAY);
	case ATT_A_CLEAR:
		att_set(a, ATT_NONE);
		return (UI_STAY);
	case ATT_A_REST:
		att_rest(a);
		return (UI_STAY);
	case UI_A_EDIT:
		if (!ui_refuse_readonly())
			ui_meeting_edit(a->meeting, 0);
		return (UI_STAY);
	case UI_A_MENU:
		return (UI_TOP);
	case UI_A_BACK:
		return (UI_POP);
	}
	switch (k) {
	case UI_ESC:
		return (UI_POP);
	case UI_FN(KEY_UP):
		att_move(a, -1);
		break;
	case UI_FN(KEY_DOWN):
		att_move(a, 1);
		break;
	case UI_FN(KEY_PPAGE):
		att_move(a, -(a->h > 1 ? a->h - 1 : 1));
		break;
	case UI_FN(KEY_NPAGE):
		att_move(a, a->h > 1 ? a->h - 1 : 1);
		break;
	case UI_FN(KEY_HOME):
		a->cur = 0;
		break;
	case UI_FN(KEY_END):
		att_move(a, a->n);
		break;
	}
	return (UI_STAY);
}

static void
att_changed(struct ui_frame *f)
{
	att_load(f->data);
}

static int
att_enter(struct ui_frame *f)
{
	struct att	*a = f->data;

	return (att_load(a));
}

static void
att_leave(struct ui_frame *f)
{
	struct att	*a = f->data;

	att_clear(a);
	meeting_free(&a->m);
	free(a->who);
	free(a);
}

#define ATT_HELP N_("Everyone expected at the meeting: the pair's members, " \
    "or the pupils of the event's classes and the people of its " \
    "categories. The cursor starts on the first person. Space or + marks " \
    "present, - or н absent, у absent with a reason, and the cursor moves " \
    "down; Backspace or 0 clears a mark. * marks everyone not yet marked " \
    "as present: mark the few who are absent, then press *. Every mark is " \
    "saved at once; there is nothing to save at the end.")

static const struct ui_screen att_screen = {
	.name = "attendance",
	.title = N_("Attendance"),
	.enter = att_enter,
	.draw = att_draw,
	.key = att_key,
	.leave = att_leave,
	.changed = att_changed,
	.resume = att_changed,
	.actions = att_actions,
	.nactions = nitems(att_actions),
	.help = ATT_HELP,
};

static const struct ui_screen att_teacher_screen = {
	.name = "attendance",
	.title = N_("Attendance"),
	.enter = att_enter,
	.draw = att_draw,
	.key = att_key,
	.leave = att_leave,
	.changed = att_changed,
	.actions = att_teacher_actions,
	.nactions = nitems(att_teacher_actions),
	.help = ATT_HELP,
};

/* Who: the first row's line of the meeting lists has the names or classes. */
static char *
att_who(long long id)
{
	struct meeting_filter	 f;
	struct meeting_row	 r;
	struct nerr		 err;
	char			*who = NULL;

	meeting_filter_init(&f);
	memset(&r, 0, sizeof r);
	nerr_clear(&err);
	if (meeting_row_find(ui_db(), &f, id, &r, &err) == 1) {
		who = r.who != NULL ? xstrdup(r.who) : NULL;
		meeting_rows_free(&r, 1);
	}
	return (who);
}

int
ui_attend_open(long long meeting)
{
	struct att	*a;
	int		 teacher;

	a = xcalloc(1, sizeof *a);
	a->meeting = meeting;
	meeting_init(&a->m);
	teacher = ui_db()->role == ROLE_TEACHER;
	if (ui_push(teacher ? &att_teacher_screen : &att_screen, a) != 0)
		return (-1);
	a->who = att_who(meeting);
	return (0);
}
