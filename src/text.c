/* text.c: UTF-8, display width, Russian case folding and collation. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "text.h"
#include "util.h"

#define TEXT_BAD	0xfffdU	/* replaces an invalid sequence */

/*
 * Bytes of the sort key that are not text.  Everything real in the key is a
 * byte >= 0x06, so these sort before any letter, digit or punctuation.
 */
#define KEY_LEVEL	0x01	/* between primary, secondary, tertiary */
#define KEY_FIELD	0x02	/* 0x01 in the input: "last\001first" */
#define KEY_WORD	0x03	/* a run of white space or control characters */

size_t
utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char	*u = (const unsigned char *)s;
	uint32_t		 c, min;
	size_t			 n, i;

	if (len == 0) {
		*cp = 0;
		return (0);
	}
	c = u[0];
	if (c < 0x80) {
		*cp = c;
		return (1);
	}
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
		c &= 0x1f;
		min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		c &= 0x0f;
		min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		c &= 0x07;
		min = 0x10000;
	} else
		goto bad;	/* continuation, overlong C0/C1, F5-FF */
	if (len < n)
		goto bad;
	/* Stops at the first non-continuation byte, so a NUL ends it too. */
	for (i = 1; i < n; i++) {
		if ((u[i] & 0xc0) != 0x80)
			goto bad;
		c = (c << 6) | (u[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		goto bad;
	*cp = c;
	return (n);

bad:
	*cp = TEXT_BAD;
	return (1);
}

size_t
utf8_encode(uint32_t cp, char *out)
{
	unsigned char	*u = (unsigned char *)out;

	if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		cp = TEXT_BAD;
	if (cp < 0x80) {
		u[0] = (unsigned char)cp;
		return (1);
	}
	if (cp < 0x800) {
		u[0] = (unsigned char)(0xc0 | (cp >> 6));
		u[1] = (unsigned char)(0x80 | (cp & 0x3f));
		return (2);
	}
	if (cp < 0x10000) {
		u[0] = (unsigned char)(0xe0 | (cp >> 12));
		u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		u[2] = (unsigned char)(0x80 | (cp & 0x3f));
		return (3);
	}
	u[0] = (unsigned char)(0xf0 | (cp >> 18));
	u[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
	u[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
	u[3] = (unsigned char)(0x80 | (cp & 0x3f));
	return (4);
}

/* Did the decoder see a broken sequence rather than a real U+FFFD? */
static int
utf8_is_bad(uint32_t cp, size_t n)
{
	return (cp == TEXT_BAD && n == 1);
}

int
utf8_valid(const char *s, size_t len)
{
	uint32_t	cp;
	size_t		n;

	while (len > 0) {
		n = utf8_decode(s, len, &cp);
		if (utf8_is_bad(cp, n))
			return (0);
		s += n;
		len -= n;
	}
	return (1);
}

size_t
utf8_len(const char *s)
{
	uint32_t	cp;
	size_t		len, n, count = 0;

	if (s == NULL)
		return (0);
	len = strlen(s);
	while (len > 0) {
		n = utf8_decode(s, len, &cp);
		s += n;
		len -= n;
		count++;
	}
	return (count);
}

/*
 * Cyrillic blocks beyond the basic letters pair capital and small letters as
 * even and odd code points (Ѣ ѣ, Ґ ґ, Ә ә...); U+04C1-U+04CE pair odd and even.
 */
static int
text_cyr_pair(uint32_t c)
{
	return ((c >= 0x460 && c <= 0x481) || (c >= 0x48a && c <= 0x4bf) ||
	    (c >= 0x4d0 && c <= 0x52f));
}

uint32_t
text_lower(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return (c + 0x20);
	if (c < 0xc0)
		return (c);
	if (c <= 0xde && c != 0xd7)		/* Latin-1, not × */
		return (c + 0x20);
	if (c >= 0x410 && c <= 0x42f)		/* А-Я */
		return (c + 0x20);
	if (c >= 0x400 && c <= 0x40f)		/* Ѐ-Џ: Ё, Є, І, Ї, Ў... */
		return (c + 0x50);
	if (text_cyr_pair(c))
		return (c | 1);
	if (c == 0x4c0)				/* palochka */
		return (0x4cf);
	if (c >= 0x4c1 && c <= 0x4ce && (c & 1))
		return (c + 1);
	return (c);
}

uint32_t
text_upper(uint32_t c)
{
	if (c >= 'a' && c <= 'z')
		return (c - 0x20);
	if (c < 0xe0)
		return (c);
	if (c <= 0xfe && c != 0xf7)		/* Latin-1, not ÷; ÿ stays */
		return (c - 0x20);
	if (c >= 0x430 && c <= 0x44f)
		return (c - 0x20);
	if (c >= 0x450 && c <= 0x45f)
		return (c - 0x50);
	if (text_cyr_pair(c))
		return (c & ~1U);
	if (c == 0x4cf)
		return (0x4c0);
	if (c >= 0x4c2 && c <= 0x4ce && !(c & 1))
		return (c - 1);
	return (c);
}

/* Lower case with ё folded into е: the primary letter of search and sorting. */
static uint32_t
text_fold_cp(uint32_t c)
{
	c = text_lower(c);
	if (c == 0x451)		/* ё */
		c = 0x435;	/* е */
	return (c);
}

static void
sbuf_add_cp(struct sbuf *b, uint32_t cp)
{
	char	buf[4];

	sbuf_addn(b, buf, utf8_encode(cp, buf));
}

void
text_fold(struct sbuf *b, const char *s)
{
	uint32_t	cp;
	size_t		len, n;

	sbuf_add(b, "");	/* a NUL-terminated buffer even for "" */
	if (s == NULL)
		return;
	len = strlen(s);
	while (len > 0) {
		n = utf8_decode(s, len, &cp);
		if (utf8_is_bad(cp, n))
			sbuf_addn(b, s, 1);	/* keep bytes as they are */
		else
			sbuf_add_cp(b, text_fold_cp(cp));
		s += n;
		len -= n;
	}
}

char *
text_fold_dup(const char *s)
{
	struct sbuf	b;

	sbuf_init(&b);
	text_fold(&b, s);
	return (sbuf_take(&b));
}

/*
 * The sort key.  Three parts, joined by KEY_LEVEL (0x01):
 *
 *   primary    the folded text (lower case, Ё and ё as е) in a byte code
 *              whose order is the order of code points, and so of the
 *              Russian alphabet (а..е ж..я; Latin and digits before
 *              Cyrillic), with а..я in one byte each (see key_add_cp): a
 *              name in UTF-8 took twice the bytes, in the table and in all
 *              four of its indexes.  A 0x01 in the input (the boundary of
 *              the fields "last\001first\001patronymic") becomes KEY_FIELD
 *              (0x02), a run of white space or other control characters
 *              becomes one KEY_WORD (0x03); both are dropped at the start
 *              and end of a field.  Since they are lower than any text
 *              byte, a word sorts before its longer forms whatever follows:
 *              "Иван Петр" < "Иванов Алексей", and a whole surname sorts
 *              before a double one: "Римская Анна" < "Римская Корсакова".
 *   secondary  where the primary has ё/Ё, so "ежов" < "ёжов" but
 *              "Ёжиков" < "ежов".
 *   tertiary   where the primary has a capital, so "иванов" < "Иванов".
 *
 * The secondary and tertiary parts only decide between keys whose primary
 * parts are equal.  Each lists the positions (in primary characters) of the
 * marked ones in ascending order, each in two bytes that DEcrease as the
 * position grows (key_add_pos): of two equal primaries, the first to have a
 * mark where the other has none sorts after it, and a list that ends first
 * (followed by 0x01 or the end) sorts first.  That is the order of
 * comparing one weight per character, in a few bytes instead of one a
 * character.  The key holds no NUL, so it can be stored as TEXT and
 * compared with BINARY (memcmp); it is not UTF-8 and is never shown.
 * Strings that differ only in white space get the same key.
 */
struct text_key {
	struct sbuf	 p;
	struct sbuf	 s;
	struct sbuf	 t;
	unsigned	 pos;		/* characters in p so far */
};

/* Positions past this (a 62 500-character name) share the last code. */
#define KEY_POS_MAX	(250 * 250 - 1)

/*
 * A folded code point in the primary's code, in code point order: ASCII as
 * it is; U+0080-U+042F in two bytes 0x82-0x90, 0x80-0xBF; а-я (U+0430-
 * U+044F) in one byte 0xA0-0xBF; the rest as UTF-8, whose first byte is
 * 0xD1 or more.
 */
static void
key_add_cp(struct sbuf *b, uint32_t cp)
{
	char	buf[4];

	if (cp < 0x80)
		sbuf_addc(b, (int)cp);
	else if (cp < 0x430) {
		buf[0] = (char)(0x80 | (cp >> 6));
		buf[1] = (char)(0x80 | (cp & 0x3f));
		sbuf_addn(b, buf, 2);
	} else if (cp <= 0x44f)
		sbuf_addc(b, (int)(0xa0 + (cp - 0x430)));
	else
		sbuf_addn(b, buf, utf8_encode(cp, buf));
}

/* A marked position: two bytes 0x06-0xFF, higher for a smaller position. */
static void
key_add_pos(struct sbuf *b, unsigned pos)
{
	unsigned	v;

	v = KEY_POS_MAX - (pos < KEY_POS_MAX ? pos : KEY_POS_MAX);
	sbuf_addc(b, (int)(0x06 + v / 250));
	sbuf_addc(b, (int)(0x06 + v % 250));
}

static void
text_key_sep(struct text_key *k, int sep)
{
	sbuf_addc(&k->p, sep);
	k->pos++;
}

static void
text_key_build(struct text_key *k, const char *s, size_t len)
{
	uint32_t	cp, low;
	size_t		n;
	int		space = 0, field_start = 1;

	while (len > 0) {
		n = utf8_decode(s, len, &cp);
		s += n;
		len -= n;
		if (cp == 0x01) {
			text_key_sep(k, KEY_FIELD);
			space = 0;
			field_start = 1;
			continue;
		}
		if (cp <= 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f) ||
		    cp == 0xa0) {
			space = 1;
			continue;
		}
		if (space && !field_start)
			text_key_sep(k, KEY_WORD);
		space = field_start = 0;
		low = text_lower(cp);
		key_add_cp(&k->p, text_fold_cp(cp));
		if (low == 0x451)
			key_add_pos(&k->s, k->pos);
		if (low != cp)
			key_add_pos(&k->t, k->pos);
		k->pos++;
	}
}

static void
text_key_init(struct text_key *k)
{
	sbuf_init(&k->p);
	sbuf_init(&k->s);
	sbuf_init(&k->t);
	sbuf_add(&k->p, "");
	sbuf_add(&k->s, "");
	sbuf_add(&k->t, "");
	k->pos = 0;
}

static void
text_key_free(struct text_key *k)
{
	sbuf_free(&k->p);
	sbuf_free(&k->s);
	sbuf_free(&k->t);
}

void
text_sort_key(struct sbuf *b, const char *s)
{
	struct text_key	k;

	text_key_init(&k);
	if (s != NULL)
		text_key_build(&k, s, strlen(s));
	sbuf_addn(b, k.p.s, k.p.len);
	sbuf_addc(b, KEY_LEVEL);
	sbuf_addn(b, k.s.s, k.s.len);
	sbuf_addc(b, KEY_LEVEL);
	sbuf_addn(b, k.t.s, k.t.len);
	text_key_free(&k);
}

/* memcmp with the shorter string first when one is a prefix of the other. */
static int
text_cmp_part(const struct sbuf *a, const struct sbuf *b)
{
	size_t	n = a->len < b->len ? a->len : b->len;
	int	c;

	if ((c = memcmp(a->s, b->s, n)) != 0)
		return (c < 0 ? -1 : 1);
	if (a->len != b->len)
		return (a->len < b->len ? -1 : 1);
	return (0);
}

/*
 * The same order as comparing sort keys: all the part bytes are above
 * KEY_LEVEL, so the keys compare part by part.
 */
int
text_collate(const char *a, size_t alen, const char *b, size_t blen)
{
	struct text_key	ka, kb;
	int		c;

	text_key_init(&ka);
	text_key_init(&kb);
	text_key_build(&ka, a, alen);
	text_key_build(&kb, b, blen);
	if ((c = text_cmp_part(&ka.p, &kb.p)) == 0 &&
	    (c = text_cmp_part(&ka.s, &kb.s)) == 0)
		c = text_cmp_part(&ka.t, &kb.t);
	text_key_free(&ka);
	text_key_free(&kb);
	return (c);
}

/*
 * Display.  Control characters are never drawn as they are; they are shown
 * as escapes of plain ASCII, so they cannot move the cursor or talk to the
 * terminal:
 *   C0 and DEL (tab and newline too)   ^@ .. ^_, ^?      2 columns
 *   C1 (U+0080 - U+009F)               <80> .. <9F>      4 columns
 *   a byte that is not valid UTF-8     <FF>              4 columns
 *   bidirectional controls             <202E>            6 columns
 * The bidi controls (U+061C, U+200E-F, U+202A-E, U+2066-9) would let a name
 * reorder what is drawn after it on the line, so they are escaped too.
 */
static int
text_is_bidi(uint32_t c)
{
	return (c == 0x61c || c == 0x200e || c == 0x200f ||
	    (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069));
}

static int
text_is_combining(uint32_t c)
{
	return ((c >= 0x300 && c <= 0x36f) || (c >= 0x483 && c <= 0x489) ||
	    (c >= 0x1ab0 && c <= 0x1aff) || (c >= 0x1dc0 && c <= 0x1dff) ||
	    (c >= 0x20d0 && c <= 0x20ff) || (c >= 0xfe20 && c <= 0xfe2f));
}

static int
text_is_wide(uint32_t c)
{
	return ((c >= 0x1100 && c <= 0x115f) ||
	    (c >= 0x2e80 && c <= 0xa4cf && c != 0x303f) ||
	    (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) ||
	    (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
	    (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1f64f) ||
	    (c >= 0x1f900 && c <= 0x1f9ff) || (c >= 0x20000 && c <= 0x3fffd));
}

int
text_cp_width(uint32_t c)
{
	int	w;

	if (c < 0x20 || c == 0x7f)
		return (2);
	if (c >= 0x80 && c <= 0x9f)
		return (4);
	if (text_is_bidi(c))
		return (6);
	/* Latin and Cyrillic are 1 whatever the locale. */
	if (c < 0x7f || (c >= 0xa0 && c <= 0x24f) ||
	    (c >= 0x400 && c <= 0x482) || (c >= 0x48a && c <= 0x52f))
		return (1);
	if (text_is_combining(c))
		return (0);
	if (text_is_wide(c))
		return (2);
	/* Under KOI8-R wcwidth says -1 for what the charset lacks. */
	if ((w = wcwidth((wchar_t)c)) < 0)
		return (1);
	return (w > 2 ? 2 : w);
}

/*
 * The visible form of the next character: its escape in ASCII, or the
 * character itself (esc empty).  Returns the bytes of s used.
 */
static size_t
text_next(const char *s, size_t len, uint32_t *cp, char esc[8], int *width)
{
	static const char	 hex[] = "0123456789ABCDEF";
	size_t			 n;
	unsigned int		 v;

	n = utf8_decode(s, len, cp);
	esc[0] = '\0';
	if (utf8_is_bad(*cp, n) || (*cp >= 0x80 && *cp <= 0x9f)) {
		v = utf8_is_bad(*cp, n) ? (unsigned char)s[0] : *cp;
		esc[0] = '<';
		esc[1] = hex[v >> 4];
		esc[2] = hex[v & 0xf];
		esc[3] = '>';
		esc[4] = '\0';
		*width = 4;
	} else if (text_is_bidi(*cp)) {
		esc[0] = '<';
		for (v = 0; v < 4; v++)
			esc[1 + v] = hex[(*cp >> (12 - 4 * v)) & 0xf];
		esc[5] = '>';
		esc[6] = '\0';
		*width = 6;
	} else if (*cp < 0x20 || *cp == 0x7f) {
		esc[0] = '^';
		esc[1] = *cp == 0x7f ? '?' : (char)(*cp + 0x40);
		esc[2] = '\0';
		*width = 2;
	} else
		*width = text_cp_width(*cp);
	return (n);
}

int
text_width(const char *s)
{
	uint32_t	cp;
	size_t		len, n;
	char		esc[8];
	int		w, total = 0;

	if (s == NULL)
		return (0);
	len = strlen(s);
	while (len > 0) {
		n = text_next(s, len, &cp, esc, &w);
		total += w;
		s += n;
		len -= n;
	}
	return (total);
}

size_t
text_to_wcs(const char *s, wchar_t *out, size_t outmax, int maxcols, int *cols)
{
	uint32_t	 cp;
	size_t		 len, n, o = 0, used = 0, elen, i;
	char		 esc[8];
	int		 w, total = 0;

	if (cols != NULL)
		*cols = 0;
	if (outmax == 0)
		return (0);
	out[0] = L'\0';
	if (s == NULL)
		return (0);
	len = strlen(s);
	while (used < len) {
		n = text_next(s + used, len - used, &cp, esc, &w);
		elen = esc[0] != '\0' ? strlen(esc) : 1;
		if (total + w > maxcols || o + elen > outmax - 1)
			break;
		if (esc[0] != '\0') {
			for (i = 0; i < elen; i++)
				out[o++] = (wchar_t)esc[i];
		} else
			out[o++] = (wchar_t)cp;
		total += w;
		used += n;
	}
	out[o] = L'\0';
	if (cols != NULL)
		*cols = total;
	return (used);
}

/*
 * Append s visibly escaped, at most maxcols columns (no limit when
 * negative); returns the width.
 */
static int
text_add_escaped(struct sbuf *b, const char *s, int maxcols)
{
	uint32_t	cp;
	size_t		len, n;
	char		esc[8];
	int		w, total = 0;

	len = strlen(s);
	while (len > 0) {
		n = text_next(s, len, &cp, esc, &w);
		if (maxcols >= 0 && total + w > maxcols)
			break;
		if (esc[0] != '\0')
			sbuf_add(b, esc);
		else
			sbuf_addn(b, s, n);
		total += w;
		s += n;
		len -= n;
	}
	return (total);
}

/*
 * Tab and newline are escaped too (^I, ^J): reports and the CLI lay out
 * their own columns and lines, so a field must stay on one line.
 */
char *
text_escape(const char *s)
{
	struct sbuf	b;

	sbuf_init(&b);
	sbuf_add(&b, "");
	if (s != NULL)
		text_add_escaped(&b, s, -1);
	return (sbuf_take(&b));
}

void
text_fit(struct sbuf *b, const char *s, int width, int ascii)
{
	int	w;

	sbuf_add(b, "");
	if (width <= 0)
		return;
	if (s == NULL)
		s = "";
	if (text_width(s) <= width)
		w = text_add_escaped(b, s, width);
	else {
		/* One column short for the mark; pad a wide char's gap. */
		w = text_add_escaped(b, s, width - 1);
		sbuf_add(b, ascii ? "~" : "\xe2\x80\xa6");
		w++;
	}
	for (; w < width; w++)
		sbuf_addc(b, ' ');
}

void
text_add_wc(struct sbuf *b, wchar_t wc)
{
	if (wc == 0)
		return;		/* a NUL would end the string */
	if (wc < 0)
		wc = (wchar_t)TEXT_BAD;
	sbuf_add_cp(b, (uint32_t)wc);
}

int
text_backspace(struct sbuf *b)
{
	uint32_t	cp;
	size_t		start, n;

	if (b->s == NULL || b->len == 0)
		return (0);
	/* Back over at most three continuation bytes to a lead byte. */
	start = b->len - 1;
	while (start > 0 && b->len - start < 4 &&
	    ((unsigned char)b->s[start] & 0xc0) == 0x80)
		start--;
	n = utf8_decode(b->s + start, b->len - start, &cp);
	if (start + n != b->len)
		start = b->len - 1;	/* broken: drop one byte */
	b->len = start;
	b->s[b->len] = '\0';
	return (1);
}
