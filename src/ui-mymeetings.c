/* ui-mymeetings.c: "my meetings": a week's meetings day by day, today first at hand. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "meeting.h"
#include "ui-draw.h"
#include "ui-help.h"
#include "ui-meetings.h"
#include "user.h"

/* A week of one teacher is short; a school's can be long, but not this. */
#define MYM_WINDOW	100
#define MYM_MAX		2000

struct mym {
	char			 monday[DATE_ISO_LEN];
	char			 sunday[DATE_ISO_LEN];
	int			 teacher;
	struct meeting_row	*rows;
	int			 n;
	int			 cur;
	int			 top;	/* first line shown */
};

static const char *const mym_days[7] = {
	N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
	N_("Friday"), N_("Saturday"), N_("Sunday"),
};

static void
mym_clear(struct mym *m)
{
	meeting_rows_free(m->rows, m->n);
	free(m->rows);
	m->rows = NULL;
	m->n = 0;
}

static void
mym_set_week(struct mym *m, const char *day)
{
	ui_meeting_monday(day, m->monday);
	date_from_days(date_days(m->monday) + 6, m->sunday);
}

/* The week's meetings in windows; the cursor keeps its meeting if it can. */
static int
mym_load(struct mym *m, int place)
{
	struct meeting_filter	 f;
	struct meeting_row	 last;
	struct nerr		 err;
	long long		 keep = 0;
	int			 k, i;

	if (!place && m->cur < m->n)
		keep = m->rows[m->cur].id;
	mym_clear(m);
	meeting_filter_init(&f);
	f.from = m->monday;
	f.to = m->sunday;
	f.mine = m->teacher;
	nerr_clear(&err);
	memset(&last, 0, sizeof last);
	for (;;) {
		m->rows = xreallocarray(m->rows, (size_t)m->n + MYM_WINDOW,
		    sizeof *m->rows);
		memset(m->rows + m->n, 0, MYM_WINDOW * sizeof *m->rows);
		/* A copy: the array moves when it grows. */
		if ((k = meeting_page(ui_db(), &f, m->n > 0 ? &last : NULL, 0,
		    m->rows + m->n, MYM_WINDOW, &err)) < 0) {
			meeting_rows_free(&last, m->n > 0);
			ui_error("%s", err.msg);
			return (-1);
		}
		if (m->n > 0)
			meeting_rows_free(&last, 1);
		m->n += k;
		if (k < MYM_WINDOW || m->n >= MYM_MAX)
			break;
		meeting_row_copy(&last, &m->rows[m->n - 1]);
	}
	m->cur = -1;
	for (i = 0; keep != 0 && i < m->n; i++) {
		if (m->rows[i].id == keep)
			m->cur = i;
	}
	if (m->cur < 0) {
		/* Today's first, else the next to come, else the last. */
		for (i = 0; i < m->n && m->cur < 0; i++) {
			if (strcmp(str_or(m->rows[i].date, ""),
			    date_today()) >= 0)
				m->cur = i;
		}
		if (m->cur < 0)
			m->cur = m->n > 0 ? m->n - 1 : 0;
		m->top = 0;
	}
	return (0);
}

/* ---- drawing: a heading for each day that has meetings, and today ---- */

struct mym_line {
	int		 row;		/* index into rows, -1 a heading */
	const char	*date;
};

static int
mym_lines(struct mym *m, struct mym_line *ln, int max)
{
	const char	*today = date_today();
	char		 day[DATE_ISO_LEN];
	int		 d, i = 0, n = 0;

	for (d = 0; d < 7; d++) {
		date_from_days(date_days(m->monday) + d, day);
		if (n < max && (strcmp(day, today) == 0 || (i < m->n &&
		    strcmp(str_or(m->rows[i].date, ""), day) == 0))) {
			ln[n].row = -1;
			ln[n++].date = strcmp(day, today) == 0 ? today :
			    m->rows[i].date;
		}
		for (; i < m->n && strcmp(str_or(m->rows[i].date, ""),
		    day) == 0 && n < max; i++) {
			ln[n].row = i;
			ln[n++].date = m->rows[i].date;
		}
	}
	return (n);
}

static void
mym_draw_heading(WINDOW *w, int y, const char *date)
{
	struct sbuf	sb;
	char		d[DATE_ISO_LEN];
	int		wd = ui_meeting_wday(date);

	sbuf_init(&sb);
	date_show(date, d);
	sbuf_addf(&sb, "%s, %s", wd >= 0 ? _(mym_days[wd]) : "", d);
	if (strcmp(date, date_today()) == 0) {
		sbuf_addf(&sb, " — %s", C_("day heading", "today"));
		wattrset(w, ui_attr(UI_HEADER));
		mvwhline(w, y, 0, ' ', COLS);
		wattrset(w, A_NORMAL);
		ui_put(w, y, 1, COLS - 2, sb.s, ui_attr(UI_HEADER) | A_BOLD,
		    0);
	} else
		ui_put(w, y, 1, COLS - 2, sb.s, A_BOLD, 0);
	sbuf_free(&sb);
}

