/* ui-quest.c: the questionnaires: their list, their questions, and editing them. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "monitor.h"
#include "ui-dialog.h"
#include "ui-draw.h"
#include "ui-form.h"
#include "ui-help.h"
#include "ui-monitor.h"

/* ---- one questionnaire's questions ---- */

struct qv {
	long long		 id;
	struct questionnaire	 q;
	int			 cur;
	int			 top;
};

enum { QV_A_UP = UI_A_USER, QV_A_DOWN, QV_A_TITLE };

static const struct ui_action qv_actions[] = {
	UI_ACTION_HELP,
	{ QV_A_TITLE, 2, { 0 }, N_("Rename"),
	    N_("Change the questionnaire's title.") },
	{ UI_A_EDIT, 4, { '\r', '\n', UI_FN(KEY_ENTER), 'e' }, N_("Edit"),
	    N_("Change the question under the cursor: its text, its type, "
	    "its answers to choose from.") },
	{ QV_A_UP, 5, { '<', '-', 0 }, N_("Up"),
	    N_("Move the question under the cursor up.") },
	{ QV_A_DOWN, 6, { '>', '+', 0 }, N_("Down"),
	    N_("Move the question under the cursor down.") },
	{ UI_A_NEW, 7, { 'n', UI_FN(KEY_IC), 0 }, N_("Add"),
	    N_("Add a question after the one under the cursor.") },
	{ UI_A_DELETE, 8, { UI_FN(KEY_DC), 0 }, N_("Delete"),
	    N_("Delete the question under the cursor, after asking. A "
	    "question that has answers is kept.") },
	UI_ACTION_MENU,
	UI_ACTION_BACK,
};

static int
qv_load(struct qv *v)
{
	struct nerr	err;
	char		idbuf[32];

	quest_free(&v->q);
	quest_init(&v->q);
	snprintf(idbuf, sizeof idbuf, "%lld", v->id);
	nerr_clear(&err);
	if (quest_get(ui_db(), idbuf, &v->q, &err) != 0) {
		ui_error("%s", err.msg);
		return (-1);
	}
	if (v->cur >= v->q.nq)
		v->cur = v->q.nq > 0 ? v->q.nq - 1 : 0;
	return (0);
}

/* Save the questionnaire as changed in memory; on a refusal read it back. */
static int
qv_save(struct qv *v, struct nerr *err)
{
	if (quest_save(ui_db(), &v->q, err) == 0)
		return (0);
	qv_load(v);
	return (-1);
}

static void
qv_draw(struct ui_frame *f, WINDOW *w, int y, int h)
{
	struct qv	*v = f->data;
	struct sbuf	 sb;
	int		 i, list, tw;
	attr_t		 at;

	ui_put(w, y, 1, COLS - 2, str_or(v->q.title, v->q.code), A_BOLD, 0);
	sbuf_init(&sb);
	sbuf_addf(&sb, "%s · %s", str_or(v->q.code, ""),
	    str_or(v->q.note, ""));
	ui_put(w, y + 1, 1, COLS - 2, sb.s, ui_attr(UI_DIM), 0);
	sbuf_free(&sb);
	tw = COLS - 22;
	wattrset(w, ui_attr(UI_HEADER));
	mvwhline(w, y + 2, 0, ' ', COLS);
	wattrset(w, A_NORMAL);
	ui_put(w, y + 2, 1, tw, _("Question"), ui_attr(UI_HEADER), 0);
	ui_put(w, y + 2, tw + 2, COLS - tw - 3, _("Type"),
	    ui_attr(UI_HEADER), 0);
	if (v->q.nq == 0) {
		ui_put_centre(w, y + h / 2, 0, COLS, _("No questions yet: F7 "
		    "adds one."), ui_attr(UI_DIM));
		return;
	}
	list = h - 5;
	if (v->cur < v->top)
		v->top = v->cur;
	if (v->cur >= v->top + list)
		v->top = v->cur - list + 1;
	for (i = 0; i < list && v->top + i < v->q.nq; i++) {
		const struct question *qq = &v->q.q[v->top + i];

		at = v->top + i == v->cur ? ui_attr(UI_SELECT) : A_NORMAL;
		wattrset(w, at);
		mvwhline(w, y + 3 + i, 0, ' ', COLS);
		wattrset(w, A_NORMAL);
		sbuf_init(&sb);
		sbuf_addf(&sb, "%2d. %s", v->top + i + 1, str_or(qq->text, ""));
		ui_put(w, y + 3 + i, 1, tw, sb.s, at, 0);
		sbuf_free(&sb);
		ui_put(w, y + 3 + i, tw + 2, COLS - tw - 3,
		    quest_type_label(qq->type), at, 0);
	}
	/* The whole of the question under the cursor, and its choices. */
	sbuf_init(&sb);
	sbuf_add(&sb, str_or(v->q.q[v->cur].text, ""));
	if (v->q.q[v->cur].type == QT_CHOICE)
		sbuf_addf(&sb, " [%s]", str_or(v->q.q[v->cur].choices, ""));
	ui_hline(w, y + h - 2, 0, COLS);
	ui_put(w, y + h - 1, 1, COLS - 2, sb.s, ui_attr(UI_DIM), 0);
	sbuf_free(&sb);
}

