/* t-pimport.c: class-list import (fixtures, all or nothing, duplicates, memory) and the registers' export. */
#include "config.h"

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "csvio.h"
#include "date.h"
#include "db.h"
#include "person.h"
#include "pimport.h"
#include "util.h"

#include "tap.h"
#include "testlib.h"

#define TODAY	"2025-11-22"
#define TODAY_SHOWN "22.11.2025"
#define BIG_N	100000

#if defined(__SANITIZE_ADDRESS__)
/*
 * ASan keeps freed memory in a quarantine of 256 MB: a small one, so that
 * the peak RSS measures what the import holds, not what it churned.
 */
const char *__asan_default_options(void);
const char *
__asan_default_options(void)
{
	return ("quarantine_size_mb=2:thread_local_quarantine_size_kb=64");
}
#endif

static char	tmpdir[512];
static char	datadir[512];

static const char *
data(const char *name)
{
	static char	path[1024];

	snprintf(path, sizeof path, "%s/%s", datadir, name);
	return (path);
}

static const char *
tmp(const char *name)
{
	return (t_path(tmpdir, name));
}

static long
maxrss_kb(void)
{
	struct rusage	ru;

	getrusage(RUSAGE_SELF, &ru);
	return (ru.ru_maxrss);
}

static struct db *
open_db(const char *name)
{
	struct db	*db;

	if ((db = t_open_db(tmpdir, name)) == NULL)
		exit(1);
	return (db);
}

/* One field of the person with this last name ("" if none, "?" if absent). */
static char *
field(struct db *db, const char *col, const char *last)
{
	char	*sql, *t;
	size_t	 n;

	xasprintf(&sql, "SELECT coalesce(%s, '') FROM person WHERE last = '%s'",
	    col, last);
	t = q_text(db, sql);
	free(sql);
	n = strlen(t);
	if (n == 0) {
		free(t);
		return (xstrdup("?"));
	}
	if (n >= 2 && t[n - 1] == '\n' && t[n - 2] == '|')
		t[n - 2] = '\0';
	return (t);
}

#define is_q(db, sql, want, ...) do {					\
	char *q_ = q_text((db), (sql));					\
	is_str(q_, (want), __VA_ARGS__);				\
	free(q_);							\
} while (0)

#define is_field(db, col, last, want, ...) do {				\
	char *f_ = field((db), (col), (last));				\
	is_str(f_, (want), __VA_ARGS__);				\
	free(f_);							\
} while (0)

/* Everything an import may set, in a stable order, without ids. */
#define PEOPLE_SQL "SELECT last, first, patronymic, category, birth, " \
	"class, organisation, position, phone, email, note, is_mentor, " \
	"is_mentee FROM person ORDER BY sort_key, birth"

static void
write_file(const char *path, const char *s)
{
	FILE	*fp;

	if ((fp = fopen(path, "wb")) == NULL || fputs(s, fp) == EOF ||
	    fclose(fp) != 0) {
		diag("cannot write %s: %s", path, strerror(errno));
		exit(1);
	}
}

static char *
read_all(const char *path, size_t *len)
{
	FILE	*fp;
	char	*s;
	long	 n;

	if ((fp = fopen(path, "rb")) == NULL)
		return (NULL);
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	s = xmalloc((size_t)n + 1);
	*len = fread(s, 1, (size_t)n, fp);
	s[*len] = '\0';
	fclose(fp);
	return (s);
}

static int
imp(struct db *db, const char *path, const struct pimport_opts *o,
    struct pimport_result *r, struct nerr *err)
{
	struct pimport_opts	dflt;

	if (o == NULL) {
		pimport_opts_init(&dflt);
		o = &dflt;
	}
	nerr_clear(err);
	return (pimport_people(db, path, o, r, err));
}

/* ---- 100 000 rows: bounded memory, one transaction ---- */

