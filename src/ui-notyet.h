/* ui-notyet.h: honest pages for the areas this version does not have yet. */
#ifndef NASTAVNIK_UI_NOTYET_H
#define NASTAVNIK_UI_NOTYET_H

enum ui_notyet {
	UI_NOTYET_CONSENTS,
	UI_NOTYET_PAIRS,
	UI_NOTYET_PLANS,
	UI_NOTYET_MEETINGS,
	UI_NOTYET_ROADMAP,
	UI_NOTYET_MONITORING,
	UI_NOTYET_REPORTS,
	UI_NOTYET_SETTINGS,
	UI_NOTYET__COUNT
};

/* Open the page for an area; title is the area's name as the menu says it. */
int	 ui_notyet_open(enum ui_notyet, const char *title);

#endif
