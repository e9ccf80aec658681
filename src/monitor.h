/* monitor.h: monitoring: questionnaires and answers, indicators against yearly targets. */
#ifndef NASTAVNIK_MONITOR_H
#define NASTAVNIK_MONITOR_H

#include "db.h"
#include "util.h"

/* ---- questionnaires (анкеты) ---- */

enum quest_type { QT_SCALE10, QT_SCALE5, QT_YESNO, QT_CHOICE, QT_TEXT,
    QT__COUNT };
const char *quest_type_code(int);	/* scale10 scale5 yesno choice text */
const char *quest_type_label(int);
int	 quest_type_parse(const char *);

/* Strings malloc'd. */
struct question {
	long long	 id;		/* 0: new */
	char		*text;
	int		 type;
	char		*choices;	/* QT_CHOICE: «да|скорее да|нет» */
};
struct questionnaire {
	long long	 id;
	char		*code;		/* mentee-before, mentor-after, curator, diag-mentor ... */
	char		*title;
	char		*audience;	/* mentee, mentor, curator: who answers it */
	char		*note;
	struct question	*q;		/* in order */
	int		 nq;
};
void	 quest_init(struct questionnaire *);
void	 quest_free(struct questionnaire *);

/*
 * Put the questionnaires shipped in data/questionnaires.tsv into the
 * database, those whose code is not there yet (a school's edits are kept).
 * *added says how many.  Called when monitoring is first opened.
 */
int	 quest_templates_load(struct db *, int *added, struct nerr *);
/* Every questionnaire, without questions (q NULL), in code order. */
int	 quest_list(struct db *, struct questionnaire **, int *, struct nerr *);
void	 quest_list_free(struct questionnaire *, int);
/* One by code or id, with its questions. */
int	 quest_get(struct db *, const char *code_or_id, struct questionnaire *,
	    struct nerr *);
/*
 * Save title, note and questions (new, changed, removed, reordered).  A
 * question that has answers may change its wording, not its type, and is
 * not removed (said so).
 */
int	 quest_save(struct db *, struct questionnaire *, struct nerr *);

/* ---- answers ---- */

/* Stages: before, after, q1 .. q4 (quarterly diagnostics). */
int	 stage_valid(const char *);
const char *stage_label(const char *);	/* «до программы», «1-й квартал» */

struct response {
	long long	 id;		/* 0: new */
	long long	 questionnaire_id;
	long long	 person_id;
	long long	 pair_id;	/* 0: none */
	char		 stage[8];
	char		*date;		/* ISO; NULL: today */
	char		**values;	/* one per question, as typed; NULL: not answered */
	int		 n;
};
void	 response_init(struct response *, const struct questionnaire *);
void	 response_free(struct response *);
/*
 * Check each value against its question (a scale's range, yes/no in
 * Russian or English, a choice by number or text); the message names the
 * question by number.  Normalises values in place.
 */
int	 response_check(const struct questionnaire *, struct response *,
	    struct nerr *);
/*
 * Check and save; a person's second answer to the same questionnaire and
 * stage replaces the first (one transaction).
 */
int	 response_save(struct db *, const struct questionnaire *,
	    struct response *, struct nerr *);
int	 response_delete(struct db *, long long, struct nerr *);
/* A person's answer for a questionnaire and stage: 1 found, 0 none, -1. */
int	 response_find(struct db *, const struct questionnaire *, long long person,
	    const char *stage, struct response *, struct nerr *);
/* How many answered a questionnaire at a stage. */
int	 response_count(struct db *, long long questionnaire, const char *stage,
	    struct nerr *);

/*
 * Answers from a CSV (the export of an online form): one row a respondent,
 * a column a question in order (matched by position after the name
 * columns, or by the question's text in the header), the respondent
 * matched to a participant by ФИО (one column or three; ё = е, case
 * ignored; ambiguous or unknown names are bad rows).  All or nothing unless
 * skip_bad; every bad row reported as "line N: ...".
 */
struct answers_import_result {
	int		 rows;
	int		 added;
	int		 replaced;
	int		 bad;
	struct sbuf	 report;	/* line N: what is wrong */
};
int	 answers_import(struct db *, const char *path, const char *quest,
	    const char *stage, int dry_run, int skip_bad,
	    struct answers_import_result *, struct nerr *);
void	 answers_import_result_free(struct answers_import_result *);

/* ---- indicators and targets ---- */

