/* meeting-list.c: the meetings list a window at a time, and how many each meeting expects. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "meeting.h"
#include "person.h"
#include "user.h"
#include "util.h"

void
meeting_filter_init(struct meeting_filter *f)
{
	memset(f, 0, sizeof *f);
	f->kind = -1;
	f->events = -1;
}

/* ---- how many an event expects ---- */

static int
count_one(struct db *db, const char *sql, const char *arg, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 n = -1;

	if ((st = db_prepare(db, sql, err)) == NULL)
		return (-1);
	sqlite3_bind_text(st, 1, arg, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	else
		db_fail(db, err, _("counting the audience"));
	sqlite3_finalize(st);
	return (n);
}

/*
 * One event's audience size with small indexed counts (a class's pupils,
 * a category): for a page of the list, where loading every class's count
 * would cost more than the page.
 */
int
meeting_expected_db(struct db *db, const char *audience, struct nerr *err)
{
	struct meeting_aud	 a;
	char			*key;
	int			 i, n, total = 0;

	if (meeting_audience_parse(audience, &a, err) != 0)
		return (0);	/* an unreadable audience expects nobody */
	for (i = 0; i < a.nclasses && total >= 0; i++) {
		key = meeting_class_key(a.classes[i]);
		n = count_one(db, "SELECT count(*) FROM person WHERE "
		    "class_key = ? AND category = 'pupil' AND anonymised = 0",
		    key, err);
		free(key);
		total = n < 0 ? -1 : total + n;
	}
	for (i = 0; i < CAT__COUNT && total >= 0; i++) {
		if (!meeting_aud_has(&a, i, NULL))
			continue;
		n = count_one(db, "SELECT count(*) FROM person WHERE "
		    "category = ? AND anonymised = 0", person_category_code(i),
		    err);
		total = n < 0 ? -1 : total + n;
	}
	meeting_aud_free(&a);
	return (total);
}

int
meeting_counts_load(struct db *db, const char *class_,
    struct meeting_counts *c, struct nerr *err)
{
	sqlite3_stmt	*st;
	const char	*s;
	int		 rc, cat;

	memset(c, 0, sizeof *c);
	if (class_ != NULL)
		c->only_class = xstrdup(class_);
	/* class_key is a function of class: grouping by it is by class. */
	if ((st = db_prepare(db, "SELECT class, count(*) FROM person WHERE "
	    "category = 'pupil' AND anonymised = 0 AND class_key <> '' "
	    "GROUP BY class_key", err)) == NULL)
		return (-1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		c->classes = xreallocarray(c->classes, c->nclasses + 1,
		    sizeof *c->classes);
		c->npupils = xreallocarray(c->npupils, c->nclasses + 1,
		    sizeof *c->npupils);
		s = (const char *)sqlite3_column_text(st, 0);
		c->classes[c->nclasses] = xstrdup(s != NULL ? s : "");
		c->npupils[c->nclasses++] = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		goto fail;
	if ((st = db_prepare(db, "SELECT category, count(*) FROM person WHERE "
	    "anonymised = 0 GROUP BY category", err)) == NULL)
		goto fail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		cat = person_category_parse(
		    (const char *)sqlite3_column_text(st, 0));
		if (cat >= 0)
			c->bycat[cat] = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return (0);
fail:
	db_fail(db, err, _("counting the audience"));
	meeting_counts_free(c);
	return (-1);
}

void
meeting_counts_free(struct meeting_counts *c)
{
	int	i;

	for (i = 0; i < c->nclasses; i++)
		free(c->classes[i]);
	free(c->classes);
	free(c->npupils);
	free(c->only_class);
	memset(c, 0, sizeof *c);
}

int
meeting_counts_class(const struct meeting_counts *c, const char *class_)
{
	int	i;

	for (i = 0; i < c->nclasses; i++)
		if (strcmp(c->classes[i], class_) == 0)
			return (c->npupils[i]);
	return (0);
}

int
meeting_counts_expected(const struct meeting_counts *c, const char *audience)
{
	struct meeting_aud	a;
	struct nerr		err;
	int			i, n = 0;

	if (meeting_audience_parse(audience, &a, &err) != 0)
		return (0);
	if (c->only_class != NULL) {
		/* Only that class's pupils count. */
		if (meeting_aud_has(&a, CAT_PUPIL, c->only_class))
			n = meeting_counts_class(c, c->only_class);
		meeting_aud_free(&a);
		return (n);
	}
	for (i = 0; i < a.nclasses; i++)
		n += meeting_counts_class(c, a.classes[i]);
	for (i = 0; i < CAT__COUNT; i++)
		if (meeting_aud_has(&a, i, NULL))
			n += c->bycat[i];
	meeting_aud_free(&a);
	return (n);
}

/* ---- the list ---- */

#define ROW_COLS "m.id, coalesce(m.pair_id, 0), m.kind, m.status, m.date, " \
	"m.time, m.topic, m.audience, CASE WHEN m.pair_id IS NULL THEN NULL " \
	"ELSE " MEETING_WHO_SQL("m.pair_id") " END, " \
	"(SELECT count(DISTINCT person_id) FROM pair_member WHERE " \
	"pair_id = m.pair_id), " \
	"(SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id), " \
	"(SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id AND " \
	"a.status = 'present')"

/*
 * A teacher's own meetings (the rows MEETING_MINE_SQL accepts) as a set of
 * ids: the meetings of the pairs they mentor through meeting_pair, and the
 * events for their classes from the partial index meeting_audience.  As an
 * EXISTS on each row it read every meeting of the dates asked (6 700 in a
 * week of a municipal file) for the few that are the teacher's.
 */
#define MINE_IDS_SQL \
	"m.id IN (SELECT x.id FROM pair_member pm JOIN meeting x ON " \
	"x.pair_id = pm.pair_id WHERE pm.person_id = ?100 AND " \
	"pm.role = 'mentor' UNION ALL SELECT x.id FROM meeting x INDEXED BY " \
	"meeting_audience WHERE x.audience IS NOT NULL AND EXISTS (SELECT 1 " \
	"FROM user_class uc WHERE uc.user_id = ?101 AND instr(',' || " \
	"x.audience || ',', ',' || uc.class || ',') > 0))"

/* The WHERE of a filter; parameters ?1..?5 and ?100/?101 (bind_filter). */
static void
where_add(struct db *db, struct sbuf *b, const struct meeting_filter *f)
{
	sbuf_add(b, " WHERE 1");
	if (f->pair_id > 0)
		sbuf_add(b, " AND m.pair_id = ?1");
	if (f->from != NULL)
		sbuf_add(b, " AND m.date >= ?2");
	if (f->to != NULL)
		sbuf_add(b, " AND m.date <= ?3");
	if (f->kind >= 0)
		sbuf_add(b, " AND m.kind = ?4");
	if (f->events == 0)
		sbuf_add(b, " AND m.pair_id IS NOT NULL");
	else if (f->events == 1)
		sbuf_add(b, " AND m.pair_id IS NULL");
	if (f->mine && db->role == ROLE_TEACHER)
		sbuf_add(b, " AND " MINE_IDS_SQL);
	else if (f->mine && db->role != ROLE_CURATOR)
		sbuf_add(b, " AND 0");
}

/* Unused numbers are refused by SQLite with SQLITE_RANGE: harmless. */
static void
bind_filter(struct db *db, sqlite3_stmt *st, const struct meeting_filter *f)
{
	sqlite3_bind_int64(st, 1, f->pair_id);
	if (f->from != NULL)
		sqlite3_bind_text(st, 2, f->from, -1, SQLITE_TRANSIENT);
	if (f->to != NULL)
		sqlite3_bind_text(st, 3, f->to, -1, SQLITE_TRANSIENT);
	if (f->kind >= 0)
		sqlite3_bind_text(st, 4, meeting_kind_code(f->kind), -1,
		    SQLITE_STATIC);
	sqlite3_bind_int64(st, 100, db->user_person);
	sqlite3_bind_int64(st, 101, db->user_id);
}

static char *
col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char	*s = sqlite3_column_text(st, i);

	return (s == NULL || *s == '\0' ? NULL : xstrdup((const char *)s));
}

/*
 * Audience sizes already counted, kept while the file is unchanged (by us:
 * total_changes; by others: PRAGMA data_version): a page of class hours
 * asks for the same few classes again and again.
 */
#define AUD_MEMO	64
static struct {
	struct db	*db;
	long long	 dv;
	int		 changes;
	char		*aud[AUD_MEMO];
	int		 n[AUD_MEMO];
	int		 used;
} memo;

static long long
data_version(struct db *db)
{
	sqlite3_stmt	*st;
	long long	 v = -1;

	if (sqlite3_prepare_v2(db->h, "PRAGMA data_version", -1, &st,
	    NULL) != SQLITE_OK)
		return (-1);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return (v);
}

static int
expected_memo(struct db *db, const char *aud, struct nerr *err)
{
	long long	dv = data_version(db);
	int		i, n;

	if (memo.db != db || memo.dv != dv || dv < 0 ||
	    memo.changes != sqlite3_total_changes(db->h)) {
		for (i = 0; i < memo.used; i++)
			free(memo.aud[i]);
		memo.used = 0;
		memo.db = db;
		memo.dv = dv;
		memo.changes = sqlite3_total_changes(db->h);
	}
	for (i = 0; i < memo.used; i++)
		if (strcmp(memo.aud[i], aud) == 0)
			return (memo.n[i]);
	if ((n = meeting_expected_db(db, aud, err)) < 0)
		return (-1);
	if (memo.used < AUD_MEMO) {
		memo.aud[memo.used] = xstrdup(aud);
		memo.n[memo.used++] = n;
	}
	return (n);
}

static int
row_fill(struct db *db, struct meeting_row *r, sqlite3_stmt *st,
    struct nerr *err)
{
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	r->pair_id = sqlite3_column_int64(st, 1);
	r->kind = meeting_kind_parse((const char *)sqlite3_column_text(st, 2));
	r->status = meeting_status_parse(
	    (const char *)sqlite3_column_text(st, 3));
	r->date = col_dup(st, 4);
	r->time = col_dup(st, 5);
	r->topic = col_dup(st, 6);
	r->marked = sqlite3_column_int(st, 10);
	r->present = sqlite3_column_int(st, 11);
	if (r->pair_id > 0) {
		r->who = col_dup(st, 8);
		r->expected = sqlite3_column_int(st, 9);
		return (0);
	}
	r->expected = expected_memo(db,
	    str_or((const char *)sqlite3_column_text(st, 7), ""), err);
	r->who = meeting_audience_show(
	    (const char *)sqlite3_column_text(st, 7));
	return (r->expected < 0 ? -1 : 0);
}

static void
rows_reverse(struct meeting_row *rows, int n)
{
	struct meeting_row	tmp;
	int			i;

	for (i = 0; i < n / 2; i++) {
		tmp = rows[i];
		rows[i] = rows[n - 1 - i];
		rows[n - 1 - i] = tmp;
	}
}

int
meeting_page(struct db *db, const struct meeting_filter *f,
    const struct meeting_row *from, int backward, struct meeting_row *rows,
    int n, struct nerr *err)
{
	struct sbuf	 sql;
	sqlite3_stmt	*st;
	int		 got = 0, rc;

	if (n <= 0)
		return (0);
	if (from == NULL)
		memo.db = NULL;		/* a new listing counts afresh */
	sbuf_init(&sql);
	sbuf_add(&sql, "SELECT " ROW_COLS " FROM meeting m");
	where_add(db, &sql, f);
	if (from != NULL)
		sbuf_addf(&sql, " AND (m.date, coalesce(m.time, ''), m.id) %s "
		    "(?20, ?21, ?22)", backward ? "<" : ">");
	if (backward)
		sbuf_add(&sql, " ORDER BY m.date DESC, coalesce(m.time, '') "
		    "DESC, m.id DESC");
	else
		sbuf_add(&sql, " ORDER BY m.date, coalesce(m.time, ''), m.id");
	sbuf_addf(&sql, " LIMIT %d", n);
	st = db_prepare(db, sql.s, err);
	sbuf_free(&sql);
	if (st == NULL)
		return (-1);
	bind_filter(db, st, f);
	if (from != NULL) {
		sqlite3_bind_text(st, 20, str_or(from->date, ""), -1,
		    SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 21, str_or(from->time, ""), -1,
		    SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 22, from->id);
	}
	while (got < n && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (row_fill(db, &rows[got++], st, err) != 0) {
			sqlite3_finalize(st);
			meeting_rows_free(rows, got);
			return (-1);
		}
	}
	if (got < n && rc != SQLITE_DONE) {
		sqlite3_finalize(st);
		meeting_rows_free(rows, got);
		return (db_fail(db, err, _("reading the meetings")));
	}
	sqlite3_finalize(st);
	if (backward)
		rows_reverse(rows, got);
	return (got);
}

static long long
count_where(struct db *db, const struct meeting_filter *f,
    const struct meeting_row *before, struct nerr *err)
{
	struct sbuf	 sql;
	sqlite3_stmt	*st;
	long long	 n = -1;

	sbuf_init(&sql);
	sbuf_add(&sql, "SELECT count(*) FROM meeting m");
	where_add(db, &sql, f);
	if (before != NULL)
		sbuf_add(&sql, " AND (m.date, coalesce(m.time, ''), m.id) < "
		    "(?20, ?21, ?22)");
	st = db_prepare(db, sql.s, err);
	sbuf_free(&sql);
	if (st == NULL)
		return (-1);
	bind_filter(db, st, f);
	if (before != NULL) {
		sqlite3_bind_text(st, 20, str_or(before->date, ""), -1,
		    SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 21, str_or(before->time, ""), -1,
		    SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 22, before->id);
	}
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	else
		db_fail(db, err, _("counting the meetings"));
	sqlite3_finalize(st);
	return (n);
}

long long
meeting_count(struct db *db, const struct meeting_filter *f,
    struct nerr *err)
{
	return (count_where(db, f, NULL, err));
}

long long
meeting_rank(struct db *db, const struct meeting_filter *f,
    const struct meeting_row *row, struct nerr *err)
{
	return (count_where(db, f, row, err));
}

int
meeting_row_find(struct db *db, const struct meeting_filter *f,
    long long id, struct meeting_row *row, struct nerr *err)
{
	struct sbuf	 sql;
	sqlite3_stmt	*st;
	int		 rc, found = -1;

	sbuf_init(&sql);
	sbuf_add(&sql, "SELECT " ROW_COLS " FROM meeting m");
	where_add(db, &sql, f);
	sbuf_add(&sql, " AND m.id = ?30");
	st = db_prepare(db, sql.s, err);
	sbuf_free(&sql);
	if (st == NULL)
		return (-1);
	bind_filter(db, st, f);
	sqlite3_bind_int64(st, 30, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		found = row_fill(db, row, st, err) == 0 ? 1 : -1;
	else if (rc == SQLITE_DONE)
		found = 0;
	else
		db_fail(db, err, _("reading the meetings"));
	sqlite3_finalize(st);
	return (found);
}

void
meeting_rows_free(struct meeting_row *rows, int n)
{
	int	i;

	for (i = 0; i < n; i++) {
		free(rows[i].date);
		free(rows[i].time);
		free(rows[i].topic);
		free(rows[i].who);
		memset(&rows[i], 0, sizeof rows[i]);
	}
}

static char *
dup_or_null(const char *s)
{
	return (s != NULL ? xstrdup(s) : NULL);
}

void
meeting_row_copy(struct meeting_row *dst, const struct meeting_row *src)
{
	*dst = *src;
	dst->date = dup_or_null(src->date);
	dst->time = dup_or_null(src->time);
	dst->topic = dup_or_null(src->topic);
	dst->who = dup_or_null(src->who);
}
