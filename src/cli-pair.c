/* cli-pair.c: pairs from the shell: "pair ...", "match", "list pairs", "list unpaired". */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "db.h"
#include "pair.h"
#include "person.h"
#include "text.h"
#include "util.h"

#define CLI_PAGE 256		/* rows read at a time by the lists */

enum {
	OPT_MENTOR = 256, OPT_MENTEE, OPT_FORM, OPT_KIND, OPT_ROLE_MODEL,
	OPT_GOAL, OPT_FROM, OPT_TO, OPT_ORDER, OPT_ORDER_DATE, OPT_STATUS,
	OPT_RESULT, OPT_CASE, OPT_NOTE, OPT_OVER_CAPACITY, OPT_NO_CONSENT,
	OPT_DATE, OPT_ADD_MENTOR, OPT_ADD_MENTEE, OPT_REMOVE
};

static const struct option pair_opts[] = {
	{ "mentor", required_argument, NULL, OPT_MENTOR },
	{ "mentee", required_argument, NULL, OPT_MENTEE },
	{ "form", required_argument, NULL, OPT_FORM },
	{ "kind", required_argument, NULL, OPT_KIND },
	{ "role-model", required_argument, NULL, OPT_ROLE_MODEL },
	{ "goal", required_argument, NULL, OPT_GOAL },
	{ "from", required_argument, NULL, OPT_FROM },
	{ "to", required_argument, NULL, OPT_TO },
	{ "order", required_argument, NULL, OPT_ORDER },
	{ "order-date", required_argument, NULL, OPT_ORDER_DATE },
	{ "status", required_argument, NULL, OPT_STATUS },
	{ "result", required_argument, NULL, OPT_RESULT },
	{ "case", required_argument, NULL, OPT_CASE },
	{ "note", required_argument, NULL, OPT_NOTE },
	{ "over-capacity", no_argument, NULL, OPT_OVER_CAPACITY },
	{ "no-consent-ok", no_argument, NULL, OPT_NO_CONSENT },
	{ "date", required_argument, NULL, OPT_DATE },
	{ "add-mentor", required_argument, NULL, OPT_ADD_MENTOR },
	{ "add-mentee", required_argument, NULL, OPT_ADD_MENTEE },
	{ "remove", required_argument, NULL, OPT_REMOVE },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

#define BIT(o)	(1U << ((o) - OPT_MENTOR))

/* What the options said; the pair's fields go straight into p. */
struct pair_args {
	const char	*sub;
	struct pair	 p;
	unsigned	 seen;
	int		 overrides;
	long long	*ids[3];	/* --mentor/--add-mentor, --mentee/..., --remove */
	int		 nids[3];
	char		 date[DATE_ISO_LEN];
	char		*pos[3];
	int		 npos;
};

static void
args_free(struct pair_args *a)
{
	int	i;

	pair_free(&a->p);
	for (i = 0; i < 3; i++)
		free(a->ids[i]);
}

static void
set_str(char **f, const char *v)
{
	free(*f);
	*f = str_trimdup(v);
}

/* A date option; "" clears it.  0 or an exit status. */
static int
set_date(char **f, const char *v, const char *field)
{
	struct nerr	err;
	char		iso[DATE_ISO_LEN];

	if (str_empty(v)) {
		xfree_ptr(f);
		return (0);
	}
	nerr_clear(&err);
	if (date_parse(v, iso, field, &err) != 0)
		return (cli_fail("%s", err.msg));
	free(*f);
	*f = xstrdup(iso);
	return (0);
}

/*
 * "--order '№ 45 от 01.09.2025'": the number and, when the text ends with
 * «от DATE», the date as well.
 */
static int
set_order(struct pair *p, const char *v)
{
	struct nerr	 err;
	char		 iso[DATE_ISO_LEN], *copy, *at;

	set_str(&p->order_no, v);
	if (p->order_no == NULL || (at = strstr(p->order_no, " от ")) == NULL)
		return (0);
	nerr_clear(&err);
	if (date_parse(at + strlen(" от "), iso, _("order date"), &err) != 0)
		return (0);
	*at = '\0';
	copy = str_trimdup(p->order_no);
	free(p->order_no);
	p->order_no = copy;
	free(p->order_date);
	p->order_date = xstrdup(iso);
	return (0);
}

static int
add_id(struct pair_args *a, int which, const char *s)
{
	long long	id;

	if ((id = cli_id("pair", s)) < 0)
		return (CLI_EXIT_USAGE);
	a->ids[which] = xreallocarray(a->ids[which], a->nids[which] + 1,
	    sizeof *a->ids[which]);
	a->ids[which][a->nids[which]++] = id;
	return (0);
}

static int
bad_form(const char *s)
{
	struct sbuf	b;
	int		f, rc;

	sbuf_init(&b);
	for (f = 0; f < PF__COUNT; f++)
		sbuf_addf(&b, "%s%s", f > 0 ? ", " : "", pair_form_code(f));
	rc = cli_bad("pair", _("unknown form of mentoring '%s'; use one of: "
	    "%s"), s, b.s);
	sbuf_free(&b);
	return (rc);
}

static int
bad_kind(const char *s)
{
	struct sbuf	b;
	int		k, rc;

	sbuf_init(&b);
	for (k = 1; k < PK__COUNT; k++)
		sbuf_addf(&b, "%s%s", k > 1 ? ", " : "", pair_kind_code(k));
	rc = cli_bad("pair", _("unknown kind of mentoring '%s'; use one of: "
	    "%s"), s, b.s);
	sbuf_free(&b);
	return (rc);
}

static int
bad_status(const char *cmd, const char *s)
{
	return (cli_bad(cmd, _("unknown status '%s'; use one of: forming, "
	    "active, completed, cancelled"), s));
}

/* One option into a; 0 or an exit status. */
static int
arg_one(struct pair_args *a, int c, const char *v)
{
	struct pair	*p = &a->p;
	int		 k;

	switch (c) {
	case OPT_MENTOR:
	case OPT_ADD_MENTOR:
		return (add_id(a, 0, v));
	case OPT_MENTEE:
	case OPT_ADD_MENTEE:
		return (add_id(a, 1, v));
	case OPT_REMOVE:
		return (add_id(a, 2, v));
	case OPT_FORM:
		if ((p->form = pair_form_parse(v)) < 0)
			return (bad_form(v));
		return (0);
	case OPT_KIND:
		if (str_empty(v))
			p->kind = PK_NONE;
		else if ((k = pair_kind_parse(v)) < 0)
			return (bad_kind(v));
		else
			p->kind = k;
		return (0);
	case OPT_STATUS:
		if ((p->status = pair_status_parse(v)) < 0)
			return (bad_status("pair", v));
		return (0);
	case OPT_ROLE_MODEL:
		set_str(&p->role_model, v);
		return (0);
	case OPT_GOAL:
		set_str(&p->goal, v);
		return (0);
	case OPT_RESULT:
		set_str(&p->result, v);
		return (0);
	case OPT_CASE:
		set_str(&p->case_ref, v);
		return (0);
	case OPT_NOTE:
		set_str(&p->note, v);
		return (0);
	case OPT_ORDER:
		return (set_order(p, v));
	case OPT_FROM:
		return (set_date(&p->date_from, v, _("start date")));
	case OPT_TO:
		return (set_date(&p->date_to, v, _("end date")));
	case OPT_ORDER_DATE:
		return (set_date(&p->order_date, v, _("order date")));
	case OPT_OVER_CAPACITY:
		a->overrides |= PAIR_OVER_CAPACITY;
		return (0);
	case OPT_NO_CONSENT:
		a->overrides |= PAIR_OVER_CONSENT;
		return (0);
	case OPT_DATE:
		if (str_empty(v))
			return (0);
		{
			struct nerr	err;

			nerr_clear(&err);
			if (date_parse(v, a->date, _("the date"), &err) != 0)
				return (cli_fail("%s", err.msg));
		}
		return (0);
	}
	return (0);
}

/*
 * Parse the options into a; for edit the pair is read first (by the
 * caller) so options change only what they name.
 */
static int
args_parse(int argc, char **argv, struct pair_args *a)
{
	int	c, rc;

	optind = 0;
	while ((c = cli_getopt(argc, argv, ":h", pair_opts, "pair")) != -1) {
		if (c < OPT_MENTOR)
			return (c == CLI_OPT_HELP ? CLI_OPT_HELP :
			    CLI_EXIT_USAGE);
		a->seen |= BIT(c);
		if ((rc = arg_one(a, c, optarg)) != 0)
			return (rc);
	}
	for (c = optind; c < argc; c++) {
		if (a->npos == (int)nitems(a->pos))
			return (cli_bad("pair", _("pair %s: unexpected "
			    "argument '%s'"), a->sub, argv[c]));
		a->pos[a->npos++] = argv[c];
	}
	return (0);
}

static int
args_only(const struct pair_args *a, unsigned allowed, int npos)
{
	const struct option	*o;

	for (o = pair_opts; o->name != NULL; o++) {
		if (o->val >= OPT_MENTOR && (a->seen & BIT(o->val)) != 0 &&
		    (allowed & BIT(o->val)) == 0)
			return (cli_bad("pair", _("pair %s: the option '--%s' "
			    "does not apply here"), a->sub, o->name));
	}
	if (a->npos > npos)
		return (cli_bad("pair", _("pair %s: unexpected argument '%s'"),
		    a->sub, a->pos[npos]));
	return (0);
}

#define FIELD_BITS (BIT(OPT_FORM) | BIT(OPT_KIND) | BIT(OPT_ROLE_MODEL) | \
	BIT(OPT_GOAL) | BIT(OPT_FROM) | BIT(OPT_TO) | BIT(OPT_ORDER) |	\
	BIT(OPT_ORDER_DATE) | BIT(OPT_STATUS) | BIT(OPT_RESULT) |	\
	BIT(OPT_CASE) | BIT(OPT_NOTE) | BIT(OPT_OVER_CAPACITY) |	\
	BIT(OPT_NO_CONSENT))

