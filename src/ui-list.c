/* ui-list.c: a list that pages through a query a window at a time, with search. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "ui-draw.h"
#include "ui-list.h"

#define ROW(l, i)	((void *)((l)->rows + (size_t)(i) * (l)->src->rowsize))
/* Counting a row's place by paging stops here; the corner then says "?". */

void
ui_list_init(struct ui_list *l, const struct ui_column *cols, int ncols,
    const struct ui_list_source *src, void *ctx)
{
	memset(l, 0, sizeof *l);
	l->cols = cols;
	l->ncols = ncols;
	l->src = src;
	l->ctx = ctx;
	l->h = LINES > 6 ? LINES - 5 : 1;	/* what an 80x24 people screen shows */
	l->rows = xcalloc((size_t)l->h, src->rowsize);
	l->pos = 0;
	l->count = -1;
	sbuf_init(&l->search);
}

static void
ui_list_clear(struct ui_list *l)
{
	l->src->free_rows(l->rows, l->n);
	l->n = 0;
	l->cur = 0;
}

void
ui_list_free(struct ui_list *l)
{
	ui_idle_cancel(l);
	ui_list_clear(l);
	free(l->rows);
	sbuf_free(&l->search);
	l->rows = NULL;
}

/* Read rows into a new array; -1 (and the error shown) on failure. */
static int
ui_list_fetch(struct ui_list *l, const void *from, int backward, int n,
    char **out)
{
	struct nerr	 err;
	int		 k;

	*out = NULL;
	if (n <= 0)
		return (0);
	*out = xcalloc((size_t)n, l->src->rowsize);
	nerr_clear(&err);
	if ((k = l->src->page(l->ctx, from, backward, *out, n, &err)) < 0) {
		free(*out);
		*out = NULL;
		ui_error("%s", err.msg);
		return (-1);
	}
	return (k);
}

static void
ui_list_reserve(struct ui_list *l, int n)
{
	l->rows = xreallocarray(l->rows, (size_t)(n > 0 ? n : 1),
	    l->src->rowsize);
}

/* Keep at most h rows, dropping from the front or from the end. */
static void
ui_list_trim(struct ui_list *l, int front)
{
	size_t	rs = l->src->rowsize;
	int	d = l->n - l->h;

	if (d <= 0)
		return;
	if (front) {
		l->src->free_rows(ROW(l, 0), d);
		memmove(ROW(l, 0), ROW(l, d), (size_t)(l->n - d) * rs);
		l->cur -= d;
		if (l->pos >= 0)
			l->pos += d;
	} else
		l->src->free_rows(ROW(l, l->h), d);
	l->n = l->h;
}

/* The cursor may point outside while rows move; put it back inside. */
static void
ui_list_clamp(struct ui_list *l)
{
	if (l->cur >= l->n)
		l->cur = l->n - 1;
	if (l->cur < 0)
		l->cur = 0;
}

/* Add k fetched rows at the end or the front; the array is taken. */
static void
ui_list_take(struct ui_list *l, char *tmp, int k, int at_end)
{
	size_t	rs = l->src->rowsize;

	if (k > 0) {
		ui_list_reserve(l, l->n + k);
		if (at_end)
			memcpy(ROW(l, l->n), tmp, (size_t)k * rs);
		else {
			memmove(ROW(l, k), ROW(l, 0), (size_t)l->n * rs);
			memcpy(ROW(l, 0), tmp, (size_t)k * rs);
			l->cur += k;
			if (l->pos >= 0)
				l->pos -= k;
		}
		l->n += k;
	}
	free(tmp);
	ui_list_trim(l, at_end);
}

/* Fill the window up to h rows: after the last, then before the first. */
static void
ui_list_fill(struct ui_list *l)
{
	char	*tmp;
	int	 k;

	if (l->n < l->h) {
		k = ui_list_fetch(l, l->n > 0 ? ROW(l, l->n - 1) : NULL, 0,
		    l->h - l->n, &tmp);
		if (k >= 0)
			ui_list_take(l, tmp, k, 1);
	}
	if (l->n < l->h && l->n > 0) {
		k = ui_list_fetch(l, ROW(l, 0), 1, l->h - l->n, &tmp);
		if (k >= 0)
			ui_list_take(l, tmp, k, 0);
	}
}