static void
make_big(const char *path, int n, const char *bad_last)
{
	static const char *const abc[20] = { "а", "б", "в", "г", "д", "е",
	    "ж", "з", "и", "к", "л", "м", "н", "о", "п", "р", "с", "т", "у",
	    "ф" };
	struct csvout	*out;
	struct nerr	 err;
	FILE		*fp;
	char		 num[32], last[128], birth[16];
	const char	*f[7];
	int		 i;

	if ((fp = fopen(path, "wb")) == NULL ||
	    csvout_open(&out, fp, CSV_ENC_CP1251, ';', 0, &err) == -1) {
		diag("cannot write %s", path);
		exit(1);
	}
	f[0] = "№";
	f[1] = "Фамилия";
	f[2] = "Имя";
	f[3] = "Отчество";
	f[4] = "Дата рождения";
	f[5] = "Класс";
	f[6] = "Примечание";
	csvout_row(out, f, 7, &err);
	for (i = 1; i <= n; i++) {
		snprintf(num, sizeof num, "%d", i);
		/* Unique names: every row is a new person. */
		snprintf(last, sizeof last, "%s%s%s%s%s",
		    i % 2 ? "Ёлкин-Щербаков" : "Иванова", abc[i % 20],
		    abc[i / 20 % 20], abc[i / 400 % 20], abc[i / 8000 % 20]);
		snprintf(birth, sizeof birth, "%02d.%02d.20%02d",
		    1 + i % 28, 1 + i % 12, 8 + i % 10);
		f[0] = num;
		f[1] = i == n / 2 && bad_last != NULL ? bad_last : last;
		f[2] = i % 3 ? "Пётр" : "Анна";
		f[3] = i % 7 ? "Семёнович" : "";
		f[4] = birth;
		f[5] = i % 2 ? "11А" : "5 б";
		f[6] = i % 5 ? "" : "просит помощи с математикой";
		if (csvout_row(out, f, 7, &err) == -1)
			break;
	}
	if (csvout_close(out, &err) == -1 || fclose(fp) != 0) {
		diag("cannot write %s", path);
		exit(1);
	}
}

static void
test_big(void)
{
	struct pimport_result	 r;
	struct nerr		 err;
	struct db		*db;
	long			 before;
	int			 rc;

	make_big(tmp("big.csv"), BIG_N, NULL);
	db = open_db("big.db");
	before = maxrss_kb();
	rc = imp(db, tmp("big.csv"), NULL, &r, &err);
	is_int(rc, 0, "100 000 rows imported: %s", rc ? err.msg : "ok");
	is_int(r.added, BIG_N, "... every one new");
	is_int(q_int(db, "SELECT count(*) FROM person"), BIG_N,
	    "... and in the database");
	diag("peak RSS grew by %ld KiB importing %d rows", maxrss_kb() -
	    before, BIG_N);
	ok(maxrss_kb() - before < 32 * 1024, "100 000 rows: memory bounded "
	    "(RSS grew < 32 MB)");
	pimport_result_free(&r);

	/* Again: everyone is there, nothing changes. */
	rc = imp(db, tmp("big.csv"), NULL, &r, &err);
	ok(rc == 0 && r.unchanged == BIG_N && r.added == 0,
	    "the same 100 000 again: all unchanged (%d, %d added)",
	    r.unchanged, r.added);
	pimport_result_free(&r);
	db_close(db);
}

/* A write that fails half-way (a trigger) leaves nothing behind. */
static void
test_half_way(void)
{
	struct pimport_result	 r;
	struct nerr		 err;
	struct db		*db;
	pid_t			 pid;
	long long		 n;
	int			 rc, status;

	make_big(tmp("fail.csv"), 2000, "Сбой");
	db = open_db("fail.db");
	if (imp(db, data("people-cp1251-semicolon.csv"), NULL, &r, &err) != 0)
		diag("%s", err.msg);
	pimport_result_free(&r);
	is_int(q_int(db, "SELECT count(*) FROM audit WHERE action = "
	    "'person.import'"), 1, "an import is one row of the audit log");
	is_int(q_int(db, "SELECT count(*) FROM audit WHERE action = "
	    "'person.add'"), 0, "... not one a person");
	if (db_exec(db, "CREATE TRIGGER boom BEFORE INSERT ON person "
	    "WHEN NEW.last = 'Сбой' BEGIN SELECT RAISE(ABORT, 'boom'); END",
	    &err) == -1)
		diag("trigger: %s", err.msg);
	rc = imp(db, tmp("fail.csv"), NULL, &r, &err);
	is_int(rc, -1, "a database failure at row 1000 fails the import");
	is_int(q_int(db, "SELECT count(*) FROM person"), 5,
	    "... and the 999 rows before it are not there");
	is_int(q_int(db, "SELECT count(*) FROM audit WHERE action = "
	    "'person.add' AND entity_id > 5"), 0, "... nor in the audit log");
	pimport_result_free(&r);
	db_exec(db, "DROP TRIGGER boom", &err);
	db_close(db);

	/* Killed while importing: all or nothing, never a part. */
	if ((pid = fork()) == 0) {
		db = open_db("fail.db");
		imp(db, tmp("big.csv"), NULL, &r, &err);
		_exit(0);
	}
	usleep(300 * 1000);
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	db = open_db("fail.db");
	n = q_int(db, "SELECT count(*) FROM person");
	ok(n == 5 || n == 5 + BIG_N, "killed while importing: %lld people, "
	    "either all or none of the file", n);
	is_q(db, "PRAGMA integrity_check", "ok|\n",
	    "... and the file is sound");
	db_close(db);
}

