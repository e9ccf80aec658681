/* ui-ppick.h: pick a participant from a list searched as you type. */
#ifndef NASTAVNIK_UI_PPICK_H
#define NASTAVNIK_UI_PPICK_H

/*
 * Open the picker over the participants (role: enum person_role narrows it
 * to mentors or mentees).  The search line is open at once.  When it closes,
 * done(arg, id) is called with the id picked, or 0 if cancelled; done must
 * only remember it (it runs while the picker is being closed): the screen
 * beneath acts on it in its resume.
 */
int	 ui_ppick_open(const char *title, int role,
	    void (*done)(void *, long long), void *arg);

#endif
