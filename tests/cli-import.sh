#!/bin/sh
# cli-import.sh: "import people" on real-world files and "export" of the registers, from the shell.
. "${top_srcdir:-.}/tests/lib.sh"

export LANG=C.UTF-8 LANGUAGE=
D="$top_srcdir/tests/data"
DB="$T_TMP/i.db"
"$NASTAVNIK" -f "$DB" init >/dev/null || diag "init failed"

# people DB: the list without ids, for comparing before and after
people() { "$NASTAVNIK" -f "$1" list people | cut -f2-; }
count() { "$NASTAVNIK" -f "$1" list people | sed 1d | grep -c .; }
imp() { run -f "$DB" import people "$@"; }

# ---- each fixture gives the right count ----
imp "$D/people-cp1251-semicolon.csv"
is "$T_RC" 0 "CP1251 with ';' is imported"
is "$T_OUT" "read 5 rows: 5 new, 0 updated, 0 unchanged; encoding cp1251, delimiter ;" \
    "... the summary names the counts, encoding and delimiter"
run -f "$DB" list people --search ёлкин
like "$T_OUT" "Ёлкин	Пётр	Семёнович	2012-03-05	pupil	6Б" "... Ё kept, pupil of 6Б"

imp "$D/people-utf8-bom-comma.csv"
like "$T_OUT" "read 4 rows: 4 new" "UTF-8 with a BOM and ',': 4 new"
like "$T_OUT" "encoding utf-8, delimiter ," "... detected"
imp "$D/people-tab.csv"
like "$T_OUT" "read 3 rows: 3 new" "tab-separated: 3 new"
like "$T_OUT" "delimiter tab" "... tab detected"
imp "$D/people-fio.csv"
like "$T_OUT" "read 4 rows: 4 new" "one ФИО column: 4 new"
like "$T_OUT" "(line 2)" "... the title line is mentioned"
run -f "$DB" list people --search алиев
like "$T_OUT" "Алиев	Рашид	Гейдар оглы" "... the name split into parts"
imp "$D/people-quoted.csv"
like "$T_OUT" "read 3 rows: 3 new" "quoted fields with ';' and newlines: 3 new"
is "$(count "$DB")" 19 "19 people in all"

# ---- the same file again: nothing duplicated ----
imp "$D/people-cp1251-semicolon.csv"
like "$T_OUT" "read 5 rows: 0 new, 0 updated, 5 unchanged" \
    "the same file again: 5 unchanged"
printf 'ФИО;Дата рождения;Класс;Телефон\nЕЛКИН ПЕТР СЕМЕНОВИЧ;5.3.2012;7Б;+7 900 111-22-33\n' \
    >"$T_TMP/upd.csv"
imp "$T_TMP/upd.csv"
like "$T_OUT" "read 1 rows: 0 new, 1 updated, 0 unchanged" \
    "same name in capitals, е for ё, same birth: updated"
run -f "$DB" list people --search ёлкин
like "$T_OUT" "Ёлкин	Пётр	Семёнович	2012-03-05	pupil	7Б" "... the class changed, the name kept"
is "$(count "$DB")" 19 "... still 19 people"

# ---- refusals: line-numbered, nothing half-imported ----
before=$(people "$DB")
imp "$D/people-bad-date.csv"
is "$T_RC" 1 "bad dates: exit 1"
like "$T_ERR" "2 rows are wrong, so nothing was imported" "... saying nothing was imported"
like "$T_ERR" "line 4: " "... line 4 listed"
like "$T_ERR" "31.02.2016" "... with its date"
like "$T_ERR" "line 5: " "... line 5 listed"
is "$T_OUT" "" "... nothing on stdout"
is "$(people "$DB")" "$before" "... and the good rows are not in either"

imp "$D/people-no-surname.csv"
is "$T_RC" 1 "a missing surname: exit 1"
like "$T_ERR" "line 3: The field \"Last name\" is required" "... line 3, the surname"
is "$(people "$DB")" "$before" "... nothing imported"

imp "$D/people-truncated.csv"
is "$T_RC" 1 "a quote not closed at the end: exit 1"
like "$T_ERR" "line 4: a quoted field is not closed" "... naming line 4"
is "$(people "$DB")" "$before" "... nothing imported, not even lines 2 and 3"

imp "$D/people-duplicates.csv"
is "$T_RC" 1 "the same pupil twice in the file: exit 1"
like "$T_ERR" "line 4: ФЕДОРОВ С. П., 10.10.2012 is already on line 2" \
    "... the second one named with the line of the first"

