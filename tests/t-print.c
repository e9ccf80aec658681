/* t-print.c: unit tests of the print command (fake printers, failures) and of saving. */
#include "config.h"

#include <sys/stat.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "print.h"
#include "tap.h"
#include "testlib.h"
#include "util.h"

static char	tmpdir[512];

static const char *
tmp(const char *name)
{
	return (t_path(tmpdir, name));
}

static void
write_file(const char *path, const char *s, int mode)
{
	FILE	*f = fopen(path, "w");

	if (f == NULL || fputs(s, f) == EOF || fclose(f) != 0)
		diag("cannot write %s", path);
	chmod(path, mode);
}

/* The whole file (NULL if missing); its length in *len. */
static char *
slurp(const char *path, size_t *len)
{
	FILE	*f = fopen(path, "rb");
	struct sbuf sb;
	char	 buf[4096];
	size_t	 n;

	*len = 0;
	if (f == NULL)
		return (NULL);
	sbuf_init(&sb);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		sbuf_addn(&sb, buf, n);
	fclose(f);
	*len = sb.len;
	return (sbuf_take(&sb));
}

static void
test_split(void)
{
	struct nerr	 err;
	char		**av;
	int		 n;

	n = print_split("lpr", &av, &err);
	is_int(n, 1, "split: one word");
	is_str(av[0], "lpr", "... lpr");
	ok(av[1] == NULL, "... argv ends with NULL");
	print_argv_free(av);

	n = print_split("  lpr -P \"Кабинет 12\"  ", &av, &err);
	is_int(n, 3, "split: a quoted printer name is one word");
	is_str(av[2], "Кабинет 12", "... with its space, in Cyrillic");
	print_argv_free(av);

	n = print_split("a 'b \"c' d\\ e \"x\\\"y\\\\\" 'it''s'", &av, &err);
	is_int(n, 5, "split: single, double quotes and backslashes");
	is_str(av[1], "b \"c", "... single quotes keep everything");
	is_str(av[2], "d e", "... a backslash keeps a space");
	is_str(av[3], "x\"y\\", "... \\\" and \\\\ inside double quotes");
	is_str(av[4], "its", "... quotes side by side join");
	print_argv_free(av);

	n = print_split("echo $HOME;rm -rf ~ | cat > x", &av, &err);
	is_int(n, 8, "split: no shell: $, ;, |, > are plain characters");
	is_str(av[1], "$HOME;rm", "... $HOME is not expanded");
	is_str(av[3], "~", "... nor ~");
	print_argv_free(av);

	nerr_clear(&err);
	n = print_split("lpr -P 'Кабинет", &av, &err);
	is_int(n, -1, "split: an unclosed quote is refused");
	like(err.msg, "unclosed quote", "... saying so");
	ok(av == NULL, "... with no argv");

	nerr_clear(&err);
	is_int(print_split("  \t", &av, &err), -1, "split: blank is refused");
	like(err.msg, "empty", "... the command is empty");
	is_int(print_split(NULL, &av, &err), -1, "split: NULL is refused");
}

static void
test_run(void)
{
	struct sigaction sa;
	struct nerr	 err;
	struct sbuf	 big;
	char		*cmd, *got;
	size_t		 len;
	const char	*text = "Дорожная карта\n\fстраница 2\n";
	int		 i;

	/* A fake printer: copies its input to the file named, notes argc. */
	write_file(tmp("copy.sh"), "#!/bin/sh\ncat > \"$1\"\n"
	    "echo $# > \"$1.argc\"\n", 0755);
	xasprintf(&cmd, "'%s' '%s'", tmp("copy.sh"), tmp("printed"));
	nerr_clear(&err);
	is_int(print_run(cmd, text, strlen(text), 5, &err), 0,
	    "run: the fake printer takes the text");
	got = slurp(tmp("printed"), &len);
	ok(got != NULL && len == strlen(text) &&
	    memcmp(got, text, len) == 0, "... byte for byte, form feed too");
	free(got);
	got = slurp(tmp("printed.argc"), &len);
	is_str(got != NULL ? got : "", "1\n",
	    "... the text is not on its command line");
	free(got);

	/* More than a pipe holds: the writing must not deadlock. */
	sbuf_init(&big);
	for (i = 0; i < 20000; i++)
		sbuf_addf(&big, "%05d Ёлкина Дарья Игоревна 5А\n", i);
	nerr_clear(&err);
	is_int(print_run(cmd, big.s, big.len, 10, &err), 0,
	    "run: a long report goes through the pipe");
	got = slurp(tmp("printed"), &len);
	ok(got != NULL && len == big.len && memcmp(got, big.s, len) == 0,
	    "... all of it (%zu bytes)", big.len);
	free(got);
	free(cmd);

	/* A printer that fails and says why on two lines. */
	write_file(tmp("fail.sh"), "#!/bin/sh\ncat >/dev/null\n"
	    "echo '' >&2\necho 'lpr: The printer or class does not exist.' >&2\n"
	    "echo 'second line' >&2\nexit 3\n", 0755);
	nerr_clear(&err);
	is_int(print_run(tmp("fail.sh"), text, strlen(text), 5, &err), -1,
	    "run: a failing command is a failure");
	like(err.msg, "exit status 3", "... with its exit status");
	like(err.msg, "lpr: The printer or class does not exist.",
	    "... and the first line it wrote to stderr");
	unlike(err.msg, "second line", "... only the first");
	like(err.msg, "fail.sh", "... naming the command");

	nerr_clear(&err);
	is_int(print_run("/nonexistent/lpr", text, strlen(text), 5, &err), -1,
	    "run: a missing command is a failure");
	like(err.msg, "«/nonexistent/lpr» was not found", "... not found");
	like(err.msg, "Settings", "... pointing at the Settings");
	nerr_clear(&err);
	is_int(print_run("nastavnik-no-such-printer -P x", text, strlen(text),
	    5, &err), -1, "run: a command not on PATH is a failure");
	like(err.msg, "«nastavnik-no-such-printer» was not found",
	    "... not found either");

	write_file(tmp("noexec.sh"), "#!/bin/sh\nexit 0\n", 0644);
	nerr_clear(&err);
	is_int(print_run(tmp("noexec.sh"), text, strlen(text), 5, &err), -1,
	    "run: a file that is not a program is a failure");
	like(err.msg, "cannot be run", "... it cannot be run");

	write_file(tmp("slow.sh"), "#!/bin/sh\nexec sleep 20\n", 0755);
	nerr_clear(&err);
	is_int(print_run(tmp("slow.sh"), text, strlen(text), 1, &err), -1,
	    "run: a command that hangs is stopped");
	like(err.msg, "did not finish in 1 second", "... saying so");

	/* It reads nothing: a long text cannot all go in. */
	nerr_clear(&err);
	sbuf_reset(&big);
	for (i = 0; i < 20000; i++)
		sbuf_add(&big, "0123456789012345678901234567890123456789\n");
	is_int(print_run("true", big.s, big.len, 5, &err), -1,
	    "run: a command that takes none of a long text is a failure");
	like(err.msg, "whole text", "... it did not take the whole text");
	sbuf_free(&big);

	nerr_clear(&err);
	is_int(print_run("lpr 'x", text, strlen(text), 5, &err), -1,
	    "run: a bad command line is refused before running");
	like(err.msg, "unclosed quote", "... with the split's message");

	sigaction(SIGPIPE, NULL, &sa);
	ok(sa.sa_handler == SIG_DFL, "run: SIGPIPE is as it was after");
}

