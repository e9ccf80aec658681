/* deadline.h: Russian roadmap deadlines as people write them, due dates, overdue. */
#ifndef NASTAVNIK_DEADLINE_H
#define NASTAVNIK_DEADLINE_H

#include "date.h"

/*
 * What a deadline's text was understood as.  The original text is always
 * kept by the caller: the parse only adds dates to it.
 */
enum deadline_kind {
	DL_DATE,	/* «До 30.08.2023 г», «не позднее 15 декабря» */
	DL_PERIOD,	/* «май-июнь 2023 г», «Сентябрь 2023г.- июнь 2024 г.» */
	DL_RECURRING,	/* «1 раз в квартал», «Ежегодно в январе и мае» */
	DL_ONGOING,	/* «В течение всего периода», «постоянно» */
	DL_ON_REQUEST,	/* «По запросу», «По отдельному графику» */
	DL_UNPARSED	/* not understood: shown to the curator, never guessed */
};

/*
 * A parsed deadline.
 *
 * DL_DATE: from and to are the same day.  DL_PERIOD: from is the first day,
 * to the last one (the due date).  DL_RECURRING: from and to are optional
 * bounds ("" = none) — «Сентябрь, март 2023-2024 уч. год» has them, «1 раз в
 * квартал» does not.  Other kinds: both "".
 *
 * Occurrences of a recurring deadline fall in the months set in months (bit
 * m-1 for month m), or, when months is 0, at the end of every block of
 * `every` months of the calendar year (1 each month, 3 calendar quarters,
 * 6 half-years, 12 the calendar year).  An occurrence is due on `day` of its
 * month, or on the month's last day when day is 0 (a day past the month's
 * end, 31 in April, means its last day).  Its window — when doing it counts —
 * is the month (or the block of months) when day is 0; when a day is given
 * («не позднее 15 декабря») it runs from the day after the previous
 * occurrence's due date.
 */
struct deadline {
	int	kind;
	char	from[DATE_ISO_LEN];
	char	to[DATE_ISO_LEN];
	int	months;
	int	every;
	int	day;
};

/*
 * Parse a deadline.  school_year ("2023-2024") supplies the years left out:
 * September to December fall in its first year, January to August in its
 * second; «в течение года» and «в течение учебного года» mean the whole
 * school year (1 September – 31 August).  With school_year NULL (or not of
 * that form) such text needs its years written and is DL_UNPARSED without.
 * In a range a year written at one end serves the other («май-июнь 2023»,
 * «ноябрь - февраль 2024» from November 2023); «2023-2024», «2023–2024 гг.»
 * and «2023-2024 уч.г.» are the school year, «2024 год» the calendar year.
 *
 * Case and ё do not matter, nor spaces, dots, «г», «г.», «гг.», «уч.г.»,
 * «года»; hyphens and dashes (– —) are alike.  Text in brackets is dropped
 * unless it speaks of dates or of how often («Ежегодно (в мае)»: then it is
 * read with the rest); a text all in brackets is read from inside.
 * A list of months («Сентябрь, март 2023-2024 уч. год», «в январе и мае»)
 * is DL_RECURRING: each month is an occurrence.
 *
 * Never guessed, DL_UNPARSED: impossible dates (31.02); «до сентября» (by
 * its first day or its last?); «до конца года» (calendar or school year?);
 * relative phrases («в течение первого месяца»); school terms («1
 * четверть»); mixtures of kinds («по запросу, не позднее 15 мая»).
 * «В соответствии с ...», «по отдельному плану/графику», «по мере
 * необходимости» are DL_ON_REQUEST: the timing lives elsewhere.
 *
 * Always fills out.  Returns 0 if understood, 1 if left as DL_UNPARSED.
 */
int	 deadline_parse(const char *text, const char *school_year,
	    struct deadline *out);

/* Stable codes for files and the CLI: date period recurring ongoing on-request unparsed. */
const char *deadline_kind_code(int);
/* The kind's name for the user, translated. */
const char *deadline_kind_label(int);

/*
 * The date by which it must be done as of today (ISO, DATE_ISO_LEN bytes):
 * a date itself, a period's end, a recurring deadline's current occurrence
 * (the one whose window holds today, else the next; the last one when its
 * bounds have passed).  Ongoing, on-request and unparsed: "".  Returns 0,
 * or -1 with "" if today is not a valid ISO date.
 */
int	 deadline_due(const struct deadline *, const char *today, char *iso);

/*
 * Is it overdue as of today?  A date or period not done (done NULL or "")
 * whose due date is before today; a recurring deadline whose most recent
 * occurrence due before today was not done on or after that occurrence's
 * window start.  Ongoing, on-request and unparsed never are.
 */
int	 deadline_overdue(const struct deadline *, const char *done,
	    const char *today);

#endif
