/* ui-pair.c: one pair or group: its form with the members, the members list, the card. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "meeting.h"
#include "pair.h"
#include "person.h"
#include "plan.h"
#include "ui-dialog.h"
#include "ui-draw.h"
#include "ui-form.h"
#include "ui-help.h"
#include "ui-pager.h"
#include "ui-pairs.h"
#include "ui-ppick.h"
#include "ui-reports.h"

static long long ui_pair_last_saved;

long long
ui_pair_saved(void)
{
	long long	id = ui_pair_last_saved;

	ui_pair_last_saved = 0;
	return (id);
}

/* «Иванов И. И.; Петров П. П.» of one side. */
static void
pair_side(const struct pair *p, int role, struct sbuf *sb)
{
	int	i, n = 0;

	for (i = 0; i < p->nmembers; i++) {
		if (p->members[i].role != role)
			continue;
		sbuf_addf(sb, "%s%s", n++ ? "; " : "",
		    str_or(p->members[i].name, "?"));
	}
}

char *
ui_pair_name(long long id)
{
	struct pair	 p;
	struct nerr	 err;
	struct sbuf	 sb;

	pair_init(&p);
	sbuf_init(&sb);
	nerr_clear(&err);
	if (pair_get(ui_db(), id, &p, &err) == 0) {
		pair_side(&p, PR_MENTOR, &sb);
		sbuf_add(&sb, " → ");
		pair_side(&p, PR_MENTEE, &sb);
	} else
		sbuf_addf(&sb, _("pair No. %lld"), id);
	pair_free(&p);
	return (sbuf_take(&sb));
}

/* Add a member with the name shown; its index, or -1 (the error shown). */
static int
pair_member_add_named(struct pair *p, long long id, int role)
{
	struct person		 who;
	struct pair_member	 tmp;
	struct nerr		 err;
	int			 i;

	for (i = 0; i < p->nmembers; i++) {
		if (p->members[i].person_id == id &&
		    p->members[i].role == role) {
			ui_status("%s", _("Already in the pair."));
			return (-1);
		}
	}
	person_init(&who);
	nerr_clear(&err);
	if (person_get(ui_db(), id, &who, &err) != 0) {
		ui_error("%s", err.msg);
		person_free(&who);
		return (-1);
	}
	pair_member_add(p, id, role);
	/* Mentors before mentees, as the card and the list show them. */
	for (i = p->nmembers - 1; i > 0 && p->members[i - 1].role > role;
	    i--) {
		tmp = p->members[i - 1];
		p->members[i - 1] = p->members[i];
		p->members[i] = tmp;
	}
	p->members[i].name = person_short_name(who.last, who.first,
	    who.patronymic);
	p->members[i].class_ = who.class_ != NULL ? xstrdup(who.class_) :
	    NULL;
	p->members[i].category = who.category;
	person_free(&who);
	return (i);
}

/* ---- the form's fields ---- */

static const char *
pair_form_choice(void *obj, int i)
{
	(void)obj;
	return (i >= 0 && i < PF__COUNT ? pair_form_label(i) : NULL);
}

static const char *
pair_kind_choice(void *obj, int i)
{
	(void)obj;
	if (i == PK_NONE)
		return (_("not said"));
	return (i > 0 && i < PK__COUNT ? pair_kind_label(i) : NULL);
}

static const char *
pair_status_choice(void *obj, int i)
{
	(void)obj;
	return (i >= 0 && i < PST__COUNT ? pair_status_label(i) : NULL);
}

#define P(m)	offsetof(struct pair, m)

