/* plan.c: individual plans: steps with due and done dates, approval, templates, completion. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "meeting.h"
#include "plan.h"
#include "text.h"
#include "util.h"

#define PLAN_TITLE_MAX	300
#define PLAN_NOTE_MAX	1000
#define PLAN_STEPS_MAX	200

void
plan_init(struct plan *p)
{
	memset(p, 0, sizeof *p);
}

static void
step_free(struct plan_step *s)
{
	free(s->title);
	free(s->due);
	free(s->done);
	free(s->note);
	memset(s, 0, sizeof *s);
}

void
plan_free(struct plan *p)
{
	int	i;

	if (p == NULL)
		return;
	for (i = 0; i < p->nsteps; i++)
		step_free(&p->steps[i]);
	free(p->steps);
	free(p->title);
	free(p->approved);
	free(p->approved_order);
	memset(p, 0, sizeof *p);
}

static char *
dup_or_null(const char *s)
{
	return (str_empty(s) ? NULL : xstrdup(s));
}

struct plan_step *
plan_step_add(struct plan *p, const char *title, const char *due)
{
	struct plan_step	*s;

	p->steps = xreallocarray(p->steps, p->nsteps + 1, sizeof *p->steps);
	s = &p->steps[p->nsteps++];
	memset(s, 0, sizeof *s);
	s->title = dup_or_null(title);
	s->due = dup_or_null(due);
	return (s);
}

/* ---- reading ---- */

static char *
col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char	*s = sqlite3_column_text(st, i);

	return (s == NULL || *s == '\0' ? NULL : xstrdup((const char *)s));
}

