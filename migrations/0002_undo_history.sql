-- Undo/redo history. Every recorded command is one operation; the row changes it made to
-- the domain tables are captured by per-connection TEMP triggers (electron/backend/undo/)
-- into operation_changes, so undo and redo replay them backwards or forwards.

CREATE TABLE operations (
  id           INTEGER PRIMARY KEY,
  coder_id     INTEGER NOT NULL REFERENCES coders (id),
  method       TEXT NOT NULL,
  label        TEXT NOT NULL,
  input        TEXT NOT NULL DEFAULT '{}',
  at           TEXT NOT NULL,
  -- Set while the operation is undone; cleared again by redo.
  undone_at    TEXT,
  -- Set when a new command made this undone operation unreachable (the redo stack was cleared).
  discarded_at TEXT
) STRICT;
CREATE INDEX operations_by_coder ON operations (coder_id, id);

-- One captured row change. before/after are JSON objects keyed by column name:
-- insert: after = the whole new row; delete: before = the whole old row;
-- update: the primary-key columns plus only the columns that changed, old and new values.
CREATE TABLE operation_changes (
  id           INTEGER PRIMARY KEY,
  operation_id INTEGER NOT NULL REFERENCES operations (id) ON DELETE CASCADE,
  tbl          TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('insert', 'update', 'delete')),
  before       TEXT,
  after        TEXT
) STRICT;
CREATE INDEX operation_changes_by_operation ON operation_changes (operation_id, id);
