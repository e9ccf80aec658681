/* t-person.c: participants: checks, saving, conflicts, paging, filters, demo. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "date.h"
#include "db.h"
#include "demo.h"
#include "person.h"
#include "util.h"

#include "tap.h"
#include "testlib.h"

#define TODAY "2025-11-22"

static char	tmp[256];

/* The 50 names in the order a Russian reader expects. */
static const char *names[][3] = {
	{ "Абрамов", "Илья", "Сергеевич" }, { "Агеева", "Мария", "Петровна" },
	{ "Белов", "Артём", "Игоревич" }, { "Белова", "Анна", "Ивановна" },
	{ "Васильев", "Пётр", "Андреевич" }, { "Воробьёв", "Глеб", "Олегович" },
	{ "Воронин", "Денис", "Павлович" }, { "Гусева", "Дарья", "Алексеевна" },
	{ "Давыдов", "Кирилл", "Романович" }, { "Егоров", "Максим", "Ильич" },
	{ "Ёжиков", "Лев", "Маркович" }, { "Ежов", "Семён", "Юрьевич" },
	{ "Елисеев", "Роман", "Денисович" }, { "Ёлкин", "Фёдор", "Степанович" },
	{ "Ёлкина", "Алёна", "Викторовна" }, { "Жуков", "Матвей", "Николаевич" },
	{ "Журавлёва", "Ксения", "Евгеньевна" },
	{ "Зайцев", "Тимофей", "Дмитриевич" }, { "Иванов", "Яков", "Петрович" },
	{ "Иванова", "Анна", "Сергеевна" },
	{ "Ивановский", "Олег", "Викторович" },
	{ "Ильина", "Полина", "Андреевна" }, { "Калинин", "Егор", "Васильевич" },
	{ "Киселёва", "Ульяна", "Олеговна" }, { "Козлов", "Никита", "Артёмович" },
	{ "Королёв", "Ярослав", "Максимович" },
	{ "Кузнецова", "Вероника", "Денисовна" },
	{ "Лебедев", "Даниил", "Константинович" },
	{ "Макарова", "Ева", "Александровна" },
	{ "Медведев", "Савелий", "Михайлович" },
	{ "Никитина", "Злата", "Павловна" },
	{ "Новиков", "Арсений", "Евгеньевич" }, { "Орлова", "Софья", "Игоревна" },
	{ "Павлов", "Платон", "Романович" }, { "Петрова", "Кира", "Алексеевна" },
	{ "Попов", "Марк", "Иванович" }, { "Романова", "Василиса", "Сергеевна" },
	{ "Семёнов", "Захар", "Андреевич" },
	{ "Смирнова", "Таисия", "Денисовна" },
	{ "Соловьёв", "Богдан", "Олегович" },
	{ "Соловьёва", "Арина", "Петровна" }, { "Тарасов", "Тимур", "Ильич" },
	{ "Титова", "Милана", "Юрьевна" }, { "Фролов", "Степан", "Николаевич" },
	{ "Чернов", "Ростислав", "Игоревич" },
	{ "Шубина", "Есения", "Максимовна" },
	{ "Щербаков", "Матвей", "Артёмович" }, { "Эйдельман", "Лев", "" },
	{ "Юдина", "Олеся", "Петровна" }, { "Яковлев", "Александр", "Сергеевич" },
};
#define NNAMES ((int)nitems(names))

static const char *classes[] = { "1А", "2Б", "5А", "7 б", "9А", "10А", "11Б" };

static void
mk(struct person *p, const char *last, const char *first, const char *patr,
    int cat, const char *birth, const char *class_)
{
	person_init(p);
	p->last = last ? xstrdup(last) : NULL;
	p->first = first ? xstrdup(first) : NULL;
	p->patronymic = patr && *patr ? xstrdup(patr) : NULL;
	p->category = cat;
	p->birth = birth ? xstrdup(birth) : NULL;
	p->class_ = class_ ? xstrdup(class_) : NULL;
}

static void
set(char **field, const char *v)
{
	free(*field);
	*field = v ? xstrdup(v) : NULL;
}

/* Validation of one changed field: refused, and the message names it. */
static void
refused(struct person *p, const char *needle, const char *what)
{
	struct nerr	err;

	err.msg[0] = '\0';
	ok(person_validate(p, &err) == -1, "refused: %s", what);
	like(err.msg, needle, "message for %s names it", what);
}

