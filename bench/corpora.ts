/**
 * The standard benchmark corpora (described in bench/README.md). Figures are only
 * comparable between runs of the same spec, so change a standard spec only on purpose and
 * say so in the change.
 */
export type CorpusSpec = {
  name: string;
  seed: number;
  /** Interview transcripts; transcript i belongs to participant i mod participants. */
  sources: number;
  /** Target number of words over all transcripts (speaker labels not counted). */
  words: number;
  /** All codes, the parent categories included. */
  codes: number;
  parentCategories: number;
  codings: number;
  participants: number;
  /** Share of codings that carry a memo. */
  memoShare: number;
  /** Median coding length in UTF-16 units, before snapping to word boundaries. */
  codingMedianChars: number;
  codingMinChars: number;
  codingMaxChars: number;
  /** Share of drawn words that are made up rather than common. */
  madeUpShare: number;
};

const base = {
  seed: 20240611,
  parentCategories: 5,
  memoShare: 0.03,
  codingMedianChars: 150,
  codingMinChars: 20,
  codingMaxChars: 600,
  madeUpShare: 0.08,
} as const;

export const CORPORA = {
  small20k: { ...base, name: 'small20k', sources: 2, words: 20_000, codes: 50, codings: 1_000, participants: 2 },
  dense200k: { ...base, name: 'dense200k', sources: 20, words: 200_000, codes: 50, codings: 10_000, participants: 20 },
  large: { ...base, name: 'large', sources: 1_000, words: 5_000_000, codes: 200, codings: 100_000, participants: 50 },
  'huge-text': { ...base, name: 'huge-text', sources: 2_000, words: 10_000_000, codes: 200, codings: 100_000, participants: 50 },
} as const satisfies Record<string, CorpusSpec>;

export type CorpusName = keyof typeof CORPORA;

export const isCorpusName = (name: string): name is CorpusName => Object.hasOwn(CORPORA, name);

export function corpusSpec(nameOrSpec: CorpusName | CorpusSpec): CorpusSpec {
  return typeof nameOrSpec === 'string' ? CORPORA[nameOrSpec] : nameOrSpec;
}

/** The same corpus with its text shrunk by `factor` (codes, codings and participants kept). */
export function scaleText(spec: CorpusSpec, factor: number): CorpusSpec {
  if (factor === 1) return spec;
  return { ...spec, name: `${spec.name}@text×${factor}`, words: Math.max(spec.sources * 200, Math.round(spec.words * factor)) };
}
