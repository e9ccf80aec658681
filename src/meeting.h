/* meeting.h: meetings of pairs, school-wide events, attendance and its figures. */
#ifndef NASTAVNIK_MEETING_H
#define NASTAVNIK_MEETING_H

#include "db.h"
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
	int		 target_pct;	/* attendance target, %; 0 none */
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

/* The checklist: everyone expected, in class and name order. */
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
/* Everyone not yet marked gets status, in one transaction. */
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

#endif
