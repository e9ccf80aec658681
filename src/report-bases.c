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

/*
 * The other side of everyone's pairs (names, forms, the span of dates),
 * read in one pass over pair_member and kept by person id: a register of
 * 40 000 mentees asking for each one's pairs row by row spends most of
 * its time in lookups.  Per person: the other side's short names without
 * repeats, in the order of the pair and then of the person; the forms
 * without repeats in the order of the pair; the first start and the last
 * end of them all.
 */
struct rep_side_ent {
	long long	 id;
	char		*cell;
};
struct rep_sides {
	struct rep_side_ent	*v;
	size_t			 n;
};

#define REP_SIDE_SQL(role, other) \
	"SELECT me.person_id, pr.form, pr.date_from, pr.date_to, " \
	"o.last || ' ' || substr(o.first, 1, 1) || '.' || CASE WHEN " \
	"o.patronymic <> '' THEN ' ' || substr(o.patronymic, 1, 1) || '.' " \
	"ELSE '' END FROM pair_member me JOIN pair pr ON pr.id = me.pair_id " \
	"LEFT JOIN pair_member om ON om.pair_id = me.pair_id AND om.role = '" \
	other "' LEFT JOIN person o ON o.id = om.person_id WHERE me.role = '" \
	role "' ORDER BY me.person_id, me.pair_id, om.person_id"

/* Is item one of the n strings of v? */
static int
rep_has_item(char *const *v, size_t n, const char *item)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i], item) == 0)
			return (1);
	return (0);
}

/* Add item to the set v unless it is there; 0: it was. */
static int
rep_set_add(char ***v, size_t *n, const char *item)
{
	if (rep_has_item(*v, *n, item))
		return (0);
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = xstrdup(item);
	return (1);
}

static void
rep_set_clear(char **v, size_t *n)
{
	while (*n > 0)
		free(v[--*n]);
}

/* Names, forms and dates as one cell. */
static void
rep_side_cell(struct sbuf *b, const char *names, const char *forms,
    const char *from, const char *to)
{
	sbuf_reset(b);
	sbuf_add(b, "");
	sbuf_add(b, names);
	if (*forms != '\0') {
		struct sbuf	f;

		sbuf_init(&f);
		sbuf_add(&f, "");
		rep_forms(&f, forms);
		sbuf_addf(b, "%s%s", b->len > 0 ? "; " : "", f.s);
		sbuf_free(&f);
	}
	if (*from != '\0' || *to != '\0')
		sbuf_addf(b, "; %s – %s", rep_date(from), rep_date(to));
}

