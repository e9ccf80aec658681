/* ui-roadmap-list.c: the roadmaps kept in the file: switch the current one, create from a template. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "ui-dialog.h"
#include "ui-draw.h"
#include "ui-help.h"
#include "ui-roadmap.h"

/* ---- a new roadmap from a template ---- */

static int
rml_ask_year(char *year, size_t len)
{
	struct ui_roadmap_input	 in;
	struct sbuf		 sb;
	int			 r;

	sbuf_init(&sb);
	sbuf_add(&sb, year);
	in.label = _("School year");
	in.value = &sb;
	in.date = 1;
	in.width = 50;
	r = ui_roadmap_input(_("The school year of the roadmap"),
	    _("As 2025-2026: the template's deadlines fall in it."), &in, 1);
	if (r == 1)
		snprintf(year, len, "%s", str_or(sb.s, ""));
	sbuf_free(&sb);
	return (r);
}

long long
ui_roadmap_create(void)
{
	struct roadmap	 rm;
	struct nerr	 err;
	char		**names, **titles, year[32];
	long long	 id = 0;
	int		 n, i;

	if (ui_refuse_readonly())
		return (0);
	nerr_clear(&err);
	if (roadmap_templates(&names, &titles, &n, &err) != 0) {
		ui_error("%s", err.msg);
		return (0);
	}
	if (n == 0) {
		ui_error("%s", _("No roadmap templates were found: the "
		    "program's data folder is missing; reinstall the "
		    "program."));
		roadmap_templates_free(names, titles, n);
		return (0);
	}
	i = ui_pick(_("Create a roadmap from a template"),
	    (const char *const *)titles, n, 0);
	date_school_year(date_today(), year, sizeof year);
	if (i >= 0 && rml_ask_year(year, sizeof year) == 1) {
		nerr_clear(&err);
		if (roadmap_from_template(ui_db(), names[i], year, &id,
		    &err) != 0 ||
		    roadmap_set_current(ui_db(), id, &err) != 0) {
			ui_error("%s", err.msg);
			id = 0;
		} else {
			memset(&rm, 0, sizeof rm);
			if (roadmap_get(ui_db(), id, &rm, &err) == 0)
				ui_status(_("The roadmap «%s» for %s is created "
				    "and is now the current one."),
				    str_or(rm.title, ""), str_or(rm.school_year,
				    year));
			roadmap_free(&rm);
		}
	}
	roadmap_templates_free(names, titles, n);
	return (id);
}

/* ---- the list ---- */

struct rml {
	struct roadmap		*rms;
	struct rm_progress	*prog;
	int			 n;
	int			 cur;
	int			 top;
};

static void
rml_clear(struct rml *l)
{
	roadmap_list_free(l->rms, l->n);
	free(l->prog);
	l->rms = NULL;
	l->prog = NULL;
	l->n = 0;
}

static int
rml_load(struct rml *l, long long keep)
{
	struct nerr	err;
	int		i;

	if (keep == 0 && l->cur < l->n)
		keep = l->rms[l->cur].id;
	rml_clear(l);
	nerr_clear(&err);
	if (roadmap_list(ui_db(), &l->rms, &l->n, &err) != 0) {
		ui_error("%s", err.msg);
		return (-1);
	}
	l->prog = xcalloc((size_t)l->n + 1, sizeof *l->prog);
	for (i = 0; i < l->n; i++) {
		if (rm_progress(ui_db(), l->rms[i].id, 0, &l->prog[i],
		    &err) != 0) {
			ui_error("%s", err.msg);
			return (-1);
		}
		if (l->rms[i].id == keep)
			l->cur = i;
	}
	if (l->cur >= l->n)
		l->cur = l->n > 0 ? l->n - 1 : 0;
	return (0);
}

/* Columns: mark, title, school year, and the bar at the right. */
#define RML_YEARW	11
#define RML_BARW	27

