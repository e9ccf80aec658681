/* target.c: the yearly targets of the indicators, with the defaults of a programme's first three years. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "monitor.h"
#include "util.h"

/*
 * Defaults by programme year (the third for every later one): the levels
 * the model's documents set for a school starting the programme.
 */
static const struct {
	const char	*code;
	double		 v[3];
} target_defaults[] = {
	{ "mentors-pupil",	  { 10, 10, 10 } },
	{ "mentors-teacher",	  { 10, 10, 10 } },
	{ "mentors-parent",	  { 10, 10, 10 } },
	{ "teachers-mentees",	  { 30, 50, 70 } },
	{ "satisfaction-mentee",  { 65, 75, 85 } },
	{ "satisfaction-mentor",  { 65, 75, 85 } },
	{ "plans-90",		  { 100, 100, 100 } },
	{ "consent-pd",		  { 100, 100, 100 } },
	{ "events-attendance",	  { 100, 100, 100 } },
	{ "roadmap-on-time",	  { 100, 100, 100 } },
};

static int
year_start(const char *year)
{
	int	y, y2;
	char	c;

	if (year == NULL || sscanf(year, "%d-%d%c", &y, &y2, &c) != 2 ||
	    y2 != y + 1 || y < 1990 || y > 2200)
		return (0);
	return (y);
}

int
target_programme_year(struct db *db, const char *year)
{
	char		*s, first[16];
	sqlite3_stmt	*st;
	const char	*d = NULL;
	int		 y = year_start(year), y0 = 0, n;

	if ((s = db_setting(db, "programme.start")) != NULL) {
		y0 = year_start(s);
		free(s);
	}
	/* Else the school year of the first pair, or of this year. */
	if (y0 == 0 && (st = db_prepare(db, "SELECT min(date_from) FROM pair",
	    NULL)) != NULL) {
		if (sqlite3_step(st) == SQLITE_ROW)
			d = (const char *)sqlite3_column_text(st, 0);
		if (d != NULL && date_iso_valid(d)) {
			date_school_year(d, first, sizeof first);
			y0 = year_start(first);
		}
		sqlite3_finalize(st);
	}
	if (y0 == 0 || y == 0)
		return (1);
	n = y - y0 + 1;
	return (n < 1 ? 1 : n);
}

static int
target_default(const char *code, int pyear, double *v)
{
	size_t	i;

	for (i = 0; i < nitems(target_defaults); i++)
		if (strcmp(target_defaults[i].code, code) == 0) {
			*v = target_defaults[i].v[pyear > 3 ? 2 : pyear - 1];
			return (1);
		}
	return (0);
}

/* The target of one indicator in a year: 1 with *v, 0 none, -1 error. */
int
target_get(struct db *db, const char *year, const char *code, double *v,
    struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_prepare(db, "SELECT value FROM target WHERE "
	    "school_year = ? AND code = ?", err)) == NULL)
		return (-1);
	sqlite3_bind_text(st, 1, year, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*v = sqlite3_column_double(st, 0);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return (1);
	if (rc != SQLITE_DONE)
		return (db_fail(db, err, _("reading the targets")));
	return (target_default(code, target_programme_year(db, year), v));
}

int
target_list(struct db *db, const char *year, struct target_row **rowsp,
    int *np, struct nerr *err)
{
	struct target_row	*rows;
	sqlite3_stmt		*st;
	const char *const	*codes;
	char			 y[16];
	double			 v;
	int			 i, n, k = 0, py, rc;

	*rowsp = NULL;
	*np = 0;
	if (year == NULL) {
		date_school_year(date_today(), y, sizeof y);
		year = y;
	}
	if (year_start(year) == 0)
		return (nerr_set(err, _("«%s» is not a school year; write it "
		    "as 2025-2026."), year));
	codes = indicator_codes(&n);
	py = target_programme_year(db, year);
	if ((st = db_prepare(db, "SELECT value FROM target WHERE "
	    "school_year = ? AND code = ?", err)) == NULL)
		return (-1);
	rows = xcalloc((size_t)n + 1, sizeof *rows);
	for (i = 0; i < n; i++) {
		sqlite3_bind_text(st, 1, year, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, codes[i], -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			rows[k].value = sqlite3_column_double(st, 0);
			rows[k].is_default = 0;
		} else if (rc == SQLITE_DONE && target_default(codes[i], py,
		    &v)) {
			rows[k].value = v;
			rows[k].is_default = 1;
		} else if (rc == SQLITE_DONE) {
			sqlite3_reset(st);
			continue;
		} else {
			sqlite3_finalize(st);
			free(rows);
			return (db_fail(db, err, _("reading the targets")));
		}
		sqlite3_reset(st);
		rows[k].code = codes[i];
		rows[k].name = indicator_name(codes[i]);
		k++;
	}
	sqlite3_finalize(st);
	*rowsp = rows;
	*np = k;
	return (0);
}

void
target_list_free(struct target_row *rows, int n)
{
	(void)n;
	free(rows);
}

static int
target_write(struct db *db, const char *year, const char *code, int set,
    double value, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (year_start(year) == 0)
		return (nerr_set(err, _("«%s» is not a school year; write it "
		    "as 2025-2026."), str_or(year, "")));
	if (indicator_name(code) == NULL || strncmp(code, "form-", 5) == 0 ||
	    strncmp(code, "change-", 7) == 0)
		return (nerr_set(err, _("«%s» is not an indicator with a "
		    "target; 'nastavnik target list' shows them."), code));
	if (set && (value < 0 || value > 100))
		return (nerr_set(err, _("A target is a share from 0 to 100 "
		    "per cent.")));
	if (db_begin(db, err) != 0)
		return (-1);
	st = db_prepare(db, set ? "INSERT OR REPLACE INTO target (school_year, "
	    "code, value) VALUES (?, ?, ?)" : "DELETE FROM target WHERE "
	    "school_year = ? AND code = ?", err);
	if (st == NULL) {
		db_rollback(db);
		return (-1);
	}
	sqlite3_bind_text(st, 1, year, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
	if (set)
		sqlite3_bind_double(st, 3, value);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_fail(db, err, _("saving the target"));
		db_rollback(db);
		return (-1);
	}
	if (db_audit(db, set ? "set" : "clear", "target", 0, err) != 0) {
		db_rollback(db);
		return (-1);
	}
	return (db_commit(db, err));
}

int
target_set(struct db *db, const char *year, const char *code, double value,
    struct nerr *err)
{
	return (target_write(db, year, code, 1, value, err));
}

int
target_clear(struct db *db, const char *year, const char *code,
    struct nerr *err)
{
	return (target_write(db, year, code, 0, 0, err));
}
