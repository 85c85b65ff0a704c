/**
 * Snapping a selection to whole words, so a sloppy drag codes "flexibility" rather than
 * "lexibility ". Works on UTF-16 offsets and never splits a surrogate pair.
 */

import { splitsSurrogatePair } from './offsets.ts';

// Letters, digits and combining marks; an apostrophe or hyphen counts only between word characters.
const WORD = /[\p{L}\p{N}\p{M}_]/u;
const JOINER = /['’\-]/u;
// What ends a sentence, and the quotes or brackets that may close around it.
const SENTENCE_END = /[.!?…]/u;
const CLOSER = /["”’»)\]]/u;

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
const DIGIT = /\p{Nd}/u;
/**
 * True when a joiner at i sits between two word characters ("don't", "well-being"), or a
 * decimal point or thousands separator between two digits ("3.5", "1,200").
 */
const joinsWords = (text: string, i: number) => {
  const ch = charAt(text, i);
  if (JOINER.test(ch)) return isWord(charBefore(text, i)) && isWord(charAt(text, i + 1));
  return (ch === '.' || ch === ',') && DIGIT.test(charBefore(text, i)) && DIGIT.test(charAt(text, i + 1));
};
const wordish = (text: string, i: number) => isWord(charAt(text, i)) || joinsWords(text, i);

/**
 * Trims white space from both ends of [start, end) and widens each end to the nearest word
 * boundary. A passage of more than one word that stops where its sentence does takes the
 * sentence's full stop (or ? ! …, with a closing quote or bracket) with it: researchers quote
 * whole sentences, and a coded excerpt cut off before its period reads wrong in a report. A
 * single word never does ("Definition", not "Definition."). Returns null when nothing but
 * white space is selected.
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
    if (/\s/u.test(text.slice(s, e))) e = sentenceEnd(text, e);
  }
  return { start: s, end: e };
}

/** e moved past the sentence's final punctuation when that is all that stands before a space or the end. */
function sentenceEnd(text: string, e: number): number {
  let t = e;
  while (t < text.length && SENTENCE_END.test(text[t]!)) t++;
  if (t === e) return e;
  while (t < text.length && CLOSER.test(text[t]!)) t++;
  return t === text.length || /\s/u.test(text[t]!) ? t : e;
}
