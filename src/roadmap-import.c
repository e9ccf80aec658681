/* roadmap-import.c: a roadmap table from CSV (a school's own or a shipped template), all or nothing. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csvio.h"
#include "date.h"
#include "db.h"
#include "deadline.h"
#include "roadmap-int.h"
#include "roadmap.h"
#include "util.h"

#define RM_HEADER_MAX	10	/* lines looked at for the header */
#define RM_REPORT_MAX	50	/* deadlines to check listed one by one */

enum {
	RC_SECTION, RC_NUMBER, RC_CONTENT, RC_DEADLINE, RC_RESPONSIBLE,
	RC_RESULT, RC_INDICATOR, RC_STATUS, RC_DONE, RC_EVIDENCE, RC_NOTE,
	RC__COUNT
};

/*
 * Header names, compared folded by csv_map_header: the wordings of the
 * Word tables schools keep, and English ones.  A trailing note in
 * brackets («Ожидаемый результат (вид документа)») is dropped there.
 */
static const char *const n_section[] = { "Раздел", "Этап",
    "Наименование этапа", "Наименование раздела", "Направление",
    "Направление деятельности", "Section", "Stage", NULL };
static const char *const n_number[] = { "№", "№ п/п", "Номер", "N", "No",
    "Number", NULL };
static const char *const n_content[] = { "Мероприятие", "Мероприятия",
    "Содержание", "Наименование мероприятий", "Наименование мероприятия",
    "Содержание деятельности", "Содержание работы",
    "Содержание мероприятия", "Наименование", "Item", "Activity",
    "Content", NULL };
static const char *const n_deadline[] = { "Срок", "Сроки",
    "Срок реализации", "Сроки реализации", "Срок исполнения",
    "Сроки исполнения", "Сроки проведения", "Срок выполнения",
    "Дата проведения", "Deadline", "Due", NULL };
static const char *const n_responsible[] = { "Ответственный",
    "Ответственные", "Ответственный исполнитель",
    "Ответственные исполнители", "Исполнитель", "Исполнители",
    "Responsible", NULL };
static const char *const n_result[] = { "Результат",
    "Ожидаемый результат", "Вид документа", "Результат, вид документа",
    "Ожидаемые результаты", "Планируемый результат", "Документ",
    "Result", NULL };
static const char *const n_indicator[] = { "Показатели", "Показатель",
    "Показатели эффективности", "Индикатор", "Индикаторы",
    "Indicator", NULL };
static const char *const n_status[] = { "Статус", "Состояние", "Status",
    NULL };
static const char *const n_done[] = { "Дата выполнения", "Выполнено",
    "Done", NULL };
static const char *const n_evidence[] = { "Подтверждение",
    "Отметка о выполнении", "Evidence", NULL };
static const char *const n_note[] = { "Примечание", "Примечания",
    "Комментарий", "Note", NULL };

static const struct csv_col rm_cols[RC__COUNT] = {
	{ "section", n_section }, { "number", n_number },
	{ "content", n_content }, { "deadline", n_deadline },
	{ "responsible", n_responsible }, { "result", n_result },
	{ "indicator", n_indicator }, { "status", n_status },
	{ "done", n_done }, { "evidence", n_evidence }, { "note", n_note },
};

void
rm_load_free(struct rm_load *l)
{
	struct rm_litem	*it;
	int		 i;

	for (i = 0; i < l->nsecs; i++)
		free(l->secs[i].title);
	for (i = 0; i < l->nitems; i++) {
		it = &l->items[i];
		free(it->number);
		free(it->content);
		free(it->deadline);
		free(it->result);
		free(it->indicator);
		free(it->responsible);
		free(it->note);
		free(it->done_date);
		free(it->evidence);
	}
	free(l->secs);
	free(l->items);
	memset(l, 0, sizeof *l);
}

/* A field of the row by column key: NULL when absent or blank. */
static char *
rm_field(const struct csv_row *row, const int *idx, int c)
{
	if (idx[c] < 0 || idx[c] >= row->n)
		return (NULL);
	return (str_trimdup(row->f[idx[c]]));
}

static int
rm_has(const struct csv_row *row, const int *idx, int c)
{
	return (idx[c] >= 0 && idx[c] < row->n && !str_empty(row->f[idx[c]]));
}

/* A section's title, its number before it as the table had it: "1. ...". */
static void
rm_add_section(struct rm_load *l, const char *number, const char *title)
{
	size_t	n;

	l->secs = xreallocarray(l->secs, (size_t)l->nsecs + 1,
	    sizeof *l->secs);
	if (str_empty(number))
		l->secs[l->nsecs].title = xstrdup(title);
	else {
		n = strlen(number);
		xasprintf(&l->secs[l->nsecs].title, "%s%s %s", number,
		    number[n - 1] == '.' ? "" : ".", title);
	}
	l->nsecs++;
}

