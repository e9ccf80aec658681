/* ui-roadmap.c: the roadmap checklist: sections with progress bars, items, marks, filters. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "text.h"
#include "ui-dialog.h"
#include "ui-draw.h"
#include "ui-help.h"
#include "ui-pager.h"
#include "ui-roadmap.h"

/* Column widths of an item row at 80 columns; the content takes the rest. */
#define RMV_NUMW	5
#define RMV_DLW		13
#define RMV_DUEW	10
#define RMV_RESPW	13
#define RMV_BARW	10	/* cells of a progress bar */

enum rmv_fmode {
	RMV_F_ALL,
	RMV_F_OVERDUE,
	RMV_F_DUE,
	RMV_F_NOTDONE,
	RMV_F_RESP,
	RMV_F__COUNT
};

/* A line of the checklist: a section heading or an item. */
struct rmv_row {
	int		 item;		/* index into items, -1: a heading */
	int		 sec;		/* index into secs */
};

struct rmv {
	long long		 id;		/* the roadmap shown, 0: none */
	struct roadmap		 rm;
	struct rm_section	*secs;
	struct rm_progress	*sprog;		/* per section */
	int			 nsecs;
	struct rm_progress	 all;
	struct rm_item		*items;
	int			 nitems;
	struct rmv_row		*rows;
	int			 nrows;
	int			 cur;
	int			 top;
	int			 h;		/* rows shown last time */

	int			 fmode;
	int			 days;		/* for RMV_F_DUE */
	char			*resp;		/* for RMV_F_RESP */
};

/* ---- reading ---- */

static void
rmv_clear(struct rmv *v)
{
	roadmap_free(&v->rm);
	memset(&v->rm, 0, sizeof v->rm);
	rm_sections_free(v->secs, v->nsecs);
	v->secs = NULL;
	v->nsecs = 0;
	free(v->sprog);
	v->sprog = NULL;
	rm_items_free(v->items, v->nitems);
	v->items = NULL;
	v->nitems = 0;
	free(v->rows);
	v->rows = NULL;
	v->nrows = 0;
	memset(&v->all, 0, sizeof v->all);
}

static void
rmv_filter(const struct rmv *v, struct rm_filter *f)
{
	rm_filter_init(f);
	switch (v->fmode) {
	case RMV_F_OVERDUE:
		f->overdue = 1;
		break;
	case RMV_F_DUE:
		f->due_days = v->days;
		break;
	case RMV_F_NOTDONE:
		f->not_done = 1;
		break;
	case RMV_F_RESP:
		f->responsible = v->resp;
		break;
	}
}

/* Headings, each followed by its items; under a filter, only sections with some. */
static void
rmv_build_rows(struct rmv *v)
{
	int	s, i = 0, first;

	v->rows = xreallocarray(NULL, (size_t)(v->nsecs + v->nitems + 1),
	    sizeof *v->rows);
	v->nrows = 0;
	for (s = 0; s < v->nsecs; s++) {
		first = i;
		while (i < v->nitems && v->items[i].section_id == v->secs[s].id)
			i++;
		if (first == i && v->fmode != RMV_F_ALL)
			continue;
		v->rows[v->nrows].item = -1;
		v->rows[v->nrows++].sec = s;
		for (; first < i; first++) {
			v->rows[v->nrows].item = first;
			v->rows[v->nrows++].sec = s;
		}
	}
}

static long long
rmv_row_id(const struct rmv *v, int r)
{
	if (r < 0 || r >= v->nrows)
		return (0);
	if (v->rows[r].item < 0)
		return (-v->secs[v->rows[r].sec].id);
	return (v->items[v->rows[r].item].id);
}

/* Put the cursor back on an item (id > 0) or a heading (-id). */
static void
rmv_select(struct rmv *v, long long id)
{
	int	r;

	for (r = 0; r < v->nrows; r++) {
		if (id != 0 && rmv_row_id(v, r) == id) {
			v->cur = r;
			return;
		}
	}
	if (v->cur >= v->nrows)
		v->cur = v->nrows > 0 ? v->nrows - 1 : 0;
}

