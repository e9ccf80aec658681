/* match-stem.h: the words matching compares (stems) and the mentors' stems kept in mentor_word; inside matching only. */
#ifndef NASTAVNIK_MATCH_STEM_H
#define NASTAVNIK_MATCH_STEM_H

#include "db.h"
#include "util.h"

/* A set of stems: "\0"-separated in one buffer, with the word they came from. */
struct stems {
	struct sbuf	 buf;		/* stem\0word\0stem\0word\0... */
	int		 n;
};

void	 stems_make(struct stems *, const char *text);
void	 stems_free(struct stems *);
/* The request's words found in the mentor's stems; names them in found. */
int	 words_found(const struct stems *req, const struct stems *men,
	    struct sbuf *found);
/*
 * The mentor stems each request stem matches, as ranges for mentor_word:
 * appends (k, lo, hi) triples to *lo / *hi (k the request stem's number);
 * returns how many.
 */
int	 stems_ranges(const struct stems *req, char ***lo, char ***hi,
	    int **k);
/*
 * 1 if mentor_word can be trusted, after stemming the mentors whose texts
 * another writer changed (marked '' by the triggers) when the connection
 * may write; 0 if not (read the texts instead); -1 on an error.
 */
int	 match_words_ready(struct db *, struct nerr *);

#endif
