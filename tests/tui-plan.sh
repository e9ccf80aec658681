#!/bin/sh
# tui-plan.sh: individual plans in Russian at 80x24: from the template, by hand, done marks, overdue, the plans list.
. "${top_srcdir:-.}/tests/lib.sh"

command -v "${TMUX_BIN:-tmux}" >/dev/null 2>&1 || skip_all "tmux is not installed"
has_locale ru_RU.UTF-8 || skip_all "the ru_RU.UTF-8 locale is missing"
# The test asserts Russian: it waits until these screens' fragment is merged.
if command -v gettext >/dev/null 2>&1 && [ -n "${NASTAVNIK_LOCALEDIR:-}" ] &&
    [ "$(LANGUAGE=ru LANG=ru_RU.UTF-8 TEXTDOMAINDIR="$NASTAVNIK_LOCALEDIR" \
    gettext -d nastavnik "The pair has no plan yet. Start one:")" = \
    "The pair has no plan yet. Start one:" ]; then
	skip_all "the Russian of the plans screens is not in po/ru.po yet"
fi

DB="$T_TMP/school.db"
N() { "$NASTAVNIK" -f "$DB" "$@" >/dev/null 2>&1 || { echo "Bail out! $*"; exit 1; }; }
N init
N --today 2025-06-01 person add --last Смирнова --first Анна \
    --patronymic Петровна --category teacher --mentor \
    --competencies "математика, олимпиады"
N --today 2025-06-01 person add --last Козлов --first Пётр \
    --category teacher --mentor --competencies "история, краеведение"
N --today 2025-06-01 person add --last Волков --first Дмитрий \
    --category pupil --class 7Б --birth 01.02.2012 --mentee \
    --request "подготовка к олимпиаде по математике"
N --today 2025-09-11 person add --last Белова --first Ольга \
    --category pupil --class 8А --birth 03.04.2011 --mentee \
    --request "история края"
N consent add 3 --kind pd --date 11.09.2025 \
    --by-representative "Волкова Анна" --relation мать
N consent add 4 --kind pd --date 11.09.2025 \
    --by-representative "Белова Ирина" --relation мать

wait_for() { tui_wait "$1"; ok $? "$2"; }
line_of() { tui_screen | grep -F -- "$1" | head -1; }
start() {	# start TODAY
	if [ -n "$T_TMUX_SOCK" ]; then
		"${TMUX_BIN:-tmux}" -L "$T_TMUX_SOCK" kill-server 2>/dev/null
	fi
	tui_start "$DB" LANG=ru_RU.UTF-8 LANGUAGE= NASTAVNIK_TODAY="$1" ||
	    skip_all "tmux could not start"
}
# pair_first: from the unpaired list, take the first suggestion for the
# mentee under the cursor and save the pair without meetings.
pair_first() {
	tui_keys Enter
	tui_wait "Наставники для наставляемого" || return 1
	tui_keys Enter
	tui_wait "Новая пара или группа" || return 1
	tui_keys F2
	tui_wait "Запланировать стандартные встречи" || return 1
	tui_keys n
	tui_wait_gone "Новая пара или группа"
}

plan 35

start 2025-10-01
tui_wait "Пары и группы" || { echo "Bail out! no menu"; exit 1; }
tui_keys Down Down Enter
tui_wait "Действующие пары и группы" || { echo "Bail out! no pairs"; exit 1; }
tui_keys u
tui_wait "Наставляемые без пары" || { echo "Bail out! no unpaired"; exit 1; }
# Белова is first by name: she gets Козлов (история); then Волков, Смирнова.
pair_first
ok $? "Белова is paired with her first suggestion"
tui_wait "1/1"
pair_first
ok $? "Волков is paired with his"
tui_keys Escape
wait_for "2/2" "the pairs list has the two pairs"

