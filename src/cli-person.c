/* cli-person.c: participants from the shell: "person ..." and "list people". */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "db.h"
#include "person.h"
#include "text.h"
#include "util.h"

#define CLI_PAGE 256		/* rows read at a time by list people */

enum {
	OPT_LAST = 256, OPT_FIRST, OPT_PATRONYMIC, OPT_CATEGORY, OPT_BIRTH,
	OPT_CLASS, OPT_PHONE, OPT_EMAIL, OPT_ORGANISATION, OPT_POSITION,
	OPT_NOTE, OPT_MENTOR, OPT_NO_MENTOR, OPT_MENTEE, OPT_NO_MENTEE,
	OPT_REQUEST, OPT_COMPETENCIES
};

static const struct option person_opts[] = {
	{ "last", required_argument, NULL, OPT_LAST },
	{ "first", required_argument, NULL, OPT_FIRST },
	{ "patronymic", required_argument, NULL, OPT_PATRONYMIC },
	{ "category", required_argument, NULL, OPT_CATEGORY },
	{ "birth", required_argument, NULL, OPT_BIRTH },
	{ "class", required_argument, NULL, OPT_CLASS },
	{ "phone", required_argument, NULL, OPT_PHONE },
	{ "email", required_argument, NULL, OPT_EMAIL },
	{ "organisation", required_argument, NULL, OPT_ORGANISATION },
	{ "organization", required_argument, NULL, OPT_ORGANISATION },
	{ "position", required_argument, NULL, OPT_POSITION },
	{ "note", required_argument, NULL, OPT_NOTE },
	{ "mentor", no_argument, NULL, OPT_MENTOR },
	{ "no-mentor", no_argument, NULL, OPT_NO_MENTOR },
	{ "mentee", no_argument, NULL, OPT_MENTEE },
	{ "no-mentee", no_argument, NULL, OPT_NO_MENTEE },
	{ "request", required_argument, NULL, OPT_REQUEST },
	{ "competencies", required_argument, NULL, OPT_COMPETENCIES },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

/* Replace a text field: trimmed, NULL when empty ('' clears on edit). */
static void
person_cli_set(char **field, const char *val)
{
	free(*field);
	*field = str_trimdup(val);
}

/*
 * Apply the options to p.  Returns 0, CLI_OPT_HELP after the help, or an
 * exit status after a message.  seen collects which of last, first and
 * category were given, for add.
 */
static int
person_cli_apply(int argc, char **argv, const char *cmd, struct person *p,
    int *seen)
{
	struct nerr	 err;
	char		 iso[DATE_ISO_LEN], *cls;
	int		 c, cat;

	while ((c = cli_getopt(argc, argv, ":h", person_opts, cmd)) != -1) {
		switch (c) {
		case OPT_LAST:
			person_cli_set(&p->last, optarg);
			*seen |= 1;
			break;
		case OPT_FIRST:
			person_cli_set(&p->first, optarg);
			*seen |= 2;
			break;
		case OPT_PATRONYMIC:
			person_cli_set(&p->patronymic, optarg);
			break;
		case OPT_CATEGORY:
			if ((cat = person_category_parse(optarg)) < 0)
				return (cli_bad_category(optarg));
			p->category = cat;
			*seen |= 4;
			break;
		case OPT_BIRTH:
			if (str_empty(optarg)) {
				person_cli_set(&p->birth, "");
				break;
			}
			nerr_clear(&err);
			if (date_parse(optarg, iso, _("birth date"), &err) != 0)
				return (cli_fail("%s", err.msg));
			person_cli_set(&p->birth, iso);
			break;
		case OPT_CLASS:
			/* "7 б" is 7Б; anything else goes to the validator. */
			if ((cls = person_class_normalise(optarg)) != NULL) {
				person_cli_set(&p->class_, cls);
				free(cls);
			} else
				person_cli_set(&p->class_, optarg);
			break;
		case OPT_PHONE:
			person_cli_set(&p->phone, optarg);
			break;
		case OPT_EMAIL:
			person_cli_set(&p->email, optarg);
			break;
		case OPT_ORGANISATION:
			person_cli_set(&p->organisation, optarg);
			break;
		case OPT_POSITION:
			person_cli_set(&p->position, optarg);
			break;
		case OPT_NOTE:
			person_cli_set(&p->note, optarg);
			break;
		case OPT_MENTOR:
			p->is_mentor = 1;
			break;
		case OPT_NO_MENTOR:
			p->is_mentor = 0;
			break;
		case OPT_MENTEE:
			p->is_mentee = 1;
			break;
		case OPT_NO_MENTEE:
			p->is_mentee = 0;
			break;
		case OPT_REQUEST:
			person_cli_set(&p->request, optarg);
			break;
		case OPT_COMPETENCIES:
			person_cli_set(&p->competencies, optarg);
			break;
		case CLI_OPT_HELP:
			return (CLI_OPT_HELP);
		default:
			return (CLI_EXIT_USAGE);
		}
	}
	/* A mentee enters the base on the day they are added to it. */
	if (p->is_mentee && p->entered == NULL)
		p->entered = xstrdup(date_today());
	return (0);
}

static int
person_cli_add(struct cli_ctx *ctx, int argc, char **argv)
{
	struct nerr	 err;
	struct person	 p;
	struct db	*db;
	int		 rc, seen = 0;

	person_init(&p);
	p.category = -1;
	optind = 0;
	if ((rc = person_cli_apply(argc, argv, "person", &p, &seen)) != 0) {
		if (rc == CLI_OPT_HELP)
			rc = CLI_EXIT_OK;
		goto out;
	}
	if (optind != argc) {
		rc = cli_bad("person", _("person add: unexpected argument "
		    "'%s'"), argv[optind]);
		goto out;
	}
	if ((seen & 1) == 0 || (seen & 2) == 0 || (seen & 4) == 0) {
		rc = cli_bad("person", _("person add: --last, --first and "
		    "--category are required"));
		goto out;
	}
	if ((rc = cli_open(ctx, &db, CLI_WRITE,
	    _("add a participant"))) != 0)
		goto out;
	nerr_clear(&err);
	if (person_insert(db, &p, &err) != 0)
		rc = cli_fail("%s", err.msg);
	else
		printf("%lld\n", p.id);
	db_close(db);
out:
	person_free(&p);
	return (rc);
}

static int
person_cli_edit(struct cli_ctx *ctx, int argc, char **argv)
{
	struct nerr	 err;
	struct person	 p;
	struct db	*db;
	long long	 id;
	int		 rc, seen = 0;

	/* The id first, then the same options as add. */
	if (argc < 2 || argv[1][0] == '-')
		return (cli_bad("person", _("person edit: give the "
		    "participant's number")));
	if ((id = cli_id("person", argv[1])) < 0)
		return (CLI_EXIT_USAGE);
	if ((rc = cli_open(ctx, &db, CLI_WRITE,
	    _("edit a participant"))) != 0)
		return (rc);
	person_init(&p);
	nerr_clear(&err);
	if (person_get(db, id, &p, &err) != 0) {
		rc = cli_fail("%s", err.msg);
		goto out;
	}
	optind = 0;
	if ((rc = person_cli_apply(argc - 1, argv + 1, "person", &p,
	    &seen)) != 0) {
		if (rc == CLI_OPT_HELP)
			rc = CLI_EXIT_OK;
		goto out;
	}
	if (optind != argc - 1) {
		rc = cli_bad("person", _("person edit: unexpected argument "
		    "'%s'"), argv[optind + 1]);
		goto out;
	}
	if (person_update(db, &p, &err) != 0)
		rc = cli_fail("%s", err.msg);
out:
	person_free(&p);
	db_close(db);
	return (rc);
}

static int
person_cli_delete(struct cli_ctx *ctx, int argc, char **argv)
{
	struct nerr	 err;
	struct db	*db;
	long long	 id;
	int		 rc;

	if (argc != 2)
		return (cli_bad("person", _("person delete: give the "
		    "participant's number")));
	if ((id = cli_id("person", argv[1])) < 0)
		return (CLI_EXIT_USAGE);
	if ((rc = cli_open(ctx, &db, CLI_WRITE,
	    _("delete a participant"))) != 0)
		return (rc);
	nerr_clear(&err);
	if (person_delete(db, id, &err) != 0)
		rc = cli_fail("%s", err.msg);
	db_close(db);
	return (rc);
}

/* One line of the card; the labels are padded to one width when printed. */
struct card_line {
	const char	*label;
	char		*value;
};

static void
card_add(struct card_line *l, int *n, const char *label, const char *val)
{
	if (str_empty(val))
		return;
	l[*n].label = label;
	l[*n].value = text_escape(val);
	(*n)++;
}

static void
card_addf(struct card_line *l, int *n, const char *label, const char *fmt,
    ...) __attribute__((format(printf, 4, 5)));

static void
card_addf(struct card_line *l, int *n, const char *label, const char *fmt,
    ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	card_add(l, n, label, s);
	free(s);
}

static void
card_print(struct card_line *l, int n)
{
	struct sbuf	b;
	int		i, w, max = 0;

	for (i = 0; i < n; i++) {
		if ((w = text_width(l[i].label)) > max)
			max = w;
	}
	sbuf_init(&b);
	for (i = 0; i < n; i++) {
		sbuf_add(&b, l[i].label);
		sbuf_addc(&b, ':');
		for (w = text_width(l[i].label); w <= max; w++)
			sbuf_addc(&b, ' ');
		sbuf_add(&b, l[i].value);
		sbuf_addc(&b, '\n');
		free(l[i].value);
	}
	cli_puts(stdout, b.s);
	sbuf_free(&b);
}

static void
person_cli_card(struct db *db, const struct person *p)
{
	struct card_line	 l[40];
	struct representative	*reps = NULL;
	struct nerr		 err;
	char			 d[DATE_ISO_LEN], d2[DATE_ISO_LEN];
	int			 n = 0, i, nreps = 0, age;

	card_addf(l, &n, _("Number"), "%lld", p->id);
	card_addf(l, &n, _("Name"), "%s %s%s%s", str_or(p->last, ""),
	    str_or(p->first, ""),
	    p->patronymic != NULL ? " " : "", str_or(p->patronymic, ""));
	card_add(l, &n, _("Category"), person_category_label(p->category));
	date_show(p->birth, d);
	if ((age = date_age(p->birth, date_today())) >= 0)
		card_addf(l, &n, _("Birth date"), ngettext("%s (%d year "
		    "old)", "%s (%d years old)", (unsigned long)age), d, age);
	else
		card_add(l, &n, _("Birth date"), d);
	card_add(l, &n, _("Class"), p->class_);
	card_add(l, &n, _("Organisation"), p->organisation);
	card_add(l, &n, _("Position"), p->position);
	card_add(l, &n, _("Phone"), p->phone);
	card_add(l, &n, _("E-mail"), p->email);
	card_add(l, &n, _("Mentor"), p->is_mentor ? _("yes") : _("no"));
	card_add(l, &n, _("Mentee"), p->is_mentee ? _("yes") : _("no"));
	if (p->is_mentee) {
		card_add(l, &n, _("Request"), p->request);
		date_show(p->entered, d);
		card_add(l, &n, _("Entered the base"), d);
		card_add(l, &n, _("Result"), p->result);
	}
	if (p->is_mentor) {
		card_add(l, &n, _("Competencies"), p->competencies);
		card_add(l, &n, _("Achievements"), p->achievements);
		card_add(l, &n, _("Interests"), p->interests);
		card_add(l, &n, _("Mentor status"),
		    mentor_status_label(p->mentor_status));
		if (p->hours > 0)
			card_addf(l, &n, _("Hours a month"), "%d", p->hours);
		date_show(p->crim_date, d);
		date_show(p->med_date, d2);
		card_add(l, &n, _("No criminal record"), d);
		card_add(l, &n, _("Medical certificate"), d2);
	}
	card_add(l, &n, _("Note"), p->note);
	nerr_clear(&err);
	if (rep_list(db, p->id, &reps, &nreps, &err) == 0) {
		for (i = 0; i < nreps && n < (int)nitems(l); i++)
			card_addf(l, &n, _("Representative"), "%s%s%s%s%s",
			    reps[i].name,
			    reps[i].relation != NULL ? ", " : "",
			    str_or(reps[i].relation, ""),
			    reps[i].phone != NULL ? ", " : "",
			    str_or(reps[i].phone, ""));
		rep_list_free(reps, nreps);
	}
	card_print(l, n);
}

static int
person_cli_show(struct cli_ctx *ctx, int argc, char **argv)
{
	struct nerr	 err;
	struct person	 p;
	struct db	*db;
	long long	 id;
	int		 rc;

	if (argc != 2)
		return (cli_bad("person", _("person show: give the "
		    "participant's number")));
	if ((id = cli_id("person", argv[1])) < 0)
		return (CLI_EXIT_USAGE);
	if ((rc = cli_open(ctx, &db, CLI_READ,
	    _("show a participant"))) != 0)
		return (rc);
	person_init(&p);
	nerr_clear(&err);
	if (person_get(db, id, &p, &err) != 0)
		rc = cli_fail("%s", err.msg);
	else
		person_cli_card(db, &p);
	person_free(&p);
	db_close(db);
	return (rc);
}

int
cli_person(struct cli_ctx *ctx, int argc, char **argv)
{
	const char	*sub;

	if (argc < 2)
		return (cli_bad("person", _("person: say what to do (add, "
		    "show, edit, delete)")));
	sub = argv[1];
	if (strcmp(sub, "-h") == 0 || strcmp(sub, "--help") == 0) {
		cli_help_cmd(stdout, "person");
		return (CLI_EXIT_OK);
	}
	if (strcmp(sub, "add") == 0)
		return (person_cli_add(ctx, argc - 1, argv + 1));
	if (strcmp(sub, "show") == 0)
		return (person_cli_show(ctx, argc - 1, argv + 1));
	if (strcmp(sub, "edit") == 0)
		return (person_cli_edit(ctx, argc - 1, argv + 1));
	if (strcmp(sub, "delete") == 0)
		return (person_cli_delete(ctx, argc - 1, argv + 1));
	return (cli_bad("person", _("person: unknown action '%s'"), sub));
}

/* ---- list people ---- */

static void
people_cli_row(struct sbuf *b, const struct person_row *r)
{
	sbuf_addf(b, "%lld\t", r->id);
	cli_tsv_field(b, r->last);
	sbuf_addc(b, '\t');
	cli_tsv_field(b, r->first);
	sbuf_addc(b, '\t');
	cli_tsv_field(b, r->patronymic);
	sbuf_addc(b, '\t');
	cli_tsv_field(b, r->birth);
	sbuf_addc(b, '\t');
	sbuf_add(b, person_category_code(r->category));
	sbuf_addc(b, '\t');
	cli_tsv_field(b, r->class_);
	sbuf_addf(b, "\t%d\t%d\n", r->is_mentor ? 1 : 0, r->is_mentee ? 1 : 0);
}

static int
people_cli_sort(const char *s)
{
	if (strcmp(s, "name") == 0)
		return (PSORT_NAME);
	if (strcmp(s, "class") == 0)
		return (PSORT_CLASS);
	if (strcmp(s, "birth") == 0)
		return (PSORT_BIRTH);
	return (-1);
}

/*
 * Print the people f finds under a header line, a row each, window by window:
 * never the whole table at once.  list people and list owed both use it.
 */
int
cli_person_stream(struct db *db, const struct person_filter *f,
    const char *header, void (*row)(struct sbuf *, const struct person_row *))
{
	struct person_row	 rows[CLI_PAGE], last;
	struct nerr		 err;
	struct sbuf		 b;
	int			 i, n, have = 0;

	sbuf_init(&b);
	cli_puts(stdout, header);
	memset(&last, 0, sizeof last);
	nerr_clear(&err);
	for (;;) {
		n = person_page(db, f, have ? &last : NULL, 0, rows, CLI_PAGE,
		    &err);
		if (n < 0)
			break;
		sbuf_reset(&b);
		for (i = 0; i < n; i++)
			row(&b, &rows[i]);
		if (b.len > 0)
			cli_puts(stdout, b.s);
		if (n > 0) {
			if (have)
				person_rows_free(&last, 1);
			person_row_copy(&last, &rows[n - 1]);
			have = 1;
		}
		person_rows_free(rows, n);
		if (n < CLI_PAGE)
			break;
	}
	if (have)
		person_rows_free(&last, 1);
	sbuf_free(&b);
	if (n < 0)
		return (cli_fail("%s", err.msg));
	return (CLI_EXIT_OK);
}

int
cli_list_people(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "search", required_argument, NULL, 's' },
		{ "category", required_argument, NULL, 'c' },
		{ "class", required_argument, NULL, 'k' },
		{ "mentors", no_argument, NULL, 'm' },
		{ "mentees", no_argument, NULL, 'e' },
		{ "sort", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct person_filter	 f;
	struct db		*db;
	char			*cls = NULL;
	int			 c, rc;

	person_filter_init(&f);
	optind = 0;
	while ((c = cli_getopt(argc, argv, ":h", lo, "list")) != -1) {
		switch (c) {
		case 's':
			f.search = str_empty(optarg) ? NULL : optarg;
			break;
		case 'c':
			if ((f.category = person_category_parse(optarg)) < 0) {
				free(cls);
				return (cli_bad_category(optarg));
			}
			break;
		case 'k':
			free(cls);
			if ((cls = person_class_normalise(optarg)) == NULL)
				cls = xstrdup(optarg);
			f.class_ = cls;
			break;
		case 'm':
		case 'e':
			if (f.role != PROLE_ANY) {
				free(cls);
				return (cli_bad("list", _("list people: give "
				    "--mentors or --mentees, not both")));
			}
			f.role = c == 'm' ? PROLE_MENTOR : PROLE_MENTEE;
			break;
		case 'o':
			if ((f.sort = people_cli_sort(optarg)) < 0) {
				free(cls);
				return (cli_bad("list", _("list people: sort "
				    "by name, class or birth, not '%s'"),
				    optarg));
			}
			break;
		default:
			free(cls);
			return (CLI_OPT_EXIT(c));
		}
	}
	if (optind != argc) {
		free(cls);
		return (cli_bad("list", _("list people: unexpected argument "
		    "'%s'"), argv[optind]));
	}
	if ((rc = cli_open(ctx, &db, CLI_READ,
	    _("list participants"))) == 0) {
		rc = cli_person_stream(db, &f, "id\tlast\tfirst\tpatronymic\t"
		    "birth\tcategory\tclass\tmentor\tmentee\n", people_cli_row);
		db_close(db);
	}
	free(cls);
	return (rc);
}
