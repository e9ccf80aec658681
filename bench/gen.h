/* bench/gen.h: what the two halves of the benchmark generator share. */
#ifndef NASTAVNIK_BENCH_GEN_H
#define NASTAVNIK_BENCH_GEN_H

#include <stdint.h>

#include "db.h"
#include "util.h"

uint32_t gen_rand(void);
int	 gen_upto(int);

/* How much of the programme's life to make on top of the participants. */
struct gen_sizes {
	long	 pairs;		/* pairs and groups */
	long	 meetings;	/* pairs' meetings and school-wide events */
	long	 marks;		/* attendance marks */
	long	 users;		/* teacher users with classes */
	long	 responses;	/* questionnaires answered before and after */
	int	 sy;		/* the school year's first year */
	const char *today;	/* ISO */
	const char *curator;	/* a login added as curator, NULL: none */
};

/*
 * Pairs with members, plans with steps, meetings and events, attendance
 * and teacher users, written with plain prepared statements in a few
 * transactions: a generator, not the program, so no checks but the schema's.
 */
int	 gen_pairs(struct db *, const struct gen_sizes *, struct nerr *);

/*
 * Answers of the pairs' members to the shipped mentee and mentor
 * questionnaires: "before" at their pair's start, "after" at the end of
 * a completed pair or lately in a pair working six weeks or more; about
 * sz->responses of them (gen-pairs.c, after gen_pairs).
 */
int	 gen_answers(struct db *, const struct gen_sizes *, struct nerr *);

#endif
