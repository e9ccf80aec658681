/* cli-monitor.c: monitoring on the command line: answers, questionnaires, targets, indicators. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "csvio.h"
#include "date.h"
#include "db.h"
#include "monitor.h"
#include "util.h"

/* An optional date option: ISO into iso, or a message; NULL when not given. */
static int
mon_date(const char *cmd, const char *s, char *iso)
{
	struct nerr	err;

	if (date_parse(s, iso, _("date"), &err) != 0)
		return (cli_bad(cmd, "%s", err.msg));
	return (0);
}

static int
mon_load(struct db *db, struct nerr *err)
{
	int	added;

	/* The shipped questionnaires come in the first time they are needed. */
	if (db->readonly || db_exists(db, "SELECT 1 FROM questionnaire WHERE "
	    "id >= ?", 0, err) == 1)
		return (0);
	return (quest_templates_load(db, &added, err));
}

/* ---- answers ---- */

static int
mon_answers_import(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "questionnaire", required_argument, NULL, 'q' },
		{ "stage", required_argument, NULL, 's' },
		{ "dry-run", no_argument, NULL, 'n' },
		{ "skip-bad", no_argument, NULL, 'k' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "delimiter", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct answers_import_result	 res;
	struct nerr			 err;
	struct db			*db;
	const char			*quest = NULL, *stage = NULL;
	int				 c, rc, dry = 0, skip = 0;
	int				 enc = CSV_ENC_AUTO, delim = 0;

	memset(&res, 0, sizeof res);
	optind = 0;
	while ((c = cli_getopt(argc, argv, ":h", lo, "answers")) != -1) {
		switch (c) {
		case 'q': quest = optarg; break;
		case 's': stage = optarg; break;
		case 'n': dry = 1; break;
		case 'k': skip = 1; break;
		case 'e':
			if ((enc = csv_encoding_parse(optarg)) < 0)
				return (cli_bad("answers", _("unknown "
				    "encoding '%s'"), optarg));
			break;
		case 'd':
			if ((delim = csv_delimiter_parse(optarg)) < 0)
				return (cli_bad("answers", _("unknown "
				    "delimiter '%s'"), optarg));
			break;
		default:
			return (CLI_OPT_EXIT(c));
		}
	}
	if (argc - optind != 1)
		return (cli_bad("answers", _("answers import: give one file")));
	if (quest == NULL || stage == NULL)
		return (cli_bad("answers", _("answers import: say "
		    "--questionnaire and --stage")));
	if (!stage_valid(stage))
		return (cli_bad("answers", _("unknown stage '%s'; use before, "
		    "after, q1, q2, q3 or q4"), stage));
	if ((rc = cli_open(ctx, &db, CLI_WRITE, _("import answers"))) != 0)
		return (rc);
	nerr_clear(&err);
	if (mon_load(db, &err) != 0 || answers_import_csv(db, argv[optind],
	    enc, delim, quest, stage, dry, skip, &res, &err) != 0) {
		if (res.report.s != NULL)
			cli_puts(stderr, res.report.s);
		rc = cli_fail("%s", err.msg);
	} else {
		if (res.report.s != NULL)
			cli_puts(stderr, res.report.s);
		printf(_("%s%d rows: %d added, %d replaced, %d bad\n"),
		    dry ? _("dry run: ") : "", res.rows, res.added,
		    res.replaced, res.bad);
	}
	answers_import_result_free(&res);
	db_close(db);
	return (rc);
}

