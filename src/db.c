/* db.c: the one SQLite file: opening, migrations, transactions, settings, audit. */
#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <libintl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "db.h"
#include "db-int.h"
#include "schema.h"
#include "text.h"
#include "user.h"
#include "util.h"


/* ---- paths ---- */

/* The XDG rule alone (without -f and $NASTAVNIK_DB). */
static char *
db_default_path(void)
{
	const char	*xdg, *home;
	struct passwd	*pw;
	char		*p;

	xdg = getenv("XDG_DATA_HOME");
	/* The XDG spec says a relative value is to be ignored. */
	if (xdg != NULL && *xdg == '/') {
		xasprintf(&p, "%s/nastavnik/nastavnik.db", xdg);
		return (p);
	}
	home = getenv("HOME");
	if (home == NULL || *home == '\0') {
		if ((pw = getpwuid(getuid())) == NULL || pw->pw_dir == NULL)
			return (NULL);
		home = pw->pw_dir;
	}
	xasprintf(&p, "%s/.local/share/nastavnik/nastavnik.db", home);
	return (p);
}

char *
db_resolve_path(const char *arg, int *is_default)
{
	const char	*env;
	char		*p;

	if (is_default != NULL)
		*is_default = 0;
	if (arg != NULL && *arg != '\0')
		return (xstrdup(arg));
	if ((env = getenv("NASTAVNIK_DB")) != NULL && *env != '\0')
		return (xstrdup(env));
	if ((p = db_default_path()) == NULL)
		return (xstrdup("nastavnik.db"));
	if (is_default != NULL)
		*is_default = 1;
	return (p);
}

/* The folder a path is in ("." for a bare name). */
char *
db_dirname(const char *path)
{
	const char	*slash;

	if ((slash = strrchr(path, '/')) == NULL)
		return (xstrdup("."));
	if (slash == path)
		return (xstrdup("/"));
	return (xstrndup(path, (size_t)(slash - path)));
}

/* mkdir -p with mode 0700: the folder holds children's personal data. */
static int
db_mkdirs(const char *dir, struct nerr *err)
{
	char	*p, *s, c;

	p = xstrdup(dir);
	for (s = p + 1; ; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		c = *s;
		*s = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST) {
			nerr_set(err, _("cannot create the folder %s: %s"), p,
			    strerror(errno));
			free(p);
			return (-1);
		}
		*s = c;
		if (c == '\0')
			break;
	}
	free(p);
	return (0);
}

/* Is the folder unwritable, or deliberately marked read-only (even for root)? */
static int
db_dir_readonly(const char *dir)
{
	struct stat	sb;

	if (access(dir, W_OK) != 0)
		return (1);
	return (stat(dir, &sb) == 0 && (sb.st_mode & 0222) == 0);
}

/*
 * A file is read-only when we may not write it, when it carries no write bit
 * at all (someone marked it read-only on purpose: respected even by root), or
 * when its folder is read-only (WAL needs its -wal and -shm beside it).
 */
static int
db_file_readonly(const char *path, const struct stat *sb)
{
	char	*dir;
	int	 ro;

	if (access(path, W_OK) != 0 || (sb->st_mode & 0222) == 0)
		return (1);
	dir = db_dirname(path);
	ro = db_dir_readonly(dir);
	free(dir);
	return (ro);
}

/* Check the folder of a new file; create it only for the default path. */
static int
db_prepare_folder(const char *path, int flags, struct nerr *err)
{
	struct stat	 sb;
	char		*dir, *dflt;
	int		 is_default, rc = 0;

	dir = db_dirname(path);
	if (stat(dir, &sb) == 0) {
		if (!S_ISDIR(sb.st_mode))
			rc = nerr_set(err, _("%s is not a folder; choose another "
			    "place for the database with -f"), dir);
		free(dir);
		return (rc);
	}
	dflt = db_default_path();
	is_default = dflt != NULL && strcmp(dflt, path) == 0;
	free(dflt);
	if (!is_default)
		rc = nerr_set(err, _("the folder %s does not exist; create it "
		    "first or choose another file with -f"), dir);
	else if (!(flags & DB_OPEN_CREATE))
		rc = nerr_set(err, _("no database at %s; create one with "
		    "`nastavnik init`"), path);
	else
		rc = db_mkdirs(dir, err);
	free(dir);
	return (rc);
}

