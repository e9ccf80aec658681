/* ui-answers.c: a stack of paper questionnaires typed in fast: one screen a respondent. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "monitor.h"
#include "person.h"
#include "text.h"
#include "ui-dialog.h"
#include "ui-draw.h"
#include "ui-help.h"
#include "ui-monitor.h"
#include "ui-ppick.h"

#define ANS_BOXW	12	/* the answer's box */

struct ans {
	struct questionnaire	 q;
	char			 stage[8];
	char			 date[DATE_ISO_LEN];
	int			 role;		/* enum person_role of the audience */

	long long		 person;	/* 0: nobody chosen */
	char			*name;		/* «Иванов Иван Иванович, 7Б» */
	char			*shortname;	/* «Иванов И. И.» */
	int			 replacing;	/* they had answered: this replaces it */
	long long		 picked;
	int			 pick_back;	/* the picker has just closed */

	struct sbuf		*val;		/* as typed, one per question */
	int			 cur;
	int			 top;
	int			 saved;		/* this session */
};

enum { ANS_A_PERSON = UI_A_USER };

static const struct ui_action ans_actions[] = {
	UI_ACTION_HELP,
	{ UI_A_SAVE, 2, { UI_CTRL('S'), 0 }, N_("Save"),
	    N_("Save this respondent's answers and choose the next "
	    "respondent. Enter on the last question does the same.") },
	{ ANS_A_PERSON, 4, { 0 }, N_("Person"),
	    N_("Choose another respondent; what is typed here is dropped.") },
	{ UI_A_BACK, 10, { 0 }, N_("Leave"),
	    N_("Leave the entry of answers (Esc too); the answers not saved "
	    "with F2 are dropped after asking.") },
};

static void	ans_pick(struct ans *);

static int
ans_role(const char *audience)
{
	if (audience != NULL && strcmp(audience, "mentee") == 0)
		return (PROLE_MENTEE);
	if (audience != NULL && strcmp(audience, "mentor") == 0)
		return (PROLE_MENTOR);
	return (PROLE_ANY);
}

static void
ans_clear_values(struct ans *a)
{
	int	i;

	for (i = 0; i < a->q.nq; i++)
		sbuf_reset(&a->val[i]);
	a->cur = 0;
	a->top = 0;
}

static int
ans_typed(const struct ans *a)
{
	int	i;

	for (i = 0; i < a->q.nq; i++)
		if (a->val[i].len > 0)
			return (1);
	return (0);
}

static void
ans_forget_person(struct ans *a)
{
	a->person = 0;
	a->replacing = 0;
	free(a->name);
	free(a->shortname);
	a->name = a->shortname = NULL;
	ans_clear_values(a);
}

/*
 * The short ways of typing on paper: 0 is the 10 of a ten-point scale, and
 * yes/no takes д/н, y/n and 1/0 as the curator reads them off the sheet.
 */
static char *
ans_normalise(int type, const char *s)
{
	if (type == QT_SCALE10 && strcmp(s, "0") == 0)
		return (xstrdup("10"));
	if (type == QT_YESNO) {
		if (strcmp(s, "1") == 0 || strcmp(s, "д") == 0 ||
		    strcmp(s, "Д") == 0 || strcmp(s, "y") == 0 ||
		    strcmp(s, "Y") == 0)
			return (xstrdup("да"));
		if (strcmp(s, "0") == 0 || strcmp(s, "н") == 0 ||
		    strcmp(s, "Н") == 0 || strcmp(s, "n") == 0 ||
		    strcmp(s, "N") == 0)
			return (xstrdup("нет"));
	}
	return (xstrdup(s));
}

/* A response holding the typed values (only question only, when >= 0). */
static void
ans_response(struct ans *a, struct response *r, int only)
{
	int	i;
	char	*t;

	response_init(r, &a->q);
	r->questionnaire_id = a->q.id;
	r->person_id = a->person;
	snprintf(r->stage, sizeof r->stage, "%s", a->stage);
	r->date = xstrdup(a->date);
	for (i = 0; i < a->q.nq && i < r->n; i++) {
		free(r->values[i]);
		r->values[i] = NULL;
		if (only >= 0 && i != only)
			continue;
		t = str_trimdup(str_or(a->val[i].s, ""));
		if (t != NULL) {
			r->values[i] = ans_normalise(a->q.q[i].type, t);
			free(t);
		}
	}
}

