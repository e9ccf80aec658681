/* login-fake.c: tests only: $NASTAVNIK_TEST_LOGIN stands in for the Unix login. */
#include "config.h"

#include <stdlib.h>

#include "user.h"
#include "util.h"

/*
 * Linked into the test programs and tests/nastavnik-t, never into the
 * installed program, so only a test build can be told who is working.
 */
static char *
login_fake(void)
{
	const char	*s = getenv("NASTAVNIK_TEST_LOGIN");

	/* Unset or empty: the real login, as the program has it. */
	if (s == NULL || *s == '\0')
		return (NULL);
	return (xstrdup(s));
}

__attribute__((constructor)) static void
login_fake_install(void)
{
	user_login_hook = login_fake;
}
