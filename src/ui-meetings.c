/* ui-meetings.c: the list of meetings and school-wide events, by date, with its filter. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "meeting.h"
#include "ui-dialog.h"
#include "ui-draw.h"
#include "ui-form.h"
#include "ui-help.h"
#include "ui-list.h"
#include "ui-meetings.h"
#include "ui-pairs.h"

struct mlist {
	struct meeting_filter	 f;
	char			 from[DATE_ISO_LEN];	/* "" open */
	char			 to[DATE_ISO_LEN];
	long long		 pair;		/* one pair's list; 0 all */
	struct ui_list		 list;
	int			 reload;	/* the filter changed */
};

/* ---- helpers the other meetings screens share ---- */

const char *
ui_meeting_kind_short(int k)
{
	switch (k) {
	case MK_ACQUAINTANCE:
		return (C_("meeting kind", "get-to-know"));
	case MK_TRIAL:
		return (C_("meeting kind", "trial"));
	case MK_PLANNING:
		return (C_("meeting kind", "planning"));
	case MK_WORKING:
		return (C_("meeting kind", "working"));
	case MK_FINAL:
		return (C_("meeting kind", "final"));
	case MK_NETWORKING:
		return (C_("meeting kind", "networking"));
	case MK_CLASS_HOUR:
		return (C_("meeting kind", "class hour"));
	case MK_COUNCIL:
		return (C_("meeting kind", "council"));
	case MK_PARENTS:
		return (C_("meeting kind", "parents'"));
	case MK_GAME:
		return (C_("meeting kind", "game"));
	case MK_OTHER:
		return (C_("meeting kind", "other"));
	}
	return ("?");
}

void
ui_meeting_came(struct sbuf *sb, const struct meeting_row *r)
{
	if (r->status == MS_CANCELLED)
		sbuf_add(sb, C_("attendance column", "cancelled"));
	else if (r->marked > 0)
		sbuf_addf(sb, "%d/%d", r->present, r->expected);
	else if (r->expected > 0)
		sbuf_addf(sb, "—/%d", r->expected);
	else
		sbuf_add(sb, "—");
}

int
ui_meeting_wday(const char *iso)
{
	long	d = date_days(iso);

	/* 1970-01-01 was a Thursday (3 counting from Monday). */
	return (d < 0 ? -1 : (int)((d + 3) % 7));
}

void
ui_meeting_monday(const char *iso, char *out)
{
	long	d = date_days(iso);

	if (d < 0) {
		snprintf(out, DATE_ISO_LEN, "%s", iso);
		return;
	}
	date_from_days(d - (d + 3) % 7, out);
}

int
ui_meeting_delete(long long id, const char *what)
{
	struct nerr	 err;
	char		*q;
	int		 done = 0;

	if (ui_refuse_readonly())
		return (0);
	xasprintf(&q, _("Delete %s with its attendance marks? (y/n)"), what);
	if (ui_confirm(q)) {
		nerr_clear(&err);
		if (meeting_delete(ui_db(), id, &err) != 0)
			ui_error("%s", err.msg);
		else {
			ui_status("%s", _("The meeting is deleted."));
			done = 1;
		}
	}
	free(q);
	return (done);
}

/* ---- where the rows come from ---- */

UI_LIST_SOURCE(ml_source, meeting, struct mlist, f, NULL);

/* ---- columns ---- */

static void
col_date(const void *row, struct sbuf *sb)
{
	char	out[DATE_ISO_LEN];

	date_show(((const struct meeting_row *)row)->date, out);
	sbuf_add(sb, out);
}

static void
col_time(const void *row, struct sbuf *sb)
{
	sbuf_add(sb, str_or(((const struct meeting_row *)row)->time, ""));
}

static void
col_kind(const void *row, struct sbuf *sb)
{
	sbuf_add(sb, ui_meeting_kind_short(((const struct meeting_row *)row)->
	    kind));
}

static void
col_who(const void *row, struct sbuf *sb)
{
	sbuf_add(sb, str_or(((const struct meeting_row *)row)->who, ""));
}

static void
col_topic(const void *row, struct sbuf *sb)
{
	sbuf_add(sb, str_or(((const struct meeting_row *)row)->topic, ""));
}

static void
col_came(const void *row, struct sbuf *sb)
{
	ui_meeting_came(sb, row);
}

static const struct ui_column ml_columns[] = {
	{ N_("Date"), 10, 0, col_date },
	{ N_("Time"), 5, 0, col_time },
	{ N_("Kind"), 12, 0, col_kind },
	{ N_("Who"), 24, 0, col_who },
	{ N_("Topic"), 0, 0, col_topic },
	{ N_("Came"), 8, 1, col_came },
};

