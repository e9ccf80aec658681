/* cli.c: the table of subcommands, their help, and the helpers they share. */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <iconv.h>
#include <langinfo.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "db.h"
#include "i18n.h"
#include "person.h"
#include "text.h"
#include "util.h"

static int	cli_list(struct cli_ctx *, int, char **);
static int	cli_import(struct cli_ctx *, int, char **);
static int	cli_help(struct cli_ctx *, int, char **);

/*
 * Every subcommand once: --help, "nastavnik help CMD" and the manual's test
 * are all made from this table.
 */
static const struct cli_cmd cli_cmds[] = {
	{ "init", cli_init,
	  N_("create the database, empty or with a demo school"),
	  N_("init [--demo] [--school NAME] [--seed N]"),
	  N_("  --demo         fill it with a believable demo school\n"
	     "  --school NAME  the school's name\n"
	     "  --seed N       another demo school (a number; default 1)\n") },
	{ "person", cli_person,
	  N_("add, show, edit or delete a participant"),
	  N_("person add --last L --first F --category C [OPTION]...\n"
	     "person show ID\n"
	     "person edit ID [OPTION]...\n"
	     "person delete ID"),
	  N_("  --last L, --first F, --patronymic P   full name\n"
	     "  --category C       pupil, teacher, young-specialist, parent,\n"
	     "                     graduate, partner or student\n"
	     "  --birth DATE       birth date, DD.MM.YYYY\n"
	     "  --class K          class of a pupil, such as 7B\n"
	     "  --phone, --email, --organisation, --position, --note TEXT\n"
	     "  --mentor, --no-mentor    is (or is not) a mentor\n"
	     "  --mentee, --no-mentee    is (or is not) a mentee\n"
	     "  --request TEXT     what the mentee needs help with\n"
	     "  --competencies TEXT  the mentor's key competencies\n"
	     "An empty value (--class '') clears a field on edit.\n") },
	{ "list", cli_list,
	  N_("print records as tab-separated text"),
	  N_("list people [--search TEXT] [--category C] [--class K]\n"
	     "            [--mentors | --mentees] [--sort name|class|birth]\n"
	     "list consents [--person ID] [--kind KIND]\n"
	     "list owed [--class K] [--category C]\n"
	     "list roadmap [--overdue] [--not-done] [--due-days N]\n"
	     "             [--responsible TEXT] [--roadmap ID | --all]"),
	  N_("  --search TEXT  part of the name, in any case (ё = е)\n"
	     "  --category C   only this category\n"
	     "  --class K      only this class\n"
	     "  --mentors      only mentors\n"
	     "  --mentees      only mentees\n"
	     "  --sort KEY     order by name (default), class or birth date\n"
	     "Columns: id last first patronymic birth category class mentor "
	     "mentee.\n"
	     "  --person ID    consents of this participant only\n"
	     "  --kind KIND    consents of this kind only (pd, participation,\n"
	     "                 mentor-duties, publication)\n"
	     "'list owed' prints those without a valid consent to "
	     "personal-data\nprocessing.\n"
	     "  --overdue      roadmap items overdue as of today (--today)\n"
	     "  --not-done     roadmap items to do or in progress\n"
	     "  --due-days N   roadmap items due within N days\n"
	     "  --responsible TEXT  items whose responsible person says TEXT\n"
	     "  --roadmap ID   that roadmap instead of the current one\n"
	     "  --all          the items of every roadmap\n"
	     "Roadmap columns: section number item deadline due kind status "
	     "overdue.\n") },
	{ "import", cli_import,
	  N_("read participants from a CSV file (a class list from Excel)"),
	  N_("import people FILE.csv [--dry-run] [--skip-bad]\n"
	     "              [--encoding auto|utf-8|cp1251]\n"
	     "              [--delimiter auto|;|,|tab] [--category C] "
	     "[--class K]\n"
	     "import roadmap FILE.csv [--title T] [--year YYYY-YYYY] "
	     "[--dry-run]\n"
	     "              [--encoding auto|utf-8|cp1251] "
	     "[--delimiter auto|;|,|tab]"),
	  N_("  --dry-run      check the file and count, change nothing\n"
	     "  --skip-bad     import the good rows, list the bad ones\n"
	     "  --encoding E   the file's encoding (default: detected)\n"
	     "  --delimiter D  the column separator (default: detected)\n"
	     "  --category C   category of rows that have none\n"
	     "  --class K      class of pupils that have none\n"
	     "Columns are found by their headers, Russian or English, in any "
	     "order:\n"
	     "ФИО or Фамилия, Имя, Отчество; Дата рождения; Категория; "
	     "Класс; Телефон;\n"
	     "E-mail; Организация; Должность; Наставник; Наставляемый; "
	     "Примечание.\n"
	     "Without a category column or --category, a file with a class "
	     "column is pupils.\n"
	     "Any bad row and nothing is imported; a person already there "
	     "(same name\nand birth date) is updated, not added again.\n"
	     "A roadmap table (№, Мероприятие, Срок, Ответственный, "
	     "Результат,\nПоказатели, and Раздел or Этап if there is one) "
	     "becomes a new roadmap;\na row with no deadline, responsible "
	     "or result is a section's title.\n"
	     "  --title T      its title (default: the file's name)\n"
	     "  --year Y       its school year, which completes deadlines "
	     "written\n"
	     "                 without a year (default: this school year)\n") },
	{ "export", cli_export,
	  N_("write a register as CSV for Excel"),
	  N_("export mentees|mentors|people|consents [-o FILE] [--force]\n"
	     "              [--encoding utf-8|cp1251] [--delimiter ';'|','|tab]"),
	  N_("  -o FILE        write to FILE (created 0600) instead of the "
	     "standard output\n"
	     "  --force        overwrite FILE if it exists\n"
	     "  --encoding E   utf-8 with a BOM (default) or cp1251\n"
	     "  --delimiter D  ; (default), , or tab\n"
	     "The people register is in the import format: it can be "
	     "imported back.\n") },
	{ "rep", cli_rep,
	  N_("list, add, edit or delete a pupil's legal representatives"),
	  N_("rep list PERSON_ID\n"
	     "rep add PERSON_ID --name NAME --relation REL [--phone P]\n"
	     "rep edit REP_ID [--name NAME] [--relation REL] [--phone P]\n"
	     "rep delete REP_ID"),
	  N_("  --name NAME      the representative's full name\n"
	     "  --relation REL   who they are to the pupil: mother, father,\n"
	     "                   guardian, trustee, grandmother, grandfather\n"
	     "  --phone P        a phone number, such as +7 912 345-67-89\n"
	     "Only pupils have legal representatives; the first one recorded\n"
	     "signs a minor's consents.  An empty value clears a field on "
	     "edit.\n") },
	{ "consent", cli_consent,
	  N_("record, revoke and print consents to personal-data processing"),
	  N_("consent add PERSON_ID --kind KIND --date DATE [OPTION]...\n"
	     "consent revoke CONSENT_ID [--date DATE] [--note TEXT]\n"
	     "consent revoke --person ID --kind KIND [--date DATE] "
	     "[--note TEXT]\n"
	     "consent delete CONSENT_ID\n"
	     "consent anonymise PERSON_ID --yes\n"
	     "consent form (PERSON_ID | --class K) [--kind KIND]\n"
	     "consent owed\n"
	     "consent coverage [--by category|class]"),
	  N_("  --kind KIND    pd (personal data processing), participation,\n"
	     "                 mentor-duties or publication\n"
	     "  --date DATE    the date signed (add) or revoked (revoke, "
	     "default\n"
	     "                 today), DD.MM.YYYY\n"
	     "  --by-representative NAME  signed by a legal representative\n"
	     "  --relation REL  who they are to the pupil: mother, father, "
	     "guardian\n"
	     "  --ref TEXT     the paper's number or where it is filed\n"
	     "  --until DATE   the day the consent ends\n"
	     "  --note TEXT    why it was revoked\n"
	     "  --person ID    revoke this participant's valid consent of "
	     "--kind\n"
	     "  --class K      a form for every pupil of the class\n"
	     "  --yes          confirm anonymising: it cannot be undone\n"
	     "  --by KEY       coverage by category (default) or by class\n"
	     "A pupil younger than the school's consent age (18, or 14) on "
	     "the date\nsigned needs --by-representative and --relation.\n") },
	{ "roadmap", cli_roadmap,
	  N_("keep the year's roadmap: mark items done, start one from a "
	     "template"),
	  N_("roadmap done NUMBER [--date DATE] [--evidence TEXT] "
	     "[--roadmap ID]\n"
	     "roadmap status NUMBER todo|progress|done|cancelled "
	     "[--roadmap ID]\n"
	     "roadmap new --template NAME [--year YYYY-YYYY] [--title T]\n"
	     "roadmap list\n"
	     "roadmap current [ID]\n"
	     "roadmap templates"),
	  N_("  --date DATE    the day it was done (default today), "
	     "DD.MM.YYYY\n"
	     "  --evidence TEXT  what proves it: an order's number, a "
	     "protocol, a link\n"
	     "  --roadmap ID   that roadmap instead of the current one\n"
	     "  --template NAME  a shipped template (see 'roadmap "
	     "templates')\n"
	     "  --year Y       the school year, such as 2025-2026 (default: "
	     "this one)\n"
	     "  --title T      the new roadmap's title\n"
	     "NUMBER is the item's number as 'list roadmap' shows it, such as "
	     "1.2.\n"
	     "A recurring item marked done stays in progress until its last "
	     "time\nin the year is done.\n") },
	{ "backup", cli_backup,
	  N_("copy the database safely while others work in it"),
	  N_("backup DEST"), NULL },
	{ "check", cli_check,
	  N_("check the database for damage"),
	  NULL, NULL },
	{ "help", cli_help,
	  N_("describe a command"),
	  N_("help [COMMAND]"), NULL },
};

