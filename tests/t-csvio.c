/* t-csvio.c: unit tests of streaming CSV input and output (encodings, delimiters, quoting, header names). */
#include "config.h"

#include <sys/resource.h>
#include <sys/stat.h>

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csvio.h"
#include "tap.h"
#include "testlib.h"
#include "util.h"

#define LONG_N	1100000		/* characters of the long field */

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

static void
write_file(const char *path, const char *s, size_t len)
{
	FILE	*fp;

	if ((fp = fopen(path, "wb")) == NULL ||
	    fwrite(s, 1, len, fp) != len || fclose(fp) != 0) {
		diag("cannot write %s: %s", path, strerror(errno));
		exit(1);
	}
}

/*
 * Read a whole file: "L<line>:f1|f2|...\n" per record, then "ERR: message"
 * if reading failed.  Also the detected encoding and delimiter.
 */
static char *
slurp(const char *path, int enc, int delim, int *genc, int *gdelim)
{
	struct csvin	*in;
	struct csv_row	 row;
	struct nerr	 err;
	struct sbuf	 b;
	int		 i, rc;

	sbuf_init(&b);
	sbuf_add(&b, "");
	if (csvin_open(&in, path, enc, delim, &err) == -1) {
		sbuf_addf(&b, "ERR: %s", err.msg);
		return (sbuf_take(&b));
	}
	if (genc != NULL)
		*genc = csvin_encoding(in);
	if (gdelim != NULL)
		*gdelim = csvin_delimiter(in);
	while ((rc = csvin_next(in, &row, &err)) == 1) {
		sbuf_addf(&b, "L%ld:", row.line);
		for (i = 0; i < row.n; i++)
			sbuf_addf(&b, "%s%s", i > 0 ? "|" : "", row.f[i]);
		sbuf_add(&b, "\n");
	}
	if (rc == -1)
		sbuf_addf(&b, "ERR: %s", err.msg);
	if (rc == -1 && csvin_next(in, &row, &err) != -1)
		sbuf_add(&b, " (and then no error)");
	csvin_close(in);
	return (sbuf_take(&b));
}

/* Text for a one-line test name: line breaks shown as " / ". */
static const char *
flat(const char *s)
{
	static char	buf[1024];
	size_t		i = 0;

	for (; *s != '\0' && i + 4 < sizeof buf; s++) {
		if (*s == '\n') {
			memcpy(buf + i, " / ", 3);
			i += 3;
		} else
			buf[i++] = *s;
	}
	buf[i] = '\0';
	return (buf);
}

static void
check_file(const char *name, int enc, int delim, int wenc, int wdelim,
    const char *want)
{
	char	*got;
	int	 genc = -1, gdelim = -1;

	got = slurp(data(name), enc, delim, &genc, &gdelim);
	is_str(got, want, "%s: records, fields and lines", name);
	is_int(genc, wenc, "%s: encoding", name);
	is_int(gdelim, wdelim, "%s: delimiter", name);
	free(got);
}

