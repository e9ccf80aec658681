/* t-roadmap.c: the roadmap: roadmaps, items, done, overdue, progress, templates, import, demo. */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "csvio.h"
#include "date.h"
#include "db.h"
#include "deadline.h"
#include "demo.h"
#include "roadmap.h"
#include "util.h"

#include "tap.h"
#include "testlib.h"

static char	tmpdir[256];

static struct db *
fresh_db(const char *name)
{
	struct nerr	 err;
	struct db	*db;
	const char	*path = t_path(tmpdir, name);

	nerr_clear(&err);
	if (db_open(&db, path, DB_OPEN_CREATE, &err) != 0) {
		printf("Bail out! cannot open %s: %s\n", path, err.msg);
		exit(1);
	}
	return (db);
}

static void
today(const char *iso)
{
	struct nerr	err;

	if (date_set_today(iso, &err) != 0) {
		printf("Bail out! %s\n", err.msg);
		exit(1);
	}
}

static const char *
fixture(const char *name)
{
	static char	 path[1024];
	const char	*top = getenv("top_srcdir");

	snprintf(path, sizeof path, "%s/tests/data/%s", top != NULL ? top :
	    ".", name);
	return (path);
}

static const char *
write_file(const char *name, const char *text)
{
	static char	 path[512];
	FILE		*f;

	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	if ((f = fopen(path, "w")) == NULL || fputs(text, f) == EOF ||
	    fclose(f) != 0) {
		printf("Bail out! cannot write %s\n", path);
		exit(1);
	}
	return (path);
}

/* A CP1251 copy of a UTF-8 file, as Russian Excel saves it. */
static const char *
cp1251_copy(const char *src, const char *name)
{
	static char	 path[512];
	char		 in[8192], out[8192], *ip, *op;
	size_t		 il, ol, n;
	iconv_t		 cd;
	FILE		*f;

	if ((f = fopen(src, "r")) == NULL)
		return (NULL);
	n = fread(in, 1, sizeof in, f);
	fclose(f);
	if ((cd = iconv_open("CP1251", "UTF-8")) == (iconv_t)-1)
		return (NULL);
	ip = in;
	il = n;
	op = out;
	ol = sizeof out;
	if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1) {
		iconv_close(cd);
		return (NULL);
	}
	iconv_close(cd);
	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	if ((f = fopen(path, "w")) == NULL)
		return (NULL);
	fwrite(out, 1, (size_t)(op - out), f);
	fclose(f);
	return (path);
}

static int
count_roadmaps(struct db *db)
{
	struct roadmap	*v;
	struct nerr	 err;
	int		 n;

	if (roadmap_list(db, &v, &n, &err) != 0)
		return (-1);
	roadmap_list_free(v, n);
	return (n);
}

/* The item of a roadmap with this number, read afresh; 0 if none. */
static int
item_of(struct db *db, long long rm, const char *number, struct rm_item *it)
{
	struct nerr	err;
	long long	id;

	rm_item_init(it);
	if ((id = rm_item_by_number(db, rm, number, &err)) <= 0)
		return (0);
	return (rm_item_get(db, id, it, &err) == 0);
}

static long long
add_item(struct db *db, long long sec, const char *number,
    const char *content, const char *deadline, const char *resp)
{
	struct rm_item	it;
	struct nerr	err;
	long long	id;

	rm_item_init(&it);
	it.section_id = sec;
	it.number = number ? xstrdup(number) : NULL;
	it.content = xstrdup(content);
	it.deadline_text = deadline ? xstrdup(deadline) : NULL;
	it.responsible = resp ? xstrdup(resp) : NULL;
	nerr_clear(&err);
	if (rm_item_save(db, &it, &err) != 0)
		diag("save %s: %s", content, err.msg);
	id = it.id;
	rm_item_free(&it);
	return (id);
}

static int
overdue_of(struct db *db, long long id)
{
	struct rm_item	it;
	struct nerr	err;
	int		o;

	if (rm_item_get(db, id, &it, &err) != 0)
		return (-1);
	o = it.overdue;
	rm_item_free(&it);
	return (o);
}

