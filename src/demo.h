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
 * requests and competencies.  Deterministic for a given seed.  One
 * transaction: all or nothing.
 */
int	 demo_fill(struct db *, const char *school, unsigned int seed, struct nerr *);

#endif
