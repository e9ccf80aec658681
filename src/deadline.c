/* deadline.c: reading Russian roadmap deadlines as people write them. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "deadline-int.h"
#include "text.h"
#include "util.h"

/*
 * The text is folded (lower case, ё as е), bracketed asides dropped, and cut
 * into tokens; then one of three small grammars is tried: recurring
 * («ежегодно в январе и мае»), dates («до 15 декабря», «май-июнь 2023 г»),
 * or the phrases with no date at all («по запросу», «постоянно»).  What
 * none of them takes whole is DL_UNPARSED: a deadline guessed wrong is worse
 * than one the curator is asked about.
 */

#define DL_MAXTOK	48
#define DL_MAXTEXT	1024	/* longer is not a deadline */

static const char *const dl_codes[] = {
	"date", "period", "recurring", "ongoing", "on-request", "unparsed"
};

/* The first year of a school year "2023-2024", or 0. */
static int
dl_school_year(const char *sy)
{
	int	y1, y2, i;

	if (sy == NULL || strlen(sy) != 9)
		return (0);
	for (i = 0; i < 9; i++) {
		if (i != 4 && !isdigit((unsigned char)sy[i]))
			return (0);
	}
	y1 = atoi(sy);
	y2 = atoi(sy + 5);
	if (y2 != y1 + 1 || y1 < DL_YMIN || y2 > DL_YMAX)
		return (0);
	return (y1);
}

/* The year a month falls in within the school year starting in y1. */
static int
dl_sy_year(int y1, int m)
{
	if (y1 == 0)
		return (0);
	return (m >= 9 ? y1 : y1 + 1);
}

static void
dl_fill(struct deadline *out, int kind, long from, long to)
{
	out->kind = kind;
	date_from_days(from, out->from);
	date_from_days(to, out->to);
}

/* ---- the date grammar ---- */

enum { P_DAY, P_MONTH, P_YEAR, P_SY, P_QUARTER, P_BAREDAY, P_SYEND };

struct dl_point {
	int	prec;
	int	y, m, d;	/* y 0 when left out; d 0 at P_DAY: month's end */
};

struct dl_cur {
	const struct dl_tok	*t;
	int			 n, i;
};

static int
dl_is(const struct dl_cur *c, int type, int val)
{
	const struct dl_tok	*t;

	if (c->i >= c->n)
		return (0);
	t = &c->t[c->i];
	return (t->type == type && (type != T_WORD || t->val == val));
}

static int
dl_is_word(const struct dl_cur *c, int id)
{
	return (dl_is(c, T_WORD, id));
}

static int
dl_is_year(const struct dl_tok *t)
{
	return (t->type == T_NUM && t->ndig == 4 && t->val >= DL_YMIN &&
	    t->val <= DL_YMAX);
}

/* «2023-2024» at the cursor: its first year, or 0. */
static int
dl_at_sy(const struct dl_cur *c)
{
	const struct dl_tok	*t = c->t + c->i;

	if (c->i + 2 >= c->n)
		return (0);
	if (dl_is_year(&t[0]) && t[1].type == T_DASH && dl_is_year(&t[2]) &&
	    t[2].val == t[0].val + 1)
		return (t[0].val);
	return (0);
}

/* «г.», «года», «уч.г.», «включительно» after a date or year. */
static void
dl_skip_noise(struct dl_cur *c)
{
	while (dl_is_word(c, W_G) || dl_is_word(c, W_YEARW) ||
	    dl_is_word(c, W_SCHOOL) || dl_is_word(c, W_INCL))
		c->i++;
}

/* A year written after a month or day, unless it starts «2023-2024». */
static void
dl_take_year(struct dl_cur *c, struct dl_point *p)
{
	if (c->i < c->n && dl_is_year(&c->t[c->i]) && dl_at_sy(c) == 0) {
		p->y = c->t[c->i].val;
		c->i++;
	}
	dl_skip_noise(c);
}

