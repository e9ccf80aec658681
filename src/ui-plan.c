/* ui-plan.c: one pair's individual plan: its steps, done marks, approval, completion. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "plan.h"
#include "ui-dialog.h"
#include "ui-draw.h"
#include "ui-form.h"
#include "ui-help.h"
#include "ui-pairs.h"
#include "ui-reports.h"

struct pscr {
	long long	 pair;
	char		*who;
	struct plan	 pl;
	int		 cur;
	int		 top;
};

static int
pscr_load(struct pscr *s)
{
	struct plan	fresh;
	struct nerr	err;
	int		r;

	plan_init(&fresh);
	nerr_clear(&err);
	if ((r = plan_get(ui_db(), s->pair, &fresh, &err)) != 0) {
		if (r == 1)
			ui_error("%s", _("The pair has no plan any more."));
		else
			ui_error("%s", err.msg);
		plan_free(&fresh);
		return (-1);
	}
	plan_free(&s->pl);
	s->pl = fresh;
	if (s->cur >= s->pl.nsteps)
		s->cur = s->pl.nsteps > 0 ? s->pl.nsteps - 1 : 0;
	return (0);
}

/* Overdue: due before today and not done. */
static int
pscr_overdue(const struct plan_step *st)
{
	return (st->done == NULL && !str_empty(st->due) &&
	    strcmp(st->due, date_today()) < 0);
}

/* ---- the step's form and the approval form ---- */

struct sform {
	struct plan_step st;		/* first: the form's object */
	struct plan	 pl;		/* as read when the form opened */
	int		 idx;		/* -1: a new step */
};

#define S(m)	offsetof(struct plan_step, m)

static const struct ui_field step_fields[] = {
	{ N_("Step"), UI_F_LONG, S(title), 1, 500, NULL, NULL },
	{ N_("Due"), UI_F_DATE, S(due), 0, 10, NULL, NULL },
	{ N_("Done on"), UI_F_DATE, S(done), 0, 10, NULL, NULL },
	{ N_("Note"), UI_F_LONG, S(note), 0, 1000, NULL, NULL },
};

#undef S

static char *
dup_or_null(const char *s)
{
	return (s != NULL ? xstrdup(s) : NULL);
}

static void
step_clear(struct plan_step *st)
{
	free(st->title);
	free(st->due);
	free(st->done);
	free(st->note);
	memset(st, 0, sizeof *st);
}

static int
sform_save(void *obj, struct nerr *err)
{
	struct sform		*sf = obj;
	struct plan_step	*st;
	int			 added = 0;

	if (sf->idx < 0) {
		st = plan_step_add(&sf->pl, str_or(sf->st.title, ""),
		    sf->st.due);
		added = 1;
	} else {
		st = &sf->pl.steps[sf->idx];
		free(st->title);
		free(st->due);
		st->title = dup_or_null(sf->st.title);
		st->due = dup_or_null(sf->st.due);
	}
	free(st->done);
	free(st->note);
	st->done = dup_or_null(sf->st.done);
	st->note = dup_or_null(sf->st.note);
	if (plan_save(ui_db(), &sf->pl, err) == 0)
		return (0);
	if (added) {
		/* Not saved: the next F2 must not add it twice. */
		step_clear(&sf->pl.steps[sf->pl.nsteps - 1]);
		sf->pl.nsteps--;
	}
	return (-1);
}

static void
sform_done(void *obj, int saved)
{
	struct sform	*sf = obj;

	if (saved)
		ui_status("%s", _("The step is saved."));
	step_clear(&sf->st);
	plan_free(&sf->pl);
	free(sf);
}

static const struct ui_form_spec step_spec = {
	.fields = step_fields,
	.nfields = nitems(step_fields),
	.help = N_("A step of the plan: what is to be done, by when, and when "
	    "it was done (empty while it is not). A done date cannot be in "
	    "the future."),
	.save = sform_save,
	.done = sform_done,
};

