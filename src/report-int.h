/* report-int.h: helpers the report files share (not for other modules). */
#ifndef NASTAVNIK_REPORT_INT_H
#define NASTAVNIK_REPORT_INT_H

#include <sqlite3.h>

#include "date.h"
#include "report.h"

/* A column's text, "" for NULL. */
const char *rep_col(sqlite3_stmt *, int);
/* "ДД.ММ.ГГГГ" of an ISO date into a static ring of buffers ("" for none). */
const char *rep_date(const char *);
/* "%d" and "%d %%" into a static ring of buffers. */
const char *rep_int(long long);
const char *rep_pct(long long part, long long whole);
/* "Иванов Иван Иванович" (malloc'd). */
char	*rep_full_name(const char *, const char *, const char *);

/* Categories in the order of enum person_category. */
#define REP_CAT_ORDER "instr('pupil,teacher,young-specialist,parent," \
	"graduate,partner,student', category)"

/* The reports, by file. */
int	 report_roadmap(struct db *, const struct report_opts *,
	    struct report *, struct nerr *);
int	 report_participants(struct db *, const struct report_opts *,
	    struct report *, struct nerr *);
int	 report_mentees(struct db *, const struct report_opts *,
	    struct report *, struct nerr *);
int	 report_mentors(struct db *, const struct report_opts *,
	    struct report *, struct nerr *);
int	 report_consents(struct db *, const struct report_opts *,
	    struct report *, struct nerr *);
int	 report_pairs(struct db *, const struct report_opts *,
	    struct report *, struct nerr *);
int	 report_agreement(struct db *, const struct report_opts *,
	    struct report *, struct nerr *);
int	 report_plan(struct db *, const struct report_opts *,
	    struct report *, struct nerr *);
int	 report_plans(struct db *, const struct report_opts *,
	    struct report *, struct nerr *);
int	 report_attendance(struct db *, const struct report_opts *,
	    struct report *, struct nerr *);
int	 report_summary(struct db *, const struct report_opts *,
	    struct report *, struct nerr *);

#endif
