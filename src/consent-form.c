/* consent-form.c: printable consent forms (152-ФЗ) for a person or a whole class. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "consent.h"
#include "consent-int.h"
#include "date.h"
#include "db.h"
#include "person.h"
#include "text.h"
#include "util.h"

/* Paragraphs are wrapped a little short of the edge: printers' margins. */
#define FORM_WIDTH	76

/* Blanks to fill in by hand. */
#define BLANK_NAME	"____________________________________"
#define BLANK_SHORT	"______________"

void
consent_center(struct sbuf *b, const char *s, int width)
{
	char	*esc;
	int	 w, pad;

	esc = text_escape(s);
	if ((w = text_width(esc)) >= width) {
		consent_wrap(b, esc, width, 0);
		free(esc);
		return;
	}
	for (pad = (width - w) / 2; pad > 0; pad--)
		sbuf_addc(b, ' ');
	sbuf_add(b, esc);
	sbuf_addc(b, '\n');
	free(esc);
}

/* Append one word longer than a line, cut into pieces of width columns. */
static int
wrap_long(struct sbuf *b, const char *w, int width, int indent, int col)
{
	uint32_t	cp;
	size_t		n, len = strlen(w);
	int		cw;

	while (len > 0) {
		n = utf8_decode(w, len, &cp);
		cw = text_cp_width(cp);
		if (col + cw > width) {
			sbuf_addc(b, '\n');
			for (col = 0; col < indent; col++)
				sbuf_addc(b, ' ');
		}
		if (cp == 0xa0)
			sbuf_addc(b, ' ');	/* a glued space */
		else
			sbuf_addn(b, w, n);
		col += cw;
		w += n;
		len -= n;
	}
	return (col);
}

/* The column the buffer's last line has reached. */
static int
current_col(const struct sbuf *b)
{
	size_t	i;

	if (b->s == NULL || b->len == 0)
		return (0);
	/* A form feed starts a new sheet, and so a new line. */
	for (i = b->len; i > 0; i--)
		if (b->s[i - 1] == '\n' || b->s[i - 1] == '\f')
			break;
	return (text_width(b->s + i));
}

/* A no-break space keeps a name on one line; it prints as a space. */
#define GLUE	"\xc2\xa0"

static void
add_unglued(struct sbuf *b, const char *w)
{
	const char	*g;

	while ((g = strstr(w, GLUE)) != NULL) {
		sbuf_addn(b, w, (size_t)(g - w));
		sbuf_addc(b, ' ');
		w = g + strlen(GLUE);
	}
	sbuf_add(b, w);
}

/* A copy whose words the wrapping keeps together. */
static char *
glued(const char *s)
{
	struct sbuf	b;

	sbuf_init(&b);
	sbuf_add(&b, "");
	for (; *s != '\0'; s++) {
		if (*s == ' ')
			sbuf_add(&b, GLUE);
		else
			sbuf_addc(&b, *s);
	}
	return (sbuf_take(&b));
}

void
consent_wrap(struct sbuf *b, const char *text, int width, int indent)
{
	char	*esc, *w, *last;
	int	 col, ww, i, words = 0;

	/* Escaped first: what is measured is what is printed. */
	esc = text_escape(text);
	col = current_col(b);
	for (w = strtok_r(esc, " ", &last); w != NULL;
	    w = strtok_r(NULL, " ", &last)) {
		ww = text_width(w);
		if (words > 0 && col + 1 + ww > width) {
			sbuf_addc(b, '\n');
			for (i = 0; i < indent; i++)
				sbuf_addc(b, ' ');
			col = indent;
			words = 0;
		} else if (words > 0) {
			sbuf_addc(b, ' ');
			col++;
		}
		if (col + ww > width)
			col = wrap_long(b, w, width, indent, col);
		else {
			add_unglued(b, w);
			col += ww;
		}
		words++;
	}
	sbuf_addc(b, '\n');
	free(esc);
}

