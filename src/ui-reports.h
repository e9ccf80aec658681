/* ui-reports.h: the reports menu: a report in the pager, saved or printed. */
#ifndef NASTAVNIK_UI_REPORTS_H
#define NASTAVNIK_UI_REPORTS_H

/* The list of reports (main menu "Reports"). */
int	 ui_reports_open(void);
/* One report by name in the pager (pair for agreement and plan, else 0). */
int	 ui_report_show(const char *name, long long pair);

#endif
