/* indicator.c: the programme's indicators computed from the data as of a date, against the year's targets. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "consent.h"
#include "date.h"
#include "db.h"
#include "monitor.h"
#include "pair.h"
#include "person.h"
#include "util.h"
#include "indicator-int.h"

enum ikind { IK_SHARE, IK_SAT, IK_PLANS, IK_CONSENT, IK_EVENTS, IK_ROADMAP };

/* The fixed indicators, in dashboard order. */
static const struct idef {
	const char	*code;
	int		 kind;
	const char	*role;		/* IK_SHARE: mentee or mentor; IK_SAT: audience */
	const char	*cats;		/* IK_SHARE: categories, comma-separated */
	const char	*name;
	const char	*def;
} idefs[] = {
	{ "mentees-pupil", IK_SHARE, "mentee", "pupil",
	  N_("Pupils who are mentees"),
	  N_("Pupils in a pair or group as mentees during the school year "
	     "up to the date (pairs not cancelled, started by the date, not "
	     "ended before the year began), out of every pupil registered "
	     "now.") },
	{ "mentors-pupil", IK_SHARE, "mentor", "pupil",
	  N_("Pupils who are mentors"),
	  N_("Pupils mentoring in a pair or group during the school year up "
	     "to the date, out of every pupil registered now; the rule is at "
	     "least 10 per cent of each group.") },
	{ "teachers-mentees", IK_SHARE, "mentee", "teacher,young-specialist",
	  N_("Teachers and young specialists who are mentees"),
	  N_("Teachers and young specialists in a pair or group as mentees "
	     "during the school year up to the date, out of all of them "
	     "registered now.") },
	{ "young-mentees", IK_SHARE, "mentee", "young-specialist",
	  N_("Young specialists who are mentees"),
	  N_("Young specialists in a pair or group as mentees during the "
	     "school year up to the date, out of all young specialists "
	     "registered now.") },
	{ "mentors-teacher", IK_SHARE, "mentor", "teacher,young-specialist",
	  N_("Teachers who are mentors"),
	  N_("Teachers and young specialists mentoring in a pair or group "
	     "during the school year up to the date, out of all of them "
	     "registered now; the rule is at least 10 per cent.") },
	{ "mentors-parent", IK_SHARE, "mentor", "parent",
	  N_("Parents who are mentors"),
	  N_("Parents mentoring in a pair or group during the school year up "
	     "to the date, out of every parent registered now; the rule is "
	     "at least 10 per cent.") },
	{ "satisfaction-mentee", IK_SAT, "mentee", NULL,
	  N_("Mentees' satisfaction"),
	  N_("The mean of every scale answer (1-10 or 1-5) in the mentees' "
	     "questionnaires at the stage \"after the programme\" of the "
	     "school year, answered by the date, each as value / top of its "
	     "scale x 100.") },
	{ "satisfaction-mentor", IK_SAT, "mentor", NULL,
	  N_("Mentors' satisfaction"),
	  N_("The mean of every scale answer (1-10 or 1-5) in the mentors' "
	     "questionnaires at the stage \"after the programme\" of the "
	     "school year, answered by the date, each as value / top of its "
	     "scale x 100.") },
	{ "plans-90", IK_PLANS, NULL, NULL,
	/* xgettext:no-c-format */
	  N_("Plans on schedule (90 % due done)"),
	  N_("Pairs taking part in the school year whose individual plan has "
	     "steps due by the date: the share of them with at least 90 per "
	     "cent of those steps done by the date.") },
	{ "consent-pd", IK_CONSENT, NULL, NULL,
	  N_("Consent to personal-data processing"),
	  N_("Participants registered now (not anonymised) with a processing "
	     "consent valid on the date: signed by it, not revoked and not "
	     "ended by it.") },
	{ "events-attendance", IK_EVENTS, NULL, NULL,
	  N_("School-wide events meeting their attendance target"),
	  N_("School-wide events of the school year held by the date that "
	     "have an attendance target: the share where those present, out "
	     "of those expected, reached the event's own target.") },
	{ "roadmap-on-time", IK_ROADMAP, NULL, NULL,
	  N_("Roadmap items done on time"),
	  N_("Items of the current roadmap due by the date (not cancelled): "
	     "the share done no later than their deadline.") },
};