int
plan_get(struct db *db, long long pair, struct plan *p, struct nerr *err)
{
	struct plan_step	*s;
	sqlite3_stmt		*st;
	int			 rc;

	plan_init(p);
	if ((st = db_prepare(db, "SELECT id, version, title, approved, "
	    "approved_order FROM plan WHERE pair_id = ?", err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, pair);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		p->id = sqlite3_column_int64(st, 0);
		p->version = sqlite3_column_int64(st, 1);
		p->pair_id = pair;
		p->title = col_dup(st, 2);
		p->approved = col_dup(st, 3);
		p->approved_order = col_dup(st, 4);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return (1);
	if (rc != SQLITE_ROW)
		return (db_fail(db, err, _("reading the plan")));
	if ((st = db_prepare(db, "SELECT id, title, due, done, note FROM "
	    "plan_step WHERE plan_id = ? ORDER BY pos, id", err)) == NULL) {
		plan_free(p);
		return (-1);
	}
	sqlite3_bind_int64(st, 1, p->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		s = plan_step_add(p, NULL, NULL);
		s->id = sqlite3_column_int64(st, 0);
		s->title = col_dup(st, 1);
		s->due = col_dup(st, 2);
		s->done = col_dup(st, 3);
		s->note = col_dup(st, 4);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		plan_free(p);
		return (db_fail(db, err, _("reading the plan")));
	}
	return (0);
}

/* ---- checking ---- */

static int
check_past(const char *iso, const char *what, int n, struct nerr *err)
{
	char	d[DATE_ISO_LEN], t[DATE_ISO_LEN];

	if (!date_iso_valid(iso))
		return (nerr_set(err, _("Step %d of the plan: the %s \"%s\" is "
		    "not a real date; write it as DD.MM.YYYY."), n, what, iso));
	if (strcmp(iso, date_today()) > 0) {
		date_show(iso, d);
		date_show(date_today(), t);
		return (nerr_set(err, _("Step %d of the plan: the %s %s has "
		    "not come yet (today is %s); check the date."), n, what, d,
		    t));
	}
	return (0);
}

static int
plan_check(const struct plan *p, struct nerr *err)
{
	const struct plan_step	*s;
	int			 i;

	if (p->nsteps > PLAN_STEPS_MAX)
		return (nerr_set(err, _("A plan may have at most %d steps."),
		    PLAN_STEPS_MAX));
	if (p->title != NULL && (int)utf8_len(p->title) > PLAN_TITLE_MAX)
		return (nerr_set(err, _("The plan's title is longer than %d "
		    "characters; shorten it."), PLAN_TITLE_MAX));
	if (!str_empty(p->approved) && check_past(p->approved,
	    _("approval date"), 0, err) != 0)
		return (nerr_set(err, _("The plan's approval date is not a "
		    "real date, or has not come yet; write it as "
		    "DD.MM.YYYY.")));
	if (p->approved_order != NULL &&
	    (int)utf8_len(p->approved_order) > PLAN_TITLE_MAX)
		return (nerr_set(err, _("The order number is longer than %d "
		    "characters; shorten it."), PLAN_TITLE_MAX));
	for (i = 0; i < p->nsteps; i++) {
		s = &p->steps[i];
		if (str_empty(s->title))
			return (nerr_set(err, _("Step %d of the plan has no "
			    "title; say what is to be done."), i + 1));
		if ((int)utf8_len(s->title) > PLAN_TITLE_MAX)
			return (nerr_set(err, _("Step %d of the plan: the "
			    "title is longer than %d characters; shorten it."),
			    i + 1, PLAN_TITLE_MAX));
		if (s->note != NULL && (int)utf8_len(s->note) > PLAN_NOTE_MAX)
			return (nerr_set(err, _("Step %d of the plan: the note "
			    "is longer than %d characters; shorten it."), i + 1,
			    PLAN_NOTE_MAX));
		if (!str_empty(s->due) && !date_iso_valid(s->due))
			return (nerr_set(err, _("Step %d of the plan: the due "
			    "date \"%s\" is not a real date; write it as "
			    "DD.MM.YYYY."), i + 1, s->due));
		if (!str_empty(s->done) && check_past(s->done, _("date done"),
		    i + 1, err) != 0)
			return (-1);
	}
	return (0);
}

/* ---- saving ---- */

static void
bind_str(sqlite3_stmt *st, int i, const char *s)
{
	if (str_empty(s))
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

static int
step_save(struct db *db, long long plan, struct plan_step *s, int pos,
    struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (s->id > 0)
		st = db_prepare(db, "UPDATE plan_step SET pos = ?2, title = "
		    "?3, due = ?4, done = ?5, note = ?6 WHERE id = ?7 AND "
		    "plan_id = ?1", err);
	else
		st = db_prepare(db, "INSERT INTO plan_step (plan_id, pos, "
		    "title, due, done, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
		    err);
	if (st == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, plan);
	sqlite3_bind_int(st, 2, pos);
	bind_str(st, 3, s->title);
	bind_str(st, 4, s->due);
	bind_str(st, 5, s->done);
	bind_str(st, 6, s->note);
	if (s->id > 0)
		sqlite3_bind_int64(st, 7, s->id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return (db_fail(db, err, _("saving the plan")));
	if (s->id == 0)
		s->id = sqlite3_last_insert_rowid(db->h);
	return (0);
}

/* Steps no longer in the plan go. */
static int
steps_prune(struct db *db, const struct plan *p, struct nerr *err)
{
	struct sbuf	 sql;
	int		 i, rc;

	sbuf_init(&sql);
	sbuf_addf(&sql, "DELETE FROM plan_step WHERE plan_id = %lld AND id "
	    "NOT IN (0", p->id);
	for (i = 0; i < p->nsteps; i++)
		if (p->steps[i].id > 0)
			sbuf_addf(&sql, ", %lld", p->steps[i].id);
	sbuf_add(&sql, ")");
	rc = db_exec(db, sql.s, err);
	sbuf_free(&sql);
	return (rc);
}

static int
plan_head(struct db *db, struct plan *p, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc, exists;

	if (p->id == 0)
		st = db_prepare(db, "INSERT INTO plan (pair_id, title, "
		    "approved, approved_order) VALUES (?1, ?2, ?3, ?4)", err);
	else
		st = db_prepare(db, "UPDATE plan SET title = ?2, approved = "
		    "?3, approved_order = ?4, version = version + 1 WHERE id = "
		    "?5 AND version = ?6", err);
	if (st == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, p->pair_id);
	bind_str(st, 2, p->title);
	bind_str(st, 3, p->approved);
	bind_str(st, 4, p->approved_order);
	if (p->id > 0) {
		sqlite3_bind_int64(st, 5, p->id);
		sqlite3_bind_int64(st, 6, p->version);
	}
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_CONSTRAINT && p->id == 0)
		return (nerr_set(err, _("Pair no. %lld already has a plan, or "
		    "is not in the database; reopen it."), p->pair_id));
	if (rc != SQLITE_DONE)
		return (db_fail(db, err, _("saving the plan")));
	if (p->id == 0) {
		p->id = sqlite3_last_insert_rowid(db->h);
		return (db_audit(db, "plan.add", "plan", p->id, err));
	}
	if (sqlite3_changes(db->h) > 0)
		return (db_audit(db, "plan.edit", "plan", p->id, err));
	if ((exists = db_exists(db, "SELECT 1 FROM plan WHERE id = ?", p->id,
	    err)) < 0)
		return (-1);
	if (!exists)
		return (nerr_set(err, _("The plan of pair no. %lld has been "
		    "deleted by someone else; your changes were not saved."),
		    p->pair_id));
	return (nerr_set(err, _("Someone else changed the plan of pair no. "
	    "%lld while you were editing; your changes were not saved. Reopen "
	    "it to see theirs."), p->pair_id));
}

int
plan_save(struct db *db, struct plan *p, struct nerr *err)
{
	long long	*ids;
	int		 i, rc, isnew = p->id == 0;

	if (plan_check(p, err) != 0)
		return (-1);
	if (db_begin(db, err) != 0)
		return (-1);
	/* Remember new steps' ids: a failed save leaves them new. */
	ids = xcalloc(p->nsteps + 1, sizeof *ids);
	for (i = 0; i < p->nsteps; i++)
		ids[i] = p->steps[i].id;
	rc = plan_head(db, p, err);
	if (rc == 0 && !isnew)
		rc = steps_prune(db, p, err);
	for (i = 0; rc == 0 && i < p->nsteps; i++)
		rc = step_save(db, p->id, &p->steps[i], i + 1, err);
	if (rc == 0)
		rc = db_commit(db, err);
	if (rc != 0) {
		db_rollback(db);
		for (i = 0; i < p->nsteps; i++)
			p->steps[i].id = ids[i];
		if (isnew)
			p->id = 0;
	} else
		p->version = isnew ? 1 : p->version + 1;
	free(ids);
	return (rc);
}

int
plan_delete(struct db *db, long long plan_id, struct nerr *err)
{
	int	n;

	if (db_begin(db, err) != 0)
		return (-1);
	n = db_delete_id(db, "DELETE FROM plan WHERE id = ?", plan_id,
	    _("deleting the plan"), err);
	if (n == 0)
		nerr_set(err, _("Plan no. %lld is not in the database: someone "
		    "may have deleted it."), plan_id);
	if (n <= 0 || db_audit(db, "plan.delete", "plan", plan_id, err) != 0 ||
	    db_commit(db, err) != 0) {
		db_rollback(db);
		return (-1);
	}
	return (0);
}

int
plan_step_mark(struct db *db, long long step, const char *date, int clear,
    struct nerr *err)
{
	sqlite3_stmt	*st;
	char		*sql;
	long long	 plan = 0;
	int		 rc;

	if (date == NULL)
		date = date_today();
	if (!clear && check_past(date, _("date done"), 0, err) != 0)
		return (nerr_set(err, _("The date done is not a real date, or "
		    "has not come yet; write it as DD.MM.YYYY.")));
	if (db_begin(db, err) != 0)
		return (-1);
	if ((st = db_prepare(db, "UPDATE plan_step SET done = ?1 WHERE id = ?2 "
	    "RETURNING plan_id", err)) == NULL) {
		db_rollback(db);
		return (-1);
	}
	if (clear)
		sqlite3_bind_null(st, 1);
	else
		sqlite3_bind_text(st, 1, date, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, step);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		plan = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		rc = nerr_set(err, _("Step no. %lld of a plan is not in the "
		    "database: someone may have deleted it."), step);
	else if (rc != SQLITE_ROW)
		rc = db_fail(db, err, _("saving the plan"));
	else {
		/* The plan's version: an open editor must not overwrite it. */
		xasprintf(&sql, "UPDATE plan SET version = version + 1 WHERE "
		    "id = %lld", plan);
		rc = db_exec(db, sql, err);
		free(sql);
	}
	if (rc == 0)
		rc = db_audit(db, clear ? "plan.step.undo" : "plan.step.done",
		    "plan", plan, err);
	if (rc == 0)
		rc = db_commit(db, err);
	if (rc != 0)
		db_rollback(db);
	return (rc);
}

/* ---- templates ---- */

/* The template's steps for a form into p, due from start; -1. */
static int
template_read(const char *form, long start, struct plan *p, struct nerr *err)
{
	const char	*dirs[2];
	char		*path = NULL, *line = NULL, *t1, *t2, *end;
	size_t		 cap = 0;
	FILE		*f = NULL;
	long		 day;
	int		 i, nd, lineno = 0;
	char		 iso[DATE_ISO_LEN];

	nd = util_datadirs(dirs);
	for (i = 0; i < nd && f == NULL; i++) {
		free(path);
		xasprintf(&path, "%s/plan-templates.tsv", dirs[i]);
		f = fopen(path, "r");
	}
	if (f == NULL) {
		nerr_set(err, _("The plan templates are missing (%s/"
		    "plan-templates.tsv); reinstall the program or set "
		    "NASTAVNIK_DATADIR."), dirs[0]);
		free(path);
		return (-1);
	}
	while (getline(&line, &cap, f) != -1) {
		lineno++;
		line[strcspn(line, "\r\n")] = '\0';
		if (lineno == 1 || *line == '\0' || *line == '#')
			continue;
		if ((t1 = strchr(line, '\t')) == NULL ||
		    (t2 = strchr(t1 + 1, '\t')) == NULL)
			goto bad;
		*t1++ = '\0';
		*t2++ = '\0';
		if (strcmp(line, form) != 0)
			continue;
		errno = 0;
		day = strtol(t1, &end, 10);
		if (*t1 == '\0' || *end != '\0' || errno != 0 || day < 0 ||
		    day > 3650 || *t2 == '\0')
			goto bad;
		date_from_days(start + day, iso);
		plan_step_add(p, t2, iso);
	}
	fclose(f);
	free(line);
	free(path);
	return (0);
bad:
	nerr_set(err, _("%s, line %d: a template line is form, day and title "
	    "separated by tabs."), path, lineno);
	fclose(f);
	free(line);
	free(path);
	return (-1);
}

int
plan_from_template(struct db *db, long long pair, struct plan *p,
    struct nerr *err)
{
	sqlite3_stmt	*st;
	char		*form = NULL, *from = NULL;
	long		 start;
	int		 rc;

	plan_init(p);
	if ((st = db_prepare(db, "SELECT form, date_from, (SELECT count(*) "
	    "FROM plan WHERE pair_id = pair.id) FROM pair WHERE id = ?",
	    err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, pair);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		form = col_dup(st, 0);
		from = col_dup(st, 1);
		if (sqlite3_column_int(st, 2) > 0)
			rc = SQLITE_CONSTRAINT;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		nerr_set(err, _("Pair no. %lld is not in the database: someone "
		    "may have deleted it."), pair);
	else if (rc == SQLITE_CONSTRAINT)
		nerr_set(err, _("Pair no. %lld already has a plan; edit it "
		    "instead of starting another."), pair);
	else if (rc != SQLITE_ROW)
		db_fail(db, err, _("reading the pair"));
	if (rc != SQLITE_ROW)
		goto fail;
	start = date_days(from != NULL ? from : date_today());
	if (start < 0)
		start = date_days(date_today());
	p->pair_id = pair;
	if (template_read(form, start, p, err) != 0)
		goto fail;
	if (p->nsteps == 0) {
		nerr_set(err, _("The plan templates have no steps for the form "
		    "%s."), form);
		goto fail;
	}
	if (plan_save(db, p, err) != 0)
		goto fail;
	free(form);
	free(from);
	return (0);
fail:
	free(form);
	free(from);
	plan_free(p);
	return (-1);
}

/* ---- completion ---- */

void
plan_completion(const struct plan *p, int *done, int *total, int *overdue)
{
	const char	*today = date_today();
	int		 i;

	*done = *overdue = 0;
	*total = p->nsteps;
	for (i = 0; i < p->nsteps; i++) {
		if (!str_empty(p->steps[i].done))
			(*done)++;
		else if (!str_empty(p->steps[i].due) &&
		    strcmp(p->steps[i].due, today) < 0)
			(*overdue)++;
	}
}

static int
stat_pct(const struct plan_stat *s)
{
	return (s->total > 0 ? s->done * 100 / s->total : 0);
}

static int
stat_cmp(const void *a, const void *b)
{
	const struct plan_stat	*x = a, *y = b;

	if (stat_pct(x) != stat_pct(y))
		return (stat_pct(x) < stat_pct(y) ? -1 : 1);
	if (x->overdue != y->overdue)
		return (x->overdue > y->overdue ? -1 : 1);
	return (x->pair_id < y->pair_id ? -1 : x->pair_id > y->pair_id);
}

int
plan_stats(struct db *db, struct plan_stat **out, int *np, int *all_done,
    int *all_total, int *met, struct nerr *err)
{
	struct plan_stat	*v = NULL, *s;
	sqlite3_stmt		*st;
	int			 n = 0, rc;

	*out = NULL;
	*np = *all_done = *all_total = *met = 0;
	if ((st = db_prepare(db, "SELECT pl.pair_id, pl.id, "
	    MEETING_WHO_SQL("pl.pair_id") ", count(s.id), "
	    "count(s.done), coalesce(sum(s.done IS NULL AND s.due < ?1), 0) "
	    "FROM plan pl JOIN pair pr ON pr.id = pl.pair_id LEFT JOIN "
	    "plan_step s ON s.plan_id = pl.id WHERE pr.status IN ('forming', "
	    "'active', 'completed') GROUP BY pl.id", err)) == NULL)
		return (-1);
	sqlite3_bind_text(st, 1, date_today(), -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xreallocarray(v, n + 1, sizeof *v);
		s = &v[n++];
		s->pair_id = sqlite3_column_int64(st, 0);
		s->plan_id = sqlite3_column_int64(st, 1);
		s->who = xstrdup(str_or((const char *)
		    sqlite3_column_text(st, 2), ""));
		s->total = sqlite3_column_int(st, 3);
		s->done = sqlite3_column_int(st, 4);
		s->overdue = sqlite3_column_int(st, 5);
		*all_done += s->done;
		*all_total += s->total;
		if (s->total > 0 && s->done * 100 >= PLAN_TARGET_PCT * s->total)
			(*met)++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		plan_stats_free(v, n);
		*all_done = *all_total = *met = 0;
		return (db_fail(db, err, _("reading the plans")));
	}
	if (n > 1)
		qsort(v, n, sizeof *v, stat_cmp);
	*out = v;
	*np = n;
	return (0);
}

/*
 * The totals of plan_stats alone: no names, no list (the summary's line;
 * naming 27 000 plans' people is most of plan_stats' time).
 */
int
plan_totals(struct db *db, int *plans, int *all_done, int *all_total,
    int *met, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc, total, done;

	*plans = *all_done = *all_total = *met = 0;
	if ((st = db_prepare(db, "SELECT count(s.id), count(s.done) FROM "
	    "plan pl JOIN pair pr ON pr.id = pl.pair_id LEFT JOIN plan_step "
	    "s ON s.plan_id = pl.id WHERE pr.status IN ('forming', 'active', "
	    "'completed') GROUP BY pl.id", err)) == NULL)
		return (-1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		total = sqlite3_column_int(st, 0);
		done = sqlite3_column_int(st, 1);
		(*plans)++;
		*all_done += done;
		*all_total += total;
		if (total > 0 && done * 100 >= PLAN_TARGET_PCT * total)
			(*met)++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		*plans = *all_done = *all_total = *met = 0;
		return (db_fail(db, err, _("reading the plans")));
	}
	return (0);
}

void
plan_stats_free(struct plan_stat *v, int n)
{
	int	i;

	for (i = 0; i < n; i++)
		free(v[i].who);
	free(v);
}
