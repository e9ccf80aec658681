/* cli-plan.c: individual plans from the shell: "plan ..." and "list plans". */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "db.h"
#include "meeting.h"
#include "plan.h"
#include "text.h"
#include "util.h"

enum { OPT_ADD = 256, OPT_DUE, OPT_NOTE, OPT_DATE, OPT_UNDO, OPT_ORDER };

/* The pair's number, the one argument left; -1 after a message. */
static long long
pair_arg(int argc, char **argv, const char *what)
{
	if (argc - optind != 1) {
		cli_bad("plan", _("plan %s: give the pair's number"), what);
		return (-1);
	}
	return (cli_id("plan", argv[optind]));
}

/* Print a pair's plan: approval, steps with ids, completion. */
static int
plan_print(struct db *db, long long pair)
{
	struct plan	 p;
	struct nerr	 err;
	struct sbuf	 b;
	char		 d1[DATE_ISO_LEN], d2[DATE_ISO_LEN], *who, *t;
	const char	*today = date_today();
	int		 rc, i, done, total, overdue;

	nerr_clear(&err);
	if ((rc = plan_get(db, pair, &p, &err)) < 0)
		return (cli_fail("%s", err.msg));
	if (rc == 1)
		return (cli_fail(_("pair no. %lld has no plan yet; start one "
		    "with 'nastavnik plan template %lld'"), pair, pair));
	if ((who = meeting_pair_who(db, pair, &err)) == NULL) {
		plan_free(&p);
		return (cli_fail("%s", err.msg));
	}
	sbuf_init(&b);
	t = text_escape(who);
	sbuf_addf(&b, _("Plan of pair no. %lld: %s\n"), pair, t);
	free(t);
	if (!str_empty(p.title)) {
		t = text_escape(p.title);
		sbuf_addf(&b, "%s\n", t);
		free(t);
	}
	if (!str_empty(p.approved)) {
		date_show(p.approved, d1);
		t = text_escape(str_or(p.approved_order, "—"));
		sbuf_addf(&b, _("Approved on %s, order %s.\n"), d1, t);
		free(t);
	} else
		sbuf_add(&b, _("Not approved yet.\n"));
	sbuf_add(&b, "id\tdue\tdone\tstep\n");
	for (i = 0; i < p.nsteps; i++) {
		date_show(p.steps[i].due, d1);
		date_show(p.steps[i].done, d2);
		sbuf_addf(&b, "%lld\t%s\t", p.steps[i].id, d1);
		if (d2[0] != '\0')
			sbuf_add(&b, d2);
		else if (!str_empty(p.steps[i].due) &&
		    strcmp(p.steps[i].due, today) < 0)
			sbuf_add(&b, _("OVERDUE"));
		sbuf_addc(&b, '\t');
		cli_tsv_field(&b, p.steps[i].title);
		sbuf_addc(&b, '\n');
	}
	plan_completion(&p, &done, &total, &overdue);
	sbuf_addf(&b, _("Done %d of %d steps (%d %%), target %d %%; overdue: "
	    "%d.\n"), done, total, total > 0 ? done * 100 / total : 0,
	    PLAN_TARGET_PCT, overdue);
	cli_puts(stdout, b.s);
	sbuf_free(&b);
	free(who);
	plan_free(&p);
	return (CLI_EXIT_OK);
}

static int
pl_show(struct cli_ctx *ctx, int argc, char **argv)
{
	struct db	*db;
	long long	 pair;
	int		 rc;

	optind = 1;
	if ((pair = pair_arg(argc, argv, "show")) < 0)
		return (CLI_EXIT_USAGE);
	if ((rc = cli_open(ctx, &db, CLI_READ, _("show a plan"))) != 0)
		return (rc);
	rc = plan_print(db, pair);
	db_close(db);
	return (rc);
}

static int
pl_template(struct cli_ctx *ctx, int argc, char **argv)
{
	struct plan	 p;
	struct nerr	 err;
	struct db	*db;
	long long	 pair;
	int		 rc;

	optind = 1;
	if ((pair = pair_arg(argc, argv, "template")) < 0)
		return (CLI_EXIT_USAGE);
	if ((rc = cli_open(ctx, &db, CLI_WRITE, _("start a plan"))) != 0)
		return (rc);
	nerr_clear(&err);
	if (plan_from_template(db, pair, &p, &err) != 0)
		rc = cli_fail("%s", err.msg);
	else {
		plan_free(&p);
		rc = plan_print(db, pair);
	}
	db_close(db);
	return (rc);
}

