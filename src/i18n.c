/* i18n.c: the locale and the message catalogue, set up once at start. */
#include "config.h"

#include <langinfo.h>
#include <libintl.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "util.h"

static int
catalogue_in(const char *dir)
{
	char	*path;
	int	 ok;

	xasprintf(&path, "%s/ru/LC_MESSAGES/%s.mo", dir, PACKAGE);
	ok = access(path, R_OK) == 0;
	free(path);
	return (ok);
}

void
i18n_init(void)
{
	const char	*dir, *cur;

	cur = setlocale(LC_ALL, "");
	if (cur == NULL || strcmp(cur, "C") == 0 || strcmp(cur, "POSIX") == 0) {
		/*
		 * No locale set: use C.UTF-8, which keeps English messages but
		 * lets LANGUAGE=ru choose Russian (gettext ignores LANGUAGE
		 * only under the plain "C" locale) and draws Cyrillic.
		 */
		if (setlocale(LC_ALL, "C.UTF-8") == NULL)
			setlocale(LC_ALL, "C.utf8");
	}
	if ((dir = getenv("NASTAVNIK_LOCALEDIR")) == NULL || *dir == '\0') {
		dir = LOCALEDIR;
		if (!catalogue_in(dir) && catalogue_in(BUILD_LOCALEDIR))
			dir = BUILD_LOCALEDIR;
	}
	bindtextdomain(PACKAGE, dir);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
}

int
i18n_utf8(void)
{
	const char	*cs = nl_langinfo(CODESET);

	return (cs != NULL && (strcmp(cs, "UTF-8") == 0 ||
	    strcmp(cs, "utf8") == 0));
}
