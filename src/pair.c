/* pair.c: mentoring pairs and groups: forms, kinds, statuses, saving (the rules are in pair-check.c). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "consent.h"
#include "date.h"
#include "db.h"
#include "pair.h"
#include "person.h"
#include "text.h"
#include "util.h"


#define CATBIT(c)	(1U << (c))

/*
 * Who may stand on each side of a form (mentor side -> mentee side), after
 * the Ministry's target model and how schools apply it:
 *
 *   pupil-pupil       pupil                     -> pupil
 *   teacher-teacher   teacher, young specialist -> teacher, young specialist
 *   student-pupil     student, graduate         -> pupil
 *   employer-pupil    partner, parent, graduate -> pupil
 *   teacher-pupil     teacher, young specialist -> pupil
 *   head-teacher      teacher                   -> teacher, young specialist
 *   employer-student  partner, parent, graduate -> student, graduate
 *
 * A graduate may mentor pupils as a student would and students as an
 * employer would; a parent stands for the employer's side.
 */
static const struct {
	const char	*code;
	const char	*label;
	unsigned	 mentors;
	unsigned	 mentees;
} pair_forms[PF__COUNT] = {
	{ "pupil-pupil", N_("pupil – pupil"),
	  CATBIT(CAT_PUPIL), CATBIT(CAT_PUPIL) },
	{ "teacher-teacher", N_("teacher – teacher"),
	  CATBIT(CAT_TEACHER) | CATBIT(CAT_YOUNG),
	  CATBIT(CAT_TEACHER) | CATBIT(CAT_YOUNG) },
	{ "student-pupil", N_("student – pupil"),
	  CATBIT(CAT_STUDENT) | CATBIT(CAT_GRADUATE), CATBIT(CAT_PUPIL) },
	{ "employer-pupil", N_("employer – pupil"),
	  CATBIT(CAT_PARTNER) | CATBIT(CAT_PARENT) | CATBIT(CAT_GRADUATE),
	  CATBIT(CAT_PUPIL) },
	{ "teacher-pupil", N_("teacher – pupil"),
	  CATBIT(CAT_TEACHER) | CATBIT(CAT_YOUNG), CATBIT(CAT_PUPIL) },
	{ "head-teacher", N_("head – teacher"),
	  CATBIT(CAT_TEACHER), CATBIT(CAT_TEACHER) | CATBIT(CAT_YOUNG) },
	{ "employer-student", N_("employer – student"),
	  CATBIT(CAT_PARTNER) | CATBIT(CAT_PARENT) | CATBIT(CAT_GRADUATE),
	  CATBIT(CAT_STUDENT) | CATBIT(CAT_GRADUATE) },
};

/* Russian words curators write for a form, besides the translated label. */
static const struct {
	int		 form;
	const char	*word;
} form_words[] = {
	{ PF_PUPIL_PUPIL, "ученик-ученик" },
	{ PF_TEACHER_TEACHER, "учитель-учитель" },
	{ PF_TEACHER_TEACHER, "педагог-педагог" },
	{ PF_STUDENT_PUPIL, "студент-ученик" },
	{ PF_EMPLOYER_PUPIL, "работодатель-ученик" },
	{ PF_TEACHER_PUPIL, "учитель-ученик" },
	{ PF_TEACHER_PUPIL, "педагог-ученик" },
	{ PF_HEAD_TEACHER, "руководитель-педагог" },
	{ PF_HEAD_TEACHER, "руководитель-учитель" },
	{ PF_EMPLOYER_STUDENT, "работодатель-студент" },
};

static const struct {
	const char	*code;
	const char	*label;
} pair_kinds[PK__COUNT] = {
	{ NULL, "" },
	{ "traditional", N_("traditional (one to one)") },
	{ "group", N_("group") },
	{ "short-term", N_("short-term") },
	{ "reverse", N_("reverse") },
	{ "situational", N_("situational") },
	{ "speed", N_("speed mentoring") },
	{ "remote", N_("remote") },
};

