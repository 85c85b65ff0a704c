import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CooccurrenceMatrix } from '../../../shared/domain/analysis/types.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';
import { expectedOverlapPairs, readRaw } from './reference.ts';
import { buildStudy, type Study } from './study.ts';

describe('co-occurrence of codes', () => {
  let t: TestHost;
  let study: Study;
  beforeEach(async () => {
    t = testHost();
    study = await buildStudy(t);
  });
  afterEach(() => t.cleanup());

  const named = (m: CooccurrenceMatrix) => {
    const out: Record<string, number> = {};
    m.rows.forEach((a, i) => m.rows.forEach((b, j) => {
      if (i < j && m.counts[i]![j]! > 0) out[`${a.label} + ${b.label}`] = m.counts[i]![j]!;
    }));
    return out;
  };

  it('counts pairs of codings that overlap in the text, each code alone', async () => {
    const m = await t.ok('analysis.cooccurrence', { rows: { kind: 'codes' }, mode: 'overlap' });
    // Parents with children list their own codings as "(coded directly)"; a coding sits in one row only.
    expect(m.rows.map((r) => r.label)).toEqual(['Value', 'Strategy', 'Definition (coded directly)', 'Size', 'Empty', 'How', 'IP']);
    expect(named(m)).toEqual({
      'Value + Strategy': 1, // "university" is in both; the two Value codings overlap each other but that is one row
      'Strategy + Definition (coded directly)': 1,
      'Definition (coded directly) + Size': 1,
    });
    expect(m.counts.map((r, i) => r[i])).toEqual([5, 4, 3, 2, 0, 0, 2]);
    // Symmetric.
    m.counts.forEach((r, i) => r.forEach((v, j) => expect(v).toBe(m.counts[j]![i])));
  });

  it('agrees with comparing every pair of codings, for sections too', async () => {
    const raw = readRaw(t.host.current!.db);
    for (const rows of [{ kind: 'codes' as const }, { kind: 'sections' as const }]) {
      const m = await t.ok('analysis.cooccurrence', { rows, mode: 'overlap' });
      m.rows.forEach((a, i) => m.rows.forEach((b, j) => {
        if (i !== j) expect(m.counts[i]![j], `${a.label} × ${b.label}`).toBe(expectedOverlapPairs(raw, a.codeIds, b.codeIds));
      }));
    }
    const sections = await t.ok('analysis.cooccurrence', { rows: { kind: 'sections' }, mode: 'overlap' });
    expect(named(sections)).toEqual({ 'Why + What': 1 });
  });

  it('counts pairs that share a unit, whether or not they overlap', async () => {
    const m = await t.ok('analysis.cooccurrence', { rows: { kind: 'codes' }, mode: 'unit' });
    expect(named(m)).toEqual({
      'Value + Strategy': 2,
      'Value + Definition (coded directly)': 2,
      'Strategy + Definition (coded directly)': 1,
      'Definition (coded directly) + Size': 1,
      'Definition (coded directly) + IP': 1,
      'Size + IP': 1,
    });
  });

  it('drills down to the passages behind a cell', async () => {
    const { codes } = study.ids;
    const r = await t.ok('analysis.cooccurrencePassages', { codeIdsA: [codes['Value']!], codeIdsB: [codes['Strategy']!], mode: 'overlap' });
    expect(r.total).toBe(1);
    const p = r.passages[0]!;
    expect(p.sourceName).toBe('Interview P1');
    expect(p.participantLabel).toBe('P1');
    expect(p.text.startsWith('the badge')).toBe(true);
    expect(p.text.endsWith('too.')).toBe(true);
    expect(p.codings.map((c) => c.codeName).sort()).toEqual(['Strategy', 'Value']);
    const units = await t.ok('analysis.cooccurrencePassages', { codeIdsA: [codes['Value']!], codeIdsB: [codes['Definition']!], mode: 'unit' });
    expect(units.total).toBe(2);
    expect(units.passages.every((x) => x.text.startsWith('Employers value the badge'))).toBe(true);
  });
});
