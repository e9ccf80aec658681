/* roadmap.h: the year's checklist (дорожная карта): sections, items, templates, import. */
#ifndef NASTAVNIK_ROADMAP_H
#define NASTAVNIK_ROADMAP_H

#include "db.h"
#include "deadline.h"
#include "util.h"

enum rm_status {
	RM_TODO,
	RM_PROGRESS,
	RM_DONE,
	RM_CANCELLED,
	RM__COUNT
};

/* Codes in the database and the CLI: todo progress done cancelled. */
const char *rm_status_code(int);
const char *rm_status_label(int);	/* translated */
int	 rm_status_parse(const char *);	/* code or label, any case; -1 */

struct roadmap {
	long long	 id;
	long long	 version;
	char		*title;
	char		*school_year;	/* "2025-2026" */
	int		 is_current;
};

struct rm_section {
	long long	 id;
	long long	 roadmap_id;
	int		 pos;
	char		*title;
};

/* Strings malloc'd, NULL when empty; dates ISO. */
struct rm_item {
	long long	 id;
	long long	 version;	/* refuses overwriting another's change */
	long long	 section_id;
	int		 pos;
	char		*number;	/* as the school wrote it: "1.1", "5." */
	char		*content;
	char		*deadline_text;	/* as written: «До 30.08.2023 г» */
	struct deadline	 dl;		/* parsed with the roadmap's school year */
	char		*result;	/* expected result or document */
	char		*indicator;
	char		*responsible;
	long long	 responsible_id; /* a participant, 0 if not linked */
	int		 status;
	char		*done_date;
	char		*evidence;	/* order number, protocol, link */
	char		*note;

	/* As of date_today(), filled when read. */
	char		 due[DATE_ISO_LEN];	/* "" if none */
	int		 overdue;
};

void	 roadmap_free(struct roadmap *);
void	 rm_section_free(struct rm_section *);
void	 rm_item_init(struct rm_item *);
void	 rm_item_free(struct rm_item *);

/* ---- roadmaps ---- */

/* All roadmaps, the current first then newest school year first. */
int	 roadmap_list(struct db *, struct roadmap **, int *, struct nerr *);
void	 roadmap_list_free(struct roadmap *, int);
/* The current roadmap's id; 0 if there is none. -1 on error. */
long long roadmap_current(struct db *, struct nerr *);
int	 roadmap_set_current(struct db *, long long, struct nerr *);
int	 roadmap_get(struct db *, long long, struct roadmap *, struct nerr *);
/* Create an empty one (current if it is the first); sets *id. */
int	 roadmap_create(struct db *, const char *title, const char *year,
	    long long *id, struct nerr *);
int	 roadmap_delete(struct db *, long long, struct nerr *);

/*
 * Templates shipped in data/ (roadmap-*.csv, the import format with
 * deadlines written without years, so they fit any school year): their
 * names ("pupils-teachers", "teachers") and titles.  Looked up in
 * $NASTAVNIK_DATADIR, else the installed pkgdatadir, else the build tree.
 */
int	 roadmap_templates(char ***names, char ***titles, int *, struct nerr *);
void	 roadmap_templates_free(char **, char **, int);
/* A new roadmap from a template for a school year (NULL: the current one). */
int	 roadmap_from_template(struct db *, const char *name, const char *year,
	    long long *id, struct nerr *);

/* ---- import of a school's own table ---- */

struct rm_import_opts {
	const char	*title;		/* NULL: from the file name */
	const char	*year;		/* NULL: the school year of today */
	int		 encoding;	/* csvio.h: CSV_ENC_AUTO ... */
	int		 delimiter;	/* 0 auto, ';', ',', '\t' */
	int		 dry_run;	/* check and count, change nothing */
};

struct rm_import_result {
	long long	 roadmap_id;	/* 0 on a dry run */
	int		 sections;
	int		 items;
	int		 unparsed;	/* deadlines left as text for the curator */
	struct sbuf	 report;	/* "line N: ..." lines, ignored columns */
};

/*
 * Read a roadmap table (CSV from Word via Excel): columns by their header
 * names, Russian or English, in any order; a row whose deadline,
 * responsible and result are all empty is a section heading.  All or
 * nothing, in one transaction; on error err says the file and line.
 */
int	 roadmap_import(struct db *, const char *path,
	    const struct rm_import_opts *, struct rm_import_result *,
	    struct nerr *);
void	 rm_import_result_free(struct rm_import_result *);

/* ---- sections and items ---- */

int	 rm_sections(struct db *, long long roadmap, struct rm_section **,
	    int *, struct nerr *);
void	 rm_sections_free(struct rm_section *, int);
int	 rm_section_add(struct db *, long long roadmap, const char *title,
	    long long *id, struct nerr *);

struct rm_filter {
	int		 overdue;	/* only overdue as of today */
	int		 due_days;	/* only due within N days from today; 0 off */
	int		 not_done;	/* only to do / in progress */
	const char	*responsible;	/* part of the responsible's text */
};
void	 rm_filter_init(struct rm_filter *);

/*
 * The items of a roadmap that pass the filter, in section then item order
 * (a roadmap is a document of tens to a few thousand rows: read whole).
 */
int	 rm_items(struct db *, long long roadmap, const struct rm_filter *,
	    struct rm_item **, int *, struct nerr *);
void	 rm_items_free(struct rm_item *, int);
int	 rm_item_get(struct db *, long long, struct rm_item *, struct nerr *);
/* Insert (id 0, appended to its section) or update (version checked). */
int	 rm_item_save(struct db *, struct rm_item *, struct nerr *);
int	 rm_item_delete(struct db *, long long, struct nerr *);
/* Mark done on a date (NULL: today; not in the future) with evidence. */
int	 rm_item_done(struct db *, long long, const char *date,
	    const char *evidence, struct nerr *);
int	 rm_item_set_status(struct db *, long long, int, struct nerr *);
/* The item numbered so in a roadmap ("1.1"): its id, 0 if none, -1. */
long long rm_item_by_number(struct db *, long long roadmap, const char *,
	    struct nerr *);

/* Progress of a roadmap (section 0) or one section: cancelled not counted. */
struct rm_progress {
	int	total;
	int	done;
	int	cancelled;
	int	overdue;
	int	unparsed;
};
int	 rm_progress(struct db *, long long roadmap, long long section,
	    struct rm_progress *, struct nerr *);
/* done * 100 / total, rounded down; 0 when there is nothing to do. */
int	 rm_progress_pct(const struct rm_progress *);

/*
 * Notes on the rules (added by the roadmap's core):
 * - Deadlines are re-parsed from deadline_text with the roadmap's school
 *   year whenever items are read, so nothing stored goes stale;
 *   deadline_from/to are written too, for the sqlite3 shell only.  A
 *   recurring deadline with no bounds of its own is bounded by the school
 *   year.  Unparsed counts every item whose deadline was not understood,
 *   an empty one too.
 * - rm_item_done on a recurring item records the date it was last done and
 *   keeps it in progress until the year's last occurrence is done; it is
 *   overdue when its current occurrence passed undone.  Done and cancelled
 *   items are never overdue.
 * - rm_filter.due_days: not done, due from today to today + N days.
 */

/*
 * The demo school's roadmap: the pupils-teachers template for the school
 * year of today, the items due before today mostly done with evidence and a
 * couple left overdue.  Inside the caller's transaction (demo_fill's).
 */
int	 roadmap_demo(struct db *, struct nerr *);

#endif
