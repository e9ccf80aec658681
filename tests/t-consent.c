/* t-consent.c: consents: the age rule, dates, revoking, states, coverage, texts, anonymising. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "consent.h"
#include "date.h"
#include "db.h"
#include "person.h"
#include "text.h"
#include "util.h"

#include "tap.h"
#include "testlib.h"

#define TODAY "2025-11-22"
#define SCHOOL "МБОУ «СОШ № 7» г. Энска"

static char	tmp[256];

static long long
add_person(struct db *db, const char *last, const char *first,
    const char *patr, int cat, const char *birth, const char *class_)
{
	struct person	p;
	struct nerr	err;
	long long	id;

	person_init(&p);
	p.last = xstrdup(last);
	p.first = xstrdup(first);
	p.patronymic = patr != NULL ? xstrdup(patr) : NULL;
	p.category = cat;
	p.birth = birth != NULL ? xstrdup(birth) : NULL;
	p.class_ = class_ != NULL ? xstrdup(class_) : NULL;
	if (person_insert(db, &p, &err) != 0) {
		diag("person_insert %s: %s", last, err.msg);
		id = -1;
	} else
		id = p.id;
	person_free(&p);
	return (id);
}

/* Fill a consent; rep NULL: signed by the person. */
static void
mk(struct consent *c, long long person, int kind, const char *date,
    const char *rep, const char *rel)
{
	consent_init(c);
	c->person_id = person;
	c->kind = kind;
	c->signed_ = date != NULL ? xstrdup(date) : NULL;
	if (rep != NULL || rel != NULL) {
		c->by_representative = 1;
		c->rep_name = rep != NULL ? xstrdup(rep) : NULL;
		c->rep_relation = rel != NULL ? xstrdup(rel) : NULL;
	}
}

/* Add and free; returns the id, 0 if refused (message in err). */
static long long
add(struct db *db, long long person, int kind, const char *date,
    const char *rep, const char *rel, struct nerr *err)
{
	struct consent	c;
	long long	id = 0;

	mk(&c, person, kind, date, rep, rel);
	nerr_clear(err);
	if (consent_add(db, &c, err) == 0)
		id = c.id;
	consent_free(&c);
	return (id);
}

static void
t_kinds(void)
{
	is_int(consent_kind_parse("pd"), CK_PD, "kind: pd");
	is_int(consent_kind_parse(" Mentor-Duties "), CK_MENTOR_DUTIES,
	    "kind: code in any case, spaces trimmed");
	is_int(consent_kind_parse("publication of photos and materials"),
	    CK_PUBLICATION, "kind: by its label");
	is_int(consent_kind_parse("photos"), -1, "kind: unknown is -1");
	is_str(consent_kind_code(CK_PARTICIPATION), "participation",
	    "kind code");
	is_str(consent_state_code(CS_REVOKED), "revoked", "state code");
}

