/* tui.h: the terminal face: the entry point the command line calls. */
#ifndef NASTAVNIK_TUI_H
#define NASTAVNIK_TUI_H

#include "db.h"

/* Run the screens on an open database until the user quits; exit status. */
int	 tui_main(struct db *);

#endif