static void
ui_list_fit(struct ui_list *l, int h)
{
	if (h < 1)
		h = 1;
	if (h == l->h)
		return;
	l->h = h;
	if (l->n > h)
		ui_list_trim(l, l->cur >= h);
	else
		ui_list_fill(l);
	ui_list_clamp(l);
}

static void
ui_list_count(struct ui_list *l)
{
	struct nerr	err;

	nerr_clear(&err);
	if ((l->count = l->src->count(l->ctx, &err)) < 0)
		ui_error("%s", err.msg);
}

/* The deferred count, run by the main loop when no key is waiting. */
static void
ui_list_count_idle(void *arg)
{
	struct ui_list	*l = arg;

	l->count_later = 0;
	ui_list_count(l);
}

/* Before anything that needs the count: do it now if it was put off. */
static void
ui_list_settle(struct ui_list *l)
{
	if (l->count_later) {
		ui_idle_cancel(l);
		ui_list_count_idle(l);
	}
}

int
ui_list_reload(struct ui_list *l)
{
	char	*tmp;
	int	 k;

	ui_list_clear(l);
	if (l->searching) {
		/*
		 * Typing a search: show the first rows at once and count when
		 * the keyboard is quiet; a count can read every match, the
		 * window never does.
		 */
		l->count = -1;
		l->count_later = 1;
		ui_idle_set(ui_list_count_idle, l);
	} else {
		ui_idle_cancel(l);
		l->count_later = 0;
		ui_list_count(l);
	}
	if ((k = ui_list_fetch(l, NULL, 0, l->h, &tmp)) < 0)
		return (-1);
	l->pos = 0;
	ui_list_take(l, tmp, k, 1);
	l->cur = 0;
	return (0);
}

/* Where a row stands in the whole list; -1 if the source cannot say. */
static long long
ui_list_rank(struct ui_list *l, const void *row)
{
	struct nerr	 err;
	long long	 r;

	if (l->count < 0 || l->src->rank == NULL)
		return (-1);
	nerr_clear(&err);
	if ((r = l->src->rank(l->ctx, row, &err)) < 0)
		ui_error("%s", err.msg);
	return (r);
}

/* Make a window around row r (taken), with the cursor on it. */
static void
ui_list_centre(struct ui_list *l, char *r)
{
	char	*tmp;
	int	 k;

	ui_list_clear(l);
	k = ui_list_fetch(l, r, 1, l->h / 2, &tmp);
	if (k < 0)
		k = 0;
	else
		ui_list_take(l, tmp, k, 1);
	ui_list_take(l, r, 1, 1);
	l->cur = l->n - 1;
	l->pos = -1;
	ui_list_fill(l);
	ui_list_clamp(l);
	l->pos = ui_list_rank(l, ROW(l, 0));
}

int
ui_list_refresh(struct ui_list *l)
{
	char		*anchor, *tmp;
	long long	 id = -1;
	int		 k, i, cur = l->cur, from_top;

	if (l->n == 0)
		return (ui_list_reload(l));
	id = l->src->id(ROW(l, l->cur));
	if (l->pos == 0) {
		/* At the top the top stays: new first rows come into view. */
		k = 0;
		tmp = NULL;
	} else {
		/* From just before the old first row: it may itself be gone. */
		anchor = xcalloc(1, l->src->rowsize);
		l->src->copy_row(anchor, ROW(l, 0));
		k = ui_list_fetch(l, anchor, 1, 1, &tmp);
		l->src->free_rows(anchor, 1);
		free(anchor);
		if (k < 0)
			return (-1);
	}
	ui_list_clear(l);
	ui_list_count(l);
	from_top = k != 1;
	if (k == 1) {
		k = ui_list_fetch(l, tmp, 0, l->h, &anchor);
		l->src->free_rows(tmp, 1);
		free(tmp);
	} else {
		free(tmp);
		k = ui_list_fetch(l, NULL, 0, l->h, &anchor);
	}
	if (k < 0)
		return (-1);
	ui_list_take(l, anchor, k, 1);
	ui_list_fill(l);
	l->cur = cur < l->n ? cur : l->n - 1;
	for (i = 0; i < l->n; i++) {
		if (l->src->id(ROW(l, i)) == id)
			l->cur = i;
	}
	if (l->cur < 0)
		l->cur = 0;
	/* Read from the top, the place is known; else rows may have moved. */
	l->pos = from_top || l->n == 0 ? 0 : ui_list_rank(l, ROW(l, 0));
	return (0);
}

