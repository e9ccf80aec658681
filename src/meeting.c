/* meeting.c: meetings of pairs and school-wide events: kinds, audiences, saving, the standard sequence. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "date.h"
#include "db.h"
#include "meeting.h"
#include "person.h"
#include "text.h"
#include "util.h"

#define MEETING_TEXT_MAX	500
#define MEETING_NOTE_MAX	2000

static const struct {
	const char	*code;
	const char	*label;
} meeting_kinds[MK__COUNT] = {
	{ "acquaintance", N_("getting-to-know meeting") },
	{ "trial", N_("trial meeting") },
	{ "planning", N_("planning meeting") },
	{ "working", N_("working meeting") },
	{ "final", N_("final meeting") },
	{ "networking", N_("networking session") },
	{ "class-hour", N_("class hour") },
	{ "council", N_("teachers' council") },
	{ "parents", N_("parents' meeting") },
	{ "game", N_("closing business game") },
	{ "other", N_("other event") },
};

static const struct {
	const char	*code;
	const char	*label;
} meeting_statuses[MS__COUNT] = {
	{ "planned", N_("planned") },
	{ "held", N_("held") },
	{ "cancelled", N_("cancelled") },
};

static const struct {
	const char	*code;
	const char	*label;
	const char	*sign;		/* what a checklist types */
	const char	*letter;	/* the school register's letter */
} att_statuses[ATT__COUNT] = {
	{ "present", N_("present"), "+", "" },
	{ "absent", N_("absent"), "-", "н" },
	{ "excused", N_("absent with a reason"), "", "у" },
};

const char *
meeting_kind_code(int k)
{
	return (k < 0 || k >= MK__COUNT ? "" : meeting_kinds[k].code);
}

const char *
meeting_kind_label(int k)
{
	return (k < 0 || k >= MK__COUNT ? "" : _(meeting_kinds[k].label));
}

/* Same words, folded: any case, ё = е, surrounding spaces ignored. */
static int
same_words(const char *fold, const char *label)
{
	char	*f;
	int	 same;

	f = text_fold_dup(label);
	same = strcmp(fold, f) == 0;
	free(f);
	return (same);
}

/* The index of s among codes and labels (English or translated); -1. */
static int
parse_named(const char *s, int n, const char *(*code)(int),
    const char *(*label)(int), const char *const *msgids)
{
	char	*copy, *t, *fold;
	int	 i, found = -1;

	if (s == NULL)
		return (-1);
	copy = xstrdup(s);
	t = str_trim(copy);
	fold = text_fold_dup(t);
	for (i = 0; i < n && found < 0 && *t != '\0'; i++) {
		if (strcasecmp(t, code(i)) == 0 ||
		    same_words(fold, label(i)) || same_words(fold, msgids[i]))
			found = i;
	}
	free(fold);
	free(copy);
	return (found);
}

int
meeting_kind_parse(const char *s)
{
	const char	*ids[MK__COUNT];
	int		 i;

	for (i = 0; i < MK__COUNT; i++)
		ids[i] = meeting_kinds[i].label;
	return (parse_named(s, MK__COUNT, meeting_kind_code,
	    meeting_kind_label, ids));
}

int
meeting_kind_is_event(int k)
{
	return (k >= MK_NETWORKING && k < MK__COUNT);
}

const char *
meeting_status_code(int s)
{
	return (s < 0 || s >= MS__COUNT ? "" : meeting_statuses[s].code);
}

const char *
meeting_status_label(int s)
{
	return (s < 0 || s >= MS__COUNT ? "" : _(meeting_statuses[s].label));
}

int
meeting_status_parse(const char *s)
{
	const char	*ids[MS__COUNT];
	int		 i;

	for (i = 0; i < MS__COUNT; i++)
		ids[i] = meeting_statuses[i].label;
	return (parse_named(s, MS__COUNT, meeting_status_code,
	    meeting_status_label, ids));
}

const char *
att_status_code(int s)
{
	return (s < 0 || s >= ATT__COUNT ? "" : att_statuses[s].code);
}

const char *
att_status_label(int s)
{
	return (s < 0 || s >= ATT__COUNT ? "" : _(att_statuses[s].label));
}

