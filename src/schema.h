/* schema.h: the numbered migrations that build and grow the database. */
#ifndef NASTAVNIK_SCHEMA_H
#define NASTAVNIK_SCHEMA_H

struct migration {
	int		 version;	/* PRAGMA user_version after it */
	const char	*what;		/* one line, for the log and the backup name */
	const char	*sql;
};

extern const struct migration schema_migrations[];
extern const int schema_nmigrations;

#endif
