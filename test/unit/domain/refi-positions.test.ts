import { describe, expect, it } from 'vitest';
import { chooseModel, modelForOrigin, SpanReader, type PositionModel } from '../../../shared/domain/refi-positions.ts';

const UTF16_RAW: PositionModel = { unit: 'utf16', lineBreaks: 'raw' };
const CP_RAW: PositionModel = { unit: 'codepoint', lineBreaks: 'raw' };
const CP_LF: PositionModel = { unit: 'codepoint', lineBreaks: 'lf' };

/** The canonical text a span selects. */
const quote = (reader: SpanReader, start: number, end: number, model: PositionModel) => {
  const r = reader.read(start, end, model);
  return 'problem' in r ? r.problem : reader.canonical.slice(r.start, r.end);
};

describe('SpanReader', () => {
  // As NVivo for Windows writes it: BOM, CRLF, an emoji; positions in UTF-16 units, CR counted.
  const nvivo = '\ufeffI love it 😀 really.\r\nSecond line here.';
  const raw = nvivo.slice(1);

  it('reads NVivo UTF-16 offsets with CRLF counted as two into canonical offsets', () => {
    const reader = new SpanReader(nvivo);
    expect(reader.canonical).toBe('I love it 😀 really.\nSecond line here.');
    const start = raw.indexOf('really');
    expect(quote(reader, start, start + 6, UTF16_RAW)).toBe('really');
    const second = raw.indexOf('Second');
    expect(quote(reader, second, second + 6, UTF16_RAW)).toBe('Second');
  });

  it('reads standard code points on the raw text, and ATLAS.ti code points with a line break as one', () => {
    const reader = new SpanReader(nvivo);
    const cps = Array.from(raw);
    const at = cps.indexOf('S');
    expect(quote(reader, at, at + 6, CP_RAW)).toBe('Second');
    const lf = Array.from(reader.canonical);
    expect(quote(reader, lf.indexOf('S'), lf.indexOf('S') + 6, CP_LF)).toBe('Second');
  });

  it('names each bad span: reversed, empty, outside the text, splitting a character or a line break', () => {
    const reader = new SpanReader(nvivo);
    const emoji = raw.indexOf('😀');
    expect(quote(reader, 9, 4, UTF16_RAW)).toBe('its positions 9–4 are reversed');
    expect(quote(reader, 4, 4, UTF16_RAW)).toBe('it selects nothing (4–4)');
    expect(quote(reader, 0, 900, UTF16_RAW)).toBe(`its positions 0–900 lie outside the text (${raw.length} characters)`);
    expect(quote(reader, emoji + 1, emoji + 5, UTF16_RAW)).toBe(`position ${emoji + 1} splits a character in two`);
    expect(quote(reader, 0, raw.indexOf('\n'), UTF16_RAW)).toBe(`position ${raw.indexOf('\n')} falls between the two characters of a line break`);
    expect(quote(reader, Number.NaN, 3, CP_RAW)).toBe('its positions are missing or not whole numbers');
  });
});

describe('chooseModel', () => {
  it('takes the tool’s model when every span fits, and another when the spans say otherwise', () => {
    const text = 'Emoji 😀😀😀 at the start, then the words we coded.';
    const reader = new SpanReader(text);
    const word = text.indexOf('coded');
    // UTF-16 offsets from a tool that said nothing of itself: as code points they would run past the end.
    const spans = [{ start: word, end: word + 6 }, { start: text.length - 1, end: text.length }];
    expect(chooseModel(reader, spans, modelForOrigin('QualCoder 3.6'))).toEqual(UTF16_RAW);
    expect(chooseModel(reader, [{ start: 0, end: 5 }], modelForOrigin('NVivo 14'))).toEqual(UTF16_RAW);
    expect(chooseModel(reader, [{ start: 0, end: 5 }], modelForOrigin('ATLAS.ti 23.2.3'))).toEqual(CP_LF);
    expect(chooseModel(reader, [{ start: 0, end: 5 }], modelForOrigin(null))).toEqual(CP_RAW);
  });

  it('does not let spans that no model can read decide', () => {
    const reader = new SpanReader('plain text');
    expect(chooseModel(reader, [{ start: 5, end: 2 }, { start: 3, end: 3 }], CP_LF)).toEqual(CP_LF);
  });
});
