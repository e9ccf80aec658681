/* ui-person.c: one participant: the card to read and the form to edit. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "person.h"
#include "ui-consent.h"
#include "ui-draw.h"
#include "ui-form.h"
#include "ui-help.h"
#include "ui-pager.h"
#include "ui-pairs.h"
#include "ui-reps.h"
#include "ui-person.h"

static long long ui_person_last_saved;

long long
ui_person_saved(void)
{
	long long	id = ui_person_last_saved;

	ui_person_last_saved = 0;
	return (id);
}

static const char *
person_category_choice(void *obj, int i)
{
	(void)obj;
	return (i >= 0 && i < CAT__COUNT ? person_category_label(i) : NULL);
}

static const char *
person_status_choice(void *obj, int i)
{
	(void)obj;
	return (i >= 0 && i < MST__COUNT ? mentor_status_label(i) : NULL);
}

/* "7 б" as typed becomes "7Б"; anything else is left for the check. */
static char *
person_class_check(void *obj, const char *text, const char *label,
    struct nerr *err)
{
	char	*c;

	(void)obj;
	(void)label;
	(void)err;
	if ((c = person_class_normalise(text)) != NULL)
		return (c);
	return (xstrdup(text));
}

#define P(m)	offsetof(struct person, m)

/* The form and the card are both drawn from this one table. */
static const struct ui_field person_fields[] = {
	{ N_("Main"), UI_F_SECTION, 0, 0, 0, NULL, NULL },
	{ N_("Last name"), UI_F_TEXT, P(last), 1, 60, NULL, NULL },
	{ N_("First name"), UI_F_TEXT, P(first), 1, 60, NULL, NULL },
	{ N_("Patronymic"), UI_F_TEXT, P(patronymic), 0, 60, NULL, NULL },
	{ N_("Category"), UI_F_CHOICE, P(category), 0, 0,
	    person_category_choice, NULL },
	{ N_("Birth date"), UI_F_DATE, P(birth), 0, 10, NULL, NULL },
	{ N_("Class"), UI_F_TEXT, P(class_), 0, 4, NULL,
	    person_class_check },
	{ N_("Organisation"), UI_F_TEXT, P(organisation), 0, 0, NULL, NULL },
	{ N_("Position"), UI_F_TEXT, P(position), 0, 0, NULL, NULL },
	{ N_("Contacts"), UI_F_SECTION, 0, 0, 0, NULL, NULL },
	{ N_("Phone"), UI_F_TEXT, P(phone), 0, 30, NULL, NULL },
	{ N_("E-mail"), UI_F_TEXT, P(email), 0, 60, NULL, NULL },
	{ N_("Note"), UI_F_LONG, P(note), 0, 1000, NULL, NULL },
	{ N_("Mentee"), UI_F_SECTION, 0, 0, 0, NULL, NULL },
	{ N_("In the base of mentees"), UI_F_YESNO, P(is_mentee), 0, 0,
	    NULL, NULL },
	{ N_("Request"), UI_F_LONG, P(request), 0, 1000, NULL, NULL },
	{ N_("Date entered"), UI_F_DATE, P(entered), 0, 10, NULL, NULL },
	{ N_("Result"), UI_F_LONG, P(result), 0, 1000, NULL, NULL },
	{ N_("Case reference"), UI_F_TEXT, P(case_ref), 0, 0, NULL, NULL },
	{ N_("Mentor"), UI_F_SECTION, 0, 0, 0, NULL, NULL },
	{ N_("In the base of mentors"), UI_F_YESNO, P(is_mentor), 0, 0,
	    NULL, NULL },
	{ N_("Mentor status"), UI_F_CHOICE, P(mentor_status), 0, 0,
	    person_status_choice, NULL },
	{ N_("Competencies"), UI_F_LONG, P(competencies), 0, 1000, NULL, NULL },
	{ N_("Achievements"), UI_F_LONG, P(achievements), 0, 1000, NULL, NULL },
	{ N_("Interests"), UI_F_LONG, P(interests), 0, 1000, NULL, NULL },
	{ N_("Mentee age from"), UI_F_NUMBER, P(age_min), 0, 2, NULL, NULL },
	{ N_("Mentee age to"), UI_F_NUMBER, P(age_max), 0, 2, NULL, NULL },
	{ N_("Hours a month"), UI_F_NUMBER, P(hours), 0, 3, NULL, NULL },
	{ N_("Mentees at most"), UI_F_NUMBER, P(capacity), 0, 2, NULL, NULL },
	{ N_("Approval order"), UI_F_TEXT, P(approved_order), 0, 0, NULL,
	    NULL },
	{ N_("No criminal record certificate: date"), UI_F_DATE, P(crim_date),
	    0, 10, NULL, NULL },
	{ N_("No criminal record certificate: number"), UI_F_TEXT, P(crim_ref),
	    0, 0, NULL, NULL },
	{ N_("Medical certificate: date"), UI_F_DATE, P(med_date), 0, 10,
	    NULL, NULL },
	{ N_("Medical certificate: number"), UI_F_TEXT, P(med_ref), 0, 0,
	    NULL, NULL },
};