static int
rmv_read(struct rmv *v, struct nerr *err)
{
	struct rm_filter	 f;
	long long		 id;
	int			 s;

	if ((id = roadmap_current(ui_db(), err)) < 0)
		return (-1);
	v->id = id;
	if (id == 0)
		return (0);
	if (roadmap_get(ui_db(), id, &v->rm, err) != 0 ||
	    rm_sections(ui_db(), id, &v->secs, &v->nsecs, err) != 0 ||
	    rm_progress(ui_db(), id, 0, &v->all, err) != 0)
		return (-1);
	v->sprog = xcalloc((size_t)v->nsecs + 1, sizeof *v->sprog);
	for (s = 0; s < v->nsecs; s++) {
		if (rm_progress(ui_db(), id, v->secs[s].id, &v->sprog[s],
		    err) != 0)
			return (-1);
	}
	rmv_filter(v, &f);
	if (rm_items(ui_db(), id, &f, &v->items, &v->nitems, err) != 0)
		return (-1);
	rmv_build_rows(v);
	return (0);
}

/* Read everything again, keeping the cursor on the same line. */
static int
rmv_reload(struct rmv *v, long long keep)
{
	struct nerr	err;
	long long	was = v->id;

	if (keep == 0)
		keep = rmv_row_id(v, v->cur);
	rmv_clear(v);
	nerr_clear(&err);
	if (rmv_read(v, &err) != 0) {
		ui_error("%s", err.msg);
		return (-1);
	}
	if (v->id != was) {
		/* Another roadmap: start on its first item, not a heading. */
		v->top = 0;
		v->cur = v->nrows > 1 ? 1 : 0;
		return (0);
	}
	rmv_select(v, keep);
	return (0);
}

/* The filter changed: stay on the same item if it is still shown. */
static void
rmv_refilter(struct rmv *v)
{
	long long	id = rmv_row_id(v, v->cur);

	rmv_reload(v, id);
	if (rmv_row_id(v, v->cur) != id || id <= 0) {
		v->top = 0;
		v->cur = v->nrows > 1 ? 1 : 0;
	}
}

static struct rm_item *
rmv_current(struct rmv *v)
{
	if (v->cur < 0 || v->cur >= v->nrows || v->rows[v->cur].item < 0)
		return (NULL);
	return (&v->items[v->rows[v->cur].item]);
}

/* The item under the cursor; on a heading, say what the keys act on. */
static struct rm_item *
rmv_item(struct rmv *v)
{
	struct rm_item	*it = rmv_current(v);

	if (it == NULL && v->nrows > 0)
		ui_status("%s", _("Put the cursor on an item: the keys act on "
		    "items, not on section headings."));
	return (it);
}

/* The section of the cursor's line; 0 when there is none. */
static long long
rmv_current_section(struct rmv *v)
{
	if (v->cur < 0 || v->cur >= v->nrows)
		return (v->nsecs > 0 ? v->secs[v->nsecs - 1].id : 0);
	return (v->secs[v->rows[v->cur].sec].id);
}

/* ---- drawing ---- */

static const char *
rmv_status_mark(int status)
{
	switch (status) {
	case RM_PROGRESS:
		return ("[~]");
	case RM_DONE:
		return ("[x]");
	case RM_CANCELLED:
		return ("[-]");
	}
	return ("[ ]");
}

static void
rmv_filter_line(const struct rmv *v, struct sbuf *sb)
{
	switch (v->fmode) {
	case RMV_F_ALL:
		sbuf_add(sb, _("All items"));
		return;
	case RMV_F_OVERDUE:
		sbuf_add(sb, _("Filter: overdue"));
		break;
	case RMV_F_DUE:
		sbuf_addf(sb, ngettext("Filter: due in the next %d day",
		    "Filter: due in the next %d days", (unsigned long)v->days),
		    v->days);
		break;
	case RMV_F_NOTDONE:
		sbuf_add(sb, _("Filter: not done"));
		break;
	case RMV_F_RESP:
		sbuf_addf(sb, _("Filter: responsible «%s»"), str_or(v->resp,
		    ""));
		break;
	}
	sbuf_addf(sb, " · %s", _("F5: change, c: show all"));
}