/* The age rule, on the signing date, by the school's setting. */
static void
t_age(struct db *db)
{
	struct nerr	err;
	long long	ivanov, petrova, nobirth, teacher, id;

	ivanov = add_person(db, "Иванов", "Иван", "Иванович", CAT_PUPIL,
	    "2010-03-15", "9А");
	petrova = add_person(db, "Петрова", "Анна", "Сергеевна", CAT_PUPIL,
	    "2007-11-22", "11А");
	nobirth = add_person(db, "Сидоров", "Пётр", NULL, CAT_PUPIL, NULL,
	    "9А");
	teacher = add_person(db, "Орлова", "Мария", "Петровна",
	    CAT_TEACHER, NULL, NULL);

	is_int(consent_age(db), 18, "the consent age is 18 by default");
	id = add(db, ivanov, CK_PD, "2025-09-01", NULL, NULL, &err);
	is_int(id, 0, "a 15-year-old signing herself is refused at 18");
	like(err.msg, "Иванов И. И.", "... naming the pupil");
	like(err.msg, "15", "... with their age");
	like(err.msg, "01.09.2025", "... on the date signed");
	like(err.msg, "18", "... and the school's setting");
	like(err.msg, "legal representative", "... saying who must sign");

	db_set_setting(db, "consent.age", "14", &err);
	is_int(consent_age(db), 14, "the setting can say 14");
	id = add(db, ivanov, CK_PD, "2025-09-01", NULL, NULL, &err);
	ok(id > 0, "at 14 the 15-year-old signs herself");
	if (id == 0)
		diag("%s", err.msg);
	consent_delete(db, id, &err);
	db_set_setting(db, "consent.age", "16", &err);
	is_int(consent_age(db), 18, "any other setting counts as 18");
	db_set_setting(db, "consent.age", "18", &err);

	/* 18 today, 17 the day before: the signing date decides. */
	id = add(db, petrova, CK_PD, "2025-11-21", NULL, NULL, &err);
	is_int(id, 0, "signed by self the day before the 18th birthday: "
	    "refused");
	like(err.msg, "17", "... she was 17 then");
	id = add(db, petrova, CK_PD, "2025-11-22", NULL, NULL, &err);
	ok(id > 0, "signed by self on the 18th birthday: accepted");

	id = add(db, nobirth, CK_PD, "2025-09-01", NULL, NULL, &err);
	is_int(id, 0, "a pupil without a birth date cannot sign himself");
	like(err.msg, "birth date", "... saying the birth date is missing");
	id = add(db, teacher, CK_PD, "2025-09-01", NULL, NULL, &err);
	ok(id > 0, "a teacher without a birth date signs herself");

	id = add(db, ivanov, CK_PD, "2025-09-01", NULL, "мать", &err);
	is_int(id, 0, "a representative without a name is refused");
	like(err.msg, "full name", "... asking for the name");
	id = add(db, ivanov, CK_PD, "2025-09-01", "Иванова Ольга Петровна",
	    NULL, &err);
	is_int(id, 0, "a representative without the relation is refused");
	like(err.msg, "mother, father", "... asking who they are");
	id = add(db, ivanov, CK_PD, "2025-09-01", "Иванова Ольга Петровна",
	    "мать", &err);
	ok(id > 0, "signed by the mother: accepted");

	id = add(db, teacher, CK_PARTICIPATION, "2025-11-23", NULL, NULL,
	    &err);
	is_int(id, 0, "a date in the future is refused");
	like(err.msg, "23.11.2025", "... quoting it");
	id = add(db, ivanov, CK_PARTICIPATION, "2010-01-01", "Иванова О. П.",
	    "мать", &err);
	is_int(id, 0, "a date before the birth is refused");
	id = add(db, teacher, CK_PARTICIPATION, "2025-02-30", NULL, NULL,
	    &err);
	is_int(id, 0, "an unreal date is refused");
	id = add(db, teacher, CK_PARTICIPATION, NULL, NULL, NULL, &err);
	is_int(id, 0, "a missing date is refused");
	id = add(db, ivanov, CK_MENTOR_DUTIES, "2025-09-01",
	    "Иванова О. П.", "мать", &err);
	is_int(id, 0, "mentoring as extra duties is not for pupils");
	{
		struct consent	c;

		mk(&c, teacher, CK_PUBLICATION, "2025-09-01", NULL, NULL);
		c.valid_until = xstrdup("2025-09-01");
		ok(consent_add(db, &c, &err) == -1,
		    "an end date not after the date signed is refused");
		like(err.msg, "01.09.2025", "... quoting the dates");
		consent_free(&c);
	}
	is_int(q_int(db, "SELECT count(*) FROM consent"), 3,
	    "only the accepted consents were saved");
}

