/* person-rep.c: legal representatives of pupils: reading one, checking, adding to a pupil, editing. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "person.h"
#include "text.h"
#include "util.h"

/* As person.c's limits, in characters. */
#define REP_SHORT_MAX	200

static char *
rep_col(sqlite3_stmt *st, int i)
{
	const unsigned char	*s = sqlite3_column_text(st, i);

	if (s == NULL || *s == '\0')
		return (NULL);
	return (xstrdup((const char *)s));
}

static void
rep_bind(sqlite3_stmt *st, int i, const char *s)
{
	if (str_empty(s))
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

/* Control characters (C0, DEL, C1) or broken UTF-8: never stored. */
int
rep_get(struct db *db, long long id, struct representative *r,
    struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	memset(r, 0, sizeof *r);
	if ((st = db_prepare(db, "SELECT id, person_id, name, relation, phone "
	    "FROM representative WHERE id = ?", err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		r->id = sqlite3_column_int64(st, 0);
		r->person_id = sqlite3_column_int64(st, 1);
		r->name = rep_col(st, 2);
		r->relation = rep_col(st, 3);
		r->phone = rep_col(st, 4);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return (nerr_set(err, _("Legal representative no. %lld is not "
		    "in the database: someone may have deleted it."), id));
	if (rc != SQLITE_ROW)
		return (db_fail(db, err,
		    _("reading the legal representative")));
	return (0);
}

/* Inside the caller's transaction: is the participant there, and a pupil? */
static int
rep_pupil_check(struct db *db, long long person_id, struct nerr *err)
{
	sqlite3_stmt	*st;
	char		*name = NULL;
	int		 rc, cat = -1;

	if ((st = db_prepare(db, "SELECT category, last, first, patronymic "
	    "FROM person WHERE id = ?", err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, person_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		cat = person_category_parse((const char *)
		    sqlite3_column_text(st, 0));
		name = person_short_name((const char *)
		    sqlite3_column_text(st, 1), (const char *)
		    sqlite3_column_text(st, 2), (const char *)
		    sqlite3_column_text(st, 3));
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return (nerr_set(err, _("Participant no. %lld is not "
		    "in the database: someone may have deleted it."),
		    person_id));
	if (rc != SQLITE_ROW)
		return (db_fail(db, err, _("reading the participant")));
	if (cat != CAT_PUPIL) {
		nerr_set(err, _("%s is not a pupil: legal representatives are "
		    "recorded for pupils only."), name);
		free(name);
		return (-1);
	}
	free(name);
	return (0);
}

int
rep_add_pupil(struct db *db, struct representative *r, struct nerr *err)
{
	if (rep_check(r, err) == -1)
		return (-1);
	if (db_begin(db, err) == -1)
		return (-1);
	if (rep_pupil_check(db, r->person_id, err) == -1 ||
	    rep_insert_tx(db, r, err) == -1 || db_commit(db, err) == -1) {
		db_rollback(db);
		r->id = 0;
		return (-1);
	}
	return (0);
}

int
rep_update(struct db *db, const struct representative *r, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (rep_check(r, err) == -1)
		return (-1);
	if (db_begin(db, err) == -1)
		return (-1);
	if ((st = db_prepare(db, "UPDATE representative SET name = ?, "
	    "relation = ?, phone = ? WHERE id = ?", err)) == NULL) {
		db_rollback(db);
		return (-1);
	}
	rep_bind(st, 1, r->name);
	rep_bind(st, 2, r->relation);
	rep_bind(st, 3, r->phone);
	sqlite3_bind_int64(st, 4, r->id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_fail(db, err, _("saving the legal representative"));
		db_rollback(db);
		return (-1);
	}
	if (sqlite3_changes(db->h) == 0) {
		db_rollback(db);
		return (nerr_set(err, _("This legal representative has already "
		    "been deleted by someone else.")));
	}
	if (db_audit(db, "representative.edit", "representative", r->id,
	    err) == -1 || db_commit(db, err) == -1) {
		db_rollback(db);
		return (-1);
	}
	return (0);
}