static void
mym_draw_row(struct mym *m, WINDOW *w, int y, int i)
{
	const struct meeting_row	*r = &m->rows[i];
	attr_t				 a;
	struct sbuf			 sb;
	int				 ww, tw;

	a = i == m->cur ? ui_attr(UI_SELECT) : A_NORMAL;
	if (i != m->cur && strcmp(str_or(r->date, ""), date_today()) == 0)
		a |= A_BOLD;
	wattrset(w, a);
	mvwhline(w, y, 0, ' ', COLS);
	wattrset(w, A_NORMAL);
	sbuf_init(&sb);
	ui_put(w, y, 3, 5, str_or(r->time, ""), a, 0);
	ui_put(w, y, 9, 12, ui_meeting_kind_short(r->kind), a, 0);
	ww = 22;
	tw = COLS - 22 - ww - 12;
	ui_put(w, y, 22, ww, str_or(r->who, ""), a, 0);
	ui_put(w, y, 22 + ww + 1, tw, str_or(r->topic, ""), a, 0);
	ui_meeting_came(&sb, r);
	ui_put(w, y, COLS - 1 - ui_width(sb.s), ui_width(sb.s), sb.s, a, 0);
	sbuf_free(&sb);
}

static void
mym_draw(struct ui_frame *f, WINDOW *w, int y, int h)
{
	struct mym	*m = f->data;
	struct mym_line	*ln;
	struct sbuf	 sb;
	char		 d1[DATE_ISO_LEN], d2[DATE_ISO_LEN];
	int		 n, i, curline = 0;

	sbuf_init(&sb);
	date_show(m->monday, d1);
	date_show(m->sunday, d2);
	sbuf_addf(&sb, _("Week %s – %s"), d1, d2);
	sbuf_addf(&sb, " · ");
	sbuf_addf(&sb, ngettext("%d meeting", "%d meetings",
	    (unsigned long)m->n), m->n);
	sbuf_addf(&sb, " · %s", _("←/→: another week"));
	ui_put(w, y, 1, COLS - 2, sb.s, ui_attr(UI_DIM), 0);
	sbuf_free(&sb);
	y++;
	h--;
	ln = xcalloc((size_t)m->n + 8, sizeof *ln);
	n = mym_lines(m, ln, m->n + 8);
	for (i = 0; i < n; i++) {
		if (ln[i].row == m->cur)
			curline = i;
	}
	/* Keep the day's heading in sight above the cursor. */
	if (curline > 0 && ln[curline - 1].row < 0 && curline - 1 < m->top)
		m->top = curline - 1;
	if (curline < m->top)
		m->top = curline;
	if (curline >= m->top + h)
		m->top = curline - h + 1;
	for (i = 0; i < h && m->top + i < n; i++) {
		if (ln[m->top + i].row < 0)
			mym_draw_heading(w, y + i, ln[m->top + i].date);
		else
			mym_draw_row(m, w, y + i, ln[m->top + i].row);
	}
	if (m->n == 0)
		ui_put_centre(w, y + h / 2, 0, COLS, m->teacher ?
		    _("No meetings or class hours of yours this week.") :
		    _("No meetings this week."), ui_attr(UI_DIM));
	free(ln);
}

/* ---- keys ---- */

enum {
	MYM_A_PREV = UI_A_USER,
	MYM_A_NEXT,
	MYM_A_TODAY,
	MYM_A_QUIT,
};

#define MYM_ACTIONS_COMMON \
	UI_ACTION_HELP, \
	{ UI_A_OPEN, 3, { '\r', '\n', UI_FN(KEY_ENTER), ' ' }, \
	    N_("Attendance"), \
	    N_("Open the attendance checklist of the meeting under the " \
	    "cursor.") }, \
	{ MYM_A_PREV, 0, { UI_FN(KEY_LEFT), '[', 0 }, NULL, \
	    N_("The week before.") }, \
	{ MYM_A_NEXT, 0, { UI_FN(KEY_RIGHT), ']', 0 }, NULL, \
	    N_("The week after.") }, \
	{ MYM_A_TODAY, 0, { 't', 0x435 /* е */, 0 }, NULL, \
	    N_("Back to this week and today's meetings.") }

static const struct ui_action mym_actions[] = {
	MYM_ACTIONS_COMMON,
	{ UI_A_EDIT, 4, { 'e', 0 }, N_("Edit"),
	    N_("Edit the meeting under the cursor.") },
	UI_ACTION_MENU,
	UI_ACTION_BACK,
};

