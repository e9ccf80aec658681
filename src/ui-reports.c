/* ui-reports.c: the reports menu: the list of reports, and what one asks first. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "pair.h"
#include "person.h"
#include "report.h"
#include "ui-dialog.h"
#include "ui-draw.h"
#include "ui-help.h"
#include "ui-list.h"
#include "ui-pager.h"
#include "ui-reports.h"

/* ---- attendance: the month and the class, asked in two small boxes ---- */

/* "10.2025", "10/2025" or "2025-10" as "2025-10"; blank: NULL, the year. */
static int
ui_report_month(const char *typed, char **iso, struct nerr *err)
{
	int	m = 0, y = 0, used = 0;

	*iso = NULL;
	if (*typed == '\0')
		return (0);
	if ((sscanf(typed, "%2d.%4d%n", &m, &y, &used) == 2 ||
	    sscanf(typed, "%2d/%4d%n", &m, &y, &used) == 2 ||
	    sscanf(typed, "%4d-%2d%n", &y, &m, &used) == 2) &&
	    typed[used] == '\0' && m >= 1 && m <= 12 && y >= 1900 &&
	    y <= 2200) {
		xasprintf(iso, "%04d-%02d", y, m);
		return (0);
	}
	return (nerr_set(err, _("«%s» is not a month: type it as ММ.ГГГГ, "
	    "for example 10.2025."), typed));
}

static int
ui_report_attendance(const struct report_def *def)
{
	struct nerr	 err;
	const char	*t = date_today();
	char		*typed, *month = NULL, *cls = NULL, *init;

	xasprintf(&init, "%.2s.%.4s", t + 5, t);
	for (;;) {
		typed = ui_prompt(_("Month (ММ.ГГГГ; empty: the whole school "
		    "year):"), init);
		free(init);
		if (typed == NULL)
			return (-1);
		nerr_clear(&err);
		if (ui_report_month(typed, &month, &err) == 0)
			break;
		ui_error("%s", err.msg);
		init = typed;
	}
	free(typed);
	init = NULL;
	for (;;) {
		typed = ui_prompt(_("Class (for example 7Б; empty: every "
		    "class):"), init);
		free(init);
		if (typed == NULL) {
			free(month);
			return (-1);
		}
		if (*typed == '\0' ||
		    (cls = person_class_normalise(typed)) != NULL)
			break;
		ui_error(_("«%s» is not a class: type it as 7Б, or leave it "
		    "empty."), typed);
		init = typed;
	}
	free(typed);
	ui_status("%s", "");	/* a refusal above is answered */
	return (ui_report_view(def, 0, month, cls));
}

/* ---- a pair's report: the pair is chosen from the list ---- */

struct rpairs {
	const struct report_def	*def;
	struct pair_filter	 f;
	char			*search;
	struct ui_list		 list;
};

static int
rpairs_page(void *ctx, const void *from, int backward, void *rows, int n,
    struct nerr *err)
{
	return (pair_page(ui_db(), &((struct rpairs *)ctx)->f, from, backward,
	    rows, n, err));
}

static long long
rpairs_count(void *ctx, struct nerr *err)
{
	return (pair_count(ui_db(), &((struct rpairs *)ctx)->f, err));
}

static void
rpairs_free_rows(void *rows, int n)
{
	pair_rows_free(rows, n);
}

static void
rpairs_copy_row(void *dst, const void *src)
{
	pair_row_copy(dst, src);
}

static long long
rpairs_id(const void *row)
{
	return (((const struct pair_row *)row)->id);
}

static int
rpairs_find(void *ctx, long long id, void *out, struct nerr *err)
{
	return (pair_row_find(ui_db(), &((struct rpairs *)ctx)->f, id, out,
	    err));
}

static long long
rpairs_rank(void *ctx, const void *row, struct nerr *err)
{
	return (pair_rank(ui_db(), &((struct rpairs *)ctx)->f, row, err));
}

static void
rpairs_search(void *ctx, const char *s)
{
	struct rpairs	*rp = ctx;

	free(rp->search);
	rp->search = s != NULL ? xstrdup(s) : NULL;
	rp->f.search = rp->search;
}

static const struct ui_list_source rpairs_source = {
	.rowsize = sizeof (struct pair_row),
	.page = rpairs_page,
	.count = rpairs_count,
	.free_rows = rpairs_free_rows,
	.copy_row = rpairs_copy_row,
	.id = rpairs_id,
	.find = rpairs_find,
	.rank = rpairs_rank,
	.search = rpairs_search,
};

static void
rpcol_id(const void *row, struct sbuf *sb)
{
	sbuf_addf(sb, "%lld", ((const struct pair_row *)row)->id);
}

static void
rpcol_mentors(const void *row, struct sbuf *sb)
{
	sbuf_add(sb, str_or(((const struct pair_row *)row)->mentors, ""));
}

