/* person.c: participants: categories, validation, legal representatives. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "person.h"
#include "text.h"
#include "util.h"

/* Limits in characters (code points), not bytes. */
#define NAME_MAX_CHARS	100
#define SHORT_MAX_CHARS	200
#define LONG_MAX_CHARS	2000

static const char *category_codes[CAT__COUNT] = {
	"pupil", "teacher", "young-specialist", "parent", "graduate",
	"partner", "student"
};
static const char *category_labels[CAT__COUNT] = {
	N_("pupil"), N_("teacher"), N_("young specialist"), N_("parent"),
	N_("graduate"), N_("partner representative"), N_("student teacher")
};

/*
 * What people type for a category, besides the code and the English label:
 * the Russian label and the short forms a curator uses.  Compared folded, so
 * case and ё/е do not matter.
 */
static const struct {
	int		 cat;
	const char	*word;
} category_words[] = {
	{ CAT_PUPIL, "обучающийся" }, { CAT_PUPIL, "обучающаяся" },
	{ CAT_PUPIL, "ученик" }, { CAT_PUPIL, "ученица" },
	{ CAT_PUPIL, "учащийся" }, { CAT_PUPIL, "учащаяся" },
	{ CAT_PUPIL, "школьник" }, { CAT_PUPIL, "школьница" },
	{ CAT_TEACHER, "педагог" }, { CAT_TEACHER, "учитель" },
	{ CAT_TEACHER, "учительница" }, { CAT_TEACHER, "преподаватель" },
	{ CAT_YOUNG, "young-specialist" }, { CAT_YOUNG, "молодой специалист" },
	{ CAT_YOUNG, "молодой педагог" }, { CAT_YOUNG, "молодой учитель" },
	{ CAT_PARENT, "родитель" }, { CAT_PARENT, "мать" },
	{ CAT_PARENT, "отец" },
	{ CAT_GRADUATE, "выпускник" }, { CAT_GRADUATE, "выпускница" },
	{ CAT_PARTNER, "представитель партнёра" }, { CAT_PARTNER, "партнёр" },
	{ CAT_PARTNER, "employer" }, { CAT_PARTNER, "работодатель" },
	{ CAT_PARTNER, "представитель работодателя" },
	{ CAT_STUDENT, "student" }, { CAT_STUDENT, "студент" },
	{ CAT_STUDENT, "студентка" }, { CAT_STUDENT, "студент педвуза" },
	{ CAT_STUDENT, "студент колледжа" },
	{ CAT_STUDENT, "студент педколледжа" },
};

static const char *status_codes[MST__COUNT] = {
	"candidate", "approved", "active", "finished"
};
static const char *status_labels[MST__COUNT] = {
	N_("candidate"), N_("in the registry (approved by order)"),
	N_("active mentor"), N_("finished mentoring")
};
static const struct {
	int		 st;
	const char	*word;
} status_words[] = {
	{ MST_CANDIDATE, "кандидат" },
	{ MST_APPROVED, "в реестре (утверждён приказом)" },
	{ MST_APPROVED, "в реестре" }, { MST_APPROVED, "утверждён" },
	{ MST_APPROVED, "утвержден приказом" },
	{ MST_ACTIVE, "действующий" }, { MST_ACTIVE, "активный" },
	{ MST_FINISHED, "завершил" }, { MST_FINISHED, "завершён" },
	{ MST_FINISHED, "завершила" },
};

const char *
person_category_code(int c)
{
	if (c < 0 || c >= CAT__COUNT)
		return ("");
	return (category_codes[c]);
}

const char *
person_category_label(int c)
{
	if (c < 0 || c >= CAT__COUNT)
		return ("");
	return (_(category_labels[c]));
}

/* Do two strings fold to the same text (any case, ё = е, spaces trimmed)? */
static int
folded_equal(const char *folded, const char *word)
{
	char	*w;
	int	 same;

	w = text_fold_dup(word);
	same = strcmp(folded, w) == 0;
	free(w);
	return (same);
}

/* The user's word folded and trimmed; NULL if empty. */
static char *
fold_input(const char *s)
{
	char	*copy, *f;

	if (str_empty(s))
		return (NULL);
	copy = xstrdup(s);
	f = text_fold_dup(str_trim(copy));
	free(copy);
	return (f);
}

