/* ui-report-view.c: a report exactly as it prints, in a pager: saved or printed. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "print.h"
#include "report.h"
#include "text.h"
#include "ui-dialog.h"
#include "ui-draw.h"
#include "ui-help.h"
#include "ui-pager.h"
#include "ui-reports.h"

static int	ui_report_enc_last;	/* the encoding chosen last time */

/* ---- one report on screen: the exact text, pages shown by a rule ---- */

struct rv_line {
	char	*s;		/* NULL: the rule where a page begins */
	int	 page;
};

struct rview {
	const struct report_def	*def;
	struct report_opts	 o;
	char			*month;		/* o.month, o.class_ point here */
	char			*class_;
	char			*text;		/* as printed, UTF-8 */
	struct rv_line		*lines;
	int			 n;
	int			 pages;
	int			 widest;
	int			 top, left, h, w;
	char			*save;		/* the path offered */
};

static void
rview_lines_free(struct rview *rv)
{
	int	i;

	for (i = 0; i < rv->n; i++)
		free(rv->lines[i].s);
	free(rv->lines);
	rv->lines = NULL;
	rv->n = 0;
}

static void
rview_add(struct rview *rv, char *s, int page)
{
	int	w;

	if ((rv->n & 63) == 0)
		rv->lines = xreallocarray(rv->lines, (size_t)rv->n + 64,
		    sizeof *rv->lines);
	rv->lines[rv->n].s = s;
	rv->lines[rv->n++].page = page;
	if (s != NULL && (w = text_width(s)) > rv->widest)
		rv->widest = w;
}

/*
 * Lines as they print; a form feed becomes a line of its own, the rule
 * drawn where the new page begins, instead of a raw ^L.
 */
static void
rview_split(struct rview *rv)
{
	const char	*p = rv->text, *nl, *ff, *end;
	int		 page = 1;

	rview_lines_free(rv);
	rv->widest = 0;
	while (*p != '\0') {
		nl = strchr(p, '\n');
		end = nl != NULL ? nl : p + strlen(p);
		if (memchr(p, '\f', (size_t)(end - p)) == NULL)
			rview_add(rv, xstrndup(p, (size_t)(end - p)), page);
		else {
			while ((ff = memchr(p, '\f', (size_t)(end - p))) !=
			    NULL) {
				if (ff > p)
					rview_add(rv, xstrndup(p,
					    (size_t)(ff - p)), page);
				rview_add(rv, NULL, ++page);
				p = ff + 1;
			}
			if (p < end)
				rview_add(rv, xstrndup(p, (size_t)(end - p)),
				    page);
		}
		if (nl == NULL)
			break;
		p = nl + 1;
	}
	rv->pages = page;
}

static int
rview_make(struct rview *rv, struct nerr *err)
{
	struct sbuf	out;

	sbuf_init(&out);
	if (report_make(ui_db(), rv->def->name, &rv->o, &out, err) != 0) {
		sbuf_free(&out);
		return (-1);
	}
	free(rv->text);
	rv->text = sbuf_take(&out);
	rview_split(rv);
	return (0);
}

/* The text from display column left on (a wide character cut shows a space). */
static const char *
rview_skip(const char *s, int left, int *pad)
{
	uint32_t	cp;
	size_t		used;
	int		col = 0, w;

	*pad = 0;
	while (col < left && *s != '\0') {
		used = utf8_decode(s, strlen(s), &cp);
		w = text_cp_width(cp);
		if (col + w > left)
			*pad = col + w - left;
		col += w;
		s += used;
	}
	return (s);
}

static void
rview_rule(struct rview *rv, WINDOW *w, int y, int x, int cols, int page)
{
	struct sbuf	 sb, label;
	const char	*dash = ui_utf8() ? "─" : "-";
	int		 lw, i, width = rv->widest < cols ? rv->widest : cols;

	if (width < 20)
		width = cols;
	sbuf_init(&sb);
	sbuf_init(&label);
	sbuf_addc(&label, ' ');
	sbuf_addf(&label, _("page %d"), page);
	sbuf_addc(&label, ' ');
	lw = ui_width(label.s);
	for (i = 0; i < (width - lw) / 2; i++)
		sbuf_add(&sb, dash);
	sbuf_add(&sb, label.s);
	for (i = (width - lw) / 2 + lw; i < width; i++)
		sbuf_add(&sb, dash);
	ui_put(w, y, x, cols, sb.s, ui_attr(UI_DIM), 0);
	sbuf_free(&sb);
	sbuf_free(&label);
}