static int
dl_point(struct dl_cur *c, struct dl_point *p)
{
	const struct dl_tok	*t;
	int			 y;

	memset(p, 0, sizeof *p);
	if (c->i >= c->n)
		return (-1);
	t = &c->t[c->i];
	if ((y = dl_at_sy(c)) != 0) {
		c->i += 3;
		p->prec = P_SY;
		p->y = y;
		dl_skip_noise(c);
		return (0);
	}
	if (dl_is_word(c, W_END)) {
		c->i++;
		if ((y = dl_at_sy(c)) != 0) {
			c->i += 3;
			p->prec = P_DAY;
			p->y = y + 1;
			p->m = 8;
			p->d = 31;
		} else if (dl_is(c, T_MONTH, 0)) {
			p->prec = P_DAY;
			p->m = c->t[c->i++].val;
			dl_take_year(c, p);
			return (0);
		} else if (c->i < c->n && dl_is_year(&c->t[c->i])) {
			p->prec = P_DAY;
			p->y = c->t[c->i++].val;
			p->m = 12;
			p->d = 31;
		} else if (dl_is_word(c, W_SCHOOL)) {
			/* «до конца учебного года», never a bare «года» */
			p->prec = P_SYEND;
		} else
			return (-1);
		dl_skip_noise(c);
		return (0);
	}
	switch (t->type) {
	case T_DATE:
		c->i++;
		p->prec = P_DAY;
		p->y = t->y;
		p->m = t->m;
		p->d = t->d;
		if (p->d == 0)
			return (-1);
		dl_skip_noise(c);
		return (0);
	case T_MONTH:
		c->i++;
		p->prec = P_MONTH;
		p->m = t->val;
		dl_take_year(c, p);
		return (0);
	case T_NUM:
		c->i++;
		if (t->ndig == 4 && dl_is_year(t)) {
			p->prec = P_YEAR;
			p->y = t->val;
			dl_skip_noise(c);
			return (0);
		}
		if (t->ndig > 2 || t->val == 0)
			return (-1);
		if (dl_is(c, T_MONTH, 0)) {
			p->prec = P_DAY;
			p->d = t->val;
			p->m = c->t[c->i++].val;
		} else if (dl_is_word(c, W_QUARTER) && t->val <= 4) {
			c->i++;
			p->prec = P_QUARTER;
			p->m = t->val * 3 - 2;
		} else {
			p->prec = P_BAREDAY;
			p->d = t->val;
			return (0);
		}
		dl_take_year(c, p);
		return (0);
	}
	return (-1);
}

/* Fill in a year left out, from the school year starting in y1. */
static void
dl_point_year(struct dl_point *p, int y1)
{
	if (p->y == 0 && p->prec != P_SYEND && p->prec != P_YEAR)
		p->y = dl_sy_year(y1, p->m);
	if (p->prec == P_SYEND && y1 != 0) {
		p->prec = P_DAY;
		p->y = y1 + 1;
		p->m = 8;
		p->d = 31;
	}
}

/* First and last day of a point as day numbers; -1 if it is not a real date. */
static int
dl_span(const struct dl_point *p, long *a, long *b)
{
	int	dim = date_days_in_month(p->y, p->m);

	switch (p->prec) {
	case P_DAY:
		*a = *b = deadline_ymd_days(p->y, p->m, p->d == 0 ? dim : p->d);
		break;
	case P_MONTH:
		*a = deadline_ymd_days(p->y, p->m, 1);
		*b = deadline_ymd_days(p->y, p->m, dim);
		break;
	case P_QUARTER:
		*a = deadline_ymd_days(p->y, p->m, 1);
		*b = deadline_ymd_days(p->y, p->m + 2,
		    date_days_in_month(p->y, p->m + 2));
		break;
	case P_YEAR:
		*a = deadline_ymd_days(p->y, 1, 1);
		*b = deadline_ymd_days(p->y, 12, 31);
		break;
	case P_SY:
		*a = deadline_ymd_days(p->y, 9, 1);
		*b = deadline_ymd_days(p->y + 1, 8, 31);
		break;
	default:
		return (-1);
	}
	return (*a < 0 || *b < 0 ? -1 : 0);
}

