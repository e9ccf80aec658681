/* pair.h: mentoring pairs and groups: forms, members, the rules, the unpaired, matching. */
#ifndef NASTAVNIK_PAIR_H
#define NASTAVNIK_PAIR_H

#include "db.h"
#include "util.h"

/* Forms of mentoring; codes as in the CLI and the database. */
enum pair_form {
	PF_PUPIL_PUPIL,		/* pupil-pupil */
	PF_TEACHER_TEACHER,	/* teacher-teacher */
	PF_STUDENT_PUPIL,	/* student-pupil */
	PF_EMPLOYER_PUPIL,	/* employer-pupil */
	PF_TEACHER_PUPIL,	/* teacher-pupil */
	PF_HEAD_TEACHER,	/* head-teacher */
	PF_EMPLOYER_STUDENT,	/* employer-student */
	PF__COUNT
};
/* Kinds (вид); PK_NONE is "not said" (NULL in the database). */
enum pair_kind {
	PK_NONE,
	PK_TRADITIONAL,
	PK_GROUP,
	PK_SHORT,		/* short-term */
	PK_REVERSE,
	PK_SITUATIONAL,
	PK_SPEED,
	PK_REMOTE,
	PK__COUNT
};
/* Completed and cancelled are different outcomes; both stay in history. */
enum pair_status {
	PST_FORMING,
	PST_ACTIVE,
	PST_COMPLETED,
	PST_CANCELLED,
	PST__COUNT
};
enum pair_role { PR_MENTOR, PR_MENTEE };

const char *pair_form_code(int);
const char *pair_form_label(int);	/* «ученик – ученик» */
int	 pair_form_parse(const char *);	/* code or label; -1 */
const char *pair_kind_code(int);	/* NULL for PK_NONE */
const char *pair_kind_label(int);	/* "" for PK_NONE */
int	 pair_kind_parse(const char *);
const char *pair_status_code(int);
const char *pair_status_label(int);
int	 pair_status_parse(const char *);

/*
 * Which categories (enum person_category) may stand on each side of a form:
 * 1 if a person of category cat fits the role (PR_MENTOR/PR_MENTEE).
 */
int	 pair_form_fits(int form, int role, int cat);

struct pair_member {
	long long	 person_id;
	int		 role;		/* enum pair_role */
	/* filled by pair_get for showing, ignored when saving: */
	char		*name;		/* «Иванов И. И.» */
	char		*class_;
	int		 category;
};

/* Strings malloc'd, NULL when empty; dates ISO. */
struct pair {
	long long		 id;
	long long		 version;
	int			 form;
	int			 kind;
	int			 status;
	char			*role_model;	/* e.g. «опытный педагог – молодой специалист» */
	char			*goal;
	char			*date_from;
	char			*date_to;
	char			*order_no;	/* the order that fixed it */
	char			*order_date;
	char			*result;
	char			*case_ref;	/* link or note on the case */
	char			*note;
	struct pair_member	*members;
	int			 nmembers;
};
void	 pair_init(struct pair *);
void	 pair_free(struct pair *);
void	 pair_member_add(struct pair *, long long person, int role);

/*
 * Warnings the curator may override once told (pair_check's *need and the
 * overrides argument): a mentor's capacity exceeded; a pupil without a
 * valid processing consent.
 */
#define PAIR_OVER_CAPACITY	0x1
#define PAIR_OVER_CONSENT	0x2

/*
 * Check a pair before saving.  Hard errors (-1, err says what and who): no
 * mentor or no mentee, a person on both sides (nobody mentors themselves),
 * a member who does not exist or is anonymised, a member whose category
 * does not fit the form, dates unreal or "to" before "from".  Warnings not
 * in overrides (1, *need gets their flags, err the sentence naming the
 * person and the figures): capacity, consent.  0: fine.
 * Also a hard error: the same mentor and mentee in another live pair.
 * Warnings are for a live pair only, and on an edit only about members
 * new to it (or all, when it is being reopened): the curator was told
 * when they joined.  Capacity 0 means not said: no limit.
 */
int	 pair_check(struct db *, const struct pair *, int overrides, int *need,
	    struct nerr *);
/*
 * pair_check, then insert with its members in one transaction; sets id.
 * Returns 1 (nothing saved, err the warning) when a warning is not in
 * overrides.  Members join the bases: is_mentor / is_mentee are set and
 * the mentor or mentee row made (entered today) in the same transaction.
 */
int	 pair_add(struct db *, struct pair *, int overrides, struct nerr *);
/*
 * pair_check, then save over p->version (refused if changed), members
 * replaced; 1 as pair_add for a warning.
 */
