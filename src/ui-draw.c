/* ui-draw.c: curses set-up, attributes, safe text drawing, the bars and key reading. */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "date.h"
#include "i18n.h"
#include "text.h"
#include "ui-draw.h"

/* After a lone Esc, how long to wait for a digit (Esc 1 = F1 for PuTTY). */
#define UI_ESC_DIGIT_MS	300
/* The rest of an unknown escape sequence arrives at once. */
#define UI_ESC_SEQ_MS	20

static attr_t	ui_attrs[UI_ATTR__COUNT];
static int	ui_is_utf8;

/* Flow control would swallow Ctrl-S (save) and Ctrl-Q: turn it off. */
static void
ui_no_flow_control(void)
{
	struct termios	t;

	if (tcgetattr(STDIN_FILENO, &t) == 0) {
		t.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
		tcsetattr(STDIN_FILENO, TCSANOW, &t);
		def_prog_mode();
	}
}

static void
ui_colours(void)
{
	static const struct {
		enum ui_attr	 role;
		short		 fg, bg;
		attr_t		 extra;
		attr_t		 mono;
	} scheme[] = {
		{ UI_TITLE, COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE },
		{ UI_BARLABEL, COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE },
		{ UI_ERROR, COLOR_RED, -1, A_BOLD, A_BOLD },
		{ UI_FIELDCUR, COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE },
		{ UI_DIALOG, COLOR_WHITE, COLOR_BLUE, 0, A_NORMAL },
		{ UI_DIM, COLOR_CYAN, -1, 0, A_NORMAL },
	};
	size_t	i;
	int	colour;

	ui_attrs[UI_NORMAL] = A_NORMAL;
	ui_attrs[UI_BARKEY] = A_NORMAL;
	ui_attrs[UI_SELECT] = A_REVERSE;
	ui_attrs[UI_HEADER] = A_BOLD;
	ui_attrs[UI_FIELD] = A_UNDERLINE;

	colour = has_colors() && start_color() == OK;
	if (colour && use_default_colors() != OK)
		colour = 0;
	for (i = 0; i < nitems(scheme); i++) {
		if (colour && init_pair((short)(i + 1), scheme[i].fg,
		    scheme[i].bg) == OK)
			ui_attrs[scheme[i].role] = COLOR_PAIR(i + 1) |
			    scheme[i].extra;
		else
			ui_attrs[scheme[i].role] = scheme[i].mono;
	}
}

/*
 * Keys that terminals send differently from what their terminfo entry
 * says (PuTTY and tmux send ESC [ 1 ~ and ESC [ 4 ~ for Home and End; the
 * Linux console and PuTTY's default send other F-key codes).
 */
static void
ui_define_keys(void)
{
	static const struct {
		const char	*seq;
		int		 key;
	} extra[] = {
		{ "\033[1~", KEY_HOME }, { "\033[4~", KEY_END },
		{ "\033[7~", KEY_HOME }, { "\033[8~", KEY_END },
		{ "\033[H", KEY_HOME }, { "\033[F", KEY_END },
		{ "\033OH", KEY_HOME }, { "\033OF", KEY_END },
		{ "\033[11~", KEY_F(1) }, { "\033[12~", KEY_F(2) },
		{ "\033[13~", KEY_F(3) }, { "\033[14~", KEY_F(4) },
		{ "\033[[A", KEY_F(1) }, { "\033[[B", KEY_F(2) },
		{ "\033[[C", KEY_F(3) }, { "\033[[D", KEY_F(4) },
		{ "\033[[E", KEY_F(5) }, { "\033OP", KEY_F(1) },
		{ "\033OQ", KEY_F(2) }, { "\033OR", KEY_F(3) },
		{ "\033OS", KEY_F(4) }, { "\033[Z", KEY_BTAB },
	};
	size_t	i;

	for (i = 0; i < nitems(extra); i++) {
		if (key_defined(extra[i].seq) == 0)
			define_key(extra[i].seq, extra[i].key);
	}
}

void
ui_draw_start(void)
{
	ui_is_utf8 = i18n_utf8();
	set_escdelay(50);
	initscr();
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	intrflush(stdscr, FALSE);
	curs_set(0);
	ui_define_keys();
	ui_no_flow_control();
	ui_colours();
}

