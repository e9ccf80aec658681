/* cli-consent.c: consents from the shell: "consent ...", "list consents", "list owed". */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "consent.h"
#include "date.h"
#include "db.h"
#include "person.h"
#include "text.h"
#include "util.h"

#define CLI_PAGE 256		/* rows read at a time by list owed */

enum {
	OPT_KIND = 256, OPT_DATE, OPT_REP, OPT_RELATION, OPT_REF, OPT_UNTIL,
	OPT_NOTE, OPT_PERSON, OPT_CLASS, OPT_YES, OPT_BY, OPT_CATEGORY
};

static const struct option consent_opts[] = {
	{ "kind", required_argument, NULL, OPT_KIND },
	{ "date", required_argument, NULL, OPT_DATE },
	{ "by-representative", required_argument, NULL, OPT_REP },
	{ "relation", required_argument, NULL, OPT_RELATION },
	{ "ref", required_argument, NULL, OPT_REF },
	{ "until", required_argument, NULL, OPT_UNTIL },
	{ "note", required_argument, NULL, OPT_NOTE },
	{ "person", required_argument, NULL, OPT_PERSON },
	{ "class", required_argument, NULL, OPT_CLASS },
	{ "yes", no_argument, NULL, OPT_YES },
	{ "by", required_argument, NULL, OPT_BY },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

/* What the options said; which ones a subcommand takes is checked after. */
struct consent_args {
	const char	*sub;
	int		 kind;		/* -1: not given */
	char		 date[DATE_ISO_LEN];
	char		 until[DATE_ISO_LEN];
	char		*rep;
	char		*relation;
	char		*ref;
	char		*note;
	long long	 person;
	char		*class_;
	int		 yes;
	int		 by;		/* -1: not given */
	unsigned	 seen;		/* 1 << (option - OPT_KIND) */
	char		*pos[2];	/* positional arguments */
	int		 npos;
};

static void
args_free(struct consent_args *a)
{
	free(a->rep);
	free(a->relation);
	free(a->ref);
	free(a->note);
	free(a->class_);
}

static int
bad_kind(const char *s)
{
	return (cli_fail(_("unknown kind of consent '%s'; use one of: pd, "
	    "participation, mentor-duties, publication"), s));
}

/* A date option: DD.MM.YYYY as people write it. */
static int
arg_date(const char *s, char *iso, const char *field)
{
	struct nerr	err;

	nerr_clear(&err);
	if (date_parse(s, iso, field, &err) != 0)
		return (cli_fail("%s", err.msg));
	return (0);
}

/* Parse every option; 0, or the exit status after a message. */
static int
args_parse(int argc, char **argv, struct consent_args *a)
{
	char	*norm;
	int	 c, rc;

	memset(a, 0, sizeof *a);
	a->sub = argv[0];
	a->kind = -1;
	a->by = -1;
	optind = 0;
	while ((c = cli_getopt(argc, argv, ":h", consent_opts,
	    "consent")) != -1) {
		if (c >= OPT_KIND)
			a->seen |= 1U << (c - OPT_KIND);
		switch (c) {
		case OPT_KIND:
			if ((a->kind = consent_kind_parse(optarg)) < 0)
				return (bad_kind(optarg));
			break;
		case OPT_DATE:
			if ((rc = arg_date(optarg, a->date,
			    _("the date"))) != 0)
				return (rc);
			break;
		case OPT_UNTIL:
			if ((rc = arg_date(optarg, a->until,
			    _("the end date"))) != 0)
				return (rc);
			break;
		case OPT_REP:
			free(a->rep);
			a->rep = str_trimdup(optarg);
			break;
		case OPT_RELATION:
			free(a->relation);
			a->relation = str_trimdup(optarg);
			break;
		case OPT_REF:
			free(a->ref);
			a->ref = str_trimdup(optarg);
			break;
		case OPT_NOTE:
			free(a->note);
			a->note = str_trimdup(optarg);
			break;
		case OPT_PERSON:
			if ((a->person = cli_id("consent", optarg)) < 0)
				return (CLI_EXIT_USAGE);
			break;
		case OPT_CLASS:
			free(a->class_);
			norm = person_class_normalise(optarg);
			a->class_ = norm != NULL ? norm : xstrdup(optarg);
			break;
		case OPT_YES:
			a->yes = 1;
			break;
		case OPT_BY:
			if (strcmp(optarg, "category") == 0)
				a->by = 0;
			else if (strcmp(optarg, "class") == 0)
				a->by = 1;
			else
				return (cli_bad("consent", _("consent "
				    "coverage: --by category or --by class, "
				    "not '%s'"), optarg));
			break;
		default:
			return (c == CLI_OPT_HELP ? CLI_OPT_HELP :
			    CLI_EXIT_USAGE);
		}
	}
	/* getopt has moved the operands after the options. */
	for (c = optind; c < argc; c++) {
		if (a->npos == (int)nitems(a->pos))
			return (cli_bad("consent", _("consent %s: unexpected "
			    "argument '%s'"), a->sub, argv[c]));
		a->pos[a->npos++] = argv[c];
	}
	return (0);
}

#define SEEN(a, o)	(((a)->seen & (1U << ((o) - OPT_KIND))) != 0)

/* Options a subcommand does not take are bad usage, not silently ignored. */
static int
args_only(const struct consent_args *a, unsigned allowed, int npos)
{
	const struct option	*o;

	for (o = consent_opts; o->name != NULL; o++) {
		if (o->val >= OPT_KIND && SEEN(a, o->val) &&
		    (allowed & (1U << (o->val - OPT_KIND))) == 0)
			return (cli_bad("consent", _("consent %s: the option "
			    "'--%s' does not apply here"), a->sub, o->name));
	}
	if (a->npos > npos)
		return (cli_bad("consent", _("consent %s: unexpected argument "
		    "'%s'"), a->sub, a->pos[npos]));
	return (0);
}

#define BIT(o)	(1U << ((o) - OPT_KIND))

static int
consent_cli_add(struct cli_ctx *ctx, struct consent_args *a)
{
	struct consent	 c;
	struct nerr	 err;
	struct db	*db;
	long long	 id;
	int		 rc;

	if ((rc = args_only(a, BIT(OPT_KIND) | BIT(OPT_DATE) | BIT(OPT_REP) |
	    BIT(OPT_RELATION) | BIT(OPT_REF) | BIT(OPT_UNTIL), 1)) != 0)
		return (rc);
	if (a->npos != 1)
		return (cli_bad("consent", _("consent add: give the "
		    "participant's number")));
	if ((id = cli_id("consent", a->pos[0])) < 0)
		return (CLI_EXIT_USAGE);
	if (a->kind < 0 || a->date[0] == '\0')
		return (cli_bad("consent", _("consent add: --kind and --date "
		    "are required")));
	if (SEEN(a, OPT_RELATION) && !SEEN(a, OPT_REP))
		return (cli_bad("consent", _("consent add: --relation goes "
		    "with --by-representative NAME")));
	if ((rc = cli_open(ctx, &db, CLI_WRITE, _("record a consent"))) != 0)
		return (rc);
	consent_init(&c);
	c.person_id = id;
	c.kind = a->kind;
	c.signed_ = xstrdup(a->date);
	c.by_representative = SEEN(a, OPT_REP);
	c.rep_name = a->rep != NULL ? xstrdup(a->rep) : NULL;
	c.rep_relation = a->relation != NULL ? xstrdup(a->relation) : NULL;
	c.ref = a->ref != NULL ? xstrdup(a->ref) : NULL;
	c.valid_until = a->until[0] != '\0' ? xstrdup(a->until) : NULL;
	nerr_clear(&err);
	if (consent_add(db, &c, &err) != 0)
		rc = cli_fail("%s", err.msg);
	else
		printf("%lld\n", c.id);
	consent_free(&c);
	db_close(db);
	return (rc);
}

/* Which consent "revoke" means: its number, or a person's valid one. */
static int
revoke_target(struct db *db, const struct consent_args *a, long long *id)
{
	struct consent	 c;
	struct nerr	 err;
	struct person	 p;
	char		*who;
	int		 r;

	if (a->npos == 1)
		return ((*id = cli_id("consent", a->pos[0])) < 0 ?
		    CLI_EXIT_USAGE : 0);
	nerr_clear(&err);
	if ((r = consent_current(db, a->person, a->kind, &c, &err)) < 0)
		return (cli_fail("%s", err.msg));
	*id = c.id;
	consent_free(&c);
	if (r == 1)
		return (0);
	if (person_get(db, a->person, &p, &err) != 0)
		return (cli_fail("%s", err.msg));
	who = person_short_name(p.last, p.first, p.patronymic);
	r = cli_fail(_("%s has no valid consent of the kind \"%s\" to "
	    "revoke"), who, consent_kind_label(a->kind));
	free(who);
	person_free(&p);
	return (r);
}

static int
consent_cli_revoke(struct cli_ctx *ctx, struct consent_args *a)
{
	struct nerr	 err;
	struct db	*db;
	long long	 id = 0;
	int		 rc;

	if ((rc = args_only(a, BIT(OPT_DATE) | BIT(OPT_NOTE) |
	    BIT(OPT_PERSON) | BIT(OPT_KIND), 1)) != 0)
		return (rc);
	if (a->npos == 1 && (SEEN(a, OPT_PERSON) || SEEN(a, OPT_KIND)))
		return (cli_bad("consent", _("consent revoke: give the "
		    "consent's number, or --person and --kind, not both")));
	if (a->npos == 0 && (!SEEN(a, OPT_PERSON) || !SEEN(a, OPT_KIND)))
		return (cli_bad("consent", _("consent revoke: give the "
		    "consent's number, or --person ID and --kind KIND")));
	if ((rc = cli_open(ctx, &db, CLI_WRITE, _("revoke a consent"))) != 0)
		return (rc);
	if ((rc = revoke_target(db, a, &id)) == 0) {
		nerr_clear(&err);
		if (consent_revoke(db, id, a->date[0] != '\0' ? a->date :
		    NULL, a->note, &err) != 0)
			rc = cli_fail("%s", err.msg);
	}
	db_close(db);
	return (rc);
}

/* delete and anonymise: one record number, a write, no output. */
static int
consent_cli_one(struct cli_ctx *ctx, struct consent_args *a)
{
	struct nerr	 err;
	struct db	*db;
	long long	 id;
	int		 rc, anon = strcmp(a->sub, "delete") != 0;

	if ((rc = args_only(a, anon ? BIT(OPT_YES) : 0, 1)) != 0)
		return (rc);
	if (a->npos != 1)
		return (cli_bad("consent", anon ? _("consent anonymise: give "
		    "the participant's number") : _("consent delete: give the "
		    "consent's number")));
	if ((id = cli_id("consent", a->pos[0])) < 0)
		return (CLI_EXIT_USAGE);
	if (anon && !a->yes)
		return (cli_bad("consent", _("consent anonymise: this clears "
		    "the participant's personal data for good; add --yes to "
		    "confirm")));
	if ((rc = cli_open(ctx, &db, CLI_WRITE, anon ?
	    _("anonymise a participant") : _("delete a consent"))) != 0)
		return (rc);
	nerr_clear(&err);
	if ((anon ? consent_anonymise(db, id, &err) :
	    consent_delete(db, id, &err)) != 0)
		rc = cli_fail("%s", err.msg);
	db_close(db);
	return (rc);
}

/* form, owed and coverage: printable text. */
static int
consent_cli_text(struct cli_ctx *ctx, struct consent_args *a)
{
	struct nerr	 err;
	struct sbuf	 b;
	struct db	*db;
	long long	 id = 0;
	int		 rc, form = strcmp(a->sub, "form") == 0;
	int		 cov = strcmp(a->sub, "coverage") == 0;

	if ((rc = args_only(a, form ? BIT(OPT_CLASS) | BIT(OPT_KIND) :
	    cov ? BIT(OPT_BY) : 0, form ? 1 : 0)) != 0)
		return (rc);
	if (form && (a->npos == 1) == (a->class_ != NULL))
		return (cli_bad("consent", _("consent form: give a "
		    "participant's number or --class K")));
	if (form && a->npos == 1 && (id = cli_id("consent", a->pos[0])) < 0)
		return (CLI_EXIT_USAGE);
	if ((rc = cli_open(ctx, &db, CLI_READ, _("print consents"))) != 0)
		return (rc);
	sbuf_init(&b);
	nerr_clear(&err);
	if (form)
		rc = consent_form_text(db, id, a->class_, a->kind < 0 ? CK_PD :
		    a->kind, &b, &err);
	else if (cov)
		rc = consent_coverage_text(db, a->by < 0 ? 0 : a->by, &b, &err);
	else
		rc = consent_owed_text(db, &b, &err);
	if (rc != 0)
		rc = cli_fail("%s", err.msg);
	else if (b.s != NULL)
		cli_puts(stdout, b.s);
	sbuf_free(&b);
	db_close(db);
	return (rc);
}

int
cli_consent(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct {
		const char	*name;
		int		(*fn)(struct cli_ctx *, struct consent_args *);
	} subs[] = {
		{ "add", consent_cli_add },
		{ "revoke", consent_cli_revoke },
		{ "delete", consent_cli_one },
		{ "anonymise", consent_cli_one },
		{ "anonymize", consent_cli_one },
		{ "form", consent_cli_text },
		{ "owed", consent_cli_text },
		{ "coverage", consent_cli_text },
	};
	struct consent_args	 a;
	size_t			 i;
	int			 rc;

	if (argc < 2)
		return (cli_bad("consent", _("consent: say what to do (add, "
		    "revoke, delete, anonymise, form, owed, coverage)")));
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
		cli_help_cmd(stdout, "consent");
		return (CLI_EXIT_OK);
	}
	for (i = 0; i < nitems(subs); i++) {
		if (strcmp(argv[1], subs[i].name) != 0)
			continue;
		if ((rc = args_parse(argc - 1, argv + 1, &a)) == 0) {
			if (strcmp(a.sub, "anonymize") == 0)
				a.sub = "anonymise";
			rc = subs[i].fn(ctx, &a);
		} else if (rc == CLI_OPT_HELP)
			rc = CLI_EXIT_OK;
		args_free(&a);
		return (rc);
	}
	return (cli_bad("consent", _("consent: unknown action '%s'"),
	    argv[1]));
}

