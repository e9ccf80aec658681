/* ui-monitor.h: monitoring: the dashboard of indicators, paper answers, targets. */
#ifndef NASTAVNIK_UI_MONITOR_H
#define NASTAVNIK_UI_MONITOR_H

/* The dashboard (main menu "Monitoring"). */
int	 ui_monitor_open(void);

#endif
