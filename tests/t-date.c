/* t-date.c: unit tests of date parsing, today, ages and school years. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "tap.h"
#include "util.h"

/* Parse; the ISO date, or "ERR: message". */
static const char *
parse(const char *s, int past)
{
	static char	out[NERR_MAX + 8];
	struct nerr	err;
	char		iso[DATE_ISO_LEN];
	int		rc;

	memset(iso, 'x', sizeof iso);
	err.msg[0] = '\0';
	rc = past ? date_parse_past(s, iso, "birth date", &err) :
	    date_parse(s, iso, "birth date", &err);
	if (rc == 0)
		snprintf(out, sizeof out, "%s", iso);
	else if (iso[0] != '\0')
		snprintf(out, sizeof out, "ERR with iso set: %s", err.msg);
	else
		snprintf(out, sizeof out, "ERR: %s", err.msg);
	return (out);
}

static void
test_valid(void)
{
	ok(date_valid(2024, 2, 29), "29.02.2024 exists");
	ok(!date_valid(2023, 2, 29), "29.02.2023 does not");
	ok(date_valid(2000, 2, 29), "29.02.2000 exists (divisible by 400)");
	ok(!date_valid(1900, 2, 29), "29.02.1900 does not (by 100)");
	ok(!date_valid(2024, 4, 31), "31.04 does not");
	ok(!date_valid(2024, 13, 1), "month 13 does not");
	ok(!date_valid(2024, 1, 0), "day 0 does not");
	is_int(date_days_in_month(2024, 2), 29, "February 2024");
	is_int(date_days_in_month(2025, 2), 28, "February 2025");
	is_int(date_days_in_month(2025, 0), 0, "month 0");
	ok(date_iso_valid("2024-02-29"), "ISO 2024-02-29 valid");
	ok(!date_iso_valid("2024-2-29"), "ISO needs two-digit month");
	ok(!date_iso_valid("2023-02-29"), "ISO 2023-02-29 invalid");
	ok(!date_iso_valid(NULL), "NULL is not a date");
}

static void
test_parse(void)
{
	static const struct {
		const char	*in, *want;
	} good[] = {
		{ "12.03.2024", "2024-03-12" },
		{ "1.3.2024", "2024-03-01" },
		{ "01/03/2024", "2024-03-01" },
		{ "01-03-2024", "2024-03-01" },
		{ "2024-03-01", "2024-03-01" },
		{ "  12.03.2024  ", "2024-03-12" },
		{ "12.03.2024 г.", "2024-03-12" },
		{ "12.03.2024г.", "2024-03-12" },
		{ "12.03.2024 г", "2024-03-12" },
		{ "12.03.2024 Г.", "2024-03-12" },
		{ "\xc2\xa0" "12.03.2024\xc2\xa0г.", "2024-03-12" },
		{ "29.02.2024", "2024-02-29" },
		{ "31.12.1899", "1899-12-31" },
	};
	size_t	i;

	for (i = 0; i < nitems(good); i++)
		is_str(parse(good[i].in, 0), good[i].want, "parse '%s'",
		    good[i].in);
}

