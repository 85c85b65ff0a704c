-- Teamwork (issue 13): reconciling two coders into a consensus coder.
--
-- The side-by-side view lists the passages where two coders coded one code differently in one
-- source. Each decision (take the first coder's coding, the second's, both or neither into the
-- consensus coder) writes the consensus coder's codings and one row here, in one undoable step,
-- so the view can show the passage as settled and what was decided. Tracked by undo.
CREATE TABLE reconciliations (
  id              INTEGER PRIMARY KEY,
  source_id       INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  code_id         INTEGER NOT NULL REFERENCES codes (id) ON DELETE CASCADE,
  start           INTEGER NOT NULL CHECK (start >= 0),
  end             INTEGER NOT NULL CHECK (end > start),
  first_coder_id  INTEGER NOT NULL REFERENCES coders (id),
  second_coder_id INTEGER NOT NULL REFERENCES coders (id),
  consensus_id    INTEGER NOT NULL REFERENCES coders (id),
  decision        TEXT NOT NULL CHECK (decision IN ('first', 'second', 'both', 'neither')),
  decided_by      INTEGER NOT NULL REFERENCES coders (id),
  decided_at      TEXT NOT NULL
) STRICT;
CREATE INDEX reconciliations_by_code ON reconciliations (code_id, source_id, start);
