/* meeting-scope.c: who is expected at a meeting, who may mark it, and marking one person in one short write. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "meeting.h"
#include "person.h"
#include "user.h"
#include "util.h"

int
user_may_mark(struct db *db, long long meeting_id, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc, may = -1;

	if (db->role == ROLE_VIEWER)
		return (0);
	if ((st = db_prepare(db, "SELECT " MEETING_MINE_SQL " FROM meeting m "
	    "WHERE m.id = ?1", err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, meeting_id);
	sqlite3_bind_int64(st, 100, db->user_person);
	sqlite3_bind_int64(st, 101, db->user_id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		may = db->role == ROLE_CURATOR ? 1 :
		    sqlite3_column_int(st, 0) != 0;
	else if (rc == SQLITE_DONE)
		nerr_set(err, _("Meeting no. %lld is not in the database: "
		    "someone may have deleted it."), meeting_id);
	else
		db_fail(db, err, _("reading the meeting"));
	sqlite3_finalize(st);
	return (may);
}

/* ---- who is expected ---- */

/*
 * The condition on person p for those expected at m, with the classes of
 * an event bound from ?10 on and a pair from ?9 (expect_bind).
 */
static void
expect_sql(struct sbuf *b, const struct meeting *m,
    const struct meeting_aud *a)
{
	int	i, first = 1;

	if (m->pair_id > 0) {
		sbuf_add(b, "p.id IN (SELECT person_id FROM pair_member WHERE "
		    "pair_id = ?9)");
		return;
	}
	sbuf_add(b, "(p.anonymised = 0 AND (0");
	if (a->nclasses > 0) {
		sbuf_add(b, " OR (p.category = 'pupil' AND p.class_key IN (");
		for (i = 0; i < a->nclasses; i++)
			sbuf_addf(b, "%s?%d", i > 0 ? ", " : "", 10 + i);
		sbuf_add(b, "))");
	}
	for (i = 0; i < CAT__COUNT; i++) {
		if (!meeting_aud_has(a, i, NULL))
			continue;
		/* Codes are ours, never typed: safe inside the statement. */
		sbuf_addf(b, "%s'%s'", first ? " OR p.category IN (" : ", ",
		    person_category_code(i));
		first = 0;
	}
	if (!first)
		sbuf_add(b, ")");
	sbuf_add(b, "))");
}

static void
expect_bind(sqlite3_stmt *st, const struct meeting *m,
    const struct meeting_aud *a)
{
	char	*key;
	int	 i;

	if (m->pair_id > 0) {
		sqlite3_bind_int64(st, 9, m->pair_id);
		return;
	}
	for (i = 0; i < a->nclasses; i++) {
		key = meeting_class_key(a->classes[i]);
		sqlite3_bind_text(st, 10 + i, key, -1, free);
	}
}

/* A meeting and its parsed audience (events), or -1. */
static int
meeting_load(struct db *db, long long id, struct meeting *m,
    struct meeting_aud *a, struct nerr *err)
{
	struct nerr	ignore;

	memset(a, 0, sizeof *a);
	if (meeting_get(db, id, m, err) != 0)
		return (-1);
	/* A stored audience was checked on saving; a bad one expects none. */
	if (m->pair_id == 0 && meeting_audience_parse(m->audience, a,
	    &ignore) != 0)
		memset(a, 0, sizeof *a);
	return (0);
}

int
attend_list(struct db *db, long long meeting, struct att_row **out, int *np,
    struct nerr *err)
{
	struct meeting		 m;
	struct meeting_aud	 a;
	struct att_row		*v = NULL, *r;
	struct sbuf		 sql;
	sqlite3_stmt		*st;
	const char		*s;
	char			*name;
	int			 n = 0, rc, may;

