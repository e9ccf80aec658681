/* t-text.c: unit tests of UTF-8 decoding, folding, Russian order and widths. */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "tap.h"
#include "text.h"
#include "util.h"

static void
test_decode(void)
{
	static const struct {
		const char	*in;
		size_t		 len;
		uint32_t	 cp;
		size_t		 used;
		const char	*what;
	} t[] = {
		{ "A", 1, 'A', 1, "ASCII" },
		{ "\xd0\x81", 2, 0x401, 2, "Ё" },
		{ "\xe2\x80\xa6", 3, 0x2026, 3, "ellipsis" },
		{ "\xf0\x9f\x98\x80", 4, 0x1f600, 4, "emoji" },
		{ "\xef\xbf\xbd", 3, 0xfffd, 3, "a real U+FFFD" },
		{ "\xff", 1, 0xfffd, 1, "0xFF" },
		{ "\x80", 1, 0xfffd, 1, "lone continuation byte" },
		{ "\xc0\xaf", 2, 0xfffd, 1, "overlong '/' (C0)" },
		{ "\xe0\x80\xaf", 3, 0xfffd, 1, "overlong '/' (E0)" },
		{ "\xf0\x80\x80\xaf", 4, 0xfffd, 1, "overlong '/' (F0)" },
		{ "\xed\xa0\x80", 3, 0xfffd, 1, "surrogate D800" },
		{ "\xf4\x90\x80\x80", 4, 0xfffd, 1, "above U+10FFFF" },
		{ "\xd0", 1, 0xfffd, 1, "truncated at the end" },
		{ "\xd0\x41", 2, 0xfffd, 1, "truncated by ASCII" },
		{ "\xe2\x80", 3, 0xfffd, 1, "truncated by NUL" },
		{ "\xd0\x81", 1, 0xfffd, 1, "length cuts the sequence" },
	};
	uint32_t	cp;
	size_t		i, n;

	for (i = 0; i < nitems(t); i++) {
		n = utf8_decode(t[i].in, t[i].len, &cp);
		ok(n == t[i].used && cp == t[i].cp,
		    "decode %s: U+%04X, %zu bytes", t[i].what,
		    (unsigned)cp, n);
	}
	is_int(utf8_decode("", 0, &cp), 0, "decode of nothing uses nothing");
	ok(utf8_valid("Ёлкин", strlen("Ёлкин")), "Ёлкин is valid");
	ok(!utf8_valid("ab\xffz", 4), "0xFF is not valid");
	ok(!utf8_valid("\xd0", 1), "a cut sequence is not valid");
	is_int(utf8_len("Ёлкин"), 5, "Ёлкин has 5 code points");
	is_int(utf8_len("a\xff\xd0"), 3, "invalid bytes count one each");
	is_int(utf8_len(""), 0, "empty has 0");
}

static void
test_encode(void)
{
	char		buf[8];
	uint32_t	cp, cps[] = { 0x41, 0x451, 0x2026, 0x1f600, 0x10ffff };
	size_t		i, n;
	int		good = 1;

	for (i = 0; i < nitems(cps); i++) {
		n = utf8_encode(cps[i], buf);
		if (utf8_decode(buf, n, &cp) != n || cp != cps[i])
			good = 0;
	}
	ok(good, "encode and decode round-trip");
	n = utf8_encode(0xd800, buf);
	ok(n == 3 && memcmp(buf, "\xef\xbf\xbd", 3) == 0,
	    "a surrogate encodes as U+FFFD");
}

static void
test_case(void)
{
	is_int(text_lower(0x401), 0x451, "lower Ё is ё");
	is_int(text_upper(0x451), 0x401, "upper ё is Ё");
	is_int(text_lower(0x42f), 0x44f, "lower Я is я");
	is_int(text_lower(0x410), 0x430, "lower А is а");
	is_int(text_upper(0x439), 0x419, "upper й is Й");
	is_int(text_lower(0x406), 0x456, "lower І is і (Ukrainian)");
	is_int(text_lower(0x40e), 0x45e, "lower Ў is ў (Belarusian)");
	is_int(text_lower(0x490), 0x491, "lower Ґ is ґ");
	is_int(text_upper(0x491), 0x490, "upper ґ is Ґ");
	is_int(text_lower('Q'), 'q', "lower Q");
	is_int(text_lower(0xc9), 0xe9, "lower É is é");
	is_int(text_lower(0xd7), 0xd7, "× has no case");
	is_int(text_upper(0xf7), 0xf7, "÷ has no case");
	is_int(text_lower('1'), '1', "digits have no case");
}

