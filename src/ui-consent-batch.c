/* ui-consent-batch.c: the class checklist: papers received from a whole class in a few keys. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "consent.h"
#include "date.h"
#include "person.h"
#include "ui-consent.h"
#include "ui-dialog.h"
#include "ui-draw.h"
#include "ui-form.h"
#include "ui-help.h"

/* Read a class in windows of this many rows: a class is small, a window not. */
#define BATCH_WINDOW	100

struct bitem {
	long long	 id;
	char		*name;
	int		 state;		/* of the kind, enum consent_state */
	int		 mark;		/* the paper is in hand */
};

struct batch {
	char		*class_;
	int		 kind;
	struct bitem	*it;
	int		 n;
	int		 cur;
	int		 top;
	int		 h;
	int		 saved;		/* how many the last F2 recorded */
};

static void
batch_clear(struct batch *b)
{
	int	i;

	for (i = 0; i < b->n; i++)
		free(b->it[i].name);
	free(b->it);
	b->it = NULL;
	b->n = 0;
}

static int
batch_marked(const struct batch *b)
{
	int	i, n = 0;

	for (i = 0; i < b->n; i++)
		n += b->it[i].mark;
	return (n);
}

static int
batch_add_rows(struct batch *b, struct person_row *rows, int k,
    struct nerr *err)
{
	struct bitem	*it;
	struct sbuf	 sb;
	int		 i, st[CK__COUNT];

	b->it = xreallocarray(b->it, (size_t)(b->n + k), sizeof *b->it);
	for (i = 0; i < k; i++) {
		if (consent_states(ui_db(), rows[i].id, st, err) != 0)
			return (-1);
		it = &b->it[b->n++];
		memset(it, 0, sizeof *it);
		it->id = rows[i].id;
		it->state = st[b->kind];
		sbuf_init(&sb);
		ui_consent_name(&sb, rows[i].last, rows[i].first,
		    rows[i].patronymic);
		it->name = sbuf_take(&sb);
	}
	return (0);
}

/* The class's pupils in name order, with the state of the kind. */
static int
batch_load(struct batch *b)
{
	struct person_filter	 f;
	struct person_row	 rows[BATCH_WINDOW], last;
	struct nerr		 err;
	int			 k, have = 0, r = 0;

	batch_clear(b);
	person_filter_init(&f);
	f.category = CAT_PUPIL;
	f.class_ = b->class_;
	nerr_clear(&err);
	memset(&last, 0, sizeof last);
	for (;;) {
		memset(rows, 0, sizeof rows);
		k = person_page(ui_db(), &f, have ? &last : NULL, 0, rows,
		    BATCH_WINDOW, &err);
		if (k < 0 || (k > 0 && batch_add_rows(b, rows, k, &err) != 0)) {
			if (k > 0)
				person_rows_free(rows, k);
			r = -1;
			break;
		}
		if (k > 0) {
			person_rows_free(&last, have);
			person_row_copy(&last, &rows[k - 1]);
			have = 1;
		}
		person_rows_free(rows, k);
		if (k < BATCH_WINDOW)
			break;
	}
	person_rows_free(&last, have);
	if (r != 0)
		ui_error("%s", err.msg);
	if (b->cur >= b->n)
		b->cur = b->n > 0 ? b->n - 1 : 0;
	return (r);
}

/* ---- F2: the date and the reference, once for the whole batch ---- */

struct bform {
	struct batch	*b;
	char		*date;
	char		*ref;
};

static const struct ui_field bform_fields[] = {
	{ N_("Date signed"), UI_F_DATE, offsetof(struct bform, date), 1, 10,
	    NULL, NULL },
	{ N_("Paper's number or place"), UI_F_TEXT, offsetof(struct bform, ref),
	    0, 60, NULL, NULL },
};