/* The form of one question. */
struct qedit {
	struct qv	*v;
	int		 idx;		/* the question, or where a new one goes */
	int		 is_new;
	char		*text;
	int		 type;
	char		*choices;
};

static const char *
qedit_type_choice(void *obj, int i)
{
	(void)obj;
	return (i >= 0 && i < QT__COUNT ? quest_type_label(i) : NULL);
}

#define E(m)	offsetof(struct qedit, m)
static const struct ui_field qedit_fields[] = {
	{ N_("Question"), UI_F_LONG, E(text), 1, 500, NULL, NULL },
	{ N_("Type"), UI_F_CHOICE, E(type), 0, 0, qedit_type_choice, NULL },
	{ N_("Answers to choose from (a|b|c)"), UI_F_LONG, E(choices), 0,
	    500, NULL, NULL },
};
#undef E

static int
qedit_save(void *obj, struct nerr *err)
{
	struct qedit	*e = obj;
	struct qv	*v = e->v;
	struct question	*qq;
	int		 i;

	if (e->type == QT_CHOICE && (e->choices == NULL ||
	    strchr(e->choices, '|') == NULL))
		return (nerr_set(err, "%s", _("Answers to choose from: type "
		    "at least two, divided by |.")));
	if (e->is_new) {
		v->q.q = xreallocarray(v->q.q, v->q.nq + 1, sizeof *v->q.q);
		for (i = v->q.nq; i > e->idx; i--)
			v->q.q[i] = v->q.q[i - 1];
		v->q.nq++;
		qq = &v->q.q[e->idx];
		memset(qq, 0, sizeof *qq);
	} else {
		qq = &v->q.q[e->idx];
		free(qq->text);
		free(qq->choices);
	}
	qq->text = xstrdup(e->text);
	qq->type = e->type;
	qq->choices = e->type == QT_CHOICE && e->choices != NULL ?
	    xstrdup(e->choices) : NULL;
	if (qv_save(v, err) != 0)
		return (-1);
	v->cur = e->idx;
	e->is_new = 0;		/* saved once: a second F2 is no second copy */
	return (0);
}

static void
qedit_done(void *obj, int saved)
{
	struct qedit	*e = obj;

	if (saved)
		ui_status("%s", _("The questionnaire is saved."));
	free(e->text);
	free(e->choices);
	free(e);
}

static const struct ui_form_spec qedit_spec = {
	.fields = qedit_fields,
	.nfields = nitems(qedit_fields),
	.help = N_("A question of the questionnaire. Its type says how it is "
	    "answered: a scale of 1 to 10 or 1 to 5, yes or no, one of the "
	    "answers to choose from (type them divided by |, as in «да|скорее "
	    "да|нет»), or free text. A question that already has answers may "
	    "change its wording, not its type."),
	.save = qedit_save,
	.done = qedit_done,
};

static void
qv_edit(struct qv *v, int is_new)
{
	struct qedit		*e;
	const struct question	*qq;

	if (ui_refuse_readonly())
		return;
	if (!is_new && v->q.nq == 0)
		return;
	e = xcalloc(1, sizeof *e);
	e->v = v;
	e->is_new = is_new;
	if (is_new) {
		e->idx = v->q.nq == 0 ? 0 : v->cur + 1;
		e->type = QT_SCALE10;
	} else {
		qq = &v->q.q[v->cur];
		e->idx = v->cur;
		e->text = qq->text != NULL ? xstrdup(qq->text) : NULL;
		e->type = qq->type;
		e->choices = qq->choices != NULL ? xstrdup(qq->choices) : NULL;
	}
	ui_form_open(&qedit_spec, e, is_new ? _("New question") :
	    _("Question"));
}