static void
test_roadmaps(struct db *db, long long *r1)
{
	struct roadmap	*v, r;
	struct nerr	 err;
	long long	 r2, bad;
	int		 n;

	is_int(roadmap_current(db, &err), 0, "no roadmap: current is 0");
	ok(roadmap_create(db, "Дорожная карта", "2025-2026", r1, &err) == 0,
	    "create a roadmap");
	is_int(roadmap_current(db, &err), *r1, "the first one is current");
	ok(roadmap_create(db, "Прошлый год", "2024-2025", &r2, &err) == 0,
	    "create another");
	is_int(roadmap_current(db, &err), *r1, "... the first stays current");
	ok(roadmap_create(db, "Плохой год", "2025-2027", &bad, &err) == -1,
	    "2025-2027 is not a school year");
	like(err.msg, "2025-2027", "... and the message quotes it");
	ok(roadmap_create(db, "  ", "2025-2026", &bad, &err) == -1,
	    "a blank title is refused");
	ok(roadmap_set_current(db, r2, &err) == 0, "choose the other");
	ok(roadmap_list(db, &v, &n, &err) == 0 && n == 2 && v[0].id == r2 &&
	    v[0].is_current && !v[1].is_current,
	    "list: two, the current first");
	roadmap_list_free(v, n);
	ok(roadmap_set_current(db, 999, &err) == -1, "no roadmap 999");
	like(err.msg, "999", "... the message names it");
	ok(roadmap_get(db, r2, &r, &err) == 0 &&
	    strcmp(r.school_year, "2024-2025") == 0 &&
	    strcmp(r.title, "Прошлый год") == 0, "get: title and year");
	roadmap_free(&r);
	ok(roadmap_delete(db, r2, &err) == 0, "delete the current one");
	is_int(roadmap_current(db, &err), *r1,
	    "... and the one left becomes current");
	ok(roadmap_get(db, *r1, &r, &err) == 0 && r.is_current,
	    "... marked so");
	roadmap_free(&r);
}

static void
test_items(struct db *db, long long r1, long long *s1, long long *s2)
{
	struct rm_section	*secs;
	struct rm_item		 it, a, b;
	struct nerr		 err;
	long long		 id, del;
	int			 n;

	ok(rm_section_add(db, r1, "Организация", s1, &err) == 0 &&
	    rm_section_add(db, r1, "Информирование", s2, &err) == 0,
	    "two sections");
	ok(rm_section_add(db, r1, "", &id, &err) == -1,
	    "a section needs a title");
	ok(rm_sections(db, r1, &secs, &n, &err) == 0 && n == 2 &&
	    secs[0].pos == 1 && secs[1].pos == 2 &&
	    strcmp(secs[1].title, "Информирование") == 0, "sections in order");
	rm_sections_free(secs, n);

	rm_item_init(&it);
	it.section_id = *s1;
	it.number = xstrdup("1.1");
	it.content = xstrdup("Издать приказ");
	it.deadline_text = xstrdup("до 30 сентября");
	it.responsible = xstrdup("Директор");
	ok(rm_item_save(db, &it, &err) == 0 && it.id > 0, "insert an item");
	is_int(it.pos, 1, "... first in its section");
	is_int(it.version, 1, "... version 1");
	is_int(it.dl.kind, DL_DATE, "... its deadline is a date");
	is_str(it.due, "2025-09-30", "... due in the roadmap's school year");
	is_int(it.overdue, 1, "... and overdue on 22.11.2025");
	id = it.id;
	rm_item_free(&it);

	rm_item_init(&it);
	it.section_id = *s1;
	it.content = xstrdup("  ");
	ok(rm_item_save(db, &it, &err) == -1, "an item with no content is "
	    "refused");
	like(err.msg, "content", "... saying what is missing");
	rm_item_free(&it);

	/* Two people open the same item; the second save is refused. */
	ok(rm_item_get(db, id, &a, &err) == 0 && rm_item_get(db, id, &b,
	    &err) == 0, "read the item twice");
	free(a.content);
	a.content = xstrdup("Издать приказ о наставничестве");
	ok(rm_item_save(db, &a, &err) == 0 && a.version == 2,
	    "the first save passes");
	free(b.content);
	b.content = xstrdup("Чужая правка");
	ok(rm_item_save(db, &b, &err) == -1, "the second is refused");
	like(err.msg, "Someone else changed", "... saying why");
	rm_item_free(&b);
	ok(rm_item_get(db, id, &b, &err) == 0 &&
	    strcmp(b.content, "Издать приказ о наставничестве") == 0,
	    "... and the first one's text is kept");
	rm_item_free(&a);
	rm_item_free(&b);

	del = add_item(db, *s1, "1.9", "Лишний пункт", NULL, NULL);
	ok(rm_item_delete(db, del, &err) == 0, "delete an item");
	ok(rm_item_get(db, del, &it, &err) == -1, "... it is gone");
	ok(rm_item_delete(db, del, &err) == -1, "... deleting again fails");
	like(err.msg, "not in the database", "... saying so");
}

