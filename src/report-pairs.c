/* report-pairs.c: the reports on pairs: the order's annex, an agreement, a plan, plans' completion, attendance. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "meeting.h"
#include "pair.h"
#include "person.h"
#include "plan.h"
#include "report-int.h"
#include "report.h"
#include "util.h"

#define REP_WINDOW	200

static void
rep_cols(struct report_col *c, const struct report_col *from, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		c[i] = from[i];
		c[i].title = _(from[i].title);
	}
}

/* ---- pairs: the annex of the order fixing them ---- */

int
report_pairs(struct db *db, const struct report_opts *o, struct report *r,
    struct nerr *err)
{
	static const struct report_col cols[] = {
		{ N_("No."), 4, 0, 1 },
		{ N_("Form, kind"), 10, 2, 0 },
		{ N_("Mentor"), 10, 3, 0 },
		{ N_("Mentees"), 10, 4, 0 },
		{ N_("Term"), 10, 1, 0 },
	};
	static const struct report_col fcols[] = {
		{ N_("Form of mentoring"), 20, 3, 0 },
		{ N_("Pairs"), 6, 0, 1 },
		{ N_("Groups"), 6, 0, 1 },
		{ N_("Mentees"), 8, 0, 1 },
	};
	struct report_col	 c[nitems(cols)], fc[nitems(fcols)];
	struct pair_filter	 f;
	struct pair_row		*rows, last;
	const char		*cells[nitems(cols)];
	char			*form, *term;
	int			 n, i, k, have = 0, no = 0;
	int			 pairs[PF__COUNT], groups[PF__COUNT];
	int			 mentees[PF__COUNT], tp = 0, tg = 0, tm = 0;

	(void)o;
	memset(pairs, 0, sizeof pairs);
	memset(groups, 0, sizeof groups);
	memset(mentees, 0, sizeof mentees);
	rep_cols(c, cols, nitems(cols));
	rep_cols(fc, fcols, nitems(fcols));
	report_para(r, _("Annex to the order No. ______ of "
	    "\"___\" ____________ 20___"));
	report_para(r, _("List of the mentoring pairs and groups fixed for "
	    "the school year"));
	pair_filter_init(&f);
	f.status = PAIR_LIVE;
	rows = xcalloc(REP_WINDOW, sizeof *rows);
	memset(&last, 0, sizeof last);
	report_table(r, c, (int)nitems(c));
	/* Window by window, so a municipality's pairs never sit in memory. */
	for (;;) {
		n = pair_page(db, &f, have ? &last : NULL, 0, rows, REP_WINDOW,
		    err);
		if (n == -1) {
			free(rows);
			if (have)
				pair_rows_free(&last, 1);
			return (-1);
		}
		for (i = 0; i < n; i++) {
			if (rows[i].kind != PK_NONE)
				xasprintf(&form, "%s, %s",
				    pair_form_label(rows[i].form),
				    pair_kind_label(rows[i].kind));
			else
				form = xstrdup(pair_form_label(rows[i].form));
			xasprintf(&term, "%s – %s",
			    rep_date(rows[i].date_from),
			    rep_date(rows[i].date_to));
			cells[0] = rep_int(++no);
			cells[1] = form;
			cells[2] = str_or(rows[i].mentors, "");
			cells[3] = str_or(rows[i].mentees, "");
			cells[4] = term;
			report_row(r, cells);
			free(form);
			free(term);
			k = rows[i].form;
			if (k >= 0 && k < PF__COUNT) {
				if (rows[i].nmentees > 1)
					groups[k]++;
				else
					pairs[k]++;
				mentees[k] += rows[i].nmentees;
			}
		}
		if (n > 0) {
			if (have)
				pair_rows_free(&last, 1);
			pair_row_copy(&last, &rows[n - 1]);
			have = 1;
		}
		pair_rows_free(rows, n);
		if (n < REP_WINDOW)
			break;
	}
	if (have)
		pair_rows_free(&last, 1);
	free(rows);
	report_table_end(r);
	if (no == 0)
		report_para(r, _("There are no pairs or groups forming or "
		    "active."));

	report_heading(r, _("Pairs and groups by form"));
	report_table(r, fc, (int)nitems(fc));
	for (k = 0; k < PF__COUNT; k++) {
		if (pairs[k] + groups[k] == 0)
			continue;
		cells[0] = pair_form_label(k);
		cells[1] = rep_int(pairs[k]);
		cells[2] = rep_int(groups[k]);
		cells[3] = rep_int(mentees[k]);
		report_row(r, cells);
		tp += pairs[k];
		tg += groups[k];
		tm += mentees[k];
	}
	cells[0] = _("Total");
	cells[1] = rep_int(tp);
	cells[2] = rep_int(tg);
	cells[3] = rep_int(tm);
	report_total(r, cells);
	report_table_end(r);
	report_sign(r, _("Director"));
	return (0);
}

