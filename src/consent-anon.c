/* consent-anon.c: anonymising a participant after their processing consent is revoked. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "consent.h"
#include "consent-int.h"
#include "db.h"
#include "person.h"
#include "text.h"
#include "util.h"

/* Why a participant cannot be anonymised yet; 0 if they can. */
static int
anon_allowed(struct db *db, const struct person *p, struct nerr *err)
{
	int	 states[CK__COUNT];
	char	*who;
	int	 rc = 0;

	if (consent_states(db, p->id, states, err) != 0)
		return (-1);
	who = person_short_name(p->last, p->first, p->patronymic);
	if (p->anonymised)
		rc = nerr_set(err, _("%s has already been anonymised."), who);
	else if (states[CK_PD] == CS_VALID)
		rc = nerr_set(err, _("%s still has a valid consent to "
		    "personal-data processing; revoke it first, then "
		    "anonymise."), who);
	else if (states[CK_PD] != CS_REVOKED)
		rc = nerr_set(err, _("%s has no revoked consent to "
		    "personal-data processing; a participant is anonymised "
		    "after revoking it, so record the revocation first."),
		    who);
	free(who);
	return (rc);
}

static int
anon_exec(struct db *db, const char *sql, long long id, const char *text,
    struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc, i = 1;

	if ((st = db_prepare(db, sql, err)) == NULL)
		return (-1);
	if (text != NULL)
		sqlite3_bind_text(st, i++, text, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, i, id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return (db_fail(db, err, _("anonymising the participant")));
	return (0);
}

/*
 * The person row: a token for the name, personal fields cleared.  Saved
 * through person-db.c so the sort and search keys (and the search's word
 * index) are made from the token and nothing of the old name is left.
 */
static int
anon_person(struct db *db, struct person *p, const char *token,
    struct nerr *err)
{
	struct person_batch	*pb;
	char			**clear[] = {
		&p->last, &p->first, &p->patronymic, &p->birth,
		&p->organisation, &p->position, &p->phone, &p->email,
		&p->note, &p->request, &p->result, &p->case_ref,
		&p->competencies, &p->achievements, &p->interests,
		&p->crim_date, &p->crim_ref, &p->med_date, &p->med_ref,
	};
	size_t			 i;
	int			 rc;

	for (i = 0; i < nitems(clear); i++)
		xfree_ptr(clear[i]);
	p->last = xstrdup(token);
	pb = person_batch_new(db);
	rc = person_batch_update(pb, p, err);
	person_batch_free(pb);
	if (rc != 0)
		return (-1);
	return (anon_exec(db, "UPDATE person SET anonymised = 1 WHERE id = ?",
	    p->id, NULL, err));
}

static int
anon_tx(struct db *db, long long id, struct nerr *err)
{
	struct person	 p;
	char		*token;
	int		 rc = -1;

	if (person_get(db, id, &p, err) != 0)
		return (-1);
	if (anon_allowed(db, &p, err) != 0) {
		person_free(&p);
		return (-1);
	}
	xasprintf(&token, _("Participant no. %lld"), id);
	/*
	 * Category, class, pairs, attendance and dates stay, so counts and
	 * history add up; every free text about the person goes.
	 */
	if (anon_person(db, &p, token, err) == 0 &&
	    anon_exec(db, "UPDATE mentee SET request = NULL, result = NULL, "
	    "case_ref = NULL WHERE person_id = ?", id, NULL, err) == 0 &&
	    anon_exec(db, "UPDATE mentor SET competencies = NULL, "
	    "achievements = NULL, interests = NULL, crim_date = NULL, "
	    "crim_ref = NULL, med_date = NULL, med_ref = NULL "
	    "WHERE person_id = ?", id, NULL, err) == 0 &&
	    anon_exec(db, "UPDATE consent SET rep_name = NULL, "
	    "rep_relation = NULL, representative_id = NULL, ref = NULL, "
	    "revoke_note = NULL, version = version + 1 WHERE person_id = ?",
	    id, NULL, err) == 0 &&
	    anon_exec(db, "DELETE FROM representative WHERE person_id = ?",
	    id, NULL, err) == 0 &&
	    anon_exec(db, "UPDATE roadmap_item SET responsible = ? "
	    "WHERE responsible_id = ?", id, token, err) == 0 &&
	    anon_exec(db, "UPDATE answer SET value = NULL WHERE response_id "
	    "IN (SELECT id FROM response WHERE person_id = ?) AND "
	    "question_id IN (SELECT id FROM question WHERE type = 'text')",
	    id, NULL, err) == 0 &&
	    db_audit(db, "person.anonymise", "person", id, err) == 0)
		rc = 0;
	free(token);
	person_free(&p);
	return (rc);
}

int
consent_anonymise(struct db *db, long long person, struct nerr *err)
{
	if (db_begin(db, err) != 0)
		return (-1);
	if (anon_tx(db, person, err) != 0 || db_commit(db, err) != 0) {
		db_rollback(db);
		return (-1);
	}
	return (0);
}
