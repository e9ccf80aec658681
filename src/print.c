/* print.c: sending a report to the print command, and saving one, safely. */
#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "db.h"
#include "print.h"

#define PRINT_ERR_KEEP	4096	/* bytes of the command's stderr kept */
#define PRINT_LINE_MAX	200	/* bytes of its first line shown */

/* ---- encodings ---- */

static const struct {
	const char	*code;
	const char	*label;		/* N_() */
} print_encs[] = {
	{ "utf-8", N_("UTF-8 (today's programs)") },
	{ "cp866", N_("CP866 (DOS, old printers)") },
	{ "cp1251", N_("CP1251 (Windows)") },
	{ "koi8-r", N_("KOI8-R") },
};

const char *
print_encoding_code(int i)
{
	return (i >= 0 && i < (int)nitems(print_encs) ? print_encs[i].code :
	    NULL);
}

const char *
print_encoding_label(int i)
{
	return (i >= 0 && i < (int)nitems(print_encs) ?
	    _(print_encs[i].label) : NULL);
}

int
print_encoding_index(const char *code)
{
	int	i;

	for (i = 0; code != NULL && i < (int)nitems(print_encs); i++) {
		if (strcasecmp(print_encs[i].code, code) == 0)
			return (i);
	}
	return (0);
}

/* ---- splitting the command into words ---- */

static void
print_word_end(struct sbuf *w, int *inword, char ***argv, int *n)
{
	if (!*inword)
		return;
	*argv = xreallocarray(*argv, (size_t)*n + 2, sizeof **argv);
	(*argv)[(*n)++] = sbuf_take(w);
	(*argv)[*n] = NULL;
	*inword = 0;
}

int
print_split(const char *cmd, char ***argvp, struct nerr *err)
{
	struct sbuf	 w;
	char		**argv = NULL;
	const char	*p;
	char		 q = 0;
	int		 n = 0, inword = 0;

	*argvp = NULL;
	sbuf_init(&w);
	for (p = cmd != NULL ? cmd : ""; *p != '\0'; p++) {
		if (q == '\'') {
			if (*p == '\'')
				q = 0;
			else
				sbuf_addc(&w, *p);
		} else if (q == '"') {
			if (*p == '"')
				q = 0;
			else if (*p == '\\' && (p[1] == '"' || p[1] == '\\'))
				sbuf_addc(&w, *++p);
			else
				sbuf_addc(&w, *p);
		} else if (*p == ' ' || *p == '\t' || *p == '\n') {
			print_word_end(&w, &inword, &argv, &n);
		} else if (*p == '\'' || *p == '"') {
			q = *p;
			inword = 1;
		} else if (*p == '\\' && p[1] != '\0') {
			sbuf_addc(&w, *++p);
			inword = 1;
		} else {
			sbuf_addc(&w, *p);
			inword = 1;
		}
	}
	if (q != 0) {
		sbuf_free(&w);
		print_argv_free(argv);
		return (nerr_set(err, _("The print command has an unclosed "
		    "quote (%c): close it, or leave the quotes out."), q));
	}
	print_word_end(&w, &inword, &argv, &n);
	sbuf_free(&w);
	if (n == 0)
		return (nerr_set(err, "%s", _("The print command is empty: "
		    "set one in Settings, for example lpr.")));
	*argvp = argv;
	return (n);
}

void
print_argv_free(char **argv)
{
	char	**a;

	if (argv == NULL)
		return;
	for (a = argv; *a != NULL; a++)
		free(*a);
	free(argv);
}

/* ---- running it ---- */

static long long
print_now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000);
}

/* In the child: the pipes on 0 and 2, nothing on 1, then the program. */
static void
print_child(char **argv, int in, int errfd, int exe)
{
	int	fd, e;

	signal(SIGPIPE, SIG_DFL);
	if (dup2(in, STDIN_FILENO) == -1 || dup2(errfd, STDERR_FILENO) == -1)
		goto fail;
	if ((fd = open("/dev/null", O_WRONLY)) == -1 ||
	    dup2(fd, STDOUT_FILENO) == -1)
		goto fail;
	execvp(argv[0], argv);
fail:
	e = errno;
	if (write(exe, &e, sizeof e) != (ssize_t)sizeof e)
		_exit(126);
	_exit(127);
}

