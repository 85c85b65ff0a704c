import type { Role } from '../../../shared/domain/team-sync/protocol.ts';
import type { Db } from '../db/database.ts';
import { sql, sqlRaw } from '../db/sql.ts';
import { ident } from '../undo/tables.ts';

/** A team replica's bookkeeping (migration 0016; see electron/backend/team-sync/README.md). */

export type SyncState = {
  server: string;
  teamProject: string;
  user: string;
  role: Role;
  tag: string;
  counter: number;
  cursor: number;
  lastSyncAt: string | null;
  lastError: string | null;
};

/** The replica's one row, or undefined when the project is not a replica. */
export const getSyncState = (db: Db): SyncState | undefined =>
  db.get<SyncState>(sql`SELECT server, team_project AS teamProject, user_name AS user, role, replica_tag AS tag,
    gid_counter AS counter, cursor, last_sync_at AS lastSyncAt, last_error AS lastError FROM sync_state WHERE one = 1`);

export function createSyncState(db: Db, s: { server: string; teamProject: string; user: string; role: Role; tag: string; cursor: number }): void {
  db.run(sql`INSERT OR REPLACE INTO sync_state (one, server, team_project, user_name, role, replica_tag, gid_counter, cursor)
    VALUES (1, ${s.server}, ${s.teamProject}, ${s.user}, ${s.role}, ${s.tag}, 0, ${s.cursor})`);
}

/** The next number of a gid made here (`<tag>.<n>`). */
export const nextGidNumber = (db: Db): number =>
  db.get<{ n: number }>(sql`UPDATE sync_state SET gid_counter = gid_counter + 1 WHERE one = 1 RETURNING gid_counter AS n`)!.n;

export const setCursor = (db: Db, cursor: number): void => void db.run(sql`UPDATE sync_state SET cursor = ${cursor} WHERE one = 1`);

export const setSyncOutcome = (db: Db, at: string | null, error: string | null): void =>
  void db.run(at === null
    ? sql`UPDATE sync_state SET last_error = ${error} WHERE one = 1`
    : sql`UPDATE sync_state SET last_sync_at = ${at}, last_error = ${error} WHERE one = 1`);

export const setRole = (db: Db, role: Role): void => void db.run(sql`UPDATE sync_state SET role = ${role} WHERE one = 1`);

// ---- ids ----

/**
 * Every row of the id-keyed tables gets the gid `0.<id>`: the rows the project had when it was
 * shared, the same on every replica (they all start from that file).
 */
export function mapBaseRows(db: Db, tables: readonly string[]): void {
  for (const t of tables) {
    db.run(sql`INSERT OR IGNORE INTO sync_ids (tbl, id, gid) SELECT ${t}, id, '0.' || id FROM ${sqlRaw(`main.${ident(t)}`)}`);
  }
}

export const gidOf = (db: Db, tbl: string, id: number): string | undefined =>
  db.get<{ gid: string }>(sql`SELECT gid FROM sync_ids WHERE tbl = ${tbl} AND id = ${id}`)?.gid;

export const idOf = (db: Db, tbl: string, gid: string): number | undefined =>
  db.get<{ id: number }>(sql`SELECT id FROM sync_ids WHERE tbl = ${tbl} AND gid = ${gid}`)?.id;

export const setGid = (db: Db, tbl: string, id: number, gid: string): void =>
  void db.run(sql`INSERT OR REPLACE INTO sync_ids (tbl, id, gid) VALUES (${tbl}, ${id}, ${gid})`);

export const moveGid = (db: Db, tbl: string, from: number, to: number): void =>
  void db.run(sql`UPDATE sync_ids SET id = ${to} WHERE tbl = ${tbl} AND id = ${from}`);

/** A local id no row holds and no gid has reserved: above both. */
export const freeId = (db: Db, tbl: string): number =>
  db.get<{ n: number }>(sql`SELECT max(coalesce((SELECT max(id) FROM ${sqlRaw(`main.${ident(tbl)}`)}), 0),
    coalesce((SELECT max(id) FROM sync_ids WHERE tbl = ${tbl}), 0)) + 1 AS n`)!.n;

// ---- outbox ----

export type OutboxRow = { id: number; opId: string; op: string; applied: string | null; pushedSeq: number | null; refused: string | null };

export const addOutbox = (db: Db, opId: string, op: string, applied: string | null): void =>
  void db.run(sql`INSERT INTO sync_outbox (op_id, op, applied) VALUES (${opId}, ${op}, ${applied})`);

export const listOutbox = (db: Db): OutboxRow[] =>
  db.all<OutboxRow>(sql`SELECT id, op_id AS opId, op, applied, pushed_seq AS pushedSeq, refused FROM sync_outbox ORDER BY id`);

/** Operations never answered by the server, oldest first. */
export const unpushed = (db: Db, limit: number): { id: number; op: string }[] =>
  db.all(sql`SELECT id, op FROM sync_outbox WHERE pushed_seq IS NULL AND refused IS NULL ORDER BY id LIMIT ${limit}`);

