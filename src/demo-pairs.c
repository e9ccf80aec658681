/* demo-pairs.c: the demo school's pairs, plans, meetings, attendance and its teacher, made through the core. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "demo.h"
#include "meeting.h"
#include "pair.h"
#include "person.h"
#include "plan.h"
#include "user.h"
#include "util.h"

/*
 * Everything goes through the same calls a curator's keys make (pair_add,
 * plan_from_template, meeting_lay_out, attend_mark, user_add), so the demo
 * obeys the rules the program enforces; each is its own short transaction.
 * Russian data, not interface: not translated.  Dates count back from
 * today, so whenever the demo is made it has a past and a future.
 */

/* How a side of a pair is found among the demo's people. */
enum { W_TEACHER, W_YOUNG, W_PUPIL_MENTOR, W_PARTNER, W_GRADUATE, W_PUPIL };

struct demo_pair_spec {
	int		 form;
	int		 kind;
	int		 mentor;	/* W_ */
	const char	*mpos;		/* position, or the n-th pupil mentor */
	int		 moff;
	int		 mentee;	/* W_YOUNG or W_PUPIL */
	const char	*epos;
	int		 glo, ghi;	/* a pupil mentee's grades */
	int		 nmentees;
	int		 status;
	int		 ago;		/* started this many days before today */
	int		 overdue;	/* leave the last step due undone */
	const char	*goal;
};

#define ROLE_MODEL_YS	"опытный педагог – молодой специалист"

static const struct demo_pair_spec specs[] = {
	{ PF_TEACHER_TEACHER, PK_TRADITIONAL, W_TEACHER, "учитель математики",
	  0, W_YOUNG, "учитель математики", 0, 0, 1, PST_ACTIVE, 75, 0,
	  "освоить электронный журнал и подготовку к ОГЭ" },
	{ PF_TEACHER_TEACHER, PK_TRADITIONAL, W_TEACHER,
	  "учитель начальных классов", 0, W_YOUNG,
	  "учитель начальных классов", 0, 0, 1, PST_ACTIVE, 70, 1,
	  "дисциплина на уроке и работа с родителями" },
	{ PF_TEACHER_TEACHER, PK_TRADITIONAL, W_TEACHER,
	  "учитель информатики и физики", 0, W_YOUNG,
	  "учитель английского языка", 0, 0, 1, PST_ACTIVE, 65, 0,
	  "рабочая программа и аттестация" },
	{ PF_PUPIL_PUPIL, PK_TRADITIONAL, W_PUPIL_MENTOR, NULL, 0, W_PUPIL,
	  NULL, 2, 4, 1, PST_ACTIVE, 60, 1, "счёт и таблица умножения" },
	{ PF_PUPIL_PUPIL, PK_TRADITIONAL, W_PUPIL_MENTOR, NULL, 1, W_PUPIL,
	  NULL, 1, 4, 1, PST_ACTIVE, 55, 0, "освоиться в школе" },
	{ PF_PUPIL_PUPIL, PK_TRADITIONAL, W_PUPIL_MENTOR, NULL, 2, W_PUPIL,
	  NULL, 2, 5, 1, PST_COMPLETED, 0, 0, "чтение и пересказ" },
	{ PF_TEACHER_PUPIL, PK_TRADITIONAL, W_TEACHER, "учитель математики",
	  0, W_PUPIL, NULL, 9, 9, 1, PST_ACTIVE, 50, 0,
	  "математика к ОГЭ" },
	{ PF_TEACHER_PUPIL, PK_GROUP, W_TEACHER, "учитель биологии и химии",
	  0, W_PUPIL, NULL, 6, 8, 3, PST_ACTIVE, 45, 0,
	  "олимпиада по биологии" },
	{ PF_TEACHER_PUPIL, PK_TRADITIONAL, W_TEACHER,
	  "учитель русского языка и литературы", 0, W_PUPIL, NULL, 9, 9, 1,
	  PST_ACTIVE, 40, 1, "ОГЭ по русскому языку" },
	{ PF_EMPLOYER_PUPIL, PK_TRADITIONAL, W_PARTNER, NULL, 0, W_PUPIL,
	  NULL, 8, 9, 1, PST_ACTIVE, 35, 0, "выбор профессии" },
	{ PF_STUDENT_PUPIL, PK_TRADITIONAL, W_GRADUATE, NULL, 0, W_PUPIL,
	  NULL, 8, 9, 1, PST_ACTIVE, 30, 0, "поступление в колледж" },
	{ PF_TEACHER_PUPIL, PK_TRADITIONAL, W_TEACHER,
	  "учитель русского языка и литературы", 0, W_PUPIL, NULL, 5, 8, 1,
	  PST_CANCELLED, 45, 0, "подтянуть русский язык" },
};

