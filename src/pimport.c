/* pimport.c: class lists and staff lists from Excel or school systems (CSV), in one transaction. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "date.h"
#include "db.h"
#include "person.h"
#include "pimport.h"
#include "pimport-int.h"
#include "text.h"
#include "util.h"

/* Bad rows listed one by one; past this the report says how many more. */
#define PIMPORT_REPORT_MAX	1000
/* Title lines ("Список 7А класса") looked through for the header. */
#define PIMPORT_HEADER_MAX	10

enum pcol {
	PC_NUM, PC_ID, PC_FIO, PC_LAST, PC_FIRST, PC_PATR, PC_BIRTH,
	PC_CATEGORY, PC_CLASS, PC_PHONE, PC_EMAIL, PC_ORG, PC_POSITION,
	PC_MENTOR, PC_MENTEE, PC_NOTE, PC__COUNT
};

/*
 * Header names, compared folded (csv_map_header): what schools and their
 * systems write, the English keys of "list people", and what export_table
 * writes (its msgids and their Russian translations), so an export comes
 * back in.
 */
static const char *const n_num[] = { "№", "N", "No", "Nr", "Номер",
    "п/п", NULL };
static const char *const n_id[] = { "id", NULL };
static const char *const n_fio[] = { "ФИО", "Ф.И.О", "Ф. И. О",
    "Фамилия, имя, отчество", "Фамилия Имя Отчество", "Фамилия и имя",
    "ФИО обучающегося", "ФИО ученика", "ФИО участника", "Full name",
    "Name", NULL };
static const char *const n_last[] = { "Фамилия", "last", "Last name",
    "Surname", NULL };
static const char *const n_first[] = { "Имя", "first", "First name", NULL };
static const char *const n_patr[] = { "Отчество", "patronymic",
    "Middle name", NULL };
static const char *const n_birth[] = { "Дата рождения", "Дата рожд",
    "Д.р", "Д/р", "birth", "Birth date", "Date of birth", "Birthday",
    NULL };
static const char *const n_category[] = { "Категория", "category",
    "Категория участника", NULL };
static const char *const n_class[] = { "Класс", "class", NULL };
static const char *const n_phone[] = { "Телефон", "Тел", "phone",
    "Контактный телефон", "Мобильный телефон", NULL };
static const char *const n_email[] = { "E-mail", "Email", "e-mail",
    "Почта", "Электронная почта", "Эл. почта", "Эл почта",
    "Адрес электронной почты", NULL };
static const char *const n_org[] = { "Организация", "organisation",
    "organization", "Место работы", NULL };
static const char *const n_position[] = { "Должность", "position", NULL };
static const char *const n_mentor[] = { "Наставник", "mentor", NULL };
static const char *const n_mentee[] = { "Наставляемый", "mentee", NULL };
static const char *const n_note[] = { "Примечание", "note",
    "Комментарий", NULL };

static const struct csv_col pimport_cols[PC__COUNT] = {
	{ "num", n_num }, { "id", n_id }, { "fio", n_fio },
	{ "last", n_last }, { "first", n_first }, { "patronymic", n_patr },
	{ "birth", n_birth }, { "category", n_category },
	{ "class", n_class }, { "phone", n_phone }, { "email", n_email },
	{ "organisation", n_org }, { "position", n_position },
	{ "mentor", n_mentor }, { "mentee", n_mentee }, { "note", n_note },
};

/* The text fields a row may give, and where they go in a person. */
static const struct {
	int	 col;
	size_t	 off;
} pimport_strs[] = {
	{ PC_LAST, offsetof(struct person, last) },
	{ PC_FIRST, offsetof(struct person, first) },
	{ PC_PATR, offsetof(struct person, patronymic) },
	{ PC_BIRTH, offsetof(struct person, birth) },
	{ PC_CLASS, offsetof(struct person, class_) },
	{ PC_PHONE, offsetof(struct person, phone) },
	{ PC_EMAIL, offsetof(struct person, email) },
	{ PC_ORG, offsetof(struct person, organisation) },
	{ PC_POSITION, offsetof(struct person, position) },
	{ PC_NOTE, offsetof(struct person, note) },
};
#define PSTR(p, i) ((char **)(void *)((char *)(p) + pimport_strs[i].off))
#define PIMPORT_NSTRS	10	/* nitems(pimport_strs), for the find query */
_Static_assert(nitems(pimport_strs) == PIMPORT_NSTRS,
    "pimport_find selects the columns of pimport_strs");

