/* person-list.c: the participant list, a window at a time (keyset paging). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "consent.h"
#include "date.h"
#include "db.h"
#include "person.h"
#include "text.h"
#include "util.h"

/*
 * Each order is one or two segments read one after the other: people with a
 * class (or a birth date) first, then those without, since an index cannot
 * put '' or NULL last by itself.  Inside a segment rows follow an index of
 * schema.c, compared as a row value so SQLite seeks instead of scanning:
 *
 *   SELECT ... WHERE (sort_key, id) > (?, ?) ORDER BY sort_key, id LIMIT ?
 *
 * EXPLAIN QUERY PLAN for that reads "SEARCH person USING COVERING INDEX
 * person_name (sort_key>?)", with no "USE TEMP B-TREE FOR ORDER BY": a
 * window costs its own rows whatever the size of the table.  The class and
 * birth orders seek in person_class and person_birth the same way, a
 * category filter in person_category, a class filter in person_class.
 */
struct pseg {
	const char	*cond;		/* which rows are in the segment */
	const char	*cols[2];	/* key columns before id */
	int		 ncols;
	int		 key[2];	/* each one's place: 1 k1, 2 k2 */
};

static const struct pseg segs_name[] = {
	{ "1", { "sort_key", NULL }, 1, { 1, 0 } },
};
static const struct pseg segs_class[] = {
	{ "class_key <> ''", { "class_key", "sort_key" }, 2, { 1, 2 } },
	{ "class_key = ''", { "sort_key", NULL }, 1, { 2, 0 } },
};
static const struct pseg segs_birth[] = {
	{ "birth IS NOT NULL", { "birth", "sort_key" }, 2, { 1, 2 } },
	{ "birth IS NULL", { "sort_key", NULL }, 1, { 2, 0 } },
};

static const struct pseg *
segs_of(int sort, int *n)
{
	switch (sort) {
	case PSORT_CLASS:
		*n = nitems(segs_class);
		return (segs_class);
	case PSORT_BIRTH:
		*n = nitems(segs_birth);
		return (segs_birth);
	default:
		*n = nitems(segs_name);
		return (segs_name);
	}
}

/* Which segment a row of the list is in. */
static int
seg_of_row(int sort, const struct person_row *r)
{
	if (sort == PSORT_CLASS)
		return (r->k1 == NULL || *r->k1 == '\0');
	if (sort == PSORT_BIRTH)
		return (r->k1 == NULL);
	return (0);
}

void
person_filter_init(struct person_filter *f)
{
	memset(f, 0, sizeof *f);
	f->category = -1;
	f->role = PROLE_ANY;
	f->sort = PSORT_NAME;
}

/* The filter's values, prepared once: the class normalised, search folded. */
struct pfilter {
	const char	*category;
	char		*class_;	/* as class_key */
	char		*search;	/* " w1\0 w2\0...": words, each after a space */
	int		 nwords;
	char		*word;		/* the longest word, without its space */
	char		*word_hi;	/* word + 0xFF: the end of its range */
	int		 sparse;	/* few names have it: seek person_word */
	int		 role;
	int		 consent;	/* enum person_consent_filter */
};

/*
 * A search word that begins fewer words than this in person_word is looked
 * up there (the matches read by id, then sorted: a few ms); a commoner one
 * ("с") is checked row by row while walking the order's index, which finds
 * a window of matches at once because they are everywhere.  Either way no
 * window reads the whole table.
 */
int person_search_sparse = 3000;

/* At most this many words of a search are matched (each must start a word). */
#define SEARCH_WORDS 4