static const struct {
	const char	*code;
	const char	*label;
} pair_statuses[PST__COUNT] = {
	{ "forming", N_("forming") },
	{ "active", N_("active") },
	{ "completed", N_("completed") },
	{ "cancelled", N_("cancelled") },
};

const char *
pair_form_code(int f)
{
	if (f < 0 || f >= PF__COUNT)
		return ("");
	return (pair_forms[f].code);
}

const char *
pair_form_label(int f)
{
	if (f < 0 || f >= PF__COUNT)
		return ("");
	return (_(pair_forms[f].label));
}

/*
 * Folded, with spaces dropped and every dash a hyphen: «Ученик – ученик»,
 * "ученик-ученик" and "pupil - pupil" compare equal to their forms.
 */
static char *
fold_compact(const char *s)
{
	struct sbuf	 b;
	char		*f, *p;

	f = text_fold_dup(s);
	sbuf_init(&b);
	for (p = f; *p != '\0'; p++) {
		if (*p == ' ' || *p == '\t')
			continue;
		/* U+2013 en dash and U+2014 em dash are E2 80 93 / 94. */
		if ((unsigned char)p[0] == 0xe2 && (unsigned char)p[1] == 0x80 &&
		    ((unsigned char)p[2] == 0x93 ||
		    (unsigned char)p[2] == 0x94)) {
			sbuf_addc(&b, '-');
			p += 2;
			continue;
		}
		sbuf_addc(&b, *p);
	}
	free(f);
	if (b.s == NULL)
		sbuf_add(&b, "");
	return (sbuf_take(&b));
}

static int
same_word(const char *typed, const char *label)
{
	char	*f;
	int	 same;

	f = fold_compact(label);
	same = strcmp(typed, f) == 0;
	free(f);
	return (same);
}

int
pair_form_parse(const char *s)
{
	char	*t;
	size_t	 i;
	int	 f, found = -1;

	if (str_empty(s))
		return (-1);
	/* The stored code first: lists parse one for every row. */
	for (f = 0; f < PF__COUNT; f++)
		if (strcmp(s, pair_forms[f].code) == 0)
			return (f);
	t = fold_compact(s);
	for (f = 0; f < PF__COUNT && found < 0; f++) {
		if (strcmp(t, pair_forms[f].code) == 0 ||
		    same_word(t, pair_forms[f].label) ||
		    same_word(t, _(pair_forms[f].label)))
			found = f;
	}
	for (i = 0; i < nitems(form_words) && found < 0; i++) {
		if (same_word(t, form_words[i].word))
			found = form_words[i].form;
	}
	free(t);
	return (found);
}

const char *
pair_kind_code(int k)
{
	if (k <= PK_NONE || k >= PK__COUNT)
		return (NULL);
	return (pair_kinds[k].code);
}

const char *
pair_kind_label(int k)
{
	if (k <= PK_NONE || k >= PK__COUNT)
		return ("");
	return (_(pair_kinds[k].label));
}

int
pair_kind_parse(const char *s)
{
	char	*t;
	int	 k, found = -1;

	if (str_empty(s))
		return (-1);
	for (k = 1; k < PK__COUNT; k++)
		if (strcmp(s, pair_kinds[k].code) == 0)
			return (k);
	t = fold_compact(s);
	for (k = 1; k < PK__COUNT && found < 0; k++) {
		if (strcmp(t, pair_kinds[k].code) == 0 ||
		    same_word(t, pair_kinds[k].label) ||
		    same_word(t, _(pair_kinds[k].label)))
			found = k;
	}
	if (found < 0 && strcmp(t, "short") == 0)
		found = PK_SHORT;
	free(t);
	return (found);
}

const char *
pair_status_code(int s)
{
	if (s < 0 || s >= PST__COUNT)
		return ("");
	return (pair_statuses[s].code);
}

