/* demo.h: a believable small school, so a new user sees a living program at once. */
#ifndef NASTAVNIK_DEMO_H
#define NASTAVNIK_DEMO_H

#include "db.h"
#include "util.h"

/*
 * Fill an empty database with a demo school: about 120 pupils in classes 1-9
 * with Russian names and birth dates fitting their class, 15 teachers (some
 * young specialists), parents as legal representatives, a partner
 * organisation and its representatives, some mentors and mentees with
 * requests and competencies; then demo_pairs.  Deterministic for a given
 * seed and day.  All or nothing: if the second half fails, the first is
 * taken out again.
 */
int	 demo_fill(struct db *, const char *school, unsigned int seed, struct nerr *);

/*
 * The demo's teacher user: the class teacher of 7Б, the maths teacher
 * Иванова, who mentors a young colleague and a ninth-former.
 */
#define DEMO_TEACHER	"ivanova"

/*
 * Second half of demo_fill (demo-pairs.c), after its people are saved:
 * about a dozen pairs and a group in several forms (one completed, one
 * cancelled, some mentees left waiting), plans from the templates with
 * steps done and overdue, the standard meetings with attendance for those
 * past, school-wide events, and the teacher user.  Through the core's own
 * calls, each its own transaction.
 */
int	 demo_pairs(struct db *, unsigned int seed, struct nerr *);

/* added for monitor demo */
/*
 * Last part of demo_pairs (demo-monitor.c): the shipped questionnaires
 * and answers "before", "after" and of the first quarter's diagnostics
 * from the pairs' members, each through response_save.
 */
int	 demo_monitor(struct db *, unsigned int seed, struct nerr *);

#endif
