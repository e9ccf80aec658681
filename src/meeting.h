/* meeting.h: meetings of pairs, school-wide events, attendance and its figures. */
#ifndef NASTAVNIK_MEETING_H
#define NASTAVNIK_MEETING_H

#include "db.h"
#include "person.h"
#include "util.h"

enum meeting_kind {
	MK_ACQUAINTANCE,	/* встреча-знакомство */
	MK_TRIAL,
	MK_PLANNING,
	MK_WORKING,
	MK_FINAL,
	/* school-wide events, with an audience and a target */
	MK_NETWORKING,
	MK_CLASS_HOUR,		/* for whole classes */
	MK_COUNCIL,		/* teachers' council */
	MK_PARENTS,
	MK_GAME,		/* the closing business game */
	MK_OTHER,
	MK__COUNT
};
const char *meeting_kind_code(int);	/* acquaintance ... class-hour ... */
const char *meeting_kind_label(int);
int	 meeting_kind_parse(const char *);
/* 1 for the school-wide kinds (networking .. other). */
int	 meeting_kind_is_event(int);

enum meeting_status { MS_PLANNED, MS_HELD, MS_CANCELLED, MS__COUNT };
const char *meeting_status_code(int);
const char *meeting_status_label(int);
int	 meeting_status_parse(const char *);

enum att_status { ATT_PRESENT, ATT_ABSENT, ATT_EXCUSED, ATT__COUNT };
#define ATT_NONE	(-1)	/* not marked */
const char *att_status_code(int);	/* present absent excused */
const char *att_status_label(int);
int	 att_status_parse(const char *);	/* also + - н у */

/* Strings malloc'd, NULL when empty; date ISO, time "HH:MM". */
struct meeting {
	long long	 id;
	long long	 version;
	long long	 pair_id;	/* 0 for a school-wide event */
	int		 kind;
	int		 status;
	char		*date;
	char		*time;
	char		*topic;
	char		*place;
	char		*note;
	/*
	 * Whom an event is for: classes and category codes separated by
	 * commas («7Б», «5А,5Б», «teacher», «parent», «pupil» for every
	 * pupil).  NULL for a pair's meeting: its members.
	 */
	char		*audience;
	int		 target_pct;	/* attendance target, %; 0 none (see add) */
};
void	 meeting_init(struct meeting *);
void	 meeting_free(struct meeting *);

/*
 * Check: pair meetings have a pair and a pair kind, events an audience
 * that names existing classes or categories; date real, time HH:MM,
 * target 0..100.  Default targets: 90 % for class hours and councils.
 */
int	 meeting_validate(struct db *, const struct meeting *, struct nerr *);
int	 meeting_add(struct db *, struct meeting *, struct nerr *);
int	 meeting_update(struct db *, struct meeting *, struct nerr *);
int	 meeting_delete(struct db *, long long, struct nerr *);
int	 meeting_get(struct db *, long long, struct meeting *, struct nerr *);
/*
 * Lay out a pair's standard sequence at once: getting to know each other
 * on the start date, a trial meeting a week later, planning a week after,
 * working meetings every `every` days (0: 14) up to the end date (or three
 * months), a final meeting on the end date.  Returns how many were made.
 */
int	 meeting_lay_out(struct db *, long long pair, int every, struct nerr *);

/* ---- lists ---- */

struct meeting_filter {
	long long	 pair_id;	/* 0: any */
	const char	*from;		/* ISO, inclusive; NULL: open */
	const char	*to;
	int		 kind;		/* -1 any */
	int		 events;	/* -1 any, 0 pairs' only, 1 events only */
	int		 mine;		/* only what db's teacher may see */
};
void	 meeting_filter_init(struct meeting_filter *);

/* One line: in date, time, id order (keyset on them). */
struct meeting_row {
	long long	 id;
	long long	 pair_id;
	int		 kind;
	int		 status;
	char		*date;
	char		*time;
	char		*topic;
	char		*who;		/* the pair's names, or the audience */
	int		 expected;	/* audience size */
	int		 marked;
	int		 present;
};
int	 meeting_page(struct db *, const struct meeting_filter *,
	    const struct meeting_row *from, int backward,
	    struct meeting_row *rows, int n, struct nerr *);
long long meeting_count(struct db *, const struct meeting_filter *,
	    struct nerr *);
long long meeting_rank(struct db *, const struct meeting_filter *,
	    const struct meeting_row *, struct nerr *);
int	 meeting_row_find(struct db *, const struct meeting_filter *,
	    long long, struct meeting_row *, struct nerr *);
void	 meeting_rows_free(struct meeting_row *, int);
void	 meeting_row_copy(struct meeting_row *, const struct meeting_row *);

/* ---- attendance ---- */

/*
 * The checklist: everyone expected (and anyone marked who no longer is),
 * in class and name order.  A teacher gets it only within user_may_mark().
 */
struct att_row {
	long long	 person_id;
	char		*name;
	char		*class_;
	int		 category;
	int		 status;	/* ATT_NONE: not marked */
};
int	 attend_list(struct db *, long long meeting, struct att_row **, int *,
	    struct nerr *);
void	 attend_list_free(struct att_row *, int);
/*
 * Mark one person (ATT_NONE clears).  The person must be expected at the
 * meeting; a teacher may mark only within user_may_mark().  A first mark
 * on a planned meeting makes it held.
 */
int	 attend_mark(struct db *, long long meeting, long long person,
	    int status, struct nerr *);
/* Everyone not yet marked gets status, in one transaction; 0 or -1. */
int	 attend_mark_rest(struct db *, long long meeting, int status,
	    struct nerr *);

