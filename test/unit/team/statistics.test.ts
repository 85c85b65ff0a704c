import { describe, expect, it } from 'vitest';
import { alphaFromUnits, cohenKappa, kappaOf, krippendorffAlpha, neitherShare, percentAgreement } from '../../../shared/domain/team/statistics.ts';

const finite = (v: number | null) => v === null || Number.isFinite(v);

describe('Cohen’s kappa', () => {
  it('is 0.40 on the 2×2 table [[20, 5], [10, 15]] (po 0.70, pe 0.50)', () => {
    expect(cohenKappa([[20, 5], [10, 15]]).value).toBeCloseTo(0.4, 10);
    expect(percentAgreement({ both: 20, onlyA: 5, onlyB: 10, neither: 15 }).value).toBeCloseTo(0.7, 10);
    expect(kappaOf({ both: 20, onlyA: 5, onlyB: 10, neither: 15 }).value).toBeCloseTo(0.4, 10);
  });

  it('matches a 3×3 table worked by hand', () => {
    // po = (25 + 30 + 15) / 100 = .70; rows and columns 35/40/25: pe = (35² + 40² + 25²) / 100² = .345
    const k = cohenKappa([[25, 5, 5], [5, 30, 5], [5, 5, 15]]);
    expect(k.value).toBeCloseTo((0.7 - 0.345) / (1 - 0.345), 10);
  });

  it('is 1 with a note when only one category occurs (both coded nothing, or everything)', () => {
    for (const t of [{ both: 0, onlyA: 0, onlyB: 0, neither: 500 }, { both: 500, onlyA: 0, onlyB: 0, neither: 0 }]) {
      const k = kappaOf(t);
      expect(k.value).toBe(1);
      expect(k.note).toMatch(/one category/);
      expect(percentAgreement(t).value).toBe(1);
    }
  });

  it('is 1 when the coders agree everywhere, and negative when they disagree more than chance', () => {
    expect(kappaOf({ both: 10, onlyA: 0, onlyB: 0, neither: 40 }).value).toBeCloseTo(1, 12);
    expect(kappaOf({ both: 0, onlyA: 25, onlyB: 25, neither: 0 }).value).toBeCloseTo(-1, 12);
  });

  it('has no value, and says why, when there is nothing to compare', () => {
    const t = { both: 0, onlyA: 0, onlyB: 0, neither: 0 };
    for (const s of [kappaOf(t), percentAgreement(t), neitherShare(t)]) {
      expect(s.value).toBeNull();
      expect(s.note).toMatch(/Nothing to compare/);
    }
  });

  it('refuses a table that is not square or holds a negative count', () => {
    expect(() => cohenKappa([[1, 2]])).toThrow(/square/);
    expect(() => cohenKappa([[1, -2], [0, 1]])).toThrow(/non-negative/);
  });
});

describe('share of agreement from text neither coded', () => {
  it('is the uncoded part of what the coders agree on', () => {
    expect(neitherShare({ both: 20, onlyA: 5, onlyB: 10, neither: 60 }).value).toBeCloseTo(0.75, 12);
    expect(neitherShare({ both: 0, onlyA: 5, onlyB: 5, neither: 0 })).toEqual({ value: 0, note: 'The coders agree nowhere.' });
  });
});

describe('Krippendorff’s alpha, nominal', () => {
  it('is 0.743 on Krippendorff’s reliability data: 4 coders × 12 units with missing values', () => {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C.
    const _ = null;
    const data = [
      [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
      [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
      [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
      [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
    ];
    expect(krippendorffAlpha(data).value).toBeCloseTo(0.743, 3);
  });

  it('is 0.095 on Krippendorff’s binary example: 2 coders × 10 units', () => {
    // Same paper, section A.
    expect(krippendorffAlpha([[0, 1, 0, 0, 0, 0, 0, 0, 1, 0], [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]]).value).toBeCloseTo(0.095, 3);
  });

  it('gives weighted units the same value as the units written out', () => {
    const rows = [[0, 0, 0, 1, 1, 0, 1, 0], [0, 1, 0, 1, 1, 0, 0, 0], [0, 0, null, 1, 1, 1, 0, 0]];
    const byHand = krippendorffAlpha(rows).value!;
    // The same as counts: [not coded, coded] per unit, equal units merged with a weight.
    const weighted = alphaFromUnits([
      { counts: [3, 0], weight: 2 },
      { counts: [2, 1], weight: 3 },
      { counts: [2, 0] },
      { counts: [0, 3], weight: 2 },
    ], 2).value!;
    expect(weighted).toBeCloseTo(byHand, 12);
  });

  it('is 1 with a note when every value is the same category', () => {
    const a = krippendorffAlpha([[1, 1, 1], [1, 1, null]]);
    expect(a.value).toBe(1);
    expect(a.note).toMatch(/same category/);
  });

  it('has no value when no unit has two values (one coder missing everywhere)', () => {
    const a = krippendorffAlpha([[1, 2, 1], [null, null, null]]);
    expect(a.value).toBeNull();
    expect(a.note).toMatch(/two or more coders/);
    expect(krippendorffAlpha([]).value).toBeNull();
  });

  it('ignores units one coder left out and is never NaN', () => {
    const full = krippendorffAlpha([[0, 1, 0, 1], [0, 1, 1, 1]]).value!;
    const withGap = krippendorffAlpha([[0, 1, 0, 1, 1], [0, 1, 1, 1, null]]).value!;
    expect(withGap).toBeCloseTo(full, 12);
    for (let seed = 1; seed < 200; seed++) {
      const rows = [0, 1, 2].map((r) => Array.from({ length: 5 }, (_, u) => ((seed * (r + 3) * (u + 7)) % 5 === 0 ? null : (seed * (u + r)) % 2)));
      expect(finite(krippendorffAlpha(rows).value)).toBe(true);
    }
  });
});
