/* pimport.h: class lists and staff lists from Excel or school systems (CSV). */
#ifndef NASTAVNIK_PIMPORT_H
#define NASTAVNIK_PIMPORT_H

#include <stdio.h>

#include "db.h"
#include "person.h"
#include "util.h"

struct pimport_opts {
	int		 encoding;	/* csvio.h CSV_ENC_*; CSV_ENC_AUTO */
	int		 delimiter;	/* 0 auto, ';', ',', '\t' */
	int		 dry_run;	/* check and count, change nothing */
	int		 skip_bad;	/* import the good rows, list the bad */
	int		 category;	/* for rows without one; -1: required */
	const char	*class_;	/* for rows without one; NULL */
};
void	 pimport_opts_init(struct pimport_opts *);

struct pimport_result {
	int		 rows;		/* data rows read */
	int		 added;
	int		 updated;	/* same ФИО and birth date, fields changed */
	int		 unchanged;
	int		 bad;
	int		 encoding;	/* what was read (detected or given) */
	int		 delimiter;
	struct sbuf	 report;	/* "line N: what is wrong" lines, ignored columns */
};
void	 pimport_result_free(struct pimport_result *);

/*
 * Import people: columns by Russian or English header names in any order
 * (№, ФИО or Фамилия/Имя/Отчество, Дата рождения, Класс, Категория,
 * Телефон, E-mail/Почта, Организация, Должность, and the TSV keys).  Every
 * row is validated first; any bad row and nothing is imported (unless
 * skip_bad), each listed in the report.  One transaction.  Streams the file.
 * Returns 0 when imported (or a clean dry run), -1 with err otherwise.
 */
int	 pimport_people(struct db *, const char *path,
	    const struct pimport_opts *, struct pimport_result *,
	    struct nerr *);

/* The first rows as they would be imported, for a preview; caller frees. */
int	 pimport_preview(const char *path, const struct pimport_opts *,
	    struct person *, int max, int *n, struct pimport_result *,
	    struct nerr *);

/*
 * The official registers as CSV: "mentees", "mentors", "people" (the import
 * format, so an export re-imported gives the same people), "consents".
 */
int	 export_table(struct db *, const char *what, FILE *, int encoding,
	    int delimiter, struct nerr *);
/*
 * The same, also saying how many rows were written (without the header)
 * and how many characters CP1251 lacks (written as '?'), so the caller can
 * warn.  rows and lost may be NULL.
 */
int	 export_table_count(struct db *, const char *what, FILE *,
	    int encoding, int delimiter, long *rows, long *lost,
	    struct nerr *);
/* The registers export_table knows, by index; NULL past the last. */
const char *export_kind(int);

#endif