/* The line above the list: the roadmap, its year and the overall bar. */
static void
rmv_draw_head(struct rmv *v, WINDOW *w, int y)
{
	struct sbuf	 bar, left;
	int		 bw;

	sbuf_init(&bar);
	sbuf_init(&left);
	sbuf_add(&bar, C_("roadmap", "Total"));
	sbuf_addc(&bar, ' ');
	ui_roadmap_bar(&bar, &v->all, RMV_BARW);
	if (v->all.unparsed > 0)
		sbuf_addf(&bar, "  ? %d", v->all.unparsed);
	if (v->all.overdue > 0)
		sbuf_addf(&bar, "  ! %d", v->all.overdue);
	bw = ui_width(bar.s);
	sbuf_add(&left, str_or(v->rm.title, ""));
	if (!str_empty(v->rm.school_year))
		sbuf_addf(&left, ", %s", v->rm.school_year);
	ui_put(w, y, 1, COLS - bw - 4, left.s, A_BOLD, 0);
	ui_put(w, y, COLS - bw - 1, bw, bar.s, A_BOLD, 0);
	if (v->all.overdue > 0)
		ui_put(w, y, COLS - ui_width(strrchr(bar.s, '!')) - 1,
		    ui_width(strrchr(bar.s, '!')), strrchr(bar.s, '!'),
		    ui_attr(UI_ERROR), 0);
	sbuf_free(&bar);
	sbuf_free(&left);
}

static void
rmv_draw_columns(WINDOW *w, int y, int cw)
{
	int	x = 5;

	ui_put(w, y, x, RMV_NUMW, "№", ui_attr(UI_HEADER), 0);
	x += RMV_NUMW + 1;
	ui_put(w, y, x, cw, C_("roadmap column", "Item"), ui_attr(UI_HEADER),
	    0);
	x += cw + 1;
	ui_put(w, y, x, RMV_DLW, C_("roadmap column", "Deadline"),
	    ui_attr(UI_HEADER), 0);
	x += RMV_DLW + 1;
	ui_put(w, y, x, RMV_DUEW, C_("roadmap column", "Due"),
	    ui_attr(UI_HEADER), 0);
	x += RMV_DUEW + 1;
	ui_put(w, y, x, RMV_RESPW, C_("roadmap column",
	    "Responsible"), ui_attr(UI_HEADER), 0);
}

static void
rmv_draw_heading(struct rmv *v, WINDOW *w, int y, int s, attr_t a)
{
	struct sbuf	bar;
	int		bw;

	sbuf_init(&bar);
	ui_roadmap_bar(&bar, &v->sprog[s], RMV_BARW);
	bw = ui_width(bar.s);
	wattrset(w, a);
	mvwhline(w, y, 0, ' ', COLS);
	wattrset(w, A_NORMAL);
	ui_put(w, y, 1, COLS - bw - 4, v->secs[s].title, a | A_BOLD, 0);
	ui_put(w, y, COLS - bw - 1, bw, bar.s, a, 0);
	sbuf_free(&bar);
}

static void
rmv_draw_item(const struct rm_item *it, WINDOW *w, int y, int cw, attr_t a)
{
	char		 due[DATE_ISO_LEN];
	const char	*mark = " ";
	int		 x = 0;

	if (it->overdue)
		mark = "!";
	else if (it->dl.kind == DL_UNPARSED && it->status != RM_DONE &&
	    it->status != RM_CANCELLED)
		mark = "?";
	wattrset(w, a);
	mvwhline(w, y, 0, ' ', COLS);
	wattrset(w, A_NORMAL);
	ui_put(w, y, x, 1, mark, a | (*mark != ' ' ? A_BOLD : 0), 0);
	x += 1;
	ui_put(w, y, x, 3, rmv_status_mark(it->status), a, 0);
	x += 4;
	ui_put(w, y, x, RMV_NUMW, str_or(it->number, ""), a, 0);
	x += RMV_NUMW + 1;
	ui_put(w, y, x, cw, str_or(it->content, ""), a, 0);
	x += cw + 1;
	ui_put(w, y, x, RMV_DLW, str_or(it->deadline_text, ""), a, 0);
	x += RMV_DLW + 1;
	date_show(it->due, due);
	ui_put(w, y, x, RMV_DUEW, due, a, 0);
	x += RMV_DUEW + 1;
	/* The last column is for the scroll marks. */
	ui_put(w, y, x, COLS - x - 1, str_or(it->responsible, ""), a, 0);
}

