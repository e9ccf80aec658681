/* ui-monitor.c: the monitoring dashboard: every indicator against its target, and who is behind. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "monitor.h"
#include "text.h"
#include "ui-dialog.h"
#include "ui-draw.h"
#include "ui-help.h"
#include "ui-monitor.h"
#include "ui-pager.h"
#include "ui-pairs.h"
#include "ui-person.h"

struct dash {
	struct indicator	*ind;
	int			 n;
	int			 cur;
	int			 top;
	int			 h;
};

enum {
	DASH_A_IMPORT = UI_A_USER,
	DASH_A_TARGETS,
	DASH_A_QUEST,
	DASH_A_ANSWERS,
};

static const struct ui_action dash_actions[] = {
	UI_ACTION_HELP,
	{ DASH_A_IMPORT, 2, { 'i', 0x448 /* ш */, 0 }, N_("Import"),
	    N_("Import answers from a CSV file (the export of an online "
	    "form): the file, the questionnaire and the stage are asked, a "
	    "check of the whole file is shown, then the import.") },
	{ UI_A_VIEW, 3, { 'v', 0 }, N_("About"),
	    N_("The full text of how the indicator under the cursor is "
	    "counted.") },
	{ UI_A_OPEN, 0, { '\r', '\n', UI_FN(KEY_ENTER), 0 }, NULL,
	    N_("Open who or what is behind the indicator: the people not "
	    "covered, the pairs behind their plan.") },
	{ DASH_A_TARGETS, 5, { 't', 0x435 /* е */, 0 }, N_("Targets"),
	    N_("The targets of the school year: change them or go back to "
	    "the defaults.") },
	{ DASH_A_QUEST, 6, { 'k', 0x43b /* л */, 0 }, N_("Forms"),
	    N_("The questionnaires and their questions.") },
	{ DASH_A_ANSWERS, 7, { 'a', 0x444 /* ф */, 0 }, N_("Answers"),
	    N_("Type in paper questionnaires, one respondent after another.") },
	UI_ACTION_MENU,
	UI_ACTION_BACK,
};

/* "73,3 %", "12" or "2,5": a Russian decimal comma, no needless ",0". */
static void
dash_num(struct sbuf *sb, double v, int is_count)
{
	char	buf[32], *p;

	if (v - (long long)v == 0)
		snprintf(buf, sizeof buf, "%.0f", v);
	else
		snprintf(buf, sizeof buf, "%.1f", v);
	if ((p = strchr(buf, '.')) != NULL)
		*p = ',';
	sbuf_add(sb, buf);
	if (!is_count)
		sbuf_add(sb, " %");
}

static const char *
dash_met(const struct indicator *in)
{
	if (!in->has_target || !in->has_value)
		return (ui_utf8() ? "—" : "-");
	if (in->met)
		return (ui_utf8() ? _("✓ met") : _("+ met"));
	return (ui_utf8() ? _("✗ not met") : _("- not met"));
}

static int
dash_load(struct dash *d)
{
	struct nerr	err;

	indicators_free(d->ind, d->n);
	d->ind = NULL;
	d->n = 0;
	nerr_clear(&err);
	if (indicators_compute(ui_db(), NULL, &d->ind, &d->n, &err) != 0) {
		ui_error("%s", err.msg);
		return (-1);
	}
	if (d->cur >= d->n)
		d->cur = d->n > 0 ? d->n - 1 : 0;
	return (0);
}

#define DASH_VW		9	/* value */
#define DASH_TW		7	/* target */
#define DASH_MW		12	/* met */
#define DASH_PW		11	/* last quarter */

static void
dash_row(WINDOW *w, int y, int namew, const char *name, const char *v,
    const char *t, const char *m, const char *p, attr_t at)
{
	int	x = 1;

	wattrset(w, at);
	mvwhline(w, y, 0, ' ', COLS);
	wattrset(w, A_NORMAL);
	ui_put(w, y, x, namew, name, at, 0);
	x += namew + 1;
	ui_put(w, y, x + DASH_VW - ui_width(v), DASH_VW, v, at, 0);
	x += DASH_VW + 1;
	ui_put(w, y, x + DASH_TW - ui_width(t), DASH_TW, t, at, 0);
	x += DASH_TW + 2;
	ui_put(w, y, x, DASH_MW, m, at, 0);
	x += DASH_MW;
	ui_put(w, y, x + DASH_PW - ui_width(p), DASH_PW, p, at, 0);
}

