/* ui-consent-person.c: one participant's consents: add, revoke, anonymise, the card's part. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "consent.h"
#include "date.h"
#include "person.h"
#include "ui-consent.h"
#include "ui-dialog.h"
#include "ui-draw.h"
#include "ui-form.h"
#include "ui-help.h"
#include "ui-pager.h"
#include "ui-person.h"

/* A processing consent was just revoked: offer to anonymise this person. */
static long long ui_consent_anon_pending;

/* "мать Иванова Мария Петровна" or "сам(а)": who signed. */
static void
cperson_signer(struct sbuf *sb, const struct consent *c)
{
	if (!c->by_representative)
		sbuf_add(sb, _("self"));
	else if (str_empty(c->rep_name))
		sbuf_add(sb, _("a representative, name not recorded"));
	else {
		sbuf_add(sb, c->rep_name);
		if (!str_empty(c->rep_relation))
			sbuf_addf(sb, " (%s)", c->rep_relation);
	}
}

static void
cperson_date(struct sbuf *sb, const char *iso)
{
	char	shown[DATE_ISO_LEN];

	date_show(iso, shown);
	sbuf_add(sb, shown);
}

/* ---- a new consent ---- */

struct cadd {
	long long		 person;
	char			*name;
	int			 kind;
	char			*signed_;
	int			 signer;	/* 0 self, 1..n recorded, n+1 other */
	char			*rep_name;
	char			*rep_relation;
	char			*ref;
	char			*until;
	struct representative	*reps;
	int			 nreps;
	char			**labels;
};

static const char *
cadd_kind(void *obj, int i)
{
	(void)obj;
	return (i >= 0 && i < CK__COUNT ? consent_kind_label(i) : NULL);
}

static const char *
cadd_signer(void *obj, int i)
{
	struct cadd	*a = obj;

	if (i == 0)
		return (_("the participant themself"));
	if (i >= 1 && i <= a->nreps)
		return (a->labels[i - 1]);
	if (i == a->nreps + 1)
		return (_("another representative (type below)"));
	return (NULL);
}

#define A(m)	offsetof(struct cadd, m)
static const struct ui_field cadd_fields[] = {
	{ N_("Consent to"), UI_F_CHOICE, A(kind), 0, 0, cadd_kind, NULL },
	{ N_("Date signed"), UI_F_DATE, A(signed_), 1, 10, NULL, NULL },
	{ N_("Signed by"), UI_F_CHOICE, A(signer), 0, 0, cadd_signer, NULL },
	{ N_("Representative's full name"), UI_F_TEXT, A(rep_name), 0, 100,
	    NULL, NULL },
	{ N_("Relation"), UI_F_TEXT, A(rep_relation), 0, 30, NULL, NULL },
	{ N_("Paper's number or place"), UI_F_TEXT, A(ref), 0, 60, NULL,
	    NULL },
	{ N_("Valid until"), UI_F_DATE, A(until), 0, 10, NULL, NULL },
};
#undef A

static char *
dup_or_null(const char *s)
{
	return (s != NULL ? xstrdup(s) : NULL);
}

/* The consent as the form says; the strings are the consent's own. */
static void
cadd_consent(const struct cadd *a, struct consent *c)
{
	const struct representative	*r;

	consent_init(c);
	c->person_id = a->person;
	c->kind = a->kind;
	c->signed_ = dup_or_null(a->signed_);
	c->ref = dup_or_null(a->ref);
	c->valid_until = dup_or_null(a->until);
	if (a->signer >= 1 && a->signer <= a->nreps) {
		r = &a->reps[a->signer - 1];
		c->by_representative = 1;
		c->representative_id = r->id;
		c->rep_name = dup_or_null(r->name);
		c->rep_relation = dup_or_null(r->relation);
	} else if (a->signer == a->nreps + 1) {
		c->by_representative = 1;
		c->rep_name = dup_or_null(a->rep_name);
		c->rep_relation = dup_or_null(a->rep_relation);
	}
}