/* The warnings the curator may override: the sentence and how. */
static int
warn_fail(const char *msg, int need)
{
	cli_fail("%s", msg);
	if ((need & PAIR_OVER_CAPACITY) && (need & PAIR_OVER_CONSENT))
		return (cli_fail(_("to save it anyway, add --over-capacity "
		    "and --no-consent-ok")));
	if (need & PAIR_OVER_CAPACITY)
		return (cli_fail(_("to save it anyway, add --over-capacity")));
	return (cli_fail(_("to save it anyway (after checking the paper), "
	    "add --no-consent-ok")));
}

/* Check, then save with add or update; prints the warnings. */
static int
pair_save(struct db *db, struct pair_args *a, int add)
{
	struct nerr	err;
	int		need = 0, r;

	nerr_clear(&err);
	r = pair_check(db, &a->p, a->overrides, &need, &err);
	if (r == 1)
		return (warn_fail(err.msg, need));
	if (r != 0)
		return (cli_fail("%s", err.msg));
	r = add ? pair_add(db, &a->p, a->overrides, &err) :
	    pair_update(db, &a->p, a->overrides, &err);
	if (r != 0)
		return (cli_fail("%s", err.msg));
	return (CLI_EXIT_OK);
}

static int
pair_cli_add(struct cli_ctx *ctx, struct pair_args *a)
{
	struct db	*db;
	int		 i, rc;

	if ((rc = args_only(a, FIELD_BITS | BIT(OPT_MENTOR) | BIT(OPT_MENTEE),
	    0)) != 0)
		return (rc);
	if (a->nids[0] == 0 || a->nids[1] == 0 ||
	    (a->seen & BIT(OPT_FORM)) == 0)
		return (cli_bad("pair", _("pair add: --mentor, --mentee and "
		    "--form are required")));
	for (i = 0; i < a->nids[0]; i++)
		pair_member_add(&a->p, a->ids[0][i], PR_MENTOR);
	for (i = 0; i < a->nids[1]; i++)
		pair_member_add(&a->p, a->ids[1][i], PR_MENTEE);
	if ((rc = cli_open(ctx, &db, CLI_WRITE, _("add a pair"))) != 0)
		return (rc);
	if ((rc = pair_save(db, a, 1)) == CLI_EXIT_OK)
		printf("%lld\n", a->p.id);
	db_close(db);
	return (rc);
}

