import { isStopWord } from './stop-words.ts';
import type { StopWordLanguage, WordCount, WordFrequency } from './types.ts';

// Words keep inner apostrophes and hyphens ("don't", "micro-credential") and their accents.
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’-][\p{L}\p{N}\p{M}]+)*/gu;
const HAS_LETTER = /\p{L}/u;

/** The words of a text as counted: lower case, curly apostrophes made straight. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WORD)) out.push(m[0].toLowerCase().replace(/’/g, "'"));
  return out;
}

export type WordOptions = { languages: readonly StopWordLanguage[]; minLength: number; limit: number };

/**
 * Counts words over passages of text (each tagged with its source). Stop words, words
 * shorter than minLength and words without a letter (numbers) are left out of the list and
 * of the total. Sorted by count, then alphabetically.
 */
export function wordFrequency(passages: Iterable<{ sourceId: number; text: string }>, options: WordOptions): WordFrequency {
  const counts = new Map<string, { count: number; sources: Set<number> }>();
  const sources = new Set<number>();
  let total = 0;
  for (const p of passages) {
    sources.add(p.sourceId);
    for (const w of words(p.text)) {
      if ([...w].length < options.minLength || !HAS_LETTER.test(w) || isStopWord(w, options.languages)) continue;
      total++;
      const entry = counts.get(w);
      if (entry) {
        entry.count++;
        entry.sources.add(p.sourceId);
      } else counts.set(w, { count: 1, sources: new Set([p.sourceId]) });
    }
  }
  const list: WordCount[] = [...counts].map(([word, e]) => ({ word, count: e.count, sources: e.sources.size }));
  list.sort((a, b) => b.count - a.count || a.word.localeCompare(b.word));
  return { words: list.slice(0, options.limit), totalWords: total, distinctWords: list.length, sourcesCounted: sources.size };
}
