/* db-backup.c: consistent copies of the database file and its integrity check. */
#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <libintl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "db.h"
#include "db-int.h"
#include "util.h"

#define DB_BACKUP_PAGES		256	/* pages per backup step: others may write between */
#define DB_BACKUP_WAIT_MS	20
#define DB_BACKUP_TRIES		500	/* ~10 s of busy source before giving up */

/* ---- backups ---- */

/* Create dest 0600, refusing to replace anything; sentences for the folder. */
static int
db_backup_create(const char *dest, struct nerr *err)
{
	struct stat	 sb;
	char		*dir;
	int		 fd, e;

	fd = open(dest, O_WRONLY|O_CREAT|O_EXCL|O_CLOEXEC|O_NOFOLLOW, 0600);
	if (fd != -1) {
		close(fd);
		return (0);
	}
	e = errno;
	if (e == EEXIST)
		return (nerr_set(err, _("%s already exists; a backup never "
		    "replaces a file: choose another name"), dest));
	dir = db_dirname(dest);
	if (e == ENOENT && stat(dir, &sb) != 0)
		nerr_set(err, _("the folder %s does not exist; create it or "
		    "choose another place for the backup"), dir);
	else if (e == EACCES || e == EPERM || e == EROFS)
		nerr_set(err, _("cannot write to the folder %s: %s; choose "
		    "another place for the backup"), dir, strerror(e));
	else if (e == ENOSPC)
		nerr_set(err, _("the disk is full: the backup %s was not "
		    "written"), dest);
	else
		nerr_set(err, _("cannot create %s: %s"), dest, strerror(e));
	free(dir);
	return (-1);
}

/* Copy src into a new file with the online backup API. */
int
db_backup_file(struct db *db, const char *dest, struct nerr *err)
{
	sqlite3		*dh = NULL;
	sqlite3_backup	*bk;
	int		 rc, tries = 0, e;

	if (db_backup_create(dest, err) != 0)
		return (-1);
	rc = sqlite3_open_v2(dest, &dh, SQLITE_OPEN_READWRITE, NULL);
	if (rc != SQLITE_OK)
		goto fail;
	if ((bk = sqlite3_backup_init(dh, "main", db->h, "main")) == NULL) {
		rc = sqlite3_extended_errcode(dh);
		goto fail;
	}
	for (;;) {
		rc = sqlite3_backup_step(bk, DB_BACKUP_PAGES);
		if (rc == SQLITE_OK)
			tries = 0;
		else if (((rc & 0xff) == SQLITE_BUSY ||
		    (rc & 0xff) == SQLITE_LOCKED) && ++tries < DB_BACKUP_TRIES)
			sqlite3_sleep(DB_BACKUP_WAIT_MS);
		else
			break;
	}
	sqlite3_backup_finish(bk);
	if (rc != SQLITE_DONE)
		goto fail;
	if ((rc = sqlite3_close(dh)) != SQLITE_OK) {
		dh = NULL;
		goto fail;
	}
	return (0);

fail:
	e = dh != NULL ? sqlite3_system_errno(dh) : 0;
	if (dh != NULL)
		sqlite3_close_v2(dh);
	unlink(dest);
	switch (rc & 0xff) {
	case SQLITE_FULL:
		return (nerr_set(err, _("the disk is full: the backup %s was "
		    "not written"), dest));
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return (nerr_set(err, "%s", _("the database is busy: another "
		    "user is saving; try again in a moment")));
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return (db_damaged(db->path, err));
	default:
		return (nerr_set(err, _("could not write the backup %s: %s"),
		    dest, strerror(e != 0 ? e : EIO)));
	}
}

void
db_stamp(char *buf, size_t len)
{
	time_t		now = time(NULL);
	struct tm	tm;

	localtime_r(&now, &tm);
	strftime(buf, len, "%Y%m%d%H%M%S", &tm);
}

int
db_backup_to(struct db *db, const char *dest, char **written,
    struct nerr *err)
{
	struct stat	 sb;
	char		*path, stamp[32];
	int		 rc;

