import { describe, expect, it } from 'vitest';
import { MEASURE_LABEL, formatValue, percent, positionLabel, timestamp } from '../../../shared/domain/analysis/format.ts';
import { CODER_PALETTE, coderColor } from '../../../shared/domain/coder-colors.ts';

const at = (over: Partial<Parameters<typeof positionLabel>[0]>) => positionLabel({ unitKind: null, unitNumber: null, timestampMs: null, questionKey: null, page: null, ...over });

describe('how the tables write their numbers and places', () => {
  it('writes coverage as a percent with one decimal, rounded half up, and counts as they are', () => {
    expect(percent(0.1234)).toBe(12.3);
    expect(percent(0.12345)).toBe(12.3);
    expect(percent(0.1235)).toBe(12.4);
    expect(percent(1)).toBe(100);
    expect(percent(0)).toBe(0);
    expect(formatValue(0.5, 'coverage')).toBe('50.0%');
    expect(formatValue(0.0004, 'coverage')).toBe('0.0%');
    expect(formatValue(0.0005, 'coverage')).toBe('0.1%');
    expect(formatValue(7, 'codings')).toBe('7');
    expect(formatValue(3, 'sources')).toBe('3');
    expect(MEASURE_LABEL).toEqual({ codings: 'Codings', sources: 'Sources', coverage: 'Coverage (% of text)' });
  });

  it('writes a recording time as hours, minutes and seconds, each two digits, seconds cut not rounded', () => {
    expect(timestamp(0)).toBe('00:00:00');
    expect(timestamp(999)).toBe('00:00:00');
    expect(timestamp(1_000)).toBe('00:00:01');
    expect(timestamp(59_999)).toBe('00:00:59');
    expect(timestamp(60_000)).toBe('00:01:00');
    expect(timestamp(845_000)).toBe('00:14:05');
    expect(timestamp(3_599_000)).toBe('00:59:59');
    expect(timestamp(3_600_000)).toBe('01:00:00');
    expect(timestamp(36_061_000)).toBe('10:01:01');
  });

  it('names where an excerpt sits as a researcher would: the answer’s question, the turn, the paragraph, time and page', () => {
    expect(at({ unitKind: 'answer', questionKey: 'Q3', unitNumber: 7 })).toBe('answer to Q3');
    // An answer without its question is counted as a unit.
    expect(at({ unitKind: 'answer', questionKey: null, unitNumber: 7 })).toBe('unit 7');
    expect(at({ unitKind: 'turn', unitNumber: 12, timestampMs: 845_000 })).toBe('turn 12 · 00:14:05');
    expect(at({ unitKind: 'turn', unitNumber: null, timestampMs: 0 })).toBe('00:00:00');
    expect(at({ unitKind: 'paragraph', unitNumber: 4, page: 2 })).toBe('¶ 4 · p. 2');
    expect(at({ unitKind: 'heading', unitNumber: 1 })).toBe('¶ 1');
    expect(at({ unitKind: 'row', unitNumber: 3 })).toBe('unit 3');
    expect(at({ unitKind: 'turn', unitNumber: 0, timestampMs: 1_000, page: 0 })).toBe('turn 0 · 00:00:01 · p. 0');
    expect(at({})).toBe('');
  });
});

describe('coder colours', () => {
  it('give coders 1–8 the eight colours in order and start again from the ninth, the same for an id however far', () => {
    expect(CODER_PALETTE.map((_, i) => coderColor(i + 1))).toEqual([...CODER_PALETTE]);
    expect(new Set(CODER_PALETTE).size).toBe(8);
    expect(coderColor(9)).toBe(CODER_PALETTE[0]);
    expect(coderColor(16)).toBe(CODER_PALETTE[7]);
    expect(coderColor(1_000_003)).toBe(CODER_PALETTE[(1_000_003 - 1) % 8]);
    // Ids below one (a coder not yet saved) still get a colour of the palette.
    expect(coderColor(0)).toBe(CODER_PALETTE[7]);
    expect(coderColor(-1)).toBe(CODER_PALETTE[6]);
    for (const c of CODER_PALETTE) expect(c).toMatch(/^#[0-9a-f]{6}$/);
  });
});
