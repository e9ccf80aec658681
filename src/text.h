/* text.h: UTF-8, display width, Russian case folding and collation. */
#ifndef NASTAVNIK_TEXT_H
#define NASTAVNIK_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "util.h"

/*
 * Decode one code point from s (at most len bytes).  Returns the number of
 * bytes used (>= 1 when len > 0); an invalid sequence gives U+FFFD and 1.
 */
size_t	 utf8_decode(const char *, size_t, uint32_t *);
/* Encode cp into out (4 bytes at most); returns the length. */
size_t	 utf8_encode(uint32_t, char *);
/* Is the whole string valid UTF-8? */
int	 utf8_valid(const char *, size_t);
/* Number of code points. */
size_t	 utf8_len(const char *);

/* Lower/upper case for Latin, Cyrillic (with Ё/ё and Ukrainian/Belarusian letters). */
uint32_t text_lower(uint32_t);
uint32_t text_upper(uint32_t);

/*
 * Folding for search: lower case, ё -> е, й kept; other bytes as they are.
 * "ЁЛК", "ёлк" and "елк" all fold to "елк".  Appends to the buffer.
 */
void	 text_fold(struct sbuf *, const char *);
char	*text_fold_dup(const char *);

/*
 * A byte string that sorts in Russian order under memcmp: primary letters
 * folded (Ё as Е), then ties broken by ё after е, then by case.  Used for the
 * stored sort keys so that indexes work without a custom collation.
 */
void	 text_sort_key(struct sbuf *, const char *);

/* The Russian collation (registered with SQLite as "RU"). */
int	 text_collate(const char *, size_t, const char *, size_t);

/* Display width of one code point: 0, 1 or 2; control characters count as their escape. */
int	 text_cp_width(uint32_t);
/* Display width of a UTF-8 string as drawn (with control characters escaped). */
int	 text_width(const char *);

/*
 * Convert UTF-8 to wide characters for drawing, at most maxcols columns:
 * control characters (C0, DEL, C1) and invalid bytes become visible escapes
 * (^A, ^[, <9B>, <FF>, ...).  Writes at most outmax-1 wide characters and a NUL;
 * stores the width used in *cols.  Returns the number of bytes of s consumed.
 */
size_t	 text_to_wcs(const char *, wchar_t *, size_t, int, int *);

/* A copy with control characters escaped, for plain output (CLI, reports). */
char	*text_escape(const char *);

/*
 * Cut or pad to exactly width columns (cutting ends with "…" or "~" when
 * ascii is set).  Appends to the buffer.
 */
void	 text_fit(struct sbuf *, const char *, int, int ascii);

/* Wide character to UTF-8 appended to a buffer (for keyboard input). */
void	 text_add_wc(struct sbuf *, wchar_t);
/* Remove the last code point; returns 0 if the buffer was empty. */
int	 text_backspace(struct sbuf *);

#endif
