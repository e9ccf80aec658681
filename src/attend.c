/* attend.c: attendance figures by pair, person, class, month and event, and meetings held on plan. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "meeting.h"
#include "person.h"
#include "user.h"
#include "util.h"

/* ---- held on plan ---- */

int
attend_held_share(struct db *db, const char *month, int *held, int *due,
    struct nerr *err)
{
	sqlite3_stmt	*st;
	char		 lo[16], hi[16];
	int		 rc;

	*held = *due = 0;
	if (month != NULL) {
		snprintf(lo, sizeof lo, "%.7s-01", month);
		snprintf(hi, sizeof hi, "%.7s-31", month);
	}
	if ((st = db_prepare(db, "SELECT count(*), coalesce(sum(status = "
	    "'held'), 0) FROM meeting WHERE date <= ?1 AND (?2 IS NULL OR "
	    "date BETWEEN ?2 AND ?3)", err)) == NULL)
		return (-1);
	sqlite3_bind_text(st, 1, date_today(), -1, SQLITE_TRANSIENT);
	if (month != NULL) {
		sqlite3_bind_text(st, 2, lo, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, hi, -1, SQLITE_TRANSIENT);
	}
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*due = sqlite3_column_int(st, 0);
		*held = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	return (rc == SQLITE_ROW ? 0 : db_fail(db, err,
	    _("counting the meetings")));
}

/* ---- the figures ---- */

/* Figures gathered by key ("2026-09", a class, an id) in a small hash. */
struct fig_acc {
	struct att_fig	*v;
	char		**keys;
	char		**sorts;
	int		  n;
	int		 *slot;		/* index + 1, 0 empty */
	int		  nslot;
};

static uint32_t
fig_hash(const char *s)
{
	uint32_t	h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return (h);
}

static struct att_fig *
fig_get(struct fig_acc *f, const char *key)
{
	int	i, k, old;

	if (f->n * 2 >= f->nslot) {
		old = f->nslot;
		f->nslot = old == 0 ? 64 : old * 2;
		free(f->slot);
		f->slot = xcalloc(f->nslot, sizeof *f->slot);
		for (k = 0; k < f->n; k++) {
			i = fig_hash(f->keys[k]) & (f->nslot - 1);
			while (f->slot[i] != 0)
				i = (i + 1) & (f->nslot - 1);
			f->slot[i] = k + 1;
		}
	}
	i = fig_hash(key) & (f->nslot - 1);
	while (f->slot[i] != 0) {
		if (strcmp(f->keys[f->slot[i] - 1], key) == 0)
			return (&f->v[f->slot[i] - 1]);
		i = (i + 1) & (f->nslot - 1);
	}
	f->v = xreallocarray(f->v, f->n + 1, sizeof *f->v);
	f->keys = xreallocarray(f->keys, f->n + 1, sizeof *f->keys);
	f->sorts = xreallocarray(f->sorts, f->n + 1, sizeof *f->sorts);
	memset(&f->v[f->n], 0, sizeof f->v[f->n]);
	f->keys[f->n] = xstrdup(key);
	f->sorts[f->n] = NULL;
	f->slot[i] = ++f->n;
	return (&f->v[f->n - 1]);
}

static void
fig_acc_free(struct fig_acc *f)
{
	int	i;

	for (i = 0; i < f->n; i++) {
		free(f->keys[i]);
		free(f->sorts[i]);
	}
	free(f->keys);
	free(f->sorts);
	free(f->slot);
	attend_figures_free(f->v, f->n);
	memset(f, 0, sizeof *f);
}

/*
 * One pass over the held meetings and one over the marks, with the
 * meetings', people's and pairs' groups in arrays indexed by id: no
 * sorting of a million marks, no join looked up row by row, and memory
 * of a few bytes a meeting.
 */
struct fig_run {
	int		 by;
	char		 lo[16], hi[16];
	const char	*month;
	const char	*cls;		/* normalised class filter, or NULL */
	struct fig_acc	 acc;
	int		*mg;		/* meeting id: 0 not counted, group + 1 */
	long long	 nmg;
	int		*pg;		/* person id: 0 no, -1 any, group + 1 */
	long long	 npg;
	int		*members;	/* pair id: members counted */
	int		*held;		/* pair id: held meetings */
	long long	 npair;
	struct meeting_counts counts;
	int		 counts_loaded;
	char		**auds;		/* distinct audiences of held events */
	int		*aud_exp;
	int		*aud_n;
	int		 naud;
};