struct dp {
	struct db	*db;
	uint64_t	 rng;
	long		 today;		/* day number */
	int		 year;		/* the school year's first year */
	long long	 ivanova;	/* the demo teacher as a participant */
};

static uint32_t
dp_rand(struct dp *d)
{
	uint64_t	z = (d->rng += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return ((uint32_t)((z ^ (z >> 31)) >> 32));
}

static void
dp_iso(long day, char *iso)
{
	date_from_days(day, iso);
}

/* The first id a query (binds ?1 text, ?2 ?3 ints, ?4 an id) gives; 0. */
static long long
dp_idx(struct dp *d, const char *sql, const char *s1, int i1, int i2,
    long long after, struct nerr *err)
{
	sqlite3_stmt	*st;
	long long	 id = 0;
	int		 rc;

	if ((st = db_prepare(d->db, sql, err)) == NULL)
		return (-1);
	if (s1 != NULL)
		sqlite3_bind_text(st, 1, s1, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, i1);
	sqlite3_bind_int(st, 3, i2);
	sqlite3_bind_int64(st, 4, after);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return (db_fail(d->db, err, _("making the demo school")));
	return (id);
}

static long long
dp_id(struct dp *d, const char *sql, const char *s1, int i1, int i2,
    struct nerr *err)
{
	return (dp_idx(d, sql, s1, i1, i2, 0, err));
}

static long long
dp_mentor(struct dp *d, const struct demo_pair_spec *s, struct nerr *err)
{
	switch (s->mentor) {
	case W_TEACHER:
		return (dp_id(d, "SELECT id FROM person WHERE category = "
		    "'teacher' AND position = ?1 AND is_mentor = 1 ORDER BY id",
		    s->mpos, 0, 0, err));
	case W_PUPIL_MENTOR:
		return (dp_id(d, "SELECT id FROM person WHERE category = "
		    "'pupil' AND is_mentor = 1 ORDER BY id LIMIT 1 OFFSET ?2",
		    NULL, s->moff, 0, err));
	case W_PARTNER:
		return (dp_id(d, "SELECT id FROM person WHERE category = "
		    "'partner' AND is_mentor = 1 ORDER BY id", NULL, 0, 0, err));
	default:
		return (dp_id(d, "SELECT id FROM person WHERE category = "
		    "'graduate' AND is_mentor = 1 ORDER BY id", NULL, 0, 0,
		    err));
	}
}

/*
 * A mentee not yet in any pair: a young specialist by position, or a
 * pupil of the grades with a processing consent (7Б has none: its papers
 * are still out), the lowest id after `after` first, so the same seed
 * gives the same pairs and a group gets different pupils.
 */
static long long
dp_mentee(struct dp *d, const struct demo_pair_spec *s, long long after,
    struct nerr *err)
{
	if (s->mentee == W_YOUNG)
		return (dp_idx(d, "SELECT id FROM person WHERE category = "
		    "'young-specialist' AND position = ?1 AND is_mentee = 1 "
		    "AND id > ?4 AND id NOT IN (SELECT person_id FROM "
		    "pair_member) ORDER BY id", s->epos, 0, 0, after, err));
	return (dp_idx(d, "SELECT p.id FROM person p WHERE p.category = "
	    "'pupil' AND p.is_mentee = 1 AND p.id > ?4 AND "
	    "CAST(p.class AS INTEGER) BETWEEN ?2 AND ?3 AND EXISTS (SELECT 1 "
	    "FROM consent c WHERE c.person_id = p.id AND c.kind = 'pd' AND "
	    "c.revoked IS NULL) AND p.id NOT IN (SELECT person_id FROM "
	    "pair_member) ORDER BY p.id", NULL, s->glo, s->ghi, after, err));
}

/* Room for n more mentees: the demo's random capacities must fit its pairs. */
static int
dp_room(struct dp *d, long long mentor, int n, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 load, rc;

	if ((load = pair_mentor_load(d->db, mentor, err)) < 0)
		return (-1);
	if (db_begin(d->db, err) != 0)
		return (-1);
	if ((st = db_prepare(d->db, "UPDATE mentor SET capacity = ?2 WHERE "
	    "person_id = ?1 AND capacity BETWEEN 1 AND ?2 - 1", err)) == NULL) {
		db_rollback(d->db);
		return (-1);
	}
	sqlite3_bind_int64(st, 1, mentor);
	sqlite3_bind_int(st, 2, load + n);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_fail(d->db, err, _("making the demo school"));
		db_rollback(d->db);
		return (-1);
	}
	return (db_commit(d->db, err));
}

