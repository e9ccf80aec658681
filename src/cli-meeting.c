/* cli-meeting.c: meetings and attendance from the shell: "meeting ...", "attend", "list meetings", "list attendance". */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "date.h"
#include "db.h"
#include "meeting.h"
#include "text.h"
#include "util.h"

enum {
	OPT_PAIR = 256, OPT_KIND, OPT_EVENT, OPT_AUDIENCE, OPT_DATE, OPT_TIME,
	OPT_TOPIC, OPT_PLACE, OPT_NOTE, OPT_TARGET, OPT_EVERY, OPT_FROM,
	OPT_TO, OPT_EVENTS, OPT_PAIRS, OPT_BY, OPT_MONTH, OPT_CLASS, OPT_REST
};

/* What "meeting add" and "meeting edit" were told; NULL: not given. */
struct mt_args {
	long long	 pair;
	int		 kind;		/* -1 */
	int		 event;		/* --event was used */
	char		*audience;
	char		 date[DATE_ISO_LEN];
	char		*time;
	char		*topic;
	char		*place;
	char		*note;
	int		 target;	/* -1 */
};

static const struct option mt_opts[] = {
	{ "pair", required_argument, NULL, OPT_PAIR },
	{ "kind", required_argument, NULL, OPT_KIND },
	{ "event", required_argument, NULL, OPT_EVENT },
	{ "audience", required_argument, NULL, OPT_AUDIENCE },
	{ "date", required_argument, NULL, OPT_DATE },
	{ "time", required_argument, NULL, OPT_TIME },
	{ "topic", required_argument, NULL, OPT_TOPIC },
	{ "place", required_argument, NULL, OPT_PLACE },
	{ "note", required_argument, NULL, OPT_NOTE },
	{ "target", required_argument, NULL, OPT_TARGET },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

static int
bad_kind(const char *s)
{
	return (cli_bad("meeting", _("meeting: unknown kind '%s'; use "
	    "acquaintance, trial, planning, working, final, networking, "
	    "class-hour, council, parents, game or other"), s));
}

/* A number in lo..hi, or -1 after a message. */
static int
arg_int(const char *cmd, const char *opt, const char *s, int lo, int hi)
{
	char	*end;
	long	 v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno != 0 || v < lo || v > hi) {
		cli_bad(cmd, _("%s: %s takes a number from %d to %d, not '%s'"),
		    cmd, opt, lo, hi, s);
		return (-1);
	}
	return ((int)v);
}

static int
mt_parse(int argc, char **argv, struct mt_args *a)
{
	struct nerr	err;
	int		c;

	memset(a, 0, sizeof *a);
	a->kind = a->target = -1;
	optind = 0;
	while ((c = cli_getopt(argc, argv, ":h", mt_opts, "meeting")) != -1) {
		switch (c) {
		case OPT_PAIR:
			if ((a->pair = cli_id("meeting", optarg)) < 0)
				return (CLI_EXIT_USAGE);
			break;
		case OPT_EVENT:
			a->event = 1;
			/* FALLTHROUGH */
		case OPT_KIND:
			if ((a->kind = meeting_kind_parse(optarg)) < 0)
				return (bad_kind(optarg));
			break;
		case OPT_AUDIENCE:
			a->audience = optarg;
			break;
		case OPT_DATE:
			if (date_parse(optarg, a->date, "--date", &err) != 0)
				return (cli_bad("meeting", "%s", err.msg));
			break;
		case OPT_TIME:
			a->time = optarg;
			break;
		case OPT_TOPIC:
			a->topic = optarg;
			break;
		case OPT_PLACE:
			a->place = optarg;
			break;
		case OPT_NOTE:
			a->note = optarg;
			break;
		case OPT_TARGET:
			if ((a->target = arg_int("meeting", "--target", optarg,
			    0, 100)) < 0)
				return (CLI_EXIT_USAGE);
			break;
		default:
			return (CLI_OPT_EXIT(c));
		}
	}
	return (0);
}

