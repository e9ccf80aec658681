/* ui-help.c: F1 help pages generated from a screen's action table. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ui-draw.h"
#include "ui-help.h"
#include "ui-pager.h"

/* "F4, Esc 4, e": every key an action answers to, each name once. */
static void
ui_help_keys(struct sbuf *sb, const struct ui_action *a)
{
	struct sbuf	 name, said;
	int		 i, n = 0;
	char		*mark;

	sbuf_init(&name);
	sbuf_init(&said);
	sbuf_add(&said, "\n");
	if (a->fkey > 0) {
		ui_key_name(sb, UI_F(a->fkey));
		sbuf_addf(sb, ", Esc %d", a->fkey % 10);
		n++;
	}
	for (i = 0; i < (int)nitems(a->keys) && a->keys[i] != 0; i++) {
		sbuf_reset(&name);
		ui_key_name(&name, a->keys[i]);
		/* Enter comes as \r, \n and KEY_ENTER: say it once. */
		xasprintf(&mark, "\n%s\n", name.s);
		if (strstr(said.s, mark) == NULL) {
			sbuf_add(&said, mark + 1);
			if (n++ > 0)
				sbuf_add(sb, ", ");
			sbuf_add(sb, name.s);
		}
		free(mark);
	}
	sbuf_free(&said);
	sbuf_free(&name);
}

static const char *
ui_help_title(const struct ui_frame *f)
{
	if (f->screen->title != NULL)
		return (_(f->screen->title));
	if (f->title != NULL)
		return (f->title);
	return (_("Text"));
}

void
ui_help_text(struct sbuf *sb, const struct ui_frame *f, const char *extra)
{
	const struct ui_screen	*s = f->screen;
	int			 i;

	sbuf_addf(sb, UI_PAGER_HEAD "%s\n\n", ui_help_title(f));
	if (s->help != NULL)
		sbuf_addf(sb, "%s\n\n", _(s->help));
	if (extra != NULL)
		sbuf_addf(sb, "%s\n\n", _(extra));

	sbuf_addf(sb, UI_PAGER_HEAD "%s\n", _("Keys on this screen"));
	for (i = 0; i < s->nactions; i++) {
		ui_help_keys(sb, &s->actions[i]);
		sbuf_addf(sb, "\t%s\n", _(s->actions[i].help));
	}

	sbuf_addf(sb, "\n" UI_PAGER_HEAD "%s\n", _("Keys everywhere"));
	sbuf_addf(sb, "%s\t%s\n", _("Arrows, PgUp, PgDn"),
	    _("Move the cursor or scroll."));
	sbuf_addf(sb, "%s\t%s\n", "Home, End", _("To the first or the last "
	    "line."));
	sbuf_addf(sb, "%s\t%s\n", "Esc", _("Cancel: close a dialog, clear a "
	    "search, leave a form (you are asked before changes are lost)."));
	sbuf_addf(sb, "%s\t%s\n", _("Esc and a digit"), _("The same as F1 to "
	    "F10 (Esc 0 is F10), for terminals where F-keys do not work."));
	sbuf_addf(sb, "%s\t%s\n", "Ctrl-L", _("Redraw the screen."));
}

int
ui_help_show(const struct ui_frame *f, const char *extra)
{
	struct sbuf	 sb;
	char		*title;
	int		 r;

	sbuf_init(&sb);
	ui_help_text(&sb, f, extra);
	xasprintf(&title, _("Help: %s"), ui_help_title(f));
	r = ui_pager_open(title, sb.s, NULL);
	free(title);
	sbuf_free(&sb);
	return (r);
}
