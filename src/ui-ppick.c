/* ui-ppick.c: pick a participant from a list searched as you type. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "person.h"
#include "ui-draw.h"
#include "ui-help.h"
#include "ui-list.h"
#include "ui-ppick.h"

struct ppick {
	struct person_filter	 f;
	char			*search;
	struct ui_list		 list;
	long long		 picked;
	void			(*done)(void *, long long);
	void			*arg;
};

/* ---- where the rows come from (the people list's own source) ---- */

UI_LIST_SEARCH(ppick_search, struct ppick, f, search)

UI_LIST_SOURCE(ppick_source, person, struct ppick, f, ppick_search);

static void
col_name(const void *row, struct sbuf *sb)
{
	const struct person_row	*r = row;

	sbuf_add(sb, str_or(r->last, ""));
	if (!str_empty(r->first))
		sbuf_addf(sb, " %s", r->first);
	if (!str_empty(r->patronymic))
		sbuf_addf(sb, " %s", r->patronymic);
}

static void
col_category(const void *row, struct sbuf *sb)
{
	sbuf_add(sb, person_category_label(((const struct person_row *)row)->
	    category));
}

static void
col_class(const void *row, struct sbuf *sb)
{
	const struct person_row	*r = row;

	sbuf_add(sb, str_or(r->class_ != NULL ? r->class_ : r->organisation,
	    ""));
}

static const struct ui_column ppick_columns[] = {
	{ N_("Full name"), 0, 0, col_name },
	{ N_("Category"), 22, 0, col_category },
	{ N_("Class"), 12, 0, col_class },
};

/* ---- the screen ---- */

static const struct ui_action ppick_actions[] = {
	UI_ACTION_HELP,
	{ UI_A_OPEN, 0, { '\r', '\n', UI_FN(KEY_ENTER), 0 }, NULL,
	    N_("Take the participant under the cursor.") },
	{ UI_A_SEARCH, 0, { '/', 0 }, NULL,
	    N_("Search again by part of the name.") },
	{ UI_A_BACK, 10, { 'q', 0 }, N_("Cancel"),
	    N_("Close the list without taking anyone.") },
};

static void
ppick_draw(struct ui_frame *f, WINDOW *w, int y, int h)
{
	struct ppick	*p = f->data;
	struct sbuf	 pos;
	int		 pw;

	sbuf_init(&pos);
	ui_list_position(&p->list, &pos);
	pw = ui_width(pos.s);
	ui_put(w, y, 1, COLS - pw - 4, _("Type part of the name · arrows: "
	    "move · Enter: take · Esc: cancel"), ui_attr(UI_DIM), 0);
	ui_put(w, y, COLS - pw - 1, pw, pos.s, A_NORMAL, 0);
	sbuf_free(&pos);
	ui_list_draw(&p->list, f, w, y + 1, h - 1);
}

static int
ppick_key(struct ui_frame *f, int k, int action)
{
	struct ppick		*p = f->data;
	const struct person_row	*r;

	/* Enter takes the row even while the search line is open. */
	if (k == '\r' || k == '\n' || k == UI_FN(KEY_ENTER)) {
		if ((r = ui_list_current(&p->list)) == NULL) {
			ui_error("%s", _("Nobody is found: change the "
			    "search."));
			return (UI_STAY);
		}
		p->picked = r->id;
		return (UI_POP);
	}
	if (p->list.searching && k == UI_ESC) {
		if (p->list.search.len == 0)
			return (UI_POP);
		ui_list_key(&p->list, f, k);
		ui_list_search_start(&p->list, f);
		return (UI_STAY);
	}
	if ((p->list.searching || action == UI_A_NONE) &&
	    ui_list_key(&p->list, f, k))
		return (UI_STAY);
	switch (action) {
	case UI_A_HELP:
		ui_help_show(f, NULL);
		break;
	case UI_A_SEARCH:
		ui_list_search_start(&p->list, f);
		break;
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
ppick_changed(struct ui_frame *f)
{
	struct ppick	*p = f->data;

	ui_list_refresh(&p->list);
}

static int
ppick_enter(struct ui_frame *f)
{
	struct ppick	*p = f->data;

	ui_list_search_start(&p->list, f);
	return (ui_list_reload(&p->list));
}

static void
ppick_leave(struct ui_frame *f)
{
	struct ppick	*p = f->data;

	if (p->done != NULL)
		p->done(p->arg, p->picked);
	ui_list_free(&p->list);
	free(p->search);
	free(p);
}

static const struct ui_screen ppick_screen = {
	.name = "ppick",
	.title = N_("Choose a participant"),
	.enter = ppick_enter,
	.draw = ppick_draw,
	.key = ppick_key,
	.leave = ppick_leave,
	.changed = ppick_changed,
	.actions = ppick_actions,
	.nactions = nitems(ppick_actions),
	.help = N_("Type a part of the name (any case, ё or е): the list "
	    "narrows as you type. Move with the arrows and press Enter to "
	    "take the participant; Esc clears the search, and on an empty "
	    "search closes the list."),
};

int
ui_ppick_open(const char *title, int role, void (*done)(void *, long long),
    void *arg)
{
	struct ppick	*p;

	p = xcalloc(1, sizeof *p);
	person_filter_init(&p->f);
	p->f.role = role;
	p->done = done;
	p->arg = arg;
	ui_list_init(&p->list, ppick_columns, nitems(ppick_columns),
	    &ppick_source, p);
	p->list.empty = N_("Nobody is found.");
	if (ui_push(&ppick_screen, p) != 0)
		return (-1);
	if (title != NULL)
		ui_set_title(title);
	return (0);
}
