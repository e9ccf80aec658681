#!/bin/sh
# cli-meeting.sh: plans, meetings, events and attendance from the shell: add, mark, lists and figures.
. "${top_srcdir:-.}/tests/lib.sh"

export LANG=C.UTF-8 LANGUAGE=
export NASTAVNIK_TODAY=2026-09-20

DB="$T_TMP/m.db"
"$NASTAVNIK" -f "$DB" init --school 'МБОУ СОШ № 5' >/dev/null || diag "init failed"

add() {	# add LAST CATEGORY [OPTION]...: the new id in $ID
	_l=$1 _c=$2
	shift 2
	ID=$("$NASTAVNIK" -f "$DB" person add --last "$_l" --first Анна \
	    --patronymic Петровна --category "$_c" "$@")
}
rows() { printf '%s\n' "$T_OUT" | sed 1d | grep -c .; }
# line N (1 = header) of T_OUT, field F
field() { printf '%s\n' "$T_OUT" | sed -n "$1p" | cut -f "$2"; }

add Астафьева pupil --birth 01.02.2013 --class 7Б; A=$ID
add Белова pupil --birth 01.03.2013 --class 7Б; B=$ID
add Волкова pupil --birth 01.04.2013 --class 7Б; C=$ID
add Ершова pupil --birth 01.05.2013 --class 7В; E=$ID
add Зайцева teacher; T=$ID
add Котова young-specialist; Y=$ID
PAIR=$("$NASTAVNIK" -f "$DB" pair add --mentor "$T" --mentee "$A" \
    --form teacher-pupil --from 01.09.2026 --to 01.12.2026 --no-consent-ok \
    2>"$T_TMP/perr")
[ -n "$PAIR" ] || diag "pair add failed: $(cat "$T_TMP/perr")"

# ---- help ----
run help meeting
is "$T_RC" 0 "help meeting"
like "$T_OUT" "meeting layout" "... shows layout"
run help attend
like "$T_OUT" "--rest" "help attend shows --rest"
run help plan
like "$T_OUT" "plan approve" "help plan shows approve"
run --help
like "$T_OUT" "  attend " "--help lists attend"
run meeting
is "$T_RC" 2 "meeting without an action is bad usage"
run -f "$DB" meeting add --event class-hour --date 10.09.2026
is "$T_RC" 1 "an event with no audience is refused"
like "$T_ERR" "Say whom the event is for" "... saying what to give"
run -f "$DB" meeting add --event trial --audience 7Б --date 10.09.2026
is "$T_RC" 2 "--event of a pair's kind is bad usage"
run -f "$DB" meeting add --kind frob --pair "$PAIR" --date 10.09.2026
is "$T_RC" 2 "an unknown kind is bad usage"

# ---- a class hour ----
run -f "$DB" meeting add --event class-hour --audience '7 б' --date 10.09.2026 \
    --time 14:30 --topic 'Профессии будущего'
is "$T_RC" 0 "a class hour for 7 б"
CH=$T_OUT
run -f "$DB" attend "$CH" "$A" present
is "$T_RC" 0 "A present"
run -f "$DB" attend "$CH" "$B" +
is "$T_RC" 0 "B '+'"
run -f "$DB" attend "$CH" "$E" present
is "$T_RC" 1 "a 7В pupil is refused"
like "$T_ERR" "meeting no. $CH" "... naming the meeting"
run -f "$DB" attend "$CH" "$A" maybe
is "$T_RC" 2 "an unknown mark is bad usage"
run -f "$DB" meeting show "$CH"
is "$T_RC" 0 "meeting show"
like "$T_OUT" "Status: held" "... held after the first mark"
like "$T_OUT" "Attendance: 2 present of 3 expected (target 90 %)" \
    "... 2 of 3 against 90 %"
like "$T_OUT" "not marked	Волкова Анна Петровна	7Б" "... C not marked"

run -f "$DB" list attendance --by event
is "$T_RC" 0 "list attendance --by event"
is "$(field 1 1-)" "$(printf 'label\tid\texpected\tpresent\tabsent\texcused\tpct\ttarget')" \
    "... the header"
is "$(field 2 2-)" "$(printf '%s\t3\t2\t0\t0\t66\t90' "$CH")" \
    "... 3 expected (7Б's pupils), 2 present, 66 %, target 90"