static const struct ui_field pair_fields[] = {
	{ N_("Pair or group"), UI_F_SECTION, 0, 0, 0, NULL, NULL },
	{ N_("Form"), UI_F_CHOICE, P(form), 1, 0, pair_form_choice, NULL },
	{ N_("Kind"), UI_F_CHOICE, P(kind), 0, 0, pair_kind_choice, NULL },
	{ N_("Role model"), UI_F_TEXT, P(role_model), 0, 0, NULL, NULL },
	{ N_("Goal"), UI_F_LONG, P(goal), 0, 1000, NULL, NULL },
	{ N_("Status"), UI_F_CHOICE, P(status), 0, 0, pair_status_choice,
	    NULL },
	{ N_("Dates and the order"), UI_F_SECTION, 0, 0, 0, NULL, NULL },
	{ N_("Date from"), UI_F_DATE, P(date_from), 0, 10, NULL, NULL },
	{ N_("Date to"), UI_F_DATE, P(date_to), 0, 10, NULL, NULL },
	{ N_("Order number"), UI_F_TEXT, P(order_no), 0, 30, NULL, NULL },
	{ N_("Order date"), UI_F_DATE, P(order_date), 0, 10, NULL, NULL },
	{ N_("Outcome"), UI_F_SECTION, 0, 0, 0, NULL, NULL },
	{ N_("Result"), UI_F_LONG, P(result), 0, 1000, NULL, NULL },
	{ N_("Case reference"), UI_F_TEXT, P(case_ref), 0, 0, NULL, NULL },
	{ N_("Note"), UI_F_LONG, P(note), 0, 1000, NULL, NULL },
};

#undef P

/* ---- the form: the members above, the fields below ---- */

struct pedit {
	struct pair	 p;		/* first: the form's object */
	struct ui_form	 form;
	int		 saved;
	int		 members_dirty;
};

enum { PEDIT_A_MEMBERS = UI_A_USER };

static const struct ui_action pedit_actions[] = {
	UI_ACTION_HELP,
	{ UI_A_SAVE, 2, { UI_CTRL('S'), 0 }, N_("Save"),
	    N_("Check the pair against the rules and save it; a warning "
	    "(capacity, consent) asks whether to save anyway.") },
	{ PEDIT_A_MEMBERS, 5, { 0 }, N_("Members"),
	    N_("Add or remove mentors and mentees.") },
	{ UI_A_BACK, 10, { UI_ESC, 0 }, N_("Cancel"),
	    N_("Close the form; if something was changed, you are asked "
	    "whether to drop the changes.") },
};

static void
pedit_draw(struct ui_frame *f, WINDOW *w, int y, int h)
{
	struct pedit	*pe = f->data;
	struct sbuf	 sb;
	const char	*l1 = _("Mentors:"), *l2 = _("Mentees:");
	int		 lw, side;

	ui_put(w, y, 2, COLS - 4, _("Tab: next field · F5: members · "
	    "F2: save · Esc: cancel"), ui_attr(UI_DIM), 0);
	lw = ui_width(l1) > ui_width(l2) ? ui_width(l1) : ui_width(l2);
	sbuf_init(&sb);
	for (side = 0; side < 2; side++) {
		sbuf_reset(&sb);
		pair_side(&pe->p, side == 0 ? PR_MENTOR : PR_MENTEE, &sb);
		ui_put(w, y + 1 + side, 2, lw, side == 0 ? l1 : l2, A_BOLD,
		    0);
		ui_put(w, y + 1 + side, 3 + lw, COLS - lw - 5, sb.len ? sb.s :
		    _("none yet: F5 adds them"), sb.len ? A_NORMAL :
		    ui_attr(UI_DIM), 0);
	}
	sbuf_free(&sb);
	ui_form_draw(&pe->form, f, w, y + 3, h - 3);
}

/* A new pair: offer the standard meetings at once. */
static void
pedit_lay_out(long long id)
{
	struct nerr	err;
	int		n;

	if (!ui_confirm(_("The pair is saved. Lay out the standard meetings "
	    "now (getting to know each other, a trial, planning, working "
	    "meetings, the final one)? (y/n)")))
		return;
	nerr_clear(&err);
	if ((n = meeting_lay_out(ui_db(), id, 0, &err)) < 0)
		ui_error("%s", err.msg);
	else
		ui_status(ngettext("The pair is saved; %d meeting is planned.",
		    "The pair is saved; %d meetings are planned.",
		    (unsigned long)n), n);
}

