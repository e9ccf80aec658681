/* ui-consent.c: the school-wide consents view: who is covered, who owes which paper. */
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
#include "ui-list.h"
#include "ui-pager.h"
#include "ui-pfilter.h"

static unsigned int ui_consent_generation;

unsigned int
ui_consent_gen(void)
{
	return (ui_consent_generation);
}

void
ui_consent_touch(void)
{
	ui_consent_generation++;
}

/*
 * Ticks and dashes only where the terminal surely draws them: a UTF-8
 * locale on a terminal other than the Linux console or a VT, whose fonts
 * lack "✓".
 */
static int
ui_consent_ascii(void)
{
	const char	*t = getenv("TERM");

	if (!ui_utf8())
		return (1);
	return (t != NULL && (strncmp(t, "vt", 2) == 0 ||
	    strcmp(t, "linux") == 0));
}

const char *
ui_consent_mark(int state)
{
	int	a = ui_consent_ascii();

	switch (state) {
	case CS_VALID:
		return (a ? "+" : "✓");
	case CS_REVOKED:
		return (a ? "R" : C_("consent mark", "revoked"));
	case CS_EXPIRED:
		return (a ? "E" : C_("consent mark", "expired"));
	}
	return (a ? "-" : "—");
}

void
ui_consent_name(struct sbuf *sb, const char *last, const char *first,
    const char *patronymic)
{
	sbuf_add(sb, str_or(last, ""));
	if (!str_empty(first))
		sbuf_addf(sb, " %s", first);
	if (!str_empty(patronymic))
		sbuf_addf(sb, " %s", patronymic);
}

/* ---- the rows: a participant and the state of each kind ---- */

struct crow {
	struct person_row	 r;
	int			 st[CK__COUNT];
};

struct cview {
	struct person_filter	 f;
	char			*search;
	char			*class_;
	struct ui_list		 list;
	int			 reload;
	int			 total;		/* coverage; total < 0: unknown */
	int			 covered;
	unsigned int		 gen;		/* ui_consent_gen() last read */
};

static int
cview_states(struct crow *rows, int n, struct nerr *err)
{
	int	i;

	for (i = 0; i < n; i++) {
		if (consent_states(ui_db(), rows[i].r.id, rows[i].st, err) != 0)
			return (-1);
	}
	return (0);
}

static void
cview_free_rows(void *rows, int n)
{
	struct crow	*c = rows;
	int		 i;

	for (i = 0; i < n; i++)
		person_rows_free(&c[i].r, 1);
}

static int
cview_page(void *ctx, const void *from, int backward, void *rows, int n,
    struct nerr *err)
{
	struct cview		*v = ctx;
	const struct crow	*fr = from;
	struct crow		*out = rows;
	struct person_row	*tmp;
	int			 k, i;

	tmp = xcalloc((size_t)n, sizeof *tmp);
	k = person_page(ui_db(), &v->f, fr != NULL ? &fr->r : NULL, backward,
	    tmp, n, err);
	for (i = 0; i < k; i++)
		out[i].r = tmp[i];
	free(tmp);
	if (k > 0 && cview_states(out, k, err) != 0) {
		cview_free_rows(out, k);
		return (-1);
	}
	return (k);
}

static long long
cview_count(void *ctx, struct nerr *err)
{
	return (person_count(ui_db(), &((struct cview *)ctx)->f, err));
}

static void
cview_copy_row(void *dst, const void *src)
{
	struct crow		*d = dst;
	const struct crow	*s = src;

	person_row_copy(&d->r, &s->r);
	memcpy(d->st, s->st, sizeof d->st);
}

static long long
cview_id(const void *row)
{
	return (((const struct crow *)row)->r.id);
}

static int
cview_find(void *ctx, long long id, void *row, struct nerr *err)
{
	struct cview	*v = ctx;
	struct crow	*c = row;
	int		 r;

	if ((r = person_row_find(ui_db(), &v->f, id, &c->r, err)) == 1 &&
	    cview_states(c, 1, err) != 0) {
		person_rows_free(&c->r, 1);
		return (-1);
	}
	return (r);
}

