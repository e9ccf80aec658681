/* bench/gen.c: make a municipal-size database of made-up participants for the benchmarks. */
#include "config.h"

#include <pwd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "date.h"
#include "db.h"
#include "gen.h"
#include "i18n.h"
#include "person.h"
#include "util.h"

/*
 * Every name here is invented for the benchmark: common Russian surnames and
 * first names, nothing taken from the school documents in shared/seeds.
 * Surnames are given in the masculine form; gen_female() derives the
 * feminine one by the usual endings.
 */
static const char *surnames[] = {
	"Абрамов", "Агапов", "Аксёнов", "Алексеев", "Андреев", "Анисимов",
	"Антонов", "Артемьев", "Афанасьев", "Баранов", "Белов", "Белоусов",
	"Беляев", "Бирюков", "Блинов", "Богданов", "Бондаренко", "Борисов",
	"Быков", "Васильев", "Виноградов", "Власов", "Волков", "Воробьёв",
	"Гаврилов", "Герасимов", "Голубев", "Горбунов", "Гордеев", "Григорьев",
	"Гусев", "Давыдов", "Данилов", "Дементьев", "Денисов", "Дмитриев",
	"Дорофеев", "Евдокимов", "Егоров", "Ежов", "Елисеев", "Ёлкин", "Ерёмин",
	"Ермаков", "Ершов", "Ефимов", "Жданов", "Жуков", "Журавлёв", "Зайцев",
	"Захаров", "Зимин", "Зиновьев", "Зуев", "Иванов", "Игнатьев", "Ильин",
	"Исаев", "Казаков", "Калинин", "Капустин", "Карпов", "Киселёв",
	"Клименко", "Ковалёв", "Козлов", "Колесников", "Комаров", "Кондратьев",
	"Коновалов", "Копылов", "Корнилов", "Королёв", "Коршунов", "Костин",
	"Кравченко", "Крылов", "Кудрявцев", "Кузнецов", "Кузьмин", "Кулагин",
	"Куликов", "Лаврентьев", "Лазарев", "Лапин", "Лебедев", "Левченко",
	"Лихачёв", "Логинов", "Лукин", "Макаров", "Максимов", "Марков",
	"Мартынов", "Масленников", "Матвеев", "Медведев", "Мельников",
	"Миронов", "Михайлов", "Моисеев", "Морозов", "Муравьёв", "Назаров",
	"Некрасов", "Никитин", "Николаев", "Новиков", "Носков", "Овчинников",
	"Одинцов", "Орлов", "Осипов", "Павлов", "Панов", "Пестов", "Петров",
	"Пономарёв", "Попов", "Потапов", "Родионов", "Рожков", "Романов",
	"Рыбаков", "Савельев", "Сазонов", "Селезнёв", "Семёнов", "Сергеев",
	"Сидоров", "Симонов", "Смирнов", "Соболев", "Соколов", "Соловьёв",
	"Сорокин", "Степанов", "Суворов", "Тарасов", "Терентьев", "Тимофеев",
	"Титов", "Третьяков", "Трофимов", "Уваров", "Устинов", "Фёдоров",
	"Филиппов", "Фомин", "Фролов", "Харитонов", "Хохлов", "Цветков",
	"Чернов", "Шаповалов", "Шевченко", "Шестаков", "Широков", "Шубин",
	"Щербаков", "Юдин", "Яковлев", "Ярославцев", "Покровский",
	"Вишневский", "Островский", "Белецкий", "Городецкий", "Лановой",
};

