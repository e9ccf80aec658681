/* date.c: calendar dates: parsing as people write them, ISO, "today". */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "text.h"
#include "util.h"

/* The phrase "in <month>", for "in February 2024 there are only 29 days". */
static const char *const date_in_month[12] = {
	N_("in January"), N_("in February"), N_("in March"), N_("in April"),
	N_("in May"), N_("in June"), N_("in July"), N_("in August"),
	N_("in September"), N_("in October"), N_("in November"),
	N_("in December")
};

static char	date_today_iso[DATE_ISO_LEN];
static int	date_today_fixed;	/* 1 set, 0 not looked, -1 local */

static int
date_leap(int y)
{
	return ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0);
}

int
date_days_in_month(int y, int m)
{
	static const int	days[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (m < 1 || m > 12)
		return (0);
	if (m == 2 && date_leap(y))
		return (29);
	return (days[m - 1]);
}

int
date_valid(int y, int m, int d)
{
	return (y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= date_days_in_month(y, m));
}

/* Split a strict "YYYY-MM-DD" into numbers; 0 unless it is a real date. */
static int
date_split(const char *iso, int *y, int *m, int *d)
{
	int	i;

	if (iso == NULL || strlen(iso) != 10 || iso[4] != '-' || iso[7] != '-')
		return (0);
	for (i = 0; i < 10; i++) {
		if (i != 4 && i != 7 && !isdigit((unsigned char)iso[i]))
			return (0);
	}
	*y = atoi(iso);
	*m = atoi(iso + 5);
	*d = atoi(iso + 8);
	return (date_valid(*y, *m, *d));
}

int
date_iso_valid(const char *iso)
{
	int	y, m, d;

	return (date_split(iso, &y, &m, &d));
}

/* Digits by hand: the compiler cannot see the ranges snprintf would need. */
static void
date_put(char *out, int v, int width)
{
	while (width-- > 0) {
		out[width] = (char)('0' + v % 10);
		v /= 10;
	}
}

/* y-m-d must be valid (1..9999). */
static void
date_format(char *iso, int y, int m, int d)
{
	date_put(iso, y, 4);
	iso[4] = '-';
	date_put(iso + 5, m, 2);
	iso[7] = '-';
	date_put(iso + 8, d, 2);
	iso[10] = '\0';
}

/*
 * Messages begin with the field's name ("дата рождения" from the caller),
 * so its first letter is made a capital.
 */
static void
date_field_name(char *out, size_t size, const char *field)
{
	struct sbuf	 b;
	uint32_t	 cp;
	size_t		 n, len;
	char		 buf[4];

	if (field == NULL || *field == '\0')
		field = _("date");
	len = strlen(field);
	n = utf8_decode(field, len, &cp);
	sbuf_init(&b);
	sbuf_addn(&b, buf, utf8_encode(text_upper(cp), buf));
	sbuf_add(&b, field + n);
	snprintf(out, size, "%s", b.s);
	sbuf_free(&b);
}

/* Reads 1..maxd ASCII digits; returns how many. */
static int
date_digits(const char **sp, int maxd, int *val)
{
	const char	*s = *sp;
	int		 n = 0;

	*val = 0;
	while (isdigit((unsigned char)*s)) {
		if (n == maxd)
			return (maxd + 1);
		*val = *val * 10 + (*s - '0');
		n++;
		s++;
	}
	*sp = s;
	return (n);
}

/* Is there a blank (space, tab, no-break space) just before s + len? */
static size_t
date_blank_before(const char *s, size_t len)
{
	if (len >= 1 && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
	    s[len - 1] == '\n' || s[len - 1] == '\r'))
		return (1);
	if (len >= 2 && memcmp(s + len - 2, "\xc2\xa0", 2) == 0)
		return (2);
	return (0);
}

/*
 * Take the surrounding blanks (with a no-break space pasted from a word
 * processor) and a trailing "г"/"г." («12.03.2024 г.») off a copy.
 */