/* A range: years left out come from the other end first, then the school year. */
static int
dl_range(struct dl_point *p1, struct dl_point *p2, int y1,
    struct deadline *out)
{
	long	a1, b1, a2, b2;

	if (p1->prec == P_BAREDAY) {
		if (p2->prec != P_DAY)
			return (-1);
		p1->prec = P_DAY;
		p1->m = p2->m;
		p1->y = p2->y;
	}
	if (p1->y == 0 && p2->y != 0 && p1->prec != P_SYEND) {
		p1->y = p2->y;
		if (dl_span(p1, &a1, &b1) == 0 && dl_span(p2, &a2, &b2) == 0 &&
		    a1 > b2)
			p1->y--;
	} else if (p2->y == 0 && p1->y != 0 && p2->prec != P_SYEND) {
		p2->y = p1->y;
		if (dl_span(p1, &a1, &b1) == 0 && dl_span(p2, &a2, &b2) == 0 &&
		    b2 < a1)
			p2->y++;
	}
	dl_point_year(p1, y1);
	dl_point_year(p2, y1);
	if (dl_span(p1, &a1, &b1) != 0 || dl_span(p2, &a2, &b2) != 0 ||
	    a1 > b2)
		return (-1);
	dl_fill(out, DL_PERIOD, a1, b2);
	return (0);
}

/* «Сентябрь, март 2023-2024 уч. год»: occurrences in the months listed. */
static int
dl_list(struct dl_point *p, int np, int y1, struct deadline *out)
{
	long	a, b, lo = -1, hi = -1;
	int	i;

	for (i = 0; i < np; i++) {
		if (p[i].prec != P_MONTH)
			return (-1);
		dl_point_year(&p[i], y1);
		if (dl_span(&p[i], &a, &b) != 0)
			return (-1);
		if (lo < 0 || a < lo)
			lo = a;
		if (hi < 0 || b > hi)
			hi = b;
		out->months |= 1 << (p[i].m - 1);
	}
	if (hi - lo > 365)	/* a month would come round twice */
		return (-1);
	out->every = 12;
	dl_fill(out, DL_RECURRING, lo, hi);
	return (0);
}

enum { S_NONE, S_RANGE, S_LIST };

static int
dl_dates(const struct dl_tok *t, int n, int y1, struct deadline *out)
{
	struct dl_cur	 c = { t, n, 0 };
	struct dl_point	 p[8];
	long		 a, b;
	int		 np = 0, sep = S_NONE, by = 0, from = 0, y;

	for (; c.i < n; c.i++) {
		if (dl_is_word(&c, W_DO) || dl_is_word(&c, W_LATER) ||
		    dl_is_word(&c, W_K) || dl_is_word(&c, W_PO))
			by = 1;
		else if (dl_is_word(&c, W_S))
			from = 1;
		else if (!dl_is_word(&c, W_NE) && !dl_is_word(&c, W_V) &&
		    !dl_is_word(&c, W_TECH) && !dl_is_word(&c, W_NA) &&
		    !dl_is_word(&c, W_NAPROT) && !dl_is_word(&c, W_SROK))
			break;
	}
	if (dl_point(&c, &p[np++]) != 0)
		return (-1);
	while (c.i < n) {
		if ((y = dl_at_sy(&c)) != 0) {
			/* «март 2023-2024 уч.г.»: the years of what came before */
			c.i += 3;
			dl_skip_noise(&c);
			if (c.i != n)
				return (-1);
			y1 = y;
			break;
		}
		if (dl_is(&c, T_DASH, 0) || dl_is_word(&c, W_PO) ||
		    dl_is_word(&c, W_DO)) {
			if (sep == S_LIST)
				return (-1);
			sep = S_RANGE;
		} else if (dl_is(&c, T_SEP, 0) || dl_is_word(&c, W_I)) {
			if (sep == S_RANGE)
				return (-1);
			sep = S_LIST;
		} else
			return (-1);
		c.i++;
		while (dl_is_word(&c, W_V))
			c.i++;
		if (np == (int)nitems(p) || dl_point(&c, &p[np++]) != 0)
			return (-1);
	}
	if (sep == S_LIST)
		return (by || from ? -1 : dl_list(p, np, y1, out));
	if (sep == S_RANGE)
		return (np != 2 ? -1 : dl_range(&p[0], &p[1], y1, out));
	/* «до сентября»: by its first day or its last?  Not guessed. */
	if (from || (by && p[0].prec != P_DAY && p[0].prec != P_SYEND))
		return (-1);
	dl_point_year(&p[0], y1);
	if (dl_span(&p[0], &a, &b) != 0)
		return (-1);
	dl_fill(out, p[0].prec == P_DAY ? DL_DATE : DL_PERIOD, a, b);
	return (0);
}

