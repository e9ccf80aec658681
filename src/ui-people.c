/* ui-people.c: the participants list (базы наставников и наставляемых). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "person.h"
#include "text.h"
#include "ui-consent.h"
#include "ui-dialog.h"
#include "ui-draw.h"
#include "ui-form.h"
#include "ui-help.h"
#include "ui-import.h"
#include "ui-list.h"
#include "ui-people.h"
#include "ui-person.h"
#include "ui-pfilter.h"
#include "ui-reps.h"

struct people {
	struct person_filter	 f;
	char			*search;
	char			*class_;
	struct ui_list		 list;
	int			 reload;	/* the filter changed */
	unsigned int		 cgen;		/* ui_consent_gen() last seen */
};

/* ---- where the rows come from ---- */

static void
people_full_name(struct sbuf *sb, const char *last, const char *first,
    const char *patronymic)
{
	sbuf_add(sb, str_or(last, ""));
	if (!str_empty(first))
		sbuf_addf(sb, " %s", first);
	if (!str_empty(patronymic))
		sbuf_addf(sb, " %s", patronymic);
}

UI_LIST_SEARCH(people_search, struct people, f, search)

UI_LIST_SOURCE(people_source, person, struct people, f, people_search);

/* ---- columns ---- */

/* Short category names that fit a column. */
static const char *
people_category_short(int c)
{
	switch (c) {
	case CAT_PUPIL:
		return (C_("category", "pupil"));
	case CAT_TEACHER:
		return (C_("category", "teacher"));
	case CAT_YOUNG:
		return (C_("category", "young spec."));
	case CAT_PARENT:
		return (C_("category", "parent"));
	case CAT_GRADUATE:
		return (C_("category", "graduate"));
	case CAT_PARTNER:
		return (C_("category", "partner"));
	case CAT_STUDENT:
		return (C_("category", "student"));
	}
	return ("?");
}

static void
col_name(const void *row, struct sbuf *sb)
{
	const struct person_row	*r = row;

	people_full_name(sb, r->last, r->first, r->patronymic);
}

static void
col_category(const void *row, struct sbuf *sb)
{
	sbuf_add(sb, people_category_short(((const struct person_row *)row)->
	    category));
}

static void
col_class(const void *row, struct sbuf *sb)
{
	sbuf_add(sb, str_or(((const struct person_row *)row)->class_, ""));
}

static void
col_birth(const void *row, struct sbuf *sb)
{
	char	out[DATE_ISO_LEN];

	date_show(((const struct person_row *)row)->birth, out);
	sbuf_add(sb, out);
}

/* Н for a mentor, Нв for a mentee: two letters read faster than ticks. */
static void
col_role(const void *row, struct sbuf *sb)
{
	const struct person_row	*r = row;

	if (r->is_mentor)
		sbuf_add(sb, C_("role mark", "Mtr"));
	if (r->is_mentee) {
		if (r->is_mentor)
			sbuf_addc(sb, ' ');
		sbuf_add(sb, C_("role mark", "Mte"));
	}
}

static const struct ui_column people_columns[] = {
	{ N_("Full name"), 0, 0, col_name },
	{ N_("Category"), 11, 0, col_category },
	{ N_("Class"), 5, 0, col_class },
	{ N_("Born"), 10, 0, col_birth },
	{ N_("Role"), 7, 0, col_role },
};

/* ---- the filter line and dialog ---- */

static const char *const people_sort_labels[PSORT__COUNT] = {
	N_("by name"), N_("by class"), N_("by birth date"),
};

static void
people_filter_line(struct people *p, struct sbuf *sb)
{
	int	n = 0;

	if (p->f.category >= 0) {
		sbuf_add(sb, person_category_label(p->f.category));
		n++;
	}
	if (p->class_ != NULL) {
		sbuf_addf(sb, "%s%s %s", n++ ? " · " : "", _("class"),
		    p->class_);
	}
	if (p->f.role == PROLE_MENTOR)
		sbuf_addf(sb, "%s%s", n++ ? " · " : "", _("mentors"));
	else if (p->f.role == PROLE_MENTEE)
		sbuf_addf(sb, "%s%s", n++ ? " · " : "", _("mentees"));
	if (p->search != NULL && !p->list.searching)
		sbuf_addf(sb, "%s%s «%s»", n++ ? " · " : "", _("search"),
		    p->search);
	if (n == 0)
		sbuf_add(sb, _("All participants"));
	sbuf_addf(sb, " · %s", _(people_sort_labels[p->f.sort]));
}