static void
t_revoke_states(struct db *db)
{
	struct consent	c, c2;
	struct nerr	err;
	long long	p, pd, part, pub;
	int		st[CK__COUNT];

	p = add_person(db, "Кузнецова", "Вера", "Ильинична", CAT_TEACHER,
	    "1985-05-05", NULL);
	pd = add(db, p, CK_PD, "2025-09-01", NULL, NULL, &err);
	part = add(db, p, CK_PARTICIPATION, "2025-09-01", NULL, NULL, &err);
	mk(&c, p, CK_PUBLICATION, "2024-01-10", NULL, NULL);
	c.valid_until = xstrdup("2025-01-10");
	consent_add(db, &c, &err);
	pub = c.id;
	consent_free(&c);
	ok(pd > 0 && part > 0 && pub > 0, "three consents recorded");

	ok(consent_revoke(db, part, "2025-08-01", NULL, &err) == -1,
	    "revoking before it was signed is refused");
	ok(consent_revoke(db, part, "2025-12-01", NULL, &err) == -1,
	    "revoking on a day to come is refused");
	ok(consent_revoke(db, part, NULL, "переезд", &err) == 0,
	    "revoked today with a note");
	consent_get(db, part, &c, &err);
	is_str(c.revoked, TODAY, "... dated today");
	is_str(c.revoke_note, "переезд", "... with the note");
	is_int(consent_state_of(&c), CS_REVOKED, "... its state is revoked");
	consent_free(&c);
	ok(consent_revoke(db, part, NULL, NULL, &err) == -1,
	    "revoking twice is refused");
	like(err.msg, "already", "... saying it is already revoked");

	ok(consent_states(db, p, st, &err) == 0, "consent_states");
	is_int(st[CK_PD], CS_VALID, "processing: valid");
	is_int(st[CK_PARTICIPATION], CS_REVOKED, "participation: revoked");
	is_int(st[CK_PUBLICATION], CS_EXPIRED, "publication: expired");
	is_int(st[CK_MENTOR_DUTIES], CS_MISSING, "mentor duties: missing");

	is_int(consent_current(db, p, CK_PD, &c, &err), 1,
	    "the current processing consent is found");
	is_int(c.id, pd, "... it is the one recorded");
	consent_free(&c);
	is_int(consent_current(db, p, CK_PARTICIPATION, &c, &err), 0,
	    "a revoked one is not current");
	consent_free(&c);

	/* Two editors: the second save is refused, not overwritten. */
	consent_get(db, pd, &c, &err);
	consent_get(db, pd, &c2, &err);
	free(c.ref);
	c.ref = xstrdup("папка 3, лист 12");
	ok(consent_update(db, &c, &err) == 0, "an edit is saved");
	free(c2.ref);
	c2.ref = xstrdup("папка 4");
	ok(consent_update(db, &c2, &err) == -1,
	    "an edit over someone else's is refused");
	like(err.msg, "Someone else", "... saying why");
	consent_free(&c);
	consent_free(&c2);
	consent_get(db, pd, &c, &err);
	is_str(c.ref, "папка 3, лист 12", "... the first edit stays");
	consent_free(&c);
}

/*
 * A hand-made school: 7Б has 3 pupils (2 covered), 8А 2 (0 covered),
 * teachers 2 (1 covered), a parent (not covered).
 */
struct school {
	long long	a7[3], a8[2], t[2], parent;
};

static void
school_make(struct db *db, struct school *s)
{
	struct representative	r;
	struct nerr		err;

	s->a7[0] = add_person(db, "Белов", "Артём", "Игоревич", CAT_PUPIL,
	    "2012-04-01", "7Б");
	s->a7[1] = add_person(db, "Ёлкина", "Алёна", "Викторовна",
	    CAT_PUPIL, "2012-06-02", "7Б");
	s->a7[2] = add_person(db, "Абрамов", "Илья", "Сергеевич", CAT_PUPIL,
	    "2012-01-03", "7Б");
	s->a8[0] = add_person(db, "Жуков", "Матвей", "Николаевич",
	    CAT_PUPIL, "2011-02-04", "8А");
	s->a8[1] = add_person(db, "Гусева", "Дарья", "Алексеевна",
	    CAT_PUPIL, "2011-03-05", "8А");
	s->t[0] = add_person(db, "Смирнова", "Таисия", "Денисовна",
	    CAT_TEACHER, "1979-01-01", NULL);
	s->t[1] = add_person(db, "Фролов", "Степан", "Николаевич",
	    CAT_TEACHER, "1990-01-01", NULL);
	s->parent = add_person(db, "Белова", "Анна", "Ивановна", CAT_PARENT,
	    NULL, NULL);
	memset(&r, 0, sizeof r);
	r.person_id = s->a7[0];
	r.name = "Белова Анна Ивановна";
	r.relation = "мать";
	r.phone = "+7 900 000-00-01";
	if (rep_add(db, &r, &err) != 0)
		diag("rep_add: %s", err.msg);
}

