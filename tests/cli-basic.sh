#!/bin/sh
# cli-basic.sh: the command line's everyday work: help, init, person, list, backup, check.
. "${top_srcdir:-.}/tests/lib.sh"

export LANG=C.UTF-8 LANGUAGE=

# rows FILE-CONTENT: the number of data lines of a TSV (without the header)
rows() { printf '%s\n' "$1" | sed 1d | grep -c .; }
# col N: the Nth column of T_OUT's data lines, one a line
col() { printf '%s\n' "$T_OUT" | sed 1d | cut -f "$1"; }

HEADER=$(printf 'id\tlast\tfirst\tpatronymic\tbirth\tcategory\tclass\tmentor\tmentee')

# ---- help and version ----
run --help
is "$T_RC" 0 "--help exits 0"
like "$T_OUT" "Usage: nastavnik" "--help shows the usage line"
for c in init person list backup check help; do
	like "$T_OUT" "  $c " "--help lists the command $c"
done
is "$T_ERR" "" "--help writes nothing to stderr"
run -h
is "$T_RC" 0 "-h exits 0"
run --version
is "$T_RC" 0 "--version exits 0"
is "$(printf '%s\n' "$T_OUT" | head -n 1)" "nastavnik 0.1.0" "--version's first line is the GNU one"
like "$T_OUT" "ISC" "--version names the licence"
run -V
is "$T_RC" 0 "-V exits 0"
run help person
is "$T_RC" 0 "help person exits 0"
like "$T_OUT" "nastavnik person add --last" "help person shows person add"
like "$T_OUT" "--competencies" "help person lists the options"
run list people --help
is "$T_RC" 0 "list people --help exits 0"
like "$T_OUT" "--sort" "list people --help lists --sort"
run person add -h
is "$T_RC" 0 "person add -h exits 0"

# ---- init: where, and with what mode ----
run init
is "$T_RC" 0 "init with the default path"
DEF="$HOME/.local/share/nastavnik/nastavnik.db"
ok "$([ -f "$DEF" ]; echo $?)" "init creates ~/.local/share/nastavnik/nastavnik.db"
is "$(stat -c %a "$DEF" 2>/dev/null)" 600 "the default file is 0600"
like "$T_OUT" "$DEF" "init says where it made the file"
run init
is "$T_RC" 0 "init again on an empty database is fine"

XDG_DATA_HOME="$T_TMP/xdg" "$NASTAVNIK" init >/dev/null
is "$?" 0 "init under XDG_DATA_HOME"
is "$(stat -c %a "$T_TMP/xdg/nastavnik/nastavnik.db" 2>/dev/null)" 600 \
    "init creates \$XDG_DATA_HOME/nastavnik/nastavnik.db 0600 with its folder"

NASTAVNIK_DB="$T_TMP/env.db" "$NASTAVNIK" init >/dev/null
is "$(stat -c %a "$T_TMP/env.db" 2>/dev/null)" 600 "init honours NASTAVNIK_DB"

DB="$T_TMP/school.db"
run -f "$DB" init --school "МБОУ СОШ № 5"
is "$T_RC" 0 "init -f FILE --school NAME"
is "$(stat -c %a "$DB" 2>/dev/null)" 600 "-f FILE is created 0600"
like "$T_OUT" "МБОУ СОШ № 5" "init names the school it made"

# ---- the demo school ----
DEMO="$T_TMP/demo.db"
run -f "$DEMO" init --demo
is "$T_RC" 0 "init --demo"
like "$T_OUT" "$DEMO" "init --demo says where"
run -f "$DEMO" list people --category pupil
n=$(rows "$T_OUT")
ok "$([ "$n" -ge 100 ] && [ "$n" -le 140 ]; echo $?)" "the demo school has about 120 pupils ($n)"
like "$(col 7 | sort -u | tr '\n' ' ')" "9" "demo pupils are in classes up to 9"
run -f "$DEMO" list people --category teacher
t=$(rows "$T_OUT")
run -f "$DEMO" list people --category young-specialist
t=$((t + $(rows "$T_OUT")))
ok "$([ "$t" -ge 12 ] && [ "$t" -le 18 ]; echo $?)" "the demo school has about 15 teachers ($t)"
run -f "$DEMO" list people --category parent
ok "$([ "$(rows "$T_OUT")" -gt 0 ]; echo $?)" "the demo school has parents"
run -f "$DEMO" list people --category partner
ok "$([ "$(rows "$T_OUT")" -gt 0 ]; echo $?)" "the demo school has partner representatives"
run -f "$DEMO" list people --mentors
ok "$([ "$(rows "$T_OUT")" -gt 0 ]; echo $?)" "the demo school has mentors"
run -f "$DEMO" init
is "$T_RC" 1 "init on a database with participants is refused"
like "$T_ERR" "already" "... saying it already holds participants"
run -f "$DEMO" init --demo
is "$T_RC" 1 "init --demo twice is refused"

# ---- person add / show / edit / delete ----
run -f "$DB" person add --last Жуков --first Олег --category pupil \
    --birth 05.09.2012 --class 7б --mentee --request "физика"