static void
dash_draw_foot(struct dash *d, WINDOW *w, int y)
{
	const struct indicator	*in = &d->ind[d->cur];
	struct sbuf		 sb;
	char			**lines;
	int			 n, i;

	ui_hline(w, y, 0, COLS);
	sbuf_init(&sb);
	if (in->detail != NULL)
		sbuf_addf(&sb, "%s. ", in->detail);
	sbuf_add(&sb, str_or(in->definition, ""));
	n = ui_wrap(sb.s, COLS - 2, &lines);
	if (n > 2) {
		/* A third line does not fit: F3 has the whole. */
		ui_wrap_free(lines, n);
		n = ui_wrap(sb.s, COLS - 3 - ui_width(_("(F3: more)")),
		    &lines);
	}
	for (i = 0; i < n && i < 2; i++)
		ui_put(w, y + 1 + i, 1, COLS - 2, lines[i], ui_attr(UI_DIM), 0);
	if (n > 2)
		ui_put(w, y + 2, 2 + ui_width(lines[1]), COLS - 3 -
		    ui_width(lines[1]), _("(F3: more)"), ui_attr(UI_DIM), 0);
	ui_wrap_free(lines, n);
	sbuf_free(&sb);
}

static void
dash_draw(struct ui_frame *f, WINDOW *w, int y, int h)
{
	struct dash	*d = f->data;
	struct sbuf	 v, t, p, head;
	char		 today[DATE_ISO_LEN], year[16];
	int		 namew, i, list;

	namew = COLS - 2 - DASH_VW - DASH_TW - DASH_MW - DASH_PW - 4;
	sbuf_init(&head);
	date_show(date_today(), today);
	date_school_year(date_today(), year, sizeof year);
	sbuf_addf(&head, _("As of %s · school year %s · Enter: who is "
	    "behind"), today, year);
	ui_put(w, y, 1, COLS - 2, head.s, A_NORMAL, 0);
	sbuf_free(&head);
	dash_row(w, y + 1, namew, _("Indicator"), _("Value"), _("Target"),
	    C_("dashboard", "Met"), _("Last quarter"), ui_attr(UI_HEADER));
	if (d->n == 0) {
		ui_put_centre(w, y + h / 2, 0, COLS, _("Nothing to show."),
		    ui_attr(UI_DIM));
		return;
	}
	list = h - 5;
	d->h = list;
	if (d->cur < d->top)
		d->top = d->cur;
	if (d->cur >= d->top + list)
		d->top = d->cur - list + 1;
	for (i = 0; i < list && d->top + i < d->n; i++) {
		const struct indicator *in = &d->ind[d->top + i];

		sbuf_init(&v);
		sbuf_init(&t);
		sbuf_init(&p);
		if (in->has_value)
			dash_num(&v, in->value, in->is_count);
		else
			sbuf_add(&v, ui_utf8() ? "—" : "-");
		if (in->has_target)
			dash_num(&t, in->target, in->is_count);
		if (in->has_prev)
			dash_num(&p, in->prev, in->is_count);
		dash_row(w, y + 2 + i, namew, str_or(in->name, in->code),
		    str_or(v.s, ""), str_or(t.s, ""), dash_met(in),
		    str_or(p.s, ""), d->top + i == d->cur ?
		    ui_attr(UI_SELECT) : A_NORMAL);
		sbuf_free(&v);
		sbuf_free(&t);
		sbuf_free(&p);
	}
	dash_draw_foot(d, w, y + h - 3);
}