static void
t_batch(struct db *db, struct school *s)
{
	struct consent	*v;
	struct nerr	 err;
	long long	 ids[4];
	long long	 before;
	int		 n;

	before = q_int(db, "SELECT count(*) FROM consent");
	ids[0] = s->a7[0];	/* a minor with a recorded mother */
	ids[1] = s->a7[1];	/* a minor with no representative recorded */
	ids[2] = s->t[0];	/* a grown-up */
	ids[3] = 999999;	/* nobody */
	ok(consent_add_batch(db, ids, 4, CK_PD, "2025-09-05", "папка 7Б",
	    &err) == -1, "a batch with one bad id is refused");
	like(err.msg, "999999", "... naming it");
	is_int(q_int(db, "SELECT count(*) FROM consent"), before,
	    "... and nothing of it was saved");
	ok(consent_add_batch(db, ids, 3, CK_PD, "2025-11-30", NULL,
	    &err) == -1, "a batch dated in the future is refused");
	is_int(q_int(db, "SELECT count(*) FROM consent"), before,
	    "... nothing saved");
	ok(consent_add_batch(db, ids, 3, CK_PD, "2025-09-05", "папка 7Б",
	    &err) == 0, "the good batch is saved");
	is_int(q_int(db, "SELECT count(*) FROM consent"), before + 3,
	    "... one consent each");
	consent_list(db, s->a7[0], &v, &n, &err);
	ok(n == 1 && v[0].by_representative &&
	    v[0].rep_name != NULL && strcmp(v[0].rep_name,
	    "Белова Анна Ивановна") == 0 && v[0].representative_id > 0,
	    "a minor's is signed by the recorded mother");
	consent_list_free(v, n);
	consent_list(db, s->a7[1], &v, &n, &err);
	ok(n == 1 && v[0].by_representative && v[0].rep_name == NULL,
	    "without a recorded one: an unnamed representative");
	consent_list_free(v, n);
	consent_list(db, s->t[0], &v, &n, &err);
	ok(n == 1 && !v[0].by_representative, "a grown-up's is by self");
	is_str(n == 1 ? v[0].ref : NULL, "папка 7Б", "... with the ref");
	consent_list_free(v, n);
}

static int
cov_find(struct consent_cov *v, int n, const char *group, int *total,
    int *covered)
{
	int	i;

	for (i = 0; i < n; i++) {
		if (strcmp(v[i].group, group) == 0) {
			*total = v[i].total;
			*covered = v[i].covered;
			return (1);
		}
	}
	return (0);
}

static void
t_coverage(struct db *db, struct school *s)
{
	struct consent_cov	*v;
	struct nerr		 err;
	int			 n, t = -1, c = -1;

	/* 7Б: Белов and Ёлкина by the batch; Абрамов not. */
	add(db, s->a8[0], CK_PD, "2024-01-01", "Жукова Е. В.", "мать", &err);
	{
		struct consent	cc;

		/* An ended one does not count. */
		mk(&cc, s->a8[1], CK_PD, "2024-01-01", "Гусев А. А.", "отец");
		cc.valid_until = xstrdup("2025-06-30");
		if (consent_add(db, &cc, &err) != 0)
			diag("%s", err.msg);
		consent_free(&cc);
	}
	ok(consent_revoke(db, q_int(db, "SELECT max(id) FROM consent WHERE "
	    "kind = 'pd' AND rep_name = 'Жукова Е. В.'"), "2025-10-01",
	    NULL, &err) == 0, "Жуков's consent revoked");

	ok(consent_coverage(db, 1, &v, &n, &err) == 0, "coverage by class");
	ok(cov_find(v, n, "7Б", &t, &c) && t == 3 && c == 2,
	    "7Б: 2 of 3 (got %d of %d)", c, t);
	ok(cov_find(v, n, "8А", &t, &c) && t == 2 && c == 0,
	    "8А: 0 of 2 (got %d of %d)", c, t);
	ok(n > 0 && strcmp(v[n - 1].group, "Total") == 0,
	    "the last row is the total");
	/* The pupils of t_age are in 9А and 11А: 1 covered of 3, 1 of 1. */
	ok(n > 0 && v[n - 1].total == 8 && v[n - 1].covered == 4,
	    "pupils: 4 of 8 (got %d of %d)", v[n - 1].covered,
	    v[n - 1].total);
	consent_coverage_free(v, n);

	ok(consent_coverage(db, 0, &v, &n, &err) == 0,
	    "coverage by category");
	ok(cov_find(v, n, person_category_label(CAT_TEACHER), &t, &c) &&
	    t == 4 && c == 3, "teachers: 3 of 4 (got %d of %d)", c, t);
	ok(cov_find(v, n, person_category_label(CAT_PARENT), &t, &c) &&
	    t == 1 && c == 0, "parents: 0 of 1");
	ok(!cov_find(v, n, person_category_label(CAT_PARTNER), &t, &c),
	    "a category with nobody is left out");
	ok(n > 0 && v[n - 1].total == 13 && v[n - 1].covered == 7,
	    "total: 7 of 13 (got %d of %d)", v[n - 1].covered,
	    v[n - 1].total);
	consent_coverage_free(v, n);
	is_int(consent_pct(199, 200), 99, "99.5 %% shows as 99, not 100");
}

