/* ui-roadmap-item.c: one roadmap item: its card, its form, the done dialog, small input boxes. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "text.h"
#include "ui-dialog.h"
#include "ui-draw.h"
#include "ui-form.h"
#include "ui-help.h"
#include "ui-pager.h"
#include "ui-roadmap.h"

static long long ui_roadmap_last_saved;

long long
ui_roadmap_saved(void)
{
	long long	id = ui_roadmap_last_saved;

	ui_roadmap_last_saved = 0;
	return (id);
}

/* ---- the done dialog ---- */

/* A recurring item stays in progress until the year's last occurrence. */
static void
rmi_done_status(long long id, const char *name, const char *shown)
{
	struct rm_item	now;
	struct nerr	err;

	rm_item_init(&now);
	nerr_clear(&err);
	if (rm_item_get(ui_db(), id, &now, &err) == 0 &&
	    now.status == RM_PROGRESS)
		ui_status(_("%s: done on %s; it recurs, so it stays in "
		    "progress until its last date in the year."), name, shown);
	else
		ui_status(_("%s is done on %s."), name, shown);
	rm_item_free(&now);
}

int
ui_roadmap_done_dialog(const struct rm_item *it)
{
	struct ui_roadmap_input	 in[2];
	struct sbuf		 date, ev;
	struct nerr		 err;
	char			 shown[DATE_ISO_LEN], iso[DATE_ISO_LEN];
	char			*name, *title, *ev_trim;
	int			 r = 0;

	if (ui_refuse_readonly())
		return (-1);
	sbuf_init(&date);
	sbuf_init(&ev);
	date_show(date_today(), shown);
	sbuf_add(&date, shown);
	sbuf_add(&ev, str_or(it->evidence, ""));
	in[0].label = _("Date done");
	in[0].value = &date;
	in[0].date = 1;
	in[0].width = 0;
	in[1].label = _("Evidence");
	in[1].value = &ev;
	in[1].date = 0;
	in[1].width = 0;
	name = ui_roadmap_item_name(it, 44);
	xasprintf(&title, _("Done: %s"), name);
	while (ui_roadmap_input(title, _("An order, a protocol or a link. "
	    "Enter: next, save · Esc: cancel"), in,
	    2) == 1) {
		nerr_clear(&err);
		if (date_parse(str_or(date.s, ""), iso, _("Date done"),
		    &err) != 0) {
			ui_error("%s", err.msg);
			continue;
		}
		ev_trim = xstrdup(str_or(ev.s, ""));
		str_trim(ev_trim);
		if (rm_item_done(ui_db(), it->id, iso, str_empty(ev_trim) ?
		    NULL : ev_trim, &err) != 0) {
			free(ev_trim);
			ui_error("%s", err.msg);
			continue;
		}
		free(ev_trim);
		date_show(iso, shown);
		rmi_done_status(it->id, name, shown);
		r = 1;
		break;
	}
	free(title);
	free(name);
	sbuf_free(&date);
	sbuf_free(&ev);
	return (r);
}

/* ---- the form ---- */

static const char *
rmi_status_choice(void *obj, int i)
{
	(void)obj;
	return (i >= 0 && i < RM__COUNT ? rm_status_label(i) : NULL);
}

#define I(m)	offsetof(struct rm_item, m)

static const struct ui_field rmi_fields[] = {
	{ N_("Item"), UI_F_SECTION, 0, 0, 0, NULL, NULL },
	{ N_("Number"), UI_F_TEXT, I(number), 0, 10, NULL, NULL },
	{ N_("Content"), UI_F_LONG, I(content), 1, 2000, NULL, NULL },
	{ N_("Deadline as written"), UI_F_LONG, I(deadline_text), 0, 200,
	    NULL, NULL },
	{ N_("Result or document"), UI_F_LONG, I(result), 0, 1000, NULL,
	    NULL },
	{ N_("Indicator"), UI_F_LONG, I(indicator), 0, 1000, NULL, NULL },
	{ N_("Responsible"), UI_F_TEXT, I(responsible), 0, 200, NULL, NULL },
	{ N_("Status"), UI_F_SECTION, 0, 0, 0, NULL, NULL },
	{ N_("Status"), UI_F_CHOICE, I(status), 0, 0, rmi_status_choice,
	    NULL },
	{ N_("Date done"), UI_F_DATE, I(done_date), 0, 10, NULL, NULL },
	{ N_("Evidence"), UI_F_LONG, I(evidence), 0, 1000, NULL, NULL },
	{ N_("Note"), UI_F_LONG, I(note), 0, 2000, NULL, NULL },
};

#undef I

static int
rmi_form_save(void *obj, struct nerr *err)
{
	struct rm_item	*it = obj, cur;
	struct nerr	 e2;
	int		 r = -1;

	if (it->id == 0)
		return (rm_item_save(ui_db(), it, err));
	if (rm_item_save(ui_db(), it, err) == 0)
		return (0);
	/* Refused because someone else saved it first?  Offer theirs. */
	rm_item_init(&cur);
	if (rm_item_get(ui_db(), it->id, &cur, &e2) == 0 &&
	    cur.version != it->version)
		r = UI_FORM_CONFLICT;
	rm_item_free(&cur);
	return (r);
}

