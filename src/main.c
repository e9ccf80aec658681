/* main.c: the entry: global options, then a subcommand or the screens. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "date.h"
#include "db.h"
#include "i18n.h"
#include "tui.h"
#include "user.h"
#include "util.h"

static void
main_version(void)
{
	cli_puts(stdout, PACKAGE_NAME " " PACKAGE_VERSION "\n");
	cli_puts(stdout, _("Copyright (c) 2026 the nastavnik authors.\n"
	    "ISC licence: you may use, copy, change and share it; "
	    "there is NO WARRANTY.\n"));
}

/* --today takes YYYY-MM-DD and, as people write it, ДД.ММ.ГГГГ. */
static int
main_today(const char *arg)
{
	struct nerr	err;
	char		iso[DATE_ISO_LEN];

	nerr_clear(&err);
	if (date_parse(arg, iso, "--today", &err) != 0 ||
	    date_set_today(iso, &err) != 0)
		return (cli_bad(NULL, "%s", err.msg));
	return (0);
}

/* No subcommand: the screens, on a file created at first use. */
static int
main_tui(struct cli_ctx *ctx)
{
	struct nerr	 err;
	struct db	*db;
	char		*path;
	int		 rc, is_default;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
		return (cli_fail(_("the screens need a terminal; from a "
		    "script, give a command (see 'nastavnik --help')")));
	if (ctx->readonly) {
		/* The director's mode looks; it never creates a file. */
		if ((rc = cli_open(ctx, &db, CLI_READ, "")) != 0)
			return (rc);
	} else {
		if ((path = db_resolve_path(ctx->file, &is_default)) == NULL)
			return (cli_fail(_("cannot tell where the database "
			    "is: set HOME or XDG_DATA_HOME, or give -f FILE")));
		nerr_clear(&err);
		rc = db_open(&db, path, DB_OPEN_CREATE, &err);
		free(path);
		if (rc != 0)
			return (cli_fail("%s", err.msg));
		/* Before curses: a stranger reads why, on a plain terminal. */
		if (user_identify(db, &err) != 0) {
			db_close(db);
			return (cli_fail("%s", err.msg));
		}
	}
	rc = tui_main(db);
	db_close(db);
	return (rc);
}

int
main(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "file", required_argument, NULL, 'f' },
		{ "read-only", no_argument, NULL, 'R' },
		{ "today", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct cli_ctx	ctx;
	int		c, rc;

	i18n_init();
	memset(&ctx, 0, sizeof ctx);
	opterr = 0;
	/* '+': stop at the subcommand, whose options are its own. */
	while ((c = getopt_long(argc, argv, "+:f:RhV", lo, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (*optarg == '\0')
				return (cli_bad(NULL, _("the file name after "
				    "-f is empty")));
			ctx.file = optarg;
			break;
		case 'R':
			ctx.readonly = 1;
			break;
		case 't':
			if (main_today(optarg) != 0)
				return (CLI_EXIT_USAGE);
			break;
		case 'h':
			cli_usage(stdout);
			return (CLI_EXIT_OK);
		case 'V':
			main_version();
			return (CLI_EXIT_OK);
		case ':':
			if (optopt != 0 && strncmp(argv[optind - 1], "--", 2))
				return (cli_bad(NULL, _("option '-%c' needs a "
				    "value"), optopt));
			return (cli_bad(NULL, _("option '%s' needs a value"),
			    argv[optind - 1]));
		default:
			if (optopt != 0 && strncmp(argv[optind - 1], "--", 2))
				return (cli_bad(NULL, _("unknown option "
				    "'-%c'"), optopt));
			return (cli_bad(NULL, _("unknown option '%s'"),
			    argv[optind - 1]));
		}
	}
	if (optind < argc)
		rc = cli_run(&ctx, argc - optind, argv + optind);
	else
		rc = main_tui(&ctx);

	/* A full disk or a closed pipe must not pass for success. */
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (errno != EPIPE)
			return (cli_fail(_("cannot write the output: %s"),
			    strerror(errno)));
	}
	return (rc);
}
