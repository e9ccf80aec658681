/* roadmap-item.c: the roadmap's items: reading with due dates, saving, marking done, progress. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "deadline.h"
#include "roadmap-int.h"
#include "roadmap.h"
#include "text.h"
#include "util.h"

void
rm_item_init(struct rm_item *it)
{
	memset(it, 0, sizeof *it);
	it->status = RM_TODO;
	it->dl.kind = DL_UNPARSED;
}

void
rm_item_free(struct rm_item *it)
{
	if (it == NULL)
		return;
	free(it->number);
	free(it->content);
	free(it->deadline_text);
	free(it->result);
	free(it->indicator);
	free(it->responsible);
	free(it->done_date);
	free(it->evidence);
	free(it->note);
	rm_item_init(it);
}

void
rm_filter_init(struct rm_filter *f)
{
	memset(f, 0, sizeof *f);
}

static int
rm_status_of(const char *code)
{
	int	i;

	for (i = 0; i < RM__COUNT; i++) {
		if (code != NULL && strcmp(code, rm_status_code(i)) == 0)
			return (i);
	}
	return (RM_TODO);
}

/*
 * Due date and overdue as of today.  Done and cancelled items are never
 * overdue; a recurring item's done date is the last time it was done, so
 * its current occurrence decides; for the others the status alone says
 * whether it was done.
 */
static void
rm_item_compute(struct rm_item *it, const char *year, struct rm_dlcache *c)
{
	const char	*today = date_today();

	if (c != NULL && (c->year == NULL ? year == NULL :
	    year != NULL && strcmp(c->year, year) == 0))
		rm_dlcache_get(c, it->deadline_text, &it->dl);
	else
		rm_deadline(it->deadline_text, year, &it->dl);
	deadline_due(&it->dl, today, it->due);
	if (it->status == RM_DONE || it->status == RM_CANCELLED)
		it->overdue = 0;
	else
		it->overdue = deadline_overdue(&it->dl,
		    it->dl.kind == DL_RECURRING ? it->done_date : NULL, today);
}

#define ITEM_SELECT "SELECT i.id, i.version, i.section_id, i.pos, i.number, " \
	"i.content, i.deadline_text, i.result, i.indicator, i.responsible, " \
	"i.responsible_id, i.status, i.done_date, i.evidence, i.note, " \
	"r.school_year FROM roadmap_item i " \
	"JOIN roadmap_section s ON s.id = i.section_id " \
	"JOIN roadmap r ON r.id = s.roadmap_id "

static void
rm_item_read(sqlite3_stmt *st, struct rm_item *it, struct rm_dlcache *c)
{
	rm_item_init(it);
	it->id = sqlite3_column_int64(st, 0);
	it->version = sqlite3_column_int64(st, 1);
	it->section_id = sqlite3_column_int64(st, 2);
	it->pos = sqlite3_column_int(st, 3);
	it->number = rm_col_str(st, 4);
	it->content = rm_col_str(st, 5);
	it->deadline_text = rm_col_str(st, 6);
	it->result = rm_col_str(st, 7);
	it->indicator = rm_col_str(st, 8);
	it->responsible = rm_col_str(st, 9);
	it->responsible_id = sqlite3_column_int64(st, 10);
	it->status = rm_status_of((const char *)sqlite3_column_text(st, 11));
	it->done_date = rm_col_str(st, 12);
	it->evidence = rm_col_str(st, 13);
	it->note = rm_col_str(st, 14);
	rm_item_compute(it, (const char *)sqlite3_column_text(st, 15), c);
}

static int
rm_item_pass(const struct rm_item *it, const struct rm_filter *f,
    const char *fold)
{
	char	limit[DATE_ISO_LEN], *r;
	int	pass;

	if (f == NULL)
		return (1);
	if (f->overdue && !it->overdue)
		return (0);
	if (f->not_done && it->status != RM_TODO &&
	    it->status != RM_PROGRESS)
		return (0);
	if (f->due_days > 0) {
		if (it->status == RM_DONE || it->status == RM_CANCELLED ||
		    it->due[0] == '\0' || strcmp(it->due, date_today()) < 0)
			return (0);
		date_from_days(date_days(date_today()) + f->due_days, limit);
		if (strcmp(it->due, limit) > 0)
			return (0);
	}
	if (fold != NULL) {
		if (it->responsible == NULL)
			return (0);
		r = text_fold_dup(it->responsible);
		pass = strstr(r, fold) != NULL;
		free(r);
		return (pass);
	}
	return (1);
}

