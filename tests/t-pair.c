/* t-pair.c: pairs: forms, the rules (capacity, self, form fit, consent), lists, the unpaired, matching. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "consent.h"
#include "date.h"
#include "db.h"
#include "pair.h"
#include "person.h"
#include "text.h"
#include "util.h"

#include "tap.h"
#include "testlib.h"

#define TODAY "2025-11-22"

static char	tmp[256];

/* A participant; mentor fields when comp != NULL. */
static long long
add_person(struct db *db, const char *last, int cat, const char *birth,
    const char *class_)
{
	struct person	p;
	struct nerr	err;
	long long	id;

	person_init(&p);
	p.last = xstrdup(last);
	p.first = xstrdup("Иван");
	p.category = cat;
	p.birth = birth != NULL ? xstrdup(birth) : NULL;
	p.class_ = class_ != NULL ? xstrdup(class_) : NULL;
	if (person_insert(db, &p, &err) != 0) {
		diag("person_insert %s: %s", last, err.msg);
		id = -1;
	} else
		id = p.id;
	person_free(&p);
	return (id);
}

static long long
add_mentor(struct db *db, const char *last, int cat, const char *comp,
    const char *interests, int age_min, int age_max, int cap, int hours,
    int status)
{
	struct person	p;
	struct nerr	err;
	long long	id;

	person_init(&p);
	p.last = xstrdup(last);
	p.first = xstrdup("Пётр");
	p.category = cat;
	p.is_mentor = 1;
	p.competencies = comp != NULL ? xstrdup(comp) : NULL;
	p.interests = interests != NULL ? xstrdup(interests) : NULL;
	p.age_min = age_min;
	p.age_max = age_max;
	p.capacity = cap;
	p.hours = hours;
	p.mentor_status = status;
	if (person_insert(db, &p, &err) != 0) {
		diag("person_insert %s: %s", last, err.msg);
		id = -1;
	} else
		id = p.id;
	person_free(&p);
	return (id);
}

static void
set_request(struct db *db, long long id, const char *req, const char *entered)
{
	char	*sql;

	xasprintf(&sql, "UPDATE person SET is_mentee = 1 WHERE id = %lld; "
	    "INSERT OR REPLACE INTO mentee (person_id, request, entered) "
	    "VALUES (%lld, '%s', '%s')", id, id, req, entered);
	if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK)
		diag("set_request: %s", sqlite3_errmsg(db->h));
	free(sql);
}

/* A valid processing consent, signed by the mother. */
static void
give_consent(struct db *db, long long id)
{
	struct consent	c;
	struct nerr	err;

	consent_init(&c);
	c.person_id = id;
	c.kind = CK_PD;
	c.signed_ = xstrdup("2025-09-01");
	c.by_representative = 1;
	c.rep_name = xstrdup("Иванова Ольга");
	c.rep_relation = xstrdup("мать");
	if (consent_add(db, &c, &err) != 0)
		diag("consent_add: %s", err.msg);
	consent_free(&c);
}

static void
mk(struct pair *p, int form, long long mentor, long long mentee)
{
	pair_init(p);
	p->form = form;
	if (mentor > 0)
		pair_member_add(p, mentor, PR_MENTOR);
	if (mentee > 0)
		pair_member_add(p, mentee, PR_MENTEE);
}

/* pair_add and free: its id, 0 if refused (rc and err say why). */
static long long
add(struct db *db, int form, long long mentor, long long mentee,
    int overrides, int *rc, struct nerr *err)
{
	struct pair	p;
	long long	id = 0;

	mk(&p, form, mentor, mentee);
	nerr_clear(err);
	if ((*rc = pair_add(db, &p, overrides, err)) == 0)
		id = p.id;
	pair_free(&p);
	return (id);
}

