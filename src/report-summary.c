/* report-summary.c: the year-end analytic note: every figure of the programme beside its target. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "consent.h"
#include "date.h"
#include "meeting.h"
#include "monitor.h"
#include "pair.h"
#include "person.h"
#include "plan.h"
#include "report-int.h"
#include "report.h"
#include "roadmap.h"
#include "util.h"

static const struct report_col sum_cols[] = {
	{ N_("Figure"), 20, 5, 0 },
	{ N_("Value"), 12, 1, 1 },
	{ N_("Target"), 8, 0, 1 },
	{ N_("Met"), 5, 0, 0 },
};

static void
sum_table(struct report *r, const char *heading)
{
	struct report_col	c[nitems(sum_cols)];
	size_t			i;

	for (i = 0; i < nitems(sum_cols); i++) {
		c[i] = sum_cols[i];
		c[i].title = _(sum_cols[i].title);
	}
	report_heading(r, heading);
	report_table(r, c, (int)nitems(c));
}

/* A share "12 of 40, 30 %" beside a target in per cent (<0: none). */
static void
sum_share(struct report *r, const char *what, long long part, long long whole,
    int target)
{
	const char	*cells[4];
	char		 v[64], t[16];

	snprintf(v, sizeof v, _("%lld of %lld, %s"), part, whole,
	    rep_pct(part, whole));
	snprintf(t, sizeof t, "%d %%", target);
	cells[0] = what;
	cells[1] = v;
	cells[2] = target >= 0 ? t : "";
	cells[3] = target < 0 ? "" : whole > 0 && part * 100 >=
	    (long long)target * whole ? _("yes") : _("no");
	report_row(r, cells);
}

static void
sum_count(struct report *r, const char *what, long long n)
{
	const char	*cells[4];

	cells[0] = what;
	cells[1] = rep_int(n);
	cells[2] = "";
	cells[3] = "";
	report_row(r, cells);
}

static int
sum_counts(struct db *db, struct report *r, struct nerr *err)
{
	sqlite3_stmt	*st;
	long long	 tot = 0;
	int		 step, cat;
	char		*what;

	sum_table(r, _("1. Participants by category"));
	if ((st = db_prepare(db, "SELECT category, count(*) FROM person "
	    "GROUP BY category ORDER BY " REP_CAT_ORDER, err)) == NULL)
		return (-1);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		cat = person_category_parse(rep_col(st, 0));
		sum_count(r, cat >= 0 ? person_category_label(cat) :
		    rep_col(st, 0), sqlite3_column_int64(st, 1));
		tot += sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return (db_fail(db, err, _("counting the participants")));
	sum_count(r, _("All participants"), tot);
	report_table_end(r);

	sum_table(r, _("2. Pairs and groups at work, by form"));
	if ((st = db_prepare(db, "SELECT pr.form, count(DISTINCT pr.id), "
	    "count(pm.person_id) FROM pair pr JOIN pair_member pm ON "
	    "pm.pair_id = pr.id AND pm.role = 'mentee' WHERE pr.status IN "
	    "('forming', 'active') GROUP BY pr.form ORDER BY pr.form",
	    err)) == NULL)
		return (-1);
	tot = 0;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		int	f = pair_form_parse(rep_col(st, 0));

		xasprintf(&what, _("%s: mentees %lld"), f >= 0 ?
		    pair_form_label(f) : rep_col(st, 0),
		    sqlite3_column_int64(st, 2));
		sum_count(r, what, sqlite3_column_int64(st, 1));
		free(what);
		tot += sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return (db_fail(db, err, _("counting the pairs")));
	sum_count(r, _("All pairs and groups at work"), tot);
	report_table_end(r);
	return (0);
}

