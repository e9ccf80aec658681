/* demo.c: a believable small rural school, so a new user sees it living. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "consent.h"
#include "date.h"
#include "db.h"
#include "demo.h"
#include "person.h"
#include "roadmap.h"
#include "util.h"

/*
 * Everything here is invented.  The text is Russian data, not interface, so
 * it is not translated: a demo school in Russia has Russian names whatever
 * the user's language.
 */
#define DEMO_SCHOOL	"МКОУ «Заречинская ООШ»"
#define DEMO_PARTNER	"СПК «Заречье»"
#define DEMO_PARENTS	30
#define DEMO_MENTEES	25

/* A small PRNG of our own (splitmix64): the same seed, the same school. */
struct rng {
	uint64_t	s;
};

static uint32_t
rng_next(struct rng *r)
{
	uint64_t	z;

	z = (r->s += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return ((uint32_t)((z ^ (z >> 31)) >> 32));
}

/* A number from lo to hi inclusive. */
static int
rng_int(struct rng *r, int lo, int hi)
{
	return (lo + (int)(rng_next(r) % (uint32_t)(hi - lo + 1)));
}

#define PICK(r, a) ((a)[rng_int((r), 0, (int)nitems(a) - 1)])

/* Surnames in the masculine form; demo_feminine() makes the other. */
static const char *surnames[] = {
	"Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров",
	"Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков",
	"Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов",
	"Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин",
	"Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев",
	"Романов", "Воробьёв", "Сергеев", "Кузьмин", "Фролов", "Александров",
	"Дмитриев", "Королёв", "Гусев", "Киселёв", "Ильин", "Максимов",
	"Поляков", "Сорокин", "Виноградов", "Ковалёв", "Белов", "Медведев",
	"Антонов", "Тарасов", "Жуков", "Баранов", "Филиппов", "Комаров",
	"Давыдов", "Беляев", "Герасимов", "Богданов", "Осипов", "Сидоров",
	"Матвеев", "Титов", "Марков", "Миронов", "Крылов", "Куликов",
	"Ёлкин", "Ершов", "Журавлёв", "Щербаков", "Калинин", "Носков",
	"Чернов", "Вдовин", "Рябов", "Пестов", "Шубин", "Седых",
	"Черных", "Шевченко", "Бондаренко", "Заречный", "Высоцкий",
	"Луговской", "Толстой",
};

static const char *boys[] = {
	"Александр", "Алексей", "Артём", "Андрей", "Богдан", "Владимир",
	"Глеб", "Даниил", "Денис", "Дмитрий", "Егор", "Иван", "Илья",
	"Кирилл", "Максим", "Матвей", "Михаил", "Никита", "Николай", "Павел",
	"Роман", "Сергей", "Степан", "Тимофей", "Фёдор", "Ярослав", "Семён",
	"Платон", "Лев", "Марк", "Захар", "Арсений", "Тимур", "Савелий",
};
static const char *girls[] = {
	"Алёна", "Анастасия", "Анна", "Арина", "Варвара", "Вероника",
	"Виктория", "Дарья", "Ева", "Екатерина", "Елизавета", "Злата",
	"Ксения", "Мария", "Милана", "Полина", "София", "Таисия", "Ульяна",
	"Юлия", "Василиса", "Валерия", "Кира", "Алиса", "Олеся", "Есения",
	"Маргарита", "Александра", "Софья", "Ангелина",
};
static const char *men[] = {
	"Сергей", "Андрей", "Алексей", "Дмитрий", "Александр", "Николай",
	"Владимир", "Игорь", "Евгений", "Олег", "Виктор", "Юрий", "Михаил",
	"Павел", "Роман", "Денис", "Иван", "Константин", "Василий",
};
static const char *women[] = {
	"Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана",
	"Марина", "Галина", "Людмила", "Анна", "Юлия", "Оксана", "Надежда",
	"Екатерина", "Валентина", "Любовь", "Лариса", "Алёна", "Евгения",
};

/* A father's name and the patronymics it gives his son and daughter. */
struct patr {
	const char	*father;
	const char	*son;
	const char	*daughter;
};
/* Fathers of today's pupils. */
static const struct patr patr_young[] = {
	{ "Александр", "Александрович", "Александровна" },
	{ "Алексей", "Алексеевич", "Алексеевна" },
	{ "Андрей", "Андреевич", "Андреевна" },
	{ "Сергей", "Сергеевич", "Сергеевна" },
	{ "Дмитрий", "Дмитриевич", "Дмитриевна" },
	{ "Евгений", "Евгеньевич", "Евгеньевна" },
	{ "Денис", "Денисович", "Денисовна" },
	{ "Роман", "Романович", "Романовна" },
	{ "Максим", "Максимович", "Максимовна" },
	{ "Артём", "Артёмович", "Артёмовна" },
	{ "Иван", "Иванович", "Ивановна" },
	{ "Павел", "Павлович", "Павловна" },
	{ "Михаил", "Михайлович", "Михайловна" },
	{ "Олег", "Олегович", "Олеговна" },
	{ "Игорь", "Игоревич", "Игоревна" },
	{ "Константин", "Константинович", "Константиновна" },
	{ "Илья", "Ильич", "Ильинична" },
	{ "Никита", "Никитич", "Никитична" },
	{ "Фёдор", "Фёдорович", "Фёдоровна" },
};
/* Fathers of adults. */
static const struct patr patr_old[] = {
	{ "Анатолий", "Анатольевич", "Анатольевна" },
	{ "Василий", "Васильевич", "Васильевна" },
	{ "Пётр", "Петрович", "Петровна" },
	{ "Геннадий", "Геннадьевич", "Геннадьевна" },
	{ "Виктор", "Викторович", "Викторовна" },
	{ "Николай", "Николаевич", "Николаевна" },
	{ "Владимир", "Владимирович", "Владимировна" },
	{ "Юрий", "Юрьевич", "Юрьевна" },
	{ "Михаил", "Михайлович", "Михайловна" },
	{ "Александр", "Александрович", "Александровна" },
	{ "Степан", "Степанович", "Степановна" },
	{ "Иван", "Иванович", "Ивановна" },
	{ "Борис", "Борисович", "Борисовна" },
	{ "Валерий", "Валерьевич", "Валерьевна" },
};

/* Classes of a basic (nine-year) school, one parallel doubled. */
static const struct {
	int		 grade;
	const char	*letter;
	int		 size;
} classes[] = {
	{ 1, "А", 14 }, { 2, "А", 12 }, { 3, "А", 13 }, { 4, "А", 11 },
	{ 5, "А", 12 }, { 6, "А", 13 }, { 7, "А", 10 }, { 7, "Б", 9 },
	{ 8, "А", 13 }, { 9, "А", 13 },
};

/* What pupils ask a mentor for, by the grades it suits. */
static const struct {
	int		 lo, hi;
	const char	*text;
} pupil_requests[] = {
	{ 1, 4, "адаптация в новом классе" },
	{ 1, 4, "помощь с чтением и пересказом" },
	{ 2, 4, "подтянуть счёт и таблицу умножения" },
	{ 1, 4, "найти друзей, освоиться в школе" },
	{ 5, 5, "адаптация к обучению в пятом классе" },
	{ 5, 8, "подтянуть русский язык" },
	{ 5, 7, "научиться планировать время на домашние задания" },
	{ 6, 8, "подготовка к олимпиаде по биологии" },
	{ 7, 8, "подтянуть алгебру и геометрию" },
	{ 7, 9, "выбор кружка и профиля по интересам" },
	{ 6, 9, "проект по краеведению" },
	{ 9, 9, "подтянуть математику к ОГЭ" },
	{ 9, 9, "подготовка к ОГЭ по русскому языку" },
	{ 8, 9, "выбор профессии и колледжа после 9 класса" },
	{ 8, 9, "подготовка к итоговому собеседованию" },
};

/* Ninth-graders who help the younger ones: competencies, interests. */
static const char *pupil_mentors[3][2] = {
	{ "помощь младшим с математикой, призёр муниципальной олимпиады",
	    "шахматы, конструирование" },
	{ "помощь с домашними заданиями, вожатый в летнем лагере",
	    "футбол, волонтёрство" },
	{ "чтение вслух и пересказ, школьная газета",
	    "рисование, фотография" },
};

/* Teachers: position, sex (1 man), and what a mentor among them offers. */
static const struct {
	const char	*position;
	int		 man;
	const char	*competencies;	/* NULL: not a mentor */
	const char	*interests;
	int		 status;
} teachers[] = {
	{ "учитель математики", 0, "подготовка к ОГЭ по математике, "
	    "олимпиадная математика, наставничество молодых учителей",
	    "шахматы, краеведение", MST_ACTIVE },
	{ "учитель русского языка и литературы", 0, "подготовка к ОГЭ и "
	    "итоговому собеседованию, проектная деятельность",
	    "школьный театр, чтение", MST_ACTIVE },
	{ "учитель начальных классов", 0, "адаптация первоклассников, "
	    "работа с родителями, методика начальной школы",
	    "рукоделие, сад", MST_ACTIVE },
	{ "учитель начальных классов", 0, NULL, NULL, 0 },
	{ "учитель начальных классов", 0, NULL, NULL, 0 },
	{ "учитель биологии и химии", 0, "олимпиады по биологии, "
	    "исследовательские проекты", "экология, походы", MST_APPROVED },
	{ "учитель истории и обществознания", 1, NULL, NULL, 0 },
	{ "учитель физической культуры", 1, NULL, NULL, 0 },
	{ "учитель английского языка", 0, NULL, NULL, 0 },
	{ "учитель информатики и физики", 1, "цифровые инструменты, "
	    "электронный журнал, робототехника", "радиотехника, рыбалка",
	    MST_APPROVED },
	{ "педагог-психолог", 0, "адаптация, профилактика конфликтов, "
	    "сопровождение молодых педагогов", "психология общения",
	    MST_CANDIDATE },
	{ "учитель технологии и ИЗО", 0, NULL, NULL, 0 },
};

static const struct {
	const char	*position;
	const char	*request;
} young[] = {
	{ "учитель математики", "освоить электронный журнал и подготовку "
	    "к ОГЭ" },
	{ "учитель начальных классов", "дисциплина на уроке и работа "
	    "с родителями" },
	{ "учитель английского языка", "составить рабочую программу, "
	    "подготовиться к аттестации" },
};

/* The state of one fill. */
struct demo {
	struct db	*db;
	struct rng	 rng;
	int		 year;		/* the school year's first year */
	int		 order;		/* the order approving the registry */
	char		 today[DATE_ISO_LEN];
};

/* Иванов -> Иванова, Высоцкий -> Высоцкая, Заречный -> Заречная, Седых. */
static char *
demo_feminine(const char *m)
{
	size_t	 len = strlen(m);
	char	*f;

	if (len > 4 && (strcmp(m + len - 4, "ов") == 0 ||
	    strcmp(m + len - 4, "ев") == 0 ||
	    strcmp(m + len - 4, "ёв") == 0 ||
	    strcmp(m + len - 4, "ин") == 0 ||
	    strcmp(m + len - 4, "ын") == 0)) {
		xasprintf(&f, "%sа", m);
		return (f);
	}
	if (len > 4 && (strcmp(m + len - 4, "ий") == 0 ||
	    strcmp(m + len - 4, "ый") == 0 || strcmp(m + len - 4, "ой") == 0)) {
		xasprintf(&f, "%.*sая", (int)(len - 4), m);
		return (f);
	}
	return (xstrdup(m));
}

/* A random ISO date from..to (inclusive), never after today. */
static char *
demo_date(struct demo *d, const char *from, const char *to)
{
	char	 iso[DATE_ISO_LEN];
	long	 a = date_days(from), b = date_days(to), t;

	t = date_days(d->today);
	if (b > t)
		b = t;
	if (a > b)
		a = b;
	date_from_days(a + (long)(rng_next(&d->rng) % (uint32_t)(b - a + 1)),
	    iso);
	return (xstrdup(iso));
}

static char *
demo_date_years(struct demo *d, int y0, int y1)
{
	char	from[32], to[32];	/* room for any int year */

	snprintf(from, sizeof from, "%04d-01-01", y0);
	snprintf(to, sizeof to, "%04d-12-31", y1);
	return (demo_date(d, from, to));
}

static char *
demo_phone(struct demo *d)
{
	char	*s;

	xasprintf(&s, "+7 9%02d %03d-%02d-%02d", rng_int(&d->rng, 0, 99),
	    rng_int(&d->rng, 100, 999), rng_int(&d->rng, 0, 99),
	    rng_int(&d->rng, 0, 99));
	return (s);
}

/*
 * ФИО of an adult of the given sex; the young (born after 1995) get the
 * names of today's pupils, the others those of their parents.
 */
static void
demo_adult(struct demo *d, struct person *p, int man, int junior)
{
	const struct patr	*pt;
	const char		*sur = PICK(&d->rng, surnames), *first;

	if (junior) {
		pt = &PICK(&d->rng, patr_young);
		first = man ? PICK(&d->rng, boys) : PICK(&d->rng, girls);
	} else {
		pt = &PICK(&d->rng, patr_old);
		first = man ? PICK(&d->rng, men) : PICK(&d->rng, women);
	}
	p->last = man ? xstrdup(sur) : demo_feminine(sur);
	p->first = xstrdup(first);
	p->patronymic = xstrdup(man ? pt->son : pt->daughter);
}

/* Papers an outside mentor brings, dated in the summer before the year. */
static void
demo_papers(struct demo *d, struct person *p)
{
	char	from[32], to[32];	/* room for any int year */

	snprintf(from, sizeof from, "%04d-06-01", d->year);
	snprintf(to, sizeof to, "%04d-08-25", d->year);
	p->crim_date = demo_date(d, from, to);
	xasprintf(&p->crim_ref, "№ %d/%d", rng_int(&d->rng, 100, 9999),
	    d->year);
	p->med_date = demo_date(d, from, to);
	xasprintf(&p->med_ref, "№ %d", rng_int(&d->rng, 10, 999));
}

static void
demo_mentor(struct demo *d, struct person *p, const char *comp,
    const char *interests, int status, int age_min, int age_max)
{
	p->is_mentor = 1;
	p->competencies = xstrdup(comp);
	if (interests != NULL)
		p->interests = xstrdup(interests);
	p->mentor_status = status;
	p->age_min = age_min;
	p->age_max = age_max;
	p->hours = rng_int(&d->rng, 2, 8);
	p->capacity = rng_int(&d->rng, 1, 4);
	if (status == MST_APPROVED || status == MST_ACTIVE)
		xasprintf(&p->approved_order, "приказ № %d-о от 29.08.%d",
		    d->order, d->year);
}

static void
demo_mentee(struct demo *d, struct person *p, const char *request)
{
	char	from[32], to[32];	/* room for any int year */

	p->is_mentee = 1;
	p->request = xstrdup(request);
	snprintf(from, sizeof from, "%04d-09-02", d->year);
	snprintf(to, sizeof to, "%04d-09-25", d->year);
	p->entered = demo_date(d, from, to);
}

/* A pupil's family, kept to make a parent who agrees with the child. */
struct family {
	const char	*surname;	/* masculine */
	const struct patr *father;
	long long	 child;
	char		 birth[DATE_ISO_LEN];
};

static int
demo_pupils(struct demo *d, struct family *fam, int *nfam, struct nerr *err)
{
	struct person	 p;
	char		 from[32], to[32], *req;
	size_t		 c, r;
	int		 i, n = 0, total = 0, girl, g, mentees = 0, mentors = 0;

	for (c = 0; c < nitems(classes); c++)
		total += classes[c].size;
	for (c = 0; c < nitems(classes); c++) {
		g = classes[c].grade;
		/* Born to be g+6 to g+7 years old this school year. */
		snprintf(from, sizeof from, "%04d-09-01", d->year - 7 - g);
		snprintf(to, sizeof to, "%04d-08-31", d->year - 6 - g);
		for (i = 0; i < classes[c].size; i++, n++) {
			person_init(&p);
			girl = rng_int(&d->rng, 0, 1);
			fam[n].surname = PICK(&d->rng, surnames);
			fam[n].father = &PICK(&d->rng, patr_young);
			p.last = girl ? demo_feminine(fam[n].surname) :
			    xstrdup(fam[n].surname);
			p.first = xstrdup(girl ? PICK(&d->rng, girls) :
			    PICK(&d->rng, boys));
			p.patronymic = xstrdup(girl ? fam[n].father->daughter :
			    fam[n].father->son);
			p.category = CAT_PUPIL;
			p.birth = demo_date(d, from, to);
			xasprintf(&p.class_, "%d%s", g, classes[c].letter);
			/* Older pupils who help the younger ones. */
			if (g == 9 && rng_int(&d->rng, 0, classes[c].size -
			    i - 1) < 3 - mentors) {
				demo_mentor(d, &p, pupil_mentors[mentors][0],
				    pupil_mentors[mentors][1], MST_ACTIVE, 7,
				    12);
				mentors++;
			} else if (g > 1 && rng_int(&d->rng, 0, total - n -
			    1) < DEMO_MENTEES - mentees) {
				do {
					r = (size_t)rng_int(&d->rng, 0,
					    (int)nitems(pupil_requests) - 1);
				} while (g < pupil_requests[r].lo ||
				    g > pupil_requests[r].hi);
				req = xstrdup(pupil_requests[r].text);
				demo_mentee(d, &p, req);
				free(req);
				mentees++;
			}
			if (person_insert_tx(d->db, &p, err) == -1) {
				person_free(&p);
				return (-1);
			}
			fam[n].child = p.id;
			snprintf(fam[n].birth, sizeof fam[n].birth, "%s",
			    p.birth);
			person_free(&p);
		}
	}
	*nfam = n;
	return (0);
}

static int
demo_teachers(struct demo *d, struct nerr *err)
{
	struct person	p;
	size_t		i;

	for (i = 0; i < nitems(teachers); i++) {
		person_init(&p);
		demo_adult(d, &p, teachers[i].man, 0);
		/* The demo's teacher user (demo.h): a name to find her by. */
		if (i == 0) {
			free(p.last);
			p.last = xstrdup("Иванова");
		}
		p.category = CAT_TEACHER;
		p.birth = demo_date_years(d, 1962, 1990);
		p.position = xstrdup(teachers[i].position);
		p.phone = demo_phone(d);
		if (teachers[i].competencies != NULL)
			demo_mentor(d, &p, teachers[i].competencies,
			    teachers[i].interests, teachers[i].status, 0, 0);
		if (person_insert_tx(d->db, &p, err) == -1) {
			person_free(&p);
			return (-1);
		}
		person_free(&p);
	}
	for (i = 0; i < nitems(young); i++) {
		person_init(&p);
		demo_adult(d, &p, i == 0, 1);
		p.category = CAT_YOUNG;
		p.birth = demo_date_years(d, 1998, 2002);
		p.position = xstrdup(young[i].position);
		p.phone = demo_phone(d);
		demo_mentee(d, &p, young[i].request);
		if (person_insert_tx(d->db, &p, err) == -1) {
			person_free(&p);
			return (-1);
		}
		person_free(&p);
	}
	return (0);
}

/* Parents of some pupils, recorded also as their legal representatives. */
static int
demo_parents(struct demo *d, struct family *fam, int nfam, struct nerr *err)
{
	struct person		 p;
	struct representative	 rep;
	int			 i, k, step, man, by;

	/* One parent in each run of step pupils: spread over the classes. */
	if ((step = nfam / DEMO_PARENTS) < 1)
		step = 1;
	for (k = 0; k < DEMO_PARENTS && k * step < nfam; k++) {
		i = k * step + rng_int(&d->rng, 0, step - 1);
		if (i >= nfam)
			break;
		man = rng_int(&d->rng, 0, 9) < 4;
		person_init(&p);
		if (man) {
			p.last = xstrdup(fam[i].surname);
			p.first = xstrdup(fam[i].father->father);
			p.patronymic = xstrdup(PICK(&d->rng, patr_old).son);
		} else {
			p.last = demo_feminine(fam[i].surname);
			p.first = xstrdup(PICK(&d->rng, women));
			p.patronymic = xstrdup(
			    PICK(&d->rng, patr_old).daughter);
		}
		p.category = CAT_PARENT;
		by = atoi(fam[i].birth) - rng_int(&d->rng, 22, 36);
		p.birth = demo_date_years(d, by, by);
		p.phone = demo_phone(d);
		if (person_insert_tx(d->db, &p, err) == -1) {
			person_free(&p);
			return (-1);
		}
		memset(&rep, 0, sizeof rep);
		rep.person_id = fam[i].child;
		xasprintf(&rep.name, "%s %s %s", p.last, p.first, p.patronymic);
		rep.relation = xstrdup(man ? "отец" : "мать");
		rep.phone = xstrdup(p.phone);
		person_free(&p);
		if (rep_insert_tx(d->db, &rep, err) == -1) {
			rep_free(&rep);
			return (-1);
		}
		rep_free(&rep);
	}
	return (0);
}

/* The partner organisation, two graduates and a student teacher. */
static int
demo_outside(struct demo *d, struct nerr *err)
{
	static const struct {
		int		 cat;
		int		 man;
		int		 y0, y1;
		const char	*org;
		const char	*position;
		const char	*comp;		/* NULL: not a mentor */
		const char	*interests;
		int		 status;
		int		 age_min, age_max;
	} who[] = {
		{ CAT_PARTNER, 1, 1975, 1985, DEMO_PARTNER, "главный агроном",
		    "агрономия, профориентация на сельскохозяйственные "
		    "профессии", "пчеловодство", MST_APPROVED, 12, 15 },
		{ CAT_PARTNER, 0, 1980, 1990, DEMO_PARTNER,
		    "ветеринарный врач", NULL, NULL, 0, 0, 0 },
		{ CAT_GRADUATE, 0, 0, 0, "Аграрный колледж", "студентка",
		    "поступление в колледж, студенческая жизнь",
		    "танцы, волонтёрство", MST_ACTIVE, 13, 15 },
		{ CAT_GRADUATE, 1, 0, 0, DEMO_PARTNER, "тракторист-машинист",
		    NULL, NULL, 0, 0, 0 },
		{ CAT_STUDENT, 0, 0, 0, "Педагогический колледж",
		    "студентка 4 курса", "игровые методики на уроке, "
		    "подготовка к ВПР в начальной школе", "музыка",
		    MST_CANDIDATE, 8, 11 },
	};
	struct person	p;
	size_t		i;
	int		y0, y1;

	for (i = 0; i < nitems(who); i++) {
		person_init(&p);
		demo_adult(d, &p, who[i].man, who[i].y0 == 0);
		p.category = who[i].cat;
		y0 = who[i].y0 != 0 ? who[i].y0 : d->year - 21;
		y1 = who[i].y1 != 0 ? who[i].y1 : d->year - 19;
		p.birth = demo_date_years(d, y0, y1);
		p.organisation = xstrdup(who[i].org);
		p.position = xstrdup(who[i].position);
		p.phone = demo_phone(d);
		if (who[i].cat == CAT_GRADUATE)
			xasprintf(&p.note, "выпуск %d г.",
			    atoi(p.birth) + 16);
		if (who[i].comp != NULL) {
			demo_mentor(d, &p, who[i].comp, who[i].interests,
			    who[i].status, who[i].age_min, who[i].age_max);
			demo_papers(d, &p);
		}
		if (person_insert_tx(d->db, &p, err) == -1) {
			person_free(&p);
			return (-1);
		}
		person_free(&p);
	}
	return (0);
}

/* Only into an empty register: a demo mixed into real records is harm. */
static int
demo_empty(struct db *db, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 n = -1;

	if ((st = db_prepare(db, "SELECT count(*) FROM person", err)) == NULL)
		return (-1);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (n == -1)
		return (db_fail(db, err, _("creating the demo school")));
	if (n > 0)
		return (nerr_set(err, _("The database already has %d "
		    "participants; the demo school can only be made in an "
		    "empty one."), n));
	return (0);
}

/* The demo school is Russian whatever the locale of whoever makes it. */
#define DEMO_CONSENT_REF "папка «Согласия»"

/*
 * Consents as a school has them in the autumn: most papers in, signed in
 * the first weeks of September, a few still owed, and one class (7Б)
 * whose papers have not come back at all, for the class checklist.
 */
static int
demo_consents(struct demo *d, struct nerr *err)
{
	sqlite3_stmt	*st;
	long long	*pd, *part;
	int		 npd = 0, npart = 0, cap = 256, rc;
	char		 date[DATE_ISO_LEN];

	if ((st = db_prepare(d->db, "SELECT id, is_mentor OR is_mentee "
	    "FROM person WHERE class IS NOT '7Б' ORDER BY id", err)) == NULL)
		return (-1);
	pd = xreallocarray(NULL, (size_t)cap, sizeof *pd);
	part = xreallocarray(NULL, (size_t)cap, sizeof *part);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (npd == cap) {
			cap *= 2;
			pd = xreallocarray(pd, (size_t)cap, sizeof *pd);
			part = xreallocarray(part, (size_t)cap, sizeof *part);
		}
		/* About one in eight has not brought the paper yet. */
		if (rng_int(&d->rng, 1, 8) == 1)
			continue;
		pd[npd++] = sqlite3_column_int64(st, 0);
		if (sqlite3_column_int(st, 1))
			part[npart++] = pd[npd - 1];
	}
	sqlite3_finalize(st);
	snprintf(date, sizeof date, "%04d-09-%02d", d->year,
	    rng_int(&d->rng, 5, 12));
	/* Papers signed before today only: the demo may be made in September. */
	if (strcmp(date, d->today) > 0)
		snprintf(date, sizeof date, "%s", d->today);
	rc = rc != SQLITE_DONE ? db_fail(d->db, err, _("making the demo "
	    "school")) : 0;
	if (rc == 0)
		rc = consent_add_batch_tx(d->db, pd, npd, CK_PD, date,
		    DEMO_CONSENT_REF, err);
	if (rc == 0)
		rc = consent_add_batch_tx(d->db, part, npart, CK_PARTICIPATION,
		    date, DEMO_CONSENT_REF, err);
	free(pd);
	free(part);
	return (rc);
}

