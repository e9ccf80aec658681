/* cli-roadmap.c: the roadmap from the shell: "roadmap ...", "list roadmap", "import roadmap". */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "csvio.h"
#include "date.h"
#include "db.h"
#include "deadline.h"
#include "roadmap-int.h"
#include "roadmap.h"
#include "text.h"
#include "util.h"

enum {
	OPT_OVERDUE = 256, OPT_ALL, OPT_ROADMAP, OPT_NOT_DONE, OPT_DUE_DAYS,
	OPT_RESPONSIBLE, OPT_DATE, OPT_EVIDENCE, OPT_TEMPLATE, OPT_YEAR,
	OPT_TITLE, OPT_DRY_RUN, OPT_ENCODING, OPT_DELIMITER
};

/* --roadmap ID, or the current one; 0 and a message if there is none. */
static long long
rm_cli_which(struct db *db, long long given)
{
	struct nerr	err;
	long long	id;

	nerr_clear(&err);
	if (given > 0) {
		struct roadmap	r;

		if (roadmap_get(db, given, &r, &err) == -1) {
			cli_fail("%s", err.msg);
			return (0);
		}
		roadmap_free(&r);
		return (given);
	}
	if ((id = roadmap_current(db, &err)) < 0) {
		cli_fail("%s", err.msg);
		return (0);
	}
	if (id == 0)
		cli_fail(_("there is no roadmap yet; make one with 'nastavnik "
		    "roadmap new --template pupils-teachers' or 'nastavnik "
		    "import roadmap FILE.csv'"));
	return (id);
}

/* ---- list roadmap ---- */

static void
rm_cli_row(struct sbuf *b, const char *section, const struct rm_item *it)
{
	cli_tsv_field(b, section);
	sbuf_addc(b, '\t');
	cli_tsv_field(b, it->number);
	sbuf_addc(b, '\t');
	cli_tsv_field(b, it->content);
	sbuf_addc(b, '\t');
	cli_tsv_field(b, it->deadline_text);
	sbuf_addc(b, '\t');
	sbuf_add(b, it->due);
	sbuf_addc(b, '\t');
	sbuf_add(b, deadline_kind_code(it->dl.kind));
	sbuf_addc(b, '\t');
	sbuf_add(b, rm_status_code(it->status));
	sbuf_addf(b, "\t%d\n", it->overdue ? 1 : 0);
}

static int
rm_cli_print(struct db *db, long long roadmap, const struct rm_filter *f)
{
	struct rm_section	*secs;
	struct rm_item		*v;
	struct nerr		 err;
	struct sbuf		 b;
	const char		*title;
	int			 i, s, n, nsecs;

	nerr_clear(&err);
	if (rm_sections(db, roadmap, &secs, &nsecs, &err) == -1)
		return (cli_fail("%s", err.msg));
	if (rm_items(db, roadmap, f, &v, &n, &err) == -1) {
		rm_sections_free(secs, nsecs);
		return (cli_fail("%s", err.msg));
	}
	sbuf_init(&b);
	for (i = 0, s = 0; i < n; i++) {
		for (title = ""; s < nsecs && secs[s].id != v[i].section_id;)
			s++;
		if (s < nsecs)
			title = secs[s].title;
		else
			s = 0;	/* never: items come in section order */
		rm_cli_row(&b, title, &v[i]);
		if (b.len > 65536) {
			cli_puts(stdout, b.s);
			sbuf_reset(&b);
		}
	}
	if (b.len > 0)
		cli_puts(stdout, b.s);
	sbuf_free(&b);
	rm_items_free(v, n);
	rm_sections_free(secs, nsecs);
	return (CLI_EXIT_OK);
}