/* ---- list consents ---- */

static int
consents_cli_row(const struct consent *c, const char *last,
    const char *first, const char *patr, void *arg)
{
	struct sbuf	*b = arg;

	sbuf_reset(b);
	sbuf_addf(b, "%lld\t%lld\t", c->id, c->person_id);
	cli_tsv_field(b, last);
	sbuf_addc(b, '\t');
	cli_tsv_field(b, first);
	sbuf_addc(b, '\t');
	cli_tsv_field(b, patr);
	sbuf_addf(b, "\t%s\t", consent_kind_code(c->kind));
	cli_tsv_field(b, c->signed_);
	sbuf_addf(b, "\t%s\t", c->by_representative ? "representative" :
	    "self");
	cli_tsv_field(b, c->rep_name);
	sbuf_addc(b, '\t');
	cli_tsv_field(b, c->rep_relation);
	sbuf_addc(b, '\t');
	cli_tsv_field(b, c->ref);
	sbuf_addc(b, '\t');
	cli_tsv_field(b, c->valid_until);
	sbuf_addc(b, '\t');
	cli_tsv_field(b, c->revoked);
	sbuf_addf(b, "\t%s\n", consent_state_code(consent_state_of(c)));
	cli_puts(stdout, b->s);
	return (0);
}

int
cli_list_consents(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "person", required_argument, NULL, 'p' },
		{ "kind", required_argument, NULL, 'k' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct nerr	 err;
	struct sbuf	 b;
	struct db	*db;
	long long	 person = 0;
	int		 c, rc, kind = -1;

	optind = 0;
	while ((c = cli_getopt(argc, argv, ":h", lo, "list")) != -1) {
		switch (c) {
		case 'p':
			if ((person = cli_id("list", optarg)) < 0)
				return (CLI_EXIT_USAGE);
			break;
		case 'k':
			if ((kind = consent_kind_parse(optarg)) < 0)
				return (bad_kind(optarg));
			break;
		default:
			return (CLI_OPT_EXIT(c));
		}
	}
	if (optind != argc)
		return (cli_bad("list", _("list consents: unexpected argument "
		    "'%s'"), argv[optind]));
	if ((rc = cli_open(ctx, &db, CLI_READ, _("list consents"))) != 0)
		return (rc);
	cli_puts(stdout, "id\tperson\tlast\tfirst\tpatronymic\tkind\tsigned\t"
	    "by\trepresentative\trelation\tref\tuntil\trevoked\tstate\n");
	sbuf_init(&b);
	nerr_clear(&err);
	if (consent_walk(db, person, kind, consents_cli_row, &b, &err) != 0)
		rc = cli_fail("%s", err.msg);
	sbuf_free(&b);
	db_close(db);
	return (rc);
}

