/* cli.c: the table of subcommands, their help, and the helpers they share. */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <iconv.h>
#include <langinfo.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "db.h"
#include "i18n.h"
#include "person.h"
#include "text.h"
#include "user.h"
#include "util.h"

static int	cli_list(struct cli_ctx *, int, char **);
static int	cli_import(struct cli_ctx *, int, char **);
static int	cli_help(struct cli_ctx *, int, char **);

/*
 * Every subcommand once: --help, "nastavnik help CMD" and the manual's test
 * are all made from this table.
 */
static const struct cli_cmd cli_cmds[] = {
	{ "init", cli_init,
	  N_("create the database, empty or with a demo school"),
	  N_("init [--demo] [--school NAME] [--seed N]"),
	  N_("  --demo         fill it with a believable demo school\n"
	     "  --school NAME  the school's name\n"
	     "  --seed N       another demo school (a number; default 1)\n") },
	{ "person", cli_person,
	  N_("add, show, edit or delete a participant"),
	  N_("person add --last L --first F --category C [OPTION]...\n"
	     "person show ID\n"
	     "person edit ID [OPTION]...\n"
	     "person delete ID"),
	  N_("  --last L, --first F, --patronymic P   full name\n"
	     "  --category C       pupil, teacher, young-specialist, parent,\n"
	     "                     graduate, partner or student\n"
	     "  --birth DATE       birth date, DD.MM.YYYY\n"
	     "  --class K          class of a pupil, such as 7B\n"
	     "  --phone, --email, --organisation, --position, --note TEXT\n"
	     "  --mentor, --no-mentor    is (or is not) a mentor\n"
	     "  --mentee, --no-mentee    is (or is not) a mentee\n"
	     "  --request TEXT     what the mentee needs help with\n"
	     "  --competencies TEXT  the mentor's key competencies\n"
	     "An empty value (--class '') clears a field on edit.\n") },
	{ "list", cli_list,
	  N_("print records as tab-separated text"),
	  N_("list people [--search TEXT] [--category C] [--class K]\n"
	     "            [--mentors | --mentees] [--sort name|class|birth]\n"
	     "list consents [--person ID] [--kind KIND]\n"
	     "list owed [--class K] [--category C]\n"
	     "list roadmap [--overdue] [--not-done] [--due-days N]\n"
	     "             [--responsible TEXT] [--roadmap ID | --all]\n"
	     "list pairs [--status S|live] [--form FORM] [--person ID] "
	     "[--search TEXT]\n"
	     "list unpaired [--search TEXT]\n"
	     "list meetings [--from DATE] [--to DATE] [--pair ID] "
	     "[--kind KIND]\n"
	     "              [--events | --pairs]\n"
	     "list attendance [--by pair|person|class|month|event] "
	     "[--month YYYY-MM]\n"
	     "                [--class K]\n"
	     "list plans\n"
	     "list indicators [--as-of DATE]\n"
	     "list answers [--questionnaire CODE] [--stage STAGE]"),
	  N_("  --search TEXT  part of the name, in any case (ё = е)\n"
	     "  --category C   only this category\n"
	     "  --class K      only this class\n"
	     "  --mentors      only mentors\n"
	     "  --mentees      only mentees\n"
	     "  --sort KEY     order by name (default), class or birth date\n"
	     "Columns: id last first patronymic birth category class mentor "
	     "mentee.\n"
	     "  --person ID    consents of this participant only\n"
	     "  --kind KIND    consents of this kind only (pd, participation,\n"
	     "                 mentor-duties, publication)\n"
	     "'list owed' prints those without a valid consent to "
	     "personal-data\nprocessing.\n"
	     "  --overdue      roadmap items overdue as of today (--today)\n"
	     "  --not-done     roadmap items to do or in progress\n"
	     "  --due-days N   roadmap items due within N days\n"
	     "  --responsible TEXT  items whose responsible person says TEXT\n"
	     "  --roadmap ID   that roadmap instead of the current one\n"
	     "  --all          the items of every roadmap\n"
	     "Roadmap columns: section number item deadline due kind status "
	     "overdue.\n"
	     "  --status S     pairs of this status; live: forming or active\n"
	     "  --form FORM    pairs of this form\n"
	     "  --person ID    pairs this participant is in\n"
	     "Pair columns: id form kind status mentors mentees from to order "
	     "plan_done\nplan_total.  Unpaired columns: id name category "
	     "class request since days\n(mentees with no forming or active "
	     "pair, waiting since the end of their\nlast pair or the day "
	     "they entered the base).\n"
	     "  --from DATE, --to DATE  meetings on these days (inclusive)\n"
	     "  --pair ID      meetings of this pair\n"
	     "  --kind KIND    meetings of this kind (see 'nastavnik help "
	     "meeting')\n"
	     "  --events       school-wide events only\n"
	     "  --pairs        pairs' meetings only\n"
	     "Meeting columns: id date time kind status pair who expected "
	     "marked\npresent; a teacher sees only their pairs and classes.\n"
	     "  --by KEY       attendance figures by pair, person, class, month "
	     "(default)\n"
	     "                 or event, counted at held meetings against "
	     "everyone\n"
	     "                 expected (a class hour for 7B: all of 7B's "
	     "pupils)\n"
	     "  --month M      only meetings of that month, such as 2026-09\n"
	     "Attendance columns: label id expected present absent excused pct "
	     "target.\n"
	     "Plan columns: pair_id who done total pct overdue, the plans "
	     "furthest\nbehind first (the target: 90 per cent of the steps "
	     "done).\n"
	     "  --as-of DATE   indicators as of that day (default today)\n"
	     "Indicator columns: code name value target met (value with one "
	     "decimal,\nper cent or a count; met yes or no, empty without a "
	     "target).\n"
	     "Answer columns: id questionnaire stage date person_id name "
	     "pair_id values\n(the values separated by |).\n") },
	{ "import", cli_import,
	  N_("read participants from a CSV file (a class list from Excel)"),
	  N_("import people FILE.csv [--dry-run] [--skip-bad]\n"
	     "              [--encoding auto|utf-8|cp1251]\n"
	     "              [--delimiter auto|;|,|tab] [--category C] "
	     "[--class K]\n"
	     "import roadmap FILE.csv [--title T] [--year YYYY-YYYY] "
	     "[--dry-run]\n"
	     "              [--encoding auto|utf-8|cp1251] "
	     "[--delimiter auto|;|,|tab]"),
	  N_("  --dry-run      check the file and count, change nothing\n"
	     "  --skip-bad     import the good rows, list the bad ones\n"
	     "  --encoding E   the file's encoding (default: detected)\n"
	     "  --delimiter D  the column separator (default: detected)\n"
	     "  --category C   category of rows that have none\n"
	     "  --class K      class of pupils that have none\n"
	     "Columns are found by their headers, Russian or English, in any "
	     "order:\n"
	     "ФИО or Фамилия, Имя, Отчество; Дата рождения; Категория; "
	     "Класс; Телефон;\n"
	     "E-mail; Организация; Должность; Наставник; Наставляемый; "
	     "Примечание.\n"
	     "Without a category column or --category, a file with a class "
	     "column is pupils.\n"
	     "Any bad row and nothing is imported; a person already there "
	     "(same name\nand birth date) is updated, not added again.\n"
	     "A roadmap table (№, Мероприятие, Срок, Ответственный, "
	     "Результат,\nПоказатели, and Раздел or Этап if there is one) "
	     "becomes a new roadmap;\na row with no deadline, responsible "
	     "or result is a section's title.\n"
	     "  --title T      its title (default: the file's name)\n"
	     "  --year Y       its school year, which completes deadlines "
	     "written\n"
	     "                 without a year (default: this school year)\n") },
	{ "export", cli_export,
	  N_("write a register as CSV for Excel"),
	  N_("export mentees|mentors|people|consents [-o FILE] [--force]\n"
	     "              [--encoding utf-8|cp1251] [--delimiter ';'|','|tab]"),
	  N_("  -o FILE        write to FILE (created 0600) instead of the "
	     "standard output\n"
	     "  --force        overwrite FILE if it exists\n"
	     "  --encoding E   utf-8 with a BOM (default) or cp1251\n"
	     "  --delimiter D  ; (default), , or tab\n"
	     "The people register is in the import format: it can be "
	     "imported back.\n") },
	/* reports: cli-report.c */
	{ "report", cli_report,
	  N_("print a report as plain text for paper or the screen"),
	  N_("report NAME [--width N] [--page-length N] [--encoding E] "
	     "[-o FILE]\n"
	     "report agreement|plan PAIR_ID [OPTION]...\n"
	     "report attendance [--month YYYY-MM] [--class K] [OPTION]...\n"
	     "report --list"),
	  N_("  --list         name every report with a line on each\n"
	     "  --width N      columns, 40 to 400 (default 80)\n"
	     "  --page-length N  lines a page, 0 for no pages or 20 and more\n"
	     "                 (default 66; pages end with a form feed)\n"
	     "  --encoding E   utf-8 (default), cp866, cp1251 or koi8-r; what "
	     "an\n"
	     "                 encoding cannot hold is printed as '?'\n"
	     "  --as-of DATE   the date the report is made as of (as --today)\n"
	     "  --month M      attendance of that month only, such as 2026-09\n"
	     "  --class K      attendance of that class only\n"
	     "  -o FILE        write to FILE (created 0600) instead of the "
	     "standard output\n"
	     "  --force        overwrite FILE if it exists\n"
	     "Reports: roadmap, participants, mentees, mentors, consents, "
	     "pairs,\nagreement, plan, plans, attendance, summary.\n") },
	{ "rep", cli_rep,
	  N_("list, add, edit or delete a pupil's legal representatives"),
	  N_("rep list PERSON_ID\n"
	     "rep add PERSON_ID --name NAME --relation REL [--phone P]\n"
	     "rep edit REP_ID [--name NAME] [--relation REL] [--phone P]\n"
	     "rep delete REP_ID"),
	  N_("  --name NAME      the representative's full name\n"
	     "  --relation REL   who they are to the pupil: mother, father,\n"
	     "                   guardian, trustee, grandmother, grandfather\n"
	     "  --phone P        a phone number, such as +7 912 345-67-89\n"
	     "Only pupils have legal representatives; the first one recorded\n"
	     "signs a minor's consents.  An empty value clears a field on "
	     "edit.\n") },
	{ "consent", cli_consent,
	  N_("record, revoke and print consents to personal-data processing"),
	  N_("consent add PERSON_ID --kind KIND --date DATE [OPTION]...\n"
	     "consent revoke CONSENT_ID [--date DATE] [--note TEXT]\n"
	     "consent revoke --person ID --kind KIND [--date DATE] "
	     "[--note TEXT]\n"
	     "consent delete CONSENT_ID\n"
	     "consent anonymise PERSON_ID --yes\n"
	     "consent form (PERSON_ID | --class K) [--kind KIND]\n"
	     "consent owed\n"
	     "consent coverage [--by category|class]"),
	  N_("  --kind KIND    pd (personal data processing), participation,\n"
	     "                 mentor-duties or publication\n"
	     "  --date DATE    the date signed (add) or revoked (revoke, "
	     "default\n"
	     "                 today), DD.MM.YYYY\n"
	     "  --by-representative NAME  signed by a legal representative\n"
	     "  --relation REL  who they are to the pupil: mother, father, "
	     "guardian\n"
	     "  --ref TEXT     the paper's number or where it is filed\n"
	     "  --until DATE   the day the consent ends\n"
	     "  --note TEXT    why it was revoked\n"
	     "  --person ID    revoke this participant's valid consent of "
	     "--kind\n"
	     "  --class K      a form for every pupil of the class\n"
	     "  --yes          confirm anonymising: it cannot be undone\n"
	     "  --by KEY       coverage by category (default) or by class\n"
	     "A pupil younger than the school's consent age (18, or 14) on "
	     "the date\nsigned needs --by-representative and --relation.\n") },
	{ "roadmap", cli_roadmap,
	  N_("keep the year's roadmap: mark items done, start one from a "
	     "template"),
	  N_("roadmap done NUMBER [--date DATE] [--evidence TEXT] "
	     "[--roadmap ID]\n"
	     "roadmap status NUMBER todo|progress|done|cancelled "
	     "[--roadmap ID]\n"
	     "roadmap new --template NAME [--year YYYY-YYYY] [--title T]\n"
	     "roadmap list\n"
	     "roadmap current [ID]\n"
	     "roadmap templates"),
	  N_("  --date DATE    the day it was done (default today), "
	     "DD.MM.YYYY\n"
	     "  --evidence TEXT  what proves it: an order's number, a "
	     "protocol, a link\n"
	     "  --roadmap ID   that roadmap instead of the current one\n"
	     "  --template NAME  a shipped template (see 'roadmap "
	     "templates')\n"
	     "  --year Y       the school year, such as 2025-2026 (default: "
	     "this one)\n"
	     "  --title T      the new roadmap's title\n"
	     "NUMBER is the item's number as 'list roadmap' shows it, such as "
	     "1.2.\n"
	     "A recurring item marked done stays in progress until its last "
	     "time\nin the year is done.\n") },
	{ "user", cli_user,
	  N_("say who may work in the database and in what role"),
	  N_("user add LOGIN --role ROLE [--class K]... [--person ID]\n"
	     "         [--name NAME]\n"
	     "user list\n"
	     "user edit LOGIN [--role ROLE] [--class K]... [--no-classes]\n"
	     "          [--person ID] [--name NAME]\n"
	     "user delete LOGIN"),
	  N_("  --role ROLE    curator (everything), teacher (marks attendance "
	     "for their\n"
	     "                 classes and pairs) or viewer (reads and "
	     "prints)\n"
	     "  --class K      a teacher's class, such as 7B; give it once for "
	     "each class\n"
	     "  --no-classes   (edit) the teacher has no classes\n"
	     "  --person ID    the user as a participant (a teacher who "
	     "mentors)\n"
	     "  --name NAME    how to call them\n"
	     "LOGIN is the name they log in to the computer with.  Only a "
	     "curator\nmanages users; the last curator cannot be removed.\n"
	     "List columns: login role name person classes.\n") },
	{ "pair", cli_pair,
	  N_("add, show, edit, close or delete a mentoring pair or group"),
	  N_("pair add --mentor ID [--mentor ID]... --mentee ID [--mentee ID]...\n"
	     "         --form FORM [OPTION]...\n"
	     "pair show ID\n"
	     "pair edit ID [OPTION]...\n"
	     "pair status ID forming|active|completed|cancelled [--date DATE]\n"
	     "            [--result TEXT]\n"
	     "pair delete ID"),
	  N_("  --mentor ID, --mentee ID  members; on edit they replace that "
	     "side\n"
	     "  --add-mentor ID, --add-mentee ID, --remove ID  change members "
	     "on edit\n"
	     "  --form FORM    pupil-pupil, teacher-teacher, student-pupil,\n"
	     "                 employer-pupil, teacher-pupil, head-teacher,\n"
	     "                 employer-student\n"
	     "  --kind KIND    traditional, group, short-term, reverse, "
	     "situational,\n"
	     "                 speed or remote\n"
	     "  --role-model TEXT  the role model inside the form\n"
	     "  --goal TEXT    what the pair works towards\n"
	     "  --from DATE, --to DATE  when it starts and ends, DD.MM.YYYY\n"
	     "  --order TEXT   the order that fixed it ('45 от 01.09.2025')\n"
	     "  --order-date DATE  the order's date\n"
	     "  --status S     forming (default), active, completed, cancelled\n"
	     "  --result TEXT, --case TEXT, --note TEXT  result, link or note "
	     "on the case\n"
	     "  --over-capacity  save although a mentor takes more mentees "
	     "than they said\n"
	     "  --no-consent-ok  save although a pupil has no valid consent "
	     "to\n"
	     "                 personal-data processing\n"
	     "  --date DATE    the day the status changed (default today)\n"
	     "A mentor's capacity and a pupil's missing consent are warnings: "
	     "the pair\nis not saved until the option above says so.  "
	     "Members join the bases\nof mentors and mentees.  Only a pair "
	     "with no meeting held can be deleted.\n") },
	{ "match", cli_match,
	  N_("suggest mentors for a mentee, best first, with the reasons"),
	  N_("match MENTEE_ID [--form FORM] [--max N]"),
	  N_("  --form FORM    only mentors who fit this form with the mentee\n"
	     "  --max N        at most N suggestions (default 10)\n"
	     "Columns: mentor_id name score free hours why.  The score (0-100) "
	     "weighs\nwords of the mentee's request found in the mentor's "
	     "competencies and\ninterests (word endings do not matter), the "
	     "preferred age, free places\nand hours.  Nothing is saved: the "
	     "curator decides.\n") },
	/* meetings: plans, meetings, attendance */
	{ "plan", cli_plan,
	  N_("keep a pair's individual plan: steps, dates done, approval"),
	  N_("plan show PAIR_ID\n"
	     "plan template PAIR_ID\n"
	     "plan step PAIR_ID --add TITLE [--due DATE] [--note TEXT]\n"
	     "plan done STEP_ID [--date DATE] [--undo]\n"
	     "plan approve PAIR_ID --date DATE --order NUMBER\n"
	     "plan delete PAIR_ID\n"
	     "plan summary"),
	  N_("  template       start the plan from the shipped steps for the "
	     "pair's form,\n"
	     "                 due from the pair's start\n"
	     "  --add TITLE    a new step at the end (starts a plan if there "
	     "is none)\n"
	     "  --due DATE     when the step is due, DD.MM.YYYY\n"
	     "  --date DATE    the day it was done (default today) or "
	     "approved\n"
	     "  --undo         the step is not done after all\n"
	     "  --order NUMBER the number of the order approving the plan\n"
	     "'plan show' lists the steps with their numbers; steps past due "
	     "and not\ndone are marked OVERDUE (as of --today).  'plan "
	     "summary' prints every\nplan together: plans met done total pct "
	     "target.\n") },
	{ "meeting", cli_meeting,
	  N_("add, change and show meetings of pairs and school-wide events"),
	  N_("meeting add --pair ID --kind KIND --date DATE [OPTION]...\n"
	     "meeting add --event KIND --audience WHOM --date DATE "
	     "[--target N]\n"
	     "            [OPTION]...\n"
	     "meeting layout PAIR_ID [--every DAYS]\n"
	     "meeting show ID\n"
	     "meeting edit ID [OPTION]...\n"
	     "meeting status ID planned|held|cancelled\n"
	     "meeting delete ID\n"
	     "meeting held [--month YYYY-MM]"),
	  N_("  --kind KIND    a pair's meeting: acquaintance, trial, planning, "
	     "working,\n"
	     "                 final\n"
	     "  --event KIND   a school-wide event: networking, class-hour, "
	     "council,\n"
	     "                 parents, game, other\n"
	     "  --audience WHOM  classes (7B) and categories (pupil, teacher, "
	     "parent, ...)\n"
	     "                 separated by commas; teacher includes young "
	     "specialists\n"
	     "  --date DATE    DD.MM.YYYY\n"
	     "  --time HH:MM, --topic TEXT, --place TEXT, --note TEXT\n"
	     "  --target N     the attendance target in per cent (class "
	     "hours and\n"
	     "                 councils: 90)\n"
	     "  --every DAYS   working meetings every DAYS days (default 14)\n"
	     "'layout' lays out a pair's sequence: getting to know on its "
	     "start, trial\na week later, planning a week after, working "
	     "meetings, final on its end\n(or three months on).  'held' "
	     "prints how many meetings due by today\nwere held.\n") },
	{ "attend", cli_attend,
	  N_("mark who came to a meeting"),
	  N_("attend MEETING_ID PERSON_ID present|absent|excused|none\n"
	     "attend MEETING_ID --rest present|absent|excused"),
	  N_("  --rest STATUS  everyone expected and not yet marked\n"
	     "Marks may also be written +, -, н (absent) or у (absent with a "
	     "reason).\nOnly those expected may be marked: the pair's "
	     "members, or the event's\naudience.  The first mark makes a "
	     "planned meeting held.  A teacher marks\nonly meetings of their "
	     "pairs and events for their classes.\n") },
	/* end of meetings */
	/* monitor: questionnaires, answers, targets, indicators */
	{ "answers", cli_answers,
	  N_("enter answers to a questionnaire, or import them from a CSV "
	     "file"),
	  N_("answers import FILE.csv --questionnaire CODE --stage STAGE\n"
	     "               [--dry-run] [--skip-bad] "
	     "[--encoding auto|utf-8|cp1251]\n"
	     "               [--delimiter auto|;|,|tab]\n"
	     "answers add PERSON_ID --questionnaire CODE --stage STAGE "
	     "[--pair ID]\n"
	     "            [--date DATE] VALUE...\n"
	     "answers delete ID"),
	  N_("  --questionnaire CODE  mentee, mentor, curator, diag-mentor, "
	     "diag-mentee ...\n"
	     "                 (see 'nastavnik questionnaire list')\n"
	     "  --stage STAGE  before, after, or q1 .. q4 (a quarter's "
	     "diagnostics)\n"
	     "  --dry-run      check the file and count, change nothing\n"
	     "  --skip-bad     import the good rows, list the bad ones\n"
	     "  --encoding E   the file's encoding (default: detected)\n"
	     "  --delimiter D  the column separator (default: detected)\n"
	     "  --pair ID      the pair the answers are about (default: the "
	     "person's only\n"
	     "                 pair in the questionnaire's role)\n"
	     "  --date DATE    the day answered (default today)\n"
	     "A file has one row per respondent: the name (ФИО, or Фамилия, "
	     "Имя,\nОтчество), then a column per question, found by the "
	     "question's text or\nin order; a form's time stamp gives the "
	     "date.  Values: a scale's number,\nда/нет, a choice's number or "
	     "text, free text; '-' or empty for none.\nA person's second "
	     "answer at a stage in a school year replaces the first.\n") },
	{ "questionnaire", cli_questionnaire,
	  N_("list and show the questionnaires, load the shipped ones"),
	  N_("questionnaire list\n"
	     "questionnaire show CODE\n"
	     "questionnaire load"),
	  N_("'load' adds the shipped questionnaires that are not in the "
	     "database yet\n(a school's edits are kept).  List columns: id "
	     "code audience questions\ntitle; show columns: n type text "
	     "choices.\n") },
	{ "target", cli_target,
	  N_("see and set the yearly targets of the indicators"),
	  N_("target list [--year YYYY-YYYY]\n"
	     "target set CODE VALUE [--year YYYY-YYYY]\n"
	     "target clear CODE [--year YYYY-YYYY]"),
	  N_("  --year Y       the school year, such as 2025-2026 (default: "
	     "this one)\n"
	     "'clear' goes back to the default: by the programme's year "
	     "(setting\nprogramme.start, else the year of the first pair) "
	     "satisfaction 65, 75,\n85; teachers as mentees 30, 50, 70; "
	     "mentors 10 in each group; the rest\n100.  List columns: code "
	     "name target default.\n") },
	{ "indicator", cli_indicator,
	  N_("show an indicator's definition, or who is behind it"),
	  N_("indicator show CODE [--as-of DATE]\n"
	     "indicator behind CODE [--as-of DATE]"),
	  N_("  --as-of DATE   count as of that day (default today)\n"
	     "'behind' lists the people, pairs, events or roadmap items that "
	     "keep the\nindicator from its target: kind id label note.\n") },
	/* end of monitor */
	{ "backup", cli_backup,
	  N_("copy the database safely while others work in it"),
	  N_("backup DEST"), NULL },
	{ "check", cli_check,
	  N_("check the database for damage"),
	  NULL, NULL },
	{ "help", cli_help,
	  N_("describe a command"),
	  N_("help [COMMAND]"), NULL },
};