struct pimport {
	const char			*path;
	const struct pimport_opts	*o;
	struct pimport_result		*r;
	struct csvin			*in;
	int				 idx[PC__COUNT];
	int				 assume_pupil;
	struct db			*db;		/* NULL: preview */
	int				 lookup;	/* people were there before */
	int				 writing;	/* in a transaction, saving */
	sqlite3_stmt			*find;
	struct person_batch		*batch;
	struct pimport_seen		 seen;
	int				 listed;	/* bad rows in the report */
	struct pimport_indexes		 indexes;	/* dropped, made again */
};

void
pimport_opts_init(struct pimport_opts *o)
{
	memset(o, 0, sizeof *o);
	o->encoding = CSV_ENC_AUTO;
	o->category = -1;
}

void
pimport_result_free(struct pimport_result *r)
{
	sbuf_free(&r->report);
	memset(r, 0, sizeof *r);
}

static void
pimport_result_init(struct pimport_result *r)
{
	memset(r, 0, sizeof *r);
	sbuf_init(&r->report);
	sbuf_add(&r->report, "");
}

/* ---- the report ---- */

static void
pimport_bad(struct pimport *pi, long line, const char *msg)
{
	pi->r->bad++;
	if (pi->listed++ >= PIMPORT_REPORT_MAX)
		return;
	sbuf_addf(&pi->r->report, _("line %ld: %s"), line, msg);
	sbuf_addc(&pi->r->report, '\n');
}

static void
pimport_report_end(struct pimport *pi)
{
	int	more = pi->listed - PIMPORT_REPORT_MAX;

	if (more > 0) {
		sbuf_addf(&pi->r->report, ngettext("... and %d more bad row.",
		    "... and %d more bad rows.", (unsigned long)more), more);
		sbuf_addc(&pi->r->report, '\n');
	}
}

/* ---- reading a row ---- */

static const char *
pimport_cell(const struct pimport *pi, const struct csv_row *row, int col)
{
	int	i = pi->idx[col];

	if (i < 0 || i >= row->n || row->f[i][0] == '\0')
		return (NULL);
	return (row->f[i]);
}

/*
 * A cell as stored: a line break or a tab inside an Excel cell becomes a
 * space, since names, contacts and notes are kept on one line.
 */
static char *
pimport_dup(const char *s)
{
	char	*d, *p;

	d = xstrdup(s);
	for (p = d; *p != '\0'; p++)
		if (*p == '\n' || *p == '\r' || *p == '\t')
			*p = ' ';
	return (d);
}

/* да/нет as people write them; -1 if it is neither. */
static int
pimport_yesno(const char *s)
{
	static const char *const yes[] = { "да", "д", "yes", "y", "1", "+",
	    "true", "истина", "x", "х", "v", "✓", "✔" };
	static const char *const no[] = { "нет", "н", "no", "n", "0", "-",
	    "false", "ложь", "—", "–" };
	char	*f;
	size_t	 i;
	int	 v = -1;

	f = text_fold_dup(s);
	for (i = 0; i < nitems(yes) && v == -1; i++)
		if (strcmp(f, yes[i]) == 0)
			v = 1;
	for (i = 0; i < nitems(no) && v == -1; i++)
		if (strcmp(f, no[i]) == 0)
			v = 0;
	if (v == -1 && strcmp(f, _("yes")) == 0)
		v = 1;
	if (v == -1 && strcmp(f, _("no")) == 0)
		v = 0;
	free(f);
	return (v);
}

