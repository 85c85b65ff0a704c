import type { Ctx } from '../context.ts';
import type { Db } from '../db/database.ts';
import { sql } from '../db/sql.ts';
import { ensureCapture } from './capture.ts';
import { discardCapture, flushCapture } from './flush.ts';
import { defaultLabel } from './labels.ts';
import { captureCommand } from '../team-sync/capture.ts';

/** Commands that are not themselves undoable steps: they walk the history. */
const NOT_RECORDED = new Set(['undo.undo', 'undo.redo']);

/** Operations kept per coder; older ones are dropped (with their captured changes). */
export const HISTORY_LIMIT = 200;

/** Consecutive edits of one memo within this window undo as one step (autosave writes often). */
const COALESCE_MS = 2 * 60 * 1000;

/** The history keeps the input for the record, but not whole memo bodies (up to 1 MB each). */
const MAX_STRING_CHARS = 300;
const MAX_INPUT_CHARS = 8000;

const inputJson = (input: unknown): string => {
  const text = JSON.stringify(input ?? {}, (_k, v: unknown) =>
    typeof v === 'string' && v.length > MAX_STRING_CHARS ? `${v.slice(0, MAX_STRING_CHARS)}…` : v,
  );
  return text.length <= MAX_INPUT_CHARS ? text : JSON.stringify({ truncated: true, chars: text.length });
};

/** Prepares the connection for capture; call before opening the command's transaction. */
export const prepareRecording = ensureCapture;

/** Starts recording an operation: its row, and the capture pointed at it. */
function begin(ctx: Ctx, method: string, input: unknown): number {
  const opId = ctx.db.run(sql`INSERT INTO operations (coder_id, method, label, input, at)
    VALUES (${ctx.coderId}, ${method}, ${defaultLabel(method)}, ${inputJson(input)}, ${ctx.now()})`).lastInsertRowid;
  ctx.db.run(sql`UPDATE temp.undo_capture SET op_id = ${opId}`);
  return opId;
}

/** Stops capturing and forgets the notes (flushed by then, or of a failed command). */
function end(db: Db): void {
  db.run(sql`UPDATE temp.undo_capture SET op_id = NULL`);
  discardCapture(db);
}

/**
 * Runs one command as one undoable operation. Must run inside the command's transaction:
 * if the command fails, the operation row and its captured changes roll back with it.
 */
export function recordOperation<T>(ctx: Ctx, method: string, input: unknown, run: () => T): T {
  if (NOT_RECORDED.has(method)) return run();
  const opId = begin(ctx, method, input);
  try {
    const value = run();
    finish(ctx, opId, method, input);
    return value;
  } finally {
    end(ctx.db);
  }
}

/**
 * The same for a job that writes across several turns of the event loop (an import streams
 * its files into one transaction). The caller holds the transaction open throughout and
 * keeps every other request out of it (the dispatcher's exclusive gate).
 */
export async function recordOperationAsync<T>(ctx: Ctx, method: string, input: unknown, run: () => Promise<T>): Promise<T> {
  const opId = begin(ctx, method, input);
  try {
    const value = await run();
    finish(ctx, opId, method, input);
    return value;
  } finally {
    end(ctx.db);
  }
}

function finish(ctx: Ctx, opId: number, method: string, input: unknown): void {
  const { db } = ctx;
  if (flushCapture(db, opId) === 0) {
    // Nothing changed (e.g. applying a coding that already exists): no undo step, redo stack kept.
    db.run(sql`DELETE FROM operations WHERE id = ${opId}`);
    return;
  }
  db.run(sql`UPDATE operations SET discarded_at = ${ctx.now()}
    WHERE coder_id = ${ctx.coderId} AND undone_at IS NOT NULL AND discarded_at IS NULL`);
  // A team replica queues the command's changes for the server (one cached check otherwise).
  captureCommand(ctx, opId, method);
  coalesceMemoEdit(ctx, opId, method, input);
  db.run(sql`DELETE FROM operations WHERE coder_id = ${ctx.coderId} AND id <= coalesce(
      (SELECT id FROM operations WHERE coder_id = ${ctx.coderId} ORDER BY id DESC LIMIT 1 OFFSET ${HISTORY_LIMIT}), 0)`);
}

function coalesceMemoEdit(ctx: Ctx, opId: number, method: string, input: unknown): void {
  if (method !== 'memos.update') return;
  const memoId = (input as { id?: unknown }).id;
  const prev = ctx.db.get<{ id: number; method: string; input: string; at: string }>(sql`SELECT id, method, input, at
    FROM operations WHERE coder_id = ${ctx.coderId} AND id < ${opId} AND discarded_at IS NULL
    ORDER BY id DESC LIMIT 1`);
  if (!prev || prev.method !== method) return;
  const undone = ctx.db.get(sql`SELECT 1 FROM operations WHERE id = ${prev.id} AND undone_at IS NOT NULL`);
  if (undone) return;
  let prevMemo: unknown;
  try {
    prevMemo = (JSON.parse(prev.input) as { id?: unknown }).id;
  } catch {
    return;
  }
  if (prevMemo !== memoId || Date.parse(ctx.now()) - Date.parse(prev.at) > COALESCE_MS) return;
  ctx.db.run(sql`UPDATE operation_changes SET operation_id = ${prev.id} WHERE operation_id = ${opId}`);
  ctx.db.run(sql`UPDATE operations SET at = ${ctx.now()} WHERE id = ${prev.id}`);
  ctx.db.run(sql`DELETE FROM operations WHERE id = ${opId}`);
}

/**
 * A job's write as one step: under the dispatcher's exclusive gate (ctx.exclusive), one
 * IMMEDIATE transaction held across the job's turns of the event loop, recorded as one
 * undoable operation, committed at the end or rolled back on any error or cancel. `ready`
 * runs first, once the gate is held (a cancel check).
 */
export function recordJobOperation<T>(ctx: Ctx, method: string, input: unknown, ready: () => void, run: () => Promise<T>): Promise<T> {
  const exclusive = ctx.exclusive ?? ((work) => work());
  return exclusive(async () => {
    ready();
    ensureCapture(ctx.db);
    ctx.db.begin();
    try {
      const value = await recordOperationAsync(ctx, method, input, run);
      ctx.db.commit();
      return value;
    } catch (error) {
      ctx.db.rollback();
      throw error;
    }
  });
}
