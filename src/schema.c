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
"CREATE INDEX person_mentee ON person(sort_key, id) WHERE is_mentee = 1 AND anonymised = 0;"
"CREATE INDEX person_mentor ON person(id) WHERE is_mentor = 1;"
"DROP INDEX pair_member_person;"
"CREATE INDEX pair_member_person ON pair_member(person_id, role, pair_id);"
"CREATE INDEX pair_status ON pair(status, id);"
"CREATE INDEX meeting_audience ON meeting(audience, date) WHERE audience IS NOT NULL;"
/*
 * Kept attendance figures (attend.c reads them; the figures of a million
 * marks are sums over the meetings and over the people, not a scan of the
 * marks).  meeting.present/absent/excused count the meeting's marks;
 * meeting.expected is how many were expected on the day it became held
 * (a pupil who joined the class later was not absent before).
 * person_att counts, per person, the held meetings they were expected at
 * and their marks there.  Triggers keep both for every writer: marking,
 * clearing, the cascades when a person or a meeting goes, a status or
 * audience change.  meeting_expect is who a meeting expects now (pair
 * members; an event's audience, as meeting_aud_has reads it).
 */
"ALTER TABLE meeting ADD COLUMN expected INTEGER;"
"ALTER TABLE meeting ADD COLUMN present INTEGER NOT NULL DEFAULT 0;"
"ALTER TABLE meeting ADD COLUMN absent INTEGER NOT NULL DEFAULT 0;"
"ALTER TABLE meeting ADD COLUMN excused INTEGER NOT NULL DEFAULT 0;"
"CREATE TABLE person_att ("
"  person_id INTEGER PRIMARY KEY REFERENCES person(id) ON DELETE CASCADE,"
"  expected INTEGER NOT NULL DEFAULT 0,"
"  present INTEGER NOT NULL DEFAULT 0,"
"  absent INTEGER NOT NULL DEFAULT 0,"
"  excused INTEGER NOT NULL DEFAULT 0"
");"
"CREATE VIEW meeting_expect (meeting_id, person_id) AS"
"  SELECT DISTINCT m.id, pm.person_id FROM meeting m JOIN pair_member pm"
"    ON pm.pair_id = m.pair_id"
"  UNION ALL SELECT m.id, p.id FROM meeting m JOIN person p"
"    ON m.pair_id IS NULL AND p.anonymised = 0 AND"
"    (instr(',' || m.audience || ',', ',' || p.category || ',') > 0 OR"
"    (p.category = 'young-specialist' AND instr(',' || m.audience || ',', ',teacher,') > 0) OR"
"    (p.category = 'pupil' AND instr(',' || m.audience || ',', ',' || p.class || ',') > 0));"
"UPDATE meeting SET"
"  present = (SELECT count(*) FROM attendance a WHERE a.meeting_id = meeting.id AND a.status = 'present'),"
"  absent = (SELECT count(*) FROM attendance a WHERE a.meeting_id = meeting.id AND a.status = 'absent'),"
"  excused = (SELECT count(*) FROM attendance a WHERE a.meeting_id = meeting.id AND a.status = 'excused'),"
"  expected = CASE status WHEN 'held' THEN (SELECT count(*) FROM meeting_expect x WHERE x.meeting_id = meeting.id) END;"
"INSERT INTO person_att (person_id, expected, present, absent, excused)"
"  SELECT p.id, (SELECT count(*) FROM meeting_expect x JOIN meeting m ON m.id = x.meeting_id"
"    WHERE x.person_id = p.id AND m.status = 'held'),"
"  (SELECT count(*) FROM attendance a JOIN meeting m ON m.id = a.meeting_id WHERE a.person_id = p.id AND m.status = 'held' AND a.status = 'present'),"
"  (SELECT count(*) FROM attendance a JOIN meeting m ON m.id = a.meeting_id WHERE a.person_id = p.id AND m.status = 'held' AND a.status = 'absent'),"
"  (SELECT count(*) FROM attendance a JOIN meeting m ON m.id = a.meeting_id WHERE a.person_id = p.id AND m.status = 'held' AND a.status = 'excused')"
"  FROM person p WHERE p.id IN (SELECT person_id FROM attendance) OR p.id IN (SELECT person_id FROM pair_member) OR p.anonymised = 0;"
"DELETE FROM person_att WHERE expected + present + absent + excused = 0;"
/* a mark: the meeting's counts always, the person's at a held meeting */
"CREATE TRIGGER attendance_ai AFTER INSERT ON attendance BEGIN"
"  UPDATE meeting SET present = present + (NEW.status = 'present'),"
"    absent = absent + (NEW.status = 'absent'), excused = excused + (NEW.status = 'excused')"
"    WHERE id = NEW.meeting_id;"
"  INSERT INTO person_att (person_id, present, absent, excused)"
"    SELECT NEW.person_id, NEW.status = 'present', NEW.status = 'absent', NEW.status = 'excused'"
"    FROM meeting WHERE id = NEW.meeting_id AND status = 'held'"
"    ON CONFLICT (person_id) DO UPDATE SET present = present + excluded.present,"
"    absent = absent + excluded.absent, excused = excused + excluded.excused;"
"END;"
"CREATE TRIGGER attendance_ad AFTER DELETE ON attendance BEGIN"
"  UPDATE meeting SET present = present - (OLD.status = 'present'),"
"    absent = absent - (OLD.status = 'absent'), excused = excused - (OLD.status = 'excused')"
"    WHERE id = OLD.meeting_id;"
"  UPDATE person_att SET present = present - (OLD.status = 'present'),"
"    absent = absent - (OLD.status = 'absent'), excused = excused - (OLD.status = 'excused')"
"    WHERE person_id = OLD.person_id AND EXISTS (SELECT 1 FROM meeting WHERE id = OLD.meeting_id AND status = 'held');"
"END;"
"CREATE TRIGGER attendance_au AFTER UPDATE OF status ON attendance BEGIN"
"  UPDATE meeting SET present = present - (OLD.status = 'present') + (NEW.status = 'present'),"
"    absent = absent - (OLD.status = 'absent') + (NEW.status = 'absent'),"
"    excused = excused - (OLD.status = 'excused') + (NEW.status = 'excused')"
"    WHERE id = NEW.meeting_id;"
"  UPDATE person_att SET present = present - (OLD.status = 'present') + (NEW.status = 'present'),"
"    absent = absent - (OLD.status = 'absent') + (NEW.status = 'absent'),"
"    excused = excused - (OLD.status = 'excused') + (NEW.status = 'excused')"
"    WHERE person_id = NEW.person_id AND EXISTS (SELECT 1 FROM meeting WHERE id = NEW.meeting_id AND status = 'held');"
"END;"
/* a meeting becomes held: the day's audience, and its marks start to count */
"CREATE TRIGGER meeting_held_ai AFTER INSERT ON meeting WHEN NEW.status = 'held' BEGIN"
"  UPDATE meeting SET expected = (SELECT count(*) FROM meeting_expect WHERE meeting_id = NEW.id) WHERE id = NEW.id;"
"  INSERT INTO person_att (person_id, expected) SELECT person_id, 1 FROM meeting_expect"
"    WHERE meeting_id = NEW.id ON CONFLICT (person_id) DO UPDATE SET expected = expected + 1;"
"END;"
"CREATE TRIGGER meeting_held_au AFTER UPDATE OF status ON meeting"
"  WHEN NEW.status = 'held' AND OLD.status <> 'held' BEGIN"
"  UPDATE meeting SET expected = (SELECT count(*) FROM meeting_expect WHERE meeting_id = NEW.id) WHERE id = NEW.id;"
"  INSERT INTO person_att (person_id, expected) SELECT person_id, 1 FROM meeting_expect"
"    WHERE meeting_id = NEW.id ON CONFLICT (person_id) DO UPDATE SET expected = expected + 1;"
"  INSERT INTO person_att (person_id, present, absent, excused)"
"    SELECT person_id, status = 'present', status = 'absent', status = 'excused' FROM attendance"
"    WHERE meeting_id = NEW.id ON CONFLICT (person_id) DO UPDATE SET present = present + excluded.present,"
"    absent = absent + excluded.absent, excused = excused + excluded.excused;"
"END;"
/* ... and stops being held (BEFORE: the audience read is the old one) */
"CREATE TRIGGER meeting_unheld_bu BEFORE UPDATE OF status ON meeting"
"  WHEN OLD.status = 'held' AND NEW.status <> 'held' BEGIN"
"  UPDATE person_att SET expected = expected - 1"
"    WHERE person_id IN (SELECT person_id FROM meeting_expect WHERE meeting_id = OLD.id);"
"  UPDATE person_att SET"
"    present = present - (SELECT status = 'present' FROM attendance WHERE meeting_id = OLD.id AND person_id = person_att.person_id),"
"    absent = absent - (SELECT status = 'absent' FROM attendance WHERE meeting_id = OLD.id AND person_id = person_att.person_id),"
"    excused = excused - (SELECT status = 'excused' FROM attendance WHERE meeting_id = OLD.id AND person_id = person_att.person_id)"
"    WHERE person_id IN (SELECT person_id FROM attendance WHERE meeting_id = OLD.id);"
"END;"
/* a held meeting's audience or pair changes: its people change */
"CREATE TRIGGER meeting_aud_bu BEFORE UPDATE OF audience, pair_id ON meeting"
"  WHEN OLD.status = 'held' AND NEW.status = 'held' AND"
"  (OLD.audience IS NOT NEW.audience OR OLD.pair_id IS NOT NEW.pair_id) BEGIN"
"  UPDATE person_att SET expected = expected - 1"
"    WHERE person_id IN (SELECT person_id FROM meeting_expect WHERE meeting_id = OLD.id);"
"END;"
"CREATE TRIGGER meeting_aud_au AFTER UPDATE OF audience, pair_id ON meeting"
"  WHEN OLD.status = 'held' AND NEW.status = 'held' AND"
"  (OLD.audience IS NOT NEW.audience OR OLD.pair_id IS NOT NEW.pair_id) BEGIN"
"  UPDATE meeting SET expected = (SELECT count(*) FROM meeting_expect WHERE meeting_id = NEW.id) WHERE id = NEW.id;"
"  INSERT INTO person_att (person_id, expected) SELECT person_id, 1 FROM meeting_expect"
"    WHERE meeting_id = NEW.id ON CONFLICT (person_id) DO UPDATE SET expected = expected + 1;"
"END;"
/*
 * A held meeting deleted: its marks cascade after the row is gone, when
 * attendance_ad no longer sees it held, so take them off here.
 */
