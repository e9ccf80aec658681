/* user.c: who is working: the Unix login, the users of the file and their roles. */
#include "config.h"

#include <sys/types.h>

#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <sqlite3.h>

#include "db.h"
#include "person.h"
#include "text.h"
#include "user.h"
#include "util.h"

/* Set only by tests/login-fake.c; nothing in the program touches it. */
char *(*user_login_hook)(void);

static const char *const user_codes[ROLE__COUNT] = {
	"curator", "teacher", "viewer"
};

const char *
user_role_code(int r)
{
	return (r >= 0 && r < ROLE__COUNT ? user_codes[r] : "viewer");
}

const char *
user_role_label(int r)
{
	/* "teacher" is also a category of participants: keep them apart. */
	switch (r) {
	case ROLE_CURATOR:
		return (C_("role", "curator"));
	case ROLE_TEACHER:
		return (C_("role", "teacher"));
	default:
		return (C_("role", "viewer"));
	}
}

int
user_role_parse(const char *s)
{
	char	*a, *b;
	int	 r, same;

	if (s == NULL)
		return (-1);
	for (r = 0; r < ROLE__COUNT; r++)
		if (strcasecmp(s, user_codes[r]) == 0)
			return (r);
	a = text_fold_dup(s);
	for (r = 0; r < ROLE__COUNT; r++) {
		b = text_fold_dup(user_role_label(r));
		same = strcmp(a, b) == 0;
		free(b);
		if (same)
			break;
	}
	free(a);
	return (r < ROLE__COUNT ? r : -1);
}

void
user_init(struct user *u)
{
	memset(u, 0, sizeof *u);
	u->role = ROLE_VIEWER;
}

void
user_free(struct user *u)
{
	int	i;

	free(u->login);
	free(u->name);
	for (i = 0; i < u->nclasses; i++)
		free(u->classes[i]);
	free(u->classes);
	memset(u, 0, sizeof *u);
}

char *
user_login(void)
{
	struct passwd	*pw;
	char		*s;

	if (user_login_hook != NULL && (s = user_login_hook()) != NULL)
		return (s);
	/* The real uid: $USER and getlogin() are whatever one says. */
	if ((pw = getpwuid(getuid())) == NULL || pw->pw_name == NULL ||
	    *pw->pw_name == '\0')
		return (NULL);
	return (xstrdup(pw->pw_name));
}

/* How many users the file has; -1 with err. */
static long long
user_count(struct db *db, const char *where, struct nerr *err)
{
	sqlite3_stmt	*st;
	char		*sql;
	long long	 n = -1;

	xasprintf(&sql, "SELECT count(*) FROM user%s", where);
	st = db_prepare(db, sql, err);
	free(sql);
	if (st == NULL)
		return (-1);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	else
		db_fail(db, err, _("reading the users"));
	sqlite3_finalize(st);
	return (n);
}

/*
 * The curators' logins as «olga», «petr» for a sentence; the count in *n.
 * malloc'd, NULL with err.
 */
static char *
user_curators(struct db *db, int *n, struct nerr *err)
{
	sqlite3_stmt	*st;
	struct sbuf	 b;
	int		 rc;

	*n = 0;
	if ((st = db_prepare(db, "SELECT login FROM user WHERE role = "
	    "'curator' ORDER BY login", err)) == NULL)
		return (NULL);
	sbuf_init(&b);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n < 5)
			sbuf_addf(&b, "%s«%s»", *n > 0 ? ", " : "",
			    (const char *)sqlite3_column_text(st, 0));
		(*n)++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		sbuf_free(&b);
		db_fail(db, err, _("reading the users"));
		return (NULL);
	}
	return (sbuf_take(&b));
}

/* "ask the curator (login «olga»)" and the like, for the end of a refusal. */
static char *
user_ask(struct db *db)
{
	struct nerr	 err;
	char		*who, *s;
	int		 n;

	if ((who = user_curators(db, &n, &err)) == NULL || n == 0) {
		free(who);
		return (xstrdup(_("ask the system administrator (root)")));
	}
	xasprintf(&s, ngettext("ask the curator (login %s)",
	    "ask one of the curators (logins %s)", n), who);
	free(who);
	return (s);
}

int
user_refuse_write(struct db *db, struct nerr *err)
{
	const char	*login = db->user != NULL ? db->user : "?";
	char		*ask;

	ask = user_ask(db);
	if (db->role == ROLE_TEACHER)
		nerr_set(err, _("«%s» is a teacher here, and teachers only "
		    "mark attendance at their own meetings; %s for any other "
		    "change"), login, ask);
	else
		nerr_set(err, _("«%s» may only read and print here; %s for "
		    "changes"), login, ask);
	free(ask);
	return (-1);
}

