#!/bin/sh
# cli-demo.sh: the demo school's pairs, plans, meetings, attendance and teacher, as the commands show them.
. "${top_srcdir:-.}/tests/lib.sh"

export LANG=C.UTF-8 LANGUAGE=
: "${NASTAVNIK_T:=${top_builddir:-.}/tests/nastavnik-t}"
TODAY=2025-11-20	# a Thursday in the second quarter
DB="$T_TMP/demo.db"
N() { run -f "$DB" --today $TODAY "$@"; }
rows() { printf '%s\n' "$1" | sed 1d | grep -c .; }
# the rows of $T_OUT whose column $1 is $2
where() { printf '%s\n' "$T_OUT" | sed 1d | awk -F'\t' -v c="$1" -v v="$2" '$c == v'; }

N init --demo
is "$T_RC" 0 "init --demo"
like "$T_OUT" "28 mentees" "... with its mentees"

# ---- pairs: 12, in five forms; 10 live, one completed, one cancelled ----
N list pairs
is "$(rows "$T_OUT")" 12 "the demo has 12 pairs and groups"
is "$(where 4 active | grep -c .)" 10 "... 10 of them active"
is "$(where 4 completed | grep -c .)" 1 "... one completed"
is "$(where 4 cancelled | grep -c .)" 1 "... one cancelled"
is "$(where 2 teacher-teacher | grep -c .)" 3 "... the three young specialists each with a mentor"
is "$(printf '%s\n' "$T_OUT" | sed 1d | cut -f2 | sort -u | tr '\n' ' ')" \
    "employer-pupil pupil-pupil student-pupil teacher-pupil teacher-teacher " \
    "... in five forms"
G=$(where 3 group)
is "$(printf '%s\n' "$G" | grep -c .)" 1 "... one of them a group"
is "$(printf '%s\n' "$G" | cut -f6 | tr ';' '\n' | grep -c .)" 3 \
    "... of three mentees"

# ---- the unpaired: 25 pupils and 3 young specialists want a mentor ----
# 12 of them are in live pairs (3 young, 7 pupils alone, 3 in the group),
# so 16 wait, among them 7Б's (no consent yet), the completed pair's and
# the cancelled pair's mentees.
N list unpaired
is "$(rows "$T_OUT")" 16 "16 mentees wait for a mentor"
is "$(where 4 7Б | grep -c .)" 2 "... two of them in 7Б, whose consents are still out"
FIRST=$(printf '%s\n' "$T_OUT" | sed -n 2p | cut -f1)
ok "$(printf '%s\n' "$T_OUT" | sed 1d | cut -f5 | grep -c '^$' | grep -qx 0; echo $?)" \
    "... each with a request"
N match "$FIRST"
is "$T_RC" 0 "match suggests mentors for the first waiting mentee"
ok "$([ "$(rows "$T_OUT")" -ge 1 ]; echo $?)" "... at least one"

# ---- plans: 11 (not the cancelled pair), three with an overdue step ----
N list plans
is "$(rows "$T_OUT")" 11 "every pair but the cancelled one has a plan"
is "$(printf '%s\n' "$T_OUT" | sed 1d | awk -F'\t' '$6 > 0' | grep -c .)" 3 \
    "... three of them with an overdue step"
is "$(printf '%s\n' "$T_OUT" | sed 1d | awk -F'\t' '$5 == 100' | grep -c .)" 1 \
    "... the completed pair's plan all done"
is "$(printf '%s\n' "$T_OUT" | sed 1d | awk -F'\t' '$3 == 0' | grep -c .)" 0 \
    "... every live plan under way"

# ---- school-wide events with attendance ----
N list meetings --events
is "$(rows "$T_OUT")" 4 "four school-wide events"
# id date time kind status pair who expected marked present
CH=$(printf '%s\n' "$T_OUT" | awk -F'\t' '$4 == "class-hour" && $5 == "held"' | cut -f7-10)
is "$CH" "$(printf '7Б\t9\t9\t8')" "7Б's class hour a week ago: 8 of 9 came"
CH=$(printf '%s\n' "$T_OUT" | awk -F'\t' '$4 == "class-hour" && $5 == "planned"' | cut -f2,7)
is "$CH" "$(printf '2025-11-22\t7Б')" "... and the next one is in two days"
CO=$(printf '%s\n' "$T_OUT" | awk -F'\t' '$4 == "council"' | cut -f5,9,10)
ok "$(echo "$CO" | awk -F'\t' '$1 == "held" && $2 > 0 && $3 == $2 - 1' | grep -q .; echo $?)" \
    "the teachers' council held, all but one came ($CO)"
