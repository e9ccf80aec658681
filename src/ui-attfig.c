/* ui-attfig.c: attendance figures as a text to read, print or save (F2). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "meeting.h"
#include "person.h"
#include "text.h"
#include "ui-dialog.h"
#include "ui-draw.h"
#include "ui-meetings.h"
#include "ui-pager.h"

/* Columns of a table: the label, then five figures. */
#define AF_LABELW	28
#define AF_NUMW		8

enum af_view {
	AF_SUMMARY,
	AF_CLASS,
	AF_MONTH,
	AF_PAIR,
	AF_PERSON,
	AF_EVENT,
	AF_ONE_CLASS,
	AF__COUNT
};

static const char *const af_views[AF__COUNT] = {
	N_("Summary: on plan, events, months, classes, pairs"),
	N_("By class"),
	N_("By month"),
	N_("By pair or group"),
	N_("By person"),
	N_("Events against their targets"),
	N_("The pupils of one class"),
};

static const char *const af_months[12] = {
	N_("January"), N_("February"), N_("March"), N_("April"), N_("May"),
	N_("June"), N_("July"), N_("August"), N_("September"), N_("October"),
	N_("November"), N_("December"),
};

/* Rounded half up; -1 when nothing is expected. */
static int
af_pct(int part, int whole)
{
	if (whole <= 0)
		return (-1);
	return ((part * 200 + whole) / (whole * 2));
}

static void
af_cell(struct sbuf *sb, const char *s, int w, int right)
{
	int	tw = text_width(s);

	if (right) {
		for (; tw < w; tw++)
			sbuf_addc(sb, ' ');
		sbuf_add(sb, s);
	} else
		text_fit(sb, s, w, !ui_utf8());
	sbuf_addc(sb, ' ');
}

static void
af_num(struct sbuf *sb, int v, int w)
{
	char	n[32];

	snprintf(n, sizeof n, "%d", v);
	af_cell(sb, n, w, 1);
}

static void
af_pctcell(struct sbuf *sb, int p, int w)
{
	char	n[32];

	if (p < 0)
		snprintf(n, sizeof n, "—");
	else
		snprintf(n, sizeof n, "%d %%", p);
	af_cell(sb, n, w, 1);
}

/* Trailing spaces off the line just written. */
static void
af_eol(struct sbuf *sb)
{
	while (sb->len > 0 && sb->s[sb->len - 1] == ' ')
		sb->s[--sb->len] = '\0';
	sbuf_addc(sb, '\n');
}

static void
af_label(struct sbuf *out, const struct att_fig *f, int by)
{
	int	y, m;

	if (by == ATTBY_MONTH && f->label != NULL &&
	    sscanf(f->label, "%d-%d", &y, &m) == 2 && m >= 1 && m <= 12)
		sbuf_addf(out, "%s %d", _(af_months[m - 1]), y);
	else
		sbuf_add(out, str_or(f->label, ""));
}

static int
af_table(struct sbuf *sb, int by, const char *title, const char *class_,
    struct nerr *err)
{
	struct att_fig	*v;
	struct sbuf	 lab;
	int		 n, i, ev = by == ATTBY_EVENT, exp = 0, pre = 0;
	int		 abs = 0, exc = 0, met = 0;

	if (attend_figures(ui_db(), by, NULL, class_, &v, &n, err) != 0)
		return (-1);
	sbuf_addf(sb, UI_PAGER_HEAD "%s\n", title);
	if (n == 0) {
		sbuf_addf(sb, "%s\n\n", _("Nothing held and marked yet."));
		attend_figures_free(v, n);
		return (0);
	}
	sbuf_init(&lab);
	af_cell(sb, "", AF_LABELW, 0);
	af_cell(sb, C_("figures", "expected"), AF_NUMW, 1);
	af_cell(sb, C_("figures", "present"), AF_NUMW, 1);
	if (ev) {
		af_cell(sb, C_("figures", "share"), AF_NUMW, 1);
		af_cell(sb, C_("figures", "target"), AF_NUMW, 1);
	} else {
		af_cell(sb, C_("figures", "absent"), AF_NUMW, 1);
		af_cell(sb, C_("figures", "reason"), AF_NUMW, 1);
		af_cell(sb, C_("figures", "share"), AF_NUMW, 1);
	}
	af_eol(sb);
	for (i = 0; i < n; i++) {
		sbuf_reset(&lab);
		sbuf_add(&lab, "");
		af_label(&lab, &v[i], by);
		af_cell(sb, lab.s, AF_LABELW, 0);
		af_num(sb, v[i].expected, AF_NUMW);
		af_num(sb, v[i].present, AF_NUMW);
		if (!ev) {
			af_num(sb, v[i].absent, AF_NUMW);
			af_num(sb, v[i].excused, AF_NUMW);
		}
		af_pctcell(sb, af_pct(v[i].present, v[i].expected), AF_NUMW);
		if (ev && v[i].target_pct > 0) {
			af_pctcell(sb, v[i].target_pct, AF_NUMW);
			if (af_pct(v[i].present, v[i].expected) >=
			    v[i].target_pct) {
				sbuf_add(sb, C_("figures", "met"));
				met++;
			} else
				sbuf_add(sb, C_("figures", "not met"));
		}
		af_eol(sb);
		exp += v[i].expected;
		pre += v[i].present;
		abs += v[i].absent;
		exc += v[i].excused;
	}
	af_cell(sb, _("Total"), AF_LABELW, 0);
	af_num(sb, exp, AF_NUMW);
	af_num(sb, pre, AF_NUMW);
	if (!ev) {
		af_num(sb, abs, AF_NUMW);
		af_num(sb, exc, AF_NUMW);
	}
	af_pctcell(sb, af_pct(pre, exp), AF_NUMW);
	af_eol(sb);
	if (ev)
		sbuf_addf(sb, ngettext("The target is met at %d event of %d.\n",
		    "The target is met at %d events of %d.\n",
		    (unsigned long)met), met, n);
	sbuf_addc(sb, '\n');
	sbuf_free(&lab);
	attend_figures_free(v, n);
	return (0);
}