/* Check one answer as it is left: the error shows while it is on screen. */
static int
ans_check_one(struct ans *a, int i)
{
	struct response	 r;
	struct nerr	 err;
	int		 rc = 0;

	if (i < 0 || i >= a->q.nq || a->val[i].len == 0)
		return (0);
	ans_response(a, &r, i);
	nerr_clear(&err);
	if (response_check(&a->q, &r, &err) != 0) {
		ui_error("%s", err.msg);
		rc = -1;
	} else if (a->q.q[i].type == QT_SCALE10 &&
	    strcmp(str_or(a->val[i].s, ""), "0") == 0) {
		/* Shown as it counts; other values stay as typed. */
		sbuf_reset(&a->val[i]);
		sbuf_add(&a->val[i], "10");
	}
	response_free(&r);
	return (rc);
}

static long long
ans_audience_count(struct ans *a)
{
	struct person_filter	f;
	struct nerr		err;

	person_filter_init(&f);
	f.role = a->role;
	nerr_clear(&err);
	return (person_count(ui_db(), &f, &err));
}

static void
ans_save(struct ans *a)
{
	struct response	 r;
	struct nerr	 err;
	long long	 total;
	int		 i, done;

	if (a->person == 0 || ui_refuse_readonly())
		return;
	for (i = 0; i < a->q.nq; i++) {
		if (ans_check_one(a, i) != 0) {
			a->cur = i;
			return;
		}
	}
	if (!ans_typed(a)) {
		ui_error("%s", _("No answer is typed: type the answers or "
		    "press F4 for another respondent."));
		return;
	}
	ans_response(a, &r, -1);
	nerr_clear(&err);
	/* The answer is about the person's pair when they have just one. */
	if ((r.pair_id = response_guess_pair(ui_db(), &a->q, a->person,
	    &err)) < 0)
		r.pair_id = 0;
	nerr_clear(&err);
	if (response_save(ui_db(), &a->q, &r, &err) != 0) {
		ui_error("%s", err.msg);
		response_free(&r);
		return;
	}
	response_free(&r);
	a->saved++;
	nerr_clear(&err);
	done = response_count(ui_db(), a->q.id, a->stage, &err);
	total = a->role != PROLE_ANY ? ans_audience_count(a) : -1;
	if (total > 0)
		ui_status(_("Saved: %s (%d of %lld)"), a->shortname, done,
		    total);
	else
		ui_status(_("Saved: %s (%d answered)"), a->shortname, done);
	ans_forget_person(a);
	ans_pick(a);
}

/* ---- choosing the respondent ---- */

static void
ans_picked(void *arg, long long id)
{
	struct ans	*a = arg;

	a->picked = id;
	a->pick_back = 1;
}

static void
ans_pick(struct ans *a)
{
	char	*t;

	xasprintf(&t, _("Who answered: %s"), a->q.title);
	ui_ppick_open(t, a->role, ans_picked, a);
	free(t);
}

static void
ans_take(struct ans *a, long long id)
{
	struct person	 p;
	struct response	 old;
	struct nerr	 err;
	char		 d[DATE_ISO_LEN], *q;
	int		 found, i, yes;

	person_init(&p);
	nerr_clear(&err);
	if (person_get(ui_db(), id, &p, &err) != 0) {
		ui_error("%s", err.msg);
		person_free(&p);
		return;
	}
	ans_forget_person(a);
	a->person = id;
	a->shortname = person_short_name(p.last, p.first, p.patronymic);
	xasprintf(&a->name, "%s%s%s%s%s%s%s", str_or(p.last, ""),
	    str_empty(p.first) ? "" : " ", str_or(p.first, ""),
	    str_empty(p.patronymic) ? "" : " ", str_or(p.patronymic, ""),
	    str_empty(p.class_) ? "" : ", ", str_or(p.class_, ""));
	person_free(&p);

	response_init(&old, &a->q);
	found = response_find(ui_db(), &a->q, id, a->stage, &old, &err);
	if (found < 0)
		ui_error("%s", err.msg);
	if (found == 1) {
		date_show(old.date, d);
		xasprintf(&q, _("%s has already answered this questionnaire "
		    "(%s, %s). Replace the answers? (y/n)"), a->shortname,
		    stage_label(a->stage), d);
		yes = ui_confirm(q);
		free(q);
		if (!yes) {
			response_free(&old);
			ans_forget_person(a);
			ans_pick(a);
			return;
		}
		a->replacing = 1;
		/* The old answers to correct, rather than all typed again. */
		for (i = 0; i < a->q.nq && i < old.n; i++)
			if (old.values[i] != NULL)
				sbuf_add(&a->val[i], old.values[i]);
	}
	response_free(&old);
}