static const struct cli_cmd *
cli_find(const char *name)
{
	size_t	i;

	for (i = 0; i < nitems(cli_cmds); i++) {
		if (strcmp(cli_cmds[i].name, name) == 0)
			return (&cli_cmds[i]);
	}
	return (NULL);
}

/*
 * Messages are UTF-8 inside (the catalogue is bound to UTF-8); a KOI8-R or
 * CP1251 terminal gets them converted, so Cyrillic stays readable there.
 */
void
cli_puts(FILE *f, const char *s)
{
	iconv_t	 cd;
	char	 buf[4096], *in, *out, *to;
	size_t	 inleft, outleft;

	if (i18n_utf8()) {
		fputs(s, f);
		return;
	}
	/* «» and — are not in KOI8-R: TRANSLIT makes them << >> and -. */
	xasprintf(&to, "%s//TRANSLIT", nl_langinfo(CODESET));
	cd = iconv_open(to, "UTF-8");
	free(to);
	if (cd == (iconv_t)-1) {
		fputs(s, f);
		return;
	}
	in = (char *)s;
	inleft = strlen(s);
	while (inleft > 0) {
		out = buf;
		outleft = sizeof buf;
		if (iconv(cd, &in, &inleft, &out, &outleft) == (size_t)-1 &&
		    errno != E2BIG) {
			/* Not representable: show a '?' and go on. */
			fwrite(buf, 1, (size_t)(out - buf), f);
			fputc('?', f);
			in++;
			inleft--;
			while (inleft > 0 && (*in & 0xc0) == 0x80)
				in++, inleft--;
			continue;
		}
		fwrite(buf, 1, (size_t)(out - buf), f);
	}
	iconv_close(cd);
}

