/* ui-roadmap-input.c: small boxes of text fields over the checklist, progress bars, item names. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "ui-draw.h"
#include "ui-roadmap.h"

/* ---- progress bars ---- */

int
ui_roadmap_ascii(void)
{
	const char	*t = termname();

	/* A vt100 has no block graphics even when the locale is UTF-8. */
	if (!ui_utf8())
		return (1);
	return (t != NULL && (strncmp(t, "vt", 2) == 0 ||
	    strcmp(t, "dumb") == 0));
}

void
ui_roadmap_bar(struct sbuf *sb, const struct rm_progress *p, int barw)
{
	int	fill, i;

	/* Cancelled items are not in the total: they count for nothing. */
	fill = p->total > 0 ? p->done * barw / p->total : 0;
	if (fill == 0 && p->done > 0)
		fill = 1;
	if (ui_roadmap_ascii()) {
		sbuf_addc(sb, '[');
		for (i = 0; i < barw; i++)
			sbuf_addc(sb, i < fill ? '#' : '-');
		sbuf_addc(sb, ']');
	} else {
		for (i = 0; i < barw; i++)
			sbuf_add(sb, i < fill ? "█" : "░");
	}
	sbuf_addf(sb, " %d/%d %3d %%", p->done, p->total, rm_progress_pct(p));
}

/* ---- a small box of text fields ---- */

static size_t
rmi_step(const char *s, size_t len, size_t pos, int dir)
{
	if (dir < 0) {
		if (pos == 0)
			return (0);
		pos--;
		while (pos > 0 && ((unsigned char)s[pos] & 0xc0) == 0x80)
			pos--;
		return (pos);
	}
	if (pos >= len)
		return (len);
	pos++;
	while (pos < len && ((unsigned char)s[pos] & 0xc0) == 0x80)
		pos++;
	return (pos);
}

/* Draw one field scrolled so that the cursor shows; the cursor's column. */
static int
rmi_draw_field(const struct sbuf *t, size_t pos, int y, int x, int fw,
    attr_t a)
{
	const char	*s = t->s != NULL ? t->s : "";
	char		*part;
	size_t		 start = 0;
	int		 cx;

	for (;;) {
		part = xstrndup(s + start, pos - start);
		cx = ui_width(part);
		free(part);
		if (cx < fw || start >= pos)
			break;
		start = rmi_step(s, t->len, start, 1);
	}
	wattrset(stdscr, a);
	mvwhline(stdscr, y, x, ' ', fw);
	wattrset(stdscr, A_NORMAL);
	ui_put(stdscr, y, x, fw, s + start, a, 0);
	return (x + cx);
}

static void
rmi_input_draw(const char *title, const char *hint,
    struct ui_roadmap_input *in, int n, int cur, size_t pos)
{
	int	i, lw = 0, w = 0, h, y, x, fw, cy = -1, cx = 0;
	attr_t	d = ui_attr(UI_DIALOG);

	for (i = 0; i < n; i++) {
		if (ui_width(in[i].label) > lw)
			lw = ui_width(in[i].label);
		if (in[i].width > w)
			w = in[i].width;
	}
	if (w == 0)
		w = 72;
	if (ui_width(title) + 8 > w)
		w = ui_width(title) + 8;
	if (hint != NULL && ui_width(hint) + 4 > w)
		w = ui_width(hint) + 4;
	if (w > COLS - 2)
		w = COLS - 2;
	h = n + 2 + (hint != NULL ? 2 : 0);
	ui_box(stdscr, h, w, &y, &x);
	ui_put(stdscr, y, x + 2, 1, " ", d, 0);
	ui_put(stdscr, y, x + 3, w - 6, title, d | A_BOLD, 0);
	if (ui_width(title) < w - 6)
		ui_put(stdscr, y, x + 3 + ui_width(title), 1, " ", d, 0);
	fw = w - lw - 7;
	for (i = 0; i < n; i++) {
		ui_put(stdscr, y + 1 + i, x + 2, lw, in[i].label,
		    d | (i == cur ? A_BOLD : 0), 0);
		if (i == cur) {
			cx = rmi_draw_field(in[i].value, pos, y + 1 + i,
			    x + lw + 4, fw, ui_attr(UI_FIELDCUR));
			cy = y + 1 + i;
		} else
			rmi_draw_field(in[i].value, 0, y + 1 + i, x + lw + 4,
			    fw, d | A_UNDERLINE);
	}
	if (hint != NULL)
		ui_put(stdscr, y + h - 2, x + 2, w - 4, hint, d, 0);
	if (cy >= 0) {
		move(cy, cx);
		curs_set(1);
	}
}

static void
rmi_cut(struct sbuf *t, size_t from, size_t to)
{
	if (to <= from || to > t->len)
		return;
	memmove(t->s + from, t->s + to, t->len - to + 1);
	t->len -= to - from;
}

static void
rmi_insert(struct ui_roadmap_input *in, size_t *pos, int k)
{
	struct sbuf	*t = in->value, add, out;

	if (in->date && !((k >= '0' && k <= '9') || k == '.' || k == '-' ||
	    k == '/'))
		return;
	if (utf8_len(t->s != NULL ? t->s : "") >= 500) {
		beep();
		return;
	}
	sbuf_init(&add);
	sbuf_init(&out);
	text_add_wc(&add, (wchar_t)k);
	sbuf_addn(&out, t->s != NULL ? t->s : "", *pos);
	sbuf_addn(&out, add.s, add.len);
	sbuf_add(&out, t->s != NULL ? t->s + *pos : "");
	*pos += add.len;
	sbuf_free(t);
	*t = out;
	sbuf_free(&add);
}