/* ---- the filter ---- */

struct mfilter {
	struct mlist	*l;
	char		*from;
	char		*to;
	int		 which;		/* 0 all, 1 pairs', 2 events */
	int		 kind;		/* 0 any, else kind + 1 */
};

static const char *
mf_which(void *obj, int i)
{
	static const char *const which[] = {
		N_("meetings and events"), N_("pairs' meetings"),
		N_("school-wide events"),
	};

	(void)obj;
	return (i >= 0 && i < (int)nitems(which) ? _(which[i]) : NULL);
}

static const char *
mf_kind(void *obj, int i)
{
	(void)obj;
	if (i == 0)
		return (_("any kind"));
	return (i > 0 && i <= MK__COUNT ? meeting_kind_label(i - 1) : NULL);
}

static const struct ui_field mf_fields[] = {
	{ N_("From"), UI_F_DATE, offsetof(struct mfilter, from), 0, 10,
	    NULL, NULL },
	{ N_("To"), UI_F_DATE, offsetof(struct mfilter, to), 0, 10,
	    NULL, NULL },
	{ N_("Show"), UI_F_CHOICE, offsetof(struct mfilter, which), 0, 0,
	    mf_which, NULL },
	{ N_("Kind"), UI_F_CHOICE, offsetof(struct mfilter, kind), 0, 0,
	    mf_kind, NULL },
};

static int
mf_save(void *obj, struct nerr *err)
{
	struct mfilter	*mf = obj;
	struct mlist	*l = mf->l;

	if (mf->from != NULL && mf->to != NULL && strcmp(mf->from,
	    mf->to) > 0)
		return (nerr_set(err, "%s", _("To: the last date is before "
		    "the first.")));
	snprintf(l->from, sizeof l->from, "%s", str_or(mf->from, ""));
	snprintf(l->to, sizeof l->to, "%s", str_or(mf->to, ""));
	l->f.from = l->from[0] != '\0' ? l->from : NULL;
	l->f.to = l->to[0] != '\0' ? l->to : NULL;
	l->f.events = mf->which == 0 ? -1 : mf->which == 1 ? 0 : 1;
	l->f.kind = mf->kind - 1;
	l->reload = 1;
	return (0);
}

static void
mf_done(void *obj, int saved)
{
	struct mfilter	*mf = obj;

	(void)saved;
	free(mf->from);
	free(mf->to);
	free(mf);
}

static const struct ui_form_spec mf_spec = {
	.fields = mf_fields,
	.nfields = nitems(mf_fields),
	.help = N_("Choose the dates (either may be left empty), pairs' "
	    "meetings or school-wide events, and a kind; F2 applies the "
	    "filter."),
	.save = mf_save,
	.done = mf_done,
};

static void
ml_filter_dialog(struct mlist *l)
{
	struct mfilter	*mf;

	mf = xcalloc(1, sizeof *mf);
	mf->l = l;
	mf->from = l->from[0] != '\0' ? xstrdup(l->from) : NULL;
	mf->to = l->to[0] != '\0' ? xstrdup(l->to) : NULL;
	mf->which = l->f.events < 0 ? 0 : l->f.events == 0 ? 1 : 2;
	mf->kind = l->f.kind + 1;
	ui_form_open(&mf_spec, mf, _("Filter meetings"));
}

static void
ml_filter_line(struct mlist *l, struct sbuf *sb)
{
	char	d[DATE_ISO_LEN], d2[DATE_ISO_LEN];

	if (l->from[0] != '\0' && l->to[0] != '\0') {
		date_show(l->from, d);
		date_show(l->to, d2);
		sbuf_addf(sb, _("from %s to %s"), d, d2);
	} else if (l->from[0] != '\0') {
		date_show(l->from, d);
		sbuf_addf(sb, _("from %s"), d);
	} else if (l->to[0] != '\0') {
		date_show(l->to, d);
		sbuf_addf(sb, _("to %s"), d);
	} else
		sbuf_add(sb, _("all dates"));
	sbuf_addf(sb, " · %s", mf_which(NULL, l->f.events < 0 ? 0 :
	    l->f.events == 0 ? 1 : 2));
	if (l->f.kind >= 0)
		sbuf_addf(sb, " · %s", meeting_kind_label(l->f.kind));
}

/* ---- the screen ---- */

enum {
	ML_A_FIGURES = UI_A_USER,
	ML_A_WEEK,
	ML_A_DATES,
	ML_A_LAYOUT,
};