void
ui_draw_end(void)
{
	endwin();
}

attr_t
ui_attr(enum ui_attr a)
{
	return (ui_attrs[a]);
}

int
ui_utf8(void)
{
	return (ui_is_utf8);
}

/*
 * Outside UTF-8 (KOI8-R, CP1251) some typographic signs do not exist: give
 * the nearest ASCII so the screen shows no garbage.
 */
static wchar_t
ui_wc_safe(wchar_t wc)
{
	static const struct {
		wchar_t	 from;
		wchar_t	 to;
	} map[] = {
		{ L'«', L'"' }, { L'»', L'"' }, { L'„', L'"' }, { L'“', L'"' },
		{ L'”', L'"' }, { L'—', L'-' }, { L'–', L'-' }, { L'…', L'~' },
		{ L'×', L'x' }, { L'№', L'N' }, { L'‹', L'<' }, { L'›', L'>' },
		{ L'·', L'.' }, { L'✓', L'+' }, { L'→', L'>' }, { L'←', L'<' },
		{ L'↑', L'^' }, { L'↓', L'v' },
	};
	char	 mb[MB_LEN_MAX];
	size_t	 i;

	if (wc < 0x80 || wctomb(mb, wc) != -1)
		return (wc);
	for (i = 0; i < nitems(map); i++) {
		if (map[i].from == wc)
			return (map[i].to);
	}
	return (L'?');
}

int
ui_width(const char *s)
{
	return (s == NULL ? 0 : text_width(s));
}

int
ui_put(WINDOW *w, int y, int x, int cols, const char *s, attr_t a, int pad)
{
	struct sbuf	 sb;
	wchar_t		*wbuf;
	size_t		 n, i;
	int		 used = 0;

	if (cols <= 0)
		return (0);
	if (s == NULL)
		s = "";
	sbuf_init(&sb);
	if (pad || text_width(s) > cols)
		text_fit(&sb, s, cols, !ui_is_utf8);
	else
		sbuf_add(&sb, s);
	n = sb.len * 4 + 8;	/* an escape is at most four per byte */
	wbuf = xreallocarray(NULL, n, sizeof *wbuf);
	text_to_wcs(sb.s, wbuf, n, cols, &used);
	if (!ui_is_utf8) {
		for (i = 0; wbuf[i] != L'\0'; i++)
			wbuf[i] = ui_wc_safe(wbuf[i]);
	}
	wattrset(w, a);
	mvwaddnwstr(w, y, x, wbuf, -1);
	wattrset(w, A_NORMAL);
	free(wbuf);
	sbuf_free(&sb);
	return (used);
}

void
ui_put_centre(WINDOW *w, int y, int x, int cols, const char *s, attr_t a)
{
	int	width = ui_width(s);

	if (width > cols)
		width = cols;
	ui_put(w, y, x + (cols - width) / 2, cols, s, a, 0);
}

int
ui_too_small(WINDOW *w)
{
	char	*msg;
	int	 y;

	if (COLS >= UI_MIN_COLS && LINES >= UI_MIN_LINES)
		return (0);
	werase(w);
	xasprintf(&msg, _("Terminal too small: need at least %d×%d "
	    "(now %d×%d)."), UI_MIN_COLS, UI_MIN_LINES, COLS, LINES);
	y = LINES / 2;
	if (ui_width(msg) > COLS && COLS > 0) {
		/* Too narrow even for the note: the numbers alone. */
		free(msg);
		xasprintf(&msg, "%d×%d < %d×%d", COLS, LINES, UI_MIN_COLS,
		    UI_MIN_LINES);
	}
	ui_put_centre(w, y, 0, COLS, msg, ui_attr(UI_ERROR));
	free(msg);
	return (1);
}

