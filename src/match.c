/* match.c: mentors suggested for a mentee, ranked, with the reasons; never a decision. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "pair.h"
#include "person.h"
#include "text.h"
#include "util.h"

/*
 * Scoring, 0..100:
 *   words  60  the share of the request's stems found among the mentor's
 *              competencies and interests;
 *   age    15  the mentee's age within the mentor's preferred ages (8 when
 *              either is not known, 0 outside);
 *   places 15  a free place (8 when the capacity is not said, 0 if full);
 *   hours  10  4 or more hours a month (5 for 1-3, 3 when not said).
 * Words weigh most: the curator looks for someone who can help with what
 * was asked; the rest orders mentors who know the same.
 */
#define W_WORDS		60
#define W_AGE		15
#define W_FREE		15
#define W_HOURS		10
#define MATCH_MAX	100	/* suggestions at most */
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

/* A set of stems: "\0"-separated in one buffer, with the word they came from. */
struct stems {
	struct sbuf	 buf;		/* stem\0word\0stem\0word\0... */
	int		 n;
};

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
static void
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

static void
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

/* The request's words found in the mentor's text; names them in found. */
static int
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

/* The mentee: what matching needs to know. */
struct mentee_info {
	int		 category;
	int		 age;		/* -1 unknown */
	struct stems	 req;
};

static int
mentee_read(struct db *db, long long id, struct mentee_info *mi,
    struct nerr *err)
{
	sqlite3_stmt	*st;
	const char	*birth;
	char		*who;
	int		 rc, anon = 0;