static void
test_done(struct db *db, long long r1, long long s1, long long s2)
{
	struct rm_progress	p;
	struct rm_item		it;
	struct nerr		err;
	long long		id, b, c, d;

	id = rm_item_by_number(db, r1, "1.1", &err);
	ok(id > 0, "find item 1.1 by its number");
	is_int(rm_item_by_number(db, r1, " 1.1. ", &err), id,
	    "... also written «1.1.»");
	is_int(rm_item_by_number(db, r1, "9.9", &err), 0, "no item 9.9");

	ok(rm_item_done(db, id, "2099-01-01", NULL, &err) == -1,
	    "done in the future is refused");
	like(err.msg, "01.01.2099", "... the message shows the date");
	ok(rm_item_done(db, id, NULL, "приказ № 45 от 01.09.2025", &err) == 0,
	    "mark done with evidence, date by default");
	ok(rm_item_get(db, id, &it, &err) == 0 && it.status == RM_DONE &&
	    it.done_date != NULL && strcmp(it.done_date, "2025-11-22") == 0 &&
	    strcmp(it.evidence, "приказ № 45 от 01.09.2025") == 0 &&
	    !it.overdue, "... done today, with its evidence, not overdue");
	ok(it.version == 3, "... the version moved on");
	rm_item_free(&it);

	b = add_item(db, s1, "1.2", "Консультации", "по запросу", "куратор");
	c = add_item(db, s1, "1.3", "Отменённое", "до 1 октября", NULL);
	d = add_item(db, s2, "2.1", "Стенд", "октябрь", "Куратор, завуч");
	ok(rm_item_done(db, d, "01.10.2025", NULL, &err) == 0,
	    "mark done on 01.10.2025");
	ok(rm_item_get(db, d, &it, &err) == 0 &&
	    strcmp(it.done_date, "2025-10-01") == 0, "... stored as ISO");
	rm_item_free(&it);
	ok(rm_item_set_status(db, c, RM_CANCELLED, &err) == 0, "cancel one");
	is_int(overdue_of(db, c), 0, "... a cancelled item is never overdue");
	ok(rm_item_done(db, c, NULL, NULL, &err) == -1,
	    "... nor can it be marked done");
	ok(rm_item_set_status(db, b, RM_PROGRESS, &err) == 0,
	    "set one in progress");

	ok(rm_progress(db, r1, s1, &p, &err) == 0, "progress of section 1");
	is_int(p.total, 2, "... two items count (the cancelled one not)");
	is_int(p.done, 1, "... one done");
	is_int(p.cancelled, 1, "... one cancelled");
	is_int(rm_progress_pct(&p), 50, "... 50 %");
	ok(rm_progress(db, r1, 0, &p, &err) == 0, "progress overall");
	is_int(p.total, 3, "... three items");
	is_int(p.done, 2, "... two done");
	is_int(rm_progress_pct(&p), 66, "... 66 %");

	ok(rm_item_set_status(db, d, RM_TODO, &err) == 0 &&
	    rm_item_get(db, d, &it, &err) == 0 && it.done_date == NULL &&
	    it.overdue == 1, "back to do: the date goes, overdue again");
	rm_item_free(&it);
	ok(rm_item_set_status(db, d, RM_DONE, &err) == 0 &&
	    rm_item_get(db, d, &it, &err) == 0 &&
	    strcmp(str_or(it.done_date, ""), "2025-11-22") == 0,
	    "status done without a date: done today");
	rm_item_free(&it);
}

