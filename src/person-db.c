/* person-db.c: writing and reading participants, one transaction a write. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "pair.h"
#include "person.h"
#include "text.h"
#include "util.h"

/* The key that sorts classes in school order: "7Б" -> "07Б". */
static char *
class_key(const char *class_)
{
	char	*out;

	if (str_empty(class_))
		return (xstrdup(""));
	if (class_[0] >= '0' && class_[0] <= '9' &&
	    !(class_[1] >= '0' && class_[1] <= '9'))
		xasprintf(&out, "0%s", class_);
	else
		out = xstrdup(class_);
	return (out);
}

/* ---- saving ---- */

/* The three keys stored beside the name; person_import and demo share them. */
struct person_keys {
	char	*sort;
	char	*search;
	char	*class_;	/* normalised class or NULL */
	char	*class_key;
};

static void
keys_make(const struct person *p, struct person_keys *k)
{
	struct sbuf	 full, b;
	const char	*last, *first, *patr;

	last = str_or(p->last, "");
	first = str_or(p->first, "");
	patr = str_or(p->patronymic, "");
	/*
	 * Fields apart with 0x01, which text_sort_key ranks below any letter,
	 * so "Иван Пётр" sorts before "Иванов Анна".
	 */
	sbuf_init(&full);
	sbuf_addf(&full, "%s\001%s\001%s", last, first, patr);
	sbuf_init(&b);
	text_sort_key(&b, full.s);
	k->sort = sbuf_take(&b);
	/*
	 * The search key: " фамилия имя отчество", folded, each word (and each
	 * part of a double surname) after a space, so a search can match the
	 * beginning of any word: "ёлк" finds Ёлкин, "корсак" finds
	 * Римская-Корсакова, but "ел" does not find every Белов.
	 */
	sbuf_reset(&full);
	sbuf_addf(&full, " %s %s %s", last, first, patr);
	text_fold(&b, full.s);
	for (size_t i = 0; i < b.len; i++)
		if (b.s[i] == '-' || b.s[i] == '\t')
			b.s[i] = ' ';
	k->search = sbuf_take(&b);
	sbuf_free(&full);
	k->class_ = str_empty(p->class_) ? NULL :
	    person_class_normalise(p->class_);
	k->class_key = class_key(k->class_);
}

static void
keys_free(struct person_keys *k)
{
	free(k->sort);
	free(k->search);
	free(k->class_);
	free(k->class_key);
}