static void
t_categories(void)
{
	static const struct {
		const char	*typed;
		int		 want;
	} cats[] = {
		{ "ОБУЧАЮЩИЙСЯ", CAT_PUPIL }, { " ученик ", CAT_PUPIL },
		{ "Учитель", CAT_TEACHER }, { "педагог", CAT_TEACHER },
		{ "Молодой специалист", CAT_YOUNG },
		{ "Young Specialist", CAT_YOUNG }, { "родитель", CAT_PARENT },
		{ "выпускник", CAT_GRADUATE }, { "партнер", CAT_PARTNER },
		{ "Представитель партнёра", CAT_PARTNER },
		{ "студент педвуза", CAT_STUDENT },
		{ "Student teacher", CAT_STUDENT },
		{ "директор", -1 }, { "", -1 },
	}, sts[] = {
		{ "approved", MST_APPROVED }, { "Действующий", MST_ACTIVE },
		{ "в реестре", MST_APPROVED }, { "КАНДИДАТ", MST_CANDIDATE },
		{ "завершил", MST_FINISHED }, { "кто-то", -1 },
	};
	size_t	i;
	int	c;

	for (c = 0; c < CAT__COUNT; c++)
		is_int(person_category_parse(person_category_code(c)), c,
		    "category code %s parses", person_category_code(c));
	is_str(person_category_code(CAT_YOUNG), "young-specialist",
	    "young specialist code");
	for (i = 0; i < nitems(cats); i++)
		is_int(person_category_parse(cats[i].typed), cats[i].want,
		    "category \"%s\"", cats[i].typed);
	for (i = 0; i < nitems(sts); i++)
		is_int(mentor_status_parse(sts[i].typed), sts[i].want,
		    "mentor status \"%s\"", sts[i].typed);
	for (c = 0; c < MST__COUNT; c++)
		is_int(mentor_status_parse(mentor_status_code(c)), c,
		    "status code %s parses", mentor_status_code(c));
}

static void
t_class(void)
{
	char	*c;

	c = person_class_normalise("7 б");
	is_str(c, "7Б", "class \"7 б\" -> 7Б");
	free(c);
	c = person_class_normalise("7-б");
	is_str(c, "7Б", "class \"7-б\" -> 7Б");
	free(c);
	c = person_class_normalise("11а");
	is_str(c, "11А", "class 11а -> 11А");
	free(c);
	ok(person_class_normalise("12А") == NULL, "class 12А refused");
	c = person_class_normalise(" 7 ");
	is_str(c, "7", "a class with no letter (a small school) is kept");
	free(c);
	ok(person_class_normalise("7-") == NULL, "a dangling hyphen is refused");
	ok(person_class_normalise("0А") == NULL, "class 0А refused");
	ok(person_class_normalise("7B") == NULL, "Latin letter refused");
	ok(person_class_normalise("7ББ") == NULL, "two letters refused");
	ok(person_class_normalise("А7") == NULL, "letter first refused");
}

static void
t_validate(void)
{
	struct person	p;
	struct nerr	err;

	mk(&p, "Петров", "Иван", "Сергеевич", CAT_PUPIL, "2012-05-04", "7 б");
	ok(person_validate(&p, &err) == 0, "a good pupil passes");
	set(&p.last, NULL);
	refused(&p, "Last name", "empty last name");
	set(&p.last, "Петров");
	set(&p.first, "  ");
	refused(&p, "First name", "blank first name");
	set(&p.first, "Иван");
	set(&p.last, "Петров2");
	refused(&p, "Last name", "digit in the last name");
	set(&p.last, "Петров-Водкин");
	set(&p.patronymic, "Д'Артаньян ст.");
	ok(person_validate(&p, &err) == 0, "hyphen, apostrophe, dot allowed");
	set(&p.first, "Ив\033[2Jан");
	refused(&p, "First name", "escape sequence in the first name");
	set(&p.first, "Иван");
	set(&p.note, "звонить\x07");
	refused(&p, "Note", "bell in the note");
	set(&p.note, NULL);
	{
		char	long_name[300];

		memset(long_name, 'a', 150);
		long_name[150] = '\0';
		set(&p.last, long_name);
		refused(&p, "Last name", "a 150-letter last name");
		set(&p.last, "Петров");
	}
	set(&p.birth, "2024-02-31");
	refused(&p, "31.02.2024", "31.02.2024");
	set(&p.birth, "2025-11-23");
	refused(&p, "Birth date", "birth tomorrow (future)");
	set(&p.birth, "1899-12-31");
	refused(&p, "1900", "birth in 1899");
	set(&p.birth, "1900-01-01");
	ok(person_validate(&p, &err) == 0, "1 January 1900 passes");
	set(&p.birth, "2012-05-04");
	set(&p.class_, "12А");
	refused(&p, "Class", "class 12А");
	set(&p.class_, "7Б");
	p.category = CAT_TEACHER;
	refused(&p, "Class", "a class for a teacher");
	set(&p.class_, NULL);
	ok(person_validate(&p, &err) == 0, "a teacher without a class passes");
	p.category = 42;
	refused(&p, "category", "category out of range");
	p.category = CAT_PUPIL;

	set(&p.email, "ivan@school.ru");
	ok(person_validate(&p, &err) == 0, "e-mail passes");
	set(&p.email, "ivan school.ru");
	refused(&p, "E-mail", "e-mail without @");
	set(&p.email, "ivan@@school.ru");
	refused(&p, "E-mail", "e-mail with two @");
	set(&p.email, "ivan@school");
	refused(&p, "E-mail", "e-mail without a dot after @");
	set(&p.email, "iv an@school.ru");
	refused(&p, "E-mail", "e-mail with a space");
	set(&p.email, NULL);
	set(&p.phone, "+7 (912) 345-67-89");
	ok(person_validate(&p, &err) == 0, "phone passes");
	set(&p.phone, "123");
	refused(&p, "Phone", "phone with 3 digits");
	set(&p.phone, "8 912 ab");
	refused(&p, "Phone", "phone with letters");
	set(&p.phone, NULL);

	p.hours = 201;
	refused(&p, "Hours a month", "201 hours a month");
	p.hours = 10;
	p.capacity = 31;
	refused(&p, "Mentees at most", "capacity 31");
	p.capacity = 3;
	p.age_min = 15;
	p.age_max = 10;
	refused(&p, "15", "mentee age from > to");
	p.age_min = p.age_max = 0;
	set(&p.crim_date, "2030-01-01");
	refused(&p, "criminal record", "criminal record certificate in the future");
	set(&p.crim_date, NULL);
	set(&p.med_date, "2025-13-01");
	refused(&p, "Medical certificate", "medical certificate month 13");
	set(&p.med_date, NULL);
	set(&p.entered, "2025-09-31");
	refused(&p, "Date entered", "entered 31.09");
	set(&p.entered, NULL);
	p.mentor_status = 9;
	refused(&p, "status", "mentor status out of range");
	person_free(&p);
}