static void
rep_sides_free(struct rep_sides *s)
{
	size_t	i;

	for (i = 0; i < s->n; i++)
		free(s->v[i].cell);
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

static int
rep_sides_load(struct db *db, const char *sql, struct rep_sides *out,
    struct nerr *err)
{
	sqlite3_stmt	*st;
	struct sbuf	 names, forms, cell;
	char		*from = NULL, *to = NULL, **nv = NULL, **fv = NULL;
	const char	*v;
	long long	 id, cur = -1;
	size_t		 cap = 0, nn = 0, nf = 0;
	int		 step;

	memset(out, 0, sizeof *out);
	if ((st = db_prepare(db, sql, err)) == NULL)
		return (-1);
	sbuf_init(&names);
	sbuf_init(&forms);
	sbuf_init(&cell);
	for (;;) {
		step = sqlite3_step(st);
		id = step == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
		if (cur != -1 && id != cur) {
			rep_side_cell(&cell, names.s != NULL ? names.s : "",
			    forms.s != NULL ? forms.s : "", str_or(from, ""),
			    str_or(to, ""));
			if (out->n == cap) {
				cap = cap ? cap * 2 : 1024;
				out->v = xreallocarray(out->v, cap,
				    sizeof *out->v);
			}
			out->v[out->n].id = cur;
			out->v[out->n++].cell = xstrdup(cell.s);
		}
		if (step != SQLITE_ROW)
			break;
		if (id != cur) {
			cur = id;
			sbuf_reset(&names);
			sbuf_reset(&forms);
			rep_set_clear(nv, &nn);
			rep_set_clear(fv, &nf);
			free(from);
			free(to);
			from = to = NULL;
		}
		/* What group_concat(DISTINCT), min() and max() would give. */
		if (sqlite3_column_type(st, 1) != SQLITE_NULL &&
		    rep_set_add(&fv, &nf, v = rep_col(st, 1)))
			sbuf_addf(&forms, "%s%s", forms.len > 0 ? "," : "", v);
		if (sqlite3_column_type(st, 2) != SQLITE_NULL &&
		    (from == NULL || strcmp(rep_col(st, 2), from) < 0)) {
			free(from);
			from = xstrdup(rep_col(st, 2));
		}
		if (sqlite3_column_type(st, 3) != SQLITE_NULL &&
		    (to == NULL || strcmp(rep_col(st, 3), to) > 0)) {
			free(to);
			to = xstrdup(rep_col(st, 3));
		}
		if (sqlite3_column_type(st, 4) != SQLITE_NULL &&
		    rep_set_add(&nv, &nn, v = rep_col(st, 4)))
			sbuf_addf(&names, "%s%s", nn > 1 ? "; " : "", v);
	}
	sqlite3_finalize(st);
	rep_set_clear(nv, &nn);
	rep_set_clear(fv, &nf);
	free(nv);
	free(fv);
	sbuf_free(&names);
	sbuf_free(&forms);
	sbuf_free(&cell);
	free(from);
	free(to);
	if (step != SQLITE_DONE) {
		rep_sides_free(out);
		return (db_fail(db, err, _("reading the pairs")));
	}
	return (0);
}

static int
rep_side_cmp(const void *a, const void *b)
{
	const struct rep_side_ent	*x = a, *y = b;

	return (x->id < y->id ? -1 : x->id > y->id);
}

/* The person's cell ("" for nobody paired). */
static const char *
rep_side(const struct rep_sides *s, long long id)
{
	struct rep_side_ent	 key, *e;

	key.id = id;
	e = s->n > 0 ? bsearch(&key, s->v, s->n, sizeof *s->v,
	    rep_side_cmp) : NULL;
	return (e != NULL ? e->cell : "");
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
	struct rep_sides	 sides;
	struct sbuf		 who;
	const char		*cells[nitems(cols)];
	char			*name;
	long long		 n = 0;
	int			 step;

	(void)o;
	rep_titles(c, cols, nitems(cols));
	if ((st = db_prepare(db, "SELECT p.last, p.first, p.patronymic, "
	    "p.class, p.organisation, e.request, e.entered, e.result, p.id "
	    /*
	     * Four in ten of everyone: reading the table through and
	     * sorting beats a lookup a row in the order of names.
	     */
	    "FROM person p NOT INDEXED LEFT JOIN mentee e ON e.person_id = "
	    "p.id WHERE p.is_mentee = 1 ORDER BY p.sort_key, p.id",
	    err)) == NULL)
		return (-1);
	if (rep_sides_load(db, REP_SIDE_SQL("mentee", "mentor"), &sides,
	    err) == -1) {
		sqlite3_finalize(st);
		return (-1);
	}
	sbuf_init(&who);
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
		cells[0] = rep_int(++n);
		cells[1] = name;
		cells[2] = rep_col(st, 5);
		cells[3] = rep_date(rep_col(st, 6));
		cells[4] = rep_side(&sides, sqlite3_column_int64(st, 8));
		cells[5] = rep_col(st, 7);
		report_row(r, cells);
		free(name);
	}
	sqlite3_finalize(st);
	report_table_end(r);
	sbuf_free(&who);
	rep_sides_free(&sides);
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
	struct rep_sides	 sides;
	struct sbuf		 who, stat, cert;
	const char		*cells[nitems(cols)];
	char			*name;
	long long		 n = 0;
	int			 step, ms;

	(void)o;
	rep_titles(c, cols, nitems(cols));
	if ((st = db_prepare(db, "SELECT p.last, p.first, p.patronymic, "
	    "p.class, p.organisation, m.competencies, m.status, "
	    "m.approved_order, m.crim_date, m.med_date, p.id FROM person p "
	    "LEFT JOIN mentor m ON m.person_id = p.id WHERE p.is_mentor = 1 "
	    "ORDER BY p.sort_key, p.id", err)) == NULL)
		return (-1);
	if (rep_sides_load(db, REP_SIDE_SQL("mentor", "mentee"), &sides,
	    err) == -1) {
		sqlite3_finalize(st);
		return (-1);
	}
	sbuf_init(&who);
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
		cells[0] = rep_int(++n);
		cells[1] = name;
		cells[2] = rep_col(st, 5);
		cells[3] = stat.s;
		cells[4] = rep_side(&sides, sqlite3_column_int64(st, 10));
		cells[5] = cert.s;
		report_row(r, cells);
		free(name);
	}
	sqlite3_finalize(st);
	report_table_end(r);
	sbuf_free(&who);
	rep_sides_free(&sides);
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

