/**
 * Words for search. Token characters are letters, digits and combining marks, like SQLite
 * FTS5's unicode61 tokenizer; `fold` lower-cases and strips diacritics as its
 * `remove_diacritics 2` does, so the index and this code agree on what a word is.
 */
export type Token = { word: string; start: number; end: number };

const WORD = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;

export const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Tokens of text[from, to) with UTF-16 offsets into text. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(WORD)) {
    const word = fold(m[0]);
    if (word) out.push({ word, start: from + m.index, end: from + m.index + m[0].length });
  }
  return out;
}
