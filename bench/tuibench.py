#!/usr/bin/env python3
# bench/tuibench.py: time the real nastavnik TUI through a pseudo-terminal, beside the sqlite3 shell.
"""
Drives src/nastavnik on a pseudo-terminal of 80x24 (TERM=xterm,
LANG=C.UTF-8, LANGUAGE=ru) as a user would, and times each step from the
moment the key is written to the first and to the last byte of the redraw
it causes.  "Last byte" is found by reading until the terminal has been
quiet for a while; the quiet wait itself is never counted.  The same raw
queries are run in the sqlite3 shell and timed with the same clock.

Usage: tuibench.py --nastavnik PATH --localedir DIR --db FILE [--runs N]
"""

import argparse
import curses
import errno
import fcntl
import os
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time

ROWS, COLS = 24, 80
QUIET = 0.15		# a redraw is over after this long without output
BURST_GAP = 0.003	# a pause this long ends the first redraw (the rows);
			# the count of a search follows in a second one
TIMEOUT = 15.0		# give up on a step after this long
PAGE = 22		# rows of a list page at 80x24

COLUMNS = "id, last, first, patronymic, birth, class, category, " \
    "is_mentor, is_mentee"


def now():
    return time.perf_counter()


class Gone(Exception):
    """The program under test exited or broke the terminal."""


class Tui:
    """The program on a pty, with a clock on every byte it writes."""

    def __init__(self, argv, env):
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ,
                    struct.pack("HHHH", ROWS, COLS, 0, 0))
        self.t0 = now()
        pid = os.fork()
        if pid == 0:		# child: the pty is its controlling terminal
            try:
                os.setsid()
                fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
                for fd in (0, 1, 2):
                    os.dup2(slave, fd)
                os.close(master)
                os.close(slave)
                os.execve(argv[0], argv, env)
            finally:
                os._exit(127)
        os.close(slave)
        self.pid = pid
        self.fd = master
        os.set_blocking(master, False)
        self.status = None
        self.rusage = None
        self.screen = b""	# everything written, for the record

    def alive(self):
        if self.status is None:
            pid, status, ru = os.wait4(self.pid, os.WNOHANG)
            if pid == self.pid:
                self.status, self.rusage = status, ru
        return self.status is None

    def send(self, data):
        t = now()
        os.write(self.fd, data)
        return t

    def read(self, timeout):
        """One chunk of output, or b"" after timeout; Gone at EOF."""
        r, _, _ = select.select([self.fd], [], [], timeout)
        if not r:
            return b""
        try:
            data = os.read(self.fd, 65536)
        except OSError as e:
            if e.errno == errno.EIO:	# the slave side closed
                raise Gone()
            raise
        if not data:
            raise Gone()
        self.screen += data
        return data

    def settle(self, since, want=None, quiet=QUIET, timeout=TIMEOUT):
        """
        Read until want (a function of the bytes read so far) holds and
        then nothing more comes for quiet seconds.  Returns the times of
        the first and last byte after since, whether want held, and the
        bytes.
        """
        buf = b""
        first = last = None
        self.burst = None	# end of the first burst of output
        seen = want is None
        deadline = now() + timeout
        while True:
            t_left = deadline - now()
            if t_left <= 0:
                break
            wait = quiet if (seen and buf) else min(t_left, 0.05)
            data = self.read(wait)
            if data:
                t = now()
                if first is None:
                    first = t
                elif self.burst is None and t - last > BURST_GAP:
                    self.burst = last
                last = t
                buf += data
                if not seen and want(buf):
                    seen = True
            elif seen and buf:
                break
            elif not self.alive():
                raise Gone()
        ms = (lambda t: None if t is None else (t - since) * 1000.0)
        if self.burst is None:
            self.burst = last
        self.burst = ms(self.burst)
        return ms(first), ms(last), seen, buf

    def peak_rss_kb(self):
        try:
            with open("/proc/%d/status" % self.pid) as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        return int(line.split()[1])
        except OSError:
            pass
        return None

    def finish(self, keys):
        """Quit politely with keys, then by signal; always reap the child."""
        for k in keys:
            if not self.alive():
                break
            try:
                self.send(k)
                self.settle(now(), quiet=0.1, timeout=1.0)
            except (Gone, OSError):
                pass
        for sig in (signal.SIGTERM, signal.SIGKILL):
            if not self.alive():
                break
            try:
                os.kill(self.pid, sig)
            except ProcessLookupError:
                pass
            for _ in range(40):
                if not self.alive():
                    break
                time.sleep(0.025)
        if self.status is None:
            _, self.status, self.rusage = os.wait4(self.pid, 0)
        os.close(self.fd)


