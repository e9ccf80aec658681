/* indicator-figs.c: the figures behind the indicators, as of a date and as of the end of the quarter before, read in one pass each. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "indicator-int.h"
#include "monitor.h"
#include "pair.h"
#include "person.h"
#include "util.h"

/*
 * Every statement here is bound to both dates: ?1 the date, ?2 the first
 * day of its school year, ?3 the year's name; ?4, ?5, ?6 the same for the
 * end of the quarter before.  Each figure of a date is a conditional
 * aggregate (or a bit in C) over the rows of either, so the dashboard's
 * two columns cost one reading, not two.
 */
struct two {
	const char	*d[2], *ys[2], *year[2];
};

/* A pair taking part as of each date (see PAIR_LIVE_SQL). */
#define LIVE1_SQL							\
	"((p.date_from IS NULL OR p.date_from <= ?1) AND (p.date_to IS "	\
	"NULL OR p.date_to >= ?2))"
#define LIVE2_SQL							\
	"((p.date_from IS NULL OR p.date_from <= ?4) AND (p.date_to IS "	\
	"NULL OR p.date_to >= ?5))"
/* A row of table x dated in each date's window of its school year. */
#define IN1_SQL(x)	"(" x ".date <= ?1 AND " x ".date >= ?2)"
#define IN2_SQL(x)	"(" x ".date <= ?4 AND " x ".date >= ?5)"

int
indicator_cat(const char *code)
{
	int	c;

	for (c = 0; code != NULL && c < CAT__COUNT; c++)
		if (strcmp(code, person_category_code(c)) == 0)
			return (c);
	return (-1);
}

/* The first day of the school year of date, and the year's name. */
void
indicator_year_of(const char *date, char *start, char *year, size_t ylen)
{
	int	y;

	date_school_year(date, year, ylen);
	y = atoi(year);
	if (y < 1000 || y > 9998)
		y = 2000;
	snprintf(start, DATE_ISO_LEN, "%04d-09-01", y);
}

sqlite3_stmt *
indicator_prep(struct db *db, const char *sql, const char *d, const char *ys,
    const char *year, struct nerr *err)
{
	sqlite3_stmt	*st;

	if ((st = db_prepare(db, sql, err)) == NULL)
		return (NULL);
	sqlite3_bind_text(st, 1, d, -1, SQLITE_TRANSIENT);
	if (sqlite3_bind_parameter_count(st) >= 2)
		sqlite3_bind_text(st, 2, ys, -1, SQLITE_TRANSIENT);
	if (sqlite3_bind_parameter_count(st) >= 3)
		sqlite3_bind_text(st, 3, year, -1, SQLITE_TRANSIENT);
	return (st);
}

static sqlite3_stmt *
prep2(struct db *db, const char *sql, const struct two *t, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 i, n;

	if ((st = db_prepare(db, sql, err)) == NULL)
		return (NULL);
	n = sqlite3_bind_parameter_count(st);
	for (i = 0; i < 2; i++) {
		if (n >= 3 * i + 1)
			sqlite3_bind_text(st, 3 * i + 1, t->d[i], -1,
			    SQLITE_STATIC);
		if (n >= 3 * i + 2)
			sqlite3_bind_text(st, 3 * i + 2, t->ys[i], -1,
			    SQLITE_STATIC);
		if (n >= 3 * i + 3)
			sqlite3_bind_text(st, 3 * i + 3, t->year[i], -1,
			    SQLITE_STATIC);
	}
	return (st);
}

/* The end of a statement stepped to its last row; -1 with err. */
static int
done(struct db *db, sqlite3_stmt *st, int rc, struct nerr *err)
{
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return (db_fail(db, err, _("computing the indicators")));
	return (0);
}

/*
 * Who takes part, by category and role, and by form.  One person is
 * counted once however many pairs they are in: a bit a person, for each
 * date, role and form, sized by the largest person id.  Then one reading
 * of who is registered (the covering index person_live) counts everyone
 * by category and looks their bits up.  Sorting 60 000 members to make
 * them distinct, twice for each date, was most of the dashboard's time.
 */
enum { BM_ROLE = 0, BM_FORM = 2, BM__COUNT = 2 + PF__COUNT };

