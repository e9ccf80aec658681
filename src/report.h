/* report.h: printed plain-text summaries: the engine (title, tables, pages, encodings) and the reports. */
#ifndef NASTAVNIK_REPORT_H
#define NASTAVNIK_REPORT_H

#include "db.h"
#include "util.h"

struct report_opts {
	int		 width;		/* columns, default 80 (40..400) */
	int		 page_length;	/* lines, default 66; 0: no pages */
	const char	*encoding;	/* utf-8 (default), cp866, cp1251, koi8-r */
	const char	*as_of;		/* ISO; NULL: today */
	const char	*month;		/* attendance: "YYYY-MM" or NULL */
	const char	*class_;	/* attendance: a class or NULL */
	long long	 pair;		/* agreement, plan: the pair */
};
void	 report_opts_init(struct report_opts *);

/* ---- the engine ---- */

struct report;
struct report_col {
	const char	*title;		/* translated */
	int		 min;		/* display columns at least */
	int		 weight;	/* share of the spare width; 0: fixed at min */
	int		 right;		/* numbers */
};
/*
 * A report is built from blocks, then laid out: every page starts with
 * the title block (school, report name, "as of" date, "page x of y"),
 * tables are sized by display width (Cyrillic is one column a letter),
 * long cells wrap inside their column, a table that goes over a page
 * repeats its header, pages are separated by a form feed.
 */
struct report	*report_new(const struct report_opts *, const char *school,
		    const char *name);
void		 report_free(struct report *);
void		 report_heading(struct report *, const char *);
void		 report_para(struct report *, const char *);	/* wrapped */
void		 report_blank(struct report *);
void		 report_table(struct report *, const struct report_col *, int n);
void		 report_row(struct report *, const char *const *cells);
void		 report_total(struct report *, const char *const *cells);
void		 report_table_end(struct report *);
/* "Name ________ (signature)  date ________" lines to sign. */
void		 report_sign(struct report *, const char *who);
/* Replace the report's printed name (agreement, plan: with the pair). */
void		 report_set_name(struct report *, const char *);
/* Keep the next n lines on one page. */
void		 report_keep(struct report *, int n);
/*
 * Lay the report out into out, UTF-8.  Returns 0, or -1 with err (a width
 * too small for the tables).
 */
int		 report_render(struct report *, struct sbuf *out, struct nerr *);

/*
 * Convert UTF-8 text to an encoding for old printers and programs.  A
 * character the encoding cannot hold becomes '?', counted in *replaced
 * (never dropped silently).
 */
int		 report_encode(const char *utf8, const char *encoding,
		    struct sbuf *out, int *replaced, struct nerr *);
int		 report_encoding_valid(const char *);

/* ---- the reports ---- */

struct report_def {
	const char	*name;		/* roadmap, participants, ... */
	const char	*title;		/* N_(): the printed name */
	const char	*help;		/* N_(): one line for --list and the menu */
	int		 needs_pair;	/* agreement, plan */
	int		(*make)(struct db *, const struct report_opts *,
			    struct report *, struct nerr *);
};
extern const struct report_def report_defs[];
extern const int report_ndefs;
const struct report_def *report_find(const char *);

/* Make a report by name and lay it out (UTF-8; encode to print). */
int	 report_make(struct db *, const char *name, const struct report_opts *,
	    struct sbuf *out, struct nerr *);

#endif
