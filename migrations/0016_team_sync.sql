-- Team projects (docs/team-server.md): a project file can be a replica of a project on a team
-- server. These tables hold the replica's bookkeeping; none of them is research data, and none
-- is tracked for undo (electron/backend/undo/tables.ts UNTRACKED_TABLES). A project that is
-- not a replica has no row in sync_state and pays nothing.

-- The one row of a replica: where its team project lives, who works here, and how far it is.
CREATE TABLE sync_state (
  one INTEGER PRIMARY KEY CHECK (one = 1),
  server TEXT NOT NULL,
  team_project TEXT NOT NULL,
  user_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('owner', 'coder', 'reviewer')),
  -- Random per replica: the first part of the global ids (gids) of rows made here.
  replica_tag TEXT NOT NULL,
  -- The last n used in a gid `<replica_tag>.<n>`.
  gid_counter INTEGER NOT NULL DEFAULT 0,
  -- The last log sequence number applied here.
  cursor INTEGER NOT NULL DEFAULT 0,
  last_sync_at TEXT,
  last_error TEXT
) STRICT;

-- Local integer id <-> global id of a row of a synced table with an `id` key. Rows deleted or
-- rewound keep their entry: their local id stays reserved, so a row applied again gets it back.
CREATE TABLE sync_ids (
  tbl TEXT NOT NULL,
  id INTEGER NOT NULL,
  gid TEXT NOT NULL,
  PRIMARY KEY (tbl, id),
  UNIQUE (tbl, gid)
) STRICT, WITHOUT ROWID;

-- Local operations not yet seen back in the team project's log, oldest first. `op` is the
-- operation as pushed (protocol.ts Op); `applied` the changes as they were last applied here
-- (gids; cascades included), which a sync inverts to rewind the operation; NULL: the same as
-- op's changes (as captured when the command ran).
CREATE TABLE sync_outbox (
  id INTEGER PRIMARY KEY,
  op_id TEXT NOT NULL UNIQUE,
  op TEXT NOT NULL,
  applied TEXT,
  pushed_seq INTEGER,
  refused TEXT
) STRICT;

-- What the server decided that the person should know (a delete refused, a name changed, an
-- operation refused): shown in the status line until dismissed.
CREATE TABLE sync_notices (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  kind TEXT NOT NULL,
  message TEXT NOT NULL,
  seq INTEGER,
  seen INTEGER NOT NULL DEFAULT 0 CHECK (seen IN (0, 1))
) STRICT;

CREATE INDEX sync_notices_unseen ON sync_notices (seen, id);