static int
figs_people(struct db *db, const struct two *t, struct figs *f,
    struct nerr *err)
{
	sqlite3_stmt	*st;
	unsigned char	*bits, *b;
	size_t		 len;
	long long	 maxid = 0, id;
	int		 rc, k, j, r, form, c, lc = -1;
	const char	*cat, *last = NULL;

	if ((st = db_prepare(db, "SELECT max(id) FROM person", err)) == NULL)
		return (-1);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		maxid = sqlite3_column_int64(st, 0);
		rc = SQLITE_DONE;
	}
	if (done(db, st, rc, err) != 0)
		return (-1);
	if (maxid < 0 || maxid > 100000000)
		maxid = 0;
	len = (size_t)maxid / 8 + 1;
	bits = xcalloc(2 * BM__COUNT, len);
#define BIT(k, j, id)	(bits + ((size_t)(k) * BM__COUNT + (j)) * len + \
			    (size_t)(id) / 8)
	if ((st = prep2(db, "SELECT m.person_id, m.role = 'mentor', p.form, "
	    LIVE1_SQL ", " LIVE2_SQL " FROM pair p JOIN pair_member m ON "
	    "m.pair_id = p.id WHERE p.status <> 'cancelled' AND (" LIVE1_SQL
	    " OR " LIVE2_SQL ")", t, err)) == NULL) {
		free(bits);
		return (-1);
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		if (id < 0 || id > maxid)
			continue;	/* added since: not counted */
		r = sqlite3_column_int(st, 1) != 0;
		form = pair_form_parse((const char *)sqlite3_column_text(st,
		    2));
		for (k = 0; k < 2; k++) {
			if (!sqlite3_column_int(st, 3 + k))
				continue;
			b = BIT(k, BM_ROLE + r, id);
			*b |= 1 << (id % 8);
			if (form < 0)
				continue;
			b = BIT(k, BM_FORM + form, id);
			if (!(*b & 1 << (id % 8)))
				f[k].form_n[form]++;
			*b |= 1 << (id % 8);
		}
	}
	if (done(db, st, rc, err) != 0) {
		free(bits);
		return (-1);
	}
	if ((st = db_prepare(db, "SELECT id, category FROM person WHERE "
	    "anonymised = 0", err)) == NULL) {
		free(bits);
		return (-1);
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		cat = (const char *)sqlite3_column_text(st, 1);
		/* The index hands them out by category: look it up once. */
		if (last == NULL || cat == NULL || strcmp(cat, last) != 0) {
			lc = indicator_cat(cat);
			last = lc >= 0 ? person_category_code(lc) : NULL;
		}
		f[0].cons_n++;
		if ((c = lc) < 0)
			continue;
		f[0].cat_total[c]++;
		if (id < 0 || id > maxid)
			continue;
		for (k = 0; k < 2; k++)
			for (j = 0; j < 2; j++)
				if (*BIT(k, BM_ROLE + j, id) & 1 << (id % 8))
					f[k].cat_in[j][c]++;
	}
#undef BIT
	free(bits);
	if (done(db, st, rc, err) != 0)
		return (-1);
	/* Who is registered does not depend on the date. */
	memcpy(f[1].cat_total, f[0].cat_total, sizeof f[1].cat_total);
	f[1].cons_n = f[0].cons_n;
	return (0);
}

/*
 * The mean of every scale answer of this year's "after" up to each date,
 * from the sums each response keeps (schema: response.scale_sum and
 * scale_n, kept by the answer triggers), so only responses are read.
 */