	if (written != NULL)
		*written = NULL;
	if (dest == NULL || *dest == '\0')
		return (nerr_set(err, _("no file was given for the backup")));
	if (stat(dest, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		db_stamp(stamp, sizeof stamp);
		xasprintf(&path, "%s%snastavnik-%.8s-%s.db", dest,
		    dest[strlen(dest) - 1] == '/' ? "" : "/", stamp, stamp + 8);
	} else
		path = xstrdup(dest);
	rc = db_backup_file(db, path, err);
	if (rc == 0 && written != NULL)
		*written = path;
	else
		free(path);
	return (rc);
}

int
db_backup(struct db *db, const char *dest, struct nerr *err)
{
	return (db_backup_to(db, dest, NULL, err));
}

/* ---- check ---- */

static int
db_check_rows(struct db *db, const char *sql, int fk, struct sbuf *probs,
    int *n, struct nerr *err)
{
	sqlite3_stmt	*st;
	const char	*s;
	int		 rc;

	if ((rc = sqlite3_prepare_v2(db->h, sql, -1, &st, NULL)) != SQLITE_OK)
		goto fail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (fk) {
			sbuf_addf(probs, "  - ");
			sbuf_addf(probs, _("a record in %s (row %lld) refers to "
			    "a missing record in %s"),
			    (const char *)sqlite3_column_text(st, 0),
			    sqlite3_column_int64(st, 1),
			    (const char *)sqlite3_column_text(st, 2));
			sbuf_addc(probs, '\n');
			(*n)++;
		} else if ((s = (const char *)sqlite3_column_text(st, 0)) !=
		    NULL && strcmp(s, "ok") != 0) {
			/* SQLite's own words: technical, but exact. */
			sbuf_addf(probs, "  - %s\n", s);
			(*n)++;
		}
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return (0);

fail:
	if ((rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB) {
		sbuf_addf(probs, "  - %s\n", _("the file is damaged"));
		(*n)++;
		return (0);
	}
	return (db_fail_rc(db, rc, err, NULL));
}

int
db_check(struct db *db, struct sbuf *out, struct nerr *err)
{
	struct sbuf	 probs;
	long long	 appid, version, people = 0;
	int		 n = 0, rc = -1;

	sbuf_init(&probs);
	if (db_check_rows(db, "PRAGMA integrity_check(100)", 0, &probs, &n,
	    err) != 0 || db_check_rows(db, "PRAGMA foreign_key_check", 1,
	    &probs, &n, err) != 0)
		goto out;
	if (db_query_int(db->h, "PRAGMA application_id", &appid) != SQLITE_OK ||
	    db_query_int(db->h, "PRAGMA user_version", &version) != SQLITE_OK) {
		db_fail(db, err, NULL);
		goto out;
	}
	if (appid != DB_APPLICATION_ID) {
		sbuf_addf(&probs, "  - %s\n", _("the file is not marked as a "
		    "nastavnik database"));
		n++;
	}
	if (version != db_schema_version()) {
		sbuf_add(&probs, "  - ");
		sbuf_addf(&probs, _("the schema is version %lld, this program "
		    "expects %d"), version, db_schema_version());
		sbuf_addc(&probs, '\n');
		n++;
	}
	if (n == 0 && db_query_int(db->h, "SELECT count(*) FROM person",
	    &people) != SQLITE_OK) {
		db_fail(db, err, NULL);
		goto out;
	}
	if (n == 0) {
		sbuf_addf(out, ngettext("The database is sound: %lld "
		    "participant, schema v%lld.", "The database is sound: %lld "
		    "participants, schema v%lld.", (unsigned long)people),
		    people, version);
		sbuf_addc(out, '\n');
		rc = 0;
	} else {
		sbuf_addf(out, ngettext("The database has %d problem:",
		    "The database has %d problems:", (unsigned long)n), n);
		sbuf_addc(out, '\n');
		sbuf_add(out, probs.s);
		sbuf_add(out, _("Restore it from a backup before making "
		    "changes."));
		sbuf_addc(out, '\n');
		rc = 1;
	}
out:
	sbuf_free(&probs);
	return (rc);
}
