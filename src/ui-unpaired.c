/* ui-unpaired.c: mentees waiting for a mentor, how long, and the way to matching. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "pair.h"
#include "person.h"
#include "ui-draw.h"
#include "ui-help.h"
#include "ui-list.h"
#include "ui-pairs.h"
#include "ui-person.h"

void
ui_pairs_waited(struct sbuf *sb, int days)
{
	if (days < 0)
		return;
	/* Two months and more read better in months. */
	if (days < 60)
		sbuf_addf(sb, _("%d d."), days);
	else
		sbuf_addf(sb, _("%d mo."), days / 30);
}

struct unpaired {
	char		*search;
	struct ui_list	 list;
};

/* ---- where the rows come from ---- */

static int
unp_page(void *ctx, const void *from, int backward, void *rows, int n,
    struct nerr *err)
{
	struct unpaired	*u = ctx;

	return (pair_unpaired_page(ui_db(), u->search, from, backward, rows, n,
	    err));
}

static long long
unp_count(void *ctx, struct nerr *err)
{
	struct unpaired	*u = ctx;

	return (pair_unpaired_count(ui_db(), u->search, err));
}

static void
unp_free_rows(void *rows, int n)
{
	pair_unpaired_free(rows, n);
}

static void
unp_copy_row(void *dst, const void *src)
{
	pair_unpaired_copy(dst, src);
}

static long long
unp_id(const void *row)
{
	return (((const struct unpaired_row *)row)->id);
}

static void
unp_search(void *ctx, const char *s)
{
	struct unpaired	*u = ctx;

	free(u->search);
	u->search = s != NULL ? xstrdup(s) : NULL;
}

static const struct ui_list_source unp_source = {
	.rowsize = sizeof (struct unpaired_row),
	.page = unp_page,
	.count = unp_count,
	.free_rows = unp_free_rows,
	.copy_row = unp_copy_row,
	.id = unp_id,
	.search = unp_search,
};

/* ---- columns ---- */

/* The people list's short category names (the same words). */
static const char *
unp_category_short(int c)
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
	sbuf_add(sb, str_or(((const struct unpaired_row *)row)->name, ""));
}

/* A pupil's class says more than "pupil". */
static void
col_who(const void *row, struct sbuf *sb)
{
	const struct unpaired_row	*r = row;

	if (!str_empty(r->class_))
		sbuf_addf(sb, "%s %s", unp_category_short(r->category),
		    r->class_);
	else
		sbuf_add(sb, unp_category_short(r->category));
}

static void
col_waited(const void *row, struct sbuf *sb)
{
	ui_pairs_waited(sb, ((const struct unpaired_row *)row)->days);
}

static void
col_request(const void *row, struct sbuf *sb)
{
	sbuf_add(sb, str_or(((const struct unpaired_row *)row)->request, ""));
}

static const struct ui_column unp_columns[] = {
	{ N_("Full name"), 30, 0, col_name },
	{ N_("Who"), 15, 0, col_who },
	{ N_("Waiting"), 8, 1, col_waited },
	{ N_("Request"), 0, 0, col_request },
};

/* ---- the screen ---- */

enum { UNP_A_MATCH = UI_A_USER };

static const struct ui_action unp_actions[] = {
	UI_ACTION_HELP,
	{ UNP_A_MATCH, 2, { '\r', '\n', UI_FN(KEY_ENTER), 'm' }, N_("Match"),
	    N_("Suggest mentors for the mentee, best first, with the "
	    "reasons; taking one opens a new pair's form.") },
	{ UI_A_VIEW, 3, { 'v', 0 }, N_("View"),
	    N_("Show the mentee's card.") },
	{ UI_A_NEW, 7, { 'n', UI_FN(KEY_IC), 0 }, N_("Pair"),
	    N_("Form a pair for the mentee without suggestions: the mentor "
	    "is chosen in the form.") },
	{ UI_A_SEARCH, 0, { '/', 0 }, NULL,
	    N_("Search by part of the name as you type; Esc clears it.") },
	UI_ACTION_MENU,
	UI_ACTION_BACK,
};

static void
unp_draw(struct ui_frame *f, WINDOW *w, int y, int h)
{
	struct unpaired	*u = f->data;
	struct sbuf	 line, pos;
	int		 pw;

	sbuf_init(&line);
	sbuf_init(&pos);
	sbuf_add(&line, _("Mentees without a pair: they need support while "
	    "a mentor is sought"));
	if (u->search != NULL && !u->list.searching)
		sbuf_addf(&line, " · %s «%s»", _("search"), u->search);
	ui_list_position(&u->list, &pos);
	pw = ui_width(pos.s);
	ui_put(w, y, 1, COLS - pw - 4, line.s, ui_attr(UI_DIM), 0);
	ui_put(w, y, COLS - pw - 1, pw, pos.s, A_NORMAL, 0);
	sbuf_free(&line);
	sbuf_free(&pos);
	ui_list_draw(&u->list, f, w, y + 1, h - 1);
}

static int
unp_key(struct ui_frame *f, int k, int action)
{
	struct unpaired			*u = f->data;
	const struct unpaired_row	*r = ui_list_current(&u->list);

	if ((u->list.searching || action == UI_A_NONE || k == UI_ESC) &&
	    ui_list_key(&u->list, f, k))
		return (UI_STAY);
	switch (action) {
	case UI_A_HELP:
		ui_help_show(f, NULL);
		break;
	case UNP_A_MATCH:
		if (r != NULL)
			ui_match_open(r->id);
		break;
	case UI_A_VIEW:
		if (r != NULL)
			ui_person_card(r->id);
		break;
	case UI_A_NEW:
		if (r != NULL && !ui_refuse_readonly())
			ui_pair_new(r->id, 0, -1);
		break;
	case UI_A_SEARCH:
		ui_list_search_start(&u->list, f);
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

/* Back from matching with a mentor taken: the new pair's form opens. */
static void
unp_resume(struct ui_frame *f)
{
	struct unpaired	*u = f->data;
	long long	 mentee, mentor;
	int		 form;

	ui_list_refresh(&u->list);
	if (ui_match_take(&mentee, &mentor, &form))
		ui_pair_new(mentee, mentor, form);
}

static void
unp_changed(struct ui_frame *f)
{
	struct unpaired	*u = f->data;

	ui_list_refresh(&u->list);
}

static int
unp_enter(struct ui_frame *f)
{
	struct unpaired	*u = f->data;

	return (ui_list_reload(&u->list));
}

static void
unp_leave(struct ui_frame *f)
{
	struct unpaired	*u = f->data;

	ui_list_free(&u->list);
	free(u->search);
	free(u);
}

static const struct ui_screen unp_screen = {
	.name = "unpaired",
	.title = N_("Mentees without a pair"),
	.enter = unp_enter,
	.draw = unp_draw,
	.key = unp_key,
	.leave = unp_leave,
	.changed = unp_changed,
	.resume = unp_resume,
	.actions = unp_actions,
	.nactions = nitems(unp_actions),
	.help = N_("Everyone in the base of mentees who has no forming or "
	    "active pair, with how long they have waited: since their last "
	    "pair ended, else since they entered the base. Enter suggests "
	    "mentors for the one under the cursor; the program never pairs "
	    "by itself: the curator chooses and saves."),
};

int
ui_unpaired_open(void)
{
	struct unpaired	*u;

	u = xcalloc(1, sizeof *u);
	ui_list_init(&u->list, unp_columns, nitems(unp_columns), &unp_source,
	    u);
	u->list.empty = N_("Every mentee has a pair.");
	return (ui_push(&unp_screen, u));
}