# ---- a plan from the template ----
tui_keys Home p
wait_for "У пары ещё нет плана" "p on a pair without a plan offers to start one"
like "$(tui_screen)" "по шаблону для формы пары" "... from the template"
tui_keys Enter
wait_for "Выполнено 0 из" "the template's plan opens, nothing done"
S=$(tui_screen)
like "$S" "Козлов П. → Белова О." "... it is Козлов's and Белова's"
like "$S" "План создан по шаблону" "... the status line says where it came from"
T=$(tui_screen | sed -n 's/.*Выполнено 0 из \([0-9]*\) (0 %).*/\1/p')
[ -n "$T" ] && [ "$T" -gt 1 ]
ok $? "... with several steps ($T)"
tui_keys Space
wait_for "Выполнено 1 из $T ($((100 / ${T:-1})) %)" \
    "Space marks the first step done: 1 of $T ($((100 / ${T:-1})) %)"
like "$(tui_screen | sed -n 6p)" "01.10.2025 01.10.2025" \
    "... done today, the date beside the due date"
like "$(tui_screen | sed -n 6p)" "✓" "... with a tick"
tui_keys q

# ---- a plan by hand ----
wait_for "Действующие пары и группы" "q returns to the pairs list"
tui_keys Down p
wait_for "У пары ещё нет плана" "the second pair has no plan either"
tui_keys Down Enter
wait_for "Шагов пока нет" "an empty plan opens with no steps"
like "$(tui_screen)" "Смирнова А. П. → Волков Д." "... for Смирнова and Волков"
add_step() {
	tui_keys F7
	tui_wait "Новый шаг" || return 1
	tui_type "$1"
	tui_keys Tab
	tui_type "$2"
	tui_keys F2
	tui_wait "$1"
}
add_step "Первая встреча" 10.10.2025
ok $? "F7 adds a step"
add_step "Открытый урок" 20.10.2025
add_step "Итоговая встреча" 30.11.2025
wait_for "Выполнено 0 из 3 (0 %)" "three steps, none done"
tui_keys Home Space
wait_for "Выполнено 1 из 3 (33 %)" "Space on the first: 1 of 3 (33 %)"
tui_keys F5
wait_for "Утверждение плана" "F5 opens the plan's approval"
tui_keys Tab
tui_type "01.10.2025"
tui_keys Tab
tui_type "45-од"
tui_keys F2
wait_for "Утверждён 01.10.2025, приказ № 45-од" \
    "the approval date and order show above the steps"

# ---- weeks later: overdue steps, the plans list ----
start 2025-10-25
tui_wait "Индивидуальные планы" || { echo "Bail out! no menu"; exit 1; }
tui_keys Down Down Down Enter
wait_for "Всего 2 из $((T + 3)) шагов ($((200 / (T + 3))) %)" \
    "the plans list adds up every step: 2 of $((T + 3))"
like "$(tui_screen)" "достигли 90 %: 0 из 2 планов" "... no plan at 90 % yet"
L=$(line_of "Смирнова А. П. → Волков Д.")
like "$L" "1 из 3" "Смирнова's plan: 1 of 3"
like "$L" "33 %" "... 33 %"
like "$L" "просрочено: 1" "... one step overdue (20.10)"
case "$L" in " ! "*) ok 0 "... marked !";; *) ok 1 "... marked !";; esac

# The one furthest behind is first: the template's plan ($T steps, 1 done).
tui_keys Down Enter
wait_for "Смирнова А. П. → Волков Д." "Enter opens the plan"
like "$(tui_screen)" "1 шаг просрочен (!)" "... saying one step is overdue"
case "$(line_of "Открытый урок")" in
" ! "*) ok 0 "... the overdue step is marked !";;
*) ok 1 "... the overdue step is marked !";;
esac
tui_keys Down Space
wait_for "Выполнено 2 из 3 (66 %)" "marking it done: 2 of 3"
unlike "$(tui_screen)" "просрочен" "... nothing is overdue any more"
tui_keys Space
wait_for "Выполнено 3 из 3 (100 %)" "and the last: 3 of 3 (100 %)"
like "$(tui_screen)" "достигнута" "... the target is reached"
tui_keys q
wait_for "достигли 90 %: 1 из 2 планов" "the plans list counts one plan at 90 %"

done_testing