/* The row's extra fields for a re-imported roadmap: status, done, evidence. */
static int
rm_row_status(struct rm_litem *it, const struct csv_row *row, const int *idx,
    struct nerr *err)
{
	char	*s, iso[DATE_ISO_LEN];
	int	 st;

	it->status = RM_TODO;
	if ((s = rm_field(row, idx, RC_STATUS)) != NULL) {
		st = rm_status_parse(s);
		if (st < 0) {
			nerr_set(err, _("the status «%s» is unknown; write to "
			    "do, in progress, done or cancelled"), s);
			free(s);
			return (-1);
		}
		it->status = st;
		free(s);
	}
	if ((s = rm_field(row, idx, RC_DONE)) != NULL) {
		if (date_parse(s, iso, _("date done"), err) == -1) {
			free(s);
			return (-1);
		}
		free(s);
		it->done_date = xstrdup(iso);
		if (it->status == RM_TODO)
			it->status = RM_DONE;
	}
	it->evidence = rm_field(row, idx, RC_EVIDENCE);
	return (0);
}

struct rm_reader {
	const char	*path;
	const char	*year;
	struct rm_load	*l;
	struct sbuf	*report;
	int		 idx[RC__COUNT];
	int		 heads;		/* heading rows can be told apart */
	int		 numbered;	/* the table has a number column */
	int		 sec_items;	/* items in the last section so far */
	char		*content_name;	/* the header's name for the content */
	struct rm_dlcache dlc;
};

/* One data row: a heading, an item, or an error naming the line. */
static int
rm_row(struct rm_reader *r, const struct csv_row *row, struct nerr *err)
{
	struct rm_load	*l = r->l;
	struct rm_litem	*it;
	struct nerr	 e;
	char		*sec, *num, *content;
	int		 rc;

	content = rm_field(row, r->idx, RC_CONTENT);
	num = rm_field(row, r->idx, RC_NUMBER);
	if ((sec = rm_field(row, r->idx, RC_SECTION)) != NULL) {
		/* Merged cells of a stage column come out empty below. */
		if (l->nsecs == 0 || strcmp(sec, l->secs[l->nsecs - 1].title)) {
			rm_add_section(l, NULL, sec);
			r->sec_items = 0;
		}
		free(sec);
	} else if (r->heads && content != NULL &&
	    !rm_has(row, r->idx, RC_DEADLINE) &&
	    !rm_has(row, r->idx, RC_RESPONSIBLE) &&
	    !rm_has(row, r->idx, RC_RESULT)) {
		/* A Word table's spanning row: the title of a section. */
		rm_add_section(l, num, content);
		r->sec_items = 0;
		free(content);
		free(num);
		return (0);
	}
	if (content == NULL) {
		free(num);
		if (!rm_has(row, r->idx, RC_DEADLINE) &&
		    !rm_has(row, r->idx, RC_RESPONSIBLE) &&
		    !rm_has(row, r->idx, RC_RESULT))
			return (0);	/* a section's row, or only a number */
		return (nerr_set(err, _("%s, line %ld: the item has no "
		    "content; write what is to be done in the column «%s» or "
		    "delete the line."), r->path, row->line,
		    r->content_name));
	}
	if (l->nsecs == 0) {
		rm_add_section(l, NULL, _("General"));
		r->sec_items = 0;
	}
	l->items = xreallocarray(l->items, (size_t)l->nitems + 1,
	    sizeof *l->items);
	it = &l->items[l->nitems++];
	memset(it, 0, sizeof *it);
	it->sec = l->nsecs - 1;
	it->line = row->line;
	it->content = content;
	r->sec_items++;
	if (num == NULL && !r->numbered)
		xasprintf(&num, "%d.%d", l->nsecs, r->sec_items);
	it->number = num;
	it->deadline = rm_field(row, r->idx, RC_DEADLINE);
	it->result = rm_field(row, r->idx, RC_RESULT);
	it->indicator = rm_field(row, r->idx, RC_INDICATOR);
	it->responsible = rm_field(row, r->idx, RC_RESPONSIBLE);
	it->note = rm_field(row, r->idx, RC_NOTE);
	if ((rc = rm_row_status(it, row, r->idx, &e)) == -1)
		return (nerr_set(err, _("%s, line %ld: %s"), r->path,
		    row->line, e.msg));
	rm_dlcache_get(&r->dlc, it->deadline, &it->dl);
	if (it->dl.kind == DL_UNPARSED) {
		/* A long list helps nobody: the first ones, then a count. */
		if (++l->unparsed > RM_REPORT_MAX || r->report == NULL)
			;
		else if (it->deadline == NULL)
			sbuf_addf(r->report, _("line %ld: item %s has no "
			    "deadline.\n"), row->line, str_or(it->number, "-"));
		else
			sbuf_addf(r->report, _("line %ld: the deadline «%s» was "
			    "not understood; it is kept as text for you to "
			    "check.\n"), row->line, it->deadline);
	}
	return (0);
}