int
person_category_parse(const char *s)
{
	char	*f;
	size_t	 i;
	int	 c, found = -1;

	/* The stored code first: lists parse one for every row. */
	for (c = 0; s != NULL && c < CAT__COUNT; c++) {
		if (strcmp(s, category_codes[c]) == 0)
			return (c);
	}
	if ((f = fold_input(s)) == NULL)
		return (-1);
	for (c = 0; c < CAT__COUNT && found == -1; c++) {
		if (folded_equal(f, category_codes[c]) ||
		    folded_equal(f, category_labels[c]) ||
		    folded_equal(f, _(category_labels[c])))
			found = c;
	}
	for (i = 0; i < nitems(category_words) && found == -1; i++) {
		if (folded_equal(f, category_words[i].word))
			found = category_words[i].cat;
	}
	free(f);
	return (found);
}

const char *
mentor_status_code(int s)
{
	if (s < 0 || s >= MST__COUNT)
		return ("");
	return (status_codes[s]);
}

const char *
mentor_status_label(int s)
{
	if (s < 0 || s >= MST__COUNT)
		return ("");
	return (_(status_labels[s]));
}

int
mentor_status_parse(const char *s)
{
	char	*f;
	size_t	 i;
	int	 c, found = -1;

	if ((f = fold_input(s)) == NULL)
		return (-1);
	for (c = 0; c < MST__COUNT && found == -1; c++) {
		if (folded_equal(f, status_codes[c]) ||
		    folded_equal(f, status_labels[c]) ||
		    folded_equal(f, _(status_labels[c])))
			found = c;
	}
	for (i = 0; i < nitems(status_words) && found == -1; i++) {
		if (folded_equal(f, status_words[i].word))
			found = status_words[i].st;
	}
	free(f);
	return (found);
}

void
person_init(struct person *p)
{
	memset(p, 0, sizeof *p);
	p->category = CAT_PUPIL;
	p->mentor_status = MST_CANDIDATE;
}

void
person_free(struct person *p)
{
	char	**strs[] = {
		&p->last, &p->first, &p->patronymic, &p->birth, &p->class_,
		&p->organisation, &p->position, &p->phone, &p->email, &p->note,
		&p->request, &p->entered, &p->result, &p->case_ref,
		&p->competencies, &p->achievements, &p->interests,
		&p->approved_order, &p->crim_date, &p->crim_ref, &p->med_date,
		&p->med_ref
	};
	size_t	 i;

	for (i = 0; i < nitems(strs); i++)
		xfree_ptr(strs[i]);
	person_init(p);
}

/* ---- validation ---- */

/*
 * Classes: a number 1-11 and one capital Cyrillic letter А-Я, typed with or
 * without a space or hyphen and in any case.
 */
char *
person_class_normalise(const char *s)
{
	const char	*p = s;
	uint32_t	 cp;
	size_t		 n;
	int		 num = 0, digits = 0;
	char		 letter[5];
	char		*out;

	if (s == NULL)
		return (NULL);
	while (*p == ' ' || *p == '\t')
		p++;
	while (*p >= '0' && *p <= '9' && digits < 3) {
		num = num * 10 + (*p++ - '0');
		digits++;
	}
	if (digits == 0 || digits > 2 || num < 1 || num > 11)
		return (NULL);
	/* A small school has one class a year: "7" with no letter. */
	if (p[strspn(p, " \t")] == '\0') {
		xasprintf(&out, "%d", num);
		return (out);
	}
	if (*p == ' ' || *p == '-')
		p++;
	if (*p == '\0')
		return (NULL);
	n = utf8_decode(p, strlen(p), &cp);
	p += n;
	cp = text_upper(cp);
	if (cp < 0x0410 || cp > 0x042F)
		return (NULL);
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p != '\0')
		return (NULL);
	letter[utf8_encode(cp, letter)] = '\0';
	xasprintf(&out, "%d%s", num, letter);
	return (out);
}

/* Control characters: C0, DEL and C1; also refuses broken UTF-8. */
static int
has_control(const char *s)
{
	const char	*p = s;
	size_t		 left = strlen(s), n;
	uint32_t	 cp;

	if (!utf8_valid(s, left))
		return (1);
	while (left > 0) {
		n = utf8_decode(p, left, &cp);
		if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
			return (1);
		p += n;
		left -= n;
	}
	return (0);
}

/*
 * Text fields: no control characters, not longer than max characters.  The
 * field's name comes untranslated (N_) and is translated only for an error:
 * an import validates every field of 100 000 rows, and a gettext call per
 * field cost more than the check itself.
 */
