/* print.h: sending a report to the print command, and saving one, safely. */
#ifndef NASTAVNIK_PRINT_H
#define NASTAVNIK_PRINT_H

#include <stddef.h>

#include "util.h"

#define PRINT_COMMAND_DEFAULT	"lpr"
#define PRINT_TIMEOUT		30	/* seconds a print command may take */

/*
 * The encodings a report is saved or printed in, for choosing (the codes
 * report_encode takes): i from 0, NULL past the last.  The label is
 * translated.  The index of a code is 0 (UTF-8) when it is not one.
 */
const char *print_encoding_code(int);
const char *print_encoding_label(int);
int	 print_encoding_index(const char *);

/*
 * Split a print command as typed in Settings into words, with no shell:
 * words are separated by spaces and tabs; 'single quotes' keep everything
 * inside as it is; "double quotes" keep spaces, and inside them a backslash
 * escapes only " and \; outside quotes a backslash escapes the next
 * character.  There are no variables, wildcards, pipes or redirections:
 * `lpr -P "Кабинет 12"` is the program lpr with two arguments.  Fills a
 * NULL-terminated argv (free with print_argv_free) and returns the number
 * of words, or -1 with err (an unclosed quote, nothing to run).
 */
int	 print_split(const char *, char ***argv, struct nerr *);
void	 print_argv_free(char **);

/*
 * Run the command (split as above, found on PATH) with len bytes of data
 * on its standard input, its output thrown away, and wait at most timeout
 * seconds (0: PRINT_TIMEOUT).  Nothing but the command's own words goes on
 * its command line: the data (children's names) only through the pipe.
 * Returns 0 when it exited with status 0; else -1 with err naming the
 * command and saying what happened: not found, could not be run, the exit
 * status or signal, or too slow (then it is stopped), with the first line
 * the command wrote to its standard error.
 */
int	 print_run(const char *cmd, const char *data, size_t len, int timeout,
	    struct nerr *);

/*
 * The print command for whoever is working (db->user): setting
 * print.command (lpr when unset).  It lives in the shared file, but each
 * user's copy runs it as that user, so a program other than lpr or lp runs
 * only for the login that set it (setting print.command.by): nobody who
 * may change Settings can make a teacher's session run a program of
 * theirs.  malloc'd, or NULL with err saying so and what to do.
 */
struct db;
char	*print_command(struct db *, struct nerr *);
/* Save the command (empty: lpr) as set by db->user. */
int	 print_set_command(struct db *, const char *, struct nerr *);

/*
 * Write len bytes to path exactly (form feeds and all), the file made or
 * replaced with mode 0600 (reports hold children's names).  -1 with err.
 */
int	 print_save(const char *path, const char *data, size_t len,
	    struct nerr *);

#endif
