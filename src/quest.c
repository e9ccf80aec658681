/* quest.c: questionnaires (анкеты): the shipped templates, reading and editing them. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "db.h"
#include "monitor.h"
#include "text.h"
#include "util.h"

static const char *const type_codes[QT__COUNT] = {
	"scale10", "scale5", "yesno", "choice", "text"
};
static const char *const type_labels[QT__COUNT] = {
	N_("scale 1-10"), N_("scale 1-5"), N_("yes/no"), N_("choice"),
	N_("free text")
};

const char *
quest_type_code(int t)
{
	return (t >= 0 && t < QT__COUNT ? type_codes[t] : "");
}

const char *
quest_type_label(int t)
{
	return (t >= 0 && t < QT__COUNT ? _(type_labels[t]) : "");
}

int
quest_type_parse(const char *s)
{
	int	t;

	if (s == NULL)
		return (-1);
	for (t = 0; t < QT__COUNT; t++)
		if (strcasecmp(s, type_codes[t]) == 0 ||
		    strcmp(s, _(type_labels[t])) == 0)
			return (t);
	return (-1);
}

int
quest_scale_max(int t)
{
	return (t == QT_SCALE10 ? 10 : t == QT_SCALE5 ? 5 : 0);
}

void
quest_init(struct questionnaire *q)
{
	memset(q, 0, sizeof *q);
}

static void
question_free(struct question *x)
{
	free(x->text);
	free(x->choices);
}

void
quest_free(struct questionnaire *q)
{
	int	i;

	if (q == NULL)
		return;
	free(q->code);
	free(q->title);
	free(q->audience);
	free(q->note);
	for (i = 0; i < q->nq; i++)
		question_free(&q->q[i]);
	free(q->q);
	quest_init(q);
}

void
quest_add_question(struct questionnaire *q, const char *text, int type,
    const char *choices)
{
	struct question	*x;

	q->q = xreallocarray(q->q, (size_t)q->nq + 1, sizeof *q->q);
	x = &q->q[q->nq++];
	memset(x, 0, sizeof *x);
	x->text = xstrdup(text);
	x->type = type;
	x->choices = str_trimdup(choices);
}

/* ---- stages ---- */

static const char *const stage_codes[] = {
	"before", "after", "q1", "q2", "q3", "q4"
};
static const char *const stage_labels[] = {
	N_("before the programme"), N_("after the programme"),
	N_("1st quarter"), N_("2nd quarter"), N_("3rd quarter"),
	N_("4th quarter")
};

int
stage_valid(const char *s)
{
	size_t	i;

	for (i = 0; s != NULL && i < nitems(stage_codes); i++)
		if (strcmp(s, stage_codes[i]) == 0)
			return (1);
	return (0);
}

const char *
stage_label(const char *s)
{
	size_t	i;

	for (i = 0; s != NULL && i < nitems(stage_codes); i++)
		if (strcmp(s, stage_codes[i]) == 0)
			return (_(stage_labels[i]));
	return (s != NULL ? s : "");
}

const char *
stage_code(int i)
{
	return (i >= 0 && i < (int)nitems(stage_codes) ? stage_codes[i] :
	    NULL);
}

/* ---- the shipped templates ---- */