static void
cli_vmsg(const char *fmt, va_list ap)
{
	char	*s, *esc;

	if (vasprintf(&s, fmt, ap) < 0)
		return;
	/* Messages may quote what was typed: no raw control characters. */
	esc = text_escape(s);
	cli_puts(stderr, "nastavnik: ");
	cli_puts(stderr, esc);
	cli_puts(stderr, "\n");
	free(esc);
	free(s);
}

int
cli_fail(const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	cli_vmsg(fmt, ap);
	va_end(ap);
	return (CLI_EXIT_FAIL);
}

int
cli_bad(const char *cmd, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	cli_vmsg(fmt, ap);
	va_end(ap);
	if (cmd != NULL)
		xasprintf(&s, _("Try 'nastavnik help %s'."), cmd);
	else
		s = xstrdup(_("Try 'nastavnik --help'."));
	cli_puts(stderr, s);
	cli_puts(stderr, "\n");
	free(s);
	return (CLI_EXIT_USAGE);
}

void
cli_usage(FILE *f)
{
	struct sbuf	b;
	size_t		i;

	sbuf_init(&b);
	sbuf_add(&b, _("Usage: nastavnik [OPTION]... [COMMAND [ARG]...]\n"));
	sbuf_add(&b, _("Keep the records of a school's mentoring programme "
	    "in one SQLite file.\nWith no command, open the screens.\n"));
	sbuf_add(&b, "\n");
	sbuf_add(&b, _("Options:\n"));
	sbuf_add(&b, _(
	    "  -f, --file=FILE   the database (default: $NASTAVNIK_DB, else\n"
	    "                    $XDG_DATA_HOME/nastavnik/nastavnik.db)\n"
	    "  -R, --read-only   only look, change nothing\n"
	    "      --today=DATE  take DATE (YYYY-MM-DD) as today\n"
	    "  -h, --help        show this help and exit\n"
	    "  -V, --version     show the version and exit\n"));
	sbuf_add(&b, "\n");
	sbuf_add(&b, _("Commands:\n"));
	for (i = 0; i < nitems(cli_cmds); i++)
		sbuf_addf(&b, "  %-8s %s\n", cli_cmds[i].name,
		    _(cli_cmds[i].help));
	sbuf_add(&b, "\n");
	sbuf_add(&b, _("Run 'nastavnik help COMMAND' for a command's options; "
	    "see also nastavnik(1).\n"));
	cli_puts(f, b.s);
	sbuf_free(&b);
}

