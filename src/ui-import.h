/* ui-import.h: a class list from Excel into the participants, with a preview and a dry run. */
#ifndef NASTAVNIK_UI_IMPORT_H
#define NASTAVNIK_UI_IMPORT_H

/*
 * Ask for the file, then the options, show the preview and the dry run's
 * report, import on confirmation.  class_ (may be NULL) and category (-1:
 * none) start the options "for rows without one".  The people changed are
 * announced with ui_consent_touch().
 */
int	 ui_import_open(int category, const char *class_);

#endif