/* How many words of names lie in [lo, hi) (an index range count); -1. */
static long long
word_count(struct db *db, const char *lo, const char *hi)
{
	sqlite3_stmt	*st;
	long long	 n = -1;

	if ((st = db_prepare(db, "SELECT count(*) FROM person_word "
	    "WHERE word >= ? AND word < ?", NULL)) == NULL)
		return (-1);
	sqlite3_bind_text(st, 1, lo, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, hi, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return (n);
}

static void
pfilter_make(struct db *db, const struct person_filter *f, struct pfilter *pf)
{
	char	*copy, *norm;

	memset(pf, 0, sizeof *pf);
	if (f->category >= 0 && f->category < CAT__COUNT)
		pf->category = person_category_code(f->category);
	if (!str_empty(f->class_)) {
		/* As class_key is stored ("07Б"), so person_class serves it. */
		if ((norm = person_class_normalise(f->class_)) == NULL)
			pf->class_ = xstrdup("?");	/* matches nobody */
		else if (norm[1] >= '0' && norm[1] <= '9')
			pf->class_ = norm;
		else {
			xasprintf(&pf->class_, "0%s", norm);
			free(norm);
		}
	}
	if (!str_empty(f->search)) {
		struct sbuf	 b;
		char		*w, *last;

		/* "Иванов П" -> " иванов", " п": both must start a word. */
		copy = text_fold_dup(f->search);
		sbuf_init(&b);
		for (w = strtok_r(copy, " \t-", &last); w != NULL &&
		    pf->nwords < SEARCH_WORDS; w = strtok_r(NULL, " \t-", &last)) {
			sbuf_addc(&b, ' ');
			sbuf_addn(&b, w, strlen(w) + 1);
			pf->nwords++;
		}
		free(copy);
		if (pf->nwords > 0)
			pf->search = sbuf_take(&b);
		else
			sbuf_free(&b);
	}
	if (pf->nwords > 0) {
		long long	 n;
		const char	*w = pf->search, *best = w;

		for (int i = 0; i < pf->nwords; i++, w += strlen(w) + 1)
			if (strlen(w) > strlen(best))
				best = w;
		/* Every word that begins with it sorts below it + 0xFF. */
		pf->word = xstrdup(best + 1);
		xasprintf(&pf->word_hi, "%s\xff", pf->word);
		n = word_count(db, pf->word, pf->word_hi);
		pf->sparse = n >= 0 && n < person_search_sparse;
	}
	pf->role = f->role;
	pf->consent = f->consent;
}

static void
pfilter_free(struct pfilter *pf)
{
	free(pf->class_);
	free(pf->search);
	free(pf->word);
	free(pf->word_hi);
}

/* Follows "FROM person": the sparse search reads matches by id. */
static void
where_add(struct sbuf *sql, const struct pfilter *pf)
{
	if (pf->sparse)
		sbuf_add(sql, " NOT INDEXED WHERE id IN (SELECT person_id FROM "
		    "person_word WHERE word >= ? AND word < ?)");
	else
		sbuf_add(sql, " WHERE 1");
	if (pf->category != NULL)
		sbuf_add(sql, " AND category = ?");
	if (pf->class_ != NULL)
		sbuf_add(sql, " AND class_key = ?");
	if (pf->role == PROLE_MENTOR)
		sbuf_add(sql, " AND is_mentor = 1");
	else if (pf->role == PROLE_MENTEE)
		sbuf_add(sql, " AND is_mentee = 1");
	for (int w = 0; w < pf->nwords; w++)
		sbuf_add(sql, " AND instr(search_key, ?) > 0");
	/* Anonymised people neither owe a paper nor are covered by one. */
	if (pf->consent == PCONS_OWED)
		sbuf_add(sql, " AND anonymised = 0 AND NOT "
		    CONSENT_PD_VALID_SQL("person.id", "?"));
	else if (pf->consent == PCONS_COVERED)
		sbuf_add(sql, " AND anonymised = 0 AND "
		    CONSENT_PD_VALID_SQL("person.id", "?"));
}

/* Binds what where_add asked for; returns the next parameter index. */
static int
where_bind(sqlite3_stmt *st, const struct pfilter *pf)
{
	const char	*w = pf->search;
	int		 i = 1;

	if (pf->sparse) {
		sqlite3_bind_text(st, i++, pf->word, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, i++, pf->word_hi, -1, SQLITE_STATIC);
	}
	if (pf->category != NULL)
		sqlite3_bind_text(st, i++, pf->category, -1, SQLITE_STATIC);
	if (pf->class_ != NULL)
		sqlite3_bind_text(st, i++, pf->class_, -1, SQLITE_STATIC);
	for (int n = 0; n < pf->nwords; n++, w += strlen(w) + 1)
		sqlite3_bind_text(st, i++, w, -1, SQLITE_STATIC);
	/* CONSENT_PD_VALID_SQL asks for the date three times. */
	if (pf->consent == PCONS_OWED || pf->consent == PCONS_COVERED)
		for (int n = 0; n < 3; n++)
			sqlite3_bind_text(st, i++, date_today(), -1,
			    SQLITE_TRANSIENT);
	return (i);
}

static char *
col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char	*s = sqlite3_column_text(st, i);

	if (s == NULL)
		return (NULL);
	return (xstrdup((const char *)s));
}