static long long
max_id(struct db *db, const char *sql, struct nerr *err)
{
	sqlite3_stmt	*st;
	long long	 n = -1;

	if ((st = db_prepare(db, sql, err)) == NULL)
		return (-1);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	else
		db_fail(db, err, _("counting the attendance"));
	sqlite3_finalize(st);
	return (n);
}

/* Whose marks count: by class or person, or with a class filter. */
static int
people_counted(const struct fig_run *r)
{
	return (r->by == ATTBY_CLASS || r->by == ATTBY_PERSON ||
	    r->cls != NULL);
}

/* A person's group (by class, by person); -1 when not counted. */
static int
person_group(struct fig_run *r, long long id)
{
	char	key[32];
	int	g;

	if (id < 0 || id >= r->npg || r->pg[id] == 0)
		return (-1);
	if (r->pg[id] > 0 && r->by != ATTBY_PERSON)
		return (r->pg[id] - 1);
	if (r->by != ATTBY_PERSON)
		return (-2);	/* counted, grouped by meeting */
	if (r->pg[id] < 0) {
		snprintf(key, sizeof key, "%lld", id);
		g = (int)(fig_get(&r->acc, key) - r->acc.v);
		r->acc.v[g].id = id;
		r->pg[id] = g + 1;
	}
	return (r->pg[id] - 1);
}

static int
fig_people_map(struct db *db, struct fig_run *r, struct nerr *err)
{
	sqlite3_stmt	*st;
	const char	*cl;
	long long	 id;
	int		 rc;

	if (!people_counted(r))
		return (0);
	if ((r->npg = max_id(db, "SELECT coalesce(max(id), 0) + 1 FROM person",
	    err)) < 0)
		return (-1);
	r->pg = xcalloc(r->npg, sizeof *r->pg);
	if (r->by == ATTBY_PERSON && r->cls == NULL) {
		for (id = 0; id < r->npg; id++)
			r->pg[id] = -1;
		return (0);
	}
	if ((st = db_prepare(db, "SELECT id, class FROM person WHERE category "
	    "= 'pupil' AND anonymised = 0 AND class_key <> '' AND (?1 IS NULL "
	    "OR class_key = ?1)", err)) == NULL)
		return (-1);
	if (r->cls != NULL)
		sqlite3_bind_text(st, 1, meeting_class_key(r->cls), -1, free);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		cl = (const char *)sqlite3_column_text(st, 1);
		if (id < 0 || id >= r->npg)
			continue;
		if (r->by == ATTBY_CLASS)
			r->pg[id] = (int)(fig_get(&r->acc, str_or(cl, "")) -
			    r->acc.v) + 1;
		else {
			r->pg[id] = -1;
			if (r->by == ATTBY_PERSON)
				person_group(r, id);	/* every pupil shows */
		}
	}
	sqlite3_finalize(st);
	return (rc == SQLITE_DONE ? 0 : db_fail(db, err,
	    _("counting the attendance")));
}

/* pair_member, pair by pair: members counted, or their share of meetings. */
static int
fig_members(struct db *db, struct fig_run *r, int spread, struct nerr *err)
{
	sqlite3_stmt	*st;
	long long	 pair, person;
	int		 rc, g;

	if ((st = db_prepare(db, "SELECT pair_id, person_id FROM pair_member",
	    err)) == NULL)
		return (-1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		pair = sqlite3_column_int64(st, 0);
		person = sqlite3_column_int64(st, 1);
		if (pair < 0 || pair >= r->npair)
			continue;
		g = people_counted(r) ? person_group(r, person) : -2;
		if (g == -1)
			continue;
		if (!spread)
			r->members[pair]++;
		else if (g >= 0 && r->held[pair] > 0)
			r->acc.v[g].expected += r->held[pair];
	}
	sqlite3_finalize(st);
	return (rc == SQLITE_DONE ? 0 : db_fail(db, err,
	    _("counting the attendance")));
}

