/* demo-monitor.c: the demo school's questionnaire answers, so its monitoring shows satisfaction and change. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "demo.h"
#include "monitor.h"
#include "util.h"

/*
 * After demo_pairs: the shipped questionnaires, then answers through
 * response_save as a curator types them in, each its own transaction.
 * "Before" from most members of the pairs, dated at their pair's start;
 * "after" from the completed pair (last school year) and from the pairs
 * that have worked for six weeks or more, dated in the last days; the
 * first quarter's diagnostics from some of them.  Nothing is dated after
 * today.  Answers are Russian data, not interface: not translated.
 */

#define DM_MAXROWS	128
#define DM_AFTER_DAYS	45	/* a pair this old answers "after" */

struct dm_row {
	long long	 pair;
	long long	 person;
	int		 mentor;
	int		 completed;
	long		 from, to;	/* day numbers; to 0: open */
};

struct dm {
	struct db	*db;
	uint64_t	 rng;
	long		 today;
	int		 year;		/* the school year's first year */
	struct questionnaire q[4];	/* mentee, mentor, diag-mentee, diag-mentor */
	struct dm_row	 r[DM_MAXROWS];
	int		 n;
};

enum { DQ_MENTEE, DQ_MENTOR, DQ_DIAG_MENTEE, DQ_DIAG_MENTOR };
static const char *const dm_codes[] = {
	"mentee", "mentor", "diag-mentee", "diag-mentor"
};

/* The spread of a scale-10 answer after some weeks with a mentor: mean 7.7. */
static const int after10[] = { 5, 6, 7, 7, 8, 8, 8, 9, 9, 10 };
/* Before: interest and hopes high, confidence and clear goals lower. */
static const int before_lo[] = { 5, 5, 4, 3, 3 };
static const int before_hi[] = { 9, 9, 8, 7, 7 };

static const char *const mentee_words[] = {
	"Больше встреч перед контрольными.",
	"Встречаться чаще, хотя бы раз в неделю.",
	"Всё устраивает.",
};
static const char *const mentor_words[] = {
	"Нужно время на встречи в расписании.",
	"Методические материалы для наставников.",
	"Обмен опытом между наставниками раз в четверть.",
};
static const char *const diag_words[] = {
	"Как готовиться к экзамену.",
	"Как вести переговоры и выступать.",
	"Работа с трудными ситуациями.",
};

