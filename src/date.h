/* date.h: calendar dates: parsing as people write them, ISO storage, "today". */
#ifndef NASTAVNIK_DATE_H
#define NASTAVNIK_DATE_H

#include "util.h"

#define DATE_ISO_LEN 11		/* "YYYY-MM-DD" and NUL */

/* Is y-m-d a real date of the Gregorian calendar? */
int	 date_valid(int, int, int);
int	 date_days_in_month(int, int);
/* Is iso exactly "YYYY-MM-DD" and a real date? */
int	 date_iso_valid(const char *);

/*
 * Parse ДД.ММ.ГГГГ, Д.М.ГГГГ (also with "/" or "-"), ГГГГ-ММ-ДД into ISO.
 * An empty string is an error here: callers decide whether a date is
 * optional.  field names the field for the message ("дата рождения").
 */
int	 date_parse(const char *, char *iso, const char *field, struct nerr *);

/* Like date_parse, and refuses dates after today or before 1900. */
int	 date_parse_past(const char *, char *iso, const char *field, struct nerr *);

/* ISO to ДД.ММ.ГГГГ (out: DATE_ISO_LEN bytes); "" for an empty or NULL date. */
void	 date_show(const char *iso, char *out);

/* Days since 1970-01-01 of an ISO date; -1 for an invalid one. */
long	 date_days(const char *iso);
/* ISO date of a day number. */
void	 date_from_days(long, char *iso);

/* Whole years between birth and on (both ISO); -1 if either is invalid. */
int	 date_age(const char *birth, const char *on);

/*
 * Today as ISO.  Fixed by date_set_today() (--today, $NASTAVNIK_TODAY) for
 * tests and reports printed as of a date; the local date otherwise.
 */
const char *date_today(void);
int	 date_set_today(const char *, struct nerr *);

/* The school year (1 September – 31 August) a date falls in, as "2025-2026". */
void	 date_school_year(const char *iso, char *out, size_t);

#endif
