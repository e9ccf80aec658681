/* person.h: participants, their mentee and mentor profiles, legal representatives. */
#ifndef NASTAVNIK_PERSON_H
#define NASTAVNIK_PERSON_H

#include "db.h"
#include "util.h"

enum person_category {
	CAT_PUPIL,
	CAT_TEACHER,
	CAT_YOUNG,		/* young specialist */
	CAT_PARENT,
	CAT_GRADUATE,
	CAT_PARTNER,		/* partner or employer representative */
	CAT_STUDENT,		/* student teacher */
	CAT__COUNT
};

enum mentor_status {
	MST_CANDIDATE,
	MST_APPROVED,		/* in the registry by order */
	MST_ACTIVE,
	MST_FINISHED,
	MST__COUNT
};

/* Codes used in the database, the CLI and TSV ("pupil", "young-specialist"). */
const char *person_category_code(int);
/* Translated label ("обучающийся"). */
const char *person_category_label(int);
/* Code, English or Russian label, any case; -1 if unknown. */
int	 person_category_parse(const char *);

const char *mentor_status_code(int);
const char *mentor_status_label(int);
int	 mentor_status_parse(const char *);

/* Strings are malloc'd, NULL when empty; dates are ISO. */
struct person {
	long long	 id;
	long long	 version;	/* bumped on every save: refuses overwriting another's change */
	char		*last;
	char		*first;
	char		*patronymic;
	int		 category;
	char		*birth;
	char		*class_;	/* "7Б", pupils only */
	char		*organisation;
	char		*position;
	char		*phone;
	char		*email;
	char		*note;
	int		 is_mentor;
	int		 is_mentee;
	int		 anonymised;

	/* mentee profile (база наставляемых) */
	char		*request;
	char		*entered;	/* date entered the base */
	char		*result;
	char		*case_ref;

	/* mentor profile (база наставников) */
	char		*competencies;
	char		*achievements;
	char		*interests;
	int		 age_min;	/* preferred mentee age, 0 = any */
	int		 age_max;
	int		 hours;		/* hours a month available */
	int		 capacity;	/* mentees they can take, 0 = not said */
	int		 mentor_status;
	char		*approved_order;
	char		*crim_date;	/* certificate of no criminal record */
	char		*crim_ref;
	char		*med_date;	/* medical certificate */
	char		*med_ref;
};

void	 person_init(struct person *);
void	 person_free(struct person *);

/*
 * Check a person before saving: required names, dates real and in range
 * (not in the future, not before 1900), class format for pupils ("7Б",
 * "11А"), e-mail and phone loosely.  The message names the field.
 */
int	 person_validate(const struct person *, struct nerr *);
/* Normalise a class as typed ("7 б", "7б") to "7Б"; NULL if it is not a class. */
char	*person_class_normalise(const char *);

int	 person_get(struct db *, long long, struct person *, struct nerr *);
/* Validate and insert in one transaction; sets id and version. */
int	 person_insert(struct db *, struct person *, struct nerr *);
/* Validate and save; refused if someone else saved it since it was read. */
int	 person_update(struct db *, struct person *, struct nerr *);
/*
 * Validate all, then insert all in ONE transaction: nothing is saved if any
 * is wrong (err names the index, 1-based, and the field).  For imports, the
 * demo school and benchmarks.  Sets each id and version.
 */
int	 person_import(struct db *, struct person *, int, struct nerr *);
/* Delete; refused (with the reason) while the person is in a pair. */
int	 person_delete(struct db *, long long, struct nerr *);
/*
 * Validate and insert inside a transaction the caller holds (db_begin):
 * for writers that save other tables in the same one, such as demo_fill.
 */
int	 person_insert_tx(struct db *, struct person *, struct nerr *);
/*
 * Many saves inside one transaction the caller holds (db_begin), with the
 * statements prepared once: for imports.  The caller validates each person
 * first.  Update saves over p->version (refused if someone changed it) and
 * bumps it.
 */
struct person_batch;
struct person_batch *person_batch_new(struct db *);
int	 person_batch_insert(struct person_batch *, struct person *,
	    struct nerr *);
