/* ui-monitor.h: monitoring: the dashboard of indicators, paper answers, targets. */
#ifndef NASTAVNIK_UI_MONITOR_H
#define NASTAVNIK_UI_MONITOR_H

#include <stddef.h>

/* The dashboard (main menu "Monitoring"). */
int	 ui_monitor_open(void);

/* The screens the dashboard opens (ui-answers.c, ui-targets.c, ui-quest.c). */
/* Paper answers: ask the questionnaire, stage and date, then one respondent after another. */
int	 ui_answers_open(void);
/* Answers from a CSV file: the file, questionnaire, stage, a dry run, the import. */
int	 ui_answers_import_open(void);
/* The targets of a school year ("2025-2026"; NULL: this year's). */
int	 ui_targets_open(const char *year);
/* The questionnaires, their questions and the editing of them. */
int	 ui_quest_open(void);

/* Shared by those screens: choose a questionnaire (id; 0 cancelled, -1 error), a stage. */
long long ui_monitor_pick_quest(const char *title);
/* code: the questionnaire's, to start on the stage it is usually asked at. */
int	 ui_monitor_pick_stage(char *, size_t, const char *code);

#endif
