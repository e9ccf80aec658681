/* pair-list.c: the list of pairs and the unpaired mentees, a window at a time. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "pair.h"
#include "person.h"
#include "text.h"
#include "util.h"

/*
 * Pairs page in id order: "id > ? ORDER BY id LIMIT ?" walks the table (or
 * pair_status for one status) from the bound, never the whole of it.  The
 * members' names and the plan's figures are read for the window's rows
 * only, by the correlated subqueries below.
 */

/* «Иванов И. И.» in SQL, as person_short_name makes it in C. */
#define SHORT_NAME_SQL(p)						\
	p ".last || CASE WHEN " p ".first <> '' THEN ' ' || "		\
	"upper(substr(" p ".first, 1, 1)) || '.' ELSE '' END || "	\
	"CASE WHEN " p ".patronymic <> '' THEN ' ' || "			\
	"upper(substr(" p ".patronymic, 1, 1)) || '.' ELSE '' END"

#define NAMES_SQL(role)							\
	"(SELECT group_concat(n, '; ') FROM (SELECT "			\
	SHORT_NAME_SQL("np") " AS n FROM pair_member nm JOIN person np " \
	"ON np.id = nm.person_id WHERE nm.pair_id = pair.id AND "	\
	"nm.role = '" role "' ORDER BY np.sort_key, np.id))"

#define PAIR_ROW_SQL "SELECT id, form, kind, status, "			\
	NAMES_SQL("mentor") ", " NAMES_SQL("mentee") ", "		\
	"date_from, date_to, order_no, "				\
	"(SELECT count(*) FROM pair_member c WHERE c.pair_id = pair.id " \
	"AND c.role = 'mentee'), "					\
	"(SELECT count(s.done) FROM plan pl JOIN plan_step s ON "	\
	"s.plan_id = pl.id WHERE pl.pair_id = pair.id), "		\
	"(SELECT count(*) FROM plan pl JOIN plan_step s ON "		\
	"s.plan_id = pl.id WHERE pl.pair_id = pair.id) FROM pair"

void
pair_filter_init(struct pair_filter *f)
{
	memset(f, 0, sizeof *f);
	f->status = -1;
	f->form = -1;
}

/* The first word of a search, folded, and the end of its range. */
struct psearch {
	char	*lo;
	char	*hi;
};

static void
psearch_make(const char *search, struct psearch *s)
{
	char	*f, *w, *last;

	memset(s, 0, sizeof *s);
	if (str_empty(search))
		return;
	f = text_fold_dup(search);
	if ((w = strtok_r(f, " \t-", &last)) != NULL) {
		s->lo = xstrdup(w);
		xasprintf(&s->hi, "%s\xff", w);
	}
	free(f);
}

static void
psearch_free(struct psearch *s)
{
	free(s->lo);
	free(s->hi);
}

static void
where_add(struct sbuf *sql, const struct pair_filter *f,
    const struct psearch *s)
{
	sbuf_add(sql, " WHERE 1");
	if (f->status == PAIR_LIVE)
		sbuf_add(sql, " AND (status = 'forming' OR status = 'active')");
	else if (f->status >= 0)
		sbuf_add(sql, " AND status = ?");
	if (f->form >= 0)
		sbuf_add(sql, " AND form = ?");
	if (f->person > 0)
		sbuf_add(sql, " AND id IN (SELECT pair_id FROM pair_member "
		    "WHERE person_id = ?)");
	if (s->lo != NULL)
		sbuf_add(sql, " AND EXISTS (SELECT 1 FROM pair_member sm "
		    "JOIN person_word sw ON sw.person_id = sm.person_id WHERE "
		    "sm.pair_id = pair.id AND sw.word >= ? AND sw.word < ?)");
}

static int
where_bind(sqlite3_stmt *st, const struct pair_filter *f,
    const struct psearch *s)
{
	int	i = 1;

	if (f->status >= 0)
		sqlite3_bind_text(st, i++, pair_status_code(f->status), -1,
		    SQLITE_STATIC);
	if (f->form >= 0)
		sqlite3_bind_text(st, i++, pair_form_code(f->form), -1,
		    SQLITE_STATIC);
	if (f->person > 0)
		sqlite3_bind_int64(st, i++, f->person);
	if (s->lo != NULL) {
		sqlite3_bind_text(st, i++, s->lo, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, i++, s->hi, -1, SQLITE_STATIC);
	}
	return (i);
}

