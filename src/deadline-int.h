/* deadline-int.h: what the deadline parser's files share; not for other modules. */
#ifndef NASTAVNIK_DEADLINE_INT_H
#define NASTAVNIK_DEADLINE_INT_H

#include "deadline.h"

#define DL_YMIN		1990	/* day numbers stay positive, see date_days */
#define DL_YMAX		2199

enum {
	T_NUM, T_DATE, T_MONTH, T_DASH, T_SEP, T_WORD, T_OTHER
};

enum {
	W_OTHER, W_DO, W_NE, W_LATER, W_K, W_S, W_PO, W_V, W_TECH, W_NA,
	W_NAPROT, W_VSEGO, W_PERIOD, W_SROK, W_TIME, W_G, W_YEARW, W_SCHOOL,
	W_I, W_INCL, W_EZHEGOD, W_EZHEKV, W_EZHEMES, W_EZHENED, W_RAZ,
	W_DVAZHDY, W_TRIZHDY, W_MONTHW, W_QUARTER, W_HALF, W_KAZHD, W_CHISLA,
	W_END, W_ALWAYS, W_ONREQ, W_SOOTV
};

struct dl_tok {
	int	type;
	int	val;		/* T_NUM value, T_MONTH 1..12, T_WORD id */
	int	ndig;		/* T_NUM digits */
	int	y, m, d;	/* T_DATE; y 0 when left out */
};

/*
 * Cut folded text (see text_fold) into at most max tokens; -1 if there are
 * more.  Dots, spaces and quotes separate and are dropped.
 */
int	 deadline_lex(const char *, struct dl_tok *, int max);
/* Parts of a text with brackets, for deadline_unbracket. */
enum { DL_OUTSIDE, DL_INSIDE, DL_ALL };
char	*deadline_unbracket(const char *, int);
/* Day number of y-m-d (see date_days); -1 unless real and DL_YMIN..DL_YMAX. */
long	 deadline_ymd_days(int, int, int);

#endif