/* "Иванов Иван Иванович" */
static char *
full_name(const struct person *p)
{
	char	*s;

	xasprintf(&s, "%s %s%s%s", str_or(p->last, ""), str_or(p->first, ""),
	    str_empty(p->patronymic) ? "" : " ", str_or(p->patronymic, ""));
	return (s);
}

/* "born 01.02.2012, class 7Б": what tells the person apart on paper. */
static char *
details(const struct person *p)
{
	struct sbuf	b;
	char		d[DATE_ISO_LEN];

	sbuf_init(&b);
	date_show(p->birth, d);
	sbuf_addf(&b, _("born %s"), str_empty(p->birth) ? BLANK_SHORT : d);
	if (p->category == CAT_PUPIL && !str_empty(p->class_)) {
		sbuf_add(&b, ", ");
		sbuf_addf(&b, _("class %s"), p->class_);
	} else if (p->category != CAT_PUPIL) {
		if (!str_empty(p->position)) {
			sbuf_add(&b, ", ");
			sbuf_add(&b, p->position);
		}
		if (!str_empty(p->organisation)) {
			sbuf_add(&b, ", ");
			sbuf_add(&b, p->organisation);
		}
	}
	return (sbuf_take(&b));
}

/* The opening paragraph: who gives which consent to whom. */
static char *
opening(int kind, int by_rep, const char *signer, const char *relation,
    const char *name, const char *det, const char *school)
{
	char	*s = NULL;

	if (by_rep && kind != CK_MENTOR_DUTIES) {
		switch (kind) {
		case CK_PD:
			xasprintf(&s, _("I, %s, the legal representative (%s) of "
			    "the minor %s, %s, give my consent to the operator "
			    "of personal data, %s, to process their personal "
			    "data and mine on the terms below."), signer,
			    relation, name, det, school);
			break;
		case CK_PARTICIPATION:
			xasprintf(&s, _("I, %s, the legal representative (%s) of "
			    "the minor %s, %s, agree that they take part in "
			    "the mentoring programme of %s as a mentee or a "
			    "mentor: meetings and joint work by an individual "
			    "plan, questionnaires before and after the "
			    "programme."), signer, relation, name, det, school);
			break;
		default:
			xasprintf(&s, _("I, %s, the legal representative (%s) of "
			    "the minor %s, %s, agree that %s publishes photos, "
			    "video and materials showing them or made by them "
			    "in the mentoring programme on its website, its "
			    "pages in social networks and in its printed "
			    "materials, without their contact details."),
			    signer, relation, name, det, school);
			break;
		}
		return (s);
	}
	switch (kind) {
	case CK_PD:
		xasprintf(&s, _("I, %s, %s, give my consent to the operator of "
		    "personal data, %s, to process my personal data on the "
		    "terms below."), name, det, school);
		break;
	case CK_PARTICIPATION:
		xasprintf(&s, _("I, %s, %s, agree to take part in the mentoring "
		    "programme of %s as a mentor or a mentee: meetings and "
		    "joint work by an individual plan, questionnaires before "
		    "and after the programme."), name, det, school);
		break;
	case CK_MENTOR_DUTIES:
		xasprintf(&s, _("I, %s, %s, agree to take on the duties of a "
		    "mentor in the mentoring programme of %s beside my main "
		    "work: to work with my mentees by an individual plan, to "
		    "hold meetings with them and to keep the records the "
		    "programme needs."), name, det, school);
		break;
	default:
		xasprintf(&s, _("I, %s, %s, agree that %s publishes photos, "
		    "video and materials showing me or made by me in the "
		    "mentoring programme on its website, its pages in social "
		    "networks and in its printed materials, without my "
		    "contact details."), name, det, school);
		break;
	}
	return (s);
}

static const char *const form_titles[CK__COUNT] = {
	N_("to the processing of personal data"),
	N_("to taking part in the mentoring programme"),
	N_("to taking on the duties of a mentor"),
	N_("to the publication of photos and materials"),
};