static const struct ui_action ml_actions[] = {
	UI_ACTION_HELP,
	{ UI_A_OPEN, 3, { '\r', '\n', UI_FN(KEY_ENTER), 'v' },
	    N_("Attendance"),
	    N_("Open the attendance checklist of the meeting: who came, who "
	    "did not, who had a reason.") },
	{ UI_A_EDIT, 4, { 'e', 0 }, N_("Edit"),
	    N_("Edit the meeting: kind, date, time, topic, place, audience, "
	    "status.") },
	{ UI_A_FILTER, 5, { 'f', 0 }, N_("Filter"),
	    N_("Show dates from and to, only pairs' meetings or only "
	    "events, one kind.") },
	{ ML_A_FIGURES, 6, { 'g', 0 }, N_("Figures"),
	    N_("Attendance figures: by class, month, pair and person, events "
	    "against their targets, the share held on plan.") },
	{ UI_A_NEW, 7, { 'n', UI_FN(KEY_IC), 0 }, N_("New"),
	    N_("Add a meeting of a pair or a school-wide event such as a "
	    "class hour.") },
	{ UI_A_DELETE, 8, { UI_FN(KEY_DC), 'd', 0 }, N_("Delete"),
	    N_("Delete the meeting with its marks, after asking.") },
	{ ML_A_WEEK, 0, { 'w', 0 }, NULL,
	    N_("This week's meetings day by day, today's first at hand.") },
	{ ML_A_DATES, 0, { 'a', 0 }, NULL,
	    N_("Show every date, or again from the start of this week.") },
	{ ML_A_LAYOUT, 0, { 'l', 0 }, NULL,
	    N_("Lay out the standard sequence of the pair under the cursor: "
	    "getting to know each other, a trial meeting, planning, working "
	    "meetings every two weeks and the final meeting.") },
	UI_ACTION_MENU,
	UI_ACTION_BACK,
};

static const struct meeting_row *
ml_current(struct mlist *l)
{
	return (ui_list_current(&l->list));
}

static void
ml_draw(struct ui_frame *f, WINDOW *w, int y, int h)
{
	struct mlist	*l = f->data;
	struct sbuf	 line, pos;
	int		 pw;

	sbuf_init(&line);
	sbuf_init(&pos);
	ml_filter_line(l, &line);
	ui_list_position(&l->list, &pos);
	pw = ui_width(pos.s);
	ui_put(w, y, 1, COLS - pw - 4, line.s, ui_attr(UI_DIM), 0);
	ui_put(w, y, COLS - pw - 1, pw, pos.s, A_NORMAL, 0);
	sbuf_free(&line);
	sbuf_free(&pos);
	ui_list_draw(&l->list, f, w, y + 1, h - 1);
}

static void
ml_layout(struct mlist *l)
{
	const struct meeting_row	*r = ml_current(l);
	struct nerr			 err;
	long long			 pair;
	int				 n;

	pair = l->pair != 0 ? l->pair : r != NULL ? r->pair_id : 0;
	if (pair == 0) {
		ui_error("%s", _("Put the cursor on a pair's meeting, or open "
		    "the pair's meetings from the pairs screen."));
		return;
	}
	if (ui_refuse_readonly() || !ui_confirm(_("Lay out the pair's "
	    "standard sequence of meetings from its start date? (y/n)")))
		return;
	nerr_clear(&err);
	if ((n = meeting_lay_out(ui_db(), pair, 0, &err)) < 0) {
		ui_error("%s", err.msg);
		return;
	}
	ui_status(ngettext("%d meeting is laid out.",
	    "%d meetings are laid out.", (unsigned long)n), n);
	/* They may start before the week shown. */
	l->from[0] = '\0';
	l->f.from = NULL;
	ui_list_reload(&l->list);
}

static void
ml_dates(struct mlist *l)
{
	if (l->from[0] != '\0' || l->to[0] != '\0') {
		l->from[0] = l->to[0] = '\0';
		ui_status("%s", _("Every date is shown."));
	} else {
		ui_meeting_monday(date_today(), l->from);
		ui_status("%s", _("Shown from the start of this week."));
	}
	l->f.from = l->from[0] != '\0' ? l->from : NULL;
	l->f.to = NULL;
	ui_list_reload(&l->list);
}