/*
 * Would the consent pass with a representative's signature?  Then the
 * refusal was the minor rule, and the cursor belongs on "Signed by".
 */
static int
cadd_minor_rule(struct consent *c)
{
	struct consent	t = *c;
	struct nerr	e;

	t.by_representative = 1;
	t.rep_name = (char *)"-";
	t.rep_relation = (char *)"-";
	nerr_clear(&e);
	return (consent_validate(ui_db(), &t, &e) == 0);
}

static int
cadd_save(void *obj, struct nerr *err)
{
	struct cadd	*a = obj;
	struct consent	 c;
	char		*msg;
	int		 r;

	cadd_consent(a, &c);
	if ((r = consent_add(ui_db(), &c, err)) != 0 && a->signer == 0 &&
	    cadd_minor_rule(&c)) {
		/* The whole reason in a box; the field named for the cursor. */
		ui_message(err->msg);
		msg = xstrdup(err->msg);
		nerr_set(err, "%s: %s", _("Signed by"), msg);
		free(msg);
	}
	consent_free(&c);
	return (r);
}

static void
cadd_done(void *obj, int saved)
{
	struct cadd	*a = obj;
	int		 i;

	if (saved) {
		ui_consent_touch();
		ui_status(_("%s: the consent is recorded."), a->name);
	}
	for (i = 0; i < a->nreps; i++)
		free(a->labels[i]);
	free(a->labels);
	rep_list_free(a->reps, a->nreps);
	free(a->name);
	free(a->signed_);
	free(a->rep_name);
	free(a->rep_relation);
	free(a->ref);
	free(a->until);
	free(a);
}

static const struct ui_form_spec cadd_spec = {
	.fields = cadd_fields,
	.nfields = nitems(cadd_fields),
	.help = N_("A consent received on paper. A pupil younger than the "
	    "school's consent age on the date signed needs a legal "
	    "representative's signature: choose one of the recorded "
	    "representatives, or «another representative» and type the name "
	    "and relation. The paper's number or place says where the paper "
	    "is filed (e.g. «folder 7B»)."),
	.save = cadd_save,
	.done = cadd_done,
};

/* The first kind the person lacks, the processing consent first. */
static int
cadd_default_kind(long long id, int category)
{
	struct nerr	err;
	int		st[CK__COUNT], i;

	nerr_clear(&err);
	if (consent_states(ui_db(), id, st, &err) != 0)
		return (CK_PD);
	for (i = 0; i < CK__COUNT; i++) {
		if (i == CK_MENTOR_DUTIES && category == CAT_PUPIL)
			continue;
		if (st[i] != CS_VALID)
			return (i);
	}
	return (CK_PD);
}

int
ui_consent_add_form(long long id)
{
	struct cadd	*a;
	struct person	 p;
	struct nerr	 err;
	char		*title;
	int		 i, age, minor;

	if (ui_refuse_readonly())
		return (-1);
	person_init(&p);
	nerr_clear(&err);
	a = xcalloc(1, sizeof *a);
	if (person_get(ui_db(), id, &p, &err) != 0 ||
	    rep_list(ui_db(), id, &a->reps, &a->nreps, &err) != 0) {
		ui_error("%s", err.msg);
		person_free(&p);
		free(a);
		return (-1);
	}
	a->person = id;
	a->name = person_short_name(p.last, p.first, p.patronymic);
	a->kind = cadd_default_kind(id, p.category);
	a->signed_ = xstrdup(date_today());
	a->labels = xcalloc((size_t)a->nreps + 1, sizeof *a->labels);
	for (i = 0; i < a->nreps; i++) {
		if (str_empty(a->reps[i].relation))
			a->labels[i] = xstrdup(a->reps[i].name);
		else
			xasprintf(&a->labels[i], "%s (%s)",
			    a->reps[i].relation, a->reps[i].name);
	}
	/* A minor's paper is signed by a representative: start there. */
	age = date_age(p.birth, date_today());
	minor = p.category == CAT_PUPIL && (age < 0 ||
	    age < consent_age(ui_db()));
	if (minor)
		a->signer = a->nreps > 0 ? 1 : a->nreps + 1;
	person_free(&p);
	xasprintf(&title, _("New consent: %s"), a->name);
	i = ui_form_open(&cadd_spec, a, title);
	free(title);
	return (i);
}