#undef P

/* ---- the form ---- */

static int
person_form_save(void *obj, struct nerr *err)
{
	struct person	*p = obj, cur;
	struct nerr	 e2;
	int		 r = -1;

	if (p->id == 0)
		return (person_insert(ui_db(), p, err));
	if (person_update(ui_db(), p, err) == 0)
		return (0);
	/* Refused because someone else saved it first?  Offer theirs. */
	person_init(&cur);
	if (person_get(ui_db(), p->id, &cur, &e2) == 0 &&
	    cur.version != p->version)
		r = UI_FORM_CONFLICT;
	person_free(&cur);
	return (r);
}

static int
person_form_reload(void *obj, struct nerr *err)
{
	struct person	*p = obj, fresh;

	person_init(&fresh);
	if (person_get(ui_db(), p->id, &fresh, err) != 0) {
		person_free(&fresh);
		return (-1);
	}
	person_free(p);
	*p = fresh;
	return (0);
}

static void
person_form_done(void *obj, int saved)
{
	struct person	*p = obj;

	char		*name;

	if (saved) {
		ui_person_last_saved = p->id;
		name = person_short_name(p->last, p->first, p->patronymic);
		ui_status(_("%s: saved."), name);
		free(name);
	}
	person_free(p);
	free(p);
}

static const struct ui_form_spec person_form_spec = {
	.fields = person_fields,
	.nfields = nitems(person_fields),
	.help = N_("Last and first names are required. The class is for "
	    "pupils only (7Б, 11А). The mentee's request and the mentor's "
	    "profile are kept when the participant is in the base of mentees "
	    "or of mentors."),
	.save = person_form_save,
	.reload = person_form_reload,
	.done = person_form_done,
};

int
ui_person_edit(long long id, int category, const char *class_, int role)
{
	struct person	*p;
	struct nerr	 err;
	char		*name, *title;
	int		 r;

	p = xcalloc(1, sizeof *p);
	person_init(p);
	if (id != 0) {
		nerr_clear(&err);
		if (person_get(ui_db(), id, p, &err) != 0) {
			ui_error("%s", err.msg);
			person_free(p);
			free(p);
			return (-1);
		}
		name = person_short_name(p->last, p->first, p->patronymic);
		xasprintf(&title, _("Edit: %s"), name);
		free(name);
	} else {
		p->category = category >= 0 ? category : CAT_PUPIL;
		if (class_ != NULL && p->category == CAT_PUPIL)
			p->class_ = xstrdup(class_);
		p->is_mentor = role == PROLE_MENTOR;
		p->is_mentee = role == PROLE_MENTEE;
		title = xstrdup(_("New participant"));
	}
	r = ui_form_open(&person_form_spec, p, title);
	free(title);
	return (r);
}

/* ---- the card ---- */

/* A field's value as the card shows it; empty when there is nothing. */
static void
person_card_value(const struct person *p, const struct ui_field *fd,
    struct sbuf *sb)
{
	const char	*s;
	char		 shown[DATE_ISO_LEN];
	int		 v;

