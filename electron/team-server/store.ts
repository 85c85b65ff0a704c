import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type pg from 'pg';
import { ZERO_HASH, type LogEntry, type Me, type PushRequest, type PushResponse, type Role, type ServerReport, type TeamProjectInfo, type UserInfo } from '../../shared/domain/team-sync/protocol.ts';
import { SYNC_TABLE } from '../../shared/domain/team-sync/schema.ts';
import { entryHash } from '../backend/team-sync/chain.ts';
import { inTransaction } from './migrate.ts';
import { PgReader, writeRows } from './pg-state.ts';
import { Overlay, applyOp, refsOf } from './rules.ts';
import { readSharedRows } from './share.ts';

/** A failure a client caused or can act on: its HTTP status and code travel in the JSON error. */
export class TeamError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const newToken = (): string => randomBytes(32).toString('base64url');
export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

/** A control character: PostgreSQL stores no NUL, and names are shown in lists (users, projects). */
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/** User names are coder names: printable, 1–100 characters, no leading or trailing spaces. */
export function checkUserName(name: unknown): string {
  if (typeof name !== 'string' || name.length < 1 || name.length > 100 || name.trim() !== name || CONTROL_CHARACTER.test(name)) {
    throw new TeamError(400, 'invalid_input', 'A user name is 1 to 100 printable characters, without spaces at either end.');
  }
  return name;
}

type LogDbRow = { seq: string; op_id: string; user_name: string; method: string; label: string; at: string; changes: LogEntry['changes']; notices: LogEntry['notices']; prev_hash: string; hash: string };
const entryOf = (r: LogDbRow): LogEntry => ({ seq: Number(r.seq), opId: r.op_id, user: r.user_name, method: r.method, label: r.label, at: r.at, changes: r.changes, notices: r.notices, prevHash: r.prev_hash, hash: r.hash });

/** The team server's store of record, on a pg pool: users, projects, the log and the materialised rows. */
export class TeamStore {
  /** `seq` events per project id: a listener gets the new last seq after every append. */
  readonly events = new EventEmitter();

  constructor(readonly pool: pg.Pool) {
    this.events.setMaxListeners(0);
  }