/* Someone else saved the pair first: offer theirs. */
static void
pedit_conflict(struct pedit *pe, const char *msg)
{
	struct pair	 fresh;
	struct nerr	 err;
	char		*q;

	pair_init(&fresh);
	nerr_clear(&err);
	if (pair_get(ui_db(), pe->p.id, &fresh, &err) != 0 ||
	    fresh.version == pe->p.version) {
		pair_free(&fresh);
		ui_form_focus_message(&pe->form, msg);
		ui_error("%s", msg);
		return;
	}
	xasprintf(&q, "%s %s", msg, _("Load the saved version and drop your "
	    "changes? (y/n)"));
	if (ui_confirm(q)) {
		pair_free(&pe->p);
		pe->p = fresh;
		ui_form_load(&pe->form);
		pe->members_dirty = 0;
		ui_status("%s", _("The saved version is loaded."));
	} else
		pair_free(&fresh);
	free(q);
}

static int
pedit_save(struct pedit *pe)
{
	struct nerr	 err;
	char		*q;
	int		 over = 0, need, r, isnew = pe->p.id == 0;

	if (ui_refuse_readonly())
		return (UI_STAY);
	nerr_clear(&err);
	if (ui_form_store(&pe->form, &err) != 0) {
		ui_error("%s", err.msg);
		return (UI_STAY);
	}
	for (;;) {
		need = 0;
		nerr_clear(&err);
		r = pair_check(ui_db(), &pe->p, over, &need, &err);
		if (r == 0) {
			r = isnew ? pair_add(ui_db(), &pe->p, over, &err) :
			    pair_update(ui_db(), &pe->p, over, &err);
			if (r == 0)
				break;
		}
		if (r < 0) {
			if (isnew)
				ui_form_focus_message(&pe->form, err.msg);
			if (isnew)
				ui_error("%s", err.msg);
			else
				pedit_conflict(pe, err.msg);
			return (UI_STAY);
		}
		/* A warning the curator may override, once told. */
		if (need == 0 || (need & ~over) == 0) {
			ui_error("%s", err.msg);
			return (UI_STAY);
		}
		xasprintf(&q, "%s %s", err.msg, _("Save anyway? (y/n)"));
		r = ui_confirm(q);
		free(q);
		if (!r) {
			ui_status("%s", _("Not saved."));
			return (UI_STAY);
		}
		over |= need;
	}
	pe->saved = 1;
	ui_pair_last_saved = pe->p.id;
	ui_status(_("Pair No. %lld is saved."), pe->p.id);
	if (isnew)
		pedit_lay_out(pe->p.id);
	return (UI_POP);
}

static int
pedit_members_open(struct pedit *);

static int
pedit_key(struct ui_frame *f, int k, int action)
{
	struct pedit	*pe = f->data;

	switch (action) {
	case UI_A_HELP:
		ui_help_show(f, NULL);
		return (UI_STAY);
	case UI_A_SAVE:
		return (pedit_save(pe));
	case PEDIT_A_MEMBERS:
		pedit_members_open(pe);
		return (UI_STAY);
	case UI_A_BACK:
		if ((pe->form.dirty || pe->members_dirty) &&
		    !ui_confirm(_("Discard changes? (y/n)")))
			return (UI_STAY);
		return (UI_POP);
	}
	ui_form_key(&pe->form, k);
	return (UI_STAY);
}

static int
pedit_enter(struct ui_frame *f)
{
	f->typing = 1;
	return (0);
}

static void
pedit_leave(struct ui_frame *f)
{
	struct pedit	*pe = f->data;

	ui_form_free(&pe->form);
	pair_free(&pe->p);
	free(pe);
}