/* Editing keys inside the current field; 1 when used. */
static int
rmi_edit_key(struct ui_roadmap_input *in, size_t *pos, int k)
{
	struct sbuf	*t = in->value;
	const char	*s = t->s != NULL ? t->s : "";
	size_t		 from;

	switch (k) {
	case UI_FN(KEY_LEFT):
		*pos = rmi_step(s, t->len, *pos, -1);
		return (1);
	case UI_FN(KEY_RIGHT):
		*pos = rmi_step(s, t->len, *pos, 1);
		return (1);
	case UI_FN(KEY_HOME):
	case UI_CTRL('A'):
		*pos = 0;
		return (1);
	case UI_FN(KEY_END):
	case UI_CTRL('E'):
		*pos = t->len;
		return (1);
	case UI_FN(KEY_BACKSPACE):
	case 0x7f:
	case '\b':
		from = rmi_step(s, t->len, *pos, -1);
		rmi_cut(t, from, *pos);
		*pos = from;
		return (1);
	case UI_FN(KEY_DC):
	case UI_CTRL('D'):
		rmi_cut(t, *pos, rmi_step(s, t->len, *pos, 1));
		return (1);
	case UI_CTRL('U'):
		rmi_cut(t, 0, t->len);
		*pos = 0;
		return (1);
	case UI_CTRL('K'):
		rmi_cut(t, *pos, t->len);
		return (1);
	}
	if (!UI_IS_FN(k) && k >= 0x20) {
		rmi_insert(in, pos, k);
		return (1);
	}
	return (0);
}

int
ui_roadmap_input(const char *title, const char *hint,
    struct ui_roadmap_input *in, int n)
{
	size_t	pos;
	int	cur = 0, k, i;

	for (i = 0; i < n; i++) {
		if (in[i].value->s == NULL)
			sbuf_add(in[i].value, "");
	}
	pos = in[0].value->len;
	for (;;) {
		curs_set(0);
		if (ui_draw_all())
			rmi_input_draw(title, hint, in, n, cur, pos);
		k = ui_getkey(-1);
		switch (k) {
		case UI_NOKEY:
		case UI_FN(KEY_RESIZE):
			continue;
		case UI_CTRL('L'):
			clearok(curscr, TRUE);
			continue;
		case UI_ESC:
		case UI_F(10):
			curs_set(0);
			return (0);
		case UI_F(2):
		case UI_CTRL('S'):
			curs_set(0);
			return (1);
		case '\r':
		case '\n':
		case UI_FN(KEY_ENTER):
			if (cur == n - 1) {
				curs_set(0);
				return (1);
			}
			/* FALLTHROUGH */
		case '\t':
		case UI_FN(KEY_DOWN):
			cur = (cur + 1) % n;
			pos = in[cur].value->len;
			continue;
		case UI_FN(KEY_BTAB):
		case UI_FN(KEY_UP):
			cur = (cur + n - 1) % n;
			pos = in[cur].value->len;
			continue;
		}
		rmi_edit_key(&in[cur], &pos, k);
	}
}

int
ui_roadmap_ask_number(const char *title, const char *label, int *n)
{
	struct ui_roadmap_input	 in;
	struct sbuf		 sb;
	char			*end;
	long			 x;
	int			 r = 0;

	sbuf_init(&sb);
	sbuf_addf(&sb, "%d", *n);
	in.label = label;
	in.value = &sb;
	in.date = 1;
	in.width = 40;
	if (ui_roadmap_input(title, NULL, &in, 1) == 1) {
		x = strtol(sb.s != NULL ? sb.s : "", &end, 10);
		if (end == sb.s || *end != '\0' || x < 1 || x > 3660)
			ui_error("%s", _("Type a number of days from 1 to "
			    "3660."));
		else {
			*n = (int)x;
			r = 1;
		}
	}
	sbuf_free(&sb);
	return (r);
}

int
ui_roadmap_ask_text(const char *title, const char *label, char **s)
{
	struct ui_roadmap_input	 in;
	struct sbuf		 sb;
	int			 r = 0;

	sbuf_init(&sb);
	sbuf_add(&sb, str_or(*s, ""));
	in.label = label;
	in.value = &sb;
	in.date = 0;
	in.width = 0;
	if (ui_roadmap_input(title, NULL, &in, 1) == 1 && !str_empty(sb.s)) {
		free(*s);
		*s = xstrdup(sb.s);
		str_trim(*s);
		r = 1;
	}
	sbuf_free(&sb);
	return (r);
}

/* "1.2 «Content»", the content cut to fit a title. */
char *
ui_roadmap_item_name(const struct rm_item *it, int width)
{
	struct sbuf	sb;

	sbuf_init(&sb);
	if (!str_empty(it->number))
		sbuf_addf(&sb, "%s ", it->number);
	sbuf_add(&sb, "«");
	if (text_width(str_or(it->content, "")) > width)
		text_fit(&sb, it->content, width, !ui_utf8());
	else
		sbuf_add(&sb, str_or(it->content, ""));
	sbuf_add(&sb, "»");
	return (sbuf_take(&sb));
}
