/* t-report.c: the report engine (widths, wrapping, pages, encodings) and every report on a fixture and the demo school. */
#include "config.h"

#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "consent.h"
#include "date.h"
#include "db.h"
#include "demo.h"
#include "person.h"
#include "report.h"
#include "text.h"
#include "util.h"

#include "tap.h"
#include "testlib.h"

#define TODAY	"2025-11-20"
#define SCHOOL	"МБОУ «СОШ № 7» г. Энска"
#define SURNAME	"Константинопольскаяпреображенск"	/* 31 letters */

static char	tmp[256];

/* The widest line in display columns, form feeds as line ends. */
static int
widest(const char *s)
{
	const char	*p = s, *e;
	char		*line;
	int		 w, most = 0;

	while (*p != '\0') {
		e = p + strcspn(p, "\n\f");
		line = xstrndup(p, (size_t)(e - p));
		if ((w = text_width(line)) > most)
			most = w;
		free(line);
		p = *e != '\0' ? e + 1 : e;
	}
	return (most);
}

/* The longest page in lines (lines between form feeds) and the page count. */
static int
longest_page(const char *s, int *pages)
{
	int	n = 0, most = 0;

	*pages = 1;
	for (; *s != '\0'; s++) {
		if (*s == '\n')
			n++;
		else if (*s == '\f') {
			if (n > most)
				most = n;
			n = 0;
			(*pages)++;
		}
	}
	return (n > most ? n : most);
}

/* The text with every run of spaces as one: figures without the layout. */
static char *
squeeze(const char *s)
{
	char	*t = xstrdup(s != NULL ? s : ""), *d = t;

	for (; *s != '\0'; s++)
		if (*s != ' ' || d == t || d[-1] != ' ')
			*d++ = *s;
	*d = '\0';
	return (t);
}

#define has(text, needle, ...) do {					\
	char *sq_ = squeeze(text);					\
	like(sq_, needle, __VA_ARGS__);					\
	free(sq_);							\
} while (0)

static int
count(const char *s, const char *needle)
{
	int	n = 0;

	while ((s = strstr(s, needle)) != NULL) {
		n++;
		s += strlen(needle);
	}
	return (n);
}

static const struct report_col cols[] = {
	{ "No.", 4, 0, 1 },
	{ "Name", 10, 3, 0 },
	{ "Evidence", 10, 2, 0 },
};

static void
t_wrap(void)
{
	struct report_opts	 o;
	struct report		*r;
	struct sbuf		 out;
	struct nerr		 err;
	const char		*row[3];
	char			*name;
	int			 w;

	for (w = 40; w <= 80; w += 20) {
		report_opts_init(&o);
		o.width = w;
		o.page_length = 0;
		o.as_of = TODAY;
		r = report_new(&o, SCHOOL, "Тест");
		report_table(r, cols, 3);
		xasprintf(&name, "%s Иван Петрович", SURNAME);
		row[0] = "1";
		row[1] = name;
		row[2] = "протокол педагогического совета № 3 от 12.10.2025, "
		    "размещён на сайте школы в разделе «Наставничество»";
		report_row(r, row);
		row[0] = "2";
		row[1] = "Ёлкин\x1b[31m Ёж";
		row[2] = "";
		report_row(r, row);
		report_table_end(r);
		sbuf_init(&out);
		ok(report_render(r, &out, &err) == 0, "width %d: rendered", w);
		is_int(widest(out.s), w, "width %d: no line wider, the widest "
		    "exactly as wide", w);
		like(out.s, "^[", "width %d: escape from the data shown "
		    "escaped", w);
		ok(strchr(out.s, '\x1b') == NULL, "width %d: no raw escape", w);
		like(out.s, "as of 20.11.2025", "width %d: the date", w);
		/* The 31-letter surname at width 40 gets cut inside its cell. */
		if (w < 80)
			like(out.s, "Константинопольс", "width %d: the long "
			    "surname cut inside its cell", w);
		else
			like(out.s, SURNAME, "width %d: the long surname whole",
			    w);
		like(out.s, "педагогического", "width %d: evidence wraps by "
		    "words", w);
		free(name);
		sbuf_free(&out);
		report_free(r);
	}
	/* Every wrapped line of the evidence starts in its column. */
	report_opts_init(&o);
	o.page_length = 0;
	r = report_new(&o, SCHOOL, "Тест");
	report_table(r, cols, 3);
	row[0] = "1";
	row[1] = "Иванов";
	row[2] = "аааа бббб вввв гггг дддд ееее жжжж зззз ииии кккк лллл "
	    "мммм нннн оооо пппп рррр сссс тттт уууу";
	report_row(r, row);
	sbuf_init(&out);
	report_render(r, &out, &err);
	/* width 80: 4 + 2 + (10 + 31) + 2 = 49 columns before the evidence */
	like(out.s, "\n                                                 жжжж",
	    "continuation lines are indented to their column");
	ok(count(out.s, "\n") > 6, "the long cell took several lines");
	sbuf_free(&out);
	report_free(r);

	/* Too narrow for the table: said, not broken. */
	report_opts_init(&o);
	o.width = 20;
	r = report_new(&o, SCHOOL, "Тест");
	report_table(r, (const struct report_col[]){ { "a", 15, 0, 0 },
	    { "b", 15, 0, 0 } }, 2);
	sbuf_init(&out);
	ok(report_render(r, &out, &err) == -1, "a table wider than the page "
	    "is refused");
	like(err.msg, "at least 32 columns", "... saying how wide it must be");
	sbuf_free(&out);
	report_free(r);
}

