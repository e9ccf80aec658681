/* consent.c: consents (152-ФЗ): kinds, the age rule, saving, revoking, states. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "consent.h"
#include "consent-int.h"
#include "date.h"
#include "db.h"
#include "person.h"
#include "text.h"
#include "util.h"

/* The longest a name, relation, reference or note may be, in characters. */
#define CONSENT_SHORT_MAX	200
#define CONSENT_NOTE_MAX	1000

static const struct {
	const char	*code;
	const char	*label;
	const char	*short_;
} consent_kinds[CK__COUNT] = {
	{ "pd", N_("personal data processing"), N_("PD") },
	{ "participation", N_("participation in the programme"), N_("Part.") },
	{ "mentor-duties", N_("mentoring as extra duties"), N_("Duties") },
	{ "publication", N_("publication of photos and materials"),
	  N_("Photo") },
};

static const struct {
	const char	*code;
	const char	*label;
} consent_state_names[CS__COUNT] = {
	{ "missing", N_("none") },
	{ "valid", N_("valid") },
	{ "revoked", N_("revoked") },
	{ "expired", N_("expired") },
};

const char *
consent_kind_code(int k)
{
	if (k < 0 || k >= CK__COUNT)
		return ("");
	return (consent_kinds[k].code);
}

const char *
consent_kind_label(int k)
{
	if (k < 0 || k >= CK__COUNT)
		return ("");
	return (_(consent_kinds[k].label));
}

const char *
consent_kind_short(int k)
{
	if (k < 0 || k >= CK__COUNT)
		return ("");
	return (_(consent_kinds[k].short_));
}

/* Same words, folded: any case, ё = е, surrounding spaces ignored. */
static int
consent_same(const char *typed_fold, const char *label)
{
	char	*f;
	int	 same;

	f = text_fold_dup(label);
	same = strcmp(typed_fold, f) == 0;
	free(f);
	return (same);
}

int
consent_kind_parse(const char *s)
{
	char	*copy, *t, *fold;
	int	 k, found = -1;

	if (s == NULL)
		return (-1);
	copy = xstrdup(s);
	t = str_trim(copy);
	fold = text_fold_dup(t);
	for (k = 0; k < CK__COUNT && found < 0; k++) {
		if (strcasecmp(t, consent_kinds[k].code) == 0 ||
		    consent_same(fold, consent_kinds[k].label) ||
		    consent_same(fold, _(consent_kinds[k].label)) ||
		    consent_same(fold, consent_kinds[k].short_) ||
		    consent_same(fold, _(consent_kinds[k].short_)))
			found = k;
	}
	free(fold);
	free(copy);
	return (found);
}

const char *
consent_state_label(int s)
{
	if (s < 0 || s >= CS__COUNT)
		return ("");
	return (_(consent_state_names[s].label));
}

const char *
consent_state_code(int s)
{
	if (s < 0 || s >= CS__COUNT)
		return ("");
	return (consent_state_names[s].code);
}

void
consent_init(struct consent *c)
{
	memset(c, 0, sizeof *c);
	c->kind = CK_PD;
}

void
consent_free(struct consent *c)
{
	if (c == NULL)
		return;
	free(c->rep_name);
	free(c->rep_relation);
	free(c->signed_);
	free(c->ref);
	free(c->valid_until);
	free(c->revoked);
	free(c->revoke_note);
	memset(c, 0, sizeof *c);
}

int
consent_age(struct db *db)
{
	/* Only the two ages schools' documents use; anything else is 18. */
	return (db_setting_int(db, "consent.age", 18) == 14 ? 14 : 18);
}

int
consent_state_of(const struct consent *c)
{
	const char	*today = date_today();

	if (!str_empty(c->revoked) && strcmp(c->revoked, today) <= 0)
		return (CS_REVOKED);
	if (!str_empty(c->valid_until) && strcmp(c->valid_until, today) < 0)
		return (CS_EXPIRED);
	return (CS_VALID);
}

/* ---- checking ---- */

/*
 * Must this person's consent be signed by a representative on date?
 * Returns 1 with *age set (-1 when the birth date is unknown), else 0.
 */