/*
 * "Иванов Иван Иванович" into its parts: a hyphenated double surname is one
 * word; two words have no patronymic; more than three keep the rest in the
 * patronymic ("Гейдар оглы").
 */
static void
pimport_split_fio(const char *fio, struct person *p)
{
	struct sbuf	 rest;
	char		*copy, *w, *save = NULL;
	int		 n = 0;

	copy = xstrdup(fio);
	sbuf_init(&rest);
	for (w = strtok_r(copy, " \t\n", &save); w != NULL;
	    w = strtok_r(NULL, " \t\n", &save), n++) {
		if (n == 0)
			p->last = xstrdup(w);
		else if (n == 1)
			p->first = xstrdup(w);
		else {
			if (rest.len > 0)
				sbuf_addc(&rest, ' ');
			sbuf_add(&rest, w);
		}
	}
	if (rest.len > 0)
		p->patronymic = sbuf_take(&rest);
	else
		sbuf_free(&rest);
	free(copy);
}

/* Excel writes a date cell as "05.03.2012 0:00" or "2012-03-05 00:00:00". */
static int
pimport_date(const char *s, char *iso, struct nerr *err)
{
	char	*copy, *sp;
	int	 rc;

	copy = xstrdup(s);
	if ((sp = strchr(copy, ' ')) != NULL &&
	    strspn(sp + 1, "0123456789:") == strlen(sp + 1) &&
	    strchr(sp + 1, ':') != NULL)
		*sp = '\0';
	rc = date_parse(copy, iso, _("Birth date"), err);
	free(copy);
	return (rc);
}

static void
pimport_bad_category(const char *s, struct nerr *err)
{
	struct sbuf	b;
	int		c;

	sbuf_init(&b);
	for (c = 0; c < CAT__COUNT; c++)
		sbuf_addf(&b, "%s%s", c > 0 ? ", " : "",
		    person_category_label(c));
	nerr_set(err, _("The field \"%s\": \"%s\" is not a category; write "
	    "one of: %s."), _("Category"), s, b.s);
	sbuf_free(&b);
}

/*
 * A row as a person.  *given gets a bit (1 << PC_x) for every field the row
 * gave, so that a person already in the database is updated with those
 * only.  The category and class the caller chose for the whole file count
 * as given; the category assumed from a class column does not.
 */
static int
pimport_parse(const struct pimport *pi, const struct csv_row *row,
    struct person *p, unsigned *given, struct nerr *err)
{
	const char	*s;
	char		 iso[DATE_ISO_LEN], *cls;
	size_t		 i;
	int		 v, col;

	person_init(p);
	*given = 0;
	for (i = 0; i < nitems(pimport_strs); i++) {
		col = pimport_strs[i].col;
		if (col == PC_BIRTH || (s = pimport_cell(pi, row, col)) == NULL)
			continue;
		*PSTR(p, i) = pimport_dup(s);
		*given |= 1u << col;
	}
	if (p->last == NULL && p->first == NULL &&
	    (s = pimport_cell(pi, row, PC_FIO)) != NULL) {
		pimport_split_fio(s, p);
		*given |= 1u << PC_LAST | 1u << PC_FIRST | 1u << PC_PATR;
	}
	if ((s = pimport_cell(pi, row, PC_BIRTH)) != NULL) {
		if (pimport_date(s, iso, err) == -1)
			return (-1);
		p->birth = xstrdup(iso);
		*given |= 1u << PC_BIRTH;
	}
	if ((s = pimport_cell(pi, row, PC_CATEGORY)) != NULL) {
		if ((p->category = person_category_parse(s)) == -1) {
			pimport_bad_category(s, err);
			return (-1);
		}
		*given |= 1u << PC_CATEGORY;
	} else if (pi->o->category >= 0 && pi->o->category < CAT__COUNT) {
		p->category = pi->o->category;
		*given |= 1u << PC_CATEGORY;
	} else if (pi->assume_pupil || p->class_ != NULL)
		p->category = CAT_PUPIL;
	else
		return (nerr_set(err, _("The field \"%s\" is empty; fill it "
		    "in or choose a category for the whole file."),
		    _("Category")));
	if (p->class_ == NULL && p->category == CAT_PUPIL &&
	    !str_empty(pi->o->class_)) {
		p->class_ = xstrdup(pi->o->class_);
		*given |= 1u << PC_CLASS;
	}
	if (p->class_ != NULL &&
	    (cls = person_class_normalise(p->class_)) != NULL) {
		free(p->class_);
		p->class_ = cls;
	}
	for (col = PC_MENTOR; col <= PC_MENTEE; col++) {
		if ((s = pimport_cell(pi, row, col)) == NULL)
			continue;
		if ((v = pimport_yesno(s)) == -1)
			return (nerr_set(err, _("The field \"%s\": \"%s\" is "
			    "neither yes nor no; write %s or %s."),
			    col == PC_MENTOR ? _("Mentor") : _("Mentee"), s,
			    _("yes"), _("no")));
		if (col == PC_MENTOR)
			p->is_mentor = v;
		else
			p->is_mentee = v;
		*given |= 1u << col;
	}
	return (0);
}

