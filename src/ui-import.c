/* ui-import.c: a class list from Excel into the participants, with a preview and a dry run. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "date.h"
#include "person.h"
#include "pimport.h"
#include "text.h"
#include "ui-consent.h"
#include "ui-dialog.h"
#include "ui-draw.h"
#include "ui-form.h"
#include "ui-help.h"
#include "ui-import.h"
#include "ui-pager.h"

#define IMPORT_PREVIEW_ROWS	10

/* The last file asked for: the next import starts from its folder. */
static char *ui_import_last;

enum { IMP_OPTIONS, IMP_PREVIEW, IMP_REPORT };

struct imp {
	int		 stage;
	struct ui_form	 form;
	struct ui_pager	 pg;

	/* the options form */
	char		*path;
	int		 enc;		/* 0 auto, 1 UTF-8, 2 CP1251 */
	int		 delim;		/* 0 auto, 1 ';', 2 ',', 3 tab */
	int		 category;	/* 0: from the file, else category + 1 */
	char		*class_;

	/* the dry run */
	int		 rows;
	int		 added;
	int		 updated;
	int		 bad;
};

static const char *
imp_enc_choice(void *obj, int i)
{
	static const char *const enc[] = { N_("detect"), "UTF-8",
	    "CP1251 (Excel)" };

	(void)obj;
	return (i >= 0 && i < (int)nitems(enc) ? _(enc[i]) : NULL);
}

static const char *
imp_delim_choice(void *obj, int i)
{
	static const char *const delim[] = { N_("detect"), ";", ",",
	    N_("tab") };

	(void)obj;
	return (i >= 0 && i < (int)nitems(delim) ? _(delim[i]) : NULL);
}

static const char *
imp_category_choice(void *obj, int i)
{
	(void)obj;
	if (i == 0)
		return (_("only from the file"));
	return (i <= CAT__COUNT ? person_category_label(i - 1) : NULL);
}

static char *
imp_class_check(void *obj, const char *text, const char *label,
    struct nerr *err)
{
	char	*c;

	(void)obj;
	if ((c = person_class_normalise(text)) == NULL)
		nerr_set(err, _("%s: \"%s\" is not a class; type it as 7Б or "
		    "11А."), label, text);
	return (c);
}

#define I(m)	offsetof(struct imp, m)
static const struct ui_field imp_fields[] = {
	{ N_("File"), UI_F_LONG, I(path), 1, 1000, NULL, NULL },
	{ N_("Encoding"), UI_F_CHOICE, I(enc), 0, 0, imp_enc_choice, NULL },
	{ N_("Delimiter"), UI_F_CHOICE, I(delim), 0, 0, imp_delim_choice,
	    NULL },
	{ N_("Category for rows without one"), UI_F_CHOICE, I(category), 0,
	    0, imp_category_choice, NULL },
	{ N_("Class for rows without one"), UI_F_TEXT, I(class_), 0, 4, NULL,
	    imp_class_check },
};
#undef I

static void
imp_opts(const struct imp *im, struct pimport_opts *o)
{
	static const int	 enc[] = { CSV_ENC_AUTO, CSV_ENC_UTF8,
				    CSV_ENC_CP1251 };
	static const int	 delim[] = { 0, ';', ',', '\t' };

	pimport_opts_init(o);
	o->encoding = enc[im->enc];
	o->delimiter = delim[im->delim];
	o->category = im->category - 1;
	o->class_ = im->class_;
}

static void
imp_detected(struct sbuf *sb, const struct pimport_result *res)
{
	sbuf_addf(sb, _("Encoding: %s · delimiter: %s"),
	    csv_encoding_name(res->encoding),
	    res->delimiter == '\t' ? _("tab") :
	    csv_delimiter_name(res->delimiter));
	sbuf_addc(sb, '\n');
}

/* The core's report, which ends its lines itself. */
static void
imp_report(struct sbuf *sb, const struct pimport_result *res, int gap)
{
	if (res->report.len == 0)
		return;
	if (gap)
		sbuf_addc(sb, '\n');
	sbuf_add(sb, res->report.s);
	if (res->report.s[res->report.len - 1] != '\n')
		sbuf_addc(sb, '\n');
}

