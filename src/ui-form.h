/* ui-form.h: forms declared as a table of fields, edited in place, checked before saving. */
#ifndef NASTAVNIK_UI_FORM_H
#define NASTAVNIK_UI_FORM_H

#include <stddef.h>

#include "ui.h"

enum ui_ftype {
	UI_F_SECTION,		/* a heading, not a field */
	UI_F_TEXT,		/* char *, NULL when empty */
	UI_F_LONG,		/* char *, a longer text scrolled in one line */
	UI_F_DATE,		/* char * ISO, typed ДД.ММ.ГГГГ */
	UI_F_NUMBER,		/* int, 0 when empty */
	UI_F_CHOICE,		/* int, an index into choice() */
	UI_F_YESNO		/* int, 0 or 1 */
};

struct ui_field {
	const char	*label;		/* N_() */
	enum ui_ftype	 type;
	size_t		 off;		/* offsetof the member in the object */
	int		 required;
	int		 maxlen;	/* characters; 0: a default */
	/* Choice i's label (translated), NULL past the last. */
	const char	*(*choice)(void *obj, int);
	/* Normalise typed text ("7б" -> "7Б"): malloc'd, or NULL and err. */
	char		*(*check)(void *obj, const char *, const char *label,
			    struct nerr *);
};

struct ui_form {
	const struct ui_field	*fields;
	int			 n;
	void			*obj;
	struct sbuf		*text;		/* per field, as typed */
	int			*val;		/* choices and yes/no */
	int			 cur;
	size_t			 pos;		/* cursor in the text, bytes */
	int			 top;		/* first row shown */
	int			 h;
	int			 dirty;
};

void	 ui_form_init(struct ui_form *, const struct ui_field *, int, void *);
/* Take the values from the object again (after a reload). */
void	 ui_form_load(struct ui_form *);
/* Check and put every value into the object; on error the cursor goes there. */
int	 ui_form_store(struct ui_form *, struct nerr *);
/* Put the cursor on the field a message names, if it names one. */
void	 ui_form_focus_message(struct ui_form *, const char *);
void	 ui_form_draw(struct ui_form *, struct ui_frame *, WINDOW *, int y,
	    int h);
/* Editing and moving keys; 1 when used. */
int	 ui_form_key(struct ui_form *, int);
void	 ui_form_free(struct ui_form *);

/* A form as a screen: F2 or Ctrl-S saves, Esc or F10 asks before losing changes. */
#define UI_FORM_CONFLICT	(-2)	/* save: someone else saved it first */

struct ui_form_spec {
	const struct ui_field	*fields;
	int			 nfields;
	const char		*help;		/* N_() */
	/* 0 saved; -1 with err; UI_FORM_CONFLICT offers to reload. */
	int			(*save)(void *obj, struct nerr *);
	int			(*reload)(void *obj, struct nerr *);
	/* The form closes: free obj; saved says whether it was saved. */
	void			(*done)(void *obj, int saved);
};

int	 ui_form_open(const struct ui_form_spec *, void *obj, const char *title);

#endif