/* ---- the screen ---- */

static const char *
ans_hint(const struct question *qq)
{
	switch (qq->type) {
	case QT_SCALE10:
		return (_("From 1 to 10 (10 may be typed as 0), Enter: next"));
	case QT_SCALE5:
		return (_("From 1 to 5, Enter: next"));
	case QT_YESNO:
		return (_("Yes: д, y or 1 · no: н, n or 0 · Enter: next"));
	case QT_CHOICE:
		return (_("The number of the answer, Enter: next"));
	}
	return (_("Any text, Enter: next"));
}

static void
ans_draw_foot(struct ans *a, WINDOW *w, int y)
{
	const struct question	*qq = &a->q.q[a->cur];
	struct sbuf		 sb;
	char			*c, *p, *bar;
	int			 i;

	sbuf_init(&sb);
	sbuf_addf(&sb, "%d. %s", a->cur + 1, str_or(qq->text, ""));
	ui_put(w, y, 1, COLS - 2, sb.s, A_BOLD, 0);
	sbuf_reset(&sb);
	if (qq->type == QT_CHOICE && qq->choices != NULL) {
		c = xstrdup(qq->choices);
		for (i = 1, p = c; p != NULL; i++, p = bar) {
			if ((bar = strchr(p, '|')) != NULL)
				*bar++ = '\0';
			sbuf_addf(&sb, "%s%d — %s", i > 1 ? " · " : "", i, p);
		}
		free(c);
	} else
		sbuf_add(&sb, ans_hint(qq));
	ui_put(w, y + 1, 1, COLS - 2, sb.s, ui_attr(UI_DIM), 0);
	sbuf_free(&sb);
}

static void
ans_draw(struct ui_frame *f, WINDOW *w, int y, int h)
{
	struct ans	*a = f->data;
	struct sbuf	 sb;
	char		 d[DATE_ISO_LEN];
	int		 i, n, row, tw, bx;
	attr_t		 at;

	sbuf_init(&sb);
	date_show(a->date, d);
	sbuf_addf(&sb, _("%s · %s · %s · typed this time: %d"), a->q.title,
	    stage_label(a->stage), d, a->saved);
	ui_put(w, y, 1, COLS - 2, sb.s, A_NORMAL, 0);
	sbuf_reset(&sb);
	if (a->person == 0) {
		ui_put_centre(w, y + h / 2, 0, COLS, _("Nobody is chosen. "
		    "Enter: choose the next respondent · Esc: leave"),
		    ui_attr(UI_DIM));
		sbuf_free(&sb);
		return;
	}
	sbuf_addf(&sb, "%s: %s", _("Respondent"), a->name);
	if (a->replacing)
		sbuf_addf(&sb, " %s", _("(replaces the answers given)"));
	ui_put(w, y + 1, 1, COLS - 2, sb.s, A_BOLD, 0);
	sbuf_free(&sb);

	n = h - 5;		/* the head, a gap, and two lines of foot */
	if (a->cur < a->top)
		a->top = a->cur;
	if (a->cur >= a->top + n)
		a->top = a->cur - n + 1;
	bx = COLS - ANS_BOXW - 2;
	tw = bx - 6;
	for (i = 0, row = y + 3; i < n && a->top + i < a->q.nq; i++, row++) {
		const struct question *qq = &a->q.q[a->top + i];
		int cur = a->top + i == a->cur;

		sbuf_init(&sb);
		sbuf_addf(&sb, "%2d. %s", a->top + i + 1,
		    str_or(qq->text, ""));
		ui_put(w, row, 1, tw, sb.s, cur ? A_BOLD : A_NORMAL, 1);
		if (cur)
			ui_put(w, row, 0, 1, ">", A_BOLD, 0);
		sbuf_free(&sb);
		at = ui_attr(cur ? UI_FIELDCUR : UI_FIELD);
		wattrset(w, at);
		mvwhline(w, row, bx - 1, ' ', ANS_BOXW + 2);
		wattrset(w, A_NORMAL);
		ui_put(w, row, bx, ANS_BOXW, str_or(a->val[a->top + i].s, ""),
		    at, 0);
		if (cur) {
			f->cury = row;
			f->curx = bx + ui_width(str_or(a->val[a->cur].s, ""));
			if (f->curx >= bx + ANS_BOXW)
				f->curx = bx + ANS_BOXW - 1;
		}
	}
	if (a->q.nq > 0)
		ans_draw_foot(a, w, y + h - 2);
}