static long long
cview_rank(void *ctx, const void *row, struct nerr *err)
{
	return (person_rank(ui_db(), &((struct cview *)ctx)->f,
	    &((const struct crow *)row)->r, err));
}

UI_LIST_SEARCH(cview_search, struct cview, f, search)

static const struct ui_list_source cview_source = {
	.rowsize = sizeof (struct crow),
	.page = cview_page,
	.count = cview_count,
	.free_rows = cview_free_rows,
	.copy_row = cview_copy_row,
	.id = cview_id,
	.find = cview_find,
	.rank = cview_rank,
	.search = cview_search,
};

/* ---- columns ---- */

static void
col_name(const void *row, struct sbuf *sb)
{
	const struct person_row	*r = &((const struct crow *)row)->r;

	ui_consent_name(sb, r->last, r->first, r->patronymic);
}

static void
col_class(const void *row, struct sbuf *sb)
{
	const struct person_row	*r = &((const struct crow *)row)->r;

	/* Others have no class: their category, cut to fit, says who they are. */
	if (r->class_ != NULL)
		sbuf_add(sb, r->class_);
	else
		sbuf_add(sb, person_category_label(r->category));
}

/* Mentoring as extra duties is not for pupils: blank, not "missing". */
static void
col_kind(const struct crow *c, int k, struct sbuf *sb)
{
	if (k == CK_MENTOR_DUTIES && c->r.category == CAT_PUPIL &&
	    c->st[k] == CS_MISSING)
		return;
	sbuf_add(sb, ui_consent_mark(c->st[k]));
}

#define COL_KIND(k) \
static void \
col_kind##k(const void *row, struct sbuf *sb) \
{ \
	col_kind(row, k, sb); \
}
COL_KIND(0)
COL_KIND(1)
COL_KIND(2)
COL_KIND(3)
#undef COL_KIND

/* Titles come from the core (consent_kind_short), so the table is filled in. */
static struct ui_column cview_columns[] = {
	{ N_("Full name"), 0, 0, col_name },
	{ N_("Class"), 7, 0, col_class },
	{ NULL, 8, 0, col_kind0 },
	{ NULL, 8, 0, col_kind1 },
	{ NULL, 8, 0, col_kind2 },
	{ NULL, 8, 0, col_kind3 },
};

/* ---- filter ---- */

static const char *const cview_consent_labels[] = {
	N_("everyone"), N_("owe a processing consent"),
	N_("have a processing consent"),
};

static const char *
cff_consent(void *obj, int i)
{
	(void)obj;
	return (i < (int)nitems(cview_consent_labels) ?
	    _(cview_consent_labels[i]) : NULL);
}

static const struct ui_field cfilter_fields[] = {
	UI_PFILTER_FIELDS,
	UI_PFILTER_EXTRA(N_("Processing consent"), cff_consent),
};

static const struct ui_form_spec cfilter_spec = {
	.fields = cfilter_fields,
	.nfields = nitems(cfilter_fields),
	.help = N_("Choose whom the consents list shows: a category, a class, "
	    "those who still owe a processing consent or those who have one; "
	    "F2 applies the filter."),
	.save = ui_pfilter_save,
	.done = ui_pfilter_done,
};

static void
cview_filter_dialog(struct cview *v)
{
	ui_pfilter_open(&cfilter_spec, _("Filter consents"), &v->f,
	    &v->class_, &v->f.consent, &v->reload);
}

static void
cview_filter_line(struct cview *v, struct sbuf *sb)
{
	int	n = 0;

	if (v->f.category >= 0) {
		sbuf_add(sb, person_category_label(v->f.category));
		n++;
	}
	if (v->class_ != NULL)
		sbuf_addf(sb, "%s%s %s", n++ ? " · " : "", _("class"),
		    v->class_);
	if (v->f.consent != PCONS_ANY)
		sbuf_addf(sb, "%s%s", n++ ? " · " : "",
		    _(cview_consent_labels[v->f.consent]));
	if (v->search != NULL && !v->list.searching)
		sbuf_addf(sb, "%s%s «%s»", n++ ? " · " : "", _("search"),
		    v->search);
	if (n == 0)
		sbuf_add(sb, _("All participants"));
}