	*out = NULL;
	*np = 0;
	if (meeting_load(db, meeting, &m, &a, err) != 0)
		return (-1);
	/* A teacher sees the lists of their own meetings only. */
	if (db->role == ROLE_TEACHER && (may = user_may_mark(db, meeting,
	    err)) <= 0) {
		if (may == 0) {
			name = meeting_name(&m);
			nerr_set(err, _("You see attendance only at meetings "
			    "of your pairs and events for your classes; %s is "
			    "not one of them."), name);
			free(name);
		}
		goto out;
	}
	sbuf_init(&sql);
	sbuf_add(&sql, "SELECT p.id, p.last || ' ' || p.first || CASE WHEN "
	    "p.patronymic <> '' THEN ' ' || p.patronymic ELSE '' END, p.class, "
	    "p.category, a.status FROM person p LEFT JOIN attendance a ON "
	    "a.meeting_id = ?1 AND a.person_id = p.id WHERE ");
	expect_sql(&sql, &m, &a);
	/* Marks of someone no longer expected stay visible. */
	sbuf_add(&sql, " OR p.id IN (SELECT person_id FROM attendance WHERE "
	    "meeting_id = ?1) ORDER BY p.class_key, p.sort_key, p.id");
	st = db_prepare(db, sql.s, err);
	sbuf_free(&sql);
	if (st == NULL)
		goto out;
	sqlite3_bind_int64(st, 1, meeting);
	expect_bind(st, &m, &a);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xreallocarray(v, n + 1, sizeof *v);
		r = &v[n++];
		memset(r, 0, sizeof *r);
		r->person_id = sqlite3_column_int64(st, 0);
		r->name = xstrdup((const char *)sqlite3_column_text(st, 1));
		s = (const char *)sqlite3_column_text(st, 2);
		r->class_ = s != NULL && *s != '\0' ? xstrdup(s) : NULL;
		r->category = person_category_parse(
		    (const char *)sqlite3_column_text(st, 3));
		s = (const char *)sqlite3_column_text(st, 4);
		r->status = s != NULL ? att_status_parse(s) : ATT_NONE;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		attend_list_free(v, n);
		db_fail(db, err, _("reading the attendance"));
		goto out;
	}
	*out = v;
	*np = n;
	meeting_aud_free(&a);
	meeting_free(&m);
	return (0);
out:
	meeting_aud_free(&a);
	meeting_free(&m);
	return (-1);
}

void
attend_list_free(struct att_row *v, int n)
{
	int	i;

	for (i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].class_);
	}
	free(v);
}

/* "class hour of 12.09.2026 (7Б)": how messages name a meeting. */
char *
meeting_name(const struct meeting *m)
{
	char	 d[DATE_ISO_LEN], *s;

	date_show(m->date, d);
	if (m->pair_id > 0)
		xasprintf(&s, _("meeting no. %lld (%s of %s, pair no. %lld)"),
		    m->id, meeting_kind_label(m->kind), d, m->pair_id);
	else
		xasprintf(&s, _("meeting no. %lld (%s of %s for %s)"), m->id,
		    meeting_kind_label(m->kind), d, str_or(m->audience, ""));
	return (s);
}