/* Empty strings are stored as NULL. */
static void
bind_str(sqlite3_stmt *st, int i, const char *s)
{
	if (str_empty(s))
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

static char *
col_str(sqlite3_stmt *st, int i)
{
	const unsigned char	*s = sqlite3_column_text(st, i);

	if (s == NULL || *s == '\0')
		return (NULL);
	return (xstrdup((const char *)s));
}

#define PERSON_COLS "last, first, patronymic, category, birth, class, " \
	"organisation, position, phone, email, note, is_mentor, is_mentee, " \
	"sort_key, search_key, class_key"

/* Binds the person's columns as PERSON_COLS lists them, from index 1. */
static int
bind_person(sqlite3_stmt *st, const struct person *p,
    const struct person_keys *k)
{
	sqlite3_bind_text(st, 1, str_or(p->last, ""), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, str_or(p->first, ""), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, str_or(p->patronymic, ""), -1,
	    SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, person_category_code(p->category), -1,
	    SQLITE_STATIC);
	bind_str(st, 5, p->birth);
	bind_str(st, 6, k->class_);
	bind_str(st, 7, p->organisation);
	bind_str(st, 8, p->position);
	bind_str(st, 9, p->phone);
	bind_str(st, 10, p->email);
	bind_str(st, 11, p->note);
	sqlite3_bind_int(st, 12, p->is_mentor != 0);
	sqlite3_bind_int(st, 13, p->is_mentee != 0);
	sqlite3_bind_text(st, 14, k->sort, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 15, k->search, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 16, k->class_key, -1, SQLITE_TRANSIENT);
	return (17);
}

/* Statements kept for a run of inserts (an import prepares them once). */
struct person_stmts {
	sqlite3_stmt	*person;
	sqlite3_stmt	*mentee;
	sqlite3_stmt	*mentor;
	sqlite3_stmt	*update;	/* kept by a batch only */
	sqlite3_stmt	*audit;		/* kept by a batch only */
	sqlite3_stmt	*words_del;
	sqlite3_stmt	*words_add;
	int		 batch;		/* an import: audited as a whole */
};

static void
stmts_free(struct person_stmts *s)
{
	sqlite3_finalize(s->person);
	sqlite3_finalize(s->mentee);
	sqlite3_finalize(s->mentor);
	sqlite3_finalize(s->update);
	sqlite3_finalize(s->audit);
	sqlite3_finalize(s->words_del);
	sqlite3_finalize(s->words_add);
	s->person = s->mentee = s->mentor = s->update = s->audit = NULL;
	s->words_del = s->words_add = NULL;
}

static int
step_done(struct db *db, sqlite3_stmt *st, struct nerr *err)
{
	int	rc;

	rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		return (db_fail(db, err, _("saving the participant")));
	return (0);
}

/* Insert or replace the mentee and mentor rows the flags ask for. */
static int
save_profiles(struct db *db, struct person_stmts *s, const struct person *p,
    struct nerr *err)
{
	if (p->is_mentee) {
		if (s->mentee == NULL && (s->mentee = db_prepare(db,
		    "INSERT INTO mentee (person_id, request, entered, result, "
		    "case_ref) VALUES (?, ?, ?, ?, ?) ON CONFLICT (person_id) "
		    "DO UPDATE SET request = excluded.request, entered = "
		    "excluded.entered, result = excluded.result, case_ref = "
		    "excluded.case_ref", err)) == NULL)
			return (-1);
		sqlite3_bind_int64(s->mentee, 1, p->id);
		bind_str(s->mentee, 2, p->request);
		bind_str(s->mentee, 3, p->entered);
		bind_str(s->mentee, 4, p->result);
		bind_str(s->mentee, 5, p->case_ref);
		if (step_done(db, s->mentee, err) == -1)
			return (-1);
	}
	if (p->is_mentor) {
		if (s->mentor == NULL && (s->mentor = db_prepare(db,
		    "INSERT INTO mentor (person_id, competencies, "
		    "achievements, "
		    "interests, age_min, age_max, hours, capacity, status, "
		    "approved_order, crim_date, crim_ref, med_date, med_ref) "
		    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
		    "ON CONFLICT (person_id) DO UPDATE SET "
		    "competencies = excluded.competencies, "
		    "achievements = excluded.achievements, "
		    "interests = excluded.interests, "
		    "age_min = excluded.age_min, "
		    "age_max = excluded.age_max, hours = excluded.hours, "
		    "capacity = excluded.capacity, status = excluded.status, "
		    "approved_order = excluded.approved_order, "
		    "crim_date = excluded.crim_date, "
		    "crim_ref = excluded.crim_ref, "
		    "med_date = excluded.med_date, med_ref = excluded.med_ref",
		    err)) == NULL)
			return (-1);
		sqlite3_bind_int64(s->mentor, 1, p->id);
		bind_str(s->mentor, 2, p->competencies);
		bind_str(s->mentor, 3, p->achievements);
		bind_str(s->mentor, 4, p->interests);
		sqlite3_bind_int(s->mentor, 5, p->age_min);
		sqlite3_bind_int(s->mentor, 6, p->age_max);
		sqlite3_bind_int(s->mentor, 7, p->hours);
		sqlite3_bind_int(s->mentor, 8, p->capacity);
		sqlite3_bind_text(s->mentor, 9,
		    mentor_status_code(p->mentor_status), -1, SQLITE_STATIC);
		bind_str(s->mentor, 10, p->approved_order);
		bind_str(s->mentor, 11, p->crim_date);
		bind_str(s->mentor, 12, p->crim_ref);
		bind_str(s->mentor, 13, p->med_date);
		bind_str(s->mentor, 14, p->med_ref);
		if (step_done(db, s->mentor, err) == -1 ||
		    match_words_save(db, p->id, p->competencies,
		    p->interests, err) == -1)
			return (-1);
	}
	return (0);
}

/*
 * The words of the search key in person_word, so a search seeks the index
 * for the beginning of a word instead of reading every name (see
 * person-list.c).  Called wherever search_key is written.
 */
static int
words_sync(struct db *db, struct person_stmts *s, long long id,
    const char *search, int fresh, struct nerr *err)
{
	const char	*w, *e;

	if (s->words_add == NULL && (s->words_add = db_prepare(db,
	    "INSERT OR IGNORE INTO person_word (word, person_id) "
	    "VALUES (?, ?)", err)) == NULL)
		return (-1);
	/* A person just inserted has no words yet: no seek to delete none. */
	if (!fresh) {
		if (s->words_del == NULL && (s->words_del = db_prepare(db,
		    "DELETE FROM person_word WHERE person_id = ?",
		    err)) == NULL)
			return (-1);
		sqlite3_bind_int64(s->words_del, 1, id);
		if (step_done(db, s->words_del, err) == -1)
			return (-1);
	}
	for (w = search; *w != '\0'; w = e) {
		while (*w == ' ')
			w++;
		if ((e = strchr(w, ' ')) == NULL)
			e = w + strlen(w);
		if (e == w)
			break;
		sqlite3_bind_text(s->words_add, 1, w, (int)(e - w),
		    SQLITE_STATIC);
		sqlite3_bind_int64(s->words_add, 2, id);
		if (step_done(db, s->words_add, err) == -1)
			return (-1);
	}
	return (0);
}

/* The class as stored goes back to the caller: "7 б" becomes "7Б". */
static void
adopt_class(struct person *p, struct person_keys *k)
{
	free(p->class_);
	p->class_ = k->class_ != NULL ? xstrdup(k->class_) : NULL;
}

/*
 * db_audit with the statement kept: person_import (the demo) audits every
 * row it adds, and an import every row it updates.
 */
static int
stmts_audit(struct db *db, struct person_stmts *s, const char *action,
    long long id, struct nerr *err)
{
	if (s->audit == NULL && (s->audit = db_prepare(db, "INSERT INTO "
	    "audit(user, action, entity, entity_id) VALUES (?, ?, 'person', ?)",
	    err)) == NULL)
		return (-1);
	sqlite3_bind_text(s->audit, 1, db->user, -1, SQLITE_STATIC);
	sqlite3_bind_text(s->audit, 2, action, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s->audit, 3, id);
	return (step_done(db, s->audit, err));
}

/*
 * The time as the columns' DEFAULT writes it, from C: SQLite's strftime
 * twice a row took a quarter of an import's inserts.
 */
static void
bind_now(sqlite3_stmt *st, int i)
{
	struct tm	tm;
	time_t		t;
	char		buf[32];

	t = time(NULL);
	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm) == 0)
		snprintf(buf, sizeof buf, "1970-01-01T00:00:00");
	sqlite3_bind_text(st, i, buf, -1, SQLITE_TRANSIENT);
}

