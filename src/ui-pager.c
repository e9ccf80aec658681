/* ui-pager.c: scrollable text (help, "not yet" pages, cards, later reports). */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "text.h"
#include "ui-dialog.h"
#include "ui-draw.h"
#include "ui-help.h"
#include "ui-pager.h"

#define UI_PAGER_COLUMN	26	/* where the right side of "left\tright" starts */

struct ui_wrapper {
	char		**lines;
	int		 n;
	int		 cap;
};

static void
ui_wrap_emit(struct ui_wrapper *wr, struct sbuf *line)
{
	if (wr->n == wr->cap) {
		wr->cap = wr->cap == 0 ? 16 : wr->cap * 2;
		wr->lines = xreallocarray(wr->lines, wr->cap, sizeof *wr->lines);
	}
	wr->lines[wr->n++] = sbuf_take(line);
}

/* Words of text after first/cont prefixes, broken to width columns. */
static void
ui_wrap_words(struct ui_wrapper *wr, const char *first, const char *cont,
    const char *text, int width)
{
	struct sbuf	 line;
	const char	*p = text, *e;
	char		*word;
	int		 lw, ww, words = 0, cw;
	size_t		 used;
	uint32_t	 cp;

	sbuf_init(&line);
	sbuf_add(&line, first);
	lw = text_width(first);
	while (*p != '\0') {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		for (e = p; *e != '\0' && *e != ' '; e++)
			;
		word = xstrndup(p, (size_t)(e - p));
		ww = text_width(word);
		if (words > 0 && lw + 1 + ww <= width) {
			sbuf_addc(&line, ' ');
			sbuf_add(&line, word);
			lw += 1 + ww;
		} else if (words == 0 && lw + ww <= width) {
			sbuf_add(&line, word);
			lw += ww;
		} else {
			if (words > 0) {
				ui_wrap_emit(wr, &line);
				sbuf_add(&line, cont);
				lw = text_width(cont);
			}
			/* A word longer than the line is cut where it must. */
			for (p = word; *p != '\0'; p += used) {
				used = utf8_decode(p, strlen(p), &cp);
				cw = text_cp_width(cp);
				if (lw + cw > width && lw > text_width(cont)) {
					ui_wrap_emit(wr, &line);
					sbuf_add(&line, cont);
					lw = text_width(cont);
				}
				sbuf_addn(&line, p, used);
				lw += cw;
			}
		}
		words++;
		free(word);
		p = e;
	}
	ui_wrap_emit(wr, &line);
	sbuf_free(&line);
}

static void
ui_wrap_line(struct ui_wrapper *wr, const char *s, int width)
{
	struct sbuf	 first, cont;
	const char	*tab, *head = "";
	char		*left;
	int		 indent, lw;

	sbuf_init(&first);
	sbuf_init(&cont);
	if (*s == UI_PAGER_HEAD[0]) {
		head = UI_PAGER_HEAD;
		s++;
	}
	sbuf_add(&first, head);
	sbuf_add(&cont, head);
	if (strchr(s, '\t') == NULL && (strstr(s, "  ") != NULL ||
	    strchr(s, ' ') == NULL) && text_width(s) <= width + 2) {
		/*
		 * A table row or a rule of a printable report: keep its
		 * columns; up to 80 of them fit, drawn from the edge.
		 */
		sbuf_add(&first, s);
		ui_wrap_emit(wr, &first);
		sbuf_free(&first);
		sbuf_free(&cont);
		return;
	}
	if ((tab = strchr(s, '\t')) != NULL) {
		left = xstrndup(s, (size_t)(tab - s));
		lw = text_width(left);
		indent = UI_PAGER_COLUMN;
		if (indent > width / 2)
			indent = width / 2;
		sbuf_add(&first, left);
		sbuf_addf(&first, "%*s", lw + 2 > indent ? 2 : indent - lw, "");
		if (lw + 2 > indent)
			indent = lw + 2 < width / 2 ? lw + 2 : indent;
		sbuf_addf(&cont, "%*s", indent, "");
		free(left);
		s = tab + 1;
	} else {
		indent = (int)strspn(s, " ");
		if (indent > width / 2)
			indent = 0;
		sbuf_addf(&first, "%*s", indent, "");
		sbuf_addf(&cont, "%*s", indent, "");
		s += strspn(s, " ");
	}
	ui_wrap_words(wr, first.s, cont.s, s, width);
	sbuf_free(&first);
	sbuf_free(&cont);
}

