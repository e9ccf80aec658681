/* match-stem.c: the stems matching compares, and the mentors' stems kept in mentor_word for seeking them. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "i18n.h"
#include "match-stem.h"
#include "pair.h"
#include "text.h"
#include "util.h"

#define STEM_MIN	4	/* letters a cut stem keeps */

/* Russian endings, longest first so the longest that fits is cut. */
static const char *const endings[] = {
	"ами", "ями", "ого", "его", "ому", "ему", "ыми", "ими",
	"ах", "ях", "ов", "ев", "ей", "ой", "ий", "ый", "ая", "яя", "ое",
	"ее", "ую", "юю", "ом", "ем", "ам", "ям",
	"ы", "и", "а", "я", "о", "е", "у", "ю", "ь",
};

/* Words that say nothing about what is asked (folded). */
static const char *const stop_words[] = {
	"и", "в", "во", "на", "с", "со", "по", "для", "к", "ко", "о", "об",
	"обо", "при", "не", "из", "от", "до", "за", "у", "а", "но", "или",
	"же", "ли", "бы", "то", "как", "что", "это", "так", "мне", "меня",
	"его", "ее", "их", "он", "она", "они", "мы", "вы", "я", "ты",
	"после", "перед", "через", "над", "под", "про", "без", "между",
	"хочу", "нужна", "нужно", "нужен", "помощь", "помочь", "the", "and",
	"of", "in", "to", "for", "with",
};

/* Letters and digits make words; the rest separates them. */
static int
is_word_cp(uint32_t cp)
{
	return ((cp >= '0' && cp <= '9') || text_lower(cp) != text_upper(cp) ||
	    cp == 0x0451 || cp == 0x0401);
}

static int
is_stop(const char *w)
{
	size_t	i;

	for (i = 0; i < nitems(stop_words); i++)
		if (strcmp(w, stop_words[i]) == 0)
			return (1);
	return (0);
}

/* Cut the ending of a folded word in place. */
static void
stem_cut(char *w)
{
	size_t	len = strlen(w), n, i;
	size_t	letters = utf8_len(w), el;

	if (letters <= STEM_MIN)
		return;
	for (i = 0; i < nitems(endings); i++) {
		n = strlen(endings[i]);
		el = utf8_len(endings[i]);
		if (n >= len || letters - el < STEM_MIN)
			continue;
		if (memcmp(w + len - n, endings[i], n) == 0) {
			w[len - n] = '\0';
			return;
		}
	}
}

char *
match_stem(const char *word)
{
	char	*w;

	if (word == NULL)
		return (NULL);
	w = text_fold_dup(word);
	stem_cut(w);
	return (w);
}


static int
stems_has(const struct stems *s, const char *stem)
{
	const char	*p = s->buf.s;
	int		 i;

	for (i = 0; i < s->n; i++) {
		if (strcmp(p, stem) == 0)
			return (1);
		p += strlen(p) + 1;
		p += strlen(p) + 1;
	}
	return (0);
}

/*
 * Split folded text into words, skip stop words and single letters, cut
 * endings, and keep each stem once.
 */
void
stems_make(struct stems *s, const char *text)
{
	struct sbuf	 f, w;
	const char	*p;
	size_t		 left, n;
	uint32_t	 cp;
	char		*stem;

	memset(s, 0, sizeof *s);
	sbuf_init(&s->buf);
	if (str_empty(text))
		return;
	sbuf_init(&f);
	text_fold(&f, text);
	sbuf_init(&w);
	for (p = f.s, left = f.len;; p += n, left -= n) {
		n = left > 0 ? utf8_decode(p, left, &cp) : 0;
		if (left > 0 && is_word_cp(cp)) {
			sbuf_addn(&w, p, n);
			continue;
		}
		if (w.len > 0 && utf8_len(w.s) > 1 && !is_stop(w.s)) {
			stem = xstrdup(w.s);
			stem_cut(stem);
			if (!stems_has(s, stem)) {
				sbuf_addn(&s->buf, stem, strlen(stem) + 1);
				sbuf_addn(&s->buf, w.s, w.len + 1);
				s->n++;
			}
			free(stem);
		}
		sbuf_reset(&w);
		if (left == 0)
			break;
	}
	sbuf_free(&w);
	sbuf_free(&f);
}

void
stems_free(struct stems *s)
{
	sbuf_free(&s->buf);
}

/*
 * Do two stems match: the same, or the shorter (of 5 letters or more)
 * begins the longer: «олимпиад» ~ «олимпиадн(ый)».
 */
static int
stem_match(const char *a, const char *b)
{
	size_t	la = strlen(a), lb = strlen(b);

	if (la == lb)
		return (strcmp(a, b) == 0);
	if (la > lb) {
		const char *t = a;

		a = b;
		b = t;
		la = lb;
	}
	return (utf8_len(a) >= 5 && strncmp(a, b, la) == 0);
}

int
words_found(const struct stems *req, const struct stems *men,
    struct sbuf *found)
{
	const char	*r, *word, *m;
	int		 i, j, n = 0;

	for (i = 0, r = req->buf.s; i < req->n; i++) {
		word = r + strlen(r) + 1;
		for (j = 0, m = men->buf.s; j < men->n; j++) {
			if (stem_match(r, m)) {
				if (found != NULL)
					sbuf_addf(found, "%s%s", n > 0 ?
					    ", " : "", word);
				n++;
				break;
			}
			m += strlen(m) + 1;
			m += strlen(m) + 1;
		}
		r = word + strlen(word) + 1;
	}
	return (n);
}


