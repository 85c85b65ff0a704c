import type { Db } from '../db/database.ts';
import { sql, sqlIds } from '../db/sql.ts';
import { getMeta, setMeta } from './meta.ts';

/** Number keys 1–9 of the coding view: slot i holds the code key i + 1 applies, per coder. */
export const KEY_SLOTS = 9;

const metaKey = (coderId: number) => `code_keys.coder.${coderId}`;

/** The slots as stored; a slot may still name a code that was deleted (an undo can bring it back). */
export function readKeySlots(db: Db, coderId: number): (number | null)[] {
  let stored: unknown;
  try {
    stored = JSON.parse(getMeta(db, metaKey(coderId)) ?? '[]');
  } catch {
    stored = [];
  }
  const list = Array.isArray(stored) ? stored : [];
  return Array.from({ length: KEY_SLOTS }, (_, i) => {
    const v: unknown = list[i];
    return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null;
  });
}

export function writeKeySlots(db: Db, coderId: number, slots: readonly (number | null)[]): void {
  setMeta(db, metaKey(coderId), JSON.stringify(slots));
}

/** Which of these code ids exist. */
export function existingCodeIds(db: Db, ids: readonly number[]): Set<number> {
  if (ids.length === 0) return new Set();
  return new Set(db.all<{ id: number }>(sql`SELECT id FROM codes WHERE id IN (${sqlIds(ids)})`).map((r) => r.id));
}