int
consent_needs_rep(struct db *db, const struct person *p, const char *date,
    int *age)
{
	*age = date_age(p->birth, date);
	if (p->category != CAT_PUPIL && *age < 0)
		return (0);	/* a grown-up without a recorded birth date */
	if (*age < 0)
		return (1);
	return (*age < consent_age(db));
}

static int
check_len(const char *who, const char *s, const char *field, int max,
    struct nerr *err)
{
	if (s != NULL && (int)utf8_len(s) > max)
		return (nerr_set(err, _("%s: the field \"%s\" of the consent is "
		    "longer than %d characters; shorten it."), who, field,
		    max));
	return (0);
}

static int
check_dates(const char *who, const struct person *p,
    const struct consent *c, struct nerr *err)
{
	char	d1[DATE_ISO_LEN], d2[DATE_ISO_LEN];

	if (str_empty(c->signed_))
		return (nerr_set(err, _("%s: the date the consent was signed "
		    "is missing; write it as DD.MM.YYYY."), who));
	if (!date_iso_valid(c->signed_))
		return (nerr_set(err, _("%s: the date signed \"%s\" is not a "
		    "real date; write it as DD.MM.YYYY."), who, c->signed_));
	date_show(c->signed_, d1);
	date_show(date_today(), d2);
	if (strcmp(c->signed_, date_today()) > 0)
		return (nerr_set(err, _("%s: the date signed %s has not come "
		    "yet (today is %s); check the date."), who, d1, d2));
	if (strcmp(c->signed_, "1900-01-01") < 0)
		return (nerr_set(err, _("%s: the date signed %s is before "
		    "1900; check the year."), who, d1));
	if (!str_empty(p->birth) && strcmp(c->signed_, p->birth) < 0) {
		date_show(p->birth, d2);
		return (nerr_set(err, _("%s: the consent is dated %s, before "
		    "the birth date %s; check the dates."), who, d1, d2));
	}
	if (!str_empty(c->valid_until)) {
		if (!date_iso_valid(c->valid_until))
			return (nerr_set(err, _("%s: the end date \"%s\" is not "
			    "a real date; write it as DD.MM.YYYY."), who,
			    c->valid_until));
		date_show(c->valid_until, d2);
		if (strcmp(c->valid_until, c->signed_) <= 0)
			return (nerr_set(err, _("%s: the consent ends on %s, "
			    "not after the date signed %s; check the dates."),
			    who, d2, d1));
	}
	if (!str_empty(c->revoked)) {
		if (!date_iso_valid(c->revoked))
			return (nerr_set(err, _("%s: the date revoked \"%s\" is "
			    "not a real date; write it as DD.MM.YYYY."), who,
			    c->revoked));
		date_show(c->revoked, d2);
		if (strcmp(c->revoked, c->signed_) < 0)
			return (nerr_set(err, _("%s: the consent is revoked on "
			    "%s, before it was signed (%s); check the dates."),
			    who, d2, d1));
		if (strcmp(c->revoked, date_today()) > 0) {
			date_show(date_today(), d1);
			return (nerr_set(err, _("%s: the date revoked %s has not "
			    "come yet (today is %s); check the date."), who, d2,
			    d1));
		}
	}
	return (0);
}

/* The signer: a representative named with the relation, or the person. */
static int
check_signer(struct db *db, const char *who, const struct person *p,
    const struct consent *c, int allow_unnamed, struct nerr *err)
{
	char	d[DATE_ISO_LEN];
	int	age;

	if (c->by_representative) {
		if (allow_unnamed && str_empty(c->rep_name) &&
		    str_empty(c->rep_relation))
			return (0);
		if (str_empty(c->rep_name))
			return (nerr_set(err, _("%s: the consent is signed by a "
			    "legal representative; give the representative's "
			    "full name."), who));
		if (str_empty(c->rep_relation))
			return (nerr_set(err, _("%s: the consent is signed by a "
			    "legal representative; say who they are to the "
			    "pupil (mother, father, guardian)."), who));
		return (0);
	}
	if (!consent_needs_rep(db, p, c->signed_, &age))
		return (0);
	date_show(c->signed_, d);
	if (age < 0)
		return (nerr_set(err, _("%s: the pupil's birth date is not "
		    "recorded, so their age on %s cannot be checked; record "
		    "the birth date, or the legal representative who signed."),
		    who, d));
	return (nerr_set(err, ngettext("%s: on %s they were %d year old, and "
	    "by the school's setting pupils sign consents themselves only "
	    "from the age of %d; a legal representative must sign it: give "
	    "their name and relation.", "%s: on %s they were %d years old, "
	    "and by the school's setting pupils sign consents themselves only "
	    "from the age of %d; a legal representative must sign it: give "
	    "their name and relation.", (unsigned long)age), who, d, age,
	    consent_age(db)));
}

