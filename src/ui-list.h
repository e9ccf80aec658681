/* ui-list.h: a list that pages through a query a window at a time, with search. */
#ifndef NASTAVNIK_UI_LIST_H
#define NASTAVNIK_UI_LIST_H

#include "ui.h"

struct ui_column {
	const char	*title;		/* N_() */
	int		 width;		/* columns; 0: takes what is left */
	int		 right;		/* aligned right */
	void		(*get)(const void *row, struct sbuf *);
};

/*
 * Where the rows come from.  page reads at most n rows after (backward:
 * before) the row from, or from an end when from is NULL, in display order;
 * rows are kept only for a window, never the whole table.
 */
struct ui_list_source {
	size_t		 rowsize;
	int		(*page)(void *ctx, const void *from, int backward,
			    void *rows, int n, struct nerr *);
	long long	(*count)(void *ctx, struct nerr *);
	void		(*free_rows)(void *rows, int n);
	void		(*copy_row)(void *dst, const void *src);
	long long	(*id)(const void *row);
	/* The row of an id under the current filter: 1, 0 if not in it, -1. */
	int		(*find)(void *ctx, long long id, void *row,
			    struct nerr *);
	/* The place of a row in the whole list, 0 first; -1 on error. */
	long long	(*rank)(void *ctx, const void *row, struct nerr *);
	/* Set the search text (NULL clears it). */
	void		(*search)(void *ctx, const char *);
};

struct ui_list {
	const struct ui_column		*cols;
	int				 ncols;
	const struct ui_list_source	*src;
	void				*ctx;

	char		*rows;		/* the window: at most h rows */
	int		 n;
	int		 cur;
	int		 h;
	long long	 pos;		/* index of the first row; -1 unknown */
	long long	 count;		/* -1 unknown */
	int		 count_later;	/* count when the keyboard is quiet */

	int		 searching;	/* the search line is open */
	struct sbuf	 search;
	const char	*empty;		/* said when there are no rows, N_() */
};

/*
 * The source of a list over a core module whose list functions all take
 * the database and a filter (person, pair, meeting): MOD_page, MOD_count,
 * MOD_row_find, MOD_rank, MOD_rows_free, MOD_row_copy, rows of struct
 * MOD_row with an id.  The list's context is a CTX_T whose member FILTER
 * is the filter; SEARCH_FN (may be NULL) is the screen's own.  Defines the
 * static const struct ui_list_source NAME.
 */
#define UI_LIST_SOURCE(name, mod, ctx_t, filter, search_fn)			\
static int								\
name##_page(void *c, const void *from, int back, void *rows, int n,	\
    struct nerr *err)							\
{									\
	return (mod##_page(ui_db(), &((ctx_t *)c)->filter, from, back,	\
	    rows, n, err));						\
}									\
static long long							\
name##_count(void *c, struct nerr *err)					\
{									\
	return (mod##_count(ui_db(), &((ctx_t *)c)->filter, err));	\
}									\
static void								\
name##_free(void *rows, int n)						\
{									\
	mod##_rows_free(rows, n);					\
}									\
static void								\
name##_copy(void *dst, const void *src)					\
{									\
	mod##_row_copy(dst, src);					\
}									\
static long long							\
name##_id(const void *row)						\
{									\
	return (((const struct mod##_row *)row)->id);			\
}									\
static int								\
name##_find(void *c, long long id, void *out, struct nerr *err)		\
{									\
	return (mod##_row_find(ui_db(), &((ctx_t *)c)->filter, id, out,	\
	    err));							\
}									\
static long long							\
name##_rank(void *c, const void *row, struct nerr *err)			\
{									\
	return (mod##_rank(ui_db(), &((ctx_t *)c)->filter, row, err));	\
}									\
static const struct ui_list_source name = {				\
	.rowsize = sizeof (struct mod##_row),				\
	.page = name##_page,						\
	.count = name##_count,						\
	.free_rows = name##_free,					\
	.copy_row = name##_copy,					\
	.id = name##_id,						\
	.find = name##_find,						\
	.rank = name##_rank,						\
	.search = search_fn,						\
}

/*
 * The search of such a list: the typed text kept in the context's member
 * FIELD (freed by the screen) and pointed to by its filter's search.
 * Defines the static function NAME for UI_LIST_SOURCE's SEARCH_FN.
 */
#define UI_LIST_SEARCH(name, ctx_t, filter, field)			\
static void								\
name(void *c, const char *s)						\
{									\
	ctx_t	*x = c;							\
									\
	free(x->field);							\
	x->field = s != NULL ? xstrdup(s) : NULL;			\
	x->filter.search = x->field;					\
}

void	 ui_list_init(struct ui_list *, const struct ui_column *, int,
	    const struct ui_list_source *, void *ctx);
void	 ui_list_free(struct ui_list *);
/* Count and read the first window again (the filter changed). */
int	 ui_list_reload(struct ui_list *);
/* Read the window again where it is, keeping the cursor on its row. */
int	 ui_list_refresh(struct ui_list *);
/* Put the cursor on a row by id; 0 if the filter hides it. */
int	 ui_list_select(struct ui_list *, long long);
const void *ui_list_current(const struct ui_list *);

/* Header, rows and (when open) the search line in h lines from y. */
void	 ui_list_draw(struct ui_list *, struct ui_frame *, WINDOW *, int y,
	    int h);
/* Moving and searching; 1 when the key was used. */
int	 ui_list_key(struct ui_list *, struct ui_frame *, int);
/* Open the search line ("/"). */
void	 ui_list_search_start(struct ui_list *, struct ui_frame *);
/* "123/4567" for the corner. */
void	 ui_list_position(const struct ui_list *, struct sbuf *);

#endif
