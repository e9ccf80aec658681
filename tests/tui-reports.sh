#!/bin/sh
# tui-reports.sh: the reports menu in Russian at 80x24: pager, saving, printing, failures, viewers.
. "${top_srcdir:-.}/tests/lib.sh"

command -v "${TMUX_BIN:-tmux}" >/dev/null 2>&1 || skip_all "tmux is not installed"
has_locale ru_RU.UTF-8 || skip_all "the ru_RU.UTF-8 locale is missing"
# The test asserts Russian: it waits until the fragment is in po/ru.po.
if command -v gettext >/dev/null 2>&1 && [ -n "${NASTAVNIK_LOCALEDIR:-}" ] &&
    [ "$(LANGUAGE=ru LANG=ru_RU.UTF-8 TEXTDOMAINDIR="$NASTAVNIK_LOCALEDIR" \
    gettext -d nastavnik "The report was not printed.")" = \
    "The report was not printed." ]; then
	skip_all "the Russian of the reports menu is not in po/ru.po yet"
fi

TODAY=2025-11-20
DB="$T_TMP/r.db"
N() { "$NASTAVNIK" -f "$DB" --today $TODAY "$@"; }
N init --demo >/dev/null || { echo "Bail out! init --demo failed"; exit 1; }
# What the CLI prints is what the screens save and print.
LANG=ru_RU.UTF-8 LANGUAGE= N report roadmap >"$T_TMP/want.txt" ||
    { echo "Bail out! report roadmap failed"; exit 1; }

# Fake print commands: one copies what it is given, one fails with a
# message, as lpr does when the printer is not there.
mkdir -p "$T_TMP/fake dir"
cat >"$T_TMP/fake dir/lpr ok.sh" <<'EOF'
#!/bin/sh
cat >"$1"
echo $# >"$1.argc"
EOF
cat >"$T_TMP/fail.sh" <<'EOF'
#!/bin/sh
cat >/dev/null
echo "lpr: Error - The printer or class does not exist." >&2
echo "a second line" >&2
exit 3
EOF
chmod +x "$T_TMP/fake dir/lpr ok.sh" "$T_TMP/fail.sh"

wait_for() { tui_wait "$1"; ok $? "$2"; }
mode() { stat -c %a "$1" 2>/dev/null || stat -f %Lp "$1"; }
# From the main menu to a section: to its first line, N lines down, Enter.
menu_to() {
	tui_keys Home
	_i=0
	while [ "$_i" -lt "$1" ]; do tui_keys Down; _i=$((_i + 1)); done
	tui_keys Enter
}
# Set the print command in Settings from the main menu; back in the menu.
set_print() {
	menu_to 8
	tui_wait "Команда печати" >/dev/null
	tui_keys Tab Tab C-u
	tui_type "$1"
	tui_keys F2
	tui_wait "Настройки сохранены" >/dev/null
}

tui_start "$DB" LANG=ru_RU.UTF-8 LANGUAGE= NASTAVNIK_TODAY=$TODAY ||
    skip_all "tmux could not start"

# ---- the list ----
wait_for "Главное меню" "the main menu shows"
menu_to 7
wait_for "· Отчёты" "Reports opens the list of reports"
S=$(tui_screen)
like "$S" "3Смотр" "... F3 shows one"
like "$S" "…" "... those that ask first are marked"

# ---- the pager: the printed text, pages as a rule ----
tui_keys Enter
wait_for "Страница 1 из" "Enter shows the first report, the roadmap"
S=$(tui_screen)
like "$S" "$(sed -n 1p "$T_TMP/want.txt")" "... its first line as printed"
like "$S" "$(sed -n 3p "$T_TMP/want.txt" | sed 's/^ *//')" "... and its third"
like "$S" "2Сохр" "... F2 saves"
like "$S" "5Печать" "... F5 prints"
unlike "$S" "^L" "... no raw form feed"
# PgDn a screen at a time until the second sheet begins on screen.
_i=0
while [ "$_i" -lt 12 ] && ! tui_screen | grep -qF "── страница 2 ──"; do
	tui_keys PageDown
	tui_settle
	_i=$((_i + 1))