static int
pl_step(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "add", required_argument, NULL, OPT_ADD },
		{ "due", required_argument, NULL, OPT_DUE },
		{ "note", required_argument, NULL, OPT_NOTE },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct plan_step	*s;
	struct plan		 p;
	struct nerr		 err;
	struct db		*db;
	const char		*title = NULL, *note = NULL;
	char			 due[DATE_ISO_LEN] = "";
	long long		 pair;
	int			 c, rc;

	optind = 0;
	nerr_clear(&err);
	while ((c = cli_getopt(argc, argv, ":h", lo, "plan")) != -1) {
		switch (c) {
		case OPT_ADD:
			title = optarg;
			break;
		case OPT_DUE:
			if (date_parse(optarg, due, "--due", &err) != 0)
				return (cli_bad("plan", "%s", err.msg));
			break;
		case OPT_NOTE:
			note = optarg;
			break;
		default:
			return (CLI_OPT_EXIT(c));
		}
	}
	if ((pair = pair_arg(argc, argv, "step")) < 0)
		return (CLI_EXIT_USAGE);
	if (title == NULL)
		return (cli_bad("plan", _("plan step: give --add TITLE")));
	if ((rc = cli_open(ctx, &db, CLI_WRITE, _("change a plan"))) != 0)
		return (rc);
	if ((rc = plan_get(db, pair, &p, &err)) == 1) {
		/* The first step starts the plan. */
		plan_init(&p);
		p.pair_id = pair;
		rc = 0;
	}
	if (rc == 0) {
		s = plan_step_add(&p, title, due);
		s->note = str_trimdup(note);
		if ((rc = plan_save(db, &p, &err)) == 0)
			printf("%lld\n", p.steps[p.nsteps - 1].id);
		plan_free(&p);
	}
	if (rc != 0)
		rc = cli_fail("%s", err.msg);
	db_close(db);
	return (rc);
}

static int
pl_done(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "date", required_argument, NULL, OPT_DATE },
		{ "undo", no_argument, NULL, OPT_UNDO },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct nerr	 err;
	struct db	*db;
	char		 date[DATE_ISO_LEN] = "";
	long long	 step;
	int		 c, rc, undo = 0;

	optind = 0;
	nerr_clear(&err);
	while ((c = cli_getopt(argc, argv, ":h", lo, "plan")) != -1) {
		switch (c) {
		case OPT_DATE:
			if (date_parse(optarg, date, "--date", &err) != 0)
				return (cli_bad("plan", "%s", err.msg));
			break;
		case OPT_UNDO:
			undo = 1;
			break;
		default:
			return (CLI_OPT_EXIT(c));
		}
	}
	if (argc - optind != 1)
		return (cli_bad("plan", _("plan done: give the step's number "
		    "('nastavnik plan show PAIR_ID' shows them)")));
	if ((step = cli_id("plan", argv[optind])) < 0)
		return (CLI_EXIT_USAGE);
	if ((rc = cli_open(ctx, &db, CLI_WRITE, _("change a plan"))) != 0)
		return (rc);
	if (plan_step_mark(db, step, date[0] != '\0' ? date : NULL, undo,
	    &err) != 0)
		rc = cli_fail("%s", err.msg);
	db_close(db);
	return (rc);
}

static int
pl_approve(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "date", required_argument, NULL, OPT_DATE },
		{ "order", required_argument, NULL, OPT_ORDER },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct plan	 p;
	struct nerr	 err;
	struct db	*db;
	const char	*order = NULL;
	char		 date[DATE_ISO_LEN] = "";
	long long	 pair;
	int		 c, rc;

	optind = 0;
	nerr_clear(&err);
	while ((c = cli_getopt(argc, argv, ":h", lo, "plan")) != -1) {
		switch (c) {
		case OPT_DATE:
			if (date_parse(optarg, date, "--date", &err) != 0)
				return (cli_bad("plan", "%s", err.msg));
			break;
		case OPT_ORDER:
			order = optarg;
			break;
		default:
			return (CLI_OPT_EXIT(c));
		}
	}
	if ((pair = pair_arg(argc, argv, "approve")) < 0)
		return (CLI_EXIT_USAGE);
	if (date[0] == '\0' || str_empty(order))
		return (cli_bad("plan", _("plan approve: give --date and "
		    "--order")));
	if ((rc = cli_open(ctx, &db, CLI_WRITE, _("change a plan"))) != 0)
		return (rc);
	if ((rc = plan_get(db, pair, &p, &err)) == 1)
		rc = nerr_set(&err, _("Pair no. %lld has no plan yet; start "
		    "one with 'nastavnik plan template %lld'."), pair, pair);
	else if (rc == 0) {
		free(p.approved);
		free(p.approved_order);
		p.approved = xstrdup(date);
		p.approved_order = str_trimdup(order);
		rc = plan_save(db, &p, &err);
		plan_free(&p);
	}
	if (rc != 0)
		rc = cli_fail("%s", err.msg);
	db_close(db);
	return (rc);
}

