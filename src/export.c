/* export.c: the official registers (bases of mentees and mentors, people, consents) as CSV for Excel. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "consent.h"
#include "csvio.h"
#include "date.h"
#include "db.h"
#include "person.h"
#include "pimport.h"
#include "text.h"
#include "util.h"

/* Younger than this, a participant is reached through a representative. */
#define EXPORT_ADULT	18
#define EXPORT_COLS_MAX	20

struct export {
	struct db	*db;
	struct csvout	*out;
	sqlite3_stmt	*pairs;		/* a person's pairs, see export_pairs */
	sqlite3_stmt	*reps;
	long		 rows;
	char		*cell[EXPORT_COLS_MAX];
	int		 ncell;
};

static const char *const export_kinds[] = {
	"mentees", "mentors", "people", "consents"
};

static const struct {
	const char	*code;
	const char	*label;
} export_forms[] = {
	{ "pupil-pupil", N_("pupil – pupil") },
	{ "teacher-teacher", N_("teacher – teacher") },
	{ "student-pupil", N_("student – pupil") },
	{ "employer-pupil", N_("employer – pupil") },
	{ "teacher-pupil", N_("teacher – pupil") },
	{ "head-teacher", N_("head – teacher") },
	{ "employer-student", N_("employer – student teacher") },
};

const char *
export_kind(int i)
{
	if (i < 0 || (size_t)i >= nitems(export_kinds))
		return (NULL);
	return (export_kinds[i]);
}

/* ---- cells ---- */

static void
export_clear(struct export *x)
{
	while (x->ncell > 0)
		xfree_ptr(&x->cell[--x->ncell]);
}

static void
export_add(struct export *x, const char *s)
{
	if (x->ncell < EXPORT_COLS_MAX)
		x->cell[x->ncell++] = s != NULL && *s != '\0' ? xstrdup(s) :
		    NULL;
}