/* An audience's index among those seen, with its size. */
static int
fig_audience(struct db *db, struct fig_run *r, const char *aud,
    struct nerr *err)
{
	int	i;

	for (i = 0; i < r->naud; i++)
		if (strcmp(r->auds[i], aud) == 0)
			return (i);
	if (!r->counts_loaded) {
		if (meeting_counts_load(db, r->cls, &r->counts, err) != 0)
			return (-1);
		r->counts_loaded = 1;
	}
	r->auds = xreallocarray(r->auds, r->naud + 1, sizeof *r->auds);
	r->aud_exp = xreallocarray(r->aud_exp, r->naud + 1,
	    sizeof *r->aud_exp);
	r->aud_n = xreallocarray(r->aud_n, r->naud + 1, sizeof *r->aud_n);
	r->auds[r->naud] = xstrdup(aud);
	r->aud_exp[r->naud] = meeting_counts_expected(&r->counts, aud);
	r->aud_n[r->naud] = 0;
	return (r->naud++);
}

/* The held meetings: their groups, and who was expected. */
static int
fig_meetings(struct db *db, struct fig_run *r, struct nerr *err)
{
	struct att_fig	*g;
	sqlite3_stmt	*st;
	const char	*date, *aud;
	char		 key[32];
	long long	 id, pair;
	int		 rc, a;

	if ((r->nmg = max_id(db, "SELECT coalesce(max(id), 0) + 1 FROM "
	    "meeting", err)) < 0)
		return (-1);
	r->mg = xcalloc(r->nmg, sizeof *r->mg);
	if ((st = db_prepare(db, "SELECT id, date, coalesce(pair_id, 0), "
	    "audience, coalesce(target_pct, 0) FROM meeting m WHERE status = "
	    "'held' AND (?1 IS NULL OR date BETWEEN ?1 AND ?2) AND (?102 = 0 "
	    "OR " MEETING_MINE_SQL ")", err)) == NULL)
		return (-1);
	/* A teacher counts their own meetings only. */
	sqlite3_bind_int(st, 102, db->role == ROLE_TEACHER);
	sqlite3_bind_int64(st, 100, db->user_person);
	sqlite3_bind_int64(st, 101, db->user_id);
	if (r->month != NULL) {
		sqlite3_bind_text(st, 1, r->lo, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, r->hi, -1, SQLITE_STATIC);
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		date = (const char *)sqlite3_column_text(st, 1);
		pair = sqlite3_column_int64(st, 2);
		aud = (const char *)sqlite3_column_text(st, 3);
		if (id < 0 || id >= r->nmg || (pair > 0 && pair >= r->npair) ||
		    (r->by == ATTBY_PAIR && pair == 0) ||
		    (r->by == ATTBY_EVENT && pair > 0))
			continue;
		g = NULL;
		if (r->by == ATTBY_MONTH) {
			snprintf(key, sizeof key, "%.7s", str_or(date, ""));
			g = fig_get(&r->acc, key);
		} else if (r->by == ATTBY_PAIR || r->by == ATTBY_EVENT) {
			snprintf(key, sizeof key, "%lld", pair > 0 ? pair : id);
			g = fig_get(&r->acc, key);
			g->id = pair > 0 ? pair : id;
			if (r->by == ATTBY_EVENT)
				g->target_pct = sqlite3_column_int(st, 4);
		}
		r->mg[id] = g != NULL ? (int)(g - r->acc.v) + 1 : -1;
		if (pair > 0) {
			if (g != NULL)
				g->expected += r->members[pair];
			r->held[pair]++;
			continue;
		}
		if ((a = fig_audience(db, r, str_or(aud, ""), err)) < 0)
			break;
		r->aud_n[a]++;
		if (g != NULL)
			g->expected += r->aud_exp[a];
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return (db_fail(db, err, _("counting the attendance")));
	return (rc == SQLITE_DONE ? 0 : -1);
}

/* Every mark, in the table's order; counted where its meeting is. */
static int
fig_marks(struct db *db, struct fig_run *r, struct nerr *err)
{
	struct att_fig	*g;
	sqlite3_stmt	*st;
	const char	*s;
	long long	 m, person;
	int		 rc, gi, pgi;

	if ((st = db_prepare(db, "SELECT meeting_id, person_id, status FROM "
	    "attendance", err)) == NULL)
		return (-1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		m = sqlite3_column_int64(st, 0);
		if (m < 0 || m >= r->nmg || r->mg[m] == 0)
			continue;
		gi = r->mg[m] - 1;
		if (people_counted(r)) {
			person = sqlite3_column_int64(st, 1);
			if ((pgi = person_group(r, person)) == -1)
				continue;
			if (pgi >= 0)
				gi = pgi;
		}
		if (gi < 0)
			continue;
		g = &r->acc.v[gi];
		s = (const char *)sqlite3_column_text(st, 2);
		if (s == NULL)
			continue;
		if (s[0] == 'p')
			g->present++;
		else if (s[0] == 'a')
			g->absent++;
		else if (s[0] == 'e')
			g->excused++;
	}
	sqlite3_finalize(st);
	return (rc == SQLITE_DONE ? 0 : db_fail(db, err,
	    _("counting the attendance")));
}

/* Events' audiences spread over the classes or people they include. */
static int
fig_spread_events(struct db *db, struct fig_run *r, struct nerr *err)
{
	struct meeting_aud	 a;
	struct nerr		 ignore;
	sqlite3_stmt		*st = NULL;
	int			 i, k, n, rc = SQLITE_DONE;

	if (r->by == ATTBY_CLASS) {
		for (i = 0; i < r->naud; i++) {
			if (meeting_audience_parse(r->auds[i], &a,
			    &ignore) != 0)
				continue;
			for (k = 0; k < r->counts.nclasses; k++) {
				n = r->counts.npupils[k];
				if ((r->cls != NULL && strcmp(r->cls,
				    r->counts.classes[k]) != 0) ||
				    !meeting_aud_has(&a, CAT_PUPIL,
				    r->counts.classes[k]))
					continue;
				fig_get(&r->acc, r->counts.classes[k])->expected
				    += r->aud_n[i] * n;
			}
			meeting_aud_free(&a);
		}
		return (0);
	}
	if (r->by != ATTBY_PERSON || r->naud == 0)
		return (0);
	if ((st = db_prepare(db, "SELECT category, class FROM person WHERE "
	    "id = ?", err)) == NULL)
		return (-1);
	for (k = 0; k < r->acc.n && rc == SQLITE_DONE; k++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, r->acc.v[k].id);
		if ((rc = sqlite3_step(st)) != SQLITE_ROW)
			break;
		rc = SQLITE_DONE;
		for (i = 0; i < r->naud; i++) {
			if (meeting_audience_parse(r->auds[i], &a,
			    &ignore) != 0)
				continue;
			if (meeting_aud_has(&a, person_category_parse(
			    (const char *)sqlite3_column_text(st, 0)),
			    (const char *)sqlite3_column_text(st, 1)))
				r->acc.v[k].expected += r->aud_n[i];
			meeting_aud_free(&a);
		}
	}
	sqlite3_finalize(st);
	return (rc == SQLITE_DONE ? 0 : db_fail(db, err,
	    _("counting the attendance")));
}