void
ui_draw_title(WINDOW *w, const char *title)
{
	struct sbuf	 left, right;
	char		 today[DATE_ISO_LEN];
	const char	*school;
	int		 rw, room, sw;

	sbuf_init(&left);
	sbuf_init(&right);
	if (ui_readonly()) {
		sbuf_add(&right, _("READ ONLY"));
		sbuf_add(&right, "  ");
	}
	date_show(date_today(), today);
	sbuf_add(&right, today);
	sbuf_add(&right, " ");
	rw = ui_width(right.s);
	if (rw > COLS)
		rw = COLS;

	/* The screen's title matters more than the school's name: cut that. */
	room = COLS - rw - 1;
	sbuf_add(&left, " nastavnik");
	school = ui_school();
	sw = ui_width(school);
	if (!str_empty(title))
		room -= ui_width(title) + 3;
	if (!str_empty(school) && room - ui_width(left.s) - 3 >= 8) {
		sbuf_add(&left, " · ");
		if (sw > room - ui_width(left.s))
			text_fit(&left, school, room - ui_width(left.s),
			    !ui_utf8());
		else
			sbuf_add(&left, school);
	}
	if (!str_empty(title)) {
		sbuf_add(&left, " · ");
		sbuf_add(&left, title);
	}
	wattrset(w, ui_attr(UI_TITLE));
	mvwhline(w, 0, 0, ' ', COLS);
	ui_put(w, 0, 0, COLS - rw - 1, left.s, ui_attr(UI_TITLE), 0);
	ui_put(w, 0, COLS - rw, rw, right.s, ui_attr(UI_TITLE), 0);
	sbuf_free(&left);
	sbuf_free(&right);
}

void
ui_draw_status(WINDOW *w, const char *msg, int error)
{
	wmove(w, LINES - 2, 0);
	wclrtoeol(w);
	if (!str_empty(msg))
		ui_put(w, LINES - 2, 0, COLS, msg,
		    ui_attr(error ? UI_ERROR : UI_NORMAL), 0);
}

/* MC's key bar: "1Help 2Save ... 10Quit", ten slots over the width. */
void
ui_draw_keybar(WINDOW *w, const struct ui_action *acts, int nacts)
{
	const char	*label;
	char		 num[4];
	int		 n, i, x, slot, end, nw;

	wmove(w, LINES - 1, 0);
	wclrtoeol(w);
	for (n = 1; n <= 10; n++) {
		x = (n - 1) * COLS / 10;
		end = n * COLS / 10;
		slot = end - x;
		label = "";
		for (i = 0; i < nacts; i++) {
			if (acts[i].fkey == n && acts[i].label != NULL) {
				label = _(acts[i].label);
				break;
			}
		}
		snprintf(num, sizeof num, "%d", n);
		nw = ui_put(w, LINES - 1, x, slot, num, ui_attr(UI_BARKEY), 0);
		ui_put(w, LINES - 1, x + nw, slot - nw, label,
		    ui_attr(UI_BARLABEL), 1);
	}
}

int
ui_cursor_key(int k, int *cur, int n)
{
	switch (k) {
	case UI_FN(KEY_UP):
		if (*cur > 0)
			(*cur)--;
		return (1);
	case UI_FN(KEY_DOWN):
		if (*cur < n - 1)
			(*cur)++;
		return (1);
	case UI_FN(KEY_HOME):
	case UI_FN(KEY_PPAGE):
		*cur = 0;
		return (1);
	case UI_FN(KEY_END):
	case UI_FN(KEY_NPAGE):
		*cur = n > 0 ? n - 1 : 0;
		return (1);
	}
	return (0);
}

int
ui_getkey(int ms)
{
	wint_t	wc, wc2;
	int	r, r2;

	timeout(ms);
	r = get_wch(&wc);
	if (r == ERR)
		return (UI_NOKEY);
	if (r == KEY_CODE_YES)
		return (UI_FN((int)wc));
	if (wc != UI_ESC)
		return ((int)wc);

	timeout(UI_ESC_DIGIT_MS);
	r2 = get_wch(&wc2);
	if (r2 == ERR)
		return (UI_ESC);
	if (r2 == OK && wc2 >= L'0' && wc2 <= L'9')
		return (UI_F(wc2 == L'0' ? 10 : (int)(wc2 - L'0')));
	if (r2 == OK && wc2 == UI_ESC)
		return (UI_ESC);
	if (r2 == OK && (wc2 == L'[' || wc2 == L'O')) {
		/* A key sequence curses does not know: drop it, do not type it. */
		timeout(UI_ESC_SEQ_MS);
		while (get_wch(&wc2) == OK && !(wc2 >= 0x40 && wc2 <= 0x7e))
			;
		return (UI_NOKEY);
	}
	/* Something else after Esc: Esc cancels, the key comes next. */
	if (r2 == KEY_CODE_YES)
		ungetch((int)wc2);
	else
		unget_wch((wchar_t)wc2);
	return (UI_ESC);
}

