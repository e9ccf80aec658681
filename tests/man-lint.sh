#!/bin/sh
# man-lint.sh: the manual is clean mdoc and describes every command and option the program has.
. "${top_srcdir:-.}/tests/lib.sh"

[ -n "${MANDOC:-}" ] || skip_all "mandoc is not installed"
MAN="$top_srcdir/man/nastavnik.1"
export LANG=C.UTF-8 LANGUAGE=

# Only warnings and errors count; "outdated mandoc.db" is about this machine.
lint=$("$MANDOC" -Tlint -Wwarning "$MAN" 2>&1 | grep -v 'mandoc\.db')
is "$lint" "" "mandoc -Tlint finds no warning or error"
out=$("$MANDOC" -Thtml "$MAN" 2>/dev/null)
like "$out" "SYNOPSIS" "the page renders"

run --help
is "$T_RC" 0 "--help works"
cmds=$(printf '%s\n' "$T_OUT" | sed -n '/^Commands:/,/^$/p' | awk 'NF > 1 { print $1 }')
ok "$([ -n "$cmds" ]; echo $?)" "--help lists commands"
for c in $cmds; do
	ok "$(grep -q "^\.It Cm $c\( \|$\)" "$MAN"; echo $?)" \
	    "COMMANDS describes '$c'"
	ok "$(grep -q "^\.Cm $c\( \|$\)" "$MAN"; echo $?)" \
	    "SYNOPSIS shows '$c'"
	# Every long option of the command is in the manual.
	run help "$c"
	for o in $(printf '%s\n' "$T_OUT" | grep -o -- '--[a-z][a-z-]*' | sort -u); do
		ok "$(grep -qF -- "Fl \\${o#-}" "$MAN"; echo $?)" \
		    "the manual has $c's option $o"
	done
done
# And the global ones.
for o in $(printf '%s\n' "$(cd "$T_TMP" && "$NASTAVNIK" --help)" |
    sed -n '/^Options:/,/^$/p' | grep -o -- '--[a-z][a-z-]*' | sort -u); do
	ok "$(grep -qF -- "Fl \\${o#-}" "$MAN"; echo $?)" \
	    "the manual has the global option $o"
done
for s in "TUI KEYS" FILES ENVIRONMENT "EXIT STATUS" EXAMPLES "SEE ALSO"; do
	ok "$(grep -q "^\.Sh $s\$" "$MAN"; echo $?)" "the manual has $s"
done
for v in NASTAVNIK_DB NASTAVNIK_TODAY XDG_DATA_HOME HOME LANGUAGE TERM NASTAVNIK_LOCALEDIR; do
	ok "$(grep -Eq "^\.It Ev (.* )?$v( |\$)" "$MAN"; echo $?)" \
	    "ENVIRONMENT describes $v"
done

plan "$T_N"
done_testing