int	 pair_update(struct db *, struct pair *, int overrides, struct nerr *);
/*
 * Only a pair entered by mistake can go: one with no meeting held and no
 * attendance; others are completed or cancelled instead (said so).
 */
int	 pair_delete(struct db *, long long, struct nerr *);
/* Change status (closing sets date_to to date, NULL: today) with a result. */
int	 pair_set_status(struct db *, long long, int status, const char *date,
	    const char *result, struct nerr *);
int	 pair_get(struct db *, long long, struct pair *, struct nerr *);

/* ---- lists ---- */

#define PAIR_LIVE	(-2)	/* status filter: forming or active */

struct pair_filter {
	int		 status;	/* -1 all, PAIR_LIVE, or a PST_ */
	int		 form;		/* -1 all */
	long long	 person;	/* 0, or only pairs with this member */
	const char	*search;	/* beginning of a member's name word */
};
void	 pair_filter_init(struct pair_filter *);

/* One line of the pairs list, in id order (keyset on id). */
struct pair_row {
	long long	 id;
	int		 form;
	int		 kind;
	int		 status;
	char		*mentors;	/* «Иванов И. И.; Петров П. П.» */
	char		*mentees;
	char		*date_from;
	char		*date_to;
	char		*order_no;
	int		 nmentees;
	int		 steps_done;	/* plan completion, 0/0 if no plan */
	int		 steps_total;
};
int	 pair_page(struct db *, const struct pair_filter *,
	    const struct pair_row *from, int backward, struct pair_row *rows,
	    int n, struct nerr *);
long long pair_count(struct db *, const struct pair_filter *, struct nerr *);
long long pair_rank(struct db *, const struct pair_filter *,
	    const struct pair_row *, struct nerr *);
int	 pair_row_find(struct db *, const struct pair_filter *, long long,
	    struct pair_row *, struct nerr *);
void	 pair_rows_free(struct pair_row *, int);
void	 pair_row_copy(struct pair_row *, const struct pair_row *);

/*
 * Mentees (is_mentee) with no forming or active pair: they need support
 * while a mentor is sought.  Waiting since the end of their last pair, else
 * the date they entered the base, else the day their record was made.
 * Name order (keyset on the sort key and id).
 */
struct unpaired_row {
	long long	 id;
	char		*name;		/* «Иванов Иван Иванович» */
	int		 category;
	char		*class_;
	char		*request;
	char		*since;		/* ISO */
	int		 days;		/* waited as of date_today() */
	char		*k1;		/* keyset */
};
int	 pair_unpaired_page(struct db *, const char *search,
	    const struct unpaired_row *from, int backward,
	    struct unpaired_row *rows, int n, struct nerr *);
long long pair_unpaired_count(struct db *, const char *search, struct nerr *);
void	 pair_unpaired_free(struct unpaired_row *, int);
void	 pair_unpaired_copy(struct unpaired_row *, const struct unpaired_row *);

/* How many mentees a mentor has now in forming or active pairs; -1. */
int	 pair_mentor_load(struct db *, long long mentor, struct nerr *);

/* ---- matching: suggestions, never decisions ---- */

struct match {
	long long	 mentor_id;
	char		*name;
	int		 category;
	char		*competencies;
	int		 score;		/* 0..100, higher first */
	int		 free;		/* places left; -1: capacity not said */
	int		 hours;		/* a month, 0 not said */
	char		*why;		/* «совпало: математика, олимпиады; возраст 13 в 12–15; свободно 2 из 3; 8 ч/мес» */
};
/*
 * Mentors for a mentee, best first, at most max: by words of the mentee's
 * request that meet the mentor's competencies and interests (Russian
 * endings do not break a match: «математика» ~ «математике»), the
 * preferred mentee age, free capacity and hours.  Only mentors whose
 * category fits some form with the mentee (or form, when form >= 0), not
 * finished, not the mentee.  Reads; never pairs.
 */
int	 match_mentors(struct db *, long long mentee, int form, int max,
	    struct match **, int *, struct nerr *);
void	 match_free(struct match *, int);
/* The matching stem of one word: folded (ё = е, lower case), ending cut. */
char	*match_stem(const char *word);

/* added for perf-pairs */
/* 1 for forming and active: the statuses that hold a mentor's place. */
int	 pair_status_live(int status);
/*
 * The checks of pair_check that need no database: dates real and in
 * order, texts not too long (pair_set_status checks a closing with them).
 */
int	 pair_check_fields(const struct pair *, struct nerr *);
/*
 * Keep a mentor's stems (mentor_word) with their competencies and
 * interests: call in the transaction that writes them (the mentor row
 * must exist).  Texts both NULL leave no words.
 */
int	 match_words_save(struct db *, long long person, const char *comp,
	    const char *interests, struct nerr *);

#endif