static void
date_strip(const char *in, char *out, size_t size)
{
	size_t	len, n;

	for (;;) {
		if (*in == ' ' || *in == '\t')
			in++;
		else if (strncmp(in, "\xc2\xa0", 2) == 0)
			in += 2;
		else
			break;
	}
	snprintf(out, size, "%s", in);
	len = strlen(out);
	while ((n = date_blank_before(out, len)) != 0)
		len -= n;
	n = len;
	if (n > 0 && out[n - 1] == '.')
		n--;
	/* г is D0 B3, Г is D0 93 */
	if (n >= 2 && (unsigned char)out[n - 2] == 0xd0 &&
	    ((unsigned char)out[n - 1] == 0xb3 ||
	    (unsigned char)out[n - 1] == 0x93)) {
		len = n - 2;
		while ((n = date_blank_before(out, len)) != 0)
			len -= n;
	}
	out[len] = '\0';
}

/* What the user typed, for a message: escaped and not too long. */
static void
date_typed(const char *s, char *out, size_t size)
{
	char	*e;

	size_t	 n;

	e = text_escape(s);
	if ((n = strlen(e)) > 40) {
		n = 37;
		while (n > 0 && ((unsigned char)e[n] & 0xc0) == 0x80)
			n--;	/* do not cut a letter in half */
		snprintf(out, size, "%.*s...", (int)n, e);
	} else
		snprintf(out, size, "%s", e);
	free(e);
}

int
date_parse(const char *s, char *iso, const char *field, struct nerr *err)
{
	char		 buf[64], name[256], typed[64];
	const char	*p;
	int		 a, b, c, na, nb, nc, y, m, d;
	char		 sep;

	iso[0] = '\0';
	date_field_name(name, sizeof name, field);
	if (s == NULL)
		s = "";
	date_strip(s, buf, sizeof buf);
	date_typed(buf, typed, sizeof typed);
	if (buf[0] == '\0')
		return (nerr_set(err, _("%s: the date is empty; write it as "
		    "DD.MM.YYYY."), name));
	if (strlen(s) >= sizeof buf - 1)
		goto bad;

	p = buf;
	na = date_digits(&p, 4, &a);
	sep = *p;
	if (na == 0 || (sep != '.' && sep != '/' && sep != '-'))
		goto bad;
	p++;
	nb = date_digits(&p, 2, &b);
	if (nb == 0 || nb > 2 || *p != sep)
		goto bad;
	p++;
	nc = date_digits(&p, 4, &c);
	if (*p != '\0' || nc == 0 || nc > 4)
		goto bad;
	if (na == 4) {
		if (nc > 2)
			goto bad;
		y = a, m = b, d = c;
	} else if (na <= 2) {
		if (nc == 2)
			return (nerr_set(err, _("%s: the year in \"%s\" has "
			    "two digits; write all four, for example "
			    "05.09.2024."),
			    name, typed));
		if (nc != 4)
			goto bad;
		y = c, m = b, d = a;
	} else
		goto bad;

	if (y < 1)
		goto bad;
	if (m < 1 || m > 12)
		return (nerr_set(err, _("%s: \"%s\" is not a date: there is no "
		    "month %d, months go from 01 to 12."), name, typed, m));
	if (d < 1)
		return (nerr_set(err, _("%s: \"%s\" is not a date: days of the "
		    "month start at 01."), name, typed));
	if (d > date_days_in_month(y, m)) {
		return (nerr_set(err, ngettext(
		    "%s: \"%s\" is not a date: %s %d there is only %d day.",
		    "%s: \"%s\" is not a date: %s %d there are only %d days.",
		    (unsigned long)date_days_in_month(y, m)), name, typed,
		    _(date_in_month[m - 1]), y, date_days_in_month(y, m)));
	}
	date_format(iso, y, m, d);
	return (0);

bad:
	return (nerr_set(err, _("%s: \"%s\" is not a date; write it as "
	    "DD.MM.YYYY, for example 05.09.2024."), name, typed));
}

int
date_parse_past(const char *s, char *iso, const char *field, struct nerr *err)
{
	char	 name[256], shown[DATE_ISO_LEN], today[DATE_ISO_LEN];

	if (date_parse(s, iso, field, err) != 0)
		return (-1);
	date_field_name(name, sizeof name, field);
	date_show(iso, shown);
	if (strcmp(iso, "1900-01-01") < 0) {
		iso[0] = '\0';
		return (nerr_set(err, _("%s: %s is before 1900; check the "
		    "year."), name, shown));
	}
	if (strcmp(iso, date_today()) > 0) {
		date_show(date_today(), today);
		iso[0] = '\0';
		return (nerr_set(err, _("%s: %s has not come yet (today is "
		    "%s); check the date."), name, shown, today));
	}
	return (0);
}