static const char *
pff_role(void *obj, int i)
{
	static const char *const roles[] = {
		N_("everyone"), N_("mentors"), N_("mentees"),
	};

	(void)obj;
	return (i < (int)nitems(roles) ? _(roles[i]) : NULL);
}

static const struct ui_field people_filter_fields[] = {
	UI_PFILTER_FIELDS,
	UI_PFILTER_EXTRA(N_("Who"), pff_role),
};

static const struct ui_form_spec people_filter_spec = {
	.fields = people_filter_fields,
	.nfields = nitems(people_filter_fields),
	.help = N_("Choose which participants the list shows; F2 applies "
	    "the filter."),
	.save = ui_pfilter_save,
	.done = ui_pfilter_done,
};

static void
people_filter_dialog(struct people *p)
{
	ui_pfilter_open(&people_filter_spec, _("Filter participants"), &p->f,
	    &p->class_, &p->f.role, &p->reload);
}

/* ---- the screen ---- */

enum {
	PEOPLE_A_CLEAR = UI_A_USER,
	PEOPLE_A_CONSENTS,
	PEOPLE_A_REPS,
	PEOPLE_A_IMPORT,
};

static const struct ui_action people_actions[] = {
	UI_ACTION_HELP,
	{ PEOPLE_A_IMPORT, 2, { 'i', 0 }, N_("Import"),
	    N_("Import a class list or a staff list from a CSV file (Excel, "
	    "LibreOffice, a school system), with a preview and a check.") },
	{ UI_A_VIEW, 3, { '\r', '\n', UI_FN(KEY_ENTER), 'v' }, N_("View"),
	    N_("Show the participant's card with every field.") },
	{ UI_A_EDIT, 4, { 'e', 0 }, N_("Edit"),
	    N_("Edit the participant.") },
	{ UI_A_FILTER, 5, { 'f', 0 }, N_("Filter"),
	    N_("Show only a category, a class, mentors or mentees.") },
	{ UI_A_SORT, 6, { 's', 0 }, N_("Sort"),
	    N_("Sort by name, by class or by birth date, in turn.") },
	{ UI_A_NEW, 7, { 'n', UI_FN(KEY_IC), 0 }, N_("New"),
	    N_("Add a participant (the category and class of the filter "
	    "are filled in).") },
	{ UI_A_DELETE, 8, { UI_FN(KEY_DC), 'd', 0 }, N_("Delete"),
	    N_("Delete the participant, after asking; not possible while "
	    "they are in a pair or group.") },
	{ UI_A_SEARCH, 0, { '/', 0 }, NULL,
	    N_("Search by part of the name as you type; Enter keeps the "
	    "search, Esc clears it. Case and ё/е do not matter.") },
	{ PEOPLE_A_CLEAR, 0, { 'c', 0 }, NULL,
	    N_("Clear the search and every filter.") },
	{ PEOPLE_A_CONSENTS, 0, { 'k', 0 }, NULL,
	    N_("The participant's consents: add, revoke, print a form.") },
	{ PEOPLE_A_REPS, 0, { 'r', 0 }, NULL,
	    N_("The pupil's legal representatives: add, edit, delete.") },
	UI_ACTION_MENU,
	UI_ACTION_BACK,
};

static const struct person_row *
people_current(struct people *p)
{
	return (ui_list_current(&p->list));
}

static void
people_draw(struct ui_frame *f, WINDOW *w, int y, int h)
{
	struct people	*p = f->data;
	struct sbuf	 line, pos;
	int		 pw;

	sbuf_init(&line);
	sbuf_init(&pos);
	people_filter_line(p, &line);
	ui_list_position(&p->list, &pos);
	pw = ui_width(pos.s);
	ui_put(w, y, 1, COLS - pw - 4, line.s, ui_attr(UI_DIM), 0);
	ui_put(w, y, COLS - pw - 1, pw, pos.s, A_NORMAL, 0);
	sbuf_free(&line);
	sbuf_free(&pos);
	ui_list_draw(&p->list, f, w, y + 1, h - 1);
}

static void
people_delete(struct people *p)
{
	const struct person_row	*r = people_current(p);
	struct nerr		 err;
	char			*name, *q;

	if (r == NULL || ui_refuse_readonly())
		return;
	name = person_short_name(r->last, r->first, r->patronymic);
	xasprintf(&q, _("Delete %s? (y/n)"), name);
	if (ui_confirm(q)) {
		nerr_clear(&err);
		if (person_delete(ui_db(), r->id, &err) != 0)
			ui_error("%s", err.msg);
		else {
			ui_status(_("%s is deleted."), name);
			ui_list_refresh(&p->list);
		}
	}
	free(q);
	free(name);
}

