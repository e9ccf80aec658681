/* tap.h: a tiny Test Anything Protocol producer for the C unit tests. */
#ifndef NASTAVNIK_TAP_H
#define NASTAVNIK_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int tap_n, tap_failed, tap_planned;

static inline void
plan(int n)
{
	tap_planned = n;
	printf("1..%d\n", n);
	fflush(stdout);
}

static inline void
diag(const char *fmt, ...)
{
	va_list	ap;

	printf("# ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
}

static inline int
ok_at(int cond, const char *file, int line, const char *fmt, ...)
{
	va_list	ap;

	tap_n++;
	if (!cond)
		tap_failed++;
	printf("%sok %d - ", cond ? "" : "not ", tap_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!cond)
		printf("#   at %s line %d\n", file, line);
	fflush(stdout);
	return (cond);
}

#define ok(cond, ...) ok_at(!!(cond), __FILE__, __LINE__, __VA_ARGS__)

#define is_int(got, want, ...) do {					\
	long long g_ = (long long)(got), w_ = (long long)(want);	\
	if (!ok_at(g_ == w_, __FILE__, __LINE__, __VA_ARGS__))		\
		diag("     got: %lld\n#    want: %lld", g_, w_);	\
} while (0)

#define is_str(got, want, ...) do {					\
	const char *g_ = (got), *w_ = (want);				\
	int c_ = (g_ == NULL && w_ == NULL) ||				\
	    (g_ != NULL && w_ != NULL && strcmp(g_, w_) == 0);		\
	if (!ok_at(c_, __FILE__, __LINE__, __VA_ARGS__))		\
		diag("     got: '%s'\n#    want: '%s'",		\
		    g_ ? g_ : "(null)", w_ ? w_ : "(null)");		\
} while (0)

static inline void
skip(int n, const char *why)
{
	while (n-- > 0) {
		tap_n++;
		printf("ok %d # SKIP %s\n", tap_n, why);
	}
	fflush(stdout);
}

static inline int
done_testing(void)
{
	if (tap_planned == 0)
		printf("1..%d\n", tap_n);
	return (tap_failed != 0);
}

#endif