static int
mon_answers_add(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "questionnaire", required_argument, NULL, 'q' },
		{ "stage", required_argument, NULL, 's' },
		{ "pair", required_argument, NULL, 'p' },
		{ "date", required_argument, NULL, 'D' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct questionnaire	 q;
	struct response		 r;
	struct nerr		 err;
	struct db		*db;
	const char		*quest = NULL, *stage = NULL;
	char			 iso[DATE_ISO_LEN] = "";
	long long		 person, pair = 0;
	int			 c, i, rc;

	optind = 0;
	while ((c = cli_getopt(argc, argv, ":h", lo, "answers")) != -1) {
		switch (c) {
		case 'q': quest = optarg; break;
		case 's': stage = optarg; break;
		case 'p':
			if ((pair = cli_id("answers", optarg)) < 0)
				return (CLI_EXIT_USAGE);
			break;
		case 'D':
			if (mon_date("answers", optarg, iso) != 0)
				return (CLI_EXIT_USAGE);
			break;
		default:
			return (CLI_OPT_EXIT(c));
		}
	}
	if (argc - optind < 2)
		return (cli_bad("answers", _("answers add: give the person and "
		    "one value per question")));
	if (quest == NULL || stage == NULL)
		return (cli_bad("answers", _("answers add: say --questionnaire "
		    "and --stage")));
	if (!stage_valid(stage))
		return (cli_bad("answers", _("unknown stage '%s'; use before, "
		    "after, q1, q2, q3 or q4"), stage));
	if ((person = cli_id("answers", argv[optind])) < 0)
		return (CLI_EXIT_USAGE);
	if ((rc = cli_open(ctx, &db, CLI_WRITE, _("save answers"))) != 0)
		return (rc);
	nerr_clear(&err);
	if (mon_load(db, &err) != 0 || quest_get(db, quest, &q, &err) != 0) {
		db_close(db);
		return (cli_fail("%s", err.msg));
	}
	optind++;
	if (argc - optind != q.nq) {
		rc = cli_bad("answers", _("«%s» has %d questions: give %d "
		    "values ('-' for no answer), not %d"), q.title, q.nq, q.nq,
		    argc - optind);
		quest_free(&q);
		db_close(db);
		return (rc);
	}
	response_init(&r, &q);
	r.person_id = person;
	snprintf(r.stage, sizeof r.stage, "%s", stage);
	if (*iso != '\0')
		r.date = xstrdup(iso);
	for (i = 0; i < q.nq; i++)
		r.values[i] = xstrdup(argv[optind + i]);
	r.pair_id = pair != 0 ? pair : response_guess_pair(db, &q, person,
	    &err);
	if (r.pair_id < 0 || response_save(db, &q, &r, &err) != 0)
		rc = cli_fail("%s", err.msg);
	else
		printf("%lld\n", r.id);
	response_free(&r);
	quest_free(&q);
	db_close(db);
	return (rc);
}

static int
mon_answers_delete(struct cli_ctx *ctx, int argc, char **argv)
{
	struct nerr	 err;
	struct db	*db;
	long long	 id;
	int		 rc;

	if (argc != 2)
		return (cli_bad("answers", _("answers delete: give one "
		    "number")));
	if ((id = cli_id("answers", argv[1])) < 0)
		return (CLI_EXIT_USAGE);
	if ((rc = cli_open(ctx, &db, CLI_WRITE, _("delete answers"))) != 0)
		return (rc);
	nerr_clear(&err);
	if (response_delete(db, id, &err) != 0)
		rc = cli_fail("%s", err.msg);
	db_close(db);
	return (rc);
}

int
cli_answers(struct cli_ctx *ctx, int argc, char **argv)
{
	if (argc < 2)
		return (cli_bad("answers", _("answers: say what to do (import, "
		    "add, delete)")));
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
		cli_help_cmd(stdout, "answers");
		return (CLI_EXIT_OK);
	}
	if (strcmp(argv[1], "import") == 0)
		return (mon_answers_import(ctx, argc - 1, argv + 1));
	if (strcmp(argv[1], "add") == 0)
		return (mon_answers_add(ctx, argc - 1, argv + 1));
	if (strcmp(argv[1], "delete") == 0)
		return (mon_answers_delete(ctx, argc - 1, argv + 1));
	return (cli_bad("answers", _("answers: unknown action '%s'"),
	    argv[1]));
}