/* The last code point there is: every longer stem sorts below r + this. */
#define STEM_TOP	"\xf4\x8f\xbf\xbf"

static void
range_add(char ***lo, char ***hi, int **k, int *n, int key, const char *a,
    size_t alen, int longer)
{
	*lo = xreallocarray(*lo, *n + 1, sizeof **lo);
	*hi = xreallocarray(*hi, *n + 1, sizeof **hi);
	*k = xreallocarray(*k, *n + 1, sizeof **k);
	(*lo)[*n] = xstrndup(a, alen);
	xasprintf(&(*hi)[*n], "%.*s%s", (int)alen, a, longer ? STEM_TOP : "");
	(*k)[*n] = key;
	(*n)++;
}

/*
 * stem_match as ranges: the stem itself; the longer ones it begins, when
 * it has 5 letters or more; the shorter ones of 5 letters or more that
 * begin it (each of its own beginnings, cut on a letter).
 */
int
stems_ranges(const struct stems *req, char ***lo, char ***hi, int **k)
{
	const char	*r, *word;
	size_t		 len, cut;
	int		 i, n = 0, letters, at;

	*lo = *hi = NULL;
	*k = NULL;
	for (i = 0, r = req->buf.s; i < req->n; i++) {
		word = r + strlen(r) + 1;
		len = strlen(r);
		letters = (int)utf8_len(r);
		range_add(lo, hi, k, &n, i, r, len, letters >= 5);
		for (cut = 0, at = 0; cut < len; cut++) {
			if (((unsigned char)r[cut] & 0xc0) == 0x80)
				continue;	/* inside a letter */
			if (at >= 5 && at < letters)
				range_add(lo, hi, k, &n, i, r, cut, 0);
			at++;
		}
		r = word + strlen(word) + 1;
	}
	return (n);
}

/*
 * A mentor's stems in mentor_word, replaced: called wherever competencies
 * or interests are written, in the writer's transaction.
 */
int
match_words_save(struct db *db, long long person, const char *comp,
    const char *interests, struct nerr *err)
{
	struct stems	 s;
	struct sbuf	 t;
	sqlite3_stmt	*del, *add = NULL;
	const char	*p;
	int		 i, rc = -1;

	if ((del = db_prepare(db, "DELETE FROM mentor_word WHERE "
	    "person_id = ?", err)) == NULL)
		return (-1);
	sqlite3_bind_int64(del, 1, person);
	if (sqlite3_step(del) != SQLITE_DONE) {
		sqlite3_finalize(del);
		return (db_fail(db, err, _("saving the mentor's words")));
	}
	sqlite3_finalize(del);
	sbuf_init(&t);
	sbuf_add(&t, str_or(comp, ""));
	sbuf_addc(&t, ' ');
	sbuf_add(&t, str_or(interests, ""));
	stems_make(&s, t.s);
	sbuf_free(&t);
	if (s.n > 0 && (add = db_prepare(db, "INSERT OR IGNORE INTO "
	    "mentor_word (stem, person_id) VALUES (?, ?)", err)) == NULL)
		goto out;
	for (i = 0, p = s.buf.s; i < s.n; i++) {
		sqlite3_bind_text(add, 1, p, -1, SQLITE_STATIC);
		sqlite3_bind_int64(add, 2, person);
		if (sqlite3_step(add) != SQLITE_DONE) {
			db_fail(db, err, _("saving the mentor's words"));
			goto out;
		}
		sqlite3_reset(add);
		p += strlen(p) + 1;
		p += strlen(p) + 1;
	}
	rc = 0;
out:
	sqlite3_finalize(add);
	stems_free(&s);
	return (rc);
}

/*
 * Stem the mentors whose texts were written by someone else (marked ''),
 * in one transaction.
 */
static int
words_rebuild(struct db *db, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (db_begin(db, err) != 0)
		return (-1);
	if ((st = db_prepare(db, "SELECT m.person_id, m.competencies, "
	    "m.interests FROM mentor_word w JOIN mentor m ON m.person_id = "
	    "w.person_id WHERE w.stem = ''", err)) == NULL) {
		db_rollback(db);
		return (-1);
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (match_words_save(db, sqlite3_column_int64(st, 0),
		    (const char *)sqlite3_column_text(st, 1),
		    (const char *)sqlite3_column_text(st, 2), err) != 0)
			break;
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW || (rc != SQLITE_DONE &&
	    db_fail(db, err, _("stemming the mentors' words")) != 0) ||
	    db_exec(db, "DELETE FROM mentor_word WHERE stem = ''", err) != 0) {
		db_rollback(db);
		return (-1);
	}
	return (db_commit(db, err));
}

int
match_words_ready(struct db *db, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_prepare(db, "SELECT 1 FROM mentor_word WHERE stem = ''",
	    err)) == NULL)
		return (-1);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return (1);
	if (rc != SQLITE_ROW)
		return (db_fail(db, err, _("reading the mentors")));
	/* A reader, or inside someone's transaction: read the texts. */
	if (db->readonly || !sqlite3_get_autocommit(db->h))
		return (0);
	if (words_rebuild(db, err) != 0) {
		nerr_clear(err);
		return (0);
	}
	return (1);
}