static void
fig_run_free(struct fig_run *r)
{
	int	i;

	free(r->mg);
	free(r->pg);
	free(r->members);
	free(r->held);
	for (i = 0; i < r->naud; i++)
		free(r->auds[i]);
	free(r->auds);
	free(r->aud_exp);
	free(r->aud_n);
	if (r->counts_loaded)
		meeting_counts_free(&r->counts);
	fig_acc_free(&r->acc);
}

/* Labels and the order of the rows, one indexed look-up a row. */
static int
fig_label(struct db *db, struct fig_acc *f, int by, struct nerr *err)
{
	sqlite3_stmt	*st = NULL;
	const char	*sql = NULL;
	char		 d[DATE_ISO_LEN], *aud;
	int		 i, rc = 0;

	if (by == ATTBY_PAIR)
		sql = "SELECT " MEETING_WHO_SQL("?1") ", printf('%012d', ?1)";
	else if (by == ATTBY_PERSON)
		sql = "SELECT last || ' ' || first || CASE WHEN patronymic <> "
		    "'' THEN ' ' || patronymic ELSE '' END, sort_key || "
		    "printf(' %012d', id) FROM person WHERE id = ?1";
	else if (by == ATTBY_EVENT)
		sql = "SELECT kind, date, audience, date || printf(' %012d', "
		    "id) FROM meeting WHERE id = ?1";
	if (sql != NULL && (st = db_prepare(db, sql, err)) == NULL)
		return (-1);
	for (i = 0; i < f->n && rc == 0; i++) {
		if (st == NULL) {
			f->v[i].label = xstrdup(f->keys[i]);
			f->sorts[i] = by == ATTBY_CLASS ?
			    meeting_class_key(f->keys[i]) :
			    xstrdup(f->keys[i]);
			continue;
		}
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, f->v[i].id);
		if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
			rc = db_fail(db, err, _("reading the attendance"));
			break;
		}
		rc = 0;
		if (by == ATTBY_EVENT) {
			date_show((const char *)sqlite3_column_text(st, 1), d);
			aud = meeting_audience_show(
			    (const char *)sqlite3_column_text(st, 2));
			xasprintf(&f->v[i].label, "%s %s %s",
			    meeting_kind_label(meeting_kind_parse(
			    (const char *)sqlite3_column_text(st, 0))), d,
			    str_or(aud, ""));
			free(aud);
			f->sorts[i] = xstrdup((const char *)
			    sqlite3_column_text(st, 3));
			continue;
		}
		f->v[i].label = xstrdup(str_or((const char *)
		    sqlite3_column_text(st, 0), ""));
		f->sorts[i] = xstrdup(str_or((const char *)
		    sqlite3_column_text(st, 1), ""));
	}
	if (st != NULL)
		sqlite3_finalize(st);
	return (rc);
}