static void
rmv_scroll(struct rmv *v, int h)
{
	if (v->cur < v->top)
		v->top = v->cur;
	if (v->cur >= v->top + h)
		v->top = v->cur - h + 1;
	if (v->top > v->nrows - h)
		v->top = v->nrows - h;
	if (v->top < 0)
		v->top = 0;
	/* The heading of the first section shown stays in sight when it fits. */
	if (v->top == 1 && v->cur < h)
		v->top = 0;
}

static void
rmv_draw_empty(WINDOW *w, int y, int h)
{
	const char	*lines[] = {
		N_("There is no roadmap yet."),
		N_("A roadmap is the year's checklist: items by section with "
		    "deadlines, responsible people and the evidence of what "
		    "was done."),
		N_("Press F7 to create one from a template: the programme for "
		    "pupils and teachers or for teachers only, with deadlines "
		    "fitted to the school year."),
		N_("A school's own table is imported on the command line: "
		    "nastavnik import roadmap FILE.csv"),
	};
	char		**wl;
	size_t		  i;
	int		  row = y + h / 5, n, j, width;

	width = COLS - 8 < 70 ? COLS - 8 : 70;
	for (i = 0; i < nitems(lines); i++) {
		n = ui_wrap(_(lines[i]), width, &wl);
		for (j = 0; j < n && row < y + h; j++, row++)
			ui_put_centre(w, row, 0, COLS, wl[j], i == 0 ? A_BOLD :
			    A_NORMAL);
		ui_wrap_free(wl, n);
		row++;
	}
}

static void
rmv_draw(struct ui_frame *f, WINDOW *w, int y, int h)
{
	struct rmv	*v = f->data;
	struct sbuf	 line, pos;
	int		 i, r, cw, pw;
	attr_t		 a;

	if (v->id == 0) {
		rmv_draw_empty(w, y, h);
		return;
	}
	rmv_draw_head(v, w, y);
	sbuf_init(&line);
	sbuf_init(&pos);
	rmv_filter_line(v, &line);
	if (v->nrows > 0)
		sbuf_addf(&pos, "%d/%d", v->cur + 1, v->nrows);
	pw = ui_width(pos.s);
	ui_put(w, y + 1, 1, COLS - pw - 4, line.s, ui_attr(UI_DIM), 0);
	ui_put(w, y + 1, COLS - pw - 1, pw, pos.s, A_NORMAL, 0);
	sbuf_free(&line);
	sbuf_free(&pos);

	cw = COLS - 5 - (RMV_NUMW + 1) - 1 - (RMV_DLW + 1) - (RMV_DUEW + 1) -
	    RMV_RESPW - 1;
	rmv_draw_columns(w, y + 2, cw);
	v->h = h - 3;
	if (v->nrows == 0) {
		ui_put_centre(w, y + 3 + v->h / 2, 0, COLS, v->fmode ==
		    RMV_F_ALL ? _("The roadmap is empty: press F7 to add an "
		    "item.") : _("No items match the filter."), ui_attr(UI_DIM));
		return;
	}
	rmv_scroll(v, v->h);
	for (i = 0; i < v->h && v->top + i < v->nrows; i++) {
		r = v->top + i;
		if (v->rows[r].item < 0) {
			rmv_draw_heading(v, w, y + 3 + i, v->rows[r].sec,
			    r == v->cur ? ui_attr(UI_SELECT) :
			    ui_attr(UI_HEADER));
			continue;
		}
		a = A_NORMAL;
		if (v->items[v->rows[r].item].overdue)
			a = ui_attr(UI_ERROR);
		/* Reverse keeps the red: the cursor on an overdue item is red. */
		if (r == v->cur)
			a |= ui_attr(UI_SELECT);
		rmv_draw_item(&v->items[v->rows[r].item], w, y + 3 + i, cw, a);
	}
	if (v->top > 0)
		ui_put(w, y + 3, COLS - 1, 1, "^", ui_attr(UI_DIM), 0);
	if (v->top + v->h < v->nrows)
		ui_put(w, y + 2 + v->h, COLS - 1, 1, "v", ui_attr(UI_DIM), 0);
}