static int
figs_sat(struct db *db, const struct two *t, struct figs *f,
    struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc, r, k;
	double		 n;

	if ((st = prep2(db, "SELECT qn.audience = 'mentor', "
	    "sum(CASE WHEN r.school_year = ?3 AND " IN1_SQL("r") " THEN "
	    "r.scale_sum END), sum(CASE WHEN r.school_year = ?3 AND "
	    IN1_SQL("r") " THEN r.scale_n END), sum(r.school_year = ?3 AND "
	    IN1_SQL("r") "), sum(CASE WHEN r.school_year = ?6 AND "
	    IN2_SQL("r") " THEN r.scale_sum END), sum(CASE WHEN "
	    "r.school_year = ?6 AND " IN2_SQL("r") " THEN r.scale_n END), "
	    "sum(r.school_year = ?6 AND " IN2_SQL("r") ") FROM questionnaire "
	    "qn JOIN response r ON r.questionnaire_id = qn.id WHERE "
	    "qn.audience IN ('mentee', 'mentor') AND r.stage = 'after' AND "
	    "r.school_year IN (?3, ?6) AND r.date <= max(?1, ?4) AND r.date "
	    ">= min(?2, ?5) AND r.scale_n > 0 GROUP BY 1", t, err)) == NULL)
		return (-1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r = sqlite3_column_int(st, 0) != 0;
		for (k = 0; k < 2; k++) {
			n = sqlite3_column_double(st, 2 + 3 * k);
			f[k].sat[r] = n > 0 ? sqlite3_column_double(st,
			    1 + 3 * k) / n : 0;
			f[k].sat_n[r] = sqlite3_column_int(st, 3 + 3 * k);
		}
	}
	return (done(db, st, rc, err));
}

/* Plans, consents, events and the roadmap: a row of counts for both dates. */
static int
figs_counts(struct db *db, const struct two *t, const char *sql,
    int *v[2][2], struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc, k;

	if ((st = prep2(db, sql, t, err)) == NULL)
		return (-1);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (k = 0; k < 4; k++)
			if (v[k / 2][k % 2] != NULL)
				*v[k / 2][k % 2] = sqlite3_column_int(st, k);
		rc = SQLITE_DONE;
	}
	return (done(db, st, rc, err));
}

static int
figs_small(struct db *db, const struct two *t, struct figs *f,
    struct nerr *err)
{
	int	*plans[2][2] = { { &f[0].plans_n, &f[0].plans_met },
		    { &f[1].plans_n, &f[1].plans_met } };
	int	*cons[2][2] = { { &f[0].cons_in, &f[1].cons_in },
		    { NULL, NULL } };
	int	*ev[2][2] = { { &f[0].ev_n, &f[0].ev_met },
		    { &f[1].ev_n, &f[1].ev_met } };
	int	*rm[2][2] = { { &f[0].rm_n, &f[0].rm_ok },
		    { &f[1].rm_n, &f[1].rm_ok } };