/* ---- revoking ---- */

struct crevoke {
	long long	 id;
	long long	 person;
	int		 kind;
	char		*name;
	char		*date;
	char		*note;
};

static const struct ui_field crevoke_fields[] = {
	{ N_("Date revoked"), UI_F_DATE, offsetof(struct crevoke, date), 1,
	    10, NULL, NULL },
	{ N_("Note"), UI_F_LONG, offsetof(struct crevoke, note), 0, 500,
	    NULL, NULL },
};

static int
crevoke_save(void *obj, struct nerr *err)
{
	struct crevoke	*rv = obj;
	char		 shown[DATE_ISO_LEN], *q;
	int		 yes;

	date_show(rv->date, shown);
	xasprintf(&q, _("Revoke %s's consent to %s as of %s? (y/n)"),
	    rv->name, consent_kind_label(rv->kind), shown);
	yes = ui_confirm(q);
	free(q);
	if (!yes)
		return (nerr_set(err, "%s", _("Not revoked: F2 asks again, Esc "
		    "leaves the form.")));
	return (consent_revoke(ui_db(), rv->id, rv->date, rv->note, err));
}

static void
crevoke_done(void *obj, int saved)
{
	struct crevoke	*rv = obj;

	if (saved) {
		ui_consent_touch();
		ui_status(_("%s: the consent is revoked."), rv->name);
		if (rv->kind == CK_PD)
			ui_consent_anon_pending = rv->person;
	}
	free(rv->name);
	free(rv->date);
	free(rv->note);
	free(rv);
}

static const struct ui_form_spec crevoke_spec = {
	.fields = crevoke_fields,
	.nfields = nitems(crevoke_fields),
	.help = N_("The date the consent was revoked and, if you like, a "
	    "note on how (a written statement, its number). After a "
	    "processing consent is revoked you are offered to anonymise the "
	    "participant."),
	.save = crevoke_save,
	.done = crevoke_done,
};

static void
crevoke_open(const struct consent *c, const char *name)
{
	struct crevoke	*rv;
	char		*title;

	if (ui_refuse_readonly())
		return;
	if (c->revoked != NULL) {
		ui_error("%s", _("This consent is revoked already."));
		return;
	}
	rv = xcalloc(1, sizeof *rv);
	rv->id = c->id;
	rv->person = c->person_id;
	rv->kind = c->kind;
	rv->name = xstrdup(name);
	rv->date = xstrdup(date_today());
	xasprintf(&title, _("Revoke a consent: %s"), name);
	ui_form_open(&crevoke_spec, rv, title);
	free(title);
}

/* ---- the screen ---- */

struct cperson {
	long long	 id;
	struct person	 p;
	char		*name;		/* short, for messages */
	struct consent	*cs;
	int		 n;
	int		 cur;
	int		 top;
	int		 st[CK__COUNT];
};

static void
cperson_clear(struct cperson *c)
{
	consent_list_free(c->cs, c->n);
	c->cs = NULL;
	c->n = 0;
	person_free(&c->p);
	free(c->name);
	c->name = NULL;
}

static int
cperson_load(struct ui_frame *f)
{
	struct cperson	*c = f->data;
	struct nerr	 err;

	cperson_clear(c);
	person_init(&c->p);
	nerr_clear(&err);
	if (person_get(ui_db(), c->id, &c->p, &err) != 0 ||
	    consent_list(ui_db(), c->id, &c->cs, &c->n, &err) != 0 ||
	    consent_states(ui_db(), c->id, c->st, &err) != 0) {
		ui_error("%s", err.msg);
		return (-1);
	}
	c->name = person_short_name(c->p.last, c->p.first, c->p.patronymic);
	if (c->cur >= c->n)
		c->cur = c->n > 0 ? c->n - 1 : 0;
	free(f->title);
	xasprintf(&f->title, _("Consents: %s"), c->name);
	return (0);
}