static int
check_text(const char *s, const char *field, size_t max, struct nerr *err)
{
	if (s == NULL)
		return (0);
	if (has_control(s))
		return (nerr_set(err, _("The field \"%s\" contains a control "
		    "character or broken text; retype it."), _(field)));
	if (utf8_len(s) > max)
		return (nerr_set(err, _("The field \"%s\" is too long: at most "
		    "%zu characters."), _(field), max));
	return (0);
}

/* Names: letters of any alphabet, spaces, hyphens, apostrophes and dots. */
static int
check_name(const char *s, const char *field, int required, struct nerr *err)
{
	const char	*p;
	size_t		 left, n;
	uint32_t	 cp;

	if (str_empty(s)) {
		if (required)
			return (nerr_set(err, _("The field \"%s\" is required: "
			    "fill it in."), _(field)));
		return (0);
	}
	if (check_text(s, field, NAME_MAX_CHARS, err) == -1)
		return (-1);
	for (p = s, left = strlen(s); left > 0; p += n, left -= n) {
		n = utf8_decode(p, left, &cp);
		if (cp == ' ' || cp == '-' || cp == '\'' || cp == '.' ||
		    cp == 0x2019 || cp == 0x2010)
			continue;
		if (text_lower(cp) != text_upper(cp) || cp >= 0x00c0)
			continue;
		return (nerr_set(err, _("The field \"%s\" may contain only "
		    "letters, spaces, hyphens, apostrophes and dots."),
		    _(field)));
	}
	return (0);
}

/* "2024-02-31" shown as the user wrote it, "31.02.2024", for messages. */
static void
iso_as_typed(const char *iso, char *out, size_t len)
{
	if (strlen(iso) == 10 && iso[4] == '-' && iso[7] == '-')
		snprintf(out, len, "%.2s.%.2s.%.4s", iso + 8, iso + 5, iso);
	else
		snprintf(out, len, "%s", iso);
}