static void
dash_about(struct dash *d)
{
	const struct indicator	*in;
	struct sbuf		 sb;

	if (d->n == 0)
		return;
	in = &d->ind[d->cur];
	sbuf_init(&sb);
	sbuf_addf(&sb, UI_PAGER_HEAD "%s\n\n", str_or(in->name, in->code));
	sbuf_addf(&sb, "%s\n\n", str_or(in->definition, ""));
	sbuf_addf(&sb, "%s\t", _("Value"));
	if (in->has_value)
		dash_num(&sb, in->value, in->is_count);
	else
		sbuf_add(&sb, _("nothing to count yet"));
	if (in->detail != NULL)
		sbuf_addf(&sb, " (%s)", in->detail);
	sbuf_addc(&sb, '\n');
	if (in->has_target) {
		sbuf_addf(&sb, "%s\t", _("Target"));
		dash_num(&sb, in->target, in->is_count);
		sbuf_addf(&sb, " · %s\n", dash_met(in));
	}
	if (in->has_prev) {
		sbuf_addf(&sb, "%s\t", _("At the end of the last quarter"));
		dash_num(&sb, in->prev, in->is_count);
		sbuf_addc(&sb, '\n');
	}
	ui_pager_open(str_or(in->name, in->code), sb.s, NULL);
	sbuf_free(&sb);
}

static int	ui_behind_open(const struct indicator *);

static int
dash_key(struct ui_frame *f, int k, int action)
{
	struct dash	*d = f->data;

	switch (action) {
	case UI_A_HELP:
		ui_help_show(f, NULL);
		return (UI_STAY);
	case UI_A_VIEW:
		dash_about(d);
		return (UI_STAY);
	case UI_A_OPEN:
		if (d->n > 0)
			ui_behind_open(&d->ind[d->cur]);
		return (UI_STAY);
	case DASH_A_IMPORT:
		ui_answers_import_open();
		return (UI_STAY);
	case DASH_A_TARGETS:
		ui_targets_open(NULL);
		return (UI_STAY);
	case DASH_A_QUEST:
		ui_quest_open();
		return (UI_STAY);
	case DASH_A_ANSWERS:
		ui_answers_open();
		return (UI_STAY);
	case UI_A_MENU:
		return (UI_TOP);
	case UI_A_BACK:
		return (UI_POP);
	}
	if (k == UI_ESC)
		return (UI_POP);
	ui_cursor_key(k, &d->cur, d->n);
	return (UI_STAY);
}

static void
dash_changed(struct ui_frame *f)
{
	dash_load(f->data);
}

static int
dash_enter(struct ui_frame *f)
{
	struct nerr	err;
	int		added;

	/* The shipped questionnaires are there from the first visit. */
	nerr_clear(&err);
	if (!ui_readonly() && quest_templates_load(ui_db(), &added,
	    &err) != 0)
		ui_error("%s", err.msg);
	return (dash_load(f->data));
}

static void
dash_leave(struct ui_frame *f)
{
	struct dash	*d = f->data;

	indicators_free(d->ind, d->n);
	free(d);
}

static const struct ui_screen dash_screen = {
	.name = "monitoring",
	.title = N_("Monitoring"),
	.enter = dash_enter,
	.draw = dash_draw,
	.key = dash_key,
	.leave = dash_leave,
	.changed = dash_changed,
	.resume = dash_changed,
	.actions = dash_actions,
	.nactions = nitems(dash_actions),
	.help = N_("Every indicator of the programme as of today: its value, "
	    "the target of this school year, whether the target is met, and "
	    "the value at the end of the last quarter to see the trend. The "
	    "lines at the bottom say how the indicator under the cursor is "
	    "counted; F3 shows the whole text. Enter opens who is behind it: "
	    "the people not yet covered, the pairs whose plans lag. "
	    "Satisfaction comes from the questionnaires: type paper ones in "
	    "with F7, or import an online form's CSV with F2."),
};

int
ui_monitor_open(void)
{
	return (ui_push(&dash_screen, xcalloc(1, sizeof (struct dash))));
}

/* ---- who is behind an indicator ---- */