/* Every line of a text fits 80 columns. */
static int
fits(const char *text, int width)
{
	char	*copy, *line, *last;
	int	 good = 1;

	copy = xstrdup(text);
	for (line = strtok_r(copy, "\n\f", &last); line != NULL;
	    line = strtok_r(NULL, "\n\f", &last)) {
		if (text_width(line) > width) {
			diag("too wide (%d): %s", text_width(line), line);
			good = 0;
		}
	}
	free(copy);
	return (good);
}

static void
t_owed(struct db *db, struct school *s)
{
	struct sbuf	 b;
	struct nerr	 err;
	const char	*p7, *p8, *pt, *pp;

	(void)s;
	sbuf_init(&b);
	ok(consent_owed_text(db, &b, &err) == 0, "the owed text");
	ok(b.s != NULL && fits(b.s, 80), "... fits 80 columns");
	like(b.s, "Абрамов Илья Сергеевич", "... lists Абрамов (7Б)");
	like(b.s, "Жуков Матвей Николаевич", "... lists Жуков (revoked)");
	like(b.s, "revoked 01.10.2025", "... saying his was revoked");
	like(b.s, "Гусева Дарья Алексеевна", "... lists Гусева (ended)");
	like(b.s, "ended 30.06.2025", "... saying hers ended");
	like(b.s, "Фролов Степан", "... lists the teacher Фролов");
	like(b.s, "Белова Анна Ивановна", "... lists the parent");
	like(b.s, "Сидоров Пётр", "... lists Сидоров (refused earlier)");
	unlike(b.s, "Белов Артём", "... not Белов (covered)");
	unlike(b.s, "Смирнова", "... not Смирнова (covered)");
	unlike(b.s, "Петрова Анна", "... not Петрова (covered)");
	like(b.s, SCHOOL, "... with the school's name");
	like(b.s, "Covered: 7 of 13 participants (53%)", "... the share");
	like(b.s, "100%", "... and the target");
	p7 = strstr(b.s, "Class 7Б: 1 of 3 without a consent (66% covered)");
	p8 = strstr(b.s, "Class 8А: 2 of 2 without a consent (0% covered)");
	pt = strstr(b.s, "Teacher: 1 of 4");
	pp = strstr(b.s, "Parent: 1 of 1");
	ok(p7 != NULL && p8 != NULL && pt != NULL && pp != NULL,
	    "... grouped by class, then category, with their shares");
	ok(p7 != NULL && p8 != NULL && pt != NULL && pp != NULL &&
	    p7 < p8 && p8 < pt && pt < pp, "... in school order");
	ok(p7 != NULL && p8 != NULL && strstr(p7, "Абрамов") < p8,
	    "... Абрамов under 7Б");
	like(b.s, "name is not recorded", "... a section for unnamed signers");
	ok(strstr(b.s, "name is not recorded") != NULL &&
	    strstr(strstr(b.s, "name is not recorded"), "Ёлкина Алёна") !=
	    NULL, "... listing Ёлкина there");
	sbuf_free(&b);
}

static int
count_char(const char *s, char c)
{
	int	n = 0;

	for (; s != NULL && *s != '\0'; s++)
		n += *s == c;
	return (n);
}

