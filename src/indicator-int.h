/* indicator-int.h: what indicator.c and indicator-figs.c share: the figures as of a date and the SQL of a pair taking part. */
#ifndef INDICATOR_INT_H
#define INDICATOR_INT_H

#include "db.h"
#include "pair.h"
#include "person.h"
#include "util.h"

/*
 * "Taking part" in the school year up to the date (?1 the date, ?2 the
 * first day of its school year): a pair not cancelled that had started by
 * the date and had not ended before the year began.
 */
#define PAIR_LIVE_SQL(p)						\
	p ".status <> 'cancelled' AND (" p ".date_from IS NULL OR "	\
	p ".date_from <= ?1) AND (" p ".date_to IS NULL OR "		\
	p ".date_to >= ?2)"

#define SCALE_PCT_SQL							\
	"CAST(a.value AS REAL) * 100.0 / (CASE qu.type WHEN 'scale10' "	\
	"THEN 10 ELSE 5 END)"

/* The figures as of one date. */
struct figs {
	int	 cat_total[CAT__COUNT];
	int	 cat_in[2][CAT__COUNT];	/* [0] mentees, [1] mentors */
	int	 form_n[PF__COUNT];
	double	 sat[2];		/* mentee, mentor */
	int	 sat_n[2];		/* responses */
	int	 plans_n, plans_met;
	int	 cons_n, cons_in;
	int	 ev_n, ev_met;
	int	 rm_n, rm_ok;
	struct change {
		char	*code;
		char	*name;
		double	 v;
		int	 n;
	}	*ch;
	int	 nch;
};

int	 indicator_cat(const char *);
void	 indicator_year_of(const char *, char *, char *, size_t);
sqlite3_stmt *indicator_prep(struct db *, const char *, const char *,
	    const char *, const char *, struct nerr *);
int	 figs_compute(struct db *, const char *, const char *, struct figs *,
	    struct nerr *);
void	 figs_free(struct figs *);

#endif
