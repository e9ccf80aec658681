/* report-defs.c: the list of reports, shared helpers, and the roadmap and participants reports. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "person.h"
#include "report-int.h"
#include "report.h"
#include "roadmap.h"
#include "util.h"

const struct report_def report_defs[] = {
	{ "roadmap", N_("Roadmap of the mentoring programme"),
	  N_("the roadmap by section: status, dates, evidence, overdue items"),
	  0, report_roadmap },
	{ "participants", N_("Register of participants"),
	  N_("participants by category and class, with counts"),
	  0, report_participants },
	{ "mentees", N_("Base of mentees"),
	  N_("the base of mentees as a printed register"),
	  0, report_mentees },
	{ "mentors", N_("Base of mentors"),
	  N_("the base of mentors as a printed register"),
	  0, report_mentors },
	{ "consents", N_("Consents to personal data processing"),
	  N_("consent coverage by class and category, and who owes which "
	     "paper"),
	  0, report_consents },
	{ "pairs", N_("Mentoring pairs and groups"),
	  N_("the pairs and groups as the annex of the director's order"),
	  0, report_pairs },
	{ "agreement", N_("Mentoring agreement"),
	  N_("the agreement of one pair, with lines to sign (PAIR)"),
	  1, report_agreement },
	{ "plan", N_("Individual plan"),
	  N_("one pair's individual plan with its completion (PAIR)"),
	  1, report_plan },
	{ "plans", N_("Completion of individual plans"),
	  /* xgettext:no-c-format */
	  N_("every plan against the 90 % target, those behind first"),
	  0, report_plans },
	{ "attendance", N_("Attendance"),
	  N_("attendance by pair, class and month, events against targets"),
	  0, report_attendance },
	{ "summary", N_("Analytic note on the mentoring programme"),
	  N_("the year-end analytic note: every figure beside its target"),
	  0, report_summary },
};
const int report_ndefs = (int)nitems(report_defs);

/* ---- helpers ---- */

#define REP_RING	16

const char *
rep_col(sqlite3_stmt *st, int i)
{
	const unsigned char	*s = sqlite3_column_text(st, i);

	return (s != NULL ? (const char *)s : "");
}

static char *
rep_ring(void)
{
	static char	buf[REP_RING][64];
	static int	i;

	i = (i + 1) % REP_RING;
	return (buf[i]);
}

const char *
rep_date(const char *iso)
{
	char	*b = rep_ring();

	if (iso == NULL || *iso == '\0') {
		*b = '\0';
		return (b);
	}
	date_show(iso, b);
	return (b);
}

const char *
rep_int(long long n)
{
	char	*b = rep_ring();

	snprintf(b, 64, "%lld", n);
	return (b);
}

/* Rounded down, so 99.6 % never shows as the 100 % target met. */
const char *
rep_pct(long long part, long long whole)
{
	char	*b = rep_ring();

	if (whole <= 0)
		snprintf(b, 64, "-");
	else
		snprintf(b, 64, "%lld %%", part * 100 / whole);
	return (b);
}

char *
rep_full_name(const char *last, const char *first, const char *patr)
{
	char	*s;

	xasprintf(&s, "%s %s%s%s", str_or(last, ""), str_or(first, ""),
	    patr != NULL && *patr != '\0' ? " " : "", str_or(patr, ""));
	return (s);
}

/* ---- roadmap ---- */

int
report_roadmap(struct db *db, const struct report_opts *o, struct report *r,
    struct nerr *err)
{
	static const struct report_col cols[] = {
		{ N_("No."), 3, 0, 0 },
		{ N_("Item"), 12, 5, 0 },
		{ N_("Deadline"), 8, 2, 0 },
		{ N_("Status"), 7, 1, 0 },
		{ N_("Done"), 10, 0, 0 },
		{ N_("Evidence"), 8, 3, 0 },
	};
	struct report_col	 c[nitems(cols)];
	struct roadmap		 rm;
	struct rm_section	*sec = NULL;
	struct rm_item		*it = NULL;
	struct rm_filter	 f;
	struct rm_progress	 pr;
	struct sbuf		 b;
	const char		*cells[nitems(cols)];
	long long		 id;
	int			 nsec = 0, nit = 0, s, i, rc = -1;
	size_t			 k;
	char			*dl, *st;

