/* testlib.h: helpers the C unit tests share (temporary folders, queries). */
#ifndef NASTAVNIK_TESTLIB_H
#define NASTAVNIK_TESTLIB_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "db.h"
#include "util.h"

#include "tap.h"

/* ok() on a text containing needle; shows the text when it does not. */
#define like(msg, needle, ...) do {					\
	const char *m_ = (msg);						\
	if (!ok(m_ != NULL && strstr(m_, (needle)) != NULL, __VA_ARGS__)) \
		diag("text: '%s'\n#    wanted: '%s'",			\
		    m_ ? m_ : "(null)", (needle));			\
} while (0)

/* ok() on a text without needle. */
#define unlike(msg, needle, ...) do {					\
	const char *m_ = (msg);						\
	if (!ok(m_ != NULL && strstr(m_, (needle)) == NULL, __VA_ARGS__)) \
		diag("text: '%s'\n#    did not want: '%s'",		\
		    m_ ? m_ : "(null)", (needle));			\
} while (0)

/* Make a fresh folder $TMPDIR/NAME.XXXXXX into buf; -1 when it cannot. */
static inline int
t_tmpdir(char *buf, size_t len, const char *name)
{
	const char	*t = getenv("TMPDIR");

	snprintf(buf, len, "%s/%s.XXXXXX", t != NULL ? t : "/tmp", name);
	return (mkdtemp(buf) != NULL ? 0 : -1);
}

/* Remove the folder and all in it, even what a test made read-only. */
static inline void
t_rmtree(const char *dir)
{
	char	*cmd;

	xasprintf(&cmd, "chmod -R u+rwx '%s' 2>/dev/null; rm -rf '%s'", dir,
	    dir);
	if (system(cmd) != 0)
		diag("could not remove %s", dir);
	free(cmd);
}

/* DIR/NAME in one of 8 static buffers, so a few can be used at once. */
static inline const char *
t_path(const char *dir, const char *name)
{
	static char	buf[8][1024];
	static int	i;

	i = (i + 1) % 8;
	snprintf(buf[i], sizeof buf[i], "%s/%s", dir, name);
	return (buf[i]);
}

/* Create or open DIR/NAME; NULL (and a diagnostic) when it cannot. */
static inline struct db *
t_open_db(const char *dir, const char *name)
{
	struct db	*db = NULL;
	struct nerr	 err;
	const char	*path = t_path(dir, name);

	if (db_open(&db, path, DB_OPEN_CREATE, &err) != 0) {
		diag("db_open %s: %s", path, err.msg);
		return (NULL);
	}
	return (db);
}

/* The first column of a query's first row; -999 when there is none. */
static inline long long
q_int(struct db *db, const char *sql)
{
	sqlite3_stmt	*st;
	long long	 v = -999;

	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK) {
		diag("prepare %s: %s", sql, sqlite3_errmsg(db->h));
		return (v);
	}
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return (v);
}

/* All rows of a query joined by "|" and "\n", for comparing and scanning. */
static inline char *
q_text(struct db *db, const char *sql)
{
	sqlite3_stmt	*st;
	struct sbuf	 b;
	int		 i;

	sbuf_init(&b);
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK) {
		diag("prepare %s: %s", sql, sqlite3_errmsg(db->h));
		return (sbuf_take(&b));
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (i = 0; i < sqlite3_column_count(st); i++) {
			const unsigned char *t = sqlite3_column_text(st, i);
			sbuf_addf(&b, "%s|", t != NULL ? (const char *)t : "");
		}
		sbuf_addc(&b, '\n');
	}
	sqlite3_finalize(st);
	return (sbuf_take(&b));
}

#endif