static int
bform_save(void *obj, struct nerr *err)
{
	struct bform	*bf = obj;
	struct batch	*b = bf->b;
	long long	*ids;
	int		 i, n = 0, r;

	ids = xcalloc((size_t)b->n + 1, sizeof *ids);
	for (i = 0; i < b->n; i++) {
		if (b->it[i].mark && b->it[i].state != CS_VALID)
			ids[n++] = b->it[i].id;
	}
	r = consent_add_batch(ui_db(), ids, n, b->kind, bf->date, bf->ref,
	    err);
	free(ids);
	if (r == 0)
		b->saved = n;
	return (r);
}

static void
bform_done(void *obj, int saved)
{
	struct bform	*bf = obj;

	if (saved)
		ui_consent_touch();
	free(bf->date);
	free(bf->ref);
	free(bf);
}

static const struct ui_form_spec bform_spec = {
	.fields = bform_fields,
	.nfields = nitems(bform_fields),
	.help = N_("One date and one reference for every paper ticked: the "
	    "date the papers were signed (today unless you change it) and "
	    "where they are filed, such as «folder 7B». For a minor the "
	    "consent is recorded as signed by their first recorded legal "
	    "representative."),
	.save = bform_save,
	.done = bform_done,
};

static void
batch_save(struct batch *b)
{
	struct bform	*bf;
	char		*title;
	int		 n = batch_marked(b);

	if (n == 0) {
		ui_error("%s", _("Nothing is ticked: Space ticks the pupil "
		    "under the cursor."));
		return;
	}
	bf = xcalloc(1, sizeof *bf);
	bf->b = b;
	bf->date = xstrdup(date_today());
	b->saved = -1;
	xasprintf(&title, ngettext("Record %d consent, %s",
	    "Record %d consents, %s", (unsigned long)n), n, b->class_);
	ui_form_open(&bform_spec, bf, title);
	free(title);
}

/* ---- the screen ---- */

enum {
	BATCH_A_MARK = UI_A_USER,
	BATCH_A_UNMARK,
	BATCH_A_ALL,
};

static const struct ui_action batch_actions[] = {
	UI_ACTION_HELP,
	{ UI_A_SAVE, 2, { UI_CTRL('S'), 0 }, N_("Save"),
	    N_("Record the ticked papers: the date and the reference are "
	    "asked once for all of them.") },
	{ BATCH_A_MARK, 0, { ' ', '+', UI_FN(KEY_IC), 0 }, NULL,
	    N_("Tick the pupil: the paper is in hand; the cursor moves "
	    "down.") },
	{ BATCH_A_UNMARK, 0, { '-', UI_FN(KEY_DC), 0 }, NULL,
	    N_("Untick the pupil; the cursor moves down.") },
	{ BATCH_A_ALL, 0, { '*', 0 }, NULL,
	    N_("Tick every pupil without a valid consent, or untick all if "
	    "they are ticked.") },
	UI_ACTION_MENU,
	{ UI_A_BACK, 10, { 'q', 0 }, N_("Back"),
	    N_("Return to the consents; ticks not saved are dropped after "
	    "asking.") },
};

static void
batch_draw_item(struct batch *b, WINDOW *w, int y, int i)
{
	const struct bitem	*it = &b->it[i];
	const char		*box, *state;
	attr_t			 a = i == b->cur ? ui_attr(UI_SELECT) :
				    A_NORMAL;

	wattrset(w, a);
	mvwhline(w, y, 0, ' ', COLS);
	wattrset(w, A_NORMAL);
	if (it->state == CS_VALID) {
		box = "[=]";
		state = _("has a valid consent");
	} else {
		box = it->mark ? "[x]" : "[ ]";
		state = it->mark ? _("paper received") :
		    consent_state_label(it->state);
	}
	ui_put(w, y, 2, 3, box, a | (it->mark ? A_BOLD : 0), 0);
	ui_put(w, y, 6, COLS - 36, it->name, a, 0);
	ui_put(w, y, COLS - 29, 6, ui_consent_mark(it->state), a, 0);
	ui_put(w, y, COLS - 22, 21, state, it->mark ? a | A_BOLD : a, 0);
}