/* Create an empty file 0600 before SQLite sees it, so it never has wider modes. */
static int
db_create_file(const char *path, struct nerr *err)
{
	int	fd;

	fd = open(path, O_WRONLY|O_CREAT|O_EXCL|O_CLOEXEC, 0600);
	if (fd == -1 && errno != EEXIST)
		return (nerr_set(err, _("cannot create %s: %s"), path,
		    strerror(errno)));
	if (fd != -1)
		close(fd);
	return (0);
}

/*
 * A read-only connection to a WAL file makes its -wal and -shm with the
 * file's own mode; for a file marked read-only (0400) they stay unwritable
 * after the file is made writable again, and then nobody can save.  When we
 * may write the file, give them the file's mode, as SQLite would have.
 */
static void
db_heal_wal(const char *path, const struct stat *sb)
{
	static const char *const	 sfx[] = { "-wal", "-shm" };
	struct stat			 ss;
	char				*side;
	size_t				 i;

	for (i = 0; i < nitems(sfx); i++) {
		xasprintf(&side, "%s%s", path, sfx[i]);
		if (lstat(side, &ss) == 0 && S_ISREG(ss.st_mode) &&
		    (ss.st_mode & 0200) == 0 &&
		    (ss.st_uid == geteuid() || geteuid() == 0))
			chmod(side, sb->st_mode & 0777);
		free(side);
	}
}

/* "file:" URI of a path, with the characters a URI gives meaning escaped. */
static char *
db_uri(const char *path, const char *query)
{
	struct sbuf		 b;
	const unsigned char	*s;

	sbuf_init(&b);
	sbuf_add(&b, *path == '/' ? "file://" : "file:");
	for (s = (const unsigned char *)path; *s != '\0'; s++) {
		if (*s == '%' || *s == '?' || *s == '#' || *s < 0x20)
			sbuf_addf(&b, "%%%02X", *s);
		else
			sbuf_addc(&b, *s);
	}
	sbuf_addf(&b, "?%s", query);
	return (sbuf_take(&b));
}

/* ---- connection ---- */

/* An SQL function of one text argument made by fn; NULL stays NULL. */
static void
db_sql_text(sqlite3_context *ctx, sqlite3_value *arg,
    void (*fn)(struct sbuf *, const char *))
{
	struct sbuf	 b;
	const char	*s;

	if ((s = (const char *)sqlite3_value_text(arg)) == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	sbuf_init(&b);
	fn(&b, s);
	sqlite3_result_text(ctx, b.s != NULL ? b.s : "", (int)b.len,
	    SQLITE_TRANSIENT);
	sbuf_free(&b);
}

static void
db_sql_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	db_sql_text(ctx, argv[0], text_fold);
}

static void
db_sql_sortkey(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	db_sql_text(ctx, argv[0], text_sort_key);
}

static int
db_sql_collate(void *arg, int alen, const void *a, int blen, const void *b)
{
	(void)arg;
	return (text_collate(a, (size_t)alen, b, (size_t)blen));
}

