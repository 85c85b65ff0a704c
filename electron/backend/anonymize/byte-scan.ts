/**
 * The last check of a pseudonymized copy: its bytes, read as a file (free pages, indexes and
 * all), searched for every original that was replaced, as written, in capitals, in lower case
 * and folded as the search index stores words. A hit must stand as a whole word (the bytes
 * around it are not a letter or digit), so `Ana` is not found inside `analysis`.
 */
import { fold } from '../../../shared/domain/anonymize/fold.ts';

const WORD_CHAR = /[\p{L}\p{N}]/u;
const decoder = new TextDecoder('utf-8', { fatal: false });

/** Is the character ending right before byte `at` a letter or digit? */
function letterBefore(bytes: Uint8Array, at: number): boolean {
  let start = at - 1;
  while (start > 0 && at - start < 4 && (bytes[start]! & 0xc0) === 0x80) start--;
  return start >= 0 && WORD_CHAR.test(decoder.decode(bytes.subarray(start, at)));
}

/** Is the character starting at byte `at` a letter or digit? */
function letterAt(bytes: Uint8Array, at: number): boolean {
  if (at >= bytes.length) return false;
  const lead = bytes[at]!;
  const len = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
  return WORD_CHAR.test(decoder.decode(bytes.subarray(at, at + len)));
}

/** The spellings of an original to look for; short ones only as written and in capitals (`li` is in every `<li>`). */
export function spellings(original: string, ordinaryWords: ReadonlySet<string>): string[] {
  const forms = new Set([original, original.toUpperCase()]);
  if ([...original].length >= 4 && !ordinaryWords.has(fold(original))) {
    forms.add(original.toLowerCase());
    forms.add(fold(original));
  }
  return [...forms].filter((f) => f.trim() !== '');
}

/** The originals found in the bytes as whole words, each with how many times. */
export function scanBytes(bytes: Uint8Array, originals: Iterable<string>, ordinaryWords: ReadonlySet<string> = new Set()): { original: string; hits: number }[] {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found: { original: string; hits: number }[] = [];
  for (const original of originals) {
    let hits = 0;
    for (const form of spellings(original, ordinaryWords)) {
      const needle = Buffer.from(form, 'utf8');
      for (let i = buffer.indexOf(needle); i >= 0; i = buffer.indexOf(needle, i + 1)) {
        if (!letterBefore(buffer, i) && !letterAt(buffer, i + needle.length)) hits++;
      }
    }
    if (hits > 0) found.push({ original, hits });
  }
  return found;
}

/** Folded words of a text (the schema's SQL): never mistaken for a name. */
export const wordsOf = (text: string): Set<string> => new Set(fold(text).match(/[\p{L}\p{N}]+/gu) ?? []);