/* The first user of a file is its curator: the one who made it. */
static int
user_first(struct db *db, struct nerr *err)
{
	sqlite3_stmt	*st;
	long long	 n;
	int		 rc;

	if (db_begin(db, err) != 0)
		return (-1);
	/* Someone opening it at the same moment may have come first. */
	if ((n = user_count(db, "", err)) != 0) {
		db_rollback(db);
		return (n < 0 ? -1 : 0);
	}
	if ((st = db_prepare(db, "INSERT INTO user(login, role) VALUES "
	    "(?, 'curator')", err)) == NULL) {
		db_rollback(db);
		return (-1);
	}
	sqlite3_bind_text(st, 1, db->user, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_fail(db, err, _("recording the first curator"));
		db_rollback(db);
		return (-1);
	}
	if (db_audit(db, "user.add", "user", sqlite3_last_insert_rowid(db->h),
	    err) != 0) {
		db_rollback(db);
		return (-1);
	}
	return (db_commit(db, err));
}

int
user_identify(struct db *db, struct nerr *err)
{
	sqlite3_stmt	*st;
	char		*ask;
	long long	 n;
	int		 rc, r;

	db->role = ROLE_CURATOR;
	db->user_id = 0;
	db->user_person = 0;
	if (db->user == NULL)
		return (nerr_set(err, _("your user id %lu has no login name on "
		    "this computer; ask the system administrator to give it "
		    "one"), (unsigned long)getuid()));
	if ((n = user_count(db, "", err)) < 0)
		return (-1);
	/* A read-only file cannot record its first curator: just be one. */
	if (n == 0 && (db->readonly || user_first(db, err) != 0))
		return (db->readonly ? 0 : -1);

	if ((st = db_prepare(db, "SELECT id, role, person_id FROM user "
	    "WHERE login = ?", err)) == NULL)
		return (-1);
	sqlite3_bind_text(st, 1, db->user, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		db->user_id = sqlite3_column_int64(st, 0);
		r = user_role_parse((const char *)sqlite3_column_text(st, 1));
		/* A role this version does not know reads only. */
		db->role = r >= 0 ? r : ROLE_VIEWER;
		db->user_person = sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return (0);
	if (rc != SQLITE_DONE)
		return (db_fail(db, err, _("reading the users")));
	/* Root can read and write the file anyway: the way back in. */
	if (strcmp(db->user, "root") == 0)
		return (0);
	ask = user_ask(db);
	nerr_set(err, _("the login «%s» is not among this database's users; "
	    "%s to add you: nastavnik user add %s --role teacher"), db->user,
	    ask, db->user);
	free(ask);
	db->role = ROLE_VIEWER;
	return (-1);
}

/* ---- the list of users ---- */

static int
user_login_valid(const char *s, struct nerr *err)
{
	const char	*p;

	if (s == NULL || *s == '\0')
		return (nerr_set(err, "%s", _("give the user's login, the name "
		    "they log in to the computer with")));
	for (p = s; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || *p == '_')
			continue;
		if (p > s && ((*p >= '0' && *p <= '9') || *p == '.' ||
		    *p == '-'))
			continue;
		break;
	}
	if (*p != '\0' || p - s > 32)
		return (nerr_set(err, _("«%s» is not a login: a login is up to "
		    "32 small Latin letters, digits, '_', '.' and '-', "
		    "starting with a letter or '_'"), s));
	return (0);
}

/* Check u and put its classes into the school's spelling ("7Б"). */
static int
user_check(struct db *db, struct user *u, struct nerr *err)
{
	char	*k;
	int	 i, j, e;

	if (user_login_valid(u->login, err) != 0)
		return (-1);
	if (u->role < 0 || u->role >= ROLE__COUNT)
		return (nerr_set(err, _("the user «%s» needs a role: curator, "
		    "teacher or viewer"), u->login));
	if (u->nclasses > 0 && u->role != ROLE_TEACHER)
		return (nerr_set(err, _("only a teacher has classes; «%s» is "
		    "to be a %s"), u->login, user_role_label(u->role)));
	for (i = 0; i < u->nclasses; i++) {
		if ((k = person_class_normalise(u->classes[i])) == NULL)
			return (nerr_set(err, _("«%s» is not a class; write "
			    "a class as 7Б or 10А"), u->classes[i]));
		free(u->classes[i]);
		u->classes[i] = k;
		for (j = 0; j < i; j++) {
			if (strcmp(u->classes[j], k) == 0)
				return (nerr_set(err, _("the class %s is "
				    "given twice"), k));
		}
	}
	if (u->person_id != 0) {
		if ((e = db_exists(db, "SELECT 1 FROM person WHERE id = ?",
		    u->person_id, err)) < 0)
			return (-1);
		if (e == 0)
			return (nerr_set(err, _("there is no participant number "
			    "%lld; give the number 'list people' shows"),
			    u->person_id));
	}
	return (0);
}

