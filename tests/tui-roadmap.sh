#!/bin/sh
# tui-roadmap.sh: the roadmap checklist in Russian at 80x24: progress, done with evidence, filters, vt100.
. "${top_srcdir:-.}/tests/lib.sh"

command -v "${TMUX_BIN:-tmux}" >/dev/null 2>&1 || skip_all "tmux is not installed"
has_locale ru_RU.UTF-8 || skip_all "the ru_RU.UTF-8 locale is missing"
# Until the lead merges po/fragments/roadmap-tui.po the screen speaks English.
grep -q '^msgid "Mark the item done with the date and the evidence."' \
    "$top_srcdir/po/ru.po" ||
    skip_all "the roadmap screen's Russian is not merged into po/ru.po yet"

TODAY=2026-11-22
DB="$T_TMP/school.db"
cli() { "$NASTAVNIK" -f "$DB" --today "$TODAY" "$@"; }
cli init --demo >/dev/null 2>&1 || { echo "Bail out! init --demo failed"; exit 1; }
cli list roadmap >"$T_TMP/rm.tsv" 2>&1 || { echo "Bail out! list roadmap failed"; exit 1; }

# The first item not done with a real date, and its line in the checklist
# (a heading before each section's items; the cursor starts on line 2).
eval "$(awk -F'\t' 'NR > 1 {
	if ($1 != sec) { sec = $1; line++ }
	line++
	if (!found && $6 == "date" && $7 == "todo") {
		found = 1
		printf "NUM=%s\nLINE=%d\n", $2, line
	}
	if ($7 != "cancelled") total++
	if ($7 == "done") done++
} END { printf "TOTAL=%d\nDONE=%d\n", total, done }' "$T_TMP/rm.tsv")"
[ -n "${NUM:-}" ] || { echo "Bail out! the demo roadmap has no item to do"; exit 1; }
OVERDUE=$(cli list roadmap --overdue | awk -F'\t' 'NR > 1 { print $2 }')

screen_attr() { "${TMUX_BIN:-tmux}" -L "$T_TMUX_SOCK" capture-pane -e -p; }
# selected TEXT: is the line holding TEXT drawn in reverse video (the cursor)?
selected() { screen_attr | grep -F -- "$1" | head -1 |
    grep -q "$(printf '\033')\[[0-9;]*7m"; }
wait_for() { tui_wait "$1"; ok $? "$2"; }
# item_line NUM: the checklist's line of an item ("![ ] 1.3   Разработать...").
item_line() { tui_screen | grep -E "^.\[.\] $1 " | head -1; }
# open_roadmap: from the main menu, the sixth entry.
open_roadmap() {
	tui_wait "Дорожная карта" >/dev/null
	tui_keys Down Down Down Down Down
	tui_keys Enter
}
down() {	# down N
	_i=0
	while [ "$_i" -lt "$1" ]; do
		tui_keys Down
		_i=$((_i + 1))
	done
}

T_TUI_ARGS="--today $TODAY"
tui_start "$DB" LANG=ru_RU.UTF-8 LANGUAGE= || skip_all "tmux could not start"

# ---- the checklist ----
open_roadmap
wait_for "Итого" "Дорожная карта opens the checklist with the overall progress"
S=$(tui_screen)
like "$S" "$DONE/$TOTAL" "... $DONE of $TOTAL items done, as the CLI counts"
like "$S" "1. Подготовка условий" "... the first section's heading"
like "$(echo "$S" | grep '^ 1. Подготовка')" "%" \
    "... with its own progress figure"
like "$S" "Мероприятие" "... the column Мероприятие"
like "$S" "Ответственный" "... and Ответственный"
like "$S" "2Готово" "... the key bar offers 2Готово"
like "$(item_line 1.1)" "[x]" "a done item is marked [x]"

# ---- mark an item done with evidence typed in Cyrillic ----
down $((LINE - 2))
tui_wait "$NUM " >/dev/null
selected "] $NUM "
ok $? "the cursor goes down to $NUM, not done"
like "$(item_line "$NUM")" "[ ]" "... marked [ ]"
tui_keys Space
wait_for "Выполнено: $NUM" "Space opens the done dialog for $NUM"
S=$(tui_screen)
like "$S" "Дата выполнения  22.11.2026" "... with today as the date"
like "$S" "Подтверждение" "... and a field for the evidence"
tui_keys Enter
tui_type "Протокол педсовета № 2 от 20.11.2026"
tui_keys Enter
wait_for "выполнен 22.11.2026" "Enter on the evidence saves: the status line says so"
like "$(item_line "$NUM")" "[x]" "... $NUM is now marked [x]"
like "$(tui_screen)" "$((DONE + 1))/$TOTAL" \
    "... and the overall progress moved to $((DONE + 1))/$TOTAL"
