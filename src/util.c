/* util.c: memory, growing strings and error reports shared by every module. */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

int
nerr_vset(struct nerr *err, const char *fmt, va_list ap)
{
	if (err != NULL)
		vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	return (-1);
}

int
nerr_set(struct nerr *err, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	nerr_vset(err, fmt, ap);
	va_end(ap);
	return (-1);
}

void
nerr_clear(struct nerr *err)
{
	if (err != NULL)
		err->msg[0] = '\0';
}

/* Out of memory is the one failure we do not survive: say so and stop. */
static void
oom(void)
{
	static const char msg[] = "nastavnik: out of memory\n";

	fwrite(msg, 1, sizeof msg - 1, stderr);
	abort();
}

void *
xmalloc(size_t size)
{
	void	*p;

	if ((p = malloc(size == 0 ? 1 : size)) == NULL)
		oom();
	return (p);
}

void *
xcalloc(size_t n, size_t size)
{
	void	*p;

	if ((p = calloc(n == 0 ? 1 : n, size == 0 ? 1 : size)) == NULL)
		oom();
	return (p);
}

void *
xreallocarray(void *old, size_t n, size_t size)
{
	void	*p;

	if (size != 0 && n > SIZE_MAX / size)
		oom();
	if ((p = realloc(old, n * size == 0 ? 1 : n * size)) == NULL)
		oom();
	return (p);
}

char *
xstrdup(const char *s)
{
	char	*p;

	if ((p = strdup(s)) == NULL)
		oom();
	return (p);
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p;

	if ((p = strndup(s, n)) == NULL)
		oom();
	return (p);
}

int
xasprintf(char **out, const char *fmt, ...)
{
	va_list	ap;
	int	n;

	va_start(ap, fmt);
	n = vasprintf(out, fmt, ap);
	va_end(ap);
	if (n < 0)
		oom();
	return (n);
}

void
xfree_ptr(char **p)
{
	free(*p);
	*p = NULL;
}

void
sbuf_init(struct sbuf *b)
{
	b->s = NULL;
	b->len = b->cap = 0;
}

static void
sbuf_grow(struct sbuf *b, size_t more)
{
	size_t	want;

	if (b->len + more + 1 <= b->cap)
		return;
	want = b->cap < 64 ? 64 : b->cap;
	while (want < b->len + more + 1)
		want *= 2;
	b->s = xreallocarray(b->s, want, 1);
	b->cap = want;
}

void
sbuf_addn(struct sbuf *b, const char *s, size_t n)
{
	sbuf_grow(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
sbuf_add(struct sbuf *b, const char *s)
{
	if (s != NULL)
		sbuf_addn(b, s, strlen(s));
	else
		sbuf_grow(b, 0), b->s[b->len] = '\0';
}

void
sbuf_addc(struct sbuf *b, int c)
{
	char	ch = (char)c;

	sbuf_addn(b, &ch, 1);
}

void
sbuf_addf(struct sbuf *b, const char *fmt, ...)
{
	va_list	ap, ap2;
	int	n;

	va_start(ap, fmt);
	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		va_end(ap2);
		return;
	}
	sbuf_grow(b, (size_t)n);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap2);
	va_end(ap2);
	b->len += (size_t)n;
}

void
sbuf_reset(struct sbuf *b)
{
	b->len = 0;
	if (b->s != NULL)
		b->s[0] = '\0';
}

char *
sbuf_take(struct sbuf *b)
{
	char	*s;

	if (b->s == NULL)
		return (xstrdup(""));
	s = b->s;
	sbuf_init(b);
	return (s);
}

void
sbuf_free(struct sbuf *b)
{
	free(b->s);
	sbuf_init(b);
}

char *
str_trim(char *s)
{
	char	*e;

	if (s == NULL)
		return (NULL);
	while (*s != '\0' && isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return (s);
}

char *
str_trimdup(const char *s)
{
	char	*copy, *t, *out;

	if (str_empty(s))
		return (NULL);
	copy = xstrdup(s);
	t = str_trim(copy);
	out = xstrdup(t);
	free(copy);
	return (out);
}

int
str_empty(const char *s)
{
	if (s == NULL)
		return (1);
	while (*s != '\0') {
		if (!isspace((unsigned char)*s))
			return (0);
		s++;
	}
	return (1);
}

const char *
str_or(const char *s, const char *dflt)
{
	return (str_empty(s) ? dflt : s);
}

/*
 * The folders to look in, in order: $NASTAVNIK_DATADIR alone when it is
 * set (tests), else the installed one, then the source tree's data/ so an
 * uninstalled build finds its templates.
 */
int
util_datadirs(const char **dirs)
{
	const char	*env = getenv("NASTAVNIK_DATADIR");

	if (env != NULL && *env != '\0') {
		dirs[0] = env;
		return (1);
	}
	dirs[0] = PKGDATADIR;
	dirs[1] = BUILD_DATADIR;
	return (2);
}

void
sbuf_addnum(struct sbuf *sb, double v)
{
	char	buf[64], *p;

	snprintf(buf, sizeof buf, "%.1f", v);
	for (p = buf; *p != '\0'; p++)
		if (*p == ',')
			*p = '.';
	sbuf_add(sb, buf);
}

double
util_strtod(const char *s, char **end)
{
	static locale_t	 c;
	char		 buf[64];
	double		 v;
	size_t		 i, n = strlen(s);

	if (c == (locale_t)0)
		c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
	if (n >= sizeof buf || c == (locale_t)0) {
		v = strtod(s, end);
		return (v);
	}
	for (i = 0; i <= n; i++)
		buf[i] = s[i] == ',' ? '.' : s[i];
	v = strtod_l(buf, end, c);
	if (end != NULL)
		*end = (char *)s + (*end - buf);
	return (v);
}
