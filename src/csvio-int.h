/* csvio-int.h: helpers shared by the csvio files, not for other modules. */
#ifndef NASTAVNIK_CSVIO_INT_H
#define NASTAVNIK_CSVIO_INT_H

#include <stddef.h>

/*
 * Length of a blank at the start (or the end) of s: space, TAB, CR, LF, a
 * no-break or figure space, a stray BOM.  0 if none.
 */
size_t	 csvio_blank_at(const unsigned char *, size_t);
size_t	 csvio_blank_before(const unsigned char *, size_t);
/* errno as a user should read it ("the disk is full"). */
const char *csvio_errstr(int);

#endif
