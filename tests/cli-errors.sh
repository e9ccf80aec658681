#!/bin/sh
# cli-errors.sh: bad usage and bad files: the right status and one clear line, never SQLite's codes.
. "${top_srcdir:-.}/tests/lib.sh"

export LANG=C.UTF-8 LANGUAGE=

lines() { printf '%s\n' "$1" | grep -c .; }

# one_line DESCRIPTION: T_RC is 1 and stderr is one plain sentence
one_line() {
	is "$T_RC" 1 "$1: status 1"
	is "$(lines "$T_ERR")" 1 "$1: one line on stderr"
	like "$T_ERR" "nastavnik: " "$1: the line names the program"
	unlike "$T_ERR" "SQLITE_" "$1: no SQLite codes"
	unlike "$T_ERR" "sqlite3_" "$1: no SQLite calls"
}

# ---- bad usage: status 2 and a hint ----
run frob
is "$T_RC" 2 "an unknown command is status 2"
like "$T_ERR" "unknown command 'frob'" "... named"
like "$T_ERR" "Try 'nastavnik --help'." "... with a hint"
run --frob
is "$T_RC" 2 "an unknown option is status 2"
like "$T_ERR" "--frob" "... named"
run -x
is "$T_RC" 2 "an unknown short option is status 2"
run -f
is "$T_RC" 2 "-f without a file is status 2"
like "$T_ERR" "-f" "... naming the option"
run --file
is "$T_RC" 2 "--file without a file is status 2"
run list
is "$T_RC" 2 "list without a kind is status 2"
run list pairs-and-such
is "$T_RC" 2 "list of an unknown kind is status 2"
run list people --frob
is "$T_RC" 2 "an unknown option of a command is status 2"
like "$T_ERR" "Try 'nastavnik help list'." "... with the command's hint"
run list people --search
is "$T_RC" 2 "a command option without its value is status 2"
run person
is "$T_RC" 2 "person without an action is status 2"
run person show
is "$T_RC" 2 "person show without an id is status 2"
run backup
is "$T_RC" 2 "backup without a destination is status 2"
run init --seed many
is "$T_RC" 2 "init --seed with a word is status 2"
run help frob
is "$T_RC" 2 "help on an unknown command is status 2"

# ---- a missing database is not created by a typo ----
run -f "$T_TMP/none.db" list people
one_line "a missing database"
like "$T_ERR" "no database at $T_TMP/none.db; create one with 'nastavnik init'" \
    "a missing database: what to do"
ok "$([ ! -e "$T_TMP/none.db" ]; echo $?)" "a missing database is not created by list"
run list people
one_line "the default database before init"
ok "$([ ! -e "$HOME/.local/share/nastavnik" ]; echo $?)" \
    "... and its folder is not created"
run -f "$T_TMP/none.db" person add --last А --first Б --category pupil
one_line "person add on a missing database"
run -f "$T_TMP/none.db" check
one_line "check on a missing database"
run -f "$T_TMP/none.db" backup "$T_TMP/none-copy.db"
one_line "backup of a missing database"

# ---- a missing folder ----
run -f "$T_TMP/no/such/folder/x.db" init
one_line "init in a missing folder"
like "$T_ERR" "$T_TMP/no/such/folder" "... names the folder"
run -f "$T_TMP/no/such/folder/x.db" list people
one_line "list in a missing folder"

# ---- files that are not ours ----
head -c 8192 /dev/urandom >"$T_TMP/random.db"
run -f "$T_TMP/random.db" list people
one_line "a file of random bytes"
run -f "$T_TMP/random.db" init
one_line "init on a file of random bytes"
printf 'Это не база, а письмо.\n' >"$T_TMP/letter.txt"
run -f "$T_TMP/letter.txt" list people
one_line "a text file"

if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 "$T_TMP/foreign.db" "CREATE TABLE t (x); INSERT INTO t VALUES (1);"
	run -f "$T_TMP/foreign.db" list people
	one_line "another program's SQLite file"
	run -f "$T_TMP/foreign.db" init
	one_line "init on another program's SQLite file"
	is "$(sqlite3 "$T_TMP/foreign.db" 'SELECT count(*) FROM sqlite_master')" 1 \
	    "... which is left untouched"

	sqlite3 "$T_TMP/newer.db" "PRAGMA application_id=1314083926;
	    PRAGMA user_version=99; CREATE TABLE person (x);"
	run -f "$T_TMP/newer.db" list people
	one_line "a file of a newer schema"
	like "$T_ERR" "newer" "... says it is newer"
	run -f "$T_TMP/newer.db" person add --last А --first Б --category pupil
	one_line "person add on a newer schema"
else
	skip 18 "no sqlite3 shell"
fi

# ---- a damaged file ----
DB="$T_TMP/good.db"
"$NASTAVNIK" -f "$DB" init --demo >/dev/null
cp "$DB" "$T_TMP/damaged.db"
size=$(stat -c %s "$T_TMP/damaged.db")
# Scribble over the middle pages, keep the header: SQLite opens it.
head -c $((size / 2)) /dev/urandom | dd of="$T_TMP/damaged.db" bs=4096 \
    seek=$((size / 4096 / 4)) conv=notrunc 2>/dev/null
run -f "$T_TMP/damaged.db" check
is "$T_RC" 1 "check on a damaged file: status 1"
unlike "$T_ERR$T_OUT" "SQLITE_" "check on a damaged file: no SQLite codes"
like "$T_OUT$T_ERR" "backup" "check on a damaged file: says to restore a backup"

# ---- read-only: the file, and --read-only ----
run -f "$DB" -R person add --last А --first Б --category pupil
one_line "person add under --read-only"
like "$T_ERR" "read-only" "... says so"
run -f "$DB" --read-only person delete 1
one_line "person delete under --read-only"
run -f "$DB" -R person edit 1 --class 5А
one_line "person edit under --read-only"
run -f "$DB" -R init
one_line "init under --read-only"
run -f "$DB" -R list people
is "$T_RC" 0 "list people works under --read-only"
run -f "$DB" -R check
is "$T_RC" 0 "check works under --read-only"
run -f "$T_TMP/none.db" -R list people
one_line "--read-only on a missing file"
ok "$([ ! -e "$T_TMP/none.db" ]; echo $?)" "--read-only creates nothing"

cp "$DB" "$T_TMP/ro.db"
chmod 0444 "$T_TMP/ro.db"
# A file with no write bit is respected even by root (see db_open).
run -f "$T_TMP/ro.db" person add --last А --first Б --category pupil
one_line "person add on a 0444 file"
like "$T_ERR" "read-only" "... says the file is read-only"
run -f "$T_TMP/ro.db" list people
is "$T_RC" 0 "list people works on a 0444 file"
like "$T_OUT" "id	last" "... and prints the list"

# ---- backup to a place it cannot write ----
run -f "$DB" backup "$T_TMP/no/such/folder/copy.db"
one_line "backup into a missing folder"

plan "$T_N"
done_testing
