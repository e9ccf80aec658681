/* ui-dialog.c: small modal boxes drawn over the current screen. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "ui-dialog.h"
#include "ui-draw.h"
#include "ui-pager.h"

/*
 * Redraw what lies beneath; 0 when the terminal is too small, then the box
 * is not drawn (the note shows instead) until it grows back.
 */
static int
ui_dialog_base(void)
{
	return (ui_draw_all());
}

static int
ui_dialog_key(void)
{
	int	k;

	doupdate();
	for (;;) {
		k = ui_getkey(-1);
		if (k == UI_CTRL('L')) {
			clearok(curscr, TRUE);
			return (UI_NOKEY);
		}
		if (k != UI_NOKEY)
			return (k);
	}
}

/* Draw a box holding the text wrapped, with room for extra lines below. */
static void
ui_dialog_text(const char *text, int extra, int minw, int *py, int *px,
    int *pw, int *ph)
{
	char	**lines;
	int	  n, all, i, w, maxw, y, x, h;

	maxw = COLS - 8;
	if (maxw > 70)
		maxw = 70;
	n = all = ui_wrap(text, maxw, &lines);
	w = minw;
	for (i = 0; i < n; i++) {
		if (ui_width(lines[i]) > w)
			w = ui_width(lines[i]);
	}
	if (n > LINES - 6 - extra)
		n = LINES - 6 - extra;
	h = n + 2 + extra;
	ui_box(stdscr, h, w + 4, &y, &x);
	for (i = 0; i < n; i++)
		ui_put(stdscr, y + 1 + i, x + 2, w, lines[i],
		    ui_attr(UI_DIALOG), 0);
	ui_wrap_free(lines, all);
	*py = y;
	*px = x;
	*pw = w + 4;
	*ph = h;
}

int
ui_confirm(const char *question)
{
	int	k, y, x, w, h;

	for (;;) {
		if (ui_dialog_base())
			ui_dialog_text(question, 0, 20, &y, &x, &w, &h);
		k = ui_dialog_key();
		switch (k) {
		case 'y': case 'Y': case L'д': case L'Д':
			return (1);
		case 'n': case 'N': case L'н': case L'Н':
		case UI_ESC: case UI_F(10):
			return (0);
		}
	}
}

void
ui_message(const char *msg)
{
	int	k, y, x, w, h;

	for (;;) {
		if (ui_dialog_base())
			ui_dialog_text(msg, 0, 20, &y, &x, &w, &h);
		k = ui_dialog_key();
		if (k != UI_NOKEY && k != UI_FN(KEY_RESIZE))
			return;
	}
}

int
ui_pick(const char *title, const char *const *items, int n, int cur)
{
	int	k, i, w, h, y, x, top = 0, vis;
	attr_t	a;

	if (n <= 0)
		return (-1);
	if (cur < 0 || cur >= n)
		cur = 0;
	for (;;) {
		w = ui_width(title) + 6;
		for (i = 0; i < n; i++) {
			if (ui_width(items[i]) + 4 > w)
				w = ui_width(items[i]) + 4;
		}
		if (w > COLS - 4)
			w = COLS - 4;
		vis = n < LINES - 6 ? n : LINES - 6;
		if (vis < 1)
			vis = 1;
		if (cur < top)
			top = cur;
		if (cur >= top + vis)
			top = cur - vis + 1;
		h = vis + 2;
		if (ui_dialog_base()) {
			ui_box(stdscr, h, w, &y, &x);
			ui_put(stdscr, y, x + 2, w - 4, " ",
			    ui_attr(UI_DIALOG), 0);
			ui_put(stdscr, y, x + 3, w - 6, title,
			    ui_attr(UI_DIALOG) | A_BOLD, 0);
			ui_put(stdscr, y, x + 3 + ui_width(title), 1, " ",
			    ui_attr(UI_DIALOG), 0);
			for (i = 0; i < vis && top + i < n; i++) {
				a = top + i == cur ? ui_attr(UI_SELECT) :
				    ui_attr(UI_DIALOG);
				wattrset(stdscr, a);
				mvwhline(stdscr, y + 1 + i, x + 1, ' ', w - 2);
				ui_put(stdscr, y + 1 + i, x + 2, w - 4,
				    items[top + i], a, 0);
			}
		}
		k = ui_dialog_key();
		switch (k) {
		case UI_FN(KEY_UP):
			if (cur > 0)
				cur--;
			break;
		case UI_FN(KEY_DOWN):
			if (cur < n - 1)
				cur++;
			break;
		case UI_FN(KEY_PPAGE):
			cur = cur > vis ? cur - vis : 0;
			break;
		case UI_FN(KEY_NPAGE):
			cur = cur + vis < n ? cur + vis : n - 1;
			break;
		case UI_FN(KEY_HOME):
			cur = 0;
			break;
		case UI_FN(KEY_END):
			cur = n - 1;
			break;
		case '\r': case '\n': case ' ': case UI_FN(KEY_ENTER):
			return (cur);
		case UI_ESC: case UI_F(10):
			return (-1);
		}
	}
}

/* The end of the text that fits in cols columns, so the cursor shows. */
static const char *
ui_prompt_tail(const char *s, int cols)
{
	while (*s != '\0' && ui_width(s) >= cols) {
		s++;
		while (((unsigned char)*s & 0xc0) == 0x80)
			s++;
	}
	return (s);
}

char *
ui_prompt(const char *question, const char *initial)
{
	struct sbuf	 text;
	const char	*tail;
	char		*r;
	int		 k, y, x, w, h, cx;

	sbuf_init(&text);
	sbuf_add(&text, initial != NULL ? initial : "");
	for (;;) {
		if (ui_dialog_base()) {
			ui_dialog_text(question, 1, 60, &y, &x, &w, &h);
			tail = ui_prompt_tail(text.s, w - 4);
			wattrset(stdscr, ui_attr(UI_FIELDCUR));
			mvwhline(stdscr, y + h - 2, x + 2, ' ', w - 4);
			wattrset(stdscr, A_NORMAL);
			cx = ui_put(stdscr, y + h - 2, x + 2, w - 4, tail,
			    ui_attr(UI_FIELDCUR), 0);
			wmove(stdscr, y + h - 2, x + 2 + cx);
			curs_set(1);
		}
		k = ui_dialog_key();
		switch (k) {
		case '\r': case '\n': case UI_FN(KEY_ENTER):
			curs_set(0);
			r = xstrdup(str_or(str_trim(text.s), ""));
			sbuf_free(&text);
			return (r);
		case UI_ESC: case UI_F(10):
			curs_set(0);
			sbuf_free(&text);
			return (NULL);
		case UI_FN(KEY_BACKSPACE): case 0x7f: case '\b':
			text_backspace(&text);
			break;
		case UI_CTRL('U'):
			sbuf_reset(&text);
			sbuf_add(&text, "");
			break;
		default:
			if (!UI_IS_FN(k) && k >= 0x20 && text.len < 1000)
				text_add_wc(&text, (wchar_t)k);
			break;
		}
	}
}
