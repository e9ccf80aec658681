#!/bin/sh
# tui-people.sh: the participants screens in Russian at 80x24: menu, list, form, search, help.
. "${top_srcdir:-.}/tests/lib.sh"

command -v "${TMUX_BIN:-tmux}" >/dev/null 2>&1 || skip_all "tmux is not installed"
has_locale ru_RU.UTF-8 || skip_all "the ru_RU.UTF-8 locale is missing"

DB="$T_TMP/school.db"
"$NASTAVNIK" -f "$DB" init --demo >/dev/null 2>&1 || { echo "Bail out! init --demo failed"; exit 1; }

# The exit status of the program in the pane, through a wrapper.
REAL="$NASTAVNIK"
cat >"$T_TMP/wrap" <<EOF
#!/bin/sh
"$REAL" "\$@"
echo \$? >"$T_TMP/rc"
EOF
chmod +x "$T_TMP/wrap"

# screen_attr: the screen with its colours and attributes as SGR sequences.
screen_attr() { "${TMUX_BIN:-tmux}" -L "$T_TMUX_SOCK" capture-pane -e -p; }
# line_of TEXT: the screen line holding TEXT, with its attributes.
line_of() { screen_attr | grep -F -- "$1" | head -1; }
# reverse TEXT: is the line holding TEXT drawn in reverse video (the cursor)?
reverse() { line_of "$1" | grep -q "$(printf '\033')\[[0-9;]*7m"; }
# wait_for TEXT DESCRIPTION
wait_for() { tui_wait "$1"; ok $? "$2"; }

# A person of the demo school, as the list writes them.
FIRST=$("$NASTAVNIK" -f "$DB" list people | sed -n 2p | cut -f2,3 | tr '\t' ' ')

NASTAVNIK="$T_TMP/wrap"
tui_start "$DB" LANG=ru_RU.UTF-8 LANGUAGE= NASTAVNIK_TODAY=2025-10-01 ||
    skip_all "tmux could not start"
NASTAVNIK="$REAL"

# ---- the main menu ----
wait_for "Участники" "the main menu shows Участники"
S=$(tui_screen)
like "$S" "Главное меню" "... under the title Главное меню"
like "$S" "Согласия" "... and Согласия"
like "$S" "Дорожная карта" "... and Дорожная карта"
like "$S" "Мониторинг" "... and Мониторинг"
like "$S" "1Помощь" "the key bar starts with 1Помощь"
like "$S" "10Выход" "... and ends with 10Выход"
like "$S" "01.10.2025" "the title bar shows today as ДД.ММ.ГГГГ"
reverse "Участники"
ok $? "the first entry is selected (reverse video)"

# ---- the list ----
tui_keys Enter
wait_for "Все участники" "Enter opens the participants list"
wait_for "$FIRST" "... showing the demo school ($FIRST)"
S=$(tui_screen)
like "$S" "ФИО" "... with the column ФИО"
like "$S" "Дата рожд." "... and Дата рожд."
like "$S" "3Смотр" "... and its keys in the key bar"
like "$S" "7Новый" "... F7 among them"

# ---- someone else's change shows by itself ----
"$NASTAVNIK" -f "$DB" person add --last Ааронова --first Ия \
    --category teacher >/dev/null 2>&1
wait_for "Ааронова Ия" "a participant added by another user appears by itself"
like "$(tui_screen)" "другой пользователь" "... and the status line says why"

# ---- F7: a new participant, with a wrong date first ----
tui_keys F7
wait_for "Новый участник" "F7 opens the form for a new participant"
like "$(tui_screen)" "Основное" "... with the section Основное"
tui_type "Ёжикова"
tui_keys Tab
tui_type "Алёна"
tui_keys Tab Tab
tui_keys Right
wait_for "< педагог >" "the right arrow changes the category"
tui_keys Left
wait_for "< обучающийся >" "... and the left arrow brings it back"
tui_keys Tab
tui_type "31.02.2010"
tui_keys Tab
tui_type "6а"
tui_keys F2
wait_for "31.02.2010" "F2 with 31.02.2010 refuses to save"
S=$(tui_screen)
like "$S" "Дата рождения" "... the message names the field in Russian"
like "$S" "Новый участник" "... and the form stays open"
"$NASTAVNIK" -f "$DB" list people --search Ёжикова >"$T_TMP/out" 2>&1
is "$(grep -c Ёжикова "$T_TMP/out")" 0 "... nothing was saved"

# The cursor is on the field the message names: retype the date there.
tui_keys C-u
tui_type "14.03.2012"
tui_keys F2
wait_for "Ёжикова Алёна" "with a real date F2 saves and the list shows her"
like "$(tui_screen)" "6А" "... the class typed 6а is saved as 6А"
like "$(tui_screen)" "сохранена" "... the status line says it is saved"
reverse "Ёжикова Алёна"
ok $? "... and she is selected"
"$NASTAVNIK" -f "$DB" list people --search ёжик >"$T_TMP/out" 2>&1
like "$(cat "$T_TMP/out")" "Ёжикова	Алёна		2012-03-14	pupil	6А" \
    "the CLI finds her with everything typed"