static void
rview_clamp(struct rview *rv)
{
	if (rv->top > rv->n - rv->h)
		rv->top = rv->n - rv->h;
	if (rv->top < 0)
		rv->top = 0;
	if (rv->left > rv->widest - rv->w)
		rv->left = rv->widest - rv->w;
	if (rv->left < 0)
		rv->left = 0;
}

static void
rview_draw(struct ui_frame *f, WINDOW *w, int y, int h)
{
	struct rview	*rv = f->data;
	struct sbuf	 pos;
	const char	*s;
	int		 i, x, pad, page, last;

	/* The printed width fits 80 columns: a margin only when there is room. */
	x = COLS >= rv->widest + 2 ? 1 : 0;
	rv->w = COLS - x;
	rv->h = h - 1;
	rview_clamp(rv);
	for (i = 0; i < rv->h && rv->top + i < rv->n; i++) {
		if ((s = rv->lines[rv->top + i].s) == NULL) {
			rview_rule(rv, w, y + i, x, rv->w,
			    rv->lines[rv->top + i].page);
			continue;
		}
		s = rview_skip(s, rv->left, &pad);
		ui_put(w, y + i, x + pad, rv->w - pad, s, A_NORMAL, 0);
	}
	page = rv->n > 0 ? rv->lines[rv->top].page : 1;
	last = rv->n > 0 ? rv->lines[(rv->top + rv->h < rv->n ? rv->top +
	    rv->h : rv->n) - 1].page : 1;
	sbuf_init(&pos);
	if (last > page)
		sbuf_addf(&pos, _("Pages %d–%d of %d"), page, last, rv->pages);
	else
		sbuf_addf(&pos, _("Page %d of %d"), page, rv->pages);
	if (rv->n > rv->h)
		sbuf_addf(&pos, " · %d %%", (rv->top + rv->h) * 100 / rv->n);
	if (rv->left > 0 || rv->widest > rv->w)
		sbuf_addf(&pos, " · %s %d", _("column"), rv->left + 1);
	ui_put(w, y + h - 1, COLS - ui_width(pos.s) - 1, ui_width(pos.s),
	    pos.s, ui_attr(UI_DIM), 0);
	sbuf_free(&pos);
}

/* ---- saving and printing ---- */

/* Encode the text; says how many characters became '?' in *replaced. */
static int
rview_encode(struct rview *rv, const char *enc, struct sbuf *out,
    int *replaced, struct nerr *err)
{
	*replaced = 0;
	sbuf_init(out);
	if (report_encode(rv->text, enc, out, replaced, err) != 0) {
		sbuf_free(out);
		return (-1);
	}
	return (0);
}

/* "CP866" for messages. */
static char *
rview_enc_name(const char *enc)
{
	char	*up, *p;

	up = xstrdup(enc);
	for (p = up; *p != '\0'; p++)
		*p = toupper((unsigned char)*p);
	return (up);
}

static void
rview_replaced_note(struct sbuf *sb, int replaced, const char *enc)
{
	char	*up;

	if (replaced <= 0)
		return;
	up = rview_enc_name(enc);
	sbuf_add(sb, " ");
	sbuf_addf(sb, ngettext("%d character that %s cannot hold became «?».",
	    "%d characters that %s cannot hold became «?».",
	    (unsigned long)replaced), replaced, up);
	free(up);
}