const char *
pair_status_label(int s)
{
	if (s < 0 || s >= PST__COUNT)
		return ("");
	return (_(pair_statuses[s].label));
}

int
pair_status_parse(const char *s)
{
	char	*t;
	int	 k, found = -1;

	if (str_empty(s))
		return (-1);
	for (k = 0; k < PST__COUNT; k++)
		if (strcmp(s, pair_statuses[k].code) == 0)
			return (k);
	t = fold_compact(s);
	for (k = 0; k < PST__COUNT && found < 0; k++) {
		if (strcmp(t, pair_statuses[k].code) == 0 ||
		    same_word(t, pair_statuses[k].label) ||
		    same_word(t, _(pair_statuses[k].label)))
			found = k;
	}
	/* Both spellings: the issue writes "cancelled", America "canceled". */
	if (found < 0 && strcmp(t, "canceled") == 0)
		found = PST_CANCELLED;
	free(t);
	return (found);
}

int
pair_form_fits(int form, int role, int cat)
{
	unsigned	set;

	if (form < 0 || form >= PF__COUNT || cat < 0 || cat >= CAT__COUNT)
		return (0);
	set = role == PR_MENTOR ? pair_forms[form].mentors :
	    pair_forms[form].mentees;
	return ((set & CATBIT(cat)) != 0);
}

void
pair_init(struct pair *p)
{
	memset(p, 0, sizeof *p);
	p->form = PF_TEACHER_PUPIL;
	p->kind = PK_NONE;
	p->status = PST_FORMING;
}

static void
members_free(struct pair *p)
{
	int	i;

	for (i = 0; i < p->nmembers; i++) {
		free(p->members[i].name);
		free(p->members[i].class_);
	}
	free(p->members);
	p->members = NULL;
	p->nmembers = 0;
}

void
pair_free(struct pair *p)
{
	char	**strs[] = {
		&p->role_model, &p->goal, &p->date_from, &p->date_to,
		&p->order_no, &p->order_date, &p->result, &p->case_ref,
		&p->note
	};
	size_t	 i;

	for (i = 0; i < nitems(strs); i++)
		xfree_ptr(strs[i]);
	members_free(p);
	pair_init(p);
}

void
pair_member_add(struct pair *p, long long person, int role)
{
	struct pair_member	*m;

	p->members = xreallocarray(p->members, p->nmembers + 1,
	    sizeof *p->members);
	m = &p->members[p->nmembers++];
	memset(m, 0, sizeof *m);
	m->person_id = person;
	m->role = role;
	m->category = -1;
}

int
pair_status_live(int status)
{
	return (status == PST_FORMING || status == PST_ACTIVE);
}

/* ---- saving ---- */

#define PAIR_COLS "form, kind, status, role_model, goal, date_from, " \
	"date_to, order_no, order_date, result, case_ref, note"