static uint32_t
dm_rand(struct dm *d)
{
	uint64_t	z = (d->rng += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return ((uint32_t)((z ^ (z >> 31)) >> 32));
}

static int
dm_int(struct dm *d, int lo, int hi)
{
	return (lo + (int)(dm_rand(d) % (uint32_t)(hi - lo + 1)));
}

/* How many choices "a|b|c" offers. */
static int
dm_nchoices(const char *c)
{
	int	n = 1;

	for (; c != NULL && *c != '\0'; c++)
		n += *c == '|';
	return (n);
}

/* The members of pairs not cancelled, mentors first, in pair order. */
static int
dm_rows(struct dm *d, struct nerr *err)
{
	sqlite3_stmt	*st;
	struct dm_row	*r;
	const char	*s;
	int		 rc;

	if ((st = db_prepare(d->db, "SELECT p.id, m.person_id, m.role = "
	    "'mentor', p.status = 'completed', p.date_from, p.date_to FROM "
	    "pair p JOIN pair_member m ON m.pair_id = p.id WHERE p.status <> "
	    "'cancelled' AND p.date_from IS NOT NULL ORDER BY p.id, m.role = "
	    "'mentor' DESC, m.person_id", err)) == NULL)
		return (-1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && d->n < DM_MAXROWS) {
		r = &d->r[d->n++];
		r->pair = sqlite3_column_int64(st, 0);
		r->person = sqlite3_column_int64(st, 1);
		r->mentor = sqlite3_column_int(st, 2);
		r->completed = sqlite3_column_int(st, 3);
		r->from = date_days((const char *)sqlite3_column_text(st, 4));
		s = (const char *)sqlite3_column_text(st, 5);
		r->to = s != NULL ? date_days(s) : 0;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return (db_fail(d->db, err, _("making the demo school")));
	return (0);
}

/* Did an earlier row of the same kind already answer? */
static int
dm_seen(const struct dm *d, int upto, long long person)
{
	int	i;

	for (i = 0; i < upto; i++)
		if (d->r[i].person == person)
			return (1);
	return (0);
}

/* One answer to question i of q at stage; NULL: left blank. */
static char *
dm_value(struct dm *d, const struct questionnaire *q, int i,
    const char *stage)
{
	const struct question	*x = &q->q[i];
	const char *const	*w;
	char			*v;
	int			 before = strcmp(stage, "before") == 0;
	int			 diag = stage[0] == 'q', k;

	switch (x->type) {
	case QT_SCALE10:
		if (before)
			k = dm_int(d, before_lo[i < 5 ? i : 4],
			    before_hi[i < 5 ? i : 4]);
		else
			k = after10[dm_rand(d) % nitems(after10)];
		xasprintf(&v, "%d", k);
		return (v);
	case QT_SCALE5:
		xasprintf(&v, "%d", dm_int(d, 2, 5));
		return (v);
	case QT_YESNO:
		/* Whether to go on next year: asked at the end. */
		if (before)
			return (NULL);
		return (xstrdup(dm_rand(d) % 5 != 0 ? "да" : "нет"));
	case QT_CHOICE:
		xasprintf(&v, "%d", dm_int(d, 1, dm_nchoices(x->choices)));
		return (v);
	default:
		if (before || dm_rand(d) % 3 != 0)
			return (NULL);
		w = diag ? diag_words : strcmp(q->audience, "mentor") == 0 ?
		    mentor_words : mentee_words;
		return (xstrdup(w[dm_rand(d) % 3]));
	}
}

static int
dm_answer(struct dm *d, const struct questionnaire *q,
    const struct dm_row *r, const char *stage, long day, struct nerr *err)
{
	struct response	 resp;
	char		 iso[DATE_ISO_LEN];
	int		 i, rc;

	if (day > d->today)
		day = d->today;
	date_from_days(day, iso);
	response_init(&resp, q);
	resp.person_id = r->person;
	resp.pair_id = r->pair;
	snprintf(resp.stage, sizeof resp.stage, "%s", stage);
	resp.date = xstrdup(iso);
	for (i = 0; i < q->nq; i++)
		resp.values[i] = dm_value(d, q, i, stage);
	rc = response_save(d->db, q, &resp, err);
	response_free(&resp);
	return (rc);
}

static int
dm_fill(struct dm *d, struct nerr *err)
{
	const struct dm_row	*r;
	char			 buf[DATE_ISO_LEN];
	long			 day, diag, ystart;
	int			 i, rc = 0;

	snprintf(buf, sizeof buf, "%04d-09-01", d->year);
	ystart = date_days(buf);
	/* The first quarter's diagnostics: in the second half of October. */
	snprintf(buf, sizeof buf, "%04d-10-15", d->year);
	diag = date_days(buf);
	for (i = 0; i < d->n && rc == 0; i++) {
		r = &d->r[i];
		if (r->from > d->today || dm_seen(d, i, r->person))
			continue;
		/* Most answer on entry; one in seven never got round to it. */
		if (dm_rand(d) % 7 != 0)
			rc = dm_answer(d, &d->q[r->mentor ? DQ_MENTOR :
			    DQ_MENTEE], r, "before", r->from + dm_int(d, 0, 4),
			    err);
		if (rc != 0)
			break;
		if (r->completed && r->to > 0 && r->to <= d->today)
			day = r->to - dm_int(d, 0, 6);
		else if (!r->completed && r->from + DM_AFTER_DAYS <= d->today) {
			day = d->today - dm_int(d, 0, 10);
			if (day < r->from + DM_AFTER_DAYS)
				day = r->from + DM_AFTER_DAYS;
		} else
			day = 0;
		if (day > 0)
			rc = dm_answer(d, &d->q[r->mentor ? DQ_MENTOR :
			    DQ_MENTEE], r, "after", day, err);
		/* Diagnostics this year, from about two in three. */
		if (rc == 0 && !r->completed && r->from >= ystart &&
		    dm_rand(d) % 3 != 0) {
			day = diag + dm_int(d, 0, 14);
			if (day < r->from)
				day = r->from;
			rc = dm_answer(d, &d->q[r->mentor ? DQ_DIAG_MENTOR :
			    DQ_DIAG_MENTEE], r, "q1", day, err);
		}
	}
	return (rc);
}

int
demo_monitor(struct db *db, unsigned int seed, struct nerr *err)
{
	struct dm	*d;
	struct nerr	 why;
	char		 sy[32];
	size_t		 i;
	int		 added, rc = 0;

	/*
	 * Without the shipped questionnaires (a build run from its tree
	 * with no data folder) the demo simply has no answers.
	 */
	nerr_clear(&why);
	if (quest_templates_load(db, &added, &why) != 0)
		return (0);
	d = xcalloc(1, sizeof *d);
	d->db = db;
	d->rng = 0x6d6f6e69ULL ^ ((uint64_t)seed << 23) ^ seed;
	d->today = date_days(date_today());
	date_school_year(date_today(), sy, sizeof sy);
	d->year = atoi(sy);
	for (i = 0; i < nitems(dm_codes); i++)
		quest_init(&d->q[i]);
	for (i = 0; i < nitems(dm_codes) && rc == 0; i++)
		rc = quest_get(db, dm_codes[i], &d->q[i], err);
	if (rc == 0)
		rc = dm_rows(d, err);
	if (rc == 0)
		rc = dm_fill(d, err);
	for (i = 0; i < nitems(dm_codes); i++)
		quest_free(&d->q[i]);
	free(d);
	/* The demo was made in an empty file: every answer is the demo's. */
	if (rc != 0 && db_begin(db, &why) == 0 && (db_exec(db, "DELETE FROM "
	    "response", &why) != 0 || db_commit(db, &why) != 0))
		db_rollback(db);
	return (rc);
}