static void
rview_save(struct rview *rv)
{
	const char	*items[8], *enc;
	struct sbuf	 out, msg;
	struct nerr	 err;
	char		*typed, *path, *q, *name;
	int		 n, k, go = 1, replaced;

	if ((typed = ui_prompt(_("Save the report to the file:"),
	    rv->save)) == NULL || *typed == '\0') {
		free(typed);
		return;
	}
	path = ui_pager_expand(typed);
	if (access(path, F_OK) == 0) {
		xasprintf(&q, _("%s exists. Replace it? (y/n)"), path);
		go = ui_confirm(q);
		free(q);
	}
	for (n = 0; n < 8 && print_encoding_label(n) != NULL; n++)
		items[n] = print_encoding_label(n);
	if (!go || (k = ui_pick(_("Encoding of the file"), items, n,
	    ui_report_enc_last)) < 0) {
		free(path);
		free(typed);
		return;
	}
	ui_report_enc_last = k;
	enc = print_encoding_code(k);
	nerr_clear(&err);
	if (rview_encode(rv, enc, &out, &replaced, &err) != 0)
		ui_error("%s", err.msg);
	else if (print_save(path, out.s, out.len, &err) != 0) {
		ui_error("%s", err.msg);
		sbuf_free(&out);
	} else {
		sbuf_free(&out);
		free(rv->save);
		rv->save = xstrdup(typed);
		sbuf_init(&msg);
		name = rview_enc_name(enc);
		sbuf_addf(&msg, _("Saved to %s in %s."), path, name);
		free(name);
		rview_replaced_note(&msg, replaced, enc);
		ui_status("%s", msg.s);
		sbuf_free(&msg);
	}
	free(path);
	free(typed);
}

static void
rview_print(struct rview *rv)
{
	struct sbuf	 out, msg;
	struct nerr	 err;
	char		*cmd, *enc, *m, *name;
	int		 replaced;

	nerr_clear(&err);
	if ((cmd = print_command(ui_db(), &err)) == NULL) {
		ui_error("%s", err.msg);
		ui_message(err.msg);
		return;
	}
	enc = db_setting(ui_db(), "print.encoding");
	if (str_empty(enc) || !report_encoding_valid(enc)) {
		free(enc);
		enc = xstrdup("utf-8");
	}
	nerr_clear(&err);
	if (rview_encode(rv, enc, &out, &replaced, &err) != 0) {
		ui_error("%s", err.msg);
		goto done;
	}
	/* A printer may take a while: say what is going on meanwhile. */
	ui_status(_("Printing with «%s»…"), cmd);
	ui_draw_all();
	doupdate();
	if (print_run(cmd, out.s, out.len, PRINT_TIMEOUT, &err) != 0) {
		ui_error("%s", err.msg);
		xasprintf(&m, "%s\n\n%s\n\n%s", _("The report was not printed."),
		    err.msg, _("The print command is set in Settings (main "
		    "menu); F2 here saves the report to a file instead."));
		ui_message(m);
		free(m);
	} else {
		sbuf_init(&msg);
		name = rview_enc_name(enc);
		sbuf_addf(&msg, _("The report was sent to the printer in %s: "
		    "%s."), name, cmd);
		free(name);
		rview_replaced_note(&msg, replaced, enc);
		ui_status("%s", msg.s);
		sbuf_free(&msg);
	}
	sbuf_free(&out);
done:
	free(enc);
	free(cmd);
}

/* ---- the report screen ---- */

enum {
	RV_A_PRINT = UI_A_USER,
	RV_A_AGAIN,
};

static const struct ui_action rview_actions[] = {
	UI_ACTION_HELP,
	{ UI_A_SAVE, 2, { UI_CTRL('S'), 'w', 0 }, N_("Save"),
	    N_("Save the report to a file exactly as it prints, page breaks "
	    "too; the file's name and its encoding (UTF-8, CP866, CP1251, "
	    "KOI8-R) are asked for. Only you may read the file.") },
	{ RV_A_PRINT, 5, { 'p', UI_CTRL('P'), 0 }, N_("Print"),
	    N_("Send the report to the print command set in Settings (lpr "
	    "unless set otherwise), in the encoding set there.") },
	{ RV_A_AGAIN, 0, { 'r', UI_CTRL('R'), 0 }, NULL,
	    N_("Make the report again from the data as it is now.") },
	UI_ACTION_MENU,
	UI_ACTION_BACK,
};