	/*
	 * Each plan with steps due: its share done, for each date.  The
	 * steps are summed by plan in the order of plan_step_due, which
	 * covers them, and only then is the plan's pair looked up.
	 */
	if (figs_counts(db, t, "SELECT coalesce(sum(" LIVE1_SQL " AND t1 > "
	    "0), 0), coalesce(sum(" LIVE1_SQL " AND t1 > 0 AND d1 * 10 >= "
	    "t1 * 9), 0), coalesce(sum(" LIVE2_SQL " AND t2 > 0), 0), "
	    "coalesce(sum(" LIVE2_SQL " AND t2 > 0 AND d2 * 10 >= t2 * 9), 0) "
	    "FROM (SELECT s.plan_id pid, sum(s.due <= ?1) t1, sum(s.due <= ?1 "
	    "AND s.done <= ?1) d1, sum(s.due <= ?4) t2, sum(s.due <= ?4 AND "
	    "s.done <= ?4) d2 FROM plan_step s WHERE s.due <= max(?1, ?4) "
	    "GROUP BY s.plan_id) g JOIN plan pl ON pl.id = g.pid JOIN pair p "
	    "ON p.id = pl.pair_id WHERE p.status <> 'cancelled' AND ("
	    LIVE1_SQL " OR " LIVE2_SQL ")", plans, err) != 0)
		return (-1);
#define PD_SQL(d)							\
	"(cv.signed <= " d " AND (cv.revoked IS NULL OR cv.revoked > " d	\
	") AND (cv.valid_until IS NULL OR cv.valid_until >= " d "))"
	if (figs_counts(db, t, "SELECT count(DISTINCT CASE WHEN " PD_SQL("?1")
	    " THEN cv.person_id END), count(DISTINCT CASE WHEN " PD_SQL("?4")
	    " THEN cv.person_id END), 0, 0 FROM consent cv JOIN person pe ON "
	    "pe.id = cv.person_id WHERE +pe.anonymised = 0 AND cv.kind = 'pd' "
	    "AND (" PD_SQL("?1") " OR " PD_SQL("?4") ")", cons, err) != 0)
		return (-1);
#undef PD_SQL
	if (figs_counts(db, t, "SELECT coalesce(sum(" IN1_SQL("m") "), 0), "
	    "coalesce(sum(" IN1_SQL("m") " AND m.present * 100 >= "
	    "m.target_pct * m.expected), 0), coalesce(sum(" IN2_SQL("m")
	    "), 0), coalesce(sum(" IN2_SQL("m") " AND m.present * 100 >= "
	    "m.target_pct * m.expected), 0) FROM meeting m WHERE m.status = "
	    "'held' AND m.date <= max(?1, ?4) AND m.date >= min(?2, ?5) AND "
	    "m.pair_id IS NULL AND m.target_pct > 0 AND m.expected > 0", ev,
	    err) != 0)
		return (-1);
#define RM_OK_SQL(d)							\
	"(i.status = 'done' AND i.done_date IS NOT NULL AND i.done_date <= "	\
	"i.deadline_to AND i.done_date <= " d ")"
	if (figs_counts(db, t, "SELECT coalesce(sum(i.deadline_to <= ?1), 0), "
	    "coalesce(sum(i.deadline_to <= ?1 AND " RM_OK_SQL("?1") "), 0), "
	    "coalesce(sum(i.deadline_to <= ?4), 0), coalesce(sum("
	    "i.deadline_to <= ?4 AND " RM_OK_SQL("?4") "), 0) FROM roadmap r "
	    "JOIN roadmap_section s ON s.roadmap_id = r.id JOIN roadmap_item "
	    "i ON i.section_id = s.id WHERE r.is_current = 1 AND i.status <> "
	    "'cancelled' AND i.deadline_to IS NOT NULL AND i.deadline_to <= "
	    "max(?1, ?4)", rm, err) != 0)
		return (-1);
#undef RM_OK_SQL
	return (0);
}

/* A scale question and its sums for each date. */
struct chq {
	long long	 id;
	char		*qn;
	int		 pos;
	char		*text;
	double		 sum[2];
	int		 n[2];
};

static int
chq_cmp(const void *a, const void *b)
{
	const struct chq *const	*x = a, *const *y = b;

	return ((*x)->id < (*y)->id ? -1 : (*x)->id > (*y)->id);
}

static void
change_add(struct figs *f, const struct chq *q, int k)
{
	struct change	*c;

	f->ch = xreallocarray(f->ch, (size_t)f->nch + 1, sizeof *f->ch);
	c = &f->ch[f->nch++];
	xasprintf(&c->code, "change-%s-%d", q->qn, q->pos);
	xasprintf(&c->name, _("Change: %s, question %d «%s»"), q->qn, q->pos,
	    q->text);
	c->v = q->sum[k] / q->n[k];
	c->n = q->n[k];
}

/* A response's scale_vals, "question_id=value,...", into id and v. */
static size_t
vals_parse(const char *s, long long *id, double *v, size_t max)
{
	char	*e;
	size_t	 n = 0;

	while (s != NULL && *s != '\0' && n < max) {
		id[n] = strtoll(s, &e, 10);
		if (*e != '=')
			break;
		v[n] = strtod(e + 1, &e);
		n++;
		if (*e != ',')
			break;
		s = e + 1;
	}
	return (n);
}

#define VALS_MAX	256	/* scale questions a questionnaire may have */

/*
 * The change per scale question: each "after" of either date's window
 * finds its "before" once, and the scale answers both keep
 * (response.scale_vals) are paired here, question by question; the sums
 * per question are kept by a binary search of the few scale questions,
 * rather than by reading and sorting every answer.
 */
static int
figs_change(struct db *db, const struct two *t, struct figs *f,
    struct nerr *err)
{
	sqlite3_stmt	*st;
	struct chq	*q = NULL, **byid = NULL, key, *kp = &key, **hit;
	long long	 aid[VALS_MAX], bid[VALS_MAX];
	double		 av[VALS_MAX], bv[VALS_MAX];
	size_t		 nq = 0, i, j, na, nb;
	int		 rc, k, ret = -1;