"CREATE TRIGGER meeting_bd BEFORE DELETE ON meeting WHEN OLD.status = 'held' BEGIN"
"  UPDATE person_att SET expected = expected - 1"
"    WHERE person_id IN (SELECT person_id FROM meeting_expect WHERE meeting_id = OLD.id);"
"  UPDATE person_att SET"
"    present = present - (SELECT status = 'present' FROM attendance WHERE meeting_id = OLD.id AND person_id = person_att.person_id),"
"    absent = absent - (SELECT status = 'absent' FROM attendance WHERE meeting_id = OLD.id AND person_id = person_att.person_id),"
"    excused = excused - (SELECT status = 'excused' FROM attendance WHERE meeting_id = OLD.id AND person_id = person_att.person_id)"
"    WHERE person_id IN (SELECT person_id FROM attendance WHERE meeting_id = OLD.id);"
"END;"
/* a person deleted: their marks go (attendance_ad), and they from the expected */
"CREATE TRIGGER person_att_bd BEFORE DELETE ON person BEGIN"
"  UPDATE meeting SET expected = expected - 1 WHERE status = 'held' AND expected > 0"
"    AND id IN (SELECT meeting_id FROM attendance WHERE person_id = OLD.id);"
"END;"
/* covering the figures: held meetings' counters; pupils by class */
"CREATE INDEX meeting_held ON meeting(status, date, pair_id, expected, present, absent, excused, target_pct);"
"CREATE INDEX person_pupil ON person(class_key, class) WHERE category = 'pupil' AND anonymised = 0;"
/*
 * The stems of each mentor's competencies and interests (match_stem), so
 * matching seeks the request's stems instead of reading every mentor's
 * texts.  Written with the texts (person-db.c, match_words_save).  Any
 * other writer (the sqlite3 shell, anonymising, this migration) leaves
 * the mentor's words replaced by the mark '' (the triggers): the first
 * matcher that may write stems those mentors; a reader reads the texts.
 */