/* ---- agreement ---- */

static int
rep_pair(struct db *db, const struct report_opts *o, struct pair *p,
    struct nerr *err)
{
	pair_init(p);
	if (o->pair <= 0)
		return (nerr_set(err, _("Say which pair: the report needs a "
		    "pair's number.")));
	return (pair_get(db, o->pair, p, err));
}

/* Full names of one side, and whether a mentee is a minor. */
static int
rep_side_names(struct db *db, const struct pair *p, int role,
    struct sbuf *b, int *minor, struct nerr *err)
{
	struct person	 ps;
	char		*nm;
	int		 i, age;

	sbuf_add(b, "");
	for (i = 0; i < p->nmembers; i++) {
		if (p->members[i].role != role)
			continue;
		person_init(&ps);
		if (person_get(db, p->members[i].person_id, &ps, err) == -1)
			return (-1);
		nm = rep_full_name(ps.last, ps.first, ps.patronymic);
		sbuf_addf(b, "%s%s", b->len > 0 ? ", " : "", nm);
		if (ps.class_ != NULL)
			sbuf_addf(b, _(" (class %s)"), ps.class_);
		free(nm);
		age = date_age(ps.birth, date_today());
		if (minor != NULL && (age >= 0 ? age < 18 :
		    ps.category == CAT_PUPIL))
			*minor = 1;
		person_free(&ps);
	}
	return (0);
}

int
report_agreement(struct db *db, const struct report_opts *o,
    struct report *r, struct nerr *err)
{
	struct pair	 p;
	struct sbuf	 b, mentors, mentees;
	char		*name;
	int		 minor = 0, rc = -1;

	if (rep_pair(db, o, &p, err) == -1)
		return (-1);
	sbuf_init(&b);
	sbuf_init(&mentors);
	sbuf_init(&mentees);
	if (rep_side_names(db, &p, PR_MENTOR, &mentors, NULL, err) == -1 ||
	    rep_side_names(db, &p, PR_MENTEE, &mentees, &minor, err) == -1)
		goto out;
	xasprintf(&name, _("Mentoring agreement No. %lld"), p.id);
	report_set_name(r, name);
	free(name);

	report_heading(r, _("1. Parties"));
	sbuf_addf(&b, _("Mentor: %s."), mentors.s);
	report_para(r, b.s);
	sbuf_reset(&b);
	sbuf_addf(&b, _("Mentee: %s."), mentees.s);
	report_para(r, b.s);
	if (minor)
		report_para(r, _("For a mentee under 18 the agreement is "
		    "also signed by a legal representative."));

	report_heading(r, _("2. Subject"));
	sbuf_reset(&b);
	sbuf_addf(&b, _("The parties work together in the school's mentoring "
	    "programme in the form \"%s\"."), pair_form_label(p.form));
	report_para(r, b.s);
	if (p.goal != NULL) {
		sbuf_reset(&b);
		sbuf_addf(&b, _("Goal: %s."), p.goal);
		report_para(r, b.s);
	}

	report_heading(r, _("3. The mentor undertakes to"));
	report_para(r, _("- meet the mentee as the individual plan says;"));
	report_para(r, _("- help the mentee reach the goals of the plan and "
	    "share experience openly;"));
	report_para(r, _("- keep what the mentee tells in confidence;"));
	report_para(r, _("- tell the curator about difficulties in time."));

	report_heading(r, _("4. The mentee undertakes to"));
	report_para(r, _("- come to the meetings agreed and do the steps of "
	    "the plan;"));
	report_para(r, _("- say what help is needed and give feedback;"));
	report_para(r, _("- respect the mentor's time and work."));

	report_heading(r, _("5. Term"));
	sbuf_reset(&b);
	sbuf_addf(&b, _("From %s to %s. Either party may end the agreement "
	    "early by telling the other and the curator."),
	    p.date_from != NULL ? rep_date(p.date_from) : "___________",
	    p.date_to != NULL ? rep_date(p.date_to) : "___________");
	report_para(r, b.s);

	report_heading(r, _("6. Signatures"));
	report_keep(r, 3);
	report_sign(r, mentors.s);
	report_keep(r, 3);
	report_sign(r, mentees.s);
	if (minor) {
		report_keep(r, 3);
		report_sign(r, _("Legal representative of the mentee"));
	}
	report_keep(r, 3);
	report_sign(r, _("Curator of the programme"));
	rc = 0;
out:
	sbuf_free(&b);
	sbuf_free(&mentors);
	sbuf_free(&mentees);
	pair_free(&p);
	return (rc);
}

/* ---- one plan ---- */