/* Write u's row's dependants: its classes, in the caller's transaction. */
static int
user_put_classes(struct db *db, const struct user *u, struct nerr *err)
{
	sqlite3_stmt	*st;
	int		 i, rc;

	if (db_delete_id(db, "DELETE FROM user_class WHERE user_id = ?",
	    u->id, _("saving the user's classes"), err) < 0)
		return (-1);
	if ((st = db_prepare(db, "INSERT INTO user_class(user_id, class) "
	    "VALUES (?, ?)", err)) == NULL)
		return (-1);
	for (i = 0; i < u->nclasses; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, u->id);
		sqlite3_bind_text(st, 2, u->classes[i], -1, SQLITE_TRANSIENT);
		if ((rc = sqlite3_step(st)) != SQLITE_DONE) {
			sqlite3_finalize(st);
			return (db_fail(db, err, _("saving the user's "
			    "classes")));
		}
	}
	sqlite3_finalize(st);
	return (0);
}

static void
user_bind(sqlite3_stmt *st, const struct user *u)
{
	sqlite3_bind_text(st, 1, u->login, -1, SQLITE_TRANSIENT);
	if (u->name != NULL)
		sqlite3_bind_text(st, 2, u->name, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, 2);
	sqlite3_bind_text(st, 3, user_role_code(u->role), -1, SQLITE_STATIC);
	if (u->person_id != 0)
		sqlite3_bind_int64(st, 4, u->person_id);
	else
		sqlite3_bind_null(st, 4);
}

/* The user's id by login: >0, 0 if there is none, -1 with err. */
static long long
user_id_of(struct db *db, const char *login, struct nerr *err)
{
	sqlite3_stmt	*st;
	long long	 id = 0;
	int		 rc;

	if ((st = db_prepare(db, "SELECT id FROM user WHERE login = ?",
	    err)) == NULL)
		return (-1);
	sqlite3_bind_text(st, 1, login, -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return (db_fail(db, err, _("reading the users")));
	return (id);
}

int
user_add(struct db *db, struct user *u, struct nerr *err)
{
	sqlite3_stmt	*st;
	long long	 had;
	int		 rc;

	if (user_check(db, u, err) != 0)
		return (-1);
	if (db_begin(db, err) != 0)
		return (-1);
	if ((had = user_id_of(db, u->login, err)) != 0) {
		db_rollback(db);
		if (had < 0)
			return (-1);
		return (nerr_set(err, _("«%s» is already a user here; change "
		    "them with 'nastavnik user edit %s'"), u->login,
		    u->login));
	}
	if ((st = db_prepare(db, "INSERT INTO user(login, name, role, "
	    "person_id) VALUES (?, ?, ?, ?)", err)) == NULL)
		goto fail;
	user_bind(st, u);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_fail(db, err, _("adding the user"));
		goto fail;
	}
	u->id = sqlite3_last_insert_rowid(db->h);
	if (user_put_classes(db, u, err) != 0 ||
	    db_audit(db, "user.add", "user", u->id, err) != 0)
		goto fail;
	return (db_commit(db, err));

fail:
	db_rollback(db);
	return (-1);
}

/* Would the file be left without a curator if id stopped being one? */
static int
user_last_curator(struct db *db, long long id, struct nerr *err)
{
	char		*where;
	long long	 n;

	xasprintf(&where, " WHERE role = 'curator' AND id <> %lld", id);
	n = user_count(db, where, err);
	free(where);
	if (n < 0)
		return (-1);
	if (n > 0)
		return (0);
	n = db_exists(db, "SELECT 1 FROM user WHERE id = ? AND role = "
	    "'curator'", id, err);
	return (n);
}

int
user_update(struct db *db, const struct user *u, struct nerr *err)
{
	struct user	 c;
	sqlite3_stmt	*st;
	int		 i, rc, last;

	/* user_check tidies the classes: work on a copy. */
	c = *u;
	c.login = xstrdup(u->login != NULL ? u->login : "");
	c.name = u->name != NULL ? xstrdup(u->name) : NULL;
	c.classes = xcalloc((size_t)u->nclasses + 1, sizeof *c.classes);
	for (i = 0; i < u->nclasses; i++)
		c.classes[i] = xstrdup(u->classes[i]);
	if (user_check(db, &c, err) != 0) {
		user_free(&c);
		return (-1);
	}
	if (db_begin(db, err) != 0) {
		user_free(&c);
		return (-1);
	}
	if (c.role != ROLE_CURATOR) {
		if ((last = user_last_curator(db, c.id, err)) < 0)
			goto fail;
		if (last) {
			nerr_set(err, _("«%s» is the only curator; make another "
			    "user a curator first"), c.login);
			goto fail;
		}
	}
	if ((st = db_prepare(db, "UPDATE user SET login = ?, name = ?, "
	    "role = ?, person_id = ? WHERE id = ?", err)) == NULL)
		goto fail;
	user_bind(st, &c);
	sqlite3_bind_int64(st, 5, c.id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_fail(db, err, _("saving the user"));
		goto fail;
	}
	if (sqlite3_changes(db->h) == 0) {
		nerr_set(err, _("the user «%s» has been removed by someone "
		    "else"), c.login);
		goto fail;
	}
	if (user_put_classes(db, &c, err) != 0 ||
	    db_audit(db, "user.edit", "user", c.id, err) != 0)
		goto fail;
	user_free(&c);
	return (db_commit(db, err));

fail:
	db_rollback(db);
	user_free(&c);
	return (-1);
}

