/* ui-form.c: forms declared as a table of fields, edited in place, checked before saving. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "text.h"
#include "ui-dialog.h"
#include "ui-draw.h"
#include "ui-form.h"
#include "ui-help.h"

#define UI_FORM_MAXLEN	200
#define UI_FORM_LABELW	40	/* widest label column */

#define FIELD_STR(fm, i) \
	((char **)(void *)((char *)(fm)->obj + (fm)->fields[i].off))
#define FIELD_INT(fm, i) \
	((int *)(void *)((char *)(fm)->obj + (fm)->fields[i].off))

static int
ui_form_is_text(const struct ui_field *fd)
{
	return (fd->type == UI_F_TEXT || fd->type == UI_F_LONG ||
	    fd->type == UI_F_DATE || fd->type == UI_F_NUMBER);
}

static int
ui_form_choices(struct ui_form *fm, int i)
{
	int	n = 0;

	if (fm->fields[i].type == UI_F_YESNO)
		return (2);
	while (fm->fields[i].choice(fm->obj, n) != NULL)
		n++;
	return (n);
}

static const char *
ui_form_choice_label(struct ui_form *fm, int i, int v)
{
	const char	*s;

	if (fm->fields[i].type == UI_F_YESNO)
		return (v ? _("yes") : _("no"));
	s = fm->fields[i].choice(fm->obj, v);
	return (s != NULL ? s : "?");
}

void
ui_form_load(struct ui_form *fm)
{
	char	 shown[DATE_ISO_LEN];
	char	*s;
	int	 i;

	for (i = 0; i < fm->n; i++) {
		sbuf_reset(&fm->text[i]);
		sbuf_add(&fm->text[i], "");
		switch (fm->fields[i].type) {
		case UI_F_TEXT:
		case UI_F_LONG:
			sbuf_add(&fm->text[i], *FIELD_STR(fm, i));
			break;
		case UI_F_DATE:
			if ((s = *FIELD_STR(fm, i)) != NULL) {
				date_show(s, shown);
				sbuf_add(&fm->text[i], shown[0] != '\0' ?
				    shown : s);
			}
			break;
		case UI_F_NUMBER:
			if (*FIELD_INT(fm, i) != 0)
				sbuf_addf(&fm->text[i], "%d",
				    *FIELD_INT(fm, i));
			break;
		case UI_F_CHOICE:
		case UI_F_YESNO:
			fm->val[i] = *FIELD_INT(fm, i);
			break;
		case UI_F_SECTION:
			break;
		}
	}
	fm->pos = fm->text[fm->cur].len;
	fm->dirty = 0;
}

static void
ui_form_move(struct ui_form *fm, int dir)
{
	int	i = fm->cur;

	do {
		i += dir;
	} while (i >= 0 && i < fm->n && fm->fields[i].type == UI_F_SECTION);
	if (i >= 0 && i < fm->n) {
		fm->cur = i;
		fm->pos = fm->text[i].len;
	}
}

void
ui_form_init(struct ui_form *fm, const struct ui_field *fields, int n,
    void *obj)
{
	int	i;

	memset(fm, 0, sizeof *fm);
	fm->fields = fields;
	fm->n = n;
	fm->obj = obj;
	fm->text = xcalloc((size_t)n, sizeof *fm->text);
	fm->val = xcalloc((size_t)n, sizeof *fm->val);
	for (i = 0; i < n; i++)
		sbuf_init(&fm->text[i]);
	fm->cur = -1;
	ui_form_move(fm, 1);
	if (fm->cur < 0)
		fm->cur = 0;
	ui_form_load(fm);
}

void
ui_form_free(struct ui_form *fm)
{
	int	i;

	for (i = 0; i < fm->n; i++)
		sbuf_free(&fm->text[i]);
	free(fm->text);
	free(fm->val);
	fm->text = NULL;
	fm->val = NULL;
}

static int
ui_form_fail(struct ui_form *fm, int i)
{
	fm->cur = i;
	fm->pos = fm->text[i].len;
	return (-1);
}