/* ---- opening the file and finding the header ---- */

static int
pimport_open(struct pimport *pi, struct nerr *err)
{
	struct csv_row	 row;
	struct nerr	 e;
	char		*ign;
	int		 rc, tries;

	if (csvin_open(&pi->in, pi->path, pi->o->encoding, pi->o->delimiter,
	    err) == -1)
		return (-1);
	pi->r->encoding = csvin_encoding(pi->in);
	pi->r->delimiter = csvin_delimiter(pi->in);
	for (tries = 0; tries < PIMPORT_HEADER_MAX; tries++) {
		if ((rc = csvin_next(pi->in, &row, err)) == -1)
			return (-1);
		if (rc == 0)
			break;
		if (csv_map_header(&row, pimport_cols, PC__COUNT, pi->idx,
		    &e) == -1)
			return (nerr_set(err, _("%s, line %ld: %s"), pi->path,
			    row.line, e.msg));
		if (pi->idx[PC_FIO] >= 0 || pi->idx[PC_LAST] >= 0)
			break;
	}
	if (tries == PIMPORT_HEADER_MAX || rc == 0)
		return (nerr_set(err, _("%s: no line naming the columns was "
		    "found; the first line should be a header such as "
		    "\"Фамилия;Имя;Отчество;Дата рождения;Класс\" or "
		    "\"ФИО;Дата рождения;Класс\"."), pi->path));
	if (pi->idx[PC_FIO] < 0 && pi->idx[PC_FIRST] < 0)
		return (nerr_set(err, _("%s, line %ld: there is a column "
		    "\"%s\" but none for the first name; add a column "
		    "\"Имя\" or put the whole name in one column \"ФИО\"."),
		    pi->path, row.line, row.f[pi->idx[PC_LAST]]));
	if (pi->idx[PC_CATEGORY] < 0 && pi->o->category < 0) {
		if (pi->idx[PC_CLASS] < 0)
			return (nerr_set(err, _("%s has neither a column "
			    "\"Категория\" nor \"Класс\": say who these people "
			    "are (such as --category teacher)."), pi->path));
		pi->assume_pupil = 1;
	}
	if (row.line > 1)
		sbuf_addf(&pi->r->report, _("Lines before the header (line "
		    "%ld) were skipped.\n"), row.line);
	if ((ign = csv_header_ignored(&row, pi->idx, PC__COUNT)) != NULL) {
		sbuf_addf(&pi->r->report, _("Columns ignored: %s.\n"), ign);
		free(ign);
	}
	return (0);
}

static void
pimport_close(struct pimport *pi)
{
	csvin_close(pi->in);
	sqlite3_finalize(pi->find);
	person_batch_free(pi->batch);
	pimport_seen_free(&pi->seen);
	pimport_indexes_free(&pi->indexes);
}

