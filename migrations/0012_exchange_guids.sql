-- REFI-QDA exchange (issue 11): the identities entities carry in other tools.
--
-- Every element of a .qdpx or .qdc has a GUID. An entity that came in from such a file keeps
-- the GUID it had there, so exporting it again gives the other tool back the same identity;
-- every other entity gets a GUID derived from the project's exchange seed, its kind and its
-- id (electron/backend/exchange/guid.ts), the same on every export, so it needs no row here.
-- One column per kind, each a foreign key, so the identity goes when its entity goes (and an
-- id SQLite hands out again later never inherits a stale GUID).

CREATE TABLE exchange_guids (
  guid           TEXT PRIMARY KEY,
  coder_id       INTEGER UNIQUE REFERENCES coders (id) ON DELETE CASCADE,
  code_id        INTEGER UNIQUE REFERENCES codes (id) ON DELETE CASCADE,
  source_id      INTEGER UNIQUE REFERENCES sources (id) ON DELETE CASCADE,
  participant_id INTEGER UNIQUE REFERENCES participants (id) ON DELETE CASCADE,
  attribute_id   INTEGER UNIQUE REFERENCES attributes (id) ON DELETE CASCADE,
  memo_id        INTEGER UNIQUE REFERENCES memos (id) ON DELETE CASCADE,
  CHECK ((coder_id IS NOT NULL) + (code_id IS NOT NULL) + (source_id IS NOT NULL) + (participant_id IS NOT NULL)
         + (attribute_id IS NOT NULL) + (memo_id IS NOT NULL) = 1)
) STRICT;

-- The seed of derived GUIDs: random per project file, never changed.
INSERT OR IGNORE INTO project_meta (key, value) VALUES ('exchange_seed', lower(hex(randomblob(16))));
