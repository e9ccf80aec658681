/* consent-report.c: consent coverage and the printable list of who still owes a paper. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "consent.h"
#include "consent-int.h"
#include "date.h"
#include "db.h"
#include "person.h"
#include "text.h"
#include "util.h"

#define PD_VALID_1 CONSENT_PD_VALID_SQL("p.id", "?1")

int
consent_pct(int covered, int total)
{
	if (total <= 0)
		return (100);
	return ((int)((long long)covered * 100 / total));
}

static void
cov_add(struct consent_cov **v, int *n, const char *group, int total,
    int covered)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[*n].group = xstrdup(group);
	(*v)[*n].total = total;
	(*v)[*n].covered = covered;
	(*n)++;
}

int
consent_coverage(struct db *db, int by, struct consent_cov **out, int *np,
    struct nerr *err)
{
	sqlite3_stmt		*st;
	struct consent_cov	*v = NULL;
	const char		*cls;
	int			 n = 0, rc, k, t, c, total = 0, covered = 0;
	int			 tot[CAT__COUNT], cov[CAT__COUNT];

	*out = NULL;
	*np = 0;
	if (by == 0)
		/*
		 * Through the table: by the category index it would be a
		 * row lookup for each of 100 000 people.
		 */
		st = db_prepare(db, "SELECT category, count(*), sum("
		    PD_VALID_1 ") FROM person p NOT INDEXED WHERE "
		    "anonymised = 0 GROUP BY category", err);
	else
		st = db_prepare(db, "SELECT class, count(*), sum(" PD_VALID_1
		    ") FROM person p WHERE anonymised = 0 AND category = "
		    "'pupil' GROUP BY class_key ORDER BY class_key = '', "
		    "class_key", err);
	if (st == NULL)
		return (-1);
	sqlite3_bind_text(st, 1, date_today(), -1, SQLITE_TRANSIENT);
	memset(tot, 0, sizeof tot);
	memset(cov, 0, sizeof cov);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		t = sqlite3_column_int(st, 1);
		c = sqlite3_column_int(st, 2);
		total += t;
		covered += c;
		if (by == 0) {
			k = person_category_parse(
			    (const char *)sqlite3_column_text(st, 0));
			if (k >= 0) {
				tot[k] = t;
				cov[k] = c;
			}
			continue;
		}
		cls = (const char *)sqlite3_column_text(st, 0);
		cov_add(&v, &n, str_empty(cls) ? _("without a class") : cls,
		    t, c);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		consent_coverage_free(v, n);
		return (db_fail(db, err, _("counting consents")));
	}
	/* Categories in their usual order, those with nobody left out. */
	for (k = 0; by == 0 && k < CAT__COUNT; k++) {
		if (tot[k] > 0)
			cov_add(&v, &n, person_category_label(k), tot[k],
			    cov[k]);
	}
	cov_add(&v, &n, _("Total"), total, covered);
	*out = v;
	*np = n;
	return (0);
}

void
consent_coverage_free(struct consent_cov *v, int n)
{
	int	i;

	for (i = 0; i < n; i++)
		free(v[i].group);
	free(v);
}

/* Right-align a number in width columns (digits are one column each). */
static void
add_num(struct sbuf *b, const char *s, int width)
{
	int	w;

	for (w = text_width(s); w < width; w++)
		sbuf_addc(b, ' ');
	sbuf_add(b, s);
}

/* Drop spaces at the end of the text so far: printers do not need them. */
static void
trim_end(struct sbuf *b)
{
	while (b->len > 0 && b->s[b->len - 1] == ' ')
		b->s[--b->len] = '\0';
}

static void
cov_line(struct sbuf *b, const char *group, const char *c, const char *t,
    const char *pct)
{
	text_fit(b, group, 44, 0);
	add_num(b, c, 12);
	add_num(b, t, 12);
	add_num(b, pct, 12);
	trim_end(b);
	sbuf_addc(b, '\n');
}

int
consent_coverage_text(struct db *db, int by, struct sbuf *b,
    struct nerr *err)
{
	struct consent_cov	*v;
	char			 d[DATE_ISO_LEN], c[32], t[32], p[32], *s;
	int			 n, i, w;

	if (consent_coverage(db, by, &v, &n, err) != 0)
		return (-1);
	date_show(date_today(), d);
	consent_center(b, by == 0 ? _("Consents to personal-data processing "
	    "by category") : _("Consents to personal-data processing of "
	    "pupils by class"), CONSENT_WIDTH);
	xasprintf(&s, _("as of %s"), d);
	consent_center(b, s, CONSENT_WIDTH);
	free(s);
	sbuf_addc(b, '\n');
	cov_line(b, by == 0 ? _("Category") : _("Class"), _("Covered"),
	    _("Total"), _("Share"));
	for (i = 0; i < n; i++) {
		if (i == n - 1) {
			for (w = 0; w < CONSENT_WIDTH; w++)
				sbuf_addc(b, '-');
			sbuf_addc(b, '\n');
		}
		snprintf(c, sizeof c, "%d", v[i].covered);
		snprintf(t, sizeof t, "%d", v[i].total);
		snprintf(p, sizeof p, _("%d %%"), consent_pct(v[i].covered,
		    v[i].total));
		cov_line(b, v[i].group, c, t, v[i].total > 0 ? p : "-");
	}
	sbuf_addc(b, '\n');
	sbuf_addf(b, _("The target is 100%% of participants."));
	sbuf_addc(b, '\n');
	consent_coverage_free(v, n);
	return (0);
}

