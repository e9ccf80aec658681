/* t-deadline.c: unit tests of Russian deadlines: parsing, due dates, overdue, fuzzing. */
#include "config.h"

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "deadline.h"
#include "tap.h"
#include "util.h"

#define S	"2023-2024"
#define M(m)	(1 << ((m) - 1))

#define D	DL_DATE
#define P	DL_PERIOD
#define R	DL_RECURRING
#define O	DL_ONGOING
#define Q	DL_ON_REQUEST
#define U	DL_UNPARSED

struct row {
	const char	*text;
	const char	*sy;
	int		 kind;
	const char	*from;
	const char	*to;
	int		 months;
	int		 every;
	int		 day;
};

static const struct row rows[] = {
	/* every wording of the seed roadmaps' «Сроки» columns */
	{ "30.08.2023", S, D, "2023-08-30", "2023-08-30", 0, 0, 0 },
	{ "30.08.2023", NULL, D, "2023-08-30", "2023-08-30", 0, 0, 0 },
	{ "До 30.08.2023 г", S, D, "2023-08-30", "2023-08-30", 0, 0, 0 },
	{ "До 30.08.2023 г.", NULL, D, "2023-08-30", "2023-08-30", 0, 0, 0 },
	{ "До 05.09.2023 г", S, D, "2023-09-05", "2023-09-05", 0, 0, 0 },
	{ "До 06.06.2024 г", S, D, "2024-06-06", "2024-06-06", 0, 0, 0 },
	{ "До 10.09.2023 г", S, D, "2023-09-10", "2023-09-10", 0, 0, 0 },
	{ "До 15.06.2023 г.", S, D, "2023-06-15", "2023-06-15", 0, 0, 0 },
	{ "До 15.09.2023 г", S, D, "2023-09-15", "2023-09-15", 0, 0, 0 },
	{ "До 15.10.2023 г", S, D, "2023-10-15", "2023-10-15", 0, 0, 0 },
	{ "До 20.06.2024 г", S, D, "2024-06-20", "2024-06-20", 0, 0, 0 },
	{ "До 25.08.2023 г", S, D, "2023-08-25", "2023-08-25", 0, 0, 0 },
	{ "До 30.09.2023 г", S, D, "2023-09-30", "2023-09-30", 0, 0, 0 },
	{ "1 раз в квартал", S, R, "", "", 0, 3, 0 },
	{ "В течение всего периода", S, O, "", "", 0, 0, 0 },
	{ "В течение всего периода реализации ЦМН", S, O, "", "", 0, 0, 0 },
	{ "По отдельному графику", S, Q, "", "", 0, 0, 0 },
	{ "Сентябрь 2023г.- июнь 2024 г.", S, P, "2023-09-01", "2024-06-30",
	    0, 0, 0 },
	{ "В течение первого месяца", S, U, "", "", 0, 0, 0 },
	{ "В течение первого-второго месяца", S, U, "", "", 0, 0, 0 },
	{ "В течение месяца после издания приказа о внедрении и целевой "
	    "модели наставничества в ОУ", S, U, "", "", 0, 0, 0 },
	{ "до 01 сентября 2023 г.", S, D, "2023-09-01", "2023-09-01", 0, 0, 0 },
	{ "В соответствии с утвержденными Техническим заданием и дорожной "
	    "картой", S, Q, "", "", 0, 0, 0 },
	{ "Декабрь 2023 г", S, P, "2023-12-01", "2023-12-31", 0, 0, 0 },
	{ "В течение всего периода реализации Целевой модели наставничества",
	    S, O, "", "", 0, 0, 0 },
	{ "Сентябрь-октябрь 2023 г", S, P, "2023-09-01", "2023-10-31", 0, 0, 0 },
	{ "В соответствии с дорожной картой", S, Q, "", "", 0, 0, 0 },
	{ "Октябрь 2023 г", S, P, "2023-10-01", "2023-10-31", 0, 0, 0 },
	{ "по отдельному плану", S, Q, "", "", 0, 0, 0 },
	{ "в течение года", S, P, "2023-09-01", "2024-08-31", 0, 0, 0 },
	{ "в течение года", NULL, U, "", "", 0, 0, 0 },
	{ "в соответствии с сороками реализации программ наставничества", S,
	    Q, "", "", 0, 0, 0 },
	{ "Сентябрь 2023 г", S, P, "2023-09-01", "2023-09-30", 0, 0, 0 },
	{ "В течении года", S, P, "2023-09-01", "2024-08-31", 0, 0, 0 },
	{ "Март 2024 г", S, P, "2024-03-01", "2024-03-31", 0, 0, 0 },
	{ "в соответствии со сроками, устанавливаемыми Минпросвещения России",
	    S, Q, "", "", 0, 0, 0 },
	{ "Сентябрь, март 2023-2024 уч. год.", NULL, R, "2023-09-01",
	    "2024-03-31", M(9) | M(3), 12, 0 },
	{ "Декабрь 2023 г.", S, P, "2023-12-01", "2023-12-31", 0, 0, 0 },
	{ "май 2024г.", S, P, "2024-05-01", "2024-05-31", 0, 0, 0 },
	{ "июнь 2024 г.", S, P, "2024-06-01", "2024-06-30", 0, 0, 0 },

	/* the forms of issue 5 */
	{ "не позднее 15 декабря", S, D, "2023-12-15", "2023-12-15", 0, 0, 0 },
	{ "не позднее 15 декабря", NULL, U, "", "", 0, 0, 0 },
	{ "до 1 октября", S, D, "2023-10-01", "2023-10-01", 0, 0, 0 },
	{ "до 1 октября", "2024-2025", D, "2024-10-01", "2024-10-01", 0, 0, 0 },
	{ "февраль 2023г", NULL, P, "2023-02-01", "2023-02-28", 0, 0, 0 },
	{ "февраль 2024г", NULL, P, "2024-02-01", "2024-02-29", 0, 0, 0 },
	{ "май -июнь 2023 г", NULL, P, "2023-05-01", "2023-06-30", 0, 0, 0 },
	{ "Апрель-май 2023", NULL, P, "2023-04-01", "2023-05-31", 0, 0, 0 },
	{ "В течение 2022-2023 уч.г.", NULL, P, "2022-09-01", "2023-08-31",
	    0, 0, 0 },
	{ "ежеквартально", S, R, "", "", 0, 3, 0 },
	{ "ежемесячно", S, R, "", "", 0, 1, 0 },
	{ "Ежегодно в январе и мае", S, R, "", "", M(1) | M(5), 12, 0 },
	{ "Ежегодно, не позднее 15 декабря", S, R, "", "", M(12), 12, 15 },
	{ "2 раза в год", S, R, "", "", 0, 6, 0 },
	{ "постоянно", S, O, "", "", 0, 0, 0 },
	{ "По запросу", S, Q, "", "", 0, 0, 0 },
	{ "по мере необходимости", S, Q, "", "", 0, 0, 0 },
	{ "До 30.08.2023 г (дополнительно по запросу)", S, D, "2023-08-30",
	    "2023-08-30", 0, 0, 0 },
	{ "(по запросу)", S, Q, "", "", 0, 0, 0 },
	{ "Ежегодно (в мае)", S, R, "", "", M(5), 12, 0 },
	{ "(до 30.08.2023)", NULL, D, "2023-08-30", "2023-08-30", 0, 0, 0 },
	{ "до 30.08.2023 г. (доп. [по запросу])", NULL, D, "2023-08-30",
	    "2023-08-30", 0, 0, 0 },
	{ "До 30.08.2023 (по запросу", NULL, D, "2023-08-30", "2023-08-30",
	    0, 0, 0 },
	{ "до 15.09.2023 (приказ от 01.09.2023 № 5)", NULL, U, "", "",
	    0, 0, 0 },

	/* case, ё, spaces, dashes, dots */
	{ "ДО 30.08.2023 Г.", NULL, D, "2023-08-30", "2023-08-30", 0, 0, 0 },
	{ "до 15 ДЕКАБРЯ 2023 ГОДА", NULL, D, "2023-12-15", "2023-12-15",
	    0, 0, 0 },
	{ "Май – июнь 2024 г.", NULL, P, "2024-05-01", "2024-06-30", 0, 0, 0 },
	{ "май—июнь 2024", NULL, P, "2024-05-01", "2024-06-30", 0, 0, 0 },
	{ "  до\xc2\xa0" "30.08.2023\xc2\xa0г.  ", NULL, D, "2023-08-30",
	    "2023-08-30", 0, 0, 0 },
	{ "в течёние года", S, P, "2023-09-01", "2024-08-31", 0, 0, 0 },
	{ "ВСЁ ВРЕМЯ", S, O, "", "", 0, 0, 0 },
	{ "в течение всего времени", S, O, "", "", 0, 0, 0 },
	{ "сент. 2023", NULL, P, "2023-09-01", "2023-09-30", 0, 0, 0 },
	{ "янв. 2024 г.", NULL, P, "2024-01-01", "2024-01-31", 0, 0, 0 },
	{ "по 30 августа 2024 г.", NULL, D, "2024-08-30", "2024-08-30",
	    0, 0, 0 },
	{ "к 1 сентября", S, D, "2023-09-01", "2023-09-01", 0, 0, 0 },
	{ "1-15 сентября", S, P, "2023-09-01", "2023-09-15", 0, 0, 0 },
	{ "декабрь 2023 - январь", NULL, P, "2023-12-01", "2024-01-31",
	    0, 0, 0 },
	{ "2023–2024 гг.", NULL, P, "2023-09-01", "2024-08-31", 0, 0, 0 },
	{ "в 2023 году", NULL, P, "2023-01-01", "2023-12-31", 0, 0, 0 },
	{ "до 2024 г.", NULL, U, "", "", 0, 0, 0 },
	{ "ежегодно в мае 2024", NULL, U, "", "", 0, 0, 0 },
	{ "до 30.08.2023, до 15.09.2023", NULL, U, "", "", 0, 0, 0 },
	{ "сентябрь -", S, U, "", "", 0, 0, 0 },
	{ "Срок: до 15.09.2023", NULL, D, "2023-09-15", "2023-09-15", 0, 0, 0 },
	{ "15 сентября 2023 года включительно", NULL, D, "2023-09-15",
	    "2023-09-15", 0, 0, 0 },
	{ "до 1.9.2023", NULL, D, "2023-09-01", "2023-09-01", 0, 0, 0 },
	{ "2023-08-30", NULL, D, "2023-08-30", "2023-08-30", 0, 0, 0 },
	{ "30.08.23", NULL, D, "2023-08-30", "2023-08-30", 0, 0, 0 },
	{ "30/08/2023", NULL, D, "2023-08-30", "2023-08-30", 0, 0, 0 },

	/* years left out come from the school year, or the other end */
	{ "сентябрь", S, P, "2023-09-01", "2023-09-30", 0, 0, 0 },
	{ "январь", S, P, "2024-01-01", "2024-01-31", 0, 0, 0 },
	{ "январь", NULL, U, "", "", 0, 0, 0 },
	{ "в январе", S, P, "2024-01-01", "2024-01-31", 0, 0, 0 },
	{ "ноябрь-январь", S, P, "2023-11-01", "2024-01-31", 0, 0, 0 },
	{ "ноябрь - февраль 2024", NULL, P, "2023-11-01", "2024-02-29",
	    0, 0, 0 },
	{ "сентябрь 2023 - май", NULL, P, "2023-09-01", "2024-05-31", 0, 0, 0 },
	{ "с сентября по май", S, P, "2023-09-01", "2024-05-31", 0, 0, 0 },
	{ "с 01.09.2023 по 31.05.2024", NULL, P, "2023-09-01", "2024-05-31",
	    0, 0, 0 },
	{ "01.09.2023 - 31.05.2024", NULL, P, "2023-09-01", "2024-05-31",
	    0, 0, 0 },
	{ "с 1 по 15 сентября 2023 г.", NULL, P, "2023-09-01", "2023-09-15",
	    0, 0, 0 },
	{ "Сентябрь 2023-2024 уч.г.", NULL, P, "2023-09-01", "2023-09-30",
	    0, 0, 0 },
	{ "март 2023-2024 уч.г.", NULL, P, "2024-03-01", "2024-03-31", 0, 0, 0 },
	{ "до конца сентября", S, D, "2023-09-30", "2023-09-30", 0, 0, 0 },
	{ "до конца учебного года", S, D, "2024-08-31", "2024-08-31", 0, 0, 0 },
	{ "до конца учебного года", NULL, U, "", "", 0, 0, 0 },
	{ "до конца года", S, U, "", "", 0, 0, 0 },
	{ "в 1 квартале 2024 г.", NULL, P, "2024-01-01", "2024-03-31", 0, 0, 0 },
	{ "2024 год", NULL, P, "2024-01-01", "2024-12-31", 0, 0, 0 },
	{ "2023-2024 учебный год", NULL, P, "2023-09-01", "2024-08-31",
	    0, 0, 0 },
	{ "в течение учебного года", S, P, "2023-09-01", "2024-08-31", 0, 0, 0 },
	{ "в течение всего учебного года", S, P, "2023-09-01", "2024-08-31",
	    0, 0, 0 },
	{ "в сентябре и мае", S, R, "2023-09-01", "2024-05-31",
	    M(9) | M(5), 12, 0 },
	{ "29.02", S, D, "2024-02-29", "2024-02-29", 0, 0, 0 },

	/* more recurring */
	{ "раз в полгода", S, R, "", "", 0, 6, 0 },
	{ "1 раз в месяц", S, R, "", "", 0, 1, 0 },
	{ "3 раза в год", S, R, "", "", 0, 4, 0 },
	{ "4 раза в год", S, R, "", "", 0, 3, 0 },
	{ "дважды в год", S, R, "", "", 0, 6, 0 },
	{ "каждый квартал", S, R, "", "", 0, 3, 0 },
	{ "ежемесячно до 5 числа", S, R, "", "", 0, 1, 5 },
	{ "до 5 числа каждого месяца", S, R, "", "", 0, 1, 5 },
	{ "ежегодно до 15.12", S, R, "", "", M(12), 12, 15 },
	{ "ежегодно, в сентябре", NULL, R, "", "", M(9), 12, 0 },
	{ "Ежегодно до 15 января и 15 мая", NULL, R, "", "", M(1) | M(5),
	    12, 15 },

	/* not guessed */
	{ "31.02.2024", NULL, U, "", "", 0, 0, 0 },
	{ "до 31.02", S, U, "", "", 0, 0, 0 },
	{ "29.02", "2022-2023", U, "", "", 0, 0, 0 },
	{ "до сентября 2023", NULL, U, "", "", 0, 0, 0 },
	{ "с 01.09.2023", NULL, U, "", "", 0, 0, 0 },
	{ "31.12.2023 - 01.09.2023", NULL, U, "", "", 0, 0, 0 },
	{ "сентябрь 2023, март 2025", NULL, U, "", "", 0, 0, 0 },
	{ "2 раза в месяц", S, U, "", "", 0, 0, 0 },
	{ "5 раз в год", S, U, "", "", 0, 0, 0 },
	{ "999 раз в год", S, U, "", "", 0, 0, 0 },
	{ "еженедельно", S, U, "", "", 0, 0, 0 },
	{ "ежеквартально до 5 числа", S, U, "", "", 0, 0, 0 },
	{ "Ежегодно не позднее 31 февраля", S, U, "", "", 0, 0, 0 },
	{ "Ежегодно до 15 января и 20 мая", S, U, "", "", 0, 0, 0 },
	{ "по запросу, не позднее 15 мая", S, U, "", "", 0, 0, 0 },
	{ "постоянно, по запросу", S, U, "", "", 0, 0, 0 },
	{ "1 четверть", S, U, "", "", 0, 0, 0 },
	{ "1 полугодие", S, U, "", "", 0, 0, 0 },
	{ "1985", NULL, U, "", "", 0, 0, 0 },
	{ "30.08.2023 или позже", NULL, U, "", "", 0, 0, 0 },
	{ "", S, U, "", "", 0, 0, 0 },
	{ "   ", S, U, "", "", 0, 0, 0 },
	{ "сентябрь", "2023", U, "", "", 0, 0, 0 },
	{ "сентябрь", "2023-2025", U, "", "", 0, 0, 0 }
};