	(void)o;
	if ((id = roadmap_current(db, err)) == -1)
		return (-1);
	if (id == 0) {
		report_para(r, _("There is no roadmap yet: make one from a "
		    "template or import the school's table."));
		return (0);
	}
	memset(&rm, 0, sizeof rm);
	if (roadmap_get(db, id, &rm, err) == -1)
		return (-1);
	rm_filter_init(&f);
	if (rm_sections(db, id, &sec, &nsec, err) == -1 ||
	    rm_items(db, id, &f, &it, &nit, err) == -1 ||
	    rm_progress(db, id, 0, &pr, err) == -1)
		goto out;
	for (k = 0; k < nitems(cols); k++) {
		c[k] = cols[k];
		c[k].title = _(cols[k].title);
	}
	sbuf_init(&b);
	sbuf_addf(&b, _("%s, school year %s"), str_or(rm.title, ""),
	    str_or(rm.school_year, ""));
	report_para(r, b.s);
	for (s = 0; s < nsec; s++) {
		report_heading(r, sec[s].title);
		report_table(r, c, (int)nitems(c));
		for (i = 0; i < nit; i++) {
			if (it[i].section_id != sec[s].id)
				continue;
			if (it[i].due[0] != '\0' && it[i].status != RM_DONE)
				xasprintf(&dl, "%s (%s)",
				    str_or(it[i].deadline_text, ""),
				    rep_date(it[i].due));
			else
				dl = xstrdup(str_or(it[i].deadline_text, ""));
			if (it[i].overdue)
				xasprintf(&st, "%s, %s",
				    rm_status_label(it[i].status),
				    _("OVERDUE"));
			else
				st = xstrdup(rm_status_label(it[i].status));
			cells[0] = str_or(it[i].number, "");
			cells[1] = str_or(it[i].content, "");
			cells[2] = dl;
			cells[3] = st;
			cells[4] = rep_date(it[i].done_date);
			cells[5] = str_or(it[i].evidence, "");
			report_row(r, cells);
			free(dl);
			free(st);
		}
		report_table_end(r);
	}
	report_heading(r, _("Totals"));
	sbuf_reset(&b);
	sbuf_addf(&b, _("Items to do: %d (cancelled, not counted: %d). Done: "
	    "%d, that is %s; the target is 100 %%."), pr.total, pr.cancelled,
	    pr.done, rep_pct(pr.done, pr.total));
	report_para(r, b.s);
	sbuf_reset(&b);
	sbuf_addf(&b, _("Overdue: %d."), pr.overdue);
	report_para(r, b.s);
	sbuf_free(&b);
	rc = 0;
out:
	rm_sections_free(sec, nsec);
	rm_items_free(it, nit);
	roadmap_free(&rm);
	return (rc);
}

/* ---- participants ---- */

/* The register: a heading a category, then its people by class and name. */
int
report_participants(struct db *db, const struct report_opts *o,
    struct report *r, struct nerr *err)
{
	static const struct report_col cols[] = {
		{ N_("No."), 6, 0, 1 },
		{ N_("Full name"), 14, 4, 0 },
		{ N_("Class or organisation"), 10, 2, 0 },
		{ N_("Birth date"), 10, 0, 0 },
		{ N_("Role"), 8, 1, 0 },
	};
	static const struct report_col ccols[] = {
		{ N_("Category"), 16, 3, 0 },
		{ N_("People"), 8, 0, 1 },
		{ N_("Mentors"), 8, 0, 1 },
		{ N_("Mentees"), 8, 0, 1 },
	};
	struct report_col	 c[nitems(cols)], cc[nitems(ccols)];
	sqlite3_stmt		*st;
	struct sbuf		 b;
	const char		*cells[5], *cat = NULL;
	char			*name, *last = NULL;
	long long		 n = 0, tot[3] = { 0, 0, 0 };
	int			 step, k, catn;
	size_t			 i;

