import type { Change, LogEntry, Op } from '../../../shared/domain/team-sync/protocol.ts';
import type { Ctx } from '../context.ts';
import {
  addNotice,
  captureInto,
  dropOperation,
  dropOutbox,
  getSyncState,
  listOutbox,
  operationChanges,
  scratchOperation,
  setApplied,
  setCursor,
  type OutboxRow,
} from '../repositories/team-sync.ts';
import { deferForeignKeys } from '../repositories/team-sync-rows.ts';
import { ensureCapture } from '../undo/capture.ts';
import { discardCapture, flushCapture } from '../undo/flush.ts';
import { applyChange, deletesReachOthers, inverse } from './apply.ts';
import { localChanges, toWire, Translator } from './translate.ts';

export type RebaseResult = {
  /** Log entries applied. */
  applied: number;
  /** Own operations that came back in the log (dropped from the outbox). */
  confirmed: number;
  /** Own operations the server refused (dropped, each with a notice). */
  refused: number;
  /** Pending operations applied again on top (still to be pushed or confirmed). */
  pending: number;
  cursor: number;
};

const appliedOf = (o: OutboxRow): Change[] => (o.applied === null ? (JSON.parse(o.op) as Op).changes : (JSON.parse(o.applied) as Change[]));

/**
 * Re-applies a pending operation on top of the log's state, recording what it actually did
 * (cascades included) through the undo capture triggers, so the next rewind is exact.
 */
function reapply(ctx: Ctx, t: Translator, o: OutboxRow): Change[] {
  const op = JSON.parse(o.op) as Op;
  // The server refuses a delete that would take others' new rows with it: not applied here either.
  if (deletesReachOthers(t, op.changes)) return [];
  const scratch = scratchOperation(ctx.db, ctx.coderId, ctx.now());
  captureInto(ctx.db, scratch);
  try {
    for (const c of op.changes) applyChange(t, c, 'lenient');
  } finally {
    captureInto(ctx.db, null);
  }
  flushCapture(ctx.db, scratch);
  discardCapture(ctx.db);
  const applied = toWire(t, localChanges(operationChanges(ctx.db, scratch)), 'keep');
  dropOperation(ctx.db, scratch);
  return applied;
}

/**
 * The one transaction of a sync (docs/team-server.md, "Sync"): rewind every pending operation
 * newest first, apply the pulled entries in seq order, apply again the pending operations not yet
 * in the log (refused ones are dropped with a notice), move the cursor, drop own operations that
 * came back, keep the entries' notices. Call it outside any transaction, with capture installed
 * (it installs it). `alsoInside` runs in the same transaction (the sync keeps the log's last hash there).
 */
export function rebase(ctx: Ctx, entries: readonly LogEntry[], alsoInside?: () => void): RebaseResult {
  const { db } = ctx;
  ensureCapture(db);
  return db.transaction(() => {
    const state = getSyncState(db);
    if (!state) throw new Error('The open project is not a team replica');
    const t = new Translator(db, state.tag, ctx.now);
    deferForeignKeys(db);
    captureInto(db, null);
    const outbox = listOutbox(db);
    const sorted = [...entries].filter((e) => e.seq > state.cursor).sort((a, b) => a.seq - b.seq);
    const last = sorted.length > 0 ? sorted[sorted.length - 1]!.seq : state.cursor;
    const inLog = new Set(sorted.map((e) => e.opId));
    const settled = (o: OutboxRow) => o.refused !== null || inLog.has(o.opId) || (o.pushedSeq !== null && o.pushedSeq <= last);
    const result: RebaseResult = { applied: sorted.length, confirmed: 0, refused: 0, pending: 0, cursor: last };
    alsoInside?.();
    if (sorted.length === 0 && !outbox.some(settled)) return result;

    // 1. Rewind: the state is the log's state at the cursor again.
    for (let i = outbox.length - 1; i >= 0; i--) {
      const changes = appliedOf(outbox[i]!);
      for (let j = changes.length - 1; j >= 0; j--) applyChange(t, inverse(changes[j]!), 'exact');
    }
    // 2. The log's entries, as the server applied them.
    for (const e of sorted) {
      for (const c of e.changes) applyChange(t, c, 'lenient');
      for (const n of e.notices) addNotice(db, { at: e.at, kind: n.kind, message: n.message, seq: e.seq });
    }
    // 3. Pending operations on top; those settled leave the outbox.
    for (const o of outbox) {
      if (o.refused !== null) {
        addNotice(db, { at: ctx.now(), kind: 'refused', message: o.refused, seq: null });
        dropOutbox(db, o.id);
        result.refused++;
      } else if (settled(o)) {
        dropOutbox(db, o.id);
        result.confirmed++;
      } else {
        setApplied(db, o.id, JSON.stringify(reapply(ctx, t, o)));
        result.pending++;
      }
    }
    setCursor(db, last);
    return result;
  });
}