  private tx<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, work);
  }

  /** Makes the first owner when there are no users; returns its token (null when users exist). */
  async ensureOwner(name: string): Promise<string | null> {
    checkUserName(name);
    return this.tx(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock(4242018)');
      const n = await c.query('SELECT 1 FROM users LIMIT 1');
      if (n.rowCount) return null;
      const token = newToken();
      await c.query("INSERT INTO users (name, role, token_hash) VALUES ($1, 'owner', $2)", [name, tokenHash(token)]);
      return token;
    });
  }

  /** The user a token belongs to, or null (unknown or revoked). */
  async authenticate(token: string): Promise<Me | null> {
    const r = await this.pool.query<Me>('SELECT name, role FROM users WHERE token_hash = $1 AND revoked_at IS NULL', [tokenHash(token)]);
    return r.rows[0] ?? null;
  }

  async addUser(name: string, role: Role): Promise<{ name: string; role: Role; token: string }> {
    checkUserName(name);
    const token = newToken();
    try {
      await this.pool.query('INSERT INTO users (name, role, token_hash) VALUES ($1, $2, $3)', [name, role, tokenHash(token)]);
    } catch (err) {
      if ((err as { code?: string }).code === '23505') throw new TeamError(409, 'conflict', `There is a user called “${name}” already.`);
      throw err;
    }
    return { name, role, token };
  }

  async revokeUser(name: string): Promise<void> {
    const r = await this.pool.query('UPDATE users SET revoked_at = coalesce(revoked_at, now()) WHERE lower(name) = lower($1)', [name]);
    if (!r.rowCount) throw new TeamError(404, 'not_found', `There is no user called “${name}”.`);
  }

  async listUsers(): Promise<UserInfo[]> {
    const r = await this.pool.query<{ name: string; role: Role; revoked: boolean; created_at: Date }>('SELECT name, role, revoked_at IS NOT NULL AS revoked, created_at FROM users ORDER BY id');
    return r.rows.map((u) => ({ name: u.name, role: u.role, revoked: u.revoked, createdAt: u.created_at.toISOString() }));
  }

  /** Keeps the file as the project's base and materialises its rows (gids `0.<id>`). */
  async share(bytes: Buffer, name: string, by: string): Promise<string> {
    const rows = readSharedRows(bytes, by);
    const id = randomUUID();
    await this.tx(async (c) => {
      await c.query('INSERT INTO projects (id, name, created_by, base, last_hash) VALUES ($1, $2, $3, $4, $5)', [id, name, by, bytes, ZERO_HASH]);
      await writeRows(c, id, rows, () => false);
    });
    return id;
  }

  async listProjects(): Promise<TeamProjectInfo[]> {
    const r = await this.pool.query<{ id: string; name: string; created_at: Date; created_by: string; last_seq: string }>('SELECT id, name, created_at, created_by, last_seq FROM projects ORDER BY created_at, id');
    return r.rows.map((p) => ({ id: p.id, name: p.name, createdAt: p.created_at.toISOString(), createdBy: p.created_by, last: Number(p.last_seq) }));
  }

  async base(project: string): Promise<{ name: string; bytes: Buffer }> {
    const r = await this.pool.query<{ name: string; base: Buffer }>('SELECT name, base FROM projects WHERE id = $1', [project]);
    if (!r.rows[0]) throw notFound(project);
    return { name: r.rows[0].name, bytes: r.rows[0].base };
  }

  async last(project: string): Promise<number> {
    const r = await this.pool.query<{ last_seq: string }>('SELECT last_seq FROM projects WHERE id = $1', [project]);
    if (!r.rows[0]) throw notFound(project);
    return Number(r.rows[0].last_seq);
  }

  /** Pushes waiting per project while one is written: the next transaction takes them all. */
  private readonly queues = new Map<string, Pending[]>();

  /**
   * Appends the ops under the rules, in one transaction with the project row locked (pushes to
   * one project are serialised; other projects go on). An op already in the log keeps its seq.
   * Pushes that arrive while a push to the same project is being written wait and then go
   * together in one transaction (each under its own user and base, in arrival order): the lock,
   * the reads and the commit are paid once for all of them.
   */
  push(project: string, me: Me, req: PushRequest): Promise<PushResponse> {
    return new Promise<PushResponse>((resolve, reject) => {
      const waiting = this.queues.get(project);
      if (waiting) waiting.push({ me, req, resolve, reject });
      else {
        this.queues.set(project, []);
        void this.drain(project, [{ me, req, resolve, reject }]);
      }
    });
  }

  private async drain(project: string, first: Pending[]): Promise<void> {
    let batch = first;
    while (batch.length > 0) {
      try {
        const outcomes = await this.pushBatch(project, batch);
        outcomes.forEach((o, i) => (o instanceof Error ? batch[i]!.reject(o) : batch[i]!.resolve(o)));
      } catch (err) {
        if (batch.length === 1) batch[0]!.reject(err);
        // One push's failure must not fail the others: each again on its own.
        else for (const one of batch) await this.pushBatch(project, [one]).then(([o]) => (o instanceof Error ? one.reject(o) : one.resolve(o!)), one.reject);
      }
      const queue = this.queues.get(project)!;
      let ops = 0;
      let take = 0;
      while (take < queue.length && (take === 0 || ops + queue[take]!.req.ops.length <= 10_000)) ops += queue[take++]!.req.ops.length;
      batch = queue.splice(0, take);
    }
    this.queues.delete(project);
  }

  private async pushBatch(project: string, pushes: readonly Pending[]): Promise<(PushResponse | TeamError)[]> {
    const appended: LogEntry[] = [];
    const outcomes = await this.tx(async (c) => {
      const p = await c.query<{ last_seq: string; last_hash: string }>('SELECT last_seq, last_hash FROM projects WHERE id = $1 FOR UPDATE', [project]);
      if (!p.rows[0]) return pushes.map(() => notFound(project));
      let last = Number(p.rows[0].last_seq);
      let prev = p.rows[0].last_hash;
      const known = new Map<string, number>();
      const ids = pushes.flatMap((x) => x.req.ops.map((o) => o.id));
      for (const r of (await c.query<{ op_id: string; seq: string }>('SELECT op_id, seq FROM log WHERE project = $1 AND op_id = ANY($2::text[])', [project, ids])).rows) known.set(r.op_id, Number(r.seq));
      const reader = new PgReader(c, project);
      // Every row the ops name, and every row their inserts and updates refer to, in one read.
      const wanted: [string, string][] = [];
      for (const { req } of pushes) {
        for (const op of req.ops) {
          if (known.has(op.id)) continue;
          for (const ch of op.changes) {
            wanted.push([ch.t, ch.key]);
            const table = SYNC_TABLE.get(ch.t);
            if (table && ch.row) for (const ref of refsOf(table, ch.row)) wanted.push([ref.parentTbl, ref.parentKey]);
          }
        }
      }
      await reader.prefetch(wanted);
      const state = new Overlay(reader);
      const results: (PushResponse['results'] | TeamError)[] = [];
      for (const { me, req } of pushes) {
        if (req.base > last) {
          results.push(new TeamError(400, 'invalid_input', `base ${req.base} is past the log's end (${last}).`));
          continue;
        }
        const mine: PushResponse['results'] = [];
        for (const op of req.ops) {
          const had = known.get(op.id);
          if (had !== undefined) {
            mine.push({ id: op.id, seq: had });
            continue;
          }
          const seq = last + 1;
          const { outcome, writes } = await applyOp(state, op, { user: me.name, role: me.role, base: req.base, seq });
          if (!outcome.ok) {
            mine.push({ id: op.id, refused: outcome.refused });
            continue;
          }
          for (const row of writes.rows()) state.put(row);
          const entry = { seq, opId: op.id, user: me.name, method: op.method, label: op.label, at: op.at, changes: outcome.changes, notices: outcome.notices };
          const hash = entryHash(prev, entry);
          appended.push({ ...entry, prevHash: prev, hash });
          prev = hash;
          last = seq;
          known.set(op.id, seq);
          mine.push({ id: op.id, seq });
        }
        results.push(mine);
      }
      if (appended.length > 0) {
        await writeRows(c, project, [...state.rows()], (r) => reader.stored(r.tbl, r.key));
        await appendEntries(c, project, appended);
        await c.query('UPDATE projects SET last_seq = $2, last_hash = $3 WHERE id = $1', [project, last, prev]);
      }
      return results.map((r) => (r instanceof TeamError ? r : { results: r, last }));
    });
    if (appended.length > 0) this.events.emit(project, eventData(appended));
    return outcomes;
  }

  /** The entries after `after` and the log's last seq, in one statement (one snapshot, one round trip). */
  async pull(project: string, after: number, limit: number): Promise<{ entries: LogEntry[]; last: number }> {
    const r = await this.pool.query<{ last_seq: string } & { [K in keyof LogDbRow]: LogDbRow[K] | null }>(
      `SELECT p.last_seq, l.seq, l.op_id, l.user_name, l.method, l.label, l.at, l.changes, l.notices, l.prev_hash, l.hash
         FROM projects p
         LEFT JOIN LATERAL (SELECT * FROM log WHERE project = p.id AND seq > $2 ORDER BY seq LIMIT $3) l ON true
        WHERE p.id = $1
        ORDER BY l.seq`,
      [project, after, limit],
    );
    if (!r.rows[0]) throw notFound(project);
    // A project with no entries after `after` gives one row without an entry.
    return { entries: r.rows.filter((row): row is typeof row & LogDbRow => row.seq !== null).map(entryOf), last: Number(r.rows[0].last_seq) };
  }

  /** Codings per code and coder, counted by PostgreSQL over the materialised rows. */
  async report(project: string): Promise<ServerReport> {
    const last = await this.last(project);
    const r = await this.pool.query<{ gid: string; name: string; coder: string | null; n: string }>(
      `SELECT c.key AS gid, c.data->>'name' AS name, g.data->>'coder_id' AS coder, count(g.key) AS n
         FROM rows c
         LEFT JOIN rows g ON g.project = c.project AND g.tbl = 'codings' AND NOT g.deleted AND g.data->>'code_id' = c.key
        WHERE c.project = $1 AND c.tbl = 'codes' AND NOT c.deleted
        GROUP BY c.key, c.data->>'name', g.data->>'coder_id'
        ORDER BY lower(c.data->>'name'), c.key, coder`,
      [project],
    );
    const codes = new Map<string, ServerReport['codes'][number]>();
    for (const row of r.rows) {
      const code = codes.get(row.gid) ?? { gid: row.gid, name: row.name, codings: 0, byCoder: {} };
      codes.set(row.gid, code);
      if (row.coder === null) continue;
      code.codings += Number(row.n);
      code.byCoder[row.coder] = Number(row.n);
    }
    return { project, last, codes: [...codes.values()] };
  }
}