static void
export_addf(struct export *x, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
export_addf(struct export *x, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	export_add(x, s);
	free(s);
}

static void
export_add_date(struct export *x, const char *iso)
{
	char	shown[DATE_ISO_LEN];

	date_show(iso, shown);
	export_add(x, shown);
}

static int
export_write(struct export *x, struct nerr *err)
{
	int	rc;

	rc = csvout_row(x->out, (const char *const *)x->cell, x->ncell, err);
	export_clear(x);
	return (rc);
}

/* The header: translated titles, written as one row. */
static int
export_header(struct export *x, const char *const *titles, int n,
    struct nerr *err)
{
	int	i;

	for (i = 0; i < n; i++)
		export_add(x, _(titles[i]));
	return (export_write(x, err));
}

static const char *
export_col(sqlite3_stmt *st, int i)
{
	const unsigned char	*s = sqlite3_column_text(st, i);

	return (s != NULL ? (const char *)s : "");
}

/* "Иванов Иван Иванович" */
static void
export_name(struct sbuf *b, const char *last, const char *first,
    const char *patr)
{
	sbuf_addf(b, "%s %s", last, first);
	if (*patr != '\0')
		sbuf_addf(b, " %s", patr);
}

static const char *
export_form_label(const char *code)
{
	size_t	i;

	for (i = 0; i < nitems(export_forms); i++)
		if (strcmp(code, export_forms[i].code) == 0)
			return (_(export_forms[i].label));
	return (code);
}

/* ---- pairs ---- */

/*
 * The person's pairs in their role: the people on the other side, the
 * forms and the dates, each list joined by "; ".
 */
static int
export_pairs(struct export *x, long long id, const char *role,
    struct nerr *err)
{
	struct sbuf	 who, forms, dates;
	char		 d1[DATE_ISO_LEN], d2[DATE_ISO_LEN];
	const char	*form;
	int		 rc;

	if (x->pairs == NULL && (x->pairs = db_prepare(x->db, "SELECT "
	    "pr.id, pr.form, pr.date_from, pr.date_to, o.last, o.first, "
	    "o.patronymic FROM pair_member me JOIN pair pr ON "
	    "pr.id = me.pair_id LEFT JOIN pair_member om ON "
	    "om.pair_id = pr.id AND om.role <> me.role LEFT JOIN person o ON "
	    "o.id = om.person_id WHERE me.person_id = ?1 AND me.role = ?2 "
	    "ORDER BY pr.date_from, pr.id, o.sort_key", err)) == NULL)
		return (-1);
	sqlite3_bind_int64(x->pairs, 1, id);
	sqlite3_bind_text(x->pairs, 2, role, -1, SQLITE_STATIC);
	sbuf_init(&who);
	sbuf_init(&forms);
	sbuf_init(&dates);
	sbuf_add(&who, "");
	sbuf_add(&forms, "");
	sbuf_add(&dates, "");
	while ((rc = sqlite3_step(x->pairs)) == SQLITE_ROW) {
		if (sqlite3_column_type(x->pairs, 4) != SQLITE_NULL) {
			if (who.len > 0)
				sbuf_add(&who, "; ");
			export_name(&who, export_col(x->pairs, 4),
			    export_col(x->pairs, 5), export_col(x->pairs, 6));
		}
		/* A form or dates once per pair, however many members. */
		form = export_form_label(export_col(x->pairs, 1));
		if (strstr(forms.s, form) == NULL)
			sbuf_addf(&forms, "%s%s", forms.len > 0 ? "; " : "",
			    form);
		date_show(export_col(x->pairs, 2), d1);
		date_show(export_col(x->pairs, 3), d2);
		if (*d1 != '\0' || *d2 != '\0') {
			char	*span;

			xasprintf(&span, "%s – %s", d1, d2);
			if (strstr(dates.s, span) == NULL)
				sbuf_addf(&dates, "%s%s",
				    dates.len > 0 ? "; " : "", span);
			free(span);
		}
	}
	sqlite3_reset(x->pairs);
	if (rc != SQLITE_DONE) {
		sbuf_free(&who);
		sbuf_free(&forms);
		sbuf_free(&dates);
		return (db_fail(x->db, err, _("reading the pairs")));
	}
	export_add(x, who.s);
	export_add(x, forms.s);
	export_add(x, dates.s);
	sbuf_free(&who);
	sbuf_free(&forms);
	sbuf_free(&dates);
	return (0);
}

/* ---- contacts ---- */

static void
export_own_contacts(struct sbuf *b, const char *phone, const char *email)
{
	sbuf_add(b, phone);
	if (*phone != '\0' && *email != '\0')
		sbuf_add(b, ", ");
	sbuf_add(b, email);
}

/*
 * A minor's contacts are their legal representative's (the first one
 * recorded): "Иванова Мария Петровна (мать), +7 900 000-00-00".
 */
static int
export_contacts(struct export *x, long long id, const char *birth, int cat,
    const char *phone, const char *email, struct nerr *err)
{
	struct sbuf	 b;
	int		 age, minor, rc;

	age = date_age(birth, date_today());
	minor = age >= 0 ? age < EXPORT_ADULT : cat == CAT_PUPIL;
	sbuf_init(&b);
	sbuf_add(&b, "");
	if (minor) {
		if (x->reps == NULL && (x->reps = db_prepare(x->db, "SELECT "
		    "name, relation, phone FROM representative WHERE "
		    "person_id = ? ORDER BY id LIMIT 1", err)) == NULL) {
			sbuf_free(&b);
			return (-1);
		}
		sqlite3_bind_int64(x->reps, 1, id);
		if ((rc = sqlite3_step(x->reps)) == SQLITE_ROW) {
			sbuf_add(&b, export_col(x->reps, 0));
			if (*export_col(x->reps, 1) != '\0')
				sbuf_addf(&b, " (%s)", export_col(x->reps, 1));
			if (*export_col(x->reps, 2) != '\0')
				sbuf_addf(&b, ", %s", export_col(x->reps, 2));
		}
		sqlite3_reset(x->reps);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
			sbuf_free(&b);
			return (db_fail(x->db, err,
			    _("reading the representatives")));
		}
	}
	if (b.len == 0)
		export_own_contacts(&b, phone, email);
	export_add(x, b.s);
	sbuf_free(&b);
	return (0);
}

/* A pupil's class, or where an adult works and as whom. */
static void
export_place(struct export *x, const char *class_, const char *org,
    const char *pos)
{
	if (*class_ != '\0')
		export_addf(x, _("class %s"), class_);
	else if (*org != '\0' && *pos != '\0')
		export_addf(x, "%s, %s", org, pos);
	else
		export_add(x, *org != '\0' ? org : pos);
}

/* ---- the registers ---- */

/* The columns common to both bases, selected first by their queries. */
#define EXPORT_PERSON_COLS "p.id, p.last, p.first, p.patronymic, p.birth, " \
	"p.category, p.class, p.organisation, p.position, p.phone, p.email"
#define EXPORT_NPERSON 11

static int
export_person(struct export *x, sqlite3_stmt *st, struct nerr *err)
{
	struct sbuf	b;

	export_addf(x, "%ld", ++x->rows);
	sbuf_init(&b);
	export_name(&b, export_col(st, 1), export_col(st, 2),
	    export_col(st, 3));
	export_add(x, b.s);
	sbuf_free(&b);
	if (export_contacts(x, sqlite3_column_int64(st, 0), export_col(st, 4),
	    person_category_parse(export_col(st, 5)), export_col(st, 9),
	    export_col(st, 10), err) == -1)
		return (-1);
	export_place(x, export_col(st, 6), export_col(st, 7),
	    export_col(st, 8));
	return (0);
}