# A 2 MB line: read whole; too long for a note, fine in an ignored column.
x2m=$(head -c 2097152 /dev/zero | tr '\0' x)
{
	echo "Фамилия;Имя;Дата рождения;Класс;Подпись;Примечание"
	printf 'Долгов;Иван;01.01.2012;7А;%s;\n' "$x2m"
	printf 'Долгова;Анна;02.02.2013;6А;;%s\n' "$x2m"
	echo "Короткий;Олег;03.03.2014;5А;;"
} >"$T_TMP/long.csv"
imp "$T_TMP/long.csv"
is "$T_RC" 1 "a 2 MB note: exit 1"
like "$T_ERR" "line 3: The field \"Note\" is too long" "... line 3 is too long"
unlike "$T_ERR" "line 2" "... the 2 MB signature on line 2 is fine (ignored)"
is "$(people "$DB")" "$before" "... nothing imported"
imp --skip-bad "$T_TMP/long.csv"
is "$T_RC" 0 "... with --skip-bad: imported"
like "$T_OUT" "read 3 rows: 2 new" "... the 2 good rows"
like "$T_OUT" "bad rows skipped: 1" "... 1 skipped"
like "$T_OUT" "Columns ignored: «Подпись»." "... the ignored column named"
like "$T_OUT" "line 3: " "... the bad one listed"
before=$(people "$DB")

# ---- dry run and skip-bad ----
imp --dry-run "$D/people-no-surname.csv"
is "$T_RC" 1 "dry run of a bad file: exit 1"
imp --dry-run --skip-bad "$D/people-no-surname.csv"
is "$T_RC" 0 "dry run with --skip-bad: exit 0"
like "$T_OUT" "Dry run: nothing was changed." "... says nothing changed"
like "$T_OUT" "read 3 rows: 2 new" "... 2 would be new"
is "$(people "$DB")" "$before" "... and nothing did"
imp --skip-bad "$D/people-no-surname.csv"
like "$T_OUT" "read 3 rows: 2 new" "--skip-bad: the 2 good rows in"
like "$T_OUT" "line 3: " "... the bad one listed"
is "$(count "$DB")" 23 "... 23 people now"

# ---- options ----
printf 'ФИО;Должность\nОрехова Мария Львовна;учитель\n' >"$T_TMP/staff.csv"
imp "$T_TMP/staff.csv"
is "$T_RC" 1 "staff with neither category nor class: exit 1"
like "$T_ERR" "--category" "... asking for --category"
imp --category teacher "$T_TMP/staff.csv"
is "$T_RC" 0 "... --category teacher: imported"
run -f "$DB" list people --search орехова
like "$T_OUT" "	teacher	" "... as a teacher"
printf 'Фамилия;Имя;Дата рождения\nКлассов;Ян;01.02.2015\n' >"$T_TMP/nocls.csv"
imp --category pupil --class '4 в' "$T_TMP/nocls.csv"
is "$T_RC" 0 "--category pupil --class '4 в': imported"
run -f "$DB" list people --search классов
like "$T_OUT" "	pupil	4В	" "... in 4В"
imp --encoding utf-8 "$D/people-cp1251-semicolon.csv"
is "$T_RC" 1 "CP1251 read as UTF-8: exit 1"
like "$T_ERR" "--encoding cp1251" "... suggesting --encoding cp1251"
imp --encoding cp1251 --delimiter ';' --dry-run "$D/people-cp1251-semicolon.csv"
like "$T_OUT" "encoding cp1251, delimiter ;" "--encoding and --delimiter given"
imp --delimiter , --dry-run "$D/people-cp1251-semicolon.csv"
is "$T_RC" 1 "the wrong delimiter: exit 1 (no header found)"

# ---- bad usage ----
run -f "$DB" import people
is "$T_RC" 2 "import people without a file: exit 2"
run -f "$DB" import people a.csv b.csv
is "$T_RC" 2 "two files: exit 2"
run -f "$DB" import people --encoding koi8 x.csv
is "$T_RC" 2 "--encoding koi8: exit 2"
run -f "$DB" import people --delimiter '|' x.csv
is "$T_RC" 2 "--delimiter '|': exit 2"
run -f "$DB" import people --class 12Z x.csv
is "$T_RC" 2 "--class 12Z: exit 2"
run -f "$DB" import people --class 5А --category teacher x.csv
is "$T_RC" 2 "--class with --category teacher: exit 2"
run -f "$DB" import people --category kid x.csv
is "$T_RC" 1 "--category kid: refused"
run -f "$DB" import people "$T_TMP/missing.csv"
is "$T_RC" 1 "a missing file: exit 1"
like "$T_ERR" "missing.csv" "... naming it"
run -f "$DB" import pupils x.csv
is "$T_RC" 2 "import of an unknown kind: exit 2"
run -f "$DB" -R import people "$D/people-tab.csv"
is "$T_RC" 1 "--read-only: import refused"
run -f "$DB" -R import people --dry-run "$D/people-tab.csv"
is "$T_RC" 0 "--read-only: a dry run is allowed"