static int
rmi_form_reload(void *obj, struct nerr *err)
{
	struct rm_item	*it = obj, fresh;

	rm_item_init(&fresh);
	if (rm_item_get(ui_db(), it->id, &fresh, err) != 0) {
		rm_item_free(&fresh);
		return (-1);
	}
	rm_item_free(it);
	*it = fresh;
	return (0);
}

static void
rmi_form_done(void *obj, int saved)
{
	struct rm_item	*it = obj;
	char		*name;

	if (saved) {
		ui_roadmap_last_saved = it->id;
		name = ui_roadmap_item_name(it, 40);
		ui_status(_("%s: saved."), name);
		free(name);
	}
	rm_item_free(it);
	free(it);
}

static const struct ui_form_spec rmi_form_spec = {
	.fields = rmi_fields,
	.nfields = nitems(rmi_fields),
	.help = N_("The content is required. Write the deadline as the "
	    "school's documents do (до 30.09.2025, сентябрь 2025 г., "
	    "ежегодно в мае, в течение года): the program works out the date "
	    "it is due by and whether it is overdue. A done item needs the "
	    "date it was done; the evidence is the order, protocol or link "
	    "that proves it."),
	.save = rmi_form_save,
	.reload = rmi_form_reload,
	.done = rmi_form_done,
};

int
ui_roadmap_edit(long long id, long long section)
{
	struct rm_item	*it;
	struct nerr	 err;
	char		*name, *title;
	int		 r;

	it = xcalloc(1, sizeof *it);
	rm_item_init(it);
	if (id != 0) {
		nerr_clear(&err);
		if (rm_item_get(ui_db(), id, it, &err) != 0) {
			ui_error("%s", err.msg);
			rm_item_free(it);
			free(it);
			return (-1);
		}
		name = ui_roadmap_item_name(it, 40);
		xasprintf(&title, _("Edit: %s"), name);
		free(name);
	} else {
		it->section_id = section;
		it->status = RM_TODO;
		title = xstrdup(_("New roadmap item"));
	}
	r = ui_form_open(&rmi_form_spec, it, title);
	free(title);
	return (r);
}

/* ---- the card ---- */

static void
rmi_recurring(const struct deadline *dl, struct sbuf *sb)
{
	static const char *const months[12] = {
		N_("January"), N_("February"), N_("March"), N_("April"),
		N_("May"), N_("June"), N_("July"), N_("August"),
		N_("September"), N_("October"), N_("November"),
		N_("December"),
	};
	char	a[DATE_ISO_LEN], b[DATE_ISO_LEN];
	int	m, n = 0;

	if (dl->months != 0) {
		sbuf_addf(sb, "; %s: ", C_("roadmap", "months"));
		for (m = 0; m < 12; m++) {
			if (dl->months & (1 << m))
				sbuf_addf(sb, "%s%s", n++ ? ", " : "",
				    _(months[m]));
		}
	} else if (dl->every == 1)
		sbuf_addf(sb, "; %s", _("every month"));
	else if (dl->every == 3)
		sbuf_addf(sb, "; %s", _("every quarter"));
	else if (dl->every == 6)
		sbuf_addf(sb, "; %s", _("every half-year"));
	else if (dl->every == 12)
		sbuf_addf(sb, "; %s", _("every year"));
	else if (dl->every > 0)
		sbuf_addf(sb, ngettext("; every %d month", "; every %d months",
		    (unsigned long)dl->every), dl->every);
	if (dl->day > 0)
		sbuf_addf(sb, _(", by day %d of the month"), dl->day);
	if (dl->from[0] != '\0' || dl->to[0] != '\0') {
		date_show(dl->from, a);
		date_show(dl->to, b);
		sbuf_addf(sb, "; %s – %s", a, b);
	}
}

static void
rmi_understood(const struct rm_item *it, struct sbuf *sb)
{
	char	a[DATE_ISO_LEN], b[DATE_ISO_LEN];

	sbuf_add(sb, deadline_kind_label(it->dl.kind));
	switch (it->dl.kind) {
	case DL_DATE:
		date_show(it->dl.to, a);
		sbuf_addf(sb, ": %s", a);
		break;
	case DL_PERIOD:
		date_show(it->dl.from, a);
		date_show(it->dl.to, b);
		sbuf_addf(sb, ": %s – %s", a, b);
		break;
	case DL_RECURRING:
		rmi_recurring(&it->dl, sb);
		break;
	case DL_UNPARSED:
		if (!str_empty(it->deadline_text))
			sbuf_addf(sb, " — %s", _("write it as a date, a month "
			    "or a period (F4) so that the program can follow "
			    "it"));
		break;
	}
}

static void
rmi_line(struct sbuf *sb, const char *label, const char *value)
{
	if (!str_empty(value))
		sbuf_addf(sb, "%s:\t%s\n", label, value);
}