/*
 * The plan from the shipped template (or, if the templates cannot be read,
 * a short one of our own), its past steps done on their day, but for the
 * last one due when the pair is to show an overdue step.
 */
static int
dp_plan(struct dp *d, long long pair, int overdue, struct nerr *err)
{
	struct plan	 p;
	struct nerr	 why;
	char		 iso[DATE_ISO_LEN], from[DATE_ISO_LEN];
	long		 due;
	int		 i, last = -1, rc = 0;

	nerr_clear(&why);
	if (plan_from_template(d->db, pair, &p, &why) != 0) {
		plan_init(&p);
		p.pair_id = pair;
		p.title = xstrdup("Индивидуальный план");
		dp_iso(d->today - 30, from);
		plan_step_add(&p, "Встреча-знакомство", from);
		dp_iso(d->today - 16, iso);
		plan_step_add(&p, "Составление плана", iso);
		dp_iso(d->today + 30, iso);
		plan_step_add(&p, "Итоговая встреча", iso);
		if (plan_save(d->db, &p, err) != 0) {
			plan_free(&p);
			return (-1);
		}
	}
	plan_free(&p);
	if (plan_get(d->db, pair, &p, err) != 0) {
		plan_free(&p);
		return (-1);
	}
	for (i = 0; i < p.nsteps; i++)
		if (p.steps[i].due != NULL && date_days(p.steps[i].due) <
		    d->today)
			last = i;
	for (i = 0; i <= last && rc == 0; i++) {
		if (overdue && i == last)
			break;
		due = date_days(p.steps[i].due) + (long)(dp_rand(d) % 3);
		dp_iso(due < d->today ? due : d->today - 1, iso);
		rc = plan_step_mark(d->db, p.steps[i].id, iso, 0, err);
	}
	plan_free(&p);
	return (rc);
}

/* Everyone expected marks: mostly present, now and then absent or excused. */
static int
dp_mark(struct dp *d, long long meeting, int absent_every, struct nerr *err)
{
	struct att_row	*r;
	int		 n, i, st, rc = 0;

	if (attend_list(d->db, meeting, &r, &n, err) != 0)
		return (-1);
	for (i = 0; i < n && rc == 0; i++) {
		if (absent_every > 0)
			st = i % absent_every == absent_every - 1 ? ATT_ABSENT :
			    ATT_PRESENT;
		else
			st = dp_rand(d) % 12 == 0 ? ATT_ABSENT :
			    dp_rand(d) % 16 == 0 ? ATT_EXCUSED : ATT_PRESENT;
		rc = attend_mark(d->db, meeting, r[i].person_id, st, err);
	}
	attend_list_free(r, n);
	return (rc);
}

