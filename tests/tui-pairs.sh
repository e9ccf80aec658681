#!/bin/sh
# tui-pairs.sh: the unpaired, matching, a new pair with its warning, and the pairs list, in Russian at 80x24.
. "${top_srcdir:-.}/tests/lib.sh"

command -v "${TMUX_BIN:-tmux}" >/dev/null 2>&1 || skip_all "tmux is not installed"
has_locale ru_RU.UTF-8 || skip_all "the ru_RU.UTF-8 locale is missing"
# The test asserts Russian: it waits until these screens' fragment is merged.
if command -v gettext >/dev/null 2>&1 && [ -n "${NASTAVNIK_LOCALEDIR:-}" ] &&
    [ "$(LANGUAGE=ru LANG=ru_RU.UTF-8 TEXTDOMAINDIR="$NASTAVNIK_LOCALEDIR" \
    gettext -d nastavnik "Mentees without a pair")" = "Mentees without a pair" ]; then
	skip_all "the Russian of the pairs screens is not in po/ru.po yet"
fi

DB="$T_TMP/school.db"
N() { "$NASTAVNIK" -f "$DB" "$@" >/dev/null 2>&1 || { echo "Bail out! $*"; exit 1; }; }
# A school by hand: two teacher mentors, two pupils waiting for a mentor.
# Волков entered the base on 01.06.2025 and has no consent: pairing him
# warns.  Белова entered on 11.09.2025, with a consent signed by her mother.
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
N consent add 4 --kind pd --date 11.09.2025 \
    --by-representative "Белова Ирина" --relation мать

wait_for() { tui_wait "$1"; ok $? "$2"; }
# line_of TEXT: the screen line holding TEXT.
line_of() { tui_screen | grep -F -- "$1" | head -1; }

plan 46

tui_start "$DB" LANG=ru_RU.UTF-8 LANGUAGE= NASTAVNIK_TODAY=2025-10-01 ||
    skip_all "tmux could not start"

# ---- the pairs list, empty ----
wait_for "Пары и группы" "the main menu has Пары и группы"
tui_keys Down Down Enter
wait_for "Действующие пары и группы" "Enter opens the pairs list, live ones"
S=$(tui_screen)
like "$S" "Пар нет" "... which says there are none yet"
like "$S" "Наставники" "... with the column Наставники"
like "$S" "6Ждут" "... and F6 for the unpaired in the key bar"

# ---- the unpaired ----
tui_keys u
wait_for "Наставляемые без пары" "u opens the mentees without a pair"
wait_for "1/2" "... both of them, the cursor on the first"
like "$(line_of "Белова Ольга")" "20 дн." \
    "Белова has waited 20 days (11.09 to 01.10)"
like "$(line_of "Волков Дмитрий")" "4 мес." \
    "Волков has waited 4 months (122 days since 01.06)"
like "$(line_of "Волков Дмитрий")" "ученик 7Б" "... a pupil of 7Б"

# ---- matching ----
tui_keys Down Enter
wait_for "Наставники для наставляемого" "Enter on Волков opens matching"
S=$(tui_screen)
like "$S" "Волков Д., обучающийся 7Б" "... for Волков"
like "$S" "подготовка к олимпиаде по математике" "... showing his request"
like "$(line_of " 1. ")" "Смирнова А. П." \
    "the mathematician Смирнова is suggested first"
like "$(line_of " 2. ")" "Козлов П." "... Козлов second"
unlike "$S" "Белова" "the other mentee is not suggested as a mentor"

# ---- the new pair's form, prefilled ----
tui_keys Enter
wait_for "Новая пара или группа" "Enter takes her: a new pair's form opens"
S=$(tui_screen)
like "$(line_of "Наставники:")" "Смирнова А. П." "... with her as the mentor"
like "$(line_of "Наставляемые:")" "Волков Д." "... and him as the mentee"
like "$(line_of "Дата начала")" "01.10.2025" "... starting today"

# The consent warning: refused first, then overridden.
tui_keys F2
wait_for "Сохранить всё равно?" "F2 warns before saving"
like "$(tui_screen)" "Волков Д." "... naming the pupil without a consent"
tui_keys n
wait_for "Не сохранено." "n keeps the form open, nothing saved"
like "$(tui_screen)" "Новая пара или группа" "... the form is still there"
tui_keys F2
wait_for "Сохранить всё равно?" "F2 warns again"
tui_keys y
wait_for "Запланировать стандартные встречи" \
    "y saves, and the standard meetings are offered"
tui_keys n

# ---- back on the unpaired: he is gone ----
wait_for "1/1" "the unpaired list has one mentee left"
S=$(tui_screen)
like "$S" "Белова Ольга" "... Белова"
unlike "$S" "Волков Дмитрий" "... Волков has left it"

# ---- the pairs list shows the pair ----
tui_keys Escape
wait_for "Действующие пары и группы" "Esc returns to the pairs list"
wait_for "Смирнова А. П." "the new pair is in the list"
like "$(line_of "Смирнова А. П.")" "Волков Д." "... with Волков as its mentee"
like "$(tui_screen)" "1/1" "... one pair"

# ---- the card, help ----
tui_keys Enter
wait_for "Пара № 1" "Enter opens the pair's card"
S=$(tui_screen)
like "$S" "Смирнова А. П. (педагог)" "... naming the mentor and category"
like "$S" "пока нет: p создаёт" "... and saying there is no plan yet"
tui_keys q
wait_for "Действующие пары и группы" "q returns to the list"
tui_keys F1
wait_for "Справка" "F1 shows help"
S=$(tui_screen)
like "$S" "Наставнические пары и группы" "... with the screen's paragraph"
tui_keys q

# ---- matching from a participant's card too ----
wait_for "Действующие пары и группы" "q closes the help"
tui_keys u
tui_wait "Наставляемые без пары" >/dev/null
tui_keys v
wait_for "Запрос:" "v on the unpaired shows the mentee's card"
tui_keys m
wait_for "Наставники для наставляемого" "m on the card opens matching"
like "$(tui_screen)" "Белова О., обучающийся 8А" "... for Белова"
tui_keys Escape

# ---- read-only: no new pairs ----
"${TMUX_BIN:-tmux}" -L "$T_TMUX_SOCK" kill-server 2>/dev/null
T_TUI_ARGS=-R tui_start "$DB" LANG=ru_RU.UTF-8 LANGUAGE= \
    NASTAVNIK_TODAY=2025-10-01 || skip_all "tmux could not start"
wait_for "Пары и группы" "read-only: the menu shows"
tui_keys Down Down Enter
wait_for "Смирнова А. П." "read-only: the pairs list shows the pair"
tui_keys F7
wait_for "только для чтения" "read-only: F7 is refused"

done_testing
