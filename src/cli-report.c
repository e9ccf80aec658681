/* cli-report.c: "nastavnik report NAME": printed reports from the shell, to stdout or a file. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "date.h"
#include "db.h"
#include "person.h"
#include "report.h"
#include "util.h"

enum { OPT_LIST = 256, OPT_WIDTH, OPT_PAGE, OPT_ENCODING, OPT_ASOF,
    OPT_MONTH, OPT_CLASS, OPT_FORCE };

static int
report_cli_list(void)
{
	struct sbuf	b;
	int		i;

	sbuf_init(&b);
	sbuf_add(&b, "");
	for (i = 0; i < report_ndefs; i++)
		sbuf_addf(&b, "%s\t%s\n", report_defs[i].name,
		    _(report_defs[i].help));
	cli_puts(stdout, b.s);
	sbuf_free(&b);
	return (CLI_EXIT_OK);
}

/* A number in range for an option; -1 after a message. */
static int
report_cli_num(const char *opt, const char *arg, int lo, int hi, int zero)
{
	char	*end;
	long	 v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' ||
	    (!(zero && v == 0) && (v < lo || v > hi))) {
		if (zero)
			cli_bad("report", _("report: %s is 0 or a number from "
			    "%d to %d, not '%s'"), opt, lo, hi, arg);
		else
			cli_bad("report", _("report: %s is a number from %d to "
			    "%d, not '%s'"), opt, lo, hi, arg);
		return (-1);
	}
	return ((int)v);
}

/* Into a new file beside the target, renamed over it: never half a report. */
static int
report_cli_file(const char *path, const char *text, size_t len, int force)
{
	struct stat	 sb;
	char		*tmp;
	int		 fd, rc = CLI_EXIT_OK;
	size_t		 off = 0;
	ssize_t		 w;

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
	while (off < len) {
		if ((w = write(fd, text + off, len - off)) <= 0) {
			if (w < 0 && errno == EINTR)
				continue;
			rc = cli_fail(_("cannot write %s: %s"), path,
			    strerror(errno));
			break;
		}
		off += (size_t)w;
	}
	if (close(fd) != 0 && rc == CLI_EXIT_OK)
		rc = cli_fail(_("cannot write %s: %s"), path,
		    strerror(errno));
	if (rc == CLI_EXIT_OK && rename(tmp, path) == -1)
		rc = cli_fail(_("cannot write %s: %s"), path,
		    strerror(errno));
	if (rc != CLI_EXIT_OK)
		unlink(tmp);
	free(tmp);
	return (rc);
}

