import type { Db } from '../electron/backend/db/database.ts';
import { sql } from '../electron/backend/db/sql.ts';
import type { Rng } from './prng.ts';

export type ApplyInput = { sourceId: number; codeId: number; start: number; end: number };

const isWordChar = (ch: string | undefined): boolean => ch !== undefined && /[\p{L}\p{N}'-]/u.test(ch);

/**
 * Inputs for `codings.apply` as a researcher would select them: a random passage starting at
 * a word start and ending at a word end, 20–600 units long, with a random non-parent code.
 * Read before timing starts, so the measured calls only pay for the apply itself.
 */
export function pickApplyInputs(db: Db, rng: Rng, count: number): ApplyInput[] {
  const sources = db.all<{ id: number; length: number }>(sql`SELECT id, length(text) AS length FROM sources ORDER BY id`);
  const codes = db.all<{ id: number }>(sql`SELECT id FROM codes WHERE parent_id IS NOT NULL ORDER BY id`).map((c) => c.id);
  if (sources.length === 0 || codes.length === 0) throw new Error('the project has no sources or no child codes to apply');
  const texts = new Map<number, string>();
  const inputs: ApplyInput[] = [];
  while (inputs.length < count) {
    const source = rng.pick(sources);
    let text = texts.get(source.id);
    if (text === undefined) {
      text = db.get<{ text: string }>(sql`SELECT text FROM sources WHERE id = ${source.id}`)!.text;
      texts.set(source.id, text);
    }
    let start = rng.int(0, text.length - 1);
    while (start < text.length && !(isWordChar(text[start]) && !isWordChar(text[start - 1]))) start++;
    let end = Math.min(text.length, start + Math.round(150 * Math.exp(0.9 * rng.normal())));
    while (end > start && !(isWordChar(text[end - 1]) && !isWordChar(text[end]))) end--;
    if (start >= text.length || end - start < 20 || end - start > 600) continue;
    inputs.push({ sourceId: source.id, codeId: rng.pick(codes), start, end });
  }
  return inputs;
}