static void
t_codes(void)
{
	char	*s;

	is_int(pair_form_parse("teacher-pupil"), PF_TEACHER_PUPIL, "form code");
	is_int(pair_form_parse("ученик – ученик"), PF_PUPIL_PUPIL,
	    "form in Russian with a dash");
	is_int(pair_form_parse("Учитель-Ученик"), PF_TEACHER_PUPIL,
	    "form in Russian, any case");
	is_int(pair_form_parse("pupil - teacher"), -1, "no such form");
	is_int(pair_kind_parse("short-term"), PK_SHORT, "kind code");
	is_str(pair_kind_code(PK_NONE), NULL, "no kind: NULL code");
	is_int(pair_status_parse("cancelled"), PST_CANCELLED, "status code");
	ok(pair_form_fits(PF_PUPIL_PUPIL, PR_MENTOR, CAT_PUPIL) &&
	    !pair_form_fits(PF_PUPIL_PUPIL, PR_MENTOR, CAT_TEACHER),
	    "pupil-pupil: pupils mentor, teachers do not");
	ok(pair_form_fits(PF_HEAD_TEACHER, PR_MENTEE, CAT_YOUNG) &&
	    !pair_form_fits(PF_HEAD_TEACHER, PR_MENTOR, CAT_YOUNG),
	    "head-teacher: a young specialist is mentored, does not mentor");
	ok(pair_form_fits(PF_EMPLOYER_STUDENT, PR_MENTOR, CAT_PARTNER) &&
	    pair_form_fits(PF_EMPLOYER_STUDENT, PR_MENTEE, CAT_STUDENT),
	    "employer-student: partner -> student");

	s = match_stem("математика");
	is_str(s, "математик", "stem of математика");
	free(s);
	s = match_stem("Математике");
	is_str(s, "математик", "математике has the same stem");
	free(s);
	s = match_stem("МАТЕМАТИКОЙ");
	is_str(s, "математик", "математикой too");
	free(s);
	s = match_stem("олимпиадами");
	is_str(s, "олимпиад", "олимпиадами -> олимпиад");
	free(s);
	s = match_stem("язык");
	is_str(s, "язык", "a four-letter word is kept whole");
	free(s);
	s = match_stem("ёлка");
	is_str(s, "елка", "ё folds to е; the stem keeps 4 letters");
	free(s);
}