static int
ui_form_store_one(struct ui_form *fm, int i, struct nerr *err)
{
	const struct ui_field	*fd = &fm->fields[i];
	const char		*label = _(fd->label);
	char			 iso[DATE_ISO_LEN], *copy, *t, *v, *end;
	long			 num;

	if (!ui_form_is_text(fd)) {
		if (fd->type != UI_F_SECTION)
			*FIELD_INT(fm, i) = fm->val[i];
		return (0);
	}
	copy = xstrdup(fm->text[i].s != NULL ? fm->text[i].s : "");
	t = str_trim(copy);
	if (*t == '\0') {
		free(copy);
		if (fd->required) {
			nerr_set(err, _("%s: this field is required; fill it "
			    "in."), label);
			return (ui_form_fail(fm, i));
		}
		if (fd->type == UI_F_NUMBER)
			*FIELD_INT(fm, i) = 0;
		else
			xfree_ptr(FIELD_STR(fm, i));
		return (0);
	}
	switch (fd->type) {
	case UI_F_DATE:
		if (date_parse(t, iso, label, err) != 0) {
			free(copy);
			return (ui_form_fail(fm, i));
		}
		free(*FIELD_STR(fm, i));
		*FIELD_STR(fm, i) = xstrdup(iso);
		break;
	case UI_F_NUMBER:
		errno = 0;
		num = strtol(t, &end, 10);
		if (errno != 0 || *end != '\0' || num < 0 || num > 100000) {
			nerr_set(err, _("%s: \"%s\" is not a number; type a "
			    "whole number such as 4."), label, t);
			free(copy);
			return (ui_form_fail(fm, i));
		}
		*FIELD_INT(fm, i) = (int)num;
		break;
	default:
		if (fd->check != NULL) {
			if ((v = fd->check(fm->obj, t, label, err)) == NULL) {
				free(copy);
				return (ui_form_fail(fm, i));
			}
		} else
			v = xstrdup(t);
		free(*FIELD_STR(fm, i));
		*FIELD_STR(fm, i) = v;
		break;
	}
	free(copy);
	return (0);
}

int
ui_form_store(struct ui_form *fm, struct nerr *err)
{
	int	i;

	for (i = 0; i < fm->n; i++) {
		if (ui_form_store_one(fm, i, err) != 0)
			return (-1);
	}
	return (0);
}

void
ui_form_focus_message(struct ui_form *fm, const char *msg)
{
	char	*fmsg, *flabel;
	int	 i, best = -1, bestlen = 0, len;

	fmsg = text_fold_dup(msg);
	for (i = 0; i < fm->n; i++) {
		if (fm->fields[i].type == UI_F_SECTION)
			continue;
		flabel = text_fold_dup(_(fm->fields[i].label));
		len = (int)strlen(flabel);
		if (len > bestlen && strstr(fmsg, flabel) != NULL) {
			best = i;
			bestlen = len;
		}
		free(flabel);
	}
	free(fmsg);
	if (best >= 0)
		ui_form_fail(fm, best);
}

/* ---- editing ---- */

static void
ui_form_insert(struct ui_form *fm, int k)
{
	const struct ui_field	*fd = &fm->fields[fm->cur];
	struct sbuf		*t = &fm->text[fm->cur], add, out;
	int			 maxlen = fd->maxlen > 0 ? fd->maxlen :
				    UI_FORM_MAXLEN;

	if (fd->type == UI_F_NUMBER && (k < '0' || k > '9'))
		return;
	if (fd->type == UI_F_DATE && !((k >= '0' && k <= '9') || k == '.' ||
	    k == '-' || k == '/'))
		return;
	if ((int)utf8_len(t->s != NULL ? t->s : "") >= maxlen) {
		beep();
		return;
	}
	sbuf_init(&add);
	sbuf_init(&out);
	text_add_wc(&add, (wchar_t)k);
	sbuf_addn(&out, t->s != NULL ? t->s : "", fm->pos);
	sbuf_addn(&out, add.s, add.len);
	sbuf_add(&out, t->s != NULL ? t->s + fm->pos : "");
	fm->pos += add.len;
	sbuf_free(t);
	*t = out;
	sbuf_free(&add);
	fm->dirty = 1;
}

/* The byte offset of the code point before (dir < 0) or after pos. */
static size_t
ui_form_step(const struct sbuf *t, size_t pos, int dir)
{
	if (dir < 0) {
		if (pos == 0)
			return (0);
		pos--;
		while (pos > 0 && ((unsigned char)t->s[pos] & 0xc0) == 0x80)
			pos--;
		return (pos);
	}
	if (pos >= t->len)
		return (t->len);
	pos++;
	while (pos < t->len && ((unsigned char)t->s[pos] & 0xc0) == 0x80)
		pos++;
	return (pos);
}

static void
ui_form_cut(struct ui_form *fm, size_t from, size_t to)
{
	struct sbuf	*t = &fm->text[fm->cur];

	if (to <= from || to > t->len)
		return;
	memmove(t->s + from, t->s + to, t->len - to + 1);
	t->len -= to - from;
	fm->pos = from;
	fm->dirty = 1;
}