/* How a count, a form's participants or a change per question is described. */
static const char form_def[] = N_("Participants (mentors and mentees, each "
    "once) in pairs and groups of this form taking part in the school year "
    "up to the date: the figure the federal statistics forms ask for.");
static const char change_def[] = N_("The mean of (answer after - answer "
    "before) over the people who answered this scale question at both "
    "stages: the answer \"after\" of the school year given by the date and "
    "their latest \"before\" given earlier.");

static const char *const form_codes[PF__COUNT] = {
	"form-pupil-pupil", "form-teacher-teacher", "form-student-pupil",
	"form-employer-pupil", "form-teacher-pupil", "form-head-teacher",
	"form-employer-student"
};

const char *const *
indicator_codes(int *n)
{
	static const char	*codes[nitems(idefs) + PF__COUNT];
	size_t			 i;

	for (i = 0; i < nitems(idefs); i++)
		codes[i] = idefs[i].code;
	for (i = 0; i < PF__COUNT; i++)
		codes[nitems(idefs) + i] = form_codes[i];
	*n = (int)nitems(codes);
	return (codes);
}

const char *
indicator_name(const char *code)
{
	size_t	i;

	for (i = 0; code != NULL && i < nitems(idefs); i++)
		if (strcmp(code, idefs[i].code) == 0)
			return (_(idefs[i].name));
	for (i = 0; code != NULL && i < PF__COUNT; i++)
		if (strcmp(code, form_codes[i]) == 0)
			return (pair_form_label((int)i));
	return (NULL);
}

void
indicator_prev_quarter(const char *date, char *iso)
{
	int	y, m;

	if (date == NULL || sscanf(date, "%d-%d", &y, &m) != 2 || y < 1000 ||
	    y > 9999 || m < 1 || m > 12) {
		*iso = '\0';
		return;
	}
	m = (m - 1) / 3 * 3;		/* the months before this quarter */
	if (m == 0)
		snprintf(iso, DATE_ISO_LEN, "%04d-12-31", y - 1);
	else
		snprintf(iso, DATE_ISO_LEN, "%04d-%02d-%02d", y, m,
		    date_days_in_month(y, m));
}

/* ---- the indicators ---- */

static void
share(struct indicator *in, int part, int whole)
{
	if (whole <= 0)
		return;
	in->has_value = 1;
	in->value = 100.0 * part / whole;
	xasprintf(&in->detail, _("%d of %d"), part, whole);
}

/* An indicator's value from the figures; 0 if it has none. */
static int
idef_value(const struct idef *def, const struct figs *f, double *v,
    struct indicator *in)
{
	struct indicator	 tmp;
	char			 buf[128], *s, *t;
	int			 part = 0, whole = 0, c, r;

	memset(&tmp, 0, sizeof tmp);
	switch (def->kind) {
	case IK_SHARE:
		r = strcmp(def->role, "mentor") == 0;
		snprintf(buf, sizeof buf, "%s", def->cats);
		for (s = strtok_r(buf, ",", &t); s != NULL;
		    s = strtok_r(NULL, ",", &t)) {
			if ((c = indicator_cat(s)) < 0)
				continue;
			part += f->cat_in[r][c];
			whole += f->cat_total[c];
		}
		share(&tmp, part, whole);
		break;
	case IK_SAT:
		r = strcmp(def->role, "mentor") == 0;
		if (f->sat_n[r] > 0) {
			tmp.has_value = 1;
			tmp.value = f->sat[r];
			xasprintf(&tmp.detail, ngettext("%d questionnaire",
			    "%d questionnaires", f->sat_n[r]), f->sat_n[r]);
		}
		break;
	case IK_PLANS:
		share(&tmp, f->plans_met, f->plans_n);
		break;
	case IK_CONSENT:
		share(&tmp, f->cons_in, f->cons_n);
		break;
	case IK_EVENTS:
		share(&tmp, f->ev_met, f->ev_n);
		break;
	case IK_ROADMAP:
		share(&tmp, f->rm_ok, f->rm_n);
		break;
	}
	*v = tmp.value;
	if (in != NULL)
		in->detail = tmp.detail;
	else
		free(tmp.detail);
	return (tmp.has_value);
}