static void
set_str(char **dst, const char *s)
{
	if (s == NULL)
		return;
	free(*dst);
	*dst = str_trimdup(s);
}

static void
mt_apply(const struct mt_args *a, struct meeting *m)
{
	if (a->pair > 0)
		m->pair_id = a->pair;
	if (a->kind >= 0)
		m->kind = a->kind;
	if (a->date[0] != '\0')
		set_str(&m->date, a->date);
	set_str(&m->time, a->time);
	set_str(&m->topic, a->topic);
	set_str(&m->place, a->place);
	set_str(&m->note, a->note);
	set_str(&m->audience, a->audience);
	if (a->target >= 0)
		m->target_pct = a->target;
}

static int
mt_add(struct cli_ctx *ctx, int argc, char **argv)
{
	struct mt_args	 a;
	struct meeting	 m;
	struct nerr	 err;
	struct db	*db;
	int		 rc;

	if ((rc = mt_parse(argc, argv, &a)) != 0)
		return (rc);
	if (optind != argc)
		return (cli_bad("meeting", _("meeting add: unexpected argument "
		    "'%s'"), argv[optind]));
	if (a.kind < 0)
		return (cli_bad("meeting", _("meeting add: give --pair ID "
		    "--kind KIND, or --event KIND --audience WHOM")));
	if (a.date[0] == '\0')
		return (cli_bad("meeting", _("meeting add: give --date")));
	if (a.event && !meeting_kind_is_event(a.kind))
		return (cli_bad("meeting", _("meeting add: %s is a pair's "
		    "meeting; use --pair ID --kind %s"),
		    meeting_kind_code(a.kind), meeting_kind_code(a.kind)));
	if ((rc = cli_open(ctx, &db, CLI_WRITE, _("add a meeting"))) != 0)
		return (rc);
	meeting_init(&m);
	mt_apply(&a, &m);
	if (a.target < 0)
		m.target_pct = meeting_default_target(m.kind);
	nerr_clear(&err);
	if (meeting_add(db, &m, &err) != 0)
		rc = cli_fail("%s", err.msg);
	else
		printf("%lld\n", m.id);
	meeting_free(&m);
	db_close(db);
	return (rc);
}

/* MEETING_ID as the only argument left; -1 after a message. */
static long long
one_id(int argc, char **argv, const char *what)
{
	if (argc - optind != 1) {
		cli_bad("meeting", _("meeting %s: give the meeting's number"),
		    what);
		return (-1);
	}
	return (cli_id("meeting", argv[optind]));
}

static int
mt_edit(struct cli_ctx *ctx, int argc, char **argv)
{
	struct mt_args	 a;
	struct meeting	 m;
	struct nerr	 err;
	struct db	*db;
	long long	 id;
	int		 rc;

	if ((rc = mt_parse(argc, argv, &a)) != 0)
		return (rc);
	if ((id = one_id(argc, argv, "edit")) < 0)
		return (CLI_EXIT_USAGE);
	if ((rc = cli_open(ctx, &db, CLI_WRITE, _("change a meeting"))) != 0)
		return (rc);
	nerr_clear(&err);
	if (meeting_get(db, id, &m, &err) != 0)
		rc = cli_fail("%s", err.msg);
	else {
		mt_apply(&a, &m);
		if (meeting_update(db, &m, &err) != 0)
			rc = cli_fail("%s", err.msg);
		meeting_free(&m);
	}
	db_close(db);
	return (rc);
}

static int
mt_delete(struct cli_ctx *ctx, int argc, char **argv)
{
	struct nerr	 err;
	struct db	*db;
	long long	 id;
	int		 rc;

	optind = 1;
	if ((id = one_id(argc, argv, "delete")) < 0)
		return (CLI_EXIT_USAGE);
	if ((rc = cli_open(ctx, &db, CLI_WRITE, _("delete a meeting"))) != 0)
		return (rc);
	nerr_clear(&err);
	if (meeting_delete(db, id, &err) != 0)
		rc = cli_fail("%s", err.msg);
	db_close(db);
	return (rc);
}