"CREATE TABLE mentor_word ("
"  stem TEXT NOT NULL,"
"  person_id INTEGER NOT NULL REFERENCES mentor(person_id) ON DELETE CASCADE,"
"  PRIMARY KEY (stem, person_id)"
") WITHOUT ROWID;"
"CREATE INDEX mentor_word_person ON mentor_word(person_id);"
"INSERT INTO mentor_word (stem, person_id) SELECT '', person_id FROM mentor"
"  WHERE competencies IS NOT NULL OR interests IS NOT NULL;"
"CREATE TRIGGER mentor_word_ai AFTER INSERT ON mentor"
"  WHEN NEW.competencies IS NOT NULL OR NEW.interests IS NOT NULL BEGIN"
"  INSERT OR IGNORE INTO mentor_word (stem, person_id) VALUES ('', NEW.person_id);"
"END;"
"CREATE TRIGGER mentor_word_au AFTER UPDATE OF competencies, interests ON mentor BEGIN"
"  DELETE FROM mentor_word WHERE person_id = NEW.person_id;"
"  INSERT INTO mentor_word (stem, person_id) SELECT '', NEW.person_id"
"    WHERE NEW.competencies IS NOT NULL OR NEW.interests IS NOT NULL;"
"END;"
/*
 * Monitoring: one answer of a person to a questionnaire at a stage in a
 * school year (a second replaces the first); the aggregates of the
 * indicators read answers by question.
 */