static void
test_fixtures(void)
{
	char	*got;

	check_file("csv-cp1251-semicolon.csv", CSV_ENC_AUTO, 0,
	    CSV_ENC_CP1251, ';',
	    "L1:№ п/п|Фамилия|Имя|Отчество|Дата рождения|Класс\n"
	    "L2:1|Ёлкин|Пётр|Семёнович|05.03.2012|6Б\n"
	    "L3:2|Иванова|Анна||12.11.2011|7А\n"
	    "L5:3|Щукин|Эдуард|Юрьевич|1.9.2013|5В\n");
	check_file("csv-utf8-bom-comma.csv", CSV_ENC_AUTO, 0,
	    CSV_ENC_UTF8, ',',
	    "L1:Last name|First name|Patronymic|Birth date|Class\n"
	    "L2:Ёжикова|Мария|Ивановна|2010-01-31|8Б\n"
	    "L3:Соколов-Ёлкин|Артём||2011-12-01|7 \"А\"\n"
	    "L4:Орлов|Лев, младший|Петрович|03.04.2012|6А\n");
	check_file("csv-tab.csv", CSV_ENC_AUTO, 0, CSV_ENC_UTF8, '\t',
	    "L1:Фамилия|Имя|Организация\n"
	    "L2:Кузнецова|Ольга|ООО \"Вектор\", отдел кадров\n"
	    "L3:Белов|Денис|МБОУ СОШ № 3; филиал\n");
	check_file("csv-quoted.csv", CSV_ENC_AUTO, 0, CSV_ENC_UTF8, ';',
	    "L1:ФИО|Организация|Примечание\n"
	    "L2:Ёлкин Пётр Семёнович|ООО \"Ромашка\"; филиал|"
	    "первая строка\nвторая строка\n"
	    "L5:Иванова Анна|Школа № 5|\n"
	    "L7:Петров\nИван|a;b|\n"
	    "L10:Сидоров Олег|x|y\n");
	got = slurp(data("csv-truncated-quote.csv"), 0, 0, NULL, NULL);
	ok(strncmp(got, "L1:Фамилия|Имя|Примечание\nL2:Иванов|Иван|ок\nERR: ",
	    strlen("L1:Фамилия|Имя|Примечание\nL2:Иванов|Иван|ок\nERR: ")) == 0,
	    "truncated quote: the records before it, then an error");
	ok(strstr(got, "csv-truncated-quote.csv, line 3: a quoted field is "
	    "not closed.") != NULL, "truncated quote: names file and line 3 "
	    "(%s)", flat(got));
	free(got);

	/* Said by the user rather than detected. */
	got = slurp(data("csv-cp1251-semicolon.csv"), CSV_ENC_CP1251, ';',
	    NULL, NULL);
	ok(strncmp(got, "L1:№ п/п|Фамилия", strlen("L1:№ п/п|Фамилия")) == 0,
	    "cp1251 given: read as cp1251");
	free(got);
	got = slurp(data("csv-cp1251-semicolon.csv"), CSV_ENC_UTF8, 0,
	    NULL, NULL);
	ok(strncmp(got, "ERR: ", 5) == 0, "utf-8 forced on cp1251: no records");
	ok(strstr(got, "csv-cp1251-semicolon.csv, line 1: not valid UTF-8; "
	    "try --encoding cp1251.") != NULL, "utf-8 forced: says line 1 "
	    "and what to try (%s)", flat(got));
	free(got);
	got = slurp(data("csv-utf8-bom-comma.csv"), CSV_ENC_AUTO, ';',
	    NULL, NULL);
	ok(strncmp(got, "L1:Last name,First name", 23) == 0,
	    "delimiter given: ';' used, BOM dropped");
	free(got);
}

static void
test_errors(void)
{
	char	*got;
	char	 buf[64];

	got = slurp(tmp("nonexistent.csv"), 0, 0, NULL, NULL);
	ok(strstr(got, "ERR: Cannot open ") == got &&
	    strstr(got, "nonexistent.csv: no such file or folder.") != NULL,
	    "missing file: says so (%s)", flat(got));
	free(got);
	got = slurp(tmpdir, 0, 0, NULL, NULL);
	ok(strstr(got, "is a folder, not a CSV file") != NULL,
	    "a folder: says so (%s)", flat(got));
	free(got);

	memcpy(buf, "a;b\r\nc;d\r\nPK\0\3;x\r\n", 19);
	write_file(tmp("nul.csv"), buf, 19);
	got = slurp(tmp("nul.csv"), 0, 0, NULL, NULL);
	ok(strstr(got, "L1:a|b\nL2:c|d\nERR: ") == got &&
	    strstr(got, "nul.csv, line 3: a NUL byte") != NULL,
	    "NUL byte: records before it, then line 3 (%s)", flat(got));
	free(got);

	/* Valid UTF-8 for the first lines, then a Latin-1 byte on line 3. */
	write_file(tmp("late.csv"), "а;б\nв;г\nd;\xe9\n", 16);
	got = slurp(tmp("late.csv"), CSV_ENC_UTF8, 0, NULL, NULL);
	ok(strstr(got, "L1:а|б\nL2:в|г\nERR: ") == got &&
	    strstr(got, "late.csv, line 3: not valid UTF-8") != NULL,
	    "bad UTF-8 on line 3 (%s)", flat(got));
	free(got);

	/* Old Mac line ends (CR only) still count lines. */
	write_file(tmp("cr.csv"), "a;b\r\rc;d\r\"e\rf\";g", 16);
	got = slurp(tmp("cr.csv"), 0, 0, NULL, NULL);
	is_str(got, "L1:a|b\nL3:c|d\nL4:e\rf|g\n", "CR line ends");
	free(got);

	/* An empty file and a header-only file. */
	write_file(tmp("empty.csv"), "", 0);
	got = slurp(tmp("empty.csv"), 0, 0, NULL, NULL);
	is_str(got, "", "empty file: no records, no error");
	free(got);
	write_file(tmp("bom.csv"), "\xef\xbb\xbf\r\n", 5);
	got = slurp(tmp("bom.csv"), 0, 0, NULL, NULL);
	is_str(got, "", "BOM and an empty line: no records");
	free(got);

	is_int(csv_encoding_parse("auto"), CSV_ENC_AUTO, "parse auto");
	is_int(csv_encoding_parse("UTF-8"), CSV_ENC_UTF8, "parse UTF-8");
	is_int(csv_encoding_parse("utf8"), CSV_ENC_UTF8, "parse utf8");
	is_int(csv_encoding_parse("Windows-1251"), CSV_ENC_CP1251,
	    "parse windows-1251");
	is_int(csv_encoding_parse("cp1251"), CSV_ENC_CP1251, "parse cp1251");
	is_int(csv_encoding_parse("koi8-r"), -1, "koi8-r is refused");
	is_int(csv_delimiter_parse("auto"), 0, "delimiter auto");
	is_int(csv_delimiter_parse(";"), ';', "delimiter ;");
	is_int(csv_delimiter_parse(","), ',', "delimiter ,");
	is_int(csv_delimiter_parse("tab"), '\t', "delimiter tab");
	is_int(csv_delimiter_parse("\t"), '\t', "delimiter TAB");
	is_int(csv_delimiter_parse("|"), -1, "delimiter | refused");
}