static char *
col_str(sqlite3_stmt *st, int i)
{
	const unsigned char	*s = sqlite3_column_text(st, i);

	if (s == NULL || *s == '\0')
		return (NULL);
	return (xstrdup((const char *)s));
}

static void
row_fill(struct pair_row *r, sqlite3_stmt *st)
{
	int	v;

	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	r->form = pair_form_parse((const char *)sqlite3_column_text(st, 1));
	v = pair_kind_parse((const char *)sqlite3_column_text(st, 2));
	r->kind = v < 0 ? PK_NONE : v;
	v = pair_status_parse((const char *)sqlite3_column_text(st, 3));
	r->status = v < 0 ? PST_FORMING : v;
	r->mentors = col_str(st, 4);
	r->mentees = col_str(st, 5);
	r->date_from = col_str(st, 6);
	r->date_to = col_str(st, 7);
	r->order_no = col_str(st, 8);
	r->nmentees = sqlite3_column_int(st, 9);
	r->steps_done = sqlite3_column_int(st, 10);
	r->steps_total = sqlite3_column_int(st, 11);
}

int
pair_page(struct db *db, const struct pair_filter *f,
    const struct pair_row *from, int backward, struct pair_row *rows, int n,
    struct nerr *err)
{
	struct psearch	 s;
	struct sbuf	 sql;
	sqlite3_stmt	*st;
	struct pair_row	 tmp;
	int		 i, got = 0, rc = SQLITE_DONE;

	if (n <= 0)
		return (0);
	psearch_make(f->search, &s);
	sbuf_init(&sql);
	sbuf_add(&sql, PAIR_ROW_SQL);
	where_add(&sql, f, &s);
	if (from != NULL)
		sbuf_addf(&sql, " AND id %s ?", backward ? "<" : ">");
	sbuf_addf(&sql, " ORDER BY id%s LIMIT ?", backward ? " DESC" : "");
	st = db_prepare(db, sql.s, err);
	sbuf_free(&sql);
	if (st == NULL) {
		psearch_free(&s);
		return (-1);
	}
	i = where_bind(st, f, &s);
	if (from != NULL)
		sqlite3_bind_int64(st, i++, from->id);
	sqlite3_bind_int(st, i, n);
	while (got < n && (rc = sqlite3_step(st)) == SQLITE_ROW)
		row_fill(&rows[got++], st);
	sqlite3_finalize(st);
	psearch_free(&s);
	if (got < n && rc != SQLITE_DONE) {
		pair_rows_free(rows, got);
		return (db_fail(db, err, _("reading the list of pairs")));
	}
	for (i = 0; backward && i < got / 2; i++) {
		tmp = rows[i];
		rows[i] = rows[got - 1 - i];
		rows[got - 1 - i] = tmp;
	}
	return (got);
}

/* count(*) of the filter, with extra SQL after the filter's conditions. */
static long long
count_where(struct db *db, const struct pair_filter *f, const char *extra,
    long long id, struct nerr *err)
{
	struct psearch	 s;
	struct sbuf	 sql;
	sqlite3_stmt	*st;
	long long	 n = -1;
	int		 i;

	psearch_make(f->search, &s);
	sbuf_init(&sql);
	sbuf_add(&sql, "SELECT count(*) FROM pair");
	where_add(&sql, f, &s);
	if (extra != NULL)
		sbuf_add(&sql, extra);
	st = db_prepare(db, sql.s, err);
	sbuf_free(&sql);
	if (st != NULL) {
		i = where_bind(st, f, &s);
		if (extra != NULL)
			sqlite3_bind_int64(st, i, id);
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int64(st, 0);
		else
			db_fail(db, err, _("counting pairs"));
		sqlite3_finalize(st);
	}
	psearch_free(&s);
	return (n);
}

long long
pair_count(struct db *db, const struct pair_filter *f, struct nerr *err)
{
	return (count_where(db, f, NULL, 0, err));
}

long long
pair_rank(struct db *db, const struct pair_filter *f,
    const struct pair_row *r, struct nerr *err)
{
	return (count_where(db, f, " AND id < ?", r->id, err));
}

int
pair_row_find(struct db *db, const struct pair_filter *f, long long id,
    struct pair_row *r, struct nerr *err)
{
	struct psearch	 s;
	struct sbuf	 sql;
	sqlite3_stmt	*st;
	int		 rc, found = -1;