/* ---- coverage ---- */

static void
cview_coverage(struct cview *v)
{
	struct consent_cov	*cov;
	struct nerr		 err;
	int			 n;

	v->total = -1;
	nerr_clear(&err);
	if (consent_coverage(ui_db(), 0, &cov, &n, &err) != 0) {
		ui_error("%s", err.msg);
		return;
	}
	if (n > 0) {
		v->total = cov[n - 1].total;
		v->covered = cov[n - 1].covered;
	}
	consent_coverage_free(cov, n);
}

/* ---- reports ---- */

static char *
ui_consent_file(const char *what)
{
	char	*path;

	xasprintf(&path, "~/nastavnik-%s-%s.txt", what, date_today());
	return (path);
}

void
ui_consent_owed(void)
{
	struct sbuf	 sb;
	struct nerr	 err;
	char		*path;

	sbuf_init(&sb);
	nerr_clear(&err);
	if (consent_owed_text(ui_db(), &sb, &err) != 0)
		ui_error("%s", err.msg);
	else {
		path = ui_consent_file("owed");
		ui_pager_open_save(_("Who owes a consent"), sb.s,
		    N_("The participants without a valid consent to "
		    "personal-data processing, grouped by class, as it is "
		    "printed. F2 saves it to a file."), path);
		free(path);
	}
	sbuf_free(&sb);
}

void
ui_consent_coverage(void)
{
	struct sbuf	 sb;
	struct nerr	 err;
	char		*path;

	sbuf_init(&sb);
	nerr_clear(&err);
	if (consent_coverage_text(ui_db(), 0, &sb, &err) != 0) {
		ui_error("%s", err.msg);
		sbuf_free(&sb);
		return;
	}
	sbuf_add(&sb, "\n\n");
	if (consent_coverage_text(ui_db(), 1, &sb, &err) != 0) {
		ui_error("%s", err.msg);
		sbuf_free(&sb);
		return;
	}
	path = ui_consent_file("coverage");
	ui_pager_open_save(_("Consent coverage"), sb.s,
	    /* xgettext:no-c-format */
	    N_("The share of participants with a valid consent to "
	    "personal-data processing, by category and by class, against the "
	    "100 % target. F2 saves it to a file."), path);
	free(path);
	sbuf_free(&sb);
}

void
ui_consent_print(long long id)
{
	const char	*items[CK__COUNT], *who[2];
	struct person	 p;
	struct sbuf	 sb;
	struct nerr	 err;
	char		*cls = NULL, *path;
	int		 i, kind, whole = 0;

	person_init(&p);
	nerr_clear(&err);
	if (person_get(ui_db(), id, &p, &err) != 0) {
		ui_error("%s", err.msg);
		person_free(&p);
		return;
	}
	if (p.category == CAT_PUPIL && p.class_ != NULL) {
		who[0] = _("for this participant");
		xasprintf(&cls, _("for the whole class %s"), p.class_);
		who[1] = cls;
		whole = ui_pick(_("Consent form"), who, 2, 0);
		free(cls);
		if (whole < 0) {
			person_free(&p);
			return;
		}
	}
	for (i = 0; i < CK__COUNT; i++)
		items[i] = consent_kind_label(i);
	if ((kind = ui_pick(_("Consent to"), items, CK__COUNT, 0)) >= 0) {
		sbuf_init(&sb);
		if (consent_form_text(ui_db(), whole ? 0 : id,
		    whole ? p.class_ : NULL, kind, &sb, &err) != 0)
			ui_error("%s", err.msg);
		else {
			path = ui_consent_file("form");
			ui_pager_open_save(_("Consent form"), sb.s,
			    N_("The form to print and sign, with the school's "
			    "and the participant's details filled in. F2 "
			    "saves it to a file."), path);
			free(path);
		}
		sbuf_free(&sb);
	}
	person_free(&p);
}

