#!/bin/sh
# cli-people.sh: participants through the command line: validation, escaping, "today", Russian.
. "${top_srcdir:-.}/tests/lib.sh"

export LANG=C.UTF-8 LANGUAGE=

DB="$T_TMP/p.db"
"$NASTAVNIK" -f "$DB" init >/dev/null || diag "init failed"

rows() { printf '%s\n' "$T_OUT" | sed 1d | grep -c .; }
lines() { printf '%s\n' "$1" | grep -c .; }
# raw BYTES: how many of these raw bytes are in T_OUT and T_ERR
raw() { printf '%s%s' "$T_OUT" "$T_ERR" | tr -d -c "$1" | wc -c; }

add() { run -f "$DB" person add --first Иван --category pupil "$@"; }

# ---- validation, each refusal one sentence naming the field ----
add --last Петров --birth 31.02.2024
is "$T_RC" 1 "31.02.2024 is refused with status 1"
like "$T_ERR" "31.02.2024" "... quoting the date"
like "$T_ERR" "irth" "... naming the birth date"
is "$(lines "$T_ERR")" 1 "... in one line"
like "$T_ERR" "nastavnik: " "... starting with the program's name"

add --last Петров --birth 01.01.2099
is "$T_RC" 1 "a birth date in the future is refused"
like "$T_ERR" "future" "... saying it is in the future"
add --last Петров --birth 31.12.1899
is "$T_RC" 1 "a birth date before 1900 is refused"
like "$T_ERR" "1900" "... saying why"

run -f "$DB" person add --first Иван --category pupil
is "$T_RC" 2 "person add without --last is bad usage"
like "$T_ERR" "--last" "... naming --last"
like "$T_ERR" "Try 'nastavnik help person'." "... and where to read more"
add --last "  "
is "$T_RC" 1 "a blank last name is refused"
like "$T_ERR" "Last name" "... naming the field"

run -f "$DB" person add --last Петров --first Иван --category kid
is "$T_RC" 1 "an unknown category is refused"
for c in pupil teacher young-specialist parent graduate partner student; do
	like "$T_ERR" "$c" "... listing the category $c"
done

add --last Петров --class 12А
is "$T_RC" 1 "class 12А is refused"
like "$T_ERR" "12А" "... quoting the class"
like "$T_ERR" "Class" "... naming the field"
add --last Петров --class Б7
is "$T_RC" 1 "class Б7 is refused"

run -f "$DB" person add --last Петров --first Иван --category teacher --email 'ivan@'
is "$T_RC" 1 "a broken e-mail address is refused"
like "$T_ERR" "mail" "... naming the field"
run -f "$DB" person add --last Петров --first Иван --category teacher --phone 'позвонить'
is "$T_RC" 1 "a phone with no digits is refused"

run -f "$DB" list people
is "$(rows)" 0 "nothing was saved by the refused commands"

run -f "$DB" person edit 1 --last X
is "$T_RC" 1 "editing a missing participant fails"
run -f "$DB" person delete 77
is "$T_RC" 1 "deleting a missing participant fails"
run -f "$DB" person frob
is "$T_RC" 2 "an unknown person action is bad usage"
run -f "$DB" list people --sort age
is "$T_RC" 2 "an unknown sort key is bad usage"
run -f "$DB" list people --mentors --mentees
is "$T_RC" 2 "--mentors with --mentees is bad usage"

# ---- control characters never reach the terminal ----
ESC=$(printf '\033')
BEL=$(printf '\007')
run -f "$DB" person add --last "Зл${ESC}[31mой" --first "Б${BEL}" --category teacher
is "$T_RC" 1 "a name with ESC[31m is refused by the CLI"
is "$(raw '\033\007')" 0 "... and the refusal does not echo the raw bytes"
run -f "$DB" person add --last Петров --first Иван --category "x${ESC}[2J"
is "$(raw '\033')" 0 "an unknown category with ESC is quoted escaped"