/* Open the step's form on a fresh copy of the plan; idx -1 adds one. */
static void
pscr_step_form(struct pscr *s, int idx)
{
	struct sform		*sf;
	struct plan_step	*st;
	struct nerr		 err;

	if (ui_refuse_readonly())
		return;
	sf = xcalloc(1, sizeof *sf);
	plan_init(&sf->pl);
	nerr_clear(&err);
	if (plan_get(ui_db(), s->pair, &sf->pl, &err) != 0 ||
	    idx >= sf->pl.nsteps) {
		ui_error("%s", err.msg[0] ? err.msg : _("The plan has "
		    "changed: look again."));
		sform_done(sf, 0);
		return;
	}
	sf->idx = idx;
	if (idx >= 0) {
		st = &sf->pl.steps[idx];
		sf->st.id = st->id;
		sf->st.title = dup_or_null(st->title);
		sf->st.due = dup_or_null(st->due);
		sf->st.done = dup_or_null(st->done);
		sf->st.note = dup_or_null(st->note);
	}
	ui_form_open(&step_spec, sf, idx < 0 ? _("New step") :
	    _("Edit the step"));
}

struct aform {
	struct plan	 pl;		/* first: the form's object */
};

#define A(m)	offsetof(struct plan, m)

static const struct ui_field approval_fields[] = {
	{ N_("Title"), UI_F_TEXT, A(title), 0, 0, NULL, NULL },
	{ N_("Approved on"), UI_F_DATE, A(approved), 0, 10, NULL, NULL },
	{ N_("Order number"), UI_F_TEXT, A(approved_order), 0, 30, NULL,
	    NULL },
};

#undef A

static int
aform_save(void *obj, struct nerr *err)
{
	return (plan_save(ui_db(), &((struct aform *)obj)->pl, err));
}

static void
aform_done(void *obj, int saved)
{
	struct aform	*af = obj;

	if (saved)
		ui_status("%s", _("The plan is saved."));
	plan_free(&af->pl);
	free(af);
}

static const struct ui_form_spec approval_spec = {
	.fields = approval_fields,
	.nfields = nitems(approval_fields),
	.help = N_("The plan is approved by the director's order: the date "
	    "and the order's number."),
	.save = aform_save,
	.done = aform_done,
};

static void
pscr_approval(struct pscr *s)
{
	struct aform	*af;
	struct nerr	 err;

	if (ui_refuse_readonly())
		return;
	af = xcalloc(1, sizeof *af);
	plan_init(&af->pl);
	nerr_clear(&err);
	if (plan_get(ui_db(), s->pair, &af->pl, &err) != 0) {
		ui_error("%s", err.msg);
		aform_done(af, 0);
		return;
	}
	ui_form_open(&approval_spec, af, _("The plan's approval"));
}

/* ---- the screen ---- */

enum { PLAN_A_TOGGLE = UI_A_USER, PLAN_A_APPROVAL, PLAN_A_UNPAIRED, PLAN_A_REPORT };

static const struct ui_action plan_actions[] = {
	UI_ACTION_HELP,
	{ PLAN_A_REPORT, 3, { 'r', 0 }, N_("Report"),
	    N_("The plan as it prints, to save or print it.") },
	{ UI_A_EDIT, 4, { 'e', '\r', '\n', UI_FN(KEY_ENTER) }, N_("Edit"),
	    N_("Edit the step: its title, due date, done date and note.") },
	{ PLAN_A_APPROVAL, 5, { 'a', 0 }, N_("Approval"),
	    N_("The date the plan was approved and the number of the "
	    "order.") },
	{ PLAN_A_UNPAIRED, 6, { 'u', 0 }, N_("Unpaired"),
	    N_("Mentees still without a pair.") },
	{ UI_A_NEW, 7, { 'n', UI_FN(KEY_IC), 0 }, N_("New"),
	    N_("Add a step at the end of the plan.") },
	{ UI_A_DELETE, 8, { UI_FN(KEY_DC), 'd', 0 }, N_("Delete"),
	    N_("Delete the step, after asking.") },
	{ PLAN_A_TOGGLE, 0, { ' ', 0 }, NULL,
	    N_("Mark the step done today, or not done if it was.") },
	UI_ACTION_MENU,
	UI_ACTION_BACK,
};

