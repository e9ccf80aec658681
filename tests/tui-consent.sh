#!/bin/sh
# tui-consent.sh: the consents screens and the class-list import in Russian at 80x24.
. "${top_srcdir:-.}/tests/lib.sh"

command -v "${TMUX_BIN:-tmux}" >/dev/null 2>&1 || skip_all "tmux is not installed"
has_locale ru_RU.UTF-8 || skip_all "the ru_RU.UTF-8 locale is missing"
# The Russian of these screens is in po/fragments/consent-tui.po until the
# fragment is merged into po/ru.po: the test asserts Russian, so it waits.
if command -v gettext >/dev/null 2>&1 && [ -n "${NASTAVNIK_LOCALEDIR:-}" ] &&
    [ "$(LANGUAGE=ru LANG=ru_RU.UTF-8 TEXTDOMAINDIR="$NASTAVNIK_LOCALEDIR" \
    gettext -d nastavnik "Papers received")" = "Papers received" ]; then
	skip_all "the Russian of the consents screens is not in po/ru.po yet"
fi

DB="$T_TMP/school.db"
"$NASTAVNIK" -f "$DB" --today 2025-10-01 init --demo >/dev/null 2>&1 || { echo "Bail out! init --demo failed"; exit 1; }
N() { "$NASTAVNIK" -f "$DB" --today 2025-10-01 "$@"; }

# wait_for TEXT DESCRIPTION
wait_for() { tui_wait "$1"; ok $? "$2"; }
# rows of a TSV listing without its header
rows() { sed 1d | grep -c .; }

TOTAL=$(N list people | rows)
OWED=$(N list owed | rows)
COVERED=$((TOTAL - OWED))
# The first three pupils of 7Б in name order, as the checklist shows them.
N list people --class 7Б --category pupil | sed 1d | head -3 | cut -f2,3,4 |
    tr '\t' ' ' >"$T_TMP/7b"
P1=$(sed -n 1p "$T_TMP/7b")
P2=$(sed -n 2p "$T_TMP/7b")
P3=$(sed -n 3p "$T_TMP/7b")
P1LAST=${P1%% *}

tui_start "$DB" LANG=ru_RU.UTF-8 LANGUAGE= NASTAVNIK_TODAY=2025-10-01 ||
    skip_all "tmux could not start"

# ---- the school-wide view and its coverage figure ----
wait_for "Главное меню" "the main menu shows"
tui_keys Down Enter
wait_for "Согласия на обработку ПД: $COVERED из $TOTAL" \
    "Согласия shows the coverage $COVERED of $TOTAL"
S=$(tui_screen)
like "$S" "цель — 100 %" "... against the 100 % target"
like "$S" "ПД" "... a column for each kind of consent"
like "$S" "4Класс" "... and F4 for the class checklist in the key bar"

# ---- the class checklist: three papers in a few keys ----
tui_type "/${P1}"
wait_for "$P1" "search finds $P1 of 7Б"
tui_keys Enter F4
wait_for "7Б" "F4 asks for the class, starting at the pupil's"
tui_keys Enter
wait_for "обработк" "... then for the kind"
tui_keys Enter
wait_for "Сданные согласия: 7Б" "the checklist of 7Б opens"
wait_for "$P3" "... listing its pupils"
tui_keys Space Space Space
wait_for "отмечено 3" "Space three times ticks three pupils"
tui_keys F2
wait_for "Дата подписания" "F2 asks once for the date"
like "$(tui_screen)" "01.10.2025" "... today by default"
tui_keys Tab
tui_type "папка 7Б"
tui_keys F2
wait_for "Внесено 3 согласия (7Б)." "F2 records the three"
S=$(tui_screen)
like "$S" "[=] $P1" "... $P1 is shown as covered"
like "$S" "согласие уже есть" "... with the words for it"
N list consents >"$T_TMP/out" 2>&1
for p in "$P1" "$P2" "$P3"; do
	like "$(tr '\t' ' ' <"$T_TMP/out")" "$p pd 2025-10-01" \
	    "list consents has the processing consent of $p"