	(void)o;
	for (i = 0; i < nitems(cols); i++) {
		c[i] = cols[i];
		c[i].title = _(cols[i].title);
	}
	for (i = 0; i < nitems(ccols); i++) {
		cc[i] = ccols[i];
		cc[i].title = _(ccols[i].title);
	}
	/* The counts first: a director reads the top of the first page. */
	report_heading(r, _("Counts by category"));
	if ((st = db_prepare(db, "SELECT category, count(*), sum(is_mentor), "
	    "sum(is_mentee) FROM person GROUP BY category ORDER BY " REP_CAT_ORDER,
	    err)) == NULL)
		return (-1);
	report_table(r, cc, (int)nitems(cc));
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		catn = person_category_parse(rep_col(st, 0));
		cells[0] = catn >= 0 ? person_category_label(catn) :
		    rep_col(st, 0);
		for (k = 0; k < 3; k++) {
			tot[k] += sqlite3_column_int64(st, k + 1);
			cells[k + 1] = rep_int(sqlite3_column_int64(st, k + 1));
		}
		report_row(r, cells);
	}
	sqlite3_finalize(st);
	if (step != SQLITE_DONE)
		return (db_fail(db, err, _("counting the participants")));
	cells[0] = _("Total");
	for (k = 0; k < 3; k++)
		cells[k + 1] = rep_int(tot[k]);
	report_total(r, cells);
	report_table_end(r);

	report_heading(r, _("Pupils by class"));
	if ((st = db_prepare(db, "SELECT class, count(*) FROM person WHERE "
	    "category = 'pupil' GROUP BY class_key, class ORDER BY class_key",
	    err)) == NULL)
		return (-1);
	sbuf_init(&b);
	sbuf_add(&b, "");
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		sbuf_addf(&b, "%s%s: %lld", b.len > 0 ? ";  " : "",
		    *rep_col(st, 0) != '\0' ? rep_col(st, 0) : _("no class"),
		    sqlite3_column_int64(st, 1));
	sqlite3_finalize(st);
	if (step != SQLITE_DONE) {
		sbuf_free(&b);
		return (db_fail(db, err, _("counting the pupils")));
	}
	report_para(r, b.len > 0 ? b.s : _("There are no pupils."));

	/* The register, streamed: one row in memory at a time. */
	if ((st = db_prepare(db, "SELECT category, last, first, patronymic, "
	    "class, organisation, birth, is_mentor, is_mentee FROM person "
	    "ORDER BY " REP_CAT_ORDER ", class_key, sort_key, id", err)) == NULL) {
		sbuf_free(&b);
		return (-1);
	}
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		cat = rep_col(st, 0);
		if (last == NULL || strcmp(last, cat) != 0) {
			free(last);
			last = xstrdup(cat);
			report_table_end(r);
			catn = person_category_parse(cat);
			report_heading(r, catn >= 0 ?
			    person_category_label(catn) : cat);
			report_table(r, c, (int)nitems(c));
			n = 0;
		}
		name = rep_full_name(rep_col(st, 1), rep_col(st, 2),
		    rep_col(st, 3));
		sbuf_reset(&b);
		if (sqlite3_column_int(st, 7))
			sbuf_add(&b, _("mentor"));
		if (sqlite3_column_int(st, 8))
			sbuf_addf(&b, "%s%s", b.len > 0 ? ", " : "",
			    _("mentee"));
		cells[0] = rep_int(++n);
		cells[1] = name;
		cells[2] = *rep_col(st, 4) != '\0' ? rep_col(st, 4) :
		    rep_col(st, 5);
		cells[3] = rep_date(rep_col(st, 6));
		cells[4] = b.s != NULL ? b.s : "";
		report_row(r, cells);
		free(name);
	}
	sqlite3_finalize(st);
	report_table_end(r);
	free(last);
	sbuf_free(&b);
	if (step != SQLITE_DONE)
		return (db_fail(db, err, _("reading the participants")));
	return (0);
}
