#!/bin/sh
# cli-pair.sh: pairs from the shell: add with the rules and overrides, show, edit, status, delete, lists, matching.
. "${top_srcdir:-.}/tests/lib.sh"

export LANG=C.UTF-8 LANGUAGE=
export NASTAVNIK_TODAY=2025-11-22

DB="$T_TMP/p.db"
"$NASTAVNIK" -f "$DB" init --school 'МБОУ СОШ № 5' >/dev/null || diag "init failed"

rows() { printf '%s\n' "$T_OUT" | sed 1d | grep -c .; }
add() {	# add LAST FIRST CATEGORY [OPTION]...: the new id in $ID
	_l=$1 _f=$2 _c=$3
	shift 3
	ID=$("$NASTAVNIK" -f "$DB" person add --last "$_l" --first "$_f" \
	    --category "$_c" "$@")
}

add Орлова Мария teacher --patronymic Петровна --mentor \
    --competencies 'подготовка к олимпиадам по математике'
OR=$ID
add Белова Нина teacher --mentor --competencies 'биология, экология'
BE=$ID
add Сидоров Пётр pupil --birth 01.02.2012 --class 7Б --mentee \
    --request 'математика, олимпиады'
SI=$ID
add Зайцев Лев pupil --birth 03.04.2012 --class 7Б --mentee \
    --request 'чтение'
ZA=$ID
add Котова Ая young-specialist
KO=$ID
"$NASTAVNIK" -f "$DB" consent add "$SI" --kind pd --date 01.09.2025 \
    --by-representative 'Сидорова Анна' --relation мать >/dev/null

P_HEADER=$(printf 'id\tform\tkind\tstatus\tmentors\tmentees\tfrom\tto\torder\tplan_done\tplan_total')
U_HEADER=$(printf 'id\tname\tcategory\tclass\trequest\tsince\tdays')
M_HEADER=$(printf 'mentor_id\tname\tscore\tfree\thours\twhy')

# ---- help and usage ----
run help pair
is "$T_RC" 0 "help pair"
for w in "pair add" "pair show" "pair edit" "pair status" "pair delete" \
    "--over-capacity" "--no-consent-ok" "--form"; do
	like "$T_OUT" "$w" "help pair shows $w"
done
run --help
like "$T_OUT" "  pair " "--help lists pair"
like "$T_OUT" "  match " "--help lists match"
run pair
is "$T_RC" 2 "pair without an action is bad usage"
run -f "$DB" pair add --mentor "$OR" --mentee "$SI"
is "$T_RC" 2 "pair add without --form is bad usage"
like "$T_ERR" "--form are required" "... saying what is missing"
run -f "$DB" pair add --mentor "$OR" --mentee "$SI" --form teacher-parent
is "$T_RC" 2 "an unknown form is bad usage"
like "$T_ERR" "teacher-pupil" "... listing the forms"
run -f "$DB" pair status 1 finished
is "$T_RC" 2 "an unknown status is bad usage"

# ---- unpaired before pairing ----
run -f "$DB" list unpaired
is "$T_RC" 0 "list unpaired"
is "$(printf '%s\n' "$T_OUT" | head -1)" "$U_HEADER" "... with its header"
is "$(rows)" 2 "... both mentees waiting"
like "$T_OUT" "$(printf '%s\tСидоров Пётр\tpupil\t7Б\tматематика, олимпиады\t2025-11-22\t0' "$SI")" \
    "... Сидоров since today, 0 days"

# ---- matching ----
run -f "$DB" match "$SI"
is "$T_RC" 0 "match"
is "$(printf '%s\n' "$T_OUT" | head -1)" "$M_HEADER" "... with its header"
is "$(printf '%s\n' "$T_OUT" | sed -n 2p | cut -f1,2)" \
    "$(printf '%s\tОрлова М. П.' "$OR")" "... Орлова first"
like "$(printf '%s\n' "$T_OUT" | sed -n 2p)" "matched: математика, олимпиады" \
    "... because both words match whatever their endings"
like "$T_OUT" "Белова Н." "... Белова listed too"
run -f "$DB" match "$SI" --max 1
is "$(rows)" 1 "--max 1"
run -f "$DB" match "$SI" --form teacher-teacher
is "$T_RC" 1 "a pupil in teacher-teacher: no mentors"
like "$T_ERR" "cannot be a mentee" "... saying why"
run -f "$DB" match "$SI" --max 0
is "$T_RC" 2 "--max 0 is bad usage"