static void
t_roundtrip(struct db *db)
{
	struct person	p, g, a, b;
	struct nerr	err;
	long long	id;

	mk(&p, "Ёлкина", "Алёна", "Викторовна", CAT_PUPIL, "2014-03-08", "5 а");
	p.is_mentee = 1;
	p.request = xstrdup("адаптация в новом классе");
	p.entered = xstrdup("2025-09-05");
	p.is_mentor = 1;
	p.competencies = xstrdup("шахматы");
	p.hours = 4;
	p.capacity = 2;
	p.age_min = 7;
	p.age_max = 9;
	p.mentor_status = MST_ACTIVE;
	p.med_date = xstrdup("2025-08-20");
	p.phone = xstrdup("+7 912 000-00-01");
	if (!ok(person_insert(db, &p, &err) == 0, "insert a pupil"))
		diag("%s", err.msg);
	ok(p.id > 0, "id set");
	is_int(p.version, 1, "version 1");
	is_str(p.class_, "5А", "class given back normalised");
	if (!ok(person_get(db, p.id, &g, &err) == 0, "get it back"))
		diag("%s", err.msg);
	is_str(g.last, "Ёлкина", "last name");
	is_str(g.first, "Алёна", "first name");
	is_str(g.patronymic, "Викторовна", "patronymic");
	is_int(g.category, CAT_PUPIL, "category");
	is_str(g.birth, "2014-03-08", "birth");
	is_str(g.class_, "5А", "class stored normalised");
	is_str(g.phone, "+7 912 000-00-01", "phone");
	ok(g.email == NULL, "no e-mail is NULL");
	is_int(g.is_mentee, 1, "mentee flag");
	is_str(g.request, "адаптация в новом классе", "mentee request");
	is_str(g.entered, "2025-09-05", "entered");
	is_int(g.is_mentor, 1, "mentor flag");
	is_str(g.competencies, "шахматы", "competencies");
	is_int(g.hours, 4, "hours");
	is_int(g.capacity, 2, "capacity");
	is_int(g.age_min, 7, "age from");
	is_int(g.age_max, 9, "age to");
	is_int(g.mentor_status, MST_ACTIVE, "mentor status");
	is_str(g.med_date, "2025-08-20", "medical certificate date");
	{
		char *k = q_text(db, "SELECT class_key FROM person WHERE id = "
		    "(SELECT max(id) FROM person)");
		is_str(k, "05А|\n", "class_key 05А");
		free(k);
	}
	is_int(q_int(db, "SELECT count(*) FROM audit WHERE action = "
	    "'person.add' AND entity = 'person'"), 1, "audit row for the insert");
	person_free(&g);
	id = p.id;
	person_free(&p);

	/* Two people open the same record; the second save is refused. */
	person_get(db, id, &a, &err);
	person_get(db, id, &b, &err);
	set(&a.note, "переведена из другой школы");
	set(&a.request, "подтянуть математику");
	if (!ok(person_update(db, &a, &err) == 0, "first save goes through"))
		diag("%s", err.msg);
	is_int(a.version, 2, "version bumped");
	set(&b.first, "Елена");
	ok(person_update(db, &b, &err) == -1, "second save is refused");
	like(err.msg, "Someone else changed this participant",
	    "the conflict is explained");
	person_get(db, id, &g, &err);
	is_str(g.first, "Алёна", "the refused change is not saved");
	is_str(g.note, "переведена из другой школы", "the first change stays");
	is_str(g.request, "подтянуть математику", "mentee profile updated");
	is_int(g.version, 2, "version 2 in the database");
	person_free(&g);
	set(&a.class_, "13А");
	ok(person_update(db, &a, &err) == -1, "update validates");
	like(err.msg, "Class", "update names the field");
	person_free(&a);
	person_free(&b);

	/* Delete is refused while the person is in a pair. */
	sqlite3_exec(db->h, "INSERT INTO pair (id, form) VALUES (900, "
	    "'pupil-pupil')", NULL, NULL, NULL);
	{
		char	*sql;

		xasprintf(&sql, "INSERT INTO pair_member VALUES (900, %lld, "
		    "'mentee')", id);
		sqlite3_exec(db->h, sql, NULL, NULL, NULL);
		free(sql);
	}
	ok(person_delete(db, id, &err) == -1, "delete refused while in a pair");
	like(err.msg, "Ёлкина А. В.", "the refusal names the person");
	like(err.msg, "1 pair", "and how many pairs");
	ok(person_get(db, id, &g, &err) == 0, "still there");
	person_free(&g);
	sqlite3_exec(db->h, "DELETE FROM pair_member", NULL, NULL, NULL);
	if (!ok(person_delete(db, id, &err) == 0, "delete once out of the pair"))
		diag("%s", err.msg);
	ok(person_get(db, id, &g, &err) == -1, "gone");
	is_int(q_int(db, "SELECT count(*) FROM mentee"), 0, "mentee row gone");
	is_int(q_int(db, "SELECT count(*) FROM audit WHERE action = "
	    "'person.delete'"), 1, "audit row for the delete");
	ok(person_delete(db, id, &err) == -1, "deleting twice is an error");
	sqlite3_exec(db->h, "DELETE FROM pair", NULL, NULL, NULL);
}