static int
ui_form_text_key(struct ui_form *fm, int k)
{
	struct sbuf	*t = &fm->text[fm->cur];

	switch (k) {
	case UI_FN(KEY_LEFT):
		fm->pos = ui_form_step(t, fm->pos, -1);
		return (1);
	case UI_FN(KEY_RIGHT):
		fm->pos = ui_form_step(t, fm->pos, 1);
		return (1);
	case UI_FN(KEY_HOME):
	case UI_CTRL('A'):
		fm->pos = 0;
		return (1);
	case UI_FN(KEY_END):
	case UI_CTRL('E'):
		fm->pos = t->len;
		return (1);
	case UI_FN(KEY_BACKSPACE):
	case 0x7f:
	case '\b':
		ui_form_cut(fm, ui_form_step(t, fm->pos, -1), fm->pos);
		return (1);
	case UI_FN(KEY_DC):
	case UI_CTRL('D'):
		ui_form_cut(fm, fm->pos, ui_form_step(t, fm->pos, 1));
		return (1);
	case UI_CTRL('K'):
		ui_form_cut(fm, fm->pos, t->len);
		return (1);
	case UI_CTRL('U'):
		ui_form_cut(fm, 0, t->len);
		return (1);
	}
	if (!UI_IS_FN(k) && k >= 0x20) {
		ui_form_insert(fm, k);
		return (1);
	}
	return (0);
}

static void
ui_form_pick(struct ui_form *fm)
{
	const char	**items;
	int		  n = ui_form_choices(fm, fm->cur), i, v;

	items = xcalloc((size_t)n, sizeof *items);
	for (i = 0; i < n; i++)
		items[i] = ui_form_choice_label(fm, fm->cur, i);
	v = ui_pick(_(fm->fields[fm->cur].label), items, n, fm->val[fm->cur]);
	free(items);
	if (v >= 0 && v != fm->val[fm->cur]) {
		fm->val[fm->cur] = v;
		fm->dirty = 1;
	}
}

static int
ui_form_choice_key(struct ui_form *fm, int k)
{
	int	n = ui_form_choices(fm, fm->cur), *v = &fm->val[fm->cur];

	switch (k) {
	case ' ':
	case UI_FN(KEY_RIGHT):
	case '+':
		*v = (*v + 1) % n;
		break;
	case UI_FN(KEY_LEFT):
	case '-':
		*v = (*v + n - 1) % n;
		break;
	case '\r':
	case '\n':
	case UI_FN(KEY_ENTER):
		if (fm->fields[fm->cur].type == UI_F_YESNO)
			return (0);
		ui_form_pick(fm);
		return (1);
	case 'y': case 'Y': case L'д': case L'Д':
		if (fm->fields[fm->cur].type != UI_F_YESNO)
			return (1);
		*v = 1;
		break;
	case 'n': case 'N': case L'н': case L'Н':
		if (fm->fields[fm->cur].type != UI_F_YESNO)
			return (1);
		*v = 0;
		break;
	default:
		/* Letters do nothing here rather than fall through as keys. */
		return (!UI_IS_FN(k) && k >= 0x20);
	}
	fm->dirty = 1;
	return (1);
}

int
ui_form_key(struct ui_form *fm, int k)
{
	const struct ui_field	*fd = &fm->fields[fm->cur];
	int			 i;

	switch (k) {
	case '\t':
	case UI_FN(KEY_DOWN):
		ui_form_move(fm, 1);
		return (1);
	case UI_FN(KEY_BTAB):
	case UI_FN(KEY_UP):
		ui_form_move(fm, -1);
		return (1);
	case UI_FN(KEY_NPAGE):
		for (i = 0; i < fm->h - 1; i++)
			ui_form_move(fm, 1);
		return (1);
	case UI_FN(KEY_PPAGE):
		for (i = 0; i < fm->h - 1; i++)
			ui_form_move(fm, -1);
		return (1);
	}
	if (ui_form_is_text(fd)) {
		if (k == '\r' || k == '\n' || k == UI_FN(KEY_ENTER)) {
			ui_form_move(fm, 1);
			return (1);
		}
		return (ui_form_text_key(fm, k));
	}
	if (ui_form_choice_key(fm, k))
		return (1);
	if (k == '\r' || k == '\n' || k == UI_FN(KEY_ENTER)) {
		ui_form_move(fm, 1);
		return (1);
	}
	return (0);
}

/* ---- drawing ---- */

/* Rows: a field takes one, a heading two (a blank line before, not first). */
static int
ui_form_row(const struct ui_form *fm, int i)
{
	int	j, row = 0;

	for (j = 0; j < i; j++)
		row += fm->fields[j].type == UI_F_SECTION && j > 0 ? 2 : 1;
	if (fm->fields[i].type == UI_F_SECTION && i > 0)
		row++;
	return (row);
}

