import { ApiFailure } from '../../../shared/api/errors.ts';
import type { UndoEntry, UndoResult, UndoState } from '../../../shared/api/methods/undo.ts';
import type { Ctx } from '../context.ts';
import type { Db } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { replayOperation, type Direction } from './replay.ts';
import { captureReplay } from '../team-sync/capture.ts';

type OpRow = { id: number; label: string; method: string };

/** The coder's latest operation still in effect. */
const nextUndo = (db: Db, coderId: number): OpRow | undefined =>
  db.get<OpRow>(sql`SELECT id, label, method FROM operations
    WHERE coder_id = ${coderId} AND undone_at IS NULL AND discarded_at IS NULL ORDER BY id DESC LIMIT 1`);

/**
 * The operation undone most recently. Undo walks down by id and any new operation discards
 * the undone ones, so the redo stack is always the undone operations above the done ones:
 * the lowest of them is the one to redo first.
 */
const nextRedo = (db: Db, coderId: number): OpRow | undefined =>
  db.get<OpRow>(sql`SELECT id, label, method FROM operations
    WHERE coder_id = ${coderId} AND undone_at IS NOT NULL AND discarded_at IS NULL ORDER BY id ASC LIMIT 1`);

export function undoState(db: Db, coderId: number): UndoState {
  const undo = nextUndo(db, coderId);
  const redo = nextRedo(db, coderId);
  return { canUndo: undo !== undefined, undoLabel: undo?.label ?? null, canRedo: redo !== undefined, redoLabel: redo?.label ?? null };
}

function step(ctx: Ctx, direction: Direction): UndoResult {
  const op = direction === 'undo' ? nextUndo(ctx.db, ctx.coderId) : nextRedo(ctx.db, ctx.coderId);
  if (!op) throw new ApiFailure('conflict', direction === 'undo' ? 'There is nothing to undo' : 'There is nothing to redo');
  const tables = replayOperation(ctx.db, op.id, direction, op.label);
  captureReplay(ctx, op.id, direction, op.label);
  ctx.db.run(sql`UPDATE operations SET undone_at = ${direction === 'undo' ? ctx.now() : null} WHERE id = ${op.id}`);
  ctx.audit(direction, 'operation', op.id, { label: op.label, method: op.method });
  return { label: op.label, method: op.method, tables, state: undoState(ctx.db, ctx.coderId) };
}

export const undo = (ctx: Ctx): UndoResult => step(ctx, 'undo');
export const redo = (ctx: Ctx): UndoResult => step(ctx, 'redo');

export const undoHistory = (db: Db, coderId: number, limit: number): UndoEntry[] =>
  db
    .all<{ id: number; label: string; method: string; at: string; undone: number }>(sql`SELECT id, label, method, at,
        undone_at IS NOT NULL AS undone FROM operations
      WHERE coder_id = ${coderId} AND discarded_at IS NULL ORDER BY id DESC LIMIT ${limit}`)
    .map((r) => ({ id: r.id, label: r.label, method: r.method, at: r.at, status: r.undone ? 'undone' : 'done' }));