int
ui_list_select(struct ui_list *l, long long id)
{
	struct nerr	 err;
	char		*r;
	int		 i, found;

	for (i = 0; i < l->n; i++) {
		if (l->src->id(ROW(l, i)) == id) {
			l->cur = i;
			return (1);
		}
	}
	if (l->src->find == NULL)
		return (0);
	r = xcalloc(1, l->src->rowsize);
	nerr_clear(&err);
	if ((found = l->src->find(l->ctx, id, r, &err)) != 1) {
		if (found < 0)
			ui_error("%s", err.msg);
		free(r);
		return (0);
	}
	ui_list_centre(l, r);
	return (1);
}

const void *
ui_list_current(const struct ui_list *l)
{
	if (l->n == 0)
		return (NULL);
	return (ROW(l, l->cur));
}

void
ui_list_position(const struct ui_list *l, struct sbuf *sb)
{
	if (l->count_later) {
		/* ASCII: the count follows in a moment on any terminal. */
		sbuf_addf(sb, "%lld/...", l->n == 0 ? 0 : l->pos + l->cur + 1);
		return;
	}
	if (l->count < 0)
		return;
	if (l->n == 0)
		sbuf_addf(sb, "0/%lld", l->count);
	else if (l->pos < 0)
		sbuf_addf(sb, "?/%lld", l->count);
	else
		sbuf_addf(sb, "%lld/%lld", l->pos + l->cur + 1, l->count);
}

/* ---- moving ---- */

static void
ui_list_down(struct ui_list *l, int by)
{
	char	*tmp;
	int	 k, want;

	if (l->n == 0)
		return;
	want = l->cur + by - (l->n - 1);
	if (want > 0) {
		k = ui_list_fetch(l, ROW(l, l->n - 1), 0, want, &tmp);
		if (k > 0)
			ui_list_take(l, tmp, k, 1);
		else
			free(tmp);
	}
	l->cur += by;
	ui_list_clamp(l);
}

static void
ui_list_up(struct ui_list *l, int by)
{
	char	*tmp;
	int	 k, want;

	if (l->n == 0)
		return;
	want = by - l->cur;
	if (want > 0) {
		k = ui_list_fetch(l, ROW(l, 0), 1, want, &tmp);
		if (k > 0)
			ui_list_take(l, tmp, k, 0);
		else
			free(tmp);
	}
	l->cur -= by;
	ui_list_clamp(l);
}

static void
ui_list_end(struct ui_list *l)
{
	char	*tmp;
	int	 k;

	if ((k = ui_list_fetch(l, NULL, 1, l->h, &tmp)) < 0)
		return;
	ui_list_clear(l);
	ui_list_take(l, tmp, k, 1);
	l->cur = l->n > 0 ? l->n - 1 : 0;
	l->pos = l->count >= 0 ? l->count - l->n : -1;
}

/* ---- search ---- */

static void
ui_list_search_apply(struct ui_list *l)
{
	if (l->src->search != NULL)
		l->src->search(l->ctx, l->search.len > 0 ? l->search.s : NULL);
	ui_list_reload(l);
}

void
ui_list_search_start(struct ui_list *l, struct ui_frame *f)
{
	l->searching = 1;
	f->typing = 1;
}

static int
ui_list_search_key(struct ui_list *l, struct ui_frame *f, int k)
{
	switch (k) {
	case '\r':
	case '\n':
	case UI_FN(KEY_ENTER):
		l->searching = 0;
		f->typing = 0;
		return (1);
	case UI_ESC:
		l->searching = 0;
		f->typing = 0;
		sbuf_reset(&l->search);
		ui_list_search_apply(l);
		return (1);
	case UI_FN(KEY_BACKSPACE):
	case 0x7f:
	case '\b':
		if (text_backspace(&l->search))
			ui_list_search_apply(l);
		return (1);
	}
	if (!UI_IS_FN(k) && k >= 0x20 && l->search.len < 100) {
		text_add_wc(&l->search, (wchar_t)k);
		ui_list_search_apply(l);
		return (1);
	}
	return (0);
}