static void
pscr_head(struct pscr *s, WINDOW *w, int y)
{
	struct sbuf	sb;
	char		d[DATE_ISO_LEN];
	int		done, total, overdue, pct, x;

	ui_put(w, y, 1, COLS - 2, str_or(s->who, ""), A_BOLD, 0);
	sbuf_init(&sb);
	if (!str_empty(s->pl.approved) || !str_empty(s->pl.approved_order)) {
		date_show(s->pl.approved, d);
		sbuf_addf(&sb, _("Approved %s, order No. %s"), d,
		    str_or(s->pl.approved_order, "—"));
	} else
		sbuf_add(&sb, _("Not approved by an order yet (F5)"));
	if (!str_empty(s->pl.title))
		sbuf_addf(&sb, " · %s", s->pl.title);
	ui_put(w, y + 1, 1, COLS - 2, sb.s, ui_attr(UI_DIM), 0);
	plan_completion(&s->pl, &done, &total, &overdue);
	pct = total > 0 ? done * 100 / total : 0;
	sbuf_reset(&sb);
	sbuf_addf(&sb, _("Done %d of %d (%d %%)"), done, total, pct);
	x = 1 + ui_put(w, y + 2, 1, COLS - 2, sb.s, A_BOLD, 0);
	sbuf_reset(&sb);
	sbuf_addf(&sb, _(" · the target is %d %%"), PLAN_TARGET_PCT);
	if (total > 0 && pct >= PLAN_TARGET_PCT)
		sbuf_addf(&sb, " · %s", _("reached"));
	if (overdue > 0)
		sbuf_addf(&sb, " · ");
	x += ui_put(w, y + 2, x, COLS - x - 1, sb.s, A_NORMAL, 0);
	if (overdue > 0) {
		sbuf_reset(&sb);
		sbuf_addf(&sb, ngettext("%d step overdue (!)",
		    "%d steps overdue (!)", (unsigned long)overdue), overdue);
		ui_put(w, y + 2, x, COLS - x - 1, sb.s, ui_attr(UI_ERROR), 0);
	}
	sbuf_free(&sb);
}

static void
pscr_row(struct pscr *s, WINDOW *w, int y, int i)
{
	const struct plan_step	*st = &s->pl.steps[i];
	char			 d[DATE_ISO_LEN];
	const char		*mark = " ";
	attr_t			 a = A_NORMAL;
	int			 late = pscr_overdue(st);

	if (late) {
		mark = "!";
		a = ui_attr(UI_ERROR) | A_BOLD;
	} else if (st->done != NULL)
		mark = ui_utf8() ? "✓" : "+";
	if (i == s->cur)
		a = ui_attr(UI_SELECT) | (late ? A_BOLD : 0);
	wattrset(w, a);
	mvwhline(w, y, 0, ' ', COLS);
	wattrset(w, A_NORMAL);
	ui_put(w, y, 1, 1, mark, a | A_BOLD, 0);
	ui_put(w, y, 3, COLS - 27, str_or(st->title, ""), a, 0);
	date_show(st->due, d);
	ui_put(w, y, COLS - 23, 10, d, a, 0);
	date_show(st->done, d);
	ui_put(w, y, COLS - 12, 10, d, a, 0);
}

static void
plan_draw(struct ui_frame *f, WINDOW *w, int y, int h)
{
	struct pscr	*s = f->data;
	int		 i, rows;

	pscr_head(s, w, y);
	ui_put(w, y + 3, 3, COLS - 27, _("Step"), ui_attr(UI_HEADER), 1);
	ui_put(w, y + 3, COLS - 23, 10, _("Due"), ui_attr(UI_HEADER), 1);
	ui_put(w, y + 3, COLS - 12, 11, _("Done on"), ui_attr(UI_HEADER), 1);
	rows = h - 4;
	if (s->pl.nsteps == 0) {
		ui_put_centre(w, y + 4 + rows / 2, 0, COLS, _("No steps yet: "
		    "F7 adds one."), ui_attr(UI_DIM));
		return;
	}
	if (s->cur < s->top)
		s->top = s->cur;
	if (s->cur >= s->top + rows)
		s->top = s->cur - rows + 1;
	for (i = 0; i < rows && s->top + i < s->pl.nsteps; i++)
		pscr_row(s, w, y + 4 + i, s->top + i);
}

static void
pscr_toggle(struct pscr *s)
{
	const struct plan_step	*st;
	struct nerr		 err;
	int			 clear;

	if (s->pl.nsteps == 0 || ui_refuse_readonly())
		return;
	st = &s->pl.steps[s->cur];
	clear = st->done != NULL;
	nerr_clear(&err);
	if (plan_step_mark(ui_db(), st->id, NULL, clear, &err) != 0)
		ui_error("%s", err.msg);
	pscr_load(s);
	if (s->cur < s->pl.nsteps - 1)
		s->cur++;
}