static int
export_mentees(struct export *x, sqlite3_stmt *st, struct nerr *err)
{
	int	c = EXPORT_NPERSON;

	if (export_person(x, st, err) == -1)
		return (-1);
	export_add(x, export_col(st, c));			/* request */
	export_add_date(x, export_col(st, c + 1));		/* entered */
	if (export_pairs(x, sqlite3_column_int64(st, 0), "mentee",
	    err) == -1)
		return (-1);
	export_add(x, export_col(st, c + 2));			/* result */
	export_add(x, export_col(st, c + 3));			/* case */
	return (0);
}

static int
export_mentors(struct export *x, sqlite3_stmt *st, struct nerr *err)
{
	int	c = EXPORT_NPERSON, lo, hi;

	if (export_person(x, st, err) == -1)
		return (-1);
	export_add(x, export_col(st, c));			/* competencies */
	export_add(x, export_col(st, c + 1));			/* achievements */
	export_add(x, export_col(st, c + 2));			/* interests */
	lo = sqlite3_column_int(st, c + 3);
	hi = sqlite3_column_int(st, c + 4);
	if (lo > 0 && hi > 0)
		export_addf(x, "%d–%d", lo, hi);
	else if (lo > 0)
		export_addf(x, _("from %d"), lo);
	else if (hi > 0)
		export_addf(x, _("up to %d"), hi);
	else
		export_add(x, NULL);
	if (sqlite3_column_int(st, c + 5) > 0)
		export_addf(x, "%d", sqlite3_column_int(st, c + 5));
	else
		export_add(x, NULL);
	export_add(x, sqlite3_column_type(st, c + 6) == SQLITE_NULL ? "" :
	    mentor_status_label(mentor_status_parse(export_col(st, c + 6))));
	if (export_pairs(x, sqlite3_column_int64(st, 0), "mentor",
	    err) == -1)
		return (-1);
	export_add(x, export_col(st, c + 7));			/* order */
	export_add_date(x, export_col(st, c + 8));		/* crim */
	export_add_date(x, export_col(st, c + 9));		/* med */
	return (0);
}

/* Exactly what pimport_people reads, so an export comes back the same. */
static int
export_people(struct export *x, sqlite3_stmt *st, struct nerr *err)
{
	int	i;

	(void)err;
	export_addf(x, "%ld", ++x->rows);
	for (i = 1; i <= 3; i++)
		export_add(x, export_col(st, i));
	export_add_date(x, export_col(st, 4));
	export_add(x, person_category_label(person_category_parse(
	    export_col(st, 5))));
	for (i = 6; i <= 11; i++)
		export_add(x, export_col(st, i));
	export_add(x, sqlite3_column_int(st, 12) ? _("yes") : _("no"));
	export_add(x, sqlite3_column_int(st, 13) ? _("yes") : _("no"));
	return (0);
}

static int
export_consent_row(struct export *x, sqlite3_stmt *st, struct nerr *err)
{
	struct sbuf	 b;
	int		 kind;

	(void)err;
	export_addf(x, "%ld", ++x->rows);
	sbuf_init(&b);
	export_name(&b, export_col(st, 0), export_col(st, 1),
	    export_col(st, 2));
	export_add(x, b.s);
	export_add(x, export_col(st, 3));
	kind = consent_kind_parse(export_col(st, 4));
	export_add(x, kind >= 0 ? consent_kind_label(kind) : export_col(st, 4));
	sbuf_reset(&b);
	if (sqlite3_column_int(st, 5)) {
		sbuf_add(&b, *export_col(st, 6) != '\0' ? export_col(st, 6) :
		    _("legal representative"));
		if (*export_col(st, 7) != '\0')
			sbuf_addf(&b, " (%s)", export_col(st, 7));
	} else
		sbuf_add(&b, _("in person"));
	export_add(x, b.s);
	sbuf_free(&b);
	export_add_date(x, export_col(st, 8));
	export_add(x, export_col(st, 9));
	export_add_date(x, export_col(st, 10));
	export_add_date(x, export_col(st, 11));
	export_add(x, export_col(st, 12));
	return (0);
}

