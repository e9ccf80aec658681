/* ui-dialog.h: small modal boxes: yes/no, a message, a pick list. */
#ifndef NASTAVNIK_UI_DIALOG_H
#define NASTAVNIK_UI_DIALOG_H

#include "ui.h"

/* Ask a yes/no question (y/n, also д/н); 1 for yes. */
int	 ui_confirm(const char *);
/* Show a message until a key is pressed. */
void	 ui_message(const char *);
/*
 * Choose one of n items (labels are translated already); returns its index
 * or -1 when cancelled.  cur is where the cursor starts.
 */
int	 ui_pick(const char *title, const char *const *items, int n, int cur);
/*
 * Ask for one line of text (a file name, a path), starting from initial
 * (may be NULL).  Returns what was typed, malloc'd and trimmed ("" when
 * nothing), or NULL when cancelled with Esc or F10.
 */
char	*ui_prompt(const char *question, const char *initial);

#endif