/* Insert an already validated person inside the caller's transaction. */
static int
insert_row(struct db *db, struct person_stmts *s, struct person *p,
    struct nerr *err)
{
	struct person_keys	k;
	int			rc;

	if (s->person == NULL && (s->person = db_prepare(db,
	    "INSERT INTO person (" PERSON_COLS ", created, updated) VALUES "
	    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?17, ?17)",
	    err)) == NULL)
		return (-1);
	keys_make(p, &k);
	bind_now(s->person, bind_person(s->person, p, &k));
	rc = step_done(db, s->person, err);
	if (rc == 0) {
		adopt_class(p, &k);
		p->id = sqlite3_last_insert_rowid(db->h);
		rc = words_sync(db, s, p->id, k.search, 1, err);
	}
	keys_free(&k);
	if (rc == -1)
		return (-1);
	p->version = 1;
	if (save_profiles(db, s, p, err) == -1)
		return (-1);
	/*
	 * An import writes one audit row for the whole file (pimport): the log
	 * says what was done, and a row per person doubled its writes.
	 */
	if (s->batch)
		return (0);
	return (stmts_audit(db, s, "person.add", p->id, err));
}

int
person_insert_tx(struct db *db, struct person *p, struct nerr *err)
{
	struct person_stmts	s;
	int			rc;

	if (person_validate(p, err) == -1)
		return (-1);
	memset(&s, 0, sizeof s);
	rc = insert_row(db, &s, p, err);
	stmts_free(&s);
	return (rc);
}

int
person_insert(struct db *db, struct person *p, struct nerr *err)
{
	if (person_validate(p, err) == -1)
		return (-1);
	if (db_begin(db, err) == -1)
		return (-1);
	if (person_insert_tx(db, p, err) == -1 || db_commit(db, err) == -1) {
		db_rollback(db);
		p->id = 0;
		return (-1);
	}
	return (0);
}