int
cli_list_roadmap(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "overdue", no_argument, NULL, OPT_OVERDUE },
		{ "all", no_argument, NULL, OPT_ALL },
		{ "roadmap", required_argument, NULL, OPT_ROADMAP },
		{ "not-done", no_argument, NULL, OPT_NOT_DONE },
		{ "due-days", required_argument, NULL, OPT_DUE_DAYS },
		{ "responsible", required_argument, NULL, OPT_RESPONSIBLE },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct rm_filter	 f;
	struct roadmap		*rs;
	struct nerr		 err;
	struct db		*db;
	long long		 given = 0, id = 0;
	char			*end;
	long			 days;
	int			 c, rc, all = 0, i, n;

	rm_filter_init(&f);
	optind = 0;
	while ((c = cli_getopt(argc, argv, ":h", lo, "list")) != -1) {
		switch (c) {
		case OPT_OVERDUE:
			f.overdue = 1;
			break;
		case OPT_ALL:
			all = 1;
			break;
		case OPT_ROADMAP:
			if ((given = cli_id("list", optarg)) < 0)
				return (CLI_EXIT_USAGE);
			break;
		case OPT_NOT_DONE:
			f.not_done = 1;
			break;
		case OPT_DUE_DAYS:
			errno = 0;
			days = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || errno != 0 ||
			    days < 1 || days > 3660)
				return (cli_bad("list", _("list roadmap: "
				    "--due-days takes a number of days, not "
				    "'%s'"), optarg));
			f.due_days = (int)days;
			break;
		case OPT_RESPONSIBLE:
			f.responsible = optarg;
			break;
		default:
			return (CLI_OPT_EXIT(c));
		}
	}
	if (optind != argc)
		return (cli_bad("list", _("list roadmap: unexpected argument "
		    "'%s'"), argv[optind]));
	if (all && given > 0)
		return (cli_bad("list", _("list roadmap: give --all or "
		    "--roadmap, not both")));
	if ((rc = cli_open(ctx, &db, CLI_READ, _("list the roadmap"))) != 0)
		return (rc);
	if (!all && (id = rm_cli_which(db, given)) == 0) {
		db_close(db);
		return (CLI_EXIT_FAIL);
	}
	fputs("section\tnumber\titem\tdeadline\tdue\tkind\tstatus\toverdue\n",
	    stdout);
	if (!all)
		rc = rm_cli_print(db, id, &f);
	else {
		nerr_clear(&err);
		if (roadmap_list(db, &rs, &n, &err) == -1)
			rc = cli_fail("%s", err.msg);
		else {
			for (i = 0; i < n && rc == 0; i++)
				rc = rm_cli_print(db, rs[i].id, &f);
			roadmap_list_free(rs, n);
		}
	}
	db_close(db);
	return (rc);
}

/* ---- roadmap SUBCOMMAND ---- */

/* The item numbered so in the roadmap; 0 after a message. */
static long long
rm_cli_item(struct db *db, long long roadmap, const char *number)
{
	struct nerr	 err;
	struct roadmap	 r;
	long long	 id;

	nerr_clear(&err);
	if ((id = rm_item_by_number(db, roadmap, number, &err)) < 0) {
		cli_fail("%s", err.msg);
		return (0);
	}
	if (id == 0) {
		if (roadmap_get(db, roadmap, &r, &err) == 0) {
			cli_fail(_("the roadmap «%s» has no item numbered %s; "
			    "'nastavnik list roadmap' shows the numbers"),
			    r.title, number);
			roadmap_free(&r);
		} else
			cli_fail("%s", err.msg);
	}
	return (id);
}

static int
rm_cli_done(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "date", required_argument, NULL, OPT_DATE },
		{ "evidence", required_argument, NULL, OPT_EVIDENCE },
		{ "roadmap", required_argument, NULL, OPT_ROADMAP },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct nerr	 err;
	struct db	*db;
	const char	*evidence = NULL;
	char		 iso[DATE_ISO_LEN] = "";
	long long	 given = 0, roadmap, id;
	int		 c, rc;

	optind = 0;
	nerr_clear(&err);
	while ((c = cli_getopt(argc, argv, ":h", lo, "roadmap")) != -1) {
		switch (c) {
		case OPT_DATE:
			if (date_parse(optarg, iso, "--date", &err) == -1)
				return (cli_bad("roadmap", "%s", err.msg));
			break;
		case OPT_EVIDENCE:
			evidence = optarg;
			break;
		case OPT_ROADMAP:
			if ((given = cli_id("roadmap", optarg)) < 0)
				return (CLI_EXIT_USAGE);
			break;
		default:
			return (CLI_OPT_EXIT(c));
		}
	}
	if (argc - optind != 1)
		return (cli_bad("roadmap", _("roadmap done: give the item's "
		    "number, such as 1.2")));
	if ((rc = cli_open(ctx, &db, CLI_WRITE,
	    _("mark a roadmap item done"))) != 0)
		return (rc);
	rc = CLI_EXIT_FAIL;
	if ((roadmap = rm_cli_which(db, given)) != 0 &&
	    (id = rm_cli_item(db, roadmap, argv[optind])) != 0) {
		if (rm_item_done(db, id, iso[0] != '\0' ? iso : NULL,
		    evidence, &err) == -1)
			cli_fail("%s", err.msg);
		else
			rc = CLI_EXIT_OK;
	}
	db_close(db);
	return (rc);
}