static int
mt_status(struct cli_ctx *ctx, int argc, char **argv)
{
	struct nerr	 err;
	struct db	*db;
	long long	 id;
	int		 rc, s;

	if (argc != 3)
		return (cli_bad("meeting", _("meeting status: give the "
		    "meeting's number and planned, held or cancelled")));
	if ((id = cli_id("meeting", argv[1])) < 0)
		return (CLI_EXIT_USAGE);
	if ((s = meeting_status_parse(argv[2])) < 0)
		return (cli_bad("meeting", _("meeting status: unknown status "
		    "'%s'; use planned, held or cancelled"), argv[2]));
	if ((rc = cli_open(ctx, &db, CLI_WRITE, _("change a meeting"))) != 0)
		return (rc);
	nerr_clear(&err);
	if (meeting_set_status(db, id, s, &err) != 0)
		rc = cli_fail("%s", err.msg);
	db_close(db);
	return (rc);
}

static int
mt_layout(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "every", required_argument, NULL, OPT_EVERY },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct nerr	 err;
	struct db	*db;
	char		*s;
	long long	 pair;
	int		 c, rc, every = 0, n;

	optind = 0;
	while ((c = cli_getopt(argc, argv, ":h", lo, "meeting")) != -1) {
		if (c != OPT_EVERY)
			return (CLI_OPT_EXIT(c));
		if ((every = arg_int("meeting", "--every", optarg, 1,
		    120)) < 0)
			return (CLI_EXIT_USAGE);
	}
	if (argc - optind != 1)
		return (cli_bad("meeting", _("meeting layout: give the pair's "
		    "number")));
	if ((pair = cli_id("meeting", argv[optind])) < 0)
		return (CLI_EXIT_USAGE);
	if ((rc = cli_open(ctx, &db, CLI_WRITE, _("lay out meetings"))) != 0)
		return (rc);
	nerr_clear(&err);
	if ((n = meeting_lay_out(db, pair, every, &err)) < 0)
		rc = cli_fail("%s", err.msg);
	else {
		xasprintf(&s, ngettext("Laid out %d meeting for pair no. "
		    "%lld.\n", "Laid out %d meetings for pair no. %lld.\n",
		    (unsigned long)n), n, pair);
		cli_puts(stdout, s);
		free(s);
	}
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
	sbuf_addf(b, "%s: %s\n", label, esc);
	free(esc);
}

