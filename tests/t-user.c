/* t-user.c: users and roles: the login, the first curator, refusals, the list of users. */
#include "config.h"

#include <sys/types.h>

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "db.h"
#include "user.h"
#include "util.h"

#include "tap.h"
#include "testlib.h"

static char	tmp[256];

/* Work in db as login (what db_open took from user_login()). */
static int
as(struct db *db, const char *login, struct nerr *err)
{
	free(db->user);
	db->user = login != NULL ? xstrdup(login) : NULL;
	nerr_clear(err);
	return (user_identify(db, err));
}

/* q_text kept until the next call, so a check can take it inline. */
static const char *
qs(struct db *db, const char *sql)
{
	static char	*last;

	free(last);
	last = db != NULL ? q_text(db, sql) : NULL;
	return (last);
}

static long long
add_teacher(struct db *db)
{
	if (sqlite3_exec(db->h, "INSERT INTO person(last, first, category, "
	    "sort_key, search_key) VALUES ('Иванова', 'Анна', 'teacher', "
	    "'иванова анна', 'иванова анна')", NULL, NULL, NULL) != SQLITE_OK)
		diag("insert person: %s", sqlite3_errmsg(db->h));
	return (sqlite3_last_insert_rowid(db->h));
}

static void
test_roles(void)
{
	is_str(user_role_code(ROLE_TEACHER), "teacher", "role code");
	is_int(user_role_parse("Teacher"), ROLE_TEACHER, "parse in any case");
	is_int(user_role_parse("viewer"), ROLE_VIEWER, "parse viewer");
	is_int(user_role_parse("curator"), ROLE_CURATOR, "parse curator");
	is_int(user_role_parse("director"), -1, "the old roles are gone");
	is_int(user_role_parse(NULL), -1, "NULL is no role");
}

static void
test_login(void)
{
	struct passwd	*pw = getpwuid(getuid());
	char		*s;

	setenv("USER", "olga", 1);
	unsetenv("NASTAVNIK_TEST_LOGIN");
	s = user_login();
	is_str(s, pw != NULL ? pw->pw_name : "(none)",
	    "the login comes from the uid, not from $USER");
	free(s);
	setenv("NASTAVNIK_TEST_LOGIN", "ivan", 1);
	s = user_login();
	is_str(s, "ivan", "the test hook stands in for the login");
	free(s);
	setenv("NASTAVNIK_TEST_LOGIN", "", 1);
	s = user_login();
	is_str(s, pw != NULL ? pw->pw_name : "(none)",
	    "an empty hook value falls back to the real login");
	free(s);
	unsetenv("NASTAVNIK_TEST_LOGIN");
}

static void
test_identify(void)
{
	struct nerr	 err;
	struct user	 u;
	struct db	*db;
	char		*k[2];
	long long	 pid;

	if ((db = t_open_db(tmp, "id.db")) == NULL) {
		skip(31, "no database");
		return;
	}
	pid = add_teacher(db);
	is_int(db->role, ROLE_CURATOR, "before identifying: curator");

	ok(as(db, "olga", &err) == 0, "the first one to open a new file");
	is_int(db->role, ROLE_CURATOR, "... is its curator");
	ok(db->user_id > 0, "... with a user id");
	is_str(qs(db, "SELECT login, role FROM user"), "olga|curator|\n",
	    "... recorded in the user table");
	is_int(q_int(db, "SELECT count(*) FROM audit WHERE action = "
	    "'user.add'"), 1, "... and in the audit log");

	user_init(&u);
	u.login = xstrdup("ivan");
	u.role = ROLE_TEACHER;
	k[0] = xstrdup("7б");
	k[1] = xstrdup("10 а");
	u.classes = k;
	u.nclasses = 2;
	u.person_id = pid + 100;
	ok(user_add(db, &u, &err) == -1, "a participant that is not there");
	like(err.msg, "no participant number", "... is named");
	u.person_id = pid;
	ok(user_add(db, &u, &err) == 0, "a teacher added");
	is_str(qs(db, "SELECT class FROM user_class ORDER BY class"),
	    "10А|\n7Б|\n", "classes in the school's spelling");
	ok(user_add(db, &u, &err) == -1, "the same login twice");
	like(err.msg, "already a user", "... is refused");
	u.classes = NULL;
	u.nclasses = 0;
	free(k[0]);
	free(k[1]);
	user_free(&u);

	user_init(&u);
	u.login = xstrdup("Dir");
	u.role = ROLE_VIEWER;
	ok(user_add(db, &u, &err) == -1, "a login with a capital letter");
	like(err.msg, "is not a login", "... is refused");
	free(u.login);
	u.login = xstrdup("dir");
	ok(user_add(db, &u, &err) == 0, "a viewer added");
	user_free(&u);

	ok(as(db, "ivan", &err) == 0, "the teacher opens it");
	is_int(db->role, ROLE_TEACHER, "... as a teacher");
	is_int(db->user_person, pid, "... who is that participant");
	ok(db_begin(db, &err) == -1, "a teacher's change is refused");
	like(err.msg, "teachers only mark attendance", "... saying why");
	like(err.msg, "«olga»", "... and whom to ask");
	db->scoped_write = 1;
	ok(db_begin(db, &err) == 0, "attendance marking may write");
	db_rollback(db);
	db->scoped_write = 0;

	ok(as(db, "dir", &err) == 0, "the viewer opens it");
	is_int(db->role, ROLE_VIEWER, "... as a viewer");
	ok(db_begin(db, &err) == -1, "a viewer's change is refused");
	like(err.msg, "«dir» may only read and print here", "... saying why");
	db->scoped_write = 1;
	ok(db_begin(db, &err) == -1, "a viewer cannot mark attendance either");
	db->scoped_write = 0;

	ok(as(db, "petr", &err) == -1, "an unknown login is refused");
	like(err.msg, "«petr» is not among this database's users",
	    "... with a sentence naming them");
	like(err.msg, "curator (login «olga»)", "... and the curator to ask");
	like(err.msg, "nastavnik user add petr --role teacher",
	    "... and the command for it");

	ok(as(db, "root", &err) == 0, "root, not listed, gets in");
	is_int(db->role, ROLE_CURATOR, "... as a curator");
	is_int(db->user_id, 0, "... with no user id");

	ok(as(db, NULL, &err) == -1, "a uid with no name is refused");
	db_close(db);
}