void
ui_key_name(struct sbuf *sb, int k)
{
	char	buf[8];
	size_t	n;

	if (k >= UI_F(1) && k <= UI_F(12)) {
		sbuf_addf(sb, "F%d", k - UI_F(0));
		return;
	}
	switch (k) {
	case '\r':
	case '\n':
	case UI_FN(KEY_ENTER):
		sbuf_add(sb, "Enter");
		return;
	case '\t':
		sbuf_add(sb, "Tab");
		return;
	case ' ':
		sbuf_add(sb, _("Space"));
		return;
	case UI_ESC:
		sbuf_add(sb, "Esc");
		return;
	case UI_FN(KEY_IC):
		sbuf_add(sb, "Ins");
		return;
	case UI_FN(KEY_DC):
		sbuf_add(sb, "Del");
		return;
	case UI_FN(KEY_BACKSPACE):
		sbuf_add(sb, "Backspace");
		return;
	case UI_FN(KEY_RIGHT):
		sbuf_add(sb, "→");
		return;
	case UI_FN(KEY_LEFT):
		sbuf_add(sb, "←");
		return;
	case UI_FN(KEY_HOME):
		sbuf_add(sb, "Home");
		return;
	case UI_FN(KEY_END):
		sbuf_add(sb, "End");
		return;
	}
	if (UI_IS_FN(k)) {
		sbuf_add(sb, keyname(k - UI_FN(0)));
		return;
	}
	if (k > 0 && k < 0x20) {
		sbuf_addf(sb, "Ctrl-%c", k + '@');
		return;
	}
	n = utf8_encode((uint32_t)k, buf);
	sbuf_addn(sb, buf, n);
}

/*
 * Lines: Unicode box drawing under UTF-8 (ACS there shows as "qqq" in
 * some terminals and captures), the alternate character set otherwise.
 */
void
ui_hline(WINDOW *w, int y, int x, int n)
{
	cchar_t	c;
	attr_t	a = (attr_t)getattrs(w);

	if (n <= 0)
		return;
	if (ui_is_utf8) {
		setcchar(&c, L"─", a & ~A_COLOR, (short)PAIR_NUMBER(a), NULL);
		mvwhline_set(w, y, x, &c, n);
	} else
		mvwhline(w, y, x, ACS_HLINE, n);
}

static void
ui_corner(WINDOW *w, int y, int x, const wchar_t *u, chtype acs, attr_t a)
{
	cchar_t	c;

	if (ui_is_utf8) {
		setcchar(&c, u, a, (short)PAIR_NUMBER(a), NULL);
		mvwadd_wch(w, y, x, &c);
	} else
		mvwaddch(w, y, x, acs | a);
}

void
ui_box(WINDOW *w, int h, int wd, int *py, int *px)
{
	attr_t	a = ui_attr(UI_DIALOG);
	int	y, x, i;

	if (wd > COLS)
		wd = COLS;
	if (h > LINES)
		h = LINES;
	y = (LINES - h) / 2;
	x = (COLS - wd) / 2;
	wattrset(w, a);
	for (i = 0; i < h; i++)
		mvwhline(w, y + i, x, ' ', wd);
	ui_hline(w, y, x + 1, wd - 2);
	ui_hline(w, y + h - 1, x + 1, wd - 2);
	for (i = 1; i < h - 1; i++) {
		ui_corner(w, y + i, x, L"│", ACS_VLINE, a);
		ui_corner(w, y + i, x + wd - 1, L"│", ACS_VLINE, a);
	}
	ui_corner(w, y, x, L"┌", ACS_ULCORNER, a);
	ui_corner(w, y, x + wd - 1, L"┐", ACS_URCORNER, a);
	ui_corner(w, y + h - 1, x, L"└", ACS_LLCORNER, a);
	ui_corner(w, y + h - 1, x + wd - 1, L"┘", ACS_LRCORNER, a);
	wattrset(w, A_NORMAL);
	*py = y;
	*px = x;
}
