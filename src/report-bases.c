/* report-bases.c: the printed registers: the bases of mentees and mentors, consents and who owes them. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "consent.h"
#include "date.h"
#include "pair.h"
#include "person.h"
#include "report-int.h"
#include "report.h"
#include "util.h"

static void
rep_titles(struct report_col *c, const struct report_col *from, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		c[i] = from[i];
		c[i].title = _(from[i].title);
	}
}

/* "pupil-pupil,teacher-pupil" as their labels. */
static void
rep_forms(struct sbuf *b, const char *codes)
{
	char	*s, *p, *tok;
	int	 f;

	s = xstrdup(codes);
	for (p = s; (tok = strsep(&p, ",")) != NULL; ) {
		if (*tok == '\0')
			continue;
		f = pair_form_parse(tok);
		sbuf_addf(b, "%s%s", b->len > 0 ? "; " : "",
		    f >= 0 ? pair_form_label(f) : tok);
	}
	free(s);
}

/* The other side of a person's pairs: names, forms, the span of dates. */
#define REP_SIDE_SQL(role, other) \
	"(SELECT group_concat(nm, '; ') FROM (SELECT DISTINCT o.last || ' ' " \
	"|| substr(o.first, 1, 1) || '.' || CASE WHEN o.patronymic <> '' " \
	"THEN ' ' || substr(o.patronymic, 1, 1) || '.' ELSE '' END AS nm " \
	"FROM pair_member me JOIN pair_member om ON om.pair_id = me.pair_id " \
	"AND om.role = '" other "' JOIN person o ON o.id = om.person_id " \
	"WHERE me.person_id = p.id AND me.role = '" role "')), " \
	"(SELECT group_concat(DISTINCT pr.form) FROM pair_member me JOIN " \
	"pair pr ON pr.id = me.pair_id WHERE me.person_id = p.id AND " \
	"me.role = '" role "'), " \
	"(SELECT min(pr.date_from) FROM pair_member me JOIN pair pr ON " \
	"pr.id = me.pair_id WHERE me.person_id = p.id AND me.role = '" \
	role "'), " \
	"(SELECT max(pr.date_to) FROM pair_member me JOIN pair pr ON " \
	"pr.id = me.pair_id WHERE me.person_id = p.id AND me.role = '" \
	role "')"

/* Names, forms and dates of columns i .. i+3 as one cell. */
static void
rep_side(struct sbuf *b, sqlite3_stmt *st, int i)
{
	sbuf_reset(b);
	sbuf_add(b, rep_col(st, i));
	if (*rep_col(st, i + 1) != '\0') {
		struct sbuf	f;

		sbuf_init(&f);
		sbuf_add(&f, "");
		rep_forms(&f, rep_col(st, i + 1));
		sbuf_addf(b, "%s%s", b->len > 0 ? "; " : "", f.s);
		sbuf_free(&f);
	}
	if (*rep_col(st, i + 2) != '\0' || *rep_col(st, i + 3) != '\0')
		sbuf_addf(b, "; %s – %s", rep_date(rep_col(st, i + 2)),
		    rep_date(rep_col(st, i + 3)));
}

/* A pupil's class, or where an adult works. */
static void
rep_place(struct sbuf *b, sqlite3_stmt *st, int cls, int org)
{
	sbuf_reset(b);
	if (*rep_col(st, cls) != '\0')
		sbuf_addf(b, _("class %s"), rep_col(st, cls));
	else
		sbuf_add(b, rep_col(st, org));
}

int
report_mentees(struct db *db, const struct report_opts *o, struct report *r,
    struct nerr *err)
{
	static const struct report_col cols[] = {
		{ N_("No."), 5, 0, 1 },
		{ N_("Mentee"), 10, 4, 0 },
		{ N_("Request"), 8, 4, 0 },
		{ N_("Entered"), 10, 0, 0 },
		{ N_("Mentor, form, dates"), 10, 5, 0 },
		{ N_("Result"), 6, 2, 0 },
	};
	struct report_col	 c[nitems(cols)];
	sqlite3_stmt		*st;
	struct sbuf		 who, side;
	const char		*cells[nitems(cols)];
	char			*name;
	long long		 n = 0;
	int			 step;