/* A 2 MB line, in UTF-8 (Cyrillic, so blocks cut sequences) and in CP1251. */
static void
test_long_line(void)
{
	struct sbuf	 b;
	struct csvin	*in;
	struct csv_row	 row;
	struct nerr	 err;
	size_t		 i;
	FILE		*fp;
	int		 rc, good;

	sbuf_init(&b);
	sbuf_add(&b, "Фамилия;Примечание\n");
	sbuf_add(&b, "Ёлкин;\"");
	for (i = 0; i < LONG_N; i++)
		sbuf_add(&b, i % 5000 == 4999 ? "\n" : "ж");
	sbuf_add(&b, "\"\nПоследний;конец\n");
	write_file(tmp("long.csv"), b.s, b.len);
	ok(b.len > 2 * 1024 * 1024, "the line is over 2 MB (%zu bytes)",
	    b.len);

	if (csvin_open(&in, tmp("long.csv"), 0, 0, &err) == -1) {
		ok(0, "open long.csv: %s", err.msg);
		sbuf_free(&b);
		return;
	}
	is_int(csvin_encoding(in), CSV_ENC_UTF8, "long line: UTF-8");
	rc = csvin_next(in, &row, &err);
	is_int(rc, 1, "long line: header");
	rc = csvin_next(in, &row, &err);
	good = rc == 1 && row.n == 2 && row.line == 2 &&
	    strcmp(row.f[0], "Ёлкин") == 0 &&
	    strlen(row.f[1]) == 2 * (LONG_N - LONG_N / 5000) +
	    LONG_N / 5000 - (LONG_N % 5000 == 0);
	ok(good, "long line: one field of 2 MB, record on line 2");
	rc = csvin_next(in, &row, &err);
	ok(rc == 1 && row.line == 2 + LONG_N / 5000 + 1 &&
	    strcmp(row.f[0], "Последний") == 0,
	    "long line: the next record and its line (%ld)", row.line);
	is_int(csvin_next(in, &row, &err), 0, "long line: end");
	csvin_close(in);

	/* The same in CP1251. */
	if ((fp = fopen(tmp("long1251.csv"), "wb")) != NULL) {
		for (i = 0; i < 2 * 1024 * 1024 + 10; i++)
			fputc(i == 0 ? '"' : 0xe6, fp);		/* ж */
		fputs("\";x\r\n", fp);
		fclose(fp);
	}
	if (csvin_open(&in, tmp("long1251.csv"), 0, 0, &err) == 0) {
		rc = csvin_next(in, &row, &err);
		ok(csvin_encoding(in) == CSV_ENC_CP1251 && rc == 1 &&
		    row.n == 2 && strlen(row.f[0]) == 2 * (2 * 1024 * 1024 + 9)
		    && strncmp(row.f[0], "жж", 4) == 0,
		    "long CP1251 line converted");
		csvin_close(in);
	} else
		ok(0, "open long1251.csv: %s", err.msg);
	sbuf_free(&b);
}