/** Writes log entries in batched statements. */
async function appendEntries(c: pg.ClientBase, project: string, entries: readonly LogEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 2_000) {
    const part = entries.slice(i, i + 2_000);
    await c.query(
      `INSERT INTO log (project, seq, op_id, user_name, method, label, at, changes, notices, prev_hash, hash)
       SELECT $1, u.seq, u.op_id, u.user_name, u.method, u.label, u.at, u.changes::json, u.notices::json, u.prev_hash, u.hash
         FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[])
           AS u(seq, op_id, user_name, method, label, at, changes, notices, prev_hash, hash)`,
      [
        project,
        part.map((e) => e.seq),
        part.map((e) => e.opId),
        part.map((e) => e.user),
        part.map((e) => e.method),
        part.map((e) => e.label),
        part.map((e) => e.at),
        part.map((e) => JSON.stringify(e.changes)),
        part.map((e) => JSON.stringify(e.notices)),
        part.map((e) => e.prevHash),
        part.map((e) => e.hash),
      ],
    );
  }
}

/**
 * What the event stream says after an append, serialised once for every listener: the new last
 * seq and, when they fit in EVENT_ENTRIES_MAX characters, the entries themselves, so fifty
 * listening replicas need not each ask for them again (a replica whose cursor is right before
 * the first entry applies them; any other pulls).
 */
export const EVENT_ENTRIES_MAX = 1_000_000;
export function eventData(appended: readonly LogEntry[]): string {
  const seq = appended.at(-1)!.seq;
  const full = JSON.stringify({ seq, entries: appended });
  return full.length <= EVENT_ENTRIES_MAX ? full : JSON.stringify({ seq });
}

type Pending = { me: Me; req: PushRequest; resolve: (r: PushResponse) => void; reject: (err: unknown) => void };

const notFound = (project: string) => new TeamError(404, 'not_found', `There is no team project ${project} on this server.`);