static void
t_form(struct db *db, struct school *s)
{
	struct sbuf	 b;
	struct nerr	 err;
	int		 k;

	sbuf_init(&b);
	ok(consent_form_text(db, s->a7[0], NULL, CK_PD, &b, &err) == 0,
	    "a form for a minor");
	ok(b.s != NULL && fits(b.s, 80), "... fits 80 columns");
	like(b.s, SCHOOL, "... has the school's name");
	like(b.s, "Белов Артём Игоревич", "... the pupil's full name");
	like(b.s, "01.04.2012", "... the birth date");
	like(b.s, "7Б", "... the class");
	like(b.s, "Белова Анна Ивановна", "... the mother's name");
	like(b.s, "мать", "... and relation");
	like(b.s, "Signature", "... a line to sign");
	like(b.s, "20___", "... and to date");
	like(b.s, "Revocation", "... says how to revoke it");
	sbuf_reset(&b);

	ok(consent_form_text(db, s->a7[1], NULL, CK_PD, &b, &err) == 0,
	    "a form for a minor without a recorded representative");
	like(b.s, "I, ____", "... leaves the representative's name blank");
	sbuf_reset(&b);

	ok(consent_form_text(db, s->t[1], NULL, CK_PD, &b, &err) == 0,
	    "a form for a teacher");
	like(b.s, "I, Фролов Степан Николаевич", "... signed by himself");
	like(b.s, "/ Фролов С. Н. /", "... his name under the signature");
	sbuf_reset(&b);

	for (k = 0; k < CK__COUNT; k++) {
		sbuf_reset(&b);
		ok(consent_form_text(db, s->t[1], NULL, k, &b, &err) == 0 &&
		    fits(b.s, 80), "the %s form fits 80 columns",
		    consent_kind_code(k));
	}
	sbuf_reset(&b);
	ok(consent_form_text(db, 0, "7 б", CK_PD, &b, &err) == 0,
	    "forms for a whole class");
	is_int(count_char(b.s, '\f'), 2, "... three forms, two form feeds");
	like(b.s, "Абрамов Илья", "... Абрамов's");
	like(b.s, "Ёлкина Алёна", "... Ёлкина's");
	ok(b.s != NULL && strstr(b.s, "Абрамов") < strstr(b.s, "Белов "),
	    "... in name order");
	ok(b.s != NULL && fits(b.s, 80), "... all fit 80 columns");
	sbuf_reset(&b);
	ok(consent_form_text(db, 0, "5В", CK_PD, &b, &err) == -1,
	    "a class with nobody is refused");
	like(err.msg, "5В", "... naming it");
	sbuf_free(&b);
}

static void
t_filters(struct db *db)
{
	struct person_filter	 f;
	struct person_row	 rows[64], r;
	struct nerr		 err;
	long long		 all, owed, covered;
	int			 n, i, bad = 0;

	person_filter_init(&f);
	all = person_count(db, &f, &err);
	f.consent = PCONS_OWED;
	owed = person_count(db, &f, &err);
	f.consent = PCONS_COVERED;
	covered = person_count(db, &f, &err);
	is_int(owed, 6, "PCONS_OWED counts 6");
	is_int(covered, 7, "PCONS_COVERED counts 7");
	is_int(all - q_int(db, "SELECT count(*) FROM person WHERE "
	    "anonymised = 1"), owed + covered, "... together all of them");

	f.consent = PCONS_OWED;
	f.sort = PSORT_CLASS;
	n = person_page(db, &f, NULL, 0, rows, 64, &err);
	is_int(n, 6, "person_page with PCONS_OWED");
	for (i = 0; i < n; i++) {
		int	st[CK__COUNT];

		consent_states(db, rows[i].id, st, &err);
		bad += st[CK_PD] == CS_VALID;
	}
	is_int(bad, 0, "... nobody on it has a valid consent");
	ok(n > 1 && strcmp(rows[0].class_, "7Б") == 0,
	    "... in class order");
	person_rows_free(rows, n);
	f.class_ = "8А";
	is_int(person_count(db, &f, &err), 2, "... and a class filter too");
	f.class_ = NULL;
	f.search = "Смирнова";
	is_int(person_row_find(db, &f, q_int(db, "SELECT id FROM person "
	    "WHERE last = 'Смирнова'"), &r, &err), 0,
	    "person_row_find: a covered one is not owed");
	f.consent = PCONS_COVERED;
	is_int(person_row_find(db, &f, q_int(db, "SELECT id FROM person "
	    "WHERE last = 'Смирнова'"), &r, &err), 1,
	    "... but is covered");
	person_rows_free(&r, 1);
}