st=$(cli list roadmap | awk -F'\t' -v n="$NUM" '$2 == n { print $7 }')
is "$st" "done" "list roadmap says $NUM is done"
if command -v sqlite3 >/dev/null 2>&1; then
	is "$(sqlite3 "$DB" "SELECT done_date || ' ' || evidence FROM
	    roadmap_item WHERE number = '$NUM'")" \
	    "2026-11-22 Протокол педсовета № 2 от 20.11.2026" \
	    "... done on 22.11.2026 with the evidence as typed"
else
	skip 1 "sqlite3 is not installed"
fi

# ---- the card ----
tui_keys F3
wait_for "Понят как" "F3 shows the item's card with the deadline as understood"
like "$(tui_screen)" "Протокол педсовета № 2" "... and the evidence"
tui_keys Escape
wait_for "Итого" "Esc goes back to the checklist"

# ---- undo, after asking ----
tui_keys Space
wait_for "Вернуть его" "Space on a done item asks to set it back"
tui_type "н"
tui_wait_gone "Вернуть его" >/dev/null
like "$(item_line "$NUM")" "[x]" "answering н keeps it done"

# ---- another user's change shows by itself ----
OTHER=$(echo "$OVERDUE" | grep -vx "$NUM" | head -1)
cli roadmap done "$OTHER" --evidence "приказ № 9" >/dev/null 2>&1
wait_for "$((DONE + 2))/$TOTAL" "an item done on the command line moves the progress by itself"
like "$(item_line "$OTHER")" "[x]" "... and $OTHER shows [x]"

# ---- the overdue filter ----
cli roadmap status "$OTHER" todo >/dev/null 2>&1
tui_wait "$((DONE + 1))/$TOTAL" >/dev/null
tui_keys F5
wait_for "Просроченные на сегодня" "F5 offers the filters"
tui_keys Down Enter
wait_for "Фильтр: просроченные" "choosing Просроченные shows the filter above the list"
S=$(tui_screen)
items=$(echo "$S" | grep -cE '^.\[.\] ')
bang=$(echo "$S" | grep -cE '^!\[ \] ')
want=$(cli list roadmap --overdue | awk 'NR > 1' | wc -l)
is "$items" "$want" "... exactly the $want overdue items"
is "$bang" "$want" "... each marked ! and [ ]"
unlike "$S" "] $NUM " "... not $NUM, done"
if screen_attr | grep -F "![ ]" | grep -q "31m"; then
	ok 0 "... drawn in red"
else
	ok 1 "... drawn in red"
fi
tui_keys c
wait_for "Все пункты" "c clears the filter"

# ---- F1 help, generated from the actions ----
tui_keys F1
wait_for "Клавиши этого экрана" "F1 shows the help in Russian"
S=$(tui_screen)
like "$S" "F2, Esc 2, Пробел, x" "... the keys of marking done"
like "$S" "Отметить пункт выполненным" "... with what they do"
tui_keys q
wait_for "Итого" "q closes the help"
tui_keys F10
tui_wait "Главное меню" >/dev/null
"${TMUX_BIN:-tmux}" -L "$T_TMUX_SOCK" kill-server 2>/dev/null

# ---- a vt100, read-only ----
T_TUI_ARGS="--today $TODAY --read-only"
T_TERM=vt100 tui_start "$DB" LANG=ru_RU.UTF-8 LANGUAGE= ||
    skip_all "tmux could not start"
open_roadmap
wait_for "Итого [" "on a vt100 the progress bar is ASCII"
like "$(tui_screen)" "[#" "... drawn with #"
first=$(echo "$OVERDUE" | grep -vx "$NUM" | head -1)
like "$(item_line "$first")" "![ ] $first" "... and an overdue item still shows its ! mark"
tui_keys Space
wait_for "только для чтения" "read-only: marking done is refused with a message"
like "$(item_line 1.1)" "[x]" "... and the checklist is still shown"
tui_keys F10 F10

plan "$T_N"
done_testing
