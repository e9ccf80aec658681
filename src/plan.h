/* plan.h: individual plans: one per pair or group, steps with dates, templates, completion. */
#ifndef NASTAVNIK_PLAN_H
#define NASTAVNIK_PLAN_H

#include "db.h"
#include "util.h"

/* The share of a plan's steps that must be done. */
#define PLAN_TARGET_PCT	90

/* Strings malloc'd, NULL when empty; dates ISO. */
struct plan_step {
	long long	 id;		/* 0: new, not saved yet */
	char		*title;
	char		*due;
	char		*done;		/* NULL: not done */
	char		*note;
};

struct plan {
	long long		 id;		/* 0: no plan yet */
	long long		 version;
	long long		 pair_id;
	char			*title;
	char			*approved;	/* date of approval */
	char			*approved_order;	/* order number */
	struct plan_step	*steps;		/* in order */
	int			 nsteps;
};
void	 plan_init(struct plan *);
void	 plan_free(struct plan *);
/* Append a step (strings copied). */
struct plan_step *plan_step_add(struct plan *, const char *title,
	    const char *due);

/* A pair's plan: 0 and *p filled, 1 if the pair has none, -1. */
int	 plan_get(struct db *, long long pair, struct plan *, struct nerr *);
/*
 * Make a pair's plan from the template for its form, shipped in
 * data/plan-templates.tsv (form, day offset, title): due dates count from
 * the pair's start (or today).  Refused if the pair has a plan.  Saved.
 */
int	 plan_from_template(struct db *, long long pair, struct plan *,
	    struct nerr *);
/*
 * Check (titles present, dates real, done not in the future) and save the
 * plan with all its steps, over p->version; new when p->id is 0.
 */
int	 plan_save(struct db *, struct plan *, struct nerr *);
int	 plan_delete(struct db *, long long plan_id, struct nerr *);
/* Mark one step done on date (NULL: today) or not done (clear). */
int	 plan_step_mark(struct db *, long long step, const char *date, int clear,
	    struct nerr *);

/* Done and overdue (due before date_today(), not done) steps of a plan. */
void	 plan_completion(const struct plan *, int *done, int *total,
	    int *overdue);

/* Every plan's completion, for the list and the figures. */
struct plan_stat {
	long long	 pair_id;
	long long	 plan_id;
	char		*who;		/* «Иванов И. И. → Петров П.» */
	int		 done;
	int		 total;
	int		 overdue;
};
/*
 * Plans of live (forming, active) and completed pairs, those furthest
 * behind first; with totals: *all_done and *all_total over every step, *met
 * the number of plans at or above PLAN_TARGET_PCT.
 */
int	 plan_stats(struct db *, struct plan_stat **, int *, int *all_done,
	    int *all_total, int *met, struct nerr *);
void	 plan_stats_free(struct plan_stat *, int);

/* added for reports */
/* plan_stats' totals only: *plans counted, no list, no names. */
int	 plan_totals(struct db *, int *plans, int *all_done, int *all_total,
	    int *met, struct nerr *);

#endif