done
wait_for "── страница 2 ──" "a new page shows as a ruled line"
like "$(tui_screen)" "Страницы 1–2 из" "... and the corner counts the sheets on screen"

# ---- save in UTF-8 ----
tui_keys F2
wait_for "Сохранить отчёт в файл:" "F2 asks for the file"
like "$(tui_screen)" "~/roadmap.txt" "... offering one in the home folder"
tui_keys C-u
tui_type "$T_TMP/roadmap.txt"
tui_keys Enter
wait_for "Кодировка файла" "... then the encoding"
like "$(tui_screen)" "CP866 (DOS, старые принтеры)" "... CP866 among them"
tui_keys Enter
wait_for "Сохранено в $T_TMP/roadmap.txt в кодировке UTF-8." "UTF-8 is saved"
cmp -s "$T_TMP/roadmap.txt" "$T_TMP/want.txt"
ok $? "... the file is the printed text, byte for byte"
is "$(tr -cd '\f' <"$T_TMP/roadmap.txt" | wc -c | tr -d ' ')" \
    "$(tr -cd '\f' <"$T_TMP/want.txt" | wc -c | tr -d ' ')" \
    "... with its form feeds"
is "$(mode "$T_TMP/roadmap.txt")" 600 "... and mode 0600"

# ---- save again in CP866 over it ----
chmod 644 "$T_TMP/roadmap.txt"
tui_keys F2
wait_for "Сохранить отчёт в файл:" "F2 again"
like "$(tui_screen)" "$T_TMP/roadmap.txt" "... offers the file saved last"
tui_keys Enter
wait_for "уже есть" "... asks before replacing it"
tui_type "y"
wait_for "Кодировка файла" "... then the encoding"
tui_keys Down Enter
wait_for "в кодировке CP866" "CP866 is saved"
iconv -f CP866 -t UTF-8 "$T_TMP/roadmap.txt" >"$T_TMP/back.txt" 2>/dev/null
is "$(sed -n 1p "$T_TMP/back.txt")" "$(LANG=ru_RU.UTF-8 LANGUAGE= \
    N report roadmap --encoding cp866 | iconv -f CP866 -t UTF-8 | sed -n 1p)" \
    "... the text in CP866, as the CLI gives it"
is "$(LANG=ru_RU.UTF-8 LANGUAGE= N report roadmap --encoding cp866 |
    cmp -s - "$T_TMP/roadmap.txt"; echo $?)" 0 "... byte for byte"
is "$(mode "$T_TMP/roadmap.txt")" 600 "... and the replaced file is 0600"

# ---- print to a fake print command set in Settings ----
tui_keys F9
wait_for "Главное меню" "F9 goes back to the menu"
menu_to 8
wait_for "Команда печати" "Settings have the print command"
S=$(tui_screen)
like "$S" "lpr" "... lpr by default"
like "$S" "Кодировка для печати" "... and the print encoding"
tui_keys Tab Tab C-u
tui_type "'$T_TMP/fake dir/lpr ok.sh' '$T_TMP/printed.txt"
tui_keys F2
wait_for "не закрыта кавычка" "an unclosed quote is refused when saving"
tui_type "'"
tui_keys F2
wait_for "Настройки сохранены" "the print command is saved"
menu_to 7
tui_wait "· Отчёты" >/dev/null
tui_keys Enter
tui_wait "Страница 1 из" >/dev/null
tui_keys F5
wait_for "Отчёт отправлен на печать" "F5 prints"
like "$(tui_screen)" "в кодировке UTF-8" "... in UTF-8, as set"
cmp -s "$T_TMP/printed.txt" "$T_TMP/want.txt"
ok $? "... the print command got the printed text on its input"
is "$(cat "$T_TMP/printed.txt.argc")" 1 \
    "... and nothing but its own word on its command line"

# ---- a failing print command ----
tui_keys F9
tui_wait "Главное меню" >/dev/null
set_print "$T_TMP/fail.sh"
menu_to 7
tui_wait "· Отчёты" >/dev/null
tui_keys Enter
tui_wait "Страница 1 из" >/dev/null
tui_keys p
wait_for "Отчёт не напечатан." "a failing print command says so"
S=$(tui_screen)
like "$S" "Команда печати «fail.sh» завершилась с ошибкой (код 3)." \
    "... naming the command, with its exit status"