static void
test_parse_bad(void)
{
	static const struct {
		const char	*in, *want;
	} bad[] = {
		{ "31.02.2024",
		    "ERR: Birth date: \"31.02.2024\" is not a date: "
		    "in February 2024 there are only 29 days." },
		{ "29.02.2023",
		    "ERR: Birth date: \"29.02.2023\" is not a date: "
		    "in February 2023 there are only 28 days." },
		{ "31.04.2024",
		    "ERR: Birth date: \"31.04.2024\" is not a date: "
		    "in April 2024 there are only 30 days." },
		{ "00.01.2024",
		    "ERR: Birth date: \"00.01.2024\" is not a date: "
		    "days of the month start at 01." },
		{ "12.13.2024",
		    "ERR: Birth date: \"12.13.2024\" is not a date: "
		    "there is no month 13, months go from 01 to 12." },
		{ "12.03.24",
		    "ERR: Birth date: the year in \"12.03.24\" has "
		    "two digits; write all four, for example 05.09.2024." },
		{ "",
		    "ERR: Birth date: the date is empty; write it as "
		    "DD.MM.YYYY." },
		{ "   ",
		    "ERR: Birth date: the date is empty; write it as "
		    "DD.MM.YYYY." },
		{ "завтра",
		    "ERR: Birth date: \"завтра\" is not a date; write "
		    "it as DD.MM.YYYY, for example 05.09.2024." },
		{ "12.03-2024",
		    "ERR: Birth date: \"12.03-2024\" is not a date; "
		    "write it as DD.MM.YYYY, for example 05.09.2024." },
		{ "12.03.2024x", NULL },
		{ "123.03.2024", NULL },
		{ "12.003.2024", NULL },
		{ "12.03.20245", NULL },
		{ "12.03.202", NULL },
		{ "2024-03-012", NULL },
		{ "0000-03-01", NULL },
		{ "12..2024", NULL },
		{ "12.03.2024 гг", NULL },
		{ "г.", NULL },
	};
	const char	*got;
	size_t		 i;

	for (i = 0; i < nitems(bad); i++) {
		got = parse(bad[i].in, 0);
		if (bad[i].want != NULL)
			is_str(got, bad[i].want, "refuse '%s'", bad[i].in);
		else
			ok(strncmp(got, "ERR: Birth date: ", 17) == 0 &&
			    strstr(got, "DD.MM.YYYY") != NULL,
			    "refuse '%s' asking for DD.MM.YYYY", bad[i].in);
	}
	got = parse("\x1b[2J.03.2024", 0);
	ok(strstr(got, "\x1b") == NULL && strstr(got, "^[[2J") != NULL,
	    "a control character typed is escaped in the message");
	is_str(parse(NULL, 0), "ERR: Birth date: the date is empty; write it "
	    "as DD.MM.YYYY.", "NULL is empty");
}

static void
test_today(void)
{
	struct nerr	err;

	unsetenv("NASTAVNIK_TODAY");
	date_set_today(NULL, NULL);
	ok(date_iso_valid(date_today()), "the local date is a date: %s",
	    date_today());

	setenv("NASTAVNIK_TODAY", "2025-09-01", 1);
	date_set_today(NULL, NULL);
	is_str(date_today(), "2025-09-01", "$NASTAVNIK_TODAY is read");
	setenv("NASTAVNIK_TODAY", "2030-01-01", 1);
	is_str(date_today(), "2025-09-01", "... once, on the first call");

	is_int(date_set_today("2024-03-12", &err), 0, "set today");
	is_str(date_today(), "2024-03-12", "the set date wins over the env");
	is_int(date_set_today("12.03.2023", &err), 0, "set today DD.MM.YYYY");
	is_str(date_today(), "2023-03-12", "as ISO");
	is_int(date_set_today("2024-02-30", &err), -1, "refuse 2024-02-30");
	is_str(err.msg, "The date for --today or NASTAVNIK_TODAY, "
	    "\"2024-02-30\", is not a date; give it as YYYY-MM-DD, for "
	    "example 2025-09-01.", "the message");
	is_str(date_today(), "2023-03-12", "a refused date changes nothing");

	setenv("NASTAVNIK_TODAY", "not a date", 1);
	date_set_today(NULL, NULL);
	ok(date_iso_valid(date_today()) &&
	    strcmp(date_today(), "2023-03-12") != 0,
	    "a bad $NASTAVNIK_TODAY falls back to the local date");
	unsetenv("NASTAVNIK_TODAY");
}

