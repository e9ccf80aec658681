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

#endif