void
date_show(const char *iso, char *out)
{
	size_t	n;
	int	y, m, d;

	if (iso == NULL || *iso == '\0') {
		out[0] = '\0';
		return;
	}
	if (!date_split(iso, &y, &m, &d)) {
		/* Not ours: show what fits rather than hide it. */
		n = strlen(iso);
		if (n >= DATE_ISO_LEN) {
			n = DATE_ISO_LEN - 1;
			while (n > 0 && ((unsigned char)iso[n] & 0xc0) == 0x80)
				n--;	/* do not cut a letter in half */
		}
		memcpy(out, iso, n);
		out[n] = '\0';
		return;
	}
	date_put(out, d, 2);
	out[2] = '.';
	date_put(out + 3, m, 2);
	out[5] = '.';
	date_put(out + 6, y, 4);
	out[10] = '\0';
}

/* Days since 1970-01-01 (H. Hinnant's days_from_civil). */
static long
date_civil_days(int y, int m, int d)
{
	long	era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (era * 146097 + doe - 719468);
}

/*
 * Note that 1969-12-31 is day -1 too: callers with dates before 1970 test
 * date_iso_valid() first.
 */
long
date_days(const char *iso)
{
	int	y, m, d;

	if (!date_split(iso, &y, &m, &d))
		return (-1);
	return (date_civil_days(y, m, d));
}

void
date_from_days(long z, char *iso)
{
	long	era, doe, yoe, y, doy, mp, d, m;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	y += m <= 2;
	if (y < 1 || y > 9999) {
		iso[0] = '\0';
		return;
	}
	date_format(iso, (int)y, (int)m, (int)d);
}

/*
 * Full years.  Someone born on 29 February becomes a year older on 1 March
 * in a year without 29 February (the usual Russian practice): comparing
 * (month, day) pairs gives exactly that.  -1 if on is before birth.
 */
int
date_age(const char *birth, const char *on)
{
	int	by, bm, bd, oy, om, od, age;

	if (!date_split(birth, &by, &bm, &bd) || !date_split(on, &oy, &om, &od))
		return (-1);
	if (strcmp(on, birth) < 0)
		return (-1);
	age = oy - by;
	if (om < bm || (om == bm && od < bd))
		age--;
	return (age);
}

/*
 * Today.  An explicit date_set_today() wins; otherwise the first call reads
 * $NASTAVNIK_TODAY (silently ignored if it is not a date: the program calls
 * date_set_today() on it at start to report that), else the local date,
 * which is taken afresh on every call so a session left open over midnight
 * moves on.
 */
const char *
date_today(void)
{
	const char	*env;
	struct tm	 tm;
	time_t		 now;
	int		 y, m, d;

	if (date_today_fixed == 0) {
		date_today_fixed = -1;
		env = getenv("NASTAVNIK_TODAY");
		if (env != NULL && date_split(env, &y, &m, &d)) {
			date_format(date_today_iso, y, m, d);
			date_today_fixed = 1;
		}
	}
	if (date_today_fixed == 1)
		return (date_today_iso);
	now = time(NULL);
	if (localtime_r(&now, &tm) == NULL)
		return ("1970-01-01");
	date_format(date_today_iso, tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday);
	return (date_today_iso);
}

/*
 * Fix today (YYYY-MM-DD or any form date_parse takes).  NULL or "" forgets
 * the fixed date: the next date_today() looks at $NASTAVNIK_TODAY again.
 */
int
date_set_today(const char *s, struct nerr *err)
{
	char	iso[DATE_ISO_LEN], typed[64];

	if (s == NULL || *s == '\0') {
		date_today_fixed = 0;
		return (0);
	}
	if (date_parse(s, iso, NULL, NULL) != 0) {
		date_typed(s, typed, sizeof typed);
		return (nerr_set(err, _("The date for --today or "
		    "NASTAVNIK_TODAY, \"%s\", is not a date; give it as "
		    "YYYY-MM-DD, for example 2025-09-01."), typed));
	}
	memcpy(date_today_iso, iso, sizeof date_today_iso);
	date_today_fixed = 1;
	return (0);
}

void
date_school_year(const char *iso, char *out, size_t size)
{
	int	y, m, d;

	if (size == 0)
		return;
	if (!date_split(iso, &y, &m, &d)) {
		out[0] = '\0';
		return;
	}
	if (m < 9)
		y--;
	snprintf(out, size, "%d-%d", y, y + 1);
}