/* Check c against its person (already read); the message names them. */
int
consent_check(struct db *db, const struct consent *c,
    const struct person *p, int allow_unnamed, struct nerr *err)
{
	char	*who;
	int	 rc = -1;

	if (c->kind < 0 || c->kind >= CK__COUNT)
		return (nerr_set(err, _("The kind of consent is unknown; use "
		    "pd, participation, mentor-duties or publication.")));
	who = person_short_name(p->last, p->first, p->patronymic);
	if (p->anonymised)
		nerr_set(err, _("%s has been anonymised after revoking the "
		    "consent; to record a new one, add the participant "
		    "again."), who);
	else if (c->kind == CK_MENTOR_DUTIES && p->category == CAT_PUPIL)
		nerr_set(err, _("%s is a pupil; a consent to mentoring as "
		    "extra duties is signed by teachers."), who);
	else if (check_dates(who, p, c, err) == 0 &&
	    check_signer(db, who, p, c, allow_unnamed, err) == 0 &&
	    check_len(who, c->rep_name, _("Representative"),
	    CONSENT_SHORT_MAX, err) == 0 &&
	    check_len(who, c->rep_relation, _("Relation"),
	    CONSENT_SHORT_MAX, err) == 0 &&
	    check_len(who, c->ref, _("Paper's number or place"),
	    CONSENT_SHORT_MAX, err) == 0 &&
	    check_len(who, c->revoke_note, _("Note"), CONSENT_NOTE_MAX,
	    err) == 0)
		rc = 0;
	free(who);
	return (rc);
}

int
consent_validate(struct db *db, const struct consent *c, struct nerr *err)
{
	struct person	p;
	int		rc;

	if (c->kind < 0 || c->kind >= CK__COUNT)
		return (nerr_set(err, _("The kind of consent is unknown; use "
		    "pd, participation, mentor-duties or publication.")));
	if (person_get(db, c->person_id, &p, err) != 0)
		return (-1);
	rc = consent_check(db, c, &p, 0, err);
	person_free(&p);
	return (rc);
}

/* ---- saving ---- */

#define CONSENT_COLS "person_id, kind, by_representative, " \
	"representative_id, rep_name, rep_relation, signed, ref, " \
	"valid_until, revoked, revoke_note"

