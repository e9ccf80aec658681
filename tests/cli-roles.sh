#!/bin/sh
# cli-roles.sh: who may reach what: the creator, strangers, teachers, viewers, root, a real second login.
. "${top_srcdir:-.}/tests/lib.sh"

export LANG=C.UTF-8 LANGUAGE=
: "${NASTAVNIK_T:=${top_builddir:-.}/tests/nastavnik-t}"
REAL=$NASTAVNIK
NASTAVNIK=$NASTAVNIK_T
unset NASTAVNIK_TEST_LOGIN

# as LOGIN ARGS...: run the test build as LOGIN.
as() {
	_l=$1
	shift
	NASTAVNIK_TEST_LOGIN=$_l run "$@"
}

DB="$T_TMP/r.db"
as olga -f "$DB" init
is "$T_RC" 0 "olga makes a file"
as olga -f "$DB" user list
like "$T_OUT" "olga	curator" "the creator is its curator"
as olga -f "$DB" person add --last Орлова --first Мария --category teacher
PID=$T_OUT
as olga -f "$DB" user add ivan --role teacher --class 7Б --person "$PID"
as olga -f "$DB" user add dir --role viewer
is "$T_RC" 0 "a teacher and a viewer added"

as kim -f "$T_TMP/demo.db" init --demo
is "$T_RC" 0 "kim makes a demo school"
as kim -f "$T_TMP/demo.db" user list
is "$(printf '%s\n' "$T_OUT" | sed -n 2p)" "$(printf 'kim\tcurator\t\t\t')" \
    "... and is its curator (the demo adds its teacher ivanova after)"

# ---- a stranger ----
as petr -f "$DB" list people
is "$T_RC" 1 "an unknown login is refused"
is "$T_ERR" "nastavnik: the login «petr» is not among this database's \
users; ask the curator (login «olga») to add you: nastavnik user add petr \
--role teacher" "... with one sentence naming the curator and the command"
is "$T_OUT" "" "... and nothing read"
as petr -f "$DB" help
is "$T_RC" 0 "help needs no database"

# ---- a teacher ----
for c in "person add --last А --first Б --category pupil" "list people" \
    "export mentees" "consent owed" "user list" "backup $T_TMP/b.db" \
    "list roadmap"; do
	# shellcheck disable=SC2086
	as ivan -f "$DB" $c
	is "$T_RC" 1 "a teacher may not: $c"
	like "$T_ERR" "«ivan» is a teacher here" "... said in a sentence"
	is "$(printf '%s\n' "$T_ERR" | grep -c .)" 1 "... only one"
	is "$T_OUT" "" "... and nothing printed"
done
as ivan -f "$DB" help
is "$T_RC" 0 "a teacher may ask for help"
as ivan --version
is "$T_RC" 0 "... and the version"
[ ! -e "$T_TMP/b.db" ]
ok $? "the refused backup wrote nothing"

# ---- a viewer ----
as dir -f "$DB" list people
is "$T_RC" 0 "a viewer reads the participants"
like "$T_OUT" "Орлова" "... all of them"
as dir -f "$DB" consent coverage
is "$T_RC" 0 "... and prints reports"
as dir -f "$DB" person add --last А --first Б --category pupil
is "$T_RC" 1 "a viewer may not add a participant"
like "$T_ERR" "«dir» may only read and print here; ask the curator (login \
«olga») for changes" "... and is told whom to ask"
as dir -f "$DB" person edit "$PID" --phone 1
is "$T_RC" 1 "... nor change one"
as dir -f "$DB" user list
is "$T_RC" 1 "a viewer does not see the users"
like "$T_ERR" "only a curator manages the users" "... saying so"
as olga -f "$DB" list people
like "$T_OUT" "Орлова" "nothing changed by the refusals"
is "$(printf '%s\n' "$T_OUT" | sed 1d | grep -c .)" 1 "... one person still"

# ---- the screens ----
# The program in the pane, then its exit status, so both can be read.
cat >"$T_TMP/wrap" <<WRAP
#!/bin/sh
"$NASTAVNIK_T" "\$@"
echo "rc=\$?"
exec sleep 60
WRAP
chmod +x "$T_TMP/wrap"
if command -v "${TMUX_BIN:-tmux}" >/dev/null 2>&1; then
	NASTAVNIK="$T_TMP/wrap" tui_start "$DB" LANG=C.UTF-8 LANGUAGE= \
	    NASTAVNIK_TEST_LOGIN=petr
	tui_wait "rc=1"
	ok $? "a stranger's screens end at once, failing"
	like "$(tui_screen)" "«petr» is not among this database's users" \
	    "... saying why on the plain terminal"
	"${TMUX_BIN:-tmux}" -L "$T_TMUX_SOCK" kill-server

	NASTAVNIK="$T_TMP/wrap" tui_start "$DB" LANG=C.UTF-8 LANGUAGE= \
	    NASTAVNIK_TEST_LOGIN=dir
	tui_wait "Main menu"
	ok $? "a viewer sees the main menu"
	like "$(tui_screen)" "READ ONLY" "... read-only, as -R gives"
	tui_keys Enter
	tui_wait "Орлова"
	ok $? "... and the participants"
	tui_keys F7
	tui_wait "may only read and print"
	ok $? "... but may not add one, and is told so"
	tui_keys F10
	tui_keys F10
	tui_wait "rc=0"
	ok $? "... and leaves with F10"
	"${TMUX_BIN:-tmux}" -L "$T_TMUX_SOCK" kill-server

	NASTAVNIK="$T_TMP/wrap" tui_start "$DB" LANG=C.UTF-8 LANGUAGE= \
	    NASTAVNIK_TEST_LOGIN=ivan
	tui_settle
	sleep 0.3
	tui_settle
	unlike "$(tui_screen)" "Main menu" "a teacher gets no main menu"
	like "$(tui_screen)" "My meetings" "... but their own meetings"
	tui_keys F9
	tui_settle
	unlike "$(tui_screen)" "Main menu" "... not even with F9"
	tui_keys F10
	tui_wait "rc=0"
	ok $? "quitting the teacher's screen quits"
	"${TMUX_BIN:-tmux}" -L "$T_TMUX_SOCK" kill-server
	T_TMUX_SOCK=""
