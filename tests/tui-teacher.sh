#!/bin/sh
# tui-teacher.sh: a teacher lands on "my meetings" and marks a class of 25 in at most 30 keys.
. "${top_srcdir:-.}/tests/lib.sh"

command -v "${TMUX_BIN:-tmux}" >/dev/null 2>&1 || skip_all "tmux is not installed"
has_locale ru_RU.UTF-8 || skip_all "the ru_RU.UTF-8 locale is missing"
# tests/nastavnik-t takes its login from NASTAVNIK_TEST_LOGIN; make check builds it.
[ -n "${NASTAVNIK_T:-}" ] && [ -x "$NASTAVNIK_T" ] ||
    skip_all "tests/nastavnik-t (the program with a fake login) is not built"
if command -v gettext >/dev/null 2>&1 && [ -n "${NASTAVNIK_LOCALEDIR:-}" ] &&
    [ "$(LANGUAGE=ru LANG=ru_RU.UTF-8 TEXTDOMAINDIR="$NASTAVNIK_LOCALEDIR" \
    gettext -d nastavnik "marked %d of %d, present %d")" = \
    "marked %d of %d, present %d" ]; then
	skip_all "the Russian of the meetings screens is not in po/ru.po yet"
fi

DB="$T_TMP/school.db"
TODAY=2025-10-01	# a Wednesday
N() { "$NASTAVNIK" -f "$DB" --today $TODAY "$@" >/dev/null; }
wait_for() { tui_wait "$1"; ok $? "$2"; }

# The curator sets up: a class of 25, its teacher, class hours.
N init || { echo "Bail out! init failed"; exit 1; }
for s in Абрамов Белов Волков Громов Дронов Егоров Жуков Зайцев Ильин \
    Котов Лебедев Морозов Носов Орлов Павлов Рыбаков Соколов Титов Уткин \
    Фомин Хохлов Цветков Чернов Шилов Яковлев; do
	N person add --last "$s" --first Иван --category pupil --class 8А ||
	    { echo "Bail out! person add $s failed"; exit 1; }
done
N person add --last Чужаков --first Пётр --category pupil --class 7Б &&
N user add ivanova --role teacher --class 8А &&
N meeting add --event class-hour --audience 8А --date 01.10.2025 \
    --time 14:30 --topic "Безопасность в сети" &&
N meeting add --event class-hour --audience 8А --date 03.10.2025 \
    --time 12:00 --topic "Выбор профессии" &&
N meeting add --event class-hour --audience 7Б --date 01.10.2025 \
    --time 15:00 --topic "Чужой классный час" &&
N meeting add --event class-hour --audience 8А --date 10.10.2025 \
    --topic "Следующая неделя" ||
    { echo "Bail out! setting up the teacher and the meetings failed"; exit 1; }

# Every key the teacher presses goes through here and is counted.
KEYS=0
key() { tui_keys "$@"; KEYS=$((KEYS + $#)); }

NASTAVNIK_CURATOR=$NASTAVNIK
NASTAVNIK=$NASTAVNIK_T
tui_start "$DB" NASTAVNIK_TEST_LOGIN=ivanova LANG=ru_RU.UTF-8 LANGUAGE= \
    NASTAVNIK_TODAY=$TODAY || skip_all "tmux could not start"
NASTAVNIK=$NASTAVNIK_CURATOR

wait_for "Мои встречи" "the teacher lands on my meetings"
S=$(tui_screen)
like "$S" "Среда, 01.10.2025 — сегодня" "... today's heading"
like "$S" "Безопасность в сети" "... today's class hour of 8А"
like "$S" "Пятница, 03.10.2025" "... and Friday's"
like "$S" "—/25" "... 25 expected, none marked"
unlike "$S" "Чужой классный час" "... not another class's class hour"
unlike "$S" "Следующая неделя" "... nor next week's"
unlike "$S" "Меню" "... and no menu in the key bar"
key F9
tui_settle
like "$(tui_screen)" "Мои встречи" "F9 does nothing: there is no main menu"

# Enter on today's class hour, two absent (3rd and 9th), the rest present.
key Enter
wait_for "отмечено 0 из 25, присутствовали 0" "Enter opens today's checklist"
key Down Down -
key Down Down Down Down Down н
key '*'
wait_for "отмечено 25 из 25, присутствовали 23" "the whole class is marked"
S=$(tui_screen)
like "$S" "[н] Волков Иван" "... Волков absent"
like "$S" "[н] Ильин Иван" "... Ильин absent"
like "$S" "[+] Громов Иван" "... Громов present"
ok $([ "$KEYS" -le 30 ]; echo $?) "... in $KEYS keys, at most 30"
diag "keys pressed by the teacher: $KEYS"

key Escape
wait_for "23/25" "back on my meetings: 23 of 25 came"
"$NASTAVNIK" -f "$DB" --today $TODAY list attendance --by class \
    >"$T_TMP/att" 2>&1
like "$(tr '\t' ' ' <"$T_TMP/att")" "8А  25 23 2 0 92" \
    "list attendance counts 25 expected, 23 present, 2 absent"

key F10
i=0
while tui_running && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
tui_running
ok $((1 - $?)) "F10 leaves the program at once"

plan "$T_N"
done_testing