int
report_plan(struct db *db, const struct report_opts *o, struct report *r,
    struct nerr *err)
{
	static const struct report_col cols[] = {
		{ N_("No."), 4, 0, 1 },
		{ N_("Step"), 16, 5, 0 },
		{ N_("Due"), 10, 0, 0 },
		{ N_("Done"), 10, 0, 0 },
		{ N_("Note"), 8, 2, 0 },
	};
	struct report_col	 c[nitems(cols)];
	struct pair		 p;
	struct plan		 pl;
	struct sbuf		 b;
	const char		*cells[nitems(cols)];
	char			*who, *name;
	int			 i, done, total, overdue, rc;

	if (rep_pair(db, o, &p, err) == -1)
		return (-1);
	plan_init(&pl);
	if ((rc = plan_get(db, p.id, &pl, err)) == -1) {
		pair_free(&p);
		return (-1);
	}
	xasprintf(&name, _("Individual plan of pair No. %lld"), p.id);
	report_set_name(r, name);
	free(name);
	sbuf_init(&b);
	if ((who = meeting_pair_who(db, p.id, err)) == NULL) {
		pair_free(&p);
		plan_free(&pl);
		return (-1);
	}
	sbuf_addf(&b, _("Pair: %s; form: %s."), who, pair_form_label(p.form));
	free(who);
	report_para(r, b.s);
	if (rc == 1) {
		report_para(r, _("The pair has no plan yet."));
		goto out;
	}
	if (pl.approved != NULL || pl.approved_order != NULL) {
		sbuf_reset(&b);
		sbuf_addf(&b, _("Approved on %s by order %s."),
		    rep_date(pl.approved), str_or(pl.approved_order, "-"));
		report_para(r, b.s);
	}
	rep_cols(c, cols, nitems(cols));
	report_heading(r, str_or(pl.title, _("Steps")));
	report_table(r, c, (int)nitems(c));
	for (i = 0; i < pl.nsteps; i++) {
		cells[0] = rep_int(i + 1);
		cells[1] = str_or(pl.steps[i].title, "");
		cells[2] = rep_date(pl.steps[i].due);
		cells[3] = rep_date(pl.steps[i].done);
		cells[4] = str_or(pl.steps[i].note, "");
		report_row(r, cells);
	}
	report_table_end(r);
	plan_completion(&pl, &done, &total, &overdue);
	sbuf_reset(&b);
	sbuf_addf(&b, _("Done %d of %d steps, %s; the target is %d %%. "
	    "Overdue: %d."), done, total, rep_pct(done, total),
	    PLAN_TARGET_PCT, overdue);
	report_blank(r);
	report_para(r, b.s);
	report_sign(r, _("Mentor"));
	report_sign(r, _("Curator of the programme"));
out:
	sbuf_free(&b);
	pair_free(&p);
	plan_free(&pl);
	return (0);
}

/* ---- every plan ---- */

int
report_plans(struct db *db, const struct report_opts *o, struct report *r,
    struct nerr *err)
{
	static const struct report_col cols[] = {
		{ N_("Pair"), 5, 0, 1 },
		{ N_("Mentor and mentees"), 16, 5, 0 },
		{ N_("Done"), 9, 0, 1 },
		{ N_("Share"), 6, 0, 1 },
		{ N_("Overdue"), 7, 0, 1 },
		{ N_("Target"), 7, 0, 0 },
	};
	struct report_col	 c[nitems(cols)];
	struct plan_stat	*v = NULL;
	struct sbuf		 b;
	const char		*cells[nitems(cols)];
	char			 frac[32];
	int			 n = 0, i, ad = 0, at = 0, met = 0;

	(void)o;
	if (plan_stats(db, &v, &n, &ad, &at, &met, err) == -1)
		return (-1);
	rep_cols(c, cols, nitems(cols));
	report_table(r, c, (int)nitems(c));
	for (i = 0; i < n; i++) {
		snprintf(frac, sizeof frac, "%d/%d", v[i].done, v[i].total);
		cells[0] = rep_int(v[i].pair_id);
		cells[1] = str_or(v[i].who, "");
		cells[2] = frac;
		cells[3] = rep_pct(v[i].done, v[i].total);
		cells[4] = rep_int(v[i].overdue);
		cells[5] = v[i].total > 0 && v[i].done * 100 >=
		    PLAN_TARGET_PCT * v[i].total ? _("met") : _("behind");
		report_row(r, cells);
	}
	snprintf(frac, sizeof frac, "%d/%d", ad, at);
	cells[0] = "";
	cells[1] = _("All plans");
	cells[2] = frac;
	cells[3] = rep_pct(ad, at);
	cells[4] = "";
	cells[5] = "";
	report_total(r, cells);
	report_table_end(r);
	sbuf_init(&b);
	sbuf_addf(&b, _("Plans at or above %d %%: %d of %d (%s)."),
	    PLAN_TARGET_PCT, met, n, rep_pct(met, n));
	report_blank(r);
	report_para(r, b.s);
	sbuf_free(&b);
	plan_stats_free(v, n);
	return (0);
}