/* The terms: what 152-ФЗ asks a written consent to say. */
static void
terms(struct sbuf *b, int kind)
{
	static const char *const pd[] = {
		N_("Purpose: keeping the records of the school's mentoring "
		    "programme (the bases of mentors and mentees, pairs and "
		    "groups, individual plans, meetings and attendance, "
		    "monitoring) and reporting on it to the school's founder "
		    "and the education authority."),
		N_("Data: last name, first name and patronymic; date of birth; "
		    "class, or place of work or study and position; phone and "
		    "e-mail; the representative's name, relation and phone; "
		    "the records of taking part in the programme: pairs, "
		    "plans, meetings, answers to questionnaires, results."),
		N_("Actions: collection, recording, systematisation, "
		    "accumulation, storage, clarification, extraction, use, "
		    "transfer (only as summary reports to the school's founder "
		    "and the education authority), blocking, anonymisation, "
		    "deletion and destruction, with and without automation."),
	};
	static const char *const all[] = {
		N_("Term: from the day of signing until the end of the "
		    "mentoring programme, unless revoked earlier."),
		N_("Revocation: this consent may be revoked at any time by a "
		    "written statement to the school; from then on the school "
		    "stops what it covers and anonymises or destroys the "
		    "personal data, except what the law requires it to keep."),
	};
	char	 num[16];
	size_t	 i;
	int	 n = 0;

	for (i = 0; kind == CK_PD && i < nitems(pd); i++) {
		snprintf(num, sizeof num, "%d. ", ++n);
		sbuf_add(b, num);
		consent_wrap(b, _(pd[i]), FORM_WIDTH, 3);
	}
	for (i = 0; i < nitems(all); i++) {
		snprintf(num, sizeof num, "%d. ", ++n);
		sbuf_add(b, num);
		consent_wrap(b, _(all[i]), FORM_WIDTH, 3);
	}
}

/* The lines to sign and date, with the signer's name when it is known. */
static void
signature(struct sbuf *b, const char *signer)
{
	struct sbuf	 name;
	char		*s;

	sbuf_init(&name);
	if (str_empty(signer))
		sbuf_add(&name, "________________________");
	else {
		text_fit(&name, signer, 36, 0);
		while (name.len > 0 && name.s[name.len - 1] == ' ')
			name.s[--name.len] = '\0';
	}
	xasprintf(&s, _("Signature: ____________________ / %s /"), name.s);
	sbuf_addc(b, '\n');
	consent_wrap(b, s, CONSENT_WIDTH, 0);
	free(s);
	sbuf_addc(b, '\n');
	consent_wrap(b, _("Date: \"___\" ______________ 20___"),
	    CONSENT_WIDTH, 0);
	sbuf_free(&name);
}

/* One form for one person. */
static int
form_one(struct db *db, struct sbuf *b, long long id, int kind,
    const char *school, struct nerr *err)
{
	struct person		 p;
	struct representative	*reps = NULL;
	char			*name, *det, *open, *signer, *gname, *grep_;
	const char		*rname = NULL, *rrel = NULL;
	int			 nreps = 0, by_rep, age;

	if (person_get(db, id, &p, err) != 0)
		return (-1);
	if (p.anonymised) {
		name = person_short_name(p.last, p.first, p.patronymic);
		nerr_set(err, _("%s has been anonymised; there is nobody to "
		    "print a consent form for."), name);
		free(name);
		person_free(&p);
		return (-1);
	}
	by_rep = consent_needs_rep(db, &p, date_today(), &age);
	if (by_rep && rep_list(db, id, &reps, &nreps, err) != 0) {
		person_free(&p);
		return (-1);
	}
	if (nreps > 0) {
		rname = reps[0].name;
		rrel = reps[0].relation;
	}
	name = full_name(&p);
	det = details(&p);
	consent_center(b, !str_empty(school) ? school :
	    _("__________________________ (the school's name)"),
	    CONSENT_WIDTH);
	sbuf_addc(b, '\n');
	consent_center(b, _("CONSENT"), CONSENT_WIDTH);
	consent_center(b, _(form_titles[kind]), CONSENT_WIDTH);
	sbuf_addc(b, '\n');
	gname = glued(name);
	grep_ = glued(str_or(rname, BLANK_NAME));
	open = opening(kind, by_rep, grep_, str_or(rrel, BLANK_SHORT), gname,
	    det, str_or(school, BLANK_NAME));
	free(gname);
	free(grep_);
	consent_wrap(b, open, FORM_WIDTH, 0);
	if (by_rep && kind != CK_MENTOR_DUTIES && (rname == NULL ||
	    rrel == NULL))
		consent_wrap(b, _("(The representative writes their full name "
		    "and who they are to the child: mother, father, "
		    "guardian.)"), FORM_WIDTH, 0);
	sbuf_addc(b, '\n');
	terms(b, kind);
	if (by_rep && kind != CK_MENTOR_DUTIES)
		signer = rname != NULL ? xstrdup(rname) : NULL;
	else
		signer = person_short_name(p.last, p.first, p.patronymic);
	signature(b, signer);
	free(signer);
	free(open);
	free(det);
	free(name);
	rep_list_free(reps, nreps);
	person_free(&p);
	return (0);
}

