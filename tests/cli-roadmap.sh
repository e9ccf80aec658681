#!/bin/sh
# cli-roadmap.sh: the roadmap from the shell: templates, list, overdue, done, import in both encodings.
. "${top_srcdir:-.}/tests/lib.sh"

export LANG=C.UTF-8 LANGUAGE=
: "${NASTAVNIK_DATADIR:=$top_srcdir/data}"
export NASTAVNIK_DATADIR

DB="$T_TMP/r.db"
D="$top_srcdir/tests/data"
N() { run -f "$DB" --today 2025-11-22 "$@"; }
rows() { printf '%s\n' "$T_OUT" | sed 1d | grep -c .; }
field() {	# field NUMBER COLUMN: a column of the item so numbered
	printf '%s\n' "$T_OUT" | awk -F '\t' -v n="$1" -v c="$2" '$2 == n { print $c; exit }'
}

"$NASTAVNIK" -f "$DB" init >/dev/null || diag "init failed"

# ---- no roadmap yet ----
N list roadmap
is "$T_RC" 1 "list roadmap without a roadmap fails"
like "$T_ERR" "roadmap new" "... saying how to make one"

N roadmap templates
is "$T_RC" 0 "roadmap templates"
like "$T_OUT" "pupils-teachers" "... lists the pupils-teachers template"
like "$T_OUT" "teachers	" "... and the teachers' one"

# ---- new from a template ----
N roadmap new --template pupils-teachers
is "$T_RC" 0 "roadmap new --template pupils-teachers"
is "$T_OUT" "1" "... prints its id"
N roadmap new --template teachers --year 2024-2025 --title "Педагоги 2024"
is "$T_OUT" "2" "a second one from the teachers' template"
N roadmap current
is "$T_OUT" "1" "... the first stays current"
N roadmap list
like "$T_OUT" "id	title	year	current	progress" "roadmap list has a header"
like "$T_OUT" "2	Педагоги 2024	2024-2025	0	0" "... and the second roadmap"
N roadmap new --template nosuch
is "$T_RC" 1 "an unknown template fails"
like "$T_ERR" "nosuch" "... naming it"
N roadmap new
is "$T_RC" 2 "roadmap new without --template is bad usage"
N roadmap new --template teachers --year 2025
is "$T_RC" 2 "a bad --year is bad usage"

# ---- list roadmap ----
N list roadmap
is "$T_RC" 0 "list roadmap"
is "$(printf '%s\n' "$T_OUT" | head -1)" \
    "$(printf 'section\tnumber\titem\tdeadline\tdue\tkind\tstatus\toverdue')" \
    "... the header is exact"
is "$(field 1.1 5)" "2025-09-01" "... «до 1 сентября» is due 2025-09-01"
is "$(field 1.1 6)" "date" "... a date"
is "$(field 1.1 8)" "1" "... overdue on 22.11.2025"
is "$(field 6.5 6)" "recurring" "«1 раз в квартал» recurs"
is "$(field 4.5 6)" "on-request" "«по запросу» is on request"
is "$(field 2.7 6)" "ongoing" "«постоянно» is ongoing"
is "$(field 2.7 5)" "" "... with no due date"
all=$(rows)

run -f "$DB" --today 2025-09-01 list roadmap --overdue
is "$(rows)" 0 "nothing is overdue on 01.09"
run -f "$DB" --today 2025-09-02 list roadmap --overdue
is "$(rows)" 2 "two items overdue on 02.09 (due 01.09)"
N list roadmap --overdue
over=$(rows)
ok "$([ "$over" -gt 3 ] && [ "$over" -lt "$all" ]; echo $?)" \
    "more on 22.11 ($over of $all)"
unlike "$(printf '%s\n' "$T_OUT" | cut -f8 | sed 1d | sort -u)" "0" \
    "... every one marked overdue"