static void
t_rules(struct db *db)
{
	struct nerr	 err;
	struct pair	 p;
	long long	 t1, t2, pu1, pu2, pu3, y1, id1, id2;
	int		 rc, need;
	char		*txt;

	t1 = add_mentor(db, "Орлова", CAT_TEACHER, "математика", NULL, 0, 0,
	    1, 4, MST_ACTIVE);
	t2 = add_mentor(db, "Белова", CAT_TEACHER, NULL, NULL, 0, 0, 0, 0,
	    MST_ACTIVE);
	pu1 = add_person(db, "Сидоров", CAT_PUPIL, "2012-02-01", "7Б");
	pu2 = add_person(db, "Белов", CAT_PUPIL, "2012-04-03", "7Б");
	pu3 = add_person(db, "Зайцев", CAT_PUPIL, "2010-04-03", "9А");
	y1 = add_person(db, "Юнина", CAT_YOUNG, NULL, NULL);
	give_consent(db, pu1);
	give_consent(db, pu2);

	/* self */
	mk(&p, PF_TEACHER_TEACHER, t1, t1);
	nerr_clear(&err);
	is_int(pair_check(db, &p, 0, &need, &err), -1,
	    "a person cannot mentor themselves");
	like(err.msg, "Орлова П. cannot mentor themselves", "... named");
	pair_free(&p);

	/* sides */
	mk(&p, PF_TEACHER_PUPIL, t1, 0);
	is_int(pair_check(db, &p, 0, &need, &err), -1, "no mentee: refused");
	like(err.msg, "at least one mentee", "... saying so");
	pair_free(&p);

	/* form fit */
	mk(&p, PF_PUPIL_PUPIL, t1, pu1);
	is_int(pair_check(db, &p, 0, &need, &err), -1,
	    "a teacher cannot mentor in pupil-pupil");
	like(err.msg, "cannot be a mentor in the form «pupil – pupil»",
	    "... naming the form");
	like(err.msg, "mentors there are: pupil", "... and who may");
	pair_free(&p);
	mk(&p, PF_TEACHER_TEACHER, t1, pu1);
	is_int(pair_check(db, &p, 0, &need, &err), -1,
	    "a pupil cannot be a mentee in teacher-teacher");
	like(err.msg, "teacher or young specialist", "... listing both");
	pair_free(&p);
	mk(&p, PF_PUPIL_PUPIL, pu2, pu1);
	is_int(pair_check(db, &p, 0, &need, &err), 0,
	    "pupil-pupil with pupils on both sides is fine");
	pair_free(&p);
	mk(&p, PF_TEACHER_PUPIL, t1, pu1);
	free(p.date_from);
	p.date_from = xstrdup("2025-10-01");
	p.date_to = xstrdup("2025-09-01");
	is_int(pair_check(db, &p, 0, &need, &err), -1, "ends before it starts");
	like(err.msg, "01.09.2025, before it starts (01.10.2025)",
	    "... with both dates");
	pair_free(&p);

	/* capacity: Орлова said 1 */
	id1 = add(db, PF_TEACHER_PUPIL, t1, pu1, 0, &rc, &err);
	ok(id1 > 0 && rc == 0, "first mentee within capacity: saved");
	if (rc != 0)
		diag("%s", err.msg);
	is_int(pair_mentor_load(db, t1, &err), 1, "load is 1");
	id2 = add(db, PF_TEACHER_PUPIL, t1, pu2, 0, &rc, &err);
	is_int(rc, 1, "second mentee over capacity: a warning");
	is_int(id2, 0, "... and nothing saved");
	like(err.msg, "Орлова П. can take 1 mentee and has 1 now; with this "
	    "pair it would be 2.", "... naming the figures");
	mk(&p, PF_TEACHER_PUPIL, t1, pu2);
	is_int(pair_check(db, &p, 0, &need, &err), 1, "pair_check warns too");
	is_int(need, PAIR_OVER_CAPACITY, "... needing the capacity override");
	pair_free(&p);
	is_int(q_int(db, "SELECT count(*) FROM pair"), 1, "one pair in the file");
	id2 = add(db, PF_TEACHER_PUPIL, t1, pu2, PAIR_OVER_CAPACITY, &rc,
	    &err);
	ok(id2 > 0, "with the override: saved");
	is_int(pair_mentor_load(db, t1, &err), 2, "load is 2");
	/* capacity 0: not said, no limit */
	add(db, PF_TEACHER_PUPIL, t2, pu1, 0, &rc, &err);
	is_int(rc, 0, "a mentor with no capacity said takes any number (1)");
	add(db, PF_TEACHER_PUPIL, t2, pu2, 0, &rc, &err);
	is_int(rc, 0, "... and 2");
	/* the same mentor and mentee again */
	add(db, PF_TEACHER_PUPIL, t2, pu2, 0, &rc, &err);
	is_int(rc, -1, "the same pair twice is refused");
	like(err.msg, "already mentors", "... saying it exists");
	/* closing frees the place */
	nerr_clear(&err);
	is_int(pair_set_status(db, id2, PST_COMPLETED, "2025-11-01", "итог",
	    &err), 0, "completing a pair");
	is_int(pair_mentor_load(db, t1, &err), 1, "load back to 1");
	ok(q_int(db, "SELECT count(*) FROM audit WHERE action = 'pair.status'")
	    == 1, "status change audited");
	is_int(pair_set_status(db, id2, PST_COMPLETED, NULL, NULL, &err), -1,
	    "completing it again is refused");
	like(err.msg, "already completed", "... saying so");
	txt = q_text(db, "SELECT status, date_to, result FROM pair WHERE "
	    "id = (SELECT max(id) FROM pair WHERE status = 'completed')");
	is_str(txt, "completed|2025-11-01|итог|\n", "status, date and result");
	free(txt);

	/* consent: Зайцев has none */
	add(db, PF_TEACHER_PUPIL, t2, pu3, 0, &rc, &err);
	is_int(rc, 1, "a pupil without a valid consent: a warning");
	like(err.msg, "Зайцев И. is a pupil without a valid consent",
	    "... naming the pupil");
	mk(&p, PF_TEACHER_PUPIL, t2, pu3);
	pair_check(db, &p, 0, &need, &err);
	is_int(need, PAIR_OVER_CONSENT, "... needing the consent override");
	pair_free(&p);
	ok(add(db, PF_TEACHER_PUPIL, t2, pu3, PAIR_OVER_CONSENT, &rc, &err) >
	    0, "with the override: saved");
	xasprintf(&txt, "SELECT is_mentee + (SELECT count(*) FROM mentee "
	    "WHERE person_id = %lld) FROM person WHERE id = %lld", pu3, pu3);
	is_int(q_int(db, txt), 2, "the mentee joined the base of mentees");
	free(txt);

	/* both warnings at once */
	mk(&p, PF_TEACHER_PUPIL, t1, pu3);
	is_int(pair_check(db, &p, 0, &need, &err), 1, "two warnings");
	is_int(need, PAIR_OVER_CAPACITY | PAIR_OVER_CONSENT, "... both flags");
	pair_free(&p);

	/* young specialist -> teacher-teacher mentee fine, not head-teacher mentor */
	mk(&p, PF_HEAD_TEACHER, y1, t2);
	is_int(pair_check(db, &p, 0, &need, &err), -1,
	    "a young specialist does not head-mentor");
	pair_free(&p);

	/* update with a stale version */
	nerr_clear(&err);
	if (pair_get(db, id1, &p, &err) == 0) {
		struct pair	q;

		pair_get(db, id1, &q, &err);
		q.goal = xstrdup("цель");
		is_int(pair_update(db, &q, 0, &err), 0,
		    "update saves");
		p.goal = xstrdup("другая");
		is_int(pair_update(db, &p, 0, &err), -1,
		    "a stale update is refused");
		like(err.msg, "Someone else changed pair no.", "... saying so");
		pair_free(&q);
	} else
		skip(3, err.msg);
	pair_free(&p);

	/* delete: only without meetings held */
	sqlite3_exec(db->h, "INSERT INTO meeting (pair_id, kind, date, status) "
	    "VALUES (1, 'acquaintance', '2025-10-01', 'held')", NULL, NULL,
	    NULL);
	is_int(id1, 1, "the first pair is no. 1");
	is_int(pair_delete(db, id1, &err), -1, "a pair that met is not deleted");
	like(err.msg, "completed or cancelled instead", "... says what to do");
	is_int(pair_delete(db, id2, &err), 0, "a pair with no meeting goes");
	is_int(pair_delete(db, id2, &err), -1, "... once");
}