done
is "$(grep -c 'папка 7Б' "$T_TMP/out")" 3 "... each filed in «папка 7Б»"

# A tick on a covered pupil changes nothing.
tui_keys Home Space
wait_for "уже есть действующее согласие" "ticking a covered pupil says so"
tui_keys Escape
wait_for "Согласия на обработку ПД: $((COVERED + 3)) из $TOTAL" \
    "back in the view the coverage is 3 higher"

# ---- one person: revoke the processing consent, then anonymise ----
tui_keys Enter
wait_for "Согласия: $P1LAST" "Enter opens the person's consents"
S=$(tui_screen)
like "$S" "папка 7Б" "... with the paper's place"
like "$S" "8Отзыв" "... and F8 to revoke"
tui_keys F8
wait_for "Дата отзыва" "F8 asks for the date revoked"
tui_keys Tab
tui_type "заявление от 01.10.2025"
tui_keys F2
wait_for "отозвать согласие" "... and asks to confirm"
tui_type "д"
wait_for "Обезличить" "after revoking, anonymising is offered"
S=$(tui_screen)
like "$S" "Отменить это нельзя" "... saying it cannot be undone"
tui_type "д"
wait_for "Данные обезличены" "д anonymises"
S=$(tui_screen)
unlike "$S" "$P1" "... the name is gone from the screen"
N list people --class 7Б >"$T_TMP/out" 2>&1
unlike "$(tr '\t' ' ' <"$T_TMP/out")" "$P1" "... and from the file"
TOKEN=$(N list consents | awk -F'\t' 'NR > 1 && $13 != "" { print $3; exit }')
like "$S" "$TOKEN" "... which shows the token $TOKEN instead"

# ---- the participants list shows the token ----
tui_keys F9
wait_for "Главное меню" "F9 goes to the main menu"
tui_keys Up Enter
wait_for "Все участники" "the participants list opens"
tui_type "/${TOKEN%% *}"
wait_for "$TOKEN" "the list shows $TOKEN"
tui_keys Escape

# ---- a person's consents from the participants list and the card ----
tui_type "/$P2"
wait_for "$P2" "search finds $P2"
tui_keys Enter
tui_keys k
wait_for "Согласия: ${P2%% *}" "k opens the person's consents"
# A minor's paper "signed by self" is refused by the minor rule.
BEFORE=$(N list consents | grep -c "	${P2%% *}	")
tui_keys F7
wait_for "Новое согласие" "F7 opens the form for a new consent"
tui_keys Down Down Left
wait_for "< сам участник >" "... Signed by: the participant themself"
tui_keys F2
wait_for "законн" "F2 refuses it: a legal representative must sign"
tui_keys Enter
wait_for "Кем подписано: " "... the status line names the field «Кем подписано»"
like "$(tui_screen)" "Новое согласие" "... and the form stays open"
is "$(N list consents | grep -c "	${P2%% *}	")" "$BEFORE" "... nothing saved"
tui_keys Escape
tui_wait "Отбросить изменения" 3 >/dev/null && tui_type "д"
wait_for "Согласия: ${P2%% *}" "Esc leaves the form"
tui_keys F3
wait_for "Законные представители" "F3 there shows the card"
wait_for "папка 7Б" "... with the consents part"
tui_keys Escape Escape Escape
wait_for "поиск «$P2»" "Esc goes back to the list"

# ---- the owed list in the pager, saved to a file ----
tui_keys F9 Down Enter
wait_for "Согласия на обработку ПД" "back to Согласия"
tui_type "o"
wait_for "Кто не сдал согласие" "o opens the owed list"
wait_for "2Сохр" "... in a pager that can save"
tui_keys F2
wait_for "Сохранить в файл" "F2 asks where to save"
like "$(tui_screen)" "~/nastavnik-owed-2025-10-01.txt" "... offering a dated name"
tui_keys Enter
wait_for "Сохранено в" "Enter saves it"
F="$HOME/nastavnik-owed-2025-10-01.txt"
ok "$([ -f "$F" ]; echo $?)" "the file is written"
is "$(stat -c %a "$F" 2>/dev/null)" 600 "... readable by the user only"
like "$(cat "$F" 2>/dev/null)" "7Б" "... and it lists classes"
tui_keys Escape
tui_type "r"
wait_for "Охват согласиями" "r opens the coverage"
like "$(tui_screen)" "обучающийся" "... by category"
tui_keys Escape