static long
maxrss_kb(void)
{
	struct rusage	ru;

	getrusage(RUSAGE_SELF, &ru);
	return (ru.ru_maxrss);
}

/* 100 000 rows in CP1251 written by csvout, read back in bounded memory. */
static void
test_big(void)
{
	struct csvout	*out;
	struct csvin	*in;
	struct csv_row	 row;
	struct nerr	 err;
	FILE		*fp;
	struct stat	 st;
	char		 num[32], birth[16];
	/* Long enough that holding the file would show: 20 MB of CP1251. */
	const char	*note = "Запрос: адаптация в новом классе; "
	    "помощь с математикой и русским языком, подготовка к олимпиаде; "
	    "кружок «Юный исследователь», родители согласны; тел. не дан";
	const char	*f[7];
	long		 before, rows = 0, bad = 0, i;
	int		 rc;

	if ((fp = fopen(tmp("big.csv"), "wb")) == NULL ||
	    csvout_open(&out, fp, CSV_ENC_CP1251, ';', 0, &err) == -1) {
		ok(0, "open big.csv for writing");
		return;
	}
	f[0] = "№";
	f[1] = "Фамилия";
	f[2] = "Имя";
	f[3] = "Отчество";
	f[4] = "Дата рождения";
	f[5] = "Класс";
	f[6] = "Примечание";
	csvout_row(out, f, 7, &err);
	for (i = 1; i <= 100000; i++) {
		snprintf(num, sizeof num, "%ld", i);
		snprintf(birth, sizeof birth, "%02ld.%02ld.20%02ld",
		    1 + i % 28, 1 + i % 12, 5 + i % 12);
		f[0] = num;
		f[1] = i % 2 ? "Ёлкин-Щербаков" : "Иванова";
		f[2] = i % 3 ? "Пётр" : "Анна \"Аня\"";
		f[3] = i % 7 ? "Семёнович" : "";
		f[4] = birth;
		f[5] = "11А";
		f[6] = note;
		if (csvout_row(out, f, 7, &err) == -1)
			break;
	}
	ok(csvout_close(out, &err) == 0 && fclose(fp) == 0,
	    "100 000 rows written");

	if (stat(tmp("big.csv"), &st) == 0)
		diag("big.csv: %lld bytes", (long long)st.st_size);
	before = maxrss_kb();
	if (csvin_open(&in, tmp("big.csv"), 0, 0, &err) == -1) {
		ok(0, "open big.csv: %s", err.msg);
		return;
	}
	while ((rc = csvin_next(in, &row, &err)) == 1) {
		if (rows > 0 && (row.n != 7 || row.line != rows + 1 ||
		    strtol(row.f[0], NULL, 10) != rows ||
		    strcmp(row.f[5], "11А") != 0))
			bad++;
		rows++;
	}
	is_int(rc, 0, "big file read to the end");
	is_int(csvin_encoding(in), CSV_ENC_CP1251, "big file: CP1251 detected");
	csvin_close(in);
	is_int(rows, 100001, "big file: every row");
	is_int(bad, 0, "big file: every row right, with its line number");
	diag("peak RSS grew by %ld KiB reading 100 000 rows", maxrss_kb() -
	    before);
	ok(maxrss_kb() - before < 16 * 1024, "big file: memory bounded "
	    "(RSS grew < 16 MB)");
}

static const char *const rt_rows[][5] = {
	{ "Фамилия", "Имя", "Организация", "Примечание", "Класс" },
	{ "Ёлкин", "Пётр", "ООО \"Ромашка\"; филиал", "строка 1\nстрока 2",
	  "7Б" },
	{ "Щукина", "", "a,b\tc", "«кавычки» — тире, № 5", "11А" },
	{ "Иванов", "Иван", "", "\"в кавычках\"", "" },
	{ "", "", "Без фамилии", "", "" },
};