/* ---- matching people already in the database ---- */

static int
pimport_str_differs(const char *a, const char *b)
{
	return (strcmp(str_or(a, ""), str_or(b, "")) != 0);
}

/*
 * Does the stored row the find statement is on already hold everything the
 * file gave?  Then a re-imported class list costs no read of the whole
 * record.  Its columns are pimport_strs' in order, then the category and
 * the two flags.
 */
static int
pimport_same(sqlite3_stmt *st, const struct person *p, unsigned given)
{
	const char	*code;
	size_t		 i;
	int		 col;

	for (i = 0; i < nitems(pimport_strs); i++) {
		col = pimport_strs[i].col;
		if (col == PC_LAST || col == PC_FIRST || col == PC_PATR ||
		    (given & (1u << col)) == 0)
			continue;
		if (pimport_str_differs(*PSTR(p, i), (const char *)
		    sqlite3_column_text(st, (int)i + 1)))
			return (0);
	}
	code = (const char *)sqlite3_column_text(st, PIMPORT_NSTRS + 1);
	if ((given & 1u << PC_CATEGORY) &&
	    strcmp(str_or(code, ""), person_category_code(p->category)) != 0)
		return (0);
	if ((given & 1u << PC_MENTOR) &&
	    sqlite3_column_int(st, PIMPORT_NSTRS + 2) != p->is_mentor)
		return (0);
	if ((given & 1u << PC_MENTEE) &&
	    sqlite3_column_int(st, PIMPORT_NSTRS + 3) != p->is_mentee)
		return (0);
	return (1);
}

/*
 * The id of a person with this name key and birth date (0 if none, -1 on
 * error); *same says whether the row holds what the file gave already.
 */
