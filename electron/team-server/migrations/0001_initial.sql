-- Marginalia team server, PostgreSQL store, version 1.
-- Users and their tokens, team projects, each project's hash-chained operation log, and the
-- current state materialised from it (every synced row by gid, tombstones included).

CREATE TABLE users (
  id          bigserial PRIMARY KEY,
  name        text NOT NULL,
  role        text NOT NULL CHECK (role IN ('owner', 'coder', 'reviewer')),
  token_hash  text NOT NULL UNIQUE,
  created_at  timestamptz NOT NULL DEFAULT now(),
  revoked_at  timestamptz
);
-- Names are matched case-insensitively, as coders are in a project.
CREATE UNIQUE INDEX users_name ON users (lower(name));

CREATE TABLE projects (
  id          text PRIMARY KEY,
  name        text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  created_by  text NOT NULL,
  base        bytea NOT NULL,
  last_seq    bigint NOT NULL DEFAULT 0,
  last_hash   text NOT NULL
);

-- The append-only log: one entry per accepted op. changes and notices are `json` (kept as
-- written, key order included), so an entry read back hashes as it did when it was appended.
CREATE TABLE log (
  project     text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  seq         bigint NOT NULL,
  op_id       text NOT NULL,
  user_name   text NOT NULL,
  method      text NOT NULL,
  label       text NOT NULL,
  at          text NOT NULL,
  changes     json NOT NULL,
  notices     json NOT NULL,
  prev_hash   text NOT NULL,
  hash        text NOT NULL,
  PRIMARY KEY (project, seq),
  UNIQUE (project, op_id)
);

-- The materialised state: every row the log made, by table and key (gid or key array);
-- a deleted row stays as a tombstone with its last image. `writer` and `seq`: who last wrote it,
-- and in which entry. `uname`: the row's unique-name group and folded name (tables with a unique
-- name, see shared/domain/team-sync/schema.ts), for finding a clash with one index lookup.
CREATE TABLE rows (
  project     text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  tbl         text NOT NULL,
  key         text NOT NULL,
  data        jsonb NOT NULL,
  seq         bigint NOT NULL,
  writer      text NOT NULL,
  deleted     boolean NOT NULL DEFAULT false,
  uname       text,
  PRIMARY KEY (project, tbl, key)
);
CREATE INDEX rows_uname ON rows (project, tbl, uname) WHERE uname IS NOT NULL AND NOT deleted;
-- The report: codings per code.
CREATE INDEX rows_codings_by_code ON rows (project, (data->>'code_id')) WHERE tbl = 'codings' AND NOT deleted;

-- Which live row refers to which: (child) --column--> (parent). Deletes look up a row's users
-- here; a tombstone has none.
CREATE TABLE refs (
  project     text NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  child_tbl   text NOT NULL,
  child_key   text NOT NULL,
  col         text NOT NULL,
  parent_tbl  text NOT NULL,
  parent_key  text NOT NULL,
  PRIMARY KEY (project, child_tbl, child_key, col)
);
CREATE INDEX refs_by_parent ON refs (project, parent_tbl, parent_key);