static void
batch_draw(struct ui_frame *f, WINDOW *w, int y, int h)
{
	struct batch	*b = f->data;
	struct sbuf	 sb;
	int		 i, valid = 0;

	for (i = 0; i < b->n; i++)
		valid += b->it[i].state == CS_VALID;
	sbuf_init(&sb);
	sbuf_addf(&sb, _("Class %s · %s · have %d of %d · ticked %d"),
	    b->class_, consent_kind_label(b->kind), valid, b->n,
	    batch_marked(b));
	ui_put(w, y, 1, COLS - 2, sb.s, A_BOLD, 0);
	sbuf_free(&sb);
	ui_put(w, y + 1, 1, COLS - 2, _("Space: tick · -: untick · *: all · "
	    "F2: save · Esc: back"), ui_attr(UI_DIM), 0);
	b->h = h - 2;
	if (b->n == 0) {
		ui_put_centre(w, y + 2 + b->h / 2, 0, COLS, _("No pupils in "
		    "this class."), ui_attr(UI_DIM));
		return;
	}
	if (b->cur < b->top)
		b->top = b->cur;
	if (b->cur >= b->top + b->h)
		b->top = b->cur - b->h + 1;
	for (i = 0; i < b->h && b->top + i < b->n; i++)
		batch_draw_item(b, w, y + 2 + i, b->top + i);
}

static void
batch_move(struct batch *b, int by)
{
	b->cur += by;
	if (b->cur >= b->n)
		b->cur = b->n - 1;
	if (b->cur < 0)
		b->cur = 0;
}

static void
batch_mark(struct batch *b, int on)
{
	struct bitem	*it;

	if (b->n == 0 || ui_refuse_readonly())
		return;
	it = &b->it[b->cur];
	if (on && it->state == CS_VALID)
		ui_status(_("%s has a valid consent already."), it->name);
	else
		it->mark = on;
	batch_move(b, 1);
}

static void
batch_all(struct batch *b)
{
	int	i, lacking = 0, marked = 0, on;

	if (ui_refuse_readonly())
		return;
	for (i = 0; i < b->n; i++) {
		if (b->it[i].state != CS_VALID) {
			lacking++;
			marked += b->it[i].mark;
		}
	}
	on = marked < lacking;
	for (i = 0; i < b->n; i++)
		b->it[i].mark = on && b->it[i].state != CS_VALID;
}

static int
batch_key(struct ui_frame *f, int k, int action)
{
	struct batch	*b = f->data;

	switch (action) {
	case UI_A_HELP:
		ui_help_show(f, NULL);
		return (UI_STAY);
	case UI_A_SAVE:
		if (!ui_refuse_readonly())
			batch_save(b);
		return (UI_STAY);
	case BATCH_A_MARK:
		batch_mark(b, 1);
		return (UI_STAY);
	case BATCH_A_UNMARK:
		batch_mark(b, 0);
		return (UI_STAY);
	case BATCH_A_ALL:
		batch_all(b);
		return (UI_STAY);
	case UI_A_MENU:
	case UI_A_BACK:
		if (batch_marked(b) > 0 && !ui_confirm(_("The ticks are not "
		    "saved. Drop them? (y/n)")))
			return (UI_STAY);
		return (action == UI_A_MENU ? UI_TOP : UI_POP);
	}
	switch (k) {
	case UI_ESC:
		return (batch_key(f, k, UI_A_BACK));
	case UI_FN(KEY_UP):
		batch_move(b, -1);
		break;
	case UI_FN(KEY_DOWN):
		batch_move(b, 1);
		break;
	case UI_FN(KEY_PPAGE):
		batch_move(b, -(b->h > 1 ? b->h - 1 : 1));
		break;
	case UI_FN(KEY_NPAGE):
		batch_move(b, b->h > 1 ? b->h - 1 : 1);
		break;
	case UI_FN(KEY_HOME):
		b->cur = 0;
		break;
	case UI_FN(KEY_END):
		batch_move(b, b->n);
		break;
	}
	return (UI_STAY);
}