/* The first line of what the command said, cut short, without the newline. */
static void
print_first_line(const struct sbuf *said, struct sbuf *out)
{
	const char	*p = said->s != NULL ? said->s : "";
	size_t		 n;

	p += strspn(p, " \t\r\n");
	n = strcspn(p, "\r\n");
	if (n > PRINT_LINE_MAX) {
		n = PRINT_LINE_MAX;
		/* Not in the middle of a UTF-8 character. */
		while (n > 0 && ((unsigned char)p[n] & 0xc0) == 0x80)
			n--;
	}
	while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	sbuf_addn(out, p, n);
}

/* Wait for the child, stopping it when it outlives the deadline. */
static int
print_reap(pid_t pid, long long deadline, int *status, int *late)
{
	int	i;

	for (;;) {
		pid_t r = waitpid(pid, status, WNOHANG);

		if (r == pid)
			return (0);
		if (r == -1 && errno != EINTR)
			return (-1);
		if (print_now_ms() >= deadline)
			break;
		poll(NULL, 0, 20);
	}
	*late = 1;
	kill(pid, SIGTERM);
	for (i = 0; i < 50; i++) {
		if (waitpid(pid, status, WNOHANG) == pid)
			return (0);
		poll(NULL, 0, 20);
	}
	kill(pid, SIGKILL);
	while (waitpid(pid, status, 0) == -1) {
		if (errno != EINTR)
			return (-1);
	}
	return (0);
}

/*
 * Feed the data and collect stderr until both are done, the child is
 * gone with nothing left to read, or the deadline passes.  *short_fed is
 * set when the command stopped reading before the end.
 */
static void
print_feed(pid_t pid, int in, int errfd, const char *data, size_t len,
    long long deadline, struct sbuf *said, int *short_fed, int *exited,
    int *status)
{
	struct pollfd	 pfd[2];
	char		 buf[1024];
	size_t		 off = 0;
	ssize_t		 n;
	long long	 left;
	int		 np, i;

	if (len == 0) {
		close(in);
		in = -1;
	}
	while (in != -1 || errfd != -1) {
		if ((left = deadline - print_now_ms()) <= 0)
			break;
		np = 0;
		if (in != -1) {
			pfd[np].fd = in;
			pfd[np++].events = POLLOUT;
		}
		if (errfd != -1) {
			pfd[np].fd = errfd;
			pfd[np++].events = POLLIN;
		}
		/* Look at the child now and then: its own children may hold the pipe. */
		if (poll(pfd, (nfds_t)np, left < 100 ? (int)left : 100) == -1 &&
		    errno != EINTR)
			break;
		for (i = 0; i < np; i++) {
			if (pfd[i].revents == 0)
				continue;
			if (pfd[i].fd == in) {
				n = write(in, data + off, len - off);
				if (n > 0 && (off += (size_t)n) == len) {
					close(in);
					in = -1;
				} else if (n == -1 && errno != EAGAIN &&
				    errno != EINTR) {
					*short_fed = 1;
					close(in);
					in = -1;
				}
			} else {
				n = read(errfd, buf, sizeof buf);
				if (n > 0 && said->len < PRINT_ERR_KEEP)
					sbuf_addn(said, buf, (size_t)n);
				else if (n == 0 || (n == -1 &&
				    errno != EAGAIN && errno != EINTR)) {
					close(errfd);
					errfd = -1;
				}
			}
		}
		if (!*exited && waitpid(pid, status, WNOHANG) == pid) {
			*exited = 1;
			if (in != -1) {
				*short_fed = off < len;
				close(in);
				in = -1;
			}
			/* Whatever it wrote is in the pipe now. */
			while (errfd != -1 && (n = read(errfd, buf,
			    sizeof buf)) > 0 && said->len < PRINT_ERR_KEEP)
				sbuf_addn(said, buf, (size_t)n);
			if (errfd != -1)
				close(errfd);
			errfd = -1;
		}
	}
	if (in != -1)
		close(in);
	if (errfd != -1)
		close(errfd);
}