int
cli_report(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "list", no_argument, NULL, OPT_LIST },
		{ "width", required_argument, NULL, OPT_WIDTH },
		{ "page-length", required_argument, NULL, OPT_PAGE },
		{ "encoding", required_argument, NULL, OPT_ENCODING },
		{ "as-of", required_argument, NULL, OPT_ASOF },
		{ "month", required_argument, NULL, OPT_MONTH },
		{ "class", required_argument, NULL, OPT_CLASS },
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, OPT_FORCE },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct report_def	*d;
	struct report_opts	 o;
	struct nerr		 err;
	struct sbuf		 text, enc, *res;
	struct db		*db;
	char			 asof[DATE_ISO_LEN], day[16], *cls = NULL;
	const char		*out = NULL;
	int			 c, list = 0, force = 0, rc, replaced = 0, utf8;

	report_opts_init(&o);
	optind = 0;
	while ((c = cli_getopt(argc, argv, ":ho:", lo, "report")) != -1) {
		switch (c) {
		case OPT_LIST:
			list = 1;
			break;
		case OPT_WIDTH:
			if ((o.width = report_cli_num("--width", optarg, 40,
			    400, 0)) == -1)
				goto bad;
			break;
		case OPT_PAGE:
			if ((o.page_length = report_cli_num("--page-length",
			    optarg, 20, 10000, 1)) == -1)
				goto bad;
			break;
		case OPT_ENCODING:
			if (!report_encoding_valid(optarg)) {
				cli_bad("report", _("report: the encoding is "
				    "utf-8, cp866, cp1251 or koi8-r, not "
				    "'%s'"), optarg);
				goto bad;
			}
			o.encoding = optarg;
			break;
		case OPT_ASOF:
			if (date_parse(optarg, asof, "--as-of", &err) != 0 ||
			    date_set_today(asof, &err) != 0) {
				cli_bad("report", "report: %s", err.msg);
				goto bad;
			}
			o.as_of = asof;
			break;
		case OPT_MONTH:
			snprintf(day, sizeof day, "%.7s-01", optarg);
			if (strlen(optarg) != 7 || !date_iso_valid(day)) {
				cli_bad("report", _("report: --month is "
				    "YYYY-MM, such as 2026-09, not '%s'"),
				    optarg);
				goto bad;
			}
			o.month = optarg;
			break;
		case OPT_CLASS:
			free(cls);
			if ((cls = person_class_normalise(optarg)) == NULL) {
				cli_bad("report", _("report: '%s' is not a "
				    "class such as 7Б"), optarg);
				goto bad;
			}
			o.class_ = cls;
			break;
		case 'o':
			out = optarg;
			break;
		case OPT_FORCE:
			force = 1;
			break;
		default:
			free(cls);
			return (CLI_OPT_EXIT(c));
		}
	}
	if (list) {
		free(cls);
		if (optind < argc)
			return (cli_bad("report", _("report: --list takes no "
			    "report name")));
		return (report_cli_list());
	}
	if (optind == argc) {
		cli_bad("report", _("report: say which report; 'nastavnik "
		    "report --list' names them"));
		goto bad;
	}
	if ((d = report_find(argv[optind])) == NULL) {
		cli_bad("report", _("report: there is no report '%s'; "
		    "'nastavnik report --list' names them"), argv[optind]);
		goto bad;
	}
	if (d->needs_pair) {
		if (optind + 2 != argc) {
			cli_bad("report", _("report %s: give the pair's "
			    "number"), d->name);
			goto bad;
		}
		if ((o.pair = cli_id("report", argv[optind + 1])) == -1)
			goto bad;
	} else if (optind + 1 < argc) {
		cli_bad("report", _("report: unexpected argument '%s'"),
		    argv[optind + 1]);
		goto bad;
	}
	if ((rc = cli_open(ctx, &db, CLI_READ, _("print a report"))) != 0) {
		free(cls);
		return (rc);
	}
	sbuf_init(&text);
	sbuf_init(&enc);
	nerr_clear(&err);
	/* UTF-8 is what report_make gives: no second copy of it. */
	utf8 = strcasecmp(o.encoding, "utf-8") == 0 ||
	    strcasecmp(o.encoding, "utf8") == 0;
	res = utf8 ? &text : &enc;
	if (report_make(db, d->name, &o, &text, &err) == -1 || (!utf8 &&
	    report_encode(text.s, o.encoding, &enc, &replaced, &err) == -1))
		rc = cli_fail("%s", err.msg);
	else if (out != NULL && strcmp(out, "-") != 0)
		rc = report_cli_file(out, res->s, res->len, force);
	else if (fwrite(res->s, 1, res->len, stdout) != res->len ||
	    fflush(stdout) != 0)
		rc = cli_fail(_("cannot write the report: %s"),
		    strerror(errno));
	if (rc == CLI_EXIT_OK && replaced > 0)
		cli_fail(ngettext("warning: %d character has no place in %s "
		    "and was printed as '?'", "warning: %d characters have no "
		    "place in %s and were printed as '?'",
		    (unsigned long)replaced), replaced, o.encoding);
	sbuf_free(&text);
	sbuf_free(&enc);
	db_close(db);
	free(cls);
	return (rc);
bad:
	free(cls);
	return (CLI_EXIT_USAGE);
}
