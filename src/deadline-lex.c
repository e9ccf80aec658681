/* deadline-lex.c: words, numbers and dates of a deadline's text as tokens. */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <string.h>

#include "deadline-int.h"
#include "text.h"
#include "util.h"

struct dl_word {
	const char	*w;
	int		 id;
};

static const struct dl_word dl_words[] = {
	{ "до", W_DO }, { "не", W_NE }, { "позднее", W_LATER },
	{ "позже", W_LATER }, { "к", W_K }, { "с", W_S }, { "со", W_S },
	{ "по", W_PO }, { "в", W_V }, { "во", W_V }, { "течение", W_TECH },
	{ "течении", W_TECH }, { "на", W_NA }, { "протяжении", W_NAPROT },
	{ "всего", W_VSEGO }, { "весь", W_VSEGO }, { "всей", W_VSEGO },
	{ "все", W_VSEGO },
	{ "период", W_PERIOD }, { "периода", W_PERIOD },
	{ "срок", W_SROK }, { "сроки", W_SROK }, { "срока", W_SROK },
	{ "времени", W_TIME }, { "время", W_TIME },
	{ "г", W_G }, { "гг", W_G }, { "год", W_YEARW }, { "года", W_YEARW },
	{ "году", W_YEARW }, { "годы", W_YEARW }, { "годов", W_YEARW },
	{ "уч", W_SCHOOL }, { "учебного", W_SCHOOL }, { "учебный", W_SCHOOL },
	{ "учебном", W_SCHOOL }, { "учебному", W_SCHOOL },
	{ "и", W_I }, { "включительно", W_INCL },
	{ "ежегодно", W_EZHEGOD }, { "ежеквартально", W_EZHEKV },
	{ "ежемесячно", W_EZHEMES }, { "еженедельно", W_EZHENED },
	{ "ежедневно", W_EZHENED },
	{ "раз", W_RAZ }, { "раза", W_RAZ }, { "дважды", W_DVAZHDY },
	{ "трижды", W_TRIZHDY },
	{ "месяц", W_MONTHW }, { "месяца", W_MONTHW },
	{ "квартал", W_QUARTER }, { "квартала", W_QUARTER },
	{ "квартале", W_QUARTER },
	{ "полгода", W_HALF }, { "полугодие", W_HALF },
	{ "полугодия", W_HALF },
	{ "каждый", W_KAZHD }, { "каждого", W_KAZHD }, { "каждое", W_KAZHD },
	{ "каждом", W_KAZHD }, { "каждые", W_KAZHD },
	{ "числа", W_CHISLA }, { "число", W_CHISLA },
	{ "конца", W_END }, { "конце", W_END }, { "конец", W_END },
	{ "постоянно", W_ALWAYS }, { "бессрочно", W_ALWAYS },
	{ "запросу", W_ONREQ }, { "запросам", W_ONREQ },
	{ "отдельному", W_ONREQ }, { "отдельным", W_ONREQ },
	{ "графику", W_ONREQ }, { "плану", W_ONREQ },
	{ "необходимости", W_ONREQ }, { "требованию", W_ONREQ },
	{ "согласованию", W_ONREQ }, { "приглашению", W_ONREQ },
	{ "соответствии", W_SOOTV }, { "согласно", W_SOOTV }
};

/* Every form a month is written in: nominative, genitive, locative, dative, short. */
static const char *const dl_months[12] = {
	"январь января январе январю янв",
	"февраль февраля феврале февралю фев февр",
	"март марта марте марту мар",
	"апрель апреля апреле апрелю апр",
	"май мая мае маю",
	"июнь июня июне июню июн",
	"июль июля июле июлю июл",
	"август августа августе августу авг",
	"сентябрь сентября сентябре сентябрю сен сент",
	"октябрь октября октябре октябрю окт",
	"ноябрь ноября ноябре ноябрю ноя нояб",
	"декабрь декабря декабре декабрю дек"
};

/* Is w one of the words of a space-separated list? */
static int
dl_in_list(const char *list, const char *w, size_t len)
{
	const char	*p = list, *e;

	while (*p != '\0') {
		e = strchr(p, ' ');
		if (e == NULL)
			e = p + strlen(p);
		if ((size_t)(e - p) == len && memcmp(p, w, len) == 0)
			return (1);
		p = *e == ' ' ? e + 1 : e;
	}
	return (0);
}

static void
dl_word(const char *w, size_t len, struct dl_tok *t)
{
	size_t	i;

	t->type = T_WORD;
	t->val = W_OTHER;
	for (i = 0; i < nitems(dl_months); i++) {
		if (dl_in_list(dl_months[i], w, len)) {
			t->type = T_MONTH;
			t->val = (int)i + 1;
			return;
		}
	}
	for (i = 0; i < nitems(dl_words); i++) {
		if (strlen(dl_words[i].w) == len &&
		    memcmp(dl_words[i].w, w, len) == 0) {
			t->val = dl_words[i].id;
			return;
		}
	}
}