static const char *
kind_name(int k)
{
	return (deadline_kind_code(k));
}

static void
test_table(void)
{
	const struct row	*r;
	struct deadline		 d;
	size_t			 i;
	int			 rc, good;

	for (i = 0; i < nitems(rows); i++) {
		r = &rows[i];
		memset(&d, 0x5a, sizeof d);
		rc = deadline_parse(r->text, r->sy, &d);
		good = d.kind == r->kind && strcmp(d.from, r->from) == 0 &&
		    strcmp(d.to, r->to) == 0 && d.months == r->months &&
		    d.every == r->every && d.day == r->day &&
		    rc == (r->kind == DL_UNPARSED);
		if (!ok(good, "'%s' (%s) is %s %s..%s", r->text,
		    r->sy ? r->sy : "no year", kind_name(r->kind), r->from,
		    r->to))
			diag("got rc %d %s '%.10s'..'%.10s' months %#x every "
			    "%d day %d", rc, kind_name(d.kind), d.from, d.to,
			    (unsigned)d.months, d.every, d.day);
	}
	ok(deadline_parse(NULL, S, &d) == 1 && d.kind == DL_UNPARSED,
	    "NULL text is unparsed");
}

/* Parse, then the due date as of today, or "ERR". */
static const char *
due(const char *text, const char *sy, const char *today)
{
	static char	iso[DATE_ISO_LEN];
	struct deadline	d;

	deadline_parse(text, sy, &d);
	if (deadline_due(&d, today, iso) != 0)
		return ("ERR");
	return (iso);
}

