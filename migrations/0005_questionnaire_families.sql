-- Questionnaire families: successive exports of one survey, imported over time.
-- A source's canonical text is never rewritten, so each import adds its own questionnaire
-- source holding only the answers that are new. The answer units of a later import point at
-- the family's existing questions (units.question_id may name a question of an earlier
-- source of the same family), so a question keeps one identity — its scheme section, its
-- framework links — across imports.

CREATE TABLE questionnaire_families (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  -- Column roles of the latest import as JSON, offered again for the next export.
  mapping    TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE questionnaire_family_sources (
  source_id INTEGER PRIMARY KEY REFERENCES sources (id) ON DELETE CASCADE,
  family_id INTEGER NOT NULL REFERENCES questionnaire_families (id) ON DELETE CASCADE
) STRICT;
CREATE INDEX questionnaire_family_sources_by_family ON questionnaire_family_sources (family_id);

-- The export column a question came from, so a later export's columns find their questions.
CREATE TABLE questionnaire_columns (
  family_id   INTEGER NOT NULL REFERENCES questionnaire_families (id) ON DELETE CASCADE,
  header      TEXT NOT NULL COLLATE NOCASE,
  question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
  PRIMARY KEY (family_id, header)
) STRICT, WITHOUT ROWID;

-- Which participant a respondent id became, so renaming the participant's label later does
-- not turn the same respondent into a new participant on the next import.
CREATE TABLE questionnaire_respondents (
  family_id      INTEGER NOT NULL REFERENCES questionnaire_families (id) ON DELETE CASCADE,
  respondent     TEXT NOT NULL COLLATE NOCASE,
  participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  PRIMARY KEY (family_id, respondent)
) STRICT, WITHOUT ROWID;

-- Answers by question: finding which answers an earlier import already holds, and the
-- ON DELETE CASCADE from questions, would otherwise scan every unit.
CREATE INDEX units_by_question ON units (question_id);