static void
ans_move(struct ans *a, int to)
{
	if (to < 0)
		to = 0;
	if (to >= a->q.nq)
		to = a->q.nq - 1;
	a->cur = to;
}

static int
ans_leave_asked(struct ans *a)
{
	if (a->person == 0 || !ans_typed(a))
		return (1);
	return (ui_confirm(_("Leave without saving these answers? (y/n)")));
}

static int
ans_key(struct ui_frame *f, int k, int action)
{
	struct ans	*a = f->data;

	switch (action) {
	case UI_A_HELP:
		ui_help_show(f, NULL);
		return (UI_STAY);
	case UI_A_SAVE:
		ans_save(a);
		return (UI_STAY);
	case ANS_A_PERSON:
		if (ans_leave_asked(a)) {
			ans_forget_person(a);
			ans_pick(a);
		}
		return (UI_STAY);
	case UI_A_BACK:
		return (ans_leave_asked(a) ? UI_POP : UI_STAY);
	}
	if (k == UI_ESC)
		return (ans_leave_asked(a) ? UI_POP : UI_STAY);
	if (a->person == 0) {
		if (k == '\r' || k == '\n' || k == UI_FN(KEY_ENTER))
			ans_pick(a);
		return (UI_STAY);
	}
	switch (k) {
	case '\r':
	case '\n':
	case UI_FN(KEY_ENTER):
		if (ans_check_one(a, a->cur) != 0)
			break;
		if (a->cur == a->q.nq - 1)
			ans_save(a);
		else
			ans_move(a, a->cur + 1);
		break;
	case '\t':
	case UI_FN(KEY_DOWN):
		if (ans_check_one(a, a->cur) == 0)
			ans_move(a, a->cur + 1);
		break;
	case UI_FN(KEY_BTAB):
	case UI_FN(KEY_UP):
		if (ans_check_one(a, a->cur) == 0)
			ans_move(a, a->cur - 1);
		break;
	case UI_FN(KEY_HOME):
		ans_move(a, 0);
		break;
	case UI_FN(KEY_END):
		ans_move(a, a->q.nq);
		break;
	case UI_FN(KEY_BACKSPACE):
	case UI_CTRL('H'):
	case 0x7f:
		text_backspace(&a->val[a->cur]);
		break;
	case UI_CTRL('U'):
	case UI_FN(KEY_DC):
		sbuf_reset(&a->val[a->cur]);
		break;
	default:
		if (!UI_IS_FN(k) && k >= 0x20 && a->val[a->cur].len < 2000)
			text_add_wc(&a->val[a->cur], (wchar_t)k);
		break;
	}
	return (UI_STAY);
}

static void
ans_resume(struct ui_frame *f)
{
	struct ans	*a = f->data;

	if (!a->pick_back)
		return;
	a->pick_back = 0;
	if (a->picked != 0)
		ans_take(a, a->picked);
}

static int
ans_enter(struct ui_frame *f)
{
	f->typing = 1;
	return (0);
}

static void
ans_free(struct ans *a)
{
	int	i;

	for (i = 0; i < a->q.nq; i++)
		sbuf_free(&a->val[i]);
	free(a->val);
	free(a->name);
	free(a->shortname);
	quest_free(&a->q);
	free(a);
}

static void
ans_leave(struct ui_frame *f)
{
	struct ans	*a = f->data;

	if (a->saved > 0)
		ui_status(ngettext("%d questionnaire is entered.",
		    "%d questionnaires are entered.", (unsigned long)a->saved),
		    a->saved);
	ans_free(a);
}

static const struct ui_screen ans_screen = {
	.name = "answers",
	.title = N_("Paper answers"),
	.enter = ans_enter,
	.draw = ans_draw,
	.key = ans_key,
	.leave = ans_leave,
	.resume = ans_resume,
	.actions = ans_actions,
	.nactions = nitems(ans_actions),
	.help = N_("A stack of paper questionnaires, one respondent after "
	    "another. The questionnaire, the stage and the date are asked "
	    "once. For each sheet the list of participants opens: type a part "
	    "of the name and press Enter. Then type the answers, one question "
	    "a line, Enter after each: a scale takes its digits (10 as 10 or "
	    "0), yes or no takes д, н, y, n, 1 or 0, a choice its number, a "
	    "text question any text; an empty line is a question not "
	    "answered. Enter on the last question (or F2) saves, and the list "
	    "for the next respondent opens at once. A person who has already "
	    "answered this questionnaire at this stage is said so; their "
	    "answers are shown to correct and replace. Esc leaves."),
};