PA=$(printf '%s\n' "$T_OUT" | awk -F'\t' '$4 == "parents"' | cut -f8-10)
is "$PA" "$(printf '30\t30\t23')" "the parents' meeting: 23 of 30 parents came"
N list attendance --by class --class 7Б
is "$(printf '%s\n' "$T_OUT" | sed 1d | cut -f1,3-6)" \
    "$(printf '7Б\t9\t8\t1\t0')" "attendance by class: 7Б 8 present, 1 absent of 9"

# ---- the pairs' meetings: past ones marked, future ones planned ----
N list meetings --pairs --to 2025-11-19
P=$(rows "$T_OUT")
ok "$([ "$P" -ge 30 ]; echo $?)" "the pairs have met before today ($P meetings)"
is "$(printf '%s\n' "$T_OUT" | sed 1d | awk -F'\t' '$9 != $8' | grep -c .)" 0 \
    "... and every one of those is marked"
N list meetings --pairs --from $TODAY
is "$(printf '%s\n' "$T_OUT" | sed 1d | awk -F'\t' '$5 != "planned"' | grep -c .)" 0 \
    "... those from today on are planned"

# ---- the demo teacher ----
N user list
is "$(where 1 ivanova | cut -f2,5)" "$(printf 'teacher\t7Б')" \
    "the demo teacher ivanova, class teacher of 7Б"
IV=$(where 1 ivanova | cut -f4)
N list pairs --person "$IV"
is "$(rows "$T_OUT")" 2 "... mentors a young colleague and a ninth-former"
if [ -x "$NASTAVNIK_T" ]; then
	T_OUT=$(NASTAVNIK_TEST_LOGIN=ivanova "$NASTAVNIK_T" -f "$DB" \
	    --today $TODAY list meetings --from 2025-11-17 --to 2025-11-23)
	is "$(printf '%s\n' "$T_OUT" | sed 1d | cut -f4 | sort | tr '\n' ' ')" \
	    "class-hour working " \
	    "her meetings this week: 7Б's class hour and her pair's"
	like "$(printf '%s\n' "$T_OUT" | grep working)" "Иванова" \
	    "... the pair where she mentors"
else
	skip 1 "tests/nastavnik-t is not built"
fi

# ---- monitoring: answers before and after give satisfaction and change ----
N list indicators
IND=$T_OUT
# the value of indicator $1
val() { printf '%s\n' "$IND" | awk -F'\t' -v c="$1" '$1 == c { print $3 }'; }
# is $1 a figure from $2 to $3?
within() { awk -v v="$1" -v lo="$2" -v hi="$3" \
    'BEGIN { exit !(v != "" && v + 0 >= lo && v + 0 <= hi) }'; }
SM=$(val satisfaction-mentee)
SR=$(val satisfaction-mentor)
ok "$(within "$SM" 70 85; echo $?)" "mentees' satisfaction is realistic ($SM %)"
ok "$(within "$SR" 70 85; echo $?)" "mentors' satisfaction is realistic ($SR %)"
NCH=$(printf '%s\n' "$IND" | cut -f1 | grep -c '^change-')
is "$NCH" 10 "a change for each of the 5 scale questions of mentees and mentors"
ok "$(within "$(val change-mentee-4)" 0.1 9; echo $?)" \
    "mentees feel surer of themselves after than before ($(val change-mentee-4))"