static const char *const export_h_mentees[] = {
	N_("No."), N_("Mentee's full name"),
	N_("Contacts (of the legal representative for a minor)"),
	N_("Place of study or work"), N_("Mentee's request"),
	N_("Date entered the programme"), N_("Mentor's full name"),
	N_("Form of mentoring"), N_("Dates of the programme"),
	N_("Result of the programme"), N_("Link to the case"),
};
static const char *const export_h_mentors[] = {
	N_("No."), N_("Mentor's full name"), N_("Contacts"),
	N_("Place of work or study"), N_("Key competencies"),
	N_("Achievements that matter for the programme"), N_("Interests"),
	N_("Preferred mentee age"), N_("Hours a month"), N_("Status"),
	N_("Mentees' full names"), N_("Form of mentoring"),
	N_("Dates of the programme"), N_("Approval order"),
	N_("No criminal record certificate"), N_("Medical certificate"),
};
static const char *const export_h_people[] = {
	N_("No."), N_("Last name"), N_("First name"), N_("Patronymic"),
	N_("Birth date"), N_("Category"), N_("Class"), N_("Organisation"),
	N_("Position"), N_("Phone"), N_("E-mail"), N_("Note"), N_("Mentor"),
	N_("Mentee"),
};
static const char *const export_h_consents[] = {
	N_("No."), N_("Name"), N_("Class"), N_("Kind of consent"),
	N_("Signed by"), N_("Date signed"),
	N_("Paper no. or where it is filed"), N_("Valid until"),
	N_("Revoked on"), N_("Revocation note"),
};

static const struct {
	const char		*what;
	const char *const	*titles;
	int			 ntitles;
	int			(*row)(struct export *, sqlite3_stmt *,
				    struct nerr *);
	const char		*sql;
} export_tables[] = {
	{ "mentees", export_h_mentees, (int)nitems(export_h_mentees),
	  export_mentees,
	  "SELECT " EXPORT_PERSON_COLS ", e.request, e.entered, e.result, "
	  "e.case_ref FROM person p LEFT JOIN mentee e ON e.person_id = p.id "
	  "WHERE p.is_mentee = 1 ORDER BY p.sort_key, p.id" },
	{ "mentors", export_h_mentors, (int)nitems(export_h_mentors),
	  export_mentors,
	  "SELECT " EXPORT_PERSON_COLS ", m.competencies, m.achievements, "
	  "m.interests, m.age_min, m.age_max, m.hours, m.status, "
	  "m.approved_order, m.crim_date, m.med_date FROM person p "
	  "LEFT JOIN mentor m ON m.person_id = p.id WHERE p.is_mentor = 1 "
	  "ORDER BY p.sort_key, p.id" },
	/* Anonymised people have no name to import back: left out. */
	{ "people", export_h_people, (int)nitems(export_h_people),
	  export_people,
	  "SELECT " EXPORT_PERSON_COLS ", p.note, p.is_mentor, p.is_mentee "
	  "FROM person p WHERE p.anonymised = 0 ORDER BY p.sort_key, p.id" },
	{ "consents", export_h_consents, (int)nitems(export_h_consents),
	  export_consent_row,
	  "SELECT p.last, p.first, p.patronymic, p.class, c.kind, "
	  "c.by_representative, c.rep_name, c.rep_relation, c.signed, c.ref, "
	  "c.valid_until, c.revoked, c.revoke_note FROM consent c "
	  "JOIN person p ON p.id = c.person_id "
	  "ORDER BY p.class_key, p.sort_key, p.id, c.kind, c.signed" },
};

int
export_table_count(struct db *db, const char *what, FILE *fp, int encoding,
    int delimiter, long *rows, long *lost, struct nerr *err)
{
	struct export	 x;
	sqlite3_stmt	*st = NULL;
	size_t		 t;
	int		 rc = -1, step;

	if (rows != NULL)
		*rows = 0;
	if (lost != NULL)
		*lost = 0;
	for (t = 0; t < nitems(export_tables); t++)
		if (strcmp(what, export_tables[t].what) == 0)
			break;
	if (t == nitems(export_tables))
		return (nerr_set(err, _("There is no register \"%s\" to "
		    "export; choose mentees, mentors, people or consents."),
		    what));
	memset(&x, 0, sizeof x);
	x.db = db;
	/* Excel takes UTF-8 for its ANSI code page unless a BOM says so. */
	if (csvout_open(&x.out, fp, encoding, delimiter, 1, err) == -1)
		return (-1);
	if ((st = db_prepare(db, export_tables[t].sql, err)) == NULL ||
	    export_header(&x, export_tables[t].titles,
	    export_tables[t].ntitles, err) == -1)
		goto out;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (export_tables[t].row(&x, st, err) == -1 ||
		    export_write(&x, err) == -1)
			goto out;
	}
	if (step != SQLITE_DONE) {
		db_fail(db, err, _("reading the register"));
		goto out;
	}
	rc = 0;
out:
	export_clear(&x);
	sqlite3_finalize(st);
	sqlite3_finalize(x.pairs);
	sqlite3_finalize(x.reps);
	if (lost != NULL)
		*lost = csvout_lost(x.out);
	if (rows != NULL)
		*rows = x.rows;
	if (csvout_close(x.out, rc == 0 ? err : NULL) == -1)
		rc = -1;
	return (rc);
}

int
export_table(struct db *db, const char *what, FILE *fp, int encoding,
    int delimiter, struct nerr *err)
{
	return (export_table_count(db, what, fp, encoding, delimiter, NULL,
	    NULL, err));
}