int
cli_list_answers(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "questionnaire", required_argument, NULL, 'q' },
		{ "stage", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct sbuf	 b;
	struct nerr	 err;
	struct db	*db;
	sqlite3_stmt	*st;
	const char	*quest = NULL, *stage = NULL;
	int		 c, i, rc;

	optind = 0;
	while ((c = cli_getopt(argc, argv, ":h", lo, "list")) != -1) {
		switch (c) {
		case 'q': quest = optarg; break;
		case 's': stage = optarg; break;
		default:
			return (CLI_OPT_EXIT(c));
		}
	}
	if (optind != argc)
		return (cli_bad("list", _("list answers: unexpected '%s'"),
		    argv[optind]));
	if ((rc = cli_open(ctx, &db, CLI_READ, _("list answers"))) != 0)
		return (rc);
	nerr_clear(&err);
	if ((st = db_prepare(db, "SELECT r.id, qn.code, r.stage, r.date, "
	    "r.person_id, p.last || ' ' || p.first || ' ' || p.patronymic, "
	    "r.pair_id, (SELECT group_concat(coalesce(a.value, ''), '|') FROM "
	    "(SELECT a.value FROM question qu LEFT JOIN answer a ON "
	    "a.question_id = qu.id AND a.response_id = r.id WHERE "
	    "qu.questionnaire_id = qn.id ORDER BY qu.pos) a) FROM response r "
	    "JOIN questionnaire qn ON qn.id = r.questionnaire_id LEFT JOIN "
	    "person p ON p.id = r.person_id WHERE (?1 IS NULL OR qn.code = ?1) "
	    "AND (?2 IS NULL OR r.stage = ?2) ORDER BY r.date, r.id",
	    &err)) == NULL) {
		db_close(db);
		return (cli_fail("%s", err.msg));
	}
	sqlite3_bind_text(st, 1, quest, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, stage, -1, SQLITE_STATIC);
	fputs("id\tquestionnaire\tstage\tdate\tperson_id\tname\tpair_id\t"
	    "values\n", stdout);
	sbuf_init(&b);
	while ((c = sqlite3_step(st)) == SQLITE_ROW) {
		sbuf_reset(&b);
		for (i = 0; i < 8; i++) {
			if (i > 0)
				sbuf_addc(&b, '\t');
			cli_tsv_field(&b, (const char *)sqlite3_column_text(st,
			    i));
		}
		sbuf_addc(&b, '\n');
		fputs(b.s, stdout);
	}
	if (c != SQLITE_DONE)
		rc = cli_fail("%s", (db_fail(db, &err, _("listing answers")),
		    err.msg));
	sqlite3_finalize(st);
	sbuf_free(&b);
	db_close(db);
	return (rc);
}

/* ---- questionnaires ---- */

int
cli_questionnaire(struct cli_ctx *ctx, int argc, char **argv)
{
	struct questionnaire	*qs, q;
	struct nerr		 err;
	struct sbuf		 b;
	struct db		*db;
	const char		*sub = argc > 1 ? argv[1] : NULL;
	int			 i, n, rc, added;

	if (sub == NULL)
		return (cli_bad("questionnaire", _("questionnaire: say what "
		    "to do (list, show, load)")));
	if (strcmp(sub, "-h") == 0 || strcmp(sub, "--help") == 0) {
		cli_help_cmd(stdout, "questionnaire");
		return (CLI_EXIT_OK);
	}
	if (strcmp(sub, "show") == 0 ? argc != 3 : strcmp(sub, "list") == 0 ||
	    strcmp(sub, "load") == 0 ? argc != 2 : 1)
		return (cli_bad("questionnaire", _("questionnaire: unknown "
		    "action or arguments '%s'"), sub));
	if ((rc = cli_open(ctx, &db, strcmp(sub, "load") == 0 ? CLI_WRITE :
	    CLI_READ, _("load the questionnaires"))) != 0)
		return (rc);
	nerr_clear(&err);
	sbuf_init(&b);
	if (strcmp(sub, "load") == 0) {
		if (quest_templates_load(db, &added, &err) != 0)
			rc = cli_fail("%s", err.msg);
		else
			printf(_("%d questionnaires added\n"), added);
	} else if (mon_load(db, &err) != 0)
		rc = cli_fail("%s", err.msg);
	else if (strcmp(sub, "list") == 0) {
		if (quest_list(db, &qs, &n, &err) != 0)
			rc = cli_fail("%s", err.msg);
		else {
			sbuf_add(&b, "id\tcode\taudience\tquestions\ttitle\n");
			for (i = 0; i < n; i++) {
				sbuf_addf(&b, "%lld\t", qs[i].id);
				cli_tsv_field(&b, qs[i].code);
				sbuf_addc(&b, '\t');
				cli_tsv_field(&b, qs[i].audience);
				sbuf_addf(&b, "\t%d\t", qs[i].nq);
				cli_tsv_field(&b, qs[i].title);
				sbuf_addc(&b, '\n');
			}
			fputs(b.s, stdout);
			quest_list_free(qs, n);
		}
	} else if (quest_get(db, argv[2], &q, &err) != 0)
		rc = cli_fail("%s", err.msg);
	else {
		sbuf_add(&b, "n\ttype\ttext\tchoices\n");
		for (i = 0; i < q.nq; i++) {
			sbuf_addf(&b, "%d\t%s\t", i + 1,
			    quest_type_code(q.q[i].type));
			cli_tsv_field(&b, q.q[i].text);
			sbuf_addc(&b, '\t');
			cli_tsv_field(&b, q.q[i].choices);
			sbuf_addc(&b, '\n');
		}
		fputs(b.s, stdout);
		quest_free(&q);
	}
	sbuf_free(&b);
	db_close(db);
	return (rc);
}

