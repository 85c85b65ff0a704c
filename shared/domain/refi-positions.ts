import { canonicalText, OffsetMap, splitsSurrogatePair } from './offsets.ts';

/**
 * Reading REFI-QDA selection positions into Marginalia's offsets (UTF-16 units into the
 * canonical text: BOM stripped, line endings LF). The standard counts Unicode code points
 * from 0 in the source's .txt; tools differ (NVivo counts UTF-16 units and a CRLF as two,
 * ATLAS.ti reportedly a line break as one whatever the file holds). A model names one way of
 * counting; the importer tries the tool's likely model first and checks it against the text.
 */

export type PositionModel = { unit: 'utf16' | 'codepoint'; lineBreaks: 'raw' | 'lf' };

export const MODELS: readonly PositionModel[] = [
  { unit: 'codepoint', lineBreaks: 'raw' },
  { unit: 'utf16', lineBreaks: 'raw' },
  { unit: 'codepoint', lineBreaks: 'lf' },
  { unit: 'utf16', lineBreaks: 'lf' },
];

/** The model a tool most likely wrote, from the project's `origin`. */
export function modelForOrigin(origin: string | null): PositionModel {
  if (origin && /nvivo/i.test(origin)) return { unit: 'utf16', lineBreaks: 'raw' };
  if (origin && /atlas/i.test(origin)) return { unit: 'codepoint', lineBreaks: 'lf' };
  return { unit: 'codepoint', lineBreaks: 'raw' };
}

export type SpanResult = { start: number; end: number } | { problem: string };

/** Positions of CRLF pairs in raw text: how many lie before an offset, by binary search. */
class CrlfIndex {
  private readonly at: number[] = [];
  constructor(raw: string) {
    for (let i = raw.indexOf('\r\n'); i >= 0; i = raw.indexOf('\r\n', i + 2)) this.at.push(i);
  }
  /** CRs of CRLF pairs before UTF-16 offset u (a CR at u - 1 counts: u then sits inside the pair). */
  before(u: number): number {
    let lo = 0;
    let hi = this.at.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.at[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  splits(u: number): boolean {
    const n = this.before(u);
    return n > 0 && this.at[n - 1] === u - 1;
  }
}

/**
 * A source's text read once, with what every model needs. `raw` is the file's text with the
 * BOM stripped and line endings as written.
 */
export class SpanReader {
  readonly canonical: string;
  private readonly raw: string;
  private readonly crlf: CrlfIndex;
  private rawMap: OffsetMap | null = null;
  private lfMap: OffsetMap | null = null;

  constructor(raw: string) {
    this.raw = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    this.canonical = canonicalText(this.raw);
    this.crlf = new CrlfIndex(this.raw);
  }

  private map(lineBreaks: PositionModel['lineBreaks']): OffsetMap {
    if (lineBreaks === 'raw') return (this.rawMap ??= new OffsetMap(this.raw));
    return (this.lfMap ??= new OffsetMap(this.canonical));
  }

  /** Length of the text as the model counts it. */
  length(model: PositionModel): number {
    const text = model.lineBreaks === 'raw' ? this.raw : this.canonical;
    return model.unit === 'utf16' ? text.length : this.map(model.lineBreaks).codePointLength;
  }

  /** One position into a UTF-16 offset of the canonical text, or why it cannot be one. */
  private position(pos: number, model: PositionModel): number | string {
    const text = model.lineBreaks === 'raw' ? this.raw : this.canonical;
    let u: number;
    if (model.unit === 'utf16') {
      if (splitsSurrogatePair(text, pos)) return `position ${pos} splits a character in two`;
      u = pos;
    } else {
      u = this.map(model.lineBreaks).fromCodePoint(pos);
    }
    if (model.lineBreaks === 'lf') return u;
    if (this.crlf.splits(u)) return `position ${pos} falls between the two characters of a line break`;
    return u - this.crlf.before(u);
  }

  /** A selection's span, end-exclusive, as canonical UTF-16 offsets. */
  read(start: number, end: number, model: PositionModel): SpanResult {
    if (!Number.isInteger(start) || !Number.isInteger(end)) return { problem: 'its positions are missing or not whole numbers' };
    if (start > end) return { problem: `its positions ${start}–${end} are reversed` };
    if (start === end) return { problem: `it selects nothing (${start}–${end})` };
    const length = this.length(model);
    if (start < 0 || end > length) return { problem: `its positions ${start}–${end} lie outside the text (${length} characters)` };
    const a = this.position(start, model);
    if (typeof a === 'string') return { problem: a };
    const b = this.position(end, model);
    if (typeof b === 'string') return { problem: b };
    return { start: a, end: b };
  }
}

/**
 * The model to read a source's selections with: the preferred one when every selection fits
 * it, else the first that fits them all, else whichever leaves the fewest problems (the
 * preferred one on a tie). Problems that no model changes (reversed, empty) do not count.
 */
export function chooseModel(reader: SpanReader, spans: readonly { start: number; end: number }[], preferred: PositionModel): PositionModel {
  const candidates = [preferred, ...MODELS.filter((m) => m.unit !== preferred.unit || m.lineBreaks !== preferred.lineBreaks)];
  let best = preferred;
  let fewest = Number.POSITIVE_INFINITY;
  for (const model of candidates) {
    let problems = 0;
    for (const s of spans) {
      if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.start >= s.end) continue;
      if ('problem' in reader.read(s.start, s.end, model)) problems++;
    }
    if (problems === 0) return model;
    if (problems < fewest) {
      fewest = problems;
      best = model;
    }
  }
  return best;
}
