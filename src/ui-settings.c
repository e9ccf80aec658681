/* ui-settings.c: the school's settings: its name and the consent age. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ui-form.h"
#include "ui-settings.h"
#include "ui.h"

struct settings {
	char	*school;
	int	 age;		/* 0: 18, 1: 14 */
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

static const struct ui_field settings_fields[] = {
	{ N_("School"), UI_F_SECTION, 0, 0, 0, NULL, NULL },
	{ N_("School name"), UI_F_TEXT, offsetof(struct settings, school), 0,
	    120, NULL, NULL },
	{ N_("Consents"), UI_F_SECTION, 0, 0, 0, NULL, NULL },
	{ N_("Pupils sign consents themselves from age"), UI_F_CHOICE,
	    offsetof(struct settings, age), 0, 0, settings_age_choice, NULL },
};

static int
settings_save(void *obj, struct nerr *err)
{
	struct settings	*s = obj;

	if (db_set_setting(ui_db(), "school.name", s->school != NULL ?
	    s->school : "", err) != 0)
		return (-1);
	return (db_set_setting(ui_db(), "consent.age", s->age ? "14" : "18",
	    err));
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
	free(s);
}

static const struct ui_form_spec settings_spec = {
	.fields = settings_fields,
	.nfields = nitems(settings_fields),
	.help = N_("The school's name is shown in the title bar and printed "
	    "on reports. Consents of pupils younger than the age chosen are "
	    "signed by a legal representative; 18 is the stricter rule and "
	    "the default, some schools' documents say 14."),
	.save = settings_save,
	.done = settings_done,
};

int
ui_settings_open(void)
{
	struct settings	*s;

	if (ui_refuse_readonly())
		return (-1);
	s = xcalloc(1, sizeof *s);
	s->school = db_setting(ui_db(), "school.name");
	s->age = db_setting_int(ui_db(), "consent.age", 18) == 14;
	return (ui_form_open(&settings_spec, s, _("Settings")));
}