/* ---- the fixtures ---- */

static void
test_fixtures(void)
{
	struct pimport_result	 r;
	struct nerr		 err;
	struct db		*db;
	int			 rc;

	db = open_db("fix.db");

	rc = imp(db, data("people-cp1251-semicolon.csv"), NULL, &r, &err);
	is_int(rc, 0, "CP1251 with ';': imported");
	is_int(r.rows, 5, "... 5 rows (an empty line and ';;;;;' skipped)");
	is_int(r.added, 5, "... 5 new");
	is_int(r.encoding, CSV_ENC_CP1251, "... CP1251 detected");
	is_int(r.delimiter, ';', "... ';' detected");
	is_field(db, "first || ' ' || patronymic", "Ёлкин", "Пётр Семёнович",
	    "... Ё kept in the names");
	is_field(db, "class", "Иванова", "7А", "... ' Иванова ' trimmed, "
	    "class '7 а' is 7А");
	is_field(db, "birth", "Щукина", "2013-09-01", "... date 1.9.2013");
	is_field(db, "birth", "Римская-Корсакова", "2012-04-30",
	    "... date 2012-04-30, double surname kept");
	is_field(db, "birth", "Шамсутдинов", "2011-02-28",
	    "... Excel's '28.02.2011 0:00'");
	is_field(db, "category", "Ёлкин", "pupil",
	    "... a class list with no category column is pupils");
	pimport_result_free(&r);

	rc = imp(db, data("people-utf8-bom-comma.csv"), NULL, &r, &err);
	is_int(rc, 0, "UTF-8 with a BOM and ',': imported: %s",
	    rc ? err.msg : "ok");
	is_int(r.added, 4, "... 4 new");
	is_int(r.encoding, CSV_ENC_UTF8, "... UTF-8 detected");
	is_int(r.delimiter, ',', "... ',' detected");
	is_field(db, "category || ' ' || is_mentor", "Соколова", "teacher 1",
	    "... педагог, Наставник да");
	is_field(db, "category || ' ' || is_mentor", "Миронов",
	    "young-specialist 0", "... молодой специалист, нет");
	is_field(db, "category", "Лебедева", "parent", "... родитель");
	is_field(db, "organisation || ' ' || is_mentor", "Волков",
	    "ООО \"Сибирские сети\" 1", "... quoted quotes, '+' is yes");
	is_field(db, "email", "Соколова", "sokolova@school5.ru", "... e-mail");
	pimport_result_free(&r);

	rc = imp(db, data("people-tab.csv"), NULL, &r, &err);
	is_int(rc, 0, "tab-separated with the English keys: imported: %s",
	    rc ? err.msg : "ok");
	is_int(r.added, 3, "... 3 new");
	is_int(r.delimiter, '\t', "... tab detected");
	is_field(db, "class || ' ' || is_mentor || is_mentee", "Орлов",
	    "9А 10", "... mentor 1");
	is_field(db, "is_mentee", "Орлова", "1", "... mentee 1");
	is_q(db, ("SELECT entered FROM mentee JOIN person ON "
	    "id = person_id WHERE last = 'Орлова'"), TODAY "|\n",
	    "... a new mentee enters the base today");
	is_field(db, "category || ' ' || coalesce(birth, '-')", "Зуев",
	    "teacher -", "... a teacher without a birth date");
	pimport_result_free(&r);

	rc = imp(db, data("people-fio.csv"), NULL, &r, &err);
	is_int(rc, 0, "one ФИО column: imported: %s", rc ? err.msg : "ok");
	is_int(r.added, 4, "... 4 new");
	like(r.report.s, "(line 2)", "... the title line above the header "
	    "is skipped and said so");
	is_field(db, "first || '/' || patronymic", "Смирнова-Оглоблина",
	    "Дарья/Сергеевна", "... a double surname stays one");
	is_field(db, "first || '/' || patronymic", "Алиев",
	    "Рашид/Гейдар оглы", "... four words: the rest is the patronymic");
	is_field(db, "first || '/' || patronymic", "Ким", "Виктория/",
	    "... two words: no patronymic");
	is_field(db, "first || '/' || class", "ёлкина", "ЕВА/8Б",
	    "... spaces inside collapsed, ё and case kept as typed");
	pimport_result_free(&r);

	rc = imp(db, data("people-quoted.csv"), NULL, &r, &err);
	is_int(rc, 0, "quoted fields with ';' and newlines: imported: %s",
	    rc ? err.msg : "ok");
	is_int(r.rows, 3, "... 3 rows");
	is_field(db, "organisation", "Петров", "ООО \"Ромашка\"; филиал № 2",
	    "... ';' and quotes inside a field");
	is_field(db, "note", "Петров",
	    "звонить после 15:00; по вторникам не звонить",
	    "... a newline inside a field (made a space)");
	is_field(db, "note", "Сидорова", "ведёт кружок \"Юный химик\"",
	    "... a quote at the end of a multi-line field");
	pimport_result_free(&r);
	db_close(db);
}