/* Find the header among the first lines; the lines before it are titles. */
static int
rm_header(struct rm_reader *r, struct csvin *in, struct nerr *err)
{
	struct csv_row	 row;
	struct nerr	 e;
	char		*ign;
	int		 tries, rc = 0;

	for (tries = 0; tries < RM_HEADER_MAX; tries++) {
		if ((rc = csvin_next(in, &row, err)) != 1)
			break;
		if (csv_map_header(&row, rm_cols, RC__COUNT, r->idx, &e) == -1)
			return (nerr_set(err, _("%s, line %ld: %s"), r->path,
			    row.line, e.msg));
		if (r->idx[RC_CONTENT] >= 0)
			break;
	}
	if (rc == -1)
		return (-1);
	if (rc == 0 && tries == 0)
		return (nerr_set(err, _("%s is empty."), r->path));
	if (rc == 0 || tries == RM_HEADER_MAX)
		return (nerr_set(err, _("%s: no line naming the columns was "
		    "found; the table needs a header such as "
		    "\"№;Мероприятие;Срок;Ответственный;Результат\" (if the "
		    "text looks garbled, give --encoding)."), r->path));
	r->heads = r->idx[RC_SECTION] < 0 && (r->idx[RC_DEADLINE] >= 0 ||
	    r->idx[RC_RESPONSIBLE] >= 0 || r->idx[RC_RESULT] >= 0);
	r->numbered = r->idx[RC_NUMBER] >= 0;
	r->content_name = xstrdup(row.f[r->idx[RC_CONTENT]]);
	if (r->report != NULL) {
		if (row.line > 1)
			sbuf_addf(r->report, _("Lines before the header (line "
			    "%ld) were skipped.\n"), row.line);
		if ((ign = csv_header_ignored(&row, r->idx,
		    RC__COUNT)) != NULL) {
			sbuf_addf(r->report, _("Columns ignored: %s.\n"), ign);
			free(ign);
		}
	}
	return (0);
}

int
rm_load_file(const char *path, const char *year, int encoding,
    int delimiter, struct rm_load *l, struct sbuf *report, struct nerr *err)
{
	struct rm_reader	 r;
	struct csv_row		 row;
	struct csvin		*in;
	int			 rc;

	memset(l, 0, sizeof *l);
	memset(&r, 0, sizeof r);
	r.path = path;
	r.year = year;
	r.l = l;
	r.report = report;
	if (csvin_open(&in, path, encoding, delimiter, err) == -1)
		return (-1);
	rm_dlcache_init(&r.dlc, year);
	if ((rc = rm_header(&r, in, err)) == 0) {
		while ((rc = csvin_next(in, &row, err)) == 1) {
			if ((rc = rm_row(&r, &row, err)) == -1)
				break;
		}
	}
	csvin_close(in);
	free(r.content_name);
	rm_dlcache_free(&r.dlc);
	if (rc == 0 && report != NULL && l->unparsed > RM_REPORT_MAX)
		sbuf_addf(report, ngettext("... and %d more deadline to check.\n",
		    "... and %d more deadlines to check.\n",
		    (unsigned long)(l->unparsed - RM_REPORT_MAX)),
		    l->unparsed - RM_REPORT_MAX);
	if (rc == 0 && l->nitems == 0)
		rc = nerr_set(err, _("%s has no items under its header: "
		    "nothing to import."), path);
	if (rc == -1) {
		rm_load_free(l);
		return (-1);
	}
	return (0);
}

/* The statements of a write, prepared once for thousands of rows. */
static int
rm_write_items(struct db *db, const struct rm_load *l, long long *secid,
    struct nerr *err)
{
	const struct rm_litem	*it;
	sqlite3_stmt		*st;
	int			 i, rc = 0;

