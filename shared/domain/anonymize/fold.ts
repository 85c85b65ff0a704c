/**
 * Accent- and case-folded views of a text, for matching names as people write them: `María`,
 * `Maria` and `MARÍA` fold to `maria`. Folding drops combining marks and lower-cases, which
 * can change lengths, so a folded text keeps, for each of its UTF-16 units, the position in
 * the original text where the character it came from starts.
 */

export type FoldedText = {
  text: string;
  /** origin[i]: original UTF-16 index of folded unit i; origin[text.length] = original length. */
  origin: Int32Array;
};

const MARKS = /\p{M}/gu;
const IS_MARK = /^\p{M}$/u;
const cache = new Map<string, string>();

/** The folded form of one character (a code point); '' for a combining mark. */
function foldChar(ch: string): string {
  let f = cache.get(ch);
  if (f === undefined) {
    f = IS_MARK.test(ch) ? '' : ch.normalize('NFD').toLowerCase().normalize('NFD').replace(MARKS, '');
    if (cache.size < 10000) cache.set(ch, f);
  }
  return f;
}

export function foldText(text: string): FoldedText {
  let out = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; ) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      out += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : text[i];
      origin.push(i);
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    const f = foldChar(ch);
    for (let k = 0; k < f.length; k++) origin.push(i);
    out += f;
    i += ch.length;
  }
  origin.push(text.length);
  return { text: out, origin: Int32Array.from(origin) };
}

/** Folded text alone: for keys and comparisons. */
export const fold = (text: string): string => foldText(text).text;

/** The form of a term used as its key: folded, white space collapsed, trimmed. */
export const foldKey = (text: string): string => fold(text).replace(/\s+/g, ' ').trim();