static void
t_pages(void)
{
	struct report_opts	 o;
	struct report		*r;
	struct sbuf		 out;
	struct nerr		 err;
	const char		*row[3];
	char			 no[16], *p;
	int			 i, pages, longest;

	report_opts_init(&o);
	o.page_length = 30;
	r = report_new(&o, SCHOOL, "Реестр");
	report_heading(r, "Раздел");
	report_table(r, cols, 3);
	for (i = 1; i <= 100; i++) {
		snprintf(no, sizeof no, "%d", i);
		row[0] = no;
		row[1] = i % 7 == 0 ? "Очень длинное имя, которое точно не "
		    "поместится в одну строку" : "Иванов";
		row[2] = "да";
		report_row(r, row);
	}
	report_table_end(r);
	sbuf_init(&out);
	ok(report_render(r, &out, &err) == 0, "100 rows rendered");
	longest = longest_page(out.s, &pages);
	ok(longest <= 30, "no page longer than 30 lines (longest %d)",
	    longest);
	ok(pages >= 4, "several pages (%d)", pages);
	is_int(count(out.s, "\f"), pages - 1, "a form feed between pages");
	xasprintf(&p, "page %d of %d", pages, pages);
	like(out.s, p, "the last page says so");
	free(p);
	like(out.s, "page 1 of ", "the first page too");
	is_int(count(out.s, SCHOOL), pages, "the school on every page");
	is_int(count(out.s, "Evidence"), pages, "the table's header repeats "
	    "on every page");
	like(out.s, "\n 100  ", "the last row is there");
	sbuf_free(&out);

	/* No pages: no form feed, no page numbers. */
	report_free(r);
	o.page_length = 0;
	r = report_new(&o, SCHOOL, "Реестр");
	report_para(r, "Текст.");
	sbuf_init(&out);
	report_render(r, &out, &err);
	ok(strchr(out.s, '\f') == NULL, "page length 0: no form feed");
	unlike(out.s, "page ", "... and no page numbers");
	sbuf_free(&out);
	report_free(r);
}

/* iconv back to UTF-8. */
static char *
decode(const char *s, size_t len, const char *from)
{
	iconv_t	 cd = iconv_open("UTF-8", from);
	char	*out, *ip = (char *)(uintptr_t)s, *op;
	size_t	 il = len, ol = len * 4 + 1;

	out = xcalloc(1, ol + 1);
	op = out;
	if (cd == (iconv_t)-1)
		return (out);
	iconv(cd, &ip, &il, &op, &ol);
	iconv_close(cd);
	return (out);
}