/* ---- attendance ---- */

static int
rep_att_table(struct db *db, struct report *r, int by, const char *title,
    const struct report_opts *o, struct nerr *err)
{
	static const struct report_col cols[] = {
		{ N_("Who or what"), 14, 5, 0 },
		{ N_("Expected"), 8, 0, 1 },
		{ N_("Present"), 7, 0, 1 },
		{ N_("Absent"), 6, 0, 1 },
		{ N_("Excused"), 7, 0, 1 },
		{ N_("Share"), 6, 0, 1 },
	};
	static const struct report_col ecols[] = {
		{ N_("Event"), 14, 5, 0 },
		{ N_("Expected"), 8, 0, 1 },
		{ N_("Present"), 7, 0, 1 },
		{ N_("Share"), 6, 0, 1 },
		{ N_("Target"), 6, 0, 1 },
		{ N_("Met"), 5, 0, 0 },
	};
	struct report_col	 c[nitems(cols)];
	struct att_fig		*v = NULL;
	const char		*cells[6];
	long long		 te = 0, tp = 0, ta = 0, tx = 0;
	int			 n = 0, i, ev = by == ATTBY_EVENT;

	if (attend_figures(db, by, o->month, o->class_, &v, &n, err) == -1)
		return (-1);
	rep_cols(c, ev ? ecols : cols, nitems(cols));
	report_heading(r, title);
	if (n == 0) {
		report_para(r, _("Nothing held and marked yet."));
		attend_figures_free(v, n);
		return (0);
	}
	report_table(r, c, (int)nitems(c));
	for (i = 0; i < n; i++) {
		cells[0] = str_or(v[i].label, "");
		cells[1] = rep_int(v[i].expected);
		cells[2] = rep_int(v[i].present);
		if (ev) {
			cells[3] = rep_pct(v[i].present, v[i].expected);
			cells[4] = v[i].target_pct > 0 ?
			    rep_pct(v[i].target_pct, 100) : "-";
			cells[5] = v[i].target_pct <= 0 ? "" :
			    (long long)v[i].present * 100 >=
			    (long long)v[i].target_pct * v[i].expected ?
			    _("yes") : _("no");
		} else {
			cells[3] = rep_int(v[i].absent);
			cells[4] = rep_int(v[i].excused);
			cells[5] = rep_pct(v[i].present, v[i].expected);
		}
		te += v[i].expected;
		tp += v[i].present;
		ta += v[i].absent;
		tx += v[i].excused;
		report_row(r, cells);
	}
	if (!ev) {
		cells[0] = _("Total");
		cells[1] = rep_int(te);
		cells[2] = rep_int(tp);
		cells[3] = rep_int(ta);
		cells[4] = rep_int(tx);
		cells[5] = rep_pct(tp, te);
		report_total(r, cells);
	}
	report_table_end(r);
	attend_figures_free(v, n);
	return (0);
}

int
report_attendance(struct db *db, const struct report_opts *o,
    struct report *r, struct nerr *err)
{
	struct sbuf	b;
	int		held = 0, due = 0;

	sbuf_init(&b);
	sbuf_add(&b, "");
	if (o->month != NULL)
		sbuf_addf(&b, _("Month: %s. "), o->month);
	if (o->class_ != NULL)
		sbuf_addf(&b, _("Class: %s. "), o->class_);
	sbuf_add(&b, _("Counted at held meetings against everyone "
	    "expected."));
	report_para(r, b.s);
	sbuf_free(&b);
	if (attend_held_share(db, o->month, &held, &due, err) == -1)
		return (-1);
	sbuf_init(&b);
	sbuf_addf(&b, _("Meetings due by today: %d, held: %d (%s)."), due,
	    held, rep_pct(held, due));
	report_para(r, b.s);
	sbuf_free(&b);
	if (rep_att_table(db, r, ATTBY_PAIR, _("By pair"), o, err) == -1 ||
	    rep_att_table(db, r, ATTBY_CLASS, _("By class"), o, err) == -1 ||
	    (o->class_ != NULL && rep_att_table(db, r, ATTBY_PERSON,
	    _("By person"), o, err) == -1) ||
	    rep_att_table(db, r, ATTBY_MONTH, _("By month"), o, err) == -1 ||
	    rep_att_table(db, r, ATTBY_EVENT,
	    _("School-wide events against their targets"), o, err) == -1)
		return (-1);
	return (0);
}