	switch (fd->type) {
	case UI_F_TEXT:
	case UI_F_LONG:
		s = *(char *const *)(const void *)((const char *)p + fd->off);
		sbuf_add(sb, str_or(s, ""));
		break;
	case UI_F_DATE:
		s = *(char *const *)(const void *)((const char *)p + fd->off);
		date_show(s, shown);
		sbuf_add(sb, shown);
		break;
	case UI_F_NUMBER:
		v = *(const int *)(const void *)((const char *)p + fd->off);
		if (v != 0)
			sbuf_addf(sb, "%d", v);
		break;
	case UI_F_YESNO:
		v = *(const int *)(const void *)((const char *)p + fd->off);
		sbuf_add(sb, v ? _("yes") : _("no"));
		break;
	case UI_F_CHOICE:
		v = *(const int *)(const void *)((const char *)p + fd->off);
		if ((s = fd->choice((void *)(uintptr_t)p, v)) != NULL)
			sbuf_add(sb, s);
		break;
	case UI_F_SECTION:
		break;
	}
}

/* Is a section worth showing: the mentor part only for mentors, ... */
static int
person_card_section(const struct person *p, const char *label)
{
	if (strcmp(label, "Mentee") == 0)
		return (p->is_mentee || p->request != NULL);
	if (strcmp(label, "Mentor") == 0)
		return (p->is_mentor || p->competencies != NULL);
	return (1);
}

static void
person_card_reps(const struct person *p, struct sbuf *sb)
{
	struct representative	*reps;
	struct nerr		 err;
	int			 n, i;

	sbuf_addf(sb, "\n" UI_PAGER_HEAD "%s\n", _("Legal representatives"));
	nerr_clear(&err);
	if (rep_list(ui_db(), p->id, &reps, &n, &err) != 0) {
		sbuf_addf(sb, "%s\n", err.msg);
		return;
	}
	if (n == 0)
		sbuf_addf(sb, "%s\n", _("none recorded"));
	for (i = 0; i < n; i++) {
		sbuf_add(sb, reps[i].name);
		if (!str_empty(reps[i].relation))
			sbuf_addf(sb, ", %s", reps[i].relation);
		if (!str_empty(reps[i].phone))
			sbuf_addf(sb, ", %s", reps[i].phone);
		sbuf_addc(sb, '\n');
	}
	rep_list_free(reps, n);
}

static void
person_card_text(const struct person *p, struct sbuf *sb)
{
	const struct ui_field	*fd;
	const char		*head = NULL;
	struct sbuf		 v;
	size_t			 i;
	int			 show = 1, age;

	sbuf_init(&v);
	sbuf_add(sb, UI_PAGER_HEAD);
	sbuf_add(sb, str_or(p->last, ""));
	if (!str_empty(p->first))
		sbuf_addf(sb, " %s", p->first);
	if (!str_empty(p->patronymic))
		sbuf_addf(sb, " %s", p->patronymic);
	sbuf_addc(sb, '\n');
	for (i = 0; i < nitems(person_fields); i++) {
		fd = &person_fields[i];
		if (fd->type == UI_F_SECTION) {
			/* Its heading waits for the first field with a value. */
			show = person_card_section(p, fd->label);
			head = i > 0 ? fd->label : NULL;
			continue;
		}
		if (!show || fd->off == offsetof(struct person, last) ||
		    fd->off == offsetof(struct person, first) ||
		    fd->off == offsetof(struct person, patronymic))
			continue;
		sbuf_reset(&v);
		sbuf_add(&v, "");
		person_card_value(p, fd, &v);
		if (v.len == 0)
			continue;
		if (head != NULL) {
			sbuf_addf(sb, "\n" UI_PAGER_HEAD "%s\n", _(head));
			head = NULL;
		}
		sbuf_addf(sb, "%s:\t%s", _(fd->label), v.s);
		if (fd->off == offsetof(struct person, birth) &&
		    (age = date_age(p->birth, date_today())) >= 0)
			sbuf_addf(sb, ngettext(" (%d year)", " (%d years)",
			    (unsigned long)age), age);
		sbuf_addc(sb, '\n');
	}
	sbuf_free(&v);
	if (p->category == CAT_PUPIL)
		person_card_reps(p, sb);
	ui_consent_card(p->id, sb);
}