	(void)o;
	rep_titles(c, cols, nitems(cols));
	if ((st = db_prepare(db, "SELECT p.last, p.first, p.patronymic, "
	    "p.class, p.organisation, e.request, e.entered, e.result, "
	    REP_SIDE_SQL("mentee", "mentor") " FROM person p LEFT JOIN "
	    "mentee e ON e.person_id = p.id WHERE p.is_mentee = 1 "
	    "ORDER BY p.sort_key, p.id", err)) == NULL)
		return (-1);
	sbuf_init(&who);
	sbuf_init(&side);
	report_table(r, c, (int)nitems(c));
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		name = rep_full_name(rep_col(st, 0), rep_col(st, 1),
		    rep_col(st, 2));
		rep_place(&who, st, 3, 4);
		if (who.len > 0) {
			char	*t;

			xasprintf(&t, "%s, %s", name, who.s);
			free(name);
			name = t;
		}
		rep_side(&side, st, 8);
		cells[0] = rep_int(++n);
		cells[1] = name;
		cells[2] = rep_col(st, 5);
		cells[3] = rep_date(rep_col(st, 6));
		cells[4] = side.s != NULL ? side.s : "";
		cells[5] = rep_col(st, 7);
		report_row(r, cells);
		free(name);
	}
	sqlite3_finalize(st);
	report_table_end(r);
	sbuf_free(&who);
	sbuf_free(&side);
	if (step != SQLITE_DONE)
		return (db_fail(db, err, _("reading the base of mentees")));
	sbuf_init(&who);
	sbuf_addf(&who, ngettext("%lld mentee in the base.",
	    "%lld mentees in the base.", (unsigned long)n), n);
	report_blank(r);
	report_para(r, who.s);
	sbuf_free(&who);
	return (0);
}

int
report_mentors(struct db *db, const struct report_opts *o, struct report *r,
    struct nerr *err)
{
	static const struct report_col cols[] = {
		{ N_("No."), 5, 0, 1 },
		{ N_("Mentor"), 10, 4, 0 },
		{ N_("Competencies"), 8, 4, 0 },
		{ N_("Status, order"), 8, 2, 0 },
		{ N_("Mentees, form, dates"), 8, 5, 0 },
		{ N_("Certificates"), 10, 1, 0 },
	};
	struct report_col	 c[nitems(cols)];
	sqlite3_stmt		*st;
	struct sbuf		 who, side, stat, cert;
	const char		*cells[nitems(cols)];
	char			*name;
	long long		 n = 0;
	int			 step, ms;

