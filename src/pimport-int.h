/* pimport-int.h: helpers shared by the pimport files, not for other modules. */
#ifndef NASTAVNIK_PIMPORT_INT_H
#define NASTAVNIK_PIMPORT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "db.h"
#include "person.h"
#include "util.h"

/* The people of the file seen so far: a hash of their keys and the line. */
struct pimport_seen {
	uint64_t	*h;
	long		*line;
	size_t		 cap;
	size_t		 n;
};

/* FNV-1a, never 0 (0 marks a free slot). */
uint64_t pimport_hash(const char *, size_t);
/* The line where the hash was seen, or 0 after adding it with this line. */
long	 pimport_seen_add(struct pimport_seen *, uint64_t, long);
void	 pimport_seen_free(struct pimport_seen *);
/* The name as person.sort_key starts: folded, before its first 0x01. */
char	*pimport_name_key(const struct person *, size_t *);

/* person's indexes dropped for a first load, and their SQL to make again. */
struct pimport_indexes {
	char	**sql;
	int	  n;
	int	  temp_file;	/* temp_store=FILE was set for the rebuild */
};
int	 pimport_big(const char *);
int	 pimport_drop_indexes(struct db *, struct pimport_indexes *,
	    struct nerr *);
int	 pimport_make_indexes(struct db *, struct pimport_indexes *,
	    struct nerr *);
/*
 * temp_store can change only outside a transaction: pimport_temp_file
 * before BEGIN (for a big file), pimport_restore after COMMIT or ROLLBACK.
 */
void	 pimport_temp_file(struct db *, struct pimport_indexes *);
int	 pimport_restore(struct db *, struct pimport_indexes *, struct nerr *);
void	 pimport_indexes_free(struct pimport_indexes *);

#endif