struct indicator {
	const char	*code;		/* static: mentors-pupil, satisfaction-mentee, ... */
	const char	*name;		/* translated */
	const char	*definition;	/* translated: how it is counted */
	int		 is_count;	/* not a %: a count (by form) or a change of a mean */
	int		 has_value;	/* 0: nothing to count yet */
	double		 value;		/* % (0..100) or a count */
	char		*detail;	/* «12 из 40» */
	int		 has_target;
	double		 target;	/* for the school year of as_of */
	int		 met;
	int		 has_prev;
	double		 prev;		/* as of the end of the previous quarter */
	int		 has_behind;	/* indicator_behind lists something */
	int		 owned;		/* added: code and name malloc'd (change-*) */
};
/*
 * Every indicator as of a date (NULL: today), with its target for that
 * school year and its value at the end of the quarter before.  All of
 * them in well under half a second on a municipal database.
 */
int	 indicators_compute(struct db *, const char *as_of, struct indicator **,
	    int *, struct nerr *);
void	 indicators_free(struct indicator *, int);

/* Who or what is behind an indicator: those not covered, plans behind ... */
struct behind_row {
	long long	 id;		/* person or pair id */
	int		 is_pair;
	char		*label;		/* «Иванов И. И., 7Б» or a pair's names */
	char		*note;		/* why: «нет согласия», «план 40 %» */
	int		 kind;		/* added: BEHIND_PERSON ... */
};
/* added for monitor: what a behind_row's id is. */
enum behind_kind { BEHIND_PERSON, BEHIND_PAIR, BEHIND_EVENT, BEHIND_ITEM };
int	 indicator_behind(struct db *, const char *code, const char *as_of,
	    struct behind_row **, int *, struct nerr *);
void	 behind_free(struct behind_row *, int);

/*
 * Targets per school year ("2025-2026"), editable; a year without its own
 * gets the defaults: the first year of the programme (setting
 * "programme.start", a school year) the first of 65/75/85 (satisfaction),
 * 30/50/70 (teachers as mentees) and so on.
 */
struct target_row {
	const char	*code;
	const char	*name;		/* translated */
	double		 value;
	int		 is_default;	/* not set for this year */
};
int	 target_list(struct db *, const char *year, struct target_row **, int *,
	    struct nerr *);
void	 target_list_free(struct target_row *, int);
int	 target_set(struct db *, const char *year, const char *code,
	    double value, struct nerr *);
/* Back to the default. */
int	 target_clear(struct db *, const char *year, const char *code,
	    struct nerr *);

/* ---- added for monitor: more calls the CLI, TUI and demo share ---- */

/* The top of a scale type: 10, 5; 0 for other types. */
int	 quest_scale_max(int);
/* Append a question (strings copied) to q, for editors and the loader. */
void	 quest_add_question(struct questionnaire *, const char *text, int type,
	    const char *choices);
/* The i-th stage code (before, after, q1 .. q4); NULL past the last. */
const char *stage_code(int);
/*
 * The pair a person answers about: their only live or completed pair in
 * the role the questionnaire's audience says (mentee, mentor); 0 if none or
 * several, -1 on error.
 */
long long response_guess_pair(struct db *, const struct questionnaire *,
	    long long person, struct nerr *);
/* A response's values (response_check done) saved in the caller's transaction. */
int	 response_save_tx(struct db *, const struct questionnaire *,
	    struct response *, int *replaced, struct nerr *);
/*
 * The school year a response of response_find / response_count belongs
 * to is that of its date; response_find returns the latest year's,
 * response_count counts this school year's (date_today()).
 */

/* answers_import with the file's encoding and delimiter (csvio.h; 0: detect). */
int	 answers_import_csv(struct db *, const char *path, int encoding,
	    int delimiter, const char *quest, const char *stage, int dry_run,
	    int skip_bad, struct answers_import_result *, struct nerr *);

/* One indicator's target in a school year: 1 with *v, 0 none, -1 error. */
int	 target_get(struct db *, const char *year, const char *code, double *v,
	    struct nerr *);
/* The current programme year (1, 2, 3 ...) of a school year. */
int	 target_programme_year(struct db *, const char *year);
/* Every indicator code that can have a target, in dashboard order. */
const char *const *indicator_codes(int *n);
/* An indicator's translated name by code; NULL if unknown. */
const char *indicator_name(const char *code);
/* The end of the quarter before the one date is in ("2026-09-30"). */
void	 indicator_prev_quarter(const char *date, char *iso);

#endif