static int
quest_insert(struct db *db, const struct questionnaire *q, struct nerr *err)
{
	sqlite3_stmt	*st;
	long long	 id;
	int		 i, rc;

	if ((st = db_prepare(db, "INSERT INTO questionnaire (code, title, "
	    "audience, note) VALUES (?, ?, ?, ?)", err)) == NULL)
		return (-1);
	sqlite3_bind_text(st, 1, q->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, q->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, q->audience, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, q->note, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return (db_fail(db, err, _("saving the questionnaire")));
	id = sqlite3_last_insert_rowid(db->h);
	if ((st = db_prepare(db, "INSERT INTO question (questionnaire_id, "
	    "pos, text, type, choices) VALUES (?, ?, ?, ?, ?)", err)) == NULL)
		return (-1);
	for (i = 0; i < q->nq; i++) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int(st, 2, i + 1);
		sqlite3_bind_text(st, 3, q->q[i].text, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, quest_type_code(q->q[i].type), -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(st, 5, q->q[i].choices, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE) {
			sqlite3_finalize(st);
			return (db_fail(db, err, _("saving the questionnaire")));
		}
	}
	sqlite3_finalize(st);
	return (db_audit(db, "add", "questionnaire", id, err));
}

/* Split a line at tabs into at most max fields; how many. */
static int
quest_split(char *line, char **f, int max)
{
	int	n = 0;

	while (n < max) {
		f[n++] = line;
		if ((line = strchr(line, '\t')) == NULL)
			break;
		*line++ = '\0';
	}
	return (n);
}

/*
 * Read the template file into qs; -1 with err naming the line.
 */
static int
quest_read_templates(struct questionnaire **qsp, int *np, struct nerr *err)
{
	const char		*dirs[2];
	struct questionnaire	*qs = NULL, *cur = NULL;
	char			*path = NULL, *line = NULL, *f[5];
	size_t			 cap = 0;
	FILE			*fp = NULL;
	int			 i, nd, n = 0, nf, lineno = 0, t;

	nd = util_datadirs(dirs);
	for (i = 0; i < nd && fp == NULL; i++) {
		free(path);
		xasprintf(&path, "%s/questionnaires.tsv", dirs[i]);
		fp = fopen(path, "r");
	}
	if (fp == NULL) {
		nerr_set(err, _("The questionnaire templates are missing "
		    "(%s/questionnaires.tsv); reinstall the program or set "
		    "NASTAVNIK_DATADIR."), dirs[0]);
		free(path);
		return (-1);
	}
	while (getline(&line, &cap, fp) != -1) {
		lineno++;
		line[strcspn(line, "\r\n")] = '\0';
		if (*line == '\0' || *line == '#')
			continue;
		nf = quest_split(line, f, 5);
		if (strcmp(f[0], "quest") == 0 && nf >= 4) {
			qs = xreallocarray(qs, (size_t)n + 1, sizeof *qs);
			cur = &qs[n++];
			quest_init(cur);
			cur->code = xstrdup(f[1]);
			cur->audience = xstrdup(f[2]);
			cur->title = xstrdup(f[3]);
			cur->note = nf > 4 ? str_trimdup(f[4]) : NULL;
		} else if (strcmp(f[0], "q") == 0 && nf >= 3 && cur != NULL &&
		    (t = quest_type_parse(f[1])) >= 0 && *f[2] != '\0' &&
		    (t != QT_CHOICE || nf > 3))
			quest_add_question(cur, f[2], t, nf > 3 ? f[3] : NULL);
		else {
			nerr_set(err, _("%s, line %d: expected a line "
			    "\"quest, code, audience, title, note\" or \"q, "
			    "type, text, choices\"."), path, lineno);
			goto fail;
		}
	}
	fclose(fp);
	free(line);
	free(path);
	*qsp = qs;
	*np = n;
	return (0);
fail:
	fclose(fp);
	free(line);
	free(path);
	quest_list_free(qs, n);
	return (-1);
}

int
quest_templates_load(struct db *db, int *added, struct nerr *err)
{
	struct questionnaire	*qs = NULL;
	int			 i, n = 0, rc = 0, have;

	*added = 0;
	if (quest_read_templates(&qs, &n, err) != 0)
		return (-1);
	if (db_begin(db, err) != 0) {
		quest_list_free(qs, n);
		return (-1);
	}
	for (i = 0; i < n && rc == 0; i++) {
		sqlite3_stmt	*st;

		if ((st = db_prepare(db, "SELECT 1 FROM questionnaire WHERE "
		    "code = ?", err)) == NULL) {
			rc = -1;
			break;
		}
		sqlite3_bind_text(st, 1, qs[i].code, -1, SQLITE_STATIC);
		have = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
		if (have)
			continue;
		if ((rc = quest_insert(db, &qs[i], err)) == 0)
			(*added)++;
	}
	quest_list_free(qs, n);
	if (rc != 0) {
		db_rollback(db);
		*added = 0;
		return (-1);
	}
	return (db_commit(db, err));
}

/* ---- reading ---- */

static char *
col_dup(sqlite3_stmt *st, int i)
{
	const char	*s = (const char *)sqlite3_column_text(st, i);

	return (s != NULL ? xstrdup(s) : NULL);
}

static void
quest_from_row(sqlite3_stmt *st, struct questionnaire *q)
{
	quest_init(q);
	q->id = sqlite3_column_int64(st, 0);
	q->code = col_dup(st, 1);
	q->title = col_dup(st, 2);
	q->audience = col_dup(st, 3);
	q->note = col_dup(st, 4);
}

int
quest_list(struct db *db, struct questionnaire **qsp, int *np,
    struct nerr *err)
{
	sqlite3_stmt		*st;
	struct questionnaire	*qs = NULL;
	int			 n = 0, rc;

	*qsp = NULL;
	*np = 0;
	if ((st = db_prepare(db, "SELECT id, code, title, audience, note, "
	    "(SELECT count(*) FROM question WHERE questionnaire_id = "
	    "questionnaire.id) FROM questionnaire ORDER BY code", err)) == NULL)
		return (-1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		qs = xreallocarray(qs, (size_t)n + 1, sizeof *qs);
		quest_from_row(st, &qs[n]);
		/* q stays NULL; nq says how many questions there are. */
		qs[n].nq = sqlite3_column_int(st, 5);
		n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		for (rc = 0; rc < n; rc++)
			qs[rc].nq = 0;
		quest_list_free(qs, n);
		return (db_fail(db, err, _("reading the questionnaires")));
	}
	*qsp = qs;
	*np = n;
	return (0);
}

void
quest_list_free(struct questionnaire *qs, int n)
{
	int	i;

	for (i = 0; i < n; i++) {
		if (qs[i].q == NULL)
			qs[i].nq = 0;
		quest_free(&qs[i]);
	}
	free(qs);
}

int
quest_get(struct db *db, const char *code_or_id, struct questionnaire *q,
    struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	quest_init(q);
	if (code_or_id == NULL || *code_or_id == '\0')
		return (nerr_set(err, _("Say which questionnaire.")));
	if ((st = db_prepare(db, "SELECT id, code, title, audience, note "
	    "FROM questionnaire WHERE code = ?1 OR CAST(id AS TEXT) = ?1 "
	    "ORDER BY code = ?1 DESC LIMIT 1", err)) == NULL)
		return (-1);
	sqlite3_bind_text(st, 1, code_or_id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		quest_from_row(st, q);
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return (nerr_set(err, _("There is no questionnaire «%s»; "
		    "'nastavnik questionnaire list' shows them."),
		    code_or_id));
	if (rc != SQLITE_ROW)
		return (db_fail(db, err, _("reading the questionnaire")));
	if ((st = db_prepare(db, "SELECT id, text, type, choices FROM "
	    "question WHERE questionnaire_id = ? ORDER BY pos, id", err)) ==
	    NULL) {
		quest_free(q);
		return (-1);
	}
	sqlite3_bind_int64(st, 1, q->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		quest_add_question(q, (const char *)sqlite3_column_text(st, 1),
		    quest_type_parse((const char *)sqlite3_column_text(st, 2)),
		    (const char *)sqlite3_column_text(st, 3));
		q->q[q->nq - 1].id = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		quest_free(q);
		return (db_fail(db, err, _("reading the questionnaire")));
	}
	return (0);
}

/* ---- editing ---- */

/* How many answers a question has; -1 on error. */
static int
question_answers(struct db *db, long long id, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 n = -1;

	if ((st = db_prepare(db, "SELECT count(*) FROM answer WHERE "
	    "question_id = ?", err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	else
		db_fail(db, err, _("reading the answers"));
	sqlite3_finalize(st);
	return (n);
}

static int
quest_check(const struct questionnaire *q, struct nerr *err)
{
	int	i;

	if (str_empty(q->title))
		return (nerr_set(err, _("The questionnaire needs a title.")));
	if (q->id == 0 && str_empty(q->code))
		return (nerr_set(err, _("The questionnaire needs a code, "
		    "such as mentee or diag-mentor.")));
	for (i = 0; i < q->nq; i++) {
		if (str_empty(q->q[i].text))
			return (nerr_set(err, _("Question %d has no text."),
			    i + 1));
		if (q->q[i].type < 0 || q->q[i].type >= QT__COUNT)
			return (nerr_set(err, _("Question %d has no type."),
			    i + 1));
		if (q->q[i].type == QT_CHOICE && (q->q[i].choices == NULL ||
		    strchr(q->q[i].choices, '|') == NULL))
			return (nerr_set(err, _("Question %d is a choice: give "
			    "two or more choices separated by |."), i + 1));
	}
	return (0);
}

/* The questions stored and not in q any more: refuse if answered, else delete. */
static int
quest_drop_removed(struct db *db, const struct questionnaire *q,
    struct nerr *err)
{
	sqlite3_stmt	*st;
	long long	*gone = NULL, id;
	int		 i, j, n = 0, rc, keep;

	if ((st = db_prepare(db, "SELECT id, pos FROM question WHERE "
	    "questionnaire_id = ?", err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, q->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		for (keep = 0, j = 0; j < q->nq && !keep; j++)
			keep = q->q[j].id == id;
		if (keep)
			continue;
		gone = xreallocarray(gone, (size_t)n + 1, sizeof *gone);
		gone[n++] = id;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(gone);
		return (db_fail(db, err, _("saving the questionnaire")));
	}
	for (i = 0; i < n; i++) {
		if ((rc = question_answers(db, gone[i], err)) != 0) {
			if (rc > 0)
				nerr_set(err, _("A question of «%s» that "
				    "already has answers cannot be removed; "
				    "change its wording instead."), q->title);
			free(gone);
			return (-1);
		}
		if (db_delete_id(db, "DELETE FROM question WHERE id = ?",
		    gone[i], _("removing a question"), err) < 0) {
			free(gone);
			return (-1);
		}
	}
	free(gone);
	return (0);
}

static int
quest_save_question(struct db *db, const struct questionnaire *q, int i,
    struct nerr *err)
{
	struct question	*x = &q->q[i];
	sqlite3_stmt	*st;
	int		 rc;

	if (x->id != 0) {
		if ((st = db_prepare(db, "SELECT type FROM question WHERE "
		    "id = ? AND questionnaire_id = ?", err)) == NULL)
			return (-1);
		sqlite3_bind_int64(st, 1, x->id);
		sqlite3_bind_int64(st, 2, q->id);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW && strcmp((const char *)
		    sqlite3_column_text(st, 0), quest_type_code(x->type)) != 0 &&
		    question_answers(db, x->id, err) != 0) {
			sqlite3_finalize(st);
			return (nerr_set(err, _("Question %d already has "
			    "answers: its type cannot change."), i + 1));
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_ROW)
			return (nerr_set(err, _("Question %d is not in this "
			    "questionnaire any more; open it again."), i + 1));
		st = db_prepare(db, "UPDATE question SET pos = ?, text = ?, "
		    "type = ?, choices = ? WHERE id = ?", err);
	} else
		st = db_prepare(db, "INSERT INTO question (pos, text, type, "
		    "choices, questionnaire_id) VALUES (?, ?, ?, ?, ?)", err);
	if (st == NULL)
		return (-1);
	sqlite3_bind_int(st, 1, i + 1);
	sqlite3_bind_text(st, 2, x->text, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, quest_type_code(x->type), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, x->type == QT_CHOICE ? x->choices : NULL, -1,
	    SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, x->id != 0 ? x->id : q->id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return (db_fail(db, err, _("saving the questionnaire")));
	if (x->id == 0)
		x->id = sqlite3_last_insert_rowid(db->h);
	return (0);
}

int
quest_save(struct db *db, struct questionnaire *q, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 i, rc;

	if (quest_check(q, err) != 0)
		return (-1);
	if (db_begin(db, err) != 0)
		return (-1);
	if (q->id == 0) {
		struct questionnaire	 tmp = *q;

		/* Insert the header only; the questions go below. */
		tmp.nq = 0;
		if (quest_insert(db, &tmp, err) != 0)
			goto fail;
		q->id = sqlite3_last_insert_rowid(db->h);
		/* quest_insert's audit row moved last_insert_rowid. */
		if ((st = db_prepare(db, "SELECT id FROM questionnaire WHERE "
		    "code = ?", err)) == NULL)
			goto fail;
		sqlite3_bind_text(st, 1, q->code, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			q->id = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	} else {
		if ((st = db_prepare(db, "UPDATE questionnaire SET title = ?, "
		    "note = ? WHERE id = ?", err)) == NULL)
			goto fail;
		sqlite3_bind_text(st, 1, q->title, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, q->note, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, q->id);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE) {
			db_fail(db, err, _("saving the questionnaire"));
			goto fail;
		}
		if (sqlite3_changes(db->h) == 0) {
			nerr_set(err, _("The questionnaire «%s» was deleted "
			    "meanwhile."), q->title);
			goto fail;
		}
		if (quest_drop_removed(db, q, err) != 0)
			goto fail;
		if (db_audit(db, "edit", "questionnaire", q->id, err) != 0)
			goto fail;
	}
	for (i = 0; i < q->nq; i++)
		if (quest_save_question(db, q, i, err) != 0)
			goto fail;
	return (db_commit(db, err));
fail:
	db_rollback(db);
	return (-1);
}