static void
qv_delete(struct qv *v)
{
	struct nerr	err;
	char		*q;
	int		 i, yes;

	if (v->q.nq == 0 || ui_refuse_readonly())
		return;
	xasprintf(&q, _("Delete question %d? (y/n)"), v->cur + 1);
	yes = ui_confirm(q);
	free(q);
	if (!yes)
		return;
	free(v->q.q[v->cur].text);
	free(v->q.q[v->cur].choices);
	for (i = v->cur; i < v->q.nq - 1; i++)
		v->q.q[i] = v->q.q[i + 1];
	v->q.nq--;
	nerr_clear(&err);
	if (qv_save(v, &err) != 0) {
		ui_error("%s", err.msg);
		return;
	}
	qv_load(v);
	ui_status("%s", _("The question is deleted."));
}

static void
qv_move(struct qv *v, int by)
{
	struct question	tmp;
	struct nerr	err;
	int		to = v->cur + by;

	if (to < 0 || to >= v->q.nq || ui_refuse_readonly())
		return;
	tmp = v->q.q[v->cur];
	v->q.q[v->cur] = v->q.q[to];
	v->q.q[to] = tmp;
	nerr_clear(&err);
	if (qv_save(v, &err) != 0) {
		ui_error("%s", err.msg);
		return;
	}
	v->cur = to;
	qv_load(v);
}

static void
qv_title(struct qv *v)
{
	struct nerr	 err;
	char		*t;

	if (ui_refuse_readonly())
		return;
	if ((t = ui_prompt(_("Title of the questionnaire:"), v->q.title)) ==
	    NULL || *t == '\0') {
		free(t);
		return;
	}
	free(v->q.title);
	v->q.title = t;
	nerr_clear(&err);
	if (qv_save(v, &err) != 0)
		ui_error("%s", err.msg);
	else
		ui_status("%s", _("The questionnaire is saved."));
}

static int
qv_key(struct ui_frame *f, int k, int action)
{
	struct qv	*v = f->data;

	switch (action) {
	case UI_A_HELP:
		ui_help_show(f, NULL);
		return (UI_STAY);
	case QV_A_TITLE:
		qv_title(v);
		return (UI_STAY);
	case UI_A_EDIT:
		qv_edit(v, 0);
		return (UI_STAY);
	case UI_A_NEW:
		qv_edit(v, 1);
		return (UI_STAY);
	case UI_A_DELETE:
		qv_delete(v);
		return (UI_STAY);
	case QV_A_UP:
		qv_move(v, -1);
		return (UI_STAY);
	case QV_A_DOWN:
		qv_move(v, 1);
		return (UI_STAY);
	case UI_A_MENU:
		return (UI_TOP);
	case UI_A_BACK:
		return (UI_POP);
	}
	if (k == UI_ESC)
		return (UI_POP);
	ui_cursor_key(k, &v->cur, v->q.nq);
	return (UI_STAY);
}

static void
qv_changed(struct ui_frame *f)
{
	qv_load(f->data);
}

static int
qv_enter(struct ui_frame *f)
{
	return (qv_load(f->data));
}

static void
qv_leave(struct ui_frame *f)
{
	struct qv	*v = f->data;

	quest_free(&v->q);
	free(v);
}

static const struct ui_screen qv_screen = {
	.name = "questionnaire",
	.title = N_("Questionnaire"),
	.enter = qv_enter,
	.draw = qv_draw,
	.key = qv_key,
	.leave = qv_leave,
	.changed = qv_changed,
	.resume = qv_changed,
	.actions = qv_actions,
	.nactions = nitems(qv_actions),
	.help = N_("The questions of a questionnaire in the order they are "
	    "asked. Enter or F4 changes a question, F7 adds one after the "
	    "cursor, F8 deletes one, F5 and F6 move it up and down; each "
	    "change is saved at once. A question that already has answers "
	    "keeps its type and is not deleted, so the answers keep their "
	    "meaning."),
};

static int
ui_quest_view(long long id)
{
	struct qv	*v;

	v = xcalloc(1, sizeof *v);
	v->id = id;
	quest_init(&v->q);
	return (ui_push(&qv_screen, v));
}

/* ---- the list ---- */

struct ql {
	struct questionnaire	*qs;
	int			 n;
	int			 cur;
	int			 top;
};

static const struct ui_action ql_actions[] = {
	UI_ACTION_HELP,
	{ UI_A_OPEN, 3, { '\r', '\n', UI_FN(KEY_ENTER), 0 }, N_("Open"),
	    N_("Open the questions of the questionnaire under the cursor.") },
	UI_ACTION_MENU,
	UI_ACTION_BACK,
};