/* A one-line help as a sentence: capital first letter, full stop. */
static void
cli_add_sentence(struct sbuf *b, const char *s)
{
	char		enc[4];
	uint32_t	cp;
	size_t		n;

	n = utf8_decode(s, strlen(s), &cp);
	sbuf_addn(b, enc, utf8_encode(text_upper(cp), enc));
	sbuf_add(b, s + n);
	sbuf_add(b, ".\n");
}

int
cli_help_cmd(FILE *f, const char *name)
{
	const struct cli_cmd	*c;
	struct sbuf		 b;
	const char		*p, *nl;

	if ((c = cli_find(name)) == NULL)
		return (-1);
	sbuf_init(&b);
	/* "Usage:" on a line of its own: a translation may be long. */
	sbuf_add(&b, _("Usage:"));
	sbuf_add(&b, "\n");
	p = c->synopsis != NULL ? _(c->synopsis) : c->name;
	for (; *p != '\0'; p = *nl == '\0' ? nl : nl + 1) {
		if ((nl = strchr(p, '\n')) == NULL)
			nl = p + strlen(p);
		/* A line starting with a space continues the one above. */
		sbuf_add(&b, *p == ' ' ? "            " : "  nastavnik ");
		sbuf_addn(&b, p, (size_t)(nl - p));
		sbuf_add(&b, "\n");
	}
	sbuf_add(&b, "\n");
	cli_add_sentence(&b, _(c->help));
	if (c->details != NULL) {
		sbuf_add(&b, "\n");
		sbuf_add(&b, _(c->details));
	}
	cli_puts(f, b.s);
	sbuf_free(&b);
	return (0);
}