	(void)o;
	rep_titles(c, cols, nitems(cols));
	if ((st = db_prepare(db, "SELECT p.last, p.first, p.patronymic, "
	    "p.class, p.organisation, m.competencies, m.status, "
	    "m.approved_order, m.crim_date, m.med_date, "
	    REP_SIDE_SQL("mentor", "mentee") " FROM person p LEFT JOIN "
	    "mentor m ON m.person_id = p.id WHERE p.is_mentor = 1 "
	    "ORDER BY p.sort_key, p.id", err)) == NULL)
		return (-1);
	sbuf_init(&who);
	sbuf_init(&side);
	sbuf_init(&stat);
	sbuf_init(&cert);
	report_table(r, c, (int)nitems(c));
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		name = rep_full_name(rep_col(st, 0), rep_col(st, 1),
		    rep_col(st, 2));
		rep_place(&who, st, 3, 4);
		if (who.len > 0) {
			char	*t;

			xasprintf(&t, "%s, %s", name, who.s);
			free(name);
			name = t;
		}
		sbuf_reset(&stat);
		sbuf_add(&stat, "");
		if ((ms = mentor_status_parse(rep_col(st, 6))) >= 0)
			sbuf_add(&stat, mentor_status_label(ms));
		if (*rep_col(st, 7) != '\0')
			sbuf_addf(&stat, "%s%s", stat.len > 0 ? ", " : "",
			    rep_col(st, 7));
		sbuf_reset(&cert);
		sbuf_add(&cert, "");
		if (*rep_col(st, 8) != '\0')
			sbuf_addf(&cert, _("record %s"),
			    rep_date(rep_col(st, 8)));
		if (*rep_col(st, 9) != '\0')
			sbuf_addf(&cert, _("%smedical %s"),
			    cert.len > 0 ? "; " : "",
			    rep_date(rep_col(st, 9)));
		rep_side(&side, st, 10);
		cells[0] = rep_int(++n);
		cells[1] = name;
		cells[2] = rep_col(st, 5);
		cells[3] = stat.s;
		cells[4] = side.s != NULL ? side.s : "";
		cells[5] = cert.s;
		report_row(r, cells);
		free(name);
	}
	sqlite3_finalize(st);
	report_table_end(r);
	sbuf_free(&who);
	sbuf_free(&side);
	sbuf_free(&stat);
	sbuf_free(&cert);
	if (step != SQLITE_DONE)
		return (db_fail(db, err, _("reading the base of mentors")));
	sbuf_init(&who);
	sbuf_addf(&who, ngettext("%lld mentor in the base.",
	    "%lld mentors in the base.", (unsigned long)n), n);
	report_blank(r);
	report_para(r, who.s);
	sbuf_free(&who);
	return (0);
}

/* ---- consents ---- */

/* A consent of kind K valid today for the person p. */
#define REP_VALID(kind) \
	"EXISTS (SELECT 1 FROM consent cv WHERE cv.person_id = p.id AND " \
	"cv.kind = '" kind "' AND cv.signed <= ?1 AND (cv.revoked IS NULL " \
	"OR cv.revoked > ?1) AND (cv.valid_until IS NULL OR " \
	"cv.valid_until >= ?1))"

static int
rep_coverage(struct db *db, struct report *r, int by, struct nerr *err)
{
	static const struct report_col cols[] = {
		{ N_("Group"), 14, 3, 0 },
		{ N_("People"), 7, 0, 1 },
		{ N_("Covered"), 7, 0, 1 },
		{ N_("Share"), 6, 0, 1 },
		{ N_("Target"), 6, 0, 1 },
		{ N_("Short"), 6, 0, 1 },
	};
	struct report_col	 c[nitems(cols)];
	struct consent_cov	*cov = NULL;
	const char		*cells[nitems(cols)];
	int			 n = 0, i;

	rep_titles(c, cols, nitems(cols));
	if (consent_coverage(db, by, &cov, &n, err) == -1)
		return (-1);
	report_table(r, c, (int)nitems(c));
	for (i = 0; i < n; i++) {
		cells[0] = i == n - 1 ? _("Total") : cov[i].group;
		cells[1] = rep_int(cov[i].total);
		cells[2] = rep_int(cov[i].covered);
		cells[3] = rep_pct(cov[i].covered, cov[i].total);
		cells[4] = "100 %";
		cells[5] = rep_int(cov[i].total - cov[i].covered);
		if (i == n - 1)
			report_total(r, cells);
		else
			report_row(r, cells);
	}
	report_table_end(r);
	consent_coverage_free(cov, n);
	return (0);
}

int
report_consents(struct db *db, const struct report_opts *o, struct report *r,
    struct nerr *err)
{
	static const struct report_col cols[] = {
		{ N_("No."), 5, 0, 1 },
		{ N_("Full name"), 12, 4, 0 },
		{ N_("Class or category"), 9, 1, 0 },
		{ N_("Owes"), 10, 4, 0 },
		{ N_("Who signs"), 8, 3, 0 },
	};
	struct report_col	 c[nitems(cols)];
	sqlite3_stmt		*st;
	struct sbuf		 owes, who;
	const char		*cells[nitems(cols)];
	char			*name;
	long long		 n = 0;
	int			 step, cat, age, adult, cage;

