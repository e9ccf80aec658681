/* t-db.c: the database file: creation, rules, Russian order, errors, migrations, backup. */
#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "db.h"
#include "schema.h"
#include "util.h"

#include "tap.h"
#include "testlib.h"

static char	tmp[256];

static const char *
tpath(const char *name)
{
	return (t_path(tmp, name));
}

/* All rows of a one-column query joined with ",". */
static char *
q_list(struct db *db, const char *sql, const char *arg)
{
	sqlite3_stmt	*st;
	struct sbuf	 b;

	sbuf_init(&b);
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK) {
		diag("prepare %s: %s", sql, sqlite3_errmsg(db->h));
		return (sbuf_take(&b));
	}
	if (arg != NULL)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (b.len > 0)
			sbuf_addc(&b, ',');
		sbuf_add(&b, (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	return (sbuf_take(&b));
}

static int
add_person(struct db *db, const char *last, const char *first)
{
	sqlite3_stmt	*st;
	int		 rc;

	rc = sqlite3_prepare_v2(db->h, "INSERT INTO person(last, first, "
	    "category, sort_key, search_key) VALUES (?1, ?2, 'teacher', "
	    "ru_sortkey(?1 || ' ' || ?2), ru_fold(?1 || ' ' || ?2))", -1, &st,
	    NULL);
	if (rc != SQLITE_OK)
		return (-1);
	sqlite3_bind_text(st, 1, last, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, first, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return (rc == SQLITE_DONE ? 0 : -1);
}

static void
write_file(const char *path, const void *data, size_t len, mode_t mode)
{
	int	fd;

	fd = open(path, O_WRONLY|O_CREAT|O_TRUNC, mode);
	if (fd == -1 || write(fd, data, len) != (ssize_t)len)
		diag("cannot write %s: %s", path, strerror(errno));
	if (fd != -1)
		close(fd);
	chmod(path, mode);
}

/* Overwrite part of a file, as a failing disk would. */
static void
spoil(const char *path, off_t at, const void *junk, size_t len)
{
	int	fd;

	if ((fd = open(path, O_WRONLY)) == -1 ||
	    pwrite(fd, junk, len, at) != (ssize_t)len)
		diag("cannot spoil %s: %s", path, strerror(errno));
	if (fd != -1)
		close(fd);
}

/* A plain SQLite file made by "someone else". */
static void
raw_sqlite(const char *path, const char *sql)
{
	sqlite3	*h;

	if (sqlite3_open(path, &h) != SQLITE_OK ||
	    sqlite3_exec(h, sql, NULL, NULL, NULL) != SQLITE_OK)
		diag("raw sqlite %s: %s", path, sqlite3_errmsg(h));
	sqlite3_close(h);
}

static int
mode_of(const char *path)
{
	struct stat	sb;

	if (stat(path, &sb) != 0)
		return (-1);
	return (sb.st_mode & 07777);
}

static void
test_paths(void)
{
	char	*p;
	int	 dflt;

	setenv("NASTAVNIK_DB", "/env/x.db", 1);
	setenv("XDG_DATA_HOME", "/xdg", 1);
	setenv("HOME", "/home/k", 1);
	p = db_resolve_path("given.db", &dflt);
	is_str(p, "given.db", "-f wins");
	is_int(dflt, 0, "-f is not the default path");
	free(p);
	p = db_resolve_path(NULL, &dflt);
	is_str(p, "/env/x.db", "then $NASTAVNIK_DB");
	free(p);
	unsetenv("NASTAVNIK_DB");
	p = db_resolve_path(NULL, &dflt);
	is_str(p, "/xdg/nastavnik/nastavnik.db", "then $XDG_DATA_HOME");
	is_int(dflt, 1, "XDG path is the default");
	free(p);
	unsetenv("XDG_DATA_HOME");
	p = db_resolve_path(NULL, &dflt);
	is_str(p, "/home/k/.local/share/nastavnik/nastavnik.db",
	    "else ~/.local/share");
	free(p);
}

static void
test_create(void)
{
	struct nerr	 err;
	struct db	*db;
	char		*p, *s;
	int		 dflt;

	/* The default path: its folder is made 0700, with parents. */
	setenv("XDG_DATA_HOME", tpath("xdg/deep"), 1);
	p = db_resolve_path(NULL, &dflt);
	ok(db_open(&db, p, DB_OPEN_CREATE, &err) == 0,
	    "default path is created with its folders");
	is_int(mode_of(tpath("xdg/deep/nastavnik")), 0700, "its folder is 0700");
	is_int(mode_of(p), 0600, "the default file is 0600");
	db_close(db);
	free(p);
	unsetenv("XDG_DATA_HOME");

	if (db_open(&db, tpath("a.db"), DB_OPEN_CREATE, &err) != 0) {
		diag("db_open: %s", err.msg);
		exit(1);
	}
	ok(1, "a new file is created");
	is_int(mode_of(tpath("a.db")), 0600, "new file is 0600");
	is_int(db->readonly, 0, "it is writable");
	is_int(db->wal, 1, "it is in WAL mode");
	is_int(q_int(db, "PRAGMA application_id"), DB_APPLICATION_ID,
	    "application_id marks it as ours");
	is_int(q_int(db, "PRAGMA user_version"), db_schema_version(),
	    "all migrations applied");
	is_int(q_int(db, "PRAGMA foreign_keys"), 1, "foreign_keys=ON");
	is_int(q_int(db, "PRAGMA synchronous"), 2, "synchronous=FULL");
	is_int(q_int(db, "PRAGMA temp_store"), 2, "temp_store=MEMORY");
	is_int(q_int(db, "PRAGMA busy_timeout"), 5000, "busy_timeout 5 s");
	s = q_list(db, "PRAGMA journal_mode", NULL);
	is_str(s, "wal", "journal_mode=WAL");
	free(s);

	ok(db_begin(db, &err) == 0 && add_person(db, "Жуков", "Пётр") == 0 &&
	    add_person(db, "Ёлкин", "Иван") == 0 &&
	    add_person(db, "Елисеев", "Олег") == 0 &&
	    db_audit(db, "add", "person", 2, &err) == 0 &&
	    db_commit(db, &err) == 0, "three participants saved");
	s = q_list(db, "SELECT last FROM person ORDER BY last COLLATE RU",
	    NULL);
	is_str(s, "Елисеев,Ёлкин,Жуков", "collation RU puts Ё after Е, before Ж");
	free(s);
	s = q_list(db, "SELECT last FROM person ORDER BY sort_key", NULL);
	is_str(s, "Елисеев,Ёлкин,Жуков", "ru_sortkey orders the same way");
	free(s);
	s = q_list(db, "SELECT last FROM person WHERE "
	    "instr(ru_fold(last), ru_fold(?)) > 0", "ёлк");
	is_str(s, "Ёлкин", "search ёлк finds Ёлкин");
	free(s);
	s = q_list(db, "SELECT last FROM person WHERE "
	    "ru_fold(last) LIKE '%' || ru_fold(?) || '%'", "ЁЛК");
	is_str(s, "Ёлкин", "search ЁЛК finds Ёлкин");
	free(s);
	s = q_list(db, "SELECT last FROM person WHERE "
	    "instr(search_key, ru_fold(?)) > 0", "елк");
	is_str(s, "Ёлкин", "search елк finds Ёлкин");
	free(s);

	s = q_list(db, "SELECT user || '|' || action || '|' || entity || '|' || "
	    "entity_id FROM audit", NULL);
	p = NULL;
	xasprintf(&p, "%s|add|person|2", str_or(db->user, ""));
	is_str(s, p, "audit row records who, what and which record");
	free(s);
	free(p);

	/* Constraint failures say which rule, never a code. */
	ok(db_exec(db, "INSERT INTO person(last, first, category, sort_key, "
	    "search_key) VALUES ('a', 'b', 'alien', 'a', 'a')", &err) == -1,
	    "bad category refused");
	like(err.msg, "breaks a rule of the database", "constraint sentence");
	db_close(db);

	ok(db_open(&db, tpath("a.db"), 0, &err) == 0, "reopen");
	is_int(q_int(db, "SELECT count(*) FROM person"), 3, "data kept");
	is_int(q_int(db, "PRAGMA foreign_keys"), 1, "rules set again");
	db_close(db);
}

static void
test_settings(void)
{
	struct nerr	 err;
	struct db	*db;
	char		*s;

	if (db_open(&db, tpath("a.db"), 0, &err) != 0) {
		diag("%s", err.msg);
		return;
	}
	ok(db_setting(db, "school") == NULL, "unset setting is NULL");
	is_int(db_setting_int(db, "consent_age", 18), 18, "default int");
	ok(db_set_setting(db, "school", "МБОУ СОШ № 1", &err) == 0 &&
	    db_set_setting(db, "consent_age", "14", &err) == 0,
	    "settings saved");
	ok(db_set_setting(db, "school", "МБОУ СОШ № 2", &err) == 0,
	    "setting replaced");
	s = db_setting(db, "school");
	is_str(s, "МБОУ СОШ № 2", "setting read back");
	free(s);
	is_int(db_setting_int(db, "consent_age", 18), 14, "int setting");
	db_set_setting(db, "consent_age", "many", &err);
	is_int(db_setting_int(db, "consent_age", 18), 18,
	    "non-number gives the default");
	ok(db_set_setting(db, "consent_age", NULL, &err) == 0 &&
	    db_setting(db, "consent_age") == NULL, "NULL removes a setting");
	ok(sqlite3_get_autocommit(db->h), "no transaction left open");
	db_close(db);
}

static void
test_changed_busy(void)
{
	struct nerr	 err;
	struct db	*db;
	sqlite3		*h2;

	if (db_open(&db, tpath("a.db"), 0, &err) != 0) {
		diag("%s", err.msg);
		return;
	}
	sqlite3_open(tpath("a.db"), &h2);
	is_int(db_changed(db), 0, "nothing changed yet");
	sqlite3_exec(h2, "INSERT INTO setting VALUES ('x', '1')", NULL, NULL,
	    NULL);
	is_int(db_changed(db), 1, "another connection's change is noticed");
	is_int(db_changed(db), 0, "... once");
	db_set_setting(db, "y", "2", &err);
	is_int(db_changed(db), 0, "our own change is not 'another's'");

	sqlite3_exec(h2, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	sqlite3_busy_timeout(db->h, 50);
	ok(db_begin(db, &err) == -1, "write refused while another saves");
	like(err.msg, "another user is saving", "busy sentence");
	ok(db_set_setting(db, "z", "1", &err) == -1, "setting refused too");
	like(err.msg, "try again", "busy sentence says what to do");
	ok(sqlite3_get_autocommit(db->h), "no transaction left behind");
	sqlite3_exec(h2, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(h2);
	db_rollback(db);
	ok(1, "rollback without a transaction is harmless");
	db_close(db);
}

static void
test_open_errors(void)
{
	struct nerr	 err;
	struct db	*db;
	char		 junk[4096], want[128];
	size_t		 i;

	ok(db_open(&db, tpath("none.db"), 0, &err) == -1 && db == NULL,
	    "missing file without create refused");
	like(err.msg, "no database at", "missing file sentence");
	like(err.msg, "nastavnik init", "missing file says how to create one");
	ok(access(tpath("none.db"), F_OK) != 0, "nothing was created");

	ok(db_open(&db, tpath("nodir/x.db"), DB_OPEN_CREATE, &err) == -1,
	    "missing folder refused");
	like(err.msg, "does not exist", "missing folder sentence");
	ok(access(tpath("nodir"), F_OK) != 0, "folder not made for -f path");

	mkdir(tpath("adir"), 0700);
	ok(db_open(&db, tpath("adir"), DB_OPEN_CREATE, &err) == -1,
	    "directory refused");
	like(err.msg, "is a folder", "directory sentence");

	for (i = 0; i < sizeof junk; i++)
		junk[i] = (char)(i * 7919 % 251);
	write_file(tpath("junk.db"), junk, sizeof junk, 0600);
	ok(db_open(&db, tpath("junk.db"), 0, &err) == -1, "random bytes refused");
	like(err.msg, "damaged or is not a nastavnik database", "damaged sentence");
	like(err.msg, "backup", "damaged sentence suggests the backup");

	/* Real SQLite files with their header, or their first page, broken. */
	raw_sqlite(tpath("hdr.db"), "PRAGMA application_id=1314083926;"
	    "CREATE TABLE t(x);");
	spoil(tpath("hdr.db"), 0, junk, 100);
	ok(db_open(&db, tpath("hdr.db"), 0, &err) == -1,
	    "file with a broken header refused");
	like(err.msg, "damaged", "broken header is called damaged");
	raw_sqlite(tpath("p1.db"), "PRAGMA application_id=1314083926;"
	    "CREATE TABLE t(x); CREATE TABLE u(y);");
	spoil(tpath("p1.db"), 100, junk, 3900);
	ok(db_open(&db, tpath("p1.db"), 0, &err) == -1,
	    "file with a broken first page refused");
	like(err.msg, "damaged", "broken first page is called damaged");

	raw_sqlite(tpath("foreign.db"), "CREATE TABLE recipes(name TEXT);");
	ok(db_open(&db, tpath("foreign.db"), 0, &err) == -1,
	    "another program's database refused");
	like(err.msg, "another program", "foreign sentence");
	raw_sqlite(tpath("newer.db"), "PRAGMA application_id=1314083926;"
	    "PRAGMA user_version=99; CREATE TABLE setting(key, value);");
	ok(db_open(&db, tpath("newer.db"), 0, &err) == -1,
	    "newer schema refused");
	snprintf(want, sizeof want, "newer nastavnik (schema 99, this "
	    "program knows %d)", db_schema_version());
	like(err.msg, want,
	    "newer sentence names both versions");
	like(err.msg, "update the program", "newer sentence says what to do");
	is_int(mode_of(tpath("newer.db")), 0644, "refused file untouched");
}

static void
test_readonly(void)
{
	struct nerr	 err;
	struct db	*db;

	/* Marked read-only: respected even by root. */
	if (db_open(&db, tpath("ro.db"), DB_OPEN_CREATE, &err) == 0) {
		add_person(db, "Ёлкин", "Иван");
		db_close(db);
	}
	chmod(tpath("ro.db"), 0400);
	ok(db_open(&db, tpath("ro.db"), 0, &err) == 0, "0400 file opens");
	if (db == NULL) {
		diag("%s", err.msg);
		skip(4, "did not open");
	} else {
		is_int(db->readonly, 1, "... read-only");
		is_int(q_int(db, "SELECT count(*) FROM person"), 1,
		    "... and can be read");
		ok(db_begin(db, &err) == -1, "a write is refused");
		like(err.msg, "open read-only: nothing can be changed",
		    "read-only sentence");
		db_close(db);
	}
	chmod(tpath("ro.db"), 0600);
	ok(db_open(&db, tpath("ro.db"), 0, &err) == 0 && db->readonly == 0,
	    "made writable again, it opens for writing");
	if (db != NULL) {
		int	m = mode_of(tpath("ro.db-shm"));

		ok(m == -1 || m == 0600, "the -shm left by the read-only "
		    "session is writable again (%o)", m);
		ok(db_set_setting(db, "after", "ro", &err) == 0,
		    "and saving works");
		db_close(db);
	} else
		skip(2, "did not open");

	ok(db_open(&db, tpath("ro.db"), DB_OPEN_READONLY, &err) == 0 &&
	    db->readonly == 1, "DB_OPEN_READONLY opens read-only");
	if (db != NULL) {
		ok(db_exec(db, "DELETE FROM person", &err) == -1,
		    "a write is refused under DB_OPEN_READONLY");
		like(err.msg, "read-only", "read-only sentence");
		ok(db_set_setting(db, "a", "b", &err) == -1,
		    "setting refused under DB_OPEN_READONLY");
		db_close(db);
	} else
		skip(3, "did not open");

	/* A read-only folder: no -wal or -shm can be made there. */
	mkdir(tpath("rodir"), 0700);
	if (db_open(&db, tpath("rodir/x.db"), DB_OPEN_CREATE, &err) == 0)
		db_close(db);
	chmod(tpath("rodir"), 0500);
	ok(db_open(&db, tpath("rodir/x.db"), 0, &err) == 0 &&
	    db->readonly == 1, "file in a read-only folder opens read-only");
	if (db != NULL) {
		is_int(q_int(db, "SELECT count(*) FROM setting"), 0,
		    "... and can be read");
		db_close(db);
	}
	chmod(tpath("rodir"), 0700);

	/* An empty read-only file cannot be given its schema. */
	write_file(tpath("empty.db"), "", 0, 0400);
	ok(db_open(&db, tpath("empty.db"), 0, &err) == -1,
	    "read-only file needing migration refused");
	like(err.msg, "read-only and needs upgrading", "sentence says why");
}

/*
 * What an ordinary user meets: run db_open as "nobody" in a child when we
 * are root (for whom permissions mean nothing), as ourselves otherwise.
 */
static int
open_as_user(const char *path, int *ro, long long *count, char *msg, size_t len)
{
	struct db	*db;
	struct nerr	 err;
	int		 fds[2], status;
	pid_t		 pid;
	char		 buf[NERR_MAX + 64];
	ssize_t		 n;

	if (pipe(fds) != 0)
		return (-2);
	if ((pid = fork()) == 0) {
		close(fds[0]);
		if (geteuid() == 0 && (setgid(65534) != 0 ||
		    setuid(65534) != 0))
			_exit(3);
		if (db_open(&db, path, 0, &err) == 0) {
			snprintf(buf, sizeof buf, "0 %d %lld ", db->readonly,
			    q_int(db, "SELECT count(*) FROM person"));
			db_close(db);
		} else
			snprintf(buf, sizeof buf, "-1 0 0 %s", err.msg);
		if (write(fds[1], buf, strlen(buf)) < 0)
			_exit(4);
		_exit(0);
	}
	close(fds[1]);
	n = read(fds[0], buf, sizeof buf - 1);
	close(fds[0]);
	waitpid(pid, &status, 0);
	if (n <= 0)
		return (-2);
	buf[n] = '\0';
	{
		int	rc, off = 0;

		if (sscanf(buf, "%d %d %lld %n", &rc, ro, count, &off) < 3)
			return (-2);
		snprintf(msg, len, "%s", buf + off);
		return (rc);
	}
}

static void
test_other_user(void)
{
	struct nerr	 err;
	struct db	*db;
	char		 msg[NERR_MAX];
	long long	 count;
	int		 ro, rc;

	/* The test folder must be passable for "nobody". */
	chmod(tmp, 0711);
	mkdir(tpath("shared"), 0755);
	if (db_open(&db, tpath("shared/s.db"), DB_OPEN_CREATE, &err) == 0) {
		add_person(db, "Жуков", "Пётр");
		db_close(db);
	}

	chmod(tpath("shared/s.db"), 0600);
	if (geteuid() != 0)
		chmod(tpath("shared/s.db"), 0000);
	rc = open_as_user(tpath("shared/s.db"), &ro, &count, msg, sizeof msg);
	if (rc == -2) {
		skip(5, "cannot run as another user");
		return;
	}
	is_int(rc, -1, "a file we cannot read is refused");
	like(msg, "cannot read", "unreadable sentence");

	if (geteuid() != 0) {
		skip(3, "needs root to test another user's WAL file");
		chmod(tpath("shared/s.db"), 0600);
		return;
	}
	/*
	 * Readable but not writable, in a folder where we cannot make the
	 * -shm of its WAL: opens read-only all the same.
	 */
	chmod(tpath("shared/s.db"), 0644);
	rc = open_as_user(tpath("shared/s.db"), &ro, &count, msg, sizeof msg);
	is_int(rc, 0, "someone else's WAL file in their folder opens");
	if (rc != 0)
		diag("%s", msg);
	is_int(ro, 1, "... read-only");
	is_int(count, 1, "... and shows its data");
}

/* Several people start the program on a new file at the same moment. */
static void
test_race(void)
{
	struct nerr	 err;
	struct db	*db;
	pid_t		 pids[4];
	int		 i, status, good = 0;

	for (i = 0; i < 4; i++) {
		if ((pids[i] = fork()) == 0) {
			if (db_open(&db, tpath("race.db"), DB_OPEN_CREATE,
			    &err) != 0) {
				printf("# child: %s\n", err.msg);
				fflush(stdout);
				_exit(1);
			}
			db_close(db);
			_exit(0);
		}
	}
	for (i = 0; i < 4; i++)
		if (pids[i] > 0 && waitpid(pids[i], &status, 0) == pids[i] &&
		    WIFEXITED(status) && WEXITSTATUS(status) == 0)
			good++;
	is_int(good, 4, "four programs creating one file at once all succeed");
	if (db_open(&db, tpath("race.db"), 0, &err) == 0) {
		is_int(q_int(db, "PRAGMA user_version"), db_schema_version(),
		    "... and it has the schema once");
		db_close(db);
	} else
		ok(0, "race file opens: %s", err.msg);
}

static void
test_migrate(void)
{
	static const struct migration more[] = {
		{ 1, "initial schema", "SELECT 1" },
		{ 2, "roles", "SELECT 1" },
		{ 3, "extra", "CREATE TABLE extra(x); INSERT INTO extra VALUES (42);" },
	};
	static const struct migration bad[] = {
		{ 4, "broken", "CREATE TABLE extra3(x); INSERT INTO nowhere VALUES (1);" },
	};
	struct nerr	 err;
	struct db	*db, *old;
	glob_t		 g;
	char		 pat[600];

	if (db_open(&db, tpath("m.db"), DB_OPEN_CREATE, &err) != 0) {
		diag("%s", err.msg);
		return;
	}
	add_person(db, "Жуков", "Пётр");
	add_person(db, "Ёлкин", "Иван");
	ok(db_migrate_to(db, more, 3, &err) == 0, "migration to v3 applied");
	is_int(q_int(db, "PRAGMA user_version"), 3, "user_version is 3");
	is_int(q_int(db, "SELECT x FROM extra"), 42, "migration's data there");

	snprintf(pat, sizeof pat, "%s.bak-v2-*", tpath("m.db"));
	ok(glob(pat, 0, NULL, &g) == 0 && g.gl_pathc == 1,
	    "one backup written beside the file");
	if (g.gl_pathc == 1) {
		is_int(mode_of(g.gl_pathv[0]), 0600, "backup is 0600");
		ok(strlen(g.gl_pathv[0]) == strlen(pat) - 1 + 14,
		    "backup named PATH.bak-v2-YYYYMMDDHHMMSS");
		if (db_open(&old, g.gl_pathv[0], 0, &err) == 0) {
			is_int(q_int(old, "SELECT count(*) FROM person"), 2,
			    "backup holds the old data");
			is_int(q_int(old, "SELECT count(*) FROM sqlite_schema "
			    "WHERE name='extra'"), 0, "... from before");
			is_int(q_int(old, "PRAGMA user_version"), 2,
			    "... at schema 2");
			db_close(old);
		} else {
			diag("%s", err.msg);
			skip(3, "backup did not open");
		}
	} else
		skip(5, "no backup");
	globfree(&g);

	ok(db_migrate_to(db, more, 3, &err) == 0, "nothing left to apply");
	ok(glob(pat, 0, NULL, &g) == 0 && g.gl_pathc == 1,
	    "... and no second backup");
	globfree(&g);

	ok(db_migrate_to(db, bad, 1, &err) == -1, "a failing migration");
	like(err.msg, "could not upgrade", "failure sentence");
	is_int(q_int(db, "PRAGMA user_version"), 3, "user_version unchanged");
	is_int(q_int(db, "SELECT count(*) FROM sqlite_schema WHERE "
	    "name='extra3'"), 0, "half a migration is rolled back");
	ok(sqlite3_get_autocommit(db->h), "no transaction left open");
	db_close(db);
}

/* Schema 2 on a file made before roles: director and coordinator read only. */
static void
test_migrate_roles(void)
{
	struct nerr	 err;
	struct db	*db;
	char		*sql;

	xasprintf(&sql, "%s PRAGMA application_id=%d; PRAGMA user_version=1;"
	    "INSERT INTO user(id, login, role) VALUES (1, 'ann', 'director'),"
	    " (2, 'olga', 'curator'), (3, 'ivan', 'teacher'),"
	    " (4, 'kim', 'coordinator');"
	    "INSERT INTO user_class(user_id, class) VALUES (1, '5А'), (3, '7Б');",
	    schema_migrations[0].sql, DB_APPLICATION_ID);
	raw_sqlite(tpath("v1.db"), sql);
	free(sql);
	if (db_open(&db, tpath("v1.db"), 0, &err) != 0) {
		diag("%s", err.msg);
		skip(5, "the v1 file did not open");
		return;
	}
	is_int(q_int(db, "PRAGMA user_version"), db_schema_version(),
	    "a v1 file is upgraded");
	sql = q_list(db, "SELECT login || ':' || role FROM user ORDER BY id",
	    NULL);
	is_str(sql, "ann:viewer,olga:curator,ivan:teacher,kim:viewer",
	    "the director and the coordinator become viewers");
	free(sql);
	sql = q_list(db, "SELECT user_id || class FROM user_class ORDER BY "
	    "user_id", NULL);
	is_str(sql, "15А,37Б", "the users' classes are kept");
	free(sql);
	is_int(q_int(db, "SELECT count(*) FROM pragma_foreign_key_check"), 0,
	    "no broken links after rebuilding the user table");
	ok(sqlite3_exec(db->h, "INSERT INTO user(login, role) VALUES "
	    "('x', 'director')", NULL, NULL, NULL) != SQLITE_OK,
	    "the old role names are no longer taken");
	db_close(db);
}

static void
test_backup(void)
{
	struct nerr	 err;
	struct db	*db, *copy;
	sqlite3		*h2;
	sqlite3_stmt	*st;
	char		*written = NULL;

	if (db_open(&db, tpath("a.db"), 0, &err) != 0) {
		diag("%s", err.msg);
		return;
	}
	/* Another user in the middle of reading. */
	sqlite3_open(tpath("a.db"), &h2);
	sqlite3_exec(h2, "BEGIN", NULL, NULL, NULL);
	sqlite3_prepare_v2(h2, "SELECT last FROM person", -1, &st, NULL);
	sqlite3_step(st);
	nerr_clear(&err);
	ok(db_backup(db, tpath("copy.db"), &err) == 0,
	    "backup while another connection reads");
	if (err.msg[0] != '\0')
		diag("%s", err.msg);
	sqlite3_finalize(st);
	sqlite3_exec(h2, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(h2);
	is_int(mode_of(tpath("copy.db")), 0600, "backup is 0600");
	if (db_open(&copy, tpath("copy.db"), 0, &err) == 0) {
		is_int(q_int(copy, "SELECT count(*) FROM person"), 3,
		    "backup opens as a nastavnik database with the rows");
		db_close(copy);
	} else {
		diag("%s", err.msg);
		ok(0, "backup opens");
	}

	ok(db_backup(db, tpath("copy.db"), &err) == -1,
	    "existing file not overwritten");
	like(err.msg, "already exists", "exists sentence");
	ok(db_backup(db, tpath("nowhere/c.db"), &err) == -1,
	    "missing folder refused");
	like(err.msg, "does not exist", "missing folder sentence");

	mkdir(tpath("bk"), 0700);
	ok(db_backup_to(db, tpath("bk"), &written, &err) == 0 &&
	    written != NULL && strncmp(written, tpath("bk/nastavnik-"),
	    strlen(tpath("bk/nastavnik-"))) == 0,
	    "a folder as destination gets a dated file inside");
	ok(written != NULL && mode_of(written) == 0600, "... 0600");
	free(written);

	if (geteuid() != 0) {
		chmod(tpath("bk"), 0500);
		ok(db_backup(db, tpath("bk/c.db"), &err) == -1,
		    "unwritable folder refused");
		like(err.msg, "cannot write to the folder", "sentence");
		chmod(tpath("bk"), 0700);
	} else
		skip(2, "root writes anywhere");
	db_close(db);
}

static void
test_check(void)
{
	struct nerr	 err;
	struct db	*db;
	struct sbuf	 out;
	char		 want[128];

	if (db_open(&db, tpath("a.db"), 0, &err) != 0) {
		diag("%s", err.msg);
		return;
	}
	sbuf_init(&out);
	is_int(db_check(db, &out, &err), 0, "a sound database passes");
	snprintf(want, sizeof want, "The database is sound: 3 participants, "
	    "schema v%d.\n", db_schema_version());
	is_str(out.s, want, "plain verdict");
	sbuf_reset(&out);
	db_exec(db, "PRAGMA foreign_keys=OFF;"
	    "INSERT INTO mentee(person_id) VALUES (999);"
	    "PRAGMA foreign_keys=ON;", &err);
	is_int(db_check(db, &out, &err), 1, "a broken reference is found");
	like(out.s, "The database has 1 problem:", "problem count");
	like(out.s, "a record in mentee (row 999) refers to a missing record "
	    "in person", "problem named");
	db_exec(db, "DELETE FROM mentee WHERE person_id=999", &err);
	db_close(db);

	/* Pages deep inside spoiled: opens, but the check says so. */
	if (db_open(&db, tpath("deep.db"), DB_OPEN_CREATE, &err) != 0) {
		diag("%s", err.msg);
		sbuf_free(&out);
		return;
	}
	db_exec(db, "PRAGMA journal_mode=DELETE;"
	    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
	    "WHERE i < 300) INSERT INTO person(last, first, category, "
	    "sort_key, search_key) SELECT 'Фамилия' || i, 'Имя', 'pupil', "
	    "i, i FROM n", &err);
	db_close(db);
	{
		char	junk[8192];

		memset(junk, 0x5a, sizeof junk);
		spoil(tpath("deep.db"), 4096 * 12, junk, sizeof junk);
	}
	sbuf_reset(&out);
	if (db_open(&db, tpath("deep.db"), 0, &err) == 0) {
		is_int(db_check(db, &out, &err), 1, "damaged pages are found");
		like(out.s, "problem", "verdict lists problems");
		like(out.s, "Restore it from a backup", "and says what to do");
		db_close(db);
	} else {
		like(err.msg, "damaged", "damaged file refused at open");
		skip(2, "refused at open");
	}
	sbuf_free(&out);
}

int
main(void)
{
	if (t_tmpdir(tmp, sizeof tmp, "t-db") != 0) {
		printf("1..0 # SKIP no temporary folder\n");
		return (0);
	}
	umask(022);
	test_paths();
	test_create();
	test_settings();
	test_changed_busy();
	test_open_errors();
	test_readonly();
	test_other_user();
	test_race();
	test_migrate();
	test_migrate_roles();
	test_backup();
	test_check();
	t_rmtree(tmp);
	return (done_testing());
}