/* Empty text as NULL, as struct person keeps it. */
static char *
col_str(sqlite3_stmt *st, int i)
{
	const unsigned char	*s = sqlite3_column_text(st, i);

	if (s == NULL || *s == '\0')
		return (NULL);
	return (xstrdup((const char *)s));
}

static void
row_fill(struct person_row *r, sqlite3_stmt *st, int sort)
{
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	r->last = col_str(st, 1);
	r->first = col_str(st, 2);
	r->patronymic = col_str(st, 3);
	r->birth = col_str(st, 4);
	r->class_ = col_str(st, 5);
	r->organisation = col_str(st, 6);
	r->category = person_category_parse(
	    (const char *)sqlite3_column_text(st, 7));
	r->is_mentor = sqlite3_column_int(st, 8);
	r->is_mentee = sqlite3_column_int(st, 9);
	switch (sort) {
	case PSORT_CLASS:
		r->k1 = col_dup(st, 11);
		r->k2 = col_dup(st, 10);
		break;
	case PSORT_BIRTH:
		r->k1 = col_dup(st, 4);
		r->k2 = col_dup(st, 10);
		break;
	default:
		r->k1 = col_dup(st, 10);
		break;
	}
}

static int	bound_bind(sqlite3_stmt *, int, const struct pseg *,
		    const struct person_row *);

/*
 * Read at most n rows of one segment, after (or before) the bound row when
 * one is given, into rows; returns how many or -1.
 */
static int
seg_read(struct db *db, const struct pfilter *pf, const struct pseg *sg,
    int sort, const struct person_row *bound, int backward,
    struct person_row *rows, int n, struct nerr *err)
{
	struct sbuf	 sql;
	sqlite3_stmt	*st;
	const char	*dir = backward ? " DESC" : "";
	int		 i, j, got = 0, rc = SQLITE_DONE;

	sbuf_init(&sql);
	sbuf_add(&sql, "SELECT id, last, first, patronymic, birth, class, "
	    "organisation, category, is_mentor, is_mentee, sort_key, class_key "
	    "FROM person");
	where_add(&sql, pf);
	sbuf_addf(&sql, " AND %s", sg->cond);
	if (bound != NULL) {
		sbuf_add(&sql, " AND (");
		for (j = 0; j < sg->ncols; j++)
			sbuf_addf(&sql, "%s, ", sg->cols[j]);
		sbuf_addf(&sql, "id) %s (", backward ? "<" : ">");
		for (j = 0; j < sg->ncols; j++)
			sbuf_add(&sql, "?, ");
		sbuf_add(&sql, "?)");
	}
	sbuf_add(&sql, " ORDER BY ");
	for (j = 0; j < sg->ncols; j++)
		sbuf_addf(&sql, "%s%s, ", sg->cols[j], dir);
	sbuf_addf(&sql, "id%s LIMIT ?", dir);
	st = db_prepare(db, sql.s, err);
	sbuf_free(&sql);
	if (st == NULL)
		return (-1);