# ---- import a class list with a preview ----
printf '%s\r\n' '№;ФИО;Дата рождения;Класс;Подпись' \
    '1;Ёлкина Мария Ивановна;14.03.2012;7В;' \
    '2;Зайцев Пётр Олегович;2.9.2012;7В;' >"$T_TMP/7v.utf8"
if iconv -f UTF-8 -t CP1251 "$T_TMP/7v.utf8" >"$T_TMP/7v.csv" 2>/dev/null; then
	ENC=cp1251
else
	cp "$T_TMP/7v.utf8" "$T_TMP/7v.csv"
	ENC=utf-8
fi
tui_keys F9
wait_for "Главное меню" "F9: the main menu"
tui_keys Up Enter
wait_for "Все участники" "the participants list"
tui_keys F2
wait_for "Загрузить участников из файла CSV" "F2 asks for the file to import"
tui_keys C-u
tui_type "$T_TMP/7v.csv"
tui_keys Enter
wait_for "Шаг 1 из 3" "the options come next"
tui_keys F2
wait_for "Ёлкина Мария Ивановна" "F2: the preview shows the first rows"
S=$(tui_screen)
like "$S" "Кодировка: $ENC · разделитель: ;" "... the encoding and delimiter found"
like "$S" "14.03.2012" "... the dates as they will be"
like "$S" "Подпись" "... and the ignored column"
tui_keys F2
wait_for "новых: 2" "F2: the check of the whole file counts 2 new"
tui_keys F2
wait_for "(д/н)" "F2 asks before importing"
tui_type "д"
wait_for "Загружено: новых — 2" "д imports and says so"
tui_type "/ёлкина"
wait_for "Ёлкина Мария Ивановна" "the list shows the new pupil"
like "$(tui_screen)" "7В" "... in 7В"
is "$(N list people --class 7В | rows)" 2 "the file has the two pupils of 7В"
tui_keys F10 F10

# ---- read-only: look, change nothing ----
T_TUI_ARGS=--read-only
tui_start "$DB" LANG=ru_RU.UTF-8 LANGUAGE= NASTAVNIK_TODAY=2025-10-01
T_TUI_ARGS=
wait_for "ТОЛЬКО ЧТЕНИЕ" "--read-only starts"
tui_wait "Главное меню" >/dev/null
tui_keys Down Enter
wait_for "Согласия на обработку ПД" "... Согласия opens"
tui_keys F4
wait_for "только для чтения" "... F4 (class checklist) is refused"
tui_keys F7
wait_for "только для чтения" "... F7 too"
unlike "$(tui_screen)" "Новое согласие" "... and no form opens"
tui_keys F10 F10 F10

# ---- no UTF-8 signs on a VT ----
T_TERM=vt100
tui_start "$DB" LANG=ru_RU.UTF-8 LANGUAGE= NASTAVNIK_TODAY=2025-10-01
T_TERM=
tui_wait "Главное меню" >/dev/null
tui_keys Down Enter
wait_for "Согласия на обработку ПД" "TERM=vt100: Согласия opens"
S=$(tui_screen | sed -n '5,22p')
unlike "$S" "✓" "... without ✓"
unlike "$S" "—" "... or — in the rows"
like "$S" " - " "... but with -"
tui_type "/$P2"
wait_for "$P2" "... a covered pupil"
like "$(tui_screen | grep -F "$P2")" " + " "... is marked +"
tui_keys F10 F10

plan "$T_N"
done_testing