int
att_status_parse(const char *s)
{
	const char	*ids[ATT__COUNT];
	char		*copy, *t, *fold;
	int		 i, found = -1;

	if (s == NULL)
		return (-1);
	copy = xstrdup(s);
	t = str_trim(copy);
	fold = text_fold_dup(t);
	for (i = 0; i < ATT__COUNT && found < 0 && *t != '\0'; i++) {
		if (strcmp(t, att_statuses[i].sign) == 0 ||
		    same_words(fold, att_statuses[i].letter))
			found = i;
	}
	free(fold);
	free(copy);
	if (found >= 0)
		return (found);
	for (i = 0; i < ATT__COUNT; i++)
		ids[i] = att_statuses[i].label;
	return (parse_named(s, ATT__COUNT, att_status_code, att_status_label,
	    ids));
}

void
meeting_init(struct meeting *m)
{
	memset(m, 0, sizeof *m);
	m->kind = MK_WORKING;
	m->status = MS_PLANNED;
}

void
meeting_free(struct meeting *m)
{
	if (m == NULL)
		return;
	free(m->date);
	free(m->time);
	free(m->topic);
	free(m->place);
	free(m->note);
	free(m->audience);
	memset(m, 0, sizeof *m);
}

/* ---- audiences ---- */

char *
meeting_class_key(const char *class_)
{
	char	*key;

	/* As person-db.c stores class_key: "7Б" is "07Б". */
	if (class_[0] != '\0' && class_[1] >= '0' && class_[1] <= '9')
		return (xstrdup(class_));
	xasprintf(&key, "0%s", class_);
	return (key);
}

int
meeting_audience_parse(const char *s, struct meeting_aud *a,
    struct nerr *err)
{
	char	*copy, *tok, *save = NULL, *t, *cls;
	int	 cat;

	memset(a, 0, sizeof *a);
	if (str_empty(s))
		return (nerr_set(err, _("Say whom the event is for: classes "
		    "such as 7Б, or pupil, teacher, parent and other "
		    "categories, separated by commas.")));
	copy = xstrdup(s);
	for (tok = strtok_r(copy, ",;", &save); tok != NULL;
	    tok = strtok_r(NULL, ",;", &save)) {
		t = str_trim(tok);
		if (*t == '\0')
			continue;
		if ((cls = person_class_normalise(t)) != NULL) {
			if (a->nclasses < MEETING_AUD_MAX) {
				a->classes[a->nclasses++] = cls;
				continue;
			}
			free(cls);
			nerr_set(err, _("An event's audience may name at most "
			    "%d classes."), MEETING_AUD_MAX);
			goto bad;
		}
		if ((cat = person_category_parse(t)) < 0) {
			nerr_set(err, _("\"%s\" in the audience is neither a "
			    "class (7Б) nor a category (pupil, teacher, "
			    "young-specialist, parent, graduate, partner, "
			    "student)."), t);
			goto bad;
		}
		a->cats |= 1 << cat;
	}
	free(copy);
	if (a->nclasses == 0 && a->cats == 0)
		return (meeting_audience_parse(NULL, a, err));
	/* Every pupil already covers the classes; teachers cover the young. */
	if (a->cats & (1 << CAT_PUPIL))
		meeting_aud_free(a);
	return (0);
bad:
	free(copy);
	meeting_aud_free(a);
	return (-1);
}

void
meeting_aud_free(struct meeting_aud *a)
{
	int	i, cats = a->cats;

	for (i = 0; i < a->nclasses; i++)
		free(a->classes[i]);
	memset(a, 0, sizeof *a);
	a->cats = cats;
}

int
meeting_aud_has(const struct meeting_aud *a, int cat, const char *class_)
{
	int	i;

	if (a->cats & (1 << cat))
		return (1);
	/* A teachers' audience includes young specialists: they teach. */
	if (cat == CAT_YOUNG && (a->cats & (1 << CAT_TEACHER)))
		return (1);
	if (cat != CAT_PUPIL || class_ == NULL)
		return (0);
	for (i = 0; i < a->nclasses; i++)
		if (strcmp(a->classes[i], class_) == 0)
			return (1);
	return (0);
}

