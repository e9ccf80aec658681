/* ui-notyet.c: honest pages for the areas this version does not have yet. */
#include "config.h"

#include <stdlib.h>

#include "ui-notyet.h"
#include "ui-pager.h"
#include "ui.h"

/* What each area will hold: said plainly, no sample data. */
static const char *const ui_notyet_text[UI_NOTYET__COUNT] = {
	[UI_NOTYET_CONSENTS] = N_("It will keep the written consents to "
	    "personal-data processing and to taking part in the programme, "
	    "signed by the participant or, for a minor, by a legal "
	    "representative, with their dates and revocations, and it will "
	    "show who still owes a paper."),
	[UI_NOTYET_PAIRS] = N_("It will form mentoring pairs and groups: "
	    "mentors and mentees, the form of mentoring, dates and the "
	    "director's order; mentees still waiting for a mentor will be "
	    "listed so that none is forgotten."),
	[UI_NOTYET_PLANS] = N_("It will hold each pair's individual plan: "
	    "steps with due dates and done dates, the order that approved it, "
	    "and the share of the plan done."),
	[UI_NOTYET_MEETINGS] = N_("It will record the meetings of pairs and "
	    "school-wide events (class hours, teachers' councils, parents' "
	    "meetings) and who attended them."),
	[UI_NOTYET_ROADMAP] = N_("It will keep the year's roadmap: items by "
	    "section with deadlines, responsible people and status, and the "
	    "evidence of what was done."),
	[UI_NOTYET_MONITORING] = N_("It will keep the questionnaires before "
	    "and after the programme, the satisfaction of mentors and mentees, "
	    "and the year's targets to compare them with."),
	[UI_NOTYET_REPORTS] = N_("It will print the registers of mentors and "
	    "mentees, consent coverage, the draft order on pairs, attendance, "
	    "plan completion and the year-end analytic note, in 80 columns "
	    "and as CSV for Excel."),
	[UI_NOTYET_SETTINGS] = N_("It will hold the school's name, the age "
	    "from which pupils sign consents themselves, and who may change "
	    "what."),
};

int
ui_notyet_open(enum ui_notyet which, const char *title)
{
	struct sbuf	sb;
	int		r;

	sbuf_init(&sb);
	sbuf_addf(&sb, UI_PAGER_HEAD "%s\n\n", title);
	sbuf_addf(&sb, "%s\n\n", _("This section is not in this version of "
	    "the program yet."));
	sbuf_addf(&sb, "%s\n\n", _(ui_notyet_text[which]));
	sbuf_addf(&sb, "%s\n", _("The participant base already works: "
	    "choose Participants in the main menu."));
	r = ui_pager_open(title, sb.s, NULL);
	sbuf_free(&sb);
	return (r);
}