/* ---- the stages ---- */

static void
imp_preview_row(struct sbuf *sb, int i, const struct person *p)
{
	struct sbuf	 name;
	char		 born[DATE_ISO_LEN];

	sbuf_init(&name);
	ui_consent_name(&name, p->last, p->first, p->patronymic);
	date_show(p->birth, born);
	sbuf_addf(sb, "%3d  ", i + 1);
	text_fit(sb, name.s != NULL ? name.s : "", 34, 0);
	sbuf_add(sb, "  ");
	text_fit(sb, born, 10, 0);
	sbuf_add(sb, "  ");
	text_fit(sb, person_category_label(p->category), 14, 0);
	sbuf_addf(sb, "  %s\n", str_or(p->class_, ""));
	sbuf_free(&name);
}

static int
imp_preview(struct imp *im)
{
	struct pimport_opts	 o;
	struct pimport_result	 res;
	struct person		 ps[IMPORT_PREVIEW_ROWS];
	struct nerr		 err;
	struct sbuf		 sb;
	char			*path;
	int			 n = 0, i;

	path = ui_pager_expand(im->path);
	imp_opts(im, &o);
	memset(&res, 0, sizeof res);
	for (i = 0; i < IMPORT_PREVIEW_ROWS; i++)
		person_init(&ps[i]);
	nerr_clear(&err);
	if (pimport_preview(path, &o, ps, IMPORT_PREVIEW_ROWS, &n, &res,
	    &err) != 0) {
		ui_form_focus_message(&im->form, err.msg);
		ui_error("%s", err.msg);
		pimport_result_free(&res);
		free(path);
		return (-1);
	}
	sbuf_init(&sb);
	sbuf_addf(&sb, UI_PAGER_HEAD "%s\n", path);
	imp_detected(&sb, &res);
	imp_report(&sb, &res, 0);
	sbuf_addf(&sb, "\n" UI_PAGER_HEAD "%s\n", _("The first rows as they "
	    "will be imported"));
	sbuf_add(&sb, "  №  ");
	text_fit(&sb, _("Full name"), 34, 0);
	sbuf_add(&sb, "  ");
	text_fit(&sb, _("Born"), 10, 0);
	sbuf_add(&sb, "  ");
	text_fit(&sb, _("Category"), 14, 0);
	sbuf_addf(&sb, "  %s\n", _("Class"));
	for (i = 0; i < n; i++)
		imp_preview_row(&sb, i, &ps[i]);
	if (n == 0)
		sbuf_addf(&sb, "%s\n", _("The file has no rows to import."));
	sbuf_addf(&sb, "\n%s\n", _("F2 checks the whole file without "
	    "changing anything; F4 goes back to the options."));
	ui_pager_set(&im->pg, sb.s);
	im->pg.top = 0;
	sbuf_free(&sb);
	for (i = 0; i < IMPORT_PREVIEW_ROWS; i++)
		person_free(&ps[i]);
	pimport_result_free(&res);
	free(path);
	return (0);
}

static void
imp_counts(struct sbuf *sb, const struct pimport_result *res)
{
	sbuf_addf(sb, _("Rows: %d · new: %d · updated: %d · unchanged: %d · "
	    "with errors: %d"), res->rows, res->added, res->updated,
	    res->unchanged, res->bad);
	sbuf_addc(sb, '\n');
}

