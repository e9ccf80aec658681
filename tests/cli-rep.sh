#!/bin/sh
# cli-rep.sh: legal representatives of pupils from the shell: rep list, add, edit, delete.
. "${top_srcdir:-.}/tests/lib.sh"

export LANG=C.UTF-8 LANGUAGE=
export NASTAVNIK_TODAY=2025-11-22

DB="$T_TMP/r.db"
"$NASTAVNIK" -f "$DB" init >/dev/null || diag "init failed"
IV=$("$NASTAVNIK" -f "$DB" person add --last Иванов --first Иван \
    --category pupil --class 9А --birth 15.03.2010)
OR=$("$NASTAVNIK" -f "$DB" person add --last Орлова --first Мария \
    --category teacher)
HEADER=$(printf 'id\tperson\tname\trelation\tphone')
rows() { printf '%s\n' "$T_OUT" | sed 1d | grep -c .; }

# ---- help and usage ----
run help rep
is "$T_RC" 0 "help rep"
for w in "rep list" "rep add" "rep edit" "rep delete" "--relation"; do
	like "$T_OUT" "$w" "help rep shows $w"
done
like "$T_OUT" "guardian" "... and names the usual relations"
run --help
like "$T_OUT" "  rep " "--help lists rep"
run -f "$DB" rep
is "$T_RC" 2 "rep without an action is bad usage"
run -f "$DB" rep frob
is "$T_RC" 2 "an unknown action is bad usage"
run -f "$DB" rep list
is "$T_RC" 2 "rep list without a number is bad usage"
run -f "$DB" rep list abc
is "$T_RC" 2 "rep list with a non-number is bad usage"
run -f "$DB" rep add "$IV" --relation мать
is "$T_RC" 2 "rep add without --name is bad usage"
like "$T_ERR" "--name" "... naming --name"
run -f "$DB" rep add "$IV" --name 'Иванова Ольга'
is "$T_RC" 2 "rep add without --relation is bad usage"
run -f "$DB" rep add --name 'Иванова Ольга' --relation мать
is "$T_RC" 2 "rep add without the pupil's number is bad usage"
run -f "$DB" rep add "$IV" --name X --relation мать --colour red
is "$T_RC" 2 "an unknown option is bad usage"

# ---- an empty list, then add ----
run -f "$DB" rep list "$IV"
is "$T_RC" 0 "rep list of a pupil with none"
is "$T_OUT" "$HEADER" "... prints just the header"

run -f "$DB" rep add "$IV" --name ' Иванова Ольга Сергеевна ' \
    --relation мать --phone '+7 912 345-67-89'
is "$T_RC" 0 "rep add"
R1=$T_OUT
case $R1 in ''|*[!0-9]*) ok 1 "... prints the new id (got '$R1')" ;;
*) ok 0 "... prints the new id" ;; esac
run -f "$DB" rep add "$IV" --name 'Иванов Пётр Иванович' --relation отец
is "$T_RC" 0 "a second one without a phone"
R2=$T_OUT

run -f "$DB" rep list "$IV"
is "$T_RC" 0 "rep list"
is "$(printf '%s\n' "$T_OUT" | sed -n 1p)" "$HEADER" "... the header line"
is "$(printf '%s\n' "$T_OUT" | sed -n 2p)" \
    "$(printf '%s\t%s\tИванова Ольга Сергеевна\tмать\t+7 912 345-67-89' "$R1" "$IV")" \
    "... the first, trimmed, in the order recorded"
is "$(printf '%s\n' "$T_OUT" | sed -n 3p)" \
    "$(printf '%s\t%s\tИванов Пётр Иванович\tотец\t' "$R2" "$IV")" \
    "... the second with an empty phone"

run -f "$DB" person show "$IV"
like "$T_OUT" "Иванова Ольга Сергеевна, мать, +7 912 345-67-89" \
    "person show lists the representative"

# ---- refusals ----
run -f "$DB" rep add 999 --name 'Кто-то' --relation мать
is "$T_RC" 1 "a missing participant: exit 1"
like "$T_ERR" "999" "... naming the number"
run -f "$DB" rep list 999
is "$T_RC" 1 "rep list of a missing participant: exit 1"
run -f "$DB" rep add "$OR" --name 'Орлов Пётр' --relation муж
is "$T_RC" 1 "a teacher has no legal representatives"
like "$T_ERR" "Орлова М." "... naming the participant"
like "$T_ERR" "pupils only" "... and why"
run -f "$DB" rep add "$IV" --name "$(printf 'Ива\033[2Jнова')" --relation мать
is "$T_RC" 1 "an escape sequence in the name is refused"
like "$T_ERR" "control character" "... as a control character"
unlike "$T_ERR" "$(printf '\033')" "... and not echoed raw"
run -f "$DB" rep add "$IV" --name 'Иванова' --relation "$(printf 'ма\tть')"
is "$T_RC" 1 "a tab in the relation is refused"
run -f "$DB" rep add "$IV" --name 'Иванова 2' --relation мать
is "$T_RC" 1 "a digit in the name is refused"
like "$T_ERR" "letters" "... saying names are letters"
run -f "$DB" rep add "$IV" --name 'Иванова' --relation мать --phone 'звоните'
is "$T_RC" 1 "a phone that is not one is refused"
like "$T_ERR" "phone" "... saying so"
run -f "$DB" rep list "$IV"
is "$(rows)" 2 "nothing refused was saved"

# ---- edit ----
run -f "$DB" rep edit "$R2" --phone '8 (3452) 12-34-56'
is "$T_RC" 0 "rep edit --phone"
run -f "$DB" rep list "$IV"
like "$T_OUT" "$(printf 'Иванов Пётр Иванович\tотец\t8 (3452) 12-34-56')" \
    "... changes only the phone"
run -f "$DB" rep edit "$R2" --relation ''
is "$T_RC" 0 "an empty value clears a field"
run -f "$DB" rep list "$IV"
like "$T_OUT" "$(printf 'Иванов Пётр Иванович\t\t8 (3452)')" "... the relation is empty"
run -f "$DB" rep edit "$R2" --name ''
is "$T_RC" 1 "the name cannot be cleared"
run -f "$DB" rep edit 999 --name 'Кто-то'
is "$T_RC" 1 "editing a missing representative: exit 1"

# ---- read-only ----
run -f "$DB" -R rep add "$IV" --name 'Сидорова Анна' --relation бабушка
is "$T_RC" 1 "rep add is refused in read-only mode"
run -f "$DB" -R rep list "$IV"
is "$T_RC" 0 "rep list works in read-only mode"

# ---- delete ----
run -f "$DB" rep delete "$R1"
is "$T_RC" 0 "rep delete"
is "$T_OUT" "" "... silently"
run -f "$DB" rep list "$IV"
is "$(rows)" 1 "... one is left"
unlike "$T_OUT" "Ольга" "... not the deleted one"
run -f "$DB" rep delete "$R1"
is "$T_RC" 1 "deleting it again: exit 1"
like "$T_ERR" "already been deleted" "... saying it is gone"
run -f "$DB" rep delete x
is "$T_RC" 2 "rep delete with a non-number is bad usage"

plan "$T_N"
done_testing
