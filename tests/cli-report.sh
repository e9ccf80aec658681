#!/bin/sh
# cli-report.sh: "nastavnik report": every report on the demo school, widths, pages, encodings, files.
. "${top_srcdir:-.}/tests/lib.sh"

export LANG=C.UTF-8 LANGUAGE=
TODAY=2025-11-20
DB="$T_TMP/demo.db"
N() { run -f "$DB" --today $TODAY "$@"; }
# widest: the widest line of a file in columns (form feeds end lines)
widest() { tr '\f' '\n' < "$1" | LC_ALL=C.UTF-8 wc -L | tr -d ' '; }
# longest: the most lines between two form feeds
longest() { awk 'BEGIN { RS = "\f" } { n = gsub(/\n/, "&"); if (n > m) m = n } END { print m + 0 }' "$1"; }

N init --demo --school 'МБОУ СОШ 5 г. Энска'
is "$T_RC" 0 "init --demo"

# ---- help and the list ----
run help report
is "$T_RC" 0 "help report"
for w in --width --page-length --encoding --month --class --list; do
	like "$T_OUT" "$w" "help report shows $w"
done
N report --list
is "$T_RC" 0 "report --list"
is "$(printf '%s\n' "$T_OUT" | grep -c .)" 11 "... names 11 reports"
for r in roadmap participants mentees mentors consents pairs agreement \
    plan plans attendance summary; do
	is "$(printf '%s\n' "$T_OUT" | awk -F'\t' -v r=$r '$1 == r && $2 != ""' | wc -l | tr -d ' ')" 1 \
	    "--list: $r with its line"
done

# ---- bad usage ----
N report
is "$T_RC" 2 "no report name is bad usage"
N report nosuch
is "$T_RC" 2 "an unknown report is bad usage"
like "$T_ERR" "report --list" "... pointing to --list"
N report roadmap --width 30
is "$T_RC" 2 "--width 30 is bad usage"
N report roadmap --page-length 10
is "$T_RC" 2 "--page-length 10 is bad usage"
N report roadmap --encoding latin1
is "$T_RC" 2 "an unknown encoding is bad usage"
N report agreement
is "$T_RC" 2 "agreement without a pair is bad usage"
N report attendance --month 2025-13
is "$T_RC" 2 "a month 13 is bad usage"
N report plan 9999
is "$T_RC" 1 "plan of a pair that is not there fails"

# ---- every report at 80 and 60 columns, pages of 66 and 0 ----
for r in roadmap participants mentees mentors consents pairs "agreement 3" \
    "plan 3" plans attendance summary; do
	for w in 80 60; do
		# shellcheck disable=SC2086
		N report $r --width $w -o "$T_TMP/r.txt" --force
		is "$T_RC" 0 "report $r --width $w"
		ok "$([ "$(widest "$T_TMP/r.txt")" -le $w ] && echo 0 || echo 1)" \
		    "... no line over $w columns ($(widest "$T_TMP/r.txt"))"
		ok "$([ "$(longest "$T_TMP/r.txt")" -le 66 ] && echo 0 || echo 1)" \
		    "... no page over 66 lines ($(longest "$T_TMP/r.txt"))"
	done
done
N report participants --page-length 30 -o "$T_TMP/p.txt"
is "$T_RC" 0 "participants in pages of 30"
ok "$([ "$(longest "$T_TMP/p.txt")" -le 30 ] && echo 0 || echo 1)" \
    "... none over 30 lines"
FF=$(tr -cd '\f' < "$T_TMP/p.txt" | wc -c | tr -d ' ')
is "$(grep -c 'page [0-9]* of ' "$T_TMP/p.txt")" $((FF + 1)) \
    "... a form feed between pages, the page number on each"
like "$(cat "$T_TMP/p.txt")" "page $((FF + 1)) of $((FF + 1))" "... the last one says so"
N report participants --page-length 0
ok "$(printf '%s' "$T_OUT" | tr -d '\n' | grep -c "$(printf '\f')" | sed 's/^0$/0/;s/^[1-9].*/1/')" \
    "--page-length 0: no form feed"

# ---- files: 0600, no silent overwrite ----
umask 022
N report summary -o "$T_TMP/s.txt"
is "$T_RC" 0 "-o writes a file"
is "$(stat -c %a "$T_TMP/s.txt")" 600 "... made 0600"
N report summary -o "$T_TMP/s.txt"
is "$T_RC" 1 "an existing file is not overwritten"
like "$T_ERR" "--force" "... unless --force"

# ---- figures ----
N report summary
like "$T_OUT" "146 of 170, 85 %" "summary: consent coverage 146 of 170"
like "$T_OUT" "Plans done to the target" "summary: plans"
N report pairs
like "$T_OUT" "Annex to the order" "pairs: the order's annex"
like "$(printf '%s\n' "$T_OUT" | grep '^Total' | tr -s ' ')" "Total 9 1 12" \
    "pairs: 9 pairs and a group, 12 mentees"
N report agreement 3
like "$T_OUT" "Mentoring agreement No. 3" "agreement: its number"
is "$(printf '%s\n' "$T_OUT" | grep -c '(signature)')" 3 "... three lines to sign"
N report roadmap
like "$T_OUT" "OVERDUE" "roadmap: overdue items marked"
like "$(printf '%s\n' "$T_OUT" | tr '\n' ' ')" "Done: 21, that is 37 %; the target is 100 %" \
    "roadmap: the share done (21 of 56) against 100 %"
N report attendance --class 7А
is "$T_RC" 0 "attendance of one class"
like "$T_OUT" "By person" "... by person"

# ---- encodings ----
N report participants -o "$T_TMP/u.txt"
for e in cp866 cp1251 koi8-r; do
	N report participants --encoding $e -o "$T_TMP/e.txt" --force
	is "$T_RC" 0 "participants in $e"
	iconv -f "$e" -t utf-8 < "$T_TMP/e.txt" > "$T_TMP/back.txt"
	# what the code page lacks comes as the ASCII a typist would use
	case $e in
	cp1251)	cp "$T_TMP/u.txt" "$T_TMP/want.txt" ;;
	*)	sed 's/«/"/g; s/»/"/g; s/№/N/g' "$T_TMP/u.txt" > "$T_TMP/want.txt" ;;
	esac
	if cmp -s "$T_TMP/want.txt" "$T_TMP/back.txt"; then
		ok 0 "... comes back through iconv the same"
	else
		ok 1 "... comes back through iconv the same"
	fi
done
N report pairs --encoding koi8-r
is "$T_RC" 0 "pairs in koi8-r"
unlike "$T_ERR" "warning" "... its dashes and quotes become ASCII, nothing lost"

plan "$T_N"
done_testing
