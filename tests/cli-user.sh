#!/bin/sh
# cli-user.sh: the users of a file from the shell: user add, list, edit, delete.
. "${top_srcdir:-.}/tests/lib.sh"

export LANG=C.UTF-8 LANGUAGE=
: "${NASTAVNIK_T:=${top_builddir:-.}/tests/nastavnik-t}"
# The test build, as the curator «olga» who makes the file.
export NASTAVNIK="$NASTAVNIK_T" NASTAVNIK_TEST_LOGIN=olga

DB="$T_TMP/u.db"
"$NASTAVNIK" -f "$DB" init >/dev/null || diag "init failed"
OR=$("$NASTAVNIK" -f "$DB" person add --last Орлова --first Мария \
    --category teacher)
HEADER=$(printf 'login\trole\tname\tperson\tclasses')

# ---- help and usage ----
run help user
is "$T_RC" 0 "help user"
for w in "user add" "user list" "user edit" "user delete" "--role" \
    "--class" "--person" "--no-classes"; do
	like "$T_OUT" "$w" "help user shows $w"
done
run --help
like "$T_OUT" "  user " "--help lists user"
run -f "$DB" user
is "$T_RC" 2 "user without an action is bad usage"
run -f "$DB" user frob
is "$T_RC" 2 "an unknown action is bad usage"
run -f "$DB" user add ivan
is "$T_RC" 2 "user add without --role is bad usage"
like "$T_ERR" "--role" "... naming --role"
run -f "$DB" user add ivan --role boss
is "$T_RC" 2 "an unknown role is bad usage"
like "$T_ERR" "curator, teacher or viewer" "... naming the roles"
run -f "$DB" user add --role teacher
is "$T_RC" 2 "user add without a login is bad usage"
run -f "$DB" user add ivan --role teacher --person x
is "$T_RC" 2 "a person that is not a number is bad usage"
run -f "$DB" user delete
is "$T_RC" 2 "user delete without a login is bad usage"
run -f "$DB" user list extra
is "$T_RC" 2 "user list takes no argument"

# ---- the creator ----
run -f "$DB" user list
is "$T_RC" 0 "user list"
is "$T_OUT" "$HEADER
olga	curator			" "the one who made the file is its curator"

# ---- add ----
run -f "$DB" user add ivan --role teacher --class 7б --class '10 а' \
    --person "$OR" --name 'Мария Ивановна'
is "$T_RC" 0 "a teacher with classes and a participant"
is "$T_OUT" "ivan" "... prints the login"
run -f "$DB" user add dir --role viewer
is "$T_RC" 0 "a viewer"
run -f "$DB" user add Dir --role viewer
is "$T_RC" 1 "a login with a capital letter"
like "$T_ERR" "«Dir» is not a login" "... is refused"
run -f "$DB" user add ivan --role viewer
is "$T_RC" 1 "the same login again"
like "$T_ERR" "already a user" "... is refused"
run -f "$DB" user add kim --role teacher --class 7Q
is "$T_RC" 1 "a class that is not one"
like "$T_ERR" "«7Q» is not a class" "... is named"
run -f "$DB" user add kim --role teacher --person 999
is "$T_RC" 1 "a participant that is not there"
like "$T_ERR" "no participant number 999" "... is named"
run -f "$DB" user add kim --role viewer --class 7Б
is "$T_RC" 1 "classes for a viewer"
like "$T_ERR" "only a teacher has classes" "... are refused"
run -f "$DB" user list
is "$T_OUT" "$HEADER
olga	curator			
ivan	teacher	Мария Ивановна	$OR	10А,7Б
dir	viewer			" "the list: curators, teachers, viewers"

# ---- edit ----
run -f "$DB" user edit ivan --class 8в
is "$T_RC" 0 "edit the classes"
run -f "$DB" user list
like "$T_OUT" "ivan	teacher	Мария Ивановна	$OR	8В" "... replaced, the rest kept"
run -f "$DB" user edit ivan --role viewer --name '' --person ''
is "$T_RC" 0 "a teacher becomes a viewer"
run -f "$DB" user list
is "$(printf '%s\n' "$T_OUT" | grep '^ivan')" "ivan	viewer			" \
    "... their classes, name and participant gone"
run -f "$DB" user edit olga --role viewer
is "$T_RC" 1 "the only curator cannot stop being one"
like "$T_ERR" "only curator" "... saying so"
run -f "$DB" user edit nobody --role viewer
is "$T_RC" 1 "an unknown login to edit"
like "$T_ERR" "no user «nobody»" "... is named"

# ---- delete ----
run -f "$DB" user delete olga
is "$T_RC" 1 "the last curator cannot be removed"
run -f "$DB" user delete dir
is "$T_RC" 0 "a viewer removed"
run -f "$DB" user delete dir
is "$T_RC" 1 "... once"
run -f "$DB" user add petr --role curator
is "$T_RC" 0 "a second curator"
run -f "$DB" user delete olga
is "$T_RC" 0 "with another curator, one may remove oneself"
like "$T_ERR" "removed yourself" "... and is told what it means"
NASTAVNIK_TEST_LOGIN=petr run -f "$DB" user list
is "$T_OUT" "$HEADER
petr	curator			
ivan	viewer			" "what is left"

# ---- the audit log: who did what to which user, nothing more ----
if command -v sqlite3 >/dev/null 2>&1; then
	A=$(sqlite3 "$DB" "SELECT user || ' ' || action || ' ' || entity_id \
	    FROM audit WHERE entity = 'user' ORDER BY id")
	like "$A" "olga user.add 1" "the first curator's arrival is audited"
	like "$A" "olga user.edit 2" "edits are audited with the user's id"
	like "$A" "olga user.delete 3" "removals too"
else
	skip 3 "no sqlite3 shell"
fi

plan "$T_N"
done_testing