static const struct ui_screen pedit_screen = {
	.name = "pair-form",
	.title = N_("Pair or group"),
	.enter = pedit_enter,
	.draw = pedit_draw,
	.key = pedit_key,
	.leave = pedit_leave,
	.actions = pedit_actions,
	.nactions = nitems(pedit_actions),
	.help = N_("A pair or group has one or more mentors and one or more "
	    "mentees (F5). The form must fit their categories: a pupil "
	    "mentors pupils, a teacher teachers or pupils, and so on; nobody "
	    "mentors themselves. If a mentor would take more mentees than "
	    "they can, or a pupil has no valid consent to personal-data "
	    "processing, F2 says so and asks whether to save anyway. The "
	    "order is the director's order that fixed the pair. Completed "
	    "and cancelled pairs stay in the history."),
};

static int
pedit_open(struct pedit *pe, const char *title)
{
	ui_form_init(&pe->form, pair_fields, nitems(pair_fields), &pe->p);
	if (ui_push(&pedit_screen, pe) != 0)
		return (-1);
	ui_set_title(title);
	return (0);
}

int
ui_pair_edit(long long id)
{
	struct pedit	*pe;
	struct nerr	 err;
	char		*title;
	int		 r;

	pe = xcalloc(1, sizeof *pe);
	pair_init(&pe->p);
	if (id == 0) {
		pe->p.status = PST_FORMING;
		pe->p.date_from = xstrdup(date_today());
		return (pedit_open(pe, _("New pair or group")));
	}
	nerr_clear(&err);
	if (pair_get(ui_db(), id, &pe->p, &err) != 0) {
		ui_error("%s", err.msg);
		pair_free(&pe->p);
		free(pe);
		return (-1);
	}
	xasprintf(&title, _("Edit: pair No. %lld"), id);
	r = pedit_open(pe, title);
	free(title);
	return (r);
}

int
ui_pair_new(long long mentee, long long mentor, int form)
{
	struct pedit	*pe;
	int		 i, mc = -1, ec = -1;

	pe = xcalloc(1, sizeof *pe);
	pair_init(&pe->p);
	pe->p.status = PST_FORMING;
	pe->p.date_from = xstrdup(date_today());
	if (mentor > 0 &&
	    (i = pair_member_add_named(&pe->p, mentor, PR_MENTOR)) >= 0)
		mc = pe->p.members[i].category;
	if (mentee > 0 &&
	    (i = pair_member_add_named(&pe->p, mentee, PR_MENTEE)) >= 0)
		ec = pe->p.members[i].category;
	/* The first form that fits both sides; the curator may change it. */
	if (form < 0 && mc >= 0 && ec >= 0) {
		for (i = 0; i < PF__COUNT && form < 0; i++) {
			if (pair_form_fits(i, PR_MENTOR, mc) &&
			    pair_form_fits(i, PR_MENTEE, ec))
				form = i;
		}
	}
	pe->p.form = form >= 0 ? form : 0;
	pe->members_dirty = 1;
	return (pedit_open(pe, _("New pair or group")));
}

/* ---- the members ---- */

struct pmembers {
	struct pedit	*pe;
	int		 cur;
	int		 role;		/* of the one being picked */
	long long	 picked;
};

enum { PMEM_A_MENTOR = UI_A_USER, PMEM_A_MENTEE };

static const struct ui_action pmem_actions[] = {
	UI_ACTION_HELP,
	{ PMEM_A_MENTOR, 6, { 't', 0 }, N_("Mentor+"),
	    N_("Add a mentor: choose them from the participants.") },
	{ PMEM_A_MENTEE, 7, { 'n', UI_FN(KEY_IC), 0 }, N_("Mentee+"),
	    N_("Add a mentee: choose them from the participants.") },
	{ UI_A_DELETE, 8, { UI_FN(KEY_DC), 'd', 0 }, N_("Remove"),
	    N_("Take the member under the cursor out of the pair.") },
	{ UI_A_BACK, 10, { 'q', '\r', '\n', UI_FN(KEY_ENTER) }, N_("Done"),
	    N_("Back to the pair's form; the members are saved with it "
	    "(F2 there).") },
};