/* ---- recurring ---- */

static int
dl_is_rec_word(const struct dl_tok *t)
{
	return (t->type == T_WORD && (t->val == W_EZHEGOD ||
	    t->val == W_EZHEKV || t->val == W_EZHEMES ||
	    t->val == W_EZHENED || t->val == W_RAZ || t->val == W_DVAZHDY ||
	    t->val == W_TRIZHDY || t->val == W_KAZHD));
}

/* Months in a unit word: «месяц» 1, «квартал» 3, «полгода» 6, «год» 12. */
static int
dl_unit(const struct dl_tok *t)
{
	if (t->type != T_WORD)
		return (0);
	switch (t->val) {
	case W_MONTHW:
		return (1);
	case W_QUARTER:
		return (3);
	case W_HALF:
		return (6);
	case W_YEARW:
	case W_G:
		return (12);
	}
	return (0);
}

/*
 * The phrase saying how often, starting at t[i]: its period in months and
 * its length in tokens through *len; 0 if it is not one.
 */
static int
dl_how_often(const struct dl_tok *t, int n, int i, int *len)
{
	int	k = i, times = 1, unit;

	if (t[k].type == T_WORD) {
		switch (t[k].val) {
		case W_EZHEGOD:
			*len = 1;
			return (12);
		case W_EZHEKV:
			*len = 1;
			return (3);
		case W_EZHEMES:
			*len = 1;
			return (1);
		case W_KAZHD:
			if (k + 1 < n && (unit = dl_unit(&t[k + 1])) != 0) {
				*len = 2;
				return (unit);
			}
			return (0);
		}
	}
	if (t[k].type == T_NUM && k + 1 < n && t[k + 1].type == T_WORD &&
	    t[k + 1].val == W_RAZ) {
		times = t[k].val;
		k++;
	} else if (t[k].type == T_WORD && t[k].val == W_DVAZHDY)
		times = 2;
	else if (t[k].type == T_WORD && t[k].val == W_TRIZHDY)
		times = 3;
	else if (!(t[k].type == T_WORD && t[k].val == W_RAZ))
		return (0);
	k++;
	if (k < n && t[k].type == T_WORD && (t[k].val == W_V ||
	    t[k].val == W_NA))
		k++;
	if (k >= n || (unit = dl_unit(&t[k])) == 0)
		return (0);
	*len = k + 1 - i;
	/* «2 раза в год» is every 6 months; «2 раза в месяц» cannot be said */
	if (times < 1 || times > 12 || unit % times != 0)
		return (0);
	return (unit / times);
}

