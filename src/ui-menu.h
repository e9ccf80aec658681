/* ui-menu.h: the main menu: every area of the programme. */
#ifndef NASTAVNIK_UI_MENU_H
#define NASTAVNIK_UI_MENU_H

int	 ui_menu_open(void);

#endif