/* Names of children (born 2008-2020) and of adults, and fathers' names. */
static const char *boys[] = {
	"Александр", "Максим", "Артём", "Михаил", "Даниил", "Иван", "Дмитрий",
	"Кирилл", "Андрей", "Егор", "Никита", "Илья", "Алексей", "Матвей",
	"Тимофей", "Роман", "Владимир", "Ярослав", "Фёдор", "Георгий",
	"Константин", "Лев", "Марк", "Степан", "Арсений", "Глеб", "Платон",
	"Захар", "Савелий", "Тимур",
};
static const char *girls[] = {
	"Анастасия", "Мария", "Анна", "Виктория", "Полина", "Елизавета",
	"Екатерина", "Дарья", "Софья", "Александра", "Варвара", "Ксения",
	"Алиса", "Вероника", "Арина", "Василиса", "Ульяна", "Милана", "Ева",
	"Таисия", "Злата", "Кира", "Маргарита", "Валерия", "Ангелина",
	"Яна", "Есения", "Ольга", "Юлия", "Диана",
};
static const char *men[] = {
	"Сергей", "Андрей", "Алексей", "Дмитрий", "Владимир", "Евгений",
	"Игорь", "Олег", "Николай", "Павел", "Виктор", "Юрий", "Вадим",
	"Виталий", "Константин", "Денис", "Роман", "Максим", "Геннадий",
	"Анатолий", "Валерий", "Станислав", "Григорий", "Борис", "Леонид",
};
static const char *women[] = {
	"Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Светлана", "Марина",
	"Юлия", "Анна", "Екатерина", "Людмила", "Галина", "Надежда", "Оксана",
	"Валентина", "Вера", "Любовь", "Лариса", "Нина", "Евгения", "Алла",
	"Жанна", "Инна", "Раиса", "Тамара",
};
/* A father's name and the patronymics it gives a son and a daughter. */
static const struct {
	const char	*m;
	const char	*f;
} patronymics[] = {
	{ "Александрович", "Александровна" }, { "Сергеевич", "Сергеевна" },
	{ "Андреевич", "Андреевна" }, { "Алексеевич", "Алексеевна" },
	{ "Дмитриевич", "Дмитриевна" }, { "Владимирович", "Владимировна" },
	{ "Евгеньевич", "Евгеньевна" }, { "Игоревич", "Игоревна" },
	{ "Олегович", "Олеговна" }, { "Николаевич", "Николаевна" },
	{ "Павлович", "Павловна" }, { "Викторович", "Викторовна" },
	{ "Юрьевич", "Юрьевна" }, { "Вадимович", "Вадимовна" },
	{ "Витальевич", "Витальевна" }, { "Константинович", "Константиновна" },
	{ "Денисович", "Денисовна" }, { "Романович", "Романовна" },
	{ "Максимович", "Максимовна" }, { "Геннадьевич", "Геннадьевна" },
	{ "Анатольевич", "Анатольевна" }, { "Валерьевич", "Валерьевна" },
	{ "Михайлович", "Михайловна" }, { "Петрович", "Петровна" },
	{ "Ильич", "Ильинична" }, { "Григорьевич", "Григорьевна" },
	{ "Борисович", "Борисовна" }, { "Иванович", "Ивановна" },
	{ "Фёдорович", "Фёдоровна" }, { "Степанович", "Степановна" },
};
static const char *letters[] = { "А", "Б", "В", "Г", "Д" };
/*
 * Subjects in two forms, so requests and competencies meet with Russian
 * endings apart, as they do in real files: «по математике» in a request,
 * «математика» in a mentor's competencies.
 */
static const struct {
	const char	*nom;		/* математика */
	const char	*dat;		/* (по) математике */
} subjects[] = {
	{ "математика", "математике" }, { "алгебра", "алгебре" },
	{ "геометрия", "геометрии" }, { "физика", "физике" },
	{ "химия", "химии" }, { "биология", "биологии" },
	{ "история", "истории" }, { "обществознание", "обществознанию" },
	{ "география", "географии" }, { "информатика", "информатике" },
	{ "литература", "литературе" }, { "русский язык", "русскому языку" },
	{ "английский язык", "английскому языку" },
	{ "робототехника", "робототехнике" },
	{ "программирование", "программированию" },
	{ "краеведение", "краеведению" }, { "экология", "экологии" },
	{ "профориентация", "профориентации" }, { "шахматы", "шахматам" },
	{ "театр", "театру" }, { "волонтёрство", "волонтёрству" },
	{ "методика урока", "методике урока" },
	{ "классное руководство", "классному руководству" },
	{ "работа с родителями", "работе с родителями" },
};
/* A request: %s is a subject in the dative. */
static const char *request_forms[] = {
	"Подготовка к олимпиаде по %s", "Подготовка к ОГЭ по %s",
	"Трудности по %s", "Интерес к %s, нужен проект", "Помощь по %s",
	"Адаптация в новом классе, помощь по %s",
};
static const char *competency_forms[] = {
	"Олимпиадная %s", "%s", "Проектная деятельность: %s",
	"Подготовка к экзаменам, %s",
};
static const char *organisations[] = {
	"ООО «Северный ветер»", "АО «Речной порт»", "ГБУЗ «Городская поликлиника № 3»",
	"МУП «Водоканал»", "ООО «Кедр-Строй»", "Библиотека им. А. С. Пушкина",
};