static int
mt_show(struct cli_ctx *ctx, int argc, char **argv)
{
	struct meeting	 m;
	struct att_row	*v;
	struct nerr	 err;
	struct sbuf	 b;
	struct db	*db;
	char		 d[DATE_ISO_LEN], *who = NULL, *t;
	long long	 id;
	int		 rc, i, n, cnt[ATT__COUNT] = { 0 };

	optind = 1;
	if ((id = one_id(argc, argv, "show")) < 0)
		return (CLI_EXIT_USAGE);
	if ((rc = cli_open(ctx, &db, CLI_READ, _("show a meeting"))) != 0)
		return (rc);
	nerr_clear(&err);
	if (meeting_get(db, id, &m, &err) != 0) {
		db_close(db);
		return (cli_fail("%s", err.msg));
	}
	if (attend_list(db, id, &v, &n, &err) != 0 || (m.pair_id > 0 &&
	    (who = meeting_pair_who(db, m.pair_id, &err)) == NULL)) {
		meeting_free(&m);
		db_close(db);
		return (cli_fail("%s", err.msg));
	}
	sbuf_init(&b);
	sbuf_addf(&b, _("Meeting no. %lld"), m.id);
	sbuf_addc(&b, '\n');
	card_line(&b, _("Kind"), meeting_kind_label(m.kind));
	date_show(m.date, d);
	xasprintf(&t, "%s%s%s", d, m.time != NULL ? " " : "",
	    str_or(m.time, ""));
	card_line(&b, _("Date"), t);
	free(t);
	card_line(&b, _("Status"), meeting_status_label(m.status));
	if (m.pair_id > 0) {
		xasprintf(&t, _("no. %lld, %s"), m.pair_id, who);
		card_line(&b, _("Pair"), t);
		free(t);
	} else
		card_line(&b, _("Audience"), m.audience);
	card_line(&b, _("Topic"), m.topic);
	card_line(&b, _("Place"), m.place);
	card_line(&b, _("Note"), m.note);
	for (i = 0; i < n; i++)
		if (v[i].status >= 0)
			cnt[v[i].status]++;
	if (m.target_pct > 0)
		sbuf_addf(&b, _("Attendance: %d present of %d expected "
		    "(target %d %%)\n"), cnt[ATT_PRESENT], n, m.target_pct);
	else
		sbuf_addf(&b, _("Attendance: %d present of %d expected\n"),
		    cnt[ATT_PRESENT], n);
	for (i = 0; i < n; i++) {
		t = text_escape(v[i].name);
		sbuf_addf(&b, "  %lld\t%s\t%s\t%s\n", v[i].person_id,
		    v[i].status >= 0 ? att_status_label(v[i].status) :
		    _("not marked"), t, str_or(v[i].class_, ""));
		free(t);
	}
	cli_puts(stdout, b.s);
	sbuf_free(&b);
	free(who);
	attend_list_free(v, n);
	meeting_free(&m);
	db_close(db);
	return (CLI_EXIT_OK);
}

static int
mt_share(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "month", required_argument, NULL, OPT_MONTH },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct nerr	 err;
	struct db	*db;
	const char	*month = NULL;
	int		 c, rc, held, due;

	optind = 0;
	while ((c = cli_getopt(argc, argv, ":h", lo, "meeting")) != -1) {
		if (c != OPT_MONTH)
			return (CLI_OPT_EXIT(c));
		month = optarg;
	}
	if (optind != argc)
		return (cli_bad("meeting", _("meeting held: unexpected "
		    "argument '%s'"), argv[optind]));
	if ((rc = cli_open(ctx, &db, CLI_READ, _("count the meetings"))) != 0)
		return (rc);
	nerr_clear(&err);
	if (attend_held_share(db, month, &held, &due, &err) != 0)
		rc = cli_fail("%s", err.msg);
	else
		printf("held\tdue\tpct\n%d\t%d\t%d\n", held, due,
		    due > 0 ? held * 100 / due : 0);
	db_close(db);
	return (rc);
}

int
cli_meeting(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct {
		const char	*name;
		int		(*fn)(struct cli_ctx *, int, char **);
	} subs[] = {
		{ "add", mt_add }, { "edit", mt_edit }, { "delete", mt_delete },
		{ "status", mt_status }, { "layout", mt_layout },
		{ "show", mt_show }, { "held", mt_share },
	};
	size_t	i;

	if (argc < 2)
		return (cli_bad("meeting", _("meeting: say what to do (add, "
		    "edit, delete, status, layout, show, held)")));
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
		cli_help_cmd(stdout, "meeting");
		return (CLI_EXIT_OK);
	}
	for (i = 0; i < nitems(subs); i++)
		if (strcmp(argv[1], subs[i].name) == 0)
			return (subs[i].fn(ctx, argc - 1, argv + 1));
	return (cli_bad("meeting", _("meeting: unknown action '%s'"),
	    argv[1]));
}

/* ---- attend ---- */