/* Reads a run of digits; its length, or 0 past 9 digits (then *end is past it all). */
static int
dl_digits(const char *s, const char **end, int *val)
{
	int	n = 0;

	*val = 0;
	while (isdigit((unsigned char)*s)) {
		if (n < 9)
			*val = *val * 10 + (*s - '0');
		n++;
		s++;
	}
	*end = s;
	return (n > 9 ? 0 : n);
}

/*
 * A number, or a date written with numbers: 30.08.2023, 30.08, 30/08/23,
 * 2023-08-30.  The month and day are checked later, with the year.
 */
static const char *
dl_lex_number(const char *s, struct dl_tok *t)
{
	const char	*p, *q, *r;
	int		 a, b, c, na, nb, nc;
	char		 sep;

	na = dl_digits(s, &p, &a);
	t->type = T_OTHER;
	if (na == 0)
		return (p);
	t->type = T_NUM;
	t->val = a;
	t->ndig = na;
	sep = *p;
	if (na <= 2 && (sep == '.' || sep == '/') &&
	    isdigit((unsigned char)p[1])) {
		nb = dl_digits(p + 1, &q, &b);
		if (nb == 0 || nb > 2) {
			t->type = T_OTHER;
			return (q);
		}
		t->type = T_DATE;
		t->d = a;
		t->m = b;
		t->y = 0;
		if (*q == sep && isdigit((unsigned char)q[1])) {
			nc = dl_digits(q + 1, &r, &c);
			if ((nc != 2 && nc != 4) || c == 0)
				t->type = T_OTHER;
			t->y = nc == 2 ? 2000 + c : c;
			q = r;
		}
		return (q);
	}
	if (na == 4 && sep == '-' && isdigit((unsigned char)p[1])) {
		nb = dl_digits(p + 1, &q, &b);
		if (nb <= 2 && *q == '-' && isdigit((unsigned char)q[1])) {
			nc = dl_digits(q + 1, &r, &c);
			t->type = nc > 0 && nc <= 2 ? T_DATE : T_OTHER;
			t->y = a;
			t->m = b;
			t->d = c;
			return (r);
		}
	}
	return (p);
}

static int
dl_is_letter(uint32_t cp)
{
	return ((cp >= 0x400 && cp <= 0x4ff) || (cp < 0x80 && isalpha(cp)));
}

/* Cut folded text into tokens; -1 if there are too many. */
int
deadline_lex(const char *s, struct dl_tok *tok, int max)
{
	const char	*w, *end = s + strlen(s);
	uint32_t	 cp;
	size_t		 n;
	int		 nt = 0;

	while (s < end) {
		if (nt == max)
			return (-1);
		memset(&tok[nt], 0, sizeof tok[nt]);
		n = utf8_decode(s, (size_t)(end - s), &cp);
		if (cp < 0x80 && isdigit(cp)) {
			s = dl_lex_number(s, &tok[nt++]);
			continue;
		}
		if (dl_is_letter(cp)) {
			w = s;
			while (s < end) {
				n = utf8_decode(s, (size_t)(end - s), &cp);
				if (!dl_is_letter(cp))
					break;
				s += n;
			}
			dl_word(w, (size_t)(s - w), &tok[nt++]);
			continue;
		}
		s += n;
		if (cp == '-' || (cp >= 0x2010 && cp <= 0x2015) ||
		    cp == 0x2212)
			tok[nt++].type = T_DASH;
		else if (cp == ',' || cp == ';')
			tok[nt++].type = T_SEP;
		else if (cp == ' ' || cp == '.' || cp == ':' || cp == '\t' ||
		    cp == '\n' || cp == '\r' || cp == '"' || cp == '\'' ||
		    cp == 0xa0 || cp == 0xab || cp == 0xbb ||
		    (cp >= 0x2000 && cp <= 0x200b) || cp == 0x202f ||
		    cp == 0x201c || cp == 0x201d)
			continue;
		else
			tok[nt++].type = T_OTHER;
	}
	return (nt);
}

/*
 * The text outside brackets (the inside as spaces), the text inside them, or
 * all of it with the brackets as spaces.  An unclosed bracket runs to the end.
 */
char *
deadline_unbracket(const char *s, int part)
{
	struct sbuf	 b;
	const char	*p;
	int		 depth = 0, keep;

	sbuf_init(&b);
	sbuf_add(&b, "");
	for (p = s; *p != '\0'; p++) {
		if (*p == '(' || *p == '[')
			depth++;
		else if (*p == ')' || *p == ']') {
			if (depth > 0)
				depth--;
		} else {
			keep = part == DL_ALL ||
			    (part == DL_INSIDE) == (depth > 0);
			sbuf_addc(&b, keep ? *p : ' ');
			continue;
		}
		sbuf_addc(&b, ' ');
	}
	return (sbuf_take(&b));
}