static int
ml_key(struct ui_frame *f, int k, int action)
{
	struct mlist			*l = f->data;
	const struct meeting_row	*r = ml_current(l);
	char				 d[DATE_ISO_LEN], *what;

	if (action == UI_A_NONE && ui_list_key(&l->list, f, k))
		return (UI_STAY);
	switch (action) {
	case UI_A_HELP:
		ui_help_show(f, NULL);
		break;
	case UI_A_OPEN:
		if (r != NULL)
			ui_attend_open(r->id);
		break;
	case UI_A_EDIT:
		if (r != NULL && !ui_refuse_readonly())
			ui_meeting_edit(r->id, 0);
		break;
	case UI_A_NEW:
		if (!ui_refuse_readonly())
			ui_meeting_edit(0, l->pair);
		break;
	case UI_A_DELETE:
		if (r == NULL)
			break;
		date_show(r->date, d);
		xasprintf(&what, "«%s» %s", meeting_kind_label(r->kind), d);
		if (ui_meeting_delete(r->id, what))
			ui_list_refresh(&l->list);
		free(what);
		break;
	case UI_A_FILTER:
		ml_filter_dialog(l);
		break;
	case ML_A_FIGURES:
		ui_attfig_open();
		break;
	case ML_A_WEEK:
		ui_mymeetings_open();
		break;
	case ML_A_DATES:
		ml_dates(l);
		break;
	case ML_A_LAYOUT:
		ml_layout(l);
		break;
	case UI_A_MENU:
		return (UI_TOP);
	case UI_A_BACK:
		return (UI_POP);
	default:
		if (k == UI_ESC)
			return (UI_POP);
		break;
	}
	return (UI_STAY);
}

static void
ml_resume(struct ui_frame *f)
{
	struct mlist	*l = f->data;
	long long	 id = ui_meeting_saved();

	if (l->reload) {
		l->reload = 0;
		ui_list_reload(&l->list);
	} else
		ui_list_refresh(&l->list);	/* marks change the counts */
	if (id > 0 && !ui_list_select(&l->list, id)) {
		/* The filter hides what was just saved: show every date. */
		l->from[0] = l->to[0] = '\0';
		l->f.from = l->f.to = NULL;
		l->f.events = -1;
		l->f.kind = -1;
		ui_list_reload(&l->list);
		ui_list_select(&l->list, id);
		ui_status("%s", _("Saved. The filter is cleared so that the "
		    "meeting can be seen."));
	}
}

static void
ml_changed(struct ui_frame *f)
{
	struct mlist	*l = f->data;

	ui_list_refresh(&l->list);
}

static int
ml_enter(struct ui_frame *f)
{
	struct mlist	*l = f->data;

	return (ui_list_reload(&l->list));
}

static void
ml_leave(struct ui_frame *f)
{
	struct mlist	*l = f->data;

	ui_list_free(&l->list);
	free(l);
}

static const struct ui_screen ml_screen = {
	.name = "meetings",
	.title = N_("Meetings and attendance"),
	.enter = ml_enter,
	.draw = ml_draw,
	.key = ml_key,
	.leave = ml_leave,
	.changed = ml_changed,
	.resume = ml_resume,
	.actions = ml_actions,
	.nactions = nitems(ml_actions),
	.help = N_("Meetings of pairs and groups (getting to know each "
	    "other, trial, planning, working, final) and school-wide events "
	    "(networking, class hours, teachers' councils, parents' "
	    "meetings, the closing game), by date and time. The list starts "
	    "at the Monday of this week; the a key shows every date. The Came "
	    "column gives those present of those expected (—: not marked "
	    "yet). Enter opens the attendance checklist."),
};

static struct mlist *
ml_new(long long pair)
{
	struct mlist	*l;

	l = xcalloc(1, sizeof *l);
	meeting_filter_init(&l->f);
	l->pair = pair;
	l->f.pair_id = pair;
	if (pair == 0) {
		ui_meeting_monday(date_today(), l->from);
		l->f.from = l->from;
	}
	ui_list_init(&l->list, ml_columns, nitems(ml_columns), &ml_source, l);
	l->list.empty = pair != 0 ?
	    N_("The pair has no meetings yet: F7 adds one, l lays out the "
	    "standard sequence.") :
	    N_("No meetings from this date: F7 adds one, a shows every "
	    "date.");
	return (l);
}

int
ui_meetings_open(void)
{
	return (ui_push(&ml_screen, ml_new(0)));
}

int
ui_pair_meetings_open(long long pair)
{
	char	*title, *name;

	if (ui_push(&ml_screen, ml_new(pair)) != 0)
		return (-1);
	name = ui_pair_name(pair);
	xasprintf(&title, _("Meetings: %s"), str_or(name, ""));
	free(name);
	ui_set_title(title);
	free(title);
	return (0);
}
