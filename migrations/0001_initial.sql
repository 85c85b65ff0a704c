-- Marginalia project store, version 1.
-- Text positions everywhere are UTF-16 code unit offsets into sources.text, 0-based, end-exclusive.

CREATE TABLE project_meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE coders (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE participants (
  id          INTEGER PRIMARY KEY,
  label       TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name        TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE attributes (
  id       INTEGER PRIMARY KEY,
  name     TEXT NOT NULL UNIQUE COLLATE NOCASE,
  type     TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'category')),
  position INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE participant_attributes (
  participant_id INTEGER NOT NULL REFERENCES participants (id) ON DELETE CASCADE,
  attribute_id   INTEGER NOT NULL REFERENCES attributes (id) ON DELETE CASCADE,
  value          TEXT NOT NULL,
  PRIMARY KEY (participant_id, attribute_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE sources (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL CHECK (kind IN ('interview', 'questionnaire', 'document')),
  name         TEXT NOT NULL,
  text         TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  origin       TEXT NOT NULL DEFAULT '',
  imported_at  TEXT NOT NULL,
  position     INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Scheme sections are top-level codes; a question may sit in one.
CREATE TABLE codes (
  id             INTEGER PRIMARY KEY,
  parent_id      INTEGER REFERENCES codes (id) ON DELETE RESTRICT,
  name           TEXT NOT NULL,
  color          TEXT NOT NULL,
  definition     TEXT NOT NULL DEFAULT '',
  when_to_use    TEXT NOT NULL DEFAULT '',
  when_not_to_use TEXT NOT NULL DEFAULT '',
  example        TEXT NOT NULL DEFAULT '',
  origin         TEXT NOT NULL CHECK (origin IN ('deductive', 'inductive')),
  position       INTEGER NOT NULL DEFAULT 0,
  created_at     TEXT NOT NULL,
  created_by     INTEGER REFERENCES coders (id)
) STRICT;
CREATE UNIQUE INDEX codes_sibling_name ON codes (coalesce(parent_id, 0), name COLLATE NOCASE);

CREATE TABLE questions (
  id              INTEGER PRIMARY KEY,
  source_id       INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  key             TEXT NOT NULL,
  text            TEXT NOT NULL,
  section_code_id INTEGER REFERENCES codes (id) ON DELETE SET NULL,
  position        INTEGER NOT NULL DEFAULT 0,
  UNIQUE (source_id, key)
) STRICT;

CREATE TABLE units (
  id             INTEGER PRIMARY KEY,
  source_id      INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  kind           TEXT NOT NULL CHECK (kind IN ('turn', 'answer', 'question', 'paragraph', 'heading', 'page')),
  start          INTEGER NOT NULL CHECK (start >= 0),
  end            INTEGER NOT NULL CHECK (end >= start),
  participant_id INTEGER REFERENCES participants (id) ON DELETE SET NULL,
  speaker        TEXT,
  is_interviewer INTEGER NOT NULL DEFAULT 0 CHECK (is_interviewer IN (0, 1)),
  question_id    INTEGER REFERENCES questions (id) ON DELETE CASCADE,
  timestamp_ms   INTEGER,
  page           INTEGER
) STRICT;
CREATE INDEX units_by_source ON units (source_id, start);
CREATE INDEX units_by_participant ON units (participant_id);

CREATE TABLE frameworks (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
  description TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE framework_elements (
  id           INTEGER PRIMARY KEY,
  framework_id INTEGER NOT NULL REFERENCES frameworks (id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  description  TEXT NOT NULL DEFAULT '',
  position     INTEGER NOT NULL DEFAULT 0,
  UNIQUE (framework_id, name)
) STRICT;

CREATE TABLE code_element_links (
  code_id    INTEGER NOT NULL REFERENCES codes (id) ON DELETE CASCADE,
  element_id INTEGER NOT NULL REFERENCES framework_elements (id) ON DELETE CASCADE,
  PRIMARY KEY (code_id, element_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE question_element_links (
  question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
  element_id  INTEGER NOT NULL REFERENCES framework_elements (id) ON DELETE CASCADE,
  PRIMARY KEY (question_id, element_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE codings (
  id         INTEGER PRIMARY KEY,
  source_id  INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  code_id    INTEGER NOT NULL REFERENCES codes (id) ON DELETE CASCADE,
  start      INTEGER NOT NULL CHECK (start >= 0),
  end        INTEGER NOT NULL CHECK (end > start),
  coder_id   INTEGER NOT NULL REFERENCES coders (id),
  created_at TEXT NOT NULL,
  quote      TEXT NOT NULL
) STRICT;
CREATE INDEX codings_by_source ON codings (source_id, start);
CREATE INDEX codings_by_code ON codings (code_id);

-- A memo hangs on the project (target_id NULL) or on one entity of target_kind.
CREATE TABLE memos (
  id          INTEGER PRIMARY KEY,
  target_kind TEXT NOT NULL CHECK (target_kind IN ('project', 'source', 'code', 'participant', 'coding')),
  target_id   INTEGER,
  title       TEXT NOT NULL DEFAULT '',
  body        TEXT NOT NULL DEFAULT '',
  text        TEXT NOT NULL DEFAULT '',
  coder_id    INTEGER NOT NULL REFERENCES coders (id),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  CHECK ((target_kind = 'project') = (target_id IS NULL))
) STRICT;
CREATE INDEX memos_by_target ON memos (target_kind, target_id);

CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  coder_id  INTEGER,
  action    TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id INTEGER,
  detail    TEXT NOT NULL DEFAULT '{}'
) STRICT;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