class Shell:
    """A sqlite3 shell kept open, like the running program's connection."""

    MARK = "zz-bench-done"

    def __init__(self, sqlite3, db):
        self.p = subprocess.Popen([sqlite3, "-readonly", "-batch", db],
                                  stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, text=True,
                                  encoding="utf-8")

    def time(self, sql):
        t = now()
        self.p.stdin.write(sql + "\nSELECT '%s';\n" % self.MARK)
        self.p.stdin.flush()
        lines = []
        for line in self.p.stdout:
            if line.rstrip("\n") == self.MARK:
                return (now() - t) * 1000.0, lines
            lines.append(line)
        raise RuntimeError("sqlite3 shell ended early")

    def close(self):
        self.p.stdin.close()
        self.p.wait()


def q(s):
    return "'" + s.replace("'", "''") + "'"


def sql_first_page():
    return "SELECT %s FROM person ORDER BY sort_key, id LIMIT %d;" % (
        COLUMNS, PAGE)


def sql_last_page():
    return "SELECT %s FROM person ORDER BY sort_key DESC, id DESC " \
        "LIMIT %d;" % (COLUMNS, PAGE)


SPARSE = 3000		# as person_search_sparse in src/person-list.c


def sql_search(term, nwords):
    """
    The program's own queries for a one-word search (see person-list.c):
    how many words of names begin with the term (an index range count),
    then, when few do, the matches read by id through person_word, else the
    name index walked checking each name.  Returns (page, count) SQL.
    """
    lo, hi = q(term), "%s || cast(x'ff' AS text)" % q(term)
    est = "SELECT count(*) FROM person_word WHERE word >= %s AND word < %s;" \
        % (lo, hi)
    if nwords < SPARSE:
        frm = "person NOT INDEXED WHERE id IN (SELECT person_id FROM " \
            "person_word WHERE word >= %s AND word < %s)" % (lo, hi)
    else:
        frm = "person WHERE instr(search_key, %s) > 0" % q(" " + term)
    page = "%s SELECT %s FROM %s ORDER BY sort_key, id LIMIT %d;" % (
        est, COLUMNS, frm, PAGE)
    return page, "SELECT count(*) FROM %s;" % frm


def run_timed(argv, stdout=subprocess.DEVNULL, env=None):
    """Run to the end; wall ms."""
    t = now()
    p = subprocess.run(argv, stdout=stdout, stderr=subprocess.DEVNULL,
                       stdin=subprocess.DEVNULL, env=env)
    ms = (now() - t) * 1000.0
    if p.returncode != 0:
        raise RuntimeError("%s exited %d" % (argv[0], p.returncode))
    return ms


def peak_rss(argv, env=None):
    """
    Peak RSS in KB of a run, by GNU time; None without it.  Our own wait4
    would not do: a child's ru_maxrss counts the Python it was forked from.
    """
    gtime = "/usr/bin/time"
    if not os.access(gtime, os.X_OK):
        return None
    with tempfile.NamedTemporaryFile("r") as out:
        p = subprocess.run([gtime, "-f", "%M", "-o", out.name] + argv,
                           stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL,
                           stdin=subprocess.DEVNULL, env=env)
        try:
            return int(out.read().split()[-1]) if p.returncode == 0 \
                else None
        except (ValueError, IndexError):
            return None