int	 person_batch_update(struct person_batch *, struct person *,
	    struct nerr *);
void	 person_batch_free(struct person_batch *);
/* "Иванов И. И.": how messages name a person (malloc'd). */
char	*person_short_name(const char *last, const char *first,
	    const char *patronymic);

/* ---- lists ---- */

enum person_sort { PSORT_NAME, PSORT_CLASS, PSORT_BIRTH, PSORT__COUNT };
enum person_role { PROLE_ANY, PROLE_MENTOR, PROLE_MENTEE, PROLE__COUNT };

struct person_filter {
	const char	*search;	/* part of the name, any case, ё = е */
	int		 category;	/* -1: all */
	const char	*class_;	/* NULL: all */
	int		 role;		/* enum person_role */
	int		 sort;		/* enum person_sort */
	int		 consent;	/* enum person_consent_filter */
};

/* By processing consent (as of date_today()). */
enum person_consent_filter {
	PCONS_ANY,
	PCONS_OWED,		/* no valid processing consent */
	PCONS_COVERED		/* a valid processing consent */
};
void	 person_filter_init(struct person_filter *);

/* One line of the list; k1/k2/id are the keyset position of the row. */
struct person_row {
	long long	 id;
	char		*last;
	char		*first;
	char		*patronymic;
	char		*birth;
	char		*class_;
	char		*organisation;
	int		 category;
	int		 is_mentor;
	int		 is_mentee;
	char		*k1;
	char		*k2;
};

/*
 * A window of at most n rows in the filter's order, starting after (or, when
 * backward, before) the row 'from'; from == NULL starts at the first (or,
 * backward, the last) row.  Rows come in display order either way.  Returns
 * the number of rows, or -1.  Never reads more than the window.
 */
int	 person_page(struct db *, const struct person_filter *,
	    const struct person_row *from, int backward,
	    struct person_row *rows, int n, struct nerr *);
void	 person_rows_free(struct person_row *, int);
void	 person_row_copy(struct person_row *dst, const struct person_row *src);
/* The place of a row in the filter's order, 0 first; -1 on error. */
long long person_rank(struct db *, const struct person_filter *,
	    const struct person_row *, struct nerr *);
/* The list row of one participant if the filter shows them: 1, 0 if not, -1. */
int	 person_row_find(struct db *, const struct person_filter *, long long,
	    struct person_row *, struct nerr *);
/*
 * For tests: a search word beginning fewer than this many words of names is
 * looked up in person_word, a commoner one checked while walking the order.
 */
extern int person_search_sparse;
/* How many match the filter; -1 on error. */
long long person_count(struct db *, const struct person_filter *, struct nerr *);
/* Distinct classes in school order ("1А" < "2Б" < "10А"); caller frees. */
int	 person_classes(struct db *, char ***, int *, struct nerr *);
void	 person_classes_free(char **, int);

/* ---- legal representatives ---- */

struct representative {
	long long	 id;
	long long	 person_id;	/* the pupil */
	char		*name;		/* ФИО as one string */
	char		*relation;	/* мать, отец, опекун ... */
	char		*phone;
};
void	 rep_free(struct representative *);
int	 rep_list(struct db *, long long, struct representative **, int *, struct nerr *);
void	 rep_list_free(struct representative *, int);
int	 rep_add(struct db *, struct representative *, struct nerr *);
/* rep_add inside a transaction the caller holds. */
int	 rep_insert_tx(struct db *, struct representative *, struct nerr *);
int	 rep_delete(struct db *, long long, struct nerr *);
/*
 * rep_check: the checks rep_add makes,
 * the message naming the field.  rep_get: one representative (free with
 * rep_free).  rep_add_pupil: rep_add that first checks, in the same
 * transaction, that the participant exists and is a pupil.  rep_update:
 * check and save name, relation and phone of r->id.
 */
int	 rep_check(const struct representative *, struct nerr *);
int	 rep_get(struct db *, long long, struct representative *, struct nerr *);
int	 rep_add_pupil(struct db *, struct representative *, struct nerr *);
int	 rep_update(struct db *, const struct representative *, struct nerr *);

#endif