static void
roundtrip(int enc, int delim, int bom)
{
	struct csvout	*out;
	struct sbuf	 want;
	struct nerr	 err;
	FILE		*fp;
	char		*got;
	size_t		 i, j;
	int		 genc, gdelim;

	sbuf_init(&want);
	fp = fopen(tmp("rt.csv"), "wb");
	if (fp == NULL || csvout_open(&out, fp, enc, delim, bom, &err) == -1) {
		ok(0, "round trip: open");
		return;
	}
	for (i = 0; i < nitems(rt_rows); i++) {
		csvout_row(out, rt_rows[i], 5, &err);
		sbuf_addf(&want, "L%zu:", 1 + i + (i > 1));
		for (j = 0; j < 5; j++)
			sbuf_addf(&want, "%s%s", j ? "|" : "", rt_rows[i][j]);
		sbuf_add(&want, "\n");
	}
	is_int(csvout_lost(out), 0, "round trip %s %s: nothing lost",
	    csv_encoding_name(enc), csv_delimiter_name(delim));
	ok(csvout_close(out, &err) == 0, "round trip: close");
	fclose(fp);
	got = slurp(tmp("rt.csv"), CSV_ENC_AUTO, 0, &genc, &gdelim);
	is_str(got, want.s, "round trip %s %s%s: read back equals",
	    csv_encoding_name(enc), csv_delimiter_name(delim),
	    bom ? " BOM" : "");
	is_int(genc, enc, "round trip: encoding detected");
	is_int(gdelim, delim, "round trip: delimiter detected");
	free(got);
	sbuf_free(&want);
}