static int
sum_figures(struct db *db, struct report *r, struct nerr *err)
{
	struct consent_cov	*cov = NULL;
	struct att_fig		*ev = NULL;
	struct rm_progress	 pr;
	long long		 rm;
	int			 n = 0, np = 0, ne = 0, ad, at, met, held, due;
	int			 i, emet = 0, etgt = 0;

	sum_table(r, _("3. The programme's work against its targets"));
	if (consent_coverage(db, 0, &cov, &n, err) == -1)
		return (-1);
	if (n > 0)
		sum_share(r, _("Participants with a consent to personal "
		    "data processing"), cov[n - 1].covered, cov[n - 1].total,
		    100);
	consent_coverage_free(cov, n);
	if (plan_totals(db, &np, &ad, &at, &met, err) == -1)
		return (-1);
	sum_share(r, _("Plans done to the target"), met, np, 100);
	sum_share(r, _("Steps of all plans done"), ad, at, PLAN_TARGET_PCT);
	if (attend_held_share(db, NULL, &held, &due, err) == -1)
		return (-1);
	sum_share(r, _("Meetings due that were held"), held, due, -1);
	if (attend_figures(db, ATTBY_EVENT, NULL, NULL, &ev, &ne, err) == -1)
		return (-1);
	for (i = 0; i < ne; i++) {
		if (ev[i].target_pct <= 0)
			continue;
		etgt++;
		if ((long long)ev[i].present * 100 >=
		    (long long)ev[i].target_pct * ev[i].expected)
			emet++;
	}
	attend_figures_free(ev, ne);
	sum_share(r, _("Events that reached their attendance target"), emet,
	    etgt, 100);
	if ((rm = roadmap_current(db, err)) == -1)
		return (-1);
	memset(&pr, 0, sizeof pr);
	if (rm > 0 && rm_progress(db, rm, 0, &pr, err) == -1)
		return (-1);
	sum_share(r, _("Roadmap items done"), pr.done, pr.total, 100);
	sum_count(r, _("Roadmap items overdue"), pr.overdue);
	report_table_end(r);
	return (0);
}

/* The monitoring indicators, each beside its target for the year. */
static int
sum_monitoring(struct db *db, const struct report_opts *o, struct report *r,
    struct nerr *err)
{
	struct indicator	*v = NULL;
	const char		*cells[4];
	char			 val[64], tgt[16];
	int			 n = 0, i;

	if (indicators_compute(db, o->as_of, &v, &n, err) == -1)
		return (-1);
	sum_table(r, _("4. Monitoring indicators (the target groups drawn in, satisfaction)"));
	for (i = 0; i < n; i++) {
		if (!v[i].has_value)
			snprintf(val, sizeof val, "%s", _("no data"));
		else if (v[i].is_count)
			snprintf(val, sizeof val, "%.0f", v[i].value);
		else if (v[i].detail != NULL)
			snprintf(val, sizeof val, "%s, %d %%", v[i].detail,
			    (int)v[i].value);
		else
			snprintf(val, sizeof val, "%d %%", (int)v[i].value);
		if (v[i].has_target)
			snprintf(tgt, sizeof tgt, v[i].is_count ? "%.0f" :
			    "%.0f %%", v[i].target);
		cells[0] = str_or(v[i].name, v[i].code);
		cells[1] = val;
		cells[2] = v[i].has_target ? tgt : "";
		cells[3] = !v[i].has_target || !v[i].has_value ? "" :
		    v[i].met ? _("yes") : _("no");
		report_row(r, cells);
	}
	report_table_end(r);
	indicators_free(v, n);
	return (0);
}

int
report_summary(struct db *db, const struct report_opts *o, struct report *r,
    struct nerr *err)
{
	char	year[16];
	char	*s;

	date_school_year(o->as_of != NULL ? o->as_of : date_today(), year,
	    sizeof year);
	xasprintf(&s, _("On the mentoring programme in the school year %s: "
	    "participants, pairs, consents, plans, attendance and the "
	    "roadmap, each figure beside its target."), year);
	report_para(r, s);
	free(s);
	if (sum_counts(db, r, err) == -1 ||
	    sum_figures(db, r, err) == -1 ||
	    sum_monitoring(db, o, r, err) == -1)
		return (-1);
	report_sign(r, _("Curator of the programme"));
	return (0);
}