/* ---- the screen ---- */

enum {
	CVIEW_A_PRINT = UI_A_USER,
	CVIEW_A_BATCH,
	CVIEW_A_COVERAGE,
	CVIEW_A_OWED,
	CVIEW_A_FORM,
	CVIEW_A_CLEAR,
};

static const struct ui_action cview_actions[] = {
	UI_ACTION_HELP,
	{ CVIEW_A_PRINT, 2, { 0 }, N_("Print"),
	    N_("Choose a report to print or save: who owes a consent, the "
	    "coverage, a consent form.") },
	{ UI_A_VIEW, 3, { '\r', '\n', UI_FN(KEY_ENTER), 'v' }, N_("View"),
	    N_("The participant's consents: add, revoke, print a form.") },
	{ CVIEW_A_BATCH, 4, { 'm', 0 }, N_("Class"),
	    N_("Mark received papers for a whole class: choose the class and "
	    "the kind, then tick the pupils in a checklist.") },
	{ UI_A_FILTER, 5, { 'f', 0 }, N_("Filter"),
	    N_("Show only a category, a class, those who owe a processing "
	    "consent or those who have one.") },
	{ CVIEW_A_COVERAGE, 6, { 'r', 0 }, N_("Coverage"),
	    /* xgettext:no-c-format */
	    N_("The coverage by category and by class against the 100 % "
	    "target.") },
	{ UI_A_NEW, 7, { 'n', UI_FN(KEY_IC), 0 }, N_("Record"),
	    N_("Record a consent of the participant under the cursor.") },
	{ CVIEW_A_OWED, 0, { 'o', 0 }, NULL,
	    N_("The list of who owes a processing consent, by class, to "
	    "print.") },
	{ CVIEW_A_FORM, 0, { 'p', 0 }, NULL,
	    N_("A consent form for the participant or their whole class.") },
	{ UI_A_SEARCH, 0, { '/', 0 }, NULL,
	    N_("Search by part of the name as you type; Enter keeps the "
	    "search, Esc clears it.") },
	{ CVIEW_A_CLEAR, 0, { 'c', 0 }, NULL,
	    N_("Clear the search and every filter.") },
	UI_ACTION_MENU,
	UI_ACTION_BACK,
};

static void
cview_draw(struct ui_frame *f, WINDOW *w, int y, int h)
{
	struct cview	*v = f->data;
	struct sbuf	 line, pos;
	int		 pw, pct;

	sbuf_init(&line);
	sbuf_init(&pos);
	if (v->total >= 0) {
		pct = consent_pct(v->covered, v->total);
		sbuf_addf(&line, _("Processing consents: %d of %d (%d %%), "
		    "target 100 %%"), v->covered, v->total, pct);
		ui_put(w, y, 1, COLS - 2, line.s, pct < 100 ?
		    A_BOLD : ui_attr(UI_HEADER), 0);
	}
	sbuf_reset(&line);
	cview_filter_line(v, &line);
	ui_list_position(&v->list, &pos);
	pw = ui_width(pos.s);
	ui_put(w, y + 1, 1, COLS - pw - 4, line.s, ui_attr(UI_DIM), 0);
	ui_put(w, y + 1, COLS - pw - 1, pw, pos.s, A_NORMAL, 0);
	sbuf_free(&line);
	sbuf_free(&pos);
	ui_list_draw(&v->list, f, w, y + 2, h - 2);
}

static void
cview_clear(struct cview *v)
{
	person_filter_init(&v->f);
	free(v->class_);
	v->class_ = NULL;
	free(v->search);
	v->search = NULL;
	sbuf_reset(&v->list.search);
	v->list.searching = 0;
}

static void
cview_print_menu(const struct crow *r)
{
	const char	*items[3];
	int		 n = 0, c;

	items[n++] = _("Who owes a consent");
	items[n++] = _("Consent coverage");
	if (r != NULL)
		items[n++] = _("Consent form");
	if ((c = ui_pick(_("Print"), items, n, 0)) == 0)
		ui_consent_owed();
	else if (c == 1)
		ui_consent_coverage();
	else if (c == 2)
		ui_consent_print(r->r.id);
}