static int
overdue(const char *text, const char *sy, const char *done,
    const char *today)
{
	struct deadline	d;

	deadline_parse(text, sy, &d);
	return (deadline_overdue(&d, done, today));
}

static void
test_due(void)
{
	is_str(due("До 30.08.2023 г", S, "2023-08-29"), "2023-08-30",
	    "a date is due on itself");
	is_str(due("До 30.08.2023 г", S, "2024-01-01"), "2023-08-30",
	    "and still after it");
	is_str(due("Сентябрь-октябрь 2023 г", S, "2023-09-10"), "2023-10-31",
	    "a period is due at its end");
	is_str(due("1 раз в квартал", S, "2024-02-10"), "2024-03-31",
	    "quarterly: the end of this quarter");
	is_str(due("1 раз в квартал", S, "2024-03-31"), "2024-03-31",
	    "quarterly: due today is the current one");
	is_str(due("1 раз в квартал", S, "2024-04-01"), "2024-06-30",
	    "quarterly: the next quarter from its first day");
	is_str(due("ежемесячно", S, "2024-02-10"), "2024-02-29",
	    "monthly: the month's last day, leap February");
	is_str(due("2 раза в год", S, "2024-07-01"), "2024-12-31",
	    "twice a year: the half-year's end");
	is_str(due("ежегодно", S, "2024-07-01"), "2024-12-31",
	    "yearly: the calendar year's end");
	is_str(due("Ежегодно, не позднее 15 декабря", S, "2023-12-15"),
	    "2023-12-15", "yearly by 15 Dec: on the day");
	is_str(due("Ежегодно, не позднее 15 декабря", S, "2023-12-16"),
	    "2024-12-15", "yearly by 15 Dec: next year's the day after");
	is_str(due("Ежегодно в январе и мае", S, "2024-01-15"), "2024-01-31",
	    "January and May: in January");
	is_str(due("Ежегодно в январе и мае", S, "2024-02-01"), "2024-05-31",
	    "January and May: between them, May");
	is_str(due("Ежегодно в январе и мае", S, "2024-06-01"), "2025-01-31",
	    "January and May: after May, next January");
	is_str(due("Сентябрь, март 2023-2024 уч. год.", NULL, "2023-08-01"),
	    "2023-09-30", "bounded: before it starts, its first occurrence");
	is_str(due("Сентябрь, март 2023-2024 уч. год.", NULL, "2023-10-01"),
	    "2024-03-31", "bounded: March after September");
	is_str(due("Сентябрь, март 2023-2024 уч. год.", NULL, "2025-06-01"),
	    "2024-03-31", "bounded: after its end, its last occurrence");
	is_str(due("ежемесячно до 5 числа", S, "2024-03-05"), "2024-03-05",
	    "monthly by the 5th: on the 5th");
	is_str(due("ежемесячно до 5 числа", S, "2024-03-06"), "2024-04-05",
	    "monthly by the 5th: the day after, next month");
	is_str(due("ежемесячно до 31 числа", S, "2024-04-10"), "2024-04-30",
	    "monthly by the 31st: April's last day");
	is_str(due("В течение всего периода", S, "2024-01-01"), "",
	    "ongoing: no due date");
	is_str(due("По запросу", S, "2024-01-01"), "", "on request: none");
	is_str(due("как получится", S, "2024-01-01"), "", "unparsed: none");
	is_str(due("До 30.08.2023 г", S, "2023-02-30"), "ERR",
	    "an impossible today is refused");
	is_str(due("ежемесячно", S, "9999-12-31"), "",
	    "a today far past any written year has no occurrence");
}

