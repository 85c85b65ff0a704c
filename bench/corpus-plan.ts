import { paletteColor } from '../shared/domain/palette.ts';
import type { CodeOrigin } from '../shared/domain/types.ts';
import { planCodings, type PlannedCoding } from './coding-plan.ts';
import type { CorpusSpec } from './corpora.ts';
import { generateInterview, type GeneratedInterview } from './interview.ts';
import { deriveSeed, mulberry32 } from './prng.ts';
import { COMMON_WORDS, madeUpVocabulary } from './vocabulary.ts';

/**
 * The pure half of the generator: what a corpus contains, computed from its spec alone.
 * Every part draws from its own seeded stream (see STREAM), so the text of a corpus does not
 * change when only its number of codings does, and one source can be re-made on its own.
 */
const STREAM = { text: 1, codings: 2, codes: 3, vocabulary: 4, lengths: 5, participants: 6 } as const;

const FIVE = ['Why', 'What', 'How', 'When', 'Where'];
const ROLES = ['lecturer', 'student', 'programme manager', 'employer', 'administrator'];
const MADE_UP_WORDS = 1_500;

export type PlannedCode = { parentIndex: number | null; name: string; color: string; origin: CodeOrigin };
export type PlannedParticipant = { label: string; role: string };
export type PlannedSource = {
  index: number;
  name: string;
  participantIndex: number;
  interview: GeneratedInterview;
  /** codeId refers to the ids passed to forEachSource. */
  codings: PlannedCoding[];
};

export const madeUpWords = (spec: CorpusSpec): string[] => madeUpVocabulary(mulberry32(deriveSeed(spec.seed, STREAM.vocabulary)), MADE_UP_WORDS);

export const participantLabel = (index: number, total: number): string => `P${String(index + 1).padStart(Math.max(2, String(total).length), '0')}`;

export function planParticipants(spec: CorpusSpec): PlannedParticipant[] {
  const rng = mulberry32(deriveSeed(spec.seed, STREAM.participants));
  return Array.from({ length: spec.participants }, (_, i) => ({ label: participantLabel(i, spec.participants), role: rng.pick(ROLES) }));
}

/** Parent categories first, then the other codes dealt round-robin under them. */
export function planCodes(spec: CorpusSpec): PlannedCode[] {
  const rng = mulberry32(deriveSeed(spec.seed, STREAM.codes));
  const parents = Math.min(spec.parentCategories, spec.codes);
  const codes: PlannedCode[] = [];
  for (let p = 0; p < parents; p++) {
    const name = parents === FIVE.length ? FIVE[p]! : `Category ${p + 1}`;
    codes.push({ parentIndex: null, name, color: paletteColor(p), origin: 'deductive' });
  }
  const taken = new Set<string>();
  for (let c = 0; c < spec.codes - parents; c++) {
    const parentIndex = c % parents;
    let name = '';
    do {
      const a = rng.pick(COMMON_WORDS);
      name = `${a.charAt(0).toUpperCase()}${a.slice(1)} ${rng.pick(COMMON_WORDS)}`;
    } while (taken.has(`${parentIndex}/${name.toLowerCase()}`));
    taken.add(`${parentIndex}/${name.toLowerCase()}`);
    codes.push({ parentIndex, name, color: paletteColor(parentIndex), origin: rng.chance(0.85) ? 'deductive' : 'inductive' });
  }
  return codes;
}

/** Words per source: the corpus total spread with ±30 % jitter, summing to the total. */
export function sourceWordTargets(spec: CorpusSpec): number[] {
  const rng = mulberry32(deriveSeed(spec.seed, STREAM.lengths));
  const weights = Array.from({ length: spec.sources }, () => 0.7 + 0.6 * rng.next());
  return apportion(spec.words, weights);
}

/** Splits `total` into integers proportional to `weights` (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left-- <= 0) break;
    shares[i]!++;
  }
  return shares;
}

/**
 * Makes each source in turn (text, turns and its share of the codings, proportional to its
 * words) and hands it to `visit`; only one source is held in memory at a time.
 * `codeIds` are the ids codings may use (the non-parent codes, or all codes if there are none).
 */
export function forEachSource(spec: CorpusSpec, codeIds: readonly number[], visit: (source: PlannedSource) => void): void {
  const madeUp = madeUpWords(spec);
  const targets = sourceWordTargets(spec);
  const codingCounts = apportion(spec.codings, targets);
  for (let i = 0; i < spec.sources; i++) {
    const participantIndex = i % spec.participants;
    const label = participantLabel(participantIndex, spec.participants);
    const interview = generateInterview(mulberry32(deriveSeed(spec.seed, STREAM.text, i)), {
      label,
      targetWords: targets[i]!,
      madeUp,
      madeUpShare: spec.madeUpShare,
    });
    const codings = planCodings(mulberry32(deriveSeed(spec.seed, STREAM.codings, i)), spec, interview, codeIds, codingCounts[i]!, madeUp);
    const name = `Interview ${String(i + 1).padStart(String(spec.sources).length, '0')} (${label})`;
    visit({ index: i, name, participantIndex, interview, codings });
  }
}