/* ---- targets ---- */

int
cli_target(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "year", required_argument, NULL, 'y' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct target_row	*rows;
	struct nerr		 err;
	struct db		*db;
	const char		*year = NULL, *sub;
	char			 y[16], *end;
	double			 v = 0;
	int			 c, i, n, rc, want;

	if (argc < 2)
		return (cli_bad("target", _("target: say what to do (list, "
		    "set, clear)")));
	sub = argv[1];
	if (strcmp(sub, "-h") == 0 || strcmp(sub, "--help") == 0) {
		cli_help_cmd(stdout, "target");
		return (CLI_EXIT_OK);
	}
	want = strcmp(sub, "list") == 0 ? 0 : strcmp(sub, "set") == 0 ? 2 :
	    strcmp(sub, "clear") == 0 ? 1 : -1;
	if (want < 0)
		return (cli_bad("target", _("target: unknown action '%s'"),
		    sub));
	argc--;
	argv++;
	optind = 0;
	while ((c = cli_getopt(argc, argv, ":h", lo, "target")) != -1) {
		if (c != 'y')
			return (CLI_OPT_EXIT(c));
		year = optarg;
	}
	if (argc - optind != want)
		return (cli_bad("target", _("target %s: wrong number of "
		    "arguments"), sub));
	if (want == 2) {
		v = util_strtod(argv[optind + 1], &end);
		if (*argv[optind + 1] == '\0' || *end != '\0')
			return (cli_bad("target", _("'%s' is not a number"),
			    argv[optind + 1]));
	}
	if (year == NULL) {
		date_school_year(date_today(), y, sizeof y);
		year = y;
	}
	if ((rc = cli_open(ctx, &db, want ? CLI_WRITE : CLI_READ,
	    _("change a target"))) != 0)
		return (rc);
	nerr_clear(&err);
	if (want == 2 && target_set(db, year, argv[optind], v, &err) != 0)
		rc = cli_fail("%s", err.msg);
	else if (want == 1 && target_clear(db, year, argv[optind], &err) != 0)
		rc = cli_fail("%s", err.msg);
	else if (want == 0) {
		if (target_list(db, year, &rows, &n, &err) != 0)
			rc = cli_fail("%s", err.msg);
		else {
			struct sbuf	b;

			sbuf_init(&b);
			sbuf_add(&b, "code\tname\ttarget\tdefault\n");
			for (i = 0; i < n; i++) {
				sbuf_addf(&b, "%s\t", rows[i].code);
				cli_tsv_field(&b, rows[i].name);
				sbuf_addc(&b, '\t');
				sbuf_addnum(&b, rows[i].value);
				sbuf_addf(&b, "\t%s\n",
				    rows[i].is_default ? "yes" : "no");
			}
			fputs(b.s, stdout);
			sbuf_free(&b);
			target_list_free(rows, n);
		}
	}
	db_close(db);
	return (rc);
}

/* ---- indicators ---- */

