/* deadline-due.c: when a parsed deadline is due and whether it is overdue. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "deadline-int.h"
#include "util.h"

/* Digits by hand, as date.c does: y-m-d must be valid. */
static void
dl_iso(char *iso, int y, int m, int d)
{
	int	i, v;

	for (i = 3, v = y; i >= 0; i--, v /= 10)
		iso[i] = (char)('0' + v % 10);
	iso[4] = '-';
	iso[5] = (char)('0' + m / 10);
	iso[6] = (char)('0' + m % 10);
	iso[7] = '-';
	iso[8] = (char)('0' + d / 10);
	iso[9] = (char)('0' + d % 10);
	iso[10] = '\0';
}

long
deadline_ymd_days(int y, int m, int d)
{
	char	iso[DATE_ISO_LEN];

	if (y < DL_YMIN || y > DL_YMAX || !date_valid(y, m, d))
		return (-1);
	dl_iso(iso, y, m, d);
	return (date_days(iso));
}

/*
 * Can its occurrences be counted as of today?  Years outside the ones a
 * deadline may be written with have none.
 */
static int
dl_every_ok(const struct deadline *d, long today)
{
	if (today < deadline_ymd_days(DL_YMIN + 1, 1, 1) ||
	    today > deadline_ymd_days(DL_YMAX - 1, 12, 31))
		return (0);
	if ((d->months & 0xfff) != 0)
		return (d->day >= 0 && d->day <= 31);
	return (d->day >= 0 && d->day <= 31 && d->every >= 1 &&
	    d->every <= 12 && 12 % d->every == 0);
}

/* Does an occurrence fall in month index mi (year * 12 + month - 1)? */
static int
dl_anchor(const struct deadline *d, long mi)
{
	int	m = (int)(mi % 12) + 1;

	if ((d->months & 0xfff) != 0)
		return ((d->months & (1 << (m - 1))) != 0);
	return (m % d->every == 0);
}

static long
dl_due_of(const struct deadline *d, long mi)
{
	int	y = (int)(mi / 12), m = (int)(mi % 12) + 1;
	int	dim = date_days_in_month(y, m);

	return (deadline_ymd_days(y, m, d->day > 0 && d->day < dim ? d->day : dim));
}

static long
dl_start_of(const struct deadline *d, long mi, long from)
{
	long	s, k;

	if (d->day > 0) {
		for (k = mi - 1; k >= mi - 12 && !dl_anchor(d, k); k--)
			;
		s = dl_due_of(d, k) + 1;
	} else if ((d->months & 0xfff) != 0)
		s = deadline_ymd_days((int)(mi / 12), (int)(mi % 12) + 1, 1);
	else {
		k = mi - d->every + 1;
		s = deadline_ymd_days((int)(k / 12), (int)(k % 12) + 1, 1);
	}
	return (from >= 0 && s < from ? from : s);
}

static long
dl_month_index(long days)
{
	char	iso[DATE_ISO_LEN];

	date_from_days(days, iso);
	return (atol(iso) * 12 + atol(iso + 5) - 1);
}

static long
dl_bound(const char *iso)
{
	return (iso[0] != '\0' && date_iso_valid(iso) ? date_days(iso) : -1);
}

/*
 * The occurrence due on or after today (the last one when the bounds have
 * passed) with want > 0; the last one due before today with want == 0.
 * Stores its month index; -1 if there is none.
 */
static int
dl_occurrence(const struct deadline *d, long today, int want, long *mi)
{
	long	from = dl_bound(d->from), to = dl_bound(d->to), k, t0, due;

	t0 = dl_month_index(today);
	if (want) {
		if (from >= 0 && dl_month_index(from) > t0)
			t0 = dl_month_index(from);
		for (k = t0; k <= t0 + 24; k++) {
			if (!dl_anchor(d, k) || (due = dl_due_of(d, k)) < today ||
			    (from >= 0 && due < from))
				continue;
			if (to >= 0 && due > to)
				break;
			*mi = k;
			return (0);
		}
		if (to < 0)
			return (-1);
		today = to + 1;		/* the last one within the bounds */
		t0 = dl_month_index(to);
	}
	if (to >= 0 && dl_month_index(to) < t0)
		t0 = dl_month_index(to);
	for (k = t0; k >= t0 - 24; k--) {
		if (!dl_anchor(d, k) || (due = dl_due_of(d, k)) >= today ||
		    (to >= 0 && due > to))
			continue;
		if (from >= 0 && due < from)
			return (-1);
		*mi = k;
		return (0);
	}
	return (-1);
}

int
deadline_due(const struct deadline *d, const char *today, char *iso)
{
	long	mi;

	iso[0] = '\0';
	if (!date_iso_valid(today))
		return (-1);
	switch (d->kind) {
	case DL_DATE:
	case DL_PERIOD:
		if (date_iso_valid(d->to))
			memcpy(iso, d->to, DATE_ISO_LEN);
		break;
	case DL_RECURRING:
		if (dl_every_ok(d, date_days(today)) &&
		    dl_occurrence(d, date_days(today), 1, &mi) == 0)
			date_from_days(dl_due_of(d, mi), iso);
		break;
	}
	return (0);
}

int
deadline_overdue(const struct deadline *d, const char *done,
    const char *today)
{
	long	t, mi, start;
	int	is_done = done != NULL && date_iso_valid(done);

	if (!date_iso_valid(today))
		return (0);
	t = date_days(today);
	switch (d->kind) {
	case DL_DATE:
	case DL_PERIOD:
		return (!is_done && date_iso_valid(d->to) &&
		    date_days(d->to) < t);
	case DL_RECURRING:
		if (!dl_every_ok(d, t) || dl_occurrence(d, t, 0, &mi) != 0)
			return (0);
		start = dl_start_of(d, mi, dl_bound(d->from));
		return (!is_done || date_days(done) < start);
	}
	return (0);
}