/* The pupils of a class in name order; -1 with a message if none. */
static int
class_pupils(struct db *db, const char *class_, long long **ids, int *n,
    struct nerr *err)
{
	sqlite3_stmt	*st;
	char		*norm, *key;
	int		 rc;

	*ids = NULL;
	*n = 0;
	if ((norm = person_class_normalise(class_)) == NULL)
		return (nerr_set(err, _("\"%s\" is not a class; write a number "
		    "from 1 to 11 and, if the school has parallel classes, a "
		    "letter: 7 or 7Б."), class_));
	/* As person-db.c stores class_key: "7Б" is "07Б". */
	if (norm[1] >= '0' && norm[1] <= '9')
		key = xstrdup(norm);
	else
		xasprintf(&key, "0%s", norm);
	if ((st = db_prepare(db, "SELECT id FROM person WHERE category = "
	    "'pupil' AND anonymised = 0 AND class_key = ? ORDER BY sort_key, "
	    "id", err)) == NULL) {
		free(key);
		free(norm);
		return (-1);
	}
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*ids = xreallocarray(*ids, *n + 1, sizeof **ids);
		(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	free(key);
	if (rc != SQLITE_DONE) {
		free(norm);
		free(*ids);
		*ids = NULL;
		return (db_fail(db, err, _("reading the class list")));
	}
	if (*n == 0) {
		nerr_set(err, _("Class %s has no pupils in the database; check "
		    "the class."), norm);
		free(norm);
		return (-1);
	}
	free(norm);
	return (0);
}

int
consent_form_text(struct db *db, long long person, const char *class_,
    int kind, struct sbuf *b, struct nerr *err)
{
	long long	*ids, one = person;
	char		*school;
	int		 n = 1, i, rc = 0;
	size_t		 start = b->len;

	if (kind < 0 || kind >= CK__COUNT)
		return (nerr_set(err, _("The kind of consent is unknown; use "
		    "pd, participation, mentor-duties or publication.")));
	if (person > 0)
		ids = &one;
	else if (str_empty(class_))
		return (nerr_set(err, _("Say whose consent form to print: a "
		    "participant or a class.")));
	else if (class_pupils(db, class_, &ids, &n, err) != 0)
		return (-1);
	school = db_setting(db, "school.name");
	/* A form feed between forms: each starts on a new sheet. */
	for (i = 0; i < n && rc == 0; i++) {
		if (i > 0)
			sbuf_addc(b, '\f');
		rc = form_one(db, b, ids[i], kind, school, err);
	}
	free(school);
	if (ids != &one)
		free(ids);
	if (rc != 0) {
		b->len = start;
		if (b->s != NULL)
			b->s[start] = '\0';
	}
	return (rc);
}
