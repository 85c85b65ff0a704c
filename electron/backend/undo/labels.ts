import type { Db } from '../db/database.ts';
import { sql } from '../db/sql.ts';

const ENTITY: Record<string, string> = {
  codes: 'code',
  codings: 'coding',
  memos: 'memo',
  participants: 'participant',
  attributes: 'attribute',
  sources: 'source',
  questions: 'question',
  frameworks: 'framework',
};

/**
 * The label an operation gets when its service names nothing better:
 * "participants.setAttribute" → "Set attribute (participant)".
 */
export function defaultLabel(method: string): string {
  const [group = method, verb = ''] = method.split('.');
  const words = verb.replace(/([A-Z])/g, ' $1').toLowerCase().trim();
  const entity = ENTITY[group] ?? group;
  const head = words ? words[0]!.toUpperCase() + words.slice(1) : 'Change';
  return words.split(' ').length > 1 ? `${head} (${entity})` : `${head} ${entity}`;
}

/** Quotes a name in a label the way the UI shows it: ‘Flexibility’. */
export const q = (name: string): string => `‘${name.length > 60 ? `${name.slice(0, 57)}…` : name}’`;

/**
 * Names the operation being recorded, e.g. "Merge ‘A’ into ‘B’". A no-op outside a recorded
 * command, so services can call it unconditionally.
 */
export function labelOperation(db: Db, label: string): void {
  db.run(sql`UPDATE operations SET label = ${label.slice(0, 300)} WHERE id = (SELECT op_id FROM temp.undo_capture)`);
}
