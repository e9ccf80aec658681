/* ui-pfilter.h: the participant filter form (category, class, one more). */
#ifndef NASTAVNIK_UI_PFILTER_H
#define NASTAVNIK_UI_PFILTER_H

#include <stddef.h>

#include "person.h"
#include "ui-form.h"

/*
 * The form's object.  The people and consents screens both filter by
 * category and class and add one choice of their own (role, consent);
 * they keep a struct person_filter and their own copy of its class.
 */
struct ui_pfilter {
	int			 category;	/* 0 all, else category + 1 */
	int			 class_;	/* 0 all, else index + 1 */
	int			 extra;		/* the screen's own choice */
	char			**classes;
	int			 nclasses;
	struct person_filter	*f;		/* the screen's filter */
	char			**classp;	/* its copy of f->class_ */
	int			*extrap;	/* the member extra sets */
	int			*reload;	/* set to 1 on save */
};

/* The first two rows of a filter form's fields. */
#define UI_PFILTER_FIELDS						\
	{ N_("Category"), UI_F_CHOICE,					\
	    offsetof(struct ui_pfilter, category), 0, 0,		\
	    ui_pfilter_category, NULL },				\
	{ N_("Class"), UI_F_CHOICE,					\
	    offsetof(struct ui_pfilter, class_), 0, 0,			\
	    ui_pfilter_class, NULL }

/* The third row: the screen's own choice. */
#define UI_PFILTER_EXTRA(label, choice)					\
	{ label, UI_F_CHOICE, offsetof(struct ui_pfilter, extra), 0, 0,	\
	    choice, NULL }

const char	*ui_pfilter_category(void *, int);
const char	*ui_pfilter_class(void *, int);
/* For the spec: save writes f, classp, extrap and reload; done frees. */
int		 ui_pfilter_save(void *, struct nerr *);
void		 ui_pfilter_done(void *, int);

/* Open the form on f (extra points into f); on error tells the user. */
void		 ui_pfilter_open(const struct ui_form_spec *, const char *title,
		    struct person_filter *f, char **classp, int *extrap,
		    int *reload);

#endif
