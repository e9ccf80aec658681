/* ui-reps.h: a pupil's legal representatives (законные представители). */
#ifndef NASTAVNIK_UI_REPS_H
#define NASTAVNIK_UI_REPS_H

/* Open the list of a participant's representatives: add, edit, delete. */
int	 ui_reps_open(long long person_id);

#endif