static int
demo_fill_tx(struct demo *d, const char *school, struct nerr *err)
{
	struct family	*fam;
	int		 nfam = 0, total = 0, rc;
	size_t		 c;

	if (demo_empty(d->db, err) == -1)
		return (-1);
	if (db_set_setting(d->db, "school.name", str_or(school, DEMO_SCHOOL),
	    err) == -1)
		return (-1);
	for (c = 0; c < nitems(classes); c++)
		total += classes[c].size;
	fam = xcalloc((size_t)total, sizeof *fam);
	rc = demo_pupils(d, fam, &nfam, err);
	if (rc == 0)
		rc = demo_teachers(d, err);
	if (rc == 0)
		rc = demo_parents(d, fam, nfam, err);
	if (rc == 0)
		rc = demo_outside(d, err);
	free(fam);
	if (rc == 0)
		rc = demo_consents(d, err);
	if (rc == 0)
		rc = roadmap_demo(d->db, err);
	if (rc == 0)
		rc = db_audit(d->db, "demo.fill", "person", 0, err);
	return (rc);
}

/*
 * Take a half-made demo out again, so a failed init leaves the file empty
 * as it found it (the opener's own user row stays).
 */
static void
demo_undo(struct db *db)
{
	static const char sql[] =
	    "DELETE FROM attendance; DELETE FROM meeting; DELETE FROM plan; "
	    "DELETE FROM pair; DELETE FROM user WHERE login = '" DEMO_TEACHER
	    "' AND role = 'teacher'; DELETE FROM roadmap; DELETE FROM consent; "
	    "DELETE FROM representative; DELETE FROM person; "
	    "DELETE FROM setting WHERE key = 'school.name';";
	struct nerr	err;

	if (db_begin(db, &err) != 0)
		return;
	if (db_exec(db, sql, &err) != 0 || db_commit(db, &err) != 0)
		db_rollback(db);
}

