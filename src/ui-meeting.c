/* ui-meeting.c: the form of one meeting or school-wide event. */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "meeting.h"
#include "pair.h"
#include "person.h"
#include "ui-draw.h"
#include "ui-form.h"
#include "ui-meetings.h"
#include "ui-pairs.h"

/* The pair choice is a small pick: the live pairs, read in windows. */
#define MF_PAIRS_MAX	2000
#define MF_WINDOW	100

static long long ui_meeting_last_saved;

long long
ui_meeting_saved(void)
{
	long long	id = ui_meeting_last_saved;

	ui_meeting_last_saved = 0;
	return (id);
}

struct mform {
	struct meeting	 m;
	int		 pairi;		/* 0: none, else pair_ids[pairi - 1] */
	long long	*pair_ids;
	char		**pair_names;
	int		 npairs;
};

static void
mform_add_pair(struct mform *mf, long long id, char *name)
{
	mf->pair_ids = xreallocarray(mf->pair_ids, (size_t)mf->npairs + 1,
	    sizeof *mf->pair_ids);
	mf->pair_names = xreallocarray(mf->pair_names, (size_t)mf->npairs + 1,
	    sizeof *mf->pair_names);
	mf->pair_ids[mf->npairs] = id;
	mf->pair_names[mf->npairs++] = name;
}

/* Forming and active pairs, and the meeting's own pair whatever its state. */
static int
mform_load_pairs(struct mform *mf, struct nerr *err)
{
	struct pair_filter	 f;
	struct pair_row		 rows[MF_WINDOW], last;
	char			*name;
	int			 k, i, have = 0, found = 0;

	pair_filter_init(&f);
	f.status = PAIR_LIVE;
	memset(&last, 0, sizeof last);
	for (;;) {
		memset(rows, 0, sizeof rows);
		if ((k = pair_page(ui_db(), &f, have ? &last : NULL, 0, rows,
		    MF_WINDOW, err)) < 0)
			return (-1);
		for (i = 0; i < k; i++) {
			xasprintf(&name, "№%lld %s → %s", rows[i].id,
			    str_or(rows[i].mentors, "?"),
			    str_or(rows[i].mentees, "?"));
			mform_add_pair(mf, rows[i].id, name);
			if (rows[i].id == mf->m.pair_id)
				found = mf->npairs;
		}
		if (k > 0) {
			last.id = rows[k - 1].id;	/* keyset on id alone */
			have = 1;
		}
		pair_rows_free(rows, k);
		if (k < MF_WINDOW || mf->npairs >= MF_PAIRS_MAX)
			break;
	}
	if (mf->m.pair_id > 0 && !found) {
		mform_add_pair(mf, mf->m.pair_id, ui_pair_name(mf->m.pair_id));
		found = mf->npairs;
	}
	mf->pairi = found;
	return (0);
}

static void
mform_free(struct mform *mf)
{
	int	i;

	meeting_free(&mf->m);
	for (i = 0; i < mf->npairs; i++)
		free(mf->pair_names[i]);
	free(mf->pair_names);
	free(mf->pair_ids);
	free(mf);
}

static const char *
mf_kind(void *obj, int i)
{
	(void)obj;
	return (i >= 0 && i < MK__COUNT ? meeting_kind_label(i) : NULL);
}

static const char *
mf_status(void *obj, int i)
{
	(void)obj;
	return (i >= 0 && i < MS__COUNT ? meeting_status_label(i) : NULL);
}

static const char *
mf_pair(void *obj, int i)
{
	struct mform	*mf = obj;

	if (i == 0)
		return (_("— (a school-wide event)"));
	return (i > 0 && i <= mf->npairs ? mf->pair_names[i - 1] : NULL);
}

/* "9", "9.30", "930", "9:30" become "09:30"; anything else is left as typed. */
static char *
mf_time_check(void *obj, const char *text, const char *label,
    struct nerr *err)
{
	int	 h = 0, m = 0, nd = 0, i;
	char	*out;

	(void)obj;
	(void)label;
	(void)err;
	for (i = 0; text[i] != '\0'; i++) {
		if (isdigit((unsigned char)text[i]))
			nd++;
		else if (strchr(":.-", text[i]) == NULL)
			return (xstrdup(text));
	}
	if (sscanf(text, "%d%*[:.-]%d", &h, &m) == 2 ||
	    (nd == (int)strlen(text) && nd <= 2 && sscanf(text, "%d",
	    &h) == 1))
		;
	else if (nd == (int)strlen(text) && (nd == 3 || nd == 4)) {
		h = atoi(text) / 100;
		m = atoi(text) % 100;
	} else
		return (xstrdup(text));
	if (h < 0 || h > 23 || m < 0 || m > 59)
		return (xstrdup(text));
	xasprintf(&out, "%02d:%02d", h, m);
	return (out);
}

#define M(x)	offsetof(struct mform, m.x)