struct behind {
	struct behind_row	*rows;
	int			 n;
	int			 cur;
	int			 top;
	char			*code;
	int			 counted;	/* a count: those counted, none behind */
};

static const struct ui_action behind_actions[] = {
	UI_ACTION_HELP,
	{ UI_A_VIEW, 3, { '\r', '\n', UI_FN(KEY_ENTER), 'v' }, N_("Card"),
	    N_("The card of the participant or the pair under the cursor.") },
	UI_ACTION_MENU,
	UI_ACTION_BACK,
};

static int
behind_load(struct behind *b)
{
	struct nerr	err;

	behind_free(b->rows, b->n);
	b->rows = NULL;
	b->n = 0;
	nerr_clear(&err);
	if (indicator_behind(ui_db(), b->code, NULL, &b->rows, &b->n,
	    &err) != 0) {
		ui_error("%s", err.msg);
		return (-1);
	}
	if (b->cur >= b->n)
		b->cur = b->n > 0 ? b->n - 1 : 0;
	return (0);
}

static void
behind_draw(struct ui_frame *f, WINDOW *w, int y, int h)
{
	struct behind	*b = f->data;
	struct sbuf	 sb;
	int		 i, nw, list;
	attr_t		 at;

	sbuf_init(&sb);
	if (b->counted)
		sbuf_addf(&sb, ngettext("%d counted", "%d counted",
		    (unsigned long)b->n), b->n);
	else
		sbuf_addf(&sb, ngettext("%d is behind", "%d are behind",
		    (unsigned long)b->n), b->n);
	ui_put(w, y, 1, COLS - 2, sb.s, A_BOLD, 0);
	sbuf_free(&sb);
	if (b->n == 0) {
		ui_put_centre(w, y + h / 2, 0, COLS, _("Nobody is behind this "
		    "indicator."), ui_attr(UI_DIM));
		return;
	}
	list = h - 2;
	if (b->cur < b->top)
		b->top = b->cur;
	if (b->cur >= b->top + list)
		b->top = b->cur - list + 1;
	nw = (COLS - 4) / 2;
	for (i = 0; i < list && b->top + i < b->n; i++) {
		const struct behind_row *r = &b->rows[b->top + i];

		at = b->top + i == b->cur ? ui_attr(UI_SELECT) : A_NORMAL;
		wattrset(w, at);
		mvwhline(w, y + 2 + i, 0, ' ', COLS);
		wattrset(w, A_NORMAL);
		ui_put(w, y + 2 + i, 1, nw, str_or(r->label, ""), at, 0);
		ui_put(w, y + 2 + i, nw + 2, COLS - nw - 3,
		    str_or(r->note, ""), at, 0);
	}
}

static int
behind_key(struct ui_frame *f, int k, int action)
{
	struct behind	*b = f->data;

	switch (action) {
	case UI_A_HELP:
		ui_help_show(f, NULL);
		return (UI_STAY);
	case UI_A_VIEW:
		if (b->n == 0)
			return (UI_STAY);
		if (b->rows[b->cur].is_pair)
			ui_pair_card(b->rows[b->cur].id);
		else
			ui_person_card(b->rows[b->cur].id);
		return (UI_STAY);
	case UI_A_MENU:
		return (UI_TOP);
	case UI_A_BACK:
		return (UI_POP);
	}
	if (k == UI_ESC)
		return (UI_POP);
	ui_cursor_key(k, &b->cur, b->n);
	return (UI_STAY);
}

static void
behind_changed(struct ui_frame *f)
{
	behind_load(f->data);
}

static int
behind_enter(struct ui_frame *f)
{
	return (behind_load(f->data));
}

static void
behind_leave(struct ui_frame *f)
{
	struct behind	*b = f->data;

	behind_free(b->rows, b->n);
	free(b->code);
	free(b);
}

