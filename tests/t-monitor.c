/* t-monitor.c: every indicator on a small hand-made school, answers, the CSV import, targets. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "monitor.h"
#include "person.h"
#include "util.h"

#include "tap.h"
#include "testlib.h"

static char	tmp[256];

static long long
add_person(struct db *db, const char *last, int cat)
{
	struct person	p;
	struct nerr	err;
	long long	id;

	person_init(&p);
	p.last = xstrdup(last);
	p.first = xstrdup("Иван");
	p.category = cat;
	p.class_ = cat == CAT_PUPIL ? xstrdup("7А") : NULL;
	if (person_insert(db, &p, &err) != 0) {
		diag("person_insert %s: %s", last, err.msg);
		id = -1;
	} else
		id = p.id;
	person_free(&p);
	return (id);
}

static void
sql(struct db *db, const char *s)
{
	struct nerr	err;

	if (db_exec(db, s, &err) != 0)
		diag("%s: %s", s, err.msg);
}

static const struct indicator *
ind(const struct indicator *v, int n, const char *code)
{
	int	i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i].code, code) == 0)
			return (&v[i]);
	diag("no indicator %s", code);
	return (NULL);
}

static int
fabs_ok(double a, double b)
{
	return (a - b < 1e-6 && b - a < 1e-6);
}

#define VAL(code) (ind(v, n, code) ? ind(v, n, code)->value : -999)

static int
answer(struct db *db, const char *qc, long long person, const char *stage,
    const char *date, const char *const *vals)
{
	struct questionnaire	q;
	struct response		r;
	struct nerr		err;
	int			i, rc;

	if (quest_get(db, qc, &q, &err) != 0) {
		diag("%s", err.msg);
		return (-1);
	}
	response_init(&r, &q);
	r.person_id = person;
	snprintf(r.stage, sizeof r.stage, "%s", stage);
	r.date = xstrdup(date);
	for (i = 0; i < q.nq && vals[i] != NULL; i++)
		r.values[i] = xstrdup(vals[i]);
	if ((rc = response_save(db, &q, &r, &err)) != 0)
		diag("%s", err.msg);
	response_free(&r);
	quest_free(&q);
	return (rc);
}

int
main(void)
{
	struct db		*db;
	struct nerr		 err;
	struct indicator	*v;
	struct behind_row	*b;
	struct answers_import_result res;
	struct questionnaire	 q;
	struct response		 r;
	struct target_row	*tr;
	long long		 P[11], T[5], Y1, R1;
	char			 buf[128], pq[DATE_ISO_LEN];
	FILE			*f;
	double			 tr_dummy;
	int			 i, n, nb, added;

	plan(44);
	setenv("NASTAVNIK_DATADIR", BUILD_DATADIR, 1);
	date_set_today("2026-11-20", &err);
	if (t_tmpdir(tmp, sizeof tmp, "t-monitor") != 0 ||
	    (db = t_open_db(tmp, "m.db")) == NULL) {
		diag("no database");
		return (1);
	}

	ok(quest_templates_load(db, &added, &err) == 0 && added == 5,
	    "five questionnaires shipped");
	ok(quest_templates_load(db, &added, &err) == 0 && added == 0,
	    "loading again adds none");
	ok(quest_get(db, "mentee", &q, &err) == 0 && q.nq == 8 &&
	    q.q[0].type == QT_SCALE10 && q.q[6].type == QT_CHOICE,
	    "mentee questionnaire: 8 questions, scales first, a choice");
	quest_free(&q);
	indicator_prev_quarter("2026-11-20", pq);
	is_str(pq, "2026-09-30", "previous quarter ends 30.09");
	indicator_prev_quarter("2026-02-03", pq);
	is_str(pq, "2025-12-31", "... and 31.12 of the year before");

	/* 10 pupils, 4 teachers, a young specialist, a parent. */
	for (i = 1; i <= 10; i++) {
		snprintf(buf, sizeof buf, "Ученик%c", 'a' + i);
		P[i] = add_person(db, buf, CAT_PUPIL);
	}
	for (i = 1; i <= 4; i++) {
		snprintf(buf, sizeof buf, "Учитель%c", 'a' + i);
		T[i] = add_person(db, buf, CAT_TEACHER);
	}
	Y1 = add_person(db, "Молодой", CAT_YOUNG);
	R1 = add_person(db, "Родитель", CAT_PARENT);
	ok(P[10] > 0 && T[4] > 0 && Y1 > 0 && R1 > 0, "16 people");
	sql(db, "INSERT INTO pair (id, form, status, date_from) VALUES "
	    "(1, 'teacher-pupil', 'active', '2026-09-10'),"
	    "(2, 'teacher-teacher', 'active', '2026-10-15'),"
	    "(3, 'pupil-pupil', 'cancelled', '2026-09-10'),"
	    "(4, 'pupil-pupil', 'completed', '2025-09-01')");
	sql(db, "UPDATE pair SET date_to = '2026-05-31' WHERE id = 4");
	{
		char	*s;

		xasprintf(&s, "INSERT INTO pair_member VALUES "
		    "(1, %lld, 'mentor'), (1, %lld, 'mentee'), "
		    "(1, %lld, 'mentee'), (2, %lld, 'mentor'), "
		    "(2, %lld, 'mentee'), (3, %lld, 'mentor'), "
		    "(3, %lld, 'mentee'), (4, %lld, 'mentor'), "
		    "(4, %lld, 'mentee')", T[1], P[1], P[2], T[2], Y1, P[3],
		    P[4], P[5], P[6]);
		sql(db, s);
		free(s);
		xasprintf(&s, "INSERT INTO consent (person_id, kind, signed, "
		    "revoked) VALUES (%lld, 'pd', '2026-09-01', NULL), "
		    "(%lld, 'pd', '2026-10-01', '2026-11-01'), "
		    "(%lld, 'pd', '2026-01-01', NULL)", P[1], P[2], T[1]);
		sql(db, s);
		free(s);
	}
	sql(db, "INSERT INTO plan (id, pair_id) VALUES (1, 1), (2, 2);"
	    "INSERT INTO plan_step (plan_id, pos, title, due, done) VALUES "
	    "(1, 1, 'a', '2026-10-01', '2026-09-30'),"
	    "(1, 2, 'b', '2026-10-15', '2026-10-20'),"
	    "(1, 3, 'c', '2026-11-01', NULL),"
	    "(1, 4, 'd', '2026-12-01', NULL),"
	    "(2, 1, 'e', '2026-11-01', '2026-11-01')");
	sql(db, "INSERT INTO meeting (id, kind, date, status, audience, "
	    "target_pct) VALUES (1, 'class-hour', '2026-10-05', 'held', 'zz', "
	    "90), (2, 'council', '2026-11-05', 'held', 'zz', 90), "
	    "(3, 'council', '2026-08-01', 'held', 'zz', 90);"
	    "UPDATE meeting SET expected = 10, present = 9 WHERE id = 1;"
	    "UPDATE meeting SET expected = 10, present = 5 WHERE id IN (2, 3)");
	sql(db, "INSERT INTO roadmap (id, title, is_current) VALUES (1, 'r', 1);"
	    "INSERT INTO roadmap_section (id, roadmap_id, pos, title) VALUES "
	    "(1, 1, 1, 's');"
	    "INSERT INTO roadmap_item (section_id, pos, content, deadline_to, "
	    "status, done_date) VALUES "
	    "(1, 1, 'i1', '2026-10-01', 'done', '2026-09-20'),"
	    "(1, 2, 'i2', '2026-10-15', 'done', '2026-10-20'),"
	    "(1, 3, 'i3', '2026-11-01', 'todo', NULL),"
	    "(1, 4, 'i4', '2026-12-31', 'todo', NULL)");
	db_set_setting(db, "programme.start", "2025-2026", &err);

	/* Answers: P1 before and after, P2 after only. */
	{
		const char *const b1[] = { "5", "5", "5", "5", "5", "нет",
		    "1", NULL };
		const char *const a1[] = { "8", "6", "10", "4", "7", "да",
		    "онлайн", "всё хорошо", NULL };
		const char *const a2[] = { "10", "10", "-", "", "-", "Да",
		    "3", NULL };

		ok(answer(db, "mentee", P[1], "before", "2026-09-15", b1) == 0,
		    "answers before saved");
		ok(answer(db, "mentee", P[1], "after", "2026-11-10", a1) == 0,
		    "answers after saved");
		ok(answer(db, "mentee", P[2], "after", "2026-11-12", a2) == 0,
		    "another's saved");
		ok(answer(db, "mentee", P[2], "after", "2026-11-12", a2) == 0 &&
		    response_count(db, 1, "after", &err) == 2,
		    "a second answer at the stage replaces the first");
	}
	ok(quest_get(db, "mentee", &q, &err) == 0, "questionnaire read");
	ok(response_find(db, &q, P[1], "after", &r, &err) == 1 &&
	    strcmp(r.values[6], "онлайн") == 0 && strcmp(r.values[5], "yes")
	    == 0 && r.pair_id == 0, "found, normalised");
	response_free(&r);
	response_init(&r, &q);
	r.person_id = P[3];
	snprintf(r.stage, sizeof r.stage, "after");
	r.values[0] = xstrdup("11");
	ok(response_check(&q, &r, &err) != 0, "11 on a 1-10 scale refused");
	like(err.msg, "Question 1", "the message names the question");
	free(r.values[0]);
	r.values[0] = NULL;
	r.values[6] = xstrdup("7");
	ok(response_check(&q, &r, &err) != 0, "choice 7 of 3 refused");
	response_free(&r);

	ok(indicators_compute(db, NULL, &v, &n, &err) == 0, "computed%s",
	    "");
	ok(VAL("mentees-pupil") == 20.0, "pupils as mentees 2 of 10");
	ok(VAL("mentors-pupil") == 0.0, "pupils as mentors: the cancelled "
	    "and last year's pairs do not count");
	ok(VAL("teachers-mentees") == 20.0, "teachers as mentees 1 of 5");
	ok(VAL("young-mentees") == 100.0, "young specialists 1 of 1");
	ok(VAL("mentors-teacher") == 40.0, "teachers as mentors 2 of 5");
	ok(ind(v, n, "mentors-teacher")->met &&
	    ind(v, n, "mentors-teacher")->target == 10, "10 %% rule met");
	ok(ind(v, n, "mentors-teacher")->prev == 20.0,
	    "last quarter: 1 of 5 (pair 2 started in October)");
	ok(VAL("mentors-parent") == 0.0, "parents 0 of 1");
	ok(fabs_ok(VAL("satisfaction-mentee"), 550.0 / 7),
	    "mentee satisfaction: the mean of 7 scale answers in %%");
	ok(ind(v, n, "satisfaction-mentee")->target == 75 &&
	    ind(v, n, "satisfaction-mentee")->met, "year 2: target 75, met");
	ok(!ind(v, n, "satisfaction-mentor")->has_value,
	    "no mentor answers: no value");
	ok(VAL("plans-90") == 50.0, "plans: 1 of 2 at 90 %% of steps due");
	ok(VAL("consent-pd") == 12.5, "consent 2 of 16 (one revoked)");
	ok(VAL("events-attendance") == 50.0, "events: 1 of 2 this year");
	ok(fabs_ok(VAL("roadmap-on-time"), 100.0 / 3), "roadmap: 1 of 3 "
	    "due on time");
	ok(VAL("form-teacher-pupil") == 3 && VAL("form-teacher-teacher") == 2
	    && VAL("form-pupil-pupil") == 0, "participants by form");
	ok(VAL("change-mentee-1") == 3.0 && VAL("change-mentee-4") == -1.0,
	    "before/after change for the one who answered both");
	indicators_free(v, n);

	ok(indicator_behind(db, "plans-90", NULL, &b, &nb, &err) == 0 &&
	    nb == 1 && b[0].id == 1 && b[0].kind == BEHIND_PAIR,
	    "behind plans: pair 1");
	behind_free(b, nb);
	ok(indicator_behind(db, "mentors-teacher", NULL, &b, &nb, &err) == 0 &&
	    nb == 3, "behind mentors-teacher: three teachers");
	behind_free(b, nb);
	ok(indicator_behind(db, "roadmap-on-time", NULL, &b, &nb, &err) == 0 &&
	    nb == 2, "behind roadmap: two items");
	behind_free(b, nb);

	ok(target_set(db, "2026-2027", "satisfaction-mentee", 90, &err) == 0,
	    "target set");
	ok(indicators_compute(db, NULL, &v, &n, &err) == 0 &&
	    !ind(v, n, "satisfaction-mentee")->met, "90 is not met");
	indicators_free(v, n);
	ok(target_list(db, "2026-2027", &tr, &n, &err) == 0 && n > 0 &&
	    strcmp(tr[4].code, "satisfaction-mentee") == 0 &&
	    tr[4].value == 90 && !tr[4].is_default, "target list shows it");
	target_list_free(tr, n);
	ok(target_clear(db, "2026-2027", "satisfaction-mentee", &err) == 0 &&
	    target_get(db, "2027-2028", "teachers-mentees", &tr_dummy, &err)
	    == 1 && tr_dummy == 70, "cleared; year 3 defaults to 70");

	/* The CSV import. */
	f = fopen(t_path(tmp, "a.csv"), "w");
	fputs("\xEF\xBB\xBFОтметка времени;ФИО;Насколько вам интересно "
	    "участвовать в программе наставничества?;2;3;4;5;6;7;8\r\n"
	    "18.11.2026 10:00:00;учительb иван;9;9;9;9;9;да;2;\r\n"
	    "18.11.2026 10:05:00;Нетакого Иван;9;9;9;9;9;да;2;\r\n", f);
	fclose(f);
	ok(answers_import(db, t_path(tmp, "a.csv"), "mentee", "after", 0, 0,
	    &res, &err) != 0 && res.bad == 1, "a bad row: nothing imported");
	like(res.report.s, "line 3", "the report names the line");
	answers_import_result_free(&res);
	ok(answers_import(db, t_path(tmp, "a.csv"), "mentee", "after", 0, 1,
	    &res, &err) == 0 && res.added == 1 && res.bad == 1,
	    "--skip-bad imports the good row");
	answers_import_result_free(&res);
	ok(response_find(db, &q, T[1], "after", &r, &err) == 1 &&
	    strcmp(r.date, "2026-11-18") == 0 && strcmp(r.values[0], "9") == 0,
	    "matched by name folded; the time stamp is the date");
	response_free(&r);
	quest_free(&q);

	db_close(db);
	t_rmtree(tmp);
	return (tap_failed != 0);
}