/* Is the person expected at m?  1, 0, -1. */
static int
expects(struct db *db, const struct meeting *m, const struct meeting_aud *a,
    long long person, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc, yes = -1;

	if (m->pair_id > 0) {
		st = db_prepare(db, "SELECT 1 FROM pair_member WHERE pair_id = "
		    "?2 AND person_id = ?1", err);
	} else
		st = db_prepare(db, "SELECT category, class, anonymised FROM "
		    "person WHERE id = ?1", err);
	if (st == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, person);
	sqlite3_bind_int64(st, 2, m->pair_id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		yes = m->pair_id > 0 ? 1 : !sqlite3_column_int(st, 2) &&
		    meeting_aud_has(a, person_category_parse((const char *)
		    sqlite3_column_text(st, 0)),
		    (const char *)sqlite3_column_text(st, 1));
	else if (rc == SQLITE_DONE)
		yes = 0;
	else
		db_fail(db, err, _("reading the attendance"));
	sqlite3_finalize(st);
	return (yes);
}

/* The scope and the meeting's state, before any write. */
static int
mark_check(struct db *db, const struct meeting *m, struct nerr *err)
{
	char	*name;
	int	 may, ahead;

	if ((may = user_may_mark(db, m->id, err)) < 0)
		return (-1);
	ahead = m->date != NULL && strcmp(m->date, date_today()) > 0;
	name = meeting_name(m);
	if (!may && db->role == ROLE_VIEWER)
		nerr_set(err, _("You may only read this database; attendance "
		    "at %s was not marked."), name);
	else if (!may)
		nerr_set(err, _("You mark attendance only at meetings of your "
		    "pairs and events for your classes; %s is not one of "
		    "them."), name);
	else if (m->status == MS_CANCELLED)
		nerr_set(err, _("Attendance is not marked at a cancelled "
		    "meeting: %s was cancelled; set it back to planned or held "
		    "first."), name);
	else if (ahead)
		nerr_set(err, _("Attendance is marked once a meeting has "
		    "taken place: %s is still ahead."), name);
	free(name);
	return (may && m->status != MS_CANCELLED && !ahead ? 0 : -1);
}

/*
 * Begin a write a teacher is allowed (after mark_check); mark_end closes
 * the scope when the transaction is over.
 */
static int
mark_begin(struct db *db, struct nerr *err)
{
	db->scoped_write = 1;
	if (db_begin(db, err) != 0) {
		db->scoped_write = 0;
		return (-1);
	}
	return (0);
}

static int
mark_end(struct db *db, int rc, struct nerr *err)
{
	if (rc == 0)
		rc = db_commit(db, err);
	if (rc != 0)
		db_rollback(db);
	db->scoped_write = 0;
	return (rc);
}

/* Make a planned meeting held, inside the caller's transaction. */
static int
mark_held(struct db *db, long long meeting, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_prepare(db, "UPDATE meeting SET status = 'held', "
	    "version = version + 1 WHERE id = ? AND status = 'planned'",
	    err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, meeting);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return (rc == SQLITE_DONE ? 0 : db_fail(db, err,
	    _("saving the attendance")));
}

int
attend_mark(struct db *db, long long meeting, long long person, int status,
    struct nerr *err)
{
	struct meeting		 m;
	struct meeting_aud	 a;
	sqlite3_stmt		*st;
	char			*name;
	int			 rc = -1, yes;

	if (status != ATT_NONE && (status < 0 || status >= ATT__COUNT))
		return (nerr_set(err, _("An attendance mark is present, absent "
		    "or excused.")));
	if (meeting_load(db, meeting, &m, &a, err) != 0)
		return (-1);
	if (mark_check(db, &m, err) != 0)
		goto out;
	if (status != ATT_NONE) {
		if ((yes = expects(db, &m, &a, person, err)) < 0)
			goto out;
		if (!yes) {
			name = meeting_name(&m);
			nerr_set(err, _("Participant no. %lld is not expected "
			    "at %s: not a member of the pair or not in its "
			    "audience."), person, name);
			free(name);
			goto out;
		}
	}
	if (mark_begin(db, err) != 0)
		goto out;
	if (status == ATT_NONE)
		st = db_prepare(db, "DELETE FROM attendance WHERE meeting_id = "
		    "?1 AND person_id = ?2", err);
	else
		st = db_prepare(db, "INSERT INTO attendance (meeting_id, "
		    "person_id, status) VALUES (?1, ?2, ?3) ON CONFLICT "
		    "(meeting_id, person_id) DO UPDATE SET status = "
		    "excluded.status", err);
	if (st != NULL) {
		sqlite3_bind_int64(st, 1, meeting);
		sqlite3_bind_int64(st, 2, person);
		sqlite3_bind_text(st, 3, att_status_code(status), -1,
		    SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? 0 :
		    db_fail(db, err, _("saving the attendance"));
		sqlite3_finalize(st);
	}
	if (rc == 0 && status != ATT_NONE && m.status == MS_PLANNED)
		rc = mark_held(db, meeting, err);
	/* The meeting, never the person: the log holds no one's data. */
	if (rc == 0)
		rc = db_audit(db, "attendance.mark", "meeting", meeting, err);
	rc = mark_end(db, rc, err);
out:
	meeting_aud_free(&a);
	meeting_free(&m);
	return (rc);
}

int
attend_mark_rest(struct db *db, long long meeting, int status,
    struct nerr *err)
{
	struct meeting		 m;
	struct meeting_aud	 a;
	struct sbuf		 sql;
	sqlite3_stmt		*st;
	int			 rc = -1, n = 0;

	if (status < 0 || status >= ATT__COUNT)
		return (nerr_set(err, _("An attendance mark is present, absent "
		    "or excused.")));
	if (meeting_load(db, meeting, &m, &a, err) != 0)
		return (-1);
	if (mark_check(db, &m, err) != 0 || mark_begin(db, err) != 0)
		goto out;
	sbuf_init(&sql);
	sbuf_add(&sql, "INSERT INTO attendance (meeting_id, person_id, status) "
	    "SELECT ?1, p.id, ?2 FROM person p WHERE ");
	expect_sql(&sql, &m, &a);
	sbuf_add(&sql, " AND NOT EXISTS (SELECT 1 FROM attendance x WHERE "
	    "x.meeting_id = ?1 AND x.person_id = p.id)");
	st = db_prepare(db, sql.s, err);
	sbuf_free(&sql);
	if (st != NULL) {
		sqlite3_bind_int64(st, 1, meeting);
		sqlite3_bind_text(st, 2, att_status_code(status), -1,
		    SQLITE_STATIC);
		expect_bind(st, &m, &a);
		rc = sqlite3_step(st) == SQLITE_DONE ? 0 :
		    db_fail(db, err, _("saving the attendance"));
		n = sqlite3_changes(db->h);
		sqlite3_finalize(st);
	}
	if (rc == 0 && n > 0 && m.status == MS_PLANNED)
		rc = mark_held(db, meeting, err);
	if (rc == 0)
		rc = db_audit(db, "attendance.mark", "meeting", meeting, err);
	rc = mark_end(db, rc, err);
out:
	meeting_aud_free(&a);
	meeting_free(&m);
	return (rc);
}
