/* pair-check.c: the rules a pair is checked by before it is saved: fields, sides, members, twice, capacity, consent. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "consent.h"
#include "date.h"
#include "db.h"
#include "pair.h"
#include "person.h"
#include "text.h"
#include "util.h"

#define PAIR_TEXT_MAX	2000	/* goal, result, note: characters */
#define PAIR_SHORT_MAX	200	/* role model, order number, case reference */

/* «teacher or young specialist»: the categories a side of a form takes. */
static char *
side_words(int form, int role)
{
	struct sbuf	 b;
	int		 c, n = 0, total = 0;

	for (c = 0; c < CAT__COUNT; c++)
		total += pair_form_fits(form, role, c);
	sbuf_init(&b);
	for (c = 0; c < CAT__COUNT; c++) {
		if (!pair_form_fits(form, role, c))
			continue;
		if (n > 0)
			sbuf_add(&b, ++n == total ? _(" or ") : ", ");
		else
			n++;
		sbuf_add(&b, person_category_label(c));
	}
	return (sbuf_take(&b));
}

/* ---- the rules ---- */

/* What the rules need to know of a member. */
struct who {
	char	*name;		/* «Иванов И. И.» */
	int	 category;
	int	 anonymised;
};

static int
who_get(struct db *db, long long id, struct who *w, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	memset(w, 0, sizeof *w);
	if ((st = db_prepare(db, "SELECT last, first, patronymic, category, "
	    "anonymised FROM person WHERE id = ?", err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		w->name = person_short_name(
		    (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1),
		    (const char *)sqlite3_column_text(st, 2));
		w->category = person_category_parse(
		    (const char *)sqlite3_column_text(st, 3));
		w->anonymised = sqlite3_column_int(st, 4);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return (nerr_set(err, _("Participant no. %lld is not in the "
		    "database; check the number."), id));
	if (rc != SQLITE_ROW)
		return (db_fail(db, err, _("checking the pair")));
	return (0);
}

static int
check_date(const char *iso, const char *field, struct nerr *err)
{
	if (!str_empty(iso) && (!date_iso_valid(iso) ||
	    strcmp(iso, "1900-01-01") < 0))
		return (nerr_set(err, _("The pair's %s \"%s\" is not a real "
		    "date; write it as DD.MM.YYYY."), field, iso));
	return (0);
}

static int
check_len(const char *s, const char *field, size_t max, struct nerr *err)
{
	if (s != NULL && !utf8_valid(s, strlen(s)))
		return (nerr_set(err, _("The pair's field \"%s\" contains "
		    "broken text; retype it."), field));
	if (s != NULL && utf8_len(s) > max)
		return (nerr_set(err, _("The pair's field \"%s\" is too long: "
		    "at most %zu characters."), field, max));
	return (0);
}

/* The fields of the pair itself, before its members. */
int
pair_check_fields(const struct pair *p, struct nerr *err)
{
	char	d1[DATE_ISO_LEN], d2[DATE_ISO_LEN];

	if (p->form < 0 || p->form >= PF__COUNT)
		return (nerr_set(err, _("The pair's form is unknown; choose "
		    "one from the list.")));
	if (p->kind < 0 || p->kind >= PK__COUNT)
		return (nerr_set(err, _("The pair's kind is unknown; choose "
		    "one from the list.")));
	if (p->status < 0 || p->status >= PST__COUNT)
		return (nerr_set(err, _("The pair's status is unknown; choose "
		    "one from the list.")));
	if (check_date(p->date_from, _("start date"), err) == -1 ||
	    check_date(p->date_to, _("end date"), err) == -1 ||
	    check_date(p->order_date, _("order date"), err) == -1)
		return (-1);
	if (!str_empty(p->date_from) && !str_empty(p->date_to) &&
	    strcmp(p->date_to, p->date_from) < 0) {
		date_show(p->date_from, d1);
		date_show(p->date_to, d2);
		return (nerr_set(err, _("The pair ends on %s, before it starts "
		    "(%s); check the dates."), d2, d1));
	}
	if (check_len(p->role_model, _("Role model"), PAIR_SHORT_MAX,
	    err) == -1 ||
	    check_len(p->goal, _("Goal"), PAIR_TEXT_MAX, err) == -1 ||
	    check_len(p->order_no, _("Order"), PAIR_SHORT_MAX, err) == -1 ||
	    check_len(p->result, _("Result"), PAIR_TEXT_MAX, err) == -1 ||
	    check_len(p->case_ref, _("Case reference"), PAIR_SHORT_MAX,
	    err) == -1 ||
	    check_len(p->note, _("Note"), PAIR_TEXT_MAX, err) == -1)
		return (-1);
	return (0);
}

/* Nobody twice on a side, nobody on both sides, both sides there. */
static int
check_sides(struct db *db, const struct pair *p, struct nerr *err)
{
	struct who	w;
	int		i, j, nmentor = 0, nmentee = 0;

	for (i = 0; i < p->nmembers; i++) {
		if (p->members[i].role == PR_MENTOR)
			nmentor++;
		else
			nmentee++;
	}
	if (nmentor == 0)
		return (nerr_set(err, _("A pair needs at least one mentor; "
		    "add one.")));
	if (nmentee == 0)
		return (nerr_set(err, _("A pair needs at least one mentee; "
		    "add one.")));
	for (i = 0; i < p->nmembers; i++) {
		for (j = 0; j < i; j++) {
			if (p->members[i].person_id != p->members[j].person_id)
				continue;
			if (who_get(db, p->members[i].person_id, &w,
			    err) == -1)
				return (-1);
			if (p->members[i].role == p->members[j].role)
				nerr_set(err, _("%s is listed twice in the "
				    "pair; list them once."), w.name);
			else
				nerr_set(err, _("%s cannot mentor themselves: "
				    "they are both a mentor and a mentee of "
				    "the pair; choose another mentor."),
				    w.name);
			free(w.name);
			return (-1);
		}
	}
	return (0);
}

/* Each member exists, is not anonymised (in a live pair), fits the form. */
static int
check_members(struct db *db, const struct pair *p, struct nerr *err)
{
	const struct pair_member	*m;
	struct who			 w;
	char				*allowed;
	int				 i, rc = 0;

	for (i = 0; i < p->nmembers && rc == 0; i++) {
		m = &p->members[i];
		if (who_get(db, m->person_id, &w, err) == -1)
			return (-1);
		if (w.anonymised && pair_status_live(p->status))
			rc = nerr_set(err, _("%s has been anonymised and can no "
			    "longer take part in a pair."), w.name);
		else if (!pair_form_fits(p->form, m->role, w.category)) {
			allowed = side_words(p->form, m->role);
			rc = nerr_set(err, m->role == PR_MENTOR ?
			    _("%s is a %s and cannot be a mentor in the form "
			    "«%s»: mentors there are: %s. Choose another "
			    "form or mentor.") :
			    _("%s is a %s and cannot be a mentee in the form "
			    "«%s»: mentees there are: %s. Choose another "
			    "form or mentee."), w.name,
			    person_category_label(w.category),
			    pair_form_label(p->form), allowed);
			free(allowed);
		}
		free(w.name);
	}
	return (rc);
}

/* The same mentor and mentee in another live pair: that one is edited instead. */
static int
check_twice(struct db *db, const struct pair *p, struct nerr *err)
{
	const struct pair_member	*a, *b;
	sqlite3_stmt			*st;
	struct who			 w1, w2;
	long long			 other = 0;
	int				 i, j, rc = SQLITE_DONE;

	if (!pair_status_live(p->status))
		return (0);
	if ((st = db_prepare(db, "SELECT pr.id FROM pair_member a JOIN "
	    "pair_member b ON b.pair_id = a.pair_id JOIN pair pr ON "
	    "pr.id = a.pair_id WHERE a.person_id = ? AND a.role = 'mentor' "
	    "AND b.person_id = ? AND b.role = 'mentee' AND pr.id <> ? AND "
	    "(pr.status = 'forming' OR pr.status = 'active') LIMIT 1",
	    err)) == NULL)
		return (-1);
	for (i = 0; i < p->nmembers && other == 0; i++) {
		a = &p->members[i];
		for (j = 0; j < p->nmembers && other == 0; j++) {
			b = &p->members[j];
			if (a->role != PR_MENTOR || b->role != PR_MENTEE)
				continue;
			sqlite3_reset(st);
			sqlite3_bind_int64(st, 1, a->person_id);
			sqlite3_bind_int64(st, 2, b->person_id);
			sqlite3_bind_int64(st, 3, p->id);
			if ((rc = sqlite3_step(st)) == SQLITE_ROW)
				other = sqlite3_column_int64(st, 0);
			else if (rc != SQLITE_DONE)
				break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return (db_fail(db, err, _("checking the pair")));
	if (other == 0)
		return (0);
	if (who_get(db, a->person_id, &w1, err) == -1)
		return (-1);
	if (who_get(db, b->person_id, &w2, err) == -1) {
		free(w1.name);
		return (-1);
	}
	nerr_set(err, _("%s already mentors %s in pair no. %lld; change that "
	    "pair instead of adding the same one again."), w1.name, w2.name,
	    other);
	free(w1.name);
	free(w2.name);
	return (-1);
}

/*
 * Mentees a mentor has in live pairs other than except: each person once,
 * however many pairs they share.
 */
static int
mentor_load(struct db *db, long long mentor, long long except,
    struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 n = -1;

	if ((st = db_prepare(db, "SELECT count(DISTINCT e.person_id) "
	    "FROM pair_member m JOIN pair p ON p.id = m.pair_id "
	    "JOIN pair_member e ON e.pair_id = m.pair_id AND e.role = 'mentee' "
	    "WHERE m.person_id = ? AND m.role = 'mentor' AND p.id <> ? "
	    "AND (p.status = 'forming' OR p.status = 'active')", err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, mentor);
	sqlite3_bind_int64(st, 2, except);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	else
		db_fail(db, err, _("counting the mentor's mentees"));
	sqlite3_finalize(st);
	return (n);
}

int
pair_mentor_load(struct db *db, long long mentor, struct nerr *err)
{
	return (mentor_load(db, mentor, 0, err));
}

/* The mentor's capacity (0: not said); -1. */
static int
mentor_capacity(struct db *db, long long mentor, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc, n = 0;

	if ((st = db_prepare(db, "SELECT capacity FROM mentor WHERE "
	    "person_id = ?", err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, mentor);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return (db_fail(db, err, _("checking the pair")));
	return (n);
}

/* Is a pupil's processing consent valid today?  1, 0, -1. */
static int
consent_ok(struct db *db, long long id, struct nerr *err)
{
	sqlite3_stmt	*st;
	const char	*today = date_today();
	int		 rc, i, ok = -1;

	if ((st = db_prepare(db, "SELECT " CONSENT_PD_VALID_SQL("?", "?"),
	    err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, id);
	for (i = 2; i <= 4; i++)
		sqlite3_bind_text(st, i, today, -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		ok = sqlite3_column_int(st, 0) != 0;
	else
		db_fail(db, err, _("checking consents"));
	sqlite3_finalize(st);
	return (ok);
}

/*
 * Was the person already on this side of the saved pair while it was
 * live?  Then the curator was warned when they joined: an edit of the
 * goal does not ask again.  1, 0, -1.
 */
static int
was_member(struct db *db, const struct pair *p, const struct pair_member *m,
    struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (p->id <= 0)
		return (0);
	if ((st = db_prepare(db, "SELECT 1 FROM pair_member pm JOIN pair pr "
	    "ON pr.id = pm.pair_id WHERE pm.pair_id = ? AND pm.person_id = ? "
	    "AND pm.role = ? AND (pr.status = 'forming' OR "
	    "pr.status = 'active')", err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, p->id);
	sqlite3_bind_int64(st, 2, m->person_id);
	sqlite3_bind_text(st, 3, m->role == PR_MENTOR ? "mentor" : "mentee", -1,
	    SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return (db_fail(db, err, _("checking the pair")));
	return (rc == SQLITE_ROW);
}

/* How many members are new to the saved pair (all for a new one); -1. */
static int
count_new(struct db *db, const struct pair *p, int role, struct nerr *err)
{
	int	i, was, n = 0;

	for (i = 0; i < p->nmembers; i++) {
		if (p->members[i].role != role)
			continue;
		if ((was = was_member(db, p, &p->members[i], err)) < 0)
			return (-1);
		n += !was;
	}
	return (n);
}

/* Adds a sentence to the warnings, a space between. */
static void
warn_add(struct sbuf *b, const char *s)
{
	if (b->len > 0)
		sbuf_addc(b, ' ');
	sbuf_add(b, s);
}

/* Capacity and consent: sentences in b, flags in *need. */
static int
check_warnings(struct db *db, const struct pair *p, int overrides, int *need,
    struct sbuf *b, struct nerr *err)
{
	const struct pair_member	*m;
	struct who			 w;
	char				*s;
	int				 i, j, cap, load, add, ok, was, nnew;

	if ((nnew = count_new(db, p, PR_MENTEE, err)) < 0)
		return (-1);
	for (i = 0; i < p->nmembers; i++) {
		m = &p->members[i];
		if (m->role != PR_MENTOR ||
		    (overrides & PAIR_OVER_CAPACITY) != 0)
			continue;
		/* A mentor already here with no new mentee takes no more. */
		if ((was = was_member(db, p, m, err)) < 0)
			return (-1);
		if (was && nnew == 0)
			continue;
		if ((cap = mentor_capacity(db, m->person_id, err)) < 0)
			return (-1);
		if (cap == 0)
			continue;	/* not said: no limit */
		if ((load = mentor_load(db, m->person_id, p->id, err)) < 0)
			return (-1);
		for (add = 0, j = 0; j < p->nmembers; j++)
			add += p->members[j].role == PR_MENTEE;
		if (load + add <= cap)
			continue;
		if (who_get(db, m->person_id, &w, err) == -1)
			return (-1);
		xasprintf(&s, ngettext("%s can take %d mentee and has %d now; "
		    "with this pair it would be %d.", "%s can take %d mentees "
		    "and has %d now; with this pair it would be %d.",
		    (unsigned long)cap), w.name, cap, load, load + add);
		warn_add(b, s);
		free(s);
		free(w.name);
		*need |= PAIR_OVER_CAPACITY;
	}
	for (i = 0; i < p->nmembers; i++) {
		m = &p->members[i];
		if ((overrides & PAIR_OVER_CONSENT) != 0)
			break;
		if ((was = was_member(db, p, m, err)) < 0)
			return (-1);
		if (was)
			continue;
		if (who_get(db, m->person_id, &w, err) == -1)
			return (-1);
		if (w.category == CAT_PUPIL) {
			if ((ok = consent_ok(db, m->person_id, err)) < 0) {
				free(w.name);
				return (-1);
			}
			if (!ok) {
				xasprintf(&s, _("%s is a pupil without a valid "
				    "consent to personal-data processing."),
				    w.name);
				warn_add(b, s);
				free(s);
				*need |= PAIR_OVER_CONSENT;
			}
		}
		free(w.name);
	}
	return (0);
}

int
pair_check(struct db *db, const struct pair *p, int overrides, int *need,
    struct nerr *err)
{
	struct sbuf	b;
	int		dummy = 0;

	if (need == NULL)
		need = &dummy;
	*need = 0;
	if (pair_check_fields(p, err) == -1 || check_sides(db, p, err) == -1 ||
	    check_members(db, p, err) == -1 || check_twice(db, p, err) == -1)
		return (-1);
	/* A closed pair takes nobody's place and processes nothing new. */
	if (!pair_status_live(p->status))
		return (0);
	sbuf_init(&b);
	if (check_warnings(db, p, overrides, need, &b, err) == -1) {
		sbuf_free(&b);
		return (-1);
	}
	if (*need != 0)
		nerr_set(err, "%s", b.s);
	sbuf_free(&b);
	return (*need != 0);
}

