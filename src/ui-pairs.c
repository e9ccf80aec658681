/* ui-pairs.c: the pairs and groups list: live ones by default, history behind a filter. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "pair.h"
#include "ui-dialog.h"
#include "ui-draw.h"
#include "ui-help.h"
#include "ui-list.h"
#include "ui-pairs.h"
#include "ui-reports.h"

struct pairs {
	struct pair_filter	 f;
	char			*search;
	struct ui_list		 list;
};

/* ---- where the rows come from ---- */

UI_LIST_SEARCH(pairs_search, struct pairs, f, search)

UI_LIST_SOURCE(pairs_source, pair, struct pairs, f, pairs_search);

/* ---- columns ---- */

/* Forms short enough for a column. */
static const char *
pairs_form_short(int form)
{
	switch (form) {
	case PF_PUPIL_PUPIL:
		return (C_("form", "pupil–pupil"));
	case PF_TEACHER_TEACHER:
		return (C_("form", "teacher–teacher"));
	case PF_STUDENT_PUPIL:
		return (C_("form", "student–pupil"));
	case PF_EMPLOYER_PUPIL:
		return (C_("form", "employer–pupil"));
	case PF_TEACHER_PUPIL:
		return (C_("form", "teacher–pupil"));
	case PF_HEAD_TEACHER:
		return (C_("form", "head–teacher"));
	case PF_EMPLOYER_STUDENT:
		return (C_("form", "employer–student"));
	}
	return ("?");
}

static void
col_id(const void *row, struct sbuf *sb)
{
	sbuf_addf(sb, "%lld", ((const struct pair_row *)row)->id);
}

static void
col_mentors(const void *row, struct sbuf *sb)
{
	sbuf_add(sb, str_or(((const struct pair_row *)row)->mentors, ""));
}

static void
col_mentees(const void *row, struct sbuf *sb)
{
	sbuf_add(sb, str_or(((const struct pair_row *)row)->mentees, ""));
}

static void
col_form(const void *row, struct sbuf *sb)
{
	sbuf_add(sb, pairs_form_short(((const struct pair_row *)row)->form));
}

static void
col_status(const void *row, struct sbuf *sb)
{
	sbuf_add(sb, pair_status_label(((const struct pair_row *)row)->status));
}

/* The plan's completion; a dash when there is no plan. */
static void
col_plan(const void *row, struct sbuf *sb)
{
	const struct pair_row	*r = row;

	if (r->steps_total == 0)
		sbuf_add(sb, "—");
	else
		sbuf_addf(sb, "%d %%", r->steps_done * 100 / r->steps_total);
}

static const struct ui_column pairs_columns[] = {
	{ N_("No."), 4, 1, col_id },
	{ N_("Mentors"), 0, 0, col_mentors },
	{ N_("Mentees"), 0, 0, col_mentees },
	{ N_("Form"), 16, 0, col_form },
	{ N_("Status"), 11, 0, col_status },
	{ N_("Plan"), 5, 1, col_plan },
};

/* ---- the screen ---- */

enum {
	PAIRS_A_UNPAIRED = UI_A_USER,
	PAIRS_A_PLAN,
	PAIRS_A_CLEAR,
	PAIRS_A_CLOSE,
	PAIRS_A_AGREEMENT,
};

static const struct ui_action pairs_actions[] = {
	UI_ACTION_HELP,
	{ UI_A_VIEW, 3, { '\r', '\n', UI_FN(KEY_ENTER), 'v' }, N_("View"),
	    N_("Show the pair's card: members, dates, the order, the plan.") },
	{ UI_A_EDIT, 4, { 'e', 0 }, N_("Edit"),
	    N_("Edit the pair or group and its members.") },
	{ UI_A_FILTER, 5, { 'f', 0 }, N_("Filter"),
	    N_("Show live pairs (forming and active), all of them with the "
	    "history, or one status.") },
	{ PAIRS_A_UNPAIRED, 6, { 'u', 0 }, N_("Unpaired"),
	    N_("Mentees still without a pair and how long they have waited; "
	    "from there, matching suggests mentors.") },
	{ UI_A_NEW, 7, { 'n', UI_FN(KEY_IC), 0 }, N_("New"),
	    N_("Form a new pair or group.") },
	{ UI_A_DELETE, 8, { UI_FN(KEY_DC), 'd', 0 }, N_("Delete"),
	    N_("Delete a pair entered by mistake, after asking; a pair that "
	    "has met is completed or cancelled instead.") },
	{ PAIRS_A_PLAN, 0, { 'p', 0 }, NULL,
	    N_("The pair's individual plan; one is started from the template "
	    "if there is none.") },
	{ PAIRS_A_AGREEMENT, 0, { 'a', 0 }, NULL,
	    N_("The pair's agreement as it prints, to save or print it.") },
	{ PAIRS_A_CLOSE, 0, { 's', 0 }, NULL,
	    N_("Change the status: complete or cancel the pair with its "
	    "result; it stays in the history.") },
	{ UI_A_SEARCH, 0, { '/', 0 }, NULL,
	    N_("Search by the beginning of a member's name as you type; "
	    "Enter keeps the search, Esc clears it.") },
	{ PAIRS_A_CLEAR, 0, { 'c', 0 }, NULL,
	    N_("Clear the search and show the live pairs again.") },
	UI_ACTION_MENU,
	UI_ACTION_BACK,
};