char *
meeting_audience_show(const char *aud)
{
	struct sbuf	 sb;
	char		*copy, *tok, *save = NULL, *cls;
	int		 cat;

	if (aud == NULL)
		return (NULL);
	sbuf_init(&sb);
	sbuf_add(&sb, "");
	copy = xstrdup(aud);
	for (tok = strtok_r(copy, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		if (sb.len > 0)
			sbuf_add(&sb, ", ");
		cat = -1;
		if ((cls = person_class_normalise(tok)) == NULL)
			cat = person_category_parse(tok);
		free(cls);
		sbuf_add(&sb, cat >= 0 ? person_category_label(cat) : tok);
	}
	free(copy);
	return (sbuf_take(&sb));
}

char *
meeting_aud_text(const struct meeting_aud *a)
{
	struct sbuf	b;
	int		i;

	sbuf_init(&b);
	for (i = 0; i < a->nclasses; i++)
		sbuf_addf(&b, "%s%s", b.len > 0 ? "," : "", a->classes[i]);
	for (i = 0; i < CAT__COUNT; i++)
		if (a->cats & (1 << i))
			sbuf_addf(&b, "%s%s", b.len > 0 ? "," : "",
			    person_category_code(i));
	return (sbuf_take(&b));
}

/* ---- checking and saving ---- */

static int
check_text(const char *s, const char *field, int max, struct nerr *err)
{
	if (s != NULL && (int)utf8_len(s) > max)
		return (nerr_set(err, _("The meeting's %s is longer than %d "
		    "characters; shorten it."), field, max));
	return (0);
}

static int
check_time(const char *t)
{
	if (strlen(t) != 5 || t[2] != ':' || t[0] < '0' || t[0] > '2' ||
	    t[1] < '0' || t[1] > '9' || t[3] < '0' || t[3] > '5' ||
	    t[4] < '0' || t[4] > '9')
		return (0);
	return ((t[0] - '0') * 10 + t[1] - '0' < 24);
}

static int
class_exists(struct db *db, const char *key, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_prepare(db, "SELECT 1 FROM person WHERE class_key = ? "
	    "AND category = 'pupil' LIMIT 1", err)) == NULL)
		return (-1);
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return (1);
	if (rc == SQLITE_DONE)
		return (0);
	return (db_fail(db, err, _("reading the classes")));
}

int
meeting_validate(struct db *db, const struct meeting *m, struct nerr *err)
{
	struct meeting_aud	 a;
	char			*key;
	int			 i, rc;

	if (m->kind < 0 || m->kind >= MK__COUNT)
		return (nerr_set(err, _("The kind of meeting is unknown.")));
	if (m->status < 0 || m->status >= MS__COUNT)
		return (nerr_set(err, _("The meeting's status is unknown; use "
		    "planned, held or cancelled.")));
	if (str_empty(m->date))
		return (nerr_set(err, _("The meeting has no date; write it as "
		    "DD.MM.YYYY.")));
	if (!date_iso_valid(m->date))
		return (nerr_set(err, _("The meeting's date \"%s\" is not a "
		    "real date; write it as DD.MM.YYYY."), m->date));
	if (!str_empty(m->time) && !check_time(m->time))
		return (nerr_set(err, _("The meeting's time \"%s\" is not a "
		    "time; write it as HH:MM, such as 14:30."), m->time));
	if (m->target_pct < 0 || m->target_pct > 100)
		return (nerr_set(err, _("An attendance target is a share "
		    "from 0 to 100 %%, not %d."), m->target_pct));
	if (check_text(m->topic, _("topic"), MEETING_TEXT_MAX, err) != 0 ||
	    check_text(m->place, _("place"), MEETING_TEXT_MAX, err) != 0 ||
	    check_text(m->note, _("note"), MEETING_NOTE_MAX, err) != 0)
		return (-1);
	if (!meeting_kind_is_event(m->kind)) {
		if (m->pair_id <= 0)
			return (nerr_set(err, _("A %s is a pair's meeting: say "
			    "which pair."), meeting_kind_label(m->kind)));
		if ((rc = db_exists(db, "SELECT 1 FROM pair WHERE id = ?",
		    m->pair_id, err)) < 0)
			return (-1);
		if (rc == 0)
			return (nerr_set(err, _("Pair no. %lld is not in the "
			    "database: someone may have deleted it."),
			    m->pair_id));
		return (0);
	}
	if (m->pair_id > 0)
		return (nerr_set(err, _("A %s is a school-wide event, not a "
		    "pair's meeting; give its audience instead of a pair."),
		    meeting_kind_label(m->kind)));
	if (meeting_audience_parse(m->audience, &a, err) != 0)
		return (-1);
	/* A class nobody is in is most likely a typo. */
	for (i = 0, rc = 1; i < a.nclasses && rc == 1; i++) {
		key = meeting_class_key(a.classes[i]);
		rc = class_exists(db, key, err);
		free(key);
		if (rc == 0)
			nerr_set(err, _("There are no pupils in class %s; "
			    "check the audience of the event."),
			    a.classes[i]);
	}
	meeting_aud_free(&a);
	return (rc == 1 ? 0 : -1);
}