int
demo_fill(struct db *db, const char *school, unsigned int seed,
    struct nerr *err)
{
	struct demo	d;
	char		sy[32];

	memset(&d, 0, sizeof d);
	d.db = db;
	d.rng.s = 0x6e617374ULL ^ ((uint64_t)seed << 17) ^ seed;
	snprintf(d.today, sizeof d.today, "%s", date_today());
	date_school_year(d.today, sy, sizeof sy);
	d.year = atoi(sy);
	if (d.year < 1900)
		return (nerr_set(err, _("Today's date is not known, so the "
		    "demo school cannot be made; set it with --today.")));
	d.order = rng_int(&d.rng, 40, 120);
	if (db_begin(db, err) == -1)
		return (-1);
	if (demo_fill_tx(&d, school, err) == -1) {
		db_rollback(db);
		return (-1);
	}
	if (db_commit(db, err) == -1)
		return (-1);
	/*
	 * Hundreds of short transactions follow: a lost demo is made again,
	 * so they need not each wait for the disk.
	 */
	(void)db_exec(db, "PRAGMA synchronous=NORMAL", err);
	if (demo_pairs(db, seed, err) == -1) {
		demo_undo(db);
		(void)sqlite3_exec(db->h, "PRAGMA synchronous=FULL", NULL, NULL,
		    NULL);
		return (-1);
	}
	return (db_exec(db, "PRAGMA synchronous=FULL", err));
}