/* Overdue by kind around its boundaries: each item checked on several days. */
static void
test_overdue(struct db *db, long long r1, long long s2)
{
	struct rm_item	 it;
	struct nerr	 err;
	long long	 dt, pe, rq, og, orq, un, dn;

	dt = add_item(db, s2, "3.1", "Дата", "до 30 сентября", NULL);
	pe = add_item(db, s2, "3.2", "Период", "октябрь", NULL);
	rq = add_item(db, s2, "3.3", "Раз в квартал", "1 раз в квартал", NULL);
	og = add_item(db, s2, "3.4", "Постоянно", "постоянно", NULL);
	orq = add_item(db, s2, "3.5", "По запросу", "по запросу", NULL);
	un = add_item(db, s2, "3.6", "Непонятно", "в течение первого месяца",
	    NULL);
	dn = add_item(db, s2, "3.7", "Сделано", "до 15 сентября", NULL);
	today("2025-09-10");
	ok(rm_item_done(db, dn, NULL, NULL, &err) == 0, "done before its date");

	today("2025-09-30");
	is_int(overdue_of(db, dt), 0, "date: not overdue on its day");
	is_int(overdue_of(db, rq), 0, "quarterly: not overdue on 30.09");
	today("2025-10-01");
	is_int(overdue_of(db, dt), 1, "date: overdue the day after");
	is_int(overdue_of(db, rq), 1, "quarterly: overdue when Q3 passed undone");
	is_int(overdue_of(db, dn), 0, "done: never overdue");
	today("2025-10-31");
	is_int(overdue_of(db, pe), 0, "period: not overdue on its last day");
	today("2025-11-01");
	is_int(overdue_of(db, pe), 1, "period: overdue the day after");

	today("2025-09-20");
	ok(rm_item_done(db, rq, NULL, "протокол № 1", &err) == 0,
	    "quarterly item done on 20.09");
	ok(rm_item_get(db, rq, &it, &err) == 0 && it.status == RM_PROGRESS,
	    "... it stays in progress: more quarters are to come");
	rm_item_free(&it);
	today("2025-10-01");
	is_int(overdue_of(db, rq), 0, "... not overdue on 01.10");
	today("2025-12-31");
	is_int(overdue_of(db, rq), 0, "... nor on 31.12, Q4's last day");
	today("2026-01-01");
	is_int(overdue_of(db, rq), 1, "... overdue on 01.01: Q4 not done");
	today("2026-06-15");
	ok(rm_item_done(db, rq, NULL, NULL, &err) == 0 &&
	    rm_item_get(db, rq, &it, &err) == 0 && it.status == RM_DONE,
	    "done in the year's last quarter: the item is done");
	rm_item_free(&it);

	today("2026-08-31");
	is_int(overdue_of(db, og), 0, "ongoing: never overdue");
	is_int(overdue_of(db, orq), 0, "on request: never overdue");
	is_int(overdue_of(db, un), 0, "unparsed: never overdue");
	ok(rm_item_get(db, un, &it, &err) == 0 && it.dl.kind == DL_UNPARSED &&
	    strcmp(it.deadline_text, "в течение первого месяца") == 0 &&
	    it.due[0] == '\0', "... kept as text, with no due date");
	rm_item_free(&it);
	(void)r1;
	today("2025-11-22");
}