/* What follows «ежегодно»: months, «не позднее 15 декабря», «до 5 числа». */
static int
dl_rec_rest(const struct dl_tok *t, int n, struct deadline *out)
{
	int	i = 0, day, m;

	while (i < n) {
		if (t[i].type == T_SEP || (t[i].type == T_WORD &&
		    (t[i].val == W_V || t[i].val == W_DO || t[i].val == W_NE ||
		    t[i].val == W_LATER || t[i].val == W_K || t[i].val == W_I ||
		    t[i].val == W_SROK || t[i].val == W_INCL))) {
			i++;
			continue;
		}
		if (t[i].type == T_MONTH && out->day == 0) {
			out->months |= 1 << (t[i].val - 1);
			i++;
			continue;
		}
		day = 0;
		m = 0;
		if (t[i].type == T_NUM && t[i].ndig <= 2 && i + 1 < n &&
		    t[i + 1].type == T_MONTH) {
			day = t[i].val;
			m = t[i + 1].val;
			i += 2;
		} else if (t[i].type == T_DATE && t[i].y == 0) {
			day = t[i].d;
			m = t[i].m;
			i++;
		} else if (t[i].type == T_NUM && t[i].ndig <= 2 && i + 1 < n &&
		    t[i + 1].type == T_WORD && t[i + 1].val == W_CHISLA) {
			/* «до 5 числа каждого месяца» */
			if (out->every != 1 || out->months != 0 ||
			    t[i].val < 1 || t[i].val > 31)
				return (-1);
			out->day = t[i].val;
			i += 2;
			if (i + 1 < n && t[i].type == T_WORD &&
			    t[i].val == W_KAZHD && dl_unit(&t[i + 1]) == 1)
				i += 2;
			continue;
		} else if (t[i].type == T_WORD && t[i].val == W_END &&
		    i + 1 < n && dl_unit(&t[i + 1]) == out->every) {
			i += 2;		/* «до конца квартала»: the default */
			continue;
		} else
			return (-1);
		/* one day for every month listed: 29 February counts as 28 */
		if (!date_valid(2000, m, day) || (out->day != 0 &&
		    out->day != day) || (out->day == 0 && out->months != 0))
			return (-1);
		out->day = day;
		out->months |= 1 << (m - 1);
	}
	if (out->day != 0 && out->months == 0 && out->every != 1)
		return (-1);
	return (0);
}

static int
dl_recurring(const struct dl_tok *t, int n, struct deadline *out)
{
	struct dl_tok	rest[DL_MAXTOK];
	int		i, j, len = 0, every = 0, nr = 0;

	for (i = 0; i < n && every == 0; i++) {
		if (!dl_is_rec_word(&t[i]) && !(t[i].type == T_NUM &&
		    i + 1 < n && dl_is_rec_word(&t[i + 1])))
			continue;
		/* «999 раз в год» is not «раз в год»: no second try */
		if ((every = dl_how_often(t, n, i, &len)) == 0)
			return (-1);
		for (j = 0; j < n; j++) {
			if (j < i || j >= i + len)
				rest[nr++] = t[j];
		}
	}
	if (every == 0)
		return (-1);
	for (i = 0; i < nr; i++) {
		if (dl_is_rec_word(&rest[i]) && rest[i].val != W_KAZHD)
			return (-1);
	}
	out->every = every;
	if (dl_rec_rest(rest, nr, out) != 0)
		return (-1);
	out->kind = DL_RECURRING;
	return (0);
}

/* ---- phrases with no date ---- */

static int
dl_phrase(const struct dl_tok *t, int n, int y1, struct deadline *out)
{
	int	i, always = 0, onreq = 0, year = 0, other = 0;

	for (i = 0; i < n; i++) {
		if (t[i].type != T_WORD) {
			other = 1;
			continue;
		}
		switch (t[i].val) {
		case W_ALWAYS:
			always = 1;
			break;
		case W_VSEGO:
			if (i + 1 < n && t[i + 1].type == T_WORD &&
			    (t[i + 1].val == W_PERIOD ||
			    t[i + 1].val == W_SROK || t[i + 1].val == W_TIME))
				always = 1;
			break;
		case W_ONREQ:
		case W_SOOTV:
			onreq = 1;
			break;
		case W_YEARW:
			year++;
			break;
		case W_V:
		case W_TECH:
		case W_NA:
		case W_NAPROT:
		case W_SCHOOL:
			break;
		default:
			other = 1;
			break;
		}
	}
	if (always + onreq == 1) {
		out->kind = always ? DL_ONGOING : DL_ON_REQUEST;
		return (0);
	}
	/* «в течение (учебного) года»: the school year, when there is one */
	if (!always && !onreq && !other && year == 1 && y1 != 0) {
		dl_fill(out, DL_PERIOD, deadline_ymd_days(y1, 9, 1),
		    deadline_ymd_days(y1 + 1, 8, 31));
		return (0);
	}
	return (-1);
}