/* An ISO date that is real, not before 1900 and (if past) not after today. */
static int
check_date(const char *iso, const char *field, int past, struct nerr *err)
{
	char	 shown[64];
	int	 y, m, d;
	char	 tail;

	if (str_empty(iso))
		return (0);
	iso_as_typed(iso, shown, sizeof shown);
	if (has_control(iso) || strlen(iso) != 10 ||
	    sscanf(iso, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
	    !date_valid(y, m, d))
		return (nerr_set(err, _("The field \"%s\": %s is not a real "
		    "date; write it as DD.MM.YYYY."), _(field), shown));
	if (y < 1900)
		return (nerr_set(err, _("The field \"%s\": %s is before 1900; "
		    "check the year."), _(field), shown));
	if (past && strcmp(iso, date_today()) > 0)
		return (nerr_set(err, _("The field \"%s\": %s is in the "
		    "future; check the date."), _(field), shown));
	return (0);
}

/* Loosely: one @, something before it, a dot after it, no spaces. */
static int
check_email(const char *s, struct nerr *err)
{
	const char	*at, *dot;

	if (str_empty(s))
		return (0);
	if (check_text(s, N_("E-mail"), SHORT_MAX_CHARS, err) == -1)
		return (-1);
	at = strchr(s, '@');
	if (at == NULL || at == s || strchr(at + 1, '@') != NULL ||
	    strpbrk(s, " \t") != NULL ||
	    (dot = strrchr(at + 1, '.')) == NULL || dot == at + 1 ||
	    dot[1] == '\0')
		return (nerr_set(err, _("The field \"%s\": \"%s\" does not "
		    "look like an e-mail address (name@example.ru)."),
		    _("E-mail"), s));
	return (0);
}

/* Loosely: digits, spaces, + - ( ), and 5 to 20 digits. */
static int
check_phone(const char *s, const char *field, struct nerr *err)
{
	const char	*p;
	int		 digits = 0;

	if (str_empty(s))
		return (0);
	if (check_text(s, field, SHORT_MAX_CHARS, err) == -1)
		return (-1);
	for (p = s; *p != '\0'; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (strchr(" +-()", *p) == NULL)
			break;
	}
	if (*p != '\0' || digits < 5 || digits > 20)
		return (nerr_set(err, _("The field \"%s\": \"%s\" does not "
		    "look like a phone number; use digits, spaces, +, - and "
		    "brackets."), _(field), s));
	return (0);
}

static int
check_range(int v, int lo, int hi, const char *field, struct nerr *err)
{
	if (v < lo || v > hi)
		return (nerr_set(err, _("The field \"%s\" must be a number "
		    "from %d to %d."), _(field), lo, hi));
	return (0);
}

static int
validate_mentee(const struct person *p, struct nerr *err)
{
	if (check_text(p->request, N_("Request"), LONG_MAX_CHARS, err) == -1 ||
	    check_date(p->entered, N_("Date entered"), 0, err) == -1 ||
	    check_text(p->result, N_("Result"), LONG_MAX_CHARS, err) == -1 ||
	    check_text(p->case_ref, N_("Case reference"), SHORT_MAX_CHARS,
	    err) == -1)
		return (-1);
	return (0);
}

static int
validate_mentor(const struct person *p, struct nerr *err)
{
	if (check_text(p->competencies, N_("Competencies"), LONG_MAX_CHARS,
	    err) == -1 ||
	    check_text(p->achievements, N_("Achievements"), LONG_MAX_CHARS,
	    err) == -1 ||
	    check_text(p->interests, N_("Interests"), LONG_MAX_CHARS,
	    err) == -1 ||
	    check_range(p->age_min, 0, 99, N_("Mentee age from"), err) == -1 ||
	    check_range(p->age_max, 0, 99, N_("Mentee age to"), err) == -1 ||
	    check_range(p->hours, 0, 200, N_("Hours a month"), err) == -1 ||
	    check_range(p->capacity, 0, 30, N_("Mentees at most"), err) == -1)
		return (-1);
	if (p->age_min > 0 && p->age_max > 0 && p->age_min > p->age_max)
		return (nerr_set(err, _("The preferred mentee age \"from\" "
		    "(%d) is greater than \"to\" (%d); swap them."),
		    p->age_min, p->age_max));
	if (p->mentor_status < 0 || p->mentor_status >= MST__COUNT)
		return (nerr_set(err, _("The mentor's status is unknown; "
		    "choose one from the list.")));
	if (check_text(p->approved_order, N_("Approval order"), SHORT_MAX_CHARS,
	    err) == -1 ||
	    check_date(p->crim_date, N_("No criminal record certificate: date"),
	    1, err) == -1 ||
	    check_text(p->crim_ref, N_("No criminal record certificate: number"),
	    SHORT_MAX_CHARS, err) == -1 ||
	    check_date(p->med_date, N_("Medical certificate: date"), 1,
	    err) == -1 ||
	    check_text(p->med_ref, N_("Medical certificate: number"),
	    SHORT_MAX_CHARS, err) == -1)
		return (-1);
	return (0);
}

int
person_validate(const struct person *p, struct nerr *err)
{
	char	*norm;

	/*
	 * An anonymised record keeps a token («Участник №12») for a name and
	 * nothing else of it (consent_anonymise): only other fields change.
	 */
	if (p->anonymised) {
		if (check_text(p->last, N_("Last name"), NAME_MAX_CHARS,
		    err) == -1)
			return (-1);
	} else if (check_name(p->last, N_("Last name"), 1, err) == -1 ||
	    check_name(p->first, N_("First name"), 1, err) == -1 ||
	    check_name(p->patronymic, N_("Patronymic"), 0, err) == -1)
		return (-1);
	if (p->category < 0 || p->category >= CAT__COUNT)
		return (nerr_set(err, _("The category of %s %s is unknown; "
		    "choose one from the list."), p->last, p->first));
	if (check_date(p->birth, N_("Birth date"), 1, err) == -1)
		return (-1);
	if (!str_empty(p->class_)) {
		if (check_text(p->class_, N_("Class"), 20, err) == -1)
			return (-1);
		if (p->category != CAT_PUPIL)
			return (nerr_set(err, _("Only pupils have a class: "
			    "clear the field \"%s\" or make the category "
			    "\"%s\"."),
			    _("Class"), person_category_label(CAT_PUPIL)));
		if ((norm = person_class_normalise(p->class_)) == NULL)
			return (nerr_set(err, _("The field \"%s\": \"%s\" is "
			    "not a class; write a number from 1 to 11 and, if "
			    "the school has parallel classes, a letter: 7 or "
			    "7Б."), _("Class"), p->class_));
		free(norm);
	}
	if (check_text(p->organisation, N_("Organisation"), SHORT_MAX_CHARS,
	    err) == -1 ||
	    check_text(p->position, N_("Position"), SHORT_MAX_CHARS,
	    err) == -1 ||
	    check_phone(p->phone, N_("Phone"), err) == -1 ||
	    check_email(p->email, err) == -1 ||
	    check_text(p->note, N_("Note"), LONG_MAX_CHARS, err) == -1)
		return (-1);
	if (validate_mentee(p, err) == -1 || validate_mentor(p, err) == -1)
		return (-1);
	return (0);
}

/* "Иванов И. И.": how a person is named in messages. */
char *
person_short_name(const char *last, const char *first, const char *patronymic)
{
	struct sbuf	 b;
	const char	*parts[2] = { first, patronymic };
	uint32_t	 cp;
	char		 ch[5];
	size_t		 i;

	sbuf_init(&b);
	sbuf_add(&b, str_or(last, ""));
	for (i = 0; i < nitems(parts); i++) {
		if (str_empty(parts[i]))
			continue;
		utf8_decode(parts[i], strlen(parts[i]), &cp);
		ch[utf8_encode(text_upper(cp), ch)] = '\0';
		sbuf_addf(&b, " %s.", ch);
	}
	return (sbuf_take(&b));
}

/* ---- legal representatives ---- */

static void
rep_bind_str(sqlite3_stmt *st, int i, const char *s)
{
	if (str_empty(s))
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

static char *
rep_col_str(sqlite3_stmt *st, int i)
{
	const unsigned char	*s = sqlite3_column_text(st, i);

	if (s == NULL || *s == '\0')
		return (NULL);
	return (xstrdup((const char *)s));
}

void
rep_free(struct representative *r)
{
	xfree_ptr(&r->name);
	xfree_ptr(&r->relation);
	xfree_ptr(&r->phone);
}

void
rep_list_free(struct representative *rs, int n)
{
	int	i;

	for (i = 0; i < n; i++)
		rep_free(&rs[i]);
	free(rs);
}

int
rep_list(struct db *db, long long person_id, struct representative **out,
    int *np, struct nerr *err)
{
	sqlite3_stmt		*st;
	struct representative	*rs = NULL, *r;
	int			 n = 0, rc;

	*out = NULL;
	*np = 0;
	if ((st = db_prepare(db, "SELECT id, person_id, name, relation, phone "
	    "FROM representative WHERE person_id = ? ORDER BY id",
	    err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, person_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		rs = xreallocarray(rs, n + 1, sizeof *rs);
		r = &rs[n++];
		r->id = sqlite3_column_int64(st, 0);
		r->person_id = sqlite3_column_int64(st, 1);
		r->name = rep_col_str(st, 2);
		r->relation = rep_col_str(st, 3);
		r->phone = rep_col_str(st, 4);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		rep_list_free(rs, n);
		return (db_fail(db, err,
		    _("reading the legal representatives")));
	}
	*out = rs;
	*np = n;
	return (0);
}

/* A representative's fields: the same rules as a participant's. */
int
rep_check(const struct representative *r, struct nerr *err)
{
	if (check_name(r->name, N_("Representative's name"), 1, err) == -1 ||
	    check_text(r->relation, N_("Relation"), NAME_MAX_CHARS, err) == -1 ||
	    check_phone(r->phone, N_("Representative's phone"), err) == -1)
		return (-1);
	return (0);
}

int
rep_insert_tx(struct db *db, struct representative *r, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 rc;

	if (rep_check(r, err) == -1)
		return (-1);
	if ((st = db_prepare(db, "INSERT INTO representative (person_id, name, "
	    "relation, phone) VALUES (?, ?, ?, ?)", err)) == NULL)
		return (-1);
	sqlite3_bind_int64(st, 1, r->person_id);
	rep_bind_str(st, 2, r->name);
	rep_bind_str(st, 3, r->relation);
	rep_bind_str(st, 4, r->phone);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return (db_fail(db, err, _("saving the legal representative")));
	r->id = sqlite3_last_insert_rowid(db->h);
	return (db_audit(db, "representative.add", "representative", r->id,
	    err));
}

int
rep_add(struct db *db, struct representative *r, struct nerr *err)
{
	if (rep_check(r, err) == -1)
		return (-1);
	if (db_begin(db, err) == -1)
		return (-1);
	if (rep_insert_tx(db, r, err) == -1 || db_commit(db, err) == -1) {
		db_rollback(db);
		r->id = 0;
		return (-1);
	}
	return (0);
}

int
rep_delete(struct db *db, long long id, struct nerr *err)
{
	int	n;

	if (db_begin(db, err) == -1)
		return (-1);
	n = db_delete_id(db, "DELETE FROM representative WHERE id = ?", id,
	    _("deleting the legal representative"), err);
	if (n == 0)
		nerr_set(err, _("This legal representative has already been "
		    "deleted by someone else."));
	if (n <= 0 || db_audit(db, "representative.delete", "representative",
	    id, err) == -1 || db_commit(db, err) == -1) {
		db_rollback(db);
		return (-1);
	}
	return (0);
}