static void
test_fold(void)
{
	char	*s;

	s = text_fold_dup("ЁЛК");
	is_str(s, "елк", "fold ЁЛК");
	free(s);
	s = text_fold_dup("ёлк");
	is_str(s, "елк", "fold ёлк");
	free(s);
	s = text_fold_dup("елк");
	is_str(s, "елк", "fold елк");
	free(s);
	s = text_fold_dup("Йошкар-Ола ЙОД");
	is_str(s, "йошкар-ола йод", "fold keeps й");
	free(s);
	s = text_fold_dup("Smith O'NEIL Жуков");
	is_str(s, "smith o'neil жуков", "fold Latin and Cyrillic");
	free(s);
	s = text_fold_dup("a\xffЁ");
	is_str(s, "a\xff" "е", "fold keeps invalid bytes as they are");
	free(s);
	s = text_fold_dup("");
	is_str(s, "", "fold of empty");
	free(s);
	s = text_fold_dup("Ёлкин Пётр");
	ok(strstr(s, "елк") != NULL && strstr(s, "петр") != NULL,
	    "search for елк and петр finds Ёлкин Пётр");
	free(s);
}

static char *
key(const char *s)
{
	struct sbuf	b;

	sbuf_init(&b);
	text_sort_key(&b, s);
	return (sbuf_take(&b));
}

/* Compare sort keys as SQLite's BINARY would: memcmp, then length. */
static int
keycmp(const char *a, const char *b)
{
	char	*ka = key(a), *kb = key(b);
	size_t	 la = strlen(ka), lb = strlen(kb);
	int	 c;

	c = memcmp(ka, kb, la < lb ? la : lb);
	if (c == 0)
		c = la < lb ? -1 : la > lb;
	free(ka);
	free(kb);
	return (c < 0 ? -1 : c > 0);
}

static int
coll(const char *a, const char *b)
{
	int	c = text_collate(a, strlen(a), b, strlen(b));

	return (c < 0 ? -1 : c > 0);
}

static void
test_sort_pairs(void)
{
	static const struct {
		const char	*a, *b;
	} lt[] = {
		{ "Елисеев", "Ёлкин" },
		{ "Ёлкин", "Жуков" },
		{ "Елисеев", "Жуков" },
		{ "Иван", "Иванов" },
		{ "Ёжиков", "ежов" },
		{ "ежов", "Ежов" },
		{ "Ежов", "ёжов" },
		{ "ёжов", "Ёжов" },
		{ "Иван Петр", "Иванов Алексей" },
		{ "Иван\001Петр", "Иванов\001Алексей" },
		{ "Римская\001Анна", "Римская Корсакова\001Анна" },
		{ "Иванов\001Иван", "Иванов\001Иван\001Петрович" },
		{ "Иванов\001Иван\001", "Иванов\001Иван\001Петрович" },
		{ "Яковлев", "Ясенев" },
		{ "Ерёмин", "Ершов" },
		{ "Шестаков", "Щукин" },
		{ "Подъячев", "Подьячев" },
		{ "Smith", "Андреев" },
		{ "", "А" },
	};
	char	*k;
	size_t	 i;

	for (i = 0; i < nitems(lt); i++) {
		is_int(keycmp(lt[i].a, lt[i].b), -1, "key: %s < %s",
		    lt[i].a, lt[i].b);
		is_int(coll(lt[i].a, lt[i].b), -1, "collate: %s < %s",
		    lt[i].a, lt[i].b);
		is_int(coll(lt[i].b, lt[i].a), 1, "collate: %s > %s",
		    lt[i].b, lt[i].a);
	}
	is_int(keycmp("Иванов", "Иванов"), 0, "equal names, equal keys");
	is_int(coll("Иванов  Иван", "Иванов Иван"), 0,
	    "runs of spaces do not matter");
	is_int(coll(" Иванов", "Иванов "), 0,
	    "leading and trailing spaces do not");
	k = key("Жуков\001Ёж\tЛ\x1b[31m\xff");
	ok(strchr(k, '\0') == k + strlen(k) && strlen(k) > 0,
	    "a key has no NUL inside");
	free(k);
	is_int(coll("ab", "a"), 1, "collate with lengths: ab > a");
	ok(text_collate("Иванов", 12, "Ивановa", 12) == 0,
	    "collate honours the lengths it is given");
}

static int
qcmp(const void *a, const void *b)
{
	return (keycmp(*(const char *const *)a, *(const char *const *)b));
}