/* ---- actions ---- */

enum {
	RMV_A_DONE = UI_A_USER,
	RMV_A_PROGRESS,
	RMV_A_CANCEL,
	RMV_A_TODO,
	RMV_A_LIST,
	RMV_A_CLEAR,
};

static const struct ui_action rmv_actions[] = {
	UI_ACTION_HELP,
	{ RMV_A_DONE, 2, { ' ', 'x', 0 }, N_("Done"),
	    N_("Mark the item done: one dialog asks for the date (today by "
	    "default) and the evidence (order number, protocol, link). On an "
	    "item already done it offers to set it back to to do.") },
	{ UI_A_VIEW, 3, { '\r', '\n', UI_FN(KEY_ENTER), 'v' }, N_("View"),
	    N_("Show the item's full card: the deadline as written and as "
	    "understood, the result, the indicator, the evidence.") },
	{ UI_A_EDIT, 4, { 'e', 0 }, N_("Edit"),
	    N_("Edit every field of the item.") },
	{ UI_A_FILTER, 5, { 'f', 0 }, N_("Filter"),
	    N_("Show all items, only overdue ones, those due in the next days, "
	    "those not done or those of one responsible person.") },
	{ RMV_A_LIST, 6, { 'r', 0 }, N_("Roadmaps"),
	    N_("The list of roadmaps: choose the current one or create a new "
	    "one from a template.") },
	{ UI_A_NEW, 7, { 'n', UI_FN(KEY_IC), 0 }, N_("New"),
	    N_("Add an item to the section under the cursor; with no roadmap "
	    "yet, create one from a template.") },
	{ UI_A_DELETE, 8, { UI_FN(KEY_DC), 0 }, N_("Delete"),
	    N_("Delete the item, after asking.") },
	{ RMV_A_PROGRESS, 0, { 'w', 0 }, NULL,
	    N_("Mark the item in progress (again: back to to do).") },
	{ RMV_A_CANCEL, 0, { '-', 0 }, NULL,
	    N_("Mark the item cancelled: it no longer counts in the progress "
	    "(again: back to to do).") },
	{ RMV_A_TODO, 0, { 'u', 0 }, NULL,
	    N_("Set the item back to to do, after asking.") },
	{ RMV_A_CLEAR, 0, { 'c', 0 }, NULL,
	    N_("Clear the filter: show all items.") },
	UI_ACTION_MENU,
	UI_ACTION_BACK,
};

static void
rmv_move(struct rmv *v, int k)
{
	int	page = v->h > 1 ? v->h - 1 : 1;

	switch (k) {
	case UI_FN(KEY_UP):
		v->cur--;
		break;
	case UI_FN(KEY_DOWN):
		v->cur++;
		break;
	case UI_FN(KEY_PPAGE):
		v->cur -= page;
		v->top -= page;
		break;
	case UI_FN(KEY_NPAGE):
		v->cur += page;
		v->top += page;
		break;
	case UI_FN(KEY_HOME):
		v->cur = 0;
		break;
	case UI_FN(KEY_END):
		v->cur = v->nrows - 1;
		break;
	}
	if (v->cur >= v->nrows)
		v->cur = v->nrows - 1;
	if (v->cur < 0)
		v->cur = 0;
}

static void
rmv_set_status(struct rmv *v, struct rm_item *it, int status)
{
	struct nerr	 err;
	char		*name;
	long long	 id = it->id;

	nerr_clear(&err);
	if (rm_item_set_status(ui_db(), id, status, &err) != 0) {
		ui_error("%s", err.msg);
		return;
	}
	name = ui_roadmap_item_name(it, 40);
	ui_status(_("%s: %s."), name, rm_status_label(status));
	free(name);
	rmv_reload(v, id);
}