	memset(mi, 0, sizeof *mi);
	sbuf_init(&mi->req.buf);
	if ((st = db_prepare(db, "SELECT p.category, p.birth, e.request, "
	    "p.anonymised, p.last, p.first, p.patronymic FROM person p "
	    "LEFT JOIN mentee e ON e.person_id = p.id WHERE p.id = ?",
	    err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		mi->category = person_category_parse(
		    (const char *)sqlite3_column_text(st, 0));
		birth = (const char *)sqlite3_column_text(st, 1);
		mi->age = birth != NULL ? date_age(birth, date_today()) : -1;
		stems_make(&mi->req, (const char *)sqlite3_column_text(st, 2));
		if ((anon = sqlite3_column_int(st, 3)) != 0) {
			who = person_short_name(
			    (const char *)sqlite3_column_text(st, 4),
			    (const char *)sqlite3_column_text(st, 5),
			    (const char *)sqlite3_column_text(st, 6));
			nerr_set(err, _("%s has been anonymised; no mentor is "
			    "sought for them."), who);
			free(who);
		}
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return (nerr_set(err, _("Participant no. %lld is not in the "
		    "database; check the number."), id));
	if (rc != SQLITE_ROW)
		return (db_fail(db, err, _("reading the mentee")));
	return (anon ? -1 : 0);
}

/* Sorted best first: score, then free places, then the older record. */
static int
match_better(const struct match *a, const struct match *b)
{
	if (a->score != b->score)
		return (a->score > b->score);
	if (a->free != b->free)
		return (a->free > b->free);
	return (a->mentor_id < b->mentor_id);
}

static int
match_cmp(const void *a, const void *b)
{
	const struct match	*x = a, *y = b;

	if (match_better(x, y))
		return (-1);
	if (match_better(y, x))
		return (1);
	return (0);
}

static void
match_clear(struct match *m)
{
	free(m->name);
	free(m->competencies);
	free(m->why);
	memset(m, 0, sizeof *m);
}

/* One mentor's row as the query gives it. */
struct cand {
	long long	 id;
	int		 category;
	int		 age_min, age_max, hours, capacity, load;
	int		 score, free;
	int		 nwords;
	int		 age_pts;
};

static void
cand_score(struct cand *c, const struct mentee_info *mi, struct stems *ms,
    const char *comp, const char *interests)
{
	struct sbuf	 t;
	int		 pts = 0;

	sbuf_init(&t);
	sbuf_add(&t, str_or(comp, ""));
	sbuf_addc(&t, ' ');
	sbuf_add(&t, str_or(interests, ""));
	stems_make(ms, t.s);
	sbuf_free(&t);
	c->nwords = mi->req.n > 0 ? words_found(&mi->req, ms, NULL) : 0;
	if (mi->req.n > 0)
		pts += W_WORDS * c->nwords / mi->req.n;
	if (mi->age < 0 || (c->age_min == 0 && c->age_max == 0))
		c->age_pts = W_AGE * 8 / 15;
	else if ((c->age_min == 0 || mi->age >= c->age_min) &&
	    (c->age_max == 0 || mi->age <= c->age_max))
		c->age_pts = W_AGE;
	else
		c->age_pts = 0;
	pts += c->age_pts;
	if (c->capacity == 0) {
		c->free = -1;
		pts += W_FREE * 8 / 15;
	} else {
		c->free = c->capacity - c->load;
		if (c->free < 0)
			c->free = 0;
		pts += c->free > 0 ? W_FREE : 0;
	}
	if (c->hours >= 4)
		pts += W_HOURS;
	else if (c->hours > 0)
		pts += W_HOURS / 2;
	else
		pts += 3;
	c->score = pts > 100 ? 100 : pts < 0 ? 0 : pts;
}

/* «совпало: математика, олимпиады; возраст 13 в 12–15; свободно 2 из 3; 8 ч/мес» */
static char *
cand_why(const struct cand *c, const struct mentee_info *mi,
    const struct stems *ms)
{
	struct sbuf	 b, found;

	sbuf_init(&b);
	sbuf_init(&found);
	if (mi->req.n == 0)
		sbuf_add(&b, _("the mentee's request is empty"));
	else if (words_found(&mi->req, ms, &found) > 0)
		sbuf_addf(&b, _("matched: %s"), found.s);
	else
		sbuf_add(&b, _("no words of the request matched"));
	sbuf_free(&found);
	sbuf_add(&b, "; ");
	if (c->age_min == 0 && c->age_max == 0)
		sbuf_add(&b, _("any age"));
	else if (mi->age < 0)
		sbuf_addf(&b, _("age %d–%d, the mentee's birth date unknown"),
		    c->age_min, c->age_max > 0 ? c->age_max : 99);
	else
		sbuf_addf(&b, c->age_pts > 0 ? _("age %d in %d–%d") :
		    _("age %d outside %d–%d"), mi->age, c->age_min,
		    c->age_max > 0 ? c->age_max : 99);
	sbuf_add(&b, "; ");
	if (c->capacity == 0)
		sbuf_addf(&b, _("has %d, capacity not said"), c->load);
	else if (c->free > 0)
		sbuf_addf(&b, _("%d free of %d"), c->free, c->capacity);
	else
		sbuf_addf(&b, _("full: %d of %d"), c->load, c->capacity);
	sbuf_add(&b, "; ");
	if (c->hours > 0)
		sbuf_addf(&b, _("%d h a month"), c->hours);
	else
		sbuf_add(&b, _("hours not said"));
	return (sbuf_take(&b));
}

/* Which mentor categories fit a form (or any) with the mentee's: a mask. */
static unsigned
mentor_cats(int form, int mentee_cat)
{
	unsigned	mask = 0;
	int		f, c;

	for (f = 0; f < PF__COUNT; f++) {
		if ((form >= 0 && f != form) ||
		    !pair_form_fits(f, PR_MENTEE, mentee_cat))
			continue;
		for (c = 0; c < CAT__COUNT; c++)
			if (pair_form_fits(f, PR_MENTOR, c))
				mask |= 1U << c;
	}
	return (mask);
}

/*
 * Mentors stream one row at a time from person_mentor (the partial index
 * of is_mentor); each is scored and kept only if it beats the worst of the
 * best max so far, so memory holds max suggestions whatever the number of
 * mentors.  The load is counted only for those who said a capacity.
 */
#define MATCH_SQL "SELECT p.id, p.category, m.competencies, m.interests, " \
	"m.age_min, m.age_max, m.hours, m.capacity, "			\
	"CASE WHEN m.capacity > 0 THEN (SELECT count(DISTINCT e.person_id) " \
	"FROM pair_member pm JOIN pair pr ON pr.id = pm.pair_id "	\
	"JOIN pair_member e ON e.pair_id = pm.pair_id AND e.role = 'mentee' " \
	"WHERE pm.person_id = p.id AND pm.role = 'mentor' AND "		\
	"(pr.status = 'forming' OR pr.status = 'active')) ELSE 0 END "	\
	"FROM person p JOIN mentor m ON m.person_id = p.id "		\
	"WHERE p.is_mentor = 1 AND p.anonymised = 0 AND p.id <> ?1 "	\
	"AND m.status <> 'finished' "					\
	"AND NOT EXISTS (SELECT 1 FROM pair_member a JOIN pair_member b " \
	"ON b.pair_id = a.pair_id JOIN pair pr ON pr.id = a.pair_id "	\
	"WHERE a.person_id = p.id AND a.role = 'mentor' AND "		\
	"b.person_id = ?1 AND b.role = 'mentee' AND "			\
	"(pr.status = 'forming' OR pr.status = 'active'))"

static int
cand_name(struct db *db, struct match *m, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_prepare(db, "SELECT p.last, p.first, p.patronymic, "
	    "m.competencies FROM person p LEFT JOIN mentor m ON "
	    "m.person_id = p.id WHERE p.id = ?", err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, m->mentor_id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		m->name = person_short_name(
		    (const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1),
		    (const char *)sqlite3_column_text(st, 2));
		if (sqlite3_column_text(st, 3) != NULL)
			m->competencies = xstrdup(
			    (const char *)sqlite3_column_text(st, 3));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return (db_fail(db, err, _("reading the mentors")));
	return (0);
}

int
match_mentors(struct db *db, long long mentee, int form, int max,
    struct match **out, int *np, struct nerr *err)
{
	struct mentee_info	 mi;
	struct match		*best = NULL, *w, m;
	struct stems		 ms;
	struct cand		 c;
	struct sbuf		 sql;
	sqlite3_stmt		*st;
	unsigned		 cats;
	char			*who;
	int			 i, n = 0, worst, rc, first;

	*out = NULL;
	*np = 0;
	if (max <= 0 || max > MATCH_MAX)
		max = max <= 0 ? 10 : MATCH_MAX;
	if (mentee_read(db, mentee, &mi, err) == -1) {
		stems_free(&mi.req);
		return (-1);
	}
	if ((cats = mentor_cats(form, mi.category)) == 0) {
		stems_free(&mi.req);
		who = xstrdup(person_category_label(mi.category));
		if (form >= 0)
			rc = nerr_set(err, _("In the form «%s» a %s cannot be "
			    "a mentee; choose another form."),
			    pair_form_label(form), who);
		else
			rc = nerr_set(err, _("No form of mentoring has a %s "
			    "as a mentee."), who);
		free(who);
		return (rc);
	}
	sbuf_init(&sql);
	sbuf_add(&sql, MATCH_SQL " AND p.category IN (");
	for (i = 0, first = 1; i < CAT__COUNT; i++) {
		if ((cats & (1U << i)) == 0)
			continue;
		sbuf_addf(&sql, "%s'%s'", first ? "" : ", ",
		    person_category_code(i));
		first = 0;
	}
	sbuf_add(&sql, ")");
	st = db_prepare(db, sql.s, err);
	sbuf_free(&sql);
	if (st == NULL) {
		stems_free(&mi.req);
		return (-1);
	}
	sqlite3_bind_int64(st, 1, mentee);
	best = xcalloc(max, sizeof *best);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&c, 0, sizeof c);
		c.id = sqlite3_column_int64(st, 0);
		c.age_min = sqlite3_column_int(st, 4);
		c.age_max = sqlite3_column_int(st, 5);
		c.hours = sqlite3_column_int(st, 6);
		c.capacity = sqlite3_column_int(st, 7);
		c.load = sqlite3_column_int(st, 8);
		cand_score(&c, &mi, &ms,
		    (const char *)sqlite3_column_text(st, 2),
		    (const char *)sqlite3_column_text(st, 3));
		/* The place it takes: a free slot, else the worst if beaten. */
		memset(&m, 0, sizeof m);
		m.mentor_id = c.id;
		m.score = c.score;
		m.free = c.free;
		m.hours = c.hours;
		if (n < max)
			w = &best[n++];
		else {
			for (worst = 0, i = 1; i < n; i++)
				if (match_better(&best[worst], &best[i]))
					worst = i;
			if (!match_better(&m, &best[worst])) {
				stems_free(&ms);
				continue;
			}
			w = &best[worst];
			match_clear(w);
		}
		*w = m;
		w->category = person_category_parse(
		    (const char *)sqlite3_column_text(st, 1));
		w->why = cand_why(&c, &mi, &ms);
		stems_free(&ms);
	}
	sqlite3_finalize(st);
	stems_free(&mi.req);
	if (rc != SQLITE_DONE) {
		match_free(best, n);
		return (db_fail(db, err, _("reading the mentors")));
	}
	/* Names only for the few kept. */
	for (i = 0; i < n; i++) {
		if (cand_name(db, &best[i], err) == -1) {
			match_free(best, n);
			return (-1);
		}
	}
	qsort(best, n, sizeof *best, match_cmp);
	if (n == 0) {
		free(best);
		best = NULL;
	}
	*out = best;
	*np = n;
	return (0);
}

void
match_free(struct match *m, int n)
{
	int	i;

	for (i = 0; i < n; i++)
		match_clear(&m[i]);
	free(m);
}