/*
 * Which kinds of consent each person has valid today (?1): one pass over
 * consent, grouped, instead of three lookups a person.
 */
#define REP_VALID_KINDS \
	"(SELECT cv.person_id, max(cv.kind = 'pd') AS pd, " \
	"max(cv.kind = 'participation') AS part, " \
	"max(cv.kind = 'mentor-duties') AS duty FROM consent cv WHERE " \
	"cv.signed <= ?1 AND (cv.revoked IS NULL OR cv.revoked > ?1) AND " \
	"(cv.valid_until IS NULL OR cv.valid_until >= ?1) " \
	"GROUP BY cv.person_id)"

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
	struct sbuf		 owes;
	const char		*cells[nitems(cols)], *catl[CAT__COUNT];
	const char		*today, *lpd, *lpart, *lduty, *lself, *lrep;
	char			*name;
	long long		 n = 0;
	int			 step, cat, age, adult, cage, k;

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
	    "c.pd IS NOT 1 AS pd, "
	    "(p.is_mentor OR p.is_mentee) AND c.part IS NOT 1 AS part, "
	    "p.is_mentor AND p.category IN ('teacher', 'young-specialist') AND "
	    "c.duty IS NOT 1 AS duty, "
	    "(SELECT r.name || CASE WHEN r.relation <> '' THEN ' (' || "
	    "r.relation || ')' ELSE '' END FROM representative r WHERE "
	    "r.person_id = p.id ORDER BY r.id LIMIT 1), p.class_key, "
	    /* Nearly everyone: through the table, then one sort. */
	    "p.sort_key, p.id FROM person p NOT INDEXED LEFT JOIN "
	    REP_VALID_KINDS " c ON c.person_id = p.id WHERE p.anonymised = 0) "
	    "WHERE pd OR part OR duty ORDER BY class_key, sort_key, id",
	    err)) == NULL)
		return (-1);
	sqlite3_bind_text(st, 1, date_today(), -1, SQLITE_TRANSIENT);
	cage = consent_age(db);
	/* The same few labels on 100 000 rows: look them up once. */
	today = date_today();
	for (k = 0; k < CAT__COUNT; k++)
		catl[k] = person_category_label(k);
	lpd = consent_kind_label(CK_PD);
	lpart = consent_kind_label(CK_PARTICIPATION);
	lduty = consent_kind_label(CK_MENTOR_DUTIES);
	lself = _("in person");
	lrep = _("legal representative (not recorded)");
	sbuf_init(&owes);
	report_table(r, c, (int)nitems(c));
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		name = rep_full_name(rep_col(st, 0), rep_col(st, 1),
		    rep_col(st, 2));
		cat = person_category_parse(rep_col(st, 4));
		sbuf_reset(&owes);
		sbuf_add(&owes, "");
		if (sqlite3_column_int(st, 6))
			sbuf_add(&owes, lpd);
		if (sqlite3_column_int(st, 7)) {
			if (owes.len > 0)
				sbuf_add(&owes, "; ");
			sbuf_add(&owes, lpart);
		}
		if (sqlite3_column_int(st, 8)) {
			if (owes.len > 0)
				sbuf_add(&owes, "; ");
			sbuf_add(&owes, lduty);
		}
		age = date_age(rep_col(st, 5), today);
		adult = age >= 0 ? age >= cage : cat != CAT_PUPIL;
		cells[0] = rep_int(++n);
		cells[1] = name;
		cells[2] = *rep_col(st, 3) != '\0' ? rep_col(st, 3) :
		    (cat >= 0 ? catl[cat] : "");
		cells[3] = owes.s;
		cells[4] = adult ? lself : *rep_col(st, 9) != '\0' ?
		    rep_col(st, 9) : lrep;
		report_row(r, cells);
		free(name);
	}
	sqlite3_finalize(st);
	report_table_end(r);
	sbuf_free(&owes);
	if (step != SQLITE_DONE)
		return (db_fail(db, err, _("reading the consents owed")));
	if (n == 0)
		report_para(r, _("Nobody owes a paper."));
	return (0);
}