struct person_card {
	long long	 id;
	struct ui_pager	 pg;
};

enum {
	CARD_A_EDIT = UI_A_EDIT,
	CARD_A_CONSENTS = UI_A_USER,
	CARD_A_REPS,
	CARD_A_MATCH
};

static const struct ui_action person_card_actions[] = {
	UI_ACTION_HELP,
	{ CARD_A_EDIT, 4, { 'e', 0 }, N_("Edit"),
	    N_("Edit the participant.") },
	{ CARD_A_CONSENTS, 0, { 'k', 0 }, NULL,
	    N_("The participant's consents: add, revoke, print a form.") },
	{ CARD_A_REPS, 0, { 'r', 0 }, NULL,
	    N_("The pupil's legal representatives: add, edit, delete.") },
	{ CARD_A_MATCH, 0, { 'm', 0 }, NULL,
	    N_("Suggest mentors for the mentee, best first, with the "
	    "reasons; taking one opens a new pair's form.") },
	UI_ACTION_MENU,
	UI_ACTION_BACK,
};

static int
person_card_load(struct ui_frame *f)
{
	struct person_card	*c = f->data;
	struct person		 p;
	struct nerr		 err;
	struct sbuf		 sb;
	char			*name;

	person_init(&p);
	nerr_clear(&err);
	if (person_get(ui_db(), c->id, &p, &err) != 0) {
		ui_error("%s", err.msg);
		person_free(&p);
		return (-1);
	}
	sbuf_init(&sb);
	person_card_text(&p, &sb);
	ui_pager_set(&c->pg, sb.s);
	sbuf_free(&sb);
	name = person_short_name(p.last, p.first, p.patronymic);
	free(f->title);
	f->title = name;
	person_free(&p);
	return (0);
}

static int
person_card_enter(struct ui_frame *f)
{
	struct person_card	*c = f->data;

	ui_pager_init(&c->pg, "");
	return (person_card_load(f));
}

static void
person_card_draw(struct ui_frame *f, WINDOW *w, int y, int h)
{
	struct person_card	*c = f->data;

	ui_pager_draw(&c->pg, w, y + 1, h - 1);
}

static int
person_card_key(struct ui_frame *f, int k, int action)
{
	struct person_card	*c = f->data;

	switch (action) {
	case CARD_A_EDIT:
		if (!ui_refuse_readonly())
			ui_person_edit(c->id, -1, NULL, 0);
		return (UI_STAY);
	case CARD_A_CONSENTS:
		ui_consent_person(c->id);
		return (UI_STAY);
	case CARD_A_REPS:
		ui_reps_open(c->id);
		return (UI_STAY);
	case CARD_A_MATCH:
		ui_match_open(c->id);
		return (UI_STAY);
	}
	return (ui_pager_frame_key(f, &c->pg, NULL, k, action));
}

/* Back from the form, or another user saved: show the record as it is now. */
static void
person_card_resume(struct ui_frame *f)
{
	long long	mentee, mentor;
	int		form;

	if (person_card_load(f) != 0)
		ui_error("%s", _("This participant is no longer in the file."));
	/* Back from matching with a mentor taken: the new pair's form. */
	if (ui_match_take(&mentee, &mentor, &form))
		ui_pair_new(mentee, mentor, form);
}

static void
person_card_leave(struct ui_frame *f)
{
	struct person_card	*c = f->data;

	ui_pager_free(&c->pg);
	free(c);
}

static const struct ui_screen person_card_screen = {
	.name = "card",
	.title = N_("Participant"),
	.enter = person_card_enter,
	.draw = person_card_draw,
	.key = person_card_key,
	.leave = person_card_leave,
	.changed = person_card_resume,
	.resume = person_card_resume,
	.actions = person_card_actions,
	.nactions = nitems(person_card_actions),
	.help = N_("Everything recorded about the participant. Empty fields "
	    "are not shown; the mentee's and mentor's parts appear for those "
	    "in the bases. F4 edits the record."),
};

int
ui_person_card(long long id)
{
	struct person_card	*c;

	c = xcalloc(1, sizeof *c);
	c->id = id;
	return (ui_push(&person_card_screen, c));
}