static void
rpcol_mentees(const void *row, struct sbuf *sb)
{
	sbuf_add(sb, str_or(((const struct pair_row *)row)->mentees, ""));
}

static void
rpcol_status(const void *row, struct sbuf *sb)
{
	sbuf_add(sb, pair_status_label(((const struct pair_row *)row)->status));
}

static const struct ui_column rpairs_columns[] = {
	{ N_("No."), 4, 1, rpcol_id },
	{ N_("Mentors"), 0, 0, rpcol_mentors },
	{ N_("Mentees"), 0, 0, rpcol_mentees },
	{ N_("Status"), 11, 0, rpcol_status },
};

static const struct ui_action rpairs_actions[] = {
	UI_ACTION_HELP,
	{ UI_A_VIEW, 3, { '\r', '\n', UI_FN(KEY_ENTER), 'v' }, N_("Report"),
	    N_("Show the report for the chosen pair.") },
	{ UI_A_FILTER, 5, { 'f', 0 }, N_("Filter"),
	    N_("Show the live pairs (forming and active) or all of them, "
	    "completed and cancelled too.") },
	{ UI_A_SEARCH, 0, { '/', 0 }, NULL,
	    N_("Search by the beginning of a member's name as you type; "
	    "Enter keeps the search, Esc clears it.") },
	UI_ACTION_MENU,
	UI_ACTION_BACK,
};

static void
rpairs_draw(struct ui_frame *f, WINDOW *w, int y, int h)
{
	struct rpairs	*rp = f->data;
	struct sbuf	 line, pos;
	int		 pw;

	sbuf_init(&line);
	sbuf_init(&pos);
	sbuf_add(&line, rp->f.status == PAIR_LIVE ?
	    _("Choose the pair: live pairs and groups") :
	    _("Choose the pair: all pairs and groups, with the history"));
	if (rp->search != NULL && !rp->list.searching)
		sbuf_addf(&line, " · %s «%s»", _("search"), rp->search);
	ui_list_position(&rp->list, &pos);
	pw = ui_width(pos.s);
	ui_put(w, y, 1, COLS - pw - 4, line.s, ui_attr(UI_DIM), 0);
	ui_put(w, y, COLS - pw - 1, pw, pos.s, A_NORMAL, 0);
	sbuf_free(&line);
	sbuf_free(&pos);
	ui_list_draw(&rp->list, f, w, y + 1, h - 1);
}