static const struct cli_cmd *
cli_find(const char *name)
{
	size_t	i;

	for (i = 0; i < nitems(cli_cmds); i++) {
		if (strcmp(cli_cmds[i].name, name) == 0)
			return (&cli_cmds[i]);
	}
	return (NULL);
}

/*
 * Messages are UTF-8 inside (the catalogue is bound to UTF-8); a KOI8-R or
 * CP1251 terminal gets them converted, so Cyrillic stays readable there.
 */
void
cli_puts(FILE *f, const char *s)
{
	iconv_t	 cd;
	char	 buf[4096], *in, *out, *to;
	size_t	 inleft, outleft;

	if (i18n_utf8()) {
		fputs(s, f);
		return;
	}
	/* «» and — are not in KOI8-R: TRANSLIT makes them << >> and -. */
	xasprintf(&to, "%s//TRANSLIT", nl_langinfo(CODESET));
	cd = iconv_open(to, "UTF-8");
	free(to);
	if (cd == (iconv_t)-1) {
		fputs(s, f);
		return;
	}
	in = (char *)s;
	inleft = strlen(s);
	while (inleft > 0) {
		out = buf;
		outleft = sizeof buf;
		if (iconv(cd, &in, &inleft, &out, &outleft) == (size_t)-1 &&
		    errno != E2BIG) {
			/* Not representable: show a '?' and go on. */
			fwrite(buf, 1, (size_t)(out - buf), f);
			fputc('?', f);
			in++;
			inleft--;
			while (inleft > 0 && (*in & 0xc0) == 0x80)
				in++, inleft--;
			continue;
		}
		fwrite(buf, 1, (size_t)(out - buf), f);
	}
	iconv_close(cd);
}