static void
bind_str(sqlite3_stmt *st, int i, const char *s)
{
	if (str_empty(s))
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

static int
bind_pair(sqlite3_stmt *st, const struct pair *p)
{
	sqlite3_bind_text(st, 1, pair_form_code(p->form), -1, SQLITE_STATIC);
	bind_str(st, 2, pair_kind_code(p->kind));
	sqlite3_bind_text(st, 3, pair_status_code(p->status), -1,
	    SQLITE_STATIC);
	bind_str(st, 4, p->role_model);
	bind_str(st, 5, p->goal);
	bind_str(st, 6, p->date_from);
	bind_str(st, 7, p->date_to);
	bind_str(st, 8, p->order_no);
	bind_str(st, 9, p->order_date);
	bind_str(st, 10, p->result);
	bind_str(st, 11, p->case_ref);
	bind_str(st, 12, p->note);
	return (13);
}

static int
exec_id(struct db *db, const char *sql, long long id, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_prepare(db, sql, err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return (db_fail(db, err, _("saving the pair")));
	return (0);
}

/*
 * The members' rows, and their roles in the bases: a mentor in a pair is
 * in the base of mentors, a mentee in the base of mentees (entered today
 * if they were not there), so nobody has to tick a flag first.
 */
static int
members_save(struct db *db, const struct pair *p, struct nerr *err)
{
	const struct pair_member	*m;
	sqlite3_stmt			*st;
	int				 i, rc;

	if (exec_id(db, "DELETE FROM pair_member WHERE pair_id = ?", p->id,
	    err) == -1)
		return (-1);
	if ((st = db_prepare(db, "INSERT INTO pair_member (pair_id, "
	    "person_id, role) VALUES (?, ?, ?)", err)) == NULL)
		return (-1);
	for (i = 0; i < p->nmembers; i++) {
		m = &p->members[i];
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, p->id);
		sqlite3_bind_int64(st, 2, m->person_id);
		sqlite3_bind_text(st, 3, m->role == PR_MENTOR ? "mentor" :
		    "mentee", -1, SQLITE_STATIC);
		if ((rc = sqlite3_step(st)) != SQLITE_DONE) {
			sqlite3_finalize(st);
			return (db_fail(db, err, _("saving the pair's "
			    "members")));
		}
	}
	sqlite3_finalize(st);
	for (i = 0; i < p->nmembers; i++) {
		m = &p->members[i];
		if (m->role == PR_MENTOR) {
			if (exec_id(db, "UPDATE person SET is_mentor = 1, "
			    "version = version + 1 WHERE id = ? AND "
			    "is_mentor = 0", m->person_id, err) == -1 ||
			    exec_id(db, "INSERT OR IGNORE INTO mentor "
			    "(person_id) VALUES (?)", m->person_id, err) == -1)
				return (-1);
			continue;
		}
		if (exec_id(db, "UPDATE person SET is_mentee = 1, "
		    "version = version + 1 WHERE id = ? AND is_mentee = 0",
		    m->person_id, err) == -1)
			return (-1);
		if ((st = db_prepare(db, "INSERT OR IGNORE INTO mentee "
		    "(person_id, entered) VALUES (?, ?)", err)) == NULL)
			return (-1);
		sqlite3_bind_int64(st, 1, m->person_id);
		sqlite3_bind_text(st, 2, date_today(), -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return (db_fail(db, err, _("saving the pair")));
	}
	return (0);
}

int
pair_add(struct db *db, struct pair *p, int overrides, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc, need;

	if (db_begin(db, err) == -1)
		return (-1);
	/* Checked inside the write: two curators cannot both take a place. */
	p->id = 0;
	if ((rc = pair_check(db, p, overrides, &need, err)) != 0) {
		db_rollback(db);
		return (rc);
	}
	if ((st = db_prepare(db, "INSERT INTO pair (" PAIR_COLS ") VALUES "
	    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", err)) == NULL) {
		db_rollback(db);
		return (-1);
	}
	bind_pair(st, p);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_fail(db, err, _("saving the pair"));
		db_rollback(db);
		return (-1);
	}
	p->id = sqlite3_last_insert_rowid(db->h);
	p->version = 1;
	if (members_save(db, p, err) == -1 ||
	    db_audit(db, "pair.add", "pair", p->id, err) == -1 ||
	    db_commit(db, err) == -1) {
		db_rollback(db);
		p->id = 0;
		return (-1);
	}
	return (0);
}

/* Why an UPDATE touched no row: gone, or changed by someone else. */
static int
pair_refused(struct db *db, long long id, struct nerr *err)
{
	int	exists;

	if ((exists = db_exists(db, "SELECT 1 FROM pair WHERE id = ?", id,
	    err)) < 0)
		return (-1);
	if (!exists)
		return (nerr_set(err, _("Pair no. %lld has been deleted by "
		    "someone else; your changes were not saved."), id));
	return (nerr_set(err, _("Someone else changed pair no. %lld while you "
	    "were editing; your changes were not saved. Reopen it to see "
	    "theirs."), id));
}

int
pair_update(struct db *db, struct pair *p, int overrides, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc, need;

	if (db_begin(db, err) == -1)
		return (-1);
	if ((rc = pair_check(db, p, overrides, &need, err)) != 0) {
		db_rollback(db);
		return (rc);
	}
	if ((st = db_prepare(db, "UPDATE pair SET (" PAIR_COLS ") = "
	    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?), version = version + 1 "
	    "WHERE id = ? AND version = ?", err)) == NULL) {
		db_rollback(db);
		return (-1);
	}
	rc = bind_pair(st, p);
	sqlite3_bind_int64(st, rc, p->id);
	sqlite3_bind_int64(st, rc + 1, p->version);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		rc = db_fail(db, err, _("saving the pair"));
	else if (sqlite3_changes(db->h) == 0)
		rc = pair_refused(db, p->id, err);
	else
		rc = 0;
	if (rc != 0 || members_save(db, p, err) == -1 ||
	    db_audit(db, "pair.edit", "pair", p->id, err) == -1 ||
	    db_commit(db, err) == -1) {
		db_rollback(db);
		return (-1);
	}
	p->version++;
	return (0);
}

/* Meetings held or attendance marked: the pair took place. */
static int
pair_happened(struct db *db, long long id, struct nerr *err)
{
	return (db_exists(db, "SELECT 1 FROM meeting WHERE pair_id = ?1 AND "
	    "(status = 'held' OR EXISTS (SELECT 1 FROM attendance a WHERE "
	    "a.meeting_id = meeting.id))", id, err));
}

int
pair_delete(struct db *db, long long id, struct nerr *err)
{
	int	n;

	if (db_begin(db, err) == -1)
		return (-1);
	if ((n = pair_happened(db, id, err)) == 1)
		n = nerr_set(err, _("Pair no. %lld has meetings held or "
		    "attendance marked, so it stays in the records: mark it "
		    "completed or cancelled instead of deleting it."), id);
	else if (n == 0 && (n = db_delete_id(db, "DELETE FROM pair WHERE "
	    "id = ?", id, _("deleting the pair"), err)) == 0)
		n = nerr_set(err, _("Pair no. %lld is not in the database: "
		    "someone may have deleted it."), id);
	if (n < 0 || db_audit(db, "pair.delete", "pair", id, err) == -1 ||
	    db_commit(db, err) == -1) {
		db_rollback(db);
		return (-1);
	}
	return (0);
}

int
pair_set_status(struct db *db, long long id, int status, const char *date,
    const char *result, struct nerr *err)
{
	struct pair	p;
	char		d1[DATE_ISO_LEN], d2[DATE_ISO_LEN];
	int		rc = -1;

	if (status < 0 || status >= PST__COUNT)
		return (nerr_set(err, _("The pair's status is unknown; use "
		    "forming, active, completed or cancelled.")));
	if (!str_empty(date) && !date_iso_valid(date))
		return (nerr_set(err, _("The date \"%s\" is not a real date; "
		    "write it as DD.MM.YYYY."), date));
	if (str_empty(date))
		date = date_today();
	if (db_begin(db, err) == -1)
		return (-1);
	if (pair_get(db, id, &p, err) == -1)
		goto out;
	if (p.status == status && str_empty(result)) {
		nerr_set(err, _("Pair no. %lld is already %s."), id,
		    pair_status_label(status));
		goto out;
	}
	if (!pair_status_live(status)) {
		/* Closing: the day it ended. */
		if (!str_empty(p.date_from) && strcmp(date, p.date_from) < 0) {
			date_show(date, d1);
			date_show(p.date_from, d2);
			nerr_set(err, _("Pair no. %lld cannot end on %s, before "
			    "it started (%s); check the date."), id, d1, d2);
			goto out;
		}
		if (p.status != status || str_empty(p.date_to)) {
			free(p.date_to);
			p.date_to = xstrdup(date);
		}
	} else {
		/* Starting, or reopening one closed by mistake. */
		xfree_ptr(&p.date_to);
		if (status == PST_ACTIVE && str_empty(p.date_from))
			p.date_from = xstrdup(date);
	}
	if (!str_empty(result)) {
		free(p.result);
		p.result = xstrdup(result);
	}
	p.status = status;
	if (pair_check_fields(&p, err) == -1)
		goto out;
	{
		sqlite3_stmt	*st;
		int		 r;

		if ((st = db_prepare(db, "UPDATE pair SET (" PAIR_COLS ") = "
		    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?), version = "
		    "version + 1 WHERE id = ?", err)) == NULL)
			goto out;
		sqlite3_bind_int64(st, bind_pair(st, &p), id);
		r = sqlite3_step(st);
		sqlite3_finalize(st);
		if (r != SQLITE_DONE) {
			db_fail(db, err, _("saving the pair"));
			goto out;
		}
	}
	if (db_audit(db, "pair.status", "pair", id, err) == 0 &&
	    db_commit(db, err) == 0)
		rc = 0;
out:
	if (rc != 0)
		db_rollback(db);
	pair_free(&p);
	return (rc);
}

static char *
col_str(sqlite3_stmt *st, int i)
{
	const unsigned char	*s = sqlite3_column_text(st, i);

	if (s == NULL || *s == '\0')
		return (NULL);
	return (xstrdup((const char *)s));
}

static int
members_get(struct db *db, struct pair *p, struct nerr *err)
{
	struct pair_member	*m;
	sqlite3_stmt		*st;
	int			 rc;

	if ((st = db_prepare(db, "SELECT pm.person_id, pm.role, p.last, "
	    "p.first, p.patronymic, p.class, p.category FROM pair_member pm "
	    "JOIN person p ON p.id = pm.person_id WHERE pm.pair_id = ? "
	    "ORDER BY pm.role = 'mentee', p.sort_key, p.id", err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, p->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		pair_member_add(p, sqlite3_column_int64(st, 0),
		    strcmp((const char *)sqlite3_column_text(st, 1),
		    "mentor") == 0 ? PR_MENTOR : PR_MENTEE);
		m = &p->members[p->nmembers - 1];
		m->name = person_short_name(
		    (const char *)sqlite3_column_text(st, 2),
		    (const char *)sqlite3_column_text(st, 3),
		    (const char *)sqlite3_column_text(st, 4));
		m->class_ = col_str(st, 5);
		m->category = person_category_parse(
		    (const char *)sqlite3_column_text(st, 6));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return (db_fail(db, err, _("reading the pair's members")));
	return (0);
}

int
pair_get(struct db *db, long long id, struct pair *p, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc, v;

	pair_init(p);
	if ((st = db_prepare(db, "SELECT id, version, " PAIR_COLS " FROM pair "
	    "WHERE id = ?", err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		p->id = sqlite3_column_int64(st, 0);
		p->version = sqlite3_column_int64(st, 1);
		p->form = pair_form_parse(
		    (const char *)sqlite3_column_text(st, 2));
		v = pair_kind_parse((const char *)sqlite3_column_text(st, 3));
		p->kind = v < 0 ? PK_NONE : v;
		v = pair_status_parse((const char *)sqlite3_column_text(st, 4));
		p->status = v < 0 ? PST_FORMING : v;
		p->role_model = col_str(st, 5);
		p->goal = col_str(st, 6);
		p->date_from = col_str(st, 7);
		p->date_to = col_str(st, 8);
		p->order_no = col_str(st, 9);
		p->order_date = col_str(st, 10);
		p->result = col_str(st, 11);
		p->case_ref = col_str(st, 12);
		p->note = col_str(st, 13);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return (nerr_set(err, _("Pair no. %lld is not in the database: "
		    "someone may have deleted it."), id));
	if (rc != SQLITE_ROW)
		return (db_fail(db, err, _("reading the pair")));
	if (members_get(db, p, err) == -1) {
		pair_free(p);
		return (-1);
	}
	return (0);
}
