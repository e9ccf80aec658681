/* bench/pairbench.c: time the core's pairs, matching, teacher's meetings, attendance figures and indicators on a big file. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "date.h"
#include "db.h"
#include "i18n.h"
#include "meeting.h"
#include "monitor.h"
#include "pair.h"
#include "user.h"
#include "util.h"

/*
 * Each run opens the file afresh (as the program does when a user starts
 * it) and times each step once; the medians of the runs are printed as
 * TSV for bench/pairs: what, median ms, min ms, rows.  The last line is
 * the peak RSS of this process over every run.
 */
#define PB_WINDOW	22	/* rows a list screen shows at 80x24 */
#define PB_MAXRUNS	99

enum { PB_MY, PB_UNPAIRED, PB_MATCH, PB_FIG_CLASS, PB_FIG_MONTH,
    PB_FIG_EVENT, PB_IND, PB__COUNT };
static const char *pb_names[PB__COUNT] = {
	"my-meetings", "unpaired", "match", "figures-class", "figures-month",
	"figures-event", "indicators",
};

static double
pb_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6);
}

static int
pb_cmp(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return (x < y ? -1 : x > y);
}

static void
pb_die(const char *what, const struct nerr *err)
{
	fprintf(stderr, "pairbench: %s: %s\n", what, err->msg);
	exit(1);
}

/* Monday and Sunday of the week of today, ISO. */
static void
pb_week(char *mon, char *sun)
{
	long	d = date_days(date_today()), m0 = date_days("2024-01-01");
	long	wd = ((d - m0) % 7 + 7) % 7;	/* 1 January 2024 was a Monday */

	date_from_days(d - wd, mon);
	date_from_days(d - wd + 6, sun);
}

/* A teacher's own meetings this week: the first window and the count. */
static int
pb_my(struct db *db, const struct user *u, struct nerr *err)
{
	struct meeting_filter	 f;
	struct meeting_row	 rows[PB_WINDOW];
	char			 mon[DATE_ISO_LEN], sun[DATE_ISO_LEN];
	long long		 n;
	int			 k;

	db->role = ROLE_TEACHER;
	db->user_id = u->id;
	db->user_person = u->person_id;
	pb_week(mon, sun);
	meeting_filter_init(&f);
	f.mine = 1;
	f.from = mon;
	f.to = sun;
	if ((k = meeting_page(db, &f, NULL, 0, rows, PB_WINDOW, err)) < 0)
		pb_die("meeting_page", err);
	meeting_rows_free(rows, k);
	if ((n = meeting_count(db, &f, err)) < 0)
		pb_die("meeting_count", err);
	db->role = ROLE_CURATOR;
	db->user_id = db->user_person = 0;
	return ((int)n);
}

static int
pb_unpaired(struct db *db, long long *first, struct nerr *err)
{
	struct unpaired_row	 rows[PB_WINDOW];
	long long		 n;
	int			 k;

	if ((k = pair_unpaired_page(db, NULL, NULL, 0, rows, PB_WINDOW,
	    err)) < 0)
		pb_die("pair_unpaired_page", err);
	if (k > 0 && *first == 0)
		*first = rows[0].id;
	pair_unpaired_free(rows, k);
	if ((n = pair_unpaired_count(db, NULL, err)) < 0)
		pb_die("pair_unpaired_count", err);
	return ((int)n);
}

static int
pb_match(struct db *db, long long mentee, struct nerr *err)
{
	struct match	*m;
	int		 n;

	if (match_mentors(db, mentee, -1, 10, &m, &n, err) != 0)
		pb_die("match_mentors", err);
	match_free(m, n);
	return (n);
}

static int
pb_figures(struct db *db, int by, struct nerr *err)
{
	struct att_fig	*v;
	int		 n;

	if (attend_figures(db, by, NULL, NULL, &v, &n, err) != 0)
		pb_die("attend_figures", err);
	attend_figures_free(v, n);
	return (n);
}

