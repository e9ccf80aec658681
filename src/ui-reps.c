/* ui-reps.c: a pupil's legal representatives: the list, a form to add or edit, delete. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "person.h"
#include "ui-dialog.h"
#include "ui-draw.h"
#include "ui-form.h"
#include "ui-help.h"
#include "ui-reps.h"

/* ---- the form ---- */

struct rform {
	long long	 id;		/* 0: a new one */
	long long	 person;
	char		*who;		/* the pupil, short, for messages */
	char		*name;
	char		*relation;
	char		*phone;
};

/*
 * The labels are the words rep_check names in its messages, so that a
 * refusal puts the cursor on the field.
 */
#define R(m)	offsetof(struct rform, m)
static const struct ui_field rform_fields[] = {
	{ N_("Representative's name"), UI_F_TEXT, R(name), 1, 100, NULL,
	    NULL },
	{ N_("Relation"), UI_F_TEXT, R(relation), 1, 30, NULL, NULL },
	{ N_("Representative's phone"), UI_F_TEXT, R(phone), 0, 30, NULL,
	    NULL },
};
#undef R

static void
rform_fill(const struct rform *fm, struct representative *r)
{
	r->id = fm->id;
	r->person_id = fm->person;
	r->name = fm->name;
	r->relation = fm->relation;
	r->phone = fm->phone;
}

static int
rform_save(void *obj, struct nerr *err)
{
	struct rform		*fm = obj;
	struct representative	 r;

	rform_fill(fm, &r);
	if (fm->id == 0)
		return (rep_add_pupil(ui_db(), &r, err));
	return (rep_update(ui_db(), &r, err));
}

static void
rform_done(void *obj, int saved)
{
	struct rform	*fm = obj;

	if (saved)
		ui_status(_("%s: the legal representative is saved."),
		    fm->who);
	free(fm->who);
	free(fm->name);
	free(fm->relation);
	free(fm->phone);
	free(fm);
}

static const struct ui_form_spec rform_spec = {
	.fields = rform_fields,
	.nfields = nitems(rform_fields),
	.help = N_("A legal representative of the pupil: the full name, who "
	    "they are to the pupil (mother, father, guardian, trustee, "
	    "grandmother, grandfather) and a phone number. The first "
	    "representative recorded signs the pupil's consents."),
	.save = rform_save,
	.done = rform_done,
};

static char *
dup_or_null(const char *s)
{
	return (s != NULL ? xstrdup(s) : NULL);
}

/* r NULL: a new one. */
static void
rform_open(long long person, const char *who, const struct representative *r)
{
	struct rform	*fm;
	char		*title;

	if (ui_refuse_readonly())
		return;
	fm = xcalloc(1, sizeof *fm);
	fm->person = person;
	fm->who = xstrdup(who);
	if (r != NULL) {
		fm->id = r->id;
		fm->name = dup_or_null(r->name);
		fm->relation = dup_or_null(r->relation);
		fm->phone = dup_or_null(r->phone);
		xasprintf(&title, _("Legal representative: %s"), who);
	} else
		xasprintf(&title, _("New legal representative: %s"), who);
	ui_form_open(&rform_spec, fm, title);
	free(title);
}

/* ---- the screen ---- */

struct reps {
	long long		 id;
	struct person		 p;
	char			*who;
	struct representative	*rs;
	int			 n;
	int			 cur;
	int			 top;
};

static void
reps_clear(struct reps *s)
{
	rep_list_free(s->rs, s->n);
	s->rs = NULL;
	s->n = 0;
	person_free(&s->p);
	free(s->who);
	s->who = NULL;
}

static int
reps_load(struct ui_frame *f)
{
	struct reps	*s = f->data;
	struct nerr	 err;

	reps_clear(s);
	person_init(&s->p);
	nerr_clear(&err);
	if (person_get(ui_db(), s->id, &s->p, &err) != 0 ||
	    rep_list(ui_db(), s->id, &s->rs, &s->n, &err) != 0) {
		ui_error("%s", err.msg);
		return (-1);
	}
	s->who = person_short_name(s->p.last, s->p.first, s->p.patronymic);
	if (s->cur >= s->n)
		s->cur = s->n > 0 ? s->n - 1 : 0;
	free(f->title);
	xasprintf(&f->title, _("Legal representatives: %s"), s->who);
	return (0);
}

/* Name, relation, phone; the name takes what is left. */
static void
reps_widths(int *cw)
{
	cw[1] = 16;
	cw[2] = 20;
	cw[0] = COLS - 2 - 2 - cw[1] - cw[2];
}

static void
reps_row(WINDOW *w, int y, const int *cw, const char **cells, attr_t a)
{
	int	i, x = 1;

	wattrset(w, a);
	mvwhline(w, y, 0, ' ', COLS);
	wattrset(w, A_NORMAL);
	for (i = 0; i < 3; i++) {
		ui_put(w, y, x, cw[i], cells[i], a, 0);
		x += cw[i] + 1;
	}
}

static void
reps_head(struct reps *s, WINDOW *w, int y)
{
	struct sbuf	sb;
	int		age;

	sbuf_init(&sb);
	sbuf_add(&sb, s->p.last);
	if (!str_empty(s->p.first))
		sbuf_addf(&sb, " %s", s->p.first);
	if (!str_empty(s->p.patronymic))
		sbuf_addf(&sb, " %s", s->p.patronymic);
	if (s->p.class_ != NULL)
		sbuf_addf(&sb, " · %s", s->p.class_);
	else
		sbuf_addf(&sb, " · %s", person_category_label(s->p.category));
	if ((age = date_age(s->p.birth, date_today())) >= 0)
		sbuf_addf(&sb, ngettext(" · %d year", " · %d years",
		    (unsigned long)age), age);
	ui_put(w, y, 1, COLS - 2, sb.s, A_BOLD, 0);
	sbuf_free(&sb);
}

