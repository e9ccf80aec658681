/* ui-meetings.h: meetings and school-wide events, attendance checklists, the teacher's view. */
#ifndef NASTAVNIK_UI_MEETINGS_H
#define NASTAVNIK_UI_MEETINGS_H

/* Every meeting and event (main menu "Meetings and attendance"). */
int	 ui_meetings_open(void);
/*
 * "My meetings": today's and this week's meetings and class hours in the
 * user's reach (a teacher lands here and has nothing else), each one Enter
 * away from its attendance checklist.
 */
int	 ui_mymeetings_open(void);
/* The attendance checklist of one meeting. */
int	 ui_attend_open(long long meeting);

/*
 * One pair's meetings, every date, with a key that lays out the standard
 * sequence (for the pairs screens).
 */
int	 ui_pair_meetings_open(long long pair);
/* Attendance figures: by class, month, pair, person, events, held on plan. */
int	 ui_attfig_open(void);

/* ---- between the meetings screens (ui-meeting*.c, ui-attend.c, ...) ---- */

struct sbuf;
struct meeting_row;

/* The meeting's form; id 0 adds one (for pair, 0: an event or chosen). */
int	 ui_meeting_edit(long long id, long long pair);
/* The id last saved by the meeting form, once (0 if none since). */
long long ui_meeting_saved(void);
/* A kind's short name for columns: «кл. час». */
const char *ui_meeting_kind_short(int);
/* "21/25", "отменена", "—": what came of a meeting, for a column. */
void	 ui_meeting_came(struct sbuf *, const struct meeting_row *);
/* Monday of the week of an ISO date, as ISO (out: DATE_ISO_LEN bytes). */
void	 ui_meeting_monday(const char *iso, char *out);
/* Day of the week 0 (Monday) .. 6 of an ISO date; -1 if invalid. */
int	 ui_meeting_wday(const char *iso);
/* Delete a meeting after asking; 1 if deleted. */
int	 ui_meeting_delete(long long id, const char *what);

#endif