static int
pl_delete(struct cli_ctx *ctx, int argc, char **argv)
{
	struct plan	 p;
	struct nerr	 err;
	struct db	*db;
	long long	 pair;
	int		 rc;

	optind = 1;
	if ((pair = pair_arg(argc, argv, "delete")) < 0)
		return (CLI_EXIT_USAGE);
	if ((rc = cli_open(ctx, &db, CLI_WRITE, _("delete a plan"))) != 0)
		return (rc);
	nerr_clear(&err);
	if ((rc = plan_get(db, pair, &p, &err)) == 1)
		rc = nerr_set(&err, _("Pair no. %lld has no plan."), pair);
	else if (rc == 0) {
		rc = plan_delete(db, p.id, &err);
		plan_free(&p);
	}
	if (rc != 0)
		rc = cli_fail("%s", err.msg);
	db_close(db);
	return (rc);
}

/* Every plan together: the overall completion against the target. */
static int
pl_summary(struct cli_ctx *ctx, int argc, char **argv)
{
	struct plan_stat	*v;
	struct nerr		 err;
	struct db		*db;
	int			 rc, n, done, total, met;

	if (argc > 1)
		return (cli_bad("plan", _("plan summary: unexpected argument "
		    "'%s'"), argv[1]));
	if ((rc = cli_open(ctx, &db, CLI_READ, _("list the plans"))) != 0)
		return (rc);
	nerr_clear(&err);
	if (plan_stats(db, &v, &n, &done, &total, &met, &err) != 0)
		rc = cli_fail("%s", err.msg);
	else {
		printf("plans\tmet\tdone\ttotal\tpct\ttarget\n"
		    "%d\t%d\t%d\t%d\t%d\t%d\n", n, met, done, total,
		    total > 0 ? done * 100 / total : 0, PLAN_TARGET_PCT);
		plan_stats_free(v, n);
	}
	db_close(db);
	return (rc);
}

int
cli_plan(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct {
		const char	*name;
		int		(*fn)(struct cli_ctx *, int, char **);
	} subs[] = {
		{ "show", pl_show }, { "template", pl_template },
		{ "step", pl_step }, { "done", pl_done },
		{ "approve", pl_approve }, { "delete", pl_delete },
		{ "summary", pl_summary },
	};
	size_t	i;

	if (argc < 2)
		return (cli_bad("plan", _("plan: say what to do (show, "
		    "template, step, done, approve, delete, summary)")));
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
		cli_help_cmd(stdout, "plan");
		return (CLI_EXIT_OK);
	}
	for (i = 0; i < nitems(subs); i++)
		if (strcmp(argv[1], subs[i].name) == 0)
			return (subs[i].fn(ctx, argc - 1, argv + 1));
	return (cli_bad("plan", _("plan: unknown action '%s'"), argv[1]));
}

int
cli_list_plans(struct cli_ctx *ctx, int argc, char **argv)
{
	struct plan_stat	*v;
	struct nerr		 err;
	struct sbuf		 b;
	struct db		*db;
	int			 rc, i, n, done, total, met;

	if (argc > 1 && argv[1][0] == '-' && strcmp(argv[1], "--help") != 0 &&
	    strcmp(argv[1], "-h") != 0)
		return (cli_bad("list", _("list plans: unknown option '%s'"),
		    argv[1]));
	if (argc > 1 && argv[1][0] == '-')
		return (cli_help_cmd(stdout, "list") == 0 ? CLI_EXIT_OK :
		    CLI_EXIT_USAGE);
	if (argc > 1)
		return (cli_bad("list", _("list plans: unexpected argument "
		    "'%s'"), argv[1]));
	if ((rc = cli_open(ctx, &db, CLI_READ, _("list the plans"))) != 0)
		return (rc);
	nerr_clear(&err);
	if (plan_stats(db, &v, &n, &done, &total, &met, &err) != 0) {
		db_close(db);
		return (cli_fail("%s", err.msg));
	}
	sbuf_init(&b);
	sbuf_add(&b, "pair_id\twho\tdone\ttotal\tpct\toverdue\n");
	for (i = 0; i < n; i++) {
		sbuf_addf(&b, "%lld\t", v[i].pair_id);
		cli_tsv_field(&b, v[i].who);
		sbuf_addf(&b, "\t%d\t%d\t%d\t%d\n", v[i].done, v[i].total,
		    v[i].total > 0 ? v[i].done * 100 / v[i].total : 0,
		    v[i].overdue);
	}
	cli_puts(stdout, b.s);
	sbuf_free(&b);
	plan_stats_free(v, n);
	db_close(db);
	return (CLI_EXIT_OK);
}
