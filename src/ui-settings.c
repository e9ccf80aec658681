/* ui-settings.c: the school's settings: its name, the consent age, printing. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "print.h"
#include "ui-form.h"
#include "ui-settings.h"
#include "ui.h"

struct settings {
	char	*school;
	int	 age;		/* 0: 18, 1: 14 */
	char	*print;		/* print.command */
	int	 enc;		/* print.encoding, print_encoding_code() */
};

static const char *
settings_age_choice(void *obj, int i)
{
	(void)obj;
	switch (i) {
	case 0:
		return (_("18 (the stricter rule)"));
	case 1:
		return ("14");
	}
	return (NULL);
}

static const char *
settings_enc_choice(void *obj, int i)
{
	(void)obj;
	return (print_encoding_label(i));
}

/* The print command is split as it will be run: say now if it cannot be. */
static char *
settings_print_check(void *obj, const char *text, const char *label,
    struct nerr *err)
{
	struct nerr	 e;
	char		**argv;

	(void)obj;
	if (print_split(text, &argv, &e) < 0) {
		nerr_set(err, "%s: %s", label, e.msg);
		return (NULL);
	}
	print_argv_free(argv);
	return (xstrdup(text));
}

static const struct ui_field settings_fields[] = {
	{ N_("School"), UI_F_SECTION, 0, 0, 0, NULL, NULL },
	{ N_("School name"), UI_F_TEXT, offsetof(struct settings, school), 0,
	    120, NULL, NULL },
	{ N_("Consents"), UI_F_SECTION, 0, 0, 0, NULL, NULL },
	{ N_("Pupils sign consents themselves from age"), UI_F_CHOICE,
	    offsetof(struct settings, age), 0, 0, settings_age_choice, NULL },
	{ N_("Printing"), UI_F_SECTION, 0, 0, 0, NULL, NULL },
	{ N_("Print command"), UI_F_TEXT, offsetof(struct settings, print), 0,
	    200, NULL, settings_print_check },
	{ N_("Print encoding"), UI_F_CHOICE, offsetof(struct settings, enc), 0,
	    0, settings_enc_choice, NULL },
};

static int
settings_save(void *obj, struct nerr *err)
{
	struct settings	*s = obj;

	if (db_set_setting(ui_db(), "school.name", s->school != NULL ?
	    s->school : "", err) != 0)
		return (-1);
	if (db_set_setting(ui_db(), "consent.age", s->age ? "14" : "18",
	    err) != 0)
		return (-1);
	if (print_set_command(ui_db(), s->print, err) != 0)
		return (-1);
	return (db_set_setting(ui_db(), "print.encoding",
	    print_encoding_code(s->enc), err));
}

static void
settings_done(void *obj, int saved)
{
	struct settings	*s = obj;

	if (saved) {
		ui_school_changed();
		ui_status("%s", _("Settings are saved."));
	}
	free(s->school);
	free(s->print);
	free(s);
}

static const struct ui_form_spec settings_spec = {
	.fields = settings_fields,
	.nfields = nitems(settings_fields),
	.help = N_("The school's name is shown in the title bar and printed "
	    "on reports. Consents of pupils younger than the age chosen are "
	    "signed by a legal representative; 18 is the stricter rule and "
	    "the default, some schools' documents say 14. Reports are "
	    "printed by the print command (lpr unless set otherwise): the "
	    "report goes to its standard input, in the encoding chosen; no "
	    "shell runs it, so words are split at spaces and quotes keep a "
	    "printer name with spaces whole, as in lpr -P \"Room 12\"."),
	.save = settings_save,
	.done = settings_done,
};

int
ui_settings_open(void)
{
	struct settings	*s;
	char		*enc;

	if (ui_refuse_readonly())
		return (-1);
	s = xcalloc(1, sizeof *s);
	s->school = db_setting(ui_db(), "school.name");
	s->age = db_setting_int(ui_db(), "consent.age", 18) == 14;
	if (str_empty(s->print = db_setting(ui_db(), "print.command"))) {
		free(s->print);
		s->print = xstrdup(PRINT_COMMAND_DEFAULT);
	}
	enc = db_setting(ui_db(), "print.encoding");
	s->enc = print_encoding_index(enc);
	free(enc);
	return (ui_form_open(&settings_spec, s, _("Settings")));
}