static void
rmi_card_text(const struct rm_item *it, struct sbuf *sb)
{
	struct sbuf	u;
	char		d[DATE_ISO_LEN];

	sbuf_init(&u);
	sbuf_add(sb, UI_PAGER_HEAD);
	if (!str_empty(it->number))
		sbuf_addf(sb, "%s ", it->number);
	sbuf_addf(sb, "%s\n\n", str_or(it->content, ""));
	sbuf_reset(&u);
	sbuf_add(&u, rm_status_label(it->status));
	if (it->overdue)
		sbuf_addf(&u, " — %s", _("OVERDUE"));
	rmi_line(sb, _("Status"), u.s);
	date_show(it->done_date, d);
	rmi_line(sb, _("Date done"), d);
	rmi_line(sb, _("Evidence"), it->evidence);
	sbuf_addf(sb, "\n" UI_PAGER_HEAD "%s\n", _("Deadline"));
	rmi_line(sb, _("As written"), it->deadline_text);
	sbuf_reset(&u);
	rmi_understood(it, &u);
	rmi_line(sb, _("Understood as"), u.s);
	date_show(it->due, d);
	rmi_line(sb, _("Due by"), d);
	sbuf_addf(sb, "\n" UI_PAGER_HEAD "%s\n", _("Item"));
	rmi_line(sb, _("Result or document"), it->result);
	rmi_line(sb, _("Indicator"), it->indicator);
	rmi_line(sb, _("Responsible"), it->responsible);
	rmi_line(sb, _("Note"), it->note);
	sbuf_free(&u);
}

struct rmi_card {
	long long	 id;
	struct rm_item	 it;
	struct ui_pager	 pg;
};

enum { RMI_A_DONE = UI_A_USER };

static const struct ui_action rmi_card_actions[] = {
	UI_ACTION_HELP,
	{ RMI_A_DONE, 2, { ' ', 'x', 0 }, N_("Done"),
	    N_("Mark the item done with the date and the evidence.") },
	{ UI_A_EDIT, 4, { 'e', 0 }, N_("Edit"),
	    N_("Edit every field of the item.") },
	UI_ACTION_MENU,
	UI_ACTION_BACK,
};

static int
rmi_card_load(struct ui_frame *f)
{
	struct rmi_card	*c = f->data;
	struct nerr	 err;
	struct sbuf	 sb;

	rm_item_free(&c->it);
	rm_item_init(&c->it);
	nerr_clear(&err);
	if (rm_item_get(ui_db(), c->id, &c->it, &err) != 0) {
		ui_error("%s", err.msg);
		return (-1);
	}
	sbuf_init(&sb);
	rmi_card_text(&c->it, &sb);
	ui_pager_set(&c->pg, sb.s);
	sbuf_free(&sb);
	return (0);
}

static int
rmi_card_enter(struct ui_frame *f)
{
	struct rmi_card	*c = f->data;

	ui_pager_init(&c->pg, "");
	rm_item_init(&c->it);
	return (rmi_card_load(f));
}

static void
rmi_card_draw(struct ui_frame *f, WINDOW *w, int y, int h)
{
	struct rmi_card	*c = f->data;

	ui_pager_draw(&c->pg, w, y + 1, h - 1);
}

static int
rmi_card_key(struct ui_frame *f, int k, int action)
{
	struct rmi_card	*c = f->data;

	switch (action) {
	case RMI_A_DONE:
		if (c->it.status == RM_DONE)
			ui_status("%s", _("The item is already done; F4 "
			    "changes its date or evidence."));
		else if (ui_roadmap_done_dialog(&c->it) == 1)
			rmi_card_load(f);
		return (UI_STAY);
	case UI_A_EDIT:
		if (!ui_refuse_readonly())
			ui_roadmap_edit(c->id, 0);
		return (UI_STAY);
	}
	return (ui_pager_frame_key(f, &c->pg, NULL, k, action));
}

static void
rmi_card_resume(struct ui_frame *f)
{
	long long	id = ui_roadmap_saved();

	if (rmi_card_load(f) != 0)
		ui_error("%s", _("This item is no longer in the roadmap."));
	/* A save in the form: the checklist beneath wants to know too. */
	ui_roadmap_last_saved = id;
}

static void
rmi_card_leave(struct ui_frame *f)
{
	struct rmi_card	*c = f->data;

	ui_pager_free(&c->pg);
	rm_item_free(&c->it);
	free(c);
}

static const struct ui_screen rmi_card_screen = {
	.name = "roadmap-item",
	.title = N_("Roadmap item"),
	.enter = rmi_card_enter,
	.draw = rmi_card_draw,
	.key = rmi_card_key,
	.leave = rmi_card_leave,
	.changed = rmi_card_resume,
	.resume = rmi_card_resume,
	.actions = rmi_card_actions,
	.nactions = nitems(rmi_card_actions),
	.help = N_("Everything recorded about the roadmap item: its status, "
	    "the date done and the evidence; the deadline as written and as "
	    "the program understood it, with the date it is due by as of "
	    "today; the expected result, the indicator, the responsible "
	    "person and the note. Empty fields are not shown."),
};

int
ui_roadmap_card(long long id)
{
	struct rmi_card	*c;

	c = xcalloc(1, sizeof *c);
	c->id = id;
	return (ui_push(&rmi_card_screen, c));
}
