/* user.h: who is working: Unix logins, their roles, and what each role may reach. */
#ifndef NASTAVNIK_USER_H
#define NASTAVNIK_USER_H

#include "db.h"
#include "util.h"

/*
 * curator: everything.  teacher: their classes and the pairs where they
 * mentor; marks attendance there and changes nothing else.  viewer (the
 * director, the coordinator): reads and prints only.
 */
enum user_role {
	ROLE_CURATOR,
	ROLE_TEACHER,
	ROLE_VIEWER,
	ROLE__COUNT
};
const char *user_role_code(int);	/* curator teacher viewer */
const char *user_role_label(int);	/* translated: «куратор» */
int	 user_role_parse(const char *);	/* code or label, any case; -1 */

/* Strings malloc'd. */
struct user {
	long long	 id;
	char		*login;
	char		*name;		/* how to call them, may be NULL */
	int		 role;
	long long	 person_id;	/* the teacher as a participant; 0 */
	char		**classes;	/* a teacher's classes ("7Б") */
	int		 nclasses;
};
void	 user_init(struct user *);
void	 user_free(struct user *);

/*
 * The login of the real user: getpwuid(getuid()), never $USER.  malloc'd;
 * NULL if the uid has no name.  Tests link tests/login-fake.o, which sets
 * user_login_hook from a constructor; the installed program never sets it.
 */
char	*user_login(void);
extern char *(*user_login_hook)(void);

/*
 * Look the login up (db->user, from user_login()) and set db->role,
 * db->user_id, db->user_person.  An unknown login is refused with a
 * sentence naming the curators to ask; root, who can read the file
 * anyway, is taken as a curator when not listed.  A database with no users
 * yet (made before roles existed) gets its opener as the first curator.
 */
int	 user_identify(struct db *, struct nerr *);
/*
 * The sentence refusing a change to a viewer or (outside attendance) to a
 * teacher, naming the curators to ask; returns -1.  db_begin uses it.
 */
int	 user_refuse_write(struct db *, struct nerr *);

/* Add (login checked: [a-z_][a-z0-9_.-]*), change, remove; curator only. */
int	 user_add(struct db *, struct user *, struct nerr *);
int	 user_update(struct db *, const struct user *, struct nerr *);
/* Refused for the last curator. */
int	 user_delete(struct db *, const char *login, struct nerr *);
int	 user_get(struct db *, const char *login, struct user *, struct nerr *);
int	 user_list(struct db *, struct user **, int *, struct nerr *);
void	 user_list_free(struct user *, int);

/*
 * Scope of a teacher: may they see and mark this meeting (a meeting of a
 * pair where they mentor, or an event for one of their classes)?  Always 1
 * for a curator; 0 for a viewer's marking.  -1 on error.
 */
int	 user_may_mark(struct db *, long long meeting_id, struct nerr *);

#endif
