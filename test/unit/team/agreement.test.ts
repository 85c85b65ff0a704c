import { describe, expect, it } from 'vitest';
import { computeAgreement, type AgreementInput } from '../../../shared/domain/team/agreement.ts';
import { characterRatings, characterTable, unionSpans, unitTable, type Span } from '../../../shared/domain/team/coverage.ts';
import { krippendorffAlpha } from '../../../shared/domain/team/statistics.ts';

/** Coded or not, character by character: the slow way the fast functions must agree with. */
const mask = (length: number, spans: readonly Span[]) => {
  const m = new Array<boolean>(length).fill(false);
  for (const s of spans) for (let i = Math.max(0, s.start); i < Math.min(length, s.end); i++) m[i] = true;
  return m;
};

let state = 7;
const rand = (n: number) => {
  state = (state * 1103515245 + 12345) % 2147483648;
  return state % n;
};
const randomSpans = (length: number, count: number): Span[] =>
  Array.from({ length: count }, () => {
    const start = rand(length);
    return { start, end: Math.min(length, start + 1 + rand(30)) };
  });

describe('coverage', () => {
  it('merges overlapping and touching spans', () => {
    expect(unionSpans([{ start: 5, end: 9 }, { start: 0, end: 3 }, { start: 3, end: 4 }, { start: 8, end: 12 }], 10)).toEqual([{ start: 0, end: 4 }, { start: 5, end: 10 }]);
  });

  it('counts characters as a character-by-character comparison does', () => {
    for (let round = 0; round < 50; round++) {
      const length = 50 + rand(200);
      const a = randomSpans(length, rand(6));
      const b = randomSpans(length, rand(6));
      const ma = mask(length, a);
      const mb = mask(length, b);
      const t = characterTable(length, a, b);
      expect(t).toEqual({
        both: ma.filter((x, i) => x && mb[i]).length,
        onlyA: ma.filter((x, i) => x && !mb[i]).length,
        onlyB: ma.filter((x, i) => !x && mb[i]).length,
        neither: ma.filter((x, i) => !x && !mb[i]).length,
      });
      // alpha from weighted runs = alpha over the characters written out
      const byHand = krippendorffAlpha([ma.map(Number), mb.map(Number)]);
      const runs = characterRatings(length, 2, [a, b]);
      expect(runs.reduce((n, r) => n + (r.weight ?? 1), 0)).toBe(length);
      const fromRuns = computeAgreement({
        level: 'character',
        coders: [{ id: 1, name: 'A' }, { id: 2, name: 'B' }],
        sources: [{ id: 1, name: 's', length, units: [] }],
        codes: [{ id: 1, name: 'c' }],
        codings: [...a.map((s) => ({ ...s, sourceId: 1, codeId: 1, coderId: 1 })), ...b.map((s) => ({ ...s, sourceId: 1, codeId: 1, coderId: 2 }))],
        worked: () => true,
      }).rows[0]!.alpha;
      if (byHand.value === null) expect(fromRuns.value).toBeNull();
      else expect(fromRuns.value).toBeCloseTo(byHand.value, 9);
    }
  });

  it('counts a unit as coded when any coding overlaps it', () => {
    const units = [{ start: 0, end: 10 }, { start: 10, end: 20 }, { start: 20, end: 30 }, { start: 30, end: 40 }];
    // A codes 5–12 (units 1, 2); B codes 19–20 (unit 2 only) and 35–36 (unit 4)
    expect(unitTable(units, [{ start: 5, end: 12 }], [{ start: 19, end: 20 }, { start: 35, end: 36 }])).toEqual({ both: 1, onlyA: 1, onlyB: 1, neither: 1 });
  });
});

const twoCoders = (over: Partial<AgreementInput> = {}): AgreementInput => ({
  level: 'character',
  coders: [{ id: 1, name: 'Ana' }, { id: 2, name: 'Ben' }],
  sources: [{ id: 10, name: 'Interview 1', length: 100, units: [{ start: 0, end: 50 }, { start: 50, end: 100 }] }],
  codes: [{ id: 5, name: 'Why' }, { id: 6, name: 'How' }],
  codings: [],
  worked: () => true,
  ...over,
});