static void
cli_vmsg(const char *fmt, va_list ap)
{
	char	*s, *esc;

	if (vasprintf(&s, fmt, ap) < 0)
		return;
	/* Messages may quote what was typed: no raw control characters. */
	esc = text_escape(s);
	cli_puts(stderr, "nastavnik: ");
	cli_puts(stderr, esc);
	cli_puts(stderr, "\n");
	free(esc);
	free(s);
}

int
cli_fail(const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	cli_vmsg(fmt, ap);
	va_end(ap);
	return (CLI_EXIT_FAIL);
}

int
cli_bad(const char *cmd, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	cli_vmsg(fmt, ap);
	va_end(ap);
	if (cmd != NULL)
		xasprintf(&s, _("Try 'nastavnik help %s'."), cmd);
	else
		s = xstrdup(_("Try 'nastavnik --help'."));
	cli_puts(stderr, s);
	cli_puts(stderr, "\n");
	free(s);
	return (CLI_EXIT_USAGE);
}

void
cli_usage(FILE *f)
{
	struct sbuf	b;
	size_t		i;

	sbuf_init(&b);
	sbuf_add(&b, _("Usage: nastavnik [OPTION]... [COMMAND [ARG]...]\n"));
	sbuf_add(&b, _("Keep the records of a school's mentoring programme "
	    "in one SQLite file.\nWith no command, open the screens.\n"));
	sbuf_add(&b, "\n");
	sbuf_add(&b, _("Options:\n"));
	sbuf_add(&b, _(
	    "  -f, --file=FILE   the database (default: $NASTAVNIK_DB, else\n"
	    "                    $XDG_DATA_HOME/nastavnik/nastavnik.db)\n"
	    "  -R, --read-only   only look, change nothing\n"
	    "      --today=DATE  take DATE (YYYY-MM-DD) as today\n"
	    "  -h, --help        show this help and exit\n"
	    "  -V, --version     show the version and exit\n"));
	sbuf_add(&b, "\n");
	sbuf_add(&b, _("Commands:\n"));
	for (i = 0; i < nitems(cli_cmds); i++)
		sbuf_addf(&b, "  %-8s %s\n", cli_cmds[i].name,
		    _(cli_cmds[i].help));
	sbuf_add(&b, "\n");
	sbuf_add(&b, _("Run 'nastavnik help COMMAND' for a command's options; "
	    "see also nastavnik(1).\n"));
	cli_puts(f, b.s);
	sbuf_free(&b);
}

