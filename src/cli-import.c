/* cli-import.c: "import people" and "export" from the shell. */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "csvio.h"
#include "db.h"
#include "person.h"
#include "pimport.h"
#include "text.h"
#include "util.h"

enum {
	OPT_DRY_RUN = 256, OPT_SKIP_BAD, OPT_ENCODING, OPT_DELIMITER,
	OPT_CATEGORY, OPT_CLASS, OPT_FORCE
};

/* The report, one line each, with nothing raw from the file. */
static void
import_cli_report(FILE *f, const char *report)
{
	const char	*p, *nl;
	char		*line, *esc;

	for (p = report; p != NULL && *p != '\0'; p = nl + 1) {
		if ((nl = strchr(p, '\n')) == NULL)
			nl = p + strlen(p) - 1;
		line = xstrndup(p, (size_t)(nl - p + (*nl != '\n')));
		esc = text_escape(line);
		cli_puts(f, esc);
		cli_puts(f, "\n");
		free(esc);
		free(line);
	}
}

static int
import_cli_run(struct cli_ctx *ctx, const char *path,
    const struct pimport_opts *o)
{
	struct pimport_result	 r;
	struct nerr		 err;
	struct db		*db;
	struct sbuf		 b;
	int			 rc;

	if ((rc = cli_open(ctx, &db, o->dry_run ? CLI_READ : CLI_WRITE,
	    _("import participants"))) != 0)
		return (rc);
	nerr_clear(&err);
	if (pimport_people(db, path, o, &r, &err) == -1) {
		rc = cli_fail("%s", err.msg);
		import_cli_report(stderr, r.report.s);
		pimport_result_free(&r);
		db_close(db);
		return (rc);
	}
	sbuf_init(&b);
	if (o->dry_run)
		sbuf_addf(&b, "%s\n", _("Dry run: nothing was changed."));
	sbuf_addf(&b, _("read %d rows: %d new, %d updated, %d unchanged; "
	    "encoding %s, delimiter %s"), r.rows, r.added, r.updated,
	    r.unchanged, csv_encoding_name(r.encoding),
	    csv_delimiter_name(r.delimiter));
	sbuf_addc(&b, '\n');
	if (r.bad > 0)
		sbuf_addf(&b, _("bad rows skipped: %d\n"), r.bad);
	cli_puts(stdout, b.s);
	sbuf_free(&b);
	import_cli_report(stdout, r.report.s);
	pimport_result_free(&r);
	db_close(db);
	return (CLI_EXIT_OK);
}

int
cli_import_people(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "dry-run", no_argument, NULL, OPT_DRY_RUN },
		{ "skip-bad", no_argument, NULL, OPT_SKIP_BAD },
		{ "encoding", required_argument, NULL, OPT_ENCODING },
		{ "delimiter", required_argument, NULL, OPT_DELIMITER },
		{ "category", required_argument, NULL, OPT_CATEGORY },
		{ "class", required_argument, NULL, OPT_CLASS },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct pimport_opts	 o;
	char			*cls = NULL;
	int			 c, rc;

	pimport_opts_init(&o);
	optind = 0;
	while ((c = cli_getopt(argc, argv, ":h", lo, "import")) != -1) {
		switch (c) {
		case OPT_DRY_RUN:
			o.dry_run = 1;
			break;
		case OPT_SKIP_BAD:
			o.skip_bad = 1;
			break;
		case OPT_ENCODING:
			if ((o.encoding = csv_encoding_parse(optarg)) == -1) {
				rc = cli_bad("import", _("import people: "
				    "unknown encoding '%s'; use auto, utf-8 or "
				    "cp1251"), optarg);
				goto out;
			}
			break;
		case OPT_DELIMITER:
			if ((o.delimiter = csv_delimiter_parse(optarg)) ==
			    -1) {
				rc = cli_bad("import", _("import people: the "
				    "delimiter is auto, ';', ',' or tab, not "
				    "'%s'"), optarg);
				goto out;
			}
			break;
		case OPT_CATEGORY:
			if ((o.category = person_category_parse(optarg)) < 0) {
				rc = cli_bad_category(optarg);
				goto out;
			}
			break;
		case OPT_CLASS:
			free(cls);
			if ((cls = person_class_normalise(optarg)) == NULL) {
				rc = cli_bad("import", _("import people: '%s' "
				    "is not a class; write it as 7 or 7Б"),
				    optarg);
				goto out;
			}
			o.class_ = cls;
			break;
		default:
			rc = CLI_OPT_EXIT(c);
			goto out;
		}
	}
	if (optind == argc)
		rc = cli_bad("import", _("import people: give the CSV file"));
	else if (optind + 1 < argc)
		rc = cli_bad("import", _("import people: unexpected argument "
		    "'%s'"), argv[optind + 1]);
	else if (o.class_ != NULL && o.category >= 0 &&
	    o.category != CAT_PUPIL)
		rc = cli_bad("import", _("import people: only pupils have a "
		    "class; --class goes with --category pupil"));
	else
		rc = import_cli_run(ctx, argv[optind], &o);
