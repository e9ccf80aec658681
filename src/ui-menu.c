/* ui-menu.c: the main menu: every area of the programme, in the curator's order. */
#include "config.h"

#include <stdlib.h>

#include "ui-consent.h"
#include "ui-draw.h"
#include "ui-help.h"
#include "ui-meetings.h"
#include "ui-menu.h"
#include "ui-monitor.h"
#include "ui-notyet.h"
#include "ui-pairs.h"
#include "ui-people.h"
#include "ui-reports.h"
#include "ui-roadmap.h"
#include "ui-settings.h"

struct ui_menu_item {
	const char	*label;		/* N_() */
	const char	*desc;		/* N_() */
	int		(*open)(void);
	int		 notyet;	/* enum ui_notyet, or -1 */
};

static const struct ui_menu_item ui_menu_items[] = {
	{ N_("Participants"), N_("the bases of mentors and mentees"),
	    ui_people_open, -1 },
	{ N_("Consents"), N_("consents to personal-data processing"),
	    ui_consent_open, -1 },
	{ N_("Pairs and groups"), N_("mentors and their mentees"),
	    ui_pairs_open, -1 },
	{ N_("Individual plans"), N_("each pair's steps and their dates"),
	    ui_plans_open, -1 },
	{ N_("Meetings and attendance"), N_("meetings, events, who came"),
	    ui_meetings_open, -1 },
	{ N_("Roadmap"), N_("the year's checklist"),
	    ui_roadmap_open, -1 },
	{ N_("Monitoring"), N_("questionnaires, satisfaction, targets"),
	    ui_monitor_open, -1 },
	{ N_("Reports"), N_("registers, orders and notes to print"),
	    ui_reports_open, -1 },
	{ N_("Settings"), N_("school name, consent age, printing"),
	    ui_settings_open, -1 },
	{ N_("Quit"), N_("leave the program"), NULL, -1 },
};
#define UI_MENU_QUIT	((int)nitems(ui_menu_items) - 1)

enum { UI_MENU_A_QUIT = UI_A_USER };

static const struct ui_action ui_menu_actions[] = {
	UI_ACTION_HELP,
	{ UI_A_OPEN, 0, { '\r', '\n', UI_FN(KEY_ENTER), UI_FN(KEY_RIGHT) },
	    NULL, N_("Open the chosen section.") },
	{ UI_MENU_A_QUIT, 10, { 'q', 0 }, N_("Quit"), N_("Leave the program.") },
};

struct ui_menu {
	int	 cur;
};

static void
ui_menu_draw(struct ui_frame *f, WINDOW *w, int y, int h)
{
	struct ui_menu	*m = f->data;
	int		 i, n = nitems(ui_menu_items), lw = 0, x, row, width;
	int		 step;
	attr_t		 a;

	for (i = 0; i < n; i++) {
		if (ui_width(_(ui_menu_items[i].label)) > lw)
			lw = ui_width(_(ui_menu_items[i].label));
	}
	width = COLS - 4 < 76 ? COLS - 4 : 76;
	x = (COLS - width) / 2;
	/* Airy when there is room, one line each when there is not. */
	step = h >= n * 2 + 1 ? 2 : 1;
	row = y + (h - (n * step - step + 1)) / 2;
	for (i = 0; i < n; i++, row += step) {
		a = i == m->cur ? ui_attr(UI_SELECT) : A_NORMAL;
		if (i == m->cur) {
			wattrset(w, a);
			mvwhline(w, row, x, ' ', width);
			wattrset(w, A_NORMAL);
		}
		ui_put(w, row, x + 2, lw, _(ui_menu_items[i].label),
		    a | A_BOLD, 0);
		ui_put(w, row, x + lw + 5, width - lw - 6,
		    _(ui_menu_items[i].desc), a, 0);
	}
}

static int
ui_menu_key(struct ui_frame *f, int k, int action)
{
	struct ui_menu			*m = f->data;
	const struct ui_menu_item	*it;
	int				 n = nitems(ui_menu_items);

	switch (action) {
	case UI_A_HELP:
		ui_help_show(f, NULL);
		return (UI_STAY);
	case UI_MENU_A_QUIT:
		return (UI_QUIT);
	case UI_A_OPEN:
		it = &ui_menu_items[m->cur];
		if (m->cur == UI_MENU_QUIT)
			return (UI_QUIT);
		if (it->open != NULL)
			it->open();
		else if (it->notyet >= 0)
			ui_notyet_open(it->notyet, _(it->label));
		return (UI_STAY);
	}
	switch (k) {
	case UI_FN(KEY_UP):
		m->cur = (m->cur + n - 1) % n;
		break;
	case UI_FN(KEY_DOWN):
	case '\t':
		m->cur = (m->cur + 1) % n;
		break;
	case UI_FN(KEY_HOME):
	case UI_FN(KEY_PPAGE):
		m->cur = 0;
		break;
	case UI_FN(KEY_END):
	case UI_FN(KEY_NPAGE):
		m->cur = n - 1;
		break;
	}
	return (UI_STAY);
}

static void
ui_menu_leave(struct ui_frame *f)
{
	free(f->data);
}

static const struct ui_screen ui_menu_screen = {
	.name = "menu",
	.title = N_("Main menu"),
	.draw = ui_menu_draw,
	.key = ui_menu_key,
	.leave = ui_menu_leave,
	.actions = ui_menu_actions,
	.nactions = nitems(ui_menu_actions),
	.help = N_("Every area of the mentoring programme is here, in the "
	    "order of the school year's work. Choose one with the arrows and "
	    "press Enter. Areas that this version does not have yet say so "
	    "plainly."),
};

int
ui_menu_open(void)
{
	return (ui_push(&ui_menu_screen, xcalloc(1, sizeof (struct ui_menu))));
}