/* ---- asking what is being entered ---- */

/* Choose a questionnaire: its id, 0 when cancelled, -1 on error. */
long long
ui_monitor_pick_quest(const char *title)
{
	struct questionnaire	*qs;
	struct nerr		 err;
	const char		**items;
	long long		 id = 0;
	int			 n, i, added;

	nerr_clear(&err);
	if (!ui_readonly() && quest_templates_load(ui_db(), &added,
	    &err) != 0) {
		ui_error("%s", err.msg);
		return (-1);
	}
	if (quest_list(ui_db(), &qs, &n, &err) != 0) {
		ui_error("%s", err.msg);
		return (-1);
	}
	if (n == 0) {
		ui_error("%s", _("There are no questionnaires."));
		quest_list_free(qs, n);
		return (-1);
	}
	items = xcalloc(n, sizeof *items);
	for (i = 0; i < n; i++)
		items[i] = qs[i].title;
	if ((i = ui_pick(title, items, n, 0)) >= 0)
		id = qs[i].id;
	free(items);
	quest_list_free(qs, n);
	return (id);
}

static const char *const ans_stages[] = { "before", "after", "q1", "q2",
    "q3", "q4" };

/* Choose a stage into out; -1 when cancelled. */
int
ui_monitor_pick_stage(char *out, size_t size, const char *code)
{
	const char	*items[nitems(ans_stages)];
	int		 i, cur = 0, m;

	for (i = 0; i < (int)nitems(ans_stages); i++)
		items[i] = stage_label(ans_stages[i]);
	/* The questionnaire's code says when it is asked, most often. */
	if (code != NULL && strstr(code, "after") != NULL)
		cur = 1;
	else if (code != NULL && strstr(code, "diag") != NULL) {
		/* The quarter of the school year: September starts the first. */
		m = atoi(date_today() + 5);
		cur = 2 + (m >= 9 ? (m - 9) / 3 : m <= 2 ? 1 : m <= 5 ? 2 : 3);
	}
	if ((i = ui_pick(_("Stage"), items, nitems(ans_stages), cur)) < 0)
		return (-1);
	snprintf(out, size, "%s", ans_stages[i]);
	return (0);
}

int
ui_answers_open(void)
{
	struct ans	*a;
	struct nerr	 err;
	char		 idbuf[32], d[DATE_ISO_LEN], *typed;
	long long	 id;
	int		 i;

	if (ui_refuse_readonly())
		return (-1);
	if ((id = ui_monitor_pick_quest(_("Which questionnaire?"))) <= 0)
		return (-1);
	a = xcalloc(1, sizeof *a);
	quest_init(&a->q);
	snprintf(idbuf, sizeof idbuf, "%lld", id);
	nerr_clear(&err);
	if (quest_get(ui_db(), idbuf, &a->q, &err) != 0) {
		ui_error("%s", err.msg);
		goto fail;
	}
	if (a->q.nq == 0) {
		ui_error("%s", _("The questionnaire has no questions: add them "
		    "under Questionnaires first."));
		goto fail;
	}
	if (ui_monitor_pick_stage(a->stage, sizeof a->stage, a->q.code) != 0)
		goto fail;
	date_show(date_today(), d);
	for (;;) {
		if ((typed = ui_prompt(_("Date of the answers (ДД.ММ.ГГГГ):"),
		    d)) == NULL)
			goto fail;
		nerr_clear(&err);
		i = date_parse(typed, a->date, _("Date"), &err);
		free(typed);
		if (i == 0 && a->date[0] != '\0')
			break;
		ui_message(err.msg[0] != '\0' ? err.msg :
		    _("Type the date as ДД.ММ.ГГГГ."));
	}
	a->role = ans_role(a->q.audience);
	a->val = xcalloc(a->q.nq, sizeof *a->val);
	for (i = 0; i < a->q.nq; i++)
		sbuf_init(&a->val[i]);
	if (ui_push(&ans_screen, a) != 0)
		return (-1);
	ans_pick(a);
	return (0);
fail:
	quest_free(&a->q);
	free(a);
	return (-1);
}