int
person_import(struct db *db, struct person *ps, int n, struct nerr *err)
{
	struct person_stmts	s;
	struct nerr		e;
	int			i;

	for (i = 0; i < n; i++) {
		if (person_validate(&ps[i], &e) == -1)
			return (nerr_set(err, _("Participant %d: %s"), i + 1,
			    e.msg));
	}
	if (db_begin(db, err) == -1)
		return (-1);
	memset(&s, 0, sizeof s);
	for (i = 0; i < n; i++) {
		if (insert_row(db, &s, &ps[i], &e) == -1) {
			nerr_set(err, _("Participant %d: %s"), i + 1, e.msg);
			break;
		}
	}
	stmts_free(&s);
	if (i < n || db_commit(db, err) == -1) {
		db_rollback(db);
		for (i = 0; i < n; i++)
			ps[i].id = 0;
		return (-1);
	}
	return (0);
}

/* Why an UPDATE touched no row: gone, or changed by someone else. */
static int
update_refused(struct db *db, long long id, struct nerr *err)
{
	int	exists;

	exists = db_exists(db, "SELECT 1 FROM person WHERE id = ?", id, err);
	if (exists < 0)
		return (-1);
	if (!exists)
		return (nerr_set(err, _("This participant has been deleted by "
		    "someone else; your changes were not saved.")));
	return (nerr_set(err, _("Someone else changed this participant while "
	    "you were editing; your changes were not saved. Reopen the record "
	    "to see theirs.")));
}

/* Save an already validated person over their stored version. */
static int
update_row(struct db *db, struct person_stmts *s, struct person *p,
    struct nerr *err)
{
	struct person_keys	k;
	int			i, rc;

	if (s->update == NULL && (s->update = db_prepare(db, "UPDATE person "
	    "SET (" PERSON_COLS ") = "
	    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?), "
	    "version = version + 1, "
	    "updated = strftime('%Y-%m-%dT%H:%M:%S','now') "
	    "WHERE id = ? AND version = ?", err)) == NULL)
		return (-1);
	keys_make(p, &k);
	i = bind_person(s->update, p, &k);
	sqlite3_bind_int64(s->update, i, p->id);
	sqlite3_bind_int64(s->update, i + 1, p->version);
	rc = step_done(db, s->update, err);
	if (rc == 0 && sqlite3_changes(db->h) == 0)
		rc = update_refused(db, p->id, err);
	if (rc == 0) {
		adopt_class(p, &k);
		rc = words_sync(db, s, p->id, k.search, 0, err);
	}
	keys_free(&k);
	if (rc == -1)
		return (-1);
	if (save_profiles(db, s, p, err) == -1)
		return (-1);
	return (stmts_audit(db, s, "person.edit", p->id, err));
}

static int
update_tx(struct db *db, struct person *p, struct nerr *err)
{
	struct person_stmts	s;
	int			rc;

	memset(&s, 0, sizeof s);
	rc = update_row(db, &s, p, err);
	stmts_free(&s);
	return (rc);
}

int
person_update(struct db *db, struct person *p, struct nerr *err)
{
	if (person_validate(p, err) == -1)
		return (-1);
	if (db_begin(db, err) == -1)
		return (-1);
	if (update_tx(db, p, err) == -1 || db_commit(db, err) == -1) {
		db_rollback(db);
		return (-1);
	}
	p->version++;
	return (0);
}

/* ---- batches (imports): added by pimport ---- */

struct person_batch {
	struct db		*db;
	struct person_stmts	 s;
};

struct person_batch *
person_batch_new(struct db *db)
{
	struct person_batch	*b;

	b = xcalloc(1, sizeof *b);
	b->db = db;
	b->s.batch = 1;
	return (b);
}

int
person_batch_insert(struct person_batch *b, struct person *p,
    struct nerr *err)
{
	return (insert_row(b->db, &b->s, p, err));
}

int
person_batch_update(struct person_batch *b, struct person *p,
    struct nerr *err)
{
	if (update_row(b->db, &b->s, p, err) == -1)
		return (-1);
	p->version++;
	return (0);
}

void
person_batch_free(struct person_batch *b)
{
	if (b == NULL)
		return;
	stmts_free(&b->s);
	free(b);
}