# ---- search as you type ----
tui_type "/"
wait_for "Поиск:" "/ opens the search line"
tui_type "ёжик"
wait_for "1/1" "typing ёжик leaves one row"
S=$(tui_screen)
like "$S" "Ёжикова Алёна" "... hers"
unlike "$S" "$FIRST" "... and not $FIRST"
tui_keys Escape
wait_for "$FIRST" "Esc clears the search"
tui_type "/ежик"
wait_for "1/1" "typing ежик (е for ё) finds one row too"
like "$(tui_screen)" "Ёжикова Алёна" "... hers"
tui_keys Enter
wait_for "поиск «ежик»" "Enter keeps the search, shown above the list"

# ---- the card ----
tui_keys F3
wait_for "Ёжикова Алёна" "F3 shows her card"
wait_for "Законные представители" "... with the legal representatives part"
like "$(tui_screen)" "14.03.2012" "... and the birth date"
tui_keys Escape
wait_for "поиск «ежик»" "Esc goes back to the list"

# ---- F1 help, generated from the actions ----
tui_keys F1
wait_for "Клавиши этого экрана" "F1 shows the help in Russian"
S=$(tui_screen)
like "$S" "F4, Esc 4, e" "... listing the keys of each action"
like "$S" "Изменить данные участника." "... with what they do"
unlike "$S" "Enter, Enter" "... each key once"
tui_keys End
wait_for "Esc и цифра" "... and, at its end, the keys that work everywhere"
tui_keys q
wait_for "поиск «ежик»" "q closes the help"

# ---- delete, after asking ----
tui_keys F8
wait_for "Удалить Ёжикова А.? (д/н)" "F8 asks before deleting, naming her"
tui_type "н"
tui_wait_gone "Удалить"
like "$(tui_screen)" "Ёжикова Алёна" "answering н keeps her"
tui_keys F8
tui_wait "Удалить" >/dev/null
tui_type "д"
wait_for "Ничего не найдено" "answering д deletes her"
"$NASTAVNIK" -f "$DB" list people --search ёжик >"$T_TMP/out" 2>&1
is "$(grep -c Ёжикова "$T_TMP/out")" 0 "... and she is gone from the file"

# ---- delete refused while the person is in a pair ----
if command -v sqlite3 >/dev/null 2>&1; then
	ID=$("$NASTAVNIK" -f "$DB" list people --search Ааронова | sed -n 2p |
	    cut -f1)
	sqlite3 "$DB" "INSERT INTO pair (form) VALUES ('teacher-teacher');
	    INSERT INTO pair_member VALUES (last_insert_rowid(), $ID,
	    'mentor');"
	tui_keys Escape
	wait_for "Ааронова Ия" "Esc clears the search: Ааронова is first"
	tui_keys F8
	tui_wait "Удалить Ааронова И.?" >/dev/null
	tui_type "д"
	wait_for "состоит в 1 паре" "deleting a member of a pair is refused, saying why"
	like "$(tui_screen)" "Ааронова Ия" "... and she stays in the list"
else
	skip 3 "sqlite3 is not installed"
fi

# ---- an honest "not yet" page ----
tui_keys F10
wait_for "Главное меню" "F10 goes back to the main menu"
tui_keys Down Down Enter
wait_for "· Пары и группы" "Пары и группы opens the pairs list"
like "$(tui_screen)" "Статус" "... with its columns"
tui_keys Escape 0
wait_for "Главное меню" "Esc 0 works as F10"
tui_keys F1
wait_for "Клавиши этого экрана" "F1 on the main menu"
S=$(tui_screen)
like "$S" "Enter, →" "... an action without an F-key lists its keys"
unlike "$S" "Enter, Enter" "... Enter once, though it comes as CR and LF"
tui_keys q
wait_for "Главное меню" "q closes the help"

# ---- F10 quits with status 0 ----
tui_keys F10
_i=0
while [ ! -s "$T_TMP/rc" ] && [ $_i -lt 100 ]; do sleep 0.05; _i=$((_i + 1)); done
is "$(cat "$T_TMP/rc" 2>/dev/null)" 0 "F10 in the main menu quits with status 0"

# ---- read-only: look, change nothing ----
T_TUI_ARGS=--read-only
tui_start "$DB" LANG=ru_RU.UTF-8 LANGUAGE= NASTAVNIK_TODAY=2025-10-01
T_TUI_ARGS=
wait_for "ТОЛЬКО ЧТЕНИЕ" "--read-only: the title bar says ТОЛЬКО ЧТЕНИЕ"
tui_keys Enter
wait_for "Все участники" "... the list opens"
tui_keys F7
wait_for "только для чтения" "... F7 is refused with a message"
unlike "$(tui_screen)" "Новый участник" "... and no form opens"
tui_keys F4
wait_for "только для чтения" "... F4 too"
tui_keys F3
wait_for "Категория:" "... but F3 still shows the card"
tui_keys F10 F10 F10

plan "$T_N"
done_testing
