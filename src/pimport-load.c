/* pimport-load.c: what an import keeps beside the rows: the file's people, name keys, indexes made again. */
#include "config.h"

#include <sys/stat.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "person.h"
#include "pimport-int.h"
#include "text.h"
#include "util.h"

/* A first load of a file this big (about 5 000 rows) rebuilds indexes. */
#define PIMPORT_BIG		(256 * 1024)

uint64_t
pimport_hash(const char *s, size_t len)
{
	uint64_t	h = 0xcbf29ce484222325ULL;	/* FNV-1a */
	size_t		i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return (h == 0 ? 1 : h);
}

/* The line where h was seen, or 0 after adding it with this line. */
long
pimport_seen_add(struct pimport_seen *s, uint64_t h, long line)
{
	size_t	i, j, ncap;
	uint64_t *oh;
	long	*ol;

	if (2 * (s->n + 1) > s->cap) {
		ncap = s->cap == 0 ? 1024 : s->cap * 2;
		oh = s->h;
		ol = s->line;
		s->h = xcalloc(ncap, sizeof *s->h);
		s->line = xcalloc(ncap, sizeof *s->line);
		for (i = 0; i < s->cap; i++) {
			if (oh[i] == 0)
				continue;
			for (j = oh[i] & (ncap - 1); s->h[j] != 0;
			    j = (j + 1) & (ncap - 1))
				;
			s->h[j] = oh[i];
			s->line[j] = ol[i];
		}
		free(oh);
		free(ol);
		s->cap = ncap;
	}
	for (i = h & (s->cap - 1); s->h[i] != 0; i = (i + 1) & (s->cap - 1)) {
		if (s->h[i] == h)
			return (s->line[i]);
	}
	s->h[i] = h;
	s->line[i] = line;
	s->n++;
	return (0);
}

/*
 * The name as the database compares it: the primary part of the sort key
 * (folded: case and ё/е do not matter, blanks collapsed), as stored at the
 * start of person.sort_key before its first 0x01.
 */
char *
pimport_name_key(const struct person *p, size_t *len)
{
	struct sbuf	 full, k;
	char		*cut;

	sbuf_init(&full);
	sbuf_addf(&full, "%s\001%s\001%s", str_or(p->last, ""),
	    str_or(p->first, ""), str_or(p->patronymic, ""));
	sbuf_init(&k);
	text_sort_key(&k, full.s);
	sbuf_free(&full);
	if ((cut = memchr(k.s, '\001', k.len)) != NULL) {
		*cut = '\0';
		k.len = (size_t)(cut - k.s);
	}
	*len = k.len;
	return (sbuf_take(&k));
}

void
pimport_seen_free(struct pimport_seen *s)
{
	free(s->h);
	free(s->line);
	memset(s, 0, sizeof *s);
}

/*
 * Into an empty register a big class list goes faster with the indexes of
 * person and person_word dropped and made again at the end: one sort each
 * instead of a random insert per row and index (three times faster for
 * 100 000 rows).
 * Inside the import's transaction, so others never see the table without
 * them, and a failure brings them back with the rollback.  Their SQL is
 * taken from the schema as it is, never written here twice.
 */
int
pimport_drop_indexes(struct db *db, struct pimport_indexes *ix,
    struct nerr *err)
{
	sqlite3_stmt	*st;
	struct sbuf	 drop;
	int		 rc;

	if ((st = db_prepare(db, "SELECT name, sql FROM sqlite_schema "
	    "WHERE type = 'index' AND tbl_name IN ('person', 'person_word') "
	    "AND sql IS NOT NULL", err)) == NULL)
		return (-1);
	sbuf_init(&drop);
	sbuf_add(&drop, "");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ix->sql = xreallocarray(ix->sql, ix->n + 1,
		    sizeof *ix->sql);
		ix->sql[ix->n++] = xstrdup((const char *)
		    sqlite3_column_text(st, 1));
		sbuf_addf(&drop, "DROP INDEX \"%s\";",
		    (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		sbuf_free(&drop);
		return (db_fail(db, err, _("reading the schema")));
	}
	rc = db_exec(db, drop.s, err);
	sbuf_free(&drop);
	return (rc);
}

/*
 * Making the indexes again sorts the whole table: in temporary files, not
 * in memory (temp_store=MEMORY would hold it all; the files are unlinked
 * when made).  SQLite refuses the change inside a transaction once the
 * connection has used its temporary database, so it is made before BEGIN.
 */
void
pimport_temp_file(struct db *db, struct pimport_indexes *ix)
{
	struct nerr	e;

	if (db_exec(db, "PRAGMA temp_store=FILE", &e) == 0)
		ix->temp_file = 1;
}

int
pimport_restore(struct db *db, struct pimport_indexes *ix,
    struct nerr *err)
{
	if (!ix->temp_file)
		return (0);
	ix->temp_file = 0;
	return (db_exec(db, "PRAGMA temp_store=MEMORY", err));
}

int
pimport_make_indexes(struct db *db, struct pimport_indexes *ix,
    struct nerr *err)
{
	int	i;

	for (i = 0; i < ix->n; i++)
		if (db_exec(db, ix->sql[i], err) == -1)
			return (-1);
	return (0);
}

/* Is the file big enough for dropping the indexes to pay? */
int
pimport_big(const char *path)
{
	struct stat	sb;

	return (stat(path, &sb) == 0 && sb.st_size > PIMPORT_BIG);
}

void
pimport_indexes_free(struct pimport_indexes *ix)
{
	while (ix->n > 0)
		free(ix->sql[--ix->n]);
	free(ix->sql);
	ix->sql = NULL;
}