int
cli_attend(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "rest", required_argument, NULL, OPT_REST },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct nerr	 err;
	struct db	*db;
	const char	*rest = NULL, *st;
	long long	 meeting, person = 0;
	int		 c, rc, status;

	optind = 0;
	while ((c = cli_getopt(argc, argv, ":h", lo, "attend")) != -1) {
		if (c != OPT_REST)
			return (CLI_OPT_EXIT(c));
		rest = optarg;
	}
	if (rest != NULL ? argc - optind != 1 : argc - optind != 3)
		return (cli_bad("attend", _("attend: give the meeting, the "
		    "participant and present, absent, excused or none; or the "
		    "meeting and --rest STATUS")));
	if ((meeting = cli_id("attend", argv[optind])) < 0 ||
	    (rest == NULL && (person = cli_id("attend",
	    argv[optind + 1])) < 0))
		return (CLI_EXIT_USAGE);
	st = rest != NULL ? rest : argv[optind + 2];
	if (rest == NULL && strcmp(st, "none") == 0)
		status = ATT_NONE;
	else if ((status = att_status_parse(st)) < 0)
		return (cli_bad("attend", _("attend: unknown mark '%s'; use "
		    "present, absent, excused%s"), st, rest != NULL ? "" :
		    _(" or none")));
	if ((rc = cli_open(ctx, &db, CLI_WRITE, _("mark attendance"))) != 0)
		return (rc);
	nerr_clear(&err);
	if (rest != NULL)
		rc = attend_mark_rest(db, meeting, status, &err);
	else
		rc = attend_mark(db, meeting, person, status, &err);
	if (rc != 0)
		rc = cli_fail("%s", err.msg);
	db_close(db);
	return (rc);
}

/* ---- list meetings ---- */

#define MT_WINDOW	256

static void
mt_row(struct sbuf *b, const struct meeting_row *r)
{
	sbuf_addf(b, "%lld\t%s\t", r->id, str_or(r->date, ""));
	cli_tsv_field(b, r->time);
	sbuf_addf(b, "\t%s\t%s\t", meeting_kind_code(r->kind),
	    meeting_status_code(r->status));
	if (r->pair_id > 0)
		sbuf_addf(b, "%lld", r->pair_id);
	sbuf_addc(b, '\t');
	cli_tsv_field(b, r->who);
	sbuf_addf(b, "\t%d\t%d\t%d\n", r->expected, r->marked, r->present);
}

int
cli_list_meetings(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "from", required_argument, NULL, OPT_FROM },
		{ "to", required_argument, NULL, OPT_TO },
		{ "pair", required_argument, NULL, OPT_PAIR },
		{ "kind", required_argument, NULL, OPT_KIND },
		{ "events", no_argument, NULL, OPT_EVENTS },
		{ "pairs", no_argument, NULL, OPT_PAIRS },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct meeting_filter	 f;
	struct meeting_row	 rows[MT_WINDOW], last;
	struct nerr		 err;
	struct sbuf		 b;
	struct db		*db;
	char			 from[DATE_ISO_LEN], to[DATE_ISO_LEN];
	int			 c, rc, n, have = 0;

	meeting_filter_init(&f);
	optind = 0;
	nerr_clear(&err);
	while ((c = cli_getopt(argc, argv, ":h", lo, "list")) != -1) {
		switch (c) {
		case OPT_FROM:
			if (date_parse(optarg, from, "--from", &err) != 0)
				return (cli_bad("list", "%s", err.msg));
			f.from = from;
			break;
		case OPT_TO:
			if (date_parse(optarg, to, "--to", &err) != 0)
				return (cli_bad("list", "%s", err.msg));
			f.to = to;
			break;
		case OPT_PAIR:
			if ((f.pair_id = cli_id("list", optarg)) < 0)
				return (CLI_EXIT_USAGE);
			break;
		case OPT_KIND:
			if ((f.kind = meeting_kind_parse(optarg)) < 0)
				return (bad_kind(optarg));
			break;
		case OPT_EVENTS:
		case OPT_PAIRS:
			if (f.events >= 0)
				return (cli_bad("list", _("list meetings: give "
				    "--events or --pairs, not both")));
			f.events = c == OPT_EVENTS;
			break;
		default:
			return (CLI_OPT_EXIT(c));
		}
	}
	if (optind != argc)
		return (cli_bad("list", _("list meetings: unexpected argument "
		    "'%s'"), argv[optind]));
	if ((rc = cli_open(ctx, &db, CLI_READ, _("list the meetings"))) != 0)
		return (rc);
	/* A teacher sees their own; for others it changes nothing. */
	f.mine = 1;
	sbuf_init(&b);
	sbuf_add(&b, "id\tdate\ttime\tkind\tstatus\tpair\twho\texpected\t"
	    "marked\tpresent\n");
	memset(&last, 0, sizeof last);
	for (;;) {
		n = meeting_page(db, &f, have ? &last : NULL, 0, rows,
		    MT_WINDOW, &err);
		if (n < 0) {
			rc = cli_fail("%s", err.msg);
			break;
		}
		for (c = 0; c < n; c++)
			mt_row(&b, &rows[c]);
		cli_puts(stdout, b.s);
		sbuf_reset(&b);
		if (n > 0) {
			meeting_rows_free(&last, have);
			meeting_row_copy(&last, &rows[n - 1]);
			have = 1;
		}
		meeting_rows_free(rows, n);
		if (n < MT_WINDOW)
			break;
	}
	meeting_rows_free(&last, have);
	sbuf_free(&b);
	db_close(db);
	return (rc);
}