/* Items of a roadmap, or of one section when section is not 0. */
static int
rm_items_of(struct db *db, long long roadmap, long long section,
    const struct rm_filter *f, struct rm_item **out, int *n, struct nerr *err)
{
	sqlite3_stmt		*st;
	struct rm_item		*v = NULL;
	struct rm_dlcache	 c;
	char			*fold = NULL;
	int			 cap = 0, rc, status, have = 0;

	*out = NULL;
	*n = 0;
	if ((st = db_prepare(db, ITEM_SELECT "WHERE s.roadmap_id = ?1 AND "
	    "(?2 = 0 OR s.id = ?2) ORDER BY s.pos, s.id, i.pos, i.id",
	    err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, roadmap);
	sqlite3_bind_int64(st, 2, section);
	if (f != NULL && !str_empty(f->responsible))
		fold = text_fold_dup(f->responsible);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		/* Done and cancelled items pass none of these: skip early. */
		status = rm_status_of((const char *)sqlite3_column_text(st,
		    11));
		if (f != NULL && (f->overdue || f->not_done || f->due_days) &&
		    (status == RM_DONE || status == RM_CANCELLED))
			continue;
		if (*n == cap) {
			cap = cap == 0 ? 64 : cap * 2;
			v = xreallocarray(v, (size_t)cap, sizeof *v);
		}
		if (!have) {
			rm_dlcache_init(&c, (const char *)sqlite3_column_text(st,
			    15));
			have = 1;
		}
		rm_item_read(st, &v[*n], &c);
		if (rm_item_pass(&v[*n], f, fold))
			(*n)++;
		else
			rm_item_free(&v[*n]);
	}
	sqlite3_finalize(st);
	if (have)
		rm_dlcache_free(&c);
	free(fold);
	if (rc != SQLITE_DONE) {
		rm_items_free(v, *n);
		*n = 0;
		return (db_fail(db, err, _("reading the roadmap")));
	}
	*out = v;
	return (0);
}

int
rm_items(struct db *db, long long roadmap, const struct rm_filter *f,
    struct rm_item **out, int *n, struct nerr *err)
{
	return (rm_items_of(db, roadmap, 0, f, out, n, err));
}

void
rm_items_free(struct rm_item *v, int n)
{
	int	i;

	for (i = 0; i < n; i++)
		rm_item_free(&v[i]);
	free(v);
}

int
rm_item_get(struct db *db, long long id, struct rm_item *it,
    struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	rm_item_init(it);
	if ((st = db_prepare(db, ITEM_SELECT "WHERE i.id = ?", err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		rm_item_read(st, it, NULL);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return (nerr_set(err, _("The roadmap item is not in the "
		    "database: someone may have deleted it.")));
	if (rc != SQLITE_ROW)
		return (db_fail(db, err, _("reading the roadmap item")));
	return (0);
}

/* ---- saving ---- */

/* The school year of the roadmap a section belongs to; NULL and err. */
static char *
rm_section_year(struct db *db, long long section, struct nerr *err)
{
	sqlite3_stmt	*st;
	char		*year = NULL;
	int		 rc;

	if ((st = db_prepare(db, "SELECT coalesce(r.school_year, '') FROM "
	    "roadmap_section s JOIN roadmap r ON r.id = s.roadmap_id WHERE "
	    "s.id = ?", err)) == NULL)
		return (NULL);
	sqlite3_bind_int64(st, 1, section);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		year = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		nerr_set(err, _("The roadmap section of this item is not in "
		    "the database: someone may have deleted it."));
	else if (rc != SQLITE_ROW)
		db_fail(db, err, _("reading the roadmap section"));
	return (year);
}

/* A done date: valid, not in the future.  iso gets it. */
static int
rm_done_date(const char *s, char *iso, struct nerr *err)
{
	char	shown[DATE_ISO_LEN];

	if (date_parse(s, iso, _("date done"), err) == -1)
		return (-1);
	if (strcmp(iso, date_today()) > 0) {
		date_show(iso, shown);
		return (nerr_set(err, _("The date done, %s, is in the future: "
		    "an item can only be marked done on a day that has "
		    "come."), shown));
	}
	return (0);
}

static int
rm_item_validate(struct rm_item *it, struct nerr *err)
{
	char	iso[DATE_ISO_LEN];

	if (str_empty(it->content))
		return (nerr_set(err, _("The item says nothing: write what is "
		    "to be done in its content.")));
	if (it->status < 0 || it->status >= RM__COUNT)
		return (nerr_set(err, _("The item's status is unknown; use to "
		    "do, in progress, done or cancelled.")));
	if (it->section_id <= 0)
		return (nerr_set(err, _("The item belongs to no section; "
		    "choose one.")));
	if (!str_empty(it->done_date)) {
		if (rm_done_date(it->done_date, iso, err) == -1)
			return (-1);
		free(it->done_date);
		it->done_date = xstrdup(iso);
	} else if (it->status == RM_DONE) {
		free(it->done_date);
		it->done_date = xstrdup(date_today());
	}
	return (0);
}

#define ITEM_COLS "section_id, number, content, deadline_text, " \
	"deadline_from, deadline_to, result, indicator, responsible, " \
	"responsible_id, status, done_date, evidence, note"

static int
rm_item_bind(sqlite3_stmt *st, const struct rm_item *it, const char *year)
{
	struct deadline	dl;

	/* Stored for the sqlite3 shell and reports; read back re-parsed. */
	rm_deadline(it->deadline_text, year, &dl);
	sqlite3_bind_int64(st, 1, it->section_id);
	rm_bind_str(st, 2, it->number);
	rm_bind_str(st, 3, it->content);
	rm_bind_str(st, 4, it->deadline_text);
	rm_bind_str(st, 5, dl.from);
	rm_bind_str(st, 6, dl.to);
	rm_bind_str(st, 7, it->result);
	rm_bind_str(st, 8, it->indicator);
	rm_bind_str(st, 9, it->responsible);
	if (it->responsible_id > 0)
		sqlite3_bind_int64(st, 10, it->responsible_id);
	else
		sqlite3_bind_null(st, 10);
	sqlite3_bind_text(st, 11, rm_status_code(it->status), -1,
	    SQLITE_STATIC);
	rm_bind_str(st, 12, it->done_date);
	rm_bind_str(st, 13, it->evidence);
	rm_bind_str(st, 14, it->note);
	return (15);
}

/* Why an UPDATE touched no row: gone, or changed by someone else. */
static int
rm_item_refused(struct db *db, long long id, struct nerr *err)
{
	int	exists;

	exists = db_exists(db, "SELECT 1 FROM roadmap_item WHERE id = ?", id,
	    err);
	if (exists < 0)
		return (-1);
	if (!exists)
		return (nerr_set(err, _("This roadmap item has been deleted by "
		    "someone else; your changes were not saved.")));
	return (nerr_set(err, _("Someone else changed this roadmap item "
	    "while you were editing; your changes were not saved. Reopen it "
	    "to see theirs.")));
}

static int
rm_item_save_tx(struct db *db, struct rm_item *it, const char *year,
    struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 i, rc;

	if (it->id == 0)
		st = db_prepare(db, "INSERT INTO roadmap_item (" ITEM_COLS
		    ", pos) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
		    "(SELECT coalesce(max(pos), 0) + 1 FROM roadmap_item "
		    "WHERE section_id = ?1))", err);
	else
		st = db_prepare(db, "UPDATE roadmap_item SET (" ITEM_COLS
		    ") = (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?), "
		    "version = version + 1 WHERE id = ? AND version = ?", err);
	if (st == NULL)
		return (-1);
	i = rm_item_bind(st, it, year);
	if (it->id != 0) {
		sqlite3_bind_int64(st, i, it->id);
		sqlite3_bind_int64(st, i + 1, it->version);
	}
	rc = rm_step(db, st, _("saving the roadmap item"), err);
	sqlite3_finalize(st);
	if (rc == -1)
		return (-1);
	if (it->id != 0) {
		if (sqlite3_changes(db->h) == 0)
			return (rm_item_refused(db, it->id, err));
		return (db_audit(db, "roadmap.item.edit", "roadmap_item",
		    it->id, err));
	}
	it->id = sqlite3_last_insert_rowid(db->h);
	if ((st = db_prepare(db, "SELECT pos FROM roadmap_item WHERE id = ?",
	    err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, it->id);
	if (sqlite3_step(st) == SQLITE_ROW)
		it->pos = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return (db_audit(db, "roadmap.item.add", "roadmap_item", it->id,
	    err));
}

int
rm_item_save(struct db *db, struct rm_item *it, struct nerr *err)
{
	char		*year;
	long long	 old = it->id;
	int		 rc;

	if (rm_item_validate(it, err) == -1)
		return (-1);
	if ((year = rm_section_year(db, it->section_id, err)) == NULL)
		return (-1);
	if (db_begin(db, err) == -1) {
		free(year);
		return (-1);
	}
	rc = rm_item_save_tx(db, it, year, err);
	if (rc == -1 || db_commit(db, err) == -1) {
		db_rollback(db);
		it->id = old;
		free(year);
		return (-1);
	}
	if (old == 0)
		it->version = 1;
	else
		it->version++;
	rm_item_compute(it, year, NULL);
	free(year);
	return (0);
}

int
rm_item_delete(struct db *db, long long id, struct nerr *err)
{
	int	rc;

	if (db_begin(db, err) == -1)
		return (-1);
	rc = db_delete_id(db, "DELETE FROM roadmap_item WHERE id = ?", id,
	    _("deleting the roadmap item"), err);
	if (rc == 0)
		rc = nerr_set(err, _("The roadmap item is not in the database: "
		    "someone may have deleted it."));
	if (rc == -1 || db_audit(db, "roadmap.item.delete", "roadmap_item",
	    id, err) == -1 || db_commit(db, err) == -1) {
		db_rollback(db);
		return (-1);
	}
	return (0);
}

/*
 * Is this occurrence of a recurring deadline its last one within its
 * bounds?  Then doing it finishes the item; before that the item stays in
 * progress with the date it was last done.
 */
static int
rm_recurring_last(const struct deadline *dl, const char *date)
{
	char	due[DATE_ISO_LEN], next[DATE_ISO_LEN], after[DATE_ISO_LEN];

	if (dl->to[0] == '\0')
		return (0);
	if (deadline_due(dl, date, due) == -1 || due[0] == '\0')
		return (1);
	date_from_days(date_days(due) + 1, after);
	if (deadline_due(dl, after, next) == -1 || next[0] == '\0')
		return (1);
	return (strcmp(next, due) == 0);
}

/* Set status, done date and evidence inside a transaction, version bumped. */
static int
rm_item_mark(struct db *db, long long id, int status, const char *date,
    int keep_date, const char *evidence, const char *action,
    struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_prepare(db, "UPDATE roadmap_item SET status = ?, "
	    "done_date = CASE WHEN ?3 THEN done_date ELSE ?2 END, "
	    "evidence = coalesce(?4, evidence), version = version + 1 "
	    "WHERE id = ?5", err)) == NULL)
		return (-1);
	sqlite3_bind_text(st, 1, rm_status_code(status), -1, SQLITE_STATIC);
	rm_bind_str(st, 2, date);
	sqlite3_bind_int(st, 3, keep_date);
	rm_bind_str(st, 4, evidence);
	sqlite3_bind_int64(st, 5, id);
	rc = rm_step(db, st, _("saving the roadmap item"), err);
	sqlite3_finalize(st);
	if (rc == 0 && sqlite3_changes(db->h) == 0)
		rc = nerr_set(err, _("The roadmap item is not in the database: "
		    "someone may have deleted it."));
	if (rc == -1)
		return (-1);
	return (db_audit(db, action, "roadmap_item", id, err));
}

int
rm_item_done(struct db *db, long long id, const char *date,
    const char *evidence, struct nerr *err)
{
	struct rm_item	 it;
	char		 iso[DATE_ISO_LEN], *ev;
	int		 status = RM_DONE, rc;

	if (str_empty(date))
		snprintf(iso, sizeof iso, "%s", date_today());
	else if (rm_done_date(date, iso, err) == -1)
		return (-1);
	if (rm_item_get(db, id, &it, err) == -1)
		return (-1);
	if (it.status == RM_CANCELLED) {
		rm_item_free(&it);
		return (nerr_set(err, _("The item is cancelled; set its status "
		    "back to do before marking it done.")));
	}
	if (it.dl.kind == DL_RECURRING && !rm_recurring_last(&it.dl, iso))
		status = RM_PROGRESS;
	rm_item_free(&it);
	ev = str_trimdup(evidence);
	if (db_begin(db, err) == -1) {
		free(ev);
		return (-1);
	}
	rc = rm_item_mark(db, id, status, iso, 0, ev, "roadmap.item.done",
	    err);
	free(ev);
	if (rc == -1 || db_commit(db, err) == -1) {
		db_rollback(db);
		return (-1);
	}
	return (0);
}

int
rm_item_set_status(struct db *db, long long id, int status,
    struct nerr *err)
{
	struct rm_item	it;
	const char	*date = NULL;
	int		keep = 1, rc;

	if (status < 0 || status >= RM__COUNT)
		return (nerr_set(err, _("The item's status is unknown; use to "
		    "do, in progress, done or cancelled.")));
	if (rm_item_get(db, id, &it, err) == -1)
		return (-1);
	/* Done needs a date; back to do forgets it; the rest keep it. */
	if (status == RM_DONE && str_empty(it.done_date)) {
		date = date_today();
		keep = 0;
	} else if (status == RM_TODO)
		keep = 0;
	rm_item_free(&it);
	if (db_begin(db, err) == -1)
		return (-1);
	rc = rm_item_mark(db, id, status, date, keep, NULL,
	    "roadmap.item.status", err);
	if (rc == -1 || db_commit(db, err) == -1) {
		db_rollback(db);
		return (-1);
	}
	return (0);
}

/* "5." and "5" are the same number; so are " 1.1 " and "1.1". */
static char *
rm_number_key(const char *s)
{
	char	*k;
	size_t	 n;

	if ((k = str_trimdup(s)) == NULL)
		return (xstrdup(""));
	n = strlen(k);
	while (n > 1 && k[n - 1] == '.')
		k[--n] = '\0';
	return (k);
}

long long
rm_item_by_number(struct db *db, long long roadmap, const char *number,
    struct nerr *err)
{
	sqlite3_stmt	*st;
	long long	 id = 0;
	char		*want, *have;
	int		 rc, found = 0;

	want = rm_number_key(number);
	if (*want == '\0') {
		free(want);
		return (nerr_set(err, _("Give the item's number as the "
		    "roadmap shows it, such as 1.2.")));
	}
	if ((st = db_prepare(db, "SELECT i.id, i.number FROM roadmap_item i "
	    "JOIN roadmap_section s ON s.id = i.section_id WHERE "
	    "s.roadmap_id = ? AND i.number IS NOT NULL ORDER BY s.pos, i.pos",
	    err)) == NULL) {
		free(want);
		return (-1);
	}
	sqlite3_bind_int64(st, 1, roadmap);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		have = rm_number_key((const char *)sqlite3_column_text(st, 1));
		if (strcmp(have, want) == 0 && found++ == 0)
			id = sqlite3_column_int64(st, 0);
		free(have);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(want);
		return (db_fail(db, err, _("reading the roadmap")));
	}
	if (found > 1) {
		nerr_set(err, _("%d items of the roadmap are numbered %s; "
		    "mark the one you mean in the screens."), found, want);
		free(want);
		return (-1);
	}
	free(want);
	return (id);
}

int
rm_progress(struct db *db, long long roadmap, long long section,
    struct rm_progress *p, struct nerr *err)
{
	struct rm_item	*v;
	int		 i, n;

	memset(p, 0, sizeof *p);
	if (rm_items_of(db, roadmap, section, NULL, &v, &n, err) == -1)
		return (-1);
	for (i = 0; i < n; i++) {
		if (v[i].status == RM_CANCELLED) {
			p->cancelled++;
			continue;
		}
		p->total++;
		if (v[i].status == RM_DONE)
			p->done++;
		if (v[i].overdue)
			p->overdue++;
		if (v[i].dl.kind == DL_UNPARSED)
			p->unparsed++;
	}
	rm_items_free(v, n);
	return (0);
}

int
rm_progress_pct(const struct rm_progress *p)
{
	if (p->total <= 0)
		return (0);
	return ((int)((long long)p->done * 100 / p->total));
}
