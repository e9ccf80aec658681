/* t-indicator.c: the figures each response keeps for the indicators stay right as answers and questions change. */
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

/* Responses whose kept figures differ from their answers: must be none. */
#define STALE_SQL							\
	"SELECT count(*) FROM response r WHERE (r.scale_sum, r.scale_n, "	\
	"coalesce(r.scale_vals, '')) IS NOT (SELECT coalesce(sum(CAST("	\
	"a.value AS REAL) * 100.0 / (CASE q.type WHEN 'scale10' THEN 10 "	\
	"ELSE 5 END)), 0), count(a.value), coalesce(group_concat("	\
	"a.question_id || '=' || a.value, ','), '') FROM answer a JOIN "	\
	"question q ON q.id = a.question_id WHERE a.response_id = r.id AND "	\
	"q.type IN ('scale10', 'scale5'))"

static void
sql(struct db *db, const char *s)
{
	struct nerr	err;

	if (db_exec(db, s, &err) != 0)
		diag("%s: %s", s, err.msg);
}

static int
answer(struct db *db, long long person, const char *stage, const char *date,
    const char *const *vals)
{
	struct questionnaire	q;
	struct response		r;
	struct nerr		err;
	int			i, rc;

	if (quest_get(db, "mentee", &q, &err) != 0) {
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

/* An indicator's value as of 20.11.2026; -999 if it has none. */
static double
value(struct db *db, const char *code)
{
	struct indicator	*v;
	struct nerr		 err;
	double			 x = -999;
	int			 i, n;

	if (indicators_compute(db, "2026-11-20", &v, &n, &err) != 0) {
		diag("%s", err.msg);
		return (-999);
	}
	for (i = 0; i < n; i++)
		if (strcmp(v[i].code, code) == 0 && v[i].has_value)
			x = v[i].value;
	indicators_free(v, n);
	return (x);
}

static int
near(double a, double b)
{
	return (a - b < 1e-6 && b - a < 1e-6);
}

int
main(void)
{
	struct db	*db;
	struct nerr	 err;
	struct person	 p;
	const char	*before[] = { "5", "5", "5", "5", "5", NULL };
	const char	*after[] = { "8", "9", "7", "6", "10", NULL };
	const char	*again[] = { "10", "10", "10", "10", "10", NULL };
	char		 buf[256];
	long long	 pid, rb, ra;
	int		 added;

	plan(21);
	setenv("NASTAVNIK_DATADIR", BUILD_DATADIR, 1);
	date_set_today("2026-11-20", &err);
	if (t_tmpdir(tmp, sizeof tmp, "t-indicator") != 0 ||
	    (db = t_open_db(tmp, "n.db")) == NULL) {
		diag("no database");
		return (1);
	}
	if (quest_templates_load(db, &added, &err) != 0) {
		diag("%s", err.msg);
		return (1);
	}
	person_init(&p);
	p.last = xstrdup("Петрова");
	p.first = xstrdup("Анна");
	p.category = CAT_PUPIL;
	p.class_ = xstrdup("7А");
	if (person_insert(db, &p, &err) != 0) {
		diag("%s", err.msg);
		return (1);
	}
	pid = p.id;
	person_free(&p);

	/* Five 1-10 answers before, five after: each x 10 per cent. */
	ok(answer(db, pid, "before", "2026-10-01", before) == 0 &&
	    answer(db, pid, "after", "2026-11-10", after) == 0, "answered");
	rb = q_int(db, "SELECT id FROM response WHERE stage = 'before'");
	ra = q_int(db, "SELECT id FROM response WHERE stage = 'after'");
	snprintf(buf, sizeof buf, "SELECT scale_sum * 10 + scale_n FROM "
	    "response WHERE id = %lld", ra);
	is_int(q_int(db, buf), 4005, "after keeps 400 %% over 5 answers");
	is_int(q_int(db, STALE_SQL), 0, "... and its answers, as the before");
	ok(near(value(db, "satisfaction-mentee"), 80),
	    "satisfaction (8+9+7+6+10) x 10 / 5 = 80");
	ok(near(value(db, "change-mentee-1"), 3) &&
	    near(value(db, "change-mentee-5"), 5), "change 8-5 = 3, 10-5 = 5");

	/* An answer changed behind the program's back (the sqlite3 shell). */
	snprintf(buf, sizeof buf, "UPDATE answer SET value = '2' WHERE "
	    "response_id = %lld AND question_id = (SELECT id FROM question "
	    "WHERE pos = 1 AND questionnaire_id = (SELECT id FROM "
	    "questionnaire WHERE code = 'mentee'))", ra);
	sql(db, buf);
	is_int(q_int(db, STALE_SQL), 0, "an answer updated: kept");
	ok(near(value(db, "satisfaction-mentee"), 68), "... satisfaction 68");
	ok(near(value(db, "change-mentee-1"), -3), "... change 2-5 = -3");

	snprintf(buf, sizeof buf, "DELETE FROM answer WHERE response_id = "
	    "%lld AND question_id = (SELECT id FROM question WHERE pos = 2 "
	    "AND questionnaire_id = (SELECT id FROM questionnaire WHERE code "
	    "= 'mentee'))", ra);
	sql(db, buf);
	is_int(q_int(db, STALE_SQL), 0, "an answer deleted: kept");
	ok(near(value(db, "satisfaction-mentee"), 62.5),
	    "... satisfaction (2+7+6+10) x 10 / 4 = 62.5");
	ok(value(db, "change-mentee-2") == -999,
	    "... no change for a question answered only before");

	sql(db, "UPDATE question SET type = 'text' WHERE pos = 5 AND "
	    "questionnaire_id = (SELECT id FROM questionnaire WHERE code = "
	    "'mentee')");
	is_int(q_int(db, STALE_SQL), 0, "a question no longer a scale: kept");
	ok(near(value(db, "satisfaction-mentee"), 50),
	    "... satisfaction (2+7+6) x 10 / 3 = 50");
	ok(value(db, "change-mentee-5") == -999, "... and no change for it");

	snprintf(buf, sizeof buf, "INSERT INTO answer (response_id, "
	    "question_id, value) SELECT %lld, id, '4' FROM question WHERE "
	    "pos = 2 AND questionnaire_id = (SELECT id FROM questionnaire "
	    "WHERE code = 'mentee')", ra);
	sql(db, buf);
	is_int(q_int(db, STALE_SQL), 0, "an answer inserted: kept");
	ok(near(value(db, "satisfaction-mentee"), 47.5),
	    "... satisfaction (2+4+7+6) x 10 / 4 = 47.5");
	ok(near(value(db, "change-mentee-2"), -1), "... change 4-5 = -1");

	/* The program replaces the "after"; then the "before" goes. */
	ok(answer(db, pid, "after", "2026-11-12", again) == 0,
	    "the after answered again");
	ok(near(value(db, "satisfaction-mentee"), 100) &&
	    q_int(db, STALE_SQL) == 0, "... satisfaction 100, kept");
	snprintf(buf, sizeof buf, "DELETE FROM response WHERE id = %lld", rb);
	sql(db, buf);
	ok(value(db, "change-mentee-1") == -999, "the before deleted: no change");
	is_int(q_int(db, STALE_SQL), 0, "... and nothing stale");

	db_close(db);
	t_rmtree(tmp);
	return (done_testing());
}