static void
t_encodings(void)
{
	static const char *const enc[] = { "cp866", "cp1251", "koi8-r" };
	static const char *const ic[] = { "CP866", "CP1251", "KOI8-R" };
	const char	*text = "Ёлкин Фёдор, 7Б: съешь же ещё этих мягких "
	    "французских булок\n\fЭЮЯ эюя\n";
	struct sbuf	 out;
	struct nerr	 err;
	char		*back;
	size_t		 i;
	int		 rep;

	for (i = 0; i < nitems(enc); i++) {
		sbuf_init(&out);
		ok(report_encode(text, enc[i], &out, &rep, &err) == 0,
		    "%s: encoded", enc[i]);
		is_int(rep, 0, "%s: nothing replaced", enc[i]);
		back = decode(out.s, out.len, ic[i]);
		is_str(back, text, "%s: round trip through iconv", enc[i]);
		free(back);
		sbuf_reset(&out);
		report_encode("a\xe2\x98\x83" "b\xe4\xb8\xad" "\xe2\x86\x92", enc[i],
		    &out, &rep, &err);
		is_str(out.s, "a?b?>", "%s: a snowman and a hanzi become '?', "
		    "an arrow '>'", enc[i]);
		is_int(rep, 2, "%s: ... and the two are counted", enc[i]);
		sbuf_free(&out);
	}
	ok(report_encoding_valid("UTF-8") && report_encoding_valid("KOI8-R"),
	    "encoding names in any case");
	ok(!report_encoding_valid("latin1"), "latin1 is not offered");
	sbuf_init(&out);
	ok(report_encode(text, "latin1", &out, &rep, &err) == -1,
	    "an unknown encoding is refused");
	like(err.msg, "koi8-r", "... naming those there are");
	sbuf_free(&out);
}

/* A fixture: 3 pupils and a teacher, consents by hand. */
static void
t_fixture(struct db *db)
{
	struct report_opts	 o;
	struct person		 p;
	struct consent		 c;
	struct sbuf		 out;
	struct nerr		 err;
	static const char *const names[][3] = {
		{ SURNAME, "Иван", "7Б" }, { "Петров", "Пётр", "7Б" },
		{ "Сидорова", "Анна", "8А" }, { "Орлова", "Мария", NULL },
	};
	long long		 id[4];
	int			 i;

	for (i = 0; i < 4; i++) {
		person_init(&p);
		p.last = xstrdup(names[i][0]);
		p.first = xstrdup(names[i][1]);
		p.category = names[i][2] != NULL ? CAT_PUPIL : CAT_TEACHER;
		p.class_ = names[i][2] != NULL ? xstrdup(names[i][2]) : NULL;
		p.birth = names[i][2] != NULL ? xstrdup("2012-03-01") : NULL;
		if (person_insert(db, &p, &err) != 0)
			diag("person_insert: %s", err.msg);
		id[i] = p.id;
		person_free(&p);
	}
	/* Pupils 2 and 3 covered (by a parent), the teacher too. */
	for (i = 1; i < 4; i++) {
		consent_init(&c);
		c.person_id = id[i];
		c.kind = CK_PD;
		c.signed_ = xstrdup("2025-09-01");
		if (i < 3) {
			c.by_representative = 1;
			c.rep_name = xstrdup("Мать Ученика");
			c.rep_relation = xstrdup("мать");
		}
		if (consent_add(db, &c, &err) != 0)
			diag("consent_add: %s", err.msg);
		consent_free(&c);
	}
	report_opts_init(&o);
	sbuf_init(&out);
	ok(report_make(db, "consents", &o, &out, &err) == 0, "consents on the "
	    "fixture");
	/* pupils 3, covered 2: 66 % (rounded down), short 1; all 4, 3, 75 % */
	has(out.s, "\npupil 3 2 66 % 100 % 1\n", "pupils: 2 of 3, 66 %%, "
	    "one short");
	has(out.s, "\nTotal 4 3 75 % 100 % 1\n", "total: 3 of 4, 75 %%");
	like(out.s, "7Б  ", "by class: 7Б");
	like(out.s, "Константинопольскаяпр", "who owes: the pupil with no "
	    "consent");
	like(out.s, "(not recorded)", "... signed for by "
	    "a representative not yet recorded");
	unlike(out.s, "Петров Пётр ", "the covered pupil owes nothing");
	sbuf_reset(&out);
	ok(report_make(db, "participants", &o, &out, &err) == 0,
	    "participants on the fixture");
	has(out.s, "\nTotal 4 0 0\n", "4 participants");
	like(out.s, "7Б: 2; 8А: 1", "pupils by class");
	sbuf_reset(&out);
	o.width = 60;
	ok(report_make(db, "participants", &o, &out, &err) == 0,
	    "participants at width 60");
	ok(widest(out.s) <= 60, "... no line over 60 (widest %d)",
	    widest(out.s));
	sbuf_reset(&out);
	o.width = 40;
	ok(report_make(db, "participants", &o, &out, &err) == -1,
	    "participants at width 40: the register does not fit");
	like(err.msg, "give a width of", "... said with the width it needs");
	sbuf_reset(&out);
	ok(report_make(db, "nosuch", &o, &out, &err) == -1, "an unknown "
	    "report is refused");
	o.width = 30;
	ok(report_make(db, "roadmap", &o, &out, &err) == -1, "a width of 30 "
	    "is refused");
	like(err.msg, "40 to 400", "... saying the range");
	sbuf_free(&out);
}