static void
pmem_draw(struct ui_frame *f, WINDOW *w, int y, int h)
{
	struct pmembers		*m = f->data;
	const struct pair	*p = &m->pe->p;
	const struct pair_member *pm;
	struct sbuf		 sb;
	attr_t			 a;
	int			 i;

	ui_put(w, y, 2, COLS - 4, _("F6: add a mentor · F7: add a mentee · "
	    "F8: remove · Enter: done"), ui_attr(UI_DIM), 0);
	if (p->nmembers == 0) {
		ui_put_centre(w, y + h / 2, 0, COLS, _("No members yet."),
		    ui_attr(UI_DIM));
		return;
	}
	if (m->cur >= p->nmembers)
		m->cur = p->nmembers - 1;
	sbuf_init(&sb);
	for (i = 0; i < p->nmembers && i < h - 2; i++) {
		pm = &p->members[i];
		a = i == m->cur ? ui_attr(UI_SELECT) : A_NORMAL;
		wattrset(w, a);
		mvwhline(w, y + 2 + i, 0, ' ', COLS);
		wattrset(w, A_NORMAL);
		ui_put(w, y + 2 + i, 2, 14, pm->role == PR_MENTOR ?
		    _("mentor") : _("mentee"), a | A_BOLD, 0);
		ui_put(w, y + 2 + i, 17, COLS - 48, str_or(pm->name, "?"), a,
		    0);
		sbuf_reset(&sb);
		sbuf_add(&sb, person_category_label(pm->category));
		if (!str_empty(pm->class_))
			sbuf_addf(&sb, ", %s", pm->class_);
		ui_put(w, y + 2 + i, COLS - 30, 29, sb.s, a, 0);
	}
	sbuf_free(&sb);
}

static void
pmem_picked(void *arg, long long id)
{
	struct pmembers	*m = arg;

	m->picked = id;
}

