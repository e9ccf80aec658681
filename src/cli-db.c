/* cli-db.c: the subcommands about the file itself: init, backup, check. */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "db.h"
#include "demo.h"
#include "person.h"
#include "text.h"
#include "user.h"
#include "util.h"

/* How many of each category, as a phrase: "120 pupils, 15 teachers". */
static int
cli_init_counts(struct db *db, struct sbuf *b, struct nerr *err)
{
	struct person_filter	 f;
	long long		 n;
	int			 i;
	const char		*fmt;

	for (i = 0; i < CAT__COUNT + 2; i++) {
		person_filter_init(&f);
		if (i < CAT__COUNT)
			f.category = i;
		else
			f.role = i == CAT__COUNT ? PROLE_MENTOR : PROLE_MENTEE;
		if ((n = person_count(db, &f, err)) < 0)
			return (-1);
		if (n == 0)
			continue;
		switch (i) {
		case CAT_PUPIL:
			fmt = ngettext("%lld pupil", "%lld pupils", n);
			break;
		case CAT_TEACHER:
			fmt = ngettext("%lld teacher", "%lld teachers", n);
			break;
		case CAT_YOUNG:
			fmt = ngettext("%lld young specialist",
			    "%lld young specialists", n);
			break;
		case CAT_PARENT:
			fmt = ngettext("%lld parent", "%lld parents", n);
			break;
		case CAT_GRADUATE:
			fmt = ngettext("%lld graduate", "%lld graduates", n);
			break;
		case CAT_PARTNER:
			fmt = ngettext("%lld partner representative",
			    "%lld partner representatives", n);
			break;
		case CAT_STUDENT:
			fmt = ngettext("%lld student teacher",
			    "%lld student teachers", n);
			break;
		case CAT__COUNT:
			fmt = ngettext("%lld of them a mentor",
			    "%lld of them mentors", n);
			break;
		default:
			fmt = ngettext("%lld mentee", "%lld mentees", n);
			break;
		}
		if (b->len > 0)
			sbuf_add(b, i == CAT__COUNT ? "; " : ", ");
		sbuf_addf(b, fmt, n);
	}
	return (0);
}

static int
cli_init_seed(const char *s, unsigned int *seed)
{
	char		*end;
	unsigned long	 n;

	errno = 0;
	n = strtoul(s, &end, 10);
	if (*s == '\0' || *s == '-' || *end != '\0' || errno != 0 ||
	    n > UINT_MAX)
		return (-1);
	*seed = (unsigned int)n;
	return (0);
}

/* What init made, in one line. */
static void
cli_init_say(struct db *db, const char *path, int existed, int demo)
{
	struct nerr	 err;
	struct sbuf	 counts;
	char		*school, *esc, *epath, *line;

	school = db_setting(db, "school.name");
	esc = school != NULL ? text_escape(school) : NULL;
	epath = text_escape(path);
	sbuf_init(&counts);
	nerr_clear(&err);
	if (demo) {
		if (cli_init_counts(db, &counts, &err) != 0)
			sbuf_add(&counts, "?");
		xasprintf(&line, _("Created demo school «%s» in %s: %s."),
		    esc != NULL ? esc : "", epath, counts.s);
	} else if (existed && esc != NULL)
		xasprintf(&line, _("The database of «%s» in %s is ready; it "
		    "has no participants yet."), esc, epath);
	else if (existed)
		xasprintf(&line, _("The database in %s is ready; it has no "
		    "participants yet."), epath);
	else if (esc != NULL)
		xasprintf(&line, _("Created the database of «%s» in %s."),
		    esc, epath);
	else
		xasprintf(&line, _("Created an empty database in %s."), epath);
	cli_puts(stdout, line);
	cli_puts(stdout, "\n");
	free(line);
	sbuf_free(&counts);
	free(epath);
	free(esc);
	free(school);
}

