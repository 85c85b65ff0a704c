/**
 * Snapping a selection to whole words, so a sloppy drag codes "flexibility" rather than
 * "lexibility ". Works on UTF-16 offsets and never splits a surrogate pair.
 */

import { splitsSurrogatePair } from './offsets.ts';

// Letters, digits and combining marks; an apostrophe or hyphen counts only between word characters.
const WORD = /[\p{L}\p{N}\p{M}_]/u;
const JOINER = /['’\-]/u;

const charAt = (text: string, i: number): string => {
  const cp = text.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
};
/** The character ending just before i (two units for an astral one). */
const charBefore = (text: string, i: number): string => {
  if (i <= 0) return '';
  const low = text.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = text.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(i - 2, i);
  }
  return text[i - 1]!;
};

const isWord = (ch: string) => ch !== '' && WORD.test(ch);
/** True when a joiner at i sits between two word characters ("don't", "well-being"). */
const joinsWords = (text: string, i: number) => JOINER.test(charAt(text, i)) && isWord(charBefore(text, i)) && isWord(charAt(text, i + 1));
const wordish = (text: string, i: number) => isWord(charAt(text, i)) || joinsWords(text, i);

/**
 * Trims white space from both ends of [start, end) and widens each end to the nearest word
 * boundary. Returns null when nothing but white space is selected.
 */
export function snapToWords(text: string, start: number, end: number): { start: number; end: number } | null {
  let s = Math.max(0, Math.min(start, text.length));
  let e = Math.max(s, Math.min(end, text.length));
  // Never cut an astral character (emoji) in half.
  if (splitsSurrogatePair(text, s)) s--;
  if (splitsSurrogatePair(text, e)) e++;
  while (s < e && /\s/u.test(text[s]!)) s++;
  while (e > s && /\s/u.test(text[e - 1]!)) e--;
  if (s >= e) return null;
  // Widen the start backwards while the character before it belongs to the same word.
  if (wordish(text, s)) {
    while (s > 0) {
      const before = charBefore(text, s);
      if (isWord(before) || joinsWords(text, s - before.length)) s -= before.length;
      else break;
    }
  }
  // Widen the end forwards while the character at it continues the word before it.
  if (e > 0 && wordish(text, e - charBefore(text, e).length)) {
    while (e < text.length && wordish(text, e)) e += charAt(text, e).length;
  }
  return { start: s, end: e };
}
