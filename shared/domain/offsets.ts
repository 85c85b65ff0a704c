/**
 * Text positions. Internally every offset is a UTF-16 code unit index into the canonical
 * text (BOM stripped, line endings LF), 0-based, end-exclusive: the same unit as a
 * JavaScript string index. Formats that count otherwise are converted here and only here.
 */

/** Canonical text: strip a leading BOM, turn CRLF and lone CR into LF; nothing else. */
export const canonicalText = (raw: string): string => {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
};

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** True when a position sits between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, pos: number): boolean {
  if (pos <= 0 || pos >= text.length) return false;
  return isHigh(text.charCodeAt(pos - 1)) && isLow(text.charCodeAt(pos));
}

/**
 * Maps positions between UTF-16 units and Unicode code points (REFI-QDA's unit) for one
 * text. Build once per text; lookups are O(log n) in the number of astral characters.
 */
export class OffsetMap {
  /** UTF-16 index of each astral character's high surrogate, ascending. */
  private readonly astral: number[] = [];
  readonly utf16Length: number;
  readonly codePointLength: number;

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      if (isHigh(text.charCodeAt(i)) && isLow(text.charCodeAt(i + 1))) {
        this.astral.push(i);
        i++;
      }
    }
    this.utf16Length = text.length;
    this.codePointLength = text.length - this.astral.length;
  }

  /** Number of astral characters that start before UTF-16 index u. */
  private astralBefore16(u: number): number {
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.astral[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  toCodePoint(u: number): number {
    if (u < 0 || u > this.utf16Length) throw new RangeError(`UTF-16 offset ${u} is outside 0..${this.utf16Length}`);
    const n = this.astralBefore16(u);
    // An offset inside a pair counts as after the character's first half: reject instead.
    if (n > 0 && this.astral[n - 1]! + 1 === u) throw new RangeError(`UTF-16 offset ${u} splits a surrogate pair`);
    return u - n;
  }

  fromCodePoint(cp: number): number {
    if (cp < 0 || cp > this.codePointLength) throw new RangeError(`code point offset ${cp} is outside 0..${this.codePointLength}`);
    // u = cp + number of astral chars whose code point index is < cp.
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.astral[mid]! - mid < cp) lo = mid + 1;
      else hi = mid;
    }
    return cp + lo;
  }
}

/**
 * Converts an offset counted on raw text with CRLF line endings (CR counted as a unit, as
 * NVivo for Windows writes them) to the canonical LF text: subtract the CRs before it.
 */
export function crlfOffsetToCanonical(raw: string, offset: number): number {
  let crs = 0;
  const limit = Math.min(offset, raw.length);
  for (let i = 0; i < limit; i++) if (raw.charCodeAt(i) === 13 && raw.charCodeAt(i + 1) === 10) crs++;
  return offset - crs;
}
