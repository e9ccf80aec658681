#!/bin/sh
# cli-monitor.sh: monitoring from the shell: questionnaires, answers (by hand and from CSV), targets, indicators and who is behind them.
. "${top_srcdir:-.}/tests/lib.sh"

export LANG=C.UTF-8 LANGUAGE=
export NASTAVNIK_TODAY=2026-11-20

DB="$T_TMP/m.db"
D="${top_srcdir:-.}/tests/data"
"$NASTAVNIK" -f "$DB" init >/dev/null || diag "init failed"
OR=$("$NASTAVNIK" -f "$DB" person add --last Орлова --first Мария --category teacher)
"$NASTAVNIK" -f "$DB" person add --last Белова --first Нина --category teacher >/dev/null

plan 11
run -f "$DB" questionnaire list
like "$T_OUT" "mentee	mentee	8	" "the shipped questionnaires load on first use"
run -f "$DB" answers add "$OR" --questionnaire mentee --stage after 11 - - - - - - -
is "$T_RC" 1 "11 on a 1-10 scale is refused"
run -f "$DB" answers import "$D/answers-mentee.csv" --questionnaire mentee --stage after
is "$T_RC" 1 "a file with an unknown name: nothing imported"
like "$T_ERR" "line 3" "the bad line is named"
run -f "$DB" answers import "$D/answers-mentee.csv" --questionnaire mentee --stage after --skip-bad
like "$T_OUT" "1 added" "the good row imported"
run -f "$DB" list indicators
is "$(printf '%s\n' "$T_OUT" | head -1)" "code	name	value	target	met" "TSV header"
like "$T_OUT" "satisfaction-mentee	Mentees' satisfaction	80.0	65.0	yes" "satisfaction 80 %, year 1 target 65, met"
like "$T_OUT" "teachers-mentees	Teachers and young specialists who are mentees	0.0	30.0	no" "no teacher is a mentee"
run -f "$DB" target set satisfaction-mentee 85
run -f "$DB" list indicators
like "$T_OUT" "satisfaction-mentee	Mentees' satisfaction	80.0	85.0	no" "a target set: not met"
run -f "$DB" indicator behind teachers-mentees
is "$(printf '%s\n' "$T_OUT" | sed 1d | wc -l | tr -d ' ')" 2 "both teachers are behind"
run -f "$DB" list answers --questionnaire mentee
like "$T_OUT" "8|8|8|8|8|yes|" "list answers shows the values"
done_testing
