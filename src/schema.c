/* schema.c: the database schema for the whole domain, as numbered migrations. */
#include "config.h"

#include "schema.h"

/*
 * Rules: never edit a migration that has shipped; add a new one.  A CHECK
 * on a row written 100 000 times by an import is written as ORs, not as
 * IN (...): SQLite builds a temporary index for an IN list on every row,
 * which cost as much as the insert itself.  Every table
 * is STRICT-free plain SQLite so the sqlite3 shell can read the file; Russian
 * ordering uses stored sort keys (see text_sort_key) instead of a collation in
 * an index, so the shell can also write to it without our collation.
 * Dates are ISO text (YYYY-MM-DD).  Every editable record has a version
 * counter for refusing to overwrite another user's change.
 */
static const char m1[] =
"CREATE TABLE setting ("
"  key TEXT PRIMARY KEY,"
"  value TEXT NOT NULL"
");"

/* participants (участники) */
"CREATE TABLE person ("
"  id INTEGER PRIMARY KEY,"
"  version INTEGER NOT NULL DEFAULT 1,"
"  last TEXT NOT NULL,"
"  first TEXT NOT NULL,"
"  patronymic TEXT NOT NULL DEFAULT '',"
"  category TEXT NOT NULL CHECK (category = 'pupil' OR"
"    category = 'teacher' OR category = 'young-specialist' OR"
"    category = 'parent' OR category = 'graduate' OR"
"    category = 'partner' OR category = 'student'),"
"  birth TEXT,"
"  class TEXT,"
"  organisation TEXT,"
"  position TEXT,"
"  phone TEXT,"
"  email TEXT,"
"  note TEXT,"
"  is_mentor INTEGER NOT NULL DEFAULT 0 CHECK (is_mentor IN (0,1)),"
"  is_mentee INTEGER NOT NULL DEFAULT 0 CHECK (is_mentee IN (0,1)),"
"  anonymised INTEGER NOT NULL DEFAULT 0,"
"  sort_key TEXT NOT NULL,"	/* text_sort_key(last first patronymic) */
"  search_key TEXT NOT NULL,"	/* text_fold(last first patronymic) */
"  class_key TEXT NOT NULL DEFAULT '',"	/* '07Б': classes in school order */
"  created TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S','now')),"
"  updated TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S','now'))"
");"
"CREATE INDEX person_name ON person(sort_key, id);"
"CREATE INDEX person_class ON person(class_key, sort_key, id);"
"CREATE INDEX person_birth ON person(birth, sort_key, id);"
"CREATE INDEX person_category ON person(category, sort_key, id);"
/*
 * Every word of search_key once per person: a search for the beginning of
 * a word seeks here instead of reading every name.  Kept by person-db.c.
 */
"CREATE TABLE person_word ("
"  word TEXT NOT NULL,"
"  person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,"
"  PRIMARY KEY (word, person_id)"
") WITHOUT ROWID;"
"CREATE INDEX person_word_person ON person_word(person_id);"

/* the base of mentees (база наставляемых) */
"CREATE TABLE mentee ("
"  person_id INTEGER PRIMARY KEY REFERENCES person(id) ON DELETE CASCADE,"
"  request TEXT,"
"  entered TEXT,"
"  result TEXT,"
"  case_ref TEXT"
");"

/* the base of mentors (база наставников) */
"CREATE TABLE mentor ("
"  person_id INTEGER PRIMARY KEY REFERENCES person(id) ON DELETE CASCADE,"
"  competencies TEXT,"
"  achievements TEXT,"
"  interests TEXT,"
"  age_min INTEGER NOT NULL DEFAULT 0,"
"  age_max INTEGER NOT NULL DEFAULT 0,"
"  hours INTEGER NOT NULL DEFAULT 0,"
"  capacity INTEGER NOT NULL DEFAULT 0,"
"  status TEXT NOT NULL DEFAULT 'candidate' CHECK (status IN"
"    ('candidate','approved','active','finished')),"
"  approved_order TEXT,"
"  crim_date TEXT,"
"  crim_ref TEXT,"
"  med_date TEXT,"
"  med_ref TEXT"
");"

/* legal representatives of minors (законные представители) */
"CREATE TABLE representative ("
"  id INTEGER PRIMARY KEY,"
"  person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,"
"  name TEXT NOT NULL,"
"  relation TEXT,"
"  phone TEXT"
");"
"CREATE INDEX representative_person ON representative(person_id);"

/* consents (согласия) */
"CREATE TABLE consent ("
"  id INTEGER PRIMARY KEY,"
"  version INTEGER NOT NULL DEFAULT 1,"
"  person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,"
"  kind TEXT NOT NULL CHECK (kind IN"
"    ('pd','participation','mentor-duties','publication')),"
"  by_representative INTEGER NOT NULL DEFAULT 0,"
"  representative_id INTEGER REFERENCES representative(id) ON DELETE SET NULL,"
"  rep_name TEXT,"
"  rep_relation TEXT,"
"  signed TEXT NOT NULL,"
"  ref TEXT,"
"  valid_until TEXT,"
"  revoked TEXT,"
"  revoke_note TEXT"
");"
"CREATE INDEX consent_person ON consent(person_id, kind);"

