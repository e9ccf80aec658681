/* ui-settings.h: the school's settings: its name and the consent age. */
#ifndef NASTAVNIK_UI_SETTINGS_H
#define NASTAVNIK_UI_SETTINGS_H

int	 ui_settings_open(void);

#endif
