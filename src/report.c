/* report.c: the report engine: blocks laid out by display width into pages with a title block. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "date.h"
#include "report.h"
#include "text.h"
#include "util.h"

#define REPORT_GAP	2	/* spaces between table columns */
#define REPORT_MAXCOLS	24

/*
 * The body is laid out as soon as a block is added (the width is known
 * from the start), so a register of 100 000 rows is held as text, not as
 * rows: one buffer and a small record a line.
 */
struct rline {
	size_t	 off;		/* into body */
	int	 table;		/* table whose header repeats on a new page; -1 */
	int	 glue;		/* may not start a page */
};

struct rtable {
	size_t	 hoff;		/* its header lines, in heads */
	size_t	 hlen;
	int	 hlines;
};

struct report {
	struct report_opts	 o;
	char			*school;
	char			*name;
	struct sbuf		 body;
	struct rline		*lines;
	size_t			 nlines, caplines;
	struct sbuf		 heads;
	struct rtable		*tables;
	int			 ntables;
	/* the open table */
	int			 cur;		/* -1: none */
	int			 ncols;
	struct report_col	 cols[REPORT_MAXCOLS];
	int			 w[REPORT_MAXCOLS];
	int			 rows;		/* rows so far in the open table */
	int			 glue_next;	/* lines still to glue */
	char			 err[NERR_MAX];	/* first layout error */
	/* scratch of report_cells, kept: a register has 100 000 rows */
	struct sbuf		 cwr[REPORT_MAXCOLS];
	struct sbuf		 cclean, cline;
};

void
report_opts_init(struct report_opts *o)
{
	memset(o, 0, sizeof *o);
	o->width = 80;
	o->page_length = 66;
	o->encoding = "utf-8";
}

struct report *
report_new(const struct report_opts *o, const char *school, const char *name)
{
	struct report	*r;
	int		 i;

	r = xcalloc(1, sizeof *r);
	r->o = *o;
	if (r->o.width < 20)
		r->o.width = 20;
	r->school = text_escape(school != NULL ? school : "");
	r->name = text_escape(name != NULL ? name : "");
	sbuf_init(&r->body);
	sbuf_add(&r->body, "");
	sbuf_init(&r->heads);
	sbuf_add(&r->heads, "");
	for (i = 0; i < REPORT_MAXCOLS; i++)
		sbuf_init(&r->cwr[i]);
	sbuf_init(&r->cclean);
	sbuf_init(&r->cline);
	r->cur = -1;
	return (r);
}

void
report_free(struct report *r)
{
	int	i;

	if (r == NULL)
		return;
	free(r->school);
	free(r->name);
	sbuf_free(&r->body);
	sbuf_free(&r->heads);
	for (i = 0; i < REPORT_MAXCOLS; i++)
		sbuf_free(&r->cwr[i]);
	sbuf_free(&r->cclean);
	sbuf_free(&r->cline);
	free(r->lines);
	free(r->tables);
	free(r);
}

/* ---- lines and wrapping ---- */

/* Add one finished line (NUL-separated in body). */
static void
report_line(struct report *r, const char *s, size_t len, int table, int glue)
{
	struct rline	*l;

	/* Trailing blanks are noise on paper and in diffs. */
	while (len > 0 && s[len - 1] == ' ')
		len--;
	if (r->nlines == r->caplines) {
		r->caplines = r->caplines ? r->caplines * 2 : 256;
		r->lines = xreallocarray(r->lines, r->caplines,
		    sizeof *r->lines);
	}
	l = &r->lines[r->nlines++];
	l->off = r->body.len;
	l->table = table;
	l->glue = glue;
	if (r->glue_next > 0) {
		l->glue = 1;
		r->glue_next--;
	}
	sbuf_addn(&r->body, s, len);
	sbuf_addc(&r->body, '\0');
}

/*
 * The width of a text that needs no cleaning and no decoding: printable
 * ASCII and basic Cyrillic (U+0400..U+047F, two bytes D0/D1 xx, one
 * column each), which is nearly every cell of a register.  -1 for any
 * other text: it takes the slow, general way.  *simple_spaces says no
 * space leads, ends or doubles (wrapping would not change it).
 */
