/* ui-pairs.h: pairs and groups, the unpaired, matching suggestions, individual plans. */
#ifndef NASTAVNIK_UI_PAIRS_H
#define NASTAVNIK_UI_PAIRS_H

/* The pairs and groups list (main menu). */
int	 ui_pairs_open(void);
/* Mentees waiting for a mentor, with how long (one key from the pairs list). */
int	 ui_unpaired_open(void);
/* Every plan's completion against 90 % (main menu "Individual plans"). */
int	 ui_plans_open(void);

/* ---- between the pairs screens (ui-pair*.c, ui-match.c, ui-plan*.c) ---- */

struct sbuf;

/* A pair's card: everything about it, its members and its plan. */
int	 ui_pair_card(long long);
/* The pair's form with its members; id 0 adds one. */
int	 ui_pair_edit(long long);
/*
 * A new pair prefilled: mentee and mentor (0: none), form (-1: the first
 * that fits both).  The curator completes it and saves; nothing is saved
 * before that.
 */
int	 ui_pair_new(long long mentee, long long mentor, int form);
/* The id last saved by the pair form, once (0 if none since the last call). */
long long ui_pair_saved(void);
/* A short name of a pair for titles: «Иванов И. И. → Петров П.» (malloc'd). */
char	*ui_pair_name(long long);

/* Mentors suggested for a mentee, best first, with why. */
int	 ui_match_open(long long mentee);
/* A suggestion taken on the matching screen, once: 1 and the three set. */
int	 ui_match_take(long long *mentee, long long *mentor, int *form);

/* A pair's plan; when it has none, offers the template or an empty one. */
int	 ui_plan_open(long long pair);

/* How long someone has waited: «12 дн.», «3 мес.». */
void	 ui_pairs_waited(struct sbuf *, int days);

#endif