/* ---- list owed ---- */

static void
owed_cli_row(struct sbuf *b, const struct person_row *r)
{
	sbuf_addf(b, "%lld\t", r->id);
	cli_tsv_field(b, r->last);
	sbuf_addc(b, '\t');
	cli_tsv_field(b, r->first);
	sbuf_addc(b, '\t');
	cli_tsv_field(b, r->patronymic);
	sbuf_addf(b, "\t%s\t", person_category_code(r->category));
	cli_tsv_field(b, r->class_);
	sbuf_addc(b, '\t');
	cli_tsv_field(b, r->birth);
	sbuf_addc(b, '\n');
}

int
cli_list_owed(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "class", required_argument, NULL, 'k' },
		{ "category", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct person_filter	 f;
	struct db		*db;
	char			*cls = NULL;
	int			 c, rc;

	person_filter_init(&f);
	f.consent = PCONS_OWED;
	f.sort = PSORT_CLASS;
	optind = 0;
	while ((c = cli_getopt(argc, argv, ":h", lo, "list")) != -1) {
		switch (c) {
		case 'k':
			free(cls);
			if ((cls = person_class_normalise(optarg)) == NULL)
				cls = xstrdup(optarg);
			f.class_ = cls;
			break;
		case 'c':
			if ((f.category = person_category_parse(optarg)) < 0) {
				free(cls);
				return (cli_bad_category(optarg));
			}
			break;
		default:
			free(cls);
			return (CLI_OPT_EXIT(c));
		}
	}
	if (optind != argc) {
		free(cls);
		return (cli_bad("list", _("list owed: unexpected argument "
		    "'%s'"), argv[optind]));
	}
	if ((rc = cli_open(ctx, &db, CLI_READ,
	    _("list who owes a consent"))) == 0) {
		rc = cli_person_stream(db, &f, "id\tlast\tfirst\tpatronymic\t"
		    "category\tclass\tbirth\n", owed_cli_row);
		db_close(db);
	}
	free(cls);
	return (rc);
}
