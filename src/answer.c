/* answer.c: answers to questionnaires: checking, saving, finding, counting them. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "date.h"
#include "db.h"
#include "monitor.h"
#include "text.h"
#include "util.h"

void
response_init(struct response *r, const struct questionnaire *q)
{
	memset(r, 0, sizeof *r);
	if (q != NULL) {
		r->questionnaire_id = q->id;
		r->n = q->nq;
		r->values = xcalloc(q->nq > 0 ? (size_t)q->nq : 1,
		    sizeof *r->values);
	}
}

void
response_free(struct response *r)
{
	int	i;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++)
		free(r->values[i]);
	free(r->values);
	free(r->date);
	memset(r, 0, sizeof *r);
}

/* Is folded s one of the words? */
static int
word_in(const char *s, const char *const *words)
{
	for (; *words != NULL; words++)
		if (strcmp(s, *words) == 0)
			return (1);
	return (0);
}

/* The k-th (1-based) choice of "a|b|c", malloc'd; NULL if none. */
static char *
choice_nth(const char *choices, long k)
{
	const char	*s = choices, *e;
	char		*t, *c;

	for (; s != NULL && k > 1; k--)
		if ((s = strchr(s, '|')) != NULL)
			s++;
	if (s == NULL || k != 1)
		return (NULL);
	if ((e = strchr(s, '|')) == NULL)
		return (str_trimdup(s));
	t = xstrndup(s, (size_t)(e - s));
	c = str_trimdup(t);
	free(t);
	return (c);
}

/* The choice whose text folds to folded v, malloc'd; NULL if none. */
static char *
choice_find(const char *choices, const char *v)
{
	char	*c, *f;
	long	 k;

	for (k = 1; (c = choice_nth(choices, k)) != NULL; k++) {
		f = text_fold_dup(c);
		if (strcmp(f, v) == 0) {
			free(f);
			return (c);
		}
		free(f);
		free(c);
	}
	return (NULL);
}

/* One value: normalised into *out (malloc'd) or a message. */
static int
value_check(const struct question *x, int num, const char *v, char **out,
    struct nerr *err)
{
	static const char *const yes[] = { "да", "д", "yes", "y", "1", "+",
	    NULL };
	static const char *const no[] = { "нет", "н", "no", "n", "0", NULL };
	char	*f, *end;
	long	 k;
	int	 max;

	*out = NULL;
	f = text_fold_dup(v);
	switch (x->type) {
	case QT_SCALE10:
	case QT_SCALE5:
		max = quest_scale_max(x->type);
		errno = 0;
		k = strtol(f, &end, 10);
		if (*end != '\0' || errno != 0 || k < 1 || k > max) {
			free(f);
			return (nerr_set(err, _("Question %d: «%s» is not a "
			    "number from 1 to %d."), num, v, max));
		}
		xasprintf(out, "%ld", k);
		break;
	case QT_YESNO:
		if (word_in(f, yes))
			*out = xstrdup("yes");
		else if (word_in(f, no))
			*out = xstrdup("no");
		else {
			free(f);
			return (nerr_set(err, _("Question %d: answer yes or "
			    "no (да or нет), not «%s»."), num, v));
		}
		break;
	case QT_CHOICE:
		errno = 0;
		k = strtol(f, &end, 10);
		if (*end == '\0' && errno == 0)
			*out = choice_nth(x->choices, k);
		else
			*out = choice_find(x->choices, f);
		if (*out == NULL) {
			free(f);
			return (nerr_set(err, _("Question %d: «%s» is not one "
			    "of the choices (%s); give its number or its "
			    "text."), num, v, str_or(x->choices, "")));
		}
		break;
	default:
		*out = xstrdup(v);
		break;
	}
	free(f);
	return (0);
}

int
response_check(const struct questionnaire *q, struct response *r,
    struct nerr *err)
{
	char	*v, *norm;
	int	 i, any = 0;