static long long
pimport_find(struct pimport *pi, const struct person *p, unsigned given,
    const char *key, size_t klen, int *same, struct nerr *err)
{
	char		*lo, *hi;
	long long	 id = 0;
	int		 rc;

	*same = 0;
	if (pi->find == NULL && (pi->find = db_prepare(pi->db, "SELECT id, "
	    "last, first, patronymic, birth, class, phone, email, "
	    "organisation, position, note, category, is_mentor, is_mentee "
	    "FROM person WHERE sort_key >= ?1 AND sort_key < ?2 AND "
	    "birth IS ?3 AND anonymised = 0 ORDER BY id LIMIT 1",
	    err)) == NULL)
		return (-1);
	/* Every stored key of this name is the name, 0x01, the rest. */
	lo = xmalloc(klen + 2);
	memcpy(lo, key, klen);
	lo[klen] = '\001';
	lo[klen + 1] = '\0';
	hi = xstrdup(lo);
	hi[klen] = '\002';
	sqlite3_bind_text(pi->find, 1, lo, (int)klen + 1, free);
	sqlite3_bind_text(pi->find, 2, hi, (int)klen + 1, free);
	if (p->birth != NULL)
		sqlite3_bind_text(pi->find, 3, p->birth, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(pi->find, 3);
	rc = sqlite3_step(pi->find);
	if (rc == SQLITE_ROW) {
		id = sqlite3_column_int64(pi->find, 0);
		*same = pimport_same(pi->find, p, given);
	} else if (rc != SQLITE_DONE)
		id = db_fail(pi->db, err, _("looking for the participant"));
	sqlite3_reset(pi->find);
	sqlite3_clear_bindings(pi->find);
	return (id);
}

/*
 * Put what the row gave over the stored person; 1 if anything changed.  The
 * name stays as stored: it matched folded, and "ЕЛКИН ПЕТР" typed in a hurry
 * must not undo a careful "Ёлкин Пётр".
 */
static int
pimport_merge(struct person *old, struct person *p, unsigned given)
{
	char	**from, **to;
	size_t	  i;
	int	  changed = 0;

	given &= ~(1u << PC_LAST | 1u << PC_FIRST | 1u << PC_PATR);
	for (i = 0; i < nitems(pimport_strs); i++) {
		if ((given & (1u << pimport_strs[i].col)) == 0)
			continue;
		from = PSTR(p, i);
		to = PSTR(old, i);
		if (!pimport_str_differs(*from, *to))
			continue;
		free(*to);
		*to = *from;
		*from = NULL;
		changed = 1;
	}
	if ((given & 1u << PC_CATEGORY) && old->category != p->category) {
		old->category = p->category;
		changed = 1;
	}
	if ((given & 1u << PC_MENTOR) && old->is_mentor != p->is_mentor) {
		old->is_mentor = p->is_mentor;
		changed = 1;
	}
	if ((given & 1u << PC_MENTEE) && old->is_mentee != p->is_mentee) {
		old->is_mentee = p->is_mentee;
		changed = 1;
	}
	return (changed);
}

/* ---- one row ---- */

/*
 * Check a row and, when writing, save it.  Returns 0 (the row counted as
 * added, updated, unchanged or bad) or -1 when the database failed.
 */
static int
pimport_one(struct pimport *pi, const struct csv_row *row, struct nerr *err)
{
	struct person	 p, old;
	struct nerr	 e;
	unsigned	 given;
	char		*key, *name, shown[DATE_ISO_LEN];
	size_t		 klen;
	long long	 id = 0;
	long		 first;
	int		 changed = 0, same = 0, rc = -1;

	person_init(&old);
	if (pimport_parse(pi, row, &p, &given, &e) == -1 ||
	    person_validate(&p, &e) == -1) {
		pimport_bad(pi, row->line, e.msg);
		person_free(&p);
		return (0);
	}
	key = pimport_name_key(&p, &klen);
	if (pi->lookup && (id = pimport_find(pi, &p, given, key, klen, &same,
	    err)) == -1)
		goto out;
	if (id > 0 && !same) {
		if (person_get(pi->db, id, &old, err) == -1)
			goto out;
		changed = pimport_merge(&old, &p, given);
		if (old.is_mentee && old.entered == NULL)
			old.entered = xstrdup(date_today());
		if (changed && person_validate(&old, &e) == -1) {
			pimport_bad(pi, row->line, e.msg);
			rc = 0;
			goto out;
		}
	}
	/* Only now, so that a bad row does not hide a good one after it. */
	if ((first = pimport_seen_add(&pi->seen, pimport_hash(key, klen) ^
	    pimport_hash(str_or(p.birth, ""), strlen(str_or(p.birth, ""))),
	    row->line)) != 0) {
		name = person_short_name(p.last, p.first, p.patronymic);
		date_show(p.birth, shown);
		nerr_set(&e, _("%s%s%s is already on line %ld; delete one of "
		    "the two rows."), name, p.birth != NULL ? ", " : "",
		    shown, first);
		pimport_bad(pi, row->line, e.msg);
		free(name);
		rc = 0;
		goto out;
	}
	if (id == 0) {
		if (p.is_mentee && p.entered == NULL)
			p.entered = xstrdup(date_today());
		if (pi->writing && person_batch_insert(pi->batch, &p,
		    err) == -1)
			goto out;
		pi->r->added++;
	} else if (changed) {
		if (pi->writing && person_batch_update(pi->batch, &old,
		    err) == -1)
			goto out;
		pi->r->updated++;
	} else
		pi->r->unchanged++;
	rc = 0;
out:
	free(key);
	person_free(&p);
	person_free(&old);
	return (rc);
}

/* ---- the whole file ---- */

static int
pimport_anyone(struct db *db, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 n;

	if ((st = db_prepare(db, "SELECT EXISTS (SELECT 1 FROM person)",
	    err)) == NULL)
		return (-1);
	n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) :
	    db_fail(db, err, _("reading the participants"));
	sqlite3_finalize(st);
	return (n);
}