static void
t_import_reps(struct db *db)
{
	struct person		 ps[3];
	struct representative	 r, *rs;
	struct nerr		 err;
	long long		 before;
	int			 n;

	before = q_int(db, "SELECT count(*) FROM person");
	mk(&ps[0], "Сидоров", "Павел", NULL, CAT_PUPIL, NULL, "3А");
	mk(&ps[1], "Сидорова", NULL, NULL, CAT_PUPIL, NULL, "3А");
	mk(&ps[2], "Сидорова", "Ольга", "Ивановна", CAT_PARENT, NULL, NULL);
	ok(person_import(db, ps, 3, &err) == -1, "import with a bad row fails");
	like(err.msg, "2", "names the row");
	like(err.msg, "First name", "and the field");
	is_int(q_int(db, "SELECT count(*) FROM person"), before,
	    "nothing saved");
	set(&ps[1].first, "Мария");
	if (!ok(person_import(db, ps, 3, &err) == 0, "import all"))
		diag("%s", err.msg);
	ok(ps[0].id > 0 && ps[2].id > ps[0].id, "ids set");

	memset(&r, 0, sizeof r);
	r.person_id = ps[0].id;
	r.relation = xstrdup("мать");
	ok(rep_add(db, &r, &err) == -1, "representative without a name refused");
	like(err.msg, "name", "message names the field");
	r.name = xstrdup("Сидорова Ольга\tИвановна");
	ok(rep_add(db, &r, &err) == -1, "control character refused");
	set(&r.name, "Сидорова Ольга Ивановна");
	r.phone = xstrdup("8 (34241) 2-11-05");
	if (!ok(rep_add(db, &r, &err) == 0, "representative added"))
		diag("%s", err.msg);
	ok(rep_list(db, ps[0].id, &rs, &n, &err) == 0, "list representatives");
	is_int(n, 1, "one representative");
	if (n == 1) {
		is_str(rs[0].name, "Сидорова Ольга Ивановна", "name");
		is_str(rs[0].relation, "мать", "relation");
		is_str(rs[0].phone, "8 (34241) 2-11-05", "phone");
	}
	rep_list_free(rs, n);
	ok(rep_delete(db, r.id, &err) == 0, "representative deleted");
	rep_list(db, ps[0].id, &rs, &n, &err);
	is_int(n, 0, "none left");
	rep_list_free(rs, n);
	rep_free(&r);
	for (n = 0; n < 3; n++) {
		person_delete(db, ps[n].id, &err);
		person_free(&ps[n]);
	}
}

static int rank_bad, find_bad;

