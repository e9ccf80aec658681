/* db-int.h: helpers shared by db.c and db-backup.c, not for other modules. */
#ifndef NASTAVNIK_DB_INT_H
#define NASTAVNIK_DB_INT_H

#include <stddef.h>

#include <sqlite3.h>

#include "db.h"
#include "util.h"

/* The folder a path is in ("." for a bare name); malloc'd. */
char	*db_dirname(const char *);
/* One integer from a pragma or query; returns an SQLite code. */
int	 db_query_int(sqlite3 *, const char *, long long *);
/* The sentence for an SQLite code (never the code), prefixed by what. */
int	 db_fail_rc(struct db *, int, struct nerr *, const char *what);
/* "PATH is damaged or is not a nastavnik database; restore it from a backup" */
int	 db_damaged(const char *, struct nerr *);
/* Copy the open database into a new file dest (0600, never replacing one). */
int	 db_backup_file(struct db *, const char *dest, struct nerr *);
/* Local time as YYYYMMDDHHMMSS, for backup names. */
void	 db_stamp(char *, size_t);

#endif