static void
rmv_done(struct rmv *v)
{
	struct rm_item	*it = rmv_item(v);
	char		*name, *q;
	long long	 id;

	if (it == NULL || ui_refuse_readonly())
		return;
	if (it->status != RM_DONE) {
		id = it->id;
		if (ui_roadmap_done_dialog(it) == 1)
			rmv_reload(v, id);
		return;
	}
	name = ui_roadmap_item_name(it, 40);
	xasprintf(&q, _("%s is done. Set it back to to do? (y/n)"), name);
	if (ui_confirm(q))
		rmv_set_status(v, it, RM_TODO);
	free(q);
	free(name);
}

static void
rmv_toggle(struct rmv *v, int status)
{
	struct rm_item	*it = rmv_item(v);
	char		*name, *q;

	if (it == NULL || ui_refuse_readonly())
		return;
	if (it->status == status)
		status = RM_TODO;
	if (it->status == RM_DONE) {
		/* Losing a done date and evidence deserves a question. */
		name = ui_roadmap_item_name(it, 40);
		xasprintf(&q, _("%s is done. Mark it %s? (y/n)"), name,
		    rm_status_label(status));
		free(name);
		if (!ui_confirm(q)) {
			free(q);
			return;
		}
		free(q);
	}
	rmv_set_status(v, it, status);
}

static void
rmv_delete(struct rmv *v)
{
	struct rm_item	*it = rmv_item(v);
	struct nerr	 err;
	char		*name, *q;

	if (it == NULL || ui_refuse_readonly())
		return;
	name = ui_roadmap_item_name(it, 40);
	xasprintf(&q, _("Delete the item %s? (y/n)"), name);
	if (ui_confirm(q)) {
		nerr_clear(&err);
		if (rm_item_delete(ui_db(), it->id, &err) != 0)
			ui_error("%s", err.msg);
		else {
			ui_status(_("The item %s is deleted."), name);
			rmv_reload(v, 0);
		}
	}
	free(q);
	free(name);
}

/* F7: an item in the cursor's section; a first section is asked for. */
static void
rmv_new(struct rmv *v)
{
	struct ui_roadmap_input	 in;
	struct sbuf		 title;
	struct nerr		 err;
	long long		 sec;

	if (ui_refuse_readonly())
		return;
	if (v->id == 0) {
		if (ui_roadmap_create() > 0)
			rmv_reload(v, 0);
		return;
	}
	if ((sec = rmv_current_section(v)) != 0) {
		ui_roadmap_edit(0, sec);
		return;
	}
	sbuf_init(&title);
	sbuf_add(&title, _("Organisational"));
	in.label = _("Section");
	in.value = &title;
	in.date = 0;
	in.width = 0;
	if (ui_roadmap_input(_("The roadmap has no sections: name the first "
	    "one"), NULL, &in, 1) == 1 && !str_empty(title.s)) {
		nerr_clear(&err);
		if (rm_section_add(ui_db(), v->id, title.s, &sec, &err) != 0)
			ui_error("%s", err.msg);
		else {
			rmv_reload(v, -sec);
			ui_roadmap_edit(0, sec);
		}
	}
	sbuf_free(&title);
}

static void
rmv_filter_dialog(struct rmv *v)
{
	const char	*items[RMV_F__COUNT];
	char		*due;
	int		 m;

	xasprintf(&due, ngettext("Due in the next %d day…",
	    "Due in the next %d days…", (unsigned long)v->days), v->days);
	items[RMV_F_ALL] = _("All items");
	items[RMV_F_OVERDUE] = _("Overdue as of today");
	items[RMV_F_DUE] = due;
	items[RMV_F_NOTDONE] = _("Not done");
	items[RMV_F_RESP] = _("By responsible…");
	m = ui_pick(_("Show"), items, RMV_F__COUNT, v->fmode);
	free(due);
	if (m < 0)
		return;
	if (m == RMV_F_DUE && !ui_roadmap_ask_number(_("Due in the next days"),
	    _("Days from today"), &v->days))
		return;
	if (m == RMV_F_RESP && !ui_roadmap_ask_text(_("By responsible"),
	    _("Part of the name"), &v->resp))
		return;
	v->fmode = m;
	rmv_refilter(v);
}