/* ---- refusals: every bad row listed, nothing imported ---- */

static void
test_refusals(void)
{
	struct pimport_result	 r;
	struct pimport_opts	 o;
	struct nerr		 err;
	struct db		*db;
	char			*before, *after;
	int			 rc;

	db = open_db("bad.db");
	imp(db, data("people-cp1251-semicolon.csv"), NULL, &r, &err);
	pimport_result_free(&r);
	before = q_text(db, PEOPLE_SQL);

	rc = imp(db, data("people-bad-date.csv"), NULL, &r, &err);
	is_int(rc, -1, "bad dates: refused");
	like(err.msg, "2 rows are wrong", "... saying how many rows");
	like(err.msg, "people-bad-date.csv", "... naming the file");
	is_int(r.bad, 2, "... 2 bad rows");
	like(r.report.s, "line 4: ", "... line 4 listed");
	like(r.report.s, "31.02.2016", "... with its date");
	like(r.report.s, "line 5: ", "... line 5 listed too");
	like(r.report.s, "15.15.2015", "... with its date");
	after = q_text(db, PEOPLE_SQL);
	is_str(after, before, "... and nothing was imported, not even the "
	    "good rows");
	free(after);
	pimport_result_free(&r);

	rc = imp(db, data("people-no-surname.csv"), NULL, &r, &err);
	is_int(rc, -1, "a missing surname: refused");
	like(r.report.s, "line 3: ", "... line 3 listed");
	like(r.report.s, "Last name", "... naming the field");
	after = q_text(db, PEOPLE_SQL);
	is_str(after, before, "... nothing imported");
	free(after);
	pimport_result_free(&r);

	rc = imp(db, data("people-truncated.csv"), NULL, &r, &err);
	is_int(rc, -1, "a quote left open at the end: refused");
	like(err.msg, "line 4", "... naming line 4");
	like(err.msg, "not closed", "... saying the quote is not closed");
	after = q_text(db, PEOPLE_SQL);
	is_str(after, before, "... nothing imported, not even lines 2-3");
	free(after);
	pimport_result_free(&r);

	rc = imp(db, data("people-duplicates.csv"), NULL, &r, &err);
	is_int(rc, -1, "the same person twice in the file: refused");
	like(r.report.s, "line 4: ", "... the second one listed");
	like(r.report.s, "line 2", "... with the line of the first");
	pimport_result_free(&r);

	/* --skip-bad: the good rows in, the bad ones listed. */
	pimport_opts_init(&o);
	o.skip_bad = 1;
	rc = imp(db, data("people-bad-date.csv"), &o, &r, &err);
	is_int(rc, 0, "--skip-bad: imported");
	is_int(r.added, 2, "... the 2 good rows");
	is_int(r.bad, 2, "... 2 bad ones skipped");
	like(r.report.s, "line 4: ", "... and listed");
	is_field(db, "class", "Белова", "4А", "... a good row is in");
	is_int(q_int(db, "SELECT count(*) FROM person WHERE last = 'Белов' "
	    "AND first = 'Илья'"), 0, "... a bad one is not");
	pimport_result_free(&r);
	rc = imp(db, data("people-duplicates.csv"), &o, &r, &err);
	ok(rc == 0 && r.added == 2 && r.bad == 1, "--skip-bad with a "
	    "duplicate: 2 added, 1 skipped (%d, %d)", r.added, r.bad);
	pimport_result_free(&r);

	/* Staff with neither category nor class: say who they are. */
	write_file(tmp("staff.csv"), "ФИО;Должность\n"
	    "Орехова Мария Львовна;учитель\n");
	rc = imp(db, tmp("staff.csv"), NULL, &r, &err);
	is_int(rc, -1, "no category and no class column: refused");
	like(err.msg, "--category", "... asking for --category");
	pimport_result_free(&r);
	pimport_opts_init(&o);
	o.category = CAT_TEACHER;
	rc = imp(db, tmp("staff.csv"), &o, &r, &err);
	is_int(rc, 0, "... imported with the category given");
	is_field(db, "category || ' ' || position", "Орехова",
	    "teacher учитель", "... as a teacher");
	pimport_result_free(&r);

	write_file(tmp("nohdr.csv"), "Иванов;Иван\nПетров;Пётр\n");
	rc = imp(db, tmp("nohdr.csv"), NULL, &r, &err);
	is_int(rc, -1, "a file without a header: refused");
	like(err.msg, "Фамилия;Имя", "... showing what a header looks like");
	pimport_result_free(&r);

	write_file(tmp("cat.csv"), "Фамилия;Имя;Категория\n"
	    "Лосев;Павел;директор\nЛосева;Инна;\n");
	rc = imp(db, tmp("cat.csv"), NULL, &r, &err);
	is_int(rc, -1, "an unknown and an empty category: refused");
	like(r.report.s, "line 2: ", "... line 2");
	like(r.report.s, "директор", "... quoting the word");
	like(r.report.s, "line 3: ", "... line 3, empty");
	pimport_result_free(&r);
	free(before);
	db_close(db);
}