static void
t_lists(struct db *db)
{
	struct pair_filter	 f;
	struct pair_row		 rows[10];
	struct unpaired_row	 u[10];
	struct nerr		 err;
	long long		 a, b, t, pid;
	int			 n, rc, i;

	t = add_mentor(db, "Лисина", CAT_TEACHER, NULL, NULL, 0, 0, 0, 0,
	    MST_ACTIVE);
	a = add_person(db, "Аверин", CAT_PUPIL, "2011-01-01", "8А");
	b = add_person(db, "Яшин", CAT_PUPIL, "2011-01-01", "8А");
	set_request(db, a, "алгебра", "2025-11-02");
	set_request(db, b, "физика", "2025-10-23");
	nerr_clear(&err);
	n = pair_unpaired_page(db, NULL, NULL, 0, u, 10, &err);
	for (i = 0, rc = -1; i < n; i++)
		if (u[i].id == a)
			rc = i;
	ok(rc >= 0, "an unpaired mentee is listed");
	if (rc >= 0) {
		is_str(u[rc].since, "2025-11-02", "... since they entered");
		is_int(u[rc].days, 20, "... 20 days waited");
		is_str(u[rc].request, "алгебра", "... with the request");
	} else
		skip(3, "not listed");
	ok(n >= 2 && strcmp(u[0].k1, u[n - 1].k1) <= 0, "in name order");
	pair_unpaired_free(u, n);
	is_int(pair_unpaired_count(db, "яшин", &err), 1, "search by name");
	pid = add(db, PF_TEACHER_PUPIL, t, a, PAIR_OVER_CONSENT, &rc, &err);
	is_int(pair_unpaired_count(db, "аверин", &err), 0,
	    "a mentee in a forming pair is not unpaired");
	pair_set_status(db, pid, PST_CANCELLED, "2025-11-12", NULL, &err);
	n = pair_unpaired_page(db, "аверин", NULL, 0, u, 10, &err);
	is_int(n, 1, "after the pair is cancelled they are unpaired again");
	if (n == 1) {
		is_str(u[0].since, "2025-11-12", "... since it ended");
		is_int(u[0].days, 10, "... 10 days");
	} else
		skip(2, "not listed");
	pair_unpaired_free(u, n);

	pair_filter_init(&f);
	f.person = t;
	n = pair_page(db, &f, NULL, 0, rows, 10, &err);
	is_int(n, 1, "pairs of a person");
	if (n == 1) {
		is_str(rows[0].mentors, "Лисина П.", "mentors' short names");
		is_str(rows[0].mentees, "Аверин И.", "mentees' short names");
		is_int(rows[0].status, PST_CANCELLED, "status");
	} else
		skip(3, "no row");
	pair_rows_free(rows, n);
	f.status = PAIR_LIVE;
	is_int(pair_count(db, &f, &err), 0, "... none live");
	pair_filter_init(&f);
	n = pair_page(db, &f, NULL, 0, rows, 2, &err);
	if (n == 2) {
		struct pair_row	 next[10];
		int		 m;

		m = pair_page(db, &f, &rows[1], 0, next, 10, &err);
		ok(m > 0 && next[0].id > rows[1].id, "the next window goes on");
		is_int(pair_rank(db, &f, &rows[1], &err), 1, "rank of row 2");
		is_int(m + 2, pair_count(db, &f, &err), "windows add up");
		pair_rows_free(next, m);
	} else
		skip(3, "too few pairs");
	pair_rows_free(rows, n);
}