static int
rmv_key(struct ui_frame *f, int k, int action)
{
	struct rmv	*v = f->data;
	struct rm_item	*it = rmv_current(v);

	switch (action) {
	case UI_A_HELP:
		ui_help_show(f, NULL);
		return (UI_STAY);
	case RMV_A_LIST:
		ui_roadmap_list_open();
		return (UI_STAY);
	case UI_A_NEW:
		rmv_new(v);
		return (UI_STAY);
	case UI_A_MENU:
		return (UI_TOP);
	case UI_A_BACK:
		return (UI_POP);
	}
	if (v->id == 0) {
		if (k == UI_ESC)
			return (UI_POP);
		return (UI_STAY);
	}
	switch (action) {
	case RMV_A_DONE:
		rmv_done(v);
		break;
	case RMV_A_PROGRESS:
		rmv_toggle(v, RM_PROGRESS);
		break;
	case RMV_A_CANCEL:
		rmv_toggle(v, RM_CANCELLED);
		break;
	case RMV_A_TODO:
		if (it != NULL && it->status != RM_TODO)
			rmv_toggle(v, RM_TODO);
		break;
	case UI_A_VIEW:
		if ((it = rmv_item(v)) != NULL)
			ui_roadmap_card(it->id);
		break;
	case UI_A_EDIT:
		if ((it = rmv_item(v)) != NULL && !ui_refuse_readonly())
			ui_roadmap_edit(it->id, 0);
		break;
	case UI_A_DELETE:
		rmv_delete(v);
		break;
	case UI_A_FILTER:
		rmv_filter_dialog(v);
		break;
	case RMV_A_CLEAR:
		if (v->fmode != RMV_F_ALL) {
			v->fmode = RMV_F_ALL;
			rmv_refilter(v);
		}
		break;
	default:
		if (k == UI_ESC)
			return (UI_POP);
		rmv_move(v, k);
		break;
	}
	return (UI_STAY);
}

/* Back from a card, a form or the roadmaps list. */
static void
rmv_resume(struct ui_frame *f)
{
	struct rmv	*v = f->data;
	long long	 id = ui_roadmap_saved();

	rmv_reload(v, id);
	if (id > 0 && rmv_row_id(v, v->cur) != id && v->fmode != RMV_F_ALL) {
		/* The filter hides the item just saved: show them all. */
		v->fmode = RMV_F_ALL;
		rmv_reload(v, id);
		ui_status("%s", _("Saved. The filter is cleared so that the "
		    "item can be seen."));
	}
}

static void
rmv_changed(struct ui_frame *f)
{
	struct rmv	*v = f->data;

	if (rmv_reload(v, 0) == 0)
		ui_status("%s", _("Someone else changed the roadmap; it is up "
		    "to date."));
}

static int
rmv_enter(struct ui_frame *f)
{
	struct rmv	*v = f->data;
	struct nerr	 err;

	nerr_clear(&err);
	if (rmv_read(v, &err) != 0) {
		ui_error("%s", err.msg);
		return (-1);
	}
	/* The first item, not the first heading, is what one marks. */
	v->cur = v->nrows > 1 ? 1 : 0;
	return (0);
}

static void
rmv_leave(struct ui_frame *f)
{
	struct rmv	*v = f->data;

	rmv_clear(v);
	free(v->resp);
	free(v);
}

static const struct ui_screen rmv_screen = {
	.name = "roadmap",
	.title = N_("Roadmap"),
	.enter = rmv_enter,
	.draw = rmv_draw,
	.key = rmv_key,
	.leave = rmv_leave,
	.changed = rmv_changed,
	.resume = rmv_resume,
	.actions = rmv_actions,
	.nactions = nitems(rmv_actions),
	.help = N_("The year's roadmap as a checklist, section by section, "
	    "each with its progress bar; the top line shows the whole "
	    "roadmap's. Marks: [ ] to do, [~] in progress, [x] done, [-] "
	    "cancelled (not counted). An item overdue as of today is marked "
	    "! and shown in red; a deadline the program could not understand "
	    "is marked ? — open the item with F4 and write it as a date (до "
	    "30.09.2025), a month, a period or «ежегодно в мае». Columns: "
	    "number, content, the deadline as written and the date it is due "
	    "by."),
};

int
ui_roadmap_open(void)
{
	struct rmv	*v;

	v = xcalloc(1, sizeof *v);
	v->days = 7;
	return (ui_push(&rmv_screen, v));
}