static const char *
pairs_filter_label(int status)
{
	if (status == PAIR_LIVE)
		return (_("Live pairs and groups"));
	if (status < 0)
		return (_("All pairs and groups, with the history"));
	return (pair_status_label(status));
}

static void
pairs_draw(struct ui_frame *f, WINDOW *w, int y, int h)
{
	struct pairs	*p = f->data;
	struct sbuf	 line, pos;
	int		 pw;

	sbuf_init(&line);
	sbuf_init(&pos);
	sbuf_add(&line, pairs_filter_label(p->f.status));
	if (p->search != NULL && !p->list.searching)
		sbuf_addf(&line, " · %s «%s»", _("search"), p->search);
	ui_list_position(&p->list, &pos);
	pw = ui_width(pos.s);
	ui_put(w, y, 1, COLS - pw - 4, line.s, ui_attr(UI_DIM), 0);
	ui_put(w, y, COLS - pw - 1, pw, pos.s, A_NORMAL, 0);
	sbuf_free(&line);
	sbuf_free(&pos);
	ui_list_draw(&p->list, f, w, y + 1, h - 1);
}

static void
pairs_filter(struct pairs *p)
{
	const char	*items[2 + PST__COUNT];
	int		 i, cur, k;

	items[0] = _("live: forming and active");
	items[1] = _("all, with the history");
	for (i = 0; i < PST__COUNT; i++)
		items[2 + i] = pair_status_label(i);
	cur = p->f.status == PAIR_LIVE ? 0 : p->f.status < 0 ? 1 :
	    2 + p->f.status;
	if ((k = ui_pick(_("Show pairs"), items, 2 + PST__COUNT, cur)) < 0)
		return;
	p->f.status = k == 0 ? PAIR_LIVE : k == 1 ? -1 : k - 2;
	ui_list_reload(&p->list);
}

static void
pairs_delete(struct pairs *p)
{
	const struct pair_row	*r = ui_list_current(&p->list);
	struct nerr		 err;
	char			*q;

	if (r == NULL || ui_refuse_readonly())
		return;
	xasprintf(&q, _("Delete pair No. %lld (%s)? Only a pair entered by "
	    "mistake should go. (y/n)"), r->id, str_or(r->mentees, ""));
	if (ui_confirm(q)) {
		nerr_clear(&err);
		if (pair_delete(ui_db(), r->id, &err) != 0)
			ui_error("%s", err.msg);
		else {
			ui_status(_("Pair No. %lld is deleted."), r->id);
			ui_list_refresh(&p->list);
		}
	}
	free(q);
}

/* Complete or cancel (or take back to forming or active) with a result. */
static void
pairs_close(struct pairs *p)
{
	const struct pair_row	*r = ui_list_current(&p->list);
	const char		*items[PST__COUNT];
	struct nerr		 err;
	char			*result = NULL, *q;
	long long		 id;
	int			 i, k;

	if (r == NULL || ui_refuse_readonly())
		return;
	id = r->id;
	for (i = 0; i < PST__COUNT; i++)
		items[i] = pair_status_label(i);
	xasprintf(&q, _("Status of pair No. %lld"), id);
	k = ui_pick(q, items, PST__COUNT, r->status);
	free(q);
	if (k < 0)
		return;
	if (k == PST_COMPLETED || k == PST_CANCELLED) {
		result = ui_prompt(_("The result (what was achieved, or why "
		    "it was cancelled):"), NULL);
		if (result == NULL)
			return;
	}
	nerr_clear(&err);
	if (pair_set_status(ui_db(), id, k, NULL, str_empty(result) ? NULL :
	    result, &err) != 0)
		ui_error("%s", err.msg);
	else {
		ui_status(_("Pair No. %lld: %s."), id, pair_status_label(k));
		ui_list_refresh(&p->list);
	}
	free(result);
}