static int
report_simple(const char *s, size_t *len, int *simple_spaces)
{
	const unsigned char	*p = (const unsigned char *)s;
	int			 w = 0, sp = 1;

	for (; *p != '\0'; p++, w++) {
		if (*p == ' ') {
			if (p == (const unsigned char *)s || p[1] == ' ' ||
			    p[1] == '\0')
				sp = 0;
		} else if (*p >= 0xd0 && *p <= 0xd1) {
			if (p[1] < 0x80 || p[1] > 0xbf)
				return (-1);
			p++;
		} else if (*p < 0x20 || *p >= 0x7f)
			return (-1);
	}
	*len = (size_t)(p - (const unsigned char *)s);
	*simple_spaces = sp;
	return (w);
}

/*
 * Clean a text from the data for printing: tabs and line ends become
 * spaces (hard breaks are the caller's), control characters their
 * visible escapes.
 */
static char *
report_clean(const char *s)
{
	char	*t, *e, *p;

	t = xstrdup(s != NULL ? s : "");
	for (p = t; *p != '\0'; p++)
		if (*p == '\t' || *p == '\n' || *p == '\r')
			*p = ' ';
	e = text_escape(t);
	free(t);
	return (e);
}

/* Width of len bytes of s. */
static int
report_width_n(const char *s, size_t len)
{
	size_t		i = 0, n;
	uint32_t	cp;
	int		w = 0;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		w += text_cp_width(cp);
		i += n;
	}
	return (w);
}

/*
 * Break cleaned text into lines of at most width columns: at spaces, a
 * word longer than the width cut by characters.  Each line appended to
 * out as a NUL-terminated string; returns how many.
 */
static int
report_wrap(const char *s, int width, struct sbuf *out)
{
	const char	*p = s, *word;
	size_t		 n, wlen;
	uint32_t	 cp;
	int		 lines = 0, col = 0, ww, cw, sep;
	struct sbuf	 cur;

	sbuf_init(&cur);
	sbuf_add(&cur, "");
	if (width < 1)
		width = 1;
	for (;;) {
		sep = *p == ' ';
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		/* A word ends at a space or after a hyphen or dash. */
		word = p;
		while (*p != '\0' && *p != ' ') {
			if (*p == '-' || *p == '/') {
				p++;
				break;
			}
			if (strncmp(p, "\xe2\x80\x93", 3) == 0) {
				p += 3;
				break;
			}
			p++;
		}
		wlen = (size_t)(p - word);
		ww = report_width_n(word, wlen);
		if (col > 0 && col + sep + ww <= width) {
			if (sep)
				sbuf_addc(&cur, ' ');
			sbuf_addn(&cur, word, wlen);
			col += sep + ww;
			continue;
		}
		if (col > 0) {
			sbuf_addn(out, cur.s, cur.len + 1);
			lines++;
			sbuf_reset(&cur);
			sbuf_add(&cur, "");
			col = 0;
		}
		if (ww <= width) {
			sbuf_addn(&cur, word, wlen);
			col = ww;
			continue;
		}
		/* A word wider than the column: cut it by characters. */
		while (wlen > 0) {
			n = utf8_decode(word, wlen, &cp);
			cw = text_cp_width(cp);
			if (col + cw > width && col > 0) {
				sbuf_addn(out, cur.s, cur.len + 1);
				lines++;
				sbuf_reset(&cur);
				sbuf_add(&cur, "");
				col = 0;
			}
			sbuf_addn(&cur, word, n);
			col += cw;
			word += n;
			wlen -= n;
		}
	}
	if (col > 0 || lines == 0) {
		sbuf_addn(out, cur.s, cur.len + 1);
		lines++;
	}
	sbuf_free(&cur);
	return (lines);
}

