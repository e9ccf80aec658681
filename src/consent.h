/* consent.h: consents to personal-data processing and the rest (152-ФЗ), coverage, anonymising. */
#ifndef NASTAVNIK_CONSENT_H
#define NASTAVNIK_CONSENT_H

#include "db.h"
#include "person.h"
#include "util.h"

enum consent_kind {
	CK_PD,			/* processing of personal data */
	CK_PARTICIPATION,	/* taking part in the programme */
	CK_MENTOR_DUTIES,	/* a teacher taking on mentoring as extra duties */
	CK_PUBLICATION,		/* photos and materials (optional) */
	CK__COUNT
};

/* Codes: pd participation mentor-duties publication. */
const char *consent_kind_code(int);
const char *consent_kind_label(int);	/* translated, full */
const char *consent_kind_short(int);	/* translated, a column title: «ПД» */
int	 consent_kind_parse(const char *);	/* code or label, any case; -1 */

/* Strings malloc'd, NULL when empty; dates ISO. */
struct consent {
	long long	 id;
	long long	 version;
	long long	 person_id;
	int		 kind;
	int		 by_representative;
	long long	 representative_id;	/* 0: not linked */
	char		*rep_name;
	char		*rep_relation;
	char		*signed_;	/* date signed */
	char		*ref;		/* the paper's number or where it is filed */
	char		*valid_until;
	char		*revoked;	/* date revoked, NULL if not */
	char		*revoke_note;
};
void	 consent_init(struct consent *);
void	 consent_free(struct consent *);

/* The school's age setting (setting "consent.age"): 18 unless set to 14. */
int	 consent_age(struct db *);

/*
 * Check a consent: kind, date signed real and not in the future, end date
 * after it; a pupil younger than consent_age() on the date signed must have
 * it signed by a legal representative (named, with the relation), else it
 * is refused with a message that says so and why.
 */
int	 consent_validate(struct db *, const struct consent *, struct nerr *);
int	 consent_add(struct db *, struct consent *, struct nerr *);
int	 consent_update(struct db *, struct consent *, struct nerr *);
int	 consent_delete(struct db *, long long, struct nerr *);
/* Revoke on a date (NULL: today) with a note. */
int	 consent_revoke(struct db *, long long, const char *date,
	    const char *note, struct nerr *);

/*
 * Received papers for many people at once (the class checklist): one
 * consent of the kind each, signed on date, in one transaction.  For a
 * minor the signer is their recorded legal representative (the first); if
 * none is recorded the consent is by an unnamed representative and is
 * listed as such in the owed report.  All or nothing.
 */
int	 consent_add_batch(struct db *, const long long *, int, int kind,
	    const char *date, const char *ref, struct nerr *);
/* The same inside the caller's transaction. */
int	 consent_add_batch_tx(struct db *, const long long *, int, int kind,
	    const char *date, const char *ref, struct nerr *);

int	 consent_get(struct db *, long long, struct consent *, struct nerr *);
/* A person's consents, newest first. */
int	 consent_list(struct db *, long long person, struct consent **, int *,
	    struct nerr *);
void	 consent_list_free(struct consent *, int);

/* A person's standing for one kind as of today. */
enum consent_state {
	CS_MISSING,
	CS_VALID,
	CS_REVOKED,
	CS_EXPIRED,
	CS__COUNT
};
const char *consent_state_label(int);
/* state of each kind (states[CK__COUNT]). */
int	 consent_states(struct db *, long long person, int *states,
	    struct nerr *);

/* Coverage: the share with a valid processing consent, by group. */
struct consent_cov {
	char	*group;		/* a category label or a class */
	int	 total;
	int	 covered;
};
/* by: 0 by category, 1 by class (pupils).  The last row is the total. */
int	 consent_coverage(struct db *, int by, struct consent_cov **, int *,
	    struct nerr *);
void	 consent_coverage_free(struct consent_cov *, int);

/*
 * Printable plain text (80 columns): the list of who owes a processing
 * consent, grouped by class; a consent form for one person or a whole
 * class (person 0 and class given), with the school's name and the
 * person's or representative's details filled in and lines to sign.
 */
int	 consent_owed_text(struct db *, struct sbuf *, struct nerr *);
int	 consent_form_text(struct db *, long long person, const char *class_,
	    int kind, struct sbuf *, struct nerr *);

/*
 * After a processing consent is revoked: clear the person's personal fields
 * (names become a token such as «Участник №123», birth, contacts, notes,
 * profiles' free text, representatives), keep category, class, pairs and
 * history so counts still add up.  Refused unless their processing consent
 * is revoked.  The audit log records that it was done, not the data.
 */
int	 consent_anonymise(struct db *, long long person, struct nerr *);

/* ---- added by consent ---- */

/*
 * Anonymised participants count as neither covered nor owing, in the
 * coverage, the owed list and the PCONS_* filters: their data is no longer
 * processed, and a paper from a token cannot be asked for.
 */

/* Codes for TSV: missing valid revoked expired. */
const char *consent_state_code(int);
/* The standing of one consent as of today: CS_VALID, CS_REVOKED, CS_EXPIRED. */
int	 consent_state_of(const struct consent *);

/*
 * The consent of a kind a person holds valid today (the newest): 1 with *c
 * filled, 0 if there is none, -1 on error.  For "revoke --person --kind".
 */
int	 consent_current(struct db *, long long person, int kind,
	    struct consent *, struct nerr *);

/*
 * Every consent (of one person unless 0, of one kind unless -1) with its
 * person's name, in the order of names, newest first; fn returning
 * non-zero stops the walk.  Streams: one row in memory at a time.
 */
typedef int (*consent_walk_fn)(const struct consent *, const char *last,
	    const char *first, const char *patronymic, void *);
int	 consent_walk(struct db *, long long person, int kind,
	    consent_walk_fn, void *, struct nerr *);

/* The coverage table as printable text (80 columns); by as above. */
int	 consent_coverage_text(struct db *, int by, struct sbuf *,
	    struct nerr *);
/* A share in whole per cent, rounded down so 99.6 % never shows as 100. */
int	 consent_pct(int covered, int total);

/*
 * SQL: is there a processing consent valid on the date bound to param
 * (signed by then, not revoked by then, not ended before it) for the
 * person whose id is the SQL expression who?  Shared with person-list.c.
 */
#define CONSENT_PD_VALID_SQL(who, param)				\
	"EXISTS (SELECT 1 FROM consent cv WHERE cv.person_id = " who	\
	" AND cv.kind = 'pd' AND cv.signed <= " param			\
	" AND (cv.revoked IS NULL OR cv.revoked > " param ")"		\
	" AND (cv.valid_until IS NULL OR cv.valid_until >= " param "))"

#endif
