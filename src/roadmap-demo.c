/* roadmap-demo.c: the demo school's roadmap, a believable part of it done. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "deadline.h"
#include "roadmap-int.h"
#include "roadmap.h"
#include "text.h"
#include "util.h"

#define DEMO_TEMPLATE	"pupils-teachers"

/*
 * The evidence a curator would write, after what the item asks for.  Data,
 * not interface: Russian whatever the user's language, as the demo's names.
 */
static char *
rm_demo_evidence(const struct rm_item *it, const char *iso, int *order,
    int *protocol)
{
	char	 d[DATE_ISO_LEN], *r, *out;

	date_show(iso, d);
	r = text_fold_dup(str_or(it->result, ""));
	if (strstr(r, "приказ") != NULL)
		xasprintf(&out, "приказ № %d от %s", (*order)++, d);
	else if (strstr(r, "протокол") != NULL)
		xasprintf(&out, "протокол № %d от %s", (*protocol)++, d);
	else if (strstr(r, "сайт") != NULL || strstr(r, "публикац") != NULL)
		xasprintf(&out, "публикация на сайте школы от %s", d);
	else if (strstr(r, "анкет") != NULL || strstr(r, "мониторинг") != NULL)
		xasprintf(&out, "сводная таблица анкет от %s", d);
	else
		xasprintf(&out, "справка куратора от %s", d);
	free(r);
	return (out);
}

/* A day when a recurring item's latest occurrence was done, or "". */
static void
rm_demo_recurring(const struct deadline *dl, const char *today, char *out)
{
	long	t = date_days(today), k;
	char	d[DATE_ISO_LEN];

	out[0] = '\0';
	if (!deadline_overdue(dl, NULL, today))
		return;
	for (k = 5; k < 200; k++) {
		date_from_days(t - k, d);
		if (!deadline_overdue(dl, d, today)) {
			memcpy(out, d, DATE_ISO_LEN);
			return;
		}
	}
}

static int
rm_demo_mark(struct db *db, sqlite3_stmt *st, long long id, int status,
    const char *date, const char *evidence, struct nerr *err)
{
	sqlite3_bind_text(st, 1, rm_status_code(status), -1, SQLITE_STATIC);
	rm_bind_str(st, 2, date);
	rm_bind_str(st, 3, evidence);
	sqlite3_bind_int64(st, 4, id);
	return (rm_step(db, st, _("creating the demo roadmap"), err));
}

/* Mark what a diligent curator would have done by today, but not all. */
static int
rm_demo_progress(struct db *db, struct rm_item *v, int n, struct nerr *err)
{
	const char	*today = date_today();
	sqlite3_stmt	*st;
	char		 done[DATE_ISO_LEN], *ev;
	int		 i, rc = 0, past = 0, order = 45, protocol = 1;
	long		 d;

	if ((st = db_prepare(db, "UPDATE roadmap_item SET status = ?, "
	    "done_date = ?, evidence = ? WHERE id = ?", err)) == NULL)
		return (-1);
	for (i = 0; i < n && rc == 0; i++) {
		switch (v[i].dl.kind) {
		case DL_DATE:
		case DL_PERIOD:
			if (v[i].due[0] == '\0')
				break;
			if (strcmp(v[i].due, today) < 0) {
				/* Two of them slipped: the demo's overdue. */
				if (++past == 3 || past == 8)
					break;
				d = date_days(v[i].due) - (i * 7) % 5;
				if (v[i].dl.from[0] != '\0' &&
				    d < date_days(v[i].dl.from))
					d = date_days(v[i].dl.from);
				date_from_days(d, done);
				ev = rm_demo_evidence(&v[i], done, &order,
				    &protocol);
				rc = rm_demo_mark(db, st, v[i].id, RM_DONE, done,
				    ev, err);
				free(ev);
			} else if (v[i].dl.from[0] != '\0' &&
			    strcmp(v[i].dl.from, today) <= 0)
				rc = rm_demo_mark(db, st, v[i].id, RM_PROGRESS,
				    NULL, NULL, err);
			break;
		case DL_RECURRING:
			rm_demo_recurring(&v[i].dl, today, done);
			if (done[0] == '\0')
				break;
			ev = rm_demo_evidence(&v[i], done, &order, &protocol);
			rc = rm_demo_mark(db, st, v[i].id, RM_PROGRESS, done, ev,
			    err);
			free(ev);
			break;
		case DL_ONGOING:
			rc = rm_demo_mark(db, st, v[i].id, RM_PROGRESS, NULL,
			    NULL, err);
			break;
		}
	}
	sqlite3_finalize(st);
	return (rc);
}

int
roadmap_demo(struct db *db, struct nerr *err)
{
	struct rm_load	 l;
	struct rm_item	*v;
	struct nerr	 e;
	long long	 id;
	char		 year[16], *path;
	int		 n, rc;

	rm_year_today(year, sizeof year);
	if (!rm_year_valid(year))
		return (nerr_set(err, _("Today's date is not known, so the "
		    "demo school cannot be made; set it with --today.")));
	if ((path = rm_template_path(DEMO_TEMPLATE, err)) == NULL)
		return (-1);
	rc = rm_load_file(path, year, CSV_ENC_UTF8, ';', &l, NULL, &e);
	free(path);
	if (rc == -1)
		return (nerr_set(err, _("The roadmap template «%s» is "
		    "damaged: %s"), DEMO_TEMPLATE, e.msg));
	rc = rm_load_write(db, &l, rm_template_title(DEMO_TEMPLATE), year,
	    &id, err);
	rm_load_free(&l);
	if (rc == -1)
		return (-1);
	if (rm_items(db, id, NULL, &v, &n, err) == -1)
		return (-1);
	rc = rm_demo_progress(db, v, n, err);
	rm_items_free(v, n);
	if (rc == 0)
		rc = db_audit(db, "demo.roadmap", "roadmap", id, err);
	return (rc);
}
