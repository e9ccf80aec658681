/* ui-consent.h: the consents screens: the school-wide view, a person's consents, the class checklist. */
#ifndef NASTAVNIK_UI_CONSENT_H
#define NASTAVNIK_UI_CONSENT_H

#include "util.h"

/* The school-wide view: who is covered, who owes which paper (the menu). */
int	 ui_consent_open(void);
/* One participant's consents: add, revoke, anonymise, print a form. */
int	 ui_consent_person(long long);
/* The form for a new consent of a participant. */
int	 ui_consent_add_form(long long);
/* The checklist of a class's pupils for received papers of one kind. */
int	 ui_consent_batch(const char *class_, int kind);
/* Ask for a class and a kind, then open the checklist (class: a start). */
void	 ui_consent_batch_ask(const char *class_);

/* The consents part of a participant's card, as pager text. */
void	 ui_consent_card(long long, struct sbuf *);
/*
 * A state as the lists show it: "✓" valid, "—" missing, "отозв." revoked,
 * "истёк" expired; "+", "-", "R", "E" where the terminal cannot draw those.
 */
const char *ui_consent_mark(int);
/* "Иванов Иван Иванович": a row's name as the lists write it (appends). */
void	 ui_consent_name(struct sbuf *, const char *, const char *,
	    const char *);

/* Reports in the pager, with F2 to save them. */
void	 ui_consent_owed(void);
void	 ui_consent_coverage(void);
/* A consent form for one person, or for their whole class (asks which). */
void	 ui_consent_print(long long);

/*
 * A number that grows whenever a screen here changes consents or people
 * (a batch, a revocation, anonymising, an import): lists beneath compare
 * it with the one they saw to know they must read again.
 */
unsigned int ui_consent_gen(void);
void	 ui_consent_touch(void);

#endif