static uint64_t	rng_state;

/* xorshift64*: fast and the same on every machine for a given seed. */
uint32_t
gen_rand(void)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return ((uint32_t)((rng_state * 2685821657736338717ULL) >> 32));
}

int
gen_upto(int n)
{
	return ((int)(gen_rand() % (uint32_t)n));
}

#define PICK(a) ((a)[gen_upto((int)nitems(a))])

static int
gen_ends_with(const char *s, const char *tail)
{
	size_t	ls = strlen(s), lt = strlen(tail);

	return (ls >= lt && strcmp(s + ls - lt, tail) == 0);
}

/* The feminine form of a masculine surname: Иванов > Иванова, Островский > Островская. */
static char *
gen_female(const char *m)
{
	static const char *add_a[] = { "ов", "ев", "ёв", "ин", "ын" };
	static const char *to_aya[] = { "ий", "ой", "ый" };
	char	*f;
	size_t	 i, len = strlen(m);

	for (i = 0; i < nitems(add_a); i++)
		if (gen_ends_with(m, add_a[i])) {
			xasprintf(&f, "%sа", m);
			return (f);
		}
	for (i = 0; i < nitems(to_aya); i++)
		if (gen_ends_with(m, to_aya[i])) {
			/* Both endings are two letters of two bytes each. */
			xasprintf(&f, "%.*sая", (int)(len - 4), m);
			return (f);
		}
	return (xstrdup(m));	/* Шевченко, Клименко */
}

/* A birth date in year y, any day (28 February at most, to stay simple). */
static char *
gen_birth(int y)
{
	char	*s;
	int	 m = 1 + gen_upto(12);

	xasprintf(&s, "%04d-%02d-%02d", y, m, 1 + gen_upto(m == 2 ? 28 :
	    date_days_in_month(y, m)));
	return (s);
}

static void
gen_name(struct person *p, int female, int child)
{
	const char	*sur = PICK(surnames);
	int		 k = gen_upto((int)nitems(patronymics));

	p->last = female ? gen_female(sur) : xstrdup(sur);
	if (child)
		p->first = xstrdup(female ? PICK(girls) : PICK(boys));
	else
		p->first = xstrdup(female ? PICK(women) : PICK(men));
	/* A few have no patronymic, as the schema allows. */
	if (gen_upto(50) != 0)
		p->patronymic = xstrdup(female ? patronymics[k].f :
		    patronymics[k].m);
}

static void
gen_mentee(struct person *p, int sy)
{
	p->is_mentee = 1;
	xasprintf(&p->request, PICK(request_forms), PICK(subjects).dat);
	xasprintf(&p->entered, "%04d-09-%02d", sy, 1 + gen_upto(28));
}

/*
 * A mentor: two subjects as competencies (the first word sometimes in an
 * adjective's company, «Олимпиадная математика»), one more as an interest,
 * 1-5 mentees, and the ages they prefer by who they are.
 */
static void
gen_mentor(struct person *p)
{
	p->is_mentor = 1;
	xasprintf(&p->competencies, "%s, %s", PICK(subjects).nom,
	    PICK(subjects).nom);
	if (gen_upto(2) == 0) {
		free(p->competencies);
		xasprintf(&p->competencies, PICK(competency_forms),
		    PICK(subjects).nom);
	}
	p->interests = xstrdup(PICK(subjects).nom);
	p->hours = 2 + gen_upto(8);
	p->capacity = 1 + gen_upto(5);
	switch (p->category) {
	case CAT_PUPIL:
		p->age_min = 7;
		p->age_max = 12;
		break;
	case CAT_PARTNER:
	case CAT_STUDENT:
		p->age_min = 12;
		p->age_max = 17;
		break;
	default:
		if (gen_upto(3) == 0) {
			p->age_min = 10;
			p->age_max = 17;
		}
		break;
	}
	/* Most of them at work; a few still candidates or done. */
	p->mentor_status = gen_upto(10) < 7 ? MST_ACTIVE :
	    gen_upto(MST__COUNT);
}