static void
test_filters(struct db *db, long long r1, long long s2)
{
	struct rm_filter	 f;
	struct rm_item		*v;
	struct nerr		 err;
	int			 n, i, all, bad = 0;

	rm_filter_init(&f);
	ok(rm_items(db, r1, &f, &v, &n, &err) == 0, "all items");
	all = n;
	for (i = 1; i < n; i++) {
		if (v[i].section_id == v[i - 1].section_id &&
		    v[i].pos < v[i - 1].pos)
			bad++;
	}
	is_int(bad, 0, "... in section then item order");
	rm_items_free(v, n);

	f.overdue = 1;
	ok(rm_items(db, r1, &f, &v, &n, &err) == 0 && n > 0 && n < all,
	    "only overdue ones");
	for (i = 0, bad = 0; i < n; i++)
		bad += !v[i].overdue;
	is_int(bad, 0, "... every one overdue");
	rm_items_free(v, n);

	rm_filter_init(&f);
	f.responsible = "КУРАТОР";
	ok(rm_items(db, r1, &f, &v, &n, &err) == 0 && n == 2,
	    "by responsible, in any case: «куратор» and «Куратор, завуч»");
	rm_items_free(v, n);

	rm_filter_init(&f);
	f.not_done = 1;
	ok(rm_items(db, r1, &f, &v, &n, &err) == 0, "not done");
	for (i = 0, bad = 0; i < n; i++)
		bad += v[i].status == RM_DONE || v[i].status == RM_CANCELLED;
	is_int(bad, 0, "... none done or cancelled");
	rm_items_free(v, n);

	/* 22.11: «до 30 сентября» is past; add one due on 30.11. */
	today("2025-11-22");
	add_item(db, s2, "4.1", "Скоро", "до 30 ноября", NULL);
	add_item(db, s2, "4.2", "Позже", "до 3 декабря", NULL);
	rm_filter_init(&f);
	f.due_days = 10;
	ok(rm_items(db, r1, &f, &v, &n, &err) == 0 && n == 1 &&
	    strcmp(v[0].number, "4.1") == 0, "due in 10 days: 30.11, not 03.12");
	for (i = 0, bad = 0; i < n; i++)
		bad += strcmp(v[i].due, "2025-11-22") < 0 ||
		    strcmp(v[i].due, "2025-12-02") > 0;
	is_int(bad, 0, "... all due from 22.11 to 02.12");
	rm_items_free(v, n);
}

static void
test_templates(struct db *db)
{
	struct rm_progress	  p;
	struct rm_filter	  f;
	struct rm_item		 *v;
	struct nerr		  err;
	char			**names, **titles;
	long long		  id;
	int			  n, i, k, ni, bad;
	const char		 *s;

	ok(roadmap_templates(&names, &titles, &n, &err) == 0 && n == 2,
	    "two templates are shipped");
	if (n != 2) {
		diag("%s", err.msg);
		return;
	}
	is_str(names[0], "pupils-teachers", "... pupils and teachers");
	is_str(names[1], "teachers", "... teachers only");
	for (i = 0; i < n; i++) {
		ok(roadmap_from_template(db, names[i], "2025-2026", &id,
		    &err) == 0, "a roadmap from template %s", names[i]);
		ok(rm_progress(db, id, 0, &p, &err) == 0 && p.unparsed == 0,
		    "... every deadline is understood");
		ok(p.total >= 35 && p.total <= 60, "... %d items", p.total);
		rm_filter_init(&f);
		if (rm_items(db, id, &f, &v, &ni, &err) != 0)
			continue;
		for (k = 0, bad = 0; k < ni; k++) {
			bad += v[k].number == NULL || v[k].result == NULL ||
			    v[k].indicator == NULL || v[k].responsible == NULL ||
			    v[k].deadline_text == NULL;
			/* No year written: it fits any school year. */
			for (s = v[k].deadline_text; s != NULL && *s; s++)
				if (strspn(s, "0123456789") >= 4)
					bad++;
		}
		is_int(bad, 0, "... each item has number, deadline without a "
		    "year, result, indicator, responsible");
		rm_items_free(v, ni);
	}
	roadmap_templates_free(names, titles, n);
	ok(roadmap_from_template(db, "../etc", NULL, &id, &err) == -1,
	    "a template name is never a path");
	ok(roadmap_from_template(db, "nosuch", NULL, &id, &err) == -1,
	    "an unknown template");
	like(err.msg, "nosuch", "... is named in the message");
}