static void
rml_draw(struct ui_frame *f, WINDOW *w, int y, int h)
{
	struct rml	*l = f->data;
	struct sbuf	 bar;
	int		 i, r, tw, yx, bx;
	attr_t		 a;

	ui_put(w, y, 1, COLS - 2, _("* marks the current roadmap · Enter "
	    "makes the chosen one current · F7 creates one from a template"),
	    ui_attr(UI_DIM), 0);
	if (l->n == 0) {
		ui_put_centre(w, y + h / 2, 0, COLS, _("There are no roadmaps "
		    "yet: press F7 to create one from a template."),
		    ui_attr(UI_DIM));
		return;
	}
	bx = COLS - RML_BARW;
	yx = bx - RML_YEARW - 1;
	tw = yx - 4;
	ui_put(w, y + 1, 3, tw, C_("roadmap column", "Title"),
	    ui_attr(UI_HEADER), 0);
	ui_put(w, y + 1, yx, RML_YEARW, C_("roadmap column", "Year"),
	    ui_attr(UI_HEADER), 0);
	ui_put(w, y + 1, bx, RML_BARW, C_("roadmap column", "Progress"),
	    ui_attr(UI_HEADER), 0);
	h -= 2;
	if (l->cur < l->top)
		l->top = l->cur;
	if (l->cur >= l->top + h)
		l->top = l->cur - h + 1;
	sbuf_init(&bar);
	for (i = 0; i < h && l->top + i < l->n; i++) {
		r = l->top + i;
		a = r == l->cur ? ui_attr(UI_SELECT) : A_NORMAL;
		sbuf_reset(&bar);
		ui_roadmap_bar(&bar, &l->prog[r], 10);
		wattrset(w, a);
		mvwhline(w, y + 2 + i, 0, ' ', COLS);
		wattrset(w, A_NORMAL);
		ui_put(w, y + 2 + i, 1, 1, l->rms[r].is_current ? "*" : " ",
		    a | A_BOLD, 0);
		ui_put(w, y + 2 + i, 3, tw, str_or(l->rms[r].title, ""),
		    a | (l->rms[r].is_current ? A_BOLD : 0), 0);
		ui_put(w, y + 2 + i, yx, RML_YEARW,
		    str_or(l->rms[r].school_year, ""), a, 0);
		ui_put(w, y + 2 + i, bx, RML_BARW - 1, bar.s, a, 0);
	}
	sbuf_free(&bar);
}

static void
rml_make_current(struct rml *l)
{
	struct nerr	err;

	if (l->n == 0 || ui_refuse_readonly())
		return;
	nerr_clear(&err);
	if (roadmap_set_current(ui_db(), l->rms[l->cur].id, &err) != 0) {
		ui_error("%s", err.msg);
		return;
	}
	ui_status(_("«%s» is now the current roadmap."),
	    str_or(l->rms[l->cur].title, ""));
	rml_load(l, 0);
}

static void
rml_delete(struct rml *l)
{
	struct nerr	 err;
	char		*q;

	if (l->n == 0 || ui_refuse_readonly())
		return;
	xasprintf(&q, _("Delete the roadmap «%s» for %s with all its items? "
	    "This cannot be undone. (y/n)"), str_or(l->rms[l->cur].title, ""),
	    str_or(l->rms[l->cur].school_year, "—"));
	if (ui_confirm(q)) {
		nerr_clear(&err);
		if (roadmap_delete(ui_db(), l->rms[l->cur].id, &err) != 0)
			ui_error("%s", err.msg);
		else {
			ui_status("%s", _("The roadmap is deleted."));
			rml_load(l, 0);
		}
	}
	free(q);
}

static const struct ui_action rml_actions[] = {
	UI_ACTION_HELP,
	{ UI_A_OPEN, 0, { '\r', '\n', UI_FN(KEY_ENTER), ' ' }, NULL,
	    N_("Make the chosen roadmap the current one and go back to its "
	    "checklist.") },
	{ UI_A_NEW, 7, { 'n', UI_FN(KEY_IC), 0 }, N_("New"),
	    N_("Create a roadmap from a template for a school year; it "
	    "becomes the current one.") },
	{ UI_A_DELETE, 8, { UI_FN(KEY_DC), 0 }, N_("Delete"),
	    N_("Delete the chosen roadmap with all its items, after asking.") },
	UI_ACTION_MENU,
	UI_ACTION_BACK,
};

static int
rml_key(struct ui_frame *f, int k, int action)
{
	struct rml	*l = f->data;
	long long	 id;

	switch (action) {
	case UI_A_HELP:
		ui_help_show(f, NULL);
		return (UI_STAY);
	case UI_A_OPEN:
		if (l->n == 0)
			return (UI_STAY);
		if (l->rms[l->cur].is_current)
			return (UI_POP);
		rml_make_current(l);
		return (l->n > 0 && l->rms[l->cur].is_current ? UI_POP :
		    UI_STAY);
	case UI_A_NEW:
		if ((id = ui_roadmap_create()) > 0)
			rml_load(l, id);
		return (UI_STAY);
	case UI_A_DELETE:
		rml_delete(l);
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
rml_changed(struct ui_frame *f)
{
	rml_load(f->data, 0);
}

static int
rml_enter(struct ui_frame *f)
{
	return (rml_load(f->data, 0));
}

static void
rml_leave(struct ui_frame *f)
{
	struct rml	*l = f->data;

	rml_clear(l);
	free(l);
}

static const struct ui_screen rml_screen = {
	.name = "roadmaps",
	.title = N_("All roadmaps"),
	.enter = rml_enter,
	.draw = rml_draw,
	.key = rml_key,
	.leave = rml_leave,
	.changed = rml_changed,
	.resume = rml_changed,
	.actions = rml_actions,
	.nactions = nitems(rml_actions),
	.help = N_("A file may keep several roadmaps: this year's, last "
	    "year's, the municipality's. One is current: the checklist shows "
	    "it and the command line works on it. The list gives each one's "
	    "school year and how much of it is done."),
};

int
ui_roadmap_list_open(void)
{
	return (ui_push(&rml_screen, xcalloc(1, sizeof (struct rml))));
}