/*
 * The kept figures (schema 2): meeting.expected/present/absent/excused
 * and person_att, kept by triggers.  By month, event or pair the figures
 * are sums over the held meetings' counters (a covering index); by class
 * or person, over the people's counters.  A teacher's are their own:
 * their meetings (their pairs', their classes' events), or the pupils of
 * their classes.  Narrowed by a class or, by class or person, by a month,
 * the figures are counted from the marks as before (attend_figures).
 */
#define TEACHER_CLASS_SQL \
	" AND p.class IN (SELECT class FROM user_class WHERE user_id = ?101)"

static int
fig_kept_meetings(struct db *db, struct fig_run *r, struct nerr *err)
{
	struct att_fig	*g;
	struct sbuf	 sql;
	sqlite3_stmt	*st;
	char		 key[32];
	long long	 id, pair;
	int		 rc;

	sbuf_init(&sql);
	sbuf_add(&sql, "SELECT m.id, m.date, coalesce(m.pair_id, 0), "
	    "coalesce(m.expected, 0), m.present, m.absent, m.excused, "
	    "coalesce(m.target_pct, 0) FROM meeting m WHERE m.status = "
	    "'held'");
	if (r->month != NULL)
		sbuf_add(&sql, " AND m.date BETWEEN ?1 AND ?2");
	if (r->by == ATTBY_EVENT)
		sbuf_add(&sql, " AND m.pair_id IS NULL");
	else if (r->by == ATTBY_PAIR)
		sbuf_add(&sql, " AND m.pair_id IS NOT NULL");
	if (db->role == ROLE_TEACHER)
		sbuf_add(&sql, " AND " MEETING_MINE_SQL);
	st = db_prepare(db, sql.s, err);
	sbuf_free(&sql);
	if (st == NULL)
		return (-1);
	if (r->month != NULL) {
		sqlite3_bind_text(st, 1, r->lo, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, r->hi, -1, SQLITE_STATIC);
	}
	if (db->role == ROLE_TEACHER) {
		sqlite3_bind_int64(st, 100, db->user_person);
		sqlite3_bind_int64(st, 101, db->user_id);
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		pair = sqlite3_column_int64(st, 2);
		if (r->by == ATTBY_MONTH) {
			snprintf(key, sizeof key, "%.7s", str_or((const char *)
			    sqlite3_column_text(st, 1), ""));
			g = fig_get(&r->acc, key);
		} else {
			snprintf(key, sizeof key, "%lld", pair > 0 ? pair : id);
			g = fig_get(&r->acc, key);
			g->id = pair > 0 ? pair : id;
			if (r->by == ATTBY_EVENT)
				g->target_pct = sqlite3_column_int(st, 7);
		}
		g->expected += sqlite3_column_int(st, 3);
		g->present += sqlite3_column_int(st, 4);
		g->absent += sqlite3_column_int(st, 5);
		g->excused += sqlite3_column_int(st, 6);
	}
	sqlite3_finalize(st);
	return (rc == SQLITE_DONE ? 0 : db_fail(db, err,
	    _("counting the attendance")));
}