static void
test_save(void)
{
	struct stat	 st;
	struct nerr	 err;
	const char	*text = "Отчёт\n\fЛист 2\n";
	char		*got;
	size_t		 len;

	nerr_clear(&err);
	is_int(print_save(tmp("r.txt"), text, strlen(text), &err), 0,
	    "save: written");
	got = slurp(tmp("r.txt"), &len);
	ok(got != NULL && len == strlen(text) && memcmp(got, text, len) == 0,
	    "... exactly, with the form feed");
	free(got);
	ok(stat(tmp("r.txt"), &st) == 0 && (st.st_mode & 0777) == 0600,
	    "... mode 0600");

	write_file(tmp("old.txt"), "a much longer old content\n", 0644);
	is_int(print_save(tmp("old.txt"), "x", 1, &err), 0,
	    "save: replaces a file");
	got = slurp(tmp("old.txt"), &len);
	ok(got != NULL && len == 1 && got[0] == 'x', "... all of it");
	free(got);
	ok(stat(tmp("old.txt"), &st) == 0 && (st.st_mode & 0777) == 0600,
	    "... and makes it private (0600)");

	nerr_clear(&err);
	is_int(print_save(tmp("no/such/dir/r.txt"), "x", 1, &err), -1,
	    "save: a missing folder is a failure");
	like(err.msg, "no/such/dir/r.txt", "... naming the path");
}

/* A program of one user's is never run for another from the shared file. */
static void
test_command(void)
{
	struct db	*db;
	struct nerr	 err;
	char		 path[600], *cmd;

	snprintf(path, sizeof path, "%s/p.db", tmpdir);
	if (db_open(&db, path, DB_OPEN_CREATE, &err) != 0) {
		diag("%s", err.msg);
		skip(6, "no database");
		return;
	}
	free(db->user);
	db->user = xstrdup("olga");
	cmd = print_command(db, &err);
	is_str(cmd, "lpr", "no setting: lpr");
	free(cmd);
	ok(print_set_command(db, "/home/olga/bin/pr.sh -x", &err) == 0,
	    "olga sets a program of her own");
	cmd = print_command(db, &err);
	is_str(cmd, "/home/olga/bin/pr.sh -x", "... which runs for her");
	free(cmd);
	free(db->user);
	db->user = xstrdup("ivan");
	ok(print_command(db, &err) == NULL, "... and not for ivan");
	like(err.msg, "was set by «olga»", "... saying who set it and why");
	print_set_command(db, "lpr -P 'Кабинет 12'", &err);
	free(db->user);
	db->user = xstrdup("petr");
	cmd = print_command(db, &err);
	is_str(cmd, "lpr -P 'Кабинет 12'", "lpr set by ivan runs for anyone");
	free(cmd);
	db_close(db);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	if (t_tmpdir(tmpdir, sizeof tmpdir, "t-print") != 0) {
		printf("Bail out! cannot make a temporary folder\n");
		return (1);
	}
	plan(57);
	test_split();
	test_command();
	test_run();
	test_save();
	t_rmtree(tmpdir);
	return (tap_failed != 0);
}
