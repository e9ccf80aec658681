/* ui-pairs.h: pairs and groups, the unpaired, matching suggestions, individual plans. */
#ifndef NASTAVNIK_UI_PAIRS_H
#define NASTAVNIK_UI_PAIRS_H

/* The pairs and groups list (main menu). */
int	 ui_pairs_open(void);
/* Mentees waiting for a mentor, with how long (one key from the pairs list). */
int	 ui_unpaired_open(void);
/* Every plan's completion against 90 % (main menu "Individual plans"). */
int	 ui_plans_open(void);

#endif