static int
rview_key(struct ui_frame *f, int k, int action)
{
	struct rview	*rv = f->data;
	struct nerr	 err;

	switch (action) {
	case UI_A_HELP:
		ui_help_show(f, rv->def->help);
		return (UI_STAY);
	case UI_A_SAVE:
		rview_save(rv);
		return (UI_STAY);
	case RV_A_PRINT:
		rview_print(rv);
		return (UI_STAY);
	case RV_A_AGAIN:
		nerr_clear(&err);
		if (rview_make(rv, &err) != 0)
			ui_error("%s", err.msg);
		else
			ui_status("%s", _("The report is made again."));
		return (UI_STAY);
	case UI_A_MENU:
		return (UI_TOP);
	case UI_A_BACK:
		return (UI_POP);
	}
	switch (k) {
	case UI_ESC:
		return (UI_POP);
	case UI_FN(KEY_UP):
	case 'k':
		rv->top--;
		break;
	case UI_FN(KEY_DOWN):
	case 'j':
	case '\r':
	case '\n':
		rv->top++;
		break;
	case UI_FN(KEY_PPAGE):
	case UI_FN(KEY_BACKSPACE):
	case 'b':
		rv->top -= rv->h - 1;
		break;
	case UI_FN(KEY_NPAGE):
	case ' ':
		rv->top += rv->h - 1;
		break;
	case UI_FN(KEY_HOME):
	case 'g':
		rv->top = 0;
		rv->left = 0;
		break;
	case UI_FN(KEY_END):
	case 'G':
		rv->top = rv->n;
		break;
	case UI_FN(KEY_LEFT):
		rv->left -= 8;
		break;
	case UI_FN(KEY_RIGHT):
		rv->left += 8;
		break;
	}
	rview_clamp(rv);
	return (UI_STAY);
}

/* Someone else changed the data: the text follows, where it was. */
static void
rview_changed(struct ui_frame *f)
{
	struct rview	*rv = f->data;
	struct nerr	 err;

	nerr_clear(&err);
	if (rview_make(rv, &err) == 0)
		ui_status("%s", _("Someone else changed the data; the report "
		    "is made again."));
}

static void
rview_free(struct rview *rv)
{
	rview_lines_free(rv);
	free(rv->text);
	free(rv->month);
	free(rv->class_);
	free(rv->save);
	free(rv);
}

static void
rview_leave(struct ui_frame *f)
{
	rview_free(f->data);
}

static const struct ui_screen rview_screen = {
	.name = "report",
	.title = NULL,
	.draw = rview_draw,
	.key = rview_key,
	.leave = rview_leave,
	.changed = rview_changed,
	.actions = rview_actions,
	.nactions = nitems(rview_actions),
	.help = N_("The report exactly as it prints: 80 columns, the "
	    "school's name and the date on top of every page. A ruled line "
	    "with a page number shows where a new sheet begins. Arrows, PgUp "
	    "and PgDn, Home and End scroll; Left and Right move sideways when "
	    "the report is wider than the screen. F2 saves the report to a "
	    "file, F5 prints it; both are open to every user, read-only ones "
	    "too."),
};

int
ui_report_view(const struct report_def *def, long long pair, char *month,
    char *class_)
{
	struct rview	*rv = xcalloc(1, sizeof *rv);
	struct nerr	 err;
	char		*title;

	rv->def = def;
	report_opts_init(&rv->o);
	rv->o.width = 80;	/* the printed page, whatever the terminal */
	rv->o.pair = def->needs_pair ? pair : 0;
	rv->o.month = rv->month = month;
	rv->o.class_ = rv->class_ = class_;
	nerr_clear(&err);
	if (rview_make(rv, &err) != 0) {
		ui_error("%s", err.msg);
		rview_free(rv);
		return (-1);
	}
	if (rv->o.pair > 0) {
		xasprintf(&rv->save, "~/%s-%lld.txt", def->name, rv->o.pair);
		xasprintf(&title, "%s · %s %lld", _(def->title), _("pair No."),
		    rv->o.pair);
	} else {
		xasprintf(&rv->save, "~/%s%s%s.txt", def->name,
		    month != NULL ? "-" : "", str_or(month, ""));
		title = xstrdup(_(def->title));
	}
	if (ui_push(&rview_screen, rv) != 0) {
		free(title);
		return (-1);
	}
	ui_set_title(title);
	free(title);
	return (0);
}