def median(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


def keycap(name, fallback):
    s = curses.tigetstr(name)
    return s if s else fallback


def one_session(a, env, term, expect, keys):
    """Start the TUI, open the participants, End, search; times in ms."""
    r = {}
    tui = Tui([a.nastavnik, "-f", a.db], env)
    try:
        menu = [m.encode() for m in a.menu_marker]
        _, last, seen, _ = tui.settle(tui.t0, lambda b: any(m in b
                                                         for m in menu))
        r["menu"], r["menu_seen"] = last, seen
        t = tui.send(b"\r")
        _, last, seen, _ = tui.settle(t, lambda b: expect["first"] in b)
        r["list"], r["list_seen"] = last, seen

        t = tui.send(keys["end"])
        first, last, seen, _ = tui.settle(t, lambda b: expect["last"] in b)
        r["end"] = (first, last)
        r["end_seen"] = seen

        t = tui.send(b"/")
        _, last, _, _ = tui.settle(t)
        r["slash"] = last
        out = b""
        for i, ch in enumerate(term):
            t = tui.send(ch.encode())
            first, last, _, buf = tui.settle(t)
            r["key%d" % i] = (first, last)
            r["rows%d" % i] = tui.burst
            out += buf
        r["search_seen"] = expect["search"] in out
        r["rss_hwm"] = tui.peak_rss_kb()
    except Gone:
        r["gone"] = True
    finally:
        tui.finish([keys["esc"], keys["f10"], keys["f10"], keys["f10"],
                    b"y", keys["f10"], b"q"])
        r["status"] = tui.status
        r["screen"] = tui.screen
    return r


def fmt_ms(x):
    return "-" if x is None else ("%.1f ms" % x if x < 1000 else
                                  "%.2f s" % (x / 1000.0))


def fmt_mb(kb):
    return "-" if kb is None else "%.1f MB" % (kb / 1024.0)


def ratio(a, b):
    return "-" if a is None or not b else "%.1fx" % (a / b)


def verdict(x, bar):
    if bar is None:
        return ""
    if x is None:
        return "NO DATA"
    return "ok" if x < bar else "OVER"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--nastavnik", required=True)
    ap.add_argument("--localedir", default="")
    ap.add_argument("--db", required=True)
    ap.add_argument("--sqlite3", default="sqlite3")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--term", default="смирн",
                    help="typed one letter at a time (lower case, е not ё)")
    ap.add_argument("--menu-marker", action="append",
                    default=None, help="text that shows the main menu")
    ap.add_argument("--keep-screen", default="",
                    help="write the raw output of the last run here")
    a = ap.parse_args()
    a.menu_marker = a.menu_marker or ["Участники", "Participants"]
    a.nastavnik = os.path.abspath(a.nastavnik)

    curses.setupterm("xterm", os.open(os.devnull, os.O_WRONLY))
    keys = {"end": keycap("kend", b"\x1bOF"),
            "f10": keycap("kf10", b"\x1b[21~"), "esc": b"\x1b"}

    sh = Shell(a.sqlite3, a.db)
    n = int(sh.time("SELECT count(*) FROM person;")[1][0])
    _, first = sh.time(sql_first_page())
    _, last = sh.time(sql_last_page())
    searches = []
    for i in range(len(a.term)):
        t = a.term[:i + 1]
        nw = int(sh.time("SELECT count(*) FROM person_word WHERE word >= %s "
                         "AND word < %s || cast(x'ff' AS text);"
                         % (q(t), q(t)))[1][0])
        searches.append(sql_search(t, nw))
    _, found = sh.time(searches[-1][0])
    expect = {"first": first[0].split("|")[1].encode(),
              "last": last[0].split("|")[1].encode(),
              "search": (found[1].split("|")[1].encode()
                         if len(found) > 1 else b"")}

    home = tempfile.mkdtemp(prefix="nastavnik-bench-")
    env = {"PATH": "/usr/bin:/bin", "HOME": home, "TERM": "xterm",
           "LANG": "C.UTF-8", "LANGUAGE": "ru", "TZ": "UTC",
           "NASTAVNIK_LOCALEDIR": a.localedir}
    runs = []
    try:
        for _ in range(a.runs):
            runs.append(one_session(a, env, a.term, expect, keys))
    finally:
        if a.keep_screen and runs:
            with open(a.keep_screen, "wb") as f:
                f.write(runs[-1]["screen"])
        shutil.rmtree(home, ignore_errors=True)

    # The same raw work in the sqlite3 shell, the same clock.
    ref = {"first": [], "end": []}
    refkey = {i: {"page": [], "all": []} for i in range(len(a.term))}
    first_argv = [a.sqlite3, "-readonly", a.db, sql_first_page()]
    for _ in range(a.runs):
        ref["first"].append(run_timed(first_argv))
    ref["rss"] = peak_rss(first_argv)
    for _ in range(a.runs):
        ref["end"].append(sh.time(sql_last_page())[0])
        for i, (page, count) in enumerate(searches):
            refkey[i]["page"].append(sh.time(page)[0])
            refkey[i]["all"].append(sh.time(page + " " + count)[0])
    sh.close()

    # The CLI: every participant as TSV, against the shell's dump.
    lenv = dict(env, LANGUAGE="", LANG="C.UTF-8")
    cli_argv = [a.nastavnik, "-f", a.db, "list", "people"]
    dump_argv = [a.sqlite3, "-readonly", "-tabs", "-header", a.db,
                 "SELECT id, last, first, patronymic, birth, category, "
                 "class, is_mentor, is_mentee FROM person ORDER BY "
                 "sort_key, id;"]
    cli, dump = {"ms": []}, {"ms": []}
    for _ in range(max(3, a.runs // 2)):
        try:
            cli["ms"].append(run_timed(cli_argv, env=lenv))
        except RuntimeError as e:
            print("bench: list people failed: %s" % e, file=sys.stderr)
        dump["ms"].append(run_timed(dump_argv))
    cli["rss"] = peak_rss(cli_argv, env=lenv)
    dump["rss"] = peak_rss(dump_argv)

    report(a, n, runs, ref, refkey, cli, dump)
    bad = [r for r in runs if r.get("gone")]
    return 1 if bad else 0


def report(a, n, runs, ref, refkey, cli, dump):
    def m(key, i=None):
        return median([r.get(key) if i is None else
                       (r.get(key) or (None, None))[i] for r in runs])

    def mx(key):
        xs = [r.get(key) for r in runs if r.get(key) is not None]
        return max(xs) if xs else None

    start = median([r["menu"] + r["list"] for r in runs
                    if r.get("menu") is not None
                    and r.get("list") is not None])
    rows = []
    rows.append(("start to main menu drawn", m("menu"), None, None, None))
    rows.append(("Enter on Участники to rows drawn", m("list"), None, None,
                 None))
    rows.append(("= start to first participants screen", start,
                 median(ref["first"]), 100.0, "ms"))
    rows.append(("End: first byte of the last page", m("end", 0), None,
                 None, None))
    rows.append(("End: last page drawn", m("end", 1), median(ref["end"]),
                 None, "ms"))
    rows.append(("/ opens the search line", m("slash"), None, None, None))
    for i in range(len(a.term)):
        t = a.term[:i + 1]
        rows.append(("search '%s': rows drawn" % t, m("rows%d" % i),
                     median(refkey[i]["page"]), 10.0, "ms"))
        rows.append(("search '%s': count shown too" % t, m("key%d" % i, 1),
                     median(refkey[i]["all"]), None, "ms"))
    # VmHWM just before quitting: the program's own high-water mark.
    rows.append(("peak RSS of the TUI (VmHWM)", mx("rss_hwm"), ref["rss"],
                 16 * 1024, "kb"))
    rows.append(("list people: all rows as TSV", median(cli["ms"]),
                 median(dump["ms"]), None, "ms"))
    rows.append(("list people: peak RSS", cli["rss"], dump["rss"], None,
                 "kb"))

    print()
    print("nastavnik TUI benchmark: %d participants, %dx%d, TERM=xterm, "
          "LANG=C.UTF-8 LANGUAGE=ru," % (n, COLS, ROWS))
    print("median of %d runs (peak RSS: the largest); reference: the sqlite3 "
          "shell, same queries, same clock" % len(runs))
    print()
    print("%-40s %10s %10s %7s %9s %s" % ("measure", "nastavnik", "sqlite3",
                                        "ratio", "bar", ""))
    print("-" * 84)
    for name, x, refx, bar, unit in rows:
        f = fmt_mb if unit == "kb" else fmt_ms
        barstr = "" if bar is None else "< " + (fmt_mb(bar) if unit == "kb"
                                                else fmt_ms(bar))
        print("%-40s %10s %10s %7s %9s %s" % (
            name, f(x), "" if refx is None else f(refx),
            "" if refx is None else ratio(x, refx), barstr,
            verdict(x, bar)))
    print("-" * 84)
    print("sqlite3 columns: first screen = a new sqlite3 process running the "
          "first-page query;")
    print("End and search = an open sqlite3 shell running the last-page "
          "query, or the program's")
    print("search queries (rows: estimate + first page; count shown: the "
          "same plus count(*));")
    print("rows drawn = the first redraw; the count of matches follows "
          "when no key is waiting.")
    print("peak RSS: VmHWM, or GNU time's %M.")
    checks = [
        ("main menu text seen (%s)" % " or ".join(a.menu_marker),
         "menu_seen"),
        ("first participant (%s) drawn after Enter" % "first row",
         "list_seen"),
        ("last participant drawn after End", "end_seen"),
        ("first match drawn while searching", "search_seen"),
    ]
    print()
    for text, key in checks:
        got = sum(1 for r in runs if r.get(key))
        print("check: %-50s %d/%d runs" % (text, got, len(runs)))
    gone = [r for r in runs if r.get("gone")]
    if gone:
        print("check: the program EXITED during %d run(s): status %s" % (
            len(gone), [r["status"] for r in gone]))


if __name__ == "__main__":
    sys.exit(main())