static void
test_import_school(struct db *db)
{
	struct rm_import_opts	 o;
	struct rm_import_result	 r;
	struct rm_section	*secs;
	struct rm_item		 it;
	struct nerr		 err;
	int			 n;

	memset(&o, 0, sizeof o);
	o.year = "2023-2024";
	o.title = "Дорожная карта МАДОУ";
	nerr_clear(&err);
	ok(roadmap_import(db, fixture("roadmap-school.csv"), &o, &r,
	    &err) == 0, "import a school's table (UTF-8, №, headings)");
	if (err.msg[0] != '\0')
		diag("%s", err.msg);
	is_int(r.sections, 3, "... three sections from the heading rows");
	is_int(r.items, 10, "... ten items");
	is_int(r.unparsed, 1, "... one deadline not understood");
	like(r.report.s, "line 10", "... the report names its line");
	like(r.report.s, "в течение первого месяца", "... and its text");
	like(r.report.s, "«Подпись»", "... and the ignored column");
	like(r.report.s, "line 2", "... and where the header was found");
	ok(rm_sections(db, r.roadmap_id, &secs, &n, &err) == 0 && n == 3 &&
	    strcmp(secs[0].title, "1. Нормативное обеспечение") == 0,
	    "section titles keep their numbers");
	rm_sections_free(secs, n);
	ok(item_of(db, r.roadmap_id, "1.2", &it) &&
	    it.dl.kind == DL_DATE && strcmp(it.due, "2023-08-30") == 0,
	    "«До 30.08.2023 г (дополнительно по запросу)» is 30.08.2023");
	rm_item_free(&it);
	ok(item_of(db, r.roadmap_id, "2.2", &it) &&
	    strcmp(it.content, "Статья \"Наставничество в школе\"") == 0 &&
	    strcmp(it.due, "2023-12-31") == 0,
	    "quotes in a field; «Декабрь 2023 г» ends 31.12.2023");
	rm_item_free(&it);
	ok(item_of(db, r.roadmap_id, "2.3", &it) &&
	    it.dl.kind == DL_RECURRING, "«Сентябрь, март 2023-2024 уч. год» "
	    "recurs");
	rm_item_free(&it);
	ok(item_of(db, r.roadmap_id, "3.2", &it) &&
	    strcmp(it.due, "2024-06-30") == 0 && strcmp(it.responsible,
	    "Куратор") == 0 && strcmp(it.result, "Протокол") == 0,
	    "«май -июнь 2024 г» ends 30.06.2024; responsible and result read");
	rm_item_free(&it);
	rm_import_result_free(&r);
}

static void
test_import_stages(struct db *db)
{
	struct rm_import_opts	 o;
	struct rm_import_result	 r, r2;
	struct rm_item		 it, it2;
	struct nerr		 err;
	const char		*cp;

	memset(&o, 0, sizeof o);
	o.year = "2023-2024";
	nerr_clear(&err);
	ok(roadmap_import(db, fixture("roadmap-stages.csv"), &o, &r,
	    &err) == 0, "import a table with a stage column, commas, no №");
	if (err.msg[0] != '\0')
		diag("%s", err.msg);
	is_int(r.sections, 3, "... three stages, merged cells followed");
	is_int(r.items, 6, "... six items");
	is_int(r.unparsed, 0, "... every deadline understood");
	ok(item_of(db, r.roadmap_id, "2.2", &it) &&
	    strcmp(it.content, "Согласия на обработку персональных данных") ==
	    0 && strcmp(it.indicator, "100 %") == 0 &&
	    strcmp(it.result, "Согласия") == 0,
	    "items numbered by section and place; result and indicator read");
	rm_item_free(&it);

	cp = cp1251_copy(fixture("roadmap-stages.csv"), "stages-cp1251.csv");
	ok(cp != NULL, "make a CP1251 copy");
	o.title = NULL;
	ok(cp != NULL && roadmap_import(db, cp, &o, &r2, &err) == 0,
	    "import the CP1251 copy (detected)");
	is_int(r2.items, 6, "... the same six items");
	ok(item_of(db, r.roadmap_id, "1.2", &it) &&
	    item_of(db, r2.roadmap_id, "1.2", &it2) &&
	    strcmp(it.content, it2.content) == 0 &&
	    strcmp(it2.content, "Положение о наставничестве, программа") == 0,
	    "... with the same Cyrillic text");
	rm_item_free(&it);
	rm_item_free(&it2);
	ok(item_of(db, r2.roadmap_id, "3.2", &it) &&
	    it.dl.kind == DL_RECURRING, "«Ежегодно в мае» recurs");
	rm_item_free(&it);
	rm_import_result_free(&r);
	rm_import_result_free(&r2);
}