/* A one-line help as a sentence: capital first letter, full stop. */
static void
cli_add_sentence(struct sbuf *b, const char *s)
{
	char		enc[4];
	uint32_t	cp;
	size_t		n;

	n = utf8_decode(s, strlen(s), &cp);
	sbuf_addn(b, enc, utf8_encode(text_upper(cp), enc));
	sbuf_add(b, s + n);
	sbuf_add(b, ".\n");
}

int
cli_help_cmd(FILE *f, const char *name)
{
	const struct cli_cmd	*c;
	struct sbuf		 b;
	const char		*p, *nl;

	if ((c = cli_find(name)) == NULL)
		return (-1);
	sbuf_init(&b);
	/* "Usage:" on a line of its own: a translation may be long. */
	sbuf_add(&b, _("Usage:"));
	sbuf_add(&b, "\n");
	p = c->synopsis != NULL ? _(c->synopsis) : c->name;
	for (; *p != '\0'; p = *nl == '\0' ? nl : nl + 1) {
		if ((nl = strchr(p, '\n')) == NULL)
			nl = p + strlen(p);
		/* A line starting with a space continues the one above. */
		sbuf_add(&b, *p == ' ' ? "            " : "  nastavnik ");
		sbuf_addn(&b, p, (size_t)(nl - p));
		sbuf_add(&b, "\n");
	}
	sbuf_add(&b, "\n");
	cli_add_sentence(&b, _(c->help));
	if (c->details != NULL) {
		sbuf_add(&b, "\n");
		sbuf_add(&b, _(c->details));
	}
	cli_puts(f, b.s);
	sbuf_free(&b);
	return (0);
}

