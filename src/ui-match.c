/* ui-match.c: mentors suggested for a mentee, with the reasons; the curator decides. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pair.h"
#include "person.h"
#include "ui-draw.h"
#include "ui-help.h"
#include "ui-pairs.h"
#include "ui-person.h"

/* Enough to choose from; the rest rank too low to matter. */
#define MATCH_MAX	30

/* A suggestion taken, for the screen beneath to open the pair's form. */
static struct {
	int		 set;
	long long	 mentee;
	long long	 mentor;
} match_taken;

int
ui_match_take(long long *mentee, long long *mentor, int *form)
{
	if (!match_taken.set)
		return (0);
	match_taken.set = 0;
	*mentee = match_taken.mentee;
	*mentor = match_taken.mentor;
	*form = -1;
	return (1);
}

struct msc {
	long long	 mentee;
	char		*who;		/* the mentee, for the head line */
	char		*request;
	struct match	*m;
	int		 n;
	int		 cur;
	int		 top;
};

static const struct ui_action match_actions[] = {
	UI_ACTION_HELP,
	{ UI_A_OPEN, 2, { '\r', '\n', UI_FN(KEY_ENTER), 't' }, N_("Take"),
	    N_("Take the mentor under the cursor: a new pair's form opens "
	    "with the mentee, the mentor and a form that fits both; nothing "
	    "is saved until F2 there.") },
	{ UI_A_VIEW, 3, { 'v', 0 }, N_("View"),
	    N_("Show the mentor's card.") },
	UI_ACTION_MENU,
	UI_ACTION_BACK,
};

static int
match_load(struct msc *s)
{
	struct person	 p;
	struct nerr	 err;
	char		*name;

	person_init(&p);
	nerr_clear(&err);
	if (person_get(ui_db(), s->mentee, &p, &err) != 0) {
		ui_error("%s", err.msg);
		person_free(&p);
		return (-1);
	}
	name = person_short_name(p.last, p.first, p.patronymic);
	free(s->who);
	if (!str_empty(p.class_))
		xasprintf(&s->who, "%s, %s %s", name,
		    person_category_label(p.category), p.class_);
	else
		xasprintf(&s->who, "%s, %s", name,
		    person_category_label(p.category));
	free(name);
	free(s->request);
	s->request = p.request != NULL ? xstrdup(p.request) : NULL;
	person_free(&p);
	match_free(s->m, s->n);
	s->m = NULL;
	s->n = 0;
	if (match_mentors(ui_db(), s->mentee, -1, MATCH_MAX, &s->m, &s->n,
	    &err) != 0) {
		ui_error("%s", err.msg);
		return (-1);
	}
	if (s->cur >= s->n)
		s->cur = s->n > 0 ? s->n - 1 : 0;
	return (0);
}

/* One suggestion in two lines: who and the figures, then why. */
static void
match_draw_one(struct msc *s, WINDOW *w, int y, int i)
{
	const struct match	*m = &s->m[i];
	struct sbuf		 sb;
	attr_t			 a = i == s->cur ? ui_attr(UI_SELECT) :
				    A_NORMAL;

	wattrset(w, a);
	mvwhline(w, y, 0, ' ', COLS);
	mvwhline(w, y + 1, 0, ' ', COLS);
	wattrset(w, A_NORMAL);
	sbuf_init(&sb);
	sbuf_addf(&sb, "%2d.", i + 1);
	ui_put(w, y, 1, 3, sb.s, a, 0);
	ui_put(w, y, 5, COLS - 47, str_or(m->name, "?"), a | A_BOLD, 0);
	ui_put(w, y, COLS - 41, 19, person_category_label(m->category), a, 0);
	sbuf_reset(&sb);
	if (m->free >= 0)
		sbuf_addf(&sb, _("free %d"), m->free);
	ui_put(w, y, COLS - 21, 9, sb.s, a, 0);
	sbuf_reset(&sb);
	sbuf_addf(&sb, "%3d", m->score);
	ui_put(w, y, COLS - 11, 3, sb.s, a | A_BOLD, 0);
	ui_put(w, y, COLS - 7, 6, _("pts"), a, 0);
	ui_put(w, y + 1, 5, COLS - 6, str_or(m->why, ""), a |
	    (i == s->cur ? 0 : ui_attr(UI_DIM)), 0);
	sbuf_free(&sb);
}

static void
match_draw(struct ui_frame *f, WINDOW *w, int y, int h)
{
	struct msc	*s = f->data;
	int		 i, rows;

	ui_put(w, y, 1, COLS - 2, str_or(s->who, ""), A_BOLD, 0);
	ui_put(w, y + 1, 1, COLS - 2, str_empty(s->request) ?
	    _("The request is not recorded: mentors are ranked by age, free "
	    "places and hours.") : s->request, ui_attr(UI_DIM), 0);
	ui_hline(w, y + 2, 0, COLS);
	if (s->n == 0) {
		ui_put_centre(w, y + h / 2, 0, COLS, _("No mentor fits: add "
		    "mentors to the base, or check their categories and "
		    "status."), ui_attr(UI_DIM));
		return;
	}
	rows = (h - 3) / 2;
	if (s->cur < s->top)
		s->top = s->cur;
	if (s->cur >= s->top + rows)
		s->top = s->cur - rows + 1;
	for (i = 0; i < rows && s->top + i < s->n; i++)
		match_draw_one(s, w, y + 3 + 2 * i, s->top + i);
}

static int
match_key(struct ui_frame *f, int k, int action)
{
	struct msc	*s = f->data;

	if (ui_cursor_key(k, &s->cur, s->n))
		return (UI_STAY);
	switch (action) {
	case UI_A_HELP:
		ui_help_show(f, NULL);
		break;
	case UI_A_OPEN:
		if (s->n == 0 || ui_refuse_readonly())
			break;
		/* The list beneath opens the form once this one is gone. */
		match_taken.set = 1;
		match_taken.mentee = s->mentee;
		match_taken.mentor = s->m[s->cur].mentor_id;
		return (UI_POP);
	case UI_A_VIEW:
		if (s->n > 0)
			ui_person_card(s->m[s->cur].mentor_id);
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

static int
match_enter(struct ui_frame *f)
{
	return (match_load(f->data));
}

static void
match_changed(struct ui_frame *f)
{
	match_load(f->data);
}

static void
match_leave(struct ui_frame *f)
{
	struct msc	*s = f->data;

	match_free(s->m, s->n);
	free(s->who);
	free(s->request);
	free(s);
}

static const struct ui_screen match_screen = {
	.name = "match",
	.title = N_("Mentors for a mentee"),
	.enter = match_enter,
	.draw = match_draw,
	.key = match_key,
	.leave = match_leave,
	.changed = match_changed,
	.resume = match_changed,
	.actions = match_actions,
	.nactions = nitems(match_actions),
	.help = N_("Suggestions, never decisions: mentors whose category fits "
	    "a form with the mentee, best first. The points add up the words "
	    "of the mentee's request found in the mentor's competencies and "
	    "interests, the preferred age, free places and hours a month; "
	    "the line under each name says why. Enter takes a mentor into a "
	    "new pair's form, which the curator completes and saves."),
};

int
ui_match_open(long long mentee)
{
	struct msc	*s;

	s = xcalloc(1, sizeof *s);
	s->mentee = mentee;
	match_taken.set = 0;
	return (ui_push(&match_screen, s));
}