/* Page through the whole filter forward and backward in windows of w. */
static int
walk(struct db *db, const struct person_filter *f, int w, long long *fwd,
    long long *bwd, int max)
{
	struct person_row	 rows[16], from;
	struct nerr		 err;
	int			 n, i, total = 0, have = 0, k;

	memset(&from, 0, sizeof from);
	for (;;) {
		n = person_page(db, f, have ? &from : NULL, 0, rows, w, &err);
		if (n < 0) {
			diag("%s", err.msg);
			break;
		}
		for (i = 0; i < n && total < max; i++) {
			struct person_row	one;

			if (person_rank(db, f, &rows[i], &err) != total)
				rank_bad++;
			if (person_row_find(db, f, rows[i].id, &one, &err) != 1)
				find_bad++;
			else {
				if (one.id != rows[i].id ||
				    strcmp(one.k1 ? one.k1 : "",
				    rows[i].k1 ? rows[i].k1 : "") != 0)
					find_bad++;
				person_rows_free(&one, 1);
			}
			fwd[total++] = rows[i].id;
		}
		if (have)
			person_rows_free(&from, 1);
		if (n > 0) {
			person_row_copy(&from, &rows[n - 1]);
			have = 1;
		}
		person_rows_free(rows, n);
		if (n < w)
			break;
	}
	if (have)
		person_rows_free(&from, 1);
	have = 0;
	k = max;
	for (;;) {
		n = person_page(db, f, have ? &from : NULL, 1, rows, w, &err);
		if (n < 0)
			break;
		for (i = n - 1; i >= 0 && k > 0; i--)
			bwd[--k] = rows[i].id;
		if (have)
			person_rows_free(&from, 1);
		if (n > 0) {
			person_row_copy(&from, &rows[0]);
			have = 1;
		}
		person_rows_free(rows, n);
		if (n < w)
			break;
	}
	if (have)
		person_rows_free(&from, 1);
	/* Shift the backward list to the front for comparing. */
	memmove(bwd, bwd + k, (size_t)(max - k) * sizeof *bwd);
	return (total);
}

static char *
full_name(struct db *db, long long id)
{
	struct person	p;
	struct nerr	err;
	char		*s;

	if (person_get(db, id, &p, &err) == -1)
		return (xstrdup("?"));
	xasprintf(&s, "%s %s %s", p.last, p.first, str_or(p.patronymic, ""));
	person_free(&p);
	return (s);
}

