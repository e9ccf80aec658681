# lib.sh: TAP helpers for the shell tests (CLI and tmux-driven TUI).
# Sourced by tests/*.sh; $NASTAVNIK points at the built program.

set -u
: "${NASTAVNIK:=${top_builddir:-.}/src/nastavnik}"
: "${top_srcdir:=.}"
export TZ=UTC
unset NASTAVNIK_DB NASTAVNIK_TODAY XDG_DATA_HOME LC_ALL LC_MESSAGES

T_N=0
T_FAILED=0
T_TMP=$(mktemp -d "${TMPDIR:-/tmp}/nastavnik-test.XXXXXX")
export HOME="$T_TMP/home"
mkdir -p "$HOME"
T_TMUX_SOCK=""

t_cleanup() {
	if [ -n "$T_TMUX_SOCK" ]; then
		"${TMUX_BIN:-tmux}" -L "$T_TMUX_SOCK" kill-server 2>/dev/null
	fi
	rm -rf "$T_TMP"
}
trap t_cleanup EXIT

plan() { echo "1..$1"; }
diag() { printf '# %s\n' "$@"; }

ok() {	# ok STATUS DESCRIPTION
	T_N=$((T_N + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $T_N - $2"
	else
		T_FAILED=$((T_FAILED + 1))
		echo "not ok $T_N - $2"
	fi
}

skip() {	# skip COUNT REASON
	_i=0
	while [ "$_i" -lt "$1" ]; do
		T_N=$((T_N + 1))
		echo "ok $T_N # SKIP $2"
		_i=$((_i + 1))
	done
}

skip_all() { echo "1..0 # SKIP $1"; exit 0; }

is() {	# is GOT WANT DESCRIPTION
	if [ "$1" = "$2" ]; then
		ok 0 "$3"
	else
		ok 1 "$3"
		diag "got:" "$1" "want:" "$2"
	fi
}

like() {	# like GOT FIXED-STRING DESCRIPTION
	case "$1" in
	*"$2"*) ok 0 "$3" ;;
	*) ok 1 "$3"; diag "got:" "$1" "expected to contain:" "$2" ;;
	esac
}

unlike() {	# unlike GOT FIXED-STRING DESCRIPTION
	case "$1" in
	*"$2"*) ok 1 "$3"; diag "got:" "$1" "expected not to contain:" "$2" ;;
	*) ok 0 "$3" ;;
	esac
}

# run ARGS...: runs the program, stores stdout, stderr and status.
run() {
	"$NASTAVNIK" "$@" >"$T_TMP/out" 2>"$T_TMP/err"
	T_RC=$?
	T_OUT=$(cat "$T_TMP/out")
	T_ERR=$(cat "$T_TMP/err")
}

done_testing() {
	[ "$T_FAILED" -eq 0 ]
	exit $?
}

# ---- tmux ----

has_locale() {	# has_locale ru_RU.UTF-8
	_want=$(printf '%s' "$1" | tr 'A-Z' 'a-z' | sed 's/-//g')
	locale -a 2>/dev/null | tr 'A-Z' 'a-z' | sed 's/-//g' | grep -qx "$_want"
}

# tui_start DB [ENV=VALUE ...]: start the TUI at 80x24 in a private tmux server.
tui_start() {
	_db=$1
	shift
	command -v "${TMUX_BIN:-tmux}" >/dev/null 2>&1 || return 1
	T_TMUX_SOCK="nastavnik-test-$$-$T_N"
	"${TMUX_BIN:-tmux}" -L "$T_TMUX_SOCK" -f /dev/null new-session -d \
	    -x 80 -y 24 env -u TMUX HOME="$HOME" TZ=UTC TERM="${T_TERM:-xterm-256color}" \
	    NASTAVNIK_LOCALEDIR="${NASTAVNIK_LOCALEDIR:-}" "$@" \
	    "$NASTAVNIK" -f "$_db" ${T_TUI_ARGS:-}
	"${TMUX_BIN:-tmux}" -L "$T_TMUX_SOCK" set-option -g status off >/dev/null
}

tui_keys() { "${TMUX_BIN:-tmux}" -L "$T_TMUX_SOCK" send-keys "$@"; }
tui_type() { "${TMUX_BIN:-tmux}" -L "$T_TMUX_SOCK" send-keys -l "$1"; }
tui_screen() { "${TMUX_BIN:-tmux}" -L "$T_TMUX_SOCK" capture-pane -p 2>/dev/null; }
tui_resize() { "${TMUX_BIN:-tmux}" -L "$T_TMUX_SOCK" resize-window -x "$1" -y "$2"; }

# tui_settle: wait (up to a second) until two captures 30 ms apart agree,
# so a check does not read a screen that curses is still writing.
tui_settle() {
	_prev=$(tui_screen)
	_i=0
	while [ "$_i" -lt 30 ]; do
		sleep 0.03
		_now=$(tui_screen)
		[ "$_now" = "$_prev" ] && return 0
		_prev=$_now
		_i=$((_i + 1))
	done
	return 0
}

# tui_wait TEXT [SECONDS]: poll the screen until TEXT shows (and the screen
# is still); 0 if it did.
tui_wait() {
	_deadline=$(( $(date +%s) + ${2:-10} ))
	while :; do
		if tui_screen | grep -qF -- "$1"; then
			tui_settle
			return 0
		fi
		[ "$(date +%s)" -ge "$_deadline" ] && break
		sleep 0.05
	done
	diag "timed out waiting for: $1" "screen was:"
	tui_screen | sed 's/^/#   /'
	return 1
}

# tui_wait_gone TEXT [SECONDS]: poll until TEXT is no longer on the screen.
tui_wait_gone() {
	_deadline=$(( $(date +%s) + ${2:-10} ))
	while :; do
		if ! tui_screen | grep -qF -- "$1"; then
			return 0
		fi
		[ "$(date +%s)" -ge "$_deadline" ] && break
		sleep 0.05
	done
	diag "timed out waiting for this to go: $1"
	tui_screen | sed 's/^/#   /'
	return 1
}

# tui_running: is the program still alive in the pane?
tui_running() {
	"${TMUX_BIN:-tmux}" -L "$T_TMUX_SOCK" list-panes -F '#{pane_dead}' 2>/dev/null | grep -qx 0
}