/* Every personal string of a person must be gone from these rows. */
static const char *const personal[] = {
	"Абрамов", "Илья", "Сергеевич", "2012-01-03", "+7 911", "ilya@",
	"любит шахматы", "олимпиада", "Абрамова Нина", "тётя", "папка 12",
	"переехали",
};

static void
t_anonymise(struct db *db, struct school *s)
{
	struct person_filter	 f;
	struct representative	 r;
	struct person		 p;
	struct nerr		 err;
	long long		 id = s->a7[2], cid, pairs, cls, cat, all;
	char			*rows, *audit;
	size_t			 i;
	int			 left = 0;

	/* Give Абрамов everything personal a record can hold. */
	person_get(db, id, &p, &err);
	p.phone = xstrdup("+7 911 123-45-67");
	p.email = xstrdup("ilya@example.ru");
	p.note = xstrdup("любит шахматы");
	p.is_mentee = 1;
	p.request = xstrdup("подготовка: олимпиада");
	p.entered = xstrdup("2025-09-01");
	if (person_update(db, &p, &err) != 0)
		diag("person_update: %s", err.msg);
	person_free(&p);
	memset(&r, 0, sizeof r);
	r.person_id = id;
	r.name = "Абрамова Нина Олеговна";
	r.relation = "тётя";
	rep_add(db, &r, &err);
	cid = add(db, id, CK_PD, "2025-09-02", "Абрамова Нина Олеговна",
	    "тётя", &err);
	ok(cid > 0, "Абрамов's consent recorded");
	db_exec(db, "UPDATE consent SET ref = 'папка 12' WHERE kind = 'pd' "
	    "AND rep_name = 'Абрамова Нина Олеговна'", &err);
	db_exec(db, "INSERT INTO pair (id, form) VALUES (900, 'pupil-pupil')",
	    &err);
	{
		char	sql[200];

		snprintf(sql, sizeof sql, "INSERT INTO pair_member VALUES "
		    "(900, %lld, 'mentee'), (900, %lld, 'mentor')", id,
		    s->a7[0]);
		db_exec(db, sql, &err);
	}

	ok(consent_anonymise(db, id, &err) == -1,
	    "anonymising with a valid consent is refused");
	like(err.msg, "revoke it first", "... saying to revoke first");
	ok(consent_anonymise(db, s->t[1], &err) == -1,
	    "anonymising someone who never consented is refused");

	person_filter_init(&f);
	all = person_count(db, &f, &err);
	f.class_ = "7Б";
	cls = person_count(db, &f, &err);
	f.class_ = NULL;
	f.category = CAT_PUPIL;
	cat = person_count(db, &f, &err);
	pairs = q_int(db, "SELECT count(*) FROM pair_member");

	ok(consent_revoke(db, cid, NULL, "переехали", &err) == 0,
	    "the consent revoked");
	nerr_clear(&err);
	ok(consent_anonymise(db, id, &err) == 0, "then anonymised");
	if (err.msg[0] != '\0')
		diag("%s", err.msg);

	person_get(db, id, &p, &err);
	is_int(p.anonymised, 1, "the person is marked anonymised");
	like(p.last, "Participant no.", "... named by a token");
	is_int(p.category, CAT_PUPIL, "... still a pupil");
	is_str(p.class_, "7Б", "... still in 7Б");
	is_int(p.is_mentee, 1, "... still a mentee");
	person_free(&p);

	person_filter_init(&f);
	is_int(person_count(db, &f, &err), all, "the count of all is the same");
	f.class_ = "7Б";
	is_int(person_count(db, &f, &err), cls, "... of 7Б too");
	f.class_ = NULL;
	f.category = CAT_PUPIL;
	is_int(person_count(db, &f, &err), cat, "... of pupils too");
	is_int(q_int(db, "SELECT count(*) FROM pair_member"), pairs,
	    "pair membership is kept");
	person_get(db, id, &p, &err);
	free(p.class_);
	p.class_ = xstrdup("8Б");
	ok(person_update(db, &p, &err) == 0,
	    "the anonymised record can still be edited (moved to 8Б)");
	if (err.msg[0] != '\0')
		diag("%s", err.msg);
	person_free(&p);
	f.category = -1;
	f.search = "Абрамов";
	is_int(person_count(db, &f, &err), 0,
	    "a search for the old name finds nobody");

	{
		char		 sql[600];
		struct sbuf	 all_rows;
		const char	*tables[][2] = {
			{ "person", "id" }, { "mentee", "person_id" },
			{ "mentor", "person_id" },
			{ "representative", "person_id" },
			{ "consent", "person_id" },
		};

		sbuf_init(&all_rows);
		sbuf_add(&all_rows, "");
		for (i = 0; i < nitems(tables); i++) {
			snprintf(sql, sizeof sql, "SELECT * FROM %s WHERE "
			    "%s = %lld", tables[i][0], tables[i][1], id);
			rows = q_text(db, sql);
			sbuf_add(&all_rows, rows);
			free(rows);
		}
		for (i = 0; i < nitems(personal); i++) {
			if (strstr(all_rows.s, personal[i]) != NULL) {
				diag("left: %s", personal[i]);
				left++;
			}
		}
		is_int(left, 0, "no personal string is left in the rows");
		like(all_rows.s, "2025-09-02", "... the dates of the consent "
		    "stay");
		sbuf_free(&all_rows);
	}
	is_int(q_int(db, "SELECT count(*) FROM representative WHERE "
	    "person_id = (SELECT id FROM person WHERE anonymised = 1)"), 0,
	    "the representatives are gone");
	audit = q_text(db, "SELECT * FROM audit");
	like(audit, "person.anonymise", "the audit log says it was done");
	left = 0;
	for (i = 0; i < nitems(personal); i++)
		left += strstr(audit, personal[i]) != NULL;
	is_int(left, 0, "... and holds none of the data");
	free(audit);
	ok(consent_anonymise(db, id, &err) == -1, "anonymising twice is "
	    "refused");
	{
		struct sbuf	b;

		sbuf_init(&b);
		ok(consent_form_text(db, id, NULL, CK_PD, &b, &err) == -1,
		    "no form for an anonymised person");
		sbuf_reset(&b);
		consent_owed_text(db, &b, &err);
		unlike(b.s, "Participant no.", "the owed list leaves them out");
		sbuf_free(&b);
	}
	is_int(add(db, id, CK_PD, "2025-11-01", "Кто-то", "мать", &err), 0,
	    "no new consent for an anonymised person");
}

