/* util.h: memory, growing strings and error reports shared by every module. */
#ifndef NASTAVNIK_UTIL_H
#define NASTAVNIK_UTIL_H

#include <stdarg.h>
#include <stddef.h>

#include <libintl.h>
#include <locale.h>

#define _(s)	gettext(s)
#define N_(s)	(s)
/* A message with a context, for words that translate differently by use. */
static inline const char *
util_pgettext(const char *ctxid, const char *msgid)
{
	const char	*t = dcgettext(NULL, ctxid, LC_MESSAGES);

	return (t == ctxid ? msgid : t);
}
#define C_(ctx, s) util_pgettext(ctx "\004" s, s)

#define nitems(a) (sizeof (a) / sizeof ((a)[0]))

/*
 * An error report: a whole sentence for the user that names the record, the
 * field or the file line and says what to do.  Core functions fill it and
 * return -1; they never print.
 */
#define NERR_MAX 1024
struct nerr {
	char	msg[NERR_MAX];
};

int	 nerr_set(struct nerr *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
int	 nerr_vset(struct nerr *, const char *, va_list);
void	 nerr_clear(struct nerr *);

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
int	 xasprintf(char **, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 xfree_ptr(char **);

/* A growing, always NUL-terminated byte string. */
struct sbuf {
	char	*s;
	size_t	 len;
	size_t	 cap;
};
void	 sbuf_init(struct sbuf *);
void	 sbuf_add(struct sbuf *, const char *);
void	 sbuf_addn(struct sbuf *, const char *, size_t);
void	 sbuf_addc(struct sbuf *, int);
void	 sbuf_addf(struct sbuf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 sbuf_reset(struct sbuf *);
char	*sbuf_take(struct sbuf *);
void	 sbuf_free(struct sbuf *);

/* Strings from the user: trimmed of surrounding white space, NULL for "". */
char	*str_trim(char *);
char	*str_trimdup(const char *);	/* a trimmed copy; NULL when blank */
int	 str_empty(const char *);
const char *str_or(const char *, const char *);

/*
 * Where shipped data (templates) is: fills dirs (room for 2) with the
 * folders to try in order, returns how many.
 */
int	 util_datadirs(const char **dirs);
/*
 * Numbers for machines (TSV) whatever the locale: a point, never a comma.
 * sbuf_addnum appends v with one decimal; util_strtod reads "92.5" or
 * "92,5" (end as strtod's).
 */
void	 sbuf_addnum(struct sbuf *, double);
double	 util_strtod(const char *, char **end);

#endif