static struct indicator *
ind_add(struct indicator **v, int *n)
{
	struct indicator	*in;

	*v = xreallocarray(*v, (size_t)*n + 1, sizeof **v);
	in = &(*v)[(*n)++];
	memset(in, 0, sizeof *in);
	return (in);
}

static int
ind_target(struct db *db, const char *year, struct indicator *in,
    struct nerr *err)
{
	int	rc;

	if ((rc = target_get(db, year, in->code, &in->target, err)) < 0)
		return (-1);
	in->has_target = rc;
	in->met = rc && in->has_value && in->value + 1e-9 >= in->target;
	return (0);
}

int
indicators_compute(struct db *db, const char *as_of, struct indicator **vp,
    int *np, struct nerr *err)
{
	struct figs		 f[2], *now = &f[0], *prev = &f[1];
	struct indicator	*v = NULL, *in;
	char			 pq[DATE_ISO_LEN], ys[DATE_ISO_LEN], year[16];
	const char		*d = as_of != NULL ? as_of : date_today();
	size_t			 i;
	int			 n = 0, j, k;

	*vp = NULL;
	*np = 0;
	if (!date_iso_valid(d))
		return (nerr_set(err, _("«%s» is not a date."), d));
	indicator_prev_quarter(d, pq);
	indicator_year_of(d, ys, year, sizeof year);
	if (figs_compute(db, d, pq, f, err) != 0) {
		figs_free(now);
		figs_free(prev);
		return (-1);
	}
	for (i = 0; i < nitems(idefs); i++) {
		in = ind_add(&v, &n);
		in->code = idefs[i].code;
		in->name = _(idefs[i].name);
		in->definition = _(idefs[i].def);
		in->has_value = idef_value(&idefs[i], now, &in->value, in);
		in->has_prev = idef_value(&idefs[i], prev, &in->prev, NULL);
		in->has_behind = 1;
		if (ind_target(db, year, in, err) != 0)
			goto fail;
	}
	for (k = 0; k < PF__COUNT; k++) {
		in = ind_add(&v, &n);
		in->code = form_codes[k];
		in->name = pair_form_label(k);
		in->definition = _(form_def);
		in->is_count = 1;
		in->has_value = in->has_prev = 1;
		in->value = now->form_n[k];
		in->prev = prev->form_n[k];
		in->has_behind = now->form_n[k] > 0;
		if (ind_target(db, year, in, err) != 0)
			goto fail;
	}
	for (j = 0; j < now->nch; j++) {
		in = ind_add(&v, &n);
		in->owned = 1;
		in->code = now->ch[j].code;
		in->name = now->ch[j].name;
		now->ch[j].code = now->ch[j].name = NULL;
		in->definition = _(change_def);
		in->is_count = 1;
		in->has_value = 1;
		in->value = now->ch[j].v;
		xasprintf(&in->detail, ngettext("%d person", "%d people",
		    now->ch[j].n), now->ch[j].n);
		for (k = 0; k < prev->nch; k++)
			if (strcmp(prev->ch[k].code, in->code) == 0) {
				in->has_prev = 1;
				in->prev = prev->ch[k].v;
			}
	}
	figs_free(now);
	figs_free(prev);
	*vp = v;
	*np = n;
	return (0);
fail:
	figs_free(now);
	figs_free(prev);
	indicators_free(v, n);
	return (-1);
}

void
indicators_free(struct indicator *v, int n)
{
	int	i;

	for (i = 0; i < n; i++) {
		free(v[i].detail);
		if (v[i].owned) {
			free((char *)v[i].code);
			free((char *)v[i].name);
		}
	}
	free(v);
}