int
cli_getopt(int argc, char **argv, const char *shortopts,
    const struct option *longopts, const char *cmd)
{
	int		 c;
	const char	*arg;

	opterr = 0;
	c = getopt_long(argc, argv, shortopts, longopts, NULL);
	if (c == 'h') {
		cli_help_cmd(stdout, cmd);
		return (CLI_OPT_HELP);
	}
	if (c != '?' && c != ':')
		return (c);
	arg = optind > 0 && optind <= argc ? argv[optind - 1] : "";
	if (c == '?') {
		if (optopt != 0 && strncmp(arg, "--", 2) != 0)
			cli_bad(cmd, _("%s: unknown option '-%c'"), cmd,
			    optopt);
		else
			cli_bad(cmd, _("%s: unknown option '%s'"), cmd, arg);
	} else {
		if (strncmp(arg, "--", 2) != 0)
			cli_bad(cmd, _("%s: option '-%c' needs a value"), cmd,
			    optopt);
		else
			cli_bad(cmd, _("%s: option '%s' needs a value"), cmd,
			    arg);
	}
	return (CLI_OPT_BAD);
}

/* The command being run and its first word, for a teacher's limits. */
static const char	*cli_now_cmd, *cli_now_sub;

int
cli_run(struct cli_ctx *ctx, int argc, char **argv)
{
	const struct cli_cmd	*c;

	if ((c = cli_find(argv[0])) == NULL)
		return (cli_bad(NULL, _("unknown command '%s'"), argv[0]));
	cli_now_cmd = argv[0];
	cli_now_sub = argc > 1 ? argv[1] : NULL;
	return (c->fn(ctx, argc, argv));
}