/* A teacher has this screen only: F10 leaves the program. */
static const struct ui_action mym_teacher_actions[] = {
	MYM_ACTIONS_COMMON,
	{ MYM_A_QUIT, 10, { 'q', 0x439 /* й */, 0 }, N_("Quit"),
	    N_("Leave the program.") },
};

static void
mym_move(struct mym *m, int by)
{
	m->cur += by;
	if (m->cur >= m->n)
		m->cur = m->n - 1;
	if (m->cur < 0)
		m->cur = 0;
}

static void
mym_week(struct mym *m, int by)
{
	char	day[DATE_ISO_LEN];

	if (by == 0)
		mym_set_week(m, date_today());
	else {
		date_from_days(date_days(m->monday) + 7 * by, day);
		mym_set_week(m, day);
	}
	mym_load(m, 1);
}

static int
mym_key(struct ui_frame *f, int k, int action)
{
	struct mym	*m = f->data;

	switch (action) {
	case UI_A_HELP:
		ui_help_show(f, NULL);
		return (UI_STAY);
	case UI_A_OPEN:
		if (m->n > 0)
			ui_attend_open(m->rows[m->cur].id);
		return (UI_STAY);
	case UI_A_EDIT:
		if (m->n > 0 && !ui_refuse_readonly())
			ui_meeting_edit(m->rows[m->cur].id, 0);
		return (UI_STAY);
	case MYM_A_PREV:
		mym_week(m, -1);
		return (UI_STAY);
	case MYM_A_NEXT:
		mym_week(m, 1);
		return (UI_STAY);
	case MYM_A_TODAY:
		mym_week(m, 0);
		return (UI_STAY);
	case MYM_A_QUIT:
		return (UI_QUIT);
	case UI_A_MENU:
		return (UI_TOP);
	case UI_A_BACK:
		return (UI_POP);
	}
	switch (k) {
	case UI_ESC:
		return (m->teacher ? UI_STAY : UI_POP);
	case UI_FN(KEY_UP):
		mym_move(m, -1);
		break;
	case UI_FN(KEY_DOWN):
		mym_move(m, 1);
		break;
	case UI_FN(KEY_PPAGE):
		mym_move(m, -10);
		break;
	case UI_FN(KEY_NPAGE):
		mym_move(m, 10);
		break;
	case UI_FN(KEY_HOME):
		m->cur = 0;
		break;
	case UI_FN(KEY_END):
		mym_move(m, m->n);
		break;
	}
	return (UI_STAY);
}

static void
mym_changed(struct ui_frame *f)
{
	mym_load(f->data, 0);
}

static int
mym_enter(struct ui_frame *f)
{
	struct mym	*m = f->data;

	return (mym_load(m, 1));
}

static void
mym_leave(struct ui_frame *f)
{
	struct mym	*m = f->data;

	mym_clear(m);
	free(m);
}

#define MYM_HELP N_("The meetings and events of one week, Monday to " \
    "Sunday, day by day; today's heading is highlighted and the cursor " \
    "starts on today's first meeting (or the next to come). Enter opens " \
    "the attendance checklist: Space marks present, н absent, у absent " \
    "with a reason, * the rest present. The right column gives those " \
    "present of those expected (—: not marked yet).")

static const struct ui_screen mym_screen = {
	.name = "mymeetings",
	.title = N_("This week's meetings"),
	.enter = mym_enter,
	.draw = mym_draw,
	.key = mym_key,
	.leave = mym_leave,
	.changed = mym_changed,
	.resume = mym_changed,
	.actions = mym_actions,
	.nactions = nitems(mym_actions),
	.help = MYM_HELP,
};

static const struct ui_screen mym_teacher_screen = {
	.name = "mymeetings",
	.title = N_("My meetings"),
	.enter = mym_enter,
	.draw = mym_draw,
	.key = mym_key,
	.leave = mym_leave,
	.changed = mym_changed,
	.resume = mym_changed,
	.actions = mym_teacher_actions,
	.nactions = nitems(mym_teacher_actions),
	.help = N_("Your meetings and the class hours of your classes, one "
	    "week at a time, Monday to Sunday; today's heading is "
	    "highlighted and the cursor starts on today's first meeting (or "
	    "the next to come). Enter opens the attendance checklist: Space "
	    "marks present, н absent, у absent with a reason, * the rest "
	    "present; each mark is saved at once. The right column gives "
	    "those present of those expected (—: not marked yet). Ask the "
	    "curator to add a meeting or to change one."),
};

int
ui_mymeetings_open(void)
{
	struct mym	*m;

	m = xcalloc(1, sizeof *m);
	m->teacher = ui_db()->role == ROLE_TEACHER;
	mym_set_week(m, date_today());
	return (ui_push(m->teacher ? &mym_teacher_screen : &mym_screen, m));
}