/* ---- long lines ---- */

static void
test_long(void)
{
	struct pimport_result	 r;
	struct nerr		 err;
	struct db		*db;
	FILE			*fp;
	int			 rc, i;

	if ((fp = fopen(tmp("long.csv"), "wb")) == NULL)
		exit(1);
	fputs("Фамилия;Имя;Дата рождения;Класс;Подпись;Примечание\n", fp);
	fputs("Долгов;Иван;01.01.2012;7А;", fp);
	for (i = 0; i < 2 * 1024 * 1024; i++)
		fputc('x', fp);
	fputs(";\nДолгова;Анна;02.02.2013;6А;;", fp);
	for (i = 0; i < 2 * 1024 * 1024 / 2; i++)
		fputs("ы", fp);
	fputs("\nКороткий;Олег;03.03.2014;5А;;\n", fp);
	fclose(fp);
	db = open_db("long.db");
	rc = imp(db, tmp("long.csv"), NULL, &r, &err);
	is_int(rc, -1, "a 2 MB note: refused");
	is_int(r.rows, 3, "... all 3 rows read, the 2 MB lines too");
	is_int(r.bad, 1, "... one bad row");
	like(r.report.s, "line 3: ", "... line 3");
	like(r.report.s, "too long", "... too long");
	like(r.report.s, "«Подпись»", "... the ignored column is named");
	pimport_result_free(&r);
	is_int(q_int(db, "SELECT count(*) FROM person"), 0,
	    "... nothing imported");
	db_close(db);
}

/* ---- people already there ---- */