static int
db_connect(struct db *db, int immutable)
{
	char	*uri;
	int	 rc, flags;

	flags = db->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	if (immutable) {
		uri = db_uri(db->path, "immutable=1");
		rc = sqlite3_open_v2(uri, &db->h, flags|SQLITE_OPEN_URI, NULL);
		free(uri);
	} else
		rc = sqlite3_open_v2(db->path, &db->h, flags, NULL);
	if (rc != SQLITE_OK)
		return (rc);
	sqlite3_extended_result_codes(db->h, 1);
	sqlite3_busy_timeout(db->h, 5000);
	sqlite3_create_collation_v2(db->h, "RU", SQLITE_UTF8, NULL,
	    db_sql_collate, NULL);
	flags = SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS;
	sqlite3_create_function_v2(db->h, "ru_fold", 1, flags, NULL,
	    db_sql_fold, NULL, NULL, NULL);
	sqlite3_create_function_v2(db->h, "ru_sortkey", 1, flags, NULL,
	    db_sql_sortkey, NULL, NULL, NULL);
	return (SQLITE_OK);
}

static void
db_disconnect(struct db *db)
{
	if (db->h != NULL)
		sqlite3_close_v2(db->h);
	db->h = NULL;
}

/* One integer from a pragma or query; an SQLite code. */
int
db_query_int(sqlite3 *h, const char *sql, long long *out)
{
	sqlite3_stmt	*st;
	int		 rc;

	*out = 0;
	if ((rc = sqlite3_prepare_v2(h, sql, -1, &st, NULL)) != SQLITE_OK)
		return (rc);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*out = sqlite3_column_int64(st, 0);
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	sqlite3_finalize(st);
	return (rc);
}

/* The text of a one-row pragma, into out. */
static int
db_query_text(sqlite3 *h, const char *sql, char *out, size_t len)
{
	sqlite3_stmt		*st;
	const unsigned char	*s;
	int			 rc;

	*out = '\0';
	if ((rc = sqlite3_prepare_v2(h, sql, -1, &st, NULL)) != SQLITE_OK)
		return (rc);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if ((s = sqlite3_column_text(st, 0)) != NULL)
			snprintf(out, len, "%s", (const char *)s);
		rc = SQLITE_OK;
	} else if (rc == SQLITE_DONE)
		rc = SQLITE_OK;
	sqlite3_finalize(st);
	return (rc);
}

struct db_probe {
	long long	appid;
	long long	version;
	long long	ntables;
};

/*
 * The three reads in one read transaction: another program creating the
 * same file at this moment commits tables and our application_id together,
 * and reading them apart could see its tables without the id.
 */
static int
db_probe(struct db *db, struct db_probe *p)
{
	int	rc, tx;

	tx = sqlite3_exec(db->h, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
	if ((rc = db_query_int(db->h, "PRAGMA application_id",
	    &p->appid)) == SQLITE_OK &&
	    (rc = db_query_int(db->h, "PRAGMA user_version",
	    &p->version)) == SQLITE_OK)
		rc = db_query_int(db->h, "SELECT count(*) FROM sqlite_schema",
		    &p->ntables);
	if (tx)
		sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL);
	return (rc);
}

/* A read-only connection may fail when its -shm cannot be made. */
static int
db_probe_cantinit(int rc)
{
	return ((rc & 0xff) == SQLITE_CANTOPEN ||
	    (rc & 0xff) == SQLITE_READONLY || rc == SQLITE_BUSY_RECOVERY);
}

int
db_damaged(const char *path, struct nerr *err)
{
	return (nerr_set(err, _("%s is damaged or is not a nastavnik "
	    "database; restore it from a backup"), path));
}

/* Connect and check the file is ours and not too new. */
static int
db_open_checked(struct db *db, struct db_probe *p, struct nerr *err)
{
	int	rc;

	if ((rc = db_connect(db, 0)) != SQLITE_OK)
		return (db_fail_rc(db, rc, err, NULL));
	rc = db_probe(db, p);
	if (rc != SQLITE_OK && db->readonly && db_probe_cantinit(rc)) {
		/*
		 * Last resort for a read-only file in WAL mode whose -shm
		 * cannot be created (a read-only folder): open it immutable.
		 * We then see the file as it is, without changes still in a
		 * -wal, and notice no one else's changes; acceptable for
		 * reading a file nobody may change.
		 */
		db_disconnect(db);
		if ((rc = db_connect(db, 1)) != SQLITE_OK)
			return (db_fail_rc(db, rc, err, NULL));
		rc = db_probe(db, p);
	}
	if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
		return (db_damaged(db->path, err));
	if (rc != SQLITE_OK)
		return (db_fail_rc(db, rc, err, NULL));
	if ((p->ntables > 0 || p->appid != 0) &&
	    p->appid != DB_APPLICATION_ID)
		return (nerr_set(err, _("%s is a database of another program, "
		    "not of nastavnik; choose another file with -f"), db->path));
	if (p->version > db_schema_version())
		return (nerr_set(err, _("%s was made by a newer nastavnik "
		    "(schema %lld, this program knows %d): update the program"),
		    db->path, p->version, db_schema_version()));
	return (0);
}