else
	skip 9 "no tmux"
fi

# ---- the release build takes the login from the system only ----
if grep -q NASTAVNIK_TEST_LOGIN "$REAL"; then
	ok 1 "the installed program has no test hook"
else
	ok 0 "the installed program has no test hook"
fi
D2="$T_TMP/rel.db"
NASTAVNIK_TEST_LOGIN=ivan "$REAL" -f "$D2" init >/dev/null 2>&1
ME=$(id -un)
NASTAVNIK_TEST_LOGIN=ivan "$REAL" -f "$D2" user list >"$T_TMP/o" 2>&1
like "$(cat "$T_TMP/o")" "$ME	curator" \
    "the release build ignores NASTAVNIK_TEST_LOGIN when it makes a file"
USER=ivan LOGNAME=ivan NASTAVNIK_TEST_LOGIN=ivan "$REAL" -f "$DB" \
    list people >"$T_TMP/o" 2>&1
if [ "$(id -u)" -eq 0 ]; then
	like "$(cat "$T_TMP/o")" "Орлова" \
	    "... and reads as the real (root) login, not as ivan"
else
	like "$(cat "$T_TMP/o")" "«$ME» is not among" \
	    "... and is refused as the real login, not let in as ivan"
fi

# ---- root, when not listed, is a curator: the way back in ----
if [ "$(id -u)" -eq 0 ]; then
	NASTAVNIK=$REAL run -f "$DB" person add --last Жуков --first Пётр \
	    --category teacher
	is "$T_RC" 0 "root, not listed, may change the file"
	NASTAVNIK=$REAL run -f "$DB" user add kim --role viewer
	is "$T_RC" 0 "... and add users"
	as root -f "$DB" user list
	unlike "$T_OUT" "root" "... without being added to the list"
else
	skip 3 "not running as root"
fi

# ---- a real second Unix user, when we may make one ----
U=nvtest$$
if [ "$(id -u)" -eq 0 ] && command -v useradd >/dev/null 2>&1 &&
    command -v runuser >/dev/null 2>&1 &&
    useradd -M -N -s /bin/sh "$U" 2>/dev/null; then
	trap 'userdel "$U" 2>/dev/null; t_cleanup' EXIT
	SH=$(mktemp -d /tmp/nastavnik-share.XXXXXX)
	chmod 0777 "$SH"
	trap 'userdel "$U" 2>/dev/null; rm -rf "$SH"; t_cleanup' EXIT
	"$REAL" -f "$SH/s.db" init >/dev/null
	"$REAL" -f "$SH/s.db" person add --last Орлова --first Мария \
	    --category teacher >/dev/null
	chmod 0666 "$SH/s.db"
	# The build folder may be closed to others (a 0700 temporary folder
	# in CI): they run a copy of the program from the shared folder.
	cp "$REAL" "$SH/nastavnik" && chmod 0755 "$SH/nastavnik"
	ras() { runuser -u "$U" -- env HOME=/ "$SH/nastavnik" -f "$SH/s.db" "$@" \
	    >"$T_TMP/out" 2>"$T_TMP/err"; T_RC=$?; T_ERR=$(cat "$T_TMP/err");
	    T_OUT=$(cat "$T_TMP/out"); }
	ras list people
	is "$T_RC" 1 "a real login not listed is refused"
	like "$T_ERR" "«$U» is not among this database's users; ask the \
curator (login «$(id -un)»)" "... naming the curator"
	"$REAL" -f "$SH/s.db" user add "$U" --role teacher >/dev/null
	NASTAVNIK_TEST_LOGIN=root ras list people
	is "$T_RC" 1 "as a teacher they may not list people"
	like "$T_ERR" "«$U» is a teacher here" "... even claiming to be root"
	"$REAL" -f "$SH/s.db" user edit "$U" --role viewer >/dev/null
	ras list people
	is "$T_RC" 0 "as a viewer they read"
	ras person add --last А --first Б --category pupil
	is "$T_RC" 1 "... and change nothing"
else
	skip 6 "cannot make a second Unix user here"
fi

plan "$T_N"
done_testing