static void
t_match(struct db *db)
{
	struct match	*m;
	struct nerr	 err;
	long long	 me, good, other, fin, student, young;
	int		 n, i, seen_fin = 0, seen_stu = 0;

	me = add_person(db, "Ученикова", CAT_PUPIL, "2012-05-01", "7А");
	set_request(db, me, "Математика и олимпиады", "2025-09-01");
	good = add_mentor(db, "Знаток", CAT_TEACHER,
	    "подготовка к олимпиадам по математике", "шахматы", 12, 15, 3, 8,
	    MST_ACTIVE);
	other = add_mentor(db, "Другой", CAT_TEACHER, "биология", "походы",
	    0, 0, 0, 2, MST_ACTIVE);
	fin = add_mentor(db, "Завершила", CAT_TEACHER, "математика олимпиады",
	    NULL, 0, 0, 0, 8, MST_FINISHED);
	student = add_mentor(db, "Студентов", CAT_STUDENT, "математика", NULL,
	    0, 0, 0, 0, MST_ACTIVE);
	young = add_mentor(db, "Молодой", CAT_YOUNG, "математика", NULL, 0, 0,
	    0, 0, MST_ACTIVE);
	nerr_clear(&err);
	is_int(match_mentors(db, me, -1, 50, &m, &n, &err), 0, "match runs");
	ok(n > 0 && m[0].mentor_id == good, "the best fit comes first");
	if (n > 0) {
		/* 60 words (2 of 2) + 15 age 13 in 12-15 + 15 free + 10 hours */
		is_int(m[0].score, 100, "... scoring 100");
		like(m[0].why, "matched: математика, олимпиады",
		    "... why: the words matched despite endings");
		like(m[0].why, "age 13 in 12–15", "... the age");
		like(m[0].why, "3 free of 3", "... the free places");
		like(m[0].why, "8 h a month", "... the hours");
		is_int(m[0].free, 3, "free 3");
	} else
		skip(6, "no suggestions");
	for (i = 0; i < n; i++) {
		seen_fin |= m[i].mentor_id == fin;
		seen_stu |= m[i].mentor_id == student;
		if (m[i].mentor_id == other)
			is_int(m[i].score, 8 + 8 + 5, "an unrelated mentor "
			    "scores only age, places and hours");
		if (i > 0)
			ok(m[i - 1].score >= m[i].score, "ranked, %d", i);
	}
	ok(!seen_fin, "a finished mentor is not suggested");
	ok(seen_stu, "a student fits a pupil (student-pupil)");
	match_free(m, n);
	is_int(match_mentors(db, me, PF_TEACHER_PUPIL, 50, &m, &n, &err), 0,
	    "match with a form");
	for (i = 0, seen_stu = 0; i < n; i++)
		seen_stu |= m[i].mentor_id == student;
	ok(!seen_stu, "... only that form's mentors");
	match_free(m, n);
	is_int(match_mentors(db, me, -1, 1, &m, &n, &err), 0, "max 1");
	is_int(n, 1, "... one suggestion");
	ok(n == 1 && m[0].mentor_id == good, "... the best");
	match_free(m, n);
	is_int(match_mentors(db, young, PF_PUPIL_PUPIL, 5, &m, &n, &err), -1,
	    "a young specialist is no mentee in pupil-pupil");
	like(err.msg, "cannot be a mentee", "... says so");
}