/*
 * One participant of a municipality: mostly pupils spread over classes 1-11
 * with birth years fitting their class, then parents, teachers and the rest.
 * sy is the year the current school year began.
 */
static void
gen_person(struct person *p, int sy)
{
	int	 r = gen_upto(1000), female = gen_upto(2), grade;
	char	*cls;

	person_init(p);
	if (r < 780) {
		p->category = CAT_PUPIL;
		grade = 1 + gen_upto(11);
		if (grade >= 10 && gen_upto(3) == 0)	/* fewer stay for 10-11 */
			grade = 1 + gen_upto(9);
		xasprintf(&cls, "%d%s", grade, letters[gen_upto(grade >= 10 ?
		    2 : (int)nitems(letters))]);
		p->class_ = cls;
		gen_name(p, female, 1);
		p->birth = gen_birth(sy - 7 - grade + gen_upto(2));
		/* About 40 % of everyone wants a mentor, 10 % can be one. */
		if (gen_upto(100) < 46)
			gen_mentee(p, sy);
		else if (grade >= 8 && gen_upto(100) < 36)
			gen_mentor(p);
	} else if (r < 900) {
		p->category = CAT_PARENT;
		gen_name(p, female, 0);
		p->birth = gen_birth(sy - 28 - gen_upto(24));
		xasprintf(&p->phone, "+7 9%02d %03d-%02d-%02d", gen_upto(100),
		    gen_upto(1000), gen_upto(100), gen_upto(100));
	} else if (r < 960) {
		p->category = CAT_TEACHER;
		gen_name(p, gen_upto(5) != 0, 0);	/* most teachers are women */
		p->birth = gen_birth(sy - 30 - gen_upto(36));
		if (gen_upto(100) < 60)
			gen_mentor(p);
		else if (gen_upto(100) < 40)
			gen_mentee(p, sy);
	} else if (r < 975) {
		p->category = CAT_YOUNG;
		gen_name(p, gen_upto(4) != 0, 0);
		p->birth = gen_birth(sy - 22 - gen_upto(12));
		if (gen_upto(100) < 60)
			gen_mentee(p, sy);
	} else if (r < 985) {
		p->category = CAT_GRADUATE;
		gen_name(p, female, 1);
		p->birth = gen_birth(sy - 18 - gen_upto(8));
		if (gen_upto(100) < 30)
			gen_mentor(p);
	} else if (r < 995) {
		p->category = CAT_PARTNER;
		gen_name(p, female, 0);
		p->birth = gen_birth(sy - 25 - gen_upto(35));
		p->organisation = xstrdup(PICK(organisations));
		p->position = xstrdup(gen_upto(2) ? "специалист" : "руководитель отдела");
		if (gen_upto(100) < 40)
			gen_mentor(p);
	} else {
		p->category = CAT_STUDENT;
		gen_name(p, female, 1);
		p->birth = gen_birth(sy - 18 - gen_upto(5));
		p->organisation = xstrdup("Педагогический колледж № 1");
		if (gen_upto(100) < 50)
			gen_mentor(p);
	}
}

static double
gen_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec + (double)ts.tv_nsec / 1e9);
}

