/* bench/gen-pairs.c: the programme's life for the benchmark file: pairs, plans, meetings, attendance, teachers. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "gen.h"
#include "monitor.h"
#include "person.h"
#include "util.h"

/* Rows per transaction: short enough to be polite, long enough to be fast. */
#define GEN_CHUNK	2000
#define GEN_MAXMEMB	4

static const char *step_titles[] = {
	"Знакомство, согласование целей и правил работы",
	"Диагностика затруднений и интересов наставляемого",
	"Составление и утверждение индивидуального плана",
	"Посещение и разбор занятий",
	"Совместная подготовка проекта",
	"Промежуточный анализ: что получилось, что нет",
	"Открытое мероприятие или выступление наставляемого",
	"Итоговая встреча, анкетирование и отчёт",
};
static const char *working_topics[] = {
	"Разбор задач", "Подготовка проекта", "Обсуждение прочитанного",
	"Разбор урока", "Консультация", "Пробное выступление",
};

/* Everyone a bucket of ids; small arrays, never the whole person table. */
struct ids {
	long long	*v;
	int		*cat;
	long		 n, cap;
};

static void
ids_add(struct ids *a, long long id, int cat)
{
	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 1024;
		a->v = xreallocarray(a->v, (size_t)a->cap, sizeof *a->v);
		a->cat = xreallocarray(a->cat, (size_t)a->cap, sizeof *a->cat);
	}
	a->v[a->n] = id;
	a->cat[a->n++] = cat;
}

static void
ids_free(struct ids *a)
{
	free(a->v);
	free(a->cat);
}

struct gen {
	struct db		*db;
	const struct gen_sizes	*sz;
	long			 today;		/* day number */
	sqlite3_stmt		*pair, *member, *plan, *step, *meet, *att;
	sqlite3_stmt		*evatt;
	long long		 meeting_id;
	long			 nmeetings, nmarks, nsteps, nplans;
	struct ids		 teachers_with_pairs;
};

static int
gen_step(struct gen *g, sqlite3_stmt *st, struct nerr *err)
{
	int	rc = sqlite3_step(st);

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		return (db_fail(g->db, err, "generating"));
	return (0);
}

static void
gen_iso(long day, char *iso)
{
	date_from_days(day, iso);
}

/* The day number of month-day md in year y. */
static long
gen_day(int y, const char *md)
{
	char	buf[32];	/* room for any int year */

	snprintf(buf, sizeof buf, "%04d-%s", y, md);
	return (date_days(buf));
}

static int
gen_load(struct db *db, const char *sql, struct ids *a, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_prepare(db, sql, err)) == NULL)
		return (-1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		ids_add(a, sqlite3_column_int64(st, 0),
		    person_category_parse((const char *)
		    sqlite3_column_text(st, 1)));
	sqlite3_finalize(st);
	return (rc == SQLITE_DONE ? 0 : db_fail(db, err, "reading"));
}

static int
gen_mark(struct gen *g, long long meeting, long long person, struct nerr *err)
{
	int	r = gen_upto(100);

	sqlite3_bind_int64(g->att, 1, meeting);
	sqlite3_bind_int64(g->att, 2, person);
	sqlite3_bind_text(g->att, 3, r < 85 ? "present" : r < 95 ? "absent" :
	    "excused", -1, SQLITE_STATIC);
	g->nmarks++;
	return (gen_step(g, g->att, err));
}

/* One meeting row; its id in g->meeting_id. */
static int
gen_meeting(struct gen *g, long long pair, const char *kind, long day,
    const char *topic, const char *audience, int target, const char *status,
    struct nerr *err)
{
	char	iso[DATE_ISO_LEN];