/* Back from the date form: show the new states and what was done. */
static void
batch_resume(struct ui_frame *f)
{
	struct batch	*b = f->data;

	if (b->saved < 0)
		return;
	batch_load(b);
	ui_status(ngettext("%d consent is recorded (%s).",
	    "%d consents are recorded (%s).", (unsigned long)b->saved),
	    b->saved, b->class_);
	b->saved = -1;
}

/* Another user wrote: keep the ticks of those still lacking. */
static void
batch_changed(struct ui_frame *f)
{
	struct batch	*b = f->data;
	long long	*ids;
	int		 i, j, n = 0;

	ids = xcalloc((size_t)b->n + 1, sizeof *ids);
	for (i = 0; i < b->n; i++) {
		if (b->it[i].mark)
			ids[n++] = b->it[i].id;
	}
	batch_load(b);
	for (i = 0; i < b->n; i++) {
		for (j = 0; j < n; j++) {
			if (ids[j] == b->it[i].id && b->it[i].state != CS_VALID)
				b->it[i].mark = 1;
		}
	}
	free(ids);
}

static int
batch_enter(struct ui_frame *f)
{
	struct batch	*b = f->data;

	b->saved = -1;
	return (batch_load(b));
}

static void
batch_leave(struct ui_frame *f)
{
	struct batch	*b = f->data;

	batch_clear(b);
	free(b->class_);
	free(b);
}

static const struct ui_screen batch_screen = {
	.name = "consent-batch",
	.title = N_("Papers received"),
	.enter = batch_enter,
	.draw = batch_draw,
	.key = batch_key,
	.leave = batch_leave,
	.changed = batch_changed,
	.resume = batch_resume,
	.actions = batch_actions,
	.nactions = nitems(batch_actions),
	.help = N_("The pupils of one class and the state of one kind of "
	    "consent. Tick with Space (or +) every pupil whose paper you "
	    "have; - unticks. F2 asks once for the date and where the papers "
	    "are filed and records them all. Pupils who have a valid consent "
	    "are marked [=] and are not recorded again."),
};

int
ui_consent_batch(const char *class_, int kind)
{
	struct batch	*b;
	char		*title;

	b = xcalloc(1, sizeof *b);
	b->class_ = xstrdup(class_);
	b->kind = kind;
	if (ui_push(&batch_screen, b) != 0)
		return (-1);
	xasprintf(&title, _("Papers received: %s"), class_);
	ui_set_title(title);
	free(title);
	return (0);
}

void
ui_consent_batch_ask(const char *class_)
{
	const char	*kinds[CK__COUNT];
	char		**classes;
	struct nerr	 err;
	int		 code[CK__COUNT], n, i, c = 0, k, nk;

	if (ui_refuse_readonly())
		return;
	nerr_clear(&err);
	if (person_classes(ui_db(), &classes, &n, &err) != 0) {
		ui_error("%s", err.msg);
		return;
	}
	if (n == 0) {
		ui_error("%s", _("There are no classes yet: add pupils or "
		    "import a class list first."));
		person_classes_free(classes, n);
		return;
	}
	for (i = 0; class_ != NULL && i < n; i++) {
		if (strcmp(classes[i], class_) == 0)
			c = i;
	}
	if ((c = ui_pick(_("Class"), (const char *const *)classes, n, c)) >= 0) {
		/* Pupils: every kind but mentoring as extra duties. */
		for (i = nk = 0; i < CK__COUNT; i++) {
			if (i == CK_MENTOR_DUTIES)
				continue;
			code[nk] = i;
			kinds[nk++] = consent_kind_label(i);
		}
		if ((k = ui_pick(_("Consent to"), kinds, nk, 0)) >= 0)
			ui_consent_batch(classes[c], code[k]);
	}
	person_classes_free(classes, n);
}