static int
rm_cli_status(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "roadmap", required_argument, NULL, OPT_ROADMAP },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct nerr	 err;
	struct db	*db;
	long long	 given = 0, roadmap, id;
	int		 c, rc, status;

	optind = 0;
	while ((c = cli_getopt(argc, argv, ":h", lo, "roadmap")) != -1) {
		if (c != OPT_ROADMAP)
			return (CLI_OPT_EXIT(c));
		if ((given = cli_id("roadmap", optarg)) < 0)
			return (CLI_EXIT_USAGE);
	}
	if (argc - optind != 2)
		return (cli_bad("roadmap", _("roadmap status: give the item's "
		    "number and a status (todo, progress, done, cancelled)")));
	if ((status = rm_status_parse(argv[optind + 1])) < 0)
		return (cli_bad("roadmap", _("roadmap status: unknown status "
		    "'%s'; use todo, progress, done or cancelled"),
		    argv[optind + 1]));
	if ((rc = cli_open(ctx, &db, CLI_WRITE,
	    _("change a roadmap item"))) != 0)
		return (rc);
	rc = CLI_EXIT_FAIL;
	nerr_clear(&err);
	if ((roadmap = rm_cli_which(db, given)) != 0 &&
	    (id = rm_cli_item(db, roadmap, argv[optind])) != 0) {
		if (rm_item_set_status(db, id, status, &err) == -1)
			cli_fail("%s", err.msg);
		else
			rc = CLI_EXIT_OK;
	}
	db_close(db);
	return (rc);
}

static int
rm_cli_new(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "template", required_argument, NULL, OPT_TEMPLATE },
		{ "year", required_argument, NULL, OPT_YEAR },
		{ "title", required_argument, NULL, OPT_TITLE },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct nerr	 err;
	struct db	*db;
	const char	*tmpl = NULL, *year = NULL, *title = NULL;
	long long	 id;
	int		 c, rc;

	optind = 0;
	while ((c = cli_getopt(argc, argv, ":h", lo, "roadmap")) != -1) {
		switch (c) {
		case OPT_TEMPLATE:
			tmpl = optarg;
			break;
		case OPT_YEAR:
			year = optarg;
			break;
		case OPT_TITLE:
			title = optarg;
			break;
		default:
			return (CLI_OPT_EXIT(c));
		}
	}
	if (optind != argc)
		return (cli_bad("roadmap", _("roadmap new: unexpected argument "
		    "'%s'"), argv[optind]));
	if (tmpl == NULL)
		return (cli_bad("roadmap", _("roadmap new: give --template "
		    "NAME ('nastavnik roadmap templates' lists them)")));
	if (year != NULL && !rm_year_valid(year))
		return (cli_bad("roadmap", _("roadmap new: the school year "
		    "'%s' is not of the form 2025-2026"), year));
	if ((rc = cli_open(ctx, &db, CLI_WRITE,
	    _("create a roadmap"))) != 0)
		return (rc);
	nerr_clear(&err);
	if (rm_from_template(db, tmpl, year, title, &id, &err) == -1)
		rc = cli_fail("%s", err.msg);
	else
		printf("%lld\n", id);
	db_close(db);
	return (rc);
}