static int
af_held(struct sbuf *sb, struct nerr *err)
{
	int	held, due;

	if (attend_held_share(ui_db(), NULL, &held, &due, err) != 0)
		return (-1);
	sbuf_addf(sb, UI_PAGER_HEAD "%s\n", _("Meetings held on plan"));
	if (due == 0)
		sbuf_addf(sb, "%s\n\n", _("No meeting is due yet."));
	else
		/* xgettext:no-c-format */
		sbuf_addf(sb, _("Held %d of the %d meetings and events due by "
		    "today: %d %%.\n\n"), held, due, af_pct(held, due));
	return (0);
}

static int
af_text(struct sbuf *sb, int view, const char *class_, struct nerr *err)
{
	char	d[DATE_ISO_LEN];
	int	r = 0;

	date_show(date_today(), d);
	sbuf_addf(sb, "%s\n", str_or(ui_school(), ""));
	sbuf_addf(sb, _("Attendance as of %s: counted against those "
	    "expected at meetings held; the share is of those present."), d);
	sbuf_add(sb, "\n\n");
	switch (view) {
	case AF_SUMMARY:
		if (af_held(sb, err) != 0 ||
		    af_table(sb, ATTBY_EVENT, _("Events against their "
		    "targets"), NULL, err) != 0 ||
		    af_table(sb, ATTBY_MONTH, _("By month"), NULL, err) != 0 ||
		    af_table(sb, ATTBY_CLASS, _("By class"), NULL, err) != 0 ||
		    af_table(sb, ATTBY_PAIR, _("By pair or group"), NULL,
		    err) != 0)
			r = -1;
		break;
	case AF_CLASS:
		r = af_table(sb, ATTBY_CLASS, _("By class"), NULL, err);
		break;
	case AF_MONTH:
		r = af_table(sb, ATTBY_MONTH, _("By month"), NULL, err);
		break;
	case AF_PAIR:
		r = af_table(sb, ATTBY_PAIR, _("By pair or group"), NULL, err);
		break;
	case AF_PERSON:
		r = af_table(sb, ATTBY_PERSON, _("By person"), NULL, err);
		break;
	case AF_EVENT:
		if (af_held(sb, err) != 0 || af_table(sb, ATTBY_EVENT,
		    _("Events against their targets"), NULL, err) != 0)
			r = -1;
		break;
	case AF_ONE_CLASS:
		r = af_table(sb, ATTBY_PERSON, class_, class_, err);
		break;
	}
	return (r);
}

/* Which class, for the one-class view; NULL when cancelled. */
static char *
af_ask_class(void)
{
	char		**classes, *c = NULL;
	struct nerr	 err;
	int		 n, i;

	nerr_clear(&err);
	if (person_classes(ui_db(), &classes, &n, &err) != 0) {
		ui_error("%s", err.msg);
		return (NULL);
	}
	if (n == 0)
		ui_error("%s", _("There are no classes yet."));
	else if ((i = ui_pick(_("Class"), (const char *const *)classes, n,
	    0)) >= 0)
		c = xstrdup(classes[i]);
	person_classes_free(classes, n);
	return (c);
}

int
ui_attfig_open(void)
{
	const char	*items[AF__COUNT];
	struct sbuf	 sb;
	struct nerr	 err;
	char		*class_ = NULL, *title, *dflt;
	int		 i, view, r = -1;

	for (i = 0; i < AF__COUNT; i++)
		items[i] = _(af_views[i]);
	if ((view = ui_pick(_("Attendance figures"), items, AF__COUNT,
	    0)) < 0)
		return (0);
	if (view == AF_ONE_CLASS && (class_ = af_ask_class()) == NULL)
		return (0);
	sbuf_init(&sb);
	nerr_clear(&err);
	if (af_text(&sb, view, class_, &err) != 0)
		ui_error("%s", err.msg);
	else {
		if (class_ != NULL)
			xasprintf(&title, _("Attendance: class %s"), class_);
		else
			title = xstrdup(_("Attendance figures"));
		xasprintf(&dflt, "~/%s-%s.txt", _("attendance"),
		    date_today());
		r = ui_pager_open_save(title, sb.s,
		    /* xgettext:no-c-format */
		    N_("Attendance figures "
		    "count those expected at meetings that were held: a pair's "
		    "members, or the pupils of an event's classes and the "
		    "people of its categories. The share is of those present; "
		    "an event's target (90 % for class hours and teachers' "
		    "councils) is met when the share reaches it. Meetings held "
		    "on plan are those due by today that were held, not "
		    "cancelled or left planned. F2 saves the text to a file."),
		    dflt);
		free(title);
		free(dflt);
	}
	sbuf_free(&sb);
	free(class_);
	return (r);
}
