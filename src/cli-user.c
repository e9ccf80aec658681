/* cli-user.c: the users of the file from the shell: "user add|list|edit|delete". */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "db.h"
#include "user.h"
#include "util.h"

enum { OPT_ROLE = 256, OPT_CLASS, OPT_NO_CLASSES, OPT_PERSON, OPT_NAME };

static const struct option user_opts[] = {
	{ "role", required_argument, NULL, OPT_ROLE },
	{ "class", required_argument, NULL, OPT_CLASS },
	{ "no-classes", no_argument, NULL, OPT_NO_CLASSES },
	{ "person", required_argument, NULL, OPT_PERSON },
	{ "name", required_argument, NULL, OPT_NAME },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

/* What the options said; seen tells which were given (for edit). */
#define SEEN_ROLE	0x1
#define SEEN_CLASS	0x2
#define SEEN_PERSON	0x4
#define SEEN_NAME	0x8

static void
user_cli_classes_clear(struct user *u)
{
	int	i;

	for (i = 0; i < u->nclasses; i++)
		free(u->classes[i]);
	free(u->classes);
	u->classes = NULL;
	u->nclasses = 0;
}

/*
 * The options into u, then the one login left in *login: 0, or an exit
 * status after a message (CLI_OPT_HELP after the help).
 */
static int
user_cli_args(int argc, char **argv, const char *what, struct user *u,
    int *seen, const char **login)
{
	long long	id;
	int		c, r;

	optind = 0;
	while ((c = cli_getopt(argc, argv, ":h", user_opts, "user")) != -1) {
		switch (c) {
		case OPT_ROLE:
			if ((r = user_role_parse(optarg)) < 0)
				return (cli_bad("user", _("user: unknown role "
				    "'%s'; use curator, teacher or viewer"),
				    optarg));
			u->role = r;
			*seen |= SEEN_ROLE;
			break;
		case OPT_CLASS:
			/* The first --class on edit replaces the old list. */
			if (!(*seen & SEEN_CLASS))
				user_cli_classes_clear(u);
			u->classes = xreallocarray(u->classes,
			    (size_t)u->nclasses + 1, sizeof *u->classes);
			u->classes[u->nclasses++] = xstrdup(optarg);
			*seen |= SEEN_CLASS;
			break;
		case OPT_NO_CLASSES:
			user_cli_classes_clear(u);
			*seen |= SEEN_CLASS;
			break;
		case OPT_PERSON:
			if (str_empty(optarg))
				id = 0;
			else if ((id = cli_id("user", optarg)) < 0)
				return (CLI_EXIT_USAGE);
			u->person_id = id;
			*seen |= SEEN_PERSON;
			break;
		case OPT_NAME:
			free(u->name);
			u->name = str_trimdup(optarg);
			*seen |= SEEN_NAME;
			break;
		case CLI_OPT_HELP:
			return (CLI_OPT_HELP);
		default:
			return (CLI_EXIT_USAGE);
		}
	}
	if (optind != argc - 1)
		return (cli_bad("user", "%s", what));
	*login = argv[optind];
	return (0);
}

/* Open for a curator's work on users; an exit status or 0. */
static int
user_cli_open(struct cli_ctx *ctx, struct db **db, int how, const char *what)
{
	int	rc;

	if ((rc = cli_open(ctx, db, how, what)) != 0)
		return (rc);
	if ((*db)->role != ROLE_CURATOR) {
		rc = cli_fail(_("cannot %s: only a curator manages the users "
		    "of this database"), what);
		db_close(*db);
		*db = NULL;
		return (rc);
	}
	return (0);
}

static int
user_cli_add(struct cli_ctx *ctx, int argc, char **argv)
{
	struct user	 u;
	struct nerr	 err;
	struct db	*db;
	const char	*login = NULL;
	int		 rc, seen = 0;

	user_init(&u);
	rc = user_cli_args(argc, argv, _("user add: give one login, such as "
	    "'user add ivanova --role teacher --class 7Б'"), &u, &seen,
	    &login);
	if (rc == 0 && !(seen & SEEN_ROLE))
		rc = cli_bad("user", "%s", _("user add: say the role with "
		    "--role curator, teacher or viewer"));
	if (rc != 0) {
		user_free(&u);
		return (rc == CLI_OPT_HELP ? CLI_EXIT_OK : rc);
	}
	u.login = xstrdup(login);
	if ((rc = user_cli_open(ctx, &db, CLI_WRITE, _("add a user"))) != 0) {
		user_free(&u);
		return (rc);
	}
	nerr_clear(&err);
	if (user_add(db, &u, &err) != 0)
		rc = cli_fail("%s", err.msg);
	else
		printf("%s\n", u.login);
	user_free(&u);
	db_close(db);
	return (rc);
}

static int
user_cli_edit(struct cli_ctx *ctx, int argc, char **argv)
{
	struct user	 u, opt;
	struct nerr	 err;
	struct db	*db;
	const char	*login = NULL;
	int		 rc, seen = 0;

	user_init(&opt);
	rc = user_cli_args(argc, argv, _("user edit: give one login"), &opt,
	    &seen, &login);
	if (rc != 0) {
		user_free(&opt);
		return (rc == CLI_OPT_HELP ? CLI_EXIT_OK : rc);
	}
	if ((rc = user_cli_open(ctx, &db, CLI_WRITE,
	    _("change a user"))) != 0) {
		user_free(&opt);
		return (rc);
	}
	user_init(&u);
	nerr_clear(&err);
	if (user_get(db, login, &u, &err) != 0) {
		rc = cli_fail("%s", err.msg);
		goto out;
	}
	if (seen & SEEN_ROLE)
		u.role = opt.role;
	if (seen & SEEN_CLASS) {
		user_cli_classes_clear(&u);
		u.classes = opt.classes;
		u.nclasses = opt.nclasses;
		opt.classes = NULL;
		opt.nclasses = 0;
	} else if (u.role != ROLE_TEACHER)
		/* No longer a teacher: their classes go with the role. */
		user_cli_classes_clear(&u);
	if (seen & SEEN_PERSON)
		u.person_id = opt.person_id;
	if (seen & SEEN_NAME) {
		free(u.name);
		u.name = opt.name;
		opt.name = NULL;
	}
	if (user_update(db, &u, &err) != 0)
		rc = cli_fail("%s", err.msg);
out:
	user_free(&u);
	user_free(&opt);
	db_close(db);
	return (rc);
}

static int
user_cli_delete(struct cli_ctx *ctx, int argc, char **argv)
{
	struct nerr	 err;
	struct db	*db;
	int		 rc, self;

	if (argc == 2 && (strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "--help") == 0)) {
		cli_help_cmd(stdout, "user");
		return (CLI_EXIT_OK);
	}
	if (argc != 2 || argv[1][0] == '-')
		return (cli_bad("user", "%s", _("user delete: give one "
		    "login")));
	if ((rc = user_cli_open(ctx, &db, CLI_WRITE,
	    _("remove a user"))) != 0)
		return (rc);
	nerr_clear(&err);
	self = db->user != NULL && strcmp(db->user, argv[1]) == 0;
	if (user_delete(db, argv[1], &err) != 0)
		rc = cli_fail("%s", err.msg);
	else if (self)
		/* Allowed (another curator stays), but say what it means. */
		cli_fail(_("you have removed yourself: from now on this "
		    "database will not open for «%s»"), argv[1]);
	db_close(db);
	return (rc);
}