static void
cperson_head(struct cperson *c, WINDOW *w, int y)
{
	struct sbuf	sb;
	int		x, i, age;

	sbuf_init(&sb);
	ui_consent_name(&sb, c->p.last, c->p.first, c->p.patronymic);
	x = ui_put(w, y, 1, COLS - 2, sb.s, A_BOLD, 0) + 1;
	sbuf_reset(&sb);
	sbuf_add(&sb, "");
	if (c->p.class_ != NULL)
		sbuf_addf(&sb, " · %s", c->p.class_);
	else
		sbuf_addf(&sb, " · %s", person_category_label(c->p.category));
	if ((age = date_age(c->p.birth, date_today())) >= 0)
		sbuf_addf(&sb, ngettext(" · %d year", " · %d years",
		    (unsigned long)age), age);
	ui_put(w, y, x, COLS - x - 1, sb.s, A_NORMAL, 0);
	sbuf_reset(&sb);
	for (i = 0; i < CK__COUNT; i++)
		sbuf_addf(&sb, "%s%s %s", i > 0 ? "   " : "",
		    consent_kind_short(i), ui_consent_mark(c->st[i]));
	ui_put(w, y + 1, 1, COLS - 2, sb.s, A_NORMAL, 0);
	sbuf_free(&sb);
}

/* Column widths of the table: kind, signed, signer, ref, until, revoked. */
static void
cperson_widths(int *cw)
{
	cw[0] = 8;
	cw[1] = 10;
	cw[3] = 14;
	cw[4] = 10;
	cw[5] = 10;
	cw[2] = COLS - 2 - 5 - cw[0] - cw[1] - cw[3] - cw[4] - cw[5];
}

static void
cperson_row(WINDOW *w, int y, const int *cw, const char **cells, attr_t a)
{
	int	i, x = 1;

	wattrset(w, a);
	mvwhline(w, y, 0, ' ', COLS);
	wattrset(w, A_NORMAL);
	for (i = 0; i < 6; i++) {
		ui_put(w, y, x, cw[i], cells[i], a, 0);
		x += cw[i] + 1;
	}
}

static void
cperson_detail(struct cperson *c, WINDOW *w, int y)
{
	const struct consent	*cs = &c->cs[c->cur];
	struct sbuf		 sb;

	sbuf_init(&sb);
	sbuf_addf(&sb, "%s: %s", consent_kind_label(cs->kind),
	    consent_state_label(cs->revoked != NULL ? CS_REVOKED :
	    c->st[cs->kind]));
	ui_put(w, y, 1, COLS - 2, sb.s, A_BOLD, 0);
	sbuf_reset(&sb);
	sbuf_addf(&sb, "%s: ", _("Signed by"));
	cperson_signer(&sb, cs);
	ui_put(w, y + 1, 1, COLS - 2, sb.s, A_NORMAL, 0);
	if (cs->revoked != NULL) {
		sbuf_reset(&sb);
		sbuf_addf(&sb, "%s: ", _("Revoked"));
		cperson_date(&sb, cs->revoked);
		if (!str_empty(cs->revoke_note))
			sbuf_addf(&sb, " — %s", cs->revoke_note);
		ui_put(w, y + 2, 1, COLS - 2, sb.s, A_NORMAL, 0);
	}
	sbuf_free(&sb);
}