# ---- done ----
N roadmap done 1.1 --date 01.09.2025 --evidence "приказ № 45 от 01.09.2025"
is "$T_RC" 0 "roadmap done 1.1 with a date and evidence"
N list roadmap
is "$(field 1.1 7)" "done" "... it is done"
is "$(field 1.1 8)" "0" "... and no longer overdue"
N list roadmap --overdue
is "$(rows)" $((over - 1)) "... one fewer overdue"
N roadmap done 1.2
is "$T_RC" 0 "done without a date: today"
N roadmap done 1.3 --date 01.01.2099
is "$T_RC" 1 "a date in the future is refused"
like "$T_ERR" "01.01.2099" "... quoting it"
N roadmap done 9.9
is "$T_RC" 1 "an item that does not exist"
like "$T_ERR" "9.9" "... is named"
N roadmap done
is "$T_RC" 2 "done without a number is bad usage"
like "$T_ERR" "Try 'nastavnik help roadmap'." "... pointing to the help"
N roadmap done 1.3 --date 31.02.2025
is "$T_RC" 2 "an impossible date is bad usage"
N roadmap status 1.3 cancelled
is "$T_RC" 0 "roadmap status 1.3 cancelled"
N list roadmap
is "$(field 1.3 7)" "cancelled" "... cancelled"
is "$(field 1.3 8)" "0" "... and not overdue"
N roadmap status 1.3 maybe
is "$T_RC" 2 "an unknown status is bad usage"
N roadmap done 1.1 --roadmap 2
is "$T_RC" 0 "done in another roadmap with --roadmap"
N list roadmap --roadmap 2
is "$(field 1.1 7)" "done" "... it is done there"
N list roadmap
is "$(field 1.1 5)" "2025-09-01" "the current one is listed by default"
N list roadmap --roadmap 7
is "$T_RC" 1 "no roadmap 7"
N list roadmap --roadmap x
is "$T_RC" 2 "--roadmap x is bad usage"
N list roadmap --bogus
is "$T_RC" 2 "an unknown option is bad usage"
N list roadmap --all
is "$(rows)" $((all + $(grep -c '^[0-9]*\.[0-9]' "$NASTAVNIK_DATADIR/roadmap-teachers.csv"))) \
    "--all lists both roadmaps"
N roadmap current 2
is "$T_RC" 0 "roadmap current 2"
N roadmap current
is "$T_OUT" "2" "... it is current"

run -R -f "$DB" --today 2025-11-22 roadmap done 1.4
is "$T_RC" 1 "done under --read-only fails"

# ---- import ----
N import roadmap "$D/roadmap-school.csv" --year 2023-2024 --title "Карта МАДОУ"
is "$T_RC" 0 "import roadmap (UTF-8, headings, №)"
like "$T_OUT" "3 sections, 10 items, 1 deadline to check" "... says what it read"
like "$T_OUT" "line 10" "... and which deadline to check"
id=$(printf '%s\n' "$T_OUT" | sed -n 's/^Imported roadmap \([0-9]*\) .*/\1/p')
N list roadmap --roadmap "$id"
is "$(rows)" 10 "... ten items listed"
is "$(field 2.4 6)" "unparsed" "... the one not understood is flagged"
is "$(field 2.4 4)" "в течение первого месяца" "... its text kept"
is "$(field 1.2 5)" "2023-08-30" "... a deadline with a note in brackets"
like "$(field 2.2 3)" '"Наставничество в школе"' "... quotes inside a field"

iconv -f UTF-8 -t CP1251 "$D/roadmap-stages.csv" >"$T_TMP/stages-1251.csv"
N import roadmap "$T_TMP/stages-1251.csv" --year 2023-2024
is "$T_RC" 0 "import roadmap in CP1251 (detected), a stage column, commas"
like "$T_OUT" "3 sections, 6 items, every deadline understood" "... all read"
id=$(printf '%s\n' "$T_OUT" | sed -n 's/^Imported roadmap \([0-9]*\) .*/\1/p')
N list roadmap --roadmap "$id"
is "$(field 2.2 3)" "Согласия на обработку персональных данных" \
    "... Cyrillic read right, items numbered by stage"
is "$(field 1.1 1)" "Подготовка условий" "... the stage is the section"
N import roadmap "$D/roadmap-stages.csv" --encoding cp1251 --dry-run
is "$T_RC" 1 "a UTF-8 file read as CP1251 finds no header"
like "$T_ERR" "--encoding" "... and suggests --encoding"

N roadmap list
before=$(rows)
N import roadmap "$D/roadmap-school.csv" --dry-run
is "$T_RC" 0 "import --dry-run"
like "$T_OUT" "nothing was changed" "... says so"
N roadmap list
is "$(rows)" "$before" "... and adds no roadmap"

N import roadmap "$D/roadmap-broken.csv"
is "$T_RC" 1 "a broken table fails"
like "$T_ERR" "line 4" "... naming the line"
N roadmap list
is "$(rows)" "$before" "... and imports nothing"

N import roadmap "$T_TMP/none.csv"
is "$T_RC" 1 "a missing file fails with 1"
like "$T_ERR" "none.csv" "... naming it"
N import roadmap
is "$T_RC" 2 "import roadmap without a file is bad usage"
N import roadmap "$D/roadmap-school.csv" --year 2023
is "$T_RC" 2 "a bad --year is bad usage"
N import roadmap "$D/roadmap-school.csv" --encoding koi8
is "$T_RC" 2 "an unknown encoding is bad usage"
N import roadmap "$D/roadmap-school.csv" --delimiter '|'
is "$T_RC" 2 "an unknown delimiter is bad usage"

# ---- Russian ----
LANGUAGE=ru N roadmap done 9.9
like "$T_ERR" "9.9" "the Russian message names the item"

N help roadmap
is "$T_RC" 0 "help roadmap"
like "$T_OUT" "roadmap done NUMBER" "... shows done"

plan "$T_N"
done_testing