int
ui_list_key(struct ui_list *l, struct ui_frame *f, int k)
{
	if (l->searching && ui_list_search_key(l, f, k))
		return (1);
	ui_list_settle(l);
	switch (k) {
	case UI_FN(KEY_DOWN):
		ui_list_down(l, 1);
		return (1);
	case UI_FN(KEY_UP):
		ui_list_up(l, 1);
		return (1);
	case UI_FN(KEY_NPAGE):
		ui_list_down(l, l->h);
		return (1);
	case UI_FN(KEY_PPAGE):
		ui_list_up(l, l->h);
		return (1);
	case UI_FN(KEY_HOME):
		ui_list_reload(l);
		return (1);
	case UI_FN(KEY_END):
		ui_list_end(l);
		return (1);
	case UI_ESC:
		if (l->search.len == 0)
			return (0);
		sbuf_reset(&l->search);
		ui_list_search_apply(l);
		return (1);
	}
	return (0);
}

/* ---- drawing ---- */

static void
ui_list_widths(const struct ui_list *l, int total, int *w)
{
	int	i, fixed = 0, flex = 0, left;

	for (i = 0; i < l->ncols; i++) {
		fixed += l->cols[i].width + (i > 0);
		flex += l->cols[i].width == 0;
	}
	left = total - fixed;
	for (i = 0; i < l->ncols; i++) {
		w[i] = l->cols[i].width;
		if (w[i] == 0)
			w[i] = flex > 0 && left > 0 ? left / flex : 1;
	}
}

static void
ui_list_draw_row(struct ui_list *l, WINDOW *w, int y, const int *cw,
    const void *row, attr_t a)
{
	struct sbuf	sb;
	int		i, x = 1, tw;

	sbuf_init(&sb);
	wattrset(w, a);
	mvwhline(w, y, 0, ' ', COLS);
	wattrset(w, A_NORMAL);
	for (i = 0; i < l->ncols; i++) {
		sbuf_reset(&sb);
		l->cols[i].get(row, &sb);
		tw = ui_width(sb.s);
		if (l->cols[i].right && tw < cw[i])
			ui_put(w, y, x + cw[i] - tw, tw, sb.s, a, 0);
		else
			ui_put(w, y, x, cw[i], sb.s, a, 0);
		x += cw[i] + 1;
	}
	sbuf_free(&sb);
}

void
ui_list_draw(struct ui_list *l, struct ui_frame *f, WINDOW *w, int y, int h)
{
	int		 cw[16], i, x = 1, rh;
	const char	*label;

	rh = h - 1 - l->searching;
	ui_list_fit(l, rh);
	ui_list_widths(l, COLS - 2, cw);
	for (i = 0; i < l->ncols && i < 16; i++) {
		ui_put(w, y, x, cw[i], _(l->cols[i].title),
		    ui_attr(UI_HEADER), 0);
		x += cw[i] + 1;
	}
	for (i = 0; i < l->n && i < rh; i++)
		ui_list_draw_row(l, w, y + 1 + i, cw, ROW(l, i),
		    i == l->cur ? ui_attr(UI_SELECT) : A_NORMAL);
	if (l->n == 0 && l->count >= 0)
		ui_put_centre(w, y + 1 + rh / 2, 0, COLS,
		    l->search.len > 0 || l->empty == NULL ?
		    _("Nothing found.") : _(l->empty), ui_attr(UI_DIM));
	if (l->searching) {
		label = _("Search:");
		x = ui_put(w, y + h - 1, 1, COLS - 2, label, A_BOLD, 0) + 2;
		x += ui_put(w, y + h - 1, x, COLS - x - 1, l->search.s,
		    A_NORMAL, 0);
		f->cury = y + h - 1;
		f->curx = x < COLS - 1 ? x : COLS - 1;
	}
}