/* The pair's meetings before today, marked. */
static int
dp_mark_past(struct dp *d, long long pair, struct nerr *err)
{
	sqlite3_stmt	*st;
	long long	 ids[64];
	char		 iso[DATE_ISO_LEN];
	int		 n = 0, i, rc;

	dp_iso(d->today, iso);
	if ((st = db_prepare(d->db, "SELECT id FROM meeting WHERE pair_id = ? "
	    "AND date < ? ORDER BY date, id LIMIT 64", err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, pair);
	sqlite3_bind_text(st, 2, iso, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		ids[n++] = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return (db_fail(d->db, err, _("making the demo school")));
	for (i = 0, rc = 0; i < n && rc == 0; i++)
		rc = dp_mark(d, ids[i], 0, err);
	return (rc);
}

static int
dp_one(struct dp *d, const struct demo_pair_spec *s, struct nerr *err)
{
	struct pair	 p;
	struct meeting	 m;
	char		 a[DATE_ISO_LEN], b[DATE_ISO_LEN], buf[32];
	long long	 mentor, mentee;
	long		 from, to, start;
	int		 i, rc = -1;

	if ((mentor = dp_mentor(d, s, err)) <= 0)
		return (mentor < 0 ? -1 : 0);	/* nobody fits: no pair */
	pair_init(&p);
	p.form = s->form;
	p.kind = s->kind;
	p.status = PST_ACTIVE;
	p.goal = xstrdup(s->goal);
	if (s->form == PF_TEACHER_TEACHER)
		p.role_model = xstrdup(ROLE_MODEL_YS);
	pair_member_add(&p, mentor, PR_MENTOR);
	for (i = 0, mentee = 0; i < s->nmentees; i++) {
		if ((mentee = dp_mentee(d, s, mentee, err)) < 0)
			goto out;
		if (mentee == 0)
			break;
		pair_member_add(&p, mentee, PR_MENTEE);
	}
	if (p.nmembers < 2) {
		rc = 0;
		goto out;
	}
	/* The school year starts the clock: never before 1 September. */
	snprintf(buf, sizeof buf, "%04d-09-01", d->year);
	start = date_days(buf);
	if (s->status == PST_COMPLETED) {
		/* Last school year, from October to May. */
		snprintf(buf, sizeof buf, "%04d-10-01", d->year - 1);
		from = date_days(buf);
		snprintf(buf, sizeof buf, "%04d-05-20", d->year);
		to = date_days(buf);
	} else {
		from = d->today - s->ago;
		if (from < start)
			from = start;
		snprintf(buf, sizeof buf, "%04d-05-25", d->year + 1);
		to = date_days(buf);
		/* Made in the summer: the pair runs into the autumn. */
		if (to < from + 60)
			to = from + 120;
	}
	dp_iso(from, a);
	dp_iso(to, b);
	p.date_from = xstrdup(a);
	p.date_to = xstrdup(b);
	xasprintf(&p.order_no, "№ %d-о", 60 + (int)(dp_rand(d) % 40));
	p.order_date = xstrdup(a);
	if (dp_room(d, mentor, p.nmembers - 1, err) != 0 ||
	    pair_add(d->db, &p, 0, err) != 0)
		goto out;
	if (s->status == PST_CANCELLED) {
		/* One meeting held, then the mentee moved away. */
		meeting_init(&m);
		m.pair_id = p.id;
		m.kind = MK_ACQUAINTANCE;
		m.date = xstrdup(a);
		m.time = xstrdup("14:30");
		rc = meeting_add(d->db, &m, err);
		if (rc == 0 && from < d->today)
			rc = dp_mark(d, m.id, 0, err);
		meeting_free(&m);
		to = from + 21 < d->today ? from + 21 : d->today;
		dp_iso(to, b);
		if (rc == 0)
			rc = pair_set_status(d->db, p.id, PST_CANCELLED, b,
			    "наставляемый перешёл в другую школу", err);
		goto out;
	}
	if ((rc = dp_plan(d, p.id, s->overdue, err)) != 0)
		goto out;
	if ((rc = meeting_lay_out(d->db, p.id, 21, err)) < 0)
		goto out;
	if ((rc = dp_mark_past(d, p.id, err)) != 0)
		goto out;
	if (s->status == PST_COMPLETED)
		rc = pair_set_status(d->db, p.id, PST_COMPLETED, b, "цели плана "
		    "достигнуты, наставляемый читает и пересказывает сам", err);
out:
	pair_free(&p);
	return (rc);
}

/*
 * School-wide events: a class hour for 7Б a week ago (8 of its pupils
 * came: short of the 90 % target) and one in two days, a teachers'
 * council two weeks ago, a parents' meeting ten days ago.
 */
static int
dp_events(struct dp *d, struct nerr *err)
{
	static const struct {
		int		 kind;
		const char	*audience;
		int		 days;		/* from today */
		const char	*time;
		const char	*topic;
		int		 absent_every;	/* 0: only the last one */
	} ev[] = {
		{ MK_CLASS_HOUR, "7Б", -7, "13:30",
		  "Профессии нашего села", 0 },
		{ MK_CLASS_HOUR, "7Б", 2, "13:30",
		  "Встреча с выпускниками", 0 },
		{ MK_COUNCIL, "teacher", -14, "15:00",
		  "Наставничество: итоги первой четверти", 0 },
		{ MK_PARENTS, "parent", -10, "18:00",
		  "Наставничество в школе: что это даёт детям", 4 },
	};
	struct meeting	 m;
	struct att_row	*r;
	char		 iso[DATE_ISO_LEN];
	size_t		 i;
	int		 rc = 0, n, j;

	for (i = 0; i < nitems(ev) && rc == 0; i++) {
		meeting_init(&m);
		m.kind = ev[i].kind;
		dp_iso(d->today + ev[i].days, iso);
		m.date = xstrdup(iso);
		m.time = xstrdup(ev[i].time);
		m.topic = xstrdup(ev[i].topic);
		m.place = xstrdup(ev[i].kind == MK_CLASS_HOUR ? "кабинет 7" :
		    "актовый зал");
		m.audience = xstrdup(ev[i].audience);
		m.target_pct = ev[i].kind == MK_PARENTS ? 0 : 90;
		rc = meeting_add(d->db, &m, err);
		if (rc == 0 && ev[i].days < 0) {
			if (ev[i].absent_every > 0)
				rc = dp_mark(d, m.id, ev[i].absent_every, err);
			else if ((rc = attend_list(d->db, m.id, &r, &n,
			    err)) == 0) {
				/* All came but the last of the list. */
				for (j = 0; j < n && rc == 0; j++)
					rc = attend_mark(d->db, m.id,
					    r[j].person_id, j == n - 1 ?
					    ATT_ABSENT : ATT_PRESENT, err);
				attend_list_free(r, n);
			}
		}
		meeting_free(&m);
	}
	return (rc);
}

/* The class teacher of 7Б, who mentors a young colleague and a pupil. */
static int
dp_teacher(struct dp *d, struct nerr *err)
{
	struct user	 u;
	char		*cls[1] = { "7Б" };
	int		 rc;

	if (d->ivanova <= 0)
		return (0);
	/* Whoever makes the demo may be called ivanova: leave them be. */
	if (d->db->user != NULL && strcmp(d->db->user, DEMO_TEACHER) == 0)
		return (0);
	user_init(&u);
	u.login = xstrdup(DEMO_TEACHER);
	u.role = ROLE_TEACHER;
	u.person_id = d->ivanova;
	u.classes = xreallocarray(NULL, 1, sizeof *u.classes);
	u.classes[0] = xstrdup(cls[0]);
	u.nclasses = 1;
	rc = user_add(d->db, &u, err);
	user_free(&u);
	return (rc);
}

int
demo_pairs(struct db *db, unsigned int seed, struct nerr *err)
{
	struct dp	d;
	char		sy[32];
	size_t		i;
	int		rc = 0;

	memset(&d, 0, sizeof d);
	d.db = db;
	d.rng = 0x70617273ULL ^ ((uint64_t)seed << 21) ^ seed;
	d.today = date_days(date_today());
	date_school_year(date_today(), sy, sizeof sy);
	d.year = atoi(sy);
	if ((d.ivanova = dp_id(&d, "SELECT id FROM person WHERE category = "
	    "'teacher' AND last = 'Иванова' AND is_mentor = 1 ORDER BY id",
	    NULL, 0, 0, err)) < 0)
		return (-1);
	for (i = 0; i < nitems(specs) && rc == 0; i++)
		rc = dp_one(&d, &specs[i], err);
	if (rc == 0)
		rc = dp_events(&d, err);
	if (rc == 0)
		rc = dp_teacher(&d, err);
	if (rc == 0)
		rc = demo_monitor(db, seed, err);
	return (rc);
}
