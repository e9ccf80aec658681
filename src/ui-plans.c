/* ui-plans.c: every individual plan's completion against the 90 % target. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "plan.h"
#include "ui-draw.h"
#include "ui-help.h"
#include "ui-pairs.h"

struct plans {
	struct plan_stat	*st;
	int			 n;
	int			 all_done;
	int			 all_total;
	int			 met;
	int			 cur;
	int			 top;
};

static int
plans_load(struct plans *p)
{
	struct nerr	err;

	plan_stats_free(p->st, p->n);
	p->st = NULL;
	p->n = 0;
	nerr_clear(&err);
	if (plan_stats(ui_db(), &p->st, &p->n, &p->all_done, &p->all_total,
	    &p->met, &err) != 0) {
		ui_error("%s", err.msg);
		return (-1);
	}
	if (p->cur >= p->n)
		p->cur = p->n > 0 ? p->n - 1 : 0;
	return (0);
}

enum { PLANS_A_UNPAIRED = UI_A_USER };

static const struct ui_action plans_actions[] = {
	UI_ACTION_HELP,
	{ UI_A_OPEN, 3, { '\r', '\n', UI_FN(KEY_ENTER), 'v' }, N_("Plan"),
	    N_("Open the plan: mark steps done, edit them, add new ones.") },
	{ PLANS_A_UNPAIRED, 6, { 'u', 0 }, N_("Unpaired"),
	    N_("Mentees still without a pair.") },
	UI_ACTION_MENU,
	UI_ACTION_BACK,
};

static void
plans_row(struct plans *p, WINDOW *w, int y, int i)
{
	const struct plan_stat	*s = &p->st[i];
	struct sbuf		 sb;
	attr_t			 a = i == p->cur ? ui_attr(UI_SELECT) :
				    A_NORMAL;
	int			 pct = s->total ? s->done * 100 / s->total : 0;

	if (i != p->cur && s->overdue > 0)
		a = ui_attr(UI_ERROR);
	wattrset(w, a);
	mvwhline(w, y, 0, ' ', COLS);
	wattrset(w, A_NORMAL);
	ui_put(w, y, 1, 1, s->overdue > 0 ? "!" : s->total > 0 &&
	    pct >= PLAN_TARGET_PCT ? (ui_utf8() ? "✓" : "+") : " ",
	    a | A_BOLD, 0);
	ui_put(w, y, 3, COLS - 37, str_or(s->who, ""), a, 0);
	sbuf_init(&sb);
	sbuf_addf(&sb, _("%d of %d"), s->done, s->total);
	ui_put(w, y, COLS - 33, 10, sb.s, a, 0);
	sbuf_reset(&sb);
	sbuf_addf(&sb, "%3d %%", pct);
	ui_put(w, y, COLS - 22, 6, sb.s, a | (pct < PLAN_TARGET_PCT ? 0 :
	    A_BOLD), 0);
	sbuf_reset(&sb);
	if (s->overdue > 0)
		sbuf_addf(&sb, _("overdue: %d"), s->overdue);
	ui_put(w, y, COLS - 15, 14, sb.s, a, 0);
	sbuf_free(&sb);
}

static void
plans_draw(struct ui_frame *f, WINDOW *w, int y, int h)
{
	struct plans	*p = f->data;
	struct sbuf	 sb;
	int		 i, rows;

	sbuf_init(&sb);
	sbuf_addf(&sb, _("Overall %d of %d steps (%d %%) · plans at the "
	    "target of %d %%: %d of %d"), p->all_done, p->all_total,
	    p->all_total ? p->all_done * 100 / p->all_total : 0,
	    PLAN_TARGET_PCT, p->met, p->n);
	ui_put(w, y, 1, COLS - 2, sb.s, A_BOLD, 0);
	sbuf_free(&sb);
	ui_put(w, y + 1, 1, COLS - 2, _("Furthest behind first · ! marks "
	    "overdue steps · Enter opens the plan"), ui_attr(UI_DIM), 0);
	ui_put(w, y + 2, 3, COLS - 37, _("Pair"), ui_attr(UI_HEADER), 1);
	ui_put(w, y + 2, COLS - 33, 10, _("Steps"), ui_attr(UI_HEADER), 1);
	ui_put(w, y + 2, COLS - 22, 6, _("Share"), ui_attr(UI_HEADER), 1);
	ui_put(w, y + 2, COLS - 15, 14, _("Overdue"), ui_attr(UI_HEADER), 1);
	rows = h - 3;
	if (p->n == 0) {
		ui_put_centre(w, y + 3 + rows / 2, 0, COLS, _("No plans yet: "
		    "open a pair (Pairs and groups) and press p."),
		    ui_attr(UI_DIM));
		return;
	}
	if (p->cur < p->top)
		p->top = p->cur;
	if (p->cur >= p->top + rows)
		p->top = p->cur - rows + 1;
	for (i = 0; i < rows && p->top + i < p->n; i++)
		plans_row(p, w, y + 3 + i, p->top + i);
}

static int
plans_key(struct ui_frame *f, int k, int action)
{
	struct plans	*p = f->data;

	if (ui_cursor_key(k, &p->cur, p->n))
		return (UI_STAY);
	switch (action) {
	case UI_A_HELP:
		ui_help_show(f, NULL);
		break;
	case UI_A_OPEN:
		if (p->n > 0)
			ui_plan_open(p->st[p->cur].pair_id);
		break;
	case PLANS_A_UNPAIRED:
		ui_unpaired_open();
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

static int
plans_enter(struct ui_frame *f)
{
	return (plans_load(f->data));
}

/* Keep the cursor on the same pair when the order changes. */
static void
plans_resume(struct ui_frame *f)
{
	struct plans	*p = f->data;
	long long	 pair = p->n > 0 ? p->st[p->cur].pair_id : 0;
	int		 i;

	if (plans_load(p) != 0)
		return;
	for (i = 0; i < p->n; i++) {
		if (p->st[i].pair_id == pair)
			p->cur = i;
	}
}

static void
plans_leave(struct ui_frame *f)
{
	struct plans	*p = f->data;

	plan_stats_free(p->st, p->n);
	free(p);
}

static const struct ui_screen plans_screen = {
	.name = "plans",
	.title = N_("Individual plans"),
	.enter = plans_enter,
	.draw = plans_draw,
	.key = plans_key,
	.leave = plans_leave,
	.changed = plans_resume,
	.resume = plans_resume,
	.actions = plans_actions,
	.nactions = nitems(plans_actions),
	/* xgettext:no-c-format */
	.help = N_("Every individual plan of the live and completed pairs, "
	    "those furthest behind first: steps done of all, the share, and "
	    "the overdue ones (marked !). The top line adds up every step and "
	    "counts the plans that reach the target of 90 %. Enter opens a "
	    "plan."),
};

int
ui_plans_open(void)
{
	return (ui_push(&plans_screen, xcalloc(1, sizeof (struct plans))));
}
