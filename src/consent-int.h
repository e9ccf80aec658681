/* consent-int.h: what the consent files share among themselves. */
#ifndef NASTAVNIK_CONSENT_INT_H
#define NASTAVNIK_CONSENT_INT_H

#include <sqlite3.h>

#include "consent.h"
#include "db.h"
#include "person.h"
#include "util.h"

/* Must p's consent signed on date be a representative's?  *age: -1 unknown. */
int	 consent_needs_rep(struct db *, const struct person *, const char *,
	    int *age);
/* Check a consent against its person; unnamed representatives if allowed. */
int	 consent_check(struct db *, const struct consent *,
	    const struct person *, int allow_unnamed, struct nerr *);
/* Insert a checked consent inside the caller's transaction. */
int	 consent_insert_tx(struct db *, struct consent *, struct nerr *);
/* A consent from the columns id, version and CONSENT_COLS from col on. */
void	 consent_fill(struct consent *, sqlite3_stmt *, int col);
/* A text column, NULL when empty. */
char	*consent_col(sqlite3_stmt *, int);

/* Printed texts fit a line printer's and a terminal's 80 columns. */
#define CONSENT_WIDTH	80
/* A line centred in width columns (control characters escaped). */
void	 consent_center(struct sbuf *, const char *, int width);
/* A paragraph wrapped at width columns, lines after the first indented. */
void	 consent_wrap(struct sbuf *, const char *, int width, int indent);

#endif