static int
rm_cli_list(struct cli_ctx *ctx, int argc, char **argv)
{
	struct rm_progress	 p;
	struct roadmap		*v;
	struct nerr		 err;
	struct sbuf		 b;
	struct db		*db;
	int			 i, n, rc;

	if (argc != 1)
		return (cli_bad("roadmap", _("roadmap list: unexpected "
		    "argument '%s'"), argv[1]));
	if ((rc = cli_open(ctx, &db, CLI_READ, _("list the roadmaps"))) != 0)
		return (rc);
	nerr_clear(&err);
	if (roadmap_list(db, &v, &n, &err) == -1) {
		db_close(db);
		return (cli_fail("%s", err.msg));
	}
	sbuf_init(&b);
	sbuf_add(&b, "id\ttitle\tyear\tcurrent\tprogress\n");
	for (i = 0; i < n && rc == 0; i++) {
		if (rm_progress(db, v[i].id, 0, &p, &err) == -1) {
			rc = cli_fail("%s", err.msg);
			break;
		}
		sbuf_addf(&b, "%lld\t", v[i].id);
		cli_tsv_field(&b, v[i].title);
		sbuf_addc(&b, '\t');
		cli_tsv_field(&b, v[i].school_year);
		sbuf_addf(&b, "\t%d\t%d\n", v[i].is_current,
		    rm_progress_pct(&p));
	}
	if (rc == 0)
		cli_puts(stdout, b.s);
	sbuf_free(&b);
	roadmap_list_free(v, n);
	db_close(db);
	return (rc);
}

static int
rm_cli_current(struct cli_ctx *ctx, int argc, char **argv)
{
	struct nerr	 err;
	struct db	*db;
	long long	 id = 0;
	int		 rc;

	if (argc > 2)
		return (cli_bad("roadmap", _("roadmap current: give one "
		    "roadmap number")));
	if (argc == 2 && (id = cli_id("roadmap", argv[1])) < 0)
		return (CLI_EXIT_USAGE);
	if ((rc = cli_open(ctx, &db, id > 0 ? CLI_WRITE : CLI_READ,
	    _("choose the current roadmap"))) != 0)
		return (rc);
	nerr_clear(&err);
	if (id == 0) {
		/* Without a number: say which one it is. */
		if ((id = rm_cli_which(db, 0)) == 0)
			rc = CLI_EXIT_FAIL;
		else
			printf("%lld\n", id);
	} else if (roadmap_set_current(db, id, &err) == -1)
		rc = cli_fail("%s", err.msg);
	db_close(db);
	return (rc);
}

static int
rm_cli_templates(int argc, char **argv)
{
	struct nerr	  err;
	struct sbuf	  b;
	char		**names, **titles;
	int		  i, n;

	if (argc != 1)
		return (cli_bad("roadmap", _("roadmap templates: unexpected "
		    "argument '%s'"), argv[1]));
	nerr_clear(&err);
	if (roadmap_templates(&names, &titles, &n, &err) == -1)
		return (cli_fail("%s", err.msg));
	sbuf_init(&b);
	sbuf_add(&b, "name\ttitle\n");
	for (i = 0; i < n; i++) {
		cli_tsv_field(&b, names[i]);
		sbuf_addc(&b, '\t');
		cli_tsv_field(&b, titles[i]);
		sbuf_addc(&b, '\n');
	}
	cli_puts(stdout, b.s);
	sbuf_free(&b);
	roadmap_templates_free(names, titles, n);
	return (CLI_EXIT_OK);
}

int
cli_roadmap(struct cli_ctx *ctx, int argc, char **argv)
{
	const char	*sub;

	if (argc < 2)
		return (cli_bad("roadmap", _("roadmap: say what to do (done, "
		    "status, new, list, current, templates)")));
	sub = argv[1];
	if (strcmp(sub, "-h") == 0 || strcmp(sub, "--help") == 0) {
		cli_help_cmd(stdout, "roadmap");
		return (CLI_EXIT_OK);
	}
	if (strcmp(sub, "done") == 0)
		return (rm_cli_done(ctx, argc - 1, argv + 1));
	if (strcmp(sub, "status") == 0)
		return (rm_cli_status(ctx, argc - 1, argv + 1));
	if (strcmp(sub, "new") == 0)
		return (rm_cli_new(ctx, argc - 1, argv + 1));
	if (strcmp(sub, "list") == 0)
		return (rm_cli_list(ctx, argc - 1, argv + 1));
	if (strcmp(sub, "current") == 0)
		return (rm_cli_current(ctx, argc - 1, argv + 1));
	if (strcmp(sub, "templates") == 0)
		return (rm_cli_templates(argc - 1, argv + 1));
	return (cli_bad("roadmap", _("roadmap: unknown action '%s'"), sub));
}

/* ---- import roadmap ---- */