static void
report_pad(struct sbuf *b, int n)
{
	static const char	sp[] = "                                ";
	int			k;

	for (; n > 0; n -= k) {
		k = n < (int)sizeof sp - 1 ? n : (int)sizeof sp - 1;
		sbuf_addn(b, sp, (size_t)k);
	}
}

/* ---- blocks ---- */

static void
report_wrapped(struct report *r, const char *s, int indent, int glue)
{
	struct sbuf	 w, line;
	char		*c, *p;
	int		 n, i;

	c = report_clean(s);
	sbuf_init(&w);
	sbuf_init(&line);
	n = report_wrap(c, r->o.width - indent, &w);
	for (i = 0, p = w.s; i < n; i++, p += strlen(p) + 1) {
		sbuf_reset(&line);
		sbuf_add(&line, "");
		report_pad(&line, indent);
		sbuf_add(&line, p);
		report_line(r, line.s, line.len, -1, i > 0 ? 1 : glue);
	}
	sbuf_free(&w);
	sbuf_free(&line);
	free(c);
}

void
report_heading(struct report *r, const char *s)
{
	if (r->nlines > 0)
		report_blank(r);
	report_wrapped(r, s, 0, 0);
	/* Never the last line of a page: keep it with what it heads. */
	r->glue_next = 1;
}

void
report_para(struct report *r, const char *s)
{
	const char	*p, *nl;
	char		*piece;

	/* A paragraph may hold line breaks of its own (agreement wording). */
	for (p = s != NULL ? s : ""; ; p = nl + 1) {
		nl = strchr(p, '\n');
		piece = nl != NULL ? xstrndup(p, (size_t)(nl - p)) :
		    xstrdup(p);
		report_wrapped(r, piece, 0, 0);
		free(piece);
		if (nl == NULL)
			break;
	}
}

void
report_blank(struct report *r)
{
	report_line(r, "", 0, -1, 0);
}

void
report_keep(struct report *r, int n)
{
	if (n > 1)
		r->glue_next = n - 1;
}

void
report_sign(struct report *r, const char *who)
{
	struct sbuf	b;
	char		*c;

	c = report_clean(who);
	sbuf_init(&b);
	sbuf_add(&b, "");
	report_line(r, "", 0, -1, 0);
	report_line(r, c, strlen(c), -1, 1);
	sbuf_addf(&b, "______________________ %s    %s ____________",
	    _("(signature)"), _("date"));
	/* A narrow page: the rule as wide as it can be. */
	if (text_width(b.s) > r->o.width) {
		sbuf_reset(&b);
		sbuf_add(&b, "");
		while ((int)b.len < r->o.width - 1)
			sbuf_addc(&b, '_');
	}
	report_line(r, b.s, b.len, -1, 1);
	sbuf_free(&b);
	free(c);
}

/* ---- tables ---- */

/* One row of cells wrapped in their columns; the lines added. */
static void
report_cells(struct report *r, const char *const *cells, int table,
    int glue_first, struct sbuf *dest, int *ndest)
{
	struct sbuf	*wr = r->cwr, *line = &r->cline;
	char		*p[REPORT_MAXCOLS], *c;
	size_t		 len;
	int		 n[REPORT_MAXCOLS], i, k, most = 1, cw, sp;

	for (i = 0; i < r->ncols; i++) {
		sbuf_reset(&wr[i]);
		sbuf_add(&wr[i], "");
		/*
		 * A plain cell that fits is its own one line: no copy to
		 * clean it, no wrapping (the same text the long way).
		 */
		cw = cells[i] != NULL ? report_simple(cells[i], &len, &sp) :
		    -1;
		if (cw > 0 && sp && cw <= r->w[i]) {
			sbuf_addn(&wr[i], cells[i], len + 1);
			n[i] = 1;
		} else if (cw > 0) {
			/* Plain: cleaning would give the same text. */
			n[i] = report_wrap(cells[i], r->w[i], &wr[i]);
		} else {
			c = report_clean(cells[i]);
			n[i] = report_wrap(c, r->w[i], &wr[i]);
			if (*c == '\0')
				n[i] = 0;
			free(c);
		}
		p[i] = wr[i].s;
		if (n[i] > most)
			most = n[i];
	}
	for (k = 0; k < most; k++) {
		sbuf_reset(line);
		sbuf_add(line, "");
		for (i = 0; i < r->ncols; i++) {
			if (i > 0)
				report_pad(line, REPORT_GAP);
			if (k >= n[i]) {
				report_pad(line, r->w[i]);
				continue;
			}
			if ((cw = report_simple(p[i], &len, &sp)) < 0) {
				cw = text_width(p[i]);
				len = strlen(p[i]);
			}
			if (r->cols[i].right)
				report_pad(line, r->w[i] - cw);
			sbuf_addn(line, p[i], len);
			if (!r->cols[i].right)
				report_pad(line, r->w[i] - cw);
			p[i] += len + 1;
		}
		if (dest != NULL) {
			while (line->len > 0 && line->s[line->len - 1] == ' ')
				line->s[--line->len] = '\0';
			sbuf_addn(dest, line->s, line->len + 1);
			(*ndest)++;
		} else
			report_line(r, line->s, line->len, table,
			    k > 0 ? 1 : glue_first);
	}
}

