#!/bin/sh
# tui-meetings.sh: a curator adds a class hour with the form, marks it with the checklist, reads the counts.
. "${top_srcdir:-.}/tests/lib.sh"

command -v "${TMUX_BIN:-tmux}" >/dev/null 2>&1 || skip_all "tmux is not installed"
has_locale ru_RU.UTF-8 || skip_all "the ru_RU.UTF-8 locale is missing"
# The test asserts Russian: it waits until the screens' fragment is merged.
if command -v gettext >/dev/null 2>&1 && [ -n "${NASTAVNIK_LOCALEDIR:-}" ] &&
    [ "$(LANGUAGE=ru LANG=ru_RU.UTF-8 TEXTDOMAINDIR="$NASTAVNIK_LOCALEDIR" \
    gettext -d nastavnik "marked %d of %d, present %d")" = \
    "marked %d of %d, present %d" ]; then
	skip_all "the Russian of the meetings screens is not in po/ru.po yet"
fi

DB="$T_TMP/school.db"
TODAY=2025-10-01	# a Wednesday
N() { "$NASTAVNIK" -f "$DB" --today $TODAY "$@"; }
wait_for() { tui_wait "$1"; ok $? "$2"; }
# one line of the screen holding all the words, in order
line_has() { tui_screen | grep -qE -- "$1"; }

# A class of its own, so that nothing else counts in the figures.
N init >/dev/null 2>&1 || { echo "Bail out! init failed"; exit 1; }
for p in "Андреев Павел" "Борисова Анна" "Васильев Олег" "Гусева Мария" \
    "Денисов Кирилл" "Ершова Ольга"; do
	N person add --last "${p% *}" --first "${p#* }" --category pupil \
	    --class 7Б >/dev/null || { echo "Bail out! person add failed"; exit 1; }
done
N person add --last Чужой --first Иван --category pupil --class 5А \
    >/dev/null || { echo "Bail out! person add failed"; exit 1; }
CLASS=6
P1="Андреев Павел"
P2="Борисова Анна"
P3="Васильев Олег"

tui_start "$DB" LANG=ru_RU.UTF-8 LANGUAGE= NASTAVNIK_TODAY=$TODAY ||
    skip_all "tmux could not start"
wait_for "Главное меню" "the main menu shows"
tui_keys Down Down Down Down Enter
wait_for "с 29.09.2025" "Meetings open from the Monday of this week"
S=$(tui_screen)
like "$S" "С этой даты встреч нет" "... empty, saying how to add one"
like "$S" "6Итоги" "... F6 for the figures in the key bar"

# ---- the form: a class hour for 7Б ----
tui_keys F7
wait_for "Новая встреча или мероприятие" "F7 opens the form"
like "$(tui_screen)" "01.10.2025" "... dated today"
tui_keys Tab Tab
tui_type "7б"
tui_keys Tab Tab
tui_type "1430"
tui_keys Tab
tui_type "Профориентация"
tui_keys F2
wait_for "Профориентация" "F2 saves it and the list shows it"
line_has "01\.10\.2025 14:30 +кл\. час +7Б +Профориентация +—/$CLASS" &&
    ok 0 "... dated, timed, for 7Б, nobody marked of $CLASS" ||
    { ok 1 "... dated, timed, for 7Б, nobody marked of $CLASS"; tui_screen; }

# ---- the checklist ----
tui_keys Enter
wait_for "отмечено 0 из $CLASS, присутствовали 0" "Enter opens the checklist"
S=$(tui_screen)
like "$S" "[ ] $P1" "... $P1 first, unmarked"
unlike "$S" "Чужой" "... nobody from another class"
like "$S" "цель 90 %" "... with the class hour's default target"
tui_keys Down -
wait_for "[н] $P2" "- marks $P2 absent"
tui_keys у
wait_for "[у] $P3" "у marks $P3 absent with a reason"
like "$(tui_screen)" "отмечено 2 из $CLASS, присутствовали 0" \
    "... the header counts two marked"
tui_keys '*'
PRESENT=$((CLASS - 2))
wait_for "отмечено $CLASS из $CLASS, присутствовали $PRESENT" \
    "* marks the rest present"
like "$(tui_screen)" "[+] $P1" "... $P1 among them"
tui_keys Home BSpace
PRESENT=$((PRESENT - 1))
wait_for "отмечено $((CLASS - 1)) из $CLASS, присутствовали $PRESENT" \
    "Backspace clears $P1's mark"
like "$(tui_screen)" "[ ] $P1" "... $P1 is unmarked again"

tui_keys F1
wait_for "Клавиши этого экрана" "F1 shows the checklist's help"
like "$(tui_screen)" "сохраняется сразу" "... saying each mark is saved at once"
tui_keys Escape
wait_for "присутствовали $PRESENT" "Esc closes the help"

# ---- back to the list, the week, the figures ----
tui_keys Escape
wait_for "$PRESENT/$CLASS" "the list shows $PRESENT of $CLASS came"
tui_keys w
wait_for "Среда, 01.10.2025 — сегодня" "w shows the week with today's heading"
tui_keys Escape F6
wait_for "Сводка" "F6 offers the figures"
tui_keys Enter
wait_for "Итоги посещаемости" "the summary opens"
PCT=$(( (PRESENT * 200 + CLASS) / (CLASS * 2) ))
line_has "^ *Итого +$CLASS +$PRESENT +$PCT %" &&
    ok 0 "events: $PRESENT of $CLASS, $PCT %" ||
    { ok 1 "events: $PRESENT of $CLASS, $PCT %"; tui_screen; }
like "$(tui_screen)" "не достигнута" "... the 90 % target is not met"

# ---- read-only: no marking ----
T_TUI_ARGS="-R"
"${TMUX_BIN:-tmux}" -L "$T_TMUX_SOCK" kill-server 2>/dev/null
tui_start "$DB" LANG=ru_RU.UTF-8 LANGUAGE= NASTAVNIK_TODAY=$TODAY ||
    skip_all "tmux could not start"
wait_for "Главное меню" "read-only: the main menu shows"
tui_keys Down Down Down Down Enter
wait_for "Профориентация" "... the meeting is listed"
tui_keys Enter
wait_for "присутствовали $PRESENT" "... its checklist opens"
tui_keys Space
wait_for "только для чтения" "... Space is refused, saying why"

plan "$T_N"
done_testing