/* Pairs and groups the person is in; -1 on error. */
static int
person_pair_count(struct db *db, long long id, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 n = -1;

	if ((st = db_prepare(db, "SELECT count(DISTINCT pair_id) FROM "
	    "pair_member WHERE person_id = ?", err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	else
		db_fail(db, err, _("deleting the participant"));
	sqlite3_finalize(st);
	return (n);
}

static int
delete_tx(struct db *db, long long id, struct nerr *err)
{
	struct person	 p;
	char		*name;
	int		 n;

	if (person_get(db, id, &p, err) == -1)
		return (-1);
	if ((n = person_pair_count(db, id, err)) == -1) {
		person_free(&p);
		return (-1);
	}
	if (n > 0) {
		name = person_short_name(p.last, p.first, p.patronymic);
		nerr_set(err, ngettext("%s is a member of %d pair or group; "
		    "remove them from it first.", "%s is a member of %d pairs "
		    "or groups; remove them from those first.", n), name, n);
		free(name);
		person_free(&p);
		return (-1);
	}
	person_free(&p);
	if (db_delete_id(db, "DELETE FROM person WHERE id = ?", id,
	    _("deleting the participant"), err) == -1)
		return (-1);
	return (db_audit(db, "person.delete", "person", id, err));
}

int
person_delete(struct db *db, long long id, struct nerr *err)
{
	if (db_begin(db, err) == -1)
		return (-1);
	if (delete_tx(db, id, err) == -1 || db_commit(db, err) == -1) {
		db_rollback(db);
		return (-1);
	}
	return (0);
}

int
person_get(struct db *db, long long id, struct person *p, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	person_init(p);
	if ((st = db_prepare(db, "SELECT p.id, p.version, p.last, p.first, "
	    "p.patronymic, p.category, p.birth, p.class, p.organisation, "
	    "p.position, p.phone, p.email, p.note, p.is_mentor, p.is_mentee, "
	    "p.anonymised, e.request, e.entered, e.result, e.case_ref, "
	    "m.competencies, m.achievements, m.interests, m.age_min, "
	    "m.age_max, m.hours, m.capacity, m.status, m.approved_order, "
	    "m.crim_date, m.crim_ref, m.med_date, m.med_ref "
	    "FROM person p LEFT JOIN mentee e ON e.person_id = p.id "
	    "LEFT JOIN mentor m ON m.person_id = p.id WHERE p.id = ?",
	    err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		if (rc == SQLITE_DONE)
			return (nerr_set(err, _("Participant no. %lld is not "
			    "in the database: someone may have deleted it."),
			    id));
		return (db_fail(db, err, _("reading the participant")));
	}
	p->id = sqlite3_column_int64(st, 0);
	p->version = sqlite3_column_int64(st, 1);
	p->last = col_str(st, 2);
	p->first = col_str(st, 3);
	p->patronymic = col_str(st, 4);
	p->category = person_category_parse(
	    (const char *)sqlite3_column_text(st, 5));
	p->birth = col_str(st, 6);
	p->class_ = col_str(st, 7);
	p->organisation = col_str(st, 8);
	p->position = col_str(st, 9);
	p->phone = col_str(st, 10);
	p->email = col_str(st, 11);
	p->note = col_str(st, 12);
	p->is_mentor = sqlite3_column_int(st, 13);
	p->is_mentee = sqlite3_column_int(st, 14);
	p->anonymised = sqlite3_column_int(st, 15);
	p->request = col_str(st, 16);
	p->entered = col_str(st, 17);
	p->result = col_str(st, 18);
	p->case_ref = col_str(st, 19);
	p->competencies = col_str(st, 20);
	p->achievements = col_str(st, 21);
	p->interests = col_str(st, 22);
	p->age_min = sqlite3_column_int(st, 23);
	p->age_max = sqlite3_column_int(st, 24);
	p->hours = sqlite3_column_int(st, 25);
	p->capacity = sqlite3_column_int(st, 26);
	if (sqlite3_column_type(st, 27) != SQLITE_NULL)
		p->mentor_status = mentor_status_parse(
		    (const char *)sqlite3_column_text(st, 27));
	p->approved_order = col_str(st, 28);
	p->crim_date = col_str(st, 29);
	p->crim_ref = col_str(st, 30);
	p->med_date = col_str(st, 31);
	p->med_ref = col_str(st, 32);
	sqlite3_finalize(st);
	return (0);
}

