/* ui-help.h: F1 help pages generated from a screen's action table. */
#ifndef NASTAVNIK_UI_HELP_H
#define NASTAVNIK_UI_HELP_H

#include "ui.h"

/* The help text of a screen: its paragraph, extra (may be NULL), its keys. */
void	 ui_help_text(struct sbuf *, const struct ui_frame *, const char *);
/* Open it in the pager. */
int	 ui_help_show(const struct ui_frame *, const char *);

#endif