	i = where_bind(st, pf);
	if (bound != NULL)
		i = bound_bind(st, i, sg, bound);
	sqlite3_bind_int(st, i, n);
	while (got < n && (rc = sqlite3_step(st)) == SQLITE_ROW)
		row_fill(&rows[got++], st, sort);
	if (got < n && rc != SQLITE_DONE) {
		sqlite3_finalize(st);
		person_rows_free(rows, got);
		return (db_fail(db, err, _("reading the participant list")));
	}
	sqlite3_finalize(st);
	return (got);
}

static void
rows_reverse(struct person_row *rows, int n)
{
	struct person_row	tmp;
	int			i;

	for (i = 0; i < n / 2; i++) {
		tmp = rows[i];
		rows[i] = rows[n - 1 - i];
		rows[n - 1 - i] = tmp;
	}
}

int
person_page(struct db *db, const struct person_filter *f,
    const struct person_row *from, int backward, struct person_row *rows,
    int n, struct nerr *err)
{
	const struct pseg	*segs;
	struct pfilter		 pf;
	int			 nseg, s, got = 0, r;

	if (n <= 0)
		return (0);
	segs = segs_of(f->sort, &nseg);
	pfilter_make(db, f, &pf);
	if (from != NULL)
		s = seg_of_row(f->sort, from);
	else
		s = backward ? nseg - 1 : 0;
	/* Backward reads nearest first, then turns the window round. */
	while (s >= 0 && s < nseg && got < n) {
		r = seg_read(db, &pf, &segs[s], f->sort, from, backward,
		    rows + got, n - got, err);
		if (r == -1) {
			person_rows_free(rows, got);
			pfilter_free(&pf);
			return (-1);
		}
		got += r;
		from = NULL;
		s += backward ? -1 : 1;
	}
	pfilter_free(&pf);
	if (backward)
		rows_reverse(rows, got);
	return (got);
}

void
person_rows_free(struct person_row *rows, int n)
{
	int	i;

	for (i = 0; i < n; i++) {
		free(rows[i].last);
		free(rows[i].first);
		free(rows[i].patronymic);
		free(rows[i].birth);
		free(rows[i].class_);
		free(rows[i].organisation);
		free(rows[i].k1);
		free(rows[i].k2);
		memset(&rows[i], 0, sizeof rows[i]);
	}
}

static char *
dup_or_null(const char *s)
{
	return (s != NULL ? xstrdup(s) : NULL);
}

void
person_row_copy(struct person_row *dst, const struct person_row *src)
{
	*dst = *src;
	dst->last = dup_or_null(src->last);
	dst->first = dup_or_null(src->first);
	dst->patronymic = dup_or_null(src->patronymic);
	dst->birth = dup_or_null(src->birth);
	dst->class_ = dup_or_null(src->class_);
	dst->organisation = dup_or_null(src->organisation);
	dst->k1 = dup_or_null(src->k1);
	dst->k2 = dup_or_null(src->k2);
}

long long
person_count(struct db *db, const struct person_filter *f, struct nerr *err)
{
	struct pfilter	 pf;
	struct sbuf	 sql;
	sqlite3_stmt	*st;
	long long	 n = -1;

	pfilter_make(db, f, &pf);
	sbuf_init(&sql);
	sbuf_add(&sql, "SELECT count(*) FROM person");
	where_add(&sql, &pf);
	st = db_prepare(db, sql.s, err);
	sbuf_free(&sql);
	if (st != NULL) {
		where_bind(st, &pf);
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int64(st, 0);
		else
			db_fail(db, err, _("counting participants"));
		sqlite3_finalize(st);
	}
	pfilter_free(&pf);
	return (n);
}

int
person_classes(struct db *db, char ***out, int *np, struct nerr *err)
{
	sqlite3_stmt	*st;
	char		**cl = NULL;
	int		  n = 0, rc;

	*out = NULL;
	*np = 0;
	/* class_key is a function of class, so grouping by it is DISTINCT. */
	if ((st = db_prepare(db, "SELECT class FROM person WHERE class_key <> "
	    "'' GROUP BY class_key ORDER BY class_key", err)) == NULL)
		return (-1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		cl = xreallocarray(cl, n + 1, sizeof *cl);
		cl[n++] = col_dup(st, 0);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		person_classes_free(cl, n);
		return (db_fail(db, err, _("reading the list of classes")));
	}
	*out = cl;
	*np = n;
	return (0);
}