/* The dry run: every row checked, nothing changed. */
static void
imp_check(struct imp *im)
{
	struct pimport_opts	 o;
	struct pimport_result	 res;
	struct nerr		 err;
	struct sbuf		 sb;
	char			*path;
	int			 r;

	path = ui_pager_expand(im->path);
	imp_opts(im, &o);
	o.dry_run = 1;
	o.skip_bad = 1;		/* count the good rows too; nothing is written */
	memset(&res, 0, sizeof res);
	nerr_clear(&err);
	r = pimport_people(ui_db(), path, &o, &res, &err);
	sbuf_init(&sb);
	sbuf_addf(&sb, UI_PAGER_HEAD "%s\n", _("Check of the whole file"));
	sbuf_addf(&sb, "%s\n", path);
	imp_detected(&sb, &res);
	imp_counts(&sb, &res);
	if (r != 0)
		sbuf_addf(&sb, "\n%s\n", err.msg);
	imp_report(&sb, &res, 1);
	im->rows = res.rows;
	im->added = res.added;
	im->updated = res.updated;
	im->bad = r != 0 && res.bad == 0 ? -1 : res.bad;
	if (im->bad < 0)
		sbuf_addf(&sb, "\n%s\n", _("The file cannot be imported as it "
		    "is: F4 goes back to the options."));
	else if (im->bad > 0)
		sbuf_addf(&sb, "\n%s\n", _("F2 imports the good rows and skips "
		    "the rows with errors, after asking; or correct the file "
		    "and import it again."));
	else
		sbuf_addf(&sb, "\n%s\n", _("F2 imports, after asking."));
	ui_pager_set(&im->pg, sb.s);
	im->pg.top = 0;
	sbuf_free(&sb);
	pimport_result_free(&res);
	free(path);
	im->stage = IMP_REPORT;
}

static int
imp_import(struct imp *im)
{
	struct pimport_opts	 o;
	struct pimport_result	 res;
	struct nerr		 err;
	char			*path, *q;
	int			 r, yes;

	if (im->bad < 0) {
		ui_error("%s", _("The file cannot be imported as it is."));
		return (UI_STAY);
	}
	if (im->bad > 0)
		xasprintf(&q, _("Import %d good rows and skip %d with errors? "
		    "(y/n)"), im->rows - im->bad, im->bad);
	else
		xasprintf(&q, _("Import %d rows: %d new, %d updated? (y/n)"),
		    im->rows, im->added, im->updated);
	yes = ui_confirm(q);
	free(q);
	if (!yes)
		return (UI_STAY);
	path = ui_pager_expand(im->path);
	imp_opts(im, &o);
	o.skip_bad = im->bad > 0;
	memset(&res, 0, sizeof res);
	nerr_clear(&err);
	r = pimport_people(ui_db(), path, &o, &res, &err);
	free(path);
	if (r != 0) {
		ui_error("%s", err.msg);
		pimport_result_free(&res);
		return (UI_STAY);
	}
	ui_consent_touch();
	ui_status(_("Imported: %d new, %d updated, %d unchanged, %d skipped."),
	    res.added, res.updated, res.unchanged, res.bad);
	pimport_result_free(&res);
	return (UI_POP);
}

/* ---- the screen ---- */

enum { IMP_A_OPTIONS = UI_A_USER };

static const struct ui_action imp_actions[] = {
	UI_ACTION_HELP,
	{ UI_A_SAVE, 2, { UI_CTRL('S'), 0 }, N_("Next"),
	    N_("The next step: from the options to the preview, from the "
	    "preview to the check of the whole file, from the check to the "
	    "import.") },
	{ IMP_A_OPTIONS, 4, { 'e', 0 }, N_("Options"),
	    N_("Back to the file and the options.") },
	UI_ACTION_MENU,
	{ UI_A_BACK, 10, { 'q', 0 }, N_("Cancel"),
	    N_("Leave without importing anything.") },
};

static void
imp_stage(struct ui_frame *f, int stage)
{
	struct imp	*im = f->data;

	im->stage = stage;
	f->typing = stage == IMP_OPTIONS;
}

static void
imp_draw(struct ui_frame *f, WINDOW *w, int y, int h)
{
	struct imp	*im = f->data;
	static const char *const steps[] = {
		N_("Step 1 of 3: the file and the options · F2: preview"),
		N_("Step 2 of 3: preview · F2: check the whole file · F4: "
		    "options"),
		N_("Step 3 of 3: check · F2: import · F4: options"),
	};

	ui_put(w, y, 1, COLS - 2, _(steps[im->stage]), ui_attr(UI_DIM), 0);
	if (im->stage == IMP_OPTIONS)
		ui_form_draw(&im->form, f, w, y + 2, h - 2);
	else
		ui_pager_draw(&im->pg, w, y + 1, h - 1);
}