static int
ui_form_label_width(const struct ui_form *fm)
{
	int	i, w = 0, lw;

	for (i = 0; i < fm->n; i++) {
		if (fm->fields[i].type == UI_F_SECTION)
			continue;
		/* Room for the " *" of a required field too. */
		lw = ui_width(_(fm->fields[i].label)) + 2 +
		    (fm->fields[i].required ? 2 : 0);
		if (lw > w)
			w = lw;
	}
	return (w < UI_FORM_LABELW ? w : UI_FORM_LABELW);
}

static int
ui_form_field_width(struct ui_form *fm, int i, int room)
{
	int	w, n, v;

	switch (fm->fields[i].type) {
	case UI_F_DATE:
		w = 11;
		break;
	case UI_F_NUMBER:
		w = 7;
		break;
	case UI_F_CHOICE:
	case UI_F_YESNO:
		n = ui_form_choices(fm, i);
		for (w = 0, v = 0; v < n; v++) {
			if (ui_width(ui_form_choice_label(fm, i, v)) > w)
				w = ui_width(ui_form_choice_label(fm, i, v));
		}
		w += 4;
		break;
	case UI_F_TEXT:
		w = fm->fields[i].maxlen > 0 ? fm->fields[i].maxlen + 1 : 41;
		break;
	default:
		w = room;
		break;
	}
	return (w < room ? w : room);
}

/* Draw a text field scrolled so the cursor shows; returns the cursor column. */
static int
ui_form_draw_text(struct ui_form *fm, WINDOW *w, int y, int x, int width,
    int i, attr_t a)
{
	const char	*s = fm->text[i].s != NULL ? fm->text[i].s : "";
	char		*part;
	size_t		 start = 0, pos = i == fm->cur ? fm->pos : 0;
	int		 cx;

	for (;;) {
		part = xstrndup(s + start, pos - start);
		cx = ui_width(part);
		free(part);
		if (cx < width || start >= pos)
			break;
		start = ui_form_step(&fm->text[i], start, 1);
	}
	wattrset(w, a);
	mvwhline(w, y, x, ' ', width);
	wattrset(w, A_NORMAL);
	ui_put(w, y, x, width, s + start, a, 0);
	return (x + cx);
}

void
ui_form_draw(struct ui_form *fm, struct ui_frame *f, WINDOW *w, int y, int h)
{
	const struct ui_field	*fd;
	struct sbuf		 sb;
	int			 i, row, lw, x, fw, cx, cur_row, first;
	attr_t			 a;

	fm->h = h;
	lw = ui_form_label_width(fm);
	x = 2 + lw;
	cur_row = ui_form_row(fm, fm->cur);
	/* Keep the field and, for a section's first field, its heading in view. */
	first = cur_row;
	for (i = fm->cur - 1; i >= 0 && fm->fields[i].type == UI_F_SECTION; i--)
		first = ui_form_row(fm, i);
	if (first < fm->top)
		fm->top = first;
	if (cur_row >= fm->top + h)
		fm->top = cur_row - h + 1;
	sbuf_init(&sb);
	for (i = 0; i < fm->n; i++) {
		fd = &fm->fields[i];
		row = ui_form_row(fm, i) - fm->top;
		if (row < 0 || row >= h)
			continue;
		if (fd->type == UI_F_SECTION) {
			cx = ui_put(w, y + row, 1, COLS - 2, _(fd->label),
			    ui_attr(UI_HEADER), 0);
			ui_hline(w, y + row, cx + 2, COLS - cx - 3);
			continue;
		}
		sbuf_reset(&sb);
		sbuf_add(&sb, _(fd->label));
		if (fd->required)
			sbuf_add(&sb, " *");
		ui_put(w, y + row, 2, lw - 1, sb.s, i == fm->cur ? A_BOLD :
		    A_NORMAL, 0);
		fw = ui_form_field_width(fm, i, COLS - x - 2);
		a = ui_attr(i == fm->cur ? UI_FIELDCUR : UI_FIELD);
		if (ui_form_is_text(fd)) {
			cx = ui_form_draw_text(fm, w, y + row, x, fw, i, a);
			if (i == fm->cur) {
				f->cury = y + row;
				f->curx = cx;
			}
		} else {
			sbuf_reset(&sb);
			sbuf_addf(&sb, "< %s >",
			    ui_form_choice_label(fm, i, fm->val[i]));
			ui_put(w, y + row, x, fw, sb.s, a, 1);
		}
	}
	sbuf_free(&sb);
	if (fm->top > 0)
		ui_put(w, y, COLS - 3, 2, "^", ui_attr(UI_DIM), 0);
	if (ui_form_row(fm, fm->n - 1) >= fm->top + h)
		ui_put(w, y + h - 1, COLS - 3, 2, "v", ui_attr(UI_DIM), 0);
}