static void
test_sort_list(void)
{
	static const char *const want[] = {
		"Абрамов", "Алёшин", "Алешина", "Ежов", "ежова", "Ёжова",
		"Елисеев", "Ёлкин", "ЁЛКИН", "Жуков", "Зуев", "Иван",
		"Иванов", "Йодкин", "Щукин", "Эдуардов", "Юрьев", "Яковлева",
	};
	const char	*got[nitems(want)];
	size_t		 i, j, n = nitems(want);
	int		 same = 1, agree = 1;

	/* Shuffle deterministically, sort, compare. */
	for (i = 0; i < n; i++)
		got[i] = want[(i * 7 + 3) % n];
	qsort(got, n, sizeof got[0], qcmp);
	for (i = 0; i < n; i++) {
		if (strcmp(got[i], want[i]) != 0) {
			diag("at %zu: got %s, want %s", i, got[i], want[i]);
			same = 0;
		}
	}
	ok(same, "18 surnames sort in Russian order with Ё and case");
	for (i = 0; i < n; i++) {
		for (j = 0; j < n; j++) {
			if (coll(want[i], want[j]) != keycmp(want[i], want[j]))
				agree = 0;
		}
	}
	ok(agree, "collate agrees with the sort keys on all %zu pairs", n * n);
}

static void
test_width(void)
{
	is_int(text_cp_width('a'), 1, "width of a");
	is_int(text_cp_width(0x416), 1, "width of Ж");
	is_int(text_cp_width(0x4e2d), 2, "width of 中");
	is_int(text_cp_width(0x301), 0, "width of a combining acute");
	is_int(text_cp_width(0x1b), 2, "width of ESC (^[)");
	is_int(text_cp_width(0x7f), 2, "width of DEL (^?)");
	is_int(text_cp_width(0x9b), 4, "width of C1 CSI (<9B>)");
	is_int(text_width("Ёлкин"), 5, "width of Ёлкин");
	is_int(text_width("中文"), 4, "width of 中文");
	is_int(text_width("е\xcc\x81"), 1, "е with a combining acute");
	is_int(text_width("\x1b[31m"), 6, "width of ESC [ 3 1 m");
	is_int(text_width("a\xff"), 5, "an invalid byte is 4 wide");
	is_int(text_width(""), 0, "width of empty");
}

static void
test_escape(void)
{
	char	*s;

	s = text_escape("\x1b[31mЖуков\x07");
	is_str(s, "^[[31mЖуков^G", "escape ESC and BEL");
	free(s);
	s = text_escape("a\xc2\x9b" "b\xff" "c\x7f");
	is_str(s, "a<9B>b<FF>c^?", "escape C1, an invalid byte and DEL");
	free(s);
	s = text_escape("a\tb\nc\r");
	is_str(s, "a^Ib^Jc^M", "tab, newline and CR are escaped too");
	free(s);
	s = text_escape("Ли\xe2\x80\xaeвон");
	is_str(s, "Ли<202E>вон", "a right-to-left override is escaped");
	is_int(text_width("Ли\xe2\x80\xaeвон"), 11, "and takes the escape's width");
	free(s);
	s = text_escape("中е\xcc\x81");
	is_str(s, "中е\xcc\x81", "wide and combining are kept");
	free(s);
	s = text_escape("\xd0");
	is_str(s, "<D0>", "a cut sequence is escaped");
	free(s);
	s = text_escape("\x1b[31m\x07\xc2\x9b\xff中е\xcc\x81");
	is_int(text_width(s), text_width("\x1b[31m\x07\xc2\x9b\xff中е\xcc\x81"),
	    "the escaped text is as wide as the width says");
	ok(utf8_valid(s, strlen(s)), "the escaped text is valid UTF-8");
	free(s);
}

static void
test_wcs(void)
{
	const char	*s = "Ж\x1b[\xc2\x9b\xff中е\xcc\x81";
	wchar_t		 out[64];
	size_t		 used;
	int		 cols, w, max, good = 1;

	used = text_to_wcs(s, out, nitems(out), 100, &cols);
	is_int(used, strlen(s), "to_wcs consumes everything when it fits");
	is_int(cols, text_width(s), "to_wcs width agrees with text_width");
	ok(wcscmp(out, L"\x416^[[<9B><FF>\x4e2d\x435\x301") == 0,
	    "to_wcs escapes controls and keeps letters");
	/* Never more than maxcols, never a split escape or wide char. */
	w = text_width(s);
	for (max = 0; max <= w; max++) {
		used = text_to_wcs(s, out, nitems(out), max, &cols);
		/* Width: one a wchar, less the combining, plus the wide. */
		if (cols > max || (size_t)cols != wcslen(out) -
		    (wcschr(out, 0x301) != NULL) +
		    (wcschr(out, 0x4e2d) != NULL))
			good = 0;
		if (max == 1 && !(cols == 1 && used == 2))
			good = 0;
		if (max == 2 && !(cols == 1 && used == 2))
			good = 0;	/* ^[ does not fit in 1 column */
		if (max == 10 && !(cols == 8 && used == 6))
			good = 0;	/* <FF> does not fit in 2 columns */
		if (max == 13 && !(cols == 12 && used == 7))
			good = 0;	/* 中 does not fit in 1 column */
	}
	ok(good, "to_wcs never exceeds maxcols nor splits an escape");
	text_to_wcs(s, out, 4, 100, &cols);
	ok(wcscmp(out, L"\x416^[") == 0 && cols == 3,
	    "to_wcs stops at outmax without splitting an escape");
	used = text_to_wcs("Ёлка", out, nitems(out), 4, &cols);
	ok(used == strlen("Ёлка") && cols == 4 &&
	    wcscmp(out, L"\x401\x43b\x43a\x430") == 0,
	    "to_wcs writes code points, not locale bytes");
	is_int(text_to_wcs("abc", out, 0, 10, &cols), 0,
	    "outmax 0 writes nothing");
}