static int
mon_as_of(int argc, char **argv, const char *cmd, char *iso)
{
	static const struct option lo[] = {
		{ "as-of", required_argument, NULL, 'a' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int	c;

	*iso = '\0';
	optind = 0;
	while ((c = cli_getopt(argc, argv, ":h", lo, cmd)) != -1) {
		if (c != 'a')
			return (CLI_OPT_EXIT(c) == CLI_EXIT_OK ? -2 : -1);
		if (mon_date(cmd, optarg, iso) != 0)
			return (-1);
	}
	return (0);
}

int
cli_list_indicators(struct cli_ctx *ctx, int argc, char **argv)
{
	struct indicator	*v;
	struct nerr		 err;
	struct sbuf		 b;
	struct db		*db;
	char			 iso[DATE_ISO_LEN];
	int			 i, n, rc;

	if ((rc = mon_as_of(argc, argv, "list", iso)) != 0)
		return (rc == -2 ? CLI_EXIT_OK : CLI_EXIT_USAGE);
	if (optind != argc)
		return (cli_bad("list", _("list indicators: unexpected '%s'"),
		    argv[optind]));
	if ((rc = cli_open(ctx, &db, CLI_READ, _("list the indicators"))) != 0)
		return (rc);
	nerr_clear(&err);
	if (indicators_compute(db, *iso ? iso : NULL, &v, &n, &err) != 0) {
		db_close(db);
		return (cli_fail("%s", err.msg));
	}
	sbuf_init(&b);
	sbuf_add(&b, "code\tname\tvalue\ttarget\tmet\n");
	for (i = 0; i < n; i++) {
		cli_tsv_field(&b, v[i].code);
		sbuf_addc(&b, '\t');
		cli_tsv_field(&b, v[i].name);
		sbuf_addc(&b, '\t');
		if (v[i].has_value && v[i].is_count &&
		    v[i].value == (long long)v[i].value)
			sbuf_addf(&b, "%.0f", v[i].value);
		else if (v[i].has_value)
			sbuf_addnum(&b, v[i].value);
		sbuf_addc(&b, '\t');
		if (v[i].has_target) {
			sbuf_addnum(&b, v[i].target);
			sbuf_addf(&b, "\t%s\n", v[i].met ? "yes" : "no");
		} else
			sbuf_add(&b, "\t\n");
	}
	fputs(b.s, stdout);
	sbuf_free(&b);
	indicators_free(v, n);
	db_close(db);
	return (CLI_EXIT_OK);
}

int
cli_indicator(struct cli_ctx *ctx, int argc, char **argv)
{
	struct indicator	*v;
	struct behind_row	*rows;
	struct nerr		 err;
	struct sbuf		 b;
	struct db		*db;
	char			 iso[DATE_ISO_LEN];
	const char		*sub = argc > 1 ? argv[1] : "";
	int			 i, n, rc, show;

	if (strcmp(sub, "-h") == 0 || strcmp(sub, "--help") == 0) {
		cli_help_cmd(stdout, "indicator");
		return (CLI_EXIT_OK);
	}
	show = strcmp(sub, "show") == 0;
	if (!show && strcmp(sub, "behind") != 0)
		return (cli_bad("indicator", _("indicator: say show or "
		    "behind, and the indicator's code")));
	if ((rc = mon_as_of(argc - 1, argv + 1, "indicator", iso)) != 0)
		return (rc == -2 ? CLI_EXIT_OK : CLI_EXIT_USAGE);
	if (argc - 1 - optind != 1)
		return (cli_bad("indicator", _("indicator %s: give one "
		    "indicator's code"), sub));
	if ((rc = cli_open(ctx, &db, CLI_READ, _("show an indicator"))) != 0)
		return (rc);
	nerr_clear(&err);
	sbuf_init(&b);
	if (show) {
		if (indicators_compute(db, *iso ? iso : NULL, &v, &n,
		    &err) != 0)
			rc = cli_fail("%s", err.msg);
		else {
			for (i = 0; i < n; i++)
				if (strcmp(v[i].code, argv[1 + optind]) == 0)
					break;
			if (i == n)
				rc = cli_fail(_("no indicator «%s»; 'nastavnik "
				    "list indicators' shows them"),
				    argv[1 + optind]);
			else {
				sbuf_addf(&b, "%s\n%s\n\n", v[i].name,
				    v[i].definition);
				if (v[i].has_value)
					sbuf_addf(&b, _("Value: %.1f (%s)\n"),
					    v[i].value, str_or(v[i].detail,
					    ""));
				if (v[i].has_target)
					sbuf_addf(&b, _("Target: %.1f, %s\n"),
					    v[i].target, v[i].met ? _("met") :
					    _("not met"));
				if (v[i].has_prev)
					sbuf_addf(&b, _("Last quarter: "
					    "%.1f\n"), v[i].prev);
				cli_puts(stdout, b.s);
			}
			indicators_free(v, n);
		}
	} else if (indicator_behind(db, argv[1 + optind], *iso ? iso : NULL,
	    &rows, &n, &err) != 0)
		rc = cli_fail("%s", err.msg);
	else {
		static const char *const kinds[] = { "person", "pair",
		    "event", "item" };

		sbuf_add(&b, "kind\tid\tlabel\tnote\n");
		for (i = 0; i < n; i++) {
			sbuf_addf(&b, "%s\t%lld\t", kinds[rows[i].kind],
			    rows[i].id);
			cli_tsv_field(&b, rows[i].label);
			sbuf_addc(&b, '\t');
			cli_tsv_field(&b, rows[i].note);
			sbuf_addc(&b, '\n');
		}
		fputs(b.s, stdout);
		behind_free(rows, n);
	}
	sbuf_free(&b);
	db_close(db);
	return (rc);
}
