import { z } from 'zod';

/**
 * The wire format between a replica (a local .marginalia file joined to a team project) and the
 * team server. Bodies are JSON; every request carries `Authorization: Bearer <token>`.
 *
 *   GET  /api/me                               → Me
 *   POST /api/users            {name, role}    → {name, role, token}   (owner; token shown once)
 *   POST /api/users/:name/revoke               → {name, revoked: true} (owner)
 *   GET  /api/users                            → UserInfo[]            (owner)
 *   POST /api/projects   body: the .marginalia file (application/octet-stream),
 *                        header X-Marginalia-Name: <url-encoded project name>
 *                                              → {teamProject}         (owner)
 *   GET  /api/projects                         → TeamProjectInfo[]
 *   GET  /api/projects/:id/base                → the file as shared (octet-stream); header X-Marginalia-Name
 *   POST /api/projects/:id/ops  PushRequest    → PushResponse          (owner, coder)
 *   GET  /api/projects/:id/ops?after=N&limit=M → PullResponse
 *   GET  /api/projects/:id/events              → text/event-stream: `event: seq` `data: {"seq":N}` on every append
 *   GET  /api/projects/:id/report              → ServerReport (computed in PostgreSQL)
 *
 * A row change names its table, its identity (`key`, see schema.ts) and its values with every
 * id translated to a gid (references to coders: the coder's name). An operation is one local
 * command's changes, in the order they happened; its `id` is chosen by the replica, so pushing
 * it twice (a reply lost on the way) appends it once.
 */

export const ROLES = ['owner', 'coder', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Text on the wire is text Marginalia could have made: no NUL and no lone UTF-16 surrogate (half
 * a character). The app refuses both in every label and text (imports drop them), and PostgreSQL
 * can store neither; a push with one is refused with this reason.
 */
const NOT_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const NOT_TEXT_MESSAGE = 'holds a NUL character or half a character (a lone surrogate), which no Marginalia text holds';
const text = (max = Number.MAX_SAFE_INTEGER, min = 0) =>
  z.string().min(min).max(max).refine((v) => !NOT_TEXT.test(v), NOT_TEXT_MESSAGE);
const value = z.union([text(), z.number(), z.null()]);
const row = z.record(text(64), value);

export const changeSchema = z
  .object({
    /** Table name (schema.ts SYNC_TABLES). */
    t: text(64, 1),
    /** insert: `row` is the whole row. update: `row` holds the changed columns' new values, `old` their old ones. delete: `old` is the whole row. */
    k: z.enum(['insert', 'update', 'delete']),
    key: text(2000, 1),
    row: row.optional(),
    old: row.optional(),
  })
  .strict();
export type Change = z.infer<typeof changeSchema>;

export const opSchema = z
  .object({
    /** Chosen by the replica (a UUID); the server appends an op id once. */
    id: text(64, 8),
    /** The API method that made it (for the record and the log's labels). */
    method: text(100, 1),
    label: text(300),
    at: text(40),
    changes: z.array(changeSchema).max(1_000_000),
  })
  .strict();
export type Op = z.infer<typeof opSchema>;

export const pushRequestSchema = z
  .object({
    /** The last sequence number this replica has applied: what its ops were made on top of. */
    base: z.number().int().min(0),
    ops: z.array(opSchema).max(10_000),
  })
  .strict();
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** Something the server decided that a person should know: never resolved silently. */
export type Notice = {
  /** e.g. 'delete-refused', 'kept-for-use', 'renamed' */
  kind: string;
  message: string;
};

/** One appended operation as the server keeps it: its changes as the server applied them. */
export type LogEntry = {
  seq: number;
  opId: string;
  user: string;
  method: string;
  label: string;
  at: string;
  /** The changes applied, in order: the pushed ones after the server's rules (see docs/team-server.md). */
  changes: Change[];
  notices: Notice[];
  /** sha256 hex over the previous entry's hash and this entry (hash chain); the first entry's prev is 64 zeros. */
  prevHash: string;
  hash: string;
};

export type PushResponse = {
  /**
   * Per pushed op, in order: its sequence number (an op pushed before keeps its first one), or
   * why it was refused (not appended; the replica drops it and shows the message).
   */
  results: ({ id: string; seq: number } | { id: string; refused: string })[];
  last: number;
};

export type PullResponse = { entries: LogEntry[]; last: number };

export type Me = { name: string; role: Role };
export type UserInfo = { name: string; role: Role; revoked: boolean; createdAt: string };
export type TeamProjectInfo = { id: string; name: string; createdAt: string; createdBy: string; last: number };

/** A report the server computes from its materialised state: codings per code and coder. */
export type ServerReport = {
  project: string;
  last: number;
  codes: { gid: string; name: string; codings: number; byCoder: Record<string, number> }[];
};

/** The hashed content of an entry, in a fixed key order, for the chain. */
export const entryDigestInput = (prevHash: string, e: Omit<LogEntry, 'prevHash' | 'hash'>): string =>
  JSON.stringify([prevHash, e.seq, e.opId, e.user, e.method, e.label, e.at, e.changes, e.notices]);

export const ZERO_HASH = '0'.repeat(64);
