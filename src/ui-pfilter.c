/* ui-pfilter.c: the participant filter form (category, class, one more). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "person.h"
#include "text.h"
#include "ui.h"
#include "ui-pfilter.h"

const char *
ui_pfilter_category(void *obj, int i)
{
	(void)obj;
	if (i == 0)
		return (_("all"));
	return (i <= CAT__COUNT ? person_category_label(i - 1) : NULL);
}

const char *
ui_pfilter_class(void *obj, int i)
{
	struct ui_pfilter	*ff = obj;

	if (i == 0)
		return (_("all"));
	return (i <= ff->nclasses ? ff->classes[i - 1] : NULL);
}

int
ui_pfilter_save(void *obj, struct nerr *err)
{
	struct ui_pfilter	*ff = obj;

	(void)err;
	ff->f->category = ff->category - 1;
	free(*ff->classp);
	*ff->classp = ff->class_ > 0 ?
	    xstrdup(ff->classes[ff->class_ - 1]) : NULL;
	ff->f->class_ = *ff->classp;
	*ff->extrap = ff->extra;
	*ff->reload = 1;
	return (0);
}

void
ui_pfilter_done(void *obj, int saved)
{
	struct ui_pfilter	*ff = obj;

	(void)saved;
	person_classes_free(ff->classes, ff->nclasses);
	free(ff);
}

void
ui_pfilter_open(const struct ui_form_spec *spec, const char *title,
    struct person_filter *f, char **classp, int *extrap, int *reload)
{
	struct ui_pfilter	*ff;
	struct nerr		 err;
	int			 i;

	ff = xcalloc(1, sizeof *ff);
	nerr_clear(&err);
	if (person_classes(ui_db(), &ff->classes, &ff->nclasses, &err) != 0) {
		ui_error("%s", err.msg);
		free(ff);
		return;
	}
	ff->f = f;
	ff->classp = classp;
	ff->extrap = extrap;
	ff->reload = reload;
	ff->category = f->category + 1;
	ff->extra = *extrap;
	for (i = 0; *classp != NULL && i < ff->nclasses; i++) {
		if (strcmp(ff->classes[i], *classp) == 0)
			ff->class_ = i + 1;
	}
	ui_form_open(spec, ff, title);
}
