#!/bin/sh
# tui-reps.sh: a pupil's legal representatives in Russian at 80x24: open, add, edit, delete, refusals.
. "${top_srcdir:-.}/tests/lib.sh"

command -v "${TMUX_BIN:-tmux}" >/dev/null 2>&1 || skip_all "tmux is not installed"
has_locale ru_RU.UTF-8 || skip_all "the ru_RU.UTF-8 locale is missing"
"$NASTAVNIK" help rep >/dev/null 2>&1 ||
    skip_all "the rep subcommand and screen are not wired in yet"
# The test asserts Russian: it waits until the fragment is in po/ru.po.
if command -v gettext >/dev/null 2>&1 && [ -n "${NASTAVNIK_LOCALEDIR:-}" ] &&
    [ "$(LANGUAGE=ru LANG=ru_RU.UTF-8 TEXTDOMAINDIR="$NASTAVNIK_LOCALEDIR" \
    gettext -d nastavnik "Legal representatives: %s")" = \
    "Legal representatives: %s" ]; then
	skip_all "the Russian of the representatives screen is not in po/ru.po yet"
fi

DB="$T_TMP/r.db"
N() { "$NASTAVNIK" -f "$DB" --today 2025-10-01 "$@"; }
N init --school 'МБОУ СОШ № 5' >/dev/null || { echo "Bail out! init failed"; exit 1; }
PU=$(N person add --last Ёлкина --first Дарья --patronymic Игоревна \
    --category pupil --class 5А --birth 01.09.2014)
N person add --last Орлова --first Мария --category teacher >/dev/null

# wait_for TEXT DESCRIPTION
wait_for() { tui_wait "$1"; ok $? "$2"; }
rows() { N rep list "$PU" | sed 1d | grep -c .; }

tui_start "$DB" LANG=ru_RU.UTF-8 LANGUAGE= NASTAVNIK_TODAY=2025-10-01 ||
    skip_all "tmux could not start"

# ---- open from the participants list ----
wait_for "Главное меню" "the main menu shows"
tui_keys Enter
wait_for "Ёлкина Дарья" "the participants list shows the pupil"
tui_type "/ёлк"
wait_for "1/1" "search finds her"
tui_keys Enter
tui_type "r"
wait_for "Законные представители: Ёлкина Д. И." "r opens her legal representatives"
S=$(tui_screen)
like "$S" "Законные представители не указаны: F7 — добавить." \
    "... none yet, saying how to add one"
like "$S" "Ёлкина Дарья Игоревна · 5А · 11 лет" "... her full name, class and age"
like "$S" "7Новый" "... F7 in the key bar"
like "$S" "8Удал" "... F8 too"

# ---- add ----
tui_keys F7
wait_for "Новый законный представитель: Ёлкина Д. И." "F7 opens the form"
S=$(tui_screen)
like "$S" "ФИО представителя" "... with the name"
like "$S" "Кем приходится" "... the relation"
like "$S" "Телефон представителя" "... and the phone"
tui_type "Ёлкина Ольга Петровна"
tui_keys F2
wait_for "Кем приходится: обязательное поле" "F2 without a relation asks for it"
# The cursor is on the field that was refused.
tui_type "мать"
tui_keys Tab
tui_type "звоните"
tui_keys F2
wait_for "не похоже на номер телефона" "a phone that is not one is refused"
tui_keys C-u
tui_type "+7 912 345-67-89"
tui_keys F2
wait_for "законный представитель сохранён" "F2 saves"
S=$(tui_screen)
like "$S" "Ёлкина Ольга Петровна" "... the row shows the name"
like "$S" "мать" "... the relation"
like "$S" "+7 912 345-67-89" "... and the phone"
like "$S" "ФИО" "... under the column headings"
is "$(N rep list "$PU" | sed 1d | cut -f3-5 | tr '\t' '|')" \
    "Ёлкина Ольга Петровна|мать|+7 912 345-67-89" "rep list agrees"

# ---- edit ----
tui_keys F4
wait_for "Законный представитель: Ёлкина Д. И." "F4 opens the form with her"
like "$(tui_screen)" "+7 912 345-67-89" "... filled in"
tui_keys Tab Tab C-u
tui_type "8 (3452) 12-34-56"
tui_keys F2
wait_for "8 (3452) 12-34-56" "F2 saves the new phone"
is "$(N rep list "$PU" | sed 1d | cut -f5)" "8 (3452) 12-34-56" "... in the database"

# ---- help ----
tui_keys F1
wait_for "Клавиши этого экрана" "F1 shows the help"
like "$(tui_screen)" "Добавить законного представителя" "... with the keys of the screen"
tui_keys q
wait_for "Законные представители: Ёлкина Д. И." "q closes it"

# ---- delete ----
tui_keys F8
wait_for "удалить законного представителя" "F8 asks before deleting"
like "$(tui_screen)" "Ёлкина Ольга Петровна" "... naming her"
tui_type "н"
tui_wait_gone "удалить законного представителя"
is "$(rows)" 1 "answering н keeps her"
tui_keys F8
wait_for "удалить законного представителя" "F8 asks again"
tui_type "д"
wait_for "законный представитель удалён" "answering д deletes her"
wait_for "Законные представители не указаны" "... the list is empty"
is "$(rows)" 0 "... and so is the database"

# ---- not a pupil ----
tui_keys Escape
wait_for "поиск «ёлк»" "Esc goes back to the list"
tui_keys Escape
wait_for "Орлова Мария" "... Esc there clears the search"
tui_type "/орл"
wait_for "1/1" "search finds the teacher"
tui_keys Enter
tui_type "r"
wait_for "только для обучающихся" "a teacher's screen says representatives are for pupils"
tui_keys F7
wait_for "не обучающийся" "... and F7 is refused"
unlike "$(tui_screen)" "Новый законный представитель" "... with no form"
tui_keys F10 F10 F10
tui_wait_gone "Главное меню" 5 >/dev/null 2>&1

# ---- read-only ----
N rep add "$PU" --name 'Ёлкин Игорь Сергеевич' --relation отец >/dev/null
T_TUI_ARGS=--read-only
tui_start "$DB" LANG=ru_RU.UTF-8 LANGUAGE= NASTAVNIK_TODAY=2025-10-01
T_TUI_ARGS=
wait_for "ТОЛЬКО ЧТЕНИЕ" "--read-only"
tui_keys Enter
wait_for "Ёлкина Дарья" "... the list opens"
tui_type "/ёлк"
wait_for "1/1" "... search finds her"
tui_keys Enter
tui_type "r"
wait_for "Ёлкин Игорь Сергеевич" "... her representatives can be read"
tui_keys F7
wait_for "только для чтения" "... F7 is refused"
tui_keys F4
wait_for "только для чтения" "... F4 too"
tui_keys F8
wait_for "только для чтения" "... and F8"
unlike "$(tui_screen)" "(д/н)" "... without asking"
is "$(rows)" 1 "... nothing changed"
tui_keys F10 F10 F10

plan "$T_N"
done_testing