	if ((st = db_prepare(db, "INSERT INTO roadmap_item (section_id, pos, "
	    "number, content, deadline_text, deadline_from, deadline_to, "
	    "result, indicator, responsible, status, done_date, evidence, "
	    "note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	    err)) == NULL)
		return (-1);
	for (i = 0; i < l->nitems && rc == 0; i++) {
		it = &l->items[i];
		sqlite3_bind_int64(st, 1, secid[it->sec]);
		sqlite3_bind_int(st, 2, i + 1);
		rm_bind_str(st, 3, it->number);
		rm_bind_str(st, 4, it->content);
		rm_bind_str(st, 5, it->deadline);
		rm_bind_str(st, 6, it->dl.from);
		rm_bind_str(st, 7, it->dl.to);
		rm_bind_str(st, 8, it->result);
		rm_bind_str(st, 9, it->indicator);
		rm_bind_str(st, 10, it->responsible);
		sqlite3_bind_text(st, 11, rm_status_code(it->status), -1,
		    SQLITE_STATIC);
		rm_bind_str(st, 12, it->done_date);
		rm_bind_str(st, 13, it->evidence);
		rm_bind_str(st, 14, it->note);
		rc = rm_step(db, st, _("saving the roadmap"), err);
	}
	sqlite3_finalize(st);
	return (rc);
}

int
rm_load_write(struct db *db, const struct rm_load *l, const char *title,
    const char *year, long long *id, struct nerr *err)
{
	sqlite3_stmt	*st;
	long long	*secid;
	int		 i, rc = 0;

	if (rm_roadmap_insert(db, title, year, id, err) == -1)
		return (-1);
	if ((st = db_prepare(db, "INSERT INTO roadmap_section (roadmap_id, "
	    "pos, title) VALUES (?, ?, ?)", err)) == NULL)
		return (-1);
	secid = xcalloc((size_t)l->nsecs, sizeof *secid);
	for (i = 0; i < l->nsecs && rc == 0; i++) {
		sqlite3_bind_int64(st, 1, *id);
		sqlite3_bind_int(st, 2, i + 1);
		sqlite3_bind_text(st, 3, l->secs[i].title, -1,
		    SQLITE_STATIC);
		rc = rm_step(db, st, _("saving the roadmap"), err);
		secid[i] = sqlite3_last_insert_rowid(db->h);
	}
	sqlite3_finalize(st);
	if (rc == 0)
		rc = rm_write_items(db, l, secid, err);
	free(secid);
	return (rc);
}

/* A title from the file's name: "/x/Дорожная карта.csv" -> "Дорожная карта". */
static char *
rm_title_of(const char *path)
{
	const char	*b = strrchr(path, '/');
	char		*t;
	size_t		 n;

	b = b != NULL ? b + 1 : path;
	t = xstrdup(b);
	n = strlen(t);
	if (n > 4 && strcasecmp(t + n - 4, ".csv") == 0)
		t[n - 4] = '\0';
	if (*t == '\0') {
		free(t);
		t = xstrdup(_("Roadmap"));
	}
	return (t);
}

int
roadmap_import(struct db *db, const char *path,
    const struct rm_import_opts *o, struct rm_import_result *res,
    struct nerr *err)
{
	struct rm_load	 l;
	char		 year[16], *title;
	int		 rc;

	memset(res, 0, sizeof *res);
	sbuf_init(&res->report);
	sbuf_add(&res->report, "");
	if (!str_empty(o->year) && !rm_year_valid(o->year))
		return (nerr_set(err, _("The school year «%s» is not of the "
		    "form 2025-2026."), o->year));
	if (!str_empty(o->year))
		snprintf(year, sizeof year, "%s", o->year);
	else
		rm_year_today(year, sizeof year);
	if (rm_load_file(path, year, o->encoding, o->delimiter, &l,
	    &res->report, err) == -1)
		return (-1);
	res->sections = l.nsecs;
	res->items = l.nitems;
	res->unparsed = l.unparsed;
	if (o->dry_run) {
		rm_load_free(&l);
		return (0);
	}
	title = !str_empty(o->title) ? str_trimdup(o->title) :
	    rm_title_of(path);
	if ((rc = db_begin(db, err)) == 0) {
		rc = rm_load_write(db, &l, title, year, &res->roadmap_id, err);
		if (rc == 0)
			rc = db_audit(db, "roadmap.import", "roadmap",
			    res->roadmap_id, err);
		if (rc == -1 || db_commit(db, err) == -1) {
			db_rollback(db);
			res->roadmap_id = 0;
			rc = -1;
		}
	}
	free(title);
	rm_load_free(&l);
	return (rc);
}

void
rm_import_result_free(struct rm_import_result *res)
{
	sbuf_free(&res->report);
}