static int
ql_load(struct ql *l)
{
	struct nerr	err;

	quest_list_free(l->qs, l->n);
	l->qs = NULL;
	l->n = 0;
	nerr_clear(&err);
	if (quest_list(ui_db(), &l->qs, &l->n, &err) != 0) {
		ui_error("%s", err.msg);
		return (-1);
	}
	if (l->cur >= l->n)
		l->cur = l->n > 0 ? l->n - 1 : 0;
	return (0);
}

static const char *
ql_audience(const char *a)
{
	if (a == NULL)
		return ("");
	if (strcmp(a, "mentee") == 0)
		return (_("mentees"));
	if (strcmp(a, "mentor") == 0)
		return (_("mentors"));
	if (strcmp(a, "curator") == 0)
		return (_("curator"));
	return (a);
}

static void
ql_draw(struct ui_frame *f, WINDOW *w, int y, int h)
{
	struct ql	*l = f->data;
	int		 i, list, cw = 16, aw = 14, tw;
	attr_t		 at;

	tw = COLS - cw - aw - 4;
	wattrset(w, ui_attr(UI_HEADER));
	mvwhline(w, y, 0, ' ', COLS);
	wattrset(w, A_NORMAL);
	ui_put(w, y, 1, tw, _("Questionnaire"), ui_attr(UI_HEADER), 0);
	ui_put(w, y, tw + 2, aw, _("Who answers"), ui_attr(UI_HEADER), 0);
	ui_put(w, y, tw + aw + 3, cw, _("Code"), ui_attr(UI_HEADER), 0);
	if (l->n == 0) {
		ui_put_centre(w, y + h / 2, 0, COLS, _("There are no "
		    "questionnaires."), ui_attr(UI_DIM));
		return;
	}
	list = h - 1;
	if (l->cur < l->top)
		l->top = l->cur;
	if (l->cur >= l->top + list)
		l->top = l->cur - list + 1;
	for (i = 0; i < list && l->top + i < l->n; i++) {
		const struct questionnaire *q = &l->qs[l->top + i];

		at = l->top + i == l->cur ? ui_attr(UI_SELECT) : A_NORMAL;
		wattrset(w, at);
		mvwhline(w, y + 1 + i, 0, ' ', COLS);
		wattrset(w, A_NORMAL);
		ui_put(w, y + 1 + i, 1, tw, str_or(q->title, ""), at, 0);
		ui_put(w, y + 1 + i, tw + 2, aw, ql_audience(q->audience), at,
		    0);
		ui_put(w, y + 1 + i, tw + aw + 3, cw, str_or(q->code, ""), at,
		    0);
	}
}

static int
ql_key(struct ui_frame *f, int k, int action)
{
	struct ql	*l = f->data;

	switch (action) {
	case UI_A_HELP:
		ui_help_show(f, NULL);
		return (UI_STAY);
	case UI_A_OPEN:
		if (l->n > 0)
			ui_quest_view(l->qs[l->cur].id);
		return (UI_STAY);
	case UI_A_MENU:
		return (UI_TOP);
	case UI_A_BACK:
		return (UI_POP);
	}
	if (k == UI_ESC)
		return (UI_POP);
	ui_cursor_key(k, &l->cur, l->n);
	return (UI_STAY);
}

static void
ql_changed(struct ui_frame *f)
{
	ql_load(f->data);
}

static int
ql_enter(struct ui_frame *f)
{
	return (ql_load(f->data));
}

static void
ql_leave(struct ui_frame *f)
{
	struct ql	*l = f->data;

	quest_list_free(l->qs, l->n);
	free(l);
}

static const struct ui_screen ql_screen = {
	.name = "questionnaires",
	.title = N_("Questionnaires"),
	.enter = ql_enter,
	.draw = ql_draw,
	.key = ql_key,
	.leave = ql_leave,
	.changed = ql_changed,
	.resume = ql_changed,
	.actions = ql_actions,
	.nactions = nitems(ql_actions),
	.help = N_("The questionnaires of the programme: before entry and "
	    "after it, for mentees and for mentors, and the quarterly "
	    "diagnostics. The shipped ones are put in on the first visit "
	    "and may be changed to the school's own. Enter opens the "
	    "questions."),
};

int
ui_quest_open(void)
{
	return (ui_push(&ql_screen, xcalloc(1, sizeof (struct ql))));
}
