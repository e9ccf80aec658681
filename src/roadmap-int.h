/* roadmap-int.h: what the roadmap's files share and nobody else needs. */
#ifndef NASTAVNIK_ROADMAP_INT_H
#define NASTAVNIK_ROADMAP_INT_H

#include <sqlite3.h>

#include "csvio.h"
#include "db.h"
#include "deadline.h"
#include "roadmap.h"
#include "util.h"

/* Empty strings are stored as NULL and read back as NULL. */
void	 rm_bind_str(sqlite3_stmt *, int, const char *);
char	*rm_col_str(sqlite3_stmt *, int);
/* A trimmed copy; NULL for an empty or blank string. */
/* Step a write statement, reset it; -1 with a sentence naming what. */
int	 rm_step(struct db *, sqlite3_stmt *, const char *what,
	    struct nerr *);

/*
 * Parse a deadline as the roadmap reads it: with its school year, and a
 * recurring deadline with no bounds of its own bounded by that year, so a
 * roadmap of one year never asks for occurrences of the next.
 */
void	 rm_deadline(const char *text, const char *year, struct deadline *);

/*
 * Deadlines parsed once per distinct text: a roadmap repeats «В течение
 * всего периода» and «По отдельному графику» again and again, and a table
 * of thousands of rows should not pay for each.  One school year a cache.
 */
struct rm_dlent {
	char		*text;
	struct deadline	 dl;
};
struct rm_dlcache {
	char		*year;
	struct rm_dlent	*v;
	size_t		 cap;
	size_t		 n;
};
void	 rm_dlcache_init(struct rm_dlcache *, const char *year);
/* As rm_deadline with the cache's year. */
void	 rm_dlcache_get(struct rm_dlcache *, const char *text,
	    struct deadline *);
void	 rm_dlcache_free(struct rm_dlcache *);

/* "2025-2026": two years, the second the next one. */
int	 rm_year_valid(const char *);
/* The school year of today into out (at least 10 bytes). */
void	 rm_year_today(char *, size_t);

/* A parsed table, read whole before anything is written. */
struct rm_lsec {
	char		*title;
};
struct rm_litem {
	int		 sec;		/* index into secs */
	long		 line;
	char		*number;
	char		*content;
	char		*deadline;
	char		*result;
	char		*indicator;
	char		*responsible;
	char		*note;
	int		 status;
	char		*done_date;
	char		*evidence;
	struct deadline	 dl;		/* parsed once, with the year given */
};
struct rm_load {
	struct rm_lsec	*secs;
	int		 nsecs;
	struct rm_litem	*items;
	int		 nitems;
	int		 unparsed;
};

/*
 * Read a table (import or template) into l, its deadlines parsed with
 * year (for the report and the stored dates).  Changes nothing.
 */
int	 rm_load_file(const char *path, const char *year, int encoding,
	    int delimiter, struct rm_load *, struct sbuf *report,
	    struct nerr *);
void	 rm_load_free(struct rm_load *);
/* Write a loaded table as a new roadmap, inside the caller's transaction. */
int	 rm_load_write(struct db *, const struct rm_load *, const char *title,
	    const char *year, long long *id, struct nerr *);
/* Insert a roadmap row (current if it is the first), inside a transaction. */
int	 rm_roadmap_insert(struct db *, const char *title, const char *year,
	    long long *id, struct nerr *);

/* roadmap_from_template with a title of the caller's (NULL: the template's). */
int	 rm_from_template(struct db *, const char *name, const char *year,
	    const char *title, long long *id, struct nerr *);

/* The path of a template's file, or NULL with err set. */
char	*rm_template_path(const char *name, struct nerr *);
/* A template's title (Russian, as its items), or its name. */
const char *rm_template_title(const char *name);

#endif