static void
report_rule(struct report *r, struct sbuf *b)
{
	int	i, k;

	sbuf_reset(b);
	sbuf_add(b, "");
	for (i = 0; i < r->ncols; i++) {
		if (i > 0)
			report_pad(b, REPORT_GAP);
		for (k = 0; k < r->w[i]; k++)
			sbuf_addc(b, '-');
	}
}

void
report_table(struct report *r, const struct report_col *cols, int n)
{
	const char	*titles[REPORT_MAXCOLS];
	struct rtable	*t;
	struct sbuf	 rule;
	int		 i, avail, need = 0, wsum = 0, spare, given;

	if (r->cur >= 0)
		report_table_end(r);
	if (n > REPORT_MAXCOLS)
		n = REPORT_MAXCOLS;
	r->ncols = n;
	memcpy(r->cols, cols, (size_t)n * sizeof *cols);
	avail = r->o.width - REPORT_GAP * (n - 1);
	for (i = 0; i < n; i++) {
		need += cols[i].min;
		wsum += cols[i].weight;
	}
	if (need > avail && r->err[0] == '\0')
		snprintf(r->err, sizeof r->err, _("The report \"%s\" needs at "
		    "least %d columns for its tables; give a width of %d or "
		    "more."), r->name, need + REPORT_GAP * (n - 1),
		    need + REPORT_GAP * (n - 1));
	spare = avail - need;
	if (spare < 0)
		spare = 0;
	given = 0;
	for (i = 0; i < n; i++) {
		r->w[i] = cols[i].min;
		if (wsum > 0 && cols[i].weight > 0) {
			r->w[i] += spare * cols[i].weight / wsum;
			given += spare * cols[i].weight / wsum;
		}
		if (r->w[i] < 1)
			r->w[i] = 1;
	}
	/* What rounding left goes to the last column that grows. */
	for (i = n - 1; i >= 0; i--)
		if (cols[i].weight > 0) {
			r->w[i] += spare - given;
			break;
		}
	r->tables = xreallocarray(r->tables, (size_t)r->ntables + 1,
	    sizeof *r->tables);
	r->cur = r->ntables++;
	t = &r->tables[r->cur];
	t->hoff = r->heads.len;
	t->hlines = 0;
	for (i = 0; i < n; i++)
		titles[i] = cols[i].title;
	report_cells(r, titles, -1, 0, &r->heads, &t->hlines);
	sbuf_init(&rule);
	report_rule(r, &rule);
	sbuf_addn(&r->heads, rule.s, rule.len + 1);
	t->hlines++;
	t->hlen = r->heads.len - t->hoff;
	sbuf_free(&rule);
	/* The header itself, once, kept with the first row. */
	{
		const char	*p = r->heads.s + t->hoff;
		int		 k;

		for (k = 0; k < t->hlines; k++, p += strlen(p) + 1)
			report_line(r, p, strlen(p), -1, k > 0);
	}
	r->glue_next = 1;
	r->rows = 0;
}