static int
user_cli_list(struct cli_ctx *ctx, int argc, char **argv)
{
	struct user	*us;
	struct nerr	 err;
	struct sbuf	 b;
	struct db	*db;
	int		 rc, n, i, j;

	if (argc == 2 && (strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "--help") == 0)) {
		cli_help_cmd(stdout, "user");
		return (CLI_EXIT_OK);
	}
	if (argc != 1)
		return (cli_bad("user", _("user list: unexpected argument "
		    "'%s'"), argv[1]));
	if ((rc = user_cli_open(ctx, &db, CLI_READ, _("list the users"))) != 0)
		return (rc);
	nerr_clear(&err);
	if (user_list(db, &us, &n, &err) != 0) {
		db_close(db);
		return (cli_fail("%s", err.msg));
	}
	sbuf_init(&b);
	sbuf_add(&b, "login\trole\tname\tperson\tclasses\n");
	for (i = 0; i < n; i++) {
		cli_tsv_field(&b, us[i].login);
		sbuf_addf(&b, "\t%s\t", user_role_code(us[i].role));
		cli_tsv_field(&b, us[i].name);
		sbuf_addc(&b, '\t');
		if (us[i].person_id != 0)
			sbuf_addf(&b, "%lld", us[i].person_id);
		sbuf_addc(&b, '\t');
		for (j = 0; j < us[i].nclasses; j++) {
			if (j > 0)
				sbuf_addc(&b, ',');
			cli_tsv_field(&b, us[i].classes[j]);
		}
		sbuf_addc(&b, '\n');
	}
	cli_puts(stdout, b.s);
	sbuf_free(&b);
	user_list_free(us, n);
	db_close(db);
	return (CLI_EXIT_OK);
}

int
cli_user(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct {
		const char	*name;
		int		(*fn)(struct cli_ctx *, int, char **);
	} subs[] = {
		{ "add", user_cli_add },
		{ "list", user_cli_list },
		{ "edit", user_cli_edit },
		{ "delete", user_cli_delete },
	};
	size_t	i;

	if (argc < 2)
		return (cli_bad("user", "%s", _("user: say what to do (add, "
		    "list, edit, delete)")));
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
		cli_help_cmd(stdout, "user");
		return (CLI_EXIT_OK);
	}
	for (i = 0; i < nitems(subs); i++) {
		if (strcmp(argv[1], subs[i].name) == 0)
			return (subs[i].fn(ctx, argc - 1, argv + 1));
	}
	return (cli_bad("user", _("user: unknown action '%s'; use add, list, "
	    "edit or delete"), argv[1]));
}