	if (r->n != q->nq)
		return (nerr_set(err, _("«%s» has %d questions, and %d answers "
		    "were given."), q->title, q->nq, r->n));
	if (!stage_valid(r->stage))
		return (nerr_set(err, _("Unknown stage «%s»; use before, "
		    "after, q1, q2, q3 or q4."), r->stage));
	if (r->person_id <= 0)
		return (nerr_set(err, _("Say whose answers these are.")));
	if (r->date != NULL && !date_iso_valid(r->date))
		return (nerr_set(err, _("The date of the answers «%s» is not "
		    "a date."), r->date));
	for (i = 0; i < r->n; i++) {
		if (r->values[i] == NULL)
			continue;
		if ((v = str_trimdup(r->values[i])) == NULL ||
		    strcmp(v, "-") == 0) {
			free(v);
			free(r->values[i]);
			r->values[i] = NULL;
			continue;
		}
		if (value_check(&q->q[i], i + 1, v, &norm, err) != 0) {
			free(v);
			return (-1);
		}
		free(v);
		free(r->values[i]);
		r->values[i] = norm;
		any = 1;
	}
	if (!any)
		return (nerr_set(err, _("No question is answered.")));
	return (0);
}

static int
step_done(struct db *db, sqlite3_stmt *st, const char *what, struct nerr *err)
{
	int	rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return (db_fail(db, err, what));
	return (0);
}

int
response_save_tx(struct db *db, const struct questionnaire *q,
    struct response *r, int *replaced, struct nerr *err)
{
	sqlite3_stmt	*st;
	char		 year[16];
	const char	*date = r->date != NULL ? r->date : date_today();
	const char	*what = _("saving the answers");
	long long	 old = 0;
	int		 i, rc;