static void
test_overdue(void)
{
	const char	*q = "1 раз в квартал";
	const char	*y = "Ежегодно, не позднее 15 декабря";
	const char	*jm = "Ежегодно в январе и мае";
	const char	*b = "Сентябрь, март 2023-2024 уч. год.";
	const char	*m5 = "ежемесячно до 5 числа";

	is_int(overdue("До 30.08.2023 г", S, NULL, "2023-08-30"), 0,
	    "date: not overdue on the day");
	is_int(overdue("До 30.08.2023 г", S, NULL, "2023-08-31"), 1,
	    "date: overdue the day after");
	is_int(overdue("До 30.08.2023 г", S, "", "2023-08-31"), 1,
	    "date: an empty done date is not done");
	is_int(overdue("До 30.08.2023 г", S, "2023-09-05", "2023-09-10"), 0,
	    "date: done late is done, not overdue");
	is_int(overdue("Сентябрь-октябрь 2023 г", S, NULL, "2023-10-31"), 0,
	    "period: not overdue on its last day");
	is_int(overdue("Сентябрь-октябрь 2023 г", S, NULL, "2023-11-01"), 1,
	    "period: overdue after it");
	is_int(overdue(q, S, NULL, "2023-12-31"), 1,
	    "quarterly: Q3 never done, overdue in Q4");
	is_int(overdue(q, S, "2023-07-01", "2023-12-31"), 0,
	    "quarterly: done on Q3's first day");
	is_int(overdue(q, S, "2023-06-30", "2023-12-31"), 1,
	    "quarterly: done in Q2 does not count for Q3");
	is_int(overdue(q, S, NULL, "2024-02-10"), 1,
	    "quarterly: Q4 not done");
	is_int(overdue(q, S, "2023-10-01", "2024-02-10"), 0,
	    "quarterly: Q4 done on its first day");
	is_int(overdue(q, S, "2023-12-31", "2024-04-01"), 1,
	    "quarterly: on 1 April, done on 31 Dec misses Q1");
	is_int(overdue(q, S, "2024-01-15", "2024-04-01"), 0,
	    "quarterly: on 1 April, done in Q1");
	is_int(overdue(y, S, "2022-12-16", "2023-12-16"), 0,
	    "by 15 Dec: done the day after last year's");
	is_int(overdue(y, S, "2022-12-15", "2023-12-16"), 1,
	    "by 15 Dec: done on last year's day is last year's");
	is_int(overdue(y, S, NULL, "2023-12-15"), 1,
	    "by 15 Dec: on the day, last year's one counts");
	is_int(overdue(y, S, "2023-03-01", "2023-12-15"), 0,
	    "by 15 Dec: on the day, done this year");
	is_int(overdue(jm, S, "2023-12-20", "2024-02-01"), 1,
	    "January and May: done in December misses January");
	is_int(overdue(jm, S, "2024-01-10", "2024-02-01"), 0,
	    "January and May: done in January");
	is_int(overdue(jm, S, "2023-05-02", "2024-01-15"), 0,
	    "January and May: in January, May's is the one past");
	is_int(overdue(b, NULL, NULL, "2023-08-01"), 0,
	    "bounded: nothing due yet");
	is_int(overdue(b, NULL, NULL, "2023-10-01"), 1,
	    "bounded: September not done");
	is_int(overdue(b, NULL, "2023-09-20", "2024-03-31"), 0,
	    "bounded: September done, March not yet due");
	is_int(overdue(b, NULL, "2023-09-20", "2024-04-01"), 1,
	    "bounded: March not done");
	is_int(overdue(b, NULL, "2024-03-01", "2026-01-01"), 0,
	    "bounded: long after, March done");
	is_int(overdue(m5, S, "2024-02-06", "2024-03-06"), 0,
	    "by the 5th: done on the 6th of the month before");
	is_int(overdue(m5, S, "2024-02-05", "2024-03-06"), 1,
	    "by the 5th: done on the 5th counted for February");
	is_int(overdue("В течение всего периода", S, NULL, "2030-01-01"), 0,
	    "ongoing: never overdue");
	is_int(overdue("По отдельному графику", S, NULL, "2030-01-01"), 0,
	    "on request: never overdue");
	is_int(overdue("когда-нибудь", S, NULL, "2030-01-01"), 0,
	    "unparsed: never overdue");
	is_int(overdue("До 30.08.2023 г", S, NULL, "вчера"), 0,
	    "an invalid today: not overdue");
}