static void
test_import_errors(struct db *db)
{
	struct rm_import_opts	 o;
	struct rm_import_result	 r;
	struct rm_item		 it;
	struct nerr		 err;
	const char		*p;
	int			 before;

	memset(&o, 0, sizeof o);
	before = count_roadmaps(db);
	ok(roadmap_import(db, fixture("roadmap-broken.csv"), &o, &r,
	    &err) == -1, "a row with a deadline but no content is refused");
	like(err.msg, "roadmap-broken.csv", "... naming the file");
	like(err.msg, "line 4", "... and the line");
	is_int(count_roadmaps(db), before, "... and nothing is imported");
	rm_import_result_free(&r);

	o.dry_run = 1;
	ok(roadmap_import(db, fixture("roadmap-school.csv"), &o, &r,
	    &err) == 0 && r.items == 10 && r.roadmap_id == 0,
	    "a dry run counts the items");
	is_int(count_roadmaps(db), before, "... and changes nothing");
	rm_import_result_free(&r);
	o.dry_run = 0;

	ok(roadmap_import(db, "/nonexistent/x.csv", &o, &r, &err) == -1,
	    "a missing file");
	like(err.msg, "/nonexistent/x.csv", "... is named");
	rm_import_result_free(&r);

	p = write_file("nocontent.csv", "Срок;Ответственный\nмай;Куратор\n");
	ok(roadmap_import(db, p, &o, &r, &err) == -1,
	    "a table with no item column is refused");
	like(err.msg, "header", "... asking for a header");
	rm_import_result_free(&r);

	p = write_file("english.csv", "Deadline;Item;Responsible;Result;"
	    "Status;Done;Evidence;Note\n"
	    "31.10.2025;Order;Director;An order;done;01.10.2025;"
	    "order 12;\n"
	    "ежемесячно;Meetings;Curator;Journal;in progress;;;weekly\n");
	o.year = "2025-2026";
	ok(roadmap_import(db, p, &o, &r, &err) == 0 && r.items == 2,
	    "English headers in another order, with status columns");
	ok(item_of(db, r.roadmap_id, "1.1", &it) && it.status == RM_DONE &&
	    strcmp(it.done_date, "2025-10-01") == 0 &&
	    strcmp(it.evidence, "order 12") == 0,
	    "... status, date done and evidence read");
	rm_item_free(&it);
	ok(item_of(db, r.roadmap_id, "1.2", &it) &&
	    it.status == RM_PROGRESS && strcmp(it.note, "weekly") == 0,
	    "... «in progress» and a note");
	rm_item_free(&it);
	rm_import_result_free(&r);

	p = write_file("badstatus.csv", "Мероприятие;Срок;Статус\n"
	    "Приказ;май;сделано наверное\n");
	ok(roadmap_import(db, p, &o, &r, &err) == -1, "an unknown status");
	like(err.msg, "line 2", "... names the line");
	rm_import_result_free(&r);
}

static void
test_demo(void)
{
	struct rm_progress	 p;
	struct db		*db;
	struct nerr		 err;
	long long		 id;
	sqlite3_stmt		*st;
	int			 ev = 0;

	today("2025-11-22");
	db = fresh_db("demo.db");
	ok(demo_fill(db, NULL, 1, &err) == 0, "the demo school");
	id = roadmap_current(db, &err);
	ok(id > 0, "... has a current roadmap");
	ok(rm_progress(db, id, 0, &p, &err) == 0 && p.done > 10 &&
	    p.done < p.total, "... partly done (%d of %d)", p.done, p.total);
	is_int(p.overdue, 2, "... with two items overdue");
	st = db_prepare(db, "SELECT count(*) FROM roadmap_item WHERE "
	    "evidence LIKE 'приказ № %'", &err);
	if (st != NULL && sqlite3_step(st) == SQLITE_ROW)
		ev = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	ok(ev > 0, "... orders as evidence");
	db_close(db);
}

int
main(void)
{
	struct db	*db;
	long long	 r1, s1, s2;

	setlocale(LC_ALL, "C.UTF-8");
	if (t_tmpdir(tmpdir, sizeof tmpdir, "t-roadmap") != 0) {
		printf("Bail out! mkdtemp: %s\n", strerror(errno));
		return (1);
	}
	today("2025-11-22");
	db = fresh_db("r.db");
	test_roadmaps(db, &r1);
	test_items(db, r1, &s1, &s2);
	test_done(db, r1, s1, s2);
	test_overdue(db, r1, s2);
	test_filters(db, r1, s2);
	test_templates(db);
	test_import_school(db);
	test_import_stages(db);
	test_import_errors(db);
	db_close(db);
	test_demo();
	t_rmtree(tmpdir);
	return (done_testing());
}