/* ---- who or what is behind an indicator ---- */

struct behind {
	struct behind_row	*v;
	int			 n;
};

static void
behind_add(struct behind *b, long long id, int kind, const char *label,
    const char *note)
{
	struct behind_row	*r;

	b->v = xreallocarray(b->v, (size_t)b->n + 1, sizeof *b->v);
	r = &b->v[b->n++];
	r->id = id;
	r->kind = kind;
	r->is_pair = kind == BEHIND_PAIR;
	r->label = xstrdup(label != NULL ? label : "");
	r->note = note != NULL ? xstrdup(note) : NULL;
}

/* «Иванов И. И., 7Б» from columns last, first, patronymic, class at c. */
static char *
person_label(sqlite3_stmt *st, int c)
{
	char		*s, *l;
	const char	*cl = (const char *)sqlite3_column_text(st, c + 3);

	s = person_short_name((const char *)sqlite3_column_text(st, c),
	    (const char *)sqlite3_column_text(st, c + 1),
	    (const char *)sqlite3_column_text(st, c + 2));
	if (str_empty(cl))
		return (s);
	xasprintf(&l, "%s, %s", s, cl);
	free(s);
	return (l);
}

#define PAIR_WHO_SQL(p)							\
	"coalesce((SELECT group_concat(x.last, ', ') FROM pair_member y "	\
	"JOIN person x ON x.id = y.person_id WHERE y.pair_id = " p ".id "	\
	"AND y.role = 'mentor'), '') || ' → ' || coalesce((SELECT "	\
	"group_concat(x.last, ', ') FROM pair_member y JOIN person x ON "	\
	"x.id = y.person_id WHERE y.pair_id = " p ".id AND y.role = "	\
	"'mentee'), '')"

static int
behind_people(struct db *db, struct behind *b, const struct idef *def,
    const char *d, const char *ys, struct nerr *err)
{
	sqlite3_stmt	*st;
	char		*sql, *label;
	int		 rc;

	/* The categories are the table's own constants, never input. */
	xasprintf(&sql, "SELECT pe.id, pe.last, pe.first, pe.patronymic, "
	    "pe.class FROM person pe WHERE pe.anonymised = 0 AND "
	    "instr(',%s,', ',' || pe.category || ',') > 0 AND NOT EXISTS "
	    "(SELECT 1 FROM pair_member m JOIN pair p ON p.id = m.pair_id "
	    "WHERE m.person_id = pe.id AND m.role = '%s' AND "
	    PAIR_LIVE_SQL("p") ") ORDER BY pe.class_key, pe.sort_key, pe.id",
	    def->cats, def->role);
	st = indicator_prep(db, sql, d, ys, NULL, err);
	free(sql);
	if (st == NULL)
		return (-1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		label = person_label(st, 1);
		behind_add(b, sqlite3_column_int64(st, 0), BEHIND_PERSON, label,
		    strcmp(def->role, "mentor") == 0 ? _("not a mentor") :
		    _("no mentor"));
		free(label);
	}
	sqlite3_finalize(st);
	return (rc == SQLITE_DONE ? 0 : db_fail(db, err,
	    _("listing who is behind")));
}

static int
behind_sat(struct db *db, struct behind *b, const struct idef *def,
    const char *d, const char *ys, const char *year, double target,
    struct nerr *err)
{
	sqlite3_stmt	*st;
	char		*label, note[64];
	int		 rc;