#define MEETING_COLS "pair_id, kind, date, time, topic, place, note, " \
	"audience, target_pct, status"

static void
bind_str(sqlite3_stmt *st, int i, const char *s)
{
	if (str_empty(s))
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

static int
bind_meeting(sqlite3_stmt *st, const struct meeting *m)
{
	if (m->pair_id > 0)
		sqlite3_bind_int64(st, 1, m->pair_id);
	else
		sqlite3_bind_null(st, 1);
	sqlite3_bind_text(st, 2, meeting_kind_code(m->kind), -1,
	    SQLITE_STATIC);
	bind_str(st, 3, m->date);
	bind_str(st, 4, m->time);
	bind_str(st, 5, m->topic);
	bind_str(st, 6, m->place);
	bind_str(st, 7, m->note);
	bind_str(st, 8, m->pair_id > 0 ? NULL : m->audience);
	if (m->target_pct > 0)
		sqlite3_bind_int(st, 9, m->target_pct);
	else
		sqlite3_bind_null(st, 9);
	sqlite3_bind_text(st, 10, meeting_status_code(m->status), -1,
	    SQLITE_STATIC);
	return (11);
}

/* Store the audience as classes then categories, targets defaulted. */
static int
meeting_prepare(struct db *db, struct meeting *m, struct nerr *err)
{
	struct meeting_aud	a;

	if (meeting_validate(db, m, err) != 0)
		return (-1);
	if (!meeting_kind_is_event(m->kind)) {
		free(m->audience);
		m->audience = NULL;
		return (0);
	}
	if (meeting_audience_parse(m->audience, &a, err) != 0)
		return (-1);
	free(m->audience);
	m->audience = meeting_aud_text(&a);
	meeting_aud_free(&a);
	return (0);
}

int
meeting_default_target(int kind)
{
	return (kind == MK_CLASS_HOUR || kind == MK_COUNCIL ? 90 : 0);
}

int
meeting_insert_tx(struct db *db, struct meeting *m, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if ((st = db_prepare(db, "INSERT INTO meeting (" MEETING_COLS ") "
	    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", err)) == NULL)
		return (-1);
	bind_meeting(st, m);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return (db_fail(db, err, _("saving the meeting")));
	m->id = sqlite3_last_insert_rowid(db->h);
	m->version = 1;
	return (db_audit(db, "meeting.add", "meeting", m->id, err));
}

int
meeting_add(struct db *db, struct meeting *m, struct nerr *err)
{
	if (m->target_pct == 0)
		m->target_pct = meeting_default_target(m->kind);
	if (meeting_prepare(db, m, err) != 0)
		return (-1);
	if (db_begin(db, err) != 0)
		return (-1);
	if (meeting_insert_tx(db, m, err) != 0 || db_commit(db, err) != 0) {
		db_rollback(db);
		m->id = 0;
		return (-1);
	}
	return (0);
}

static int
meeting_refused(struct db *db, long long id, struct nerr *err)
{
	int	exists;

	if ((exists = db_exists(db, "SELECT 1 FROM meeting WHERE id = ?", id,
	    err)) < 0)
		return (-1);
	if (!exists)
		return (nerr_set(err, _("Meeting no. %lld is not in the "
		    "database: someone may have deleted it."), id));
	return (nerr_set(err, _("Someone else changed meeting no. %lld while "
	    "you were editing; your changes were not saved. Reopen it to see "
	    "theirs."), id));
}

int
meeting_update(struct db *db, struct meeting *m, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 i, rc = -1;

	if (meeting_prepare(db, m, err) != 0)
		return (-1);
	if (db_begin(db, err) != 0)
		return (-1);
	if ((st = db_prepare(db, "UPDATE meeting SET (" MEETING_COLS ") = "
	    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?), version = version + 1 "
	    "WHERE id = ? AND version = ?", err)) == NULL)
		goto out;
	i = bind_meeting(st, m);
	sqlite3_bind_int64(st, i, m->id);
	sqlite3_bind_int64(st, i + 1, m->version);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		rc = db_fail(db, err, _("saving the meeting"));
	else if (sqlite3_changes(db->h) == 0)
		rc = meeting_refused(db, m->id, err);
	else if ((rc = db_audit(db, "meeting.edit", "meeting", m->id,
	    err)) == 0)
		rc = db_commit(db, err);
out:
	if (rc != 0) {
		db_rollback(db);
		return (-1);
	}
	m->version++;
	return (0);
}

int
meeting_delete(struct db *db, long long id, struct nerr *err)
{
	int	n;

	if (db_begin(db, err) != 0)
		return (-1);
	n = db_delete_id(db, "DELETE FROM meeting WHERE id = ?", id,
	    _("deleting the meeting"), err);
	if (n == 0)
		nerr_set(err, _("Meeting no. %lld is not in the database: "
		    "someone may have deleted it."), id);
	if (n <= 0 || db_audit(db, "meeting.delete", "meeting", id,
	    err) != 0 || db_commit(db, err) != 0) {
		db_rollback(db);
		return (-1);
	}
	return (0);
}

static char *
col_dup(sqlite3_stmt *st, int i)
{
	const unsigned char	*s = sqlite3_column_text(st, i);

	return (s == NULL || *s == '\0' ? NULL : xstrdup((const char *)s));
}

int
meeting_get(struct db *db, long long id, struct meeting *m, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	meeting_init(m);
	if ((st = db_prepare(db, "SELECT id, version, " MEETING_COLS
	    " FROM meeting WHERE id = ?", err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		m->id = sqlite3_column_int64(st, 0);
		m->version = sqlite3_column_int64(st, 1);
		m->pair_id = sqlite3_column_int64(st, 2);
		m->kind = meeting_kind_parse(
		    (const char *)sqlite3_column_text(st, 3));
		m->date = col_dup(st, 4);
		m->time = col_dup(st, 5);
		m->topic = col_dup(st, 6);
		m->place = col_dup(st, 7);
		m->note = col_dup(st, 8);
		m->audience = col_dup(st, 9);
		m->target_pct = sqlite3_column_int(st, 10);
		m->status = meeting_status_parse(
		    (const char *)sqlite3_column_text(st, 11));
		if (m->kind < 0)
			m->kind = MK_OTHER;
		if (m->status < 0)
			m->status = MS_PLANNED;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return (0);
	if (rc == SQLITE_DONE)
		return (nerr_set(err, _("Meeting no. %lld is not in the "
		    "database: someone may have deleted it."), id));
	return (db_fail(db, err, _("reading the meeting")));
}

int
meeting_set_status(struct db *db, long long id, int status, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (status < 0 || status >= MS__COUNT)
		return (nerr_set(err, _("The meeting's status is unknown; use "
		    "planned, held or cancelled.")));
	if (db_begin(db, err) != 0)
		return (-1);
	if ((st = db_prepare(db, "UPDATE meeting SET status = ?, version = "
	    "version + 1 WHERE id = ?", err)) == NULL) {
		db_rollback(db);
		return (-1);
	}
	sqlite3_bind_text(st, 1, meeting_status_code(status), -1,
	    SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		rc = db_fail(db, err, _("saving the meeting"));
	else if (sqlite3_changes(db->h) == 0)
		rc = meeting_refused(db, id, err);
	else if ((rc = db_audit(db, "meeting.status", "meeting", id,
	    err)) == 0)
		rc = db_commit(db, err);
	if (rc != 0)
		db_rollback(db);
	return (rc != 0 ? -1 : 0);
}

/* ---- the standard sequence ---- */

static int
lay_one(struct db *db, long long pair, int kind, long day, struct nerr *err)
{
	struct meeting	m;
	char		iso[DATE_ISO_LEN];
	int		rc;

	/*
	 * Not on a Sunday (day 0, 1 January 1970, was a Thursday): a working
	 * meeting moves to the Monday, the final one to the Friday before,
	 * so it stays within the pair's dates.
	 */
	if ((day + 3) % 7 == 6)
		day += kind == MK_FINAL ? -2 : 1;
	meeting_init(&m);
	m.pair_id = pair;
	m.kind = kind;
	date_from_days(day, iso);
	m.date = xstrdup(iso);
	rc = meeting_insert_tx(db, &m, err);
	meeting_free(&m);
	return (rc);
}

int
meeting_lay_out(struct db *db, long long pair, int every, struct nerr *err)
{
	sqlite3_stmt	*st;
	char		*from = NULL, *to = NULL;
	long		 d0, d1, d;
	int		 rc, n = 0;

	if (every == 0)
		every = 14;
	if (every < 1 || every > 120)
		return (nerr_set(err, _("Working meetings come every 1 to 120 "
		    "days, not every %d."), every));
	if ((st = db_prepare(db, "SELECT date_from, date_to, (SELECT count(*) "
	    "FROM meeting WHERE pair_id = pair.id) FROM pair WHERE id = ?",
	    err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, pair);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		from = col_dup(st, 0);
		to = col_dup(st, 1);
		n = sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return (nerr_set(err, _("Pair no. %lld is not in the database: "
		    "someone may have deleted it."), pair));
	if (rc != SQLITE_ROW)
		return (db_fail(db, err, _("reading the pair")));
	if (n > 0) {
		free(from);
		free(to);
		return (nerr_set(err, ngettext("Pair no. %lld already has %d "
		    "meeting; add more one by one, or delete it first.",
		    "Pair no. %lld already has %d meetings; add more one by "
		    "one, or delete them first.", (unsigned long)n), pair, n));
	}
	d0 = date_days(from != NULL ? from : date_today());
	d1 = to != NULL ? date_days(to) : -1;
	free(from);
	free(to);
	if (d0 < 0)
		d0 = date_days(date_today());
	if (d1 <= d0)
		d1 = d0 + 90;	/* no end said: three months */
	if (db_begin(db, err) != 0)
		return (-1);
	/* A short pair gets what fits before its final meeting. */
	rc = lay_one(db, pair, MK_ACQUAINTANCE, d0, err);
	n = 1;
	if (rc == 0 && d0 + 7 < d1 && (rc = lay_one(db, pair, MK_TRIAL,
	    d0 + 7, err)) == 0)
		n++;
	if (rc == 0 && d0 + 14 < d1 && (rc = lay_one(db, pair, MK_PLANNING,
	    d0 + 14, err)) == 0)
		n++;
	for (d = d0 + 14 + every; rc == 0 && d < d1; d += every, n++)
		rc = lay_one(db, pair, MK_WORKING, d, err);
	if (rc == 0)
		rc = lay_one(db, pair, MK_FINAL, d1, err);
	if (rc != 0 || db_commit(db, err) != 0) {
		db_rollback(db);
		return (-1);
	}
	return (n + 1);
}

char *
meeting_pair_who(struct db *db, long long pair, struct nerr *err)
{
	sqlite3_stmt	*st;
	char		*who = NULL;
	int		 rc;

	if ((st = db_prepare(db, "SELECT " MEETING_WHO_SQL("?1"), err)) ==
	    NULL)
		return (NULL);
	sqlite3_bind_int64(st, 1, pair);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		who = xstrdup(str_or((const char *)sqlite3_column_text(st, 0),
		    ""));
	else
		db_fail(db, err, _("reading the pair"));
	sqlite3_finalize(st);
	return (who);
}