static void
test_past(void)
{
	date_set_today("2024-03-12", NULL);
	is_str(parse("12.03.2024", 1), "2024-03-12", "today is not future");
	is_str(parse("11.03.2024 г.", 1), "2024-03-11", "yesterday");
	is_str(parse("13.03.2024", 1), "ERR: Birth date: 13.03.2024 has not "
	    "come yet (today is 12.03.2024); check the date.", "tomorrow");
	is_str(parse("01.01.1900", 1), "1900-01-01", "1900-01-01 is allowed");
	is_str(parse("31.12.1899", 1), "ERR: Birth date: 31.12.1899 is "
	    "before 1900; check the year.", "1899 is refused");
	is_str(parse("31.02.2020", 1), "ERR: Birth date: \"31.02.2020\" is "
	    "not a date: in February 2020 there are only 29 days.",
	    "past checks the date first");
}

static void
test_show_days(void)
{
	char	out[DATE_ISO_LEN];
	long	d;
	int	good = 1;

	date_show("2024-03-05", out);
	is_str(out, "05.03.2024", "show");
	date_show("", out);
	is_str(out, "", "show empty");
	date_show(NULL, out);
	is_str(out, "", "show NULL");
	date_show("весна", out);
	is_str(out, "весна", "show something else as it is");
	date_show("весной", out);
	ok(strcmp(out, "весно") == 0, "cut to fit, never inside a letter");
	is_int(date_days("1970-01-01"), 0, "day 0");
	is_int(date_days("2000-03-01"), 11017, "2000-03-01");
	is_int(date_days("1960-01-01"), -3653, "before 1970 is negative");
	is_int(date_days("2024-02-30"), -1, "invalid is -1");
	for (d = -40000; d < 60000; d += 13) {
		date_from_days(d, out);
		if (date_days(out) != d)
			good = 0;
	}
	ok(good, "date_from_days and date_days round-trip");
	date_from_days(date_days("2024-02-28") + 1, out);
	is_str(out, "2024-02-29", "the day after 28.02.2024");
	date_from_days(date_days("2023-02-28") + 1, out);
	is_str(out, "2023-03-01", "the day after 28.02.2023");
}

static void
test_age(void)
{
	is_int(date_age("2010-05-20", "2024-05-19"), 13, "the day before");
	is_int(date_age("2010-05-20", "2024-05-20"), 14, "the birthday");
	is_int(date_age("2010-05-20", "2024-12-31"), 14, "later that year");
	is_int(date_age("2008-02-29", "2024-02-28"), 15, "29.02: 28.02 leap");
	is_int(date_age("2008-02-29", "2024-02-29"), 16, "29.02: 29.02 leap");
	is_int(date_age("2008-02-29", "2025-02-28"), 16,
	    "29.02: not yet on 28.02 of a common year");
	is_int(date_age("2008-02-29", "2025-03-01"), 17,
	    "29.02: a year older on 1 March of a common year");
	is_int(date_age("2010-05-20", "2010-05-20"), 0, "born today");
	is_int(date_age("2010-05-20", "2009-01-01"), -1, "not born yet");
	is_int(date_age("2010-02-30", "2024-01-01"), -1, "invalid birth");
	is_int(date_age("1950-01-01", "2024-01-01"), 74, "before 1970");
}

static void
test_school_year(void)
{
	char	out[16];

	date_school_year("2025-08-31", out, sizeof out);
	is_str(out, "2024-2025", "31 August");
	date_school_year("2025-09-01", out, sizeof out);
	is_str(out, "2025-2026", "1 September");
	date_school_year("2026-01-15", out, sizeof out);
	is_str(out, "2025-2026", "January");
	date_school_year("bad", out, sizeof out);
	is_str(out, "", "invalid");
}

int
main(void)
{
	/* The messages are tested in English; Russian is the .po's business. */
	setlocale(LC_ALL, "C.UTF-8");
	unsetenv("LANGUAGE");
	test_valid();
	test_parse();
	test_parse_bad();
	test_today();
	test_past();
	test_show_days();
	test_age();
	test_school_year();
	return (done_testing());
}