	gen_iso(day, iso);
	sqlite3_bind_int64(g->meet, 1, ++g->meeting_id);
	if (pair != 0)
		sqlite3_bind_int64(g->meet, 2, pair);
	sqlite3_bind_text(g->meet, 3, kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(g->meet, 4, iso, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(g->meet, 5, pair != 0 ? "15:00" : "13:30", -1,
	    SQLITE_STATIC);
	if (topic != NULL)
		sqlite3_bind_text(g->meet, 6, topic, -1, SQLITE_STATIC);
	sqlite3_bind_text(g->meet, 7, pair != 0 ? "кабинет 12" : "актовый зал",
	    -1, SQLITE_STATIC);
	if (audience != NULL)
		sqlite3_bind_text(g->meet, 8, audience, -1, SQLITE_TRANSIENT);
	if (target > 0)
		sqlite3_bind_int(g->meet, 9, target);
	sqlite3_bind_text(g->meet, 10, status, -1, SQLITE_STATIC);
	g->nmeetings++;
	return (gen_step(g, g->meet, err));
}

/*
 * A pair's standard sequence: acquaintance, trial a week later, planning a
 * week after, working meetings spread to the end, a final one.  Past ones
 * mostly held and marked, a few cancelled or forgotten.
 */
static int
gen_pair_meetings(struct gen *g, long long pair, long from, long to,
    int cancelled_pair, long long *memb, int nmemb, int k, struct nerr *err)
{
	const char	*kind, *topic, *status;
	long		 day, gap;
	int		 i, j, r;

	gap = k > 4 ? (to - from - 14) / (k - 4) : 14;
	if (gap < 7)
		gap = 7;
	for (i = 0; i < k; i++) {
		topic = NULL;
		if (i == 0)
			kind = "acquaintance", day = from;
		else if (i == 1)
			kind = "trial", day = from + 7;
		else if (i == 2)
			kind = "planning", day = from + 14;
		else if (i == k - 1 && k > 3)
			kind = "final", day = to;
		else {
			kind = "working";
			day = from + 14 + gap * (i - 2);
			topic = working_topics[gen_upto(
			    (int)nitems(working_topics))];
		}
		r = gen_upto(100);
		if (cancelled_pair && day > to)
			status = "cancelled";
		else if (day >= g->today)
			status = "planned";
		else
			status = r < 92 ? "held" : r < 96 ? "cancelled" :
			    "planned";
		if (gen_meeting(g, pair, kind, day, topic, NULL, 0, status,
		    err) == -1)
			return (-1);
		if (strcmp(status, "held") != 0)
			continue;
		for (j = 0; j < nmemb && g->nmarks < g->sz->marks; j++)
			if (gen_mark(g, g->meeting_id, memb[j], err) == -1)
				return (-1);
	}
	return (0);
}

static int
gen_plan(struct gen *g, long long pair, long from, int completed,
    struct nerr *err)
{
	char		 iso[DATE_ISO_LEN];
	long		 due;
	size_t		 i;

	g->nplans++;
	sqlite3_bind_int64(g->plan, 1, g->nplans);
	sqlite3_bind_int64(g->plan, 2, pair);
	gen_iso(from + 10, iso);
	sqlite3_bind_text(g->plan, 3, iso, -1, SQLITE_TRANSIENT);
	if (gen_step(g, g->plan, err) == -1)
		return (-1);
	for (i = 0; i < nitems(step_titles); i++) {
		due = from + 7 + 21 * (long)i;
		sqlite3_bind_int64(g->step, 1, g->nplans);
		sqlite3_bind_int(g->step, 2, (int)i + 1);
		sqlite3_bind_text(g->step, 3, step_titles[i], -1,
		    SQLITE_STATIC);
		gen_iso(due, iso);
		sqlite3_bind_text(g->step, 4, iso, -1, SQLITE_TRANSIENT);
		/* Most past steps done, a few overdue; done never in the future. */
		if (due < g->today && (completed || gen_upto(100) < 85)) {
			due -= gen_upto(5);
			gen_iso(due < g->today ? due : g->today - 1, iso);
			sqlite3_bind_text(g->step, 5, iso, -1,
			    SQLITE_TRANSIENT);
		}
		g->nsteps++;
		if (gen_step(g, g->step, err) == -1)
			return (-1);
	}
	return (0);
}

/* Pick a mentor of the form's side, round the bucket. */
static long long
gen_pick(struct ids *b, long *next)
{
	if (b->n == 0)
		return (0);
	/* Skip a little so mentors get 1-5 mentees, not all the same. */
	*next = (*next + 1 + gen_upto(3)) % b->n;
	return (b->v[*next]);
}

enum { B_PUPIL, B_TEACHER, B_PARTNER, B_STUDENT, B__COUNT };

static int
gen_one_pair(struct gen *g, long long id, struct ids *mentees, long *mi,
    struct ids *buck, long *next, int k, struct nerr *err)
{
	static const char *statuses[] = { "active", "completed", "cancelled",
	    "forming" };
	char		 a[DATE_ISO_LEN], b[DATE_ISO_LEN], ord[32];
	const char	*form;
	long long	 memb[GEN_MAXMEMB], mentor;
	long		 from, to;
	int		 nmemb = 0, cat, bucket, r, st, group, i;

	cat = mentees->cat[*mi % mentees->n];
	if (cat == CAT_PUPIL) {
		r = gen_upto(100);
		if (r < 45)
			bucket = B_PUPIL, form = "pupil-pupil";
		else if (r < 78)
			bucket = B_TEACHER, form = "teacher-pupil";
		else if (r < 90)
			bucket = B_STUDENT, form = "student-pupil";
		else
			bucket = B_PARTNER, form = "employer-pupil";
	} else
		bucket = B_TEACHER, form = "teacher-teacher";
	if ((mentor = gen_pick(&buck[bucket], &next[bucket])) == 0)
		bucket = B_TEACHER, form = cat == CAT_PUPIL ? "teacher-pupil" :
		    "teacher-teacher", mentor = gen_pick(&buck[bucket],
		    &next[bucket]);
	/* One in ten a group of up to three of the same category. */
	group = cat == CAT_PUPIL && gen_upto(10) == 0 ? 2 + gen_upto(2) : 1;
	memb[nmemb++] = mentor;
	for (i = 0; i < group; i++) {
		if (i > 0 && mentees->cat[*mi % mentees->n] != cat)
			break;
		memb[nmemb++] = mentees->v[(*mi)++ % mentees->n];
	}
	r = gen_upto(100);
	st = r < 82 ? 0 : r < 90 ? 1 : r < 95 ? 2 : 3;
	from = gen_day(g->sz->sy, "09-10") + gen_upto(75);
	to = gen_day(g->sz->sy + 1, "05-25");
	if (st == 1) {
		/* Ended before today, after two months at least. */
		if (g->today - from > 62)
			to = from + 60 + gen_upto((int)(g->today - from - 61));
		else
			st = 0;
	} else if (st == 2)
		to = from + 20 + gen_upto(40);
	gen_iso(from, a);
	gen_iso(to, b);
	snprintf(ord, sizeof ord, "№ %d-о", 40 + gen_upto(80));
	sqlite3_bind_int64(g->pair, 1, id);
	sqlite3_bind_text(g->pair, 2, form, -1, SQLITE_STATIC);
	sqlite3_bind_text(g->pair, 3, nmemb > 2 ? "group" : "traditional", -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(g->pair, 4, a, -1, SQLITE_TRANSIENT);
	if (st != 0 && st != 3)
		sqlite3_bind_text(g->pair, 5, b, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(g->pair, 6, ord, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(g->pair, 7, a, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(g->pair, 8, statuses[st], -1, SQLITE_STATIC);
	if (gen_step(g, g->pair, err) == -1)
		return (-1);
	for (i = 0; i < nmemb; i++) {
		sqlite3_bind_int64(g->member, 1, id);
		sqlite3_bind_int64(g->member, 2, memb[i]);
		sqlite3_bind_text(g->member, 3, i == 0 ? "mentor" : "mentee",
		    -1, SQLITE_STATIC);
		/* The same mentee twice in a group (the list wrapped): once. */
		if (sqlite3_step(g->member) != SQLITE_DONE &&
		    sqlite3_errcode(g->db->h) != SQLITE_CONSTRAINT) {
			sqlite3_reset(g->member);
			return (db_fail(g->db, err, "generating"));
		}
		sqlite3_reset(g->member);
		sqlite3_clear_bindings(g->member);
	}
	if (bucket == B_TEACHER && st == 0 && strcmp(form, "teacher-pupil") == 0)
		ids_add(&g->teachers_with_pairs, mentor, CAT_TEACHER);
	if (st == 3)		/* forming: nothing yet */
		return (0);
	if (gen_upto(10) != 0 && gen_plan(g, id, from, st == 1, err) == -1)
		return (-1);
	return (gen_pair_meetings(g, id, from, to, st == 2, memb + 1,
	    nmemb - 1, k, err));
}

/*
 * School-wide events: a weekly class hour for every class, a monthly
 * teachers' council, a parents' meeting each quarter; past ones held and
 * marked while the budget of marks lasts (whole audiences at a time, with
 * a share of events chosen so the budget spreads over the year).
 */
static int
gen_events(struct gen *g, struct nerr *err)
{
	sqlite3_stmt	*cl;
	char		**cls = NULL, **keys = NULL;
	long		 start, end, day, expected = 0, left;
	int		*size = NULL, ncls = 0, i, w, nweeks, past, rc;
	double		 share;

	if ((cl = db_prepare(g->db, "SELECT class, class_key, count(*) "
	    "FROM person WHERE category = 'pupil' AND class IS NOT NULL "
	    "GROUP BY class_key ORDER BY class_key", err)) == NULL)
		return (-1);
	while ((rc = sqlite3_step(cl)) == SQLITE_ROW) {
		cls = xreallocarray(cls, (size_t)ncls + 1, sizeof *cls);
		keys = xreallocarray(keys, (size_t)ncls + 1, sizeof *keys);
		size = xreallocarray(size, (size_t)ncls + 1, sizeof *size);
		cls[ncls] = xstrdup((const char *)sqlite3_column_text(cl, 0));
		keys[ncls] = xstrdup((const char *)sqlite3_column_text(cl, 1));
		size[ncls++] = sqlite3_column_int(cl, 2);
	}
	sqlite3_finalize(cl);
	start = gen_day(g->sz->sy, "09-01");
	end = gen_day(g->sz->sy + 1, "05-25");
	nweeks = (int)((end - start) / 7);
	for (w = 0; w < nweeks; w++)
		if (start + 7 * w + 1 < g->today)
			for (i = 0; i < ncls; i++)
				expected += size[i];
	left = g->sz->marks - g->nmarks;
	share = expected > 0 ? (double)left / (double)expected : 0;
	rc = 0;
	for (w = 0; w < nweeks && rc == 0; w++) {
		/* Tuesdays-ish class hours; the council and parents on Thursday. */
		day = start + 7 * w + 1;
		past = day < g->today;
		for (i = 0; i < ncls && rc == 0; i++) {
			int	mark = past && g->nmarks < g->sz->marks &&
			    gen_upto(1000) < (int)(share * 1000);

			rc = gen_meeting(g, 0, "class-hour", day,
			    "Классный час", cls[i], 90, mark ? "held" :
			    past ? "cancelled" : "planned", err);
			if (rc == 0 && mark) {
				sqlite3_bind_int64(g->evatt, 1, g->meeting_id);
				sqlite3_bind_text(g->evatt, 2, keys[i], -1,
				    SQLITE_STATIC);
				sqlite3_bind_int64(g->evatt, 3,
				    g->sz->marks - g->nmarks);
				rc = gen_step(g, g->evatt, err);
				g->nmarks += sqlite3_changes(g->db->h);
			}
		}
		if (rc == 0 && w % 4 == 2)
			rc = gen_meeting(g, 0, "council", day + 2,
			    "Педагогический совет", "teacher", 90,
			    day + 2 < g->today ? "held" : "planned", err);
		if (rc == 0 && w % 12 == 5)
			rc = gen_meeting(g, 0, "parents", day + 2,
			    "Родительское собрание", "parent", 0,
			    day + 2 < g->today ? "held" : "planned", err);
	}
	for (i = 0; i < ncls; i++) {
		free(cls[i]);
		free(keys[i]);
	}
	free(cls);
	free(keys);
	free(size);
	return (rc);
}

static int
gen_users(struct gen *g, struct nerr *err)
{
	sqlite3_stmt	*u, *uc;
	char		 login[32];
	long		 i;
	int		 rc = 0;

	u = db_prepare(g->db, "INSERT INTO user(login, role, person_id) "
	    "VALUES (?, ?, ?)", err);
	uc = db_prepare(g->db, "INSERT INTO user_class(user_id, class) "
	    "SELECT last_insert_rowid(), class FROM person WHERE "
	    "category = 'pupil' AND class IS NOT NULL GROUP BY class_key "
	    "ORDER BY class_key LIMIT 1 OFFSET ?", err);
	if (u == NULL || uc == NULL) {
		sqlite3_finalize(u);
		sqlite3_finalize(uc);
		return (-1);
	}
	if (g->sz->curator != NULL) {
		sqlite3_bind_text(u, 1, g->sz->curator, -1, SQLITE_STATIC);
		sqlite3_bind_text(u, 2, "curator", -1, SQLITE_STATIC);
		rc = gen_step(g, u, err);
	}
	for (i = 0; i < g->sz->users && i < g->teachers_with_pairs.n &&
	    rc == 0; i++) {
		snprintf(login, sizeof login, "uchitel%03ld", i + 1);
		sqlite3_bind_text(u, 1, login, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(u, 2, "teacher", -1, SQLITE_STATIC);
		sqlite3_bind_int64(u, 3, g->teachers_with_pairs.v[i]);
		if ((rc = gen_step(g, u, err)) == 0) {
			sqlite3_bind_int64(uc, 1, i % 50);
			rc = gen_step(g, uc, err);
		}
	}
	sqlite3_finalize(u);
	sqlite3_finalize(uc);
	return (rc);
}

static int
gen_prepare(struct gen *g, struct nerr *err)
{
	struct db	*db = g->db;

	g->pair = db_prepare(db, "INSERT INTO pair(id, form, kind, date_from, "
	    "date_to, order_no, order_date, status) VALUES (?,?,?,?,?,?,?,?)",
	    err);
	g->member = db_prepare(db, "INSERT INTO pair_member(pair_id, "
	    "person_id, role) VALUES (?,?,?)", err);
	g->plan = db_prepare(db, "INSERT INTO plan(id, pair_id, title, "
	    "approved) VALUES (?1, ?2, 'Индивидуальный план', ?3)", err);
	g->step = db_prepare(db, "INSERT INTO plan_step(plan_id, pos, title, "
	    "due, done) VALUES (?,?,?,?,?)", err);
	g->meet = db_prepare(db, "INSERT INTO meeting(id, pair_id, kind, date, "
	    "time, topic, place, audience, target_pct, status) "
	    "VALUES (?,?,?,?,?,?,?,?,?,?)", err);
	g->att = db_prepare(db, "INSERT INTO attendance(meeting_id, person_id, "
	    "status) VALUES (?,?,?)", err);
	/*
	 * A whole class at once; the status from a hash, so deterministic.
	 * "+category": with no statistics yet SQLite would walk every pupil
	 * by the category index instead of the class's few.
	 */
	g->evatt = db_prepare(db, "INSERT INTO attendance(meeting_id, "
	    "person_id, status) SELECT ?1, id, CASE WHEN (id * 2654435761 + "
	    "?1) % 100 < 88 THEN 'present' WHEN (id * 2654435761 + ?1) % 100 "
	    "< 96 THEN 'absent' ELSE 'excused' END FROM person "
	    "WHERE class_key = ?2 AND +category = 'pupil' LIMIT ?3", err);
	return (g->pair && g->member && g->plan && g->step && g->meet &&
	    g->att && g->evatt ? 0 : -1);
}

static void
gen_finalize(struct gen *g)
{
	sqlite3_finalize(g->pair);
	sqlite3_finalize(g->member);
	sqlite3_finalize(g->plan);
	sqlite3_finalize(g->step);
	sqlite3_finalize(g->meet);
	sqlite3_finalize(g->att);
	sqlite3_finalize(g->evatt);
}

/* Fisher-Yates, so pairs take mentees from every class and category. */
static void
gen_shuffle(struct ids *a)
{
	long		 i, j;
	long long	 t;
	int		 c;

	for (i = a->n - 1; i > 0; i--) {
		j = (long)(gen_rand() % (uint32_t)(i + 1));
		t = a->v[i], a->v[i] = a->v[j], a->v[j] = t;
		c = a->cat[i], a->cat[i] = a->cat[j], a->cat[j] = c;
	}
}

static int
gen_pairs_all(struct gen *g, struct nerr *err)
{
	struct ids	 mentees, mentors, buck[B__COUNT];
	long		 next[B__COUNT], mi = 0, i, per, extra;
	long long	 id;
	int		 b, rc = 0, k, events;

	memset(&mentees, 0, sizeof mentees);
	memset(&mentors, 0, sizeof mentors);
	memset(buck, 0, sizeof buck);
	memset(next, 0, sizeof next);
	if (gen_load(g->db, "SELECT id, category FROM person WHERE "
	    "is_mentee = 1 ORDER BY id", &mentees, err) == -1 ||
	    gen_load(g->db, "SELECT p.id, p.category FROM person p JOIN mentor "
	    "m ON m.person_id = p.id WHERE p.is_mentor = 1 AND m.status <> "
	    "'finished' ORDER BY p.id", &mentors, err) == -1)
		rc = -1;
	for (i = 0; i < mentors.n; i++) {
		switch (mentors.cat[i]) {
		case CAT_PUPIL: b = B_PUPIL; break;
		case CAT_TEACHER: b = B_TEACHER; break;
		case CAT_PARTNER: b = B_PARTNER; break;
		case CAT_STUDENT: b = B_STUDENT; break;
		default: continue;
		}
		ids_add(&buck[b], mentors.v[i], mentors.cat[i]);
	}
	if (rc == 0 && (mentees.n == 0 || buck[B_TEACHER].n == 0))
		rc = nerr_set(err, "no mentees or no teacher mentors to pair");
	gen_shuffle(&mentees);
	/*
	 * About 60 classes' weekly class hours and the councils are the
	 * events; the rest are the pairs' meetings, spread over the 95 % of
	 * pairs that are not still forming: k or k+1 each.
	 */
	events = 60 * 38;
	per = g->sz->pairs > 0 ? (g->sz->meetings - events) * 100 /
	    (g->sz->pairs * 95) : 0;
	extra = g->sz->pairs > 0 ? (g->sz->meetings - events) * 100 /
	    95 - per * g->sz->pairs : 0;
	for (id = 1; id <= g->sz->pairs && rc == 0; id++) {
		if ((id - 1) % GEN_CHUNK == 0 && (rc = db_begin(g->db, err)))
			break;
		k = (int)(per < 5 ? 5 : per);
		if (gen_upto((int)g->sz->pairs) < extra)
			k++;
		rc = gen_one_pair(g, id, &mentees, &mi, buck, next, k, err);
		if (rc == 0 && (id % GEN_CHUNK == 0 || id == g->sz->pairs))
			rc = db_commit(g->db, err);
	}
	if (rc != 0)
		db_rollback(g->db);
	ids_free(&mentees);
	ids_free(&mentors);
	for (b = 0; b < B__COUNT; b++)
		ids_free(&buck[b]);
	return (rc);
}

int
gen_pairs(struct db *db, const struct gen_sizes *sz, struct nerr *err)
{
	struct gen	g;
	int		rc;

	memset(&g, 0, sizeof g);
	g.db = db;
	g.sz = sz;
	g.today = date_days(sz->today);
	if (gen_prepare(&g, err) == -1) {
		gen_finalize(&g);
		return (-1);
	}
	/*
	 * A generator's file can be made again: no fsync, and a cache big
	 * enough that the attendance index is not written out page by page.
	 */
	if (db_exec(db, "PRAGMA synchronous=OFF; PRAGMA cache_size=-65536",
	    err) == -1) {
		gen_finalize(&g);
		return (-1);
	}
	rc = gen_pairs_all(&g, err);
	if (rc == 0 && (rc = db_begin(db, err)) == 0) {
		rc = gen_events(&g, err);
		if (rc == 0)
			rc = gen_users(&g, err);
		if (rc == 0)
			rc = db_commit(db, err);
		else
			db_rollback(db);
	}
	gen_finalize(&g);
	ids_free(&g.teachers_with_pairs);
	if (rc == 0)
		printf("gen: %lld pairs, %ld plans (%ld steps), %ld meetings, "
		    "%ld attendance marks\n", (long long)sz->pairs, g.nplans,
		    g.nsteps, g.nmeetings, g.nmarks);
	return (rc);
}

/* ---- questionnaire answers ---- */

struct gen_memb {
	long long	 pair, person;
	int		 mentor, completed;
	long		 from, to;
};

/* The spread of a scale-10 answer after the programme: mean 7.7. */
static const int gen_after10[] = { 5, 6, 7, 7, 8, 8, 8, 9, 9, 10 };

/* One response and its answers; 0 also when the person had answered. */
static int
gen_response(struct gen *g, sqlite3_stmt *rs, sqlite3_stmt *as,
    const struct questionnaire *q, const struct gen_memb *m, int after,
    long day, long *nresp, struct nerr *err)
{
	char		 iso[DATE_ISO_LEN], year[16], v[128];
	long long	 id;
	const char	*val;
	int		 i, rc;

	if (day > g->today)
		day = g->today;
	gen_iso(day, iso);
	date_school_year(iso, year, sizeof year);
	sqlite3_bind_int64(rs, 1, q->id);
	sqlite3_bind_int64(rs, 2, m->person);
	sqlite3_bind_int64(rs, 3, m->pair);
	sqlite3_bind_text(rs, 4, after ? "after" : "before", -1, SQLITE_STATIC);
	sqlite3_bind_text(rs, 5, iso, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(rs, 6, year, -1, SQLITE_TRANSIENT);
	if (gen_step(g, rs, err) == -1)
		return (-1);
	/* A mentor of several pairs answers once a year (OR IGNORE). */
	if (sqlite3_changes(g->db->h) == 0)
		return (0);
	id = sqlite3_last_insert_rowid(g->db->h);
	(*nresp)++;
	for (i = 0; i < q->nq; i++) {
		val = v;
		switch (q->q[i].type) {
		case QT_SCALE10:
			snprintf(v, sizeof v, "%d", after ?
			    gen_after10[gen_upto((int)nitems(gen_after10))] :
			    3 + gen_upto(6));
			break;
		case QT_SCALE5:
			snprintf(v, sizeof v, "%d", 2 + gen_upto(4));
			break;
		case QT_YESNO:
			val = !after ? NULL : gen_upto(5) ? "yes" : "no";
			break;
		case QT_CHOICE:
			/* The first choice's text: the value as saved. */
			snprintf(v, sizeof v, "%.*s", (int)strcspn(
			    str_or(q->q[i].choices, "-"), "|"),
			    str_or(q->q[i].choices, "-"));
			break;
		default:
			val = after && gen_upto(4) == 0 ? "Всё устраивает." :
			    NULL;
			break;
		}
		if (val == NULL)
			continue;
		sqlite3_bind_int64(as, 1, id);
		sqlite3_bind_int64(as, 2, q->q[i].id);
		sqlite3_bind_text(as, 3, val, -1, SQLITE_TRANSIENT);
		if ((rc = gen_step(g, as, err)) == -1)
			return (-1);
	}
	return (0);
}

static int
gen_members(struct gen *g, struct gen_memb **vp, long *np, struct nerr *err)
{
	sqlite3_stmt	*st;
	struct gen_memb	*v = NULL;
	const char	*s;
	long		 n = 0, cap = 0;
	int		 rc;

	if ((st = db_prepare(g->db, "SELECT p.id, m.person_id, m.role = "
	    "'mentor', p.status = 'completed', p.date_from, p.date_to FROM "
	    "pair p JOIN pair_member m ON m.pair_id = p.id WHERE p.status IN "
	    "('active', 'completed') AND p.date_from IS NOT NULL ORDER BY "
	    "p.id", err)) == NULL)
		return (-1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 4096;
			v = xreallocarray(v, (size_t)cap, sizeof *v);
		}
		v[n].pair = sqlite3_column_int64(st, 0);
		v[n].person = sqlite3_column_int64(st, 1);
		v[n].mentor = sqlite3_column_int(st, 2);
		v[n].completed = sqlite3_column_int(st, 3);
		v[n].from = date_days((const char *)sqlite3_column_text(st, 4));
		s = (const char *)sqlite3_column_text(st, 5);
		v[n++].to = s != NULL ? date_days(s) : 0;
	}
	sqlite3_finalize(st);
	*vp = v;
	*np = n;
	return (rc == SQLITE_DONE ? 0 : db_fail(g->db, err, "reading"));
}

int
gen_answers(struct db *db, const struct gen_sizes *sz, struct nerr *err)
{
	struct gen		 g;
	struct questionnaire	 q[2];	/* mentee, mentor */
	struct gen_memb		*v = NULL, *m;
	sqlite3_stmt		*rs = NULL, *as = NULL;
	long			 n = 0, i, nresp = 0, day;
	int			 added, rc;

	memset(&g, 0, sizeof g);
	g.db = db;
	g.sz = sz;
	g.today = date_days(sz->today);
	quest_init(&q[0]);
	quest_init(&q[1]);
	if ((rc = quest_templates_load(db, &added, err)) == 0 &&
	    (rc = quest_get(db, "mentee", &q[0], err)) == 0)
		rc = quest_get(db, "mentor", &q[1], err);
	if (rc == 0)
		rc = gen_members(&g, &v, &n, err);
	if (rc == 0 && ((rs = db_prepare(db, "INSERT OR IGNORE INTO "
	    "response (questionnaire_id, person_id, pair_id, stage, date, "
	    "school_year) VALUES (?, ?, ?, ?, ?, ?)", err)) == NULL ||
	    (as = db_prepare(db, "INSERT INTO answer (response_id, "
	    "question_id, value) VALUES (?, ?, ?)", err)) == NULL))
		rc = -1;
	for (i = 0; i < n && rc == 0 && nresp < sz->responses; i++) {
		if (i % GEN_CHUNK == 0 && (rc = db_begin(db, err)) != 0)
			break;
		m = &v[i];
		/* Nine in ten answer on entry. */
		if (m->from <= g.today && gen_upto(10) != 0)
			rc = gen_response(&g, rs, as, &q[m->mentor], m, 0,
			    m->from + gen_upto(5), &nresp, err);
		/* After: a completed pair; 7 in 10 working six weeks. */
		day = 0;
		if (m->completed && m->to > 0)
			day = m->to - gen_upto(7);
		else if (!m->completed && m->from + 45 <= g.today &&
		    gen_upto(10) < 7)
			day = g.today - gen_upto(21);
		if (rc == 0 && day > m->from)
			rc = gen_response(&g, rs, as, &q[m->mentor], m, 1, day,
			    &nresp, err);
		if (rc == 0 && ((i + 1) % GEN_CHUNK == 0 || i + 1 == n ||
		    nresp >= sz->responses))
			rc = db_commit(db, err);
	}
	if (rc != 0 && !sqlite3_get_autocommit(db->h))
		db_rollback(db);
	else if (rc == 0 && !sqlite3_get_autocommit(db->h))
		rc = db_commit(db, err);
	sqlite3_finalize(rs);
	sqlite3_finalize(as);
	quest_free(&q[0]);
	quest_free(&q[1]);
	free(v);
	if (rc == 0)
		printf("gen: %ld questionnaire responses\n", nresp);
	return (rc);
}