static int
walk_count(const struct consent *c, const char *last, const char *first,
    const char *patr, void *arg)
{
	(void)c;
	(void)first;
	(void)patr;
	if (last != NULL)
		(*(int *)arg)++;
	return (0);
}

int
main(void)
{
	struct school	 s;
	struct db	*db;
	struct nerr	 err;
	int		 n = 0;

	if (t_tmpdir(tmp, sizeof tmp, "t-consent") != 0) {
		printf("1..0 # SKIP no temporary folder\n");
		return (0);
	}
	if (date_set_today(TODAY, &err) != 0) {
		printf("Bail out! %s\n", err.msg);
		return (1);
	}
	t_kinds();
	if ((db = t_open_db(tmp, "consent.db")) == NULL) {
		printf("Bail out! cannot open a database\n");
		return (1);
	}
	db_set_setting(db, "school.name", SCHOOL, &err);
	t_age(db);
	t_revoke_states(db);
	school_make(db, &s);
	t_batch(db, &s);
	t_coverage(db, &s);
	t_owed(db, &s);
	t_form(db, &s);
	t_filters(db);
	consent_walk(db, 0, -1, walk_count, &n, &err);
	is_int(n, q_int(db, "SELECT count(*) FROM consent"),
	    "consent_walk visits every consent");
	t_anonymise(db, &s);
	db_close(db);
	t_rmtree(tmp);
	return (done_testing());
}