/* The pair's members changed as edit's options say. */
static void
members_edit(struct pair *p, const struct pair_args *a)
{
	struct pair	 q;
	int		 i, j, role, gone;

	pair_init(&q);
	for (i = 0; i < p->nmembers; i++) {
		role = p->members[i].role;
		/* --mentor/--mentee replace a side; --add-* add to it. */
		if ((role == PR_MENTOR && (a->seen & BIT(OPT_MENTOR))) ||
		    (role == PR_MENTEE && (a->seen & BIT(OPT_MENTEE))))
			continue;
		for (gone = 0, j = 0; j < a->nids[2]; j++)
			gone |= a->ids[2][j] == p->members[i].person_id;
		if (!gone)
			pair_member_add(&q, p->members[i].person_id, role);
	}
	for (role = 0; role < 2; role++)
		for (i = 0; i < a->nids[role]; i++)
			pair_member_add(&q, a->ids[role][i],
			    role == 0 ? PR_MENTOR : PR_MENTEE);
	free(p->members);
	p->members = q.members;
	p->nmembers = q.nmembers;
}

static void
members_names_free(struct pair *p)
{
	int	i;

	for (i = 0; i < p->nmembers; i++) {
		xfree_ptr(&p->members[i].name);
		xfree_ptr(&p->members[i].class_);
	}
}