# ---- the rules ----
run -f "$DB" pair add --mentor "$OR" --mentee "$OR" --form teacher-teacher
is "$T_RC" 1 "nobody mentors themselves"
like "$T_ERR" "Орлова М. П. cannot mentor themselves" "... named"
run -f "$DB" pair add --mentor "$OR" --mentee "$SI" --form pupil-pupil
is "$T_RC" 1 "a teacher in pupil-pupil is refused"
like "$T_ERR" "cannot be a mentor in the form" "... saying why"
run -f "$DB" pair add --mentor "$BE" --mentee "$ZA" --form teacher-pupil
is "$T_RC" 1 "a pupil without a consent: a warning, exit 1"
like "$T_ERR" "Зайцев Л. is a pupil without a valid consent" "... naming him"
like "$T_ERR" "--no-consent-ok" "... and how to save anyway"
run -f "$DB" list pairs
is "$(rows)" 0 "... nothing saved"
run -f "$DB" pair add --mentor "$BE" --mentee "$ZA" --form teacher-pupil \
    --no-consent-ok --kind traditional --from 01.10.2025 \
    --order '45 от 01.09.2025' --goal 'читать с удовольствием'
is "$T_RC" 0 "with --no-consent-ok: saved"
P1=$T_OUT
is "$P1" 1 "... printing its number"
run -f "$DB" pair add --mentor "$OR" --mentee "$SI" --form teacher-pupil \
    --status active
is "$T_RC" 0 "a pupil with a consent: no warning"
P2=$T_OUT

if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 "$DB" "UPDATE mentor SET capacity = 1 WHERE person_id = $OR"
	run -f "$DB" pair add --mentor "$OR" --mentee "$ZA" --form teacher-pupil \
	    --no-consent-ok
	is "$T_RC" 1 "over the mentor's capacity: a warning"
	like "$T_ERR" "can take 1 mentee and has 1 now; with this pair it would be 2" \
	    "... with the figures"
	like "$T_ERR" "--over-capacity" "... and how to save anyway"
	run -f "$DB" pair add --mentor "$OR" --mentee "$ZA" --form teacher-pupil \
	    --no-consent-ok --over-capacity
	is "$T_RC" 0 "with --over-capacity: saved"
	"$NASTAVNIK" -f "$DB" pair delete "$T_OUT"
else
	skip 4 "sqlite3 is not installed"
fi

# ---- show, lists ----
run -f "$DB" pair show "$P1"
is "$T_RC" 0 "pair show"
like "$T_OUT" "Pair no. $P1" "... titled"
like "$T_OUT" "teacher – pupil" "... the form"
like "$T_OUT" "Белова Н. (no. $BE, teacher)" "... the mentor"
like "$T_OUT" "Зайцев Л. (no. $ZA, pupil, 7Б)" "... the mentee"
like "$T_OUT" "01.10.2025" "... the start"
like "$T_OUT" "01.09.2025" "... the order's date"
run -f "$DB" list pairs
is "$(printf '%s\n' "$T_OUT" | head -1)" "$P_HEADER" "list pairs header"
is "$(printf '%s\n' "$T_OUT" | sed -n 2p)" \
    "$(printf '1\tteacher-pupil\ttraditional\tforming\tБелова Н.\tЗайцев Л.\t2025-10-01\t\t45\t0\t0')" \
    "... the first pair's row"
run -f "$DB" list pairs --status active
is "$(rows)" 1 "--status active"
run -f "$DB" list pairs --status live --person "$BE"
is "$(rows)" 1 "--status live --person"
run -f "$DB" list pairs --form pupil-pupil
is "$(rows)" 0 "--form pupil-pupil: none"
run -f "$DB" list unpaired
is "$(rows)" 0 "nobody unpaired now"

# ---- edit, status, delete ----
run -f "$DB" pair edit "$P1" --goal 'читать каждый день' --add-mentor "$OR" \
    --over-capacity
is "$T_RC" 0 "pair edit"
run -f "$DB" pair show "$P1"
like "$T_OUT" "читать каждый день" "... the goal changed"
like "$T_OUT" "Орлова М. П." "... a second mentor"
run -f "$DB" pair edit "$P1" --remove "$OR"
is "$T_RC" 0 "pair edit --remove"
run -f "$DB" pair show "$P1"
unlike "$T_OUT" "Орлова" "... the second mentor gone"
run -f "$DB" pair status "$P1" completed --date 15.11.2025 --result 'читает сам'
is "$T_RC" 0 "pair status completed"
run -f "$DB" list pairs --status completed
like "$T_OUT" "2025-11-15" "... the end date"
run -f "$DB" list unpaired
like "$T_OUT" "$(printf '%s\tЗайцев Лев\tpupil\t7Б\tчтение\t2025-11-15\t7' "$ZA")" \
    "Зайцев unpaired again, 7 days since the pair ended"
run -f "$DB" pair status "$P1" completed
is "$T_RC" 1 "completing twice is refused"
run -f "$DB" pair delete "$P2"
is "$T_RC" 0 "a pair entered by mistake is deleted"
run -f "$DB" pair delete "$P2"
is "$T_RC" 1 "... once"
like "$T_ERR" "not in the database" "... then it is not there"
run -R -f "$DB" pair delete "$P1"
is "$T_RC" 1 "nothing is deleted read-only"

plan "$T_N"
done_testing
