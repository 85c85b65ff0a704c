import type { CorpusSpec } from './corpora.ts';
import type { Rng } from './prng.ts';
import { drawWord } from './vocabulary.ts';

export type PlannedCoding = { codeId: number; start: number; end: number; memo: string | null };

/** Log-normal spread of coding lengths: with median 150 the summed coded length comes to about 1.45× the text (dense200k), near the 1.5× the standard corpora aim for, without piling many codings at the 600 cap. */
const LENGTH_SIGMA = 0.9;

/** Index of the last element ≤ value in an ascending array, or -1. */
function lastAtMost(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Places `count` codings in one source: each starts at a word start and ends at a word end,
 * with a log-normal length clamped to the spec's bounds. Placement is uniform, so codings
 * overlap freely, as several codes on one passage do in real projects.
 */
export function planCodings(
  rng: Rng,
  spec: CorpusSpec,
  source: { wordStarts: Int32Array; wordEnds: Int32Array },
  codeIds: readonly number[],
  count: number,
  madeUp: readonly string[],
): PlannedCoding[] {
  const { wordStarts, wordEnds } = source;
  const { codingMinChars: min, codingMaxChars: max } = spec;
  const planned: PlannedCoding[] = [];
  let attempts = 0;
  while (planned.length < count) {
    if (++attempts > count * 20 + 100) throw new Error(`cannot place ${count} codings of ${min}–${max} units in a source of ${wordStarts.length} words`);
    const start = wordStarts[Math.floor(rng.next() * wordStarts.length)]!;
    const wanted = Math.round(spec.codingMedianChars * Math.exp(LENGTH_SIGMA * rng.normal()));
    const length = Math.min(max, Math.max(min, wanted));
    let endIndex = lastAtMost(wordEnds, start + length);
    if (endIndex < 0 || wordEnds[endIndex]! < start + min) endIndex = lastAtMost(wordEnds, start + min - 1) + 1;
    const end = wordEnds[endIndex];
    if (end === undefined || end - start < min || end - start > max) continue;
    const codeId = codeIds[Math.floor(rng.next() * codeIds.length)]!;
    let memo: string | null = null;
    if (rng.chance(spec.memoShare)) {
      const words = Array.from({ length: rng.int(6, 30) }, () => drawWord(rng, madeUp, spec.madeUpShare));
      memo = `${words.join(' ')}.`;
    }
    planned.push({ codeId, start, end, memo });
  }
  return planned;
}