/* ---- who owes a paper ---- */

/* How many are in a group and how many of them are covered. */
static int
owed_group_count(struct db *db, const char *cat, const char *class_key,
    int *total, int *covered, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_prepare(db, "SELECT count(*), sum(" PD_VALID_1 ") FROM "
	    "person p WHERE anonymised = 0 AND category = ?2 AND "
	    "(?3 IS NULL OR class_key = ?3)", err)) == NULL)
		return (-1);
	sqlite3_bind_text(st, 1, date_today(), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, cat, -1, SQLITE_TRANSIENT);
	if (class_key != NULL)
		sqlite3_bind_text(st, 3, class_key, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	*total = sqlite3_column_int(st, 0);
	*covered = sqlite3_column_int(st, 1);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return (db_fail(db, err, _("counting consents")));
	return (0);
}

/* "Педагог": a category label as a heading. */
static char *
capitalise(const char *s)
{
	struct sbuf	b;
	uint32_t	cp;
	char		enc[4];
	size_t		n;

	sbuf_init(&b);
	n = utf8_decode(s, strlen(s), &cp);
	sbuf_addn(&b, enc, utf8_encode(text_upper(cp), enc));
	sbuf_add(&b, s + n);
	return (sbuf_take(&b));
}

static int
owed_heading(struct db *db, struct sbuf *b, int cat, const char *class_,
    const char *class_key, struct nerr *err)
{
	char	*group, *line;
	int	 total, covered;

	if (owed_group_count(db, person_category_code(cat),
	    cat == CAT_PUPIL ? class_key : NULL, &total, &covered, err) != 0)
		return (-1);
	if (cat != CAT_PUPIL)
		group = capitalise(person_category_label(cat));
	else if (!str_empty(class_))
		xasprintf(&group, _("Class %s"), class_);
	else
		group = xstrdup(_("Pupils without a class"));
	xasprintf(&line, _("%s: %d of %d without a consent (%d%% covered)"),
	    group, total - covered, total, consent_pct(covered, total));
	sbuf_addc(b, '\n');
	consent_wrap(b, line, CONSENT_WIDTH, 0);
	free(line);
	free(group);
	return (0);
}

/* One numbered line: name, birth date, and why the old paper no longer counts. */
static void
owed_line(struct sbuf *b, int no, const char *last, const char *first,
    const char *patr, const char *third, const char *why)
{
	char	*name;

	xasprintf(&name, "%s %s%s%s", str_or(last, ""), str_or(first, ""),
	    str_empty(patr) ? "" : " ", str_or(patr, ""));
	sbuf_addf(b, "%4d. ", no);
	text_fit(b, name, 40, 0);
	sbuf_add(b, "  ");
	text_fit(b, third, 10, 0);
	sbuf_add(b, "  ");
	text_fit(b, why, 20, 0);
	trim_end(b);
	sbuf_addc(b, '\n');
	free(name);
}

static char *
owed_case_order(void)
{
	struct sbuf	b;
	int		k;

	sbuf_init(&b);
	sbuf_add(&b, "CASE p.category");
	for (k = 0; k < CAT__COUNT; k++)
		sbuf_addf(&b, " WHEN '%s' THEN %d", person_category_code(k), k);
	sbuf_add(&b, " END");
	return (sbuf_take(&b));
}