/* pairs and groups (наставнические пары и группы) */
"CREATE TABLE pair ("
"  id INTEGER PRIMARY KEY,"
"  version INTEGER NOT NULL DEFAULT 1,"
"  form TEXT NOT NULL CHECK (form IN ('pupil-pupil','teacher-teacher',"
"    'student-pupil','employer-pupil','teacher-pupil','head-teacher',"
"    'employer-student')),"
"  role_model TEXT,"
"  kind TEXT CHECK (kind IS NULL OR kind IN ('traditional','group',"
"    'short-term','reverse','situational','speed','remote')),"
"  goal TEXT,"
"  date_from TEXT,"
"  date_to TEXT,"
"  order_no TEXT,"
"  order_date TEXT,"
"  status TEXT NOT NULL DEFAULT 'forming' CHECK (status IN"
"    ('forming','active','completed','cancelled')),"
"  result TEXT,"
"  case_ref TEXT,"
"  note TEXT"
");"
"CREATE TABLE pair_member ("
"  pair_id INTEGER NOT NULL REFERENCES pair(id) ON DELETE CASCADE,"
"  person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,"
"  role TEXT NOT NULL CHECK (role IN ('mentor','mentee')),"
"  PRIMARY KEY (pair_id, person_id, role)"
");"
"CREATE INDEX pair_member_person ON pair_member(person_id);"

/* individual plans (индивидуальные планы) */
"CREATE TABLE plan ("
"  id INTEGER PRIMARY KEY,"
"  version INTEGER NOT NULL DEFAULT 1,"
"  pair_id INTEGER NOT NULL UNIQUE REFERENCES pair(id) ON DELETE CASCADE,"
"  title TEXT,"
"  approved TEXT,"
"  approved_order TEXT"
");"
"CREATE TABLE plan_step ("
"  id INTEGER PRIMARY KEY,"
"  plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,"
"  pos INTEGER NOT NULL,"
"  title TEXT NOT NULL,"
"  due TEXT,"
"  done TEXT,"
"  note TEXT"
");"
"CREATE INDEX plan_step_plan ON plan_step(plan_id, pos);"

/* meetings and school-wide events, with attendance */
"CREATE TABLE meeting ("
"  id INTEGER PRIMARY KEY,"
"  version INTEGER NOT NULL DEFAULT 1,"
"  pair_id INTEGER REFERENCES pair(id) ON DELETE CASCADE,"
"  kind TEXT NOT NULL CHECK (kind IN ('acquaintance','trial','planning',"
"    'working','final','networking','class-hour','council','parents',"
"    'game','other')),"
"  date TEXT NOT NULL,"
"  time TEXT,"
"  topic TEXT,"
"  place TEXT,"
"  note TEXT,"
"  audience TEXT,"		/* whom a school-wide event is for: a class, a category */
"  target_pct INTEGER,"		/* attendance target of an event, % */
"  status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN"
"    ('planned','held','cancelled'))"
");"
"CREATE INDEX meeting_pair ON meeting(pair_id, date);"
"CREATE INDEX meeting_date ON meeting(date);"
"CREATE TABLE attendance ("
"  meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,"
"  person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,"
"  status TEXT NOT NULL CHECK (status IN ('present','absent','excused')),"
"  PRIMARY KEY (meeting_id, person_id)"
");"
"CREATE INDEX attendance_person ON attendance(person_id);"

/* the roadmap (дорожная карта) */
"CREATE TABLE roadmap ("
"  id INTEGER PRIMARY KEY,"
"  version INTEGER NOT NULL DEFAULT 1,"
"  title TEXT NOT NULL,"
"  school_year TEXT,"
"  is_current INTEGER NOT NULL DEFAULT 0"
");"
"CREATE TABLE roadmap_section ("
"  id INTEGER PRIMARY KEY,"
"  roadmap_id INTEGER NOT NULL REFERENCES roadmap(id) ON DELETE CASCADE,"
"  pos INTEGER NOT NULL,"
"  title TEXT NOT NULL"
");"
"CREATE TABLE roadmap_item ("
"  id INTEGER PRIMARY KEY,"
"  version INTEGER NOT NULL DEFAULT 1,"
"  section_id INTEGER NOT NULL REFERENCES roadmap_section(id) ON DELETE CASCADE,"
"  pos INTEGER NOT NULL,"
"  number TEXT,"
"  content TEXT NOT NULL,"
"  deadline_text TEXT,"
"  deadline_from TEXT,"
"  deadline_to TEXT,"
"  result TEXT,"
"  indicator TEXT,"
"  responsible TEXT,"
"  responsible_id INTEGER REFERENCES person(id) ON DELETE SET NULL,"
"  status TEXT NOT NULL DEFAULT 'todo' CHECK (status IN"
"    ('todo','progress','done','cancelled')),"
"  done_date TEXT,"
"  evidence TEXT,"
"  note TEXT"
");"
"CREATE INDEX roadmap_item_section ON roadmap_item(section_id, pos);"