static void
test_manage(void)
{
	struct nerr	 err;
	struct user	 u, *us;
	struct db	*db;
	int		 n;

	if ((db = t_open_db(tmp, "mg.db")) == NULL) {
		skip(17, "no database");
		return;
	}
	as(db, "olga", &err);
	ok(user_delete(db, "olga", &err) == -1, "the last curator stays");
	like(err.msg, "only curator", "... saying so");
	user_init(&u);
	ok(user_get(db, "olga", &u, &err) == 0, "get a user");
	u.role = ROLE_VIEWER;
	ok(user_update(db, &u, &err) == -1, "the last curator keeps the role");
	u.role = ROLE_TEACHER;
	u.classes = xcalloc(1, sizeof *u.classes);
	u.classes[0] = xstrdup("7Б");
	u.nclasses = 1;
	user_free(&u);

	user_init(&u);
	u.login = xstrdup("petr");
	u.role = ROLE_VIEWER;
	u.classes = xcalloc(1, sizeof *u.classes);
	u.classes[0] = xstrdup("7Б");
	u.nclasses = 1;
	ok(user_add(db, &u, &err) == -1, "classes are for teachers only");
	like(err.msg, "only a teacher has classes", "... saying so");
	u.role = ROLE_CURATOR;
	free(u.classes[0]);
	free(u.classes);
	u.classes = NULL;
	u.nclasses = 0;
	ok(user_add(db, &u, &err) == 0, "a second curator");
	user_free(&u);

	ok(user_list(db, &us, &n, &err) == 0 && n == 2, "two users listed");
	if (n == 2)
		ok(strcmp(us[0].login, "olga") == 0 &&
		    strcmp(us[1].login, "petr") == 0, "... in login order");
	else
		skip(1, "not two");
	user_list_free(us, n);

	user_init(&u);
	user_get(db, "olga", &u, &err);
	u.role = ROLE_TEACHER;
	u.classes = xcalloc(1, sizeof *u.classes);
	u.classes[0] = xstrdup("5 в");
	u.nclasses = 1;
	ok(user_update(db, &u, &err) == 0, "with another curator, olga "
	    "becomes a teacher");
	is_str(qs(db, "SELECT role, class FROM user JOIN user_class ON "
	    "user_id = id"), "teacher|5В|\n", "... of 5В");
	user_free(&u);

	ok(user_delete(db, "nobody", &err) == -1, "an unknown login to delete");
	like(err.msg, "no user «nobody»", "... is named");
	ok(user_delete(db, "olga", &err) == 0, "a teacher removed");
	is_int(q_int(db, "SELECT count(*) FROM user_class"), 0,
	    "... with their classes");
	is_int(q_int(db, "SELECT count(*) FROM audit WHERE action = "
	    "'user.delete'"), 1, "... written to the audit log");
	ok(user_delete(db, "petr", &err) == -1, "petr is now the last curator");
	db_close(db);
}

/* A read-only file with no users: its reader is a curator, nothing written. */
static void
test_readonly(void)
{
	struct nerr	 err;
	struct db	*db;

	if ((db = t_open_db(tmp, "ro.db")) == NULL) {
		skip(3, "no database");
		return;
	}
	db_close(db);
	if (db_open(&db, t_path(tmp, "ro.db"), DB_OPEN_READONLY, &err) != 0) {
		diag("%s", err.msg);
		skip(3, "did not open");
		return;
	}
	ok(as(db, "olga", &err) == 0, "read-only, no users: let in");
	is_int(db->role, ROLE_CURATOR, "... as a curator");
	is_int(q_int(db, "SELECT count(*) FROM user"), 0, "... writing nothing");
	db_close(db);
}

int
main(void)
{
	if (t_tmpdir(tmp, sizeof tmp, "t-user") != 0) {
		printf("1..0 # SKIP no temporary folder\n");
		return (0);
	}
	test_roles();
	test_login();
	test_identify();
	test_manage();
	test_readonly();
	qs(NULL, NULL);
	t_rmtree(tmp);
	return (done_testing());
}