static void
reps_draw(struct ui_frame *f, WINDOW *w, int y, int h)
{
	struct reps		*s = f->data;
	const char		*cells[3];
	int			 cw[3], i, rows;

	reps_head(s, w, y);
	reps_widths(cw);
	cells[0] = _("Full name");
	cells[1] = _("Relation");
	cells[2] = _("Phone");
	reps_row(w, y + 2, cw, cells, ui_attr(UI_HEADER));
	rows = h - 3;
	if (s->n == 0) {
		ui_put_centre(w, y + 3 + rows / 2, 0, COLS,
		    s->p.category == CAT_PUPIL ?
		    _("No legal representatives recorded: F7 adds one.") :
		    _("Legal representatives are recorded for pupils only."),
		    ui_attr(UI_DIM));
		return;
	}
	if (s->cur < s->top)
		s->top = s->cur;
	if (s->cur >= s->top + rows)
		s->top = s->cur - rows + 1;
	for (i = 0; i < rows && s->top + i < s->n; i++) {
		cells[0] = str_or(s->rs[s->top + i].name, "");
		cells[1] = str_or(s->rs[s->top + i].relation, "");
		cells[2] = str_or(s->rs[s->top + i].phone, "");
		reps_row(w, y + 3 + i, cw, cells, s->top + i == s->cur ?
		    ui_attr(UI_SELECT) : A_NORMAL);
	}
}

static void
reps_delete(struct ui_frame *f)
{
	struct reps		*s = f->data;
	struct representative	*r;
	struct nerr		 err;
	char			*q;
	int			 yes;

	if (s->n == 0 || ui_refuse_readonly())
		return;
	r = &s->rs[s->cur];
	xasprintf(&q, _("%s: delete the legal representative %s (%s)? "
	    "(y/n)"), s->who, r->name, str_or(r->relation, "—"));
	yes = ui_confirm(q);
	free(q);
	if (!yes)
		return;
	nerr_clear(&err);
	if (rep_delete(ui_db(), r->id, &err) != 0) {
		ui_error("%s", err.msg);
		reps_load(f);
		return;
	}
	if (reps_load(f) == 0)
		ui_status(_("%s: the legal representative is deleted."),
		    s->who);
}

static const struct ui_action reps_actions[] = {
	UI_ACTION_HELP,
	{ UI_A_EDIT, 4, { 'e', '\r', '\n', UI_FN(KEY_ENTER) }, N_("Edit"),
	    N_("Edit the representative under the cursor.") },
	{ UI_A_NEW, 7, { 'n', UI_FN(KEY_IC), 0 }, N_("New"),
	    N_("Add a legal representative: full name, relation, phone.") },
	{ UI_A_DELETE, 8, { 'd', UI_FN(KEY_DC), 0 }, N_("Delete"),
	    N_("Delete the representative under the cursor, after asking.") },
	UI_ACTION_MENU,
	UI_ACTION_BACK,
};

static int
reps_key(struct ui_frame *f, int k, int action)
{
	struct reps	*s = f->data;

	switch (action) {
	case UI_A_HELP:
		ui_help_show(f, NULL);
		return (UI_STAY);
	case UI_A_EDIT:
		if (s->n > 0 && !ui_refuse_readonly())
			rform_open(s->id, s->who, &s->rs[s->cur]);
		return (UI_STAY);
	case UI_A_NEW:
		if (s->p.category != CAT_PUPIL)
			ui_error(_("%s is not a pupil: legal representatives "
			    "are recorded for pupils only."), s->who);
		else
			rform_open(s->id, s->who, NULL);
		return (UI_STAY);
	case UI_A_DELETE:
		reps_delete(f);
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
		if (s->cur > 0)
			s->cur--;
		break;
	case UI_FN(KEY_DOWN):
		if (s->cur < s->n - 1)
			s->cur++;
		break;
	case UI_FN(KEY_HOME):
	case UI_FN(KEY_PPAGE):
		s->cur = 0;
		break;
	case UI_FN(KEY_END):
	case UI_FN(KEY_NPAGE):
		s->cur = s->n > 0 ? s->n - 1 : 0;
		break;
	}
	return (UI_STAY);
}

/* Back from the form, or another user wrote: read the list again. */
static void
reps_reload(struct ui_frame *f)
{
	reps_load(f);
}

static int
reps_enter(struct ui_frame *f)
{
	struct reps	*s = f->data;

	person_init(&s->p);
	return (reps_load(f));
}

static void
reps_leave(struct ui_frame *f)
{
	struct reps	*s = f->data;

	reps_clear(s);
	free(s);
}

static const struct ui_screen reps_screen = {
	.name = "representatives",
	.title = N_("Legal representatives"),
	.enter = reps_enter,
	.draw = reps_draw,
	.key = reps_key,
	.leave = reps_leave,
	.changed = reps_reload,
	.resume = reps_reload,
	.actions = reps_actions,
	.nactions = nitems(reps_actions),
	.help = N_("The pupil's legal representatives (parents, guardians, "
	    "trustees) with their relation and phone. The first one recorded "
	    "signs a minor's consents to personal-data processing and to "
	    "taking part."),
};

int
ui_reps_open(long long person_id)
{
	struct reps	*s;

	s = xcalloc(1, sizeof *s);
	s->id = person_id;
	return (ui_push(&reps_screen, s));
}