static int
imp_next(struct ui_frame *f)
{
	struct imp	*im = f->data;
	struct nerr	 err;

	switch (im->stage) {
	case IMP_OPTIONS:
		nerr_clear(&err);
		if (ui_form_store(&im->form, &err) != 0) {
			ui_error("%s", err.msg);
			break;
		}
		free(ui_import_last);
		ui_import_last = xstrdup(im->path);
		if (imp_preview(im) == 0)
			imp_stage(f, IMP_PREVIEW);
		break;
	case IMP_PREVIEW:
		imp_check(im);
		imp_stage(f, IMP_REPORT);
		break;
	case IMP_REPORT:
		if (ui_refuse_readonly())
			break;
		return (imp_import(im));
	}
	return (UI_STAY);
}

static int
imp_key(struct ui_frame *f, int k, int action)
{
	struct imp	*im = f->data;

	switch (action) {
	case UI_A_HELP:
		ui_help_show(f, NULL);
		return (UI_STAY);
	case UI_A_SAVE:
		return (imp_next(f));
	case IMP_A_OPTIONS:
		imp_stage(f, IMP_OPTIONS);
		return (UI_STAY);
	case UI_A_MENU:
		return (UI_TOP);
	case UI_A_BACK:
		return (UI_POP);
	}
	if (k == UI_ESC)
		return (UI_POP);
	if (im->stage == IMP_OPTIONS)
		ui_form_key(&im->form, k);
	else
		ui_pager_key(&im->pg, k);
	return (UI_STAY);
}

static int
imp_enter(struct ui_frame *f)
{
	f->typing = 1;
	return (0);
}

static void
imp_leave(struct ui_frame *f)
{
	struct imp	*im = f->data;

	ui_form_free(&im->form);
	ui_pager_free(&im->pg);
	free(im->path);
	free(im->class_);
	free(im);
}

static const struct ui_screen imp_screen = {
	.name = "import",
	.title = N_("Import a class list"),
	.enter = imp_enter,
	.draw = imp_draw,
	.key = imp_key,
	.leave = imp_leave,
	.actions = imp_actions,
	.nactions = nitems(imp_actions),
	.help = N_("Participants from a CSV file saved by Excel, LibreOffice "
	    "or a school system. Columns are found by their headers in any "
	    "order: №, ФИО or Фамилия, Имя, Отчество, Дата рождения, Класс, "
	    "Категория, Телефон, E-mail, Организация, Должность. The encoding "
	    "and the delimiter are detected unless you choose them. Three "
	    "steps, each with F2: the options, a preview of the first rows, "
	    "a check of the whole file that changes nothing; then the import, "
	    "after asking. If any row is wrong nothing is imported unless "
	    "you agree to skip the wrong rows. A person already in the file "
	    "(the same name and birth date) is updated, not added twice."),
};

int
ui_import_open(int category, const char *class_)
{
	struct imp	*im;
	char		*path;

	if (ui_refuse_readonly())
		return (-1);
	path = ui_prompt(_("Import participants from the CSV file:"),
	    ui_import_last != NULL ? ui_import_last : "~/");
	if (path == NULL || *path == '\0') {
		free(path);
		return (-1);
	}
	im = xcalloc(1, sizeof *im);
	im->path = path;
	im->category = category >= 0 && category < CAT__COUNT ?
	    category + 1 : 0;
	im->class_ = class_ != NULL ? xstrdup(class_) : NULL;
	ui_form_init(&im->form, imp_fields, nitems(imp_fields), im);
	ui_pager_init(&im->pg, "");
	free(ui_import_last);
	ui_import_last = xstrdup(path);
	return (ui_push(&imp_screen, im));
}