static void
pscr_delete(struct pscr *s)
{
	struct nerr	 err;
	char		*q;
	int		 i;

	if (s->pl.nsteps == 0 || ui_refuse_readonly())
		return;
	xasprintf(&q, _("Delete the step «%s»? (y/n)"),
	    str_or(s->pl.steps[s->cur].title, ""));
	if (ui_confirm(q)) {
		step_clear(&s->pl.steps[s->cur]);
		for (i = s->cur; i < s->pl.nsteps - 1; i++)
			s->pl.steps[i] = s->pl.steps[i + 1];
		s->pl.nsteps--;
		nerr_clear(&err);
		if (plan_save(ui_db(), &s->pl, &err) != 0)
			ui_error("%s", err.msg);
		else
			ui_status("%s", _("The step is deleted."));
		pscr_load(s);
	}
	free(q);
}

static int
plan_key(struct ui_frame *f, int k, int action)
{
	struct pscr	*s = f->data;

	if (ui_cursor_key(k, &s->cur, s->pl.nsteps))
		return (UI_STAY);
	switch (action) {
	case UI_A_HELP:
		ui_help_show(f, NULL);
		break;
	case PLAN_A_TOGGLE:
		pscr_toggle(s);
		break;
	case UI_A_EDIT:
		if (s->pl.nsteps > 0)
			pscr_step_form(s, s->cur);
		break;
	case UI_A_NEW:
		pscr_step_form(s, -1);
		break;
	case UI_A_DELETE:
		pscr_delete(s);
		break;
	case PLAN_A_APPROVAL:
		pscr_approval(s);
		break;
	case PLAN_A_UNPAIRED:
		ui_unpaired_open();
		break;
	case PLAN_A_REPORT:
		ui_report_show("plan", s->pair);
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
plan_enter(struct ui_frame *f)
{
	return (pscr_load(f->data));
}

static void
plan_resume(struct ui_frame *f)
{
	pscr_load(f->data);
}

static void
plan_leave(struct ui_frame *f)
{
	struct pscr	*s = f->data;

	plan_free(&s->pl);
	free(s->who);
	free(s);
}

static const struct ui_screen plan_screen = {
	.name = "plan",
	.title = N_("Individual plan"),
	.enter = plan_enter,
	.draw = plan_draw,
	.key = plan_key,
	.leave = plan_leave,
	.changed = plan_resume,
	.resume = plan_resume,
	.actions = plan_actions,
	.nactions = nitems(plan_actions),
	/* xgettext:no-c-format */
	.help = N_("The pair's individual plan: its steps with the dates they "
	    "are due and were done. Space marks the step under the cursor "
	    "done today (or not done again). At least 90 % of a plan's steps "
	    "should be done. A step past its due date and not done is marked "
	    "with ! and stands out. The plan is approved by the director's "
	    "order: F5 records the date and the number."),
};

/* No plan yet: from the template for the pair's form, or empty. */
static int
plan_start(long long pair)
{
	const char	*items[2];
	struct plan	 pl;
	struct nerr	 err;
	int		 k, r;

	if (ui_readonly()) {
		ui_message(_("The pair has no individual plan yet."));
		return (-1);
	}
	items[0] = _("from the template for the pair's form");
	items[1] = _("an empty plan");
	if ((k = ui_pick(_("The pair has no plan yet. Start one:"), items, 2,
	    0)) < 0)
		return (-1);
	plan_init(&pl);
	nerr_clear(&err);
	if (k == 0)
		r = plan_from_template(ui_db(), pair, &pl, &err);
	else {
		pl.pair_id = pair;
		r = plan_save(ui_db(), &pl, &err);
	}
	plan_free(&pl);
	if (r != 0) {
		ui_error("%s", err.msg);
		return (-1);
	}
	ui_status("%s", k == 0 ? _("The plan is made from the template; "
	    "change its steps to fit the pair.") : _("An empty plan is made: "
	    "F7 adds steps."));
	return (0);
}

int
ui_plan_open(long long pair)
{
	struct pscr	*s;
	struct plan	 pl;
	struct nerr	 err;
	int		 r;

	plan_init(&pl);
	nerr_clear(&err);
	r = plan_get(ui_db(), pair, &pl, &err);
	plan_free(&pl);
	if (r < 0) {
		ui_error("%s", err.msg);
		return (-1);
	}
	if (r == 1 && plan_start(pair) != 0)
		return (-1);
	s = xcalloc(1, sizeof *s);
	s->pair = pair;
	s->who = ui_pair_name(pair);
	plan_init(&s->pl);
	return (ui_push(&plan_screen, s));
}