static void
bind_str(sqlite3_stmt *st, int i, const char *s)
{
	if (str_empty(s))
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

/* Binds the columns as CONSENT_COLS lists them; returns the next index. */
static int
bind_consent(sqlite3_stmt *st, const struct consent *c)
{
	sqlite3_bind_int64(st, 1, c->person_id);
	sqlite3_bind_text(st, 2, consent_kind_code(c->kind), -1,
	    SQLITE_STATIC);
	sqlite3_bind_int(st, 3, c->by_representative != 0);
	if (c->by_representative && c->representative_id > 0)
		sqlite3_bind_int64(st, 4, c->representative_id);
	else
		sqlite3_bind_null(st, 4);
	bind_str(st, 5, c->by_representative ? c->rep_name : NULL);
	bind_str(st, 6, c->by_representative ? c->rep_relation : NULL);
	bind_str(st, 7, c->signed_);
	bind_str(st, 8, c->ref);
	bind_str(st, 9, c->valid_until);
	bind_str(st, 10, c->revoked);
	bind_str(st, 11, c->revoke_note);
	return (12);
}

/* Insert a checked consent inside the caller's transaction. */
int
consent_insert_tx(struct db *db, struct consent *c, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_prepare(db, "INSERT INTO consent (" CONSENT_COLS ") "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", err)) == NULL)
		return (-1);
	bind_consent(st, c);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return (db_fail(db, err, _("saving the consent")));
	c->id = sqlite3_last_insert_rowid(db->h);
	c->version = 1;
	return (db_audit(db, "consent.add", "consent", c->id, err));
}

int
consent_add(struct db *db, struct consent *c, struct nerr *err)
{
	if (consent_validate(db, c, err) != 0)
		return (-1);
	if (db_begin(db, err) != 0)
		return (-1);
	if (consent_insert_tx(db, c, err) != 0 || db_commit(db, err) != 0) {
		db_rollback(db);
		c->id = 0;
		return (-1);
	}
	return (0);
}

/* Why an UPDATE touched no row: gone, or changed by someone else. */
static int
consent_refused(struct db *db, long long id, struct nerr *err)
{
	int	exists;

	exists = db_exists(db, "SELECT 1 FROM consent WHERE id = ?", id, err);
	if (exists < 0)
		return (-1);
	if (!exists)
		return (nerr_set(err, _("Consent no. %lld has been deleted by "
		    "someone else; your changes were not saved."), id));
	return (nerr_set(err, _("Someone else changed consent no. %lld while "
	    "you were editing; your changes were not saved. Reopen it to see "
	    "theirs."), id));
}

static int
update_tx(struct db *db, const struct consent *c, const char *action,
    struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 i, rc;

	if ((st = db_prepare(db, "UPDATE consent SET (" CONSENT_COLS ") = "
	    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?), version = version + 1 "
	    "WHERE id = ? AND version = ?", err)) == NULL)
		return (-1);
	i = bind_consent(st, c);
	sqlite3_bind_int64(st, i, c->id);
	sqlite3_bind_int64(st, i + 1, c->version);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return (db_fail(db, err, _("saving the consent")));
	if (sqlite3_changes(db->h) == 0)
		return (consent_refused(db, c->id, err));
	return (db_audit(db, action, "consent", c->id, err));
}

int
consent_update(struct db *db, struct consent *c, struct nerr *err)
{
	if (consent_validate(db, c, err) != 0)
		return (-1);
	if (db_begin(db, err) != 0)
		return (-1);
	if (update_tx(db, c, "consent.edit", err) != 0 ||
	    db_commit(db, err) != 0) {
		db_rollback(db);
		return (-1);
	}
	c->version++;
	return (0);
}

int
consent_delete(struct db *db, long long id, struct nerr *err)
{
	int	n;

	if (db_begin(db, err) != 0)
		return (-1);
	n = db_delete_id(db, "DELETE FROM consent WHERE id = ?", id,
	    _("deleting the consent"), err);
	if (n == 0)
		nerr_set(err, _("Consent no. %lld is not in the database: "
		    "someone may have deleted it."), id);
	if (n <= 0 ||
	    db_audit(db, "consent.delete", "consent", id, err) != 0 ||
	    db_commit(db, err) != 0) {
		db_rollback(db);
		return (-1);
	}
	return (0);
}

static int
revoke_check(struct db *db, const struct consent *c, struct nerr *err)
{
	struct person	 p;
	char		*who;
	int		 rc;

	if (person_get(db, c->person_id, &p, err) != 0)
		return (-1);
	who = person_short_name(p.last, p.first, p.patronymic);
	rc = check_dates(who, &p, c, err);
	if (rc == 0)
		rc = check_len(who, c->revoke_note, _("Note"),
		    CONSENT_NOTE_MAX, err);
	free(who);
	person_free(&p);
	return (rc);
}

int
consent_revoke(struct db *db, long long id, const char *date,
    const char *note, struct nerr *err)
{
	struct consent	c;
	char		d[DATE_ISO_LEN];
	int		rc = -1;

	if (date == NULL)
		date = date_today();
	if (db_begin(db, err) != 0)
		return (-1);
	if (consent_get(db, id, &c, err) != 0)
		goto out;
	if (!str_empty(c.revoked)) {
		date_show(c.revoked, d);
		nerr_set(err, _("Consent no. %lld was already revoked on %s."),
		    id, d);
		goto out;
	}
	c.revoked = xstrdup(date);
	c.revoke_note = str_empty(note) ? NULL : xstrdup(note);
	/*
	 * Only the dates: a paper signed under another age setting can
	 * still be revoked.
	 */
	if (revoke_check(db, &c, err) == 0 &&
	    update_tx(db, &c, "consent.revoke", err) == 0 &&
	    db_commit(db, err) == 0)
		rc = 0;
out:
	if (rc != 0)
		db_rollback(db);
	consent_free(&c);
	return (rc);
}

/* ---- reading ---- */

#define CONSENT_SELECT "SELECT id, version, " CONSENT_COLS " FROM consent"

void
consent_fill(struct consent *c, sqlite3_stmt *st, int col)
{
	const unsigned char	*s;
	int			 k;

	consent_init(c);
	c->id = sqlite3_column_int64(st, col);
	c->version = sqlite3_column_int64(st, col + 1);
	c->person_id = sqlite3_column_int64(st, col + 2);
	s = sqlite3_column_text(st, col + 3);
	k = consent_kind_parse((const char *)s);
	c->kind = k < 0 ? CK_PD : k;
	c->by_representative = sqlite3_column_int(st, col + 4);
	c->representative_id = sqlite3_column_int64(st, col + 5);
	c->rep_name = consent_col(st, col + 6);
	c->rep_relation = consent_col(st, col + 7);
	c->signed_ = consent_col(st, col + 8);
	c->ref = consent_col(st, col + 9);
	c->valid_until = consent_col(st, col + 10);
	c->revoked = consent_col(st, col + 11);
	c->revoke_note = consent_col(st, col + 12);
}

char *
consent_col(sqlite3_stmt *st, int i)
{
	const unsigned char	*s = sqlite3_column_text(st, i);

	if (s == NULL || *s == '\0')
		return (NULL);
	return (xstrdup((const char *)s));
}

int
consent_get(struct db *db, long long id, struct consent *c, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	consent_init(c);
	if ((st = db_prepare(db, CONSENT_SELECT " WHERE id = ?", err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		consent_fill(c, st, 0);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return (0);
	if (rc == SQLITE_DONE)
		return (nerr_set(err, _("Consent no. %lld is not in the "
		    "database: someone may have deleted it."), id));
	return (db_fail(db, err, _("reading the consent")));
}

int
consent_list(struct db *db, long long person, struct consent **out, int *np,
    struct nerr *err)
{
	sqlite3_stmt	*st;
	struct consent	*v = NULL;
	int		 n = 0, rc;

	*out = NULL;
	*np = 0;
	if ((st = db_prepare(db, CONSENT_SELECT " WHERE person_id = ? "
	    "ORDER BY signed DESC, id DESC", err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, person);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xreallocarray(v, n + 1, sizeof *v);
		consent_fill(&v[n++], st, 0);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		consent_list_free(v, n);
		return (db_fail(db, err, _("reading the consents")));
	}
	*out = v;
	*np = n;
	return (0);
}

void
consent_list_free(struct consent *v, int n)
{
	int	i;

	for (i = 0; i < n; i++)
		consent_free(&v[i]);
	free(v);
}

int
consent_states(struct db *db, long long person, int *states,
    struct nerr *err)
{
	struct consent	*v;
	int		 n, i, k, s, seen[CK__COUNT];

	if (consent_list(db, person, &v, &n, err) != 0)
		return (-1);
	/* Newest first: a valid paper wins, else the newest one's state. */
	for (k = 0; k < CK__COUNT; k++) {
		states[k] = CS_MISSING;
		seen[k] = 0;
	}
	for (i = 0; i < n; i++) {
		k = v[i].kind;
		if (strcmp(v[i].signed_, date_today()) > 0)
			continue;	/* not signed yet as of "today" */
		s = consent_state_of(&v[i]);
		if (s == CS_VALID)
			states[k] = CS_VALID;
		else if (!seen[k] && states[k] != CS_VALID)
			states[k] = s;
		seen[k] = 1;
	}
	consent_list_free(v, n);
	return (0);
}

int
consent_current(struct db *db, long long person, int kind,
    struct consent *c, struct nerr *err)
{
	struct consent	*v;
	int		 n, i, found = 0;

	consent_init(c);
	if (consent_list(db, person, &v, &n, err) != 0)
		return (-1);
	for (i = 0; i < n && !found; i++) {
		if (v[i].kind == kind &&
		    strcmp(v[i].signed_, date_today()) <= 0 &&
		    consent_state_of(&v[i]) == CS_VALID) {
			*c = v[i];
			consent_init(&v[i]);
			found = 1;
		}
	}
	consent_list_free(v, n);
	return (found);
}

int
consent_walk(struct db *db, long long person, int kind, consent_walk_fn fn,
    void *arg, struct nerr *err)
{
	struct consent	 c;
	sqlite3_stmt	*st;
	int		 rc, stop = 0;

	if ((st = db_prepare(db, "SELECT c.id, c.version, c.person_id, "
	    "c.kind, c.by_representative, c.representative_id, c.rep_name, "
	    "c.rep_relation, c.signed, c.ref, c.valid_until, c.revoked, "
	    "c.revoke_note, p.last, p.first, p.patronymic "
	    "FROM consent c JOIN person p ON p.id = c.person_id "
	    "WHERE (?1 = 0 OR c.person_id = ?1) AND (?2 IS NULL OR "
	    "c.kind = ?2) ORDER BY p.sort_key, p.id, c.signed DESC, c.id DESC",
	    err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, person);
	if (kind >= 0 && kind < CK__COUNT)
		sqlite3_bind_text(st, 2, consent_kind_code(kind), -1,
		    SQLITE_STATIC);
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		consent_fill(&c, st, 0);
		stop = fn(&c, (const char *)sqlite3_column_text(st, 13),
		    (const char *)sqlite3_column_text(st, 14),
		    (const char *)sqlite3_column_text(st, 15), arg);
		consent_free(&c);
	}
	sqlite3_finalize(st);
	if (!stop && rc != SQLITE_DONE)
		return (db_fail(db, err, _("reading the consents")));
	return (0);
}

/* ---- many at once ---- */

/* Fill one batch consent: the signer from the recorded representatives. */
static int
batch_one(struct db *db, struct consent *c, long long id, int kind,
    const char *date, const char *ref, struct nerr *err)
{
	struct person		 p;
	struct representative	*reps;
	int			 nreps, age, rc;

	consent_init(c);
	c->person_id = id;
	c->kind = kind;
	c->signed_ = xstrdup(date);
	c->ref = str_empty(ref) ? NULL : xstrdup(ref);
	if (person_get(db, id, &p, err) != 0)
		return (-1);
	if (date_iso_valid(date) && consent_needs_rep(db, &p, date, &age)) {
		c->by_representative = 1;
		if (rep_list(db, id, &reps, &nreps, err) != 0) {
			person_free(&p);
			return (-1);
		}
		if (nreps > 0) {
			c->representative_id = reps[0].id;
			c->rep_name = xstrdup(reps[0].name);
			c->rep_relation = reps[0].relation != NULL ?
			    xstrdup(reps[0].relation) : NULL;
		}
		rep_list_free(reps, nreps);
	}
	rc = consent_check(db, c, &p, 1, err);
	person_free(&p);
	return (rc);
}

/* consent_add_batch inside the caller's transaction (the demo school). */
int
consent_add_batch_tx(struct db *db, const long long *ids, int n, int kind,
    const char *date, const char *ref, struct nerr *err)
{
	struct consent	*v;
	int		 i, got, rc = -1;

	if (n <= 0)
		return (0);
	if (kind < 0 || kind >= CK__COUNT)
		return (nerr_set(err, _("The kind of consent is unknown; use "
		    "pd, participation, mentor-duties or publication.")));
	if (date == NULL)
		date = date_today();
	v = xcalloc(n, sizeof *v);
	/* Check every one first: nothing is written if one is wrong. */
	for (got = 0; got < n; got++) {
		if (batch_one(db, &v[got], ids[got], kind, date, ref,
		    err) != 0) {
			got++;
			goto out;
		}
	}
	for (i = 0; i < n; i++) {
		if (consent_insert_tx(db, &v[i], err) != 0)
			goto out;
	}
	rc = 0;
out:
	consent_list_free(v, got);
	return (rc);
}

int
consent_add_batch(struct db *db, const long long *ids, int n, int kind,
    const char *date, const char *ref, struct nerr *err)
{
	if (n <= 0)
		return (0);
	if (db_begin(db, err) != 0)
		return (-1);
	if (consent_add_batch_tx(db, ids, n, kind, date, ref, err) != 0 ||
	    db_commit(db, err) != 0) {
		db_rollback(db);
		return (-1);
	}
	return (0);
}