# ---- nothing raw from the file reaches the terminal ----
printf 'Фамилия;Имя;Класс\nЗл\033[31mой;Б\007;5А\n' >"$T_TMP/esc.csv"
imp "$T_TMP/esc.csv"
is "$T_RC" 1 "a name with ESC[31m: refused"
is "$(printf '%s%s' "$T_OUT" "$T_ERR" | tr -d -c '\033\007' | wc -c)" 0 \
    "... and no raw ESC or BEL is printed"

# ---- export ----
run -f "$DB" export people -o "$T_TMP/people.csv"
is "$T_RC" 0 "export people -o FILE"
is "$(stat -c %a "$T_TMP/people.csv")" 600 "... the file is 0600"
is "$(head -c 3 "$T_TMP/people.csv" | od -An -tx1 | tr -d ' ')" efbbbf \
    "... UTF-8 with a BOM"
like "$(head -1 "$T_TMP/people.csv")" "No.;Last name;First name;Patronymic;Birth date" \
    "... the import's columns, ';'"
run -f "$DB" export people -o "$T_TMP/people.csv"
is "$T_RC" 1 "an existing file is not overwritten"
like "$T_ERR" "--force" "... --force is suggested"
run -f "$DB" export people -o "$T_TMP/people.csv" --force
is "$T_RC" 0 "... unless --force"

DB2="$T_TMP/i2.db"
"$NASTAVNIK" -f "$DB2" init >/dev/null
run -f "$DB2" import people "$T_TMP/people.csv"
is "$T_RC" 0 "the export imported into a new file"
is "$(people "$DB2")" "$(people "$DB")" "... gives the same people"
run -f "$DB" import people "$T_TMP/people.csv"
like "$T_OUT" "read 25 rows: 0 new, 0 updated, 25 unchanged" "... and into the same one: all unchanged"

run -f "$DB" export people --encoding cp1251 -o "$T_TMP/p1251.csv"
is "$T_RC" 0 "export in CP1251"
like "$(iconv -f cp1251 -t utf-8 "$T_TMP/p1251.csv")" ";Ёлкин;Пётр;Семёнович;05.03.2012;" \
    "... the bytes are CP1251"
is "$(head -c 3 "$T_TMP/p1251.csv")" "No." "... no BOM"
DB3="$T_TMP/i3.db"
"$NASTAVNIK" -f "$DB3" init >/dev/null
run -f "$DB3" import people "$T_TMP/p1251.csv"
like "$T_OUT" "encoding cp1251, delimiter ;" "... read back as CP1251"
is "$(people "$DB3")" "$(people "$DB")" "... the same people"

run -f "$DB" export people --delimiter tab
is "$T_RC" 0 "export to stdout with tabs"
like "$T_OUT" "Ёлкин	Пётр	Семёнович	05.03.2012" "... tab-separated"
run -f "$DB" export mentees
like "$T_OUT" "Mentee's full name" "export mentees: the register's header"
like "$T_OUT" "Орлова Вера" "... a mentee"
run -f "$DB" export mentors --delimiter ,
like "$T_OUT" 'Соколова Ирина Павловна,"+7 (913) 555-12-34, sokolova@school5.ru"' \
    "export mentors with ',': the contacts quoted"
run -f "$DB" export consents
is "$T_RC" 0 "export consents"
run -f "$DB" person add --last Łukasz --first Ян --category teacher --mentor
run -f "$DB" export mentors --encoding cp1251 -o "$T_TMP/m.csv"
is "$T_RC" 0 "CP1251 export of a name with Ł: done"
like "$T_ERR" "warning: 1 character has no place in CP1251" "... with a warning"
run -f "$DB" export pupils
is "$T_RC" 2 "export of an unknown register: exit 2"
like "$T_ERR" "mentees, mentors, people or consents" "... listing the registers"
run -f "$DB" export people --encoding auto
is "$T_RC" 2 "export --encoding auto: exit 2"
run -f "$DB" export
is "$T_RC" 2 "export without a register: exit 2"
run -f "$DB" export people -o "$T_TMP/nodir/x.csv"
is "$T_RC" 1 "export into a missing folder: exit 1"

# ---- in Russian ----
run -f "$DB" export people
ru=$(LANGUAGE=ru LANG=C.UTF-8 "$NASTAVNIK" -f "$DB" export people | head -1)
like "$ru" "Фамилия;Имя;Отчество;Дата рождения;Категория;Класс" \
    "LANGUAGE=ru: the register's header in Russian"
LANGUAGE=ru LANG=C.UTF-8 "$NASTAVNIK" -f "$DB" export people -o "$T_TMP/ru.csv"
DB4="$T_TMP/i4.db"
"$NASTAVNIK" -f "$DB4" init >/dev/null
run -f "$DB4" import people "$T_TMP/ru.csv"
is "$T_RC" 0 "... imported back"
is "$(people "$DB4")" "$(people "$DB")" "... the same people"

plan "$T_N"
done_testing