static int
pair_cli_edit(struct cli_ctx *ctx, int argc, char **argv, struct pair_args *a)
{
	struct nerr	 err;
	struct db	*db;
	long long	 id;
	int		 rc;

	if (argc < 2 || argv[1][0] == '-')
		return (cli_bad("pair", _("pair edit: give the pair's number")));
	if ((id = cli_id("pair", argv[1])) < 0)
		return (CLI_EXIT_USAGE);
	if ((rc = cli_open(ctx, &db, CLI_WRITE, _("edit a pair"))) != 0)
		return (rc);
	nerr_clear(&err);
	if (pair_get(db, id, &a->p, &err) != 0) {
		db_close(db);
		return (cli_fail("%s", err.msg));
	}
	/* The options change what they name on the pair as it is. */
	if ((rc = args_parse(argc - 1, argv + 1, a)) == 0 &&
	    (rc = args_only(a, FIELD_BITS | BIT(OPT_MENTOR) | BIT(OPT_MENTEE) |
	    BIT(OPT_ADD_MENTOR) | BIT(OPT_ADD_MENTEE) | BIT(OPT_REMOVE),
	    1)) == 0) {
		members_names_free(&a->p);
		members_edit(&a->p, a);
		rc = pair_save(db, a, 0);
	} else if (rc == CLI_OPT_HELP)
		rc = CLI_EXIT_OK;
	db_close(db);
	return (rc);
}

static int
pair_cli_status(struct cli_ctx *ctx, struct pair_args *a)
{
	struct nerr	 err;
	struct db	*db;
	long long	 id;
	int		 rc, st;

	if ((rc = args_only(a, BIT(OPT_DATE) | BIT(OPT_RESULT), 2)) != 0)
		return (rc);
	if (a->npos != 2)
		return (cli_bad("pair", _("pair status: give the pair's number "
		    "and the status (active, completed, cancelled, forming)")));
	if ((id = cli_id("pair", a->pos[0])) < 0)
		return (CLI_EXIT_USAGE);
	if ((st = pair_status_parse(a->pos[1])) < 0)
		return (bad_status("pair", a->pos[1]));
	if ((rc = cli_open(ctx, &db, CLI_WRITE,
	    _("change a pair's status"))) != 0)
		return (rc);
	nerr_clear(&err);
	if (pair_set_status(db, id, st, a->date[0] != '\0' ? a->date : NULL,
	    a->p.result, &err) != 0)
		rc = cli_fail("%s", err.msg);
	db_close(db);
	return (rc);
}

static int
pair_cli_delete(struct cli_ctx *ctx, struct pair_args *a)
{
	struct nerr	 err;
	struct db	*db;
	long long	 id;
	int		 rc;

	if ((rc = args_only(a, 0, 1)) != 0)
		return (rc);
	if (a->npos != 1)
		return (cli_bad("pair", _("pair delete: give the pair's "
		    "number")));
	if ((id = cli_id("pair", a->pos[0])) < 0)
		return (CLI_EXIT_USAGE);
	if ((rc = cli_open(ctx, &db, CLI_WRITE, _("delete a pair"))) != 0)
		return (rc);
	nerr_clear(&err);
	if (pair_delete(db, id, &err) != 0)
		rc = cli_fail("%s", err.msg);
	db_close(db);
	return (rc);
}

