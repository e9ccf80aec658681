/* match.c: mentors suggested for a mentee, ranked, with the reasons; never a decision. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "match-stem.h"
#include "pair.h"
#include "person.h"
#include "text.h"
#include "util.h"

/*
 * Scoring, 0..100:
 *   words  60  the share of the request's stems found among the mentor's
 *              competencies and interests;
 *   age    15  the mentee's age within the mentor's preferred ages (8 when
 *              either is not known, 0 outside);
 *   places 15  a free place (8 when the capacity is not said, 0 if full);
 *   hours  10  4 or more hours a month (5 for 1-3, 3 when not said).
 * Words weigh most: the curator looks for someone who can help with what
 * was asked; the rest orders mentors who know the same.
 */
#define W_WORDS		60
#define W_AGE		15
#define W_FREE		15
#define W_HOURS		10
#define MATCH_MAX	100	/* suggestions at most */
/* The mentee: what matching needs to know. */
struct mentee_info {
	int		 category;
	int		 age;		/* -1 unknown */
	struct stems	 req;
};

static int
mentee_read(struct db *db, long long id, struct mentee_info *mi,
    struct nerr *err)
{
	sqlite3_stmt	*st;
	const char	*birth;
	char		*who;
	int		 rc, anon = 0;

	memset(mi, 0, sizeof *mi);
	sbuf_init(&mi->req.buf);
	if ((st = db_prepare(db, "SELECT p.category, p.birth, e.request, "
	    "p.anonymised, p.last, p.first, p.patronymic FROM person p "
	    "LEFT JOIN mentee e ON e.person_id = p.id WHERE p.id = ?",
	    err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		mi->category = person_category_parse(
		    (const char *)sqlite3_column_text(st, 0));
		birth = (const char *)sqlite3_column_text(st, 1);
		mi->age = birth != NULL ? date_age(birth, date_today()) : -1;
		stems_make(&mi->req, (const char *)sqlite3_column_text(st, 2));
		if ((anon = sqlite3_column_int(st, 3)) != 0) {
			who = person_short_name(
			    (const char *)sqlite3_column_text(st, 4),
			    (const char *)sqlite3_column_text(st, 5),
			    (const char *)sqlite3_column_text(st, 6));
			nerr_set(err, _("%s has been anonymised; no mentor is "
			    "sought for them."), who);
			free(who);
		}
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return (nerr_set(err, _("Participant no. %lld is not in the "
		    "database; check the number."), id));
	if (rc != SQLITE_ROW)
		return (db_fail(db, err, _("reading the mentee")));
	return (anon ? -1 : 0);
}

/* Sorted best first: score, then free places, then the older record. */
static int
match_better(const struct match *a, const struct match *b)
{
	if (a->score != b->score)
		return (a->score > b->score);
	if (a->free != b->free)
		return (a->free > b->free);
	return (a->mentor_id < b->mentor_id);
}

static int
match_cmp(const void *a, const void *b)
{
	const struct match	*x = a, *y = b;

	if (match_better(x, y))
		return (-1);
	if (match_better(y, x))
		return (1);
	return (0);
}

static void
match_clear(struct match *m)
{
	free(m->name);
	free(m->competencies);
	free(m->why);
	memset(m, 0, sizeof *m);
}

/* One mentor as the queries give it. */
struct cand {
	long long	 id;
	int		 category;
	int		 age_min, age_max, hours, capacity, load;
	int		 score, free;
	int		 nwords;	/* the request's stems matched */
	int		 age_pts;
	int		 best;		/* an upper bound of score, load unread */
};

/* The score from the words matched and the load. */
static void
cand_points(struct cand *c, const struct mentee_info *mi)
{
	int	pts = 0;

	if (mi->req.n > 0)
		pts += W_WORDS * c->nwords / mi->req.n;
	if (mi->age < 0 || (c->age_min == 0 && c->age_max == 0))
		c->age_pts = W_AGE * 8 / 15;
	else if ((c->age_min == 0 || mi->age >= c->age_min) &&
	    (c->age_max == 0 || mi->age <= c->age_max))
		c->age_pts = W_AGE;
	else
		c->age_pts = 0;
	pts += c->age_pts;
	if (c->capacity == 0) {
		c->free = -1;
		pts += W_FREE * 8 / 15;
	} else {
		c->free = c->capacity - c->load;
		if (c->free < 0)
			c->free = 0;
		pts += c->free > 0 ? W_FREE : 0;
	}
	if (c->hours >= 4)
		pts += W_HOURS;
	else if (c->hours > 0)
		pts += W_HOURS / 2;
	else
		pts += 3;
	c->score = pts > 100 ? 100 : pts < 0 ? 0 : pts;
}

/* A mentor's stems from the texts. */
static void
mentor_stems(struct stems *ms, const char *comp, const char *interests)
{
	struct sbuf	 t;

	sbuf_init(&t);
	sbuf_add(&t, str_or(comp, ""));
	sbuf_addc(&t, ' ');
	sbuf_add(&t, str_or(interests, ""));
	stems_make(ms, t.s);
	sbuf_free(&t);
}

/* «совпало: математика, олимпиады; возраст 13 в 12–15; свободно 2 из 3; 8 ч/мес» */
static char *
cand_why(const struct cand *c, const struct mentee_info *mi,
    const struct stems *ms)
{
	struct sbuf	 b, found;

	sbuf_init(&b);
	sbuf_init(&found);
	if (mi->req.n == 0)
		sbuf_add(&b, _("the mentee's request is empty"));
	else if (words_found(&mi->req, ms, &found) > 0)
		sbuf_addf(&b, _("matched: %s"), found.s);
	else
		sbuf_add(&b, _("no words of the request matched"));
	sbuf_free(&found);
	sbuf_add(&b, "; ");
	if (c->age_min == 0 && c->age_max == 0)
		sbuf_add(&b, _("any age"));
	else if (mi->age < 0)
		sbuf_addf(&b, _("age %d–%d, the mentee's birth date unknown"),
		    c->age_min, c->age_max > 0 ? c->age_max : 99);
	else
		sbuf_addf(&b, c->age_pts > 0 ? _("age %d in %d–%d") :
		    _("age %d outside %d–%d"), mi->age, c->age_min,
		    c->age_max > 0 ? c->age_max : 99);
	sbuf_add(&b, "; ");
	if (c->capacity == 0)
		sbuf_addf(&b, _("has %d, capacity not said"), c->load);
	else if (c->free > 0)
		sbuf_addf(&b, _("%d free of %d"), c->free, c->capacity);
	else
		sbuf_addf(&b, _("full: %d of %d"), c->load, c->capacity);
	sbuf_add(&b, "; ");
	if (c->hours > 0)
		sbuf_addf(&b, _("%d h a month"), c->hours);
	else
		sbuf_add(&b, _("hours not said"));
	return (sbuf_take(&b));
}

/* Which mentor categories fit a form (or any) with the mentee's: a mask. */
static unsigned
mentor_cats(int form, int mentee_cat)
{
	unsigned	mask = 0;
	int		f, c;

	for (f = 0; f < PF__COUNT; f++) {
		if ((form >= 0 && f != form) ||
		    !pair_form_fits(f, PR_MENTEE, mentee_cat))
			continue;
		for (c = 0; c < CAT__COUNT; c++)
			if (pair_form_fits(f, PR_MENTOR, c))
				mask |= 1U << c;
	}
	return (mask);
}

/*
 * Who may be suggested at all; ?1 is the mentee.  The load is read apart
 * (LOAD_SQL), only for the mentors that might still get in.
 */
#define CAND_COLS "p.id, p.category, m.age_min, m.age_max, m.hours, "	\
	"m.capacity"
#define CAND_WHERE " p.is_mentor = 1 AND p.anonymised = 0 AND "	\
	"p.id <> ?1 AND m.status <> 'finished' "			\
	"AND NOT EXISTS (SELECT 1 FROM pair_member a JOIN pair_member b " \
	"ON b.pair_id = a.pair_id JOIN pair pr ON pr.id = a.pair_id "	\
	"WHERE a.person_id = p.id AND a.role = 'mentor' AND "		\
	"b.person_id = ?1 AND b.role = 'mentee' AND "			\
	"(pr.status = 'forming' OR pr.status = 'active'))"
#define LOAD_SQL "SELECT count(DISTINCT e.person_id) "			\
	"FROM pair_member pm JOIN pair pr ON pr.id = pm.pair_id "	\
	"JOIN pair_member e ON e.pair_id = pm.pair_id AND e.role = 'mentee' " \
	"WHERE pm.person_id = ? AND pm.role = 'mentor' AND "		\
	"(pr.status = 'forming' OR pr.status = 'active')"
#define WORDS_MAX	900	/* stem ranges in one query (3 numbers each) */

/* The suggestions so far and what is needed to find more. */
struct pick {
	struct db		*db;
	const struct mentee_info *mi;
	struct match		*best;
	struct cand		*bc;		/* best[i]'s mentor */
	int			 n, max;
	sqlite3_stmt		*load;
	long long		*seen;		/* word candidates, sorted */
	int			 nseen;
};

static int
cand_cmp(const void *a, const void *b)
{
	const struct cand	*x = a, *y = b;

	if (x->best != y->best)
		return (x->best > y->best ? -1 : 1);
	return (x->id < y->id ? -1 : x->id > y->id);
}

static int
id_cmp(const void *a, const void *b)
{
	long long	x = *(const long long *)a, y = *(const long long *)b;

	return (x < y ? -1 : x > y);
}

/* The slot of the worst kept when all max are taken. */
static int
pick_worst(const struct pick *pk)
{
	int	i, w = 0;

	for (i = 1; i < pk->n; i++)
		if (match_better(&pk->best[w], &pk->best[i]))
			w = i;
	return (w);
}

/* Offer one scored mentor: a free slot, else the worst's if it beats it. */
static void
pick_offer(struct pick *pk, const struct cand *c)
{
	struct match	 m;
	int		 w;

	memset(&m, 0, sizeof m);
	m.mentor_id = c->id;
	m.category = c->category;
	m.score = c->score;
	m.free = c->free;
	m.hours = c->hours;
	if (pk->n < pk->max)
		w = pk->n++;
	else {
		w = pick_worst(pk);
		if (!match_better(&m, &pk->best[w]))
			return;
		match_clear(&pk->best[w]);
	}
	pk->best[w] = m;
	pk->bc[w] = *c;
}

/*
 * Score the candidates best bound first and stop at the first whose bound
 * is below the worst kept: its load and the rest's are never read.
 */
static int
pick_from(struct pick *pk, struct cand *v, int nv, struct nerr *err)
{
	int	i;

	qsort(v, nv, sizeof *v, cand_cmp);
	for (i = 0; i < nv; i++) {
		if (pk->n == pk->max &&
		    v[i].best < pk->best[pick_worst(pk)].score)
			break;
		v[i].load = 0;
		if (v[i].capacity > 0) {
			if (pk->load == NULL && (pk->load = db_prepare(pk->db,
			    LOAD_SQL, err)) == NULL)
				return (-1);
			sqlite3_bind_int64(pk->load, 1, v[i].id);
			if (sqlite3_step(pk->load) != SQLITE_ROW)
				return (db_fail(pk->db, err,
				    _("reading the mentors")));
			v[i].load = sqlite3_column_int(pk->load, 0);
			sqlite3_reset(pk->load);
		}
		cand_points(&v[i], pk->mi);
		pick_offer(pk, &v[i]);
	}
	return (0);
}

/*
 * Read the rows of a candidates query (CAND_COLS, then the words matched,
 * or the texts to stem when texts), bound each, and pick.  With skip, the
 * mentors already seen by their words are passed over.
 */
static int
pick_query(struct pick *pk, sqlite3_stmt *st, int texts, int skip,
    struct nerr *err)
{
	struct cand	*v = NULL, *c;
	struct stems	 ms;
	long long	 id;
	size_t		 nv = 0, cap = 0;
	int		 rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		if (skip && pk->nseen > 0 && bsearch(&id, pk->seen, pk->nseen,
		    sizeof *pk->seen, id_cmp) != NULL)
			continue;
		if (nv == cap) {
			cap = cap == 0 ? 256 : cap * 2;
			v = xreallocarray(v, cap, sizeof *v);
		}
		c = &v[nv++];
		memset(c, 0, sizeof *c);
		c->id = id;
		c->category = person_category_parse(
		    (const char *)sqlite3_column_text(st, 1));
		c->age_min = sqlite3_column_int(st, 2);
		c->age_max = sqlite3_column_int(st, 3);
		c->hours = sqlite3_column_int(st, 4);
		c->capacity = sqlite3_column_int(st, 5);
		if (texts) {
			mentor_stems(&ms,
			    (const char *)sqlite3_column_text(st, 6),
			    (const char *)sqlite3_column_text(st, 7));
			c->nwords = pk->mi->req.n > 0 ?
			    words_found(&pk->mi->req, &ms, NULL) : 0;
			stems_free(&ms);
		} else if (!skip)
			c->nwords = sqlite3_column_int(st, 6);
		cand_points(c, pk->mi);		/* load 0: the most */
		c->best = c->score;
	}
	if (rc != SQLITE_DONE) {
		free(v);
		return (db_fail(pk->db, err, _("reading the mentors")));
	}
	if (!skip && !texts) {
		pk->seen = xreallocarray(NULL, nv + 1, sizeof *pk->seen);
		for (pk->nseen = 0; pk->nseen < (int)nv; pk->nseen++)
			pk->seen[pk->nseen] = v[pk->nseen].id;
		qsort(pk->seen, pk->nseen, sizeof *pk->seen, id_cmp);
	}
	rc = pick_from(pk, v, (int)nv, err);
	free(v);
	return (rc);
}

static sqlite3_stmt *
cand_prepare(struct db *db, struct sbuf *sql, unsigned cats,
    long long mentee, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 i, first;

	sbuf_add(sql, " AND p.category IN (");
	for (i = 0, first = 1; i < CAT__COUNT; i++) {
		if ((cats & (1U << i)) == 0)
			continue;
		sbuf_addf(sql, "%s'%s'", first ? "" : ", ",
		    person_category_code(i));
		first = 0;
	}
	sbuf_add(sql, ")");
	st = db_prepare(db, sql->s, err);
	sbuf_free(sql);
	if (st != NULL)
		sqlite3_bind_int64(st, 1, mentee);
	return (st);
}

/*
 * The mentors whose stems meet the request's, from mentor_word: one seek
 * per stem range, grouped by mentor with the number of request stems met.
 */
static int
pick_words(struct pick *pk, unsigned cats, long long mentee,
    struct nerr *err)
{
	struct sbuf	 sql;
	sqlite3_stmt	*st;
	char		**lo, **hi;
	int		*k, nr, i, rc;

	nr = stems_ranges(&pk->mi->req, &lo, &hi, &k);
	if (nr > WORDS_MAX) {
		rc = 1;		/* a request of pages: read the texts */
		goto out;
	}
	sbuf_init(&sql);
	sbuf_add(&sql, "WITH q(k, lo, hi) AS (VALUES ");
	for (i = 0; i < nr; i++)
		sbuf_addf(&sql, "%s(?%d, ?%d, ?%d)", i > 0 ? ", " : "",
		    3 * i + 2, 3 * i + 3, 3 * i + 4);
	sbuf_add(&sql, ") SELECT " CAND_COLS ", h.nw FROM (SELECT "
	    "w.person_id AS id, count(DISTINCT q.k) AS nw FROM q JOIN "
	    "mentor_word w ON w.stem >= q.lo AND w.stem <= q.hi GROUP BY "
	    "w.person_id) h JOIN person p ON p.id = h.id JOIN mentor m ON "
	    "m.person_id = p.id WHERE" CAND_WHERE);
	if ((st = cand_prepare(pk->db, &sql, cats, mentee, err)) != NULL) {
		for (i = 0; i < nr; i++) {
			sqlite3_bind_int(st, 3 * i + 2, k[i]);
			sqlite3_bind_text(st, 3 * i + 3, lo[i], -1,
			    SQLITE_STATIC);
			sqlite3_bind_text(st, 3 * i + 4, hi[i], -1,
			    SQLITE_STATIC);
		}
		rc = pick_query(pk, st, 0, 0, err);
		sqlite3_finalize(st);
	} else
		rc = -1;
out:
	for (i = 0; i < nr; i++) {
		free(lo[i]);
		free(hi[i]);
	}
	free(lo);
	free(hi);
	free(k);
	return (rc);
}

/* Every mentor who may be suggested; with texts, stemmed here. */
static int
pick_all(struct pick *pk, unsigned cats, long long mentee, int texts,
    struct nerr *err)
{
	struct sbuf	 sql;
	sqlite3_stmt	*st;
	int		 rc;

	sbuf_init(&sql);
	sbuf_addf(&sql, "SELECT " CAND_COLS "%s FROM person p INDEXED BY "
	    "person_mentor JOIN mentor m ON m.person_id = p.id WHERE"
	    CAND_WHERE, texts ? ", m.competencies, m.interests" : "");
	if ((st = cand_prepare(pk->db, &sql, cats, mentee, err)) == NULL)
		return (-1);
	rc = pick_query(pk, st, texts, !texts, err);
	sqlite3_finalize(st);
	return (rc);
}

/* The kept ones' names, and why, from their own texts. */
static int
pick_finish(struct pick *pk, struct nerr *err)
{
	sqlite3_stmt	*st;
	struct stems	 ms;
	struct match	*m;
	int		 i, rc = SQLITE_ROW;

	if ((st = db_prepare(pk->db, "SELECT p.last, p.first, "
	    "p.patronymic, m.competencies, m.interests FROM person p LEFT "
	    "JOIN mentor m ON m.person_id = p.id WHERE p.id = ?", err)) == NULL)
		return (-1);
	for (i = 0; i < pk->n && rc == SQLITE_ROW; i++) {
		m = &pk->best[i];
		sqlite3_bind_int64(st, 1, m->mentor_id);
		if ((rc = sqlite3_step(st)) != SQLITE_ROW)
			break;
		m->name = person_short_name(
		    (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1),
		    (const char *)sqlite3_column_text(st, 2));
		if (sqlite3_column_text(st, 3) != NULL)
			m->competencies = xstrdup(
			    (const char *)sqlite3_column_text(st, 3));
		mentor_stems(&ms, (const char *)sqlite3_column_text(st, 3),
		    (const char *)sqlite3_column_text(st, 4));
		m->why = cand_why(&pk->bc[i], pk->mi, &ms);
		stems_free(&ms);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return (db_fail(pk->db, err, _("reading the mentors")));
	return (0);
}

/*
 * Mentors met by their words come first from mentor_word; the others can
 * score at most W_AGE + W_FREE + W_HOURS, so they are read (without their
 * texts) only when fewer than max are found or the worst kept scores no
 * more than that.  A file whose mentors are not stemmed yet, opened only
 * to read, is matched on the texts as before.
 */
int
match_mentors(struct db *db, long long mentee, int form, int max,
    struct match **out, int *np, struct nerr *err)
{
	struct mentee_info	 mi;
	struct pick		 pk;
	unsigned		 cats;
	char			*who;
	int			 rc, ready;

	*out = NULL;
	*np = 0;
	if (max <= 0 || max > MATCH_MAX)
		max = max <= 0 ? 10 : MATCH_MAX;
	if (mentee_read(db, mentee, &mi, err) == -1) {
		stems_free(&mi.req);
		return (-1);
	}
	if ((cats = mentor_cats(form, mi.category)) == 0) {
		stems_free(&mi.req);
		who = xstrdup(person_category_label(mi.category));
		if (form >= 0)
			rc = nerr_set(err, _("In the form «%s» a %s cannot be "
			    "a mentee; choose another form."),
			    pair_form_label(form), who);
		else
			rc = nerr_set(err, _("No form of mentoring has a %s "
			    "as a mentee."), who);
		free(who);
		return (rc);
	}
	memset(&pk, 0, sizeof pk);
	pk.db = db;
	pk.mi = &mi;
	pk.max = max;
	pk.best = xcalloc(max, sizeof *pk.best);
	pk.bc = xcalloc(max, sizeof *pk.bc);
	if ((ready = match_words_ready(db, err)) < 0)
		rc = -1;
	else if (!ready || (rc = mi.req.n > 0 ? pick_words(&pk, cats,
	    mentee, err) : 0) == 1)
		rc = pick_all(&pk, cats, mentee, 1, err);
	else if (rc == 0 && (pk.n < max || pk.best[pick_worst(&pk)].score <=
	    W_AGE + W_FREE + W_HOURS))
		rc = pick_all(&pk, cats, mentee, 0, err);
	if (rc == 0)
		rc = pick_finish(&pk, err);
	sqlite3_finalize(pk.load);
	free(pk.seen);
	free(pk.bc);
	stems_free(&mi.req);
	if (rc != 0) {
		match_free(pk.best, pk.n);
		return (-1);
	}
	qsort(pk.best, pk.n, sizeof *pk.best, match_cmp);
	if (pk.n == 0) {
		free(pk.best);
		pk.best = NULL;
	}
	*out = pk.best;
	*np = pk.n;
	return (0);
}

void
match_free(struct match *m, int n)
{
	int	i;

	for (i = 0; i < n; i++)
		match_clear(&m[i]);
	free(m);
}