like "$S" "Её сообщение:" "... and what it said"
like "$S" "lpr: Error - The printer or class does not exist." "... in its words"
unlike "$S" "a second line" "... only its first line"
like "$S" "в настройках" "... and where to change it"
tui_keys Enter
tui_wait_gone "Отчёт не напечатан." >/dev/null
like "$(tui_screen)" "код 3" "the reason stays on the status line"

tui_keys F9
tui_wait "Главное меню" >/dev/null
set_print "nastavnik-no-such-lpr -P 'Кабинет 12'"
menu_to 7
tui_wait "· Отчёты" >/dev/null
tui_keys Enter
tui_wait "Страница 1 из" >/dev/null
tui_keys F5
wait_for "«nastavnik-no-such-lpr» не найдена" "a missing print command: not found"
tui_keys Enter
tui_keys F10
wait_for "· Отчёты" "F10 goes back to the list"

# ---- a pair's report: the pair is chosen from a list ----
tui_keys Down Down Down Down Down Down Enter
wait_for "Выберите пару: действующие пары и группы" "the agreement asks for the pair"
like "$(tui_screen)" "Белова Е. А." "... listing the pairs"
tui_keys Down Enter
wait_for "пара № 2" "Enter shows the report of that pair"
like "$(tui_screen)" "Волкова Алёна Евгеньевна" "... with the mentee's name"
tui_keys F10
wait_for "Выберите пару" "back, the pairs to choose another"
tui_keys F10

# ---- attendance asks the month and the class ----
tui_wait "· Отчёты" >/dev/null
tui_keys Down Down Down Enter
wait_for "Месяц (ММ.ГГГГ; пусто — весь учебный год):" "attendance asks the month"
like "$(tui_screen)" "11.2025" "... this month offered"
tui_keys C-u
tui_type "13.2025"
tui_keys Enter
wait_for "«13.2025» — не месяц" "a month that is not one is refused"
tui_keys C-u
tui_type "10.2025"
tui_keys Enter
wait_for "Класс (например, 7Б; пусто — все классы):" "... then the class"
tui_keys Enter
wait_for "Страница 1 из" "attendance of the month shows"
S=$(tui_screen)
like "$S" "$(LANG=ru_RU.UTF-8 LANGUAGE= N report attendance --month 2025-10 |
    sed -n 5p)" "... of October, as the CLI gives it"
unlike "$S" "не месяц" "... the refusal above is gone"
tui_keys F9
tui_wait "Главное меню" >/dev/null
set_print "'$T_TMP/fake dir/lpr ok.sh' '$T_TMP/printed-ro.txt'"
tui_keys F10
tui_wait_gone "Главное меню" >/dev/null

# ---- read-only: view, save and print are the viewer's whole role ----
T_TUI_ARGS=-R tui_start "$DB" LANG=ru_RU.UTF-8 LANGUAGE= \
    NASTAVNIK_TODAY=$TODAY || skip_all "tmux could not start"
tui_wait "Главное меню" >/dev/null
menu_to 7
tui_wait "· Отчёты" >/dev/null
tui_keys Enter
wait_for "Страница 1 из" "read-only: the report shows"
tui_keys F2
tui_wait "Сохранить отчёт в файл:" >/dev/null
tui_keys C-u
tui_type "$T_TMP/ro.txt"
tui_keys Enter
tui_wait "Кодировка файла" >/dev/null
tui_keys Enter
wait_for "Сохранено в $T_TMP/ro.txt" "read-only: F2 saves"
cmp -s "$T_TMP/ro.txt" "$T_TMP/want.txt"
ok $? "... the same text"
tui_keys F5
wait_for "Отчёт отправлен на печать" "read-only: F5 prints"
cmp -s "$T_TMP/printed-ro.txt" "$T_TMP/want.txt"
ok $? "... the same text"

plan "$T_N"
done_testing