/* The matches of a mentee as one line: "id:score:why|..." for comparing. */
static char *
match_line(struct db *db, long long me, int max)
{
	struct match	*m;
	struct nerr	 err;
	struct sbuf	 b;
	int		 n, i;

	sbuf_init(&b);
	if (match_mentors(db, me, -1, max, &m, &n, &err) != 0) {
		diag("match_mentors: %s", err.msg);
		return (sbuf_take(&b));
	}
	for (i = 0; i < n; i++)
		sbuf_addf(&b, "%lld:%d:%s|", m[i].mentor_id, m[i].score,
		    m[i].why);
	match_free(m, n);
	return (sbuf_take(&b));
}

/*
 * Matching seeks the mentors' stems kept in mentor_word: the same answer
 * as reading every text, words kept with every writer, a file made before
 * the table stemmed by the first matcher that may write; the unpaired
 * counted in one pass.
 */
static void
t_match_words(struct db *db)
{
	struct db	*ro;
	struct person	 p;
	struct nerr	 err;
	char		*words, *again, *texts, *s;
	long long	 me, shortw, longw, nowords, anon, n0, cnt;

	me = add_person(db, "Олимпийцева", CAT_PUPIL, "2012-05-01", "7Б");
	set_request(db, me, "олимпиадный, шахмат", "2025-09-01");
	/* «олимпиад» begins the request's «олимпиадн»; «шахмат» «шахматист» */
	shortw = add_mentor(db, "Короткий", CAT_TEACHER, "олимпиада", NULL,
	    0, 0, 0, 0, MST_ACTIVE);
	longw = add_mentor(db, "Длинный", CAT_TEACHER, NULL, "шахматисты",
	    0, 0, 0, 0, MST_ACTIVE);
	nowords = add_mentor(db, "Безслов", CAT_TEACHER, "рисование", NULL,
	    0, 0, 2, 8, MST_ACTIVE);
	words = match_line(db, me, 4);
	/* 60 * 1 of 2 + 8 any age + 8 capacity not said + 3 hours not said */
	xasprintf(&s, "%lld:49:matched: олимпиадный;", shortw);
	ok(strstr(words, s) != NULL, "a shorter stem of the mentor's meets "
	    "the request's (seeking mentor_word)");
	free(s);
	xasprintf(&s, "%lld:49:matched: шахмат;", longw);
	ok(strstr(words, s) != NULL, "a longer stem of the mentor's meets "
	    "the request's too");
	free(s);
	/* 8 any age + 15 free + 10 hours */
	xasprintf(&s, "%lld:33:no words", nowords);
	ok(strstr(words, s) != NULL, "with fewer than 4 met by words, "
	    "the best of the rest fills the list");
	free(s);
	is_int(q_int(db, "SELECT count(*) FROM mentor_word WHERE person_id = "
	    "(SELECT max(person_id) FROM mentor WHERE competencies = "
	    "'рисование')"), 1, "a mentor's words are kept on saving");

	/* Texts written by the sqlite3 shell: read-only, the texts are read. */
	sqlite3_exec(db->h, "UPDATE mentor SET interests = interests",
	    NULL, NULL, NULL);
	is_int(q_int(db, "SELECT count(*) FROM mentor_word WHERE stem <> ''"),
	    0, "a writer other than ours leaves the words marked");
	ro = NULL;
	if (db_open(&ro, t_path(tmp, "p.db"), DB_OPEN_READONLY, &err) == 0) {
		texts = match_line(ro, me, 4);
		is_str(texts, words, "read-only and not stemmed yet: the "
		    "same suggestions from the texts");
		free(texts);
		db_close(ro);
	} else
		skip(1, "read-only open");
	again = match_line(db, me, 4);
	is_str(again, words, "a matcher that may write stems them first");
	free(again);
	is_int(q_int(db, "SELECT count(*) FROM mentor_word WHERE stem = ''"),
	    0, "... and the marks go");
	ok(q_int(db, "SELECT count(*) FROM mentor_word") > 3,
	    "... for every mentor");

	/* An edit changes the words; anonymising takes them away. */
	person_init(&p);
	if (person_get(db, shortw, &p, &err) == 0) {
		free(p.competencies);
		p.competencies = xstrdup("вышивание");
		is_int(person_update(db, &p, &err), 0, "a mentor edited");
	} else
		ok(0, "person_get");
	person_free(&p);
	again = match_line(db, me, 4);
	xasprintf(&s, "%lld:", shortw);
	ok(strstr(again, s) == NULL, "... no longer met by the old words");
	free(s);
	free(again);
	free(words);
	anon = longw;
	ok(q_int(db, "SELECT count(*) FROM mentor_word WHERE stem = "
	    "'шахматист'") == 1, "... kept for the mentor to be anonymised");
	sqlite3_exec(db->h, "INSERT INTO consent (person_id, kind, signed, "
	    "revoked) SELECT max(person_id), 'pd', '2025-01-10', '2025-02-10' "
	    "FROM mentor WHERE interests = 'шахматисты'", NULL, NULL, NULL);
	is_int(consent_anonymise(db, anon, &err), 0, "a mentor anonymised");
	xasprintf(&s, "SELECT count(*) FROM mentor_word WHERE person_id = "
	    "%lld", anon);
	is_int(q_int(db, s), 0, "... their words go with their texts");
	free(s);

	/* The unpaired counted in one pass: the same as the windows. */
	{
		struct unpaired_row	u[5];
		int			k, total = 0;

		k = pair_unpaired_page(db, NULL, NULL, 0, u, 5, &err);
		while (k > 0) {
			struct unpaired_row	last;

			total += k;
			pair_unpaired_copy(&last, &u[k - 1]);
			pair_unpaired_free(u, k);
			k = pair_unpaired_page(db, NULL, &last, 0, u, 5, &err);
			pair_unpaired_free(&last, 1);
		}
		cnt = pair_unpaired_count(db, NULL, &err);
		is_int(cnt, total, "the unpaired count is the rows listed");
		n0 = q_int(db, "SELECT count(*) FROM person p WHERE "
		    "is_mentee = 1 AND anonymised = 0 AND NOT EXISTS (SELECT 1 "
		    "FROM pair_member pm JOIN pair pr ON pr.id = pm.pair_id "
		    "WHERE pm.person_id = p.id AND pm.role = 'mentee' AND "
		    "pr.status IN ('forming', 'active'))");
		is_int(cnt, n0, "... and every mentee with no live pair");
		ok(cnt > 1, "... of several (%lld)", cnt);
	}
}

int
main(void)
{
	struct nerr	 err;
	struct db	*db;

	setenv("LANGUAGE", "C", 1);
	setlocale(LC_ALL, "C.UTF-8");
	if (date_set_today(TODAY, &err) != 0 ||
	    t_tmpdir(tmp, sizeof tmp, "t-pair") != 0) {
		printf("1..0 # SKIP setup\n");
		return (0);
	}
	t_codes();
	if ((db = t_open_db(tmp, "p.db")) == NULL) {
		ok(0, "open");
		return (done_testing());
	}
	t_rules(db);
	t_lists(db);
	t_match(db);
	t_match_words(db);
	db_close(db);
	t_rmtree(tmp);
	return (done_testing());
}