static void
cperson_draw(struct ui_frame *f, WINDOW *w, int y, int h)
{
	struct cperson		*c = f->data;
	const struct consent	*cs;
	const char		*cells[6];
	struct sbuf		 d1, d2, d3, d4;
	int			 cw[6], i, rows;

	cperson_head(c, w, y);
	cperson_widths(cw);
	cells[0] = _("Consent");
	cells[1] = _("Signed");
	cells[2] = _("Signed by");
	cells[3] = _("Paper");
	cells[4] = _("Until");
	cells[5] = _("Revoked");
	cperson_row(w, y + 3, cw, cells, ui_attr(UI_HEADER));
	rows = h - 4 - 4;
	if (c->n == 0) {
		ui_put_centre(w, y + 4 + rows / 2, 0, COLS, _("No consents "
		    "recorded: F7 adds one."), ui_attr(UI_DIM));
		return;
	}
	if (c->cur < c->top)
		c->top = c->cur;
	if (c->cur >= c->top + rows)
		c->top = c->cur - rows + 1;
	sbuf_init(&d1);
	sbuf_init(&d2);
	sbuf_init(&d3);
	sbuf_init(&d4);
	for (i = 0; i < rows && c->top + i < c->n; i++) {
		cs = &c->cs[c->top + i];
		sbuf_reset(&d1);
		sbuf_reset(&d2);
		sbuf_reset(&d3);
		sbuf_reset(&d4);
		sbuf_add(&d1, "");
		cperson_date(&d1, cs->signed_);
		cperson_signer(&d2, cs);
		sbuf_add(&d3, "");
		cperson_date(&d3, cs->valid_until);
		sbuf_add(&d4, "");
		cperson_date(&d4, cs->revoked);
		cells[0] = consent_kind_short(cs->kind);
		cells[1] = d1.s;
		cells[2] = d2.s;
		cells[3] = str_or(cs->ref, "");
		cells[4] = d3.s;
		cells[5] = d4.s;
		cperson_row(w, y + 4 + i, cw, cells, c->top + i == c->cur ?
		    ui_attr(UI_SELECT) : A_NORMAL);
	}
	sbuf_free(&d1);
	sbuf_free(&d2);
	sbuf_free(&d3);
	sbuf_free(&d4);
	ui_hline(w, y + h - 4, 1, COLS - 2);
	cperson_detail(c, w, y + h - 3);
}

static void
cperson_anonymise(struct ui_frame *f)
{
	struct cperson	*c = f->data;
	struct nerr	 err;
	char		*q;
	int		 yes;

	if (ui_refuse_readonly())
		return;
	if (c->st[CK_PD] != CS_REVOKED) {
		ui_error(_("%s: only a participant whose processing consent is "
		    "revoked can be anonymised."), c->name);
		return;
	}
	xasprintf(&q, _("Anonymise %s? Their names, birth date, contacts, "
	    "notes, the request and the mentor's profile, and their legal "
	    "representatives will be erased; the category, class, pairs and "
	    "history stay, so that the counts still add up. This cannot be "
	    "undone. (y/n)"), c->name);
	yes = ui_confirm(q);
	free(q);
	if (!yes)
		return;
	nerr_clear(&err);
	if (consent_anonymise(ui_db(), c->id, &err) != 0) {
		ui_error("%s", err.msg);
		return;
	}
	ui_consent_touch();
	if (cperson_load(f) == 0)
		ui_status(_("Anonymised: the participant is now %s."), c->name);
}

enum {
	CPERSON_A_PRINT = UI_A_USER,
	CPERSON_A_ANON,
	CPERSON_A_REVOKE,
};

static const struct ui_action cperson_actions[] = {
	UI_ACTION_HELP,
	{ CPERSON_A_PRINT, 2, { 'p', 0 }, N_("Print form"),
	    N_("Print a consent form for the participant or their whole "
	    "class.") },
	{ UI_A_VIEW, 3, { 'v', 0 }, N_("Card"),
	    N_("The participant's card with every field.") },
	{ CPERSON_A_ANON, 6, { 'a', 0 }, N_("Anonymise"),
	    N_("Erase the personal data of a participant whose processing "
	    "consent is revoked, after asking.") },
	{ UI_A_NEW, 7, { 'n', UI_FN(KEY_IC), 0 }, N_("Record"),
	    N_("Record a consent received on paper.") },
	{ CPERSON_A_REVOKE, 8, { 'x', UI_FN(KEY_DC), 0 }, N_("Revoke"),
	    N_("Revoke the consent under the cursor: the date and a note, "
	    "then a confirmation.") },
	UI_ACTION_MENU,
	UI_ACTION_BACK,
};