like "$(field 2 1)" "class hour 10.09.2026 7Б" "... labelled"

run -f "$DB" attend "$CH" --rest absent
is "$T_RC" 0 "the rest absent"
run -f "$DB" list attendance --by class
is "$(field 2 1-6)" "$(printf '7Б\t\t3\t2\t1\t0')" "by class: 7Б 3, 2 present, 1 absent"

# ---- a council ----
run -f "$DB" meeting add --event council --audience teacher --date 15.09.2026
COUNCIL=$T_OUT
run -f "$DB" attend "$COUNCIL" "$Y" у
is "$T_RC" 0 "a young specialist excused at the council"
run -f "$DB" list attendance --by event
is "$(field 3 3-8)" "$(printf '2\t0\t0\t1\t0\t90')" "the council: 2 teachers expected"

# ---- a pair's meetings ----
run -f "$DB" meeting layout "$PAIR" --every 21
is "$T_RC" 0 "lay out the pair's meetings"
like "$T_OUT" "Laid out 7 meetings for pair no. $PAIR." "... seven of them"
run -f "$DB" meeting layout "$PAIR"
is "$T_RC" 1 "not twice"
run -f "$DB" list meetings --pair "$PAIR"
is "$(rows)" 7 "list meetings --pair: 7"
is "$(field 1 1-)" "$(printf 'id\tdate\ttime\tkind\tstatus\tpair\twho\texpected\tmarked\tpresent')" \
    "... the header"
is "$(field 2 2,4,5,8)" "$(printf '2026-09-01\tacquaintance\tplanned\t2')" \
    "... getting to know on the start, 2 expected"
like "$(field 2 7)" "Зайцева А. П. → Астафьева А. П." "... the pair named"
is "$(field 8 2,4)" "$(printf '2026-12-01\tfinal')" "... final on the end"
PM=$(field 2 1)
run -f "$DB" attend "$PM" "$A" present
run -f "$DB" attend "$PM" "$T" present
run -f "$DB" list meetings --events
is "$(rows)" 2 "--events: two"
run -f "$DB" list meetings --from 01.09.2026 --to 10.09.2026
is "$(rows)" 3 "--from --to: 3 (2 of the pair, the class hour)"
is "$(field 4 1,8,9,10)" "$(printf '%s\t3\t3\t2' "$CH")" "... expected, marked, present"
run -f "$DB" list meetings --events --pairs
is "$T_RC" 2 "--events with --pairs is bad usage"
run -f "$DB" meeting status "$PM" cancelled
is "$T_RC" 0 "meeting status"
run -f "$DB" meeting held
is "$(field 2 1-)" "$(printf '2\t5\t40')" "held on plan: 2 of the 5 due (one cancelled, two left planned)"
run -f "$DB" meeting status "$PM" held

# ---- months ----
run -f "$DB" list attendance
is "$(field 2 1-6)" "$(printf '2026-09\t\t7\t4\t1\t1')" \
    "September: 3 + 2 + 2 expected, 4 present"
run -f "$DB" list attendance --by pair
is "$(field 2 2-7)" "$(printf '%s\t2\t2\t0\t0\t100' "$PAIR")" "by pair: 2 of 2"
run -f "$DB" list attendance --month 2026/09
is "$T_RC" 1 "a bad month"

# ---- edit, delete ----
run -f "$DB" meeting edit "$CH" --place 'каб. 12' --time 25:00
is "$T_RC" 1 "a bad time is refused"
run -f "$DB" meeting edit "$CH" --place 'каб. 12'
is "$T_RC" 0 "meeting edit"
run -f "$DB" meeting show "$CH"
like "$T_OUT" "Place: каб. 12" "... the place saved"
run -f "$DB" meeting delete "$COUNCIL"
is "$T_RC" 0 "meeting delete"
run -f "$DB" -R attend "$CH" "$A" absent
is "$T_RC" 1 "no marks with --read-only"