	psearch_make(f->search, &s);
	sbuf_init(&sql);
	sbuf_add(&sql, PAIR_ROW_SQL);
	where_add(&sql, f, &s);
	sbuf_add(&sql, " AND id = ?");
	st = db_prepare(db, sql.s, err);
	sbuf_free(&sql);
	if (st != NULL) {
		sqlite3_bind_int64(st, where_bind(st, f, &s), id);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			row_fill(r, st);
			found = 1;
		} else if (rc == SQLITE_DONE)
			found = 0;
		else
			db_fail(db, err, _("reading the list of pairs"));
		sqlite3_finalize(st);
	}
	psearch_free(&s);
	return (found);
}

void
pair_rows_free(struct pair_row *rows, int n)
{
	int	i;

	for (i = 0; i < n; i++) {
		free(rows[i].mentors);
		free(rows[i].mentees);
		free(rows[i].date_from);
		free(rows[i].date_to);
		free(rows[i].order_no);
		memset(&rows[i], 0, sizeof rows[i]);
	}
}

static char *
dup_or_null(const char *s)
{
	return (s != NULL ? xstrdup(s) : NULL);
}

void
pair_row_copy(struct pair_row *dst, const struct pair_row *src)
{
	*dst = *src;
	dst->mentors = dup_or_null(src->mentors);
	dst->mentees = dup_or_null(src->mentees);
	dst->date_from = dup_or_null(src->date_from);
	dst->date_to = dup_or_null(src->date_to);
	dst->order_no = dup_or_null(src->order_no);
}

/* ---- the unpaired ---- */

/*
 * Mentees with no forming or active pair, in name order on the partial
 * index person_mentee (sort_key, id) WHERE is_mentee = 1 AND anonymised =
 * 0: a window seeks there and checks each row's pairs through
 * pair_member_person, so the first page costs its own rows (and the few
 * paired ones skipped), not the table.
 */
#define UNPAIRED_WHERE							\
	" WHERE p.is_mentee = 1 AND p.anonymised = 0 AND NOT EXISTS ("	\
	"SELECT 1 FROM pair_member pm JOIN pair pr ON pr.id = pm.pair_id " \
	"WHERE pm.person_id = p.id AND pm.role = 'mentee' AND "		\
	"(pr.status = 'forming' OR pr.status = 'active'))"

/*
 * The same set for counting them all: one pass over the live pairs'
 * mentees (pair_status, then pair_member's key) into a list the partial
 * index is checked against, instead of a seek into pair_member and pair
 * for each of 38 000 mentees (40 ms against 210 on a municipal file).
 * person_mentee leaves the anonymised out, so the count reads no row.
 */
#define UNPAIRED_ALL							\
	" WHERE p.is_mentee = 1 AND p.anonymised = 0 AND p.id NOT IN ("	\
	"SELECT pm.person_id FROM pair pr JOIN pair_member pm ON "	\
	"pm.pair_id = pr.id WHERE (pr.status = 'forming' OR "		\
	"pr.status = 'active') AND pm.role = 'mentee')"

#define UNPAIRED_SQL "SELECT p.id, p.last || ' ' || p.first || "	\
	"CASE WHEN p.patronymic <> '' THEN ' ' || p.patronymic ELSE '' END, " \
	"p.category, p.class, e.request, coalesce("			\
	"(SELECT max(pr.date_to) FROM pair_member pm JOIN pair pr ON "	\
	"pr.id = pm.pair_id WHERE pm.person_id = p.id AND "		\
	"pm.role = 'mentee' AND (pr.status = 'completed' OR "		\
	"pr.status = 'cancelled')), e.entered, substr(p.created, 1, 10)), " \
	"p.sort_key FROM person p INDEXED BY person_mentee "		\
	"LEFT JOIN mentee e ON e.person_id = p.id"

/* " w1\0 w2\0\0": the search's words, each to begin a word of the name. */
static char *
words_make(const char *search, int *nw)
{
	struct sbuf	 b;
	char		*f, *w, *last;

	*nw = 0;
	if (str_empty(search))
		return (NULL);
	f = text_fold_dup(search);
	sbuf_init(&b);
	for (w = strtok_r(f, " \t-", &last); w != NULL && *nw < 4;
	    w = strtok_r(NULL, " \t-", &last)) {
		sbuf_addc(&b, ' ');
		sbuf_addn(&b, w, strlen(w) + 1);
		(*nw)++;
	}
	free(f);
	return (sbuf_take(&b));
}

static void
unpaired_where(struct sbuf *sql, int nw)
{
	sbuf_add(sql, UNPAIRED_WHERE);
	while (nw-- > 0)
		sbuf_add(sql, " AND instr(' ' || p.search_key, ?) > 0");
}