int
cli_init(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "demo", no_argument, NULL, 'd' },
		{ "school", required_argument, NULL, 's' },
		{ "seed", required_argument, NULL, 'S' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct nerr		 err;
	struct person_filter	 f;
	struct stat		 sb;
	struct db		*db = NULL;
	const char		*school = NULL;
	char			*path = NULL;
	unsigned int		 seed = 1;
	long long		 n;
	int			 c, demo = 0, existed, is_default;
	int			 rc = CLI_EXIT_FAIL;

	optind = 0;
	while ((c = cli_getopt(argc, argv, ":h", lo, "init")) != -1) {
		switch (c) {
		case 'd':
			demo = 1;
			break;
		case 's':
			school = str_empty(optarg) ? NULL : optarg;
			break;
		case 'S':
			if (cli_init_seed(optarg, &seed) != 0)
				return (cli_bad("init", _("init: the seed must "
				    "be a whole number, not '%s'"), optarg));
			break;
		default:
			return (CLI_OPT_EXIT(c));
		}
	}
	if (optind != argc)
		return (cli_bad("init", _("init: unexpected argument '%s'"),
		    argv[optind]));
	if (ctx->readonly)
		return (cli_fail(_("cannot create a database under "
		    "--read-only")));

	if ((path = db_resolve_path(ctx->file, &is_default)) == NULL)
		return (cli_fail(_("cannot tell where the database is: set "
		    "HOME or XDG_DATA_HOME, or give -f FILE")));
	existed = stat(path, &sb) == 0;
	nerr_clear(&err);
	if (db_open(&db, path, DB_OPEN_CREATE, &err) != 0) {
		db = NULL;
		cli_fail("%s", err.msg);
		goto out;
	}
	if (db->readonly) {
		cli_fail(_("cannot set up %s: the file is read-only for you"),
		    path);
		goto out;
	}
	/* The one who makes the file is its first curator. */
	if (user_identify(db, &err) != 0) {
		cli_fail("%s", err.msg);
		goto out;
	}
	person_filter_init(&f);
	if ((n = person_count(db, &f, &err)) < 0) {
		cli_fail("%s", err.msg);
		goto out;
	}
	if (n > 0) {
		cli_fail(ngettext("%s already holds %lld participant; init "
		    "only sets up a new or empty database",
		    "%s already holds %lld participants; init only sets up "
		    "a new or empty database", n), path, n);
		goto out;
	}
	if (school != NULL &&
	    db_set_setting(db, "school.name", school, &err) != 0) {
		cli_fail("%s", err.msg);
		goto out;
	}
	if (demo && demo_fill(db, school, seed, &err) != 0) {
		cli_fail("%s", err.msg);
		goto out;
	}
	cli_init_say(db, path, existed, demo);
	rc = CLI_EXIT_OK;
out:
	if (db != NULL)
		db_close(db);
	free(path);
	return (rc);
}

int
cli_backup(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct nerr	 err;
	struct db	*db;
	char		*esc, *line, *written = NULL;
	int		 c, rc;

	optind = 0;
	while ((c = cli_getopt(argc, argv, ":h", lo, "backup")) != -1)
		return (CLI_OPT_EXIT(c));
	if (argc - optind != 1)
		return (cli_bad("backup", _("backup: give one file to copy "
		    "the database to")));
	if ((rc = cli_open(ctx, &db, CLI_LOOK,
	    _("make a backup"))) != 0)
		return (rc);
	nerr_clear(&err);
	/* A folder gets a dated file inside: say which. */
	if (db_backup_to(db, argv[optind], &written, &err) != 0) {
		db_close(db);
		return (cli_fail("%s", err.msg));
	}
	db_close(db);
	esc = text_escape(written != NULL ? written : argv[optind]);
	xasprintf(&line, _("Backup written to %s.\n"), esc);
	cli_puts(stdout, line);
	free(line);
	free(esc);
	free(written);
	return (CLI_EXIT_OK);
}

int
cli_check(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct nerr	 err;
	struct sbuf	 out;
	struct db	*db;
	char		*path;
	int		 c, rc;

	optind = 0;
	while ((c = cli_getopt(argc, argv, ":h", lo, "check")) != -1)
		return (CLI_OPT_EXIT(c));
	if (optind != argc)
		return (cli_bad("check", _("check: unexpected argument '%s'"),
		    argv[optind]));
	if ((rc = cli_open(ctx, &db, CLI_LOOK,
	    _("check the database"))) != 0)
		return (rc);
	sbuf_init(&out);
	nerr_clear(&err);
	rc = db_check(db, &out, &err);
	if (out.len > 0) {
		cli_puts(stdout, out.s);
		if (out.s[out.len - 1] != '\n')
			cli_puts(stdout, "\n");
	}
	path = text_escape(db->path != NULL ? db->path : "");
	if (rc < 0 && err.msg[0] != '\0')
		cli_fail("%s", err.msg);
	else if (rc != 0)
		cli_fail(_("the check found problems in %s"), path);
	free(path);
	sbuf_free(&out);
	db_close(db);
	return (rc == 0 ? CLI_EXIT_OK : CLI_EXIT_FAIL);
}