if command -v sqlite3 >/dev/null 2>&1; then
	# Another program (the sqlite3 shell) may write anything.
	sqlite3 "$DB" "INSERT INTO person (last, first, patronymic, category,
	    note, sort_key, search_key) VALUES ('Зл' || char(27) || '[31mой',
	    'Б' || char(7), 'А' || char(9) || 'Б' || char(10) || 'В\\Г',
	    'teacher', 'x' || char(27) || ']0;pwned' || char(7), 'зл', 'зл')"
	run -f "$DB" list people
	is "$T_RC" 0 "list people reads a name with control characters"
	is "$(raw '\033\007')" 0 "no raw ESC or BEL in the list"
	is "$(rows)" 1 "a newline in a field does not split the row"
	is "$(printf '%s\n' "$T_OUT" | sed 1d | awk -F '\t' '{ print NF }')" 9 \
	    "a tab in a field does not add a column"
	like "$T_OUT" 'А\tБ\nВ\\Г' "tab, newline and backslash are escaped in the TSV"
	like "$T_OUT" "Зл" "the rest of the name is kept"
	ID=$(printf '%s\n' "$T_OUT" | sed 1d | cut -f 1)
	run -f "$DB" person show "$ID"
	is "$T_RC" 0 "person show of that record"
	is "$(raw '\033\007')" 0 "no raw ESC or BEL on the card"
	run -f "$DB" person delete "$ID"
else
	skip 8 "no sqlite3 shell"
fi

# ---- --today fixes what "future" means ----
run -f "$DB" --today 2025-01-01 person add --last Рыбкин --first Лев \
    --category pupil --birth 01.06.2025
is "$T_RC" 1 "--today 2025-01-01: born 01.06.2025 is in the future"
run -f "$DB" --today 2025-12-31 person add --last Рыбкин --first Лев \
    --category pupil --birth 01.06.2025
is "$T_RC" 0 "--today 2025-12-31: born 01.06.2025 is fine"
RYB=$T_OUT
NASTAVNIK_TODAY=2020-01-01 "$NASTAVNIK" -f "$DB" person add --last Рыбкин \
    --first Лев --category pupil --birth 01.06.2025 >/dev/null 2>&1
is "$?" 1 "NASTAVNIK_TODAY=2020-01-01 does the same"
run -f "$DB" --today 31.12.2025 person add --last Окунев --first Лев --category teacher
is "$T_RC" 0 "--today takes DD.MM.YYYY too"
run --today 2024-13-01 list people
is "$T_RC" 2 "a bad --today is bad usage"
like "$T_ERR" "2024-13-01" "... quoting it"
run -f "$DB" --today 2026-05-31 person show "$RYB"
like "$T_OUT" "(0 years old)" "the age on the card is as of --today"
run -f "$DB" --today 2026-06-01 person show "$RYB"
like "$T_OUT" "(1 year old)" "... and changes on the birthday"

# ---- Russian ----
ru_checks() {	# ru_checks DESCRIPTION ENV...
	_what=$1
	shift
	env "$@" "$NASTAVNIK" frob >"$T_TMP/out" 2>"$T_TMP/err"
	T_RC=$?
	T_ERR=$(cat "$T_TMP/err")
	is "$T_RC" 2 "$_what: unknown command is still status 2"
	like "$T_ERR" "неизвестная команда «frob»" "$_what: unknown command in Russian"
	like "$T_ERR" "Подробнее: «nastavnik --help»." "$_what: the hint in Russian"
	env "$@" "$NASTAVNIK" --help >"$T_TMP/out" 2>&1
	like "$(cat "$T_TMP/out")" "Использование: nastavnik" "$_what: --help in Russian"
	env "$@" "$NASTAVNIK" -f "$DB" person add --last Петров --first Иван \
	    --category pupil --birth 31.02.2024 >/dev/null 2>"$T_TMP/err"
	T_ERR=$(cat "$T_TMP/err")
	like "$T_ERR" "ата рождения" "$_what: the birth date named in Russian"
	env "$@" "$NASTAVNIK" -f "$T_TMP/none.db" list people >/dev/null 2>"$T_TMP/err"
	like "$(cat "$T_TMP/err")" "создайте его командой «nastavnik init»" \
	    "$_what: a missing database in Russian"
}
if has_locale ru_RU.UTF-8; then
	ru_checks "LANG=ru_RU.UTF-8" LANG=ru_RU.UTF-8 LANGUAGE=
else
	skip 6 "no ru_RU.UTF-8 locale"
fi
ru_checks "LANGUAGE=ru under C.UTF-8" LANG=C.UTF-8 LANGUAGE=ru
if has_locale ru_RU.KOI8-R; then
	LANG=ru_RU.KOI8-R LANGUAGE= "$NASTAVNIK" frob 2>"$T_TMP/err"
	like "$(iconv -f KOI8-R -t UTF-8 <"$T_TMP/err")" "неизвестная команда" \
	    "LANG=ru_RU.KOI8-R: messages come in KOI8-R"
else
	skip 1 "no ru_RU.KOI8-R locale"
fi

plan "$T_N"
done_testing