int
ui_wrap(const char *text, int width, char ***out)
{
	struct ui_wrapper	 wr = { NULL, 0, 0 };
	const char		*p = text, *nl;
	char			*line;

	if (width < 8)
		width = 8;
	if (text == NULL)
		text = p = "";
	for (;;) {
		nl = strchr(p, '\n');
		line = nl == NULL ? xstrdup(p) : xstrndup(p, (size_t)(nl - p));
		ui_wrap_line(&wr, line, width);
		free(line);
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	*out = wr.lines;
	return (wr.n);
}

void
ui_wrap_free(char **lines, int n)
{
	int	i;

	for (i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

void
ui_pager_init(struct ui_pager *pg, const char *text)
{
	memset(pg, 0, sizeof *pg);
	pg->text = xstrdup(text == NULL ? "" : text);
}

void
ui_pager_set(struct ui_pager *pg, const char *text)
{
	free(pg->text);
	pg->text = xstrdup(text == NULL ? "" : text);
	ui_wrap_free(pg->lines, pg->n);
	pg->lines = NULL;
	pg->n = 0;
	pg->width = 0;
}

void
ui_pager_free(struct ui_pager *pg)
{
	ui_wrap_free(pg->lines, pg->n);
	free(pg->text);
	memset(pg, 0, sizeof *pg);
}

static void
ui_pager_clamp(struct ui_pager *pg)
{
	if (pg->top > pg->n - pg->h)
		pg->top = pg->n - pg->h;
	if (pg->top < 0)
		pg->top = 0;
}

void
ui_pager_draw(struct ui_pager *pg, WINDOW *w, int y, int h)
{
	const char	*s;
	char		 pos[32];
	int		 i, width = COLS - 2;

	if (pg->width != width) {
		ui_wrap_free(pg->lines, pg->n);
		pg->n = ui_wrap(pg->text, width, &pg->lines);
		pg->width = width;
	}
	/* More than a screenful: the last line says where we are. */
	if (pg->n > h && h > 2)
		h--;
	pg->h = h;
	ui_pager_clamp(pg);
	for (i = 0; i < h && pg->top + i < pg->n; i++) {
		s = pg->lines[pg->top + i];
		if (*s == UI_PAGER_HEAD[0])
			ui_put(w, y + i, 1, width, s + 1, ui_attr(UI_HEADER), 0);
		else if (ui_width(s) > width)
			ui_put(w, y + i, 0, width + 2, s, A_NORMAL, 0);
		else
			ui_put(w, y + i, 1, width, s, A_NORMAL, 0);
	}
	if (pg->n > h) {
		snprintf(pos, sizeof pos, "%d%%", (pg->top + h) * 100 / pg->n);
		ui_put(w, y + h, COLS - 6, 5, pos, ui_attr(UI_DIM), 0);
	}
}

int
ui_pager_key(struct ui_pager *pg, int k)
{
	switch (k) {
	case UI_FN(KEY_UP):
	case 'k':
		pg->top--;
		break;
	case UI_FN(KEY_DOWN):
	case 'j':
	case '\r':
	case '\n':
		pg->top++;
		break;
	case UI_FN(KEY_PPAGE):
	case UI_FN(KEY_BACKSPACE):
		pg->top -= pg->h - 1;
		break;
	case UI_FN(KEY_NPAGE):
	case ' ':
		pg->top += pg->h - 1;
		break;
	case UI_FN(KEY_HOME):
	case 'g':
		pg->top = 0;
		break;
	case UI_FN(KEY_END):
	case 'G':
		pg->top = pg->n;
		break;
	default:
		return (0);
	}
	ui_pager_clamp(pg);
	return (1);
}

/* ---- the pager screen ---- */

struct ui_pager_screen {
	struct ui_pager	 pg;
	const char	*help;
	char		*save;		/* the path offered when saving; NULL: no saving */
};

const struct ui_action ui_pager_actions[] = {
	UI_ACTION_HELP,
	UI_ACTION_MENU,
	UI_ACTION_BACK,
};
const int ui_pager_nactions = nitems(ui_pager_actions);

/* A report that can be kept: the same keys and F2 to save it. */
static const struct ui_action ui_pager_save_actions[] = {
	UI_ACTION_HELP,
	{ UI_A_SAVE, 2, { UI_CTRL('S'), 'w', 0 }, N_("Save"),
	    N_("Save the text to a file, to print it or send it on; the "
	    "file's name is asked for.") },
	UI_ACTION_MENU,
	UI_ACTION_BACK,
};

/* "~/x" under the home folder; anything else as it is. */
char *
ui_pager_expand(const char *path)
{
	const char	*home = getenv("HOME");
	char		*r;

	if (path[0] == '~' && (path[1] == '/' || path[1] == '\0') &&
	    !str_empty(home)) {
		xasprintf(&r, "%s%s", home, path + 1);
		return (r);
	}
	return (xstrdup(path));
}

int
ui_pager_write(const char *path, const char *text, struct nerr *err)
{
	struct sbuf	 sb;
	const char	*p;
	ssize_t		 n;
	size_t		 off;
	int		 fd;

	/* Reports hold children's names: only the user may read the file. */
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd == -1)
		return (nerr_set(err, _("Cannot write %s: %s."), path,
		    strerror(errno)));
	sbuf_init(&sb);
	for (p = text; *p != '\0'; p++) {
		if (*p != UI_PAGER_HEAD[0])
			sbuf_addc(&sb, *p);
	}
	if (sb.len == 0 || sb.s[sb.len - 1] != '\n')
		sbuf_addc(&sb, '\n');
	for (off = 0; off < sb.len; off += (size_t)n) {
		if ((n = write(fd, sb.s + off, sb.len - off)) == -1) {
			if (errno == EINTR) {
				n = 0;
				continue;
			}
			nerr_set(err, _("Cannot write %s: %s."), path,
			    strerror(errno));
			sbuf_free(&sb);
			close(fd);
			return (-1);
		}
	}
	sbuf_free(&sb);
	if (close(fd) != 0)
		return (nerr_set(err, _("Cannot write %s: %s."), path,
		    strerror(errno)));
	return (0);
}

static void
ui_pager_save(struct ui_pager_screen *ps)
{
	struct nerr	 err;
	char		*typed, *path, *q;
	int		 go = 1;

	if ((typed = ui_prompt(_("Save to file:"), ps->save)) == NULL)
		return;
	if (*typed == '\0') {
		free(typed);
		return;
	}
	path = ui_pager_expand(typed);
	if (access(path, F_OK) == 0) {
		xasprintf(&q, _("%s exists. Replace it? (y/n)"), path);
		go = ui_confirm(q);
		free(q);
	}
	nerr_clear(&err);
	if (go && ui_pager_write(path, ps->pg.text, &err) != 0)
		ui_error("%s", err.msg);
	else if (go) {
		free(ps->save);
		ps->save = xstrdup(typed);
		ui_status(_("Saved to %s."), path);
	}
	free(path);
	free(typed);
}

static void
ui_pager_screen_draw(struct ui_frame *f, WINDOW *w, int y, int h)
{
	struct ui_pager_screen	*ps = f->data;

	ui_pager_draw(&ps->pg, w, y, h);
}

int
ui_pager_frame_key(struct ui_frame *f, struct ui_pager *pg, const char *help,
    int k, int action)
{
	switch (action) {
	case UI_A_HELP:
		ui_help_show(f, help);
		return (UI_STAY);
	case UI_A_MENU:
		return (UI_TOP);
	case UI_A_BACK:
		return (UI_POP);
	}
	if (k == UI_ESC)
		return (UI_POP);
	ui_pager_key(pg, k);
	return (UI_STAY);
}

static int
ui_pager_screen_key(struct ui_frame *f, int k, int action)
{
	struct ui_pager_screen	*ps = f->data;

	if (action == UI_A_SAVE) {
		if (ps->save != NULL)
			ui_pager_save(ps);
		return (UI_STAY);
	}
	return (ui_pager_frame_key(f, &ps->pg, ps->help, k, action));
}

static void
ui_pager_screen_leave(struct ui_frame *f)
{
	struct ui_pager_screen	*ps = f->data;

	ui_pager_free(&ps->pg);
	free(ps->save);
	free(ps);
}

static const struct ui_screen ui_pager_screen = {
	.name = "pager",
	.title = NULL,
	.draw = ui_pager_screen_draw,
	.key = ui_pager_screen_key,
	.leave = ui_pager_screen_leave,
	.actions = ui_pager_actions,
	.nactions = nitems(ui_pager_actions),
	.help = N_("Arrows, PgUp and PgDn, Home and End scroll the text; "
	    "Esc, q or F10 closes it."),
};

static const struct ui_screen ui_pager_save_screen = {
	.name = "report",
	.title = NULL,
	.draw = ui_pager_screen_draw,
	.key = ui_pager_screen_key,
	.leave = ui_pager_screen_leave,
	.actions = ui_pager_save_actions,
	.nactions = nitems(ui_pager_save_actions),
	.help = N_("Arrows, PgUp and PgDn, Home and End scroll the text; "
	    "F2 saves it to a file; Esc, q or F10 closes it."),
};

int
ui_pager_open_save(const char *title, const char *text, const char *help,
    const char *dflt)
{
	struct ui_pager_screen	*ps;

	ps = xcalloc(1, sizeof *ps);
	ui_pager_init(&ps->pg, text);
	ps->help = help;
	ps->save = xstrdup(dflt != NULL ? dflt : "~/");
	if (ui_push(&ui_pager_save_screen, ps) != 0)
		return (-1);
	ui_set_title(title);
	return (0);
}

int
ui_pager_open(const char *title, const char *text, const char *help)
{
	struct ui_pager_screen	*ps;

	ps = xcalloc(1, sizeof *ps);
	ui_pager_init(&ps->pg, text);
	ps->help = help;
	if (ui_push(&ui_pager_screen, ps) != 0)
		return (-1);
	ui_set_title(title);
	return (0);
}