/* monitoring: questionnaires, answers, targets */
"CREATE TABLE questionnaire ("
"  id INTEGER PRIMARY KEY,"
"  code TEXT NOT NULL UNIQUE,"
"  title TEXT NOT NULL,"
"  audience TEXT,"
"  note TEXT"
");"
"CREATE TABLE question ("
"  id INTEGER PRIMARY KEY,"
"  questionnaire_id INTEGER NOT NULL REFERENCES questionnaire(id) ON DELETE CASCADE,"
"  pos INTEGER NOT NULL,"
"  text TEXT NOT NULL,"
"  type TEXT NOT NULL CHECK (type IN ('scale10','scale5','yesno','choice','text')),"
"  choices TEXT"
");"
"CREATE TABLE response ("
"  id INTEGER PRIMARY KEY,"
"  questionnaire_id INTEGER NOT NULL REFERENCES questionnaire(id) ON DELETE CASCADE,"
"  person_id INTEGER REFERENCES person(id) ON DELETE SET NULL,"
"  pair_id INTEGER REFERENCES pair(id) ON DELETE SET NULL,"
"  stage TEXT NOT NULL,"		/* before, after, q1..q4 */
"  date TEXT"
");"
"CREATE TABLE answer ("
"  response_id INTEGER NOT NULL REFERENCES response(id) ON DELETE CASCADE,"
"  question_id INTEGER NOT NULL REFERENCES question(id) ON DELETE CASCADE,"
"  value TEXT,"
"  PRIMARY KEY (response_id, question_id)"
");"
"CREATE TABLE target ("
"  school_year TEXT NOT NULL,"
"  code TEXT NOT NULL,"
"  value REAL NOT NULL,"
"  PRIMARY KEY (school_year, code)"
");"

/* users and roles: who may change what */
"CREATE TABLE user ("
"  id INTEGER PRIMARY KEY,"
"  login TEXT NOT NULL UNIQUE,"
"  name TEXT,"
"  role TEXT NOT NULL CHECK (role IN ('curator','teacher','director','coordinator')),"
"  person_id INTEGER REFERENCES person(id) ON DELETE SET NULL"
");"
"CREATE TABLE user_class ("
"  user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,"
"  class TEXT NOT NULL,"
"  PRIMARY KEY (user_id, class)"
");"

/* the audit log: what was done to which record; never personal data */
"CREATE TABLE audit ("
"  id INTEGER PRIMARY KEY,"
"  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S','now')),"
"  user TEXT,"
"  action TEXT NOT NULL,"
"  entity TEXT,"
"  entity_id INTEGER"
");";

/*
 * 2: roles are curator, teacher and viewer (the director and the
 * coordinator only read); indexes for the teacher's meetings, the unpaired
 * and the mentors' load.  db_migrate_to turns foreign keys off around it,
 * so rebuilding user keeps user_class.
 */
static const char m2[] =
"CREATE TABLE user_new ("
"  id INTEGER PRIMARY KEY,"
"  login TEXT NOT NULL UNIQUE,"
"  name TEXT,"
"  role TEXT NOT NULL CHECK (role IN ('curator','teacher','viewer')),"
"  person_id INTEGER REFERENCES person(id) ON DELETE SET NULL"
");"
"INSERT INTO user_new(id, login, name, role, person_id)"
"  SELECT id, login, name, CASE role WHEN 'curator' THEN 'curator'"
"    WHEN 'teacher' THEN 'teacher' ELSE 'viewer' END, person_id FROM user;"
"DROP TABLE user;"
"ALTER TABLE user_new RENAME TO user;"
"CREATE INDEX user_person ON user(person_id);"
"CREATE INDEX user_class_class ON user_class(class, user_id);"
"CREATE INDEX person_mentee ON person(sort_key, id) WHERE is_mentee = 1;"
"CREATE INDEX person_mentor ON person(id) WHERE is_mentor = 1;"
"DROP INDEX pair_member_person;"
"CREATE INDEX pair_member_person ON pair_member(person_id, role, pair_id);"
"CREATE INDEX pair_status ON pair(status, id);"
"CREATE INDEX meeting_audience ON meeting(audience, date) WHERE audience IS NOT NULL;";

const struct migration schema_migrations[] = {
	{ 1, "initial schema", m1 },
	{ 2, "roles, indexes for pairs and meetings", m2 },
};
const int schema_nmigrations = sizeof schema_migrations /
    sizeof schema_migrations[0];