"ALTER TABLE response ADD COLUMN school_year TEXT;"
"CREATE UNIQUE INDEX response_one ON response(questionnaire_id, person_id, stage, school_year);"
"CREATE INDEX response_person ON response(person_id);"
"CREATE INDEX question_quest ON question(questionnaire_id, pos);"
"CREATE INDEX answer_question ON answer(question_id, response_id);"
/* who is registered, by category, without reading every person's row */
"CREATE INDEX person_live ON person(category) WHERE anonymised = 0;"
/*
 * Each response keeps its scale answers: their sum, each as per cent of
 * its scale's top, how many there are, and the answers themselves as
 * "question_id=value" pairs, comma-separated.  So satisfaction reads the
 * window's responses (response_sat covers it), never their answers, and
 * the change per question reads an "after" and its "before", not each
 * answer of both.  Kept by the triggers on answer and on a question's
 * type, recomputed from the response's own few answers.
 */
"ALTER TABLE response ADD COLUMN scale_sum REAL NOT NULL DEFAULT 0;"
"ALTER TABLE response ADD COLUMN scale_n INTEGER NOT NULL DEFAULT 0;"
"ALTER TABLE response ADD COLUMN scale_vals TEXT;"
#define RESPONSE_SCALE_SQL						\
"  UPDATE response SET (scale_sum, scale_n, scale_vals) = (SELECT"	\
"    coalesce(sum(CAST(a.value AS REAL) * 100.0 /"			\
"    (CASE q.type WHEN 'scale10' THEN 10 ELSE 5 END)), 0), count(a.value),"	\
"    group_concat(a.question_id || '=' || a.value, ',')"		\
"    FROM answer a JOIN question q ON q.id = a.question_id"		\
"    WHERE a.response_id = response.id AND q.type IN ('scale10', 'scale5'))"
RESPONSE_SCALE_SQL ";"
"CREATE TRIGGER answer_scale_ai AFTER INSERT ON answer BEGIN"
RESPONSE_SCALE_SQL " WHERE id = NEW.response_id;"
"END;"
"CREATE TRIGGER answer_scale_au AFTER UPDATE OF response_id, question_id, value ON answer BEGIN"
RESPONSE_SCALE_SQL " WHERE id IN (OLD.response_id, NEW.response_id);"
"END;"
"CREATE TRIGGER answer_scale_ad AFTER DELETE ON answer BEGIN"
RESPONSE_SCALE_SQL " WHERE id = OLD.response_id;"
"END;"
"CREATE TRIGGER question_scale_au AFTER UPDATE OF type ON question BEGIN"
RESPONSE_SCALE_SQL " WHERE id IN (SELECT response_id FROM answer WHERE question_id = NEW.id);"
"END;"
"CREATE INDEX response_sat ON response(stage, school_year, date, questionnaire_id, person_id, scale_sum, scale_n);"
/* an "after"'s latest "before": seek and read backwards, no sorting */
"CREATE INDEX response_before ON response(questionnaire_id, person_id, stage, date);"
/* plans' steps due and done, read without their texts */
"CREATE INDEX plan_step_due ON plan_step(plan_id, due, done)";
#undef RESPONSE_SCALE_SQL

const struct migration schema_migrations[] = {
	{ 1, "initial schema", m1 },
	{ 2, "roles, indexes for pairs and meetings", m2 },
};
const int schema_nmigrations = sizeof schema_migrations /
    sizeof schema_migrations[0];
