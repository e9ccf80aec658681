/* db.h: the one SQLite file: opening, migrations, transactions, settings, audit. */
#ifndef NASTAVNIK_DB_H
#define NASTAVNIK_DB_H

#include <sqlite3.h>

#include "util.h"

/* 'NSTV': marks a file as ours, so a stranger's database is refused. */
#define DB_APPLICATION_ID	0x4E535456

struct db {
	sqlite3		*h;
	char		*path;
	int		 readonly;	/* opened read-only (file or user) */
	int		 wal;		/* journal_mode is WAL */
	long long	 data_version;	/* last PRAGMA data_version seen */
	char		*user;		/* who is working (login), for the audit log */
	int		 role;		/* enum user_role; ROLE_CURATOR until identified */
	long long	 user_id;	/* user.id, 0 until identified or for root */
	long long	 user_person;	/* the user as a participant, 0 if none */
	int		 scoped_write;	/* a teacher's permitted write is running */
};

#define DB_OPEN_CREATE		0x1	/* create the file (and for the default path, its folder) */
#define DB_OPEN_READONLY	0x2	/* never write */

/*
 * Where the file is: the -f argument, else $NASTAVNIK_DB, else
 * $XDG_DATA_HOME/nastavnik/nastavnik.db (~/.local/share/...).  *is_default is
 * set when the last rule was used (its folder may then be created).
 */
char	*db_resolve_path(const char *, int *is_default);

/*
 * Open (and with DB_OPEN_CREATE create 0600) the database, check it is ours,
 * migrate it to the current schema (writing a backup beside it first), set
 * the connection rules.  A read-only file opens read-only (db->readonly).
 * Every failure is one clear sentence in err.
 */
int	 db_open(struct db **, const char *path, int flags, struct nerr *);
void	 db_close(struct db *);

/* The schema version this program writes (PRAGMA user_version). */
int	 db_schema_version(void);

/*
 * Writes: BEGIN IMMEDIATE ... COMMIT, short, never across a key press.
 * Refused with a sentence for a viewer, and for a teacher unless
 * db->scoped_write is set by a write they are allowed (attendance).
 */
int	 db_begin(struct db *, struct nerr *);
int	 db_commit(struct db *, struct nerr *);
void	 db_rollback(struct db *);

int	 db_exec(struct db *, const char *, struct nerr *);
/* Prepare; on failure fills err and returns NULL. */
sqlite3_stmt *db_prepare(struct db *, const char *, struct nerr *);
/*
 * Is there a row: sql takes the id as its one "?" ("SELECT 1 FROM person
 * WHERE id = ?").  1 or 0; -1 with err.  For "why was nothing updated".
 */
int	 db_exists(struct db *, const char *sql, long long id, struct nerr *);
/*
 * Run sql ("DELETE FROM consent WHERE id = ?") for id in the caller's
 * transaction: how many rows it changed, or -1 with err; what names the
 * deed for db_fail ("deleting the consent").
 */
int	 db_delete_id(struct db *, const char *sql, long long id,
	    const char *what, struct nerr *);

/*
 * Turn the connection's last error into a sentence: busy/locked ("another
 * user is saving, try again"), full disk, read-only, corrupt, constraint.
 * what says what was being done ("сохранение участника").  Returns -1.
 */
int	 db_fail(struct db *, struct nerr *, const char *what);

/* Has another connection changed the file since we last asked? */
int	 db_changed(struct db *);

/* A consistent copy while others work (online backup API), created 0600. */
int	 db_backup(struct db *, const char *dest, struct nerr *);
/*
 * The same; when dest is a folder the copy goes inside it under a dated name
 * (nastavnik-YYYYMMDD-HHMMSS.db).  The path written is returned in *written
 * (malloc'd) when written is not NULL.
 */
int	 db_backup_to(struct db *, const char *dest, char **written,
	    struct nerr *);

/* PRAGMA integrity_check and foreign_key_check; verdict text in out. 0 = sound. */
int	 db_check(struct db *, struct sbuf *out, struct nerr *);

/* Settings: school name, consent age, ... */
char	*db_setting(struct db *, const char *key);	/* NULL if unset */
int	 db_setting_int(struct db *, const char *key, int dflt);
int	 db_set_setting(struct db *, const char *key, const char *val, struct nerr *);

/*
 * The audit log: what was done to which record, never personal data.
 * Call inside the write's transaction.
 */
int	 db_audit(struct db *, const char *action, const char *entity,
	    long long id, struct nerr *);

/* For tests: apply a custom migration list as db_open applies schema.c's. */
struct migration;
int	 db_migrate_to(struct db *, const struct migration *, int,
	    struct nerr *);

#endif
