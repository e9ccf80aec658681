/* cli.h: the command line: subcommands for scripts, their help and errors. */
#ifndef NASTAVNIK_CLI_H
#define NASTAVNIK_CLI_H

#include <getopt.h>
#include <stdio.h>

#include "db.h"
#include "util.h"

/* Exit statuses, as GNU programs use them. */
#define CLI_EXIT_OK	0	/* done */
#define CLI_EXIT_FAIL	1	/* data, file or database trouble */
#define CLI_EXIT_USAGE	2	/* bad command line */

/* What the global options said, handed to every subcommand. */
struct cli_ctx {
	const char	*file;		/* -f FILE, NULL for the default */
	int		 readonly;	/* -R: the director's mode */
};

struct cli_cmd {
	const char	*name;
	int		(*fn)(struct cli_ctx *, int, char **);
	const char	*help;		/* one line, N_() */
	const char	*synopsis;	/* after "nastavnik ", N_(); NULL: name */
	const char	*details;	/* options, N_(); may be NULL */
};

/* Run the subcommand in argv[0]; returns the exit status. */
int	 cli_run(struct cli_ctx *, int, char **);
/* The whole --help text. */
void	 cli_usage(FILE *);
/* "nastavnik help CMD": 0, or -1 if there is no such command. */
int	 cli_help_cmd(FILE *, const char *);

/* "nastavnik: <sentence>" on stderr; returns CLI_EXIT_FAIL. */
int	 cli_fail(const char *, ...) __attribute__((format(printf, 1, 2)));
/* The same plus "Try 'nastavnik help CMD'."; returns CLI_EXIT_USAGE. */
int	 cli_bad(const char *cmd, const char *, ...)
	    __attribute__((format(printf, 2, 3)));

/*
 * getopt_long with our own messages.  shortopts must start with ':'.  Every
 * subcommand also understands -h and --help.  Returns the option, -1 at the
 * end of the options, CLI_OPT_HELP after printing the command's help, or
 * CLI_OPT_BAD after an error message.
 */
#define CLI_OPT_HELP	-2
#define CLI_OPT_BAD	-3
int	 cli_getopt(int, char **, const char *, const struct option *,
	    const char *cmd);
/* What to return when cli_getopt said CLI_OPT_HELP or CLI_OPT_BAD. */
#define CLI_OPT_EXIT(c) ((c) == CLI_OPT_HELP ? CLI_EXIT_OK : CLI_EXIT_USAGE)

/*
 * Open the database for a subcommand: never creates a missing file (only
 * init and the screens do).  CLI_WRITE refuses under --read-only and when
 * the file cannot be written, naming what was refused; CLI_READ may still
 * upgrade an old file's schema (so reading works after an update);
 * CLI_LOOK never writes at all (check, backup).  On failure the message is
 * printed and CLI_EXIT_FAIL returned; 0 and *db otherwise.
 */
#define CLI_READ	0
#define CLI_WRITE	1
#define CLI_LOOK	2
int	 cli_open(struct cli_ctx *, struct db **, int how, const char *what);

/* Parse a record id ("12"); -1 and a message if it is not one. */
long long cli_id(const char *cmd, const char *);

/*
 * Field escaping for TSV: backslash, tab, newline and CR as \\ \t \n \r and
 * every other control character as text_escape() shows it, so nothing from
 * the data can reach the terminal raw.  Appends to the buffer.
 */
void	 cli_tsv_field(struct sbuf *, const char *);

/* Text for people (messages, cards) in the terminal's charset. */
void	 cli_puts(FILE *, const char *);

/*
 * Print a header line, then a TSV row (from row) for each person f finds,
 * window by window; CLI_EXIT_OK or cli_fail()'s status.  In cli-person.c.
 */
struct person_filter;
struct person_row;
int	 cli_person_stream(struct db *, const struct person_filter *,
	    const char *header,
	    void (*row)(struct sbuf *, const struct person_row *));

/* Subcommands living in their own files. */
int	 cli_init(struct cli_ctx *, int, char **);
int	 cli_backup(struct cli_ctx *, int, char **);
int	 cli_check(struct cli_ctx *, int, char **);
int	 cli_person(struct cli_ctx *, int, char **);
int	 cli_list_people(struct cli_ctx *, int, char **);
int	 cli_roadmap(struct cli_ctx *, int, char **);
int	 cli_list_roadmap(struct cli_ctx *, int, char **);
int	 cli_import_roadmap(struct cli_ctx *, int, char **);
int	 cli_consent(struct cli_ctx *, int, char **);
int	 cli_list_consents(struct cli_ctx *, int, char **);
int	 cli_list_owed(struct cli_ctx *, int, char **);
int	 cli_import_people(struct cli_ctx *, int, char **);
int	 cli_export(struct cli_ctx *, int, char **);
int	 cli_rep(struct cli_ctx *, int, char **);	/* added by reps */
/* added for pairs: cli-pair.c */
int	 cli_pair(struct cli_ctx *, int, char **);
int	 cli_match(struct cli_ctx *, int, char **);
int	 cli_list_pairs(struct cli_ctx *, int, char **);
int	 cli_list_unpaired(struct cli_ctx *, int, char **);
/* end of pairs */
/* added for users */
int	 cli_user(struct cli_ctx *, int, char **);
/* added for meetings: cli-meeting.c, cli-plan.c */
int	 cli_plan(struct cli_ctx *, int, char **);
int	 cli_meeting(struct cli_ctx *, int, char **);
int	 cli_attend(struct cli_ctx *, int, char **);
int	 cli_list_meetings(struct cli_ctx *, int, char **);
int	 cli_list_attendance(struct cli_ctx *, int, char **);
int	 cli_list_plans(struct cli_ctx *, int, char **);
/* end of meetings */
/* added for monitor: cli-monitor.c */
int	 cli_answers(struct cli_ctx *, int, char **);
int	 cli_questionnaire(struct cli_ctx *, int, char **);
int	 cli_target(struct cli_ctx *, int, char **);
int	 cli_indicator(struct cli_ctx *, int, char **);
int	 cli_list_indicators(struct cli_ctx *, int, char **);
int	 cli_list_answers(struct cli_ctx *, int, char **);
/* end of monitor */
/* added for reports: cli-report.c */
int	 cli_report(struct cli_ctx *, int, char **);
/* end of reports */

/* "Use one of: pupil, teacher, ..." after an unknown category. */
int	 cli_bad_category(const char *);

#endif