static void
t_paging(struct db *db)
{
	struct person		 p;
	struct person_filter	 f;
	struct person_row	 rows[8];
	struct nerr		 err;
	long long		 fwd[64], bwd[64], ids[NNAMES], sfwd[2][64];
	int			 nfound[2];
	char			*got, *want, **cl;
	int			 i, j, n, same, ncl, bad;

	for (i = 0; i < NNAMES; i++) {
		/* Scrambled, so the order comes from the keys, not the ids. */
		j = (i * 17) % NNAMES;
		mk(&p, names[j][0], names[j][1], names[j][2],
		    j % 10 == 3 ? CAT_TEACHER : CAT_PUPIL, NULL, NULL);
		if (p.category == CAT_PUPIL) {
			p.class_ = xstrdup(classes[j % nitems(classes)]);
			if (j % 6 != 5)
				xasprintf(&p.birth, "20%02d-%02d-%02d",
				    10 + j % 9, 1 + j % 12, 1 + j % 28);
		}
		p.is_mentor = j % 5 == 0;
		p.is_mentee = j % 4 == 1;
		if (person_insert(db, &p, &err) != 0)
			diag("insert %s: %s", names[j][0], err.msg);
		ids[j] = p.id;
		person_free(&p);
	}
	is_int(q_int(db, "SELECT count(*) FROM person"), NNAMES, "50 people");

	person_filter_init(&f);
	n = walk(db, &f, 7, fwd, bwd, NNAMES);
	is_int(n, NNAMES, "forward in windows of 7 reaches every row");
	same = 1;
	for (i = 0; i < NNAMES && i < n; i++) {
		if (fwd[i] != ids[i]) {
			got = full_name(db, fwd[i]);
			diag("row %d: got %s, want %s %s", i + 1, got,
			    names[i][0], names[i][1]);
			free(got);
			same = 0;
			break;
		}
	}
	ok(same, "forward order is the Russian order (Елисеев, Ёлкин, Жуков)");
	ok(memcmp(fwd, bwd, NNAMES * sizeof *fwd) == 0,
	    "backward paging gives the same rows");

	n = person_page(db, &f, NULL, 0, rows, 3, &err);
	is_int(n, 3, "a first window of 3");
	ok(n == 3 && rows[0].k1 != NULL && rows[0].k2 == NULL,
	    "name order: k1 set, k2 unused");
	person_rows_free(rows, n);

	/* Class order: school order of classes, people without one last. */
	f.sort = PSORT_CLASS;
	n = walk(db, &f, 7, fwd, bwd, NNAMES);
	is_int(n, NNAMES, "class order reaches every row");
	ok(memcmp(fwd, bwd, NNAMES * sizeof *fwd) == 0,
	    "class order backward matches");
	got = NULL;
	{
		struct sbuf	 b;
		char		*prev = NULL;

		sbuf_init(&b);
		for (i = 0; i < n; i++) {
			struct person	q;

			person_get(db, fwd[i], &q, &err);
			if (prev == NULL || strcmp(prev, str_or(q.class_, "-")) != 0) {
				sbuf_addf(&b, "%s ", str_or(q.class_, "-"));
				free(prev);
				prev = xstrdup(str_or(q.class_, "-"));
			}
			person_free(&q);
		}
		free(prev);
		got = sbuf_take(&b);
	}
	is_str(got, "1А 2Б 5А 7Б 9А 10А 11Б - ", "classes in school order, none last");
	free(got);

	f.sort = PSORT_BIRTH;
	n = walk(db, &f, 7, fwd, bwd, NNAMES);
	is_int(n, NNAMES, "birth order reaches every row");
	ok(memcmp(fwd, bwd, NNAMES * sizeof *fwd) == 0,
	    "birth order backward matches");
	bad = 0;
	{
		char	*prev = NULL;
		int	 nulls = 0;

		for (i = 0; i < n; i++) {
			struct person	q;

			person_get(db, fwd[i], &q, &err);
			if (q.birth == NULL)
				nulls = 1;
			else if (nulls || (prev && strcmp(prev, q.birth) > 0))
				bad = 1;
			free(prev);
			prev = q.birth ? xstrdup(q.birth) : NULL;
			person_free(&q);
		}
		free(prev);
	}
	ok(!bad, "births ascending, unknown births last");
	is_int(rank_bad, 0, "person_rank gives every row's place, in every order");
	is_int(find_bad, 0, "person_row_find gives the same row as the pages");

	/* Filters: searched both ways, through person_word and row by row. */
	for (int sparse = 0; sparse < 2; sparse++) {
		person_search_sparse = sparse ? 1000000 : 0;
		diag("search %s", sparse ? "through person_word" : "row by row");
		person_filter_init(&f);
		f.search = "ёлк";
		n = person_page(db, &f, NULL, 0, rows, 8, &err);
		is_int(n, 2, "search ёлк finds Ёлкин and Ёлкина");
		if (n > 0)
			is_str(rows[0].last, "Ёлкин", "Ёлкин first");
		person_rows_free(rows, n < 0 ? 0 : n);
		f.search = "ЁЛК";
		is_int(person_count(db, &f, &err), 2, "search ЁЛК");
		f.search = "елк";
		is_int(person_count(db, &f, &err), 2, "search елк");
		f.search = "ЕЛКИН ФЁД";
		is_int(person_count(db, &f, &err), 1, "search across surname and name");
		f.search = "ел";
		is_int(person_count(db, &f, &err), 3,
		    "search matches the start of words: Елисеев, Ёлкин(а), not Белов");
		f.search = "иванов  я";
		is_int(person_count(db, &f, &err), 1,
		    "every word of the search starts a word of the name");
		f.search = "zzz";
		is_int(person_count(db, &f, &err), 0, "search that finds nobody");
		n = person_page(db, &f, NULL, 0, rows, 8, &err);
		is_int(n, 0, "an empty window");
		{
			struct person_row	one;

			is_int(person_row_find(db, &f, ids[0], &one, &err), 0,
			    "person_row_find: a row the filter hides is not found");
		}
		/* A search paged in small windows, both ways, in order. */
		f.search = "с";
		rank_bad = find_bad = 0;
		n = walk(db, &f, 3, sfwd[sparse], bwd, 64);
		nfound[sparse] = n;
		same = n > 0;
		for (i = 0; i < n; i++)
			same = same && sfwd[sparse][i] == bwd[i];
		ok(same, "a search pages forward and backward alike (%d rows)",
		    n);
		is_int(rank_bad + find_bad, 0, "and every row's place is right");

	}
	person_search_sparse = 3000;
	same = nfound[0] == nfound[1];
	for (i = 0; same && i < nfound[0]; i++)
		same = sfwd[0][i] == sfwd[1][i];
	ok(same, "both ways of searching find the same rows in the same order");

	person_filter_init(&f);
	is_int(person_count(db, &f, &err), NNAMES, "count all");
	f.category = CAT_TEACHER;
	is_int(person_count(db, &f, &err), 5, "count teachers");
	n = person_page(db, &f, NULL, 0, rows, 8, &err);
	is_int(n, 5, "page of teachers");
	for (i = 0, bad = 0; i < n; i++)
		bad |= rows[i].category != CAT_TEACHER;
	ok(!bad, "only teachers");
	person_rows_free(rows, n < 0 ? 0 : n);

	person_filter_init(&f);
	f.class_ = "7 б";
	want = q_text(db, "SELECT count(*) FROM person WHERE class = '7Б'");
	xasprintf(&got, "%lld|\n", person_count(db, &f, &err));
	is_str(got, want, "class filter \"7 б\" matches 7Б");
	ok(strcmp(want, "0|\n") != 0, "there are pupils in 7Б");
	free(got);
	free(want);

	person_filter_init(&f);
	f.class_ = "10а";
	is_int(person_count(db, &f, &err),
	    q_int(db, "SELECT count(*) FROM person WHERE class = '10А'"),
	    "class filter 10а matches 10А");
	f.class_ = "13Я";
	is_int(person_count(db, &f, &err), 0, "a class that cannot be");

	person_filter_init(&f);
	f.role = PROLE_MENTOR;
	is_int(person_count(db, &f, &err),
	    q_int(db, "SELECT count(*) FROM person WHERE is_mentor"), "mentors");
	f.role = PROLE_MENTEE;
	f.sort = PSORT_CLASS;
	n = walk(db, &f, 3, fwd, bwd, NNAMES);
	is_int(n, q_int(db, "SELECT count(*) FROM person WHERE is_mentee"),
	    "mentees paged in class order");
	ok(memcmp(fwd, bwd, (size_t)n * sizeof *fwd) == 0,
	    "mentees backward match");

	ok(person_classes(db, &cl, &ncl, &err) == 0, "list classes");
	{
		struct sbuf	b;

		sbuf_init(&b);
		for (i = 0; i < ncl; i++)
			sbuf_addf(&b, "%s ", cl[i]);
		got = sbuf_take(&b);
		is_str(got, "1А 2Б 5А 7Б 9А 10А 11Б ", "classes: 10А after 9А");
		free(got);
	}
	person_classes_free(cl, ncl);

	/* The name order reads the index, never sorts the table. */
	got = q_text(db, "EXPLAIN QUERY PLAN SELECT id FROM person WHERE 1 "
	    "AND 1 AND (sort_key, id) > ('x', 1) ORDER BY sort_key, id "
	    "LIMIT 7");
	ok(strstr(got, "person_name") != NULL && strstr(got, "TEMP B-TREE") ==
	    NULL, "name order uses the index person_name");
	free(got);

	sqlite3_exec(db->h, "DELETE FROM mentee; DELETE FROM mentor; "
	    "DELETE FROM person", NULL, NULL, NULL);
}