static void
test_fit(void)
{
	const char	*s = "Ж\x1b中е\xcc\x81xyz\xff";
	struct sbuf	 b;
	int		 w, good = 1, full = text_width(s);

	sbuf_init(&b);
	for (w = 0; w <= full + 3; w++) {
		sbuf_reset(&b);
		text_fit(&b, s, w, 0);
		if (text_width(b.s) != w) {
			diag("width %d gives %d: '%s'", w, text_width(b.s),
			    b.s);
			good = 0;
		}
		sbuf_reset(&b);
		text_fit(&b, s, w, 1);
		if (text_width(b.s) != w)
			good = 0;
	}
	ok(good, "text_fit is exactly 0..%d columns", full + 3);
	sbuf_reset(&b);
	text_fit(&b, "Константинопольский", 8, 0);
	is_str(b.s, "Констан…", "cut with an ellipsis");
	sbuf_reset(&b);
	text_fit(&b, "Константинопольский", 8, 1);
	is_str(b.s, "Констан~", "cut with ~ when ascii");
	sbuf_reset(&b);
	text_fit(&b, "Жук", 6, 0);
	is_str(b.s, "Жук   ", "pad with spaces");
	sbuf_reset(&b);
	text_fit(&b, "Жуков", 5, 0);
	is_str(b.s, "Жуков", "exact fit is not cut");
	sbuf_reset(&b);
	text_fit(&b, "中中中", 4, 0);
	is_str(b.s, "中… ", "a wide char that does not fit leaves a space");
	sbuf_reset(&b);
	text_fit(&b, "a\x1b" "b", 4, 0);
	is_str(b.s, "a^[b", "controls are escaped in the output");
	sbuf_reset(&b);
	text_fit(&b, "abc", 0, 0);
	is_str(b.s, "", "width 0 is empty");
	sbuf_free(&b);
}

static void
test_edit(void)
{
	struct sbuf	b;

	sbuf_init(&b);
	is_int(text_backspace(&b), 0, "backspace on an empty buffer");
	text_add_wc(&b, L'Ж');
	text_add_wc(&b, L'a');
	text_add_wc(&b, 0x4e2d);
	text_add_wc(&b, 0x1f600);
	is_str(b.s, "Жa中\xf0\x9f\x98\x80", "add wide characters");
	text_add_wc(&b, 0);
	is_int(b.len, strlen("Жa中\xf0\x9f\x98\x80"), "NUL is not added");
	ok(text_backspace(&b), "backspace removes the emoji");
	is_str(b.s, "Жa中", "4-byte character removed whole");
	text_backspace(&b);
	is_str(b.s, "Жa", "3-byte character removed whole");
	text_backspace(&b);
	text_backspace(&b);
	is_str(b.s, "", "2-byte character removed whole");
	is_int(text_backspace(&b), 0, "empty again");
	sbuf_add(&b, "ab\x80\x80");
	text_backspace(&b);
	is_str(b.s, "ab\x80", "a stray continuation byte goes alone");
	sbuf_reset(&b);
	sbuf_add(&b, "a\xe4\xb8");
	text_backspace(&b);
	is_str(b.s, "a\xe4", "a cut sequence goes a byte at a time");
	sbuf_free(&b);
}

int
main(void)
{
	/* Widths must not depend on a UTF-8 locale for Latin, Cyrillic, CJK. */
	setlocale(LC_ALL, "C");
	test_decode();
	test_encode();
	test_case();
	test_fold();
	test_sort_pairs();
	test_sort_list();
	test_width();
	if (setlocale(LC_CTYPE, "ru_RU.KOI8-R") != NULL) {
		is_int(text_width("Ёлкин 中"), 8, "KOI8-R: Cyrillic 1, CJK 2");
		is_int(text_cp_width(0x2603), 1, "KOI8-R: a missing char is 1");
	} else
		skip(2, "no ru_RU.KOI8-R locale");
	if (setlocale(LC_CTYPE, "C.UTF-8") != NULL)
		is_int(text_width("Ёлкин 中е\xcc\x81"), 9, "C.UTF-8 widths");
	else
		skip(1, "no C.UTF-8 locale");
	test_escape();
	test_wcs();
	test_fit();
	test_edit();
	return (done_testing());
}