int
user_delete(struct db *db, const char *login, struct nerr *err)
{
	long long	id;
	int		last;

	if (db_begin(db, err) != 0)
		return (-1);
	if ((id = user_id_of(db, login, err)) <= 0) {
		db_rollback(db);
		if (id < 0)
			return (-1);
		return (nerr_set(err, _("there is no user «%s»; see 'nastavnik "
		    "user list'"), login));
	}
	if ((last = user_last_curator(db, id, err)) != 0) {
		db_rollback(db);
		if (last < 0)
			return (-1);
		return (nerr_set(err, _("«%s» is the only curator and cannot "
		    "be removed; make another user a curator first"), login));
	}
	if (db_delete_id(db, "DELETE FROM user WHERE id = ?", id,
	    _("removing the user"), err) < 0 ||
	    db_audit(db, "user.delete", "user", id, err) != 0) {
		db_rollback(db);
		return (-1);
	}
	return (db_commit(db, err));
}

/* The classes of every user in the list, in one pass. */
static int
user_load_classes(struct db *db, struct user *us, int n, struct nerr *err)
{
	sqlite3_stmt	*st;
	struct user	*u;
	long long	 id;
	int		 i, rc;

	if ((st = db_prepare(db, "SELECT user_id, class FROM user_class "
	    "ORDER BY user_id, class", err)) == NULL)
		return (-1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		for (i = 0, u = NULL; i < n && u == NULL; i++)
			if (us[i].id == id)
				u = &us[i];
		if (u == NULL)
			continue;
		u->classes = xreallocarray(u->classes, (size_t)u->nclasses + 1,
		    sizeof *u->classes);
		u->classes[u->nclasses++] = xstrdup((const char *)
		    sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return (db_fail(db, err, _("reading the users")));
	return (0);
}

/* Users where login = one, or all (one NULL), curators first. */
static int
user_select(struct db *db, const char *one, struct user **out, int *np,
    struct nerr *err)
{
	sqlite3_stmt	*st;
	struct user	*us = NULL, *u;
	const char	*t;
	int		 n = 0, rc, r;

	*out = NULL;
	*np = 0;
	if ((st = db_prepare(db, "SELECT id, login, name, role, person_id "
	    "FROM user WHERE ?1 IS NULL OR login = ?1 ORDER BY CASE role "
	    "WHEN 'curator' THEN 0 WHEN 'teacher' THEN 1 ELSE 2 END, login",
	    err)) == NULL)
		return (-1);
	if (one != NULL)
		sqlite3_bind_text(st, 1, one, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		us = xreallocarray(us, (size_t)n + 1, sizeof *us);
		u = &us[n++];
		user_init(u);
		u->id = sqlite3_column_int64(st, 0);
		u->login = xstrdup((const char *)sqlite3_column_text(st, 1));
		if ((t = (const char *)sqlite3_column_text(st, 2)) != NULL)
			u->name = xstrdup(t);
		r = user_role_parse((const char *)sqlite3_column_text(st, 3));
		u->role = r >= 0 ? r : ROLE_VIEWER;
		u->person_id = sqlite3_column_int64(st, 4);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		user_list_free(us, n);
		return (db_fail(db, err, _("reading the users")));
	}
	if (user_load_classes(db, us, n, err) != 0) {
		user_list_free(us, n);
		return (-1);
	}
	*out = us;
	*np = n;
	return (0);
}

int
user_get(struct db *db, const char *login, struct user *u, struct nerr *err)
{
	struct user	*us;
	int		 n;

	if (user_select(db, login != NULL ? login : "", &us, &n, err) != 0)
		return (-1);
	if (n == 0) {
		free(us);
		return (nerr_set(err, _("there is no user «%s»; see 'nastavnik "
		    "user list'"), login != NULL ? login : ""));
	}
	user_free(u);
	*u = us[0];
	free(us);
	return (0);
}

int
user_list(struct db *db, struct user **out, int *n, struct nerr *err)
{
	return (user_select(db, NULL, out, n, err));
}

void
user_list_free(struct user *us, int n)
{
	int	i;

	for (i = 0; i < n; i++)
		user_free(&us[i]);
	free(us);
}