	(void)o;
	report_heading(r, _("Coverage by category"));
	if (rep_coverage(db, r, 0, err) == -1)
		return (-1);
	report_heading(r, _("Coverage of pupils by class"));
	if (rep_coverage(db, r, 1, err) == -1)
		return (-1);

	/*
	 * Who owes which paper: processing from everyone; participation
	 * from those in the programme; a teacher who mentors, the extra
	 * duties.  Anonymised people owe nothing (their data is gone).
	 */
	report_heading(r, _("Who still owes a paper"));
	rep_titles(c, cols, nitems(cols));
	if ((st = db_prepare(db, "SELECT * FROM (SELECT p.last, p.first, "
	    "p.patronymic, p.class, p.category, p.birth, "
	    "NOT " REP_VALID("pd") " AS pd, "
	    "(p.is_mentor OR p.is_mentee) AND NOT " REP_VALID("participation")
	    " AS part, "
	    "p.is_mentor AND p.category IN ('teacher', 'young-specialist') AND "
	    "NOT " REP_VALID("mentor-duties") " AS duty, "
	    "(SELECT r.name || CASE WHEN r.relation <> '' THEN ' (' || "
	    "r.relation || ')' ELSE '' END FROM representative r WHERE "
	    "r.person_id = p.id ORDER BY r.id LIMIT 1), p.class_key, "
	    "p.sort_key, p.id FROM person p WHERE p.anonymised = 0) "
	    "WHERE pd OR part OR duty ORDER BY class_key, sort_key, id",
	    err)) == NULL)
		return (-1);
	sqlite3_bind_text(st, 1, date_today(), -1, SQLITE_TRANSIENT);
	cage = consent_age(db);
	sbuf_init(&owes);
	sbuf_init(&who);
	report_table(r, c, (int)nitems(c));
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		name = rep_full_name(rep_col(st, 0), rep_col(st, 1),
		    rep_col(st, 2));
		cat = person_category_parse(rep_col(st, 4));
		sbuf_reset(&owes);
		sbuf_add(&owes, "");
		if (sqlite3_column_int(st, 6))
			sbuf_add(&owes, consent_kind_label(CK_PD));
		if (sqlite3_column_int(st, 7))
			sbuf_addf(&owes, "%s%s", owes.len > 0 ? "; " : "",
			    consent_kind_label(CK_PARTICIPATION));
		if (sqlite3_column_int(st, 8))
			sbuf_addf(&owes, "%s%s", owes.len > 0 ? "; " : "",
			    consent_kind_label(CK_MENTOR_DUTIES));
		age = date_age(rep_col(st, 5), date_today());
		adult = age >= 0 ? age >= cage : cat != CAT_PUPIL;
		sbuf_reset(&who);
		sbuf_add(&who, "");
		if (adult)
			sbuf_add(&who, _("in person"));
		else if (*rep_col(st, 9) != '\0')
			sbuf_add(&who, rep_col(st, 9));
		else
			sbuf_add(&who, _("legal representative (not "
			    "recorded)"));
		cells[0] = rep_int(++n);
		cells[1] = name;
		cells[2] = *rep_col(st, 3) != '\0' ? rep_col(st, 3) :
		    (cat >= 0 ? person_category_label(cat) : "");
		cells[3] = owes.s;
		cells[4] = who.s;
		report_row(r, cells);
		free(name);
	}
	sqlite3_finalize(st);
	report_table_end(r);
	sbuf_free(&owes);
	sbuf_free(&who);
	if (step != SQLITE_DONE)
		return (db_fail(db, err, _("reading the consents owed")));
	if (n == 0)
		report_para(r, _("Nobody owes a paper."));
	return (0);
}