static int
unpaired_bind(sqlite3_stmt *st, const char *words, int nw)
{
	const char	*w = words;
	int		 i = 1;

	for (; nw > 0; nw--, w += strlen(w) + 1)
		sqlite3_bind_text(st, i++, w, -1, SQLITE_STATIC);
	return (i);
}

static void
unpaired_fill(struct unpaired_row *r, sqlite3_stmt *st, long today)
{
	long	d;

	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	r->name = col_str(st, 1);
	r->category = person_category_parse(
	    (const char *)sqlite3_column_text(st, 2));
	r->class_ = col_str(st, 3);
	r->request = col_str(st, 4);
	r->since = col_str(st, 5);
	d = r->since != NULL ? date_days(r->since) : -1;
	r->days = d < 0 || today < d ? 0 : (int)(today - d);
	r->k1 = col_str(st, 6);
	if (r->k1 == NULL)
		r->k1 = xstrdup("");
}

int
pair_unpaired_page(struct db *db, const char *search,
    const struct unpaired_row *from, int backward, struct unpaired_row *rows,
    int n, struct nerr *err)
{
	struct unpaired_row	 tmp;
	struct sbuf		 sql;
	sqlite3_stmt		*st;
	const char		*dir = backward ? " DESC" : "";
	char			*words;
	long			 today = date_days(date_today());
	int			 i, nw, got = 0, rc = SQLITE_DONE;

	if (n <= 0)
		return (0);
	words = words_make(search, &nw);
	sbuf_init(&sql);
	sbuf_add(&sql, UNPAIRED_SQL);
	unpaired_where(&sql, nw);
	if (from != NULL)
		sbuf_addf(&sql, " AND (p.sort_key, p.id) %s (?, ?)",
		    backward ? "<" : ">");
	sbuf_addf(&sql, " ORDER BY p.sort_key%s, p.id%s LIMIT ?", dir, dir);
	st = db_prepare(db, sql.s, err);
	sbuf_free(&sql);
	if (st == NULL) {
		free(words);
		return (-1);
	}
	i = unpaired_bind(st, words, nw);
	if (from != NULL) {
		sqlite3_bind_text(st, i++, from->k1 != NULL ? from->k1 : "",
		    -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, i++, from->id);
	}
	sqlite3_bind_int(st, i, n);
	while (got < n && (rc = sqlite3_step(st)) == SQLITE_ROW)
		unpaired_fill(&rows[got++], st, today);
	sqlite3_finalize(st);
	free(words);
	if (got < n && rc != SQLITE_DONE) {
		pair_unpaired_free(rows, got);
		return (db_fail(db, err, _("reading the list of mentees "
		    "without a pair")));
	}
	for (i = 0; backward && i < got / 2; i++) {
		tmp = rows[i];
		rows[i] = rows[got - 1 - i];
		rows[got - 1 - i] = tmp;
	}
	return (got);
}

long long
pair_unpaired_count(struct db *db, const char *search, struct nerr *err)
{
	struct sbuf	 sql;
	sqlite3_stmt	*st;
	char		*words;
	long long	 n = -1;
	int		 nw;

	words = words_make(search, &nw);
	sbuf_init(&sql);
	sbuf_add(&sql, "SELECT count(*) FROM person p INDEXED BY "
	    "person_mentee");
	if (nw == 0)
		sbuf_add(&sql, UNPAIRED_ALL);
	else
		unpaired_where(&sql, nw);
	st = db_prepare(db, sql.s, err);
	sbuf_free(&sql);
	if (st != NULL) {
		unpaired_bind(st, words, nw);
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int64(st, 0);
		else
			db_fail(db, err, _("counting mentees without a pair"));
		sqlite3_finalize(st);
	}
	free(words);
	return (n);
}

void
pair_unpaired_free(struct unpaired_row *rows, int n)
{
	int	i;

	for (i = 0; i < n; i++) {
		free(rows[i].name);
		free(rows[i].class_);
		free(rows[i].request);
		free(rows[i].since);
		free(rows[i].k1);
		memset(&rows[i], 0, sizeof rows[i]);
	}
}

void
pair_unpaired_copy(struct unpaired_row *dst, const struct unpaired_row *src)
{
	*dst = *src;
	dst->name = dup_or_null(src->name);
	dst->class_ = dup_or_null(src->class_);
	dst->request = dup_or_null(src->request);
	dst->since = dup_or_null(src->since);
	dst->k1 = dup_or_null(src->k1);
}