void
report_row(struct report *r, const char *const *cells)
{
	if (r->cur < 0)
		return;
	report_cells(r, cells, r->cur, 0, NULL, NULL);
	r->rows++;
}

void
report_total(struct report *r, const char *const *cells)
{
	struct sbuf	rule;

	if (r->cur < 0)
		return;
	sbuf_init(&rule);
	report_rule(r, &rule);
	report_line(r, rule.s, rule.len, r->cur, 1);
	sbuf_free(&rule);
	report_cells(r, cells, r->cur, 1, NULL, NULL);
}

void
report_table_end(struct report *r)
{
	r->cur = -1;
	r->glue_next = 0;
}

/* ---- pages ---- */

/* The title block of a page (page 0: no pages). */
static int
report_title(struct report *r, int page, int pages, struct sbuf *out,
    int count_only)
{
	struct sbuf	 w, line;
	char		 asof[DATE_ISO_LEN], *pg = NULL, *as = NULL;
	const char	*p;
	int		 n = 0, i, k, pw = 0, left;

	if (pages > 0) {
		xasprintf(&pg, _("page %d of %d"), page, pages);
		/* As wide as the widest it can be, so every page agrees. */
		{
			char	*big;

			xasprintf(&big, _("page %d of %d"), pages, pages);
			pw = text_width(big);
			free(big);
		}
	}
	date_show(r->o.as_of != NULL ? r->o.as_of : date_today(), asof);
	xasprintf(&as, _("as of %s"), asof);
	sbuf_init(&w);
	sbuf_init(&line);
	left = r->o.width - (pw > 0 ? pw + 2 : 0);
	k = report_wrap(r->school, left, &w);
	for (i = 0, p = w.s; i < k; i++, p += strlen(p) + 1) {
		n++;
		if (count_only)
			continue;
		sbuf_reset(&line);
		sbuf_add(&line, p);
		if (i == 0 && pg != NULL) {
			report_pad(&line, r->o.width - text_width(p) -
			    text_width(pg));
			sbuf_add(&line, pg);
		}
		sbuf_add(out, line.s);
		sbuf_addc(out, '\n');
	}
	/* The report's name and date, centred. */
	sbuf_reset(&w);
	k = report_wrap(r->name, r->o.width, &w);
	sbuf_add(&w, as);
	sbuf_addc(&w, '\0');
	k++;
	for (i = 0, p = w.s; i < k; i++, p += strlen(p) + 1) {
		n++;
		if (count_only)
			continue;
		report_pad(out, (r->o.width - text_width(p)) / 2);
		sbuf_add(out, p);
		sbuf_addc(out, '\n');
	}
	n++;
	if (!count_only)
		sbuf_addc(out, '\n');
	sbuf_free(&w);
	sbuf_free(&line);
	free(pg);
	free(as);
	return (n);
}

/*
 * Where each page starts: a line index into lines, in *starts (pages of
 * them).  A unit (a line and those glued to it) that does not fit moves
 * to the next page; one longer than a page is cut where the page ends.
 */
static int
report_paginate(struct report *r, int title, size_t **starts)
{
	size_t	 i, j, *s = NULL;
	int	 pages = 0, room, used, unit, head;

	s = xreallocarray(NULL, 1, sizeof *s);
	s[pages++] = 0;
	room = r->o.page_length - title;
	used = 0;
	for (i = 0; i < r->nlines; i = j) {
		for (j = i + 1; j < r->nlines && r->lines[j].glue; j++)
			;
		unit = (int)(j - i);
		head = 0;
		if (used == 0 && r->lines[i].table >= 0)
			head = r->tables[r->lines[i].table].hlines;
		if (used + head + unit <= room || used == 0) {
			if (used == 0 && head + unit > room) {
				/* Longer than a page: cut it. */
				j = i + (size_t)(room - head > 1 ?
				    room - head : 1);
				used = room;
			} else
				used += head + unit;
			continue;
		}
		s = xreallocarray(s, (size_t)pages + 1, sizeof *s);
		s[pages++] = i;
		used = 0;
		j = i;		/* place it again on the new page */
	}
	*starts = s;
	return (pages);
}