/* What went wrong, in one sentence with the command's own first line. */
static int
print_failed(const char *prog, int status, int late, int short_fed,
    const struct sbuf *said, int timeout, struct nerr *err)
{
	struct sbuf	 line, msg;

	sbuf_init(&line);
	sbuf_init(&msg);
	print_first_line(said, &line);
	if (late)
		sbuf_addf(&msg, ngettext("The print command «%s» did not "
		    "finish in %d second and was stopped.", "The print command "
		    "«%s» did not finish in %d seconds and was stopped.",
		    (unsigned long)timeout), prog, timeout);
	else if (WIFSIGNALED(status))
		sbuf_addf(&msg, _("The print command «%s» was stopped by "
		    "signal %d."), prog, WTERMSIG(status));
	else if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
		sbuf_addf(&msg, _("The print command «%s» failed (exit status "
		    "%d)."), prog, WEXITSTATUS(status));
	else if (short_fed)
		sbuf_addf(&msg, _("The print command «%s» stopped before it "
		    "took the whole text."), prog);
	else {
		sbuf_free(&line);
		sbuf_free(&msg);
		return (0);
	}
	if (line.len > 0)
		sbuf_addf(&msg, " %s: %s", _("It said"), line.s);
	nerr_set(err, "%s", msg.s);
	sbuf_free(&line);
	sbuf_free(&msg);
	return (-1);
}

int
print_run(const char *cmd, const char *data, size_t len, int timeout,
    struct nerr *err)
{
	struct sigaction	 ign, old;
	struct sbuf		 said;
	char			**argv;
	const char		*prog;
	int			 in[2], ep[2], xp[2], e, status = 0, late = 0;
	int			 short_fed = 0, exited = 0, r;
	ssize_t			 n;
	long long		 deadline;
	pid_t			 pid;

	if (timeout <= 0)
		timeout = PRINT_TIMEOUT;
	if (print_split(cmd, &argv, err) < 0)
		return (-1);
	if (pipe2(in, O_CLOEXEC) == -1) {
		print_argv_free(argv);
		return (nerr_set(err, _("Cannot run the print command: %s."),
		    strerror(errno)));
	}
	if (pipe2(ep, O_CLOEXEC) == -1) {
		e = errno;
		close(in[0]);
		close(in[1]);
		print_argv_free(argv);
		return (nerr_set(err, _("Cannot run the print command: %s."),
		    strerror(e)));
	}
	if (pipe2(xp, O_CLOEXEC) == -1) {
		e = errno;
		close(in[0]);
		close(in[1]);
		close(ep[0]);
		close(ep[1]);
		print_argv_free(argv);
		return (nerr_set(err, _("Cannot run the print command: %s."),
		    strerror(e)));
	}
	/* A command that stops reading must not kill us with SIGPIPE. */
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGPIPE, &ign, &old);
	if ((pid = fork()) == -1) {
		e = errno;
		sigaction(SIGPIPE, &old, NULL);
		close(in[0]);
		close(in[1]);
		close(ep[0]);
		close(ep[1]);
		close(xp[0]);
		close(xp[1]);
		print_argv_free(argv);
		return (nerr_set(err, _("Cannot run the print command: %s."),
		    strerror(e)));
	}
	if (pid == 0)
		print_child(argv, in[0], ep[1], xp[1]);
	close(in[0]);
	close(ep[1]);
	close(xp[1]);
	/* The exec report: end of file when exec worked, errno when not. */
	while ((n = read(xp[0], &e, sizeof e)) == -1 && errno == EINTR)
		;
	close(xp[0]);
	if (n == (ssize_t)sizeof e) {
		close(in[1]);
		close(ep[0]);
		while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
			;
		sigaction(SIGPIPE, &old, NULL);
		if (e == ENOENT)
			nerr_set(err, _("The print command «%s» was not found: "
			    "install it, or set another print command in "
			    "Settings."), argv[0]);
		else
			nerr_set(err, _("The print command «%s» cannot be run: "
			    "%s."), argv[0], strerror(e));
		print_argv_free(argv);
		return (-1);
	}
	fcntl(in[1], F_SETFL, fcntl(in[1], F_GETFL) | O_NONBLOCK);
	fcntl(ep[0], F_SETFL, fcntl(ep[0], F_GETFL) | O_NONBLOCK);
	sbuf_init(&said);
	deadline = print_now_ms() + (long long)timeout * 1000;
	print_feed(pid, in[1], ep[0], data, len, deadline, &said, &short_fed,
	    &exited, &status);
	if (!exited && print_reap(pid, deadline, &status, &late) != 0)
		status = 0;
	sigaction(SIGPIPE, &old, NULL);
	/* The program's own name is enough to say which failed. */
	prog = strrchr(argv[0], '/') != NULL && strrchr(argv[0], '/')[1] !=
	    '\0' ? strrchr(argv[0], '/') + 1 : argv[0];
	r = print_failed(prog, status, late, short_fed, &said, timeout, err);
	sbuf_free(&said);
	print_argv_free(argv);
	return (r);
}