/* What a teacher may run: their meetings and the attendance there. */
static int
cli_teacher_may(void)
{
	static const char *const may[][2] = {
		{ "attend", NULL },
		{ "list", "meetings" },
		{ "list", "attendance" },
		{ "meeting", "show" },
		{ "help", NULL },
	};
	size_t	i;

	/* No command: the screens, which keep a teacher to their own. */
	if (cli_now_cmd == NULL)
		return (1);
	for (i = 0; i < nitems(may); i++) {
		if (strcmp(cli_now_cmd, may[i][0]) != 0)
			continue;
		if (may[i][1] == NULL || (cli_now_sub != NULL &&
		    strcmp(cli_now_sub, may[i][1]) == 0))
			return (1);
	}
	return (0);
}

/* After opening: who is working, and may they do this here? */
static int
cli_identify(struct db *db, int how, const char *what)
{
	struct nerr	err;
	const char	*login = db->user != NULL ? db->user : "?";

	nerr_clear(&err);
	if (user_identify(db, &err) != 0)
		return (cli_fail("%s", err.msg));
	if (db->role == ROLE_TEACHER && !cli_teacher_may())
		return (cli_fail(_("«%s» is a teacher here: teachers may only "
		    "see their meetings and mark attendance ('attend', 'list "
		    "meetings', 'list attendance', 'meeting show')"), login));
	if (db->role == ROLE_VIEWER && how == CLI_WRITE) {
		user_refuse_write(db, &err);
		return (cli_fail(_("cannot %s: %s"), what, err.msg));
	}
	return (0);
}