/* Every indicator as of today, as the monitoring screen opens. */
static int
pb_indicators(struct db *db, struct nerr *err)
{
	struct indicator	*v;
	int			 n;

	if (indicators_compute(db, NULL, &v, &n, err) != 0)
		pb_die("indicators_compute", err);
	indicators_free(v, n);
	return (n);
}

/* -w: one step only, to see its own peak RSS. */
#define PB_DO(i) (only == NULL || strcmp(only, pb_names[i]) == 0)

int
main(int argc, char **argv)
{
	struct db	*db;
	struct nerr	 err;
	struct user	 u;
	struct rusage	 ru;
	const char	*login = "uchitel001", *only = NULL;
	double		 t[PB__COUNT][PB_MAXRUNS], t0;
	long long	 mentee = 0;
	int		 rows[PB__COUNT], runs = 5, c, r, i;

	while ((c = getopt(argc, argv, "m:r:u:w:")) != -1) {
		switch (c) {
		case 'w':
			only = optarg;
			break;
		case 'm':
			mentee = strtoll(optarg, NULL, 10);
			break;
		case 'r':
			runs = atoi(optarg);
			break;
		case 'u':
			login = optarg;
			break;
		default:
			goto usage;
		}
	}
	if (argc - optind != 1 || runs < 1 || runs > PB_MAXRUNS)
		goto usage;
	i18n_init();
	for (r = 0; r < runs; r++) {
		nerr_clear(&err);
		if (db_open(&db, argv[optind], DB_OPEN_READONLY, &err) != 0)
			pb_die(argv[optind], &err);
		user_init(&u);
		if (user_get(db, login, &u, &err) != 0)
			pb_die(login, &err);

		memset(rows, 0, sizeof rows);
		for (i = 0; i < PB__COUNT; i++)
			t[i][r] = 0;
		if (PB_DO(PB_MY)) {
			t0 = pb_now();
			rows[PB_MY] = pb_my(db, &u, &err);
			t[PB_MY][r] = pb_now() - t0;
		}
		/* Also where match gets its mentee: the first unpaired. */
		if (PB_DO(PB_UNPAIRED) || (PB_DO(PB_MATCH) && mentee == 0)) {
			t0 = pb_now();
			rows[PB_UNPAIRED] = pb_unpaired(db, &mentee, &err);
			t[PB_UNPAIRED][r] = pb_now() - t0;
		}
		if (PB_DO(PB_MATCH)) {
			t0 = pb_now();
			rows[PB_MATCH] = pb_match(db, mentee, &err);
			t[PB_MATCH][r] = pb_now() - t0;
		}
		for (i = PB_FIG_CLASS; i <= PB_FIG_EVENT; i++) {
			if (!PB_DO(i))
				continue;
			t0 = pb_now();
			rows[i] = pb_figures(db, i == PB_FIG_CLASS ?
			    ATTBY_CLASS : i == PB_FIG_MONTH ? ATTBY_MONTH :
			    ATTBY_EVENT, &err);
			t[i][r] = pb_now() - t0;
		}
		if (PB_DO(PB_IND)) {
			t0 = pb_now();
			rows[PB_IND] = pb_indicators(db, &err);
			t[PB_IND][r] = pb_now() - t0;
		}
		user_free(&u);
		db_close(db);
	}
	printf("what\tmedian_ms\tmin_ms\trows\n");
	for (i = 0; i < PB__COUNT; i++) {
		qsort(t[i], (size_t)runs, sizeof t[i][0], pb_cmp);
		printf("%s\t%.2f\t%.2f\t%d\n", pb_names[i], t[i][runs / 2],
		    t[i][0], rows[i]);
	}
	printf("mentee\t%lld\n", mentee);
	getrusage(RUSAGE_SELF, &ru);
	printf("rss_kb\t%ld\n", ru.ru_maxrss);
	return (0);

usage:
	fprintf(stderr, "usage: pairbench [-r runs] [-u login] [-m mentee] "
	    "[-w what] file\n");
	return (2);
}