static void
gen_usage(void)
{
	fprintf(stderr, "usage: gen [-b batch] [-n count] [-s seed] "
	    "[-p pairs] [-m meetings] [-a marks] [-u users] [-q responses] "
	    "file\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	struct db	*db;
	struct nerr	 err;
	struct gen_sizes sz;
	struct passwd	*pw;
	struct person	*batch;
	struct stat	 st;
	const char	*today;
	double		 t0, t;
	long		 n = 100000, bsize = 5000, done, k, i;
	unsigned long	 seed = 20260901;
	int		 c, sy;

	/* At 100 000 participants: the 30 000 pairs and so on. */
	memset(&sz, 0, sizeof sz);
	sz.pairs = sz.meetings = sz.marks = sz.users = sz.responses = -1;
	while ((c = getopt(argc, argv, "a:b:m:n:p:q:s:u:")) != -1) {
		switch (c) {
		case 'a':
			sz.marks = strtol(optarg, NULL, 10);
			break;
		case 'm':
			sz.meetings = strtol(optarg, NULL, 10);
			break;
		case 'p':
			sz.pairs = strtol(optarg, NULL, 10);
			break;
		case 'u':
			sz.users = strtol(optarg, NULL, 10);
			break;
		case 'q':
			sz.responses = strtol(optarg, NULL, 10);
			break;
		case 'b':
			bsize = strtol(optarg, NULL, 10);
			break;
		case 'n':
			n = strtol(optarg, NULL, 10);
			break;
		case 's':
			seed = strtoul(optarg, NULL, 10);
			break;
		default:
			gen_usage();
		}
	}
	if (argc - optind != 1 || n < 0 || bsize < 1 || bsize > 1000000)
		gen_usage();
	if (sz.pairs < 0)
		sz.pairs = n * 3 / 10;
	if (sz.meetings < 0)
		sz.meetings = n * 3;
	if (sz.marks < 0)
		sz.marks = n * 10;
	if (sz.users < 0)
		sz.users = n / 2000 > 0 ? n / 2000 : 1;
	if (sz.responses < 0)
		sz.responses = n;
	i18n_init();
	/* Never add thousands of strangers to somebody's real file. */
	if (stat(argv[optind], &st) == 0) {
		fprintf(stderr, "gen: %s exists; remove it first\n",
		    argv[optind]);
		return (1);
	}
	if (db_open(&db, argv[optind], DB_OPEN_CREATE, &err) != 0) {
		fprintf(stderr, "gen: %s\n", err.msg);
		return (1);
	}
	rng_state = 0x9E3779B97F4A7C15ULL ^ seed;
	today = date_today();
	sy = atoi(today) - (strncmp(today + 5, "09", 2) < 0 ? 1 : 0);

	batch = xcalloc((size_t)bsize, sizeof *batch);
	t0 = gen_now();
	for (done = 0; done < n; done += k) {
		k = n - done < bsize ? n - done : bsize;
		for (i = 0; i < k; i++)
			gen_person(&batch[i], sy);
		/* One transaction a call: batches keep each one short. */
		if (person_import(db, batch, (int)k, &err) != 0) {
			fprintf(stderr, "gen: batch at %ld: %s\n", done,
			    err.msg);
			db_close(db);
			return (1);
		}
		for (i = 0; i < k; i++)
			person_free(&batch[i]);
	}
	t = gen_now() - t0;
	free(batch);
	printf("gen: %ld participants in %.2f s: %.0f rows/s (batches of %ld)\n",
	    n, t, t > 0 ? (double)n / t : 0.0, bsize);
	fflush(stdout);
	/* Whoever generates it may open it: listed as its curator. */
	pw = getpwuid(getuid());
	sz.curator = pw != NULL && pw->pw_uid != 0 ? pw->pw_name : NULL;
	sz.sy = sy;
	sz.today = today;
	t0 = gen_now();
	if (sz.pairs > 0 && gen_pairs(db, &sz, &err) != 0) {
		fprintf(stderr, "gen: pairs: %s\n", err.msg);
		db_close(db);
		return (1);
	}
	if (sz.pairs > 0)
		printf("gen: pairs, plans, meetings and attendance in "
		    "%.2f s\n", gen_now() - t0);
	t0 = gen_now();
	if (sz.pairs > 0 && sz.responses > 0 && gen_answers(db, &sz,
	    &err) != 0) {
		fprintf(stderr, "gen: answers: %s\n", err.msg);
		db_close(db);
		return (1);
	}
	if (sz.pairs > 0 && sz.responses > 0)
		printf("gen: questionnaire answers in %.2f s\n",
		    gen_now() - t0);
	db_close(db);
	return (0);
}