static void
test_update(void)
{
	struct pimport_result	 r;
	struct pimport_opts	 o;
	struct nerr		 err;
	struct db		*db;
	char			*before, *after;
	int			 rc;

	db = open_db("upd.db");
	imp(db, data("people-cp1251-semicolon.csv"), NULL, &r, &err);
	pimport_result_free(&r);
	before = q_text(db, PEOPLE_SQL);

	pimport_opts_init(&o);
	o.dry_run = 1;
	rc = imp(db, data("people-fio.csv"), &o, &r, &err);
	is_int(rc, 0, "dry run: a clean file passes");
	is_int(r.added, 4, "... 4 would be new");
	after = q_text(db, PEOPLE_SQL);
	is_str(after, before, "... and nothing changed");
	free(after);
	pimport_result_free(&r);

	rc = imp(db, data("people-cp1251-semicolon.csv"), NULL, &r, &err);
	ok(rc == 0 && r.unchanged == 5 && r.added == 0 && r.updated == 0,
	    "the same file again: 5 unchanged (%d new, %d updated)", r.added,
	    r.updated);
	pimport_result_free(&r);

	/* Other spelling (case, ё), a new class and a phone: updated. */
	write_file(tmp("upd.csv"), "ФИО;Дата рождения;Класс;Телефон\n"
	    "ЕЛКИН ПЕТР СЕМЕНОВИЧ;05.03.2012;7Б;+7 900 111-22-33\n"
	    "Иванова Анна;12.11.2011;7А;\n"
	    "Иванова Анна;12.11.2012;7А;\n");
	rc = imp(db, tmp("upd.csv"), &o, &r, &err);
	ok(rc == 0 && r.updated == 1 && r.unchanged == 1 && r.added == 1,
	    "dry run: 1 updated, 1 unchanged, 1 new (%d, %d, %d)",
	    r.updated, r.unchanged, r.added);
	pimport_result_free(&r);
	after = q_text(db, PEOPLE_SQL);
	is_str(after, before, "... and still nothing changed");
	free(after);
	rc = imp(db, tmp("upd.csv"), NULL, &r, &err);
	ok(rc == 0 && r.updated == 1 && r.unchanged == 1 && r.added == 1,
	    "same name in any case and ё = е, same birth: updated, not "
	    "added (%d, %d, %d)", r.updated, r.unchanged, r.added);
	is_field(db, "class || ' ' || phone || ' ' || first", "Ёлкин",
	    "7Б +7 900 111-22-33 Пётр", "... the class and phone changed, "
	    "the name as it was");
	is_int(q_int(db, "SELECT count(*) FROM person WHERE last = "
	    "'Иванова'"), 2, "... another birth date is another person");
	is_int(q_int(db, "SELECT version FROM person WHERE last = 'Ёлкин'"),
	    2, "... the version bumped");
	pimport_result_free(&r);
	free(before);
	db_close(db);
}

/* ---- export ---- */

static int
export_to(struct db *db, const char *what, const char *path, int enc,
    int delim, long *lost)
{
	struct nerr	 err;
	FILE		*fp;
	long		 rows;
	int		 rc;

	if ((fp = fopen(path, "wb")) == NULL)
		return (-1);
	rc = export_table_count(db, what, fp, enc, delim, &rows, lost, &err);
	if (rc == -1)
		diag("export %s: %s", what, err.msg);
	fclose(fp);
	return (rc);
}

static void
test_roundtrip(int enc, int delim)
{
	struct pimport_result	 r;
	struct nerr		 err;
	struct db		*a, *b;
	char			*pa, *pb, *bytes;
	const char		*name = enc == CSV_ENC_CP1251 ? "cp1251" :
				    "utf-8";
	size_t			 len;
	long			 lost = -1;
	int			 rc;

	a = open_db(enc == CSV_ENC_CP1251 ? "rt-a1.db" : "rt-a8.db");
	b = open_db(enc == CSV_ENC_CP1251 ? "rt-b1.db" : "rt-b8.db");
	imp(a, data("people-cp1251-semicolon.csv"), NULL, &r, &err);
	pimport_result_free(&r);
	imp(a, data("people-utf8-bom-comma.csv"), NULL, &r, &err);
	pimport_result_free(&r);
	imp(a, data("people-quoted.csv"), NULL, &r, &err);
	pimport_result_free(&r);
	imp(a, data("people-tab.csv"), NULL, &r, &err);
	pimport_result_free(&r);
	rc = export_to(a, "people", tmp("rt.csv"), enc, delim, &lost);
	is_int(rc, 0, "export people in %s", name);
	is_int(lost, 0, "... no character lost");
	bytes = read_all(tmp("rt.csv"), &len);
	if (enc == CSV_ENC_CP1251)
		ok(bytes != NULL && strstr(bytes, "\xa8\xeb\xea\xe8\xed") !=
		    NULL, "... «Ёлкин» in CP1251 bytes");
	else
		ok(bytes != NULL && memcmp(bytes, "\xef\xbb\xbf", 3) == 0,
		    "... UTF-8 starts with a BOM for Excel");
	ok(bytes != NULL && strstr(bytes, "\r\n") != NULL, "... CRLF lines");
	free(bytes);
	rc = imp(b, tmp("rt.csv"), NULL, &r, &err);
	is_int(rc, 0, "... imported back: %s", rc ? err.msg : "ok");
	is_int(r.encoding, enc, "... its encoding detected");
	is_int(r.delimiter, delim, "... its delimiter detected");
	pimport_result_free(&r);
	pa = q_text(a, PEOPLE_SQL);
	pb = q_text(b, PEOPLE_SQL);
	is_str(pb, pa, "... the same people");
	free(pa);
	free(pb);
	rc = imp(a, tmp("rt.csv"), NULL, &r, &err);
	ok(rc == 0 && r.unchanged == r.rows && r.rows == 15,
	    "... and into the original: all %d unchanged (%d)", r.rows,
	    r.unchanged);
	pimport_result_free(&r);
	db_close(a);
	db_close(b);
}