/*
 * Body lines from .. to-1 onto out, each ending in a newline: the lines
 * lie one after another in body, so one copy and the NULs turned.
 */
static void
report_copy_lines(struct report *r, struct sbuf *out, size_t from, size_t to)
{
	size_t	 a, b;
	char	*p, *e;

	if (from >= to)
		return;
	a = r->lines[from].off;
	b = to < r->nlines ? r->lines[to].off : r->body.len;
	sbuf_addn(out, r->body.s + a, b - a);
	e = out->s + out->len;
	for (p = e - (b - a); (p = memchr(p, '\0', (size_t)(e - p))) != NULL;
	    p++)
		*p = '\n';
}

int
report_render(struct report *r, struct sbuf *out, struct nerr *err)
{
	size_t		*starts = NULL, i, end;
	const char	*p;
	int		 pages, pg, title, k, t;

	if (r->err[0] != '\0')
		return (nerr_set(err, "%s", r->err));
	sbuf_add(out, "");
	if (r->o.page_length <= 0) {
		report_title(r, 0, 0, out, 0);
		report_copy_lines(r, out, 0, r->nlines);
		return (0);
	}
	/* The title's length depends on the page count only by its width. */
	title = report_title(r, 1, 1, NULL, 1);
	pages = report_paginate(r, title, &starts);
	k = report_title(r, pages, pages, NULL, 1);
	if (k != title) {
		free(starts);
		title = k;
		pages = report_paginate(r, title, &starts);
	}
	if (title + 2 > r->o.page_length) {
		free(starts);
		return (nerr_set(err, _("A page of %d lines cannot hold the "
		    "title block; give a page length of 20 or more."),
		    r->o.page_length));
	}
	for (pg = 0; pg < pages; pg++) {
		if (pg > 0)
			sbuf_addc(out, '\f');
		report_title(r, pg + 1, pages, out, 0);
		end = pg + 1 < pages ? starts[pg + 1] : r->nlines;
		i = starts[pg];
		if (i < end && (t = r->lines[i].table) >= 0) {
			p = r->heads.s + r->tables[t].hoff;
			for (k = 0; k < r->tables[t].hlines; k++) {
				sbuf_add(out, p);
				sbuf_addc(out, '\n');
				p += strlen(p) + 1;
			}
		}
		report_copy_lines(r, out, i, end);
	}
	free(starts);
	return (0);
}

/* ---- by name ---- */

const struct report_def *
report_find(const char *name)
{
	int	i;

	for (i = 0; i < report_ndefs; i++)
		if (strcmp(report_defs[i].name, name) == 0)
			return (&report_defs[i]);
	return (NULL);
}

int
report_make(struct db *db, const char *name, const struct report_opts *o,
    struct sbuf *out, struct nerr *err)
{
	const struct report_def	*d;
	struct report		*r;
	char			*school;
	int			 rc;

	if ((d = report_find(name)) == NULL)
		return (nerr_set(err, _("There is no report \"%s\"; "
		    "'nastavnik report --list' names them."), name));
	if (o->width < 40 || o->width > 400)
		return (nerr_set(err, _("The width must be from 40 to 400 "
		    "columns, not %d."), o->width));
	if (o->page_length != 0 && o->page_length < 20)
		return (nerr_set(err, _("The page length must be 0 (no "
		    "pages) or at least 20 lines, not %d."), o->page_length));
	school = db_setting(db, "school.name");
	r = report_new(o, school != NULL ? school : "", _(d->title));
	free(school);
	rc = d->make(db, o, r, err);
	if (rc == 0)
		rc = report_render(r, out, err);
	report_free(r);
	return (rc);
}

void
report_set_name(struct report *r, const char *name)
{
	free(r->name);
	r->name = text_escape(name != NULL ? name : "");
}