static int
cperson_key(struct ui_frame *f, int k, int action)
{
	struct cperson	*c = f->data;

	switch (action) {
	case UI_A_HELP:
		ui_help_show(f, NULL);
		return (UI_STAY);
	case CPERSON_A_PRINT:
		ui_consent_print(c->id);
		return (UI_STAY);
	case UI_A_VIEW:
		ui_person_card(c->id);
		return (UI_STAY);
	case CPERSON_A_ANON:
		cperson_anonymise(f);
		return (UI_STAY);
	case UI_A_NEW:
		ui_consent_add_form(c->id);
		return (UI_STAY);
	case CPERSON_A_REVOKE:
		if (c->n > 0)
			crevoke_open(&c->cs[c->cur], c->name);
		return (UI_STAY);
	case UI_A_MENU:
		return (UI_TOP);
	case UI_A_BACK:
		return (UI_POP);
	}
	if (k == UI_ESC)
		return (UI_POP);
	ui_cursor_key(k, &c->cur, c->n);
	return (UI_STAY);
}

static void
cperson_resume(struct ui_frame *f)
{
	struct cperson	*c = f->data;

	if (cperson_load(f) != 0)
		return;
	/* Right after revoking the processing consent: the next step. */
	if (ui_consent_anon_pending == c->id) {
		ui_consent_anon_pending = 0;
		cperson_anonymise(f);
	}
}

static void
cperson_changed(struct ui_frame *f)
{
	cperson_load(f);
}

static int
cperson_enter(struct ui_frame *f)
{
	struct cperson	*c = f->data;

	person_init(&c->p);
	return (cperson_load(f));
}

static void
cperson_leave(struct ui_frame *f)
{
	struct cperson	*c = f->data;

	cperson_clear(c);
	free(c);
}

static const struct ui_screen cperson_screen = {
	.name = "person-consents",
	.title = N_("Consents"),
	.enter = cperson_enter,
	.draw = cperson_draw,
	.key = cperson_key,
	.leave = cperson_leave,
	.changed = cperson_changed,
	.resume = cperson_resume,
	.actions = cperson_actions,
	.nactions = nitems(cperson_actions),
	.help = N_("The participant's consents, newest first, with the state "
	    "of each kind on the second line. For a pupil younger than the "
	    "school's consent age the paper is signed by a legal "
	    "representative. When a processing consent is revoked, the "
	    "participant may be anonymised: their personal data are erased "
	    "and a token such as «Participant No. 12» is left, so that the "
	    "counts and the history still add up."),
};

int
ui_consent_person(long long id)
{
	struct cperson	*c;

	c = xcalloc(1, sizeof *c);
	c->id = id;
	return (ui_push(&cperson_screen, c));
}

/* ---- the part of the card ---- */

void
ui_consent_card(long long id, struct sbuf *sb)
{
	struct consent	*cs;
	struct nerr	 err;
	int		 st[CK__COUNT], n, i, j;

	sbuf_addf(sb, "\n" UI_PAGER_HEAD "%s\n", _("Consents"));
	nerr_clear(&err);
	if (consent_list(ui_db(), id, &cs, &n, &err) != 0 ||
	    consent_states(ui_db(), id, st, &err) != 0) {
		sbuf_addf(sb, "%s\n", err.msg);
		return;
	}
	for (i = 0; i < CK__COUNT; i++) {
		sbuf_addf(sb, "%s:\t%s", consent_kind_label(i),
		    consent_state_label(st[i]));
		/* The newest paper of the kind tells its story. */
		for (j = 0; j < n && cs[j].kind != i; j++)
			;
		if (j < n) {
			sbuf_add(sb, ", ");
			cperson_date(sb, cs[j].signed_);
			sbuf_add(sb, ", ");
			cperson_signer(sb, &cs[j]);
			if (!str_empty(cs[j].ref))
				sbuf_addf(sb, ", %s", cs[j].ref);
		}
		sbuf_addc(sb, '\n');
	}
	consent_list_free(cs, n);
}