/* The first bad row ends the writing: nothing will be saved anyway. */
static void
pimport_stop_writing(struct pimport *pi)
{
	if (!pi->writing)
		return;
	person_batch_free(pi->batch);
	pi->batch = NULL;
	db_rollback(pi->db);
	pi->writing = 0;
}

int
pimport_people(struct db *db, const char *path,
    const struct pimport_opts *o, struct pimport_result *r, struct nerr *err)
{
	struct pimport	 pi;
	struct csv_row	 row;
	struct nerr	 e;
	int		 rc;

	pimport_result_init(r);
	memset(&pi, 0, sizeof pi);
	pi.path = path;
	pi.o = o;
	pi.r = r;
	pi.db = db;
	if (pimport_open(&pi, err) == -1)
		goto fail;
	if (!o->dry_run) {
		if (db->readonly) {
			nerr_set(err, _("Cannot import into %s: the database "
			    "is open read-only."), db->path);
			goto fail;
		}
		if (pimport_big(path))
			pimport_temp_file(db, &pi.indexes);
		if (db_begin(db, err) == -1)
			goto fail;
		pi.writing = 1;
		pi.batch = person_batch_new(db);
	}
	if ((pi.lookup = pimport_anyone(db, err)) == -1)
		goto fail;
	if (pi.writing && !pi.lookup && pimport_big(path) &&
	    pimport_drop_indexes(db, &pi.indexes, err) == -1)
		goto fail;
	while ((rc = csvin_next(pi.in, &row, err)) == 1) {
		r->rows++;
		if (pimport_one(&pi, &row, err) == -1)
			goto fail;
		if (r->bad > 0 && !o->skip_bad)
			pimport_stop_writing(&pi);
	}
	if (rc == -1)
		goto fail;
	pimport_report_end(&pi);
	if (r->bad > 0 && !o->skip_bad) {
		nerr_set(err, ngettext("%s: %d row is wrong, so nothing was "
		    "imported; correct it and import again, or skip the bad "
		    "rows.", "%s: %d rows are wrong, so nothing was imported; "
		    "correct them and import again, or skip the bad rows.",
		    (unsigned long)r->bad), path, r->bad);
		goto fail;
	}
	person_batch_free(pi.batch);
	pi.batch = NULL;
	if (pi.writing) {
		if (pimport_make_indexes(db, &pi.indexes, err) == -1)
			goto fail;
		if (r->added + r->updated > 0 && db_audit(db, "person.import",
		    "person", 0, err) == -1)
			goto fail;
		if (db_commit(db, err) == -1)
			goto fail;
		pi.writing = 0;
	}
	pimport_restore(db, &pi.indexes, &e);
	pimport_close(&pi);
	return (0);
fail:
	pimport_stop_writing(&pi);
	pimport_restore(db, &pi.indexes, &e);
	pimport_close(&pi);
	return (-1);
}

int
pimport_preview(const char *path, const struct pimport_opts *o,
    struct person *ps, int max, int *n, struct pimport_result *r,
    struct nerr *err)
{
	struct pimport	 pi;
	struct csv_row	 row;
	struct nerr	 e;
	unsigned	 given;
	int		 rc = 0;

	*n = 0;
	pimport_result_init(r);
	memset(&pi, 0, sizeof pi);
	pi.path = path;
	pi.o = o;
	pi.r = r;
	if (pimport_open(&pi, err) == -1) {
		pimport_close(&pi);
		return (-1);
	}
	while (*n < max && (rc = csvin_next(pi.in, &row, err)) == 1) {
		r->rows++;
		if (pimport_parse(&pi, &row, &ps[*n], &given, &e) == -1 ||
		    person_validate(&ps[*n], &e) == -1)
			pimport_bad(&pi, row.line, e.msg);
		(*n)++;
	}
	pimport_report_end(&pi);
	pimport_close(&pi);
	if (rc == -1) {
		while (*n > 0)
			person_free(&ps[--(*n)]);
		return (-1);
	}
	return (0);
}