static void
test_output(void)
{
	struct csvout	*out;
	struct nerr	 err;
	const char	*f[4];
	char		 buf[256];
	FILE		*fp;
	size_t		 n;

	roundtrip(CSV_ENC_CP1251, ';', 0);
	roundtrip(CSV_ENC_UTF8, ',', 1);
	roundtrip(CSV_ENC_UTF8, '\t', 0);
	roundtrip(CSV_ENC_CP1251, '\t', 0);

	/* Exact bytes: quoting, CRLF, BOM. */
	fp = fopen(tmp("exact.csv"), "w+b");
	csvout_open(&out, fp, CSV_ENC_UTF8, ';', 1, &err);
	f[0] = " пробел";
	f[1] = "a;b";
	f[2] = NULL;
	f[3] = "обычно";
	csvout_row(out, f, 4, &err);
	csvout_close(out, &err);
	rewind(fp);
	n = fread(buf, 1, sizeof buf - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	is_str(buf, "\xef\xbb\xbf\" пробел\";\"a;b\";;обычно\r\n",
	    "quoting only where needed, CRLF, BOM");

	/* Characters CP1251 lacks become '?' and are counted. */
	fp = fopen(tmp("lost.csv"), "w+b");
	csvout_open(&out, fp, CSV_ENC_CP1251, ';', 1, &err);
	f[0] = "Ωmega 😀";
	f[1] = "Ёж №1";
	csvout_row(out, f, 2, &err);
	is_int(csvout_lost(out), 2, "two characters lost in CP1251");
	csvout_close(out, &err);
	rewind(fp);
	n = fread(buf, 1, sizeof buf - 1, fp);
	buf[n] = '\0';
	fclose(fp);
	is_str(buf, "?mega ?;\xa8\xe6 \xb9" "1\r\n",
	    "CP1251 bytes, '?' for the lost, no BOM");

	/* A full disk. */
	if ((fp = fopen("/dev/full", "w")) != NULL) {
		setvbuf(fp, NULL, _IONBF, 0);
		csvout_open(&out, fp, CSV_ENC_UTF8, ';', 0, &err);
		f[0] = "x";
		ok(csvout_row(out, f, 1, &err) == -1 &&
		    strcmp(err.msg, "Cannot write the CSV file: the disk is "
		    "full.") == 0, "disk full: %s", err.msg);
		ok(csvout_close(out, &err) == -1, "disk full: close fails too");
		fclose(fp);
	} else
		skip(2, "no /dev/full");
	ok(csvout_open(&out, stdout, CSV_ENC_UTF8, '|', 0, &err) == -1,
	    "delimiter '|' refused on output");
}

static const char *const n_num[] = { "№", "N", NULL };
static const char *const n_last[] = { "Фамилия", "last", "Last name", NULL };
static const char *const n_first[] = { "Имя", "first", "First name", NULL };
static const char *const n_birth[] = { "Дата рождения", "birth", NULL };
static const char *const n_class[] = { "Класс", "class", NULL };
static const char *const n_email[] = { "E-mail", "Почта", "email", NULL };
static const struct csv_col cols[] = {
	{ "num", n_num },
	{ "last", n_last },
	{ "first", n_first },
	{ "birth", n_birth },
	{ "class", n_class },
	{ "email", n_email },
};

static char *
mapping(char **names, int n, struct nerr *err, char **ignored)
{
	struct csv_row	 hdr;
	struct sbuf	 b;
	int		 idx[nitems(cols)];
	size_t		 c;

	hdr.f = names;
	hdr.n = n;
	hdr.line = 1;
	sbuf_init(&b);
	if (csv_map_header(&hdr, cols, nitems(cols), idx, err) == -1)
		return (xstrdup("ERR"));
	for (c = 0; c < nitems(cols); c++)
		sbuf_addf(&b, "%s%s=%d", c ? " " : "", cols[c].key, idx[c]);
	if (ignored != NULL)
		*ignored = csv_header_ignored(&hdr, idx, nitems(cols));
	return (sbuf_take(&b));
}

static void
test_header(void)
{
	char	 h1[][64] = { "Класс ", "ИМЯ:", "№ п/п", "фамилия*",
	    "Дата\xc2\xa0 рождения (ДД.ММ.ГГГГ)", "Подпись", "", "почта." };
	char	 h2[][64] = { "birth", "first", "last", "Email" };
	char	 h3[][64] = { "Фамилия", "Имя", "Last name" };
	char	 h4[][64] = { "№п/п", "ФАМИЛИЯ", "Примечание" };
	char	*p1[nitems(h1)], *p2[nitems(h2)], *p3[nitems(h3)];
	char	*p4[nitems(h4)], *got, *ign = NULL, buf[8];
	struct nerr err;
	size_t	 i;

	for (i = 0; i < nitems(h1); i++)
		p1[i] = h1[i];
	for (i = 0; i < nitems(h2); i++)
		p2[i] = h2[i];
	for (i = 0; i < nitems(h3); i++)
		p3[i] = h3[i];
	for (i = 0; i < nitems(h4); i++)
		p4[i] = h4[i];

	got = mapping(p1, nitems(p1), &err, &ign);
	is_str(got, "num=2 last=3 first=1 birth=4 class=0 email=7",
	    "Russian names in any order, №  п/п, case, *, :, note in brackets");
	is_str(ign, "«Подпись»", "unknown column reported as ignored");
	free(got);
	free(ign);
	got = mapping(p2, nitems(p2), &err, &ign);
	is_str(got, "num=-1 last=2 first=1 birth=0 class=-1 email=3",
	    "English keys in any order");
	ok(ign == NULL, "nothing ignored");
	free(got);
	got = mapping(p3, nitems(p3), &err, NULL);
	is_str(got, "ERR", "the same column twice is refused");
	is_str(err.msg, "Columns A (\"Фамилия\") and C (\"Last name\") of the "
	    "header mean the same thing; delete or rename one of them.",
	    "the error names both columns");
	free(got);
	got = mapping(p4, nitems(p4), &err, &ign);
	is_str(got, "num=0 last=1 first=-1 birth=-1 class=-1 email=-1",
	    "№п/п without a space");
	free(got);
	free(ign);
	is_str(csv_column_name(0, buf), "A", "column A");
	is_str(csv_column_name(25, buf), "Z", "column Z");
	is_str(csv_column_name(26, buf), "AA", "column AA");
	is_str(csv_column_name(701, buf), "ZZ", "column ZZ");
	is_str(csv_column_name(702, buf), "AAA", "column AAA");
}

int
main(void)
{
	const char	*srcdir = getenv("top_srcdir");

	setenv("LANGUAGE", "C", 1);
	setlocale(LC_ALL, "C.UTF-8");
	snprintf(datadir, sizeof datadir, "%s/tests/data",
	    srcdir != NULL ? srcdir : ".");
	if (t_tmpdir(tmpdir, sizeof tmpdir, "t-csvio") != 0) {
		printf("Bail out! cannot make a temporary folder\n");
		return (1);
	}
	test_big();		/* first, so that nothing else raised the peak */
	test_fixtures();
	test_errors();
	test_long_line();
	test_output();
	test_header();
	{
		const char *const names[] = { "big.csv", "long.csv",
		    "long1251.csv", "rt.csv", "exact.csv", "lost.csv",
		    "nul.csv", "late.csv", "cr.csv", "empty.csv", "bom.csv" };
		size_t i;

		for (i = 0; i < nitems(names); i++)
			unlink(tmp(names[i]));
		rmdir(tmpdir);
	}
	return (done_testing());
}
