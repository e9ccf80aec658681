/* cli-rep.c: legal representatives of pupils from the shell: "rep list|add|edit|delete". */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "db.h"
#include "person.h"
#include "util.h"

enum { OPT_NAME = 256, OPT_RELATION, OPT_PHONE };

static const struct option rep_opts[] = {
	{ "name", required_argument, NULL, OPT_NAME },
	{ "relation", required_argument, NULL, OPT_RELATION },
	{ "phone", required_argument, NULL, OPT_PHONE },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

/* Replace a text field: trimmed, NULL when empty ('' clears on edit). */
static void
rep_cli_set(char **field, const char *val)
{
	free(*field);
	*field = str_trimdup(val);
}

/*
 * The options into r, then the one record number left: 0, CLI_OPT_HELP,
 * or an exit status after a message.  seen: 1 --name given, 2 --relation.
 */
static int
rep_cli_args(int argc, char **argv, const char *what, struct representative *r,
    int *seen, long long *id)
{
	int	c;

	optind = 0;
	while ((c = cli_getopt(argc, argv, ":h", rep_opts, "rep")) != -1) {
		switch (c) {
		case OPT_NAME:
			rep_cli_set(&r->name, optarg);
			*seen |= 1;
			break;
		case OPT_RELATION:
			rep_cli_set(&r->relation, optarg);
			*seen |= 2;
			break;
		case OPT_PHONE:
			rep_cli_set(&r->phone, optarg);
			break;
		case CLI_OPT_HELP:
			return (CLI_OPT_HELP);
		default:
			return (CLI_EXIT_USAGE);
		}
	}
	if (optind != argc - 1)
		return (cli_bad("rep", "%s", what));
	if ((*id = cli_id("rep", argv[optind])) < 0)
		return (CLI_EXIT_USAGE);
	return (0);
}

static void
rep_cli_row(struct sbuf *b, const struct representative *r)
{
	sbuf_addf(b, "%lld\t%lld\t", r->id, r->person_id);
	cli_tsv_field(b, r->name);
	sbuf_addc(b, '\t');
	cli_tsv_field(b, r->relation);
	sbuf_addc(b, '\t');
	cli_tsv_field(b, r->phone);
	sbuf_addc(b, '\n');
}

static int
rep_cli_list(struct cli_ctx *ctx, int argc, char **argv)
{
	struct representative	*rs;
	struct person		 p;
	struct nerr		 err;
	struct sbuf		 b;
	struct db		*db;
	long long		 id;
	int			 rc, n, i;

	if (argc != 2)
		return (cli_bad("rep", "%s", _("rep list: give the pupil's "
		    "number")));
	if ((id = cli_id("rep", argv[1])) < 0)
		return (CLI_EXIT_USAGE);
	if ((rc = cli_open(ctx, &db, CLI_READ,
	    _("list legal representatives"))) != 0)
		return (rc);
	person_init(&p);
	nerr_clear(&err);
	/* A missing participant is an error, not an empty list. */
	if (person_get(db, id, &p, &err) != 0 ||
	    rep_list(db, id, &rs, &n, &err) != 0) {
		person_free(&p);
		db_close(db);
		return (cli_fail("%s", err.msg));
	}
	sbuf_init(&b);
	sbuf_add(&b, "id\tperson\tname\trelation\tphone\n");
	for (i = 0; i < n; i++)
		rep_cli_row(&b, &rs[i]);
	cli_puts(stdout, b.s);
	sbuf_free(&b);
	rep_list_free(rs, n);
	person_free(&p);
	db_close(db);
	return (CLI_EXIT_OK);
}

static int
rep_cli_add(struct cli_ctx *ctx, int argc, char **argv)
{
	struct representative	 r;
	struct nerr		 err;
	struct db		*db;
	int			 rc, seen = 0;

	memset(&r, 0, sizeof r);
	rc = rep_cli_args(argc, argv, _("rep add: give the pupil's number, "
	    "--name and --relation"), &r, &seen, &r.person_id);
	if (rc != 0) {
		rep_free(&r);
		return (rc == CLI_OPT_HELP ? CLI_EXIT_OK : rc);
	}
	/* The relation goes into the consents this person signs. */
	if (seen != 3) {
		rep_free(&r);
		return (cli_bad("rep", "%s", _("rep add: --name and --relation "
		    "are required")));
	}
	if ((rc = cli_open(ctx, &db, CLI_WRITE,
	    _("add a legal representative"))) != 0) {
		rep_free(&r);
		return (rc);
	}
	nerr_clear(&err);
	if (rep_add_pupil(db, &r, &err) != 0)
		rc = cli_fail("%s", err.msg);
	else
		printf("%lld\n", r.id);
	rep_free(&r);
	db_close(db);
	return (rc);
}

/* Only the options given change: the rest is read first. */
static int
rep_cli_edit(struct cli_ctx *ctx, int argc, char **argv)
{
	struct representative	 r, opt;
	struct nerr		 err;
	struct db		*db;
	long long		 id;
	int			 rc, seen = 0, i;

	memset(&opt, 0, sizeof opt);
	/* Which options were given: an empty one clears its field. */
	rc = rep_cli_args(argc, argv, _("rep edit: give the representative's "
	    "number"), &opt, &seen, &id);
	rep_free(&opt);
	if (rc != 0)
		return (rc == CLI_OPT_HELP ? CLI_EXIT_OK : rc);
	if ((rc = cli_open(ctx, &db, CLI_WRITE,
	    _("edit a legal representative"))) != 0)
		return (rc);
	nerr_clear(&err);
	if (rep_get(db, id, &r, &err) != 0) {
		db_close(db);
		return (cli_fail("%s", err.msg));
	}
	optind = 0;
	while ((i = cli_getopt(argc, argv, ":h", rep_opts, "rep")) != -1) {
		if (i == OPT_NAME)
			rep_cli_set(&r.name, optarg);
		else if (i == OPT_RELATION)
			rep_cli_set(&r.relation, optarg);
		else if (i == OPT_PHONE)
			rep_cli_set(&r.phone, optarg);
	}
	if (rep_update(db, &r, &err) != 0)
		rc = cli_fail("%s", err.msg);
	rep_free(&r);
	db_close(db);
	return (rc);
}

static int
rep_cli_delete(struct cli_ctx *ctx, int argc, char **argv)
{
	struct nerr	 err;
	struct db	*db;
	long long	 id;
	int		 rc;

	if (argc != 2)
		return (cli_bad("rep", "%s", _("rep delete: give the "
		    "representative's number")));
	if ((id = cli_id("rep", argv[1])) < 0)
		return (CLI_EXIT_USAGE);
	if ((rc = cli_open(ctx, &db, CLI_WRITE,
	    _("delete a legal representative"))) != 0)
		return (rc);
	nerr_clear(&err);
	if (rep_delete(db, id, &err) != 0)
		rc = cli_fail("%s", err.msg);
	db_close(db);
	return (rc);
}

int
cli_rep(struct cli_ctx *ctx, int argc, char **argv)
{
	const char	*sub;

	if (argc < 2)
		return (cli_bad("rep", "%s", _("rep: say what to do (list, "
		    "add, edit, delete)")));
	sub = argv[1];
	if (strcmp(sub, "-h") == 0 || strcmp(sub, "--help") == 0) {
		cli_help_cmd(stdout, "rep");
		return (CLI_EXIT_OK);
	}
	if (strcmp(sub, "list") == 0)
		return (rep_cli_list(ctx, argc - 1, argv + 1));
	if (strcmp(sub, "add") == 0)
		return (rep_cli_add(ctx, argc - 1, argv + 1));
	if (strcmp(sub, "edit") == 0)
		return (rep_cli_edit(ctx, argc - 1, argv + 1));
	if (strcmp(sub, "delete") == 0)
		return (rep_cli_delete(ctx, argc - 1, argv + 1));
	return (cli_bad("rep", _("rep: unknown action '%s'"), sub));
}