static void
test_codes(void)
{
	is_str(deadline_kind_code(DL_DATE), "date", "code of a date");
	is_str(deadline_kind_code(DL_ON_REQUEST), "on-request",
	    "code of on request");
	is_str(deadline_kind_code(DL_UNPARSED), "unparsed", "code of unparsed");
	is_str(deadline_kind_code(99), "unparsed", "an unknown kind's code");
	is_str(deadline_kind_label(DL_RECURRING), "recurring",
	    "label, untranslated in C");
	is_str(deadline_kind_label(-1), "not understood",
	    "an unknown kind's label");
}

/* ---- fuzzing ---- */

static uint64_t	rng = 0x9e3779b97f4a7c15ULL;

static uint32_t
rnd(uint32_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return ((uint32_t)(rng >> 32) % n);
}

static const char *const pieces[] = {
	"до ", "не позднее ", "с ", " по ", "в течение ", "ежегодно",
	"ежемесячно", "ежеквартально", " раз в ", " раза в ", "год", "квартал",
	"месяц", "полгода", "числа", "каждого", "конца", "учебного года",
	"январь", "января", "феврале", "мае", "сент.", "декабря", "ИЮНЬ",
	"Сентябрь", "март", " и ", ", ", "-", "–", "—", ".", "/", " ",
	"\xc2\xa0", "г.", "гг.", "уч.г.", "(", ")", "[", "]", "по запросу",
	"постоянно", "всего периода", "2023", "2024", "1990", "2199", "9999",
	"0000", "31", "29", "02", "1", "0", "12", "99999999999", "30.08.2023",
	"31.02.2024", "2023-2024", "2022-2023", "15.12", "2023-08-30",
	"\xff", "\xd0", "\xe2\x80", "\xc0\xaf", "\xed\xa0\x80", "\x01", "\t",
	"ё", "Ё", "\xf4\x8f\xbf\xbf", "%s%n"
};