static void
people_clear_filters(struct people *p)
{
	person_filter_init(&p->f);
	free(p->class_);
	p->class_ = NULL;
	free(p->search);
	p->search = NULL;
	sbuf_reset(&p->list.search);
	p->list.searching = 0;
}

static int
people_key(struct ui_frame *f, int k, int action)
{
	struct people		*p = f->data;
	const struct person_row	*r = people_current(p);

	if ((p->list.searching || action == UI_A_NONE || k == UI_ESC) &&
	    ui_list_key(&p->list, f, k))
		return (UI_STAY);
	switch (action) {
	case UI_A_HELP:
		ui_help_show(f, NULL);
		break;
	case UI_A_VIEW:
		if (r != NULL)
			ui_person_card(r->id);
		break;
	case UI_A_EDIT:
		if (r != NULL && !ui_refuse_readonly())
			ui_person_edit(r->id, -1, NULL, PROLE_ANY);
		break;
	case UI_A_NEW:
		if (!ui_refuse_readonly())
			ui_person_edit(0, p->f.category, p->class_, p->f.role);
		break;
	case UI_A_DELETE:
		people_delete(p);
		break;
	case UI_A_FILTER:
		people_filter_dialog(p);
		break;
	case UI_A_SORT:
		p->f.sort = (p->f.sort + 1) % PSORT__COUNT;
		ui_list_reload(&p->list);
		ui_status(_("Sorted %s."), _(people_sort_labels[p->f.sort]));
		break;
	case UI_A_SEARCH:
		ui_list_search_start(&p->list, f);
		break;
	case PEOPLE_A_CLEAR:
		people_clear_filters(p);
		ui_list_reload(&p->list);
		break;
	case PEOPLE_A_CONSENTS:
		if (r != NULL)
			ui_consent_person(r->id);
		break;
	case PEOPLE_A_REPS:
		if (r != NULL)
			ui_reps_open(r->id);
		break;
	case PEOPLE_A_IMPORT:
		ui_import_open(p->f.category, p->class_);
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

/* Back from a card, a form or the filter: show what changed. */
static void
people_resume(struct ui_frame *f)
{
	struct people	*p = f->data;
	long long	 id = ui_person_saved();

	/* Help and cards change nothing: only a save or a filter reads again. */
	if (p->reload) {
		p->reload = 0;
		ui_list_reload(&p->list);
	} else if (id > 0 || p->cgen != ui_consent_gen())
		ui_list_refresh(&p->list);	/* an import, anonymising */
	p->cgen = ui_consent_gen();
	if (id > 0 && !ui_list_select(&p->list, id)) {
		/* The filter hides the person just saved: show everyone. */
		people_clear_filters(p);
		ui_list_reload(&p->list);
		ui_list_select(&p->list, id);
		ui_status("%s", _("Saved. The filter is cleared so that the "
		    "participant can be seen."));
	}
}

static void
people_changed(struct ui_frame *f)
{
	struct people	*p = f->data;

	ui_list_refresh(&p->list);
	ui_status("%s", _("Someone else changed the data; the list is up to "
	    "date."));
}

static int
people_enter(struct ui_frame *f)
{
	struct people	*p = f->data;

	p->cgen = ui_consent_gen();
	return (ui_list_reload(&p->list));
}

static void
people_leave(struct ui_frame *f)
{
	struct people	*p = f->data;

	ui_list_free(&p->list);
	free(p->search);
	free(p->class_);
	free(p);
}

static const struct ui_screen people_screen = {
	.name = "people",
	.title = N_("Participants"),
	.enter = people_enter,
	.draw = people_draw,
	.key = people_key,
	.leave = people_leave,
	.changed = people_changed,
	.resume = people_resume,
	.actions = people_actions,
	.nactions = nitems(people_actions),
	.help = N_("Everyone taking part in the mentoring programme: pupils, "
	    "teachers, young specialists, parents, graduates, partners' "
	    "representatives and student teachers. In the Role column Mtr "
	    "marks a mentor and Mte a mentee. The line above the list shows "
	    "the filter and the order; the corner shows the row and how many "
	    "there are."),
};

int
ui_people_open(void)
{
	struct people	*p;

	p = xcalloc(1, sizeof *p);
	person_filter_init(&p->f);
	ui_list_init(&p->list, people_columns, nitems(people_columns),
	    &people_source, p);
	p->list.empty = N_("No participants yet: press F7 to add one.");
	return (ui_push(&people_screen, p));
}