static int
pmem_key(struct ui_frame *f, int k, int action)
{
	struct pmembers	*m = f->data;
	struct pair	*p = &m->pe->p;

	if (ui_cursor_key(k, &m->cur, p->nmembers))
		return (UI_STAY);
	switch (action) {
	case UI_A_HELP:
		ui_help_show(f, NULL);
		break;
	case PMEM_A_MENTOR:
	case PMEM_A_MENTEE:
		m->role = action == PMEM_A_MENTOR ? PR_MENTOR : PR_MENTEE;
		m->picked = 0;
		ui_ppick_open(m->role == PR_MENTOR ? _("Choose a mentor") :
		    _("Choose a mentee"), m->role == PR_MENTOR ?
		    PROLE_MENTOR : PROLE_MENTEE, pmem_picked, m);
		break;
	case UI_A_DELETE:
		if (p->nmembers == 0)
			break;
		free(p->members[m->cur].name);
		free(p->members[m->cur].class_);
		memmove(&p->members[m->cur], &p->members[m->cur + 1],
		    (size_t)(p->nmembers - m->cur - 1) * sizeof *p->members);
		p->nmembers--;
		m->pe->members_dirty = 1;
		if (m->cur > 0 && m->cur >= p->nmembers)
			m->cur--;
		break;
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
pmem_resume(struct ui_frame *f)
{
	struct pmembers	*m = f->data;
	int		 i;

	if (m->picked > 0 &&
	    (i = pair_member_add_named(&m->pe->p, m->picked, m->role)) >= 0) {
		m->cur = i;
		m->pe->members_dirty = 1;
	}
	m->picked = 0;
}

static void
pmem_leave(struct ui_frame *f)
{
	free(f->data);
}

static const struct ui_screen pmem_screen = {
	.name = "pair-members",
	.title = N_("Members of the pair"),
	.draw = pmem_draw,
	.key = pmem_key,
	.leave = pmem_leave,
	.resume = pmem_resume,
	.actions = pmem_actions,
	.nactions = nitems(pmem_actions),
	.help = N_("The pair's mentors and mentees. A mentor may have "
	    "several mentees and a mentee several mentors. The choice list "
	    "shows participants in the base of mentors or of mentees; the "
	    "rules (capacity, categories, consents) are checked when the pair "
	    "is saved."),
};

static int
pedit_members_open(struct pedit *pe)
{
	struct pmembers	*m;

	m = xcalloc(1, sizeof *m);
	m->pe = pe;
	return (ui_push(&pmem_screen, m));
}

/* ---- the card ---- */

static void
pair_card_date(struct sbuf *sb, const char *label, const char *iso)
{
	char	shown[DATE_ISO_LEN];

	if (str_empty(iso))
		return;
	date_show(iso, shown);
	sbuf_addf(sb, "%s:\t%s\n", label, shown);
}

static void
pair_card_text(const char *label, const char *v, struct sbuf *sb)
{
	if (!str_empty(v))
		sbuf_addf(sb, "%s:\t%s\n", label, v);
}

static void
pair_card_members(const struct pair *p, struct sbuf *sb)
{
	const struct pair_member	*pm;
	int				 i;

	for (i = 0; i < p->nmembers; i++) {
		pm = &p->members[i];
		sbuf_addf(sb, "%s:\t%s (%s%s%s)\n", pm->role == PR_MENTOR ?
		    _("Mentor") : _("Mentee"), str_or(pm->name, "?"),
		    person_category_label(pm->category),
		    str_empty(pm->class_) ? "" : ", ", str_or(pm->class_, ""));
	}
}

static void
pair_card_plan(long long id, struct sbuf *sb)
{
	struct plan	pl;
	struct nerr	err;
	int		r, done, total, overdue;

	sbuf_addf(sb, "\n" UI_PAGER_HEAD "%s\n", _("Individual plan"));
	plan_init(&pl);
	nerr_clear(&err);
	if ((r = plan_get(ui_db(), id, &pl, &err)) < 0)
		sbuf_addf(sb, "%s\n", err.msg);
	else if (r == 1)
		sbuf_addf(sb, "%s\n", _("none yet: p starts one from the "
		    "template."));
	else {
		plan_completion(&pl, &done, &total, &overdue);
		sbuf_addf(sb, _("%d of %d steps done (%d %%), the target is "
		    "%d %%"), done, total, total ? done * 100 / total : 0,
		    PLAN_TARGET_PCT);
		if (overdue > 0)
			sbuf_addf(sb, ngettext("; %d overdue",
			    "; %d overdue", (unsigned long)overdue), overdue);
		sbuf_addc(sb, '\n');
	}
	plan_free(&pl);
}

static void
pair_card_build(const struct pair *p, struct sbuf *sb)
{
	sbuf_addf(sb, UI_PAGER_HEAD "%s · %s\n", pair_form_label(p->form),
	    pair_status_label(p->status));
	pair_card_members(p, sb);
	sbuf_addc(sb, '\n');
	if (p->kind != PK_NONE)
		pair_card_text(_("Kind"), pair_kind_label(p->kind), sb);
	pair_card_text(_("Role model"), p->role_model, sb);
	pair_card_text(_("Goal"), p->goal, sb);
	pair_card_date(sb, _("Date from"), p->date_from);
	pair_card_date(sb, _("Date to"), p->date_to);
	pair_card_text(_("Order number"), p->order_no, sb);
	pair_card_date(sb, _("Order date"), p->order_date);
	pair_card_text(_("Result"), p->result, sb);
	pair_card_text(_("Case reference"), p->case_ref, sb);
	pair_card_text(_("Note"), p->note, sb);
	pair_card_plan(p->id, sb);
}

struct pair_card {
	long long	 id;
	struct ui_pager	 pg;
};

enum { PCARD_A_PLAN = UI_A_USER, PCARD_A_UNPAIRED, PCARD_A_AGREEMENT };

static const struct ui_action pcard_actions[] = {
	UI_ACTION_HELP,
	{ UI_A_EDIT, 4, { 'e', 0 }, N_("Edit"),
	    N_("Edit the pair and its members.") },
	{ PCARD_A_UNPAIRED, 6, { 'u', 0 }, N_("Unpaired"),
	    N_("Mentees still without a pair.") },
	{ PCARD_A_PLAN, 0, { 'p', 0 }, NULL,
	    N_("The pair's individual plan.") },
	{ PCARD_A_AGREEMENT, 0, { 'a', 0 }, NULL,
	    N_("The pair's agreement as it prints, to save or print it.") },
	UI_ACTION_MENU,
	UI_ACTION_BACK,
};

static int
pcard_load(struct ui_frame *f)
{
	struct pair_card	*c = f->data;
	struct pair		 p;
	struct nerr		 err;
	struct sbuf		 sb;
	char			*t;

	pair_init(&p);
	nerr_clear(&err);
	if (pair_get(ui_db(), c->id, &p, &err) != 0) {
		ui_error("%s", err.msg);
		pair_free(&p);
		return (-1);
	}
	sbuf_init(&sb);
	pair_card_build(&p, &sb);
	ui_pager_set(&c->pg, sb.s);
	sbuf_free(&sb);
	xasprintf(&t, _("Pair No. %lld"), c->id);
	free(f->title);
	f->title = t;
	pair_free(&p);
	return (0);
}

static int
pcard_enter(struct ui_frame *f)
{
	struct pair_card	*c = f->data;

	ui_pager_init(&c->pg, "");
	return (pcard_load(f));
}

static void
pcard_draw(struct ui_frame *f, WINDOW *w, int y, int h)
{
	struct pair_card	*c = f->data;

	ui_pager_draw(&c->pg, w, y + 1, h - 1);
}

static int
pcard_key(struct ui_frame *f, int k, int action)
{
	struct pair_card	*c = f->data;

	switch (action) {
	case UI_A_EDIT:
		if (!ui_refuse_readonly())
			ui_pair_edit(c->id);
		return (UI_STAY);
	case PCARD_A_PLAN:
		ui_plan_open(c->id);
		return (UI_STAY);
	case PCARD_A_UNPAIRED:
		ui_unpaired_open();
		return (UI_STAY);
	case PCARD_A_AGREEMENT:
		ui_report_show("agreement", c->id);
		return (UI_STAY);
	}
	return (ui_pager_frame_key(f, &c->pg, NULL, k, action));
}

static void
pcard_resume(struct ui_frame *f)
{
	if (pcard_load(f) != 0)
		ui_error("%s", _("This pair is no longer in the file."));
}

static void
pcard_leave(struct ui_frame *f)
{
	struct pair_card	*c = f->data;

	ui_pager_free(&c->pg);
	free(c);
}

static const struct ui_screen pcard_screen = {
	.name = "pair-card",
	.title = N_("Pair"),
	.enter = pcard_enter,
	.draw = pcard_draw,
	.key = pcard_key,
	.leave = pcard_leave,
	.changed = pcard_resume,
	.resume = pcard_resume,
	.actions = pcard_actions,
	.nactions = nitems(pcard_actions),
	.help = N_("Everything recorded about the pair or group: its members, "
	    "form and kind, goal, dates, the order, the outcome and how much "
	    "of its individual plan is done. F4 edits it, p opens the plan."),
};

int
ui_pair_card(long long id)
{
	struct pair_card	*c;

	c = xcalloc(1, sizeof *c);
	c->id = id;
	return (ui_push(&pcard_screen, c));
}