static const struct ui_screen behind_screen = {
	.name = "behind",
	.title = N_("Behind the indicator"),
	.enter = behind_enter,
	.draw = behind_draw,
	.key = behind_key,
	.leave = behind_leave,
	.changed = behind_changed,
	.resume = behind_changed,
	.actions = behind_actions,
	.nactions = nitems(behind_actions),
	.help = N_("The participants or pairs that keep the indicator from "
	    "its target, each with the reason: no consent, no answer to the "
	    "questionnaire, a plan behind. Enter or F3 opens the card of the "
	    "one under the cursor."),
};

static int
ui_behind_open(const struct indicator *in)
{
	struct behind	*b;

	if (!in->has_behind) {
		ui_status("%s", _("This indicator is a count: nobody is "
		    "behind it."));
		return (-1);
	}
	b = xcalloc(1, sizeof *b);
	b->code = xstrdup(in->code);
	/* A count by form lists who is counted, not who lags. */
	b->counted = strncmp(in->code, "form-", 5) == 0;
	if (ui_push(&behind_screen, b) != 0)
		return (-1);
	ui_set_title(str_or(in->name, in->code));
	return (0);
}

/* ---- answers from a CSV file ---- */

static char *ui_answers_last;

struct aimp {
	char		*path;
	char		*quest;		/* the code */
	char		*title;
	char		 stage[8];
	struct ui_pager	 pg;
	int		 rows;
	int		 bad;		/* -1: the file cannot be read at all */
};

static const struct ui_action aimp_actions[] = {
	UI_ACTION_HELP,
	{ UI_A_SAVE, 2, { UI_CTRL('S'), 0 }, N_("Import"),
	    N_("Import the answers, after asking; rows with errors are "
	    "skipped only when you agree.") },
	UI_ACTION_MENU,
	{ UI_A_BACK, 10, { 'q', 0 }, N_("Cancel"),
	    N_("Leave without importing anything.") },
};

static void
aimp_check(struct aimp *im)
{
	struct answers_import_result	 res;
	struct nerr			 err;
	struct sbuf			 sb;
	int				 r;

	memset(&res, 0, sizeof res);
	nerr_clear(&err);
	r = answers_import(ui_db(), im->path, im->quest, im->stage, 1, 1,
	    &res, &err);
	sbuf_init(&sb);
	sbuf_addf(&sb, UI_PAGER_HEAD "%s\n", _("Check of the whole file"));
	sbuf_addf(&sb, "%s\n%s · %s\n", im->path, im->title,
	    stage_label(im->stage));
	sbuf_addf(&sb, _("Rows: %d · new: %d · replaced: %d · with errors: "
	    "%d"), res.rows, res.added, res.replaced, res.bad);
	sbuf_addc(&sb, '\n');
	if (r != 0)
		sbuf_addf(&sb, "\n%s\n", err.msg);
	if (res.report.len > 0) {
		sbuf_addc(&sb, '\n');
		sbuf_add(&sb, res.report.s);
		if (res.report.s[res.report.len - 1] != '\n')
			sbuf_addc(&sb, '\n');
	}
	im->rows = res.rows;
	im->bad = r != 0 && res.bad == 0 ? -1 : res.bad;
	if (im->bad < 0)
		sbuf_addf(&sb, "\n%s\n", _("The file cannot be imported as it "
		    "is."));
	else if (im->bad > 0)
		sbuf_addf(&sb, "\n%s\n", _("F2 imports the good rows and skips "
		    "the rows with errors, after asking; or correct the file "
		    "and import it again."));
	else
		sbuf_addf(&sb, "\n%s\n", _("F2 imports, after asking."));
	ui_pager_set(&im->pg, sb.s);
	sbuf_free(&sb);
	answers_import_result_free(&res);
}