void
person_classes_free(char **cl, int n)
{
	int	i;

	for (i = 0; i < n; i++)
		free(cl[i]);
	free(cl);
}

/* Binds the keyset bound of a segment after the filter's parameters. */
static int
bound_bind(sqlite3_stmt *st, int i, const struct pseg *sg,
    const struct person_row *r)
{
	const char	*k;
	int		 j;

	for (j = 0; j < sg->ncols; j++) {
		k = sg->key[j] == 1 ? r->k1 : r->k2;
		sqlite3_bind_text(st, i++, k != NULL ? k : "", -1,
		    SQLITE_STATIC);
	}
	sqlite3_bind_int64(st, i++, r->id);
	return (i);
}

/*
 * The place of a row in the filter's order (0 = first): the rows of the
 * segments before its own, plus those before it in its segment.  Counted on
 * the same indexes the pages seek in, so it is one index walk, not a page
 * per screenful.
 */
long long
person_rank(struct db *db, const struct person_filter *f,
    const struct person_row *row, struct nerr *err)
{
	const struct pseg	*segs;
	struct pfilter		 pf;
	struct sbuf		 sql;
	sqlite3_stmt		*st;
	long long		 total = 0;
	int			 nseg, s, own, j, i;

	segs = segs_of(f->sort, &nseg);
	own = seg_of_row(f->sort, row);
	pfilter_make(db, f, &pf);
	sbuf_init(&sql);
	for (s = 0; s <= own && total >= 0; s++) {
		sbuf_reset(&sql);
		sbuf_add(&sql, "SELECT count(*) FROM person");
		where_add(&sql, &pf);
		sbuf_addf(&sql, " AND %s", segs[s].cond);
		if (s == own) {
			sbuf_add(&sql, " AND (");
			for (j = 0; j < segs[s].ncols; j++)
				sbuf_addf(&sql, "%s, ", segs[s].cols[j]);
			sbuf_add(&sql, "id) < (");
			for (j = 0; j < segs[s].ncols; j++)
				sbuf_add(&sql, "?, ");
			sbuf_add(&sql, "?)");
		}
		if ((st = db_prepare(db, sql.s, err)) == NULL) {
			total = -1;
			break;
		}
		i = where_bind(st, &pf);
		if (s == own)
			bound_bind(st, i, &segs[s], row);
		if (sqlite3_step(st) == SQLITE_ROW)
			total += sqlite3_column_int64(st, 0);
		else
			total = db_fail(db, err, _("counting participants"));
		sqlite3_finalize(st);
	}
	sbuf_free(&sql);
	pfilter_free(&pf);
	return (total);
}

/* The list row of one participant if the filter shows them: 1, 0 if not, -1. */
int
person_row_find(struct db *db, const struct person_filter *f, long long id,
    struct person_row *row, struct nerr *err)
{
	struct pfilter	 pf;
	struct sbuf	 sql;
	sqlite3_stmt	*st;
	int		 rc, found = -1;

	pfilter_make(db, f, &pf);
	sbuf_init(&sql);
	sbuf_add(&sql, "SELECT id, last, first, patronymic, birth, class, "
	    "organisation, category, is_mentor, is_mentee, sort_key, class_key "
	    "FROM person");
	where_add(&sql, &pf);
	sbuf_add(&sql, " AND id = ?");
	st = db_prepare(db, sql.s, err);
	sbuf_free(&sql);
	if (st != NULL) {
		sqlite3_bind_int64(st, where_bind(st, &pf), id);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			row_fill(row, st, f->sort);
			found = 1;
		} else if (rc == SQLITE_DONE)
			found = 0;
		else
			db_fail(db, err, _("reading the participant list"));
		sqlite3_finalize(st);
	}
	pfilter_free(&pf);
	return (found);
}