static const struct ui_field mf_fields[] = {
	{ N_("Kind"), UI_F_CHOICE, M(kind), 0, 0, mf_kind, NULL },
	{ N_("Pair or group"), UI_F_CHOICE, offsetof(struct mform, pairi), 0,
	    0, mf_pair, NULL },
	{ N_("Audience of an event"), UI_F_TEXT, M(audience), 0, 200, NULL,
	    NULL },
	{ N_("Date"), UI_F_DATE, M(date), 1, 10, NULL, NULL },
	{ N_("Time"), UI_F_TEXT, M(time), 0, 5, NULL, mf_time_check },
	{ N_("Topic"), UI_F_TEXT, M(topic), 0, 500, NULL, NULL },
	{ N_("Place"), UI_F_TEXT, M(place), 0, 500, NULL, NULL },
	/* xgettext:no-c-format */
	{ N_("Attendance target, %"), UI_F_NUMBER, M(target_pct), 0, 3, NULL,
	    NULL },
	{ N_("Status"), UI_F_CHOICE, M(status), 0, 0, mf_status, NULL },
	{ N_("Note"), UI_F_LONG, M(note), 0, 2000, NULL, NULL },
};

#undef M

static int
mform_save(void *obj, struct nerr *err)
{
	struct mform	*mf = obj;
	struct meeting	 cur;
	struct nerr	 e2;
	int		 r = -1;

	if (meeting_kind_is_event(mf->m.kind) && mf->pairi > 0 &&
	    str_empty(mf->m.audience))
		return (nerr_set(err, _("Kind: a %s is not a pair's meeting; "
		    "choose working or another kind of a pair's meeting."),
		    meeting_kind_label(mf->m.kind)));
	if (meeting_kind_is_event(mf->m.kind))
		mf->m.pair_id = 0;
	else {
		mf->m.pair_id = mf->pairi > 0 ? mf->pair_ids[mf->pairi - 1] : 0;
		free(mf->m.audience);
		mf->m.audience = NULL;
	}
	if (mf->m.id == 0)
		return (meeting_add(ui_db(), &mf->m, err));
	if (meeting_update(ui_db(), &mf->m, err) == 0)
		return (0);
	meeting_init(&cur);
	if (meeting_get(ui_db(), mf->m.id, &cur, &e2) == 0 &&
	    cur.version != mf->m.version)
		r = UI_FORM_CONFLICT;
	meeting_free(&cur);
	return (r);
}

static int
mform_reload(void *obj, struct nerr *err)
{
	struct mform	*mf = obj;
	struct meeting	 fresh;
	char		*aud;

	meeting_init(&fresh);
	if (meeting_get(ui_db(), mf->m.id, &fresh, err) != 0) {
		meeting_free(&fresh);
		return (-1);
	}
	meeting_free(&mf->m);
	mf->m = fresh;
	aud = meeting_audience_show(mf->m.audience);
	free(mf->m.audience);
	mf->m.audience = aud;
	return (0);
}

static void
mform_done(void *obj, int saved)
{
	struct mform	*mf = obj;
	char		 d[DATE_ISO_LEN];

	if (saved) {
		ui_meeting_last_saved = mf->m.id;
		date_show(mf->m.date, d);
		ui_status(_("%s on %s: saved."),
		    meeting_kind_label(mf->m.kind), d);
	}
	mform_free(mf);
}

static const struct ui_form_spec mform_spec = {
	.fields = mf_fields,
	.nfields = nitems(mf_fields),
	/* xgettext:no-c-format */
	.help = N_("A pair's meeting (getting to know each other, trial, "
	    "planning, working, final) needs its pair: Enter on the field "
	    "opens the list of pairs now at work. A school-wide event "
	    "(networking, class hour, teachers' council, parents' meeting, "
	    "the closing game) needs its audience instead: classes such as "
	    "7Б or 5А, 5Б, or categories such as teacher, parent, pupil (every "
	    "pupil), separated by commas; attendance is counted against "
	    "them. The time is HH:MM. A class hour or a teachers' council "
	    "gets a 90 % target when none is given. The status becomes held "
	    "by itself when the first mark is made."),
	.save = mform_save,
	.reload = mform_reload,
	.done = mform_done,
};

int
ui_meeting_edit(long long id, long long pair)
{
	struct mform	*mf;
	struct nerr	 err;
	char		*title, d[DATE_ISO_LEN], *aud;

	mf = xcalloc(1, sizeof *mf);
	meeting_init(&mf->m);
	nerr_clear(&err);
	if (id != 0) {
		if (meeting_get(ui_db(), id, &mf->m, &err) != 0) {
			ui_error("%s", err.msg);
			mform_free(mf);
			return (-1);
		}
		aud = meeting_audience_show(mf->m.audience);
		free(mf->m.audience);
		mf->m.audience = aud;
		date_show(mf->m.date, d);
		xasprintf(&title, _("Edit: %s, %s"),
		    meeting_kind_label(mf->m.kind), d);
	} else {
		mf->m.pair_id = pair;
		mf->m.kind = pair != 0 ? MK_WORKING : MK_CLASS_HOUR;
		mf->m.status = MS_PLANNED;
		mf->m.date = xstrdup(date_today());
		title = xstrdup(pair != 0 ? _("New meeting of the pair") :
		    _("New meeting or event"));
	}
	if (mform_load_pairs(mf, &err) != 0) {
		ui_error("%s", err.msg);
		free(title);
		mform_free(mf);
		return (-1);
	}
	if (ui_form_open(&mform_spec, mf, title) != 0) {
		free(title);
		return (-1);
	}
	free(title);
	return (0);
}