/* The connection rules of DESIGN.md. */
static int
db_set_rules(struct db *db, struct nerr *err)
{
	char	mode[32];
	int	rc, tries;

	if (!db->readonly) {
		/*
		 * Switching to WAL needs the file to itself; when several
		 * programs open a new file at once SQLite reports busy at
		 * once (to avoid a deadlock) rather than waiting: wait here.
		 */
		for (tries = 0; tries < 100; tries++) {
			rc = db_query_text(db->h, "PRAGMA journal_mode=WAL",
			    mode, sizeof mode);
			if ((rc & 0xff) != SQLITE_BUSY)
				break;
			sqlite3_sleep(50);
		}
		if (rc != SQLITE_OK && (rc & 0xff) != SQLITE_IOERR &&
		    (rc & 0xff) != SQLITE_CANTOPEN)
			return (db_fail_rc(db, rc, err, NULL));
		if (rc != SQLITE_OK || strcmp(mode, "wal") != 0) {
			/* A file system without shared memory: no WAL. */
			rc = db_query_text(db->h, "PRAGMA journal_mode=DELETE",
			    mode, sizeof mode);
			if (rc != SQLITE_OK)
				return (db_fail_rc(db, rc, err, NULL));
		}
	} else if ((rc = db_query_text(db->h, "PRAGMA journal_mode", mode,
	    sizeof mode)) != SQLITE_OK)
		return (db_fail_rc(db, rc, err, NULL));
	db->wal = strcmp(mode, "wal") == 0;
	rc = sqlite3_exec(db->h, "PRAGMA foreign_keys=ON;"
	    "PRAGMA synchronous=FULL;"
	    "PRAGMA temp_store=MEMORY;", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return (db_fail_rc(db, rc, err, NULL));
	return (0);
}

int
db_schema_version(void)
{
	int	i, v = 0;

	for (i = 0; i < schema_nmigrations; i++)
		if (schema_migrations[i].version > v)
			v = schema_migrations[i].version;
	return (v);
}

int
db_open(struct db **out, const char *path, int flags, struct nerr *err)
{
	struct db	*db;
	struct stat	 sb;
	struct db_probe	 p;
	int		 ro = 0;

	*out = NULL;
	memset(&sb, 0, sizeof sb);
	if (path == NULL || *path == '\0')
		return (nerr_set(err, _("no database file was given; name "
		    "one with -f")));
	if (stat(path, &sb) == 0) {
		if (S_ISDIR(sb.st_mode))
			return (nerr_set(err, _("%s is a folder, not a database "
			    "file; give the path of the file itself"), path));
		if (!S_ISREG(sb.st_mode))
			return (nerr_set(err, _("%s is not a regular file; give "
			    "the path of a database file"), path));
		if (access(path, R_OK) != 0)
			return (nerr_set(err, _("cannot read %s: %s; ask the "
			    "owner of the file for access"), path,
			    strerror(errno)));
		ro = db_file_readonly(path, &sb);
	} else if (errno != ENOENT)
		return (nerr_set(err, _("cannot reach %s: %s"), path,
		    strerror(errno)));
	else {
		if (db_prepare_folder(path, flags, err) != 0)
			return (-1);
		if (!(flags & DB_OPEN_CREATE) || (flags & DB_OPEN_READONLY))
			return (nerr_set(err, _("no database at %s; create one "
			    "with `nastavnik init`"), path));
		if (db_create_file(path, err) != 0)
			return (-1);
	}

	db = xcalloc(1, sizeof *db);
	db->path = xstrdup(path);
	db->readonly = ro || (flags & DB_OPEN_READONLY);
	if (!db->readonly && ro == 0 && sb.st_mode != 0)
		db_heal_wal(path, &sb);
	if (db_open_checked(db, &p, err) != 0)
		goto fail;
	if (sqlite3_db_readonly(db->h, "main") == 1)
		db->readonly = 1;
	if (db->readonly && p.version < db_schema_version()) {
		nerr_set(err, _("%s is read-only and needs upgrading to schema "
		    "%d; open it once with permission to write"), path,
		    db_schema_version());
		goto fail;
	}
	if (db_set_rules(db, err) != 0)
		goto fail;
	if (p.version < db_schema_version() && db_migrate_to(db,
	    schema_migrations, schema_nmigrations, err) != 0)
		goto fail;
	db_query_int(db->h, "PRAGMA data_version", &db->data_version);
	/* From the real uid: $USER would let anyone claim a curator's role. */
	db->user = user_login();
	*out = db;
	return (0);

fail:
	db_close(db);
	return (-1);
}

void
db_close(struct db *db)
{
	if (db == NULL)
		return;
	if (db->h != NULL && !db->readonly)
		sqlite3_exec(db->h, "PRAGMA optimize", NULL, NULL, NULL);
	db_disconnect(db);
	free(db->path);
	free(db->user);
	free(db);
}

/* ---- errors ---- */

/* The sentence for an SQLite code; never the code itself. */
static void
db_sentence(struct db *db, int rc, char *buf, size_t len)
{
	const char	*msg, *path = db->path;
	int		 e;

	msg = db->h != NULL ? sqlite3_errmsg(db->h) : "";
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		snprintf(buf, len, "%s", _("the database is busy: another user "
		    "is saving; try again in a moment"));
		break;
	case SQLITE_FULL:
		snprintf(buf, len, "%s", _("the disk is full: nothing was "
		    "saved"));
		break;
	case SQLITE_READONLY:
		snprintf(buf, len, "%s", _("the database is open read-only: "
		    "nothing can be changed"));
		break;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		snprintf(buf, len, _("%s is damaged or is not a nastavnik "
		    "database; restore it from a backup"), path);
		break;
	case SQLITE_CONSTRAINT:
		snprintf(buf, len, _("the change breaks a rule of the database "
		    "(%s)"), msg);
		break;
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
		e = db->h != NULL ? sqlite3_system_errno(db->h) : 0;
		snprintf(buf, len, _("could not read or write %s: %s"), path,
		    strerror(e != 0 ? e : EIO));
		break;
	case SQLITE_NOMEM:
		snprintf(buf, len, "%s", _("out of memory"));
		break;
	case SQLITE_TOOBIG:
		snprintf(buf, len, "%s", _("the text is too long to be saved"));
		break;
	default:
		snprintf(buf, len, _("the database reported an error: %s"), msg);
		break;
	}
}

