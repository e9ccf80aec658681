/* t-plan.c: individual plans: templates, saving, marking steps, completion against 90 %, overdue. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "date.h"
#include "db.h"
#include "person.h"
#include "plan.h"
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
	p.first = xstrdup("Анна");
	p.patronymic = xstrdup("Сергеевна");
	p.category = cat;
	if (class_ != NULL) {
		p.class_ = xstrdup(class_);
		p.birth = xstrdup("2012-05-01");
	}
	if (person_insert(db, &p, &err) != 0) {
		diag("person_insert %s: %s", last, err.msg);
		id = -1;
	} else
		id = p.id;
	person_free(&p);
	return (id);
}

static long long
add_pair(struct db *db, const char *form, long long mentor, long long mentee,
    const char *from, const char *status)
{
	char	*sql;

	xasprintf(&sql, "INSERT INTO pair (form, date_from, status) VALUES "
	    "('%s', %s%s%s, '%s'); INSERT INTO pair_member SELECT "
	    "max(id), %lld, 'mentor' FROM pair; INSERT INTO pair_member "
	    "SELECT max(id), %lld, 'mentee' FROM pair;", form,
	    from ? "'" : "", from ? from : "NULL", from ? "'" : "", status,
	    mentor, mentee);
	if (sqlite3_exec(db->h, sql, NULL, NULL, NULL) != SQLITE_OK)
		diag("add_pair: %s", sqlite3_errmsg(db->h));
	free(sql);
	return (q_int(db, "SELECT max(id) FROM pair"));
}

int
main(void)
{
	struct db		*db;
	struct nerr		 err;
	struct plan		 p, q;
	struct plan_stat	*sv;
	long long		 t1, t2, a, b, pair, pair2, pair3;
	int			 done, total, overdue, n, all_done, all_total;
	int			 met, rc;

	plan(41);
	setlocale(LC_ALL, "C.UTF-8");
	if (getenv("NASTAVNIK_DATADIR") == NULL)
		setenv("NASTAVNIK_DATADIR", "data", 1);
	if (t_tmpdir(tmp, sizeof tmp, "t-plan") != 0 ||
	    (db = t_open_db(tmp, "p.db")) == NULL) {
		diag("no database");
		return (1);
	}
	date_set_today("2026-09-20", &err);
	t1 = add_person(db, "Орлова", CAT_TEACHER, NULL);
	t2 = add_person(db, "Петрова", CAT_TEACHER, NULL);
	a = add_person(db, "Иванова", CAT_PUPIL, "7Б");
	b = add_person(db, "Сидорова", CAT_PUPIL, "8А");
	pair = add_pair(db, "teacher-pupil", t1, a, "2026-09-01", "active");
	pair2 = add_pair(db, "teacher-teacher", t1, t2, NULL, "forming");
	pair3 = add_pair(db, "pupil-pupil", a, b, "2026-09-01", "cancelled");

	is_int(plan_get(db, pair, &p, &err), 1, "no plan yet");

	/* ---- from the template ---- */
	rc = plan_from_template(db, pair, &p, &err);
	ok(rc == 0, "a plan from the teacher-pupil template");
	if (rc != 0)
		diag("%s", err.msg);
	ok(p.id > 0 && p.nsteps >= 5, "... saved with several steps");
	is_str(p.nsteps > 0 ? p.steps[0].due : NULL, "2026-09-01",
	    "... the first due on the pair's start");
	like(p.nsteps > 0 ? p.steps[0].title : NULL, "Встреча-знакомство",
	    "... and it is the getting-to-know meeting");
	like(p.nsteps > 0 ? p.steps[p.nsteps - 1].title : NULL, "Отчёт",
	    "... the last the report");
	ok(p.nsteps > 2 && strcmp(p.steps[2].due, "2026-09-15") == 0,
	    "... the third due two weeks in");
	total = p.nsteps;
	plan_free(&p);
	ok(plan_from_template(db, pair, &p, &err) != 0,
	    "a second plan for the pair is refused");
	like(err.msg, "already has a plan", "... saying why");

	ok(plan_get(db, pair, &p, &err) == 0 && p.nsteps == total,
	    "read back");
	plan_completion(&p, &done, &n, &overdue);
	is_int(done, 0, "nothing done");
	is_int(overdue, 3, "three steps due before 20.09 are overdue");

	/* ---- marking steps ---- */
	ok(plan_step_mark(db, p.steps[0].id, "2026-09-01", 0, &err) == 0,
	    "step 1 done on 01.09");
	ok(plan_step_mark(db, p.steps[1].id, NULL, 0, &err) == 0,
	    "step 2 done today");
	ok(plan_step_mark(db, p.steps[2].id, "2026-10-01", 0, &err) != 0,
	    "a done date in the future is refused");
	like(err.msg, "has not come yet", "... saying so");
	ok(plan_step_mark(db, 99999, NULL, 0, &err) != 0, "a missing step");
	like(err.msg, "99999", "... named");
	is_int(q_int(db, "SELECT count(*) FROM audit WHERE action = "
	    "'plan.step.done'"), 2, "each mark audited");

	/* Someone marked steps: the old copy is stale. */
	free(p.title);
	p.title = xstrdup("План Ивановой");
	ok(plan_save(db, &p, &err) != 0, "saving a stale copy is refused");
	like(err.msg, "Someone else changed", "... saying so");
	plan_free(&p);

	plan_get(db, pair, &p, &err);
	plan_completion(&p, &done, &n, &overdue);
	is_int(done, 2, "2 done");
	is_int(overdue, 1, "1 overdue");
	is_str(p.steps[1].done, "2026-09-20", "the second done today");
	ok(plan_step_mark(db, p.steps[1].id, NULL, 1, &err) == 0, "undo");
	plan_free(&p);
	plan_get(db, pair, &p, &err);
	plan_completion(&p, &done, &n, &overdue);
	is_int(done, 1, "1 done after undo");

	/* ---- editing ---- */
	plan_step_add(&p, "Экскурсия в технопарк", "2026-11-01");
	p.approved = xstrdup("2026-09-05");
	p.approved_order = xstrdup("№ 112-о");
	ok(plan_save(db, &p, &err) == 0, "a step added and the plan approved");
	ok(p.steps[p.nsteps - 1].id > 0, "... the new step has its id");
	plan_free(&p);
	plan_get(db, pair, &p, &err);
	is_int(p.nsteps, total + 1, "... one more step");
	is_str(p.approved_order, "№ 112-о", "... the order kept");
	plan_free(&p);
	plan_get(db, pair, &p, &err);
	free(p.steps[0].title);
	p.steps[0].title = NULL;
	ok(plan_save(db, &p, &err) != 0, "a step with no title is refused");
	like(err.msg, "Step 1", "... naming the step");
	plan_free(&p);

	/* ---- a small plan, all done ---- */
	plan_init(&q);
	q.pair_id = pair2;
	plan_step_add(&q, "Посещение уроков", "2026-09-10")->done =
	    xstrdup("2026-09-10");
	plan_step_add(&q, "Открытый урок", "2026-09-18")->done =
	    xstrdup("2026-09-18");
	ok(plan_save(db, &q, &err) == 0, "a two-step plan");
	plan_free(&q);
	plan_init(&q);
	q.pair_id = pair3;
	plan_step_add(&q, "Шаг", NULL);
	ok(plan_save(db, &q, &err) == 0, "a plan of a cancelled pair");
	plan_free(&q);

	/* ---- the figures ---- */
	ok(plan_stats(db, &sv, &n, &all_done, &all_total, &met, &err) == 0,
	    "plan figures");
	is_int(n, 2, "cancelled pairs' plans left out");
	ok(n == 2 && sv[0].pair_id == pair && sv[1].pair_id == pair2,
	    "the one furthest behind first");
	ok(n == 2 && sv[0].done == 1 && sv[0].total == total + 1 &&
	    sv[0].overdue == 2, "... its done, total and overdue");
	is_int(met, 1, "one plan at or above 90 %%");
	ok(all_done == 3 && all_total == total + 3, "overall steps");
	if (n >= 1)
		like(sv[0].who, "Орлова А. С. → Иванова А. С.",
		    "... the pair named");
	else
		ok(0, "... the pair named");
	plan_stats_free(sv, n);

	db_close(db);
	t_rmtree(tmp);
	return (tap_failed != 0);
}
