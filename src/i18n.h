/* i18n.h: start gettext and the locale the same way in every program. */
#ifndef NASTAVNIK_I18N_H
#define NASTAVNIK_I18N_H

/*
 * setlocale(LC_ALL, "") with a fall-back to C.UTF-8, and the message
 * catalogue: $NASTAVNIK_LOCALEDIR, else the installed one, else the one in
 * the build tree (so the program speaks Russian before "make install").
 * Translations are always delivered as UTF-8: text inside the program is
 * UTF-8 whatever the terminal's charset; curses converts on output.
 */
void	 i18n_init(void);

/* Is the terminal's charset UTF-8? */
int	 i18n_utf8(void);

#endif