	if ((st = indicator_prep(db, "SELECT pe.id, pe.last, pe.first, "
	    "pe.patronymic, pe.class, avg(" SCALE_PCT_SQL ") s FROM "
	    "questionnaire qn JOIN response r ON r.questionnaire_id = qn.id "
	    "JOIN person pe ON pe.id = r.person_id JOIN answer a ON "
	    "a.response_id = r.id JOIN question qu ON qu.id = a.question_id "
	    "WHERE qn.audience = ?4 AND r.stage = 'after' AND r.date <= ?1 "
	    "AND r.date >= ?2 AND r.school_year = ?3 AND qu.type IN "
	    "('scale10', 'scale5') GROUP BY pe.id HAVING s < ?5 ORDER BY s, "
	    "pe.sort_key", d, ys, year, err)) == NULL)
		return (-1);
	sqlite3_bind_text(st, 4, def->role, -1, SQLITE_STATIC);
	sqlite3_bind_double(st, 5, target);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		label = person_label(st, 1);
		snprintf(note, sizeof note, _("satisfied at %.0f %%"),
		    sqlite3_column_double(st, 5));
		behind_add(b, sqlite3_column_int64(st, 0), BEHIND_PERSON, label,
		    note);
		free(label);
	}
	sqlite3_finalize(st);
	return (rc == SQLITE_DONE ? 0 : db_fail(db, err,
	    _("listing who is behind")));
}

static int
behind_simple(struct db *db, struct behind *b, const char *sql, int kind,
    const char *d, const char *ys, struct nerr *err)
{
	sqlite3_stmt	*st;
	char		*label;
	int		 rc;

	if ((st = indicator_prep(db, sql, d, ys, NULL, err)) == NULL)
		return (-1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (kind == BEHIND_PERSON)
			label = person_label(st, 1);
		else
			label = xstrdup((const char *)sqlite3_column_text(st,
			    1));
		behind_add(b, sqlite3_column_int64(st, 0), kind, label,
		    (const char *)sqlite3_column_text(st, kind ==
		    BEHIND_PERSON ? 5 : 2));
		free(label);
	}
	sqlite3_finalize(st);
	return (rc == SQLITE_DONE ? 0 : db_fail(db, err,
	    _("listing who is behind")));
}

static int
behind_form(struct db *db, struct behind *b, int form, const char *d,
    const char *ys, struct nerr *err)
{
	char	*sql;
	int	 rc;

	/* The role in words (the labels are ours, quoted by SQLite). */
	sql = sqlite3_mprintf("SELECT DISTINCT pe.id, pe.last, pe.first, "
	    "pe.patronymic, pe.class, CASE m.role WHEN 'mentor' THEN %Q "
	    "ELSE %Q END FROM pair p JOIN pair_member m ON m.pair_id = p.id "
	    "JOIN person pe ON pe.id = m.person_id WHERE p.form = %Q AND "
	    PAIR_LIVE_SQL("p") " ORDER BY m.role, pe.sort_key", _("mentor"),
	    _("mentee"), pair_form_code(form));
	rc = behind_simple(db, b, sql, BEHIND_PERSON, d, ys, err);
	sqlite3_free(sql);
	return (rc);
}

int
indicator_behind(struct db *db, const char *code, const char *as_of,
    struct behind_row **vp, int *np, struct nerr *err)
{
	struct behind	 b = { NULL, 0 };
	const struct idef *def = NULL;
	const char	*d = as_of != NULL ? as_of : date_today();
	char		 ys[DATE_ISO_LEN], year[16], *sql;
	double		 target = 0;
	size_t		 i;
	int		 rc = -1, k;