static void
test_registers(void)
{
	struct pimport_result	 r;
	struct representative	 rep;
	struct nerr		 err;
	struct db		*db;
	char			*s;
	size_t			 len;
	long			 lost = 0;

	db = open_db("reg.db");
	write_file(tmp("reg.csv"), "ФИО;Дата рождения;Категория;Класс;"
	    "Телефон;Должность;Наставник;Наставляемый\n"
	    "Соколова Ирина Павловна;;педагог;;+7 913 555-12-34;учитель "
	    "математики;да;нет\n"
	    "Ёлкин Пётр Семёнович;05.03.2012;;6Б;;;нет;да\n"
	    "Łukaszewicz Adam;01.01.1990;педагог;;;;да;\n");
	if (imp(db, tmp("reg.csv"), NULL, &r, &err) != 0)
		diag("reg.csv: %s %s", err.msg, r.report.s);
	pimport_result_free(&r);
	memset(&rep, 0, sizeof rep);
	rep.person_id = q_int(db, "SELECT id FROM person WHERE last = "
	    "'Ёлкин'");
	rep.name = "Ёлкина Мария Ивановна";
	rep.relation = "мать";
	rep.phone = "+7 900 000-00-01";
	if (rep_add(db, &rep, &err) != 0)
		diag("rep_add: %s", err.msg);
	db_exec(db, "UPDATE mentee SET request = 'математика; олимпиада', "
	    "result = 'призёр', case_ref = 'https://school5.ru/case/1'",
	    &err);
	db_exec(db, "INSERT INTO pair (id, form, date_from, date_to) VALUES "
	    "(1, 'teacher-pupil', '2025-09-01', '2026-05-31');"
	    "INSERT INTO pair_member SELECT 1, id, 'mentor' FROM person "
	    "WHERE last = 'Соколова';"
	    "INSERT INTO pair_member SELECT 1, id, 'mentee' FROM person "
	    "WHERE last = 'Ёлкин';"
	    "INSERT INTO consent (person_id, kind, by_representative, "
	    "rep_name, rep_relation, signed, ref) SELECT id, 'pd', 1, "
	    "'Ёлкина Мария Ивановна', 'мать', '2025-09-02', 'папка 3' "
	    "FROM person WHERE last = 'Ёлкин';", &err);

	is_int(export_to(db, "mentees", tmp("mentees.csv"), CSV_ENC_UTF8, ';',
	    NULL), 0, "export mentees");
	s = read_all(tmp("mentees.csv"), &len);
	like(s, "Mentee's full name;Contacts", "... the register's columns");
	like(s, "\r\n1;Ёлкин Пётр Семёнович;Ёлкина Мария Ивановна (мать), "
	    "+7 900 000-00-01;class 6Б;\"математика; олимпиада\";" TODAY_SHOWN
	    ";Соколова Ирина Павловна;teacher – pupil;01.09.2025 – "
	    "31.05.2026;призёр;https://school5.ru/case/1\r\n",
	    "... a minor's row: the representative's contacts, the mentor, "
	    "the form and the dates");
	free(s);

	is_int(export_to(db, "mentors", tmp("mentors.csv"), CSV_ENC_UTF8,
	    ';', NULL), 0, "export mentors");
	s = read_all(tmp("mentors.csv"), &len);
	like(s, "\r\n2;Соколова Ирина Павловна;+7 913 555-12-34;учитель "
	    "математики;", "... a mentor with contacts and position");
	like(s, "Ёлкин Пётр Семёнович;teacher – pupil;01.09.2025 – 31.05.2026",
	    "... their mentee, the form and the dates");
	like(s, "\r\n1;Łukaszewicz Adam;;;;;;;;candidate;;;;;;\r\n",
	    "... a mentor without a pair, Latin before Cyrillic");
	free(s);

	is_int(export_to(db, "consents", tmp("consents.csv"), CSV_ENC_UTF8,
	    ',', NULL), 0, "export consents with ','");
	s = read_all(tmp("consents.csv"), &len);
	like(s, "1,Ёлкин Пётр Семёнович,6Б,personal data processing,"
	    "Ёлкина Мария Ивановна (мать),02.09.2025,папка 3,,,\r\n",
	    "... who signed for whom and when");
	free(s);

	is_int(export_to(db, "mentors", tmp("m1251.csv"), CSV_ENC_CP1251,
	    ';', &lost), 0, "export mentors in CP1251");
	is_int(lost, 1, "... Ł has no place in CP1251: counted");
	s = read_all(tmp("m1251.csv"), &len);
	ok(s != NULL && strstr(s, "?ukaszewicz") != NULL, "... written as ?");
	free(s);
	nerr_clear(&err);
	ok(export_table(db, "nothing", stdout, CSV_ENC_UTF8, ';', &err) == -1,
	    "an unknown register is refused");
	like(err.msg, "mentees, mentors, people or consents",
	    "... naming the ones there are");
	db_close(db);
}

