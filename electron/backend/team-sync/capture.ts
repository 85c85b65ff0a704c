import { randomBytes, randomUUID } from 'node:crypto';
import type { Op } from '../../../shared/domain/team-sync/protocol.ts';
import { SYNC_TABLES } from '../../../shared/domain/team-sync/schema.ts';
import type { Ctx } from '../context.ts';
import type { Db } from '../db/database.ts';
import { addOutbox, getSyncState, mapBaseRows, operationChanges, operationLabel } from '../repositories/team-sync.ts';
import { inverted, localChanges, toWire, Translator } from './translate.ts';

/**
 * Capture into the outbox (docs/team-server.md, "Capture"): when the open project is a replica,
 * the command's captured changes (undo/recorder.ts), or the changes an undo or redo replayed,
 * become one operation in sync_outbox, in the command's own transaction.
 */

/** Per connection: the replica's tag, or null for a project that is not a replica (one check, then cached). */
const replicas = new WeakMap<Db, { tag: string } | null>();

export function replicaTag(db: Db): string | null {
  let known = replicas.get(db);
  if (known === undefined) {
    const state = getSyncState(db);
    known = state ? { tag: state.tag } : null;
    replicas.set(db, known);
  }
  return known?.tag ?? null;
}

/** Forgets the cached answer (the project just became a replica). */
export const forgetReplicaCache = (db: Db): void => void replicas.delete(db);

/** A random replica tag: 12 base32 characters, never `0` (the shared file's rows). */
export const newReplicaTag = (): string => {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  return [...randomBytes(12)].map((b) => alphabet[b % 32]).join('');
};

/** Gives every row the project holds its base gid `0.<id>` (share and join). */
export const mapBase = (db: Db): void => mapBaseRows(db, SYNC_TABLES.filter((t) => t.idKey).map((t) => t.name));

function enqueue(ctx: Ctx, tag: string, method: string, label: string, build: (t: Translator) => Op['changes']): void {
  const t = new Translator(ctx.db, tag, ctx.now);
  const changes = build(t);
  if (changes.length === 0) return;
  const op: Op = { id: randomUUID(), method, label, at: ctx.now(), changes };
  addOutbox(ctx.db, op.id, JSON.stringify(op), null);
}

/** A command's operation (recorder.ts finish, after the flush). */
export function captureCommand(ctx: Ctx, opId: number, method: string): void {
  const tag = replicaTag(ctx.db);
  if (tag === null) return;
  enqueue(ctx, tag, method, operationLabel(ctx.db, opId) ?? method, (t) => toWire(t, localChanges(operationChanges(ctx.db, opId)), 'new'));
}

/** What an undo or a redo replayed (undo/history.ts), as an operation of its own. */
export function captureReplay(ctx: Ctx, opId: number, direction: 'undo' | 'redo', label: string): void {
  const tag = replicaTag(ctx.db);
  if (tag === null) return;
  const changes = localChanges(operationChanges(ctx.db, opId));
  enqueue(ctx, tag, `undo.${direction}`, `${direction === 'undo' ? 'Undo' : 'Redo'} ${label}`, (t) => toWire(t, direction === 'undo' ? inverted(changes) : changes, 'keep'));
}