/* ---- list attendance ---- */

int
cli_list_attendance(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct option lo[] = {
		{ "by", required_argument, NULL, OPT_BY },
		{ "month", required_argument, NULL, OPT_MONTH },
		{ "class", required_argument, NULL, OPT_CLASS },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const bys[ATTBY__COUNT] = {
		"pair", "person", "class", "month", "event"
	};
	struct att_fig	*v;
	struct nerr	 err;
	struct sbuf	 b;
	struct db	*db;
	const char	*month = NULL, *class_ = NULL;
	int		 c, rc, i, n, by = ATTBY_MONTH;

	optind = 0;
	while ((c = cli_getopt(argc, argv, ":h", lo, "list")) != -1) {
		switch (c) {
		case OPT_BY:
			for (by = 0; by < ATTBY__COUNT &&
			    strcmp(bys[by], optarg) != 0; by++)
				;
			if (by == ATTBY__COUNT)
				return (cli_bad("list", _("list attendance: "
				    "--by takes pair, person, class, month or "
				    "event, not '%s'"), optarg));
			break;
		case OPT_MONTH:
			month = optarg;
			break;
		case OPT_CLASS:
			class_ = optarg;
			break;
		default:
			return (CLI_OPT_EXIT(c));
		}
	}
	if (optind != argc)
		return (cli_bad("list", _("list attendance: unexpected "
		    "argument '%s'"), argv[optind]));
	if ((rc = cli_open(ctx, &db, CLI_READ,
	    _("count the attendance"))) != 0)
		return (rc);
	nerr_clear(&err);
	if (attend_figures(db, by, month, class_, &v, &n, &err) != 0) {
		db_close(db);
		return (cli_fail("%s", err.msg));
	}
	sbuf_init(&b);
	sbuf_add(&b, "label\tid\texpected\tpresent\tabsent\texcused\tpct\t"
	    "target\n");
	for (i = 0; i < n; i++) {
		cli_tsv_field(&b, v[i].label);
		sbuf_add(&b, "\t");
		if (v[i].id > 0 && by != ATTBY_MONTH && by != ATTBY_CLASS)
			sbuf_addf(&b, "%lld", v[i].id);
		sbuf_addf(&b, "\t%d\t%d\t%d\t%d\t%d\t%d\n", v[i].expected,
		    v[i].present, v[i].absent, v[i].excused,
		    v[i].expected > 0 ? v[i].present * 100 / v[i].expected :
		    0, v[i].target_pct);
		if (b.len > 65536) {
			cli_puts(stdout, b.s);
			sbuf_reset(&b);
		}
	}
	cli_puts(stdout, b.s);
	sbuf_free(&b);
	attend_figures_free(v, n);
	db_close(db);
	return (CLI_EXIT_OK);
}