/* ---- the preview for the screen ---- */

static void
test_preview(void)
{
	struct pimport_result	 r;
	struct pimport_opts	 o;
	struct person		 ps[3];
	struct nerr		 err;
	int			 n = -1, i, rc;

	pimport_opts_init(&o);
	rc = pimport_preview(data("people-fio.csv"), &o, ps, 3, &n, &r, &err);
	is_int(rc, 0, "preview: %s", rc ? err.msg : "ok");
	is_int(n, 3, "... the first 3 rows");
	is_str(n > 0 ? ps[0].last : NULL, "Смирнова-Оглоблина",
	    "... parsed into parts");
	is_str(n > 1 ? ps[1].patronymic : NULL, "Гейдар оглы",
	    "... the patronymic");
	is_int(n > 0 ? ps[0].category : -1, CAT_PUPIL, "... pupils");
	is_int(r.encoding, CSV_ENC_UTF8, "... the encoding");
	for (i = 0; i < n; i++)
		person_free(&ps[i]);
	pimport_result_free(&r);

	rc = pimport_preview(data("people-bad-date.csv"), &o, ps, 3, &n, &r,
	    &err);
	ok(rc == 0 && n == 3 && r.bad == 1, "preview of a bad file: 3 rows, "
	    "1 bad");
	like(r.report.s, "line 4: ", "... listed by line");
	for (i = 0; i < n; i++)
		person_free(&ps[i]);
	pimport_result_free(&r);
}

int
main(void)
{
	const char	*srcdir = getenv("top_srcdir");
	struct nerr	 err;

	setenv("LANGUAGE", "C", 1);
	setlocale(LC_ALL, "C.UTF-8");
	snprintf(datadir, sizeof datadir, "%s/tests/data",
	    srcdir != NULL ? srcdir : ".");
	if (t_tmpdir(tmpdir, sizeof tmpdir, "t-pimport") != 0) {
		printf("Bail out! cannot make a temporary folder\n");
		return (1);
	}
	if (date_set_today(TODAY, &err) == -1) {
		printf("Bail out! %s\n", err.msg);
		return (1);
	}
	test_big();		/* first, so that nothing else raised the peak */
	test_fixtures();
	test_refusals();
	test_long();
	test_update();
	test_roundtrip(CSV_ENC_UTF8, ';');
	test_roundtrip(CSV_ENC_CP1251, ';');
	test_roundtrip(CSV_ENC_UTF8, '\t');
	test_registers();
	test_preview();
	test_half_way();
	t_rmtree(tmpdir);
	return (done_testing());
}