describe('the agreement table', () => {
  it('gives per-code and pooled overall values for two coders', () => {
    const report = computeAgreement(twoCoders({
      codings: [
        { sourceId: 10, codeId: 5, coderId: 1, start: 0, end: 20 },
        { sourceId: 10, codeId: 5, coderId: 2, start: 10, end: 30 },
        { sourceId: 10, codeId: 6, coderId: 1, start: 60, end: 70 },
      ],
    }));
    const why = report.rows[0]!;
    // both 10, only A 10, only B 10, neither 70
    expect(why.pairs[0]!.table).toEqual({ both: 10, onlyA: 10, onlyB: 10, neither: 70 });
    expect(why.percent.value).toBeCloseTo(0.8, 12);
    const pe = 0.2 * 0.2 + 0.8 * 0.8;
    expect(why.kappa.value).toBeCloseTo((0.8 - pe) / (1 - pe), 12);
    expect(why.neither.value).toBeCloseTo(70 / 80, 12);
    const how = report.rows[1]!;
    expect(how.pairs[0]!.table).toEqual({ both: 0, onlyA: 10, onlyB: 0, neither: 90 });
    expect(report.overall.pairs[0]!.table).toEqual({ both: 10, onlyA: 20, onlyB: 10, neither: 160 });
    expect(report.overall.compared).toBe(200);
  });

  it('defines every value when nobody coded anything', () => {
    const report = computeAgreement(twoCoders());
    for (const row of [...report.rows, report.overall]) {
      expect(row.percent.value).toBe(1);
      expect(row.kappa).toMatchObject({ value: 1, note: expect.stringMatching(/one category/) });
      expect(row.neither.value).toBe(1);
      expect(row.alpha).toMatchObject({ value: 1, note: expect.stringMatching(/same category/) });
    }
  });

  it('leaves a coder out of a source they did not code, and says so', () => {
    const input = twoCoders({
      coders: [{ id: 1, name: 'Ana' }, { id: 2, name: 'Ben' }, { id: 3, name: 'Cy' }],
      sources: [
        { id: 10, name: 'Interview 1', length: 100, units: [] },
        { id: 11, name: 'Interview 2', length: 50, units: [] },
      ],
      codings: [
        { sourceId: 10, codeId: 5, coderId: 1, start: 0, end: 20 },
        { sourceId: 10, codeId: 5, coderId: 2, start: 0, end: 20 },
        { sourceId: 10, codeId: 5, coderId: 3, start: 0, end: 10 },
        { sourceId: 11, codeId: 5, coderId: 1, start: 0, end: 50 },
        { sourceId: 11, codeId: 5, coderId: 2, start: 0, end: 50 },
      ],
      worked: (coder, source) => !(coder === 3 && source === 11),
    });
    const report = computeAgreement(input);
    const why = report.rows[0]!;
    // Ana–Ben over both sources; Ana–Cy and Ben–Cy over Interview 1 only.
    expect(why.pairs.map((p) => [p.a, p.b, p.table.both + p.table.onlyA + p.table.onlyB + p.table.neither])).toEqual([[1, 2, 150], [1, 3, 100], [2, 3, 100]]);
    expect(why.pairs[0]!.kappa.value).toBe(1);
    expect(why.kappa.note).toMatch(/Light's kappa/);
    expect(report.notes.join(' ')).toMatch(/Cy did not code Interview 2/);
    // alpha by hand: Interview 2's characters carry two values each, Interview 1's three.
    const rows = [1, 2, 3].map((coder) => [
      ...Array.from({ length: 100 }, (_, i) => (i < (coder === 3 ? 10 : 20) ? 1 : 0)),
      ...Array.from({ length: 50 }, () => (coder === 3 ? null : 1)),
    ]);
    expect(why.alpha.value).toBeCloseTo(krippendorffAlpha(rows).value!, 9);
  });

  it('has no value, never NaN, for a code when two coders share no source', () => {
    const report = computeAgreement(twoCoders({ worked: (coder) => coder === 1 }));
    expect(report.rows[0]!.kappa.value).toBeNull();
    expect(report.rows[0]!.alpha.value).toBeNull();
    expect(report.overall.percent.note).toMatch(/Nothing to compare/);
  });

  it('compares units at unit level', () => {
    const report = computeAgreement(twoCoders({
      level: 'unit',
      codings: [
        { sourceId: 10, codeId: 5, coderId: 1, start: 0, end: 5 },
        { sourceId: 10, codeId: 5, coderId: 2, start: 40, end: 60 },
      ],
    }));
    expect(report.rows[0]!.pairs[0]!.table).toEqual({ both: 1, onlyA: 0, onlyB: 1, neither: 0 });
    expect(report.rows[0]!.compared).toBe(2);
  });

  it('refuses fewer than two coders', () => {
    expect(() => computeAgreement(twoCoders({ coders: [{ id: 1, name: 'Ana' }] }))).toThrow(/two or more/);
  });
});