int
cli_getopt(int argc, char **argv, const char *shortopts,
    const struct option *longopts, const char *cmd)
{
	int		 c;
	const char	*arg;

	opterr = 0;
	c = getopt_long(argc, argv, shortopts, longopts, NULL);
	if (c == 'h') {
		cli_help_cmd(stdout, cmd);
		return (CLI_OPT_HELP);
	}
	if (c != '?' && c != ':')
		return (c);
	arg = optind > 0 && optind <= argc ? argv[optind - 1] : "";
	if (c == '?') {
		if (optopt != 0 && strncmp(arg, "--", 2) != 0)
			cli_bad(cmd, _("%s: unknown option '-%c'"), cmd,
			    optopt);
		else
			cli_bad(cmd, _("%s: unknown option '%s'"), cmd, arg);
	} else {
		if (strncmp(arg, "--", 2) != 0)
			cli_bad(cmd, _("%s: option '-%c' needs a value"), cmd,
			    optopt);
		else
			cli_bad(cmd, _("%s: option '%s' needs a value"), cmd,
			    arg);
	}
	return (CLI_OPT_BAD);
}

int
cli_run(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd	*c;

	if ((c = cli_find(argv[0])) == NULL)
		return (cli_bad(NULL, _("unknown command '%s'"), argv[0]));
	return (c->fn(ctx, argc, argv));
}

int
cli_open(struct cli_ctx *ctx, struct db **dbp, int how, const char *what)
{
	struct nerr	 err;
	struct stat	 sb;
	char		*path;
	int		 is_default, flags = 0;

	*dbp = NULL;
	if (how == CLI_WRITE && ctx->readonly)
		return (cli_fail(_("cannot %s: the database was opened "
		    "read-only (--read-only)"), what));
	path = db_resolve_path(ctx->file, &is_default);
	if (path == NULL)
		return (cli_fail(_("cannot tell where the database is: set "
		    "HOME or XDG_DATA_HOME, or give -f FILE")));
	/* Only init and the screens create a file: a typo must not. */
	if (stat(path, &sb) == -1 && errno == ENOENT) {
		cli_fail(_("no database at %s; create one with "
		    "'nastavnik init'"), path);
		free(path);
		return (CLI_EXIT_FAIL);
	}
	if (ctx->readonly || how == CLI_LOOK)
		flags |= DB_OPEN_READONLY;
	nerr_clear(&err);
	if (db_open(dbp, path, flags, &err) != 0) {
		*dbp = NULL;
		cli_fail("%s", err.msg);
		free(path);
		return (CLI_EXIT_FAIL);
	}
	if (how == CLI_WRITE && (*dbp)->readonly) {
		cli_fail(_("cannot %s: %s is read-only for you; ask whoever "
		    "keeps it for write access"), what, path);
		db_close(*dbp);
		*dbp = NULL;
		free(path);
		return (CLI_EXIT_FAIL);
	}
	free(path);
	return (0);
}

long long
cli_id(const char *cmd, const char *s)
{
	char		*end;
	long long	 id;

	errno = 0;
	id = strtoll(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno != 0 || id <= 0) {
		cli_bad(cmd, _("'%s' is not a record number"), s);
		return (-1);
	}
	return (id);
}

void
cli_tsv_field(struct sbuf *b, const char *s)
{
	const char	*run;
	char		*chunk, *esc;

	if (s == NULL)
		return;
	/* Our four escapes first; text_escape takes the runs between. */
	for (run = s;; s++) {
		if (*s != '\0' && *s != '\\' && *s != '\t' && *s != '\n' &&
		    *s != '\r')
			continue;
		if (s > run) {
			chunk = xstrndup(run, (size_t)(s - run));
			esc = text_escape(chunk);
			sbuf_add(b, esc);
			free(esc);
			free(chunk);
		}
		switch (*s) {
		case '\0':
			return;
		case '\\':
			sbuf_add(b, "\\\\");
			break;
		case '\t':
			sbuf_add(b, "\\t");
			break;
		case '\n':
			sbuf_add(b, "\\n");
			break;
		case '\r':
			sbuf_add(b, "\\r");
			break;
		}
		run = s + 1;
	}
}

