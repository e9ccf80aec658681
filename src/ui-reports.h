/* ui-reports.h: the reports menu: a report in the pager, saved or printed. */
#ifndef NASTAVNIK_UI_REPORTS_H
#define NASTAVNIK_UI_REPORTS_H

/* The list of reports (main menu "Reports"). */
int	 ui_reports_open(void);
/* One report by name in the pager (pair for agreement and plan, else 0). */
int	 ui_report_show(const char *name, long long pair);

/* ---- between the reports screens (ui-reports.c, ui-report-view.c) ---- */

struct report_def;

/*
 * Make the report (80 columns: the printed page) and open it in the
 * report pager, which saves and prints it.  month ("YYYY-MM") and class_
 * are for attendance, malloc'd or NULL, and taken.
 */
int	 ui_report_view(const struct report_def *, long long pair,
	    char *month, char *class_);

#endif