int
cli_open(struct cli_ctx *ctx, struct db **dbp, int how, const char *what)
{
	struct nerr	 err;
	struct stat	 sb;
	char		*path;
	int		 is_default, flags = 0;

	*dbp = NULL;
	if (how == CLI_WRITE && ctx->readonly)
		return (cli_fail(_("cannot %s: the database was opened "
		    "read-only (--read-only)"), what));
	path = db_resolve_path(ctx->file, &is_default);
	if (path == NULL)
		return (cli_fail(_("cannot tell where the database is: set "
		    "HOME or XDG_DATA_HOME, or give -f FILE")));
	/* Only init and the screens create a file: a typo must not. */
	if (stat(path, &sb) == -1 && errno == ENOENT) {
		cli_fail(_("no database at %s; create one with "
		    "'nastavnik init'"), path);
		free(path);
		return (CLI_EXIT_FAIL);
	}
	if (ctx->readonly || how == CLI_LOOK)
		flags |= DB_OPEN_READONLY;
	nerr_clear(&err);
	if (db_open(dbp, path, flags, &err) != 0) {
		*dbp = NULL;
		cli_fail("%s", err.msg);
		free(path);
		return (CLI_EXIT_FAIL);
	}
	if (cli_identify(*dbp, how, what) != 0) {
		db_close(*dbp);
		*dbp = NULL;
		free(path);
		return (CLI_EXIT_FAIL);
	}
	if (how == CLI_WRITE && (*dbp)->readonly) {
		cli_fail(_("cannot %s: %s is read-only for you; ask whoever "
		    "keeps it for write access"), what, path);
		db_close(*dbp);
		*dbp = NULL;
		free(path);
		return (CLI_EXIT_FAIL);
	}
	free(path);
	return (0);
}

long long
cli_id(const char *cmd, const char *s)
{
	char		*end;
	long long	 id;

	errno = 0;
	id = strtoll(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno != 0 || id <= 0) {
		cli_bad(cmd, _("'%s' is not a record number"), s);
		return (-1);
	}
	return (id);
}

