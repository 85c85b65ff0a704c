/**
 * Inter-coder agreement statistics as pure functions over counts. Every result is a number or,
 * when there is nothing at all to compare, null; where a formula divides zero by zero the
 * result follows the usual convention and says so in `note`. Never NaN.
 *
 * References: Cohen (1960) for kappa; Krippendorff, "Computing Krippendorff's
 * Alpha-Reliability" (2011), for alpha with missing data (nominal metric).
 */

/** A statistic and, where its value rests on a convention or on little data, why. */
export type Stat = { value: number | null; note?: string };

/** What two coders did with each unit (a character, a turn) for one code. */
export type TwoByTwo = { both: number; onlyA: number; onlyB: number; neither: number };

export const emptyTable = (): TwoByTwo => ({ both: 0, onlyA: 0, onlyB: 0, neither: 0 });

export const tableTotal = (t: TwoByTwo): number => t.both + t.onlyA + t.onlyB + t.neither;

export function addTables(into: TwoByTwo, t: TwoByTwo): TwoByTwo {
  into.both += t.both;
  into.onlyA += t.onlyA;
  into.onlyB += t.onlyB;
  into.neither += t.neither;
  return into;
}

const NOTHING = 'Nothing to compare: no text both coders worked on.';

/** Share of units both coders put in the same category. */
export function percentAgreement(t: TwoByTwo): Stat {
  const n = tableTotal(t);
  if (n === 0) return { value: null, note: NOTHING };
  return { value: (t.both + t.neither) / n };
}

/**
 * How much of the agreement is text neither coder coded: with a code used sparingly, most
 * characters are agreed on because nobody coded them, which inflates percent agreement.
 */
export function neitherShare(t: TwoByTwo): Stat {
  const agreed = t.both + t.neither;
  if (agreed === 0) return tableTotal(t) === 0 ? { value: null, note: NOTHING } : { value: 0, note: 'The coders agree nowhere.' };
  return { value: t.neither / agreed };
}

/**
 * Cohen's kappa over a square table of counts (rows coder A's category, columns coder B's).
 * When chance agreement is 1 (both coders put everything in one and the same category) the
 * formula is 0/0; the coders then agree on every unit and kappa is reported as 1.
 */
export function cohenKappa(table: readonly (readonly number[])[]): Stat {
  const k = table.length;
  for (const row of table) if (row.length !== k) throw new Error('cohenKappa: the table must be square');
  let n = 0;
  let agreed = 0;
  const rows = new Array<number>(k).fill(0);
  const cols = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const x = table[i]![j]!;
      if (!(x >= 0)) throw new Error('cohenKappa: counts must be non-negative numbers');
      n += x;
      rows[i]! += x;
      cols[j]! += x;
      if (i === j) agreed += x;
    }
  }
  if (n === 0) return { value: null, note: NOTHING };
  const po = agreed / n;
  let pe = 0;
  for (let i = 0; i < k; i++) pe += (rows[i]! / n) * (cols[i]! / n);
  if (1 - pe < 1e-12) {
    return { value: 1, note: 'Only one category occurs (both coders coded everything, or nothing): kappa is 0/0 there and shown as 1, since the coders agree on every unit. Percent agreement says more here.' };
  }
  return { value: (po - pe) / (1 - pe) };
}

/** Kappa for one code: rows A coded / not, columns B coded / not. */
export const kappaOf = (t: TwoByTwo): Stat => cohenKappa([[t.both, t.onlyA], [t.onlyB, t.neither]]);

/**
 * A unit as alpha sees it: how many of the coders who rated it gave each category (only
 * coders with a value count: missing data leaves the unit's count lower), and how many such
 * units there are (`weight`, e.g. a run of characters with the same ratings).
 */
export type RatedUnit = { counts: readonly number[]; weight?: number };

/**
 * Krippendorff's alpha, nominal metric, with missing data: built from the coincidence matrix
 * of pairable values (units rated by at least two coders). With no pairable values there is
 * nothing to compute (null); when every pairable value is the same category, expected
 * disagreement is 0 and alpha is 0/0, reported as 1 with a note.
 */
export function alphaFromUnits(units: readonly RatedUnit[], categories: number): Stat {
  const o = Array.from({ length: categories }, () => new Array<number>(categories).fill(0));
  let pairable = 0;
  for (const u of units) {
    const w = u.weight ?? 1;
    if (w === 0) continue;
    const m = u.counts.reduce((a, b) => a + b, 0);
    if (m < 2) continue;
    pairable += m * w;
    for (let c = 0; c < categories; c++) {
      const nc = u.counts[c] ?? 0;
      if (nc === 0) continue;
      for (let k = 0; k < categories; k++) {
        const nk = u.counts[k] ?? 0;
        const pairs = c === k ? nc * (nc - 1) : nc * nk;
        if (pairs > 0) o[c]![k]! += (w * pairs) / (m - 1);
      }
    }
  }
  if (pairable === 0) return { value: null, note: 'Nothing to compare: no unit was rated by two or more coders.' };
  const marginals = o.map((row) => row.reduce((a, b) => a + b, 0));
  const n = marginals.reduce((a, b) => a + b, 0);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < categories; c++) {
    for (let k = 0; k < categories; k++) {
      if (c === k) continue;
      observed += o[c]![k]!;
      expected += marginals[c]! * marginals[k]!;
    }
  }
  if (expected === 0) {
    return { value: 1, note: 'Every value is the same category: alpha is 0/0 there and shown as 1. The coders agree, but data without variation cannot show reliability.' };
  }
  return { value: 1 - ((n - 1) * observed) / expected };
}

/**
 * Krippendorff's alpha (nominal) over a reliability data matrix: one row per coder, one column
 * per unit, null where a coder gave no value.
 */
export function krippendorffAlpha(data: readonly (readonly (string | number | null)[])[]): Stat {
  const categories = new Map<string | number, number>();
  const width = Math.max(0, ...data.map((row) => row.length));
  const units: number[][] = [];
  for (let u = 0; u < width; u++) {
    const counts: number[] = [];
    for (const row of data) {
      const v = row[u];
      if (v === null || v === undefined) continue;
      let c = categories.get(v);
      if (c === undefined) categories.set(v, (c = categories.size));
      counts[c] = (counts[c] ?? 0) + 1;
    }
    units.push(counts);
  }
  const k = categories.size;
  return alphaFromUnits(units.map((counts) => ({ counts: Array.from({ length: k }, (_, i) => counts[i] ?? 0) })), k);
}

/** The mean of values that exist; null when none does. */
export function meanStat(stats: readonly Stat[], note?: string): Stat {
  const values = stats.map((s) => s.value).filter((v): v is number => v !== null);
  if (values.length === 0) return { value: null, note: stats.find((s) => s.note)?.note ?? NOTHING };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return note ? { value: mean, note } : { value: mean };
}