N indicator show satisfaction-mentee
like "$T_OUT" "questionnaires)" "... satisfaction counted from the questionnaires"
if command -v sqlite3 >/dev/null 2>&1; then
	Q() { sqlite3 -separator '	' "$DB" "$1"; }
	# every scale answer "after" of this school year, as % of the top of 10
	sat() { Q "SELECT avg(a.value * 10.0) FROM response r JOIN
	    questionnaire qn ON qn.id = r.questionnaire_id JOIN answer a ON
	    a.response_id = r.id JOIN question qu ON qu.id = a.question_id
	    WHERE qn.code = '$1' AND r.stage = 'after' AND r.date BETWEEN
	    '2025-09-01' AND '$TODAY' AND qu.type = 'scale10'" |
	    awk '{ printf "%.1f", $1 }'; }
	is "$SM" "$(sat mentee)" "... the mean of the mentees' answers after, x 10"
	is "$SR" "$(sat mentor)" "... the mean of the mentors' answers after, x 10"
	# after minus before, person by person, for each scale question
	CH=$(Q "SELECT 'change-' || qn.code || '-' || qu.pos, avg(aa.value -
	    ab.value), count(*) FROM response ra JOIN questionnaire qn ON qn.id =
	    ra.questionnaire_id JOIN response rb ON rb.questionnaire_id =
	    qn.id AND rb.person_id = ra.person_id AND rb.stage = 'before' JOIN
	    question qu ON qu.questionnaire_id = qn.id AND qu.type = 'scale10'
	    JOIN answer aa ON aa.response_id = ra.id AND aa.question_id = qu.id
	    JOIN answer ab ON ab.response_id = rb.id AND ab.question_id = qu.id
	    WHERE ra.stage = 'after' AND ra.date BETWEEN '2025-09-01' AND
	    '$TODAY' GROUP BY qu.id ORDER BY qn.code, qu.pos")
	# the list shows a change to a tenth (a whole one without ".0")
	is "$(printf '%s\n' "$IND" | awk -F'\t' '$1 ~ /^change-/ { print $1 "\t" $3 }')" \
	    "$(printf '%s\n' "$CH" | awk -F'\t' '{ if ($2 == int($2))
	    printf "%s\t%.0f\n", $1, $2; else printf "%s\t%.1f\n", $1, $2 }')" \
	    "each change is after minus before, person by person"
	N indicator show change-mentee-4
	like "$T_OUT" "$(printf '%s\n' "$CH" | awk -F'\t' \
	    '$1 == "change-mentee-4" { printf "Value: %.1f (%d people)", $2, $3 }')" \
	    "... shown to a tenth, with how many answered both"
	is "$(Q "SELECT count(*) FROM response WHERE date > '$TODAY'")" 0 \
	    "no answer is dated after today"
	is "$(Q "SELECT count(*) FROM response r JOIN questionnaire qn ON
	    qn.id = r.questionnaire_id WHERE r.stage = 'after' AND
	    r.school_year = '2024-2025'")" 2 \
	    "the completed pair answered after, last school year"
	ok "$([ "$(Q "SELECT count(*) FROM response WHERE stage = 'q1'")" -ge 5 ]; echo $?)" \
	    "some mentors and mentees did the first quarter's diagnostics"
else
	skip 7 "sqlite3 is not installed"
fi

# ---- the same seed and day, the same school ----
DB2="$T_TMP/demo2.db"
"$NASTAVNIK" -f "$DB2" --today $TODAY init --demo >/dev/null
A=$("$NASTAVNIK" -f "$DB" --today $TODAY list pairs)
B=$("$NASTAVNIK" -f "$DB2" --today $TODAY list pairs)
is "$B" "$A" "the demo is the same each time for a seed and a day"
A=$("$NASTAVNIK" -f "$DB" --today $TODAY list indicators)
B=$("$NASTAVNIK" -f "$DB2" --today $TODAY list indicators)
is "$B" "$A" "... and so are its answers"

# ---- early in September: still whole ----
DB3="$T_TMP/demo3.db"
run -f "$DB3" --today 2025-09-02 init --demo
is "$T_RC" 0 "a demo made on 2 September works too"
run -f "$DB3" --today 2025-09-02 list indicators
is "$(printf '%s\n' "$T_OUT" | awk -F'\t' '$1 ~ /^satisfaction-/ { print $3 }' | tr '\n' .)" \
    ".." "... with no answers after the programme yet"

# ---- who a count by form counts, their role in words ----
B=$(LANGUAGE=ru "$NASTAVNIK" -f "$DB" --today $TODAY indicator behind \
    form-teacher-teacher)
like "$B" "	наставляемый" "a count by form lists its mentees in words"
like "$B" "	наставник" "... and its mentors"

# ---- in the summer holidays: the live pairs run into the autumn ----
DB4="$T_TMP/demo4.db"
run -f "$DB4" --today 2026-08-20 init --demo
is "$T_RC" 0 "a demo made on 20 August works too"
run -f "$DB4" --today 2026-08-20 list pairs --status live
is "$(printf '%s\n' "$T_OUT" | awk -F'\t' 'NR > 1 && $8 <= $7' | wc -l)" 0 \
    "... every live pair ends after it starts"

plan "$T_N"
done_testing