/* ---- saving ---- */

int
print_save(const char *path, const char *data, size_t len, struct nerr *err)
{
	size_t	 off;
	ssize_t	 n;
	int	 fd, e;

	/* Reports hold children's names: only the user may read the file. */
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd == -1)
		return (nerr_set(err, _("Cannot write %s: %s."), path,
		    strerror(errno)));
	/* A file that was there keeps its mode on open: make it private. */
	if (fchmod(fd, 0600) == -1) {
		e = errno;
		close(fd);
		return (nerr_set(err, _("Cannot write %s: %s."), path,
		    strerror(e)));
	}
	for (off = 0; off < len; off += (size_t)n) {
		if ((n = write(fd, data + off, len - off)) == -1) {
			if (errno == EINTR) {
				n = 0;
				continue;
			}
			e = errno;
			close(fd);
			return (nerr_set(err, _("Cannot write %s: %s."), path,
			    strerror(e)));
		}
	}
	if (close(fd) != 0)
		return (nerr_set(err, _("Cannot write %s: %s."), path,
		    strerror(errno)));
	return (0);
}

/* Programs that only queue text for a printer, safe for anyone to run. */
static int
print_is_spooler(const char *cmd)
{
	char		**argv;
	const char	 *base;
	struct nerr	  e;
	int		  yes;

	if (print_split(cmd, &argv, &e) < 0)
		return (0);
	base = strrchr(argv[0], '/') != NULL ? strrchr(argv[0], '/') + 1 :
	    argv[0];
	yes = (strcmp(base, "lpr") == 0 || strcmp(base, "lp") == 0) &&
	    (base == argv[0] || strncmp(argv[0], "/usr/bin/", 9) == 0 ||
	    strncmp(argv[0], "/bin/", 5) == 0);
	print_argv_free(argv);
	return (yes);
}

char *
print_command(struct db *db, struct nerr *err)
{
	char	*cmd, *by;

	cmd = db_setting(db, "print.command");
	if (cmd == NULL || *cmd == '\0') {
		free(cmd);
		return (xstrdup(PRINT_COMMAND_DEFAULT));
	}
	if (print_is_spooler(cmd))
		return (cmd);
	by = db_setting(db, "print.command.by");
	if (by != NULL && db->user != NULL && strcmp(by, db->user) == 0) {
		free(by);
		return (cmd);
	}
	nerr_set(err, _("The print command «%s» was set by «%s», and a "
	    "program other than lpr or lp runs only for the login that set "
	    "it. Ask the curator to set lpr or lp in Settings, set your own "
	    "there, or save the report to a file."), cmd,
	    by != NULL ? by : "?");
	free(by);
	free(cmd);
	return (NULL);
}

int
print_set_command(struct db *db, const char *cmd, struct nerr *err)
{
	if (db_set_setting(db, "print.command", cmd == NULL || *cmd == '\0' ?
	    PRINT_COMMAND_DEFAULT : cmd, err) != 0)
		return (-1);
	return (db_set_setting(db, "print.command.by", db->user != NULL ?
	    db->user : "", err));
}
