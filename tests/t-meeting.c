/* t-meeting.c: meetings, events, attendance marks and counting, figures, the standard sequence, a teacher's scope. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "date.h"
#include "db.h"
#include "meeting.h"
#include "person.h"
#include "user.h"
#include "util.h"

#include "tap.h"
#include "testlib.h"

static char	tmp[256];

static long long
add_person(struct db *db, const char *last, int cat, const char *class_)
{
	struct person	p;
	struct nerr	err;
	long long	id;

	person_init(&p);
	p.last = xstrdup(last);
	p.first = xstrdup("Иван");
	p.category = cat;
	if (class_ != NULL) {
		p.class_ = xstrdup(class_);
		p.birth = xstrdup("2013-03-01");
	}
	if (person_insert(db, &p, &err) != 0) {
		diag("person_insert %s: %s", last, err.msg);
		id = -1;
	} else
		id = p.id;
	person_free(&p);
	return (id);
}

/* A pair straight in the tables: the pairs module is tested elsewhere. */
static long long
add_pair(struct db *db, long long mentor, long long mentee, const char *from,
    const char *to)
{
	char	*sql;

	xasprintf(&sql, "INSERT INTO pair (form, date_from, date_to, status) "
	    "VALUES ('teacher-pupil', '%s', '%s', 'active'); INSERT INTO "
	    "pair_member SELECT max(id), %lld, 'mentor' FROM pair; INSERT "
	    "INTO pair_member SELECT max(id), %lld, 'mentee' FROM pair;", from,
	    to, mentor, mentee);
	if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK)
		diag("add_pair: %s", sqlite3_errmsg(db->h));
	free(sql);
	return (q_int(db, "SELECT max(id) FROM pair"));
}

static long long
add_meeting(struct db *db, long long pair, int kind, const char *date,
    const char *audience, struct nerr *err)
{
	struct meeting	m;
	long long	id = 0;

	meeting_init(&m);
	m.pair_id = pair;
	m.kind = kind;
	m.date = xstrdup(date);
	m.audience = audience != NULL ? xstrdup(audience) : NULL;
	nerr_clear(err);
	if (meeting_add(db, &m, err) == 0)
		id = m.id;
	meeting_free(&m);
	return (id);
}

/* The figure labelled so, or NULL. */
static const struct att_fig *
fig(const struct att_fig *v, int n, const char *label)
{
	int	i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i].label, label) == 0)
			return (&v[i]);
	return (NULL);
}

static const struct att_fig *
fig_id(const struct att_fig *v, int n, long long id)
{
	int	i;

	for (i = 0; i < n; i++)
		if (v[i].id == id)
			return (&v[i]);
	return (NULL);
}

/* Do the kept counters agree with counting the marks afresh? */
static int
counters_right(struct db *db)
{
	int	bad;

	bad = q_int(db, "SELECT count(*) FROM meeting m WHERE present <> "
	    "(SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id AND "
	    "a.status = 'present') OR absent <> (SELECT count(*) FROM "
	    "attendance a WHERE a.meeting_id = m.id AND a.status = 'absent') "
	    "OR excused <> (SELECT count(*) FROM attendance a WHERE "
	    "a.meeting_id = m.id AND a.status = 'excused')");
	bad += q_int(db, "SELECT count(*) FROM person p LEFT JOIN person_att "
	    "x ON x.person_id = p.id WHERE coalesce(x.present, 0) <> (SELECT "
	    "count(*) FROM attendance a JOIN meeting m ON m.id = a.meeting_id "
	    "WHERE a.person_id = p.id AND m.status = 'held' AND a.status = "
	    "'present') OR coalesce(x.absent, 0) <> (SELECT count(*) FROM "
	    "attendance a JOIN meeting m ON m.id = a.meeting_id WHERE "
	    "a.person_id = p.id AND m.status = 'held' AND a.status = "
	    "'absent') OR (p.last <> 'Фомин' AND coalesce(x.expected, 0) <> "
	    "(SELECT count(*) FROM "
	    "meeting_expect e JOIN meeting m ON m.id = e.meeting_id WHERE "
	    "e.person_id = p.id AND m.status = 'held'))");
	if (bad != 0)
		diag("%d counters disagree", bad);
	return (bad == 0);
}