export const markPushed = (db: Db, opId: string, seq: number): void =>
  void db.run(sql`UPDATE sync_outbox SET pushed_seq = ${seq} WHERE op_id = ${opId}`);

export const markRefused = (db: Db, opId: string, message: string): void =>
  void db.run(sql`UPDATE sync_outbox SET refused = ${message} WHERE op_id = ${opId}`);

export const setApplied = (db: Db, id: number, applied: string): void => void db.run(sql`UPDATE sync_outbox SET applied = ${applied} WHERE id = ${id}`);

export const dropOutbox = (db: Db, id: number): void => void db.run(sql`DELETE FROM sync_outbox WHERE id = ${id}`);

export const pendingCount = (db: Db): number => db.get<{ n: number }>(sql`SELECT count(*) AS n FROM sync_outbox`)!.n;

// ---- notices ----

export type NoticeRow = { id: number; at: string; kind: string; message: string; seq: number | null; seen: boolean };

export const addNotice = (db: Db, n: { at: string; kind: string; message: string; seq: number | null }): void =>
  void db.run(sql`INSERT INTO sync_notices (at, kind, message, seq) VALUES (${n.at}, ${n.kind}, ${n.message}, ${n.seq})`);

export const listNotices = (db: Db, limit: number): NoticeRow[] =>
  db
    .all<Omit<NoticeRow, 'seen'> & { seen: number }>(sql`SELECT id, at, kind, message, seq, seen FROM sync_notices ORDER BY id DESC LIMIT ${limit}`)
    .map((n) => ({ ...n, seen: n.seen === 1 }));

export const unseenNotices = (db: Db): number => db.get<{ n: number }>(sql`SELECT count(*) AS n FROM sync_notices WHERE seen = 0`)!.n;

export const dismissNotices = (db: Db, ids: readonly number[] | undefined): number =>
  ids === undefined
    ? db.run(sql`UPDATE sync_notices SET seen = 1 WHERE seen = 0`).changes
    : db.run(sql`UPDATE sync_notices SET seen = 1 WHERE seen = 0 AND id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`).changes;

/** A joined replica starts with no undo history: the one in the file is the sharer's. */
export const forgetHistory = (db: Db): void => {
  db.run(sql`DELETE FROM operation_changes`);
  db.run(sql`DELETE FROM operations`);
};

/** The label the recorder gave an operation (services may rename it while they run). */
export const operationLabel = (db: Db, opId: number): string | undefined =>
  db.get<{ label: string }>(sql`SELECT label FROM operations WHERE id = ${opId}`)?.label;

/** A throwaway operation row, for capturing what re-applying a pending operation did during a sync. */
export const scratchOperation = (db: Db, coderId: number, at: string): number =>
  db.run(sql`INSERT INTO operations (coder_id, method, label, input, at) VALUES (${coderId}, 'teamSync.reapply', 'Team sync', '{}', ${at})`).lastInsertRowid;

export const dropOperation = (db: Db, opId: number): void => {
  db.run(sql`DELETE FROM operation_changes WHERE operation_id = ${opId}`);
  db.run(sql`DELETE FROM operations WHERE id = ${opId}`);
};

export type CapturedChange = { id: number; tbl: string; kind: 'insert' | 'update' | 'delete'; before: string | null; after: string | null };

export const operationChanges = (db: Db, opId: number): CapturedChange[] =>
  db.all<CapturedChange>(sql`SELECT id, tbl, kind, before, after FROM operation_changes WHERE operation_id = ${opId} ORDER BY id`);

/** Points the capture triggers at an operation (or at none: NULL), as the recorder does. */
export const captureInto = (db: Db, opId: number | null): void => void db.run(sql`UPDATE temp.undo_capture SET op_id = ${opId}`);

// ---- content, for comparing replicas (team-sync/content-hash.ts) ----

export type ContentRows = {
  sources: { id: number; name: string; text: string }[];
  codes: { id: number; parentId: number | null; name: string; color: string; definition: string }[];
  participants: { id: number; label: string }[];
  codings: { id: number; sourceId: number; codeId: number; start: number; end: number; coder: string }[];
  memos: { kind: string; targetId: number | null; title: string; body: string; text: string; coder: string }[];
};

export const contentRows = (db: Db): ContentRows => ({
  sources: db.all(sql`SELECT id, name, text FROM sources`),
  codes: db.all(sql`SELECT id, parent_id AS parentId, name, color, definition FROM codes`),
  participants: db.all(sql`SELECT id, label FROM participants`),
  codings: db.all(sql`SELECT c.id, c.source_id AS sourceId, c.code_id AS codeId, c.start, c.end, k.name AS coder FROM codings c JOIN coders k ON k.id = c.coder_id`),
  memos: db.all(sql`SELECT m.target_kind AS kind, m.target_id AS targetId, m.title, m.body, m.text, k.name AS coder FROM memos m JOIN coders k ON k.id = m.coder_id`),
});