static int
dl_parse_tokens(const struct dl_tok *t, int n, int y1, struct deadline *out)
{
	int	i, dated = 0;

	if (n <= 0)
		return (-1);
	for (i = 0; i < n; i++) {
		if (dl_is_rec_word(&t[i]))
			return (dl_recurring(t, n, out));
		if (t[i].type == T_NUM || t[i].type == T_DATE ||
		    t[i].type == T_MONTH ||
		    (t[i].type == T_WORD && t[i].val == W_END))
			dated = 1;
	}
	if (dated)
		return (dl_dates(t, n, y1, out));
	return (dl_phrase(t, n, y1, out));
}

static void
dl_clear(struct deadline *out, int kind)
{
	memset(out, 0, sizeof *out);
	out->kind = kind;
}

/* Does anything in it look like a date or how often? */
static int
dl_dated(const struct dl_tok *t, int n)
{
	int	i;

	for (i = 0; i < n; i++) {
		if (t[i].type == T_NUM || t[i].type == T_DATE ||
		    t[i].type == T_MONTH || dl_is_rec_word(&t[i]) ||
		    (t[i].type == T_WORD && t[i].val == W_END))
			return (1);
	}
	return (0);
}

/*
 * Asides in brackets («(дополнительно по запросу)») must not hide the date
 * before them, so they are dropped, unless they say something about when
 * («Ежегодно (в мае)»): then it is all read as one.  A deadline that is all
 * brackets is read from inside them.
 */
static int
dl_lex_text(const char *fold, struct dl_tok *tok)
{
	struct dl_tok	 aside[DL_MAXTOK];
	char		*s;
	int		 n, na;

	s = deadline_unbracket(fold, DL_OUTSIDE);
	n = deadline_lex(s, tok, DL_MAXTOK);
	free(s);
	if (n < 0)
		return (-1);
	s = deadline_unbracket(fold, DL_INSIDE);
	na = deadline_lex(s, aside, DL_MAXTOK);
	free(s);
	if (n > 0 && na >= 0 && !dl_dated(aside, na))
		return (n);
	s = deadline_unbracket(fold, DL_ALL);
	n = deadline_lex(s, tok, DL_MAXTOK);
	free(s);
	return (n);
}

int
deadline_parse(const char *text, const char *school_year,
    struct deadline *out)
{
	struct dl_tok	 tok[DL_MAXTOK];
	char		*fold;
	int		 n;

	dl_clear(out, DL_UNPARSED);
	if (text == NULL || strlen(text) > DL_MAXTEXT)
		return (1);
	fold = text_fold_dup(text);
	n = dl_lex_text(fold, tok);
	free(fold);
	if (dl_parse_tokens(tok, n, dl_school_year(school_year), out) != 0) {
		dl_clear(out, DL_UNPARSED);
		return (1);
	}
	return (0);
}

const char *
deadline_kind_code(int kind)
{
	if (kind < 0 || kind >= (int)nitems(dl_codes))
		kind = DL_UNPARSED;
	return (dl_codes[kind]);
}

const char *
deadline_kind_label(int kind)
{
	switch (kind) {
	case DL_DATE:
		return (C_("deadline kind", "date"));
	case DL_PERIOD:
		return (C_("deadline kind", "period"));
	case DL_RECURRING:
		return (C_("deadline kind", "recurring"));
	case DL_ONGOING:
		return (C_("deadline kind", "ongoing"));
	case DL_ON_REQUEST:
		return (C_("deadline kind", "on request"));
	}
	return (C_("deadline kind", "not understood"));
}