	if (replaced != NULL)
		*replaced = 0;
	switch (db_exists(db, "SELECT 1 FROM person WHERE id = ?",
	    r->person_id, err)) {
	case 0:
		return (nerr_set(err, _("There is no participant №%lld."),
		    r->person_id));
	case -1:
		return (-1);
	}
	if (r->pair_id != 0) {
		switch (db_exists(db, "SELECT 1 FROM pair_member WHERE "
		    "pair_id = ?", r->pair_id, err)) {
		case 0:
			return (nerr_set(err, _("There is no pair №%lld."),
			    r->pair_id));
		case -1:
			return (-1);
		}
	}
	date_school_year(date, year, sizeof year);
	if ((st = db_prepare(db, "SELECT id FROM response WHERE "
	    "questionnaire_id = ? AND person_id = ? AND stage = ? AND "
	    "school_year = ?", err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, q->id);
	sqlite3_bind_int64(st, 2, r->person_id);
	sqlite3_bind_text(st, 3, r->stage, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, year, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		old = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return (db_fail(db, err, what));
	if (old != 0) {
		if (db_delete_id(db, "DELETE FROM response WHERE id = ?", old,
		    what, err) < 0)
			return (-1);
		if (replaced != NULL)
			*replaced = 1;
	}
	if ((st = db_prepare(db, "INSERT INTO response (questionnaire_id, "
	    "person_id, pair_id, stage, date, school_year) VALUES "
	    "(?, ?, ?, ?, ?, ?)", err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, q->id);
	sqlite3_bind_int64(st, 2, r->person_id);
	if (r->pair_id != 0)
		sqlite3_bind_int64(st, 3, r->pair_id);
	sqlite3_bind_text(st, 4, r->stage, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, year, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return (db_fail(db, err, what));
	r->id = sqlite3_last_insert_rowid(db->h);
	if ((st = db_prepare(db, "INSERT INTO answer (response_id, "
	    "question_id, value) VALUES (?, ?, ?)", err)) == NULL)
		return (-1);
	for (i = 0; i < r->n; i++) {
		if (r->values[i] == NULL)
			continue;
		sqlite3_bind_int64(st, 1, r->id);
		sqlite3_bind_int64(st, 2, q->q[i].id);
		sqlite3_bind_text(st, 3, r->values[i], -1, SQLITE_STATIC);
		if (step_done(db, st, what, err) != 0) {
			sqlite3_finalize(st);
			return (-1);
		}
	}
	sqlite3_finalize(st);
	return (db_audit(db, old != 0 ? "replace" : "add", "response", r->id,
	    err));
}

int
response_save(struct db *db, const struct questionnaire *q,
    struct response *r, struct nerr *err)
{
	if (response_check(q, r, err) != 0)
		return (-1);
	if (db_begin(db, err) != 0)
		return (-1);
	if (response_save_tx(db, q, r, NULL, err) != 0) {
		db_rollback(db);
		return (-1);
	}
	return (db_commit(db, err));
}

int
response_delete(struct db *db, long long id, struct nerr *err)
{
	int	n;

	if (db_begin(db, err) != 0)
		return (-1);
	n = db_delete_id(db, "DELETE FROM response WHERE id = ?", id,
	    _("deleting the answers"), err);
	if (n == 0)
		nerr_set(err, _("There are no answers №%lld."), id);
	if (n <= 0 || db_audit(db, "delete", "response", id, err) != 0) {
		db_rollback(db);
		return (-1);
	}
	return (db_commit(db, err));
}

int
response_find(struct db *db, const struct questionnaire *q, long long person,
    const char *stage, struct response *r, struct nerr *err)
{
	sqlite3_stmt	*st;
	const char	*s;
	long long	 qid;
	int		 i, rc;

	response_init(r, q);
	if ((st = db_prepare(db, "SELECT id, pair_id, date FROM response "
	    "WHERE questionnaire_id = ? AND person_id = ? AND stage = ? "
	    "ORDER BY school_year DESC, id DESC LIMIT 1", err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, q->id);
	sqlite3_bind_int64(st, 2, person);
	sqlite3_bind_text(st, 3, stage, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		r->id = sqlite3_column_int64(st, 0);
		r->pair_id = sqlite3_column_int64(st, 1);
		s = (const char *)sqlite3_column_text(st, 2);
		r->date = s != NULL ? xstrdup(s) : NULL;
	}
	sqlite3_finalize(st);
	r->person_id = person;
	snprintf(r->stage, sizeof r->stage, "%s", str_or(stage, ""));
	if (rc == SQLITE_DONE)
		return (0);
	if (rc != SQLITE_ROW)
		return (db_fail(db, err, _("reading the answers")));
	if ((st = db_prepare(db, "SELECT question_id, value FROM answer "
	    "WHERE response_id = ?", err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, r->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		qid = sqlite3_column_int64(st, 0);
		s = (const char *)sqlite3_column_text(st, 1);
		for (i = 0; i < q->nq; i++)
			if (q->q[i].id == qid && s != NULL)
				r->values[i] = xstrdup(s);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return (db_fail(db, err, _("reading the answers")));
	return (1);
}

int
response_count(struct db *db, long long questionnaire, const char *stage,
    struct nerr *err)
{
	sqlite3_stmt	*st;
	char		 year[16];
	int		 n;

	date_school_year(date_today(), year, sizeof year);
	if ((st = db_prepare(db, "SELECT count(*) FROM response WHERE "
	    "questionnaire_id = ? AND stage = ? AND school_year = ?", err)) ==
	    NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, questionnaire);
	sqlite3_bind_text(st, 2, stage, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, year, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	else
		n = db_fail(db, err, _("counting the answers"));
	sqlite3_finalize(st);
	return (n);
}

long long
response_guess_pair(struct db *db, const struct questionnaire *q,
    long long person, struct nerr *err)
{
	sqlite3_stmt	*st;
	long long	 id = 0;
	int		 n = 0, rc;

	if (q->audience == NULL || (strcmp(q->audience, "mentee") != 0 &&
	    strcmp(q->audience, "mentor") != 0))
		return (0);
	if ((st = db_prepare(db, "SELECT DISTINCT m.pair_id FROM pair_member "
	    "m JOIN pair p ON p.id = m.pair_id WHERE m.person_id = ? AND "
	    "m.role = ? AND p.status <> 'cancelled' LIMIT 2", err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, person);
	sqlite3_bind_text(st, 2, q->audience, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return (db_fail(db, err, _("looking for the pair")));
	return (n == 1 ? id : 0);
}

/* ---- answers from a CSV file ---- */

/* Bad rows listed one by one; past this the report says how many more. */
#define ANSWERS_REPORT_MAX	200

enum acol { AC_FIO, AC_LAST, AC_FIRST, AC_PATR, AC_DATE, AC_SKIP, AC__COUNT };

static const char *const a_fio[] = { "ФИО", "Ф.И.О", "Ф. И. О",
    "Фамилия, имя, отчество", "Фамилия Имя Отчество", "Фамилия и имя",
    "Ваши фамилия, имя, отчество", "Укажите ваши ФИО", "Ваше ФИО",
    "ФИО участника", "Full name", "Name", NULL };
static const char *const a_last[] = { "Фамилия", "Last name", "Surname",
    NULL };
static const char *const a_first[] = { "Имя", "First name", NULL };
static const char *const a_patr[] = { "Отчество", "Middle name", NULL };
static const char *const a_date[] = { "Отметка времени", "Timestamp",
    "Дата", "Дата заполнения", "Date", "Время создания", NULL };
static const char *const a_skip[] = { "№", "N", "Адрес электронной почты",
    "Электронная почта", "E-mail", "Email", "Баллы", "Score", NULL };

static const struct csv_col answer_cols[AC__COUNT] = {
	{ "fio", a_fio }, { "last", a_last }, { "first", a_first },
	{ "patronymic", a_patr }, { "date", a_date }, { "skip", a_skip },
};

struct aimport {
	struct db			*db;
	const struct questionnaire	*q;
	const char			*stage;
	int				 idx[AC__COUNT];
	int				*qcol;		/* column of each question; -1 */
	sqlite3_stmt			*find;
	struct answers_import_result	*res;
};

/* Folded, letters and digits only: "Насколько ... ?" matches its header. */
static char *
header_norm(const char *s)
{
	char	*f = text_fold_dup(s), *w = f;
	const char *r;

	for (r = f; *r != '\0'; r++)
		if ((unsigned char)*r >= 0x80 ||
		    (*r >= '0' && *r <= '9') || (*r >= 'a' && *r <= 'z'))
			*w++ = *r;
	*w = '\0';
	return (f);
}

/*
 * Which column holds each question: those whose header is the question's
 * text (forms export the question as the header, sometimes cut short),
 * then the rest of the columns in order for the rest of the questions.
 */
static int
aimport_map(struct aimport *ai, const struct csv_row *row, struct nerr *err)
{
	const struct questionnaire	*q = ai->q;
	char		**qn, *h, cn[8];
	int		*used, c, i, j, k;
	size_t		 lh, lq;

	used = xcalloc((size_t)row->n + 1, sizeof *used);
	for (k = 0; k < AC__COUNT; k++)
		if (ai->idx[k] >= 0)
			used[ai->idx[k]] = 1;
	qn = xcalloc((size_t)q->nq + 1, sizeof *qn);
	for (i = 0; i < q->nq; i++) {
		ai->qcol[i] = -1;
		qn[i] = header_norm(q->q[i].text);
	}
	for (c = 0; c < row->n; c++) {
		if (used[c] || str_empty(row->f[c]))
			continue;
		h = header_norm(row->f[c]);
		lh = strlen(h);
		for (i = 0; i < q->nq; i++) {
			lq = strlen(qn[i]);
			if (ai->qcol[i] >= 0 || lh == 0)
				continue;
			if (strcmp(h, qn[i]) == 0 || (lh >= 24 && (lh < lq ?
			    strncmp(h, qn[i], lh) : strncmp(h, qn[i], lq)) ==
			    0)) {
				ai->qcol[i] = c;
				used[c] = 1;
				break;
			}
		}
		free(h);
	}
	for (i = 0; i < q->nq; i++)
		free(qn[i]);
	free(qn);
	for (c = 0, i = 0; c < row->n; c++) {
		if (used[c])
			continue;
		while (i < q->nq && ai->qcol[i] >= 0)
			i++;
		if (i >= q->nq) {
			/* An empty trailing column is Excel's, not a question. */
			for (j = c; j < row->n && (used[j] ||
			    str_empty(row->f[j])); j++)
				;
			if (j >= row->n)
				break;
			nerr_set(err, _("Column %s («%s») is more than the %d "
			    "questions of «%s»."), csv_column_name(j, cn),
			    row->f[j], q->nq, q->title);
			free(used);
			return (-1);
		}
		ai->qcol[i] = c;
	}
	free(used);
	if (ai->idx[AC_FIO] < 0 && (ai->idx[AC_LAST] < 0 ||
	    ai->idx[AC_FIRST] < 0))
		return (nerr_set(err, _("The file has no column of names: "
		    "ФИО, or Фамилия and Имя.")));
	return (0);
}

/* The words of a name as person_word keeps them: folded, '-' a space. */
static int
name_words(const char *s, char ***wp)
{
	char	*f, *t, **w = NULL;
	int	 n = 0;

	f = text_fold_dup(s);
	for (t = f; *t != '\0'; t++)
		if (*t == '-' || *t == '\t' || *t == ',' || *t == '.')
			*t = ' ';
	for (t = strtok(f, " "); t != NULL; t = strtok(NULL, " ")) {
		w = xreallocarray(w, (size_t)n + 1, sizeof *w);
		w[n++] = xstrdup(t);
	}
	free(f);
	*wp = w;
	return (n);
}

static void
words_free(char **w, int n)
{
	while (n-- > 0)
		free(w[n]);
	free(w);
}

/*
 * The participant a name means: every word given must be the person's
 * name in order (the patronymic may be left out).  The id; 0 and a
 * message in why if none or several.
 */
static long long
aimport_person(struct aimport *ai, const char *name, struct sbuf *why,
    struct nerr *err)
{
	char		**w, **pw, *full;
	long long	 id = 0, fit_id = 0;
	int		 n, pn, i, rc, found = 0, fits = 0, fit;
	const char	*aud = ai->q->audience;

	if ((n = name_words(name, &w)) < 2) {
		sbuf_addf(why, _("«%s» is not a full name (Фамилия Имя "
		    "Отчество)"), name);
		words_free(w, n);
		return (0);
	}
	if (ai->find == NULL && (ai->find = db_prepare(ai->db, "SELECT p.id, "
	    "p.last || ' ' || p.first || ' ' || p.patronymic, p.is_mentee, "
	    "p.is_mentor FROM person_word pw JOIN person p ON p.id = "
	    "pw.person_id WHERE pw.word = ? AND p.anonymised = 0", err)) ==
	    NULL) {
		words_free(w, n);
		return (-1);
	}
	sqlite3_bind_text(ai->find, 1, w[0], -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(ai->find)) == SQLITE_ROW) {
		full = (char *)sqlite3_column_text(ai->find, 1);
		pn = name_words(full, &pw);
		for (i = 0; i < n && i < pn && strcmp(w[i], pw[i]) == 0; i++)
			;
		words_free(pw, pn);
		if (i < n)
			continue;
		found++;
		id = sqlite3_column_int64(ai->find, 0);
		/* Two of a name: the one in the questionnaire's base wins. */
		fit = aud != NULL && ((strcmp(aud, "mentee") == 0 &&
		    sqlite3_column_int(ai->find, 2)) || (strcmp(aud,
		    "mentor") == 0 && sqlite3_column_int(ai->find, 3)));
		if (fit) {
			fits++;
			fit_id = id;
		}
	}
	sqlite3_reset(ai->find);
	words_free(w, n);
	if (rc != SQLITE_DONE)
		return (db_fail(ai->db, err, _("looking for the participant")));
	if (found == 1)
		return (id);
	if (fits == 1)
		return (fit_id);
	if (found == 0)
		sbuf_addf(why, _("no participant is named «%s»"), name);
	else
		sbuf_addf(why, _("%d participants are named «%s»; write the "
		    "full name with the patronymic, or enter this one by "
		    "hand"), found, name);
	return (0);
}

static void
aimport_bad(struct aimport *ai, long line, const char *msg)
{
	ai->res->bad++;
	if (ai->res->bad <= ANSWERS_REPORT_MAX)
		sbuf_addf(&ai->res->report, _("line %ld: %s\n"), line, msg);
}

static const char *
aimport_cell(const struct csv_row *row, int c)
{
	return (c >= 0 && c < row->n ? row->f[c] : NULL);
}

/* One row; 0 (counted as added, replaced or bad) or -1 when the database failed. */
static int
aimport_row(struct aimport *ai, const struct csv_row *row, struct nerr *err)
{
	struct response	 r;
	struct sbuf	 why, name;
	struct nerr	 e;
	const char	*d;
	char		 iso[DATE_ISO_LEN], *cut;
	long long	 pid;
	int		 i, replaced, rc = 0;

	sbuf_init(&why);
	sbuf_init(&name);
	if (ai->idx[AC_FIO] >= 0)
		sbuf_add(&name, str_or(aimport_cell(row, ai->idx[AC_FIO]), ""));
	else
		sbuf_addf(&name, "%s %s %s",
		    str_or(aimport_cell(row, ai->idx[AC_LAST]), ""),
		    str_or(aimport_cell(row, ai->idx[AC_FIRST]), ""),
		    str_or(aimport_cell(row, ai->idx[AC_PATR]), ""));
	if ((pid = aimport_person(ai, name.s, &why, err)) < 0) {
		rc = -1;
		goto done;
	}
	if (pid == 0) {
		aimport_bad(ai, row->line, why.s);
		goto done;
	}
	response_init(&r, ai->q);
	r.person_id = pid;
	snprintf(r.stage, sizeof r.stage, "%s", ai->stage);
	/* A form's time stamp "22.11.2026 10:15:00": its date. */
	d = aimport_cell(row, ai->idx[AC_DATE]);
	if (!str_empty(d)) {
		cut = xstrdup(d);
		cut[strcspn(cut, " T")] = '\0';
		if (date_parse(cut, iso, _("date"), &e) == 0)
			r.date = xstrdup(iso);
		free(cut);
	}
	for (i = 0; i < ai->q->nq; i++) {
		d = aimport_cell(row, ai->qcol[i]);
		r.values[i] = str_empty(d) ? NULL : xstrdup(d);
	}
	if (response_check(ai->q, &r, &e) != 0) {
		aimport_bad(ai, row->line, e.msg);
		response_free(&r);
		goto done;
	}
	if ((r.pair_id = response_guess_pair(ai->db, ai->q, pid, err)) < 0 ||
	    response_save_tx(ai->db, ai->q, &r, &replaced, &e) != 0) {
		if (r.pair_id >= 0)
			aimport_bad(ai, row->line, e.msg);
		rc = r.pair_id < 0 ? -1 : 0;
		response_free(&r);
		goto done;
	}
	if (replaced)
		ai->res->replaced++;
	else
		ai->res->added++;
	response_free(&r);
done:
	sbuf_free(&why);
	sbuf_free(&name);
	return (rc);
}

int
answers_import(struct db *db, const char *path, const char *quest,
    const char *stage, int dry_run, int skip_bad,
    struct answers_import_result *res, struct nerr *err)
{
	return (answers_import_csv(db, path, CSV_ENC_AUTO, 0, quest, stage,
	    dry_run, skip_bad, res, err));
}

int
answers_import_csv(struct db *db, const char *path, int encoding,
    int delimiter, const char *quest, const char *stage, int dry_run,
    int skip_bad, struct answers_import_result *res, struct nerr *err)
{
	struct questionnaire	 q;
	struct aimport		 ai;
	struct csvin		*in = NULL;
	struct csv_row		 row;
	int			 rc, header = 0;

	memset(res, 0, sizeof *res);
	sbuf_init(&res->report);
	if (!stage_valid(stage))
		return (nerr_set(err, _("Unknown stage «%s»; use before, "
		    "after, q1, q2, q3 or q4."), str_or(stage, "")));
	if (quest_get(db, quest, &q, err) != 0)
		return (-1);
	if (q.nq == 0) {
		nerr_set(err, _("The questionnaire «%s» has no questions."),
		    q.title);
		quest_free(&q);
		return (-1);
	}
	memset(&ai, 0, sizeof ai);
	ai.db = db;
	ai.q = &q;
	ai.stage = stage;
	ai.res = res;
	ai.qcol = xcalloc((size_t)q.nq, sizeof *ai.qcol);
	if (csvin_open(&in, path, encoding, delimiter, err) != 0)
		goto fail;
	if (db_begin(db, err) != 0)
		goto fail;
	while ((rc = csvin_next(in, &row, err)) == 1) {
		if (!header) {
			if (csv_map_header(&row, answer_cols, AC__COUNT, ai.idx,
			    err) != 0 || aimport_map(&ai, &row, err) != 0)
				goto rollback;
			header = 1;
			continue;
		}
		res->rows++;
		if (aimport_row(&ai, &row, err) != 0)
			goto rollback;
	}
	if (rc < 0)
		goto rollback;
	if (!header) {
		nerr_set(err, _("%s is empty."), path);
		goto rollback;
	}
	if (res->bad > ANSWERS_REPORT_MAX)
		sbuf_addf(&res->report, _("... and %d more bad lines\n"),
		    res->bad - ANSWERS_REPORT_MAX);
	if (dry_run || (res->bad > 0 && !skip_bad)) {
		db_rollback(db);
		if (!dry_run) {
			res->added = res->replaced = 0;
			nerr_set(err, ngettext("%d bad line; nothing was "
			    "imported (--skip-bad imports the good ones).",
			    "%d bad lines; nothing was imported (--skip-bad "
			    "imports the good ones).", res->bad), res->bad);
			goto fail;
		}
	} else if (db_audit(db, "import", "response", 0, err) != 0 ||
	    db_commit(db, err) != 0)
		goto rollback;
	sqlite3_finalize(ai.find);
	csvin_close(in);
	free(ai.qcol);
	quest_free(&q);
	return (0);
rollback:
	db_rollback(db);
	res->added = res->replaced = 0;
fail:
	sqlite3_finalize(ai.find);
	if (in != NULL)
		csvin_close(in);
	free(ai.qcol);
	quest_free(&q);
	return (-1);
}

void
answers_import_result_free(struct answers_import_result *r)
{
	sbuf_free(&r->report);
}
