/* ui-people.h: the participants list (базы наставников и наставляемых). */
#ifndef NASTAVNIK_UI_PEOPLE_H
#define NASTAVNIK_UI_PEOPLE_H

int	 ui_people_open(void);

#endif