static int
rpairs_key(struct ui_frame *f, int k, int action)
{
	struct rpairs		*rp = f->data;
	const struct pair_row	*r = ui_list_current(&rp->list);

	if ((rp->list.searching || action == UI_A_NONE || k == UI_ESC) &&
	    ui_list_key(&rp->list, f, k))
		return (UI_STAY);
	switch (action) {
	case UI_A_HELP:
		ui_help_show(f, rp->def->help);
		break;
	case UI_A_VIEW:
		if (r == NULL)
			break;
		ui_report_view(rp->def, r->id, NULL, NULL);
		break;
	case UI_A_FILTER:
		rp->f.status = rp->f.status == PAIR_LIVE ? -1 : PAIR_LIVE;
		ui_list_reload(&rp->list);
		break;
	case UI_A_SEARCH:
		ui_list_search_start(&rp->list, f);
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
rpairs_changed(struct ui_frame *f)
{
	ui_list_refresh(&((struct rpairs *)f->data)->list);
}

static int
rpairs_enter(struct ui_frame *f)
{
	return (ui_list_reload(&((struct rpairs *)f->data)->list));
}

static void
rpairs_leave(struct ui_frame *f)
{
	struct rpairs	*rp = f->data;

	ui_list_free(&rp->list);
	free(rp->search);
	free(rp);
}

static const struct ui_screen rpairs_screen = {
	.name = "report-pairs",
	.title = NULL,
	.enter = rpairs_enter,
	.draw = rpairs_draw,
	.key = rpairs_key,
	.leave = rpairs_leave,
	.changed = rpairs_changed,
	.actions = rpairs_actions,
	.nactions = nitems(rpairs_actions),
	.help = N_("This report is about one pair or group: choose it with "
	    "the arrows or by typing / and the beginning of a member's name, "
	    "then press Enter. F5 shows completed and cancelled pairs too. "
	    "Back from the report, another pair can be chosen."),
};

static int
rpairs_open(const struct report_def *def)
{
	struct rpairs	*rp = xcalloc(1, sizeof *rp);

	rp->def = def;
	pair_filter_init(&rp->f);
	rp->f.status = PAIR_LIVE;
	ui_list_init(&rp->list, rpairs_columns, nitems(rpairs_columns),
	    &rpairs_source, rp);
	rp->list.empty = N_("No pairs here: F5 shows all of them, with the "
	    "history.");
	if (ui_push(&rpairs_screen, rp) != 0)
		return (-1);
	ui_set_title(_(def->title));
	return (0);
}

/* ---- the list of reports ---- */

int
ui_report_show(const char *name, long long pair)
{
	const struct report_def	*def;

	if ((def = report_find(name)) == NULL) {
		ui_error(_("There is no report «%s»."), name);
		return (-1);
	}
	if (def->needs_pair && pair <= 0)
		return (rpairs_open(def));
	if (strcmp(def->name, "attendance") == 0)
		return (ui_report_attendance(def));
	return (ui_report_view(def, pair, NULL, NULL));
}

/* Asks something before it shows: a pair, a month. */
static int
rlist_asks(const struct report_def *def)
{
	return (def->needs_pair || strcmp(def->name, "attendance") == 0);
}

struct rlist {
	int	 cur;
	int	 top;
};

static const struct ui_action rlist_actions[] = {
	UI_ACTION_HELP,
	{ UI_A_VIEW, 3, { '\r', '\n', UI_FN(KEY_ENTER), 'v' }, N_("View"),
	    N_("Show the chosen report as it prints; from there F2 saves it "
	    "and F5 prints it. A report marked … asks first: the pair, or "
	    "the month and the class.") },
	UI_ACTION_MENU,
	UI_ACTION_BACK,
};

static void
rlist_draw(struct ui_frame *f, WINDOW *w, int y, int h)
{
	struct rlist	*rl = f->data;
	struct sbuf	 t;
	char		**lines;
	int		 i, row, n, nl, vis;
	attr_t		 a;

	/* The chosen report's description sits under the list. */
	nl = ui_wrap(report_ndefs > 0 ? _(report_defs[rl->cur].help) : "",
	    COLS - 6, &lines);
	n = nl > 3 ? 3 : nl;
	vis = h - n - 3;
	if (rl->cur < rl->top)
		rl->top = rl->cur;
	if (vis > 0 && rl->cur >= rl->top + vis)
		rl->top = rl->cur - vis + 1;
	sbuf_init(&t);
	for (i = rl->top, row = y + 1; i < report_ndefs &&
	    row < y + 1 + vis; i++, row++) {
		a = i == rl->cur ? ui_attr(UI_SELECT) : A_NORMAL;
		if (i == rl->cur) {
			wattrset(w, a);
			mvwhline(w, row, 2, ' ', COLS - 4);
			wattrset(w, A_NORMAL);
		}
		sbuf_reset(&t);
		sbuf_add(&t, _(report_defs[i].title));
		if (rlist_asks(&report_defs[i]))
			sbuf_add(&t, ui_utf8() ? "…" : "...");
		ui_put(w, row, 4, COLS - 8, t.s, a, 0);
	}
	sbuf_free(&t);
	ui_hline(w, y + h - n - 1, 2, COLS - 4);
	for (i = 0; i < n; i++)
		ui_put(w, y + h - n + i, 3, COLS - 6, lines[i],
		    ui_attr(UI_DIM), 0);
	ui_wrap_free(lines, nl);
}

static int
rlist_key(struct ui_frame *f, int k, int action)
{
	struct rlist	*rl = f->data;

	switch (action) {
	case UI_A_HELP:
		ui_help_show(f, NULL);
		return (UI_STAY);
	case UI_A_VIEW:
		if (report_ndefs > 0)
			ui_report_show(report_defs[rl->cur].name, 0);
		return (UI_STAY);
	case UI_A_MENU:
		return (UI_TOP);
	case UI_A_BACK:
		return (UI_POP);
	}
	if (k == UI_ESC)
		return (UI_POP);
	ui_cursor_key(k, &rl->cur, report_ndefs);
	return (UI_STAY);
}

static void
rlist_leave(struct ui_frame *f)
{
	free(f->data);
}

static const struct ui_screen rlist_screen = {
	.name = "reports",
	.title = N_("Reports"),
	.draw = rlist_draw,
	.key = rlist_key,
	.leave = rlist_leave,
	.actions = rlist_actions,
	.nactions = nitems(rlist_actions),
	.help = N_("Every report the programme prints: the registers, the "
	    "consents, the pairs as a draft of the order, a pair's agreement "
	    "and plan, attendance, the roadmap and the summary. Each is "
	    "plain text of 80 columns laid out in pages, exactly as it "
	    "prints; the pager shows it, F2 there saves it to a file in the "
	    "encoding asked for (UTF-8, CP866 for DOS programs, CP1251 for "
	    "Windows, KOI8-R), F5 sends it to the print command. The print "
	    "command (lpr unless set otherwise) and its encoding are set in "
	    "Settings; when printing fails the program says why. Read-only "
	    "users may view, save and print every report."),
};

int
ui_reports_open(void)
{
	return (ui_push(&rlist_screen, xcalloc(1, sizeof (struct rlist))));
}