static int
fig_kept_people(struct db *db, struct fig_run *r, struct nerr *err)
{
	struct att_fig	*g;
	struct sbuf	 sql;
	sqlite3_stmt	*st;
	char		 key[32];
	long long	 id;
	int		 rc;

	sbuf_init(&sql);
	sbuf_add(&sql, "SELECT p.id, p.class, coalesce(a.expected, 0), "
	    "coalesce(a.present, 0), coalesce(a.absent, 0), "
	    "coalesce(a.excused, 0) FROM ");
	if (r->by == ATTBY_PERSON && r->cls == NULL &&
	    db->role != ROLE_TEACHER)
		/* Everyone with a count, pupils or not. */
		sbuf_add(&sql, "person_att a JOIN person p ON p.id = "
		    "a.person_id WHERE a.expected + a.present + a.absent + "
		    "a.excused > 0");
	else {
		/* Without statistics SQLite takes the category index. */
		sbuf_add(&sql, "person p INDEXED BY person_pupil LEFT JOIN "
		    "person_att a ON "
		    "a.person_id = p.id WHERE p.category = 'pupil' AND "
		    "p.anonymised = 0 AND p.class_key <> ''");
		if (r->cls != NULL)
			sbuf_add(&sql, " AND p.class_key = ?1");
		if (db->role == ROLE_TEACHER)
			sbuf_add(&sql, TEACHER_CLASS_SQL);
	}
	st = db_prepare(db, sql.s, err);
	sbuf_free(&sql);
	if (st == NULL)
		return (-1);
	if (r->cls != NULL)
		sqlite3_bind_text(st, 1, meeting_class_key(r->cls), -1, free);
	if (db->role == ROLE_TEACHER)
		sqlite3_bind_int64(st, 101, db->user_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		if (r->by == ATTBY_CLASS)
			g = fig_get(&r->acc, str_or((const char *)
			    sqlite3_column_text(st, 1), ""));
		else {
			snprintf(key, sizeof key, "%lld", id);
			g = fig_get(&r->acc, key);
			g->id = id;
		}
		g->expected += sqlite3_column_int(st, 2);
		g->present += sqlite3_column_int(st, 3);
		g->absent += sqlite3_column_int(st, 4);
		g->excused += sqlite3_column_int(st, 5);
	}
	sqlite3_finalize(st);
	return (rc == SQLITE_DONE ? 0 : db_fail(db, err,
	    _("counting the attendance")));
}