int
cli_bad_category(const char *s)
{
	struct sbuf	b;
	int		i, rc;

	sbuf_init(&b);
	for (i = 0; i < CAT__COUNT; i++) {
		if (i > 0)
			sbuf_add(&b, ", ");
		sbuf_add(&b, person_category_code(i));
	}
	rc = cli_fail(_("unknown category '%s'; use one of: %s"), s, b.s);
	sbuf_free(&b);
	return (rc);
}

/* A kind of record or file of "list" or "import", and the function for it. */
struct cli_kind {
	const char	*name;
	int		(*fn)(struct cli_ctx *, int, char **);
};

/*
 * "CMD KIND ...": help when asked for, or KIND's exit status; -1 when KIND is
 * missing or unknown, with the known names in names for the caller to say.
 */
static int
cli_kind_run(struct cli_ctx *ctx, int argc, char **argv, const char *cmd,
    const struct cli_kind *kinds, size_t n, struct sbuf *names)
{
	size_t	i;

	if (argc >= 2 && (strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "--help") == 0)) {
		cli_help_cmd(stdout, cmd);
		return (CLI_EXIT_OK);
	}
	for (i = 0; argc >= 2 && i < n; i++) {
		if (strcmp(argv[1], kinds[i].name) == 0)
			return (kinds[i].fn(ctx, argc - 1, argv + 1));
	}
	for (i = 0; i < n; i++)
		sbuf_addf(names, "%s%s", i > 0 ? ", " : "", kinds[i].name);
	return (-1);
}

/* "list KIND": the kinds grow with the product (pairs, consents, ...). */
static int
cli_list(struct cli_ctx *ctx, int argc, char **argv)
{
	/* What "list" can print; each kind lives with its own subcommands. */
	static const struct cli_kind kinds[] = {
		{ "people", cli_list_people },
		{ "consents", cli_list_consents },
		{ "owed", cli_list_owed },
		{ "roadmap", cli_list_roadmap },
	};
	struct sbuf	names;
	int		rc;

	sbuf_init(&names);
	rc = cli_kind_run(ctx, argc, argv, "list", kinds, nitems(kinds),
	    &names);
	if (rc < 0 && (argc < 2 || argv[1][0] == '-'))
		rc = cli_bad("list", _("list: say what to list (%s)"), names.s);
	else if (rc < 0)
		rc = cli_bad("list", _("list: unknown kind of record '%s'; "
		    "use one of: %s"), argv[1], names.s);
	sbuf_free(&names);
	return (rc);
}

/* "import KIND": each kind of file lives with its own module. */
static int
cli_import(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_kind kinds[] = {
		{ "people", cli_import_people },
		{ "roadmap", cli_import_roadmap },
	};
	struct sbuf	names;
	int		rc;

	sbuf_init(&names);
	rc = cli_kind_run(ctx, argc, argv, "import", kinds, nitems(kinds),
	    &names);
	if (rc < 0 && (argc < 2 || argv[1][0] == '-'))
		rc = cli_bad("import", _("import: say what to import (%s)"),
		    names.s);
	else if (rc < 0)
		rc = cli_bad("import", _("import: unknown kind of file '%s'; "
		    "use one of: %s"), argv[1], names.s);
	sbuf_free(&names);
	return (rc);
}

static int
cli_help(struct cli_ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	if (argc < 2) {
		cli_usage(stdout);
		return (CLI_EXIT_OK);
	}
	if (argc > 2)
		return (cli_bad("help", _("help: give one command")));
	if (cli_help_cmd(stdout, argv[1]) != 0)
		return (cli_bad(NULL, _("unknown command '%s'"), argv[1]));
	return (CLI_EXIT_OK);
}