/* ---- the form screen ---- */

struct ui_form_screen {
	const struct ui_form_spec	*spec;
	struct ui_form			 form;
	int				 saved;
};

static const struct ui_action ui_form_actions[] = {
	UI_ACTION_HELP,
	{ UI_A_SAVE, 2, { UI_CTRL('S'), 0 }, N_("Save"),
	    N_("Check the form and save it.") },
	{ UI_A_BACK, 10, { UI_ESC, 0 }, N_("Cancel"),
	    N_("Close the form; if something was changed, you are asked "
	    "whether to drop the changes.") },
};

static void
ui_form_screen_draw(struct ui_frame *f, WINDOW *w, int y, int h)
{
	struct ui_form_screen	*fs = f->data;

	ui_put(w, y, 2, COLS - 4, _("Tab: next field · F2: save · "
	    "Esc: cancel · F1: help"), ui_attr(UI_DIM), 0);
	ui_form_draw(&fs->form, f, w, y + 1, h - 1);
}

static int
ui_form_screen_save(struct ui_form_screen *fs)
{
	struct nerr	err;
	int		r;

	nerr_clear(&err);
	if (ui_form_store(&fs->form, &err) != 0) {
		ui_error("%s", err.msg);
		return (UI_STAY);
	}
	r = fs->spec->save(fs->form.obj, &err);
	if (r == 0) {
		fs->saved = 1;
		return (UI_POP);
	}
	if (r == UI_FORM_CONFLICT && fs->spec->reload != NULL) {
		char	*q;

		xasprintf(&q, "%s %s", err.msg, _("Load the saved version and "
		    "drop your changes? (y/n)"));
		if (ui_confirm(q)) {
			nerr_clear(&err);
			if (fs->spec->reload(fs->form.obj, &err) != 0)
				ui_error("%s", err.msg);
			else {
				ui_form_load(&fs->form);
				ui_status("%s", _("The saved version is "
				    "loaded."));
			}
		}
		free(q);
		return (UI_STAY);
	}
	ui_form_focus_message(&fs->form, err.msg);
	ui_error("%s", err.msg);
	return (UI_STAY);
}

static int
ui_form_screen_key(struct ui_frame *f, int k, int action)
{
	struct ui_form_screen	*fs = f->data;

	switch (action) {
	case UI_A_HELP:
		ui_help_show(f, fs->spec->help);
		return (UI_STAY);
	case UI_A_SAVE:
		return (ui_form_screen_save(fs));
	case UI_A_BACK:
		if (fs->form.dirty &&
		    !ui_confirm(_("Discard changes? (y/n)")))
			return (UI_STAY);
		return (UI_POP);
	}
	ui_form_key(&fs->form, k);
	return (UI_STAY);
}

static int
ui_form_screen_enter(struct ui_frame *f)
{
	f->typing = 1;
	return (0);
}

static void
ui_form_screen_leave(struct ui_frame *f)
{
	struct ui_form_screen	*fs = f->data;

	fs->spec->done(fs->form.obj, fs->saved);
	ui_form_free(&fs->form);
	free(fs);
}

static const struct ui_screen ui_form_screen = {
	.name = "form",
	.title = N_("Form"),
	.enter = ui_form_screen_enter,
	.draw = ui_form_screen_draw,
	.key = ui_form_screen_key,
	.leave = ui_form_screen_leave,
	.actions = ui_form_actions,
	.nactions = nitems(ui_form_actions),
	.help = N_("Tab, Enter or the down arrow go to the next field; "
	    "Shift-Tab or the up arrow to the one before. In a text field "
	    "the left and right arrows, Home, End, Backspace and Del edit the "
	    "text; Ctrl-U clears it. Dates are typed as DD.MM.YYYY. A choice "
	    "changes with Space or the left and right arrows; Enter opens the "
	    "list of choices. Fields marked * are required."),
};

int
ui_form_open(const struct ui_form_spec *spec, void *obj, const char *title)
{
	struct ui_form_screen	*fs;

	fs = xcalloc(1, sizeof *fs);
	fs->spec = spec;
	ui_form_init(&fs->form, spec->fields, spec->nfields, obj);
	if (ui_push(&ui_form_screen, fs) != 0)
		return (-1);
	ui_set_title(title);
	return (0);
}