	*vp = NULL;
	*np = 0;
	if (!date_iso_valid(d))
		return (nerr_set(err, _("«%s» is not a date."), d));
	indicator_year_of(d, ys, year, sizeof year);
	for (i = 0; code != NULL && i < nitems(idefs); i++)
		if (strcmp(code, idefs[i].code) == 0)
			def = &idefs[i];
	for (k = 0; def == NULL && code != NULL && k < PF__COUNT; k++)
		if (strcmp(code, form_codes[k]) == 0)
			break;
	if (def == NULL && (code == NULL || k >= PF__COUNT))
		return (nerr_set(err, _("«%s» is not an indicator with a list "
		    "behind it; 'nastavnik list indicators' shows the codes."),
		    str_or(code, "")));
	if (def == NULL)
		rc = behind_form(db, &b, k, d, ys, err);
	else switch (def->kind) {
	case IK_SHARE:
		rc = behind_people(db, &b, def, d, ys, err);
		break;
	case IK_SAT:
		if (target_get(db, year, def->code, &target, err) < 0)
			break;
		if (target <= 0)
			target = 50;
		rc = behind_sat(db, &b, def, d, ys, year, target, err);
		break;
	case IK_PLANS:
		xasprintf(&sql, "SELECT p.id, " PAIR_WHO_SQL("p") ", "
		    "printf('%s', CAST(100 * d / t AS INTEGER)) FROM (SELECT "
		    "pl.pair_id pid, count(*) t, sum(s.done IS NOT NULL AND "
		    "s.done <= ?1) d FROM pair p JOIN plan pl ON pl.pair_id = "
		    "p.id JOIN plan_step s ON s.plan_id = pl.id WHERE "
		    PAIR_LIVE_SQL("p") " AND s.due IS NOT NULL AND s.due <= ?1 "
		    "GROUP BY pl.id) JOIN pair p ON p.id = pid WHERE d * 10 < "
		    "t * 9 ORDER BY 1.0 * d / t, p.id", _("plan %d %%"));
		rc = behind_simple(db, &b, sql, BEHIND_PAIR, d, ys, err);
		free(sql);
		break;
	case IK_CONSENT:
		xasprintf(&sql, "SELECT pe.id, pe.last, pe.first, "
		    "pe.patronymic, pe.class, '%s' FROM person pe WHERE "
		    "pe.anonymised = 0 AND NOT " CONSENT_PD_VALID_SQL("pe.id",
		    "?1") " ORDER BY pe.class_key, pe.sort_key, pe.id",
		    _("no valid consent"));
		rc = behind_simple(db, &b, sql, BEHIND_PERSON, d, ys, err);
		free(sql);
		break;
	case IK_EVENTS:
		xasprintf(&sql, "SELECT id, coalesce(topic, kind) || ', ' || "
		    "strftime('%%d.%%m.%%Y', date) || coalesce(' (' || "
		    "audience || ')', ''), printf('%s', present * 100 / "
		    "expected, target_pct) FROM meeting WHERE status = 'held' "
		    "AND date <= ?1 AND date >= ?2 AND pair_id IS NULL AND "
		    "target_pct > 0 AND expected > 0 AND present * 100 < "
		    "target_pct * expected ORDER BY date, id",
		    _("came %d %% of %d %%"));
		rc = behind_simple(db, &b, sql, BEHIND_EVENT, d, ys, err);
		free(sql);
		break;
	case IK_ROADMAP:
		xasprintf(&sql, "SELECT i.id, coalesce(i.number || ' ', '') || "
		    "i.content, CASE WHEN i.status = 'done' AND i.done_date "
		    "IS NOT NULL AND i.done_date <= ?1 THEN printf('%s', "
		    "strftime('%%d.%%m.%%Y', i.deadline_to), strftime("
		    "'%%d.%%m.%%Y', i.done_date)) ELSE printf('%s', strftime("
		    "'%%d.%%m.%%Y', i.deadline_to)) END FROM roadmap r JOIN "
		    "roadmap_section s ON s.roadmap_id = r.id JOIN "
		    "roadmap_item i ON i.section_id = s.id WHERE r.is_current "
		    "= 1 AND i.status <> 'cancelled' AND i.deadline_to IS NOT "
		    "NULL AND i.deadline_to <= ?1 AND NOT (i.status = 'done' "
		    "AND i.done_date IS NOT NULL AND i.done_date <= "
		    "i.deadline_to AND i.done_date <= ?1) ORDER BY s.pos, "
		    "i.pos", _("due %s, done %s"), _("due %s, not done"));
		rc = behind_simple(db, &b, sql, BEHIND_ITEM, d, ys, err);
		free(sql);
		break;
	}
	if (rc != 0) {
		behind_free(b.v, b.n);
		return (-1);
	}
	*vp = b.v;
	*np = b.n;
	return (0);
}

void
behind_free(struct behind_row *v, int n)
{
	int	i;

	for (i = 0; i < n; i++) {
		free(v[i].label);
		free(v[i].note);
	}
	free(v);
}