/* A person's kept "expected present absent excused". */
static char *
att_of(struct db *db, long long id)
{
	char	*sql, *s;

	xasprintf(&sql, "SELECT expected || ' ' || present || ' ' || absent "
	    "|| ' ' || excused FROM person_att WHERE person_id = %lld", id);
	s = q_text(db, sql);
	free(sql);
	return (s);
}

/* A meeting's kept "expected present absent excused". */
static char *
meet_of(struct db *db, long long id)
{
	char	*sql, *s;

	xasprintf(&sql, "SELECT expected || ' ' || present || ' ' || absent "
	    "|| ' ' || excused FROM meeting WHERE id = %lld", id);
	s = q_text(db, sql);
	free(sql);
	return (s);
}

int
main(void)
{
	struct db		*db;
	struct nerr		 err;
	struct meeting		 m;
	struct meeting_filter	 f;
	struct meeting_row	 rows[10], next[10];
	struct att_row		*al;
	struct att_fig		*fv;
	const struct att_fig	*g;
	long long		 a, b, c, d, e, v1, t1, t2, y, par, pair, pair2;
	long long		 ch, council, pm, ch2, ch7v, ch3, uid;
	char			*s;
	int			 n, nf, held, due, i;

	plan(141);
	setlocale(LC_ALL, "C.UTF-8");
	if (t_tmpdir(tmp, sizeof tmp, "t-meeting") != 0 ||
	    (db = t_open_db(tmp, "m.db")) == NULL) {
		diag("no database");
		return (1);
	}
	date_set_today("2026-09-20", &err);

	/* ---- codes and words ---- */
	is_int(att_status_parse("+"), ATT_PRESENT, "'+' is present");
	is_int(att_status_parse("-"), ATT_ABSENT, "'-' is absent");
	is_int(att_status_parse("н"), ATT_ABSENT, "'н' is absent");
	is_int(att_status_parse("Н"), ATT_ABSENT, "'Н' too");
	is_int(att_status_parse("у"), ATT_EXCUSED, "'у' is excused");
	is_int(att_status_parse("excused"), ATT_EXCUSED, "the code");
	is_int(att_status_parse("absent with a reason"), ATT_EXCUSED,
	    "the label");
	is_int(att_status_parse("maybe"), -1, "nonsense is -1");
	is_int(meeting_kind_parse("class-hour"), MK_CLASS_HOUR, "kind code");
	is_int(meeting_kind_parse(" Trial meeting "), MK_TRIAL, "kind label");
	ok(meeting_kind_is_event(MK_COUNCIL) &&
	    !meeting_kind_is_event(MK_FINAL),
	    "councils are events, final meetings are not");
	is_int(meeting_status_parse("held"), MS_HELD, "status code");

	/* ---- people ---- */
	a = add_person(db, "Астафьев", CAT_PUPIL, "7Б");
	b = add_person(db, "Белов", CAT_PUPIL, "7Б");
	c = add_person(db, "Волков", CAT_PUPIL, "7Б");
	d = add_person(db, "Гусев", CAT_PUPIL, "7Б");
	e = add_person(db, "Ершов", CAT_PUPIL, "7В");
	v1 = add_person(db, "Жуков", CAT_PUPIL, "7В");
	t1 = add_person(db, "Зайцева", CAT_TEACHER, NULL);
	t2 = add_person(db, "Ильина", CAT_TEACHER, NULL);
	y = add_person(db, "Котова", CAT_YOUNG, NULL);
	par = add_person(db, "Лебедев", CAT_PARENT, NULL);
	ok(a > 0 && v1 > 0 && y > 0 && par > 0, "ten participants");
	pair = add_pair(db, t1, a, "2026-09-01", "2026-12-01");
	pair2 = add_pair(db, t2, e, "2026-09-01", "2026-12-01");

	/* ---- checks ---- */
	ok(add_meeting(db, 0, MK_WORKING, "2026-09-10", NULL, &err) == 0,
	    "a working meeting without a pair is refused");
	like(err.msg, "which pair", "... asking which");
	ok(add_meeting(db, 0, MK_CLASS_HOUR, "2026-09-10", "9Я", &err) == 0,
	    "a class hour for a class with no pupils is refused");
	like(err.msg, "9Я", "... naming the class");
	ok(add_meeting(db, 0, MK_CLASS_HOUR, "2026-09-10", "7Б, пилоты",
	    &err) == 0, "an audience word that is neither is refused");
	like(err.msg, "пилоты", "... quoting it");
	ok(add_meeting(db, 0, MK_CLASS_HOUR, "2026-09-31", "7Б", &err) == 0,
	    "an unreal date is refused");
	ok(add_meeting(db, pair, MK_CLASS_HOUR, "2026-09-10", "7Б", &err) ==
	    0, "an event with a pair is refused");

	/* ---- a class hour for 7Б ---- */
	ch = add_meeting(db, 0, MK_CLASS_HOUR, "2026-09-10", "7 б", &err);
	ok(ch > 0, "a class hour for 7 б is added");
	if (ch == 0)
		diag("%s", err.msg);
	meeting_get(db, ch, &m, &err);
	is_str(m.audience, "7Б", "... its audience stored as 7Б");
	is_int(m.target_pct, 90, "... with the default target of 90 %%");
	is_int(m.status, MS_PLANNED, "... planned");
	meeting_free(&m);

	ok(attend_mark(db, ch, a, ATT_PRESENT, &err) == 0, "mark A present");
	ok(attend_mark(db, ch, b, ATT_PRESENT, &err) == 0, "mark B present");
	meeting_get(db, ch, &m, &err);
	is_int(m.status, MS_HELD, "the first mark makes the meeting held");
	meeting_free(&m);
	ok(attend_mark(db, ch, e, ATT_PRESENT, &err) != 0,
	    "a 7В pupil at 7Б's class hour is refused");
	s = NULL;
	xasprintf(&s, "meeting no. %lld", ch);
	like(err.msg, s, "... naming the meeting");
	free(s);
	ok(attend_mark(db, ch, t1, ATT_PRESENT, &err) != 0,
	    "so is a teacher");
	is_int(q_int(db, "SELECT count(*) FROM attendance"), 2,
	    "two marks stored");
	is_int(q_int(db, "SELECT count(*) FROM audit WHERE action = "
	    "'attendance.mark' AND entity = 'meeting'"), 2,
	    "each mark audited on the meeting");

	ok(attend_list(db, ch, &al, &n, &err) == 0, "the checklist");
	is_int(n, 4, "... has 7Б's four pupils");
	ok(n == 4 && al[0].person_id == a && al[0].status == ATT_PRESENT &&
	    al[2].status == ATT_NONE, "... in name order with their marks");
	attend_list_free(al, n);

	ok(attend_figures(db, ATTBY_EVENT, NULL, NULL, &fv, &nf, &err) == 0,
	    "figures by event");
	g = fig_id(fv, nf, ch);
	ok(g != NULL && g->expected == 4,
	    "the class hour expects 7Б's 4 pupils though 2 were marked");
	ok(g != NULL && g->present == 2 && g->target_pct == 90,
	    "... 2 present against the 90 %% target");
	attend_figures_free(fv, nf);

	/* ---- the rest, and clearing ---- */
	ok(attend_mark_rest(db, ch, ATT_ABSENT, &err) == 0,
	    "everyone not marked: absent");
	is_int(q_int(db, "SELECT count(*) FROM attendance WHERE status = "
	    "'absent'"), 2, "... two absent");
	ok(attend_mark(db, ch, d, ATT_NONE, &err) == 0, "clear a mark");
	is_int(q_int(db, "SELECT count(*) FROM attendance"), 3,
	    "... three marks left");
	ok(attend_mark(db, ch, d, ATT_EXCUSED, &err) == 0, "D excused");

	/* ---- a council: teachers include young specialists ---- */
	council = add_meeting(db, 0, MK_COUNCIL, "2026-09-15", "teacher",
	    &err);
	ok(council > 0, "a teachers' council");
	ok(attend_mark(db, council, y, ATT_EXCUSED, &err) == 0,
	    "a young specialist is expected at the council");
	ok(attend_mark(db, council, t1, ATT_PRESENT, &err) == 0 &&
	    attend_mark(db, council, t2, ATT_ABSENT, &err) == 0,
	    "two teachers marked");
	ok(attend_mark(db, council, par, ATT_PRESENT, &err) != 0,
	    "a parent is not");

	/* ---- a pair's meeting ---- */
	pm = add_meeting(db, pair, MK_ACQUAINTANCE, "2026-09-01", NULL, &err);
	ok(pm > 0, "a pair's getting-to-know meeting");
	ok(attend_mark(db, pm, a, ATT_PRESENT, &err) == 0 &&
	    attend_mark(db, pm, t1, ATT_PRESENT, &err) == 0,
	    "both members present");
	ok(attend_mark(db, pm, b, ATT_PRESENT, &err) != 0,
	    "a pupil not in the pair is refused");

	/* ---- October: one more class hour, one present ---- */
	ch2 = add_meeting(db, 0, MK_CLASS_HOUR, "2026-10-05", "7Б", &err);
	ok(ch2 > 0 && attend_mark(db, ch2, c, ATT_PRESENT, &err) != 0,
	    "a class hour still ahead cannot be marked");
	like(err.msg, "still ahead", "... and the message says why");
	date_set_today("2026-10-06", &err);
	ok(ch2 > 0 && attend_mark(db, ch2, c, ATT_PRESENT, &err) == 0,
	    "an October class hour with one mark, once it is past");
	date_set_today("2026-09-20", &err);
	ch7v = add_meeting(db, 0, MK_CLASS_HOUR, "2026-09-12", "7В", &err);
	ok(ch7v > 0, "a class hour for 7В, never held");

	/* ---- figures ---- */
	ok(attend_figures(db, ATTBY_EVENT, NULL, NULL, &fv, &nf, &err) == 0,
	    "figures by event again");
	g = fig_id(fv, nf, council);
	ok(g != NULL && g->expected == 3 && g->present == 1 &&
	    g->absent == 1 && g->excused == 1,
	    "the council: 3 expected, 1 present, 1 absent, 1 excused");
	is_int(nf, 3, "held events only (7В's is planned)");
	attend_figures_free(fv, nf);

	ok(attend_figures(db, ATTBY_MONTH, NULL, NULL, &fv, &nf, &err) == 0,
	    "figures by month");
	is_int(nf, 2, "... two months");
	g = fig(fv, nf, "2026-09");
	ok(g != NULL && g->expected == 4 + 3 + 2 && g->present == 2 + 1 + 2,
	    "September: 9 expected, 5 present");
	g = fig(fv, nf, "2026-10");
	ok(g != NULL && g->expected == 4 && g->present == 1,
	    "October: 4 expected, 1 present");
	ok(nf == 2 && strcmp(fv[0].label, "2026-09") == 0, "months in order");
	attend_figures_free(fv, nf);

	ok(attend_figures(db, ATTBY_MONTH, "2026-10", NULL, &fv, &nf, &err) ==
	    0 && nf == 1 && fv[0].expected == 4, "--month narrows to October");
	attend_figures_free(fv, nf);

	ok(attend_figures(db, ATTBY_CLASS, NULL, NULL, &fv, &nf, &err) == 0,
	    "figures by class");
	g = fig(fv, nf, "7Б");
	ok(g != NULL && g->expected == 4 + 4 + 1 && g->present == 2 + 1 + 1 &&
	    g->absent == 1 && g->excused == 1,
	    "7Б: 9 expected, 4 present, 1 absent, 1 excused");
	ok(fig(fv, nf, "7В") == NULL, "7В: nothing held");
	attend_figures_free(fv, nf);

	ok(attend_figures(db, ATTBY_PAIR, NULL, NULL, &fv, &nf, &err) == 0 &&
	    nf == 1 && fv[0].id == pair && fv[0].expected == 2 &&
	    fv[0].present == 2, "by pair: 2 of 2");
	if (nf == 1)
		like(fv[0].label, "Зайцева И. → Астафьев И.", "... named");
	else
		ok(0, "... named");
	attend_figures_free(fv, nf);

	ok(attend_figures(db, ATTBY_PERSON, NULL, "7Б", &fv, &nf, &err) == 0,
	    "by person in 7Б");
	is_int(nf, 4, "... all four pupils");
	g = fig_id(fv, nf, a);
	ok(g != NULL && g->expected == 3 && g->present == 2,
	    "A: expected at 2 class hours and 1 pair meeting, present at 2");
	g = fig_id(fv, nf, c);
	ok(g != NULL && g->expected == 2 && g->present == 1 && g->absent == 1,
	    "C: 1 of 2");
	attend_figures_free(fv, nf);

	ok(attend_figures(db, ATTBY_MONTH, "2026/10", NULL, &fv, &nf, &err) !=
	    0, "a bad month is refused");

	ok(attend_held_share(db, NULL, &held, &due, &err) == 0 && due == 4 &&
	    held == 3, "held on plan: 3 of the 4 due by today");

	/* ---- the list ---- */
	meeting_filter_init(&f);
	is_int(meeting_count(db, &f, &err), 5, "five meetings in all");
	n = meeting_page(db, &f, NULL, 0, rows, 2, &err);
	ok(n == 2 && rows[0].id == pm && rows[1].id == ch,
	    "the first page in date order");
	ok(n == 2 && rows[1].expected == 4 && rows[1].marked == 4 &&
	    rows[1].present == 2, "... with expected, marked, present");
	i = meeting_page(db, &f, &rows[1], 0, next, 10, &err);
	ok(i == 3 && next[0].id == ch7v && next[2].id == ch2,
	    "the next page from the last row");
	is_int(meeting_rank(db, &f, &next[1], &err), 3, "a row's rank");
	meeting_rows_free(next, i);
	i = meeting_page(db, &f, &rows[1], 1, next, 10, &err);
	ok(i == 1 && next[0].id == pm, "backward from the second row");
	meeting_rows_free(next, i);
	meeting_rows_free(rows, n);
	f.events = 0;
	is_int(meeting_count(db, &f, &err), 1, "pairs' meetings only");
	f.events = -1;
	f.from = "2026-09-11";
	f.to = "2026-09-30";
	is_int(meeting_count(db, &f, &err), 2, "from and to");

	/* ---- the standard sequence ---- */
	n = meeting_lay_out(db, pair2, 0, &err);
	is_int(n, 9, "a pair's sequence: 3 + 5 working + final");
	is_str((s = q_text(db, "SELECT group_concat(kind || ' ' || date, ', ') "
	    "FROM (SELECT * FROM meeting WHERE pair_id = 2 ORDER BY date)")),
	    "acquaintance 2026-09-01, trial 2026-09-08, planning 2026-09-15, "
	    "working 2026-09-29, working 2026-10-13, working 2026-10-27, "
	    "working 2026-11-10, working 2026-11-24, final 2026-12-01|\n",
	    "... on the right days");
	free(s);
	ok(meeting_lay_out(db, pair2, 0, &err) < 0, "never twice");
	like(err.msg, "already has 9 meetings", "... saying why");
	sqlite3_exec(db->h, "INSERT INTO pair (form, date_from, date_to, "
	    "status) VALUES ('teacher-pupil', '2026-10-01', '2026-10-10', "
	    "'active')", NULL, NULL, NULL);
	n = meeting_lay_out(db, q_int(db, "SELECT max(id) FROM pair"), 0,
	    &err);
	is_int(n, 3, "a ten-day pair: getting to know, trial, final");
	sqlite3_exec(db->h, "INSERT INTO pair (form, date_from, date_to, "
	    "status) VALUES ('teacher-pupil', '2026-11-01', '2026-11-29', "
	    "'active')", NULL, NULL, NULL);
	n = meeting_lay_out(db, q_int(db, "SELECT max(id) FROM pair"), 0,
	    &err);
	is_str((s = q_text(db, "SELECT group_concat(kind || ' ' || date, ', ') "
	    "FROM (SELECT * FROM meeting WHERE pair_id = (SELECT max(id) "
	    "FROM pair) ORDER BY date)")),
	    "acquaintance 2026-11-02, trial 2026-11-09, planning 2026-11-16, "
	    "final 2026-11-27|\n",
	    "Sundays move to the Monday, the final one to the Friday before");
	free(s);
	ok(meeting_lay_out(db, 999, 0, &err) < 0, "a missing pair");
	like(err.msg, "Pair no. 999", "... named");

	/* ---- a teacher's scope ---- */
	sqlite3_exec(db->h, "INSERT INTO user (login, role, person_id) VALUES "
	    "('zaytseva', 'teacher', 7); INSERT INTO user_class VALUES "
	    "(last_insert_rowid(), '7В')", NULL, NULL, NULL);
	uid = q_int(db, "SELECT id FROM user WHERE login = 'zaytseva'");
	db->role = ROLE_TEACHER;
	db->user_person = t1;
	db->user_id = uid;
	is_int(user_may_mark(db, pm, &err), 1, "a mentor may mark their pair");
	is_int(user_may_mark(db, ch7v, &err), 1, "... and their class's event");
	is_int(user_may_mark(db, ch, &err), 0, "... not another class's");
	is_int(user_may_mark(db, council, &err), 0, "... nor the council");
	is_int(user_may_mark(db, q_int(db, "SELECT min(id) FROM meeting WHERE "
	    "pair_id = 2"), &err), 0, "... nor another pair's meeting");
	ok(user_may_mark(db, 9999, &err) < 0, "a missing meeting is an error");
	ok(attend_mark(db, ch, b, ATT_ABSENT, &err) != 0,
	    "marking another class is refused");
	like(err.msg, "your pairs", "... saying what they may mark");
	ok(attend_mark(db, ch7v, e, ATT_PRESENT, &err) == 0,
	    "marking their class works");
	is_int(db->scoped_write, 0, "... and the scoped write is over");
	ok(attend_list(db, ch7v, &al, &n, &err) == 0 && n == 2,
	    "their class's checklist: 7В's two pupils");
	attend_list_free(al, n);
	ok(attend_list(db, ch, &al, &n, &err) != 0,
	    "another class's checklist is refused");
	like(err.msg, "You see attendance only", "... saying why");
	meeting_filter_init(&f);
	f.mine = 1;
	is_int(meeting_count(db, &f, &err), 2, "their meetings: 2");
	f.from = "2026-09-07";
	f.to = "2026-09-13";
	n = meeting_page(db, &f, NULL, 0, rows, 10, &err);
	ok(n == 1 && rows[0].id == ch7v, "this week's: the 7В class hour");
	meeting_rows_free(rows, n);
	db->role = ROLE_VIEWER;
	is_int(user_may_mark(db, pm, &err), 0, "a viewer marks nothing");
	f.from = f.to = NULL;
	is_int(meeting_count(db, &f, &err), 0, "... and has no 'mine'");
	db->role = ROLE_CURATOR;
	is_int(user_may_mark(db, ch, &err), 1, "a curator marks anything");

	/* ---- status, cancel, delete ---- */
	ok(meeting_set_status(db, ch7v, MS_CANCELLED, &err) == 0,
	    "cancel a meeting");
	ok(attend_mark(db, ch7v, v1, ATT_PRESENT, &err) != 0,
	    "no marks at a cancelled meeting");
	is_int(q_int(db, "SELECT count(*) FROM attendance a JOIN meeting m ON "
	    "m.id = a.meeting_id WHERE m.status = 'cancelled'"), 1,
	    "the cancelled meeting keeps its one mark");
	ok(meeting_delete(db, ch7v, &err) == 0 &&
	    q_int(db, "SELECT count(*) FROM attendance WHERE meeting_id NOT IN "
	    "(SELECT id FROM meeting)") == 0 && q_int(db, "SELECT count(*) "
	    "FROM attendance") == 10, "deleting takes its marks along");

	/*
	 * ---- the kept counters (schema 2 triggers) ----
	 * counters_right recounts from the marks; a person's expected
	 * against who the held meetings expect now, except Фомин, who
	 * joins 7Б later and was not expected before (a snapshot).
	 */
	ok(counters_right(db), "kept counters agree with the marks so far");
	is_str((s = meet_of(db, ch)),
	    "4 2 1 1|\n", "7Б's class hour keeps 4 expected, 2 + 1 + 1");
	free(s);
	ok(attend_mark(db, ch, a, ATT_ABSENT, &err) == 0,
	    "re-mark A absent");
	is_str((s = att_of(db, a)), "3 1 1 0|\n",
	    "... A: 3 expected, 1 present, 1 absent");
	free(s);
	ok(counters_right(db), "... counters right after re-marking");
	ok(attend_mark(db, ch, a, ATT_PRESENT, &err) == 0 &&
	    attend_mark(db, ch, b, ATT_NONE, &err) == 0, "back; clear B");
	is_str((s = att_of(db, b)), "2 0 0 0|\n", "... B: 2 expected, none");
	free(s);
	ok(counters_right(db), "... counters right after clearing");
	ok(attend_mark(db, ch, b, ATT_PRESENT, &err) == 0, "B present again");

	i = (int)add_person(db, "Фомин", CAT_PUPIL, "7Б");
	ch3 = add_meeting(db, 0, MK_CLASS_HOUR, "2026-09-17", "7Б", &err);
	ok(ch3 > 0 && attend_mark(db, ch3, a, ATT_PRESENT, &err) == 0 &&
	    attend_mark_rest(db, ch3, ATT_ABSENT, &err) == 0,
	    "a third class hour: A present, the rest absent");
	is_str((s = meet_of(db, ch3)), "5 1 4 0|\n", "... 5 expected (Фомин joined), 1 present, 4 absent");
	free(s);
	ok(attend_figures(db, ATTBY_CLASS, NULL, NULL, &fv, &nf, &err) == 0 &&
	    (g = fig(fv, nf, "7Б")) != NULL && g->expected == 9 + 5 &&
	    g->present == 4 + 1 && g->absent == 1 + 4,
	    "by class: 7Б 14 expected, 5 present, 5 absent");
	attend_figures_free(fv, nf);
	ok(counters_right(db), "... counters right after the rest");
	/* He joined 7Б after its first two class hours: not absent there. */
	is_str((s = att_of(db, i)), "1 0 1 0|\n",
	    "... Фомин expected at the third only, absent");
	free(s);
	ok(person_delete(db, i, &err) == 0, "delete Фомин, marked absent");
	is_str((s = meet_of(db, ch3)), "4 1 3 0|\n", "... the class hour: 4 expected, 3 absent");
	free(s);
	ok(counters_right(db), "... counters right after deleting a person");
	ok(meeting_set_status(db, ch3, MS_CANCELLED, &err) == 0,
	    "cancel the third class hour");
	is_str((s = att_of(db, a)), "3 2 0 0|\n",
	    "... A back to 3 expected, 2 present");
	free(s);
	ok(meeting_set_status(db, ch3, MS_HELD, &err) == 0 &&
	    counters_right(db), "held again: counters right");
	ok(meeting_delete(db, ch3, &err) == 0, "delete the held class hour");
	is_str((s = att_of(db, a)), "3 2 0 0|\n",
	    "... A: 3 expected, 2 present again");
	free(s);
	ok(counters_right(db), "... counters right after deleting a meeting");

	/* ---- a teacher sees their own figures ---- */
	db->role = ROLE_TEACHER;
	ok(attend_figures(db, ATTBY_MONTH, NULL, NULL, &fv, &nf, &err) == 0 &&
	    nf == 1 && fv[0].expected == 2 && fv[0].present == 2,
	    "a teacher's months: their pair's meeting only, 2 of 2");
	attend_figures_free(fv, nf);
	ok(attend_figures(db, ATTBY_EVENT, NULL, NULL, &fv, &nf, &err) == 0 &&
	    nf == 0, "... no events of theirs held");
	attend_figures_free(fv, nf);
	ok(attend_figures(db, ATTBY_CLASS, NULL, NULL, &fv, &nf, &err) == 0 &&
	    nf == 0, "... by class: 7Б is not theirs, 7В has nothing held");
	attend_figures_free(fv, nf);
	ok(attend_figures(db, ATTBY_PERSON, NULL, "7Б", &fv, &nf, &err) != 0,
	    "... another class's people are refused");
	like(err.msg, "your own classes", "... saying why");
	db->role = ROLE_CURATOR;

	db_close(db);
	t_rmtree(tmp);
	return (tap_failed != 0);
}