/* Does a pupil's surname agree with the sex of the patronymic? */
static int
agrees(const char *last, const char *patr)
{
	size_t	l = strlen(last), p = strlen(patr);
	int	woman = p > 4 && (strcmp(patr + p - 4, "на") == 0);

#define ENDS(s, n, e) ((n) >= strlen(e) && strcmp((s) + (n) - strlen(e), (e)) == 0)
	if (woman)
		return (ENDS(last, l, "а") || ENDS(last, l, "я") ||
		    ENDS(last, l, "ых") || ENDS(last, l, "их") ||
		    ENDS(last, l, "ко"));
	return (!ENDS(last, l, "ова") && !ENDS(last, l, "ева") &&
	    !ENDS(last, l, "ина") && !ENDS(last, l, "ая") &&
	    !ENDS(last, l, "ёва"));
#undef ENDS
}

static void
t_demo(void)
{
	struct db	*a, *b, *c;
	struct nerr	 err;
	sqlite3_stmt	*st;
	char		*ta, *tb, *tc, *s;
	int		 bad_age = 0, bad_sex = 0, n = 0, age, grade;

	a = t_open_db(tmp, "demo-a.db");
	b = t_open_db(tmp, "demo-b.db");
	c = t_open_db(tmp, "demo-c.db");
	if (a == NULL || b == NULL || c == NULL) {
		skip(1, "cannot open the demo databases");
		return;
	}
	if (!ok(demo_fill(a, NULL, 7, &err) == 0, "demo school"))
		diag("%s", err.msg);
	ok(demo_fill(b, "МБОУ «Тестовая СОШ»", 7, &err) == 0, "same seed again");
	ok(demo_fill(c, NULL, 8, &err) == 0, "another seed");
	ok(demo_fill(a, NULL, 7, &err) == -1, "no demo into a filled database");
	like(err.msg, "empty", "and why");

	n = (int)q_int(a, "SELECT count(*) FROM person WHERE category = 'pupil'");
	ok(n >= 110 && n <= 130, "about 120 pupils (%d)", n);
	is_int(q_int(a, "SELECT count(*) FROM person WHERE category IN "
	    "('teacher', 'young-specialist')"), 15, "15 teachers");
	is_int(q_int(a, "SELECT count(*) FROM person WHERE category = "
	    "'young-specialist' AND birth BETWEEN '1998-01-01' AND "
	    "'2002-12-31'"), 3, "3 young specialists born 1998-2002");
	n = (int)q_int(a, "SELECT count(*) FROM person WHERE category = 'parent'");
	ok(n >= 25 && n <= 35, "about 30 parents (%d)", n);
	is_int(q_int(a, "SELECT count(*) FROM representative r JOIN person p "
	    "ON p.id = r.person_id WHERE p.category = 'pupil' AND r.relation "
	    "IN ('мать', 'отец') AND r.phone IS NOT NULL"), n,
	    "each parent is a pupil's legal representative");
	is_int(q_int(a, "SELECT count(*) FROM person WHERE category = 'partner' "
	    "AND organisation IS NOT NULL AND position IS NOT NULL"), 2,
	    "2 partner representatives with organisation and position");
	is_int(q_int(a, "SELECT count(*) FROM person WHERE category = "
	    "'graduate'"), 2, "2 graduates");
	is_int(q_int(a, "SELECT count(*) FROM person WHERE category = "
	    "'student'"), 1, "1 student teacher");
	n = (int)q_int(a, "SELECT count(*) FROM person p JOIN mentor m ON "
	    "m.person_id = p.id WHERE p.is_mentor AND m.competencies <> ''");
	ok(n >= 10 && n <= 15, "about 12 mentors with competencies (%d)", n);
	n = (int)q_int(a, "SELECT count(*) FROM person p JOIN mentee m ON "
	    "m.person_id = p.id WHERE p.is_mentee AND m.request <> '' AND "
	    "m.entered LIKE '2025-09-%' AND p.category = 'pupil'");
	ok(n >= 20 && n <= 30, "about 25 pupil mentees entered in September (%d)", n);
	is_int(q_int(a, "SELECT count(*) FROM person WHERE category = "
	    "'young-specialist' AND is_mentee"), 3, "young specialists are mentees");
	s = db_setting(a, "school.name");
	ok(s != NULL && *s != '\0', "school name set (%s)", s ? s : "");
	free(s);
	s = db_setting(b, "school.name");
	is_str(s, "МБОУ «Тестовая СОШ»", "school name as given");
	free(s);
	ok(q_int(a, "SELECT count(*) FROM person WHERE last LIKE 'Ё%' OR "
	    "first LIKE '%ё%' OR last LIKE '%ё%'") > 0, "some Ё names");

	if (sqlite3_prepare_v2(a->h, "SELECT birth, class, last, patronymic "
	    "FROM person WHERE category = 'pupil'", -1, &st, NULL) == SQLITE_OK) {
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *birth = (const char *)sqlite3_column_text(st, 0);
			const char *cls = (const char *)sqlite3_column_text(st, 1);

			age = date_age(birth, TODAY);
			grade = cls ? atoi(cls) : 0;
			if (grade < 1 || grade > 9 || age < grade + 6 ||
			    age > grade + 7) {
				if (!bad_age)
					diag("class %s, age %d", cls ? cls : "-",
					    age);
				bad_age++;
			}
			if (!agrees((const char *)sqlite3_column_text(st, 2),
			    (const char *)sqlite3_column_text(st, 3))) {
				if (!bad_sex)
					diag("%s %s", sqlite3_column_text(st, 2),
					    sqlite3_column_text(st, 3));
				bad_sex++;
			}
		}
		sqlite3_finalize(st);
	}
	is_int(bad_age, 0, "every pupil's class fits their age");
	is_int(bad_sex, 0, "surnames agree with patronymics");
	is_int(q_int(a, "SELECT count(*) FROM person WHERE sort_key = '' OR "
	    "search_key = ''"), 0, "keys computed for everyone");

	ta = q_text(a, "SELECT last, first, patronymic, birth, class FROM "
	    "person ORDER BY id");
	tb = q_text(b, "SELECT last, first, patronymic, birth, class FROM "
	    "person ORDER BY id");
	tc = q_text(c, "SELECT last, first, patronymic, birth, class FROM "
	    "person ORDER BY id");
	ok(strlen(ta) > 1000 && strcmp(ta, tb) == 0, "same seed, same school");
	ok(strcmp(ta, tc) != 0, "another seed, another school");
	free(ta);
	free(tb);
	free(tc);
	db_close(a);
	db_close(b);
	db_close(c);
}

int
main(void)
{
	struct db	*db;
	struct nerr	 err;

	if (t_tmpdir(tmp, sizeof tmp, "t-person") != 0) {
		printf("1..0 # SKIP no temporary folder\n");
		return (0);
	}
	if (date_set_today(TODAY, &err) != 0) {
		printf("Bail out! %s\n", err.msg);
		return (1);
	}
	t_categories();
	t_class();
	t_validate();
	if ((db = t_open_db(tmp, "people.db")) == NULL) {
		printf("Bail out! cannot open a database\n");
		return (1);
	}
	t_roundtrip(db);
	t_import_reps(db);
	t_paging(db);
	db_close(db);
	t_demo();
	t_rmtree(tmp);
	return (done_testing());
}
