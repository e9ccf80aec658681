/* roadmap.c: roadmaps and their sections, statuses, the shipped templates. */
#include "config.h"

#include <sys/types.h>

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csvio.h"
#include "date.h"
#include "db.h"
#include "roadmap-int.h"
#include "roadmap.h"
#include "text.h"
#include "util.h"

#ifndef BUILD_DATADIR
#define BUILD_DATADIR "data"
#endif

static const char *rm_codes[RM__COUNT] = {
	"todo", "progress", "done", "cancelled"
};
static const char *rm_labels[RM__COUNT] = {
	N_("to do"), N_("in progress"), N_("done"), N_("cancelled")
};

const char *
rm_status_code(int s)
{
	return (s >= 0 && s < RM__COUNT ? rm_codes[s] : "todo");
}

const char *
rm_status_label(int s)
{
	return (s >= 0 && s < RM__COUNT ? _(rm_labels[s]) :
	    "");
}

int
rm_status_parse(const char *s)
{
	char	*f, *g;
	int	 i, found = -1;

	if (s == NULL)
		return (-1);
	f = text_fold_dup(s);
	for (i = 0; i < RM__COUNT && found < 0; i++) {
		if (strcmp(f, rm_codes[i]) == 0)
			found = i;
		g = text_fold_dup(rm_labels[i]);
		if (strcmp(f, g) == 0)
			found = i;
		free(g);
		g = text_fold_dup(_(rm_labels[i]));
		if (strcmp(f, g) == 0)
			found = i;
		free(g);
	}
	free(f);
	return (found);
}

void
roadmap_free(struct roadmap *r)
{
	if (r == NULL)
		return;
	free(r->title);
	free(r->school_year);
	memset(r, 0, sizeof *r);
}

void
rm_section_free(struct rm_section *s)
{
	if (s == NULL)
		return;
	free(s->title);
	memset(s, 0, sizeof *s);
}

/* ---- helpers shared by the roadmap's files ---- */