int
db_fail_rc(struct db *db, int rc, struct nerr *err, const char *what)
{
	char	buf[NERR_MAX];

	db_sentence(db, rc, buf, sizeof buf);
	if (what != NULL && *what != '\0')
		return (nerr_set(err, "%s: %s", what, buf));
	return (nerr_set(err, "%s", buf));
}

int
db_fail(struct db *db, struct nerr *err, const char *what)
{
	return (db_fail_rc(db, sqlite3_extended_errcode(db->h), err, what));
}

/* ---- transactions and statements ---- */

int
db_exec(struct db *db, const char *sql, struct nerr *err)
{
	if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK)
		return (db_fail(db, err, NULL));
	return (0);
}

sqlite3_stmt *
db_prepare(struct db *db, const char *sql, struct nerr *err)
{
	sqlite3_stmt	*st;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK) {
		db_fail(db, err, NULL);
		return (NULL);
	}
	return (st);
}

int
db_exists(struct db *db, const char *sql, long long id, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 exists;

	if ((st = db_prepare(db, sql, err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, id);
	exists = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return (exists);
}

int
db_delete_id(struct db *db, const char *sql, long long id, const char *what,
    struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_prepare(db, sql, err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		db_fail(db, err, what);
		sqlite3_finalize(st);
		return (-1);
	}
	sqlite3_finalize(st);
	return (sqlite3_changes(db->h));
}

int
db_begin(struct db *db, struct nerr *err)
{
	/* Roles first: a viewer is told why, not that the file is locked. */
	if (db->role == ROLE_VIEWER ||
	    (db->role == ROLE_TEACHER && !db->scoped_write))
		return (user_refuse_write(db, err));
	if (db->readonly)
		return (db_fail_rc(db, SQLITE_READONLY, err, NULL));
	return (db_exec(db, "BEGIN IMMEDIATE", err));
}

int
db_commit(struct db *db, struct nerr *err)
{
	if (db_exec(db, "COMMIT", err) != 0) {
		/* Never leave a transaction open behind a message. */
		db_rollback(db);
		return (-1);
	}
	return (0);
}

void
db_rollback(struct db *db)
{
	if (db != NULL && db->h != NULL && !sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

int
db_changed(struct db *db)
{
	long long	v;

	if (db_query_int(db->h, "PRAGMA data_version", &v) != SQLITE_OK)
		return (0);
	if (v == db->data_version)
		return (0);
	db->data_version = v;
	return (1);
}

/* ---- migrations ---- */

/*
 * Every pending migration in one transaction: nobody ever sees a file
 * half-way between versions, and several programs opening a new file at
 * once agree (the first does the work, the rest find it done).
 * *failed is the version whose SQL failed, 0 if none did.
 */
static int
db_migrate_all(struct db *db, const struct migration *m, int n, int *failed,
    struct nerr *err)
{
	long long	 have;
	char		*sql;
	int		 i, rc, last = 0;

	*failed = 0;
	if (db_begin(db, err) != 0)
		return (-1);
	if ((rc = db_query_int(db->h, "PRAGMA user_version",
	    &have)) != SQLITE_OK)
		goto fail;
	for (i = 0; i < n; i++) {
		if (m[i].version <= have)
			continue;
		if ((rc = sqlite3_exec(db->h, m[i].sql, NULL, NULL,
		    NULL)) != SQLITE_OK) {
			*failed = m[i].version;
			goto fail;
		}
		last = m[i].version;
	}
	if (last == 0)
		return (db_commit(db, err));
	xasprintf(&sql, "PRAGMA application_id=%d; PRAGMA user_version=%d;",
	    DB_APPLICATION_ID, last);
	rc = sqlite3_exec(db->h, sql, NULL, NULL, NULL);
	free(sql);
	if (rc != SQLITE_OK)
		goto fail;
	return (db_commit(db, err));

fail:
	db_fail_rc(db, rc, err, NULL);
	db_rollback(db);
	return (-1);
}

int
db_migrate_to(struct db *db, const struct migration *m, int n,
    struct nerr *err)
{
	struct nerr	 why;
	long long	 have;
	char		*bak, stamp[32];
	int		 i, rc, need = 0, failed;

	if ((rc = db_query_int(db->h, "PRAGMA user_version",
	    &have)) != SQLITE_OK)
		return (db_fail_rc(db, rc, err, NULL));
	for (i = 0; i < n; i++) {
		if (m[i].version > have)
			need = 1;
		if (i > 0 && m[i].version <= m[i - 1].version)
			return (nerr_set(err, "internal error: migration %d "
			    "is out of order", m[i].version));
	}
	if (!need)
		return (0);
	if (db->readonly)
		return (nerr_set(err, _("%s is read-only and needs upgrading "
		    "to schema %d; open it once with permission to write"),
		    db->path, m[n - 1].version));
	if (have >= 1) {
		/* Data is at stake: keep the file as it was, beside it. */
		db_stamp(stamp, sizeof stamp);
		xasprintf(&bak, "%s.bak-v%lld-%s", db->path, have, stamp);
		rc = db_backup_file(db, bak, &why);
		free(bak);
		/* Another program opening it this second may have upgraded it. */
		if (rc != 0 && db_query_int(db->h, "PRAGMA user_version",
		    &have) == SQLITE_OK && have >= m[n - 1].version)
			return (0);
		if (rc != 0)
			return (nerr_set(err, _("%s was not upgraded, because "
			    "no backup could be made first: %s"), db->path,
			    why.msg));
	}
	/*
	 * Rebuilding a table (the only way to change a CHECK) must not
	 * cascade deletes into the tables that refer to it; the pragma is a
	 * no-op inside a transaction, so it is set here, around it.
	 */
	sqlite3_exec(db->h, "PRAGMA foreign_keys=OFF", NULL, NULL, NULL);
	rc = db_migrate_all(db, m, n, &failed, &why);
	sqlite3_exec(db->h, "PRAGMA foreign_keys=ON", NULL, NULL, NULL);
	if (rc != 0)
		return (nerr_set(err, _("could not upgrade %s to schema %d: %s"),
		    db->path, failed != 0 ? failed : m[n - 1].version,
		    why.msg));
	return (0);
}

/* ---- settings and audit ---- */

char *
db_setting(struct db *db, const char *key)
{
	sqlite3_stmt		*st;
	const unsigned char	*s;
	char			*val = NULL;

	if (sqlite3_prepare_v2(db->h, "SELECT value FROM setting WHERE key=?",
	    -1, &st, NULL) != SQLITE_OK)
		return (NULL);
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW &&
	    (s = sqlite3_column_text(st, 0)) != NULL)
		val = xstrdup((const char *)s);
	sqlite3_finalize(st);
	return (val);
}

int
db_setting_int(struct db *db, const char *key, int dflt)
{
	char	*s, *end;
	long	 v;

	if ((s = db_setting(db, key)) == NULL)
		return (dflt);
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *str_trim(end) != '\0' ||
	    v < -2147483647L || v > 2147483647L)
		v = dflt;
	free(s);
	return ((int)v);
}

int
db_set_setting(struct db *db, const char *key, const char *val,
    struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 own, rc;

	/* A write on its own gets its own short transaction. */
	own = sqlite3_get_autocommit(db->h);
	if (own && db_begin(db, err) != 0)
		return (-1);
	if (val == NULL)
		st = db_prepare(db, "DELETE FROM setting WHERE key=?", err);
	else
		st = db_prepare(db, "INSERT INTO setting(key, value) "
		    "VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
		    "value=excluded.value", err);
	if (st == NULL)
		goto fail;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (val != NULL)
		sqlite3_bind_text(st, 2, val, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE) {
		db_fail(db, err, NULL);
		sqlite3_finalize(st);
		goto fail;
	}
	sqlite3_finalize(st);
	if (own)
		return (db_commit(db, err));
	return (0);

fail:
	if (own)
		db_rollback(db);
	return (-1);
}

int
db_audit(struct db *db, const char *action, const char *entity, long long id,
    struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	st = db_prepare(db, "INSERT INTO audit(user, action, entity, "
	    "entity_id) VALUES (?, ?, ?, ?)", err);
	if (st == NULL)
		return (-1);
	sqlite3_bind_text(st, 1, db->user, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, entity, -1, SQLITE_STATIC);
	if (id > 0)
		sqlite3_bind_int64(st, 4, id);
	else
		sqlite3_bind_null(st, 4);
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE)
		db_fail(db, err, NULL);
	sqlite3_finalize(st);
	return (rc == SQLITE_DONE ? 0 : -1);
}