static void
card_line(struct sbuf *b, const char *label, const char *value)
{
	char	*esc;

	if (str_empty(value))
		return;
	esc = text_escape(value);
	/* Padded by columns: a Cyrillic letter is two bytes, one column. */
	text_fit(b, label, 16, 0);
	sbuf_addf(b, " %s\n", esc);
	free(esc);
}

static void
card_date(struct sbuf *b, const char *label, const char *iso)
{
	char	d[DATE_ISO_LEN];

	date_show(iso, d);
	card_line(b, label, d);
}

static void
card_members(struct sbuf *b, const struct pair *p, int role)
{
	const struct pair_member	*m;
	char				*esc;
	int				 i, n = 0;

	for (i = 0; i < p->nmembers; i++) {
		m = &p->members[i];
		if (m->role != role)
			continue;
		esc = text_escape(str_or(m->name, ""));
		text_fit(b, n++ == 0 ? (role == PR_MENTOR ? _("Mentors:") :
		    _("Mentees:")) : "", 16, 0);
		sbuf_addf(b, " %s (%s %lld, %s", esc, _("no."), m->person_id,
		    person_category_label(m->category));
		free(esc);
		if (!str_empty(m->class_)) {
			esc = text_escape(m->class_);
			sbuf_addf(b, ", %s", esc);
			free(esc);
		}
		sbuf_add(b, ")\n");
	}
}

static int
pair_cli_show(struct cli_ctx *ctx, struct pair_args *a)
{
	struct pair_filter	 f;
	struct pair_row		 r;
	struct pair		 p;
	struct nerr		 err;
	struct sbuf		 b;
	struct db		*db;
	long long		 id;
	char			*s;
	int			 rc;

	if ((rc = args_only(a, 0, 1)) != 0)
		return (rc);
	if (a->npos != 1)
		return (cli_bad("pair", _("pair show: give the pair's number")));
	if ((id = cli_id("pair", a->pos[0])) < 0)
		return (CLI_EXIT_USAGE);
	if ((rc = cli_open(ctx, &db, CLI_READ, _("show a pair"))) != 0)
		return (rc);
	nerr_clear(&err);
	if (pair_get(db, id, &p, &err) != 0) {
		db_close(db);
		return (cli_fail("%s", err.msg));
	}
	sbuf_init(&b);
	sbuf_addf(&b, _("Pair no. %lld"), p.id);
	sbuf_addc(&b, '\n');
	card_line(&b, _("Form:"), pair_form_label(p.form));
	card_line(&b, _("Kind:"), pair_kind_label(p.kind));
	card_line(&b, _("Role model:"), p.role_model);
	card_line(&b, _("Status:"), pair_status_label(p.status));
	card_members(&b, &p, PR_MENTOR);
	card_members(&b, &p, PR_MENTEE);
	card_line(&b, _("Goal:"), p.goal);
	card_date(&b, _("From:"), p.date_from);
	card_date(&b, _("To:"), p.date_to);
	card_line(&b, _("Order:"), p.order_no);
	card_date(&b, _("Order date:"), p.order_date);
	card_line(&b, _("Result:"), p.result);
	card_line(&b, _("Case:"), p.case_ref);
	card_line(&b, _("Note:"), p.note);
	pair_filter_init(&f);
	if (pair_row_find(db, &f, id, &r, &err) == 1) {
		if (r.steps_total > 0) {
			xasprintf(&s, _("%d of %d steps done"), r.steps_done,
			    r.steps_total);
			card_line(&b, _("Plan:"), s);
			free(s);
		}
		pair_rows_free(&r, 1);
	}
	cli_puts(stdout, b.s);
	sbuf_free(&b);
	pair_free(&p);
	db_close(db);
	return (CLI_EXIT_OK);
}