void
rm_bind_str(sqlite3_stmt *st, int i, const char *s)
{
	if (str_empty(s))
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

char *
rm_col_str(sqlite3_stmt *st, int i)
{
	const unsigned char	*s = sqlite3_column_text(st, i);

	if (s == NULL || *s == '\0')
		return (NULL);
	return (xstrdup((const char *)s));
}

int
rm_step(struct db *db, sqlite3_stmt *st, const char *what, struct nerr *err)
{
	int	rc;

	rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return (db_fail(db, err, what));
	return (0);
}

int
rm_year_valid(const char *y)
{
	int	i, a, b;

	if (y == NULL || strlen(y) != 9 || y[4] != '-')
		return (0);
	for (i = 0; i < 9; i++) {
		if (i != 4 && (y[i] < '0' || y[i] > '9'))
			return (0);
	}
	a = atoi(y);
	b = atoi(y + 5);
	return (a >= 1900 && b == a + 1);
}

void
rm_year_today(char *out, size_t len)
{
	date_school_year(date_today(), out, len);
}

void
rm_deadline(const char *text, const char *year, struct deadline *dl)
{
	unsigned int	y;

	deadline_parse(str_or(text, ""), year, dl);
	if (dl->kind != DL_RECURRING || !rm_year_valid(year))
		return;
	y = (unsigned int)atoi(year) % 10000;
	if (dl->from[0] == '\0')
		snprintf(dl->from, sizeof dl->from, "%04u-09-01", y);
	if (dl->to[0] == '\0')
		snprintf(dl->to, sizeof dl->to, "%04u-08-31", (y + 1) % 10000);
}

#define RM_DLCACHE_MAX	65536	/* distinct texts kept; past that, parse */

void
rm_dlcache_init(struct rm_dlcache *c, const char *year)
{
	memset(c, 0, sizeof *c);
	c->year = year != NULL ? xstrdup(year) : NULL;
}

static size_t
rm_dlhash(const char *s)
{
	size_t	h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return (h);
}

/* Open addressing, grown at half full; cap is a power of two. */
static void
rm_dlcache_grow(struct rm_dlcache *c)
{
	struct rm_dlent	*old = c->v;
	size_t		 oldcap = c->cap, i, j;

	c->cap = oldcap == 0 ? 256 : oldcap * 2;
	c->v = xcalloc(c->cap, sizeof *c->v);
	for (i = 0; i < oldcap; i++) {
		if (old[i].text == NULL)
			continue;
		for (j = rm_dlhash(old[i].text) & (c->cap - 1);
		    c->v[j].text != NULL; j = (j + 1) & (c->cap - 1))
			;
		c->v[j] = old[i];
	}
	free(old);
}

void
rm_dlcache_get(struct rm_dlcache *c, const char *text, struct deadline *dl)
{
	size_t	j;

	if (text == NULL)
		text = "";
	if (c->n >= RM_DLCACHE_MAX) {
		rm_deadline(text, c->year, dl);
		return;
	}
	if (c->n * 2 >= c->cap)
		rm_dlcache_grow(c);
	for (j = rm_dlhash(text) & (c->cap - 1); c->v[j].text != NULL;
	    j = (j + 1) & (c->cap - 1)) {
		if (strcmp(c->v[j].text, text) == 0) {
			*dl = c->v[j].dl;
			return;
		}
	}
	rm_deadline(text, c->year, dl);
	c->v[j].text = xstrdup(text);
	c->v[j].dl = *dl;
	c->n++;
}

void
rm_dlcache_free(struct rm_dlcache *c)
{
	size_t	i;

	for (i = 0; i < c->cap; i++)
		free(c->v[i].text);
	free(c->v);
	free(c->year);
	memset(c, 0, sizeof *c);
}

/* ---- roadmaps ---- */

static int
roadmap_read(sqlite3_stmt *st, struct roadmap *r)
{
	r->id = sqlite3_column_int64(st, 0);
	r->version = sqlite3_column_int64(st, 1);
	r->title = rm_col_str(st, 2);
	if (r->title == NULL)
		r->title = xstrdup("");
	r->school_year = rm_col_str(st, 3);
	r->is_current = sqlite3_column_int(st, 4) != 0;
	return (0);
}

#define ROADMAP_SELECT "SELECT id, version, title, school_year, is_current " \
	"FROM roadmap "

int
roadmap_list(struct db *db, struct roadmap **out, int *n, struct nerr *err)
{
	sqlite3_stmt	*st;
	struct roadmap	*v = NULL;
	int		 cap = 0, rc;

	*out = NULL;
	*n = 0;
	if ((st = db_prepare(db, ROADMAP_SELECT "ORDER BY is_current DESC, "
	    "school_year DESC, id DESC", err)) == NULL)
		return (-1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap == 0 ? 8 : cap * 2;
			v = xreallocarray(v, (size_t)cap, sizeof *v);
		}
		roadmap_read(st, &v[(*n)++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		roadmap_list_free(v, *n);
		*n = 0;
		return (db_fail(db, err, _("reading the roadmaps")));
	}
	*out = v;
	return (0);
}

void
roadmap_list_free(struct roadmap *v, int n)
{
	int	i;

	for (i = 0; i < n; i++)
		roadmap_free(&v[i]);
	free(v);
}

long long
roadmap_current(struct db *db, struct nerr *err)
{
	sqlite3_stmt	*st;
	long long	 id = 0;
	int		 rc;

	if ((st = db_prepare(db, "SELECT id FROM roadmap ORDER BY "
	    "is_current DESC, school_year DESC, id DESC LIMIT 1",
	    err)) == NULL)
		return (-1);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return (db_fail(db, err, _("reading the roadmaps")));
	return (id);
}

int
roadmap_get(struct db *db, long long id, struct roadmap *r, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	memset(r, 0, sizeof *r);
	if ((st = db_prepare(db, ROADMAP_SELECT "WHERE id = ?", err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		roadmap_read(st, r);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return (nerr_set(err, _("There is no roadmap number %lld; "
		    "'nastavnik roadmap list' shows them."), id));
	if (rc != SQLITE_ROW)
		return (db_fail(db, err, _("reading the roadmap")));
	return (0);
}

static int
roadmap_exists(struct db *db, long long id, struct nerr *err)
{
	struct roadmap	r;

	if (roadmap_get(db, id, &r, err) == -1)
		return (-1);
	roadmap_free(&r);
	return (0);
}

int
roadmap_set_current(struct db *db, long long id, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (roadmap_exists(db, id, err) == -1)
		return (-1);
	if (db_begin(db, err) == -1)
		return (-1);
	if ((st = db_prepare(db, "UPDATE roadmap SET is_current = (id = ?)",
	    err)) == NULL) {
		db_rollback(db);
		return (-1);
	}
	sqlite3_bind_int64(st, 1, id);
	rc = rm_step(db, st, _("choosing the current roadmap"), err);
	sqlite3_finalize(st);
	if (rc == -1 || db_audit(db, "roadmap.current", "roadmap", id,
	    err) == -1 || db_commit(db, err) == -1) {
		db_rollback(db);
		return (-1);
	}
	return (0);
}

int
rm_roadmap_insert(struct db *db, const char *title, const char *year,
    long long *id, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_prepare(db, "INSERT INTO roadmap (title, school_year, "
	    "is_current) VALUES (?, ?, NOT EXISTS (SELECT 1 FROM roadmap "
	    "WHERE is_current))", err)) == NULL)
		return (-1);
	sqlite3_bind_text(st, 1, title, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, year, -1, SQLITE_TRANSIENT);
	rc = rm_step(db, st, _("saving the roadmap"), err);
	sqlite3_finalize(st);
	if (rc == -1)
		return (-1);
	*id = sqlite3_last_insert_rowid(db->h);
	return (db_audit(db, "roadmap.add", "roadmap", *id, err));
}

/* Title and year checked, the year defaulted; year holds 16 bytes. */
static int
roadmap_args(const char *title, const char *y, char *year, struct nerr *err)
{
	if (str_empty(title))
		return (nerr_set(err, _("The roadmap has no title: give it "
		    "one, such as «Дорожная карта 2025-2026».")));
	if (str_empty(y))
		rm_year_today(year, 16);
	else if (!rm_year_valid(y))
		return (nerr_set(err, _("The school year «%s» is not of the "
		    "form 2025-2026."), y));
	else
		snprintf(year, 16, "%s", y);
	return (0);
}

int
roadmap_create(struct db *db, const char *title, const char *y,
    long long *id, struct nerr *err)
{
	char	year[16], *t;
	int	rc;

	*id = 0;
	if (roadmap_args(title, y, year, err) == -1)
		return (-1);
	if (db_begin(db, err) == -1)
		return (-1);
	t = str_trimdup(title);
	rc = rm_roadmap_insert(db, t, year, id, err);
	free(t);
	if (rc == -1 || db_commit(db, err) == -1) {
		db_rollback(db);
		*id = 0;
		return (-1);
	}
	return (0);
}

int
roadmap_delete(struct db *db, long long id, struct nerr *err)
{
	if (roadmap_exists(db, id, err) == -1)
		return (-1);
	if (db_begin(db, err) == -1)
		return (-1);
	/* The next one takes its place as current, if it was. */
	if (db_delete_id(db, "DELETE FROM roadmap WHERE id = ?", id,
	    _("deleting the roadmap"), err) == -1 || db_exec(db, "UPDATE roadmap SET is_current = 1 "
	    "WHERE id = (SELECT id FROM roadmap ORDER BY school_year DESC, "
	    "id DESC LIMIT 1) AND NOT EXISTS (SELECT 1 FROM roadmap WHERE "
	    "is_current)", err) == -1)
		goto fail;
	if (db_audit(db, "roadmap.delete", "roadmap", id, err) == -1 ||
	    db_commit(db, err) == -1)
		goto fail;
	return (0);
fail:
	db_rollback(db);
	return (-1);
}

/* ---- templates ---- */

/*
 * The titles a roadmap made from a template gets.  Data, not interface, as
 * the templates' Russian text is: a roadmap keeps its title whoever opens
 * it in whatever language.
 */
static const struct {
	const char	*name;
	const char	*title;
} rm_known[] = {
	{ "pupils-teachers",
	  "Дорожная карта наставничества обучающихся и педагогов" },
	{ "teachers", "Дорожная карта наставничества педагогов" },
};

const char *
rm_template_title(const char *name)
{
	size_t	i;

	for (i = 0; i < nitems(rm_known); i++) {
		if (strcmp(rm_known[i].name, name) == 0)
			return (rm_known[i].title);
	}
	return (name);
}

/* A name is letters, digits and hyphens: never a path. */
static int
rm_template_name_ok(const char *name)
{
	const char	*p;

	if (name == NULL || *name == '\0' || strlen(name) > 64)
		return (0);
	for (p = name; *p != '\0'; p++) {
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '_'))
			return (0);
	}
	return (1);
}

char *
rm_template_path(const char *name, struct nerr *err)
{
	const char	*dirs[2];
	char		*path;
	int		 i, n;

	if (!rm_template_name_ok(name))
		return (nerr_set(err, _("There is no roadmap template «%s»; "
		    "'nastavnik roadmap templates' lists them."),
		    str_or(name, "")), NULL);
	n = util_datadirs(dirs);
	for (i = 0; i < n; i++) {
		xasprintf(&path, "%s/roadmap-%s.csv", dirs[i], name);
		if (access(path, R_OK) == 0)
			return (path);
		free(path);
	}
	nerr_set(err, _("There is no roadmap template «%s» in %s; "
	    "'nastavnik roadmap templates' lists them."), name, dirs[0]);
	return (NULL);
}

static int
rm_name_cmp(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

int
roadmap_templates(char ***names, char ***titles, int *n, struct nerr *err)
{
	const char	*dirs[2];
	struct dirent	*de;
	DIR		*d;
	char		**v = NULL, **t;
	size_t		 len;
	int		 i, nd, cap = 0;

	*names = *titles = NULL;
	*n = 0;
	nd = util_datadirs(dirs);
	for (i = 0; i < nd && *n == 0; i++) {
		if ((d = opendir(dirs[i])) == NULL)
			continue;
		while ((de = readdir(d)) != NULL) {
			len = strlen(de->d_name);
			if (strncmp(de->d_name, "roadmap-", 8) != 0 ||
			    len <= 12 ||
			    strcmp(de->d_name + len - 4, ".csv") != 0)
				continue;
			if (*n == cap) {
				cap = cap == 0 ? 4 : cap * 2;
				v = xreallocarray(v, (size_t)cap, sizeof *v);
			}
			v[(*n)++] = xstrndup(de->d_name + 8, len - 12);
		}
		closedir(d);
	}
	if (*n == 0) {
		free(v);
		return (nerr_set(err, _("No roadmap templates were found in "
		    "%s; set NASTAVNIK_DATADIR to the folder that holds "
		    "roadmap-*.csv."), dirs[0]));
	}
	qsort(v, (size_t)*n, sizeof *v, rm_name_cmp);
	t = xcalloc((size_t)*n, sizeof *t);
	for (i = 0; i < *n; i++)
		t[i] = xstrdup(rm_template_title(v[i]));
	*names = v;
	*titles = t;
	return (0);
}

void
roadmap_templates_free(char **names, char **titles, int n)
{
	int	i;

	for (i = 0; i < n; i++) {
		if (names != NULL)
			free(names[i]);
		if (titles != NULL)
			free(titles[i]);
	}
	free(names);
	free(titles);
}

int
roadmap_from_template(struct db *db, const char *name, const char *y,
    long long *id, struct nerr *err)
{
	return (rm_from_template(db, name, y, NULL, id, err));
}

int
rm_from_template(struct db *db, const char *name, const char *y,
    const char *title, long long *id, struct nerr *err)
{
	struct rm_load	 l;
	struct nerr	 e;
	char		 year[16], *path, *t;
	int		 rc;

	*id = 0;
	if ((path = rm_template_path(name, err)) == NULL)
		return (-1);
	if (roadmap_args("-", y, year, err) == -1) {
		free(path);
		return (-1);
	}
	rc = rm_load_file(path, year, CSV_ENC_UTF8, ';', &l, NULL,
	    &e);
	free(path);
	if (rc == -1)
		return (nerr_set(err, _("The roadmap template «%s» is "
		    "damaged: %s"), name, e.msg));
	if (db_begin(db, err) == -1) {
		rm_load_free(&l);
		return (-1);
	}
	t = str_empty(title) ? xstrdup(rm_template_title(name)) :
	    str_trimdup(title);
	rc = rm_load_write(db, &l, t, year, id, err);
	free(t);
	rm_load_free(&l);
	if (rc == -1 || db_commit(db, err) == -1) {
		db_rollback(db);
		*id = 0;
		return (-1);
	}
	return (0);
}

/* ---- sections ---- */

int
rm_sections(struct db *db, long long roadmap, struct rm_section **out,
    int *n, struct nerr *err)
{
	sqlite3_stmt		*st;
	struct rm_section	*v = NULL;
	int			 cap = 0, rc;

	*out = NULL;
	*n = 0;
	if ((st = db_prepare(db, "SELECT id, roadmap_id, pos, title FROM "
	    "roadmap_section WHERE roadmap_id = ? ORDER BY pos, id",
	    err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, roadmap);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap == 0 ? 16 : cap * 2;
			v = xreallocarray(v, (size_t)cap, sizeof *v);
		}
		v[*n].id = sqlite3_column_int64(st, 0);
		v[*n].roadmap_id = sqlite3_column_int64(st, 1);
		v[*n].pos = sqlite3_column_int(st, 2);
		v[*n].title = rm_col_str(st, 3);
		if (v[*n].title == NULL)
			v[*n].title = xstrdup("");
		(*n)++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		rm_sections_free(v, *n);
		*n = 0;
		return (db_fail(db, err, _("reading the roadmap's sections")));
	}
	*out = v;
	return (0);
}

void
rm_sections_free(struct rm_section *v, int n)
{
	int	i;

	for (i = 0; i < n; i++)
		rm_section_free(&v[i]);
	free(v);
}

int
rm_section_add(struct db *db, long long roadmap, const char *title,
    long long *id, struct nerr *err)
{
	sqlite3_stmt	*st;
	char		*t;
	int		 rc;

	*id = 0;
	if (str_empty(title))
		return (nerr_set(err, _("The section has no title: write one, "
		    "such as «Информационное сопровождение».")));
	if (roadmap_exists(db, roadmap, err) == -1)
		return (-1);
	if (db_begin(db, err) == -1)
		return (-1);
	if ((st = db_prepare(db, "INSERT INTO roadmap_section (roadmap_id, "
	    "pos, title) VALUES (?1, (SELECT coalesce(max(pos), 0) + 1 FROM "
	    "roadmap_section WHERE roadmap_id = ?1), ?2)", err)) == NULL) {
		db_rollback(db);
		return (-1);
	}
	t = str_trimdup(title);
	sqlite3_bind_int64(st, 1, roadmap);
	sqlite3_bind_text(st, 2, t, -1, SQLITE_TRANSIENT);
	free(t);
	rc = rm_step(db, st, _("saving the section"), err);
	sqlite3_finalize(st);
	if (rc == 0)
		*id = sqlite3_last_insert_rowid(db->h);
	if (rc == -1 || db_audit(db, "roadmap.section.add", "roadmap_section",
	    *id, err) == -1 || db_commit(db, err) == -1) {
		db_rollback(db);
		*id = 0;
		return (-1);
	}
	return (0);
}
