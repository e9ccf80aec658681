#!/bin/sh
# tui-locale.sh: the screens in English and Russian, on vt100, resized, with hostile names, under KOI8-R.
. "${top_srcdir:-.}/tests/lib.sh"

command -v "${TMUX_BIN:-tmux}" >/dev/null 2>&1 || skip_all "tmux is not installed"
TM=${TMUX_BIN:-tmux}

DB="$T_TMP/school.db"
"$NASTAVNIK" -f "$DB" init --demo >/dev/null 2>&1 || { echo "Bail out! init --demo failed"; exit 1; }

screen_attr() { "$TM" -L "$T_TMUX_SOCK" capture-pane -e -p; }
reverse() { screen_attr | grep -F -- "$1" | head -1 | grep -q "$(printf '\033')\[[0-9;]*7m"; }
wait_for() { tui_wait "$1"; ok $? "$2"; }
stop() { "$TM" -L "$T_TMUX_SOCK" kill-server 2>/dev/null; T_TMUX_SOCK=""; }

# ---- English by default ----
tui_start "$DB" LANG=C.UTF-8 LANGUAGE= || skip_all "tmux could not start"
wait_for "Participants" "LANG=C.UTF-8: the menu is in English"
S=$(tui_screen)
like "$S" "Main menu" "... titled Main menu"
like "$S" "1Help" "... with the key bar in English"
unlike "$S" "Участники" "... and no Russian"
stop

# ---- LANGUAGE=ru under C.UTF-8 ----
tui_start "$DB" LANG=C.UTF-8 LANGUAGE=ru
wait_for "Участники" "LANG=C.UTF-8 LANGUAGE=ru: the menu is in Russian"
like "$(tui_screen)" "1Помощь" "... with the key bar in Russian"
stop

# ---- vt100: no colour, the selection in reverse video ----
if has_locale ru_RU.UTF-8; then RU=ru_RU.UTF-8; else RU=C.UTF-8; fi
T_TERM=vt100 tui_start "$DB" LANG=$RU LANGUAGE=ru
wait_for "Согласия" "TERM=vt100: the menu is drawn"
reverse "Участники"
ok $? "... the selected entry is in reverse video"
tui_keys Down
tui_wait "Согласия" >/dev/null
_i=0
until reverse "Согласия" || [ $_i -ge 40 ]; do sleep 0.05; _i=$((_i + 1)); done
reverse "Согласия"
ok $? "... and the selection moves with the arrow"
screen_attr | grep -q "$(printf '\033')\[3[0-8]m"
ok $((! $?)) "... without colours"
tui_keys Up Enter
wait_for "ФИО" "... the participants list opens"
stop

# ---- too small, then back ----
tui_start "$DB" LANG=$RU LANGUAGE=ru
wait_for "Участники" "80x24: the menu is drawn"
tui_resize 60 20
wait_for "60×20" "at 60x20 a note says the terminal is too small"
like "$(tui_screen)" "80×24" "... and what it needs"
unlike "$(tui_screen)" "Участники" "... instead of the menu"
tui_resize 80 24
wait_for "Участники" "back at 80x24 the menu returns"
like "$(tui_screen)" "1Помощь" "... with its key bar"
stop

# ---- a name with an escape sequence is shown escaped ----
if command -v sqlite3 >/dev/null 2>&1; then
	# The core refuses control characters, so put the name in behind its back.
	sqlite3 "$DB" "INSERT INTO person (last, first, category, sort_key,
	    search_key) VALUES ('Злой' || char(27) || '[31mКрасный', 'Имя',
	    'teacher', '', ' злой')" 2>"$T_TMP/sqlerr"
	ok $? "a name with ESC [31m is put into the file"
	tui_start "$DB" LANG=$RU LANGUAGE=ru
	tui_wait "Участники" >/dev/null
	tui_keys Enter
	wait_for 'Злой^[[31mКрасный Имя' "the list shows it as ^[[31m"
	S=$(screen_attr)
	case $S in
	*"$(printf '\033')[31m"*) ok 1 "... and the terminal never turns red" ;;
	*) ok 0 "... and the terminal never turns red" ;;
	esac
	like "$(tui_screen | sed -n 1p)" " nastavnik" "... the title bar is intact"
	like "$(tui_screen | tail -1)" "1Помощь" "... and the key bar too"
	stop
else
	skip 5 "sqlite3 is not installed"
fi

# ---- KOI8-R: the bytes the terminal gets are KOI8-R ----
if has_locale ru_RU.KOI8-R && command -v iconv >/dev/null 2>&1; then
	RAW="$T_TMP/koi8.raw"
	: >"$RAW"
	tui_start "$DB" LANG=ru_RU.KOI8-R LANGUAGE=
	_i=0
	until [ -n "$(tui_screen | tr -d ' \n')" ] || [ $_i -ge 100 ]; do
		sleep 0.05; _i=$((_i + 1))
	done
	"$TM" -L "$T_TMUX_SOCK" pipe-pane -o "cat >>'$RAW'"
	tui_keys C-l
	koi() { iconv -f KOI8-R -t UTF-8 <"$RAW" 2>/dev/null; }
	_i=0
	until koi | grep -q "Участники" || [ $_i -ge 100 ]; do
		sleep 0.05; _i=$((_i + 1))
	done
	koi | grep -q "Участники"
	ok $? "KOI8-R: the menu arrives as KOI8-R bytes"
	koi | grep -q "Дорожная карта"
	ok $? "... every entry of it"
	grep -q "$(printf '\320\243')" "$RAW"
	ok $((! $?)) "... and not as UTF-8"
	# Typed KOI8-R letters reach the search: б е л is C2 C5 CC.
	tui_keys Enter
	tui_keys /
	"$TM" -L "$T_TMUX_SOCK" send-keys -H c2 c5 cc
	sleep 0.3
	tui_keys C-l
	_i=0
	until koi | grep -q "Белов" || [ $_i -ge 100 ]; do
		sleep 0.05; _i=$((_i + 1))
	done
	koi | grep -q "Белов"
	ok $? "... and letters typed in KOI8-R find Белов"
	stop
else
	skip 4 "the ru_RU.KOI8-R locale or iconv is missing"
fi

plan "$T_N"
done_testing