int
cli_pair(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct {
		const char	*name;
		int		(*fn)(struct cli_ctx *, struct pair_args *);
	} subs[] = {
		{ "add", pair_cli_add },
		{ "show", pair_cli_show },
		{ "status", pair_cli_status },
		{ "delete", pair_cli_delete },
	};
	struct pair_args	 a;
	size_t			 i;
	int			 rc;

	if (argc < 2)
		return (cli_bad("pair", _("pair: say what to do (add, show, "
		    "edit, status, delete)")));
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
		cli_help_cmd(stdout, "pair");
		return (CLI_EXIT_OK);
	}
	memset(&a, 0, sizeof a);
	pair_init(&a.p);
	a.sub = argv[1];
	if (strcmp(argv[1], "edit") == 0) {
		rc = pair_cli_edit(ctx, argc - 1, argv + 1, &a);
		args_free(&a);
		return (rc);
	}
	for (i = 0; i < nitems(subs); i++) {
		if (strcmp(argv[1], subs[i].name) != 0)
			continue;
		if ((rc = args_parse(argc - 1, argv + 1, &a)) == 0)
			rc = subs[i].fn(ctx, &a);
		else if (rc == CLI_OPT_HELP)
			rc = CLI_EXIT_OK;
		args_free(&a);
		return (rc);
	}
	args_free(&a);
	return (cli_bad("pair", _("pair: unknown action '%s'"), argv[1]));
}

/* ---- match ---- */

int
cli_match(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "form", required_argument, NULL, 'f' },
		{ "max", required_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct match	*m;
	struct nerr	 err;
	struct sbuf	 b;
	struct db	*db;
	long long	 id;
	char		*end;
	long		 max = 10;
	int		 c, rc, n, i, form = -1;

	optind = 0;
	while ((c = cli_getopt(argc, argv, ":h", lo, "match")) != -1) {
		switch (c) {
		case 'f':
			if ((form = pair_form_parse(optarg)) < 0)
				return (bad_form(optarg));
			break;
		case 'n':
			errno = 0;
			max = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || errno != 0 ||
			    max < 1 || max > 100)
				return (cli_bad("match", _("match: --max takes "
				    "a number from 1 to 100, not '%s'"),
				    optarg));
			break;
		default:
			return (CLI_OPT_EXIT(c));
		}
	}
	if (optind != argc - 1)
		return (cli_bad("match", _("match: give one mentee's number")));
	if ((id = cli_id("match", argv[optind])) < 0)
		return (CLI_EXIT_USAGE);
	if ((rc = cli_open(ctx, &db, CLI_READ, _("suggest mentors"))) != 0)
		return (rc);
	nerr_clear(&err);
	if (match_mentors(db, id, form, (int)max, &m, &n, &err) != 0) {
		db_close(db);
		return (cli_fail("%s", err.msg));
	}
	sbuf_init(&b);
	sbuf_add(&b, "mentor_id\tname\tscore\tfree\thours\twhy\n");
	for (i = 0; i < n; i++) {
		sbuf_addf(&b, "%lld\t", m[i].mentor_id);
		cli_tsv_field(&b, m[i].name);
		sbuf_addf(&b, "\t%d\t", m[i].score);
		if (m[i].free >= 0)
			sbuf_addf(&b, "%d", m[i].free);
		sbuf_addf(&b, "\t%d\t", m[i].hours);
		cli_tsv_field(&b, m[i].why);
		sbuf_addc(&b, '\n');
	}
	cli_puts(stdout, b.s);
	sbuf_free(&b);
	match_free(m, n);
	db_close(db);
	return (CLI_EXIT_OK);
}

/* ---- list pairs, list unpaired ---- */

static void
pair_tsv_row(struct sbuf *b, const struct pair_row *r)
{
	sbuf_addf(b, "%lld\t%s\t%s\t%s\t", r->id, pair_form_code(r->form),
	    str_or(pair_kind_code(r->kind), ""), pair_status_code(r->status));
	cli_tsv_field(b, r->mentors);
	sbuf_addc(b, '\t');
	cli_tsv_field(b, r->mentees);
	sbuf_addc(b, '\t');
	cli_tsv_field(b, r->date_from);
	sbuf_addc(b, '\t');
	cli_tsv_field(b, r->date_to);
	sbuf_addc(b, '\t');
	cli_tsv_field(b, r->order_no);
	sbuf_addf(b, "\t%d\t%d\n", r->steps_done, r->steps_total);
}