out:
	free(cls);
	return (rc);
}

/* ---- export ---- */

/*
 * Write into a new file beside the target and rename it over, so a failed
 * export never leaves half a register, and the file is 0600 from the start.
 */
static int
export_cli_file(struct db *db, const char *what, const char *path,
    int force, int enc, int delim, long *rows, long *lost)
{
	struct nerr	 err;
	struct stat	 sb;
	FILE		*fp;
	char		*tmp;
	int		 fd, rc;

	if (!force && lstat(path, &sb) == 0)
		return (cli_fail(_("%s already exists; give --force to "
		    "overwrite it"), path));
	xasprintf(&tmp, "%s.XXXXXX", path);
	if ((fd = mkstemp(tmp)) == -1) {
		rc = cli_fail(_("cannot create %s: %s"), path,
		    strerror(errno));
		free(tmp);
		return (rc);
	}
	if ((fp = fdopen(fd, "w")) == NULL) {
		close(fd);
		unlink(tmp);
		free(tmp);
		return (cli_fail(_("cannot create %s: %s"), path,
		    strerror(errno)));
	}
	nerr_clear(&err);
	rc = export_table_count(db, what, fp, enc, delim, rows, lost, &err);
	if (fclose(fp) != 0 && rc == 0)
		rc = nerr_set(&err, _("Cannot write %s: %s."), path,
		    strerror(errno));
	if (rc == 0 && rename(tmp, path) == -1)
		rc = nerr_set(&err, _("Cannot write %s: %s."), path,
		    strerror(errno));
	if (rc != 0) {
		unlink(tmp);
		free(tmp);
		return (cli_fail("%s", err.msg));
	}
	free(tmp);
	return (CLI_EXIT_OK);
}

int
cli_export(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, OPT_FORCE },
		{ "encoding", required_argument, NULL, OPT_ENCODING },
		{ "delimiter", required_argument, NULL, OPT_DELIMITER },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct nerr	 err;
	struct db	*db;
	const char	*what, *out = NULL;
	long		 rows = 0, lost = 0;
	int		 c, i, rc, force = 0, enc = CSV_ENC_UTF8, delim = ';';

	optind = 0;
	while ((c = cli_getopt(argc, argv, ":ho:", lo, "export")) != -1) {
		switch (c) {
		case 'o':
			out = optarg;
			break;
		case OPT_FORCE:
			force = 1;
			break;
		case OPT_ENCODING:
			enc = csv_encoding_parse(optarg);
			if (enc != CSV_ENC_UTF8 && enc != CSV_ENC_CP1251)
				return (cli_bad("export", _("export: the "
				    "encoding is utf-8 or cp1251, not '%s'"),
				    optarg));
			break;
		case OPT_DELIMITER:
			if ((delim = csv_delimiter_parse(optarg)) <= 0)
				return (cli_bad("export", _("export: the "
				    "delimiter is ';', ',' or tab, not '%s'"),
				    optarg));
			break;
		default:
			return (CLI_OPT_EXIT(c));
		}
	}
	if (optind == argc)
		return (cli_bad("export", _("export: say which register "
		    "(mentees, mentors, people, consents)")));
	if (optind + 1 < argc)
		return (cli_bad("export", _("export: unexpected argument "
		    "'%s'"), argv[optind + 1]));
	what = argv[optind];
	for (i = 0; export_kind(i) != NULL; i++)
		if (strcmp(what, export_kind(i)) == 0)
			break;
	if (export_kind(i) == NULL)
		return (cli_bad("export", _("export: unknown register '%s'; "
		    "use mentees, mentors, people or consents"), what));
	if ((rc = cli_open(ctx, &db, CLI_READ, _("export a register"))) != 0)
		return (rc);
	if (out != NULL && strcmp(out, "-") != 0)
		rc = export_cli_file(db, what, out, force, enc, delim, &rows,
		    &lost);
	else {
		nerr_clear(&err);
		if (export_table_count(db, what, stdout, enc, delim, &rows,
		    &lost, &err) == -1)
			rc = cli_fail("%s", err.msg);
	}
	if (rc == CLI_EXIT_OK && lost > 0)
		cli_fail(ngettext("warning: %ld character has no place in "
		    "CP1251 and was written as '?'; use --encoding utf-8 to "
		    "keep it", "warning: %ld characters have no place in "
		    "CP1251 and were written as '?'; use --encoding utf-8 to "
		    "keep them", (unsigned long)lost), lost);
	db_close(db);
	return (rc);
}