static int
aimp_import(struct aimp *im)
{
	struct answers_import_result	 res;
	struct nerr			 err;
	char				*q;
	int				 yes;

	if (im->bad < 0 || im->rows == 0) {
		ui_error("%s", _("The file cannot be imported as it is."));
		return (UI_STAY);
	}
	if (im->bad > 0)
		xasprintf(&q, _("Import %d good rows and skip %d with errors? "
		    "(y/n)"), im->rows - im->bad, im->bad);
	else
		xasprintf(&q, _("Import the answers of %d rows? (y/n)"),
		    im->rows);
	yes = ui_confirm(q);
	free(q);
	if (!yes)
		return (UI_STAY);
	memset(&res, 0, sizeof res);
	nerr_clear(&err);
	if (answers_import(ui_db(), im->path, im->quest, im->stage, 0,
	    im->bad > 0, &res, &err) != 0) {
		ui_error("%s", err.msg);
		answers_import_result_free(&res);
		return (UI_STAY);
	}
	ui_status(_("Imported: %d new, %d replaced, %d skipped."), res.added,
	    res.replaced, res.bad);
	answers_import_result_free(&res);
	return (UI_POP);
}

static void
aimp_draw(struct ui_frame *f, WINDOW *w, int y, int h)
{
	struct aimp	*im = f->data;

	ui_pager_draw(&im->pg, w, y, h);
}

static int
aimp_key(struct ui_frame *f, int k, int action)
{
	struct aimp	*im = f->data;

	switch (action) {
	case UI_A_HELP:
		ui_help_show(f, NULL);
		return (UI_STAY);
	case UI_A_SAVE:
		if (ui_refuse_readonly())
			return (UI_STAY);
		return (aimp_import(im));
	case UI_A_MENU:
		return (UI_TOP);
	case UI_A_BACK:
		return (UI_POP);
	}
	if (k == UI_ESC)
		return (UI_POP);
	ui_pager_key(&im->pg, k);
	return (UI_STAY);
}

static void
aimp_leave(struct ui_frame *f)
{
	struct aimp	*im = f->data;

	ui_pager_free(&im->pg);
	free(im->path);
	free(im->quest);
	free(im->title);
	free(im);
}

static const struct ui_screen aimp_screen = {
	.name = "answers-import",
	.title = N_("Import answers"),
	.draw = aimp_draw,
	.key = aimp_key,
	.leave = aimp_leave,
	.actions = aimp_actions,
	.nactions = nitems(aimp_actions),
	.help = N_("Answers from a CSV file, such as the export of an online "
	    "form: one row a respondent, the name in one column (ФИО) or "
	    "three, then a column a question, in the questionnaire's order or "
	    "headed by the question's text. The whole file is checked first "
	    "and nothing is changed: each wrong row is named by its line. F2 "
	    "imports after asking; a person's earlier answer to the same "
	    "questionnaire and stage is replaced."),
};

int
ui_answers_import_open(void)
{
	struct questionnaire	 q;
	struct aimp		*im;
	struct nerr		 err;
	char			 idbuf[32], *path;
	long long		 id;

	if (ui_refuse_readonly())
		return (-1);
	path = ui_prompt(_("Import answers from the CSV file:"),
	    ui_answers_last != NULL ? ui_answers_last : "~/");
	if (path == NULL || *path == '\0') {
		free(path);
		return (-1);
	}
	free(ui_answers_last);
	ui_answers_last = xstrdup(path);
	if ((id = ui_monitor_pick_quest(_("Answers to which "
	    "questionnaire?"))) <= 0) {
		free(path);
		return (-1);
	}
	im = xcalloc(1, sizeof *im);
	im->path = ui_pager_expand(path);
	free(path);
	ui_pager_init(&im->pg, "");
	quest_init(&q);
	snprintf(idbuf, sizeof idbuf, "%lld", id);
	nerr_clear(&err);
	if (quest_get(ui_db(), idbuf, &q, &err) != 0) {
		ui_error("%s", err.msg);
		quest_free(&q);
		aimp_leave(&(struct ui_frame){ .data = im });
		return (-1);
	}
	im->quest = xstrdup(q.code);
	im->title = xstrdup(str_or(q.title, q.code));
	quest_free(&q);
	if (ui_monitor_pick_stage(im->stage, sizeof im->stage, im->quest) != 0) {
		aimp_leave(&(struct ui_frame){ .data = im });
		return (-1);
	}
	aimp_check(im);
	return (ui_push(&aimp_screen, im));
}