/* Every report on the demo school at 80 and 60 columns, pages of 66 and 30. */
static void
t_demo(struct db *db)
{
	struct report_opts	 o;
	struct sbuf		 out;
	struct nerr		 err;
	int			 i, w, pl, pages, longest;

	for (i = 0; i < report_ndefs; i++)
		for (w = 60; w <= 80; w += 20)
			for (pl = 30; pl <= 66; pl += 36) {
				report_opts_init(&o);
				o.width = w;
				o.page_length = pl;
				o.pair = 3;
				sbuf_init(&out);
				if (!ok(report_make(db, report_defs[i].name, &o,
				    &out, &err) == 0, "demo: %s at %d x %d",
				    report_defs[i].name, w, pl))
					diag("%s", err.msg);
				ok(out.s != NULL && widest(out.s) <= w,
				    "... no line over %d", w);
				longest = longest_page(out.s != NULL ? out.s :
				    "", &pages);
				ok(longest <= pl, "... no page over %d lines "
				    "(%d)", pl, longest);
				sbuf_free(&out);
			}
	report_opts_init(&o);
	sbuf_init(&out);
	report_make(db, "summary", &o, &out, &err);
	has(out.s, "\nAll participants 170\n", "summary: 170 participants");
	has(out.s, "146 of 170, 85 % 100 % no", "summary: consents "
	    "85 %% against 100 %%");
	like(out.s, "All pairs and groups at work", "summary: pairs at work");
	sbuf_reset(&out);
	report_make(db, "pairs", &o, &out, &err);
	has(out.s, "\nTotal 9 1 12\n",
	    "pairs: 10 at work (the group counted with its 3 mentees)");
	sbuf_reset(&out);
	o.pair = 3;
	report_make(db, "agreement", &o, &out, &err);
	like(out.s, "Mentoring agreement No. 3", "agreement: its number");
	like(out.s, "(signature)", "... lines to sign");
	sbuf_reset(&out);
	o.pair = 9999;
	ok(report_make(db, "plan", &o, &out, &err) == -1, "plan of a pair "
	    "that is not there is refused");
	sbuf_free(&out);
}

int
main(void)
{
	struct db	*db;
	struct nerr	 err;

	setlocale(LC_ALL, "C.UTF-8");
	if (t_tmpdir(tmp, sizeof tmp, "t-report") != 0) {
		printf("1..0 # SKIP no temporary folder\n");
		return (0);
	}
	if (date_set_today(TODAY, &err) != 0) {
		printf("Bail out! %s\n", err.msg);
		return (1);
	}
	t_wrap();
	t_pages();
	t_encodings();
	if ((db = t_open_db(tmp, "fixture.db")) == NULL) {
		printf("Bail out! cannot open a database\n");
		return (1);
	}
	db_set_setting(db, "school.name", SCHOOL, &err);
	t_fixture(db);
	db_close(db);
	if ((db = t_open_db(tmp, "demo.db")) == NULL) {
		printf("Bail out! cannot open a database\n");
		return (1);
	}
	if (demo_fill(db, NULL, 1, &err) != 0)
		diag("demo_fill: %s", err.msg);
	t_demo(db);
	db_close(db);
	t_rmtree(tmp);
	return (done_testing());
}