static void
fuzz_one(char *buf, size_t size)
{
	size_t	len = 0, n, k;
	int	mode = (int)rnd(4), parts, i;

	buf[0] = '\0';
	parts = (int)rnd(mode == 3 ? 400 : 12) + 1;
	for (i = 0; i < parts && len + 8 < size; i++) {
		if (mode == 0) {			/* raw bytes */
			buf[len++] = (char)(rnd(255) + 1);
			continue;
		}
		if (mode == 1 && rnd(3) == 0) {		/* Cyrillic */
			buf[len++] = (char)0xd0;
			buf[len++] = (char)(0x90 + rnd(0x30));
			continue;
		}
		if (mode == 1 && rnd(2) == 0) {		/* digits, dots */
			buf[len++] = "0123456789.-"[rnd(12)];
			continue;
		}
		k = rnd(nitems(pieces));
		n = strlen(pieces[k]);
		if (len + n + 1 >= size)
			break;
		memcpy(buf + len, pieces[k], n);
		len += n;
	}
	buf[len] = '\0';
}

static int
iso_or_empty(const char *s)
{
	return (memchr(s, '\0', DATE_ISO_LEN) != NULL &&
	    (s[0] == '\0' || date_iso_valid(s)));
}

static void
test_fuzz(void)
{
	static const char *const years[] = { S, NULL, "2199-2200", "x", "" };
	static const char *const days[] = {
		"2023-09-01", "2024-02-29", "2024-12-31", "1991-01-01",
		"2198-12-31", "0001-01-01", "9999-12-31"
	};
	struct deadline	 d;
	char		 buf[4096], iso[DATE_ISO_LEN];
	clock_t		 t0 = clock();
	long		 bad = 0, parsed = 0, i;
	int		 rc;

	for (i = 0; i < 200000; i++) {
		fuzz_one(buf, rnd(8) == 0 ? sizeof buf : 64);
		rc = deadline_parse(buf, years[rnd(nitems(years))], &d);
		if (rc == 0)
			parsed++;
		if (d.kind < DL_DATE || d.kind > DL_UNPARSED ||
		    rc != (d.kind == DL_UNPARSED) || !iso_or_empty(d.from) ||
		    !iso_or_empty(d.to) || (d.kind == DL_DATE &&
		    strcmp(d.from, d.to) != 0) || (d.kind == DL_PERIOD &&
		    strcmp(d.from, d.to) > 0)) {
			if (bad++ < 5)
				diag("bad result for '%s'", buf);
			continue;
		}
		if (deadline_due(&d, days[rnd(nitems(days))], iso) != 0 ||
		    !iso_or_empty(iso)) {
			if (bad++ < 5)
				diag("bad due date for '%s'", buf);
		}
		(void)deadline_overdue(&d, rnd(2) ? NULL : days[rnd(7)],
		    days[rnd(nitems(days))]);
	}
	ok(bad == 0, "200000 random strings: valid kinds and dates (%ld "
	    "understood)", parsed);
	diag("fuzzing took %.2f s", (double)(clock() - t0) / CLOCKS_PER_SEC);
}

int
main(void)
{
	setlocale(LC_ALL, "C");
	test_table();
	test_due();
	test_overdue();
	test_codes();
	test_fuzz();
	return (done_testing());
}