/* The list proper; returns how many owe, or -1. */
static int
owed_list(struct db *db, struct sbuf *b, struct nerr *err)
{
	sqlite3_stmt	*st;
	struct sbuf	 sql;
	char		*order, d[DATE_ISO_LEN], rd[DATE_ISO_LEN], *why;
	char		*gkey = NULL;
	const char	*cls, *ckey, *rev, *end;
	int		 rc, cat, lastcat = -1, no = 0, total = 0, r = 0;

	order = owed_case_order();
	sbuf_init(&sql);
	sbuf_addf(&sql, "SELECT p.last, p.first, p.patronymic, p.category, "
	    "p.class, p.class_key, p.birth, (SELECT max(revoked) FROM consent "
	    "WHERE person_id = p.id AND kind = 'pd' AND revoked <= ?1), "
	    "(SELECT max(valid_until) FROM consent WHERE person_id = p.id AND "
	    "kind = 'pd' AND valid_until < ?1) FROM person p WHERE "
	    "p.anonymised = 0 AND NOT " PD_VALID_1 " ORDER BY %s, "
	    "p.class_key = '', p.class_key, p.sort_key, p.id", order);
	free(order);
	st = db_prepare(db, sql.s, err);
	sbuf_free(&sql);
	if (st == NULL)
		return (-1);
	sqlite3_bind_text(st, 1, date_today(), -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		cat = person_category_parse(
		    (const char *)sqlite3_column_text(st, 3));
		cls = (const char *)sqlite3_column_text(st, 4);
		ckey = (const char *)sqlite3_column_text(st, 5);
		if (cat != lastcat || (cat == CAT_PUPIL &&
		    strcmp(str_or(ckey, ""), str_or(gkey, "")) != 0)) {
			if (owed_heading(db, b, cat, cls, ckey, err) != 0) {
				r = -1;
				break;
			}
			free(gkey);
			gkey = xstrdup(str_or(ckey, ""));
			lastcat = cat;
			no = 0;
		}
		date_show((const char *)sqlite3_column_text(st, 6), d);
		rev = (const char *)sqlite3_column_text(st, 7);
		end = (const char *)sqlite3_column_text(st, 8);
		why = NULL;
		if (rev != NULL) {
			date_show(rev, rd);
			xasprintf(&why, _("revoked %s"), rd);
		} else if (end != NULL) {
			date_show(end, rd);
			xasprintf(&why, _("ended %s"), rd);
		}
		owed_line(b, ++no, (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1),
		    (const char *)sqlite3_column_text(st, 2), d,
		    str_or(why, ""));
		free(why);
		total++;
	}
	sqlite3_finalize(st);
	free(gkey);
	if (r == 0 && rc != SQLITE_DONE)
		return (db_fail(db, err, _("reading who owes a consent")));
	return (r == 0 ? total : -1);
}

/* Those covered only by a paper whose signer's name was not written down. */
static int
owed_unnamed(struct db *db, struct sbuf *b, struct nerr *err)
{
	sqlite3_stmt	*st;
	char		 d[DATE_ISO_LEN];
	int		 rc, no = 0;

	if ((st = db_prepare(db, "SELECT p.last, p.first, p.patronymic, "
	    "p.class, c.signed FROM person p JOIN consent c ON c.person_id = "
	    "p.id AND c.id = (SELECT id FROM consent WHERE person_id = p.id "
	    "AND kind = 'pd' AND signed <= ?1 AND (revoked IS NULL OR "
	    "revoked > ?1) AND (valid_until IS NULL OR valid_until >= ?1) "
	    "ORDER BY rep_name IS NULL, signed DESC, id DESC LIMIT 1) "
	    "WHERE p.anonymised = 0 AND c.by_representative = 1 AND "
	    "c.rep_name IS NULL ORDER BY p.class_key = '', p.class_key, "
	    "p.sort_key, p.id", err)) == NULL)
		return (-1);
	sqlite3_bind_text(st, 1, date_today(), -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (no == 0) {
			sbuf_addc(b, '\n');
			consent_wrap(b, _("Signed by a legal representative whose "
			    "name is not recorded (record who signed and their "
			    "relation):"), CONSENT_WIDTH, 0);
		}
		date_show((const char *)sqlite3_column_text(st, 4), d);
		owed_line(b, ++no, (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1),
		    (const char *)sqlite3_column_text(st, 2),
		    str_or((const char *)sqlite3_column_text(st, 3), ""), d);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return (db_fail(db, err, _("reading who owes a consent")));
	return (0);
}

int
consent_owed_text(struct db *db, struct sbuf *b, struct nerr *err)
{
	struct consent_cov	*v;
	char			 d[DATE_ISO_LEN], *school, *s;
	int			 n, owed, rc;
	size_t			 start = b->len;

	if (consent_coverage(db, 0, &v, &n, err) != 0)
		return (-1);
	school = db_setting(db, "school.name");
	if (!str_empty(school))
		consent_center(b, school, CONSENT_WIDTH);
	free(school);
	consent_center(b, _("Who still owes a consent to personal-data "
	    "processing"), CONSENT_WIDTH);
	date_show(date_today(), d);
	xasprintf(&s, _("as of %s"), d);
	consent_center(b, s, CONSENT_WIDTH);
	free(s);
	sbuf_addc(b, '\n');
	xasprintf(&s, _("Covered: %d of %d participants (%d%%); the target is "
	    "100%%."), v[n - 1].covered, v[n - 1].total,
	    consent_pct(v[n - 1].covered, v[n - 1].total));
	consent_wrap(b, s, CONSENT_WIDTH, 0);
	free(s);
	consent_coverage_free(v, n);
	if ((owed = owed_list(db, b, err)) < 0)
		rc = -1;
	else {
		if (owed == 0) {
			sbuf_addc(b, '\n');
			consent_wrap(b, _("Everyone has a valid consent to "
			    "personal-data processing."), CONSENT_WIDTH, 0);
		}
		rc = owed_unnamed(db, b, err);
	}
	if (rc != 0) {
		b->len = start;
		if (b->s != NULL)
			b->s[start] = '\0';
	}
	return (rc);
}