is "$T_RC" 0 "person add"
ID=$T_OUT
ok "$(printf '%s' "$ID" | grep -qx '[0-9][0-9]*'; echo $?)" "person add prints the new id ($ID)"
run -f "$DB" --today 2026-11-22 person show "$ID"
is "$T_RC" 0 "person show"
like "$T_OUT" "Жуков Олег" "the card shows the name"
like "$T_OUT" "05.09.2012" "the card shows the birth date as DD.MM.YYYY"
like "$T_OUT" "7Б" "the class typed as 7б is kept as 7Б"
like "$T_OUT" "физика" "the card shows the mentee's request"
run -f "$DB" person edit "$ID" --class 8А --patronymic Ильич
is "$T_RC" 0 "person edit"
run -f "$DB" person show "$ID"
like "$T_OUT" "8А" "the edit changed the class"
like "$T_OUT" "Жуков Олег Ильич" "the edit added the patronymic"
run -f "$DB" person edit "$ID" --patronymic ''
run -f "$DB" list people
is "$(col 4)" "" "an empty value clears a field on edit"
is "$(col 9)" "1" "an edit keeps what it was not told to change"
run -f "$DB" person delete "$ID"
is "$T_RC" 0 "person delete"
run -f "$DB" person show "$ID"
is "$T_RC" 1 "show after delete fails"
run -f "$DB" person show 999
is "$T_RC" 1 "show of a missing id fails"
run -f "$DB" person show abc
is "$T_RC" 2 "show of a non-number is bad usage"

# ---- list people: header, order, search, filters ----
run -f "$DB" list people
is "$T_OUT" "$HEADER" "list people on an empty base prints the exact header"
for p in "Жуков Олег pupil 7А 01.03.2012" "Ёлкин Иван pupil 7Б 15.01.2011" \
    "Елисеев Пётр teacher - 02.02.1980" "ёлкина Анна pupil 5А 20.06.2014" \
    "Абрамова Вера parent - 03.03.1985"; do
	set -- $p
	if [ "$4" = - ]; then
		run -f "$DB" person add --last "$1" --first "$2" --category "$3" --birth "$5"
	else
		run -f "$DB" person add --last "$1" --first "$2" --category "$3" --class "$4" --birth "$5"
	fi
	[ "$T_RC" -eq 0 ] || diag "person add $1 failed: $T_ERR"
done
run -f "$DB" person add --last Ёлкин --first Иван --category teacher --mentor
run -f "$DB" list people
is "$(printf '%s\n' "$T_OUT" | head -n 1)" "$HEADER" "the header line is exact"
is "$(col 2 | tr '\n' ' ')" "Абрамова Елисеев Ёлкин Ёлкин ёлкина Жуков " \
    "Russian order: Елисеев, then Ёлкин, then Жуков; case ignored"
is "$(printf '%s\n' "$T_OUT" | awk -F '\t' '$2 == "Ёлкин" && $6 == "pupil"' | cut -f 5-9)" \
    "$(printf '2011-01-15\tpupil\t7Б\t0\t0')" "birth is ISO, category a code, mentor/mentee 0/1"
for q in ёлк ЁЛК елк Ёлк; do
	run -f "$DB" list people --search "$q"
	is "$(col 2 | sort -u | tr '\n' ' ')" "Ёлкин ёлкина " "--search $q finds Ёлкин and ёлкина"
done
run -f "$DB" list people --search "ёлк" --category teacher
is "$(col 2)$(col 6)" "Ёлкинteacher" "--search with --category"
run -f "$DB" list people --category pupil
is "$(col 6 | sort -u)" "pupil" "--category pupil lists only pupils"
is "$(rows "$T_OUT")" 3 "... all three of them"
run -f "$DB" list people --category обучающийся
is "$(rows "$T_OUT")" 3 "--category takes the Russian name"
run -f "$DB" list people --class 7Б
is "$(col 2 | tr '\n' ' ')" "Ёлкин " "--class 7Б"
run -f "$DB" list people --class "7 б"
is "$(col 2 | tr '\n' ' ')" "Ёлкин " "--class '7 б' is read as 7Б"
run -f "$DB" list people --mentors
is "$(col 2)$(col 6)" "Ёлкинteacher" "--mentors"
run -f "$DB" list people --sort birth
is "$(col 5 | tr '\n' ' ')" "1980-02-02 1985-03-03 2011-01-15 2012-03-01 2014-06-20  " \
    "--sort birth (no date last)"
run -f "$DB" list people --sort class --category pupil
is "$(col 7 | tr '\n' ' ')" "5А 7А 7Б " "--sort class in school order"

# ---- backup and check ----
run -f "$DB" backup "$T_TMP/copy.db"
is "$T_RC" 0 "backup"
like "$T_OUT" "$T_TMP/copy.db" "backup says where it wrote"
is "$(stat -c %a "$T_TMP/copy.db" 2>/dev/null)" 600 "the backup is 0600"
run -f "$T_TMP/copy.db" check
is "$T_RC" 0 "the backup passes check"
run -f "$T_TMP/copy.db" list people
is "$(rows "$T_OUT")" 6 "the backup holds every participant"
run -f "$DB" backup "$T_TMP/copy.db"
is "$T_RC" 1 "backup never replaces a file"
mkdir "$T_TMP/backups"
run -f "$DB" backup "$T_TMP/backups"
is "$T_RC" 0 "backup into a folder"
b=$(ls "$T_TMP/backups")
like "$T_OUT" "$T_TMP/backups/$b" "... says which file it wrote ($b)"
run -f "$DB" check
is "$T_RC" 0 "check on a sound database exits 0"
like "$T_OUT" "sound" "check says the database is sound"

# ---- the screens need a terminal ----
run -f "$DB" </dev/null
is "$T_RC" 1 "no command without a terminal exits 1"
like "$T_ERR" "terminal" "... saying a terminal is needed"

plan "$T_N"
done_testing