int
cli_list_pairs(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "status", required_argument, NULL, 's' },
		{ "form", required_argument, NULL, 'f' },
		{ "person", required_argument, NULL, 'p' },
		{ "search", required_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct pair_filter	 f;
	struct pair_row		 rows[CLI_PAGE], last;
	struct nerr		 err;
	struct sbuf		 b;
	struct db		*db;
	int			 c, rc, i, n, have = 0;

	pair_filter_init(&f);
	optind = 0;
	while ((c = cli_getopt(argc, argv, ":h", lo, "list")) != -1) {
		switch (c) {
		case 's':
			if (strcmp(optarg, "live") == 0)
				f.status = PAIR_LIVE;
			else if ((f.status = pair_status_parse(optarg)) < 0)
				return (cli_bad("list", _("unknown status '%s'; "
				    "use one of: forming, active, completed, "
				    "cancelled, live"), optarg));
			break;
		case 'f':
			if ((f.form = pair_form_parse(optarg)) < 0)
				return (bad_form(optarg));
			break;
		case 'p':
			if ((f.person = cli_id("list", optarg)) < 0)
				return (CLI_EXIT_USAGE);
			break;
		case 'q':
			f.search = optarg;
			break;
		default:
			return (CLI_OPT_EXIT(c));
		}
	}
	if (optind != argc)
		return (cli_bad("list", _("list pairs: unexpected argument "
		    "'%s'"), argv[optind]));
	if ((rc = cli_open(ctx, &db, CLI_READ, _("list pairs"))) != 0)
		return (rc);
	cli_puts(stdout, "id\tform\tkind\tstatus\tmentors\tmentees\tfrom\tto\t"
	    "order\tplan_done\tplan_total\n");
	sbuf_init(&b);
	memset(&last, 0, sizeof last);
	nerr_clear(&err);
	do {
		if ((n = pair_page(db, &f, have ? &last : NULL, 0, rows,
		    CLI_PAGE, &err)) < 0)
			break;
		sbuf_reset(&b);
		for (i = 0; i < n; i++)
			pair_tsv_row(&b, &rows[i]);
		if (b.len > 0)
			cli_puts(stdout, b.s);
		if (n > 0) {
			if (have)
				pair_rows_free(&last, 1);
			pair_row_copy(&last, &rows[n - 1]);
			have = 1;
		}
		pair_rows_free(rows, n);
	} while (n == CLI_PAGE);
	if (have)
		pair_rows_free(&last, 1);
	sbuf_free(&b);
	db_close(db);
	return (n < 0 ? cli_fail("%s", err.msg) : CLI_EXIT_OK);
}

int
cli_list_unpaired(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "search", required_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct unpaired_row	 rows[CLI_PAGE], last;
	struct nerr		 err;
	struct sbuf		 b;
	struct db		*db;
	const char		*search = NULL;
	int			 c, rc, i, n, have = 0;

	optind = 0;
	while ((c = cli_getopt(argc, argv, ":h", lo, "list")) != -1) {
		if (c != 'q')
			return (CLI_OPT_EXIT(c));
		search = optarg;
	}
	if (optind != argc)
		return (cli_bad("list", _("list unpaired: unexpected argument "
		    "'%s'"), argv[optind]));
	if ((rc = cli_open(ctx, &db, CLI_READ,
	    _("list mentees without a pair"))) != 0)
		return (rc);
	cli_puts(stdout, "id\tname\tcategory\tclass\trequest\tsince\tdays\n");
	sbuf_init(&b);
	memset(&last, 0, sizeof last);
	nerr_clear(&err);
	do {
		if ((n = pair_unpaired_page(db, search, have ? &last : NULL, 0,
		    rows, CLI_PAGE, &err)) < 0)
			break;
		sbuf_reset(&b);
		for (i = 0; i < n; i++) {
			sbuf_addf(&b, "%lld\t", rows[i].id);
			cli_tsv_field(&b, rows[i].name);
			sbuf_addf(&b, "\t%s\t",
			    person_category_code(rows[i].category));
			cli_tsv_field(&b, rows[i].class_);
			sbuf_addc(&b, '\t');
			cli_tsv_field(&b, rows[i].request);
			sbuf_addc(&b, '\t');
			cli_tsv_field(&b, rows[i].since);
			sbuf_addf(&b, "\t%d\n", rows[i].days);
		}
		if (b.len > 0)
			cli_puts(stdout, b.s);
		if (n > 0) {
			if (have)
				pair_unpaired_free(&last, 1);
			pair_unpaired_copy(&last, &rows[n - 1]);
			have = 1;
		}
		pair_unpaired_free(rows, n);
	} while (n == CLI_PAGE);
	if (have)
		pair_unpaired_free(&last, 1);
	sbuf_free(&b);
	db_close(db);
	return (n < 0 ? cli_fail("%s", err.msg) : CLI_EXIT_OK);
}
