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
#define REP_NAME_MAX	100
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
static int
rep_has_control(const char *s)
{
	size_t		 left, n;
	uint32_t	 cp;

	if (!utf8_valid(s, strlen(s)))
		return (1);
	for (left = strlen(s); left > 0; s += n, left -= n) {
		n = utf8_decode(s, left, &cp);
		if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
			return (1);
	}
	return (0);
}

/* The same words as person.c's checks, so the messages are translated once. */
static int
rep_check_text(const char *s, const char *field, size_t max, struct nerr *err)
{
	if (s == NULL)
		return (0);
	if (rep_has_control(s))
		return (nerr_set(err, _("The field \"%s\" contains a control "
		    "character or broken text; retype it."), _(field)));
	if (utf8_len(s) > max)
		return (nerr_set(err, _("The field \"%s\" is too long: at most "
		    "%zu characters."), _(field), max));
	return (0);
}

static int
rep_check_name(const char *s, struct nerr *err)
{
	const char	*field = N_("Representative's name");
	size_t		 left, n;
	uint32_t	 cp;

	if (str_empty(s))
		return (nerr_set(err, _("The field \"%s\" is required: "
		    "fill it in."), _(field)));
	if (rep_check_text(s, field, REP_NAME_MAX, err) == -1)
		return (-1);
	for (left = strlen(s); left > 0; s += n, left -= n) {
		n = utf8_decode(s, left, &cp);
		if (cp == ' ' || cp == '-' || cp == '\'' || cp == '.' ||
		    cp == 0x2019 || cp == 0x2010)
			continue;
		if (text_lower(cp) != text_upper(cp) || cp >= 0x00c0)
			continue;
		return (nerr_set(err, _("The field \"%s\" may contain only "
		    "letters, spaces, hyphens, apostrophes and dots."),
		    _(field)));
	}
	return (0);
}

/* Loosely, as a participant's phone: digits, spaces, + - ( ), 5 to 20 digits. */
static int
rep_check_phone(const char *s, struct nerr *err)
{
	const char	*field = N_("Representative's phone");
	const char	*p;
	int		 digits = 0;

	if (str_empty(s))
		return (0);
	if (rep_check_text(s, field, REP_SHORT_MAX, err) == -1)
		return (-1);
	for (p = s; *p != '\0'; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (strchr(" +-()", *p) == NULL)
			break;
	}
	if (*p != '\0' || digits < 5 || digits > 20)
		return (nerr_set(err, _("The field \"%s\": \"%s\" does not "
		    "look like a phone number; use digits, spaces, +, - and "
		    "brackets."), _(field), s));
	return (0);
}

int
rep_check(const struct representative *r, struct nerr *err)
{
	if (rep_check_name(r->name, err) == -1 ||
	    rep_check_text(r->relation, N_("Relation"), REP_NAME_MAX,
	    err) == -1 ||
	    rep_check_phone(r->phone, err) == -1)
		return (-1);
	return (0);
}

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