# ---- plans ----
run -f "$DB" plan show "$PAIR"
is "$T_RC" 1 "no plan yet"
run -f "$DB" plan template "$PAIR"
is "$T_RC" 0 "plan template"
like "$T_OUT" "Встреча-знакомство" "... the first step"
like "$T_OUT" "OVERDUE" "... steps past due stand out"
like "$T_OUT" "Done 0 of 9 steps (0 %), target 90 %; overdue: 3." "... completion"
STEP=$(printf '%s\n' "$T_OUT" | grep -m1 'Встреча-знакомство' | cut -f1)
run -f "$DB" plan done "$STEP" --date 01.09.2026
is "$T_RC" 0 "plan done"
run -f "$DB" plan done "$STEP" --date 01.10.2026
is "$T_RC" 1 "a done date in the future is refused"
run -f "$DB" plan step "$PAIR" --add 'Экскурсия' --due 01.11.2026
is "$T_RC" 0 "plan step --add"
run -f "$DB" plan approve "$PAIR" --date 05.09.2026 --order '112-о'
is "$T_RC" 0 "plan approve"
run -f "$DB" plan show "$PAIR"
like "$T_OUT" "Approved on 05.09.2026, order 112-о." "... approval shown"
like "$T_OUT" "Экскурсия" "... the new step"
like "$T_OUT" "Done 1 of 10 steps (10 %)" "... 1 of 10"
run -f "$DB" list plans
is "$(field 2 1-)" "$(printf '%s\tЗайцева А. П. → Астафьева А. П.\t1\t10\t10\t2' "$PAIR")" \
    "list plans"
run -f "$DB" plan template "$PAIR"
is "$T_RC" 1 "one plan a pair"
run -f "$DB" plan summary
is "$(field 2 1-)" "$(printf '1\t0\t1\t10\t10\t90')" "plan summary: 1 plan, none at 90 %"

# ---- a teacher's scope (the test build takes its login from the env) ----
: "${NASTAVNIK_T:=${top_builddir:-.}/tests/nastavnik-t}"
if [ -x "$NASTAVNIK_T" ]; then
	CH7V=$("$NASTAVNIK" -f "$DB" meeting add --event class-hour \
	    --audience 7В --date 18.09.2026)
	# root is a curator when not listed, whoever made the file
	NASTAVNIK_TEST_LOGIN=root "$NASTAVNIK_T" -f "$DB" user add zt \
	    --role teacher --class 7В --person "$T" >/dev/null 2>&1 ||
	    diag "user add failed"
	export NASTAVNIK_TEST_LOGIN=zt
	SAVED=$NASTAVNIK
	NASTAVNIK=$NASTAVNIK_T
	run -f "$DB" list meetings
	is "$(rows)" 8 "a teacher lists their pair's 7 meetings and 7В's event"
	unlike "$T_OUT" "$(printf '%s\t2026-09-10' "$CH")" "... not 7Б's class hour"
	run -f "$DB" attend "$CH" "$B" absent
	is "$T_RC" 1 "... marking 7Б's class hour is refused"
	like "$T_ERR" "your pairs and events for your classes" "... saying why"
	run -f "$DB" attend "$CH7V" "$E" present
	is "$T_RC" 0 "... marking their class works"
	run -f "$DB" meeting add --event class-hour --audience 7В --date 19.09.2026
	is "$T_RC" 1 "... adding a meeting does not"
	run -f "$DB" list attendance --by event
	is "$(rows)" 1 "... their figures by event: 7В's class hour only"
	unlike "$T_OUT" "class hour 10.09.2026 7Б" "... not 7Б's"
	run -f "$DB" list attendance --by class
	is "$(field 2 1)-$(rows)" "7В-1" "... by class: 7В only"
	run -f "$DB" list attendance --by person --class 7Б
	is "$T_RC" 1 "... another class's people are refused"
	NASTAVNIK=$SAVED
	unset NASTAVNIK_TEST_LOGIN
else
	skip 11 "no test build with a fake login"
fi

# ---- Russian ----
if [ -f "${top_builddir:-.}/po/ru/LC_MESSAGES/nastavnik.mo" ]; then
	NASTAVNIK_LOCALEDIR="${top_builddir:-.}/po" LANG=ru_RU.UTF-8 \
	    LANGUAGE=ru run -f "$DB" attend "$CH" "$E" present
	is "$T_RC" 1 "Russian: refused too"
else
	skip 1 "no Russian catalogue built"
fi

plan "$T_N"
done_testing