static int
cview_key(struct ui_frame *f, int k, int action)
{
	struct cview		*v = f->data;
	const struct crow	*r = ui_list_current(&v->list);

	if ((v->list.searching || action == UI_A_NONE || k == UI_ESC) &&
	    ui_list_key(&v->list, f, k))
		return (UI_STAY);
	switch (action) {
	case UI_A_HELP:
		ui_help_show(f, NULL);
		break;
	case CVIEW_A_PRINT:
		cview_print_menu(r);
		break;
	case UI_A_VIEW:
		if (r != NULL)
			ui_consent_person(r->r.id);
		break;
	case CVIEW_A_BATCH:
		ui_consent_batch_ask(v->class_ != NULL ? v->class_ :
		    r != NULL ? r->r.class_ : NULL);
		break;
	case UI_A_FILTER:
		cview_filter_dialog(v);
		break;
	case CVIEW_A_COVERAGE:
		ui_consent_coverage();
		break;
	case UI_A_NEW:
		if (r != NULL && !ui_refuse_readonly())
			ui_consent_add_form(r->r.id);
		break;
	case CVIEW_A_OWED:
		ui_consent_owed();
		break;
	case CVIEW_A_FORM:
		if (r != NULL)
			ui_consent_print(r->r.id);
		break;
	case UI_A_SEARCH:
		ui_list_search_start(&v->list, f);
		break;
	case CVIEW_A_CLEAR:
		cview_clear(v);
		ui_list_reload(&v->list);
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
cview_resume(struct ui_frame *f)
{
	struct cview	*v = f->data;

	if (v->reload) {
		v->reload = 0;
		ui_list_reload(&v->list);
		cview_coverage(v);
	} else if (v->gen != ui_consent_gen()) {
		ui_list_refresh(&v->list);
		cview_coverage(v);
	}
	v->gen = ui_consent_gen();
}

static void
cview_changed(struct ui_frame *f)
{
	struct cview	*v = f->data;

	ui_list_refresh(&v->list);
	cview_coverage(v);
	ui_status("%s", _("Someone else changed the data; the list is up to "
	    "date."));
}

static int
cview_enter(struct ui_frame *f)
{
	struct cview	*v = f->data;

	cview_coverage(v);
	v->gen = ui_consent_gen();
	return (ui_list_reload(&v->list));
}

static void
cview_leave(struct ui_frame *f)
{
	struct cview	*v = f->data;

	ui_list_free(&v->list);
	free(v->search);
	free(v->class_);
	free(v);
}

static const struct ui_screen cview_screen = {
	.name = "consents",
	.title = N_("Consents"),
	.enter = cview_enter,
	.draw = cview_draw,
	.key = cview_key,
	.leave = cview_leave,
	.changed = cview_changed,
	.resume = cview_resume,
	.actions = cview_actions,
	.nactions = nitems(cview_actions),
	/* xgettext:no-c-format */
	.help = N_("Every participant with the state of each consent: ✓ "
	    "valid, — missing, «revoked», «expired» (on terminals without "
	    "these signs: +, -, R, E). The top line gives the share of "
	    "participants with a valid consent to personal-data processing "
	    "against the 100 % target. F4 marks the papers received from a "
	    "whole class in a few keys."),
};

int
ui_consent_open(void)
{
	struct cview	*v;
	int		 i;

	for (i = 0; i < CK__COUNT && i + 2 < (int)nitems(cview_columns); i++)
		cview_columns[i + 2].title = consent_kind_short(i);
	v = xcalloc(1, sizeof *v);
	person_filter_init(&v->f);
	v->total = -1;
	ui_list_init(&v->list, cview_columns, nitems(cview_columns),
	    &cview_source, v);
	v->list.empty = N_("No participants yet: add them or import a class "
	    "list on the Participants screen.");
	return (ui_push(&cview_screen, v));
}