void
cli_tsv_field(struct sbuf *b, const char *s)
{
	const char	*run;
	char		*chunk, *esc;

	if (s == NULL)
		return;
	/* Our four escapes first; text_escape takes the runs between. */
	for (run = s;; s++) {
		if (*s != '\0' && *s != '\\' && *s != '\t' && *s != '\n' &&
		    *s != '\r')
			continue;
		if (s > run) {
			chunk = xstrndup(run, (size_t)(s - run));
			esc = text_escape(chunk);
			sbuf_add(b, esc);
			free(esc);
			free(chunk);
		}
		switch (*s) {
		case '\0':
			return;
		case '\\':
			sbuf_add(b, "\\\\");
			break;
		case '\t':
			sbuf_add(b, "\\t");
			break;
		case '\n':
			sbuf_add(b, "\\n");
			break;
		case '\r':
			sbuf_add(b, "\\r");
			break;
		}
		run = s + 1;
	}
}

int
cli_bad_category(const char *s)
{
	struct sbuf	b;
	int		i, rc;

	sbuf_init(&b);
	for (i = 0; i < CAT__COUNT; i++) {
		if (i > 0)
			sbuf_add(&b, ", ");
		sbuf_add(&b, person_category_code(i));
	}
	rc = cli_fail(_("unknown category '%s'; use one of: %s"), s, b.s);
	sbuf_free(&b);
	return (rc);
}

/* A kind of record or file of "list" or "import", and the function for it. */
struct cli_kind {
	const char	*name;
	int		(*fn)(struct cli_ctx *, int, char **);
};

/*
 * "CMD KIND ...": help when asked for, or KIND's exit status; -1 when KIND is
 * missing or unknown, with the known names in names for the caller to say.
 */
static int
cli_kind_run(struct cli_ctx *ctx, int argc, char **argv, const char *cmd,
    const struct cli_kind *kinds, size_t n, struct sbuf *names)
{
	size_t	i;

	if (argc >= 2 && (strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "--help") == 0)) {
		cli_help_cmd(stdout, cmd);
		return (CLI_EXIT_OK);
	}
	for (i = 0; argc >= 2 && i < n; i++) {
		if (strcmp(argv[1], kinds[i].name) == 0)
			return (kinds[i].fn(ctx, argc - 1, argv + 1));
	}
	for (i = 0; i < n; i++)
		sbuf_addf(names, "%s%s", i > 0 ? ", " : "", kinds[i].name);
	return (-1);
}

/* "list KIND": the kinds grow with the product (pairs, consents, ...). */
static int
cli_list(struct cli_ctx *ctx, int argc, char **argv)
{
	/* What "list" can print; each kind lives with its own subcommands. */
	static const struct cli_kind kinds[] = {
		{ "people", cli_list_people },
		{ "consents", cli_list_consents },
		{ "owed", cli_list_owed },
		{ "roadmap", cli_list_roadmap },
		{ "pairs", cli_list_pairs },
		{ "unpaired", cli_list_unpaired },
		{ "meetings", cli_list_meetings },
		{ "attendance", cli_list_attendance },
		{ "plans", cli_list_plans },
		{ "indicators", cli_list_indicators },	/* monitor */
		{ "answers", cli_list_answers },	/* monitor */
	};
	struct sbuf	names;
	int		rc;

	sbuf_init(&names);
	rc = cli_kind_run(ctx, argc, argv, "list", kinds, nitems(kinds),
	    &names);
	if (rc < 0 && (argc < 2 || argv[1][0] == '-'))
		rc = cli_bad("list", _("list: say what to list (%s)"), names.s);
	else if (rc < 0)
		rc = cli_bad("list", _("list: unknown kind of record '%s'; "
		    "use one of: %s"), argv[1], names.s);
	sbuf_free(&names);
	return (rc);
}

/* "import KIND": each kind of file lives with its own module. */
static int
cli_import(struct cli_ctx *ctx, int argc, char **argv)
{
	static const struct cli_kind kinds[] = {
		{ "people", cli_import_people },
		{ "roadmap", cli_import_roadmap },
	};
	struct sbuf	names;
	int		rc;

	sbuf_init(&names);
	rc = cli_kind_run(ctx, argc, argv, "import", kinds, nitems(kinds),
	    &names);
	if (rc < 0 && (argc < 2 || argv[1][0] == '-'))
		rc = cli_bad("import", _("import: say what to import (%s)"),
		    names.s);
	else if (rc < 0)
		rc = cli_bad("import", _("import: unknown kind of file '%s'; "
		    "use one of: %s"), argv[1], names.s);
	sbuf_free(&names);
	return (rc);
}

static int
cli_help(struct cli_ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	if (argc < 2) {
		cli_usage(stdout);
		return (CLI_EXIT_OK);
	}
	if (argc > 2)
		return (cli_bad("help", _("help: give one command")));
	if (cli_help_cmd(stdout, argv[1]) != 0)
		return (cli_bad(NULL, _("unknown command '%s'"), argv[1]));
	return (CLI_EXIT_OK);
}