static void
pairs_clear(struct pairs *p)
{
	pair_filter_init(&p->f);
	p->f.status = PAIR_LIVE;
	free(p->search);
	p->search = NULL;
	sbuf_reset(&p->list.search);
	p->list.searching = 0;
}

static int
pairs_key(struct ui_frame *f, int k, int action)
{
	struct pairs		*p = f->data;
	const struct pair_row	*r = ui_list_current(&p->list);

	if ((p->list.searching || action == UI_A_NONE || k == UI_ESC) &&
	    ui_list_key(&p->list, f, k))
		return (UI_STAY);
	switch (action) {
	case UI_A_HELP:
		ui_help_show(f, NULL);
		break;
	case UI_A_VIEW:
		if (r != NULL)
			ui_pair_card(r->id);
		break;
	case UI_A_EDIT:
		if (r != NULL && !ui_refuse_readonly())
			ui_pair_edit(r->id);
		break;
	case UI_A_NEW:
		if (!ui_refuse_readonly())
			ui_pair_edit(0);
		break;
	case UI_A_DELETE:
		pairs_delete(p);
		break;
	case UI_A_FILTER:
		pairs_filter(p);
		break;
	case PAIRS_A_UNPAIRED:
		ui_unpaired_open();
		break;
	case PAIRS_A_PLAN:
		if (r != NULL)
			ui_plan_open(r->id);
		break;
	case PAIRS_A_CLOSE:
		pairs_close(p);
		break;
	case PAIRS_A_AGREEMENT:
		if (r != NULL)
			ui_report_show("agreement", r->id);
		break;
	case UI_A_SEARCH:
		ui_list_search_start(&p->list, f);
		break;
	case PAIRS_A_CLEAR:
		pairs_clear(p);
		ui_list_reload(&p->list);
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

/* Back from a card, a form, the unpaired or a plan: show what changed. */
static void
pairs_resume(struct ui_frame *f)
{
	struct pairs	*p = f->data;
	long long	 id = ui_pair_saved();

	ui_list_refresh(&p->list);
	if (id > 0 && !ui_list_select(&p->list, id)) {
		pairs_clear(p);
		p->f.status = -1;
		ui_list_reload(&p->list);
		ui_list_select(&p->list, id);
	}
}

static void
pairs_changed(struct ui_frame *f)
{
	struct pairs	*p = f->data;

	ui_list_refresh(&p->list);
	ui_status("%s", _("Someone else changed the data; the list is up to "
	    "date."));
}

static int
pairs_enter(struct ui_frame *f)
{
	struct pairs	*p = f->data;

	return (ui_list_reload(&p->list));
}

static void
pairs_leave(struct ui_frame *f)
{
	struct pairs	*p = f->data;

	ui_list_free(&p->list);
	free(p->search);
	free(p);
}

static const struct ui_screen pairs_screen = {
	.name = "pairs",
	.title = N_("Pairs and groups"),
	.enter = pairs_enter,
	.draw = pairs_draw,
	.key = pairs_key,
	.leave = pairs_leave,
	.changed = pairs_changed,
	.resume = pairs_resume,
	.actions = pairs_actions,
	.nactions = nitems(pairs_actions),
	/* xgettext:no-c-format */
	.help = N_("Mentoring pairs and groups: one or more mentors with one "
	    "or more mentees. The list shows the live ones (forming and "
	    "active); completed and cancelled pairs stay in the history and "
	    "show with F5. The Plan column is the share of the individual "
	    "plan done (the target is 90 %). Mentees left without a pair are "
	    "one key away: F6 or u."),
};

int
ui_pairs_open(void)
{
	struct pairs	*p;

	p = xcalloc(1, sizeof *p);
	pair_filter_init(&p->f);
	p->f.status = PAIR_LIVE;
	ui_list_init(&p->list, pairs_columns, nitems(pairs_columns),
	    &pairs_source, p);
	p->list.empty = N_("No pairs here: F7 forms one, F6 shows who is "
	    "waiting for a mentor.");
	return (ui_push(&pairs_screen, p));
}