/* The report, line by line, with nothing raw from the file. */
static void
rm_cli_report(const char *report)
{
	const char	*p, *nl;
	char		*line, *esc;

	for (p = report; p != NULL && *p != '\0'; p = nl + 1) {
		if ((nl = strchr(p, '\n')) == NULL)
			nl = p + strlen(p);
		line = xstrndup(p, (size_t)(nl - p));
		esc = text_escape(line);
		cli_puts(stdout, esc);
		cli_puts(stdout, "\n");
		free(esc);
		free(line);
		if (*nl == '\0')
			break;
	}
}

static void
rm_cli_summary(const struct rm_import_result *r, int dry_run,
    const char *path, const char *title, const char *year)
{
	char	*secs, *items, *unp, *line, *epath, *etitle;

	xasprintf(&secs, ngettext("%d section", "%d sections",
	    (unsigned long)r->sections), r->sections);
	xasprintf(&items, ngettext("%d item", "%d items",
	    (unsigned long)r->items), r->items);
	if (r->unparsed > 0)
		xasprintf(&unp, ngettext("%d deadline to check",
		    "%d deadlines to check", (unsigned long)r->unparsed),
		    r->unparsed);
	else
		unp = xstrdup(_("every deadline understood"));
	epath = text_escape(path);
	etitle = text_escape(title);
	if (dry_run)
		xasprintf(&line, _("Checked %s: %s, %s, %s; nothing was "
		    "changed (--dry-run).\n"), epath, secs, items, unp);
	else
		xasprintf(&line, _("Imported roadmap %lld «%s» for %s: %s, "
		    "%s, %s.\n"), r->roadmap_id, etitle, year, secs, items,
		    unp);
	cli_puts(stdout, line);
	free(line);
	free(epath);
	free(etitle);
	free(secs);
	free(items);
	free(unp);
}

int
cli_import_roadmap(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "title", required_argument, NULL, OPT_TITLE },
		{ "year", required_argument, NULL, OPT_YEAR },
		{ "dry-run", no_argument, NULL, OPT_DRY_RUN },
		{ "encoding", required_argument, NULL, OPT_ENCODING },
		{ "delimiter", required_argument, NULL, OPT_DELIMITER },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct rm_import_opts	 o;
	struct rm_import_result	 r;
	struct roadmap		 rm;
	struct nerr		 err;
	struct db		*db;
	int			 c, rc;

	memset(&o, 0, sizeof o);
	o.encoding = CSV_ENC_AUTO;
	optind = 0;
	while ((c = cli_getopt(argc, argv, ":h", lo, "import")) != -1) {
		switch (c) {
		case OPT_TITLE:
			o.title = optarg;
			break;
		case OPT_YEAR:
			if (!rm_year_valid(optarg))
				return (cli_bad("import", _("import roadmap: "
				    "the school year '%s' is not of the form "
				    "2025-2026"), optarg));
			o.year = optarg;
			break;
		case OPT_DRY_RUN:
			o.dry_run = 1;
			break;
		case OPT_ENCODING:
			if ((o.encoding = csv_encoding_parse(optarg)) < 0)
				return (cli_bad("import", _("import roadmap: "
				    "unknown encoding '%s'; use auto, utf-8 or "
				    "cp1251"), optarg));
			break;
		case OPT_DELIMITER:
			if ((o.delimiter = csv_delimiter_parse(optarg)) < 0)
				return (cli_bad("import", _("import roadmap: "
				    "unknown delimiter '%s'; use auto, ';', ',' "
				    "or tab"), optarg));
			break;
		default:
			return (CLI_OPT_EXIT(c));
		}
	}
	if (argc - optind != 1)
		return (cli_bad("import", _("import roadmap: give one CSV "
		    "file")));
	if ((rc = cli_open(ctx, &db, o.dry_run ? CLI_READ : CLI_WRITE,
	    _("import a roadmap"))) != 0)
		return (rc);
	nerr_clear(&err);
	if (roadmap_import(db, argv[optind], &o, &r, &err) == -1)
		rc = cli_fail("%s", err.msg);
	else {
		rm_cli_report(r.report.s);
		memset(&rm, 0, sizeof rm);
		if (r.roadmap_id > 0)
			roadmap_get(db, r.roadmap_id, &rm, &err);
		rm_cli_summary(&r, o.dry_run, argv[optind],
		    str_or(rm.title, ""), str_or(rm.school_year, ""));
		roadmap_free(&rm);
	}
	rm_import_result_free(&r);
	db_close(db);
	return (rc);
}