/* Figures: counted against those expected at held meetings. */
enum att_by { ATTBY_PAIR, ATTBY_PERSON, ATTBY_CLASS, ATTBY_MONTH,
    ATTBY_EVENT, ATTBY__COUNT };
struct att_fig {
	char		*label;		/* a pair's names, a person, «7Б», «2026-09», an event */
	long long	 id;		/* pair, person or meeting id; 0 */
	int		 expected;
	int		 present;
	int		 absent;
	int		 excused;
	int		 target_pct;	/* events: their target; 0 */
};
/* month "YYYY-MM" or NULL, class_ or NULL narrow what is counted. */
int	 attend_figures(struct db *, int by, const char *month,
	    const char *class_, struct att_fig **, int *, struct nerr *);
void	 attend_figures_free(struct att_fig *, int);
/* Meetings due by today: how many were held (not cancelled, not left planned). */
int	 attend_held_share(struct db *, const char *month, int *held,
	    int *due, struct nerr *);

/* ---- added for meetings: more calls, helpers the meeting files share ---- */

/* planned, held or cancelled, in one short transaction. */
int	 meeting_set_status(struct db *, long long, int status, struct nerr *);
/* 90 for class hours and councils, else 0: meeting_add uses it for 0. */
int	 meeting_default_target(int kind);
/* Insert a checked meeting inside the caller's transaction. */
int	 meeting_insert_tx(struct db *, struct meeting *, struct nerr *);

/*
 * An event's audience, parsed: classes («7Б», normalised) and a bit set of
 * person categories (1 << CAT_...).  "teacher" also takes in young
 * specialists (a council is for every teacher); "pupil" takes in every
 * class, so classes are dropped beside it.
 */
#define MEETING_AUD_MAX	64
struct meeting_aud {
	char	*classes[MEETING_AUD_MAX];
	int	 nclasses;
	int	 cats;
};
int	 meeting_audience_parse(const char *, struct meeting_aud *,
	    struct nerr *);
void	 meeting_aud_free(struct meeting_aud *);	/* keeps cats */
/* Is a person of this category (and class) in the audience? */
int	 meeting_aud_has(const struct meeting_aud *, int cat,
	    const char *class_);
/*
 * An audience as people read it: "7Б, педагог" for "7Б,teacher"
 * (malloc'd; NULL for NULL).
 */
char	*meeting_audience_show(const char *);
/* The stored form: "7Б,7В,teacher" (malloc'd). */
char	*meeting_aud_text(const struct meeting_aud *);
/* person.class_key of a normalised class: "7Б" is "07Б" (malloc'd). */
char	*meeting_class_key(const char *class_);

/*
 * How many are expected at events: pupils counted once per class and
 * people once per category (non-anonymised), read with two grouped
 * counts; class_ (normalised) narrows it to that class's pupils.
 */
struct meeting_counts {
	char	**classes;	/* normalised, "7Б" */
	int	 *npupils;
	int	  nclasses;
	int	  bycat[CAT__COUNT];
	char	 *only_class;
};
int	 meeting_counts_load(struct db *, const char *class_,
	    struct meeting_counts *, struct nerr *);
void	 meeting_counts_free(struct meeting_counts *);
int	 meeting_counts_expected(const struct meeting_counts *,
	    const char *audience);
/* One event's audience size by small indexed counts (for a page); -1. */
int	 meeting_expected_db(struct db *, const char *audience, struct nerr *);
/* «meeting no. 5 (class hour of 12.09.2026 for 7Б)», for messages. */
char	*meeting_name(const struct meeting *);
/* A pair's names «Орлова А. С. → Иванова А. С.» (malloc'd); NULL, err. */
char	*meeting_pair_who(struct db *, long long pair, struct nerr *);
/* The pupils of one class in the counts; 0 for an unknown class. */
int	 meeting_counts_class(const struct meeting_counts *, const char *);

/*
 * SQL (a boolean on meeting m, with ?100 bound to db->user_person and
 * ?101 to db->user_id) for what a teacher may see: pair meetings where
 * they mentor, events for one of their classes.
 */
#define MEETING_MINE_SQL \
	"(EXISTS (SELECT 1 FROM pair_member pm WHERE pm.pair_id = m.pair_id " \
	"AND pm.person_id = ?100 AND pm.role = 'mentor') OR " \
	"(m.audience IS NOT NULL AND EXISTS (SELECT 1 FROM user_class uc " \
	"WHERE uc.user_id = ?101 AND instr(',' || m.audience || ',', " \
	"',' || uc.class || ',') > 0)))"
/* A pair's names, «Иванов И. И. → Петров П. П.», as SQL on pair id X. */
#define MEETING_WHO_SQL(x) \
	"(SELECT group_concat(nm, '; ') FROM (SELECT p.last || ' ' || " \
	"substr(p.first, 1, 1) || '.' || CASE WHEN p.patronymic <> '' THEN " \
	"' ' || substr(p.patronymic, 1, 1) || '.' ELSE '' END AS nm FROM " \
	"pair_member pm JOIN person p ON p.id = pm.person_id WHERE " \
	"pm.pair_id = " x " AND pm.role = 'mentor' ORDER BY p.sort_key)) " \
	"|| ' → ' || (SELECT group_concat(nm, '; ') FROM (SELECT p.last " \
	"|| ' ' || substr(p.first, 1, 1) || '.' || CASE WHEN p.patronymic " \
	"<> '' THEN ' ' || substr(p.patronymic, 1, 1) || '.' ELSE '' END " \
	"AS nm FROM pair_member pm JOIN person p ON p.id = pm.person_id " \
	"WHERE pm.pair_id = " x " AND pm.role = 'mentee' ORDER BY " \
	"p.sort_key))"

#endif