/* Is a (normalised) class one of the teacher's?  1, 0, -1. */
static int
class_mine(struct db *db, const char *cls, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	nerr_clear(err);
	if ((st = db_prepare(db, "SELECT 1 FROM user_class WHERE user_id = ?1 "
	    "AND class = ?2", err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, db->user_id);
	sqlite3_bind_text(st, 2, cls, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return (1);
	return (rc == SQLITE_DONE ? 0 : db_fail(db, err,
	    _("counting the attendance")));
}

/* Counted from the kept figures: 1 done, 0 not this case, -1 error. */
static int
fig_kept(struct db *db, struct fig_run *r, struct nerr *err)
{
	if (r->by == ATTBY_CLASS || r->by == ATTBY_PERSON) {
		if (r->month != NULL)
			return (0);
		return (fig_kept_people(db, r, err) != 0 ? -1 : 1);
	}
	if (r->cls != NULL)
		return (0);
	return (fig_kept_meetings(db, r, err) != 0 ? -1 : 1);
}

static const struct fig_acc *fig_sorting;

static int
fig_cmp(const void *a, const void *b)
{
	int	i = *(const int *)a, j = *(const int *)b;

	return (strcmp(fig_sorting->sorts[i], fig_sorting->sorts[j]));
}

int
attend_figures(struct db *db, int by, const char *month, const char *class_,
    struct att_fig **out, int *np, struct nerr *err)
{
	struct fig_run	 r;
	struct att_fig	*v;
	char		*cls = NULL;
	int		 i, rc = -1, *order;

	*out = NULL;
	*np = 0;
	if (by < 0 || by >= ATTBY__COUNT)
		return (nerr_set(err, _("Attendance figures are by pair, "
		    "person, class, month or event.")));
	if (month != NULL && (strlen(month) != 7 || month[4] != '-'))
		return (nerr_set(err, _("A month is written YYYY-MM, such as "
		    "2026-09, not \"%s\"."), month));
	if (class_ != NULL && (cls = person_class_normalise(class_)) == NULL)
		return (nerr_set(err, _("\"%s\" is not a class; write a number "
		    "from 1 to 11 and, if the school has parallel classes, a "
		    "letter: 7 or 7Б."), class_));
	memset(&r, 0, sizeof r);
	r.by = by;
	r.cls = cls;
	if ((r.month = month) != NULL) {
		snprintf(r.lo, sizeof r.lo, "%.7s-01", month);
		snprintf(r.hi, sizeof r.hi, "%.7s-31", month);
	}
	if (db->role == ROLE_TEACHER && cls != NULL &&
	    class_mine(db, cls, err) <= 0) {
		if (err->msg[0] == '\0')
			nerr_set(err, _("You see the attendance of your own "
			    "classes only; %s is not one of them."), cls);
		goto out;
	}
	if ((i = fig_kept(db, &r, err)) < 0)
		goto out;
	if (i > 0)
		goto counted;
	if ((r.npair = max_id(db, "SELECT coalesce(max(id), 0) + 1 FROM pair",
	    err)) < 0)
		goto out;
	r.members = xcalloc(r.npair, sizeof *r.members);
	r.held = xcalloc(r.npair, sizeof *r.held);
	if (fig_people_map(db, &r, err) != 0 ||
	    fig_members(db, &r, 0, err) != 0 ||
	    fig_meetings(db, &r, err) != 0 ||
	    fig_marks(db, &r, err) != 0)
		goto out;
	if ((by == ATTBY_CLASS || by == ATTBY_PERSON) &&
	    (fig_members(db, &r, 1, err) != 0 ||
	    fig_spread_events(db, &r, err) != 0))
		goto out;
counted:
	if (by == ATTBY_CLASS) {
		/* Classes with nothing held are left out. */
		for (i = 0; i < r.acc.n; i++)
			if (r.acc.v[i].expected == 0 && r.acc.v[i].present +
			    r.acc.v[i].absent + r.acc.v[i].excused == 0)
				r.acc.v[i].id = -1;
	}
	if (fig_label(db, &r.acc, by, err) != 0)
		goto out;
	order = xcalloc(r.acc.n + 1, sizeof *order);
	for (i = 0; i < r.acc.n; i++)
		order[i] = i;
	fig_sorting = &r.acc;
	qsort(order, r.acc.n, sizeof *order, fig_cmp);
	v = xcalloc(r.acc.n + 1, sizeof *v);
	for (i = rc = 0; i < r.acc.n; i++) {
		if (r.acc.v[order[i]].id < 0)
			continue;
		v[rc] = r.acc.v[order[i]];
		memset(&r.acc.v[order[i]], 0, sizeof r.acc.v[order[i]]);
		rc++;
	}
	free(order);
	*out = v;
	*np = rc;
	rc = 0;
out:
	fig_run_free(&r);
	free(cls);
	return (rc);
}

void
attend_figures_free(struct att_fig *v, int n)
{
	int	i;

	for (i = 0; i < n; i++)
		free(v[i].label);
	free(v);
}
