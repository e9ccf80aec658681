/* ui-person.h: one participant: the card to read and the form to edit. */
#ifndef NASTAVNIK_UI_PERSON_H
#define NASTAVNIK_UI_PERSON_H

/* Open the card (read-only view) of a participant. */
int	 ui_person_card(long long);
/*
 * Open the form: id 0 adds a participant, with category (-1: pupil), class
 * (may be NULL) and role (enum person_role) taken as a start.
 */
int	 ui_person_edit(long long id, int category, const char *class_,
	    int role);
/* The id last saved by the form, once (0 if none since the last call). */
long long ui_person_saved(void);

#endif