	if ((st = db_prepare(db, "SELECT qu.id, qn.code, qu.pos, qu.text "
	    "FROM question qu JOIN questionnaire qn ON qn.id = "
	    "qu.questionnaire_id WHERE qu.type IN ('scale10', 'scale5') ORDER "
	    "BY qn.code, qu.pos", err)) == NULL)
		return (-1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		q = xreallocarray(q, nq + 1, sizeof *q);
		memset(&q[nq], 0, sizeof *q);
		q[nq].id = sqlite3_column_int64(st, 0);
		q[nq].qn = xstrdup((const char *)sqlite3_column_text(st, 1));
		q[nq].pos = sqlite3_column_int(st, 2);
		q[nq].text = xstrdup((const char *)sqlite3_column_text(st, 3));
		nq++;
	}
	if (done(db, st, rc, err) != 0)
		goto out;
	byid = xreallocarray(NULL, nq + 1, sizeof *byid);
	for (i = 0; i < nq; i++)
		byid[i] = &q[i];
	qsort(byid, nq, sizeof *byid, chq_cmp);
	if ((st = prep2(db, "SELECT ra.scale_vals, (SELECT x.scale_vals FROM "
	    "response x WHERE x.questionnaire_id = ra.questionnaire_id AND "
	    "x.person_id = ra.person_id AND x.stage = 'before' AND x.date <= "
	    "ra.date ORDER BY x.date DESC, x.id DESC LIMIT 1), "
	    "ra.school_year = ?3 AND " IN1_SQL("ra") ", ra.school_year = ?6 "
	    "AND " IN2_SQL("ra") " FROM response ra WHERE ra.stage = 'after' "
	    "AND ra.school_year IN (?3, ?6) AND ra.date <= max(?1, ?4) AND "
	    "ra.date >= min(?2, ?5) AND ra.scale_n > 0", t, err)) == NULL)
		goto out;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		na = vals_parse((const char *)sqlite3_column_text(st, 0), aid,
		    av, VALS_MAX);
		nb = vals_parse((const char *)sqlite3_column_text(st, 1), bid,
		    bv, VALS_MAX);
		for (i = 0; i < na; i++) {
			for (j = 0; j < nb && bid[j] != aid[i]; j++)
				;
			if (j == nb)
				continue;	/* not answered before */
			key.id = aid[i];
			if ((hit = bsearch(&kp, byid, nq, sizeof *byid,
			    chq_cmp)) == NULL)
				continue;
			for (k = 0; k < 2; k++)
				if (sqlite3_column_int(st, 2 + k)) {
					(*hit)->n[k]++;
					(*hit)->sum[k] += av[i] - bv[j];
				}
		}
	}
	if (done(db, st, rc, err) != 0)
		goto out;
	for (k = 0; k < 2; k++)
		for (i = 0; i < nq; i++)
			if (q[i].n[k] > 0)
				change_add(&f[k], &q[i], k);
	ret = 0;
out:
	for (i = 0; i < nq; i++) {
		free(q[i].qn);
		free(q[i].text);
	}
	free(q);
	free(byid);
	return (ret);
}

/*
 * The figures as of d (into f[0]) and as of pq, the end of the quarter
 * before (into f[1]).
 */
int
figs_compute(struct db *db, const char *d, const char *pq, struct figs *f,
    struct nerr *err)
{
	struct two	t;
	char		ys[2][DATE_ISO_LEN], year[2][16];
	int		k;

	memset(f, 0, 2 * sizeof *f);
	t.d[0] = d;
	t.d[1] = pq;
	for (k = 0; k < 2; k++) {
		indicator_year_of(t.d[k], ys[k], year[k], sizeof year[k]);
		t.ys[k] = ys[k];
		t.year[k] = year[k];
	}
	if (figs_people(db, &t, f, err) != 0 || figs_sat(db, &t, f, err) != 0 ||
	    figs_small(db, &t, f, err) != 0 ||
	    figs_change(db, &t, f, err) != 0)
		return (-1);
	return (0);
}

void
figs_free(struct figs *f)
{
	int	i;

	for (i = 0; i < f->nch; i++) {
		free(f->ch[i].code);
		free(f->ch[i].name);
	}
	free(f->ch);
}
