import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CooccurrenceMatrix, FrequencyMatrix } from '../../../shared/domain/analysis/types.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';
import { expectedOverlapPairs, expectedUnitPairs, forCoders, frequencyAgreesWithReference, readRaw } from './reference.ts';
import { buildStudy, type Study } from './study.ts';

/**
 * Analysis of some coders' codings: the study's codings are the first coder's ('tester');
 * a second coder ('bea') codes some of the same passages, some others, and one the first
 * coder left alone. Each coder alone, both together and everyone (no coderIds) are checked
 * against the naive reference over the chosen coders' rows.
 */
describe('frequency and co-occurrence of chosen coders', () => {
  let t: TestHost;
  let study: Study;
  let tester: number;
  let bea: number;

  beforeEach(async () => {
    t = testHost();
    study = await buildStudy(t);
    const db = t.host.current!.db.raw;
    const text = (name: string) => (db.prepare('SELECT text FROM sources WHERE id = ?').get(study.ids.sources[name]!) as { text: string }).text;
    bea = (await t.ok('coders.setCurrent', { name: 'bea' })).id;
    const apply = async (source: string, from: string, to: string, code: string) => {
      const s = text(source);
      const start = s.indexOf(from);
      await t.ok('codings.apply', { sourceId: study.ids.sources[source]!, codeId: study.ids.codes[code]!, start, end: s.indexOf(to, start) + to.length });
    };
    await apply('Interview P1', 'value the badge', 'skills.', 'Value'); // inside tester's two Value codings
    await apply('Interview P1', 'because it shows', 'university strategy', 'Strategy'); // overlaps tester's Value and Strategy
    await apply('Interview P1', 'Its size', 'matters.', 'Size');
    await apply('Interview P2', 'Our employers', 'credits', 'Value'); // overlaps tester's Value there
    await apply('Questionnaire', 'Credits you can stack', 'stack.', 'Definition'); // P2's answer, which tester left uncoded
    await apply('Policy', 'materials remain', 'property', 'IP'); // inside tester's IP passage
    await t.ok('coders.setCurrent', { name: 'tester' });
    tester = (await t.ok('coders.list', {})).find((c) => c.name === 'tester')!.id;
  });
  afterEach(() => t.cleanup());

  const row = (m: FrequencyMatrix, label: string) => m.rowTotals[m.rows.findIndex((r) => r.label === label)]!;
  const frequency = (coderIds?: number[]) =>
    t.ok('analysis.frequency', { rows: { kind: 'codes' }, columns: { kind: 'participant' }, measure: 'codings', ...(coderIds ? { coderIds } : {}) });

  it('counts only the chosen coders\' codings, and everyone\'s when none are named', async () => {
    const all = await frequency();
    const mine = await frequency([tester]);
    const hers = await frequency([bea]);
    const both = await frequency([tester, bea]);
    // The study alone has 16 codings; bea added 6.
    expect([mine.codingCount, hers.codingCount, both.codingCount, all.codingCount]).toEqual([16, 6, 22, 22]);
    expect(both.values).toEqual(all.values);
    expect([row(mine, 'Value'), row(hers, 'Value'), row(both, 'Value')]).toEqual([5, 2, 7]);
    expect([row(mine, 'IP'), row(hers, 'IP')]).toEqual([2, 1]);
    // P2's questionnaire answer was coded Definition by bea only.
    const p2 = hers.columns.findIndex((c) => c.label === 'P2');
    const definition = hers.rows.findIndex((r) => r.label === 'Definition');
    expect([mine.values[definition]![p2], hers.values[definition]![p2]]).toEqual([0, 1]);
  });

  it('measures coverage as the union of the chosen coders\' ranges', async () => {
    const coverage = (coderIds?: number[]) =>
      t.ok('analysis.frequency', { rows: { kind: 'codes' }, columns: { kind: 'participant' }, measure: 'coverage', ...(coderIds ? { coderIds } : {}) });
    const [mine, hers, both] = [await coverage([tester]), await coverage([bea]), await coverage([tester, bea])];
    // bea's IP in Policy lies inside tester's: the union is tester's passage, not the sum (Policy is unattributed).
    const unattributed = both.columns.findIndex((c) => c.filter.kind === 'unattributed');
    const ip = both.rows.findIndex((r) => r.label === 'IP');
    expect(both.values[ip]![unattributed]).toBeCloseTo(mine.values[ip]![unattributed]!, 12);
    expect(hers.values[ip]![unattributed]).toBeGreaterThan(0);
    // bea's Strategy reaches past tester's: together they cover more than either alone.
    const p1 = both.columns.findIndex((c) => c.label === 'P1');
    const strategy = both.rows.findIndex((r) => r.label === 'Strategy');
    expect(both.values[strategy]![p1]).toBeGreaterThan(Math.max(mine.values[strategy]![p1]!, hers.values[strategy]![p1]!));
    // The text measured against is the same whoever coded.
    expect(hers.columnTextLength).toEqual(mine.columnTextLength);
  });

  it('agrees with the naive count for each coder alone, both together and everyone', async () => {
    for (const coders of [[tester], [bea], [tester, bea], undefined]) {
      expect(await frequencyAgreesWithReference(t, study, coders)).toBeGreaterThan(600);
    }
  });

  it('counts co-occurrence over the chosen coders\' codings, pairs across coders only when both are chosen', async () => {
    const raw = readRaw(t.host.current!.db);
    const cooccurrence = (mode: 'overlap' | 'unit', coderIds?: number[]) =>
      t.ok('analysis.cooccurrence', { rows: { kind: 'codes' }, mode, ...(coderIds ? { coderIds } : {}) });
    const pairsOf = (m: CooccurrenceMatrix, a: string, b: string) => m.counts[m.rows.findIndex((r) => r.label === a)]![m.rows.findIndex((r) => r.label === b)]!;
    for (const coders of [[tester], [bea], [tester, bea], undefined]) {
      const chosen = forCoders(raw, coders);
      for (const mode of ['overlap', 'unit'] as const) {
        const m = await cooccurrence(mode, coders);
        m.rows.forEach((a, i) => m.rows.forEach((b, j) => {
          const want = i === j
            ? chosen.codings.filter((c) => a.codeIds.includes(c.code_id)).length
            : (mode === 'overlap' ? expectedOverlapPairs : expectedUnitPairs)(chosen, a.codeIds, b.codeIds);
          expect(m.counts[i]![j], `${mode} ${a.label} × ${b.label}, coders ${coders?.join(',') ?? 'all'}`).toBe(want);
        }));
      }
    }
    // tester's Value "Employers value … skills." overlaps bea's Strategy: in neither coder alone.
    const mine = await cooccurrence('overlap', [tester]);
    const hers = await cooccurrence('overlap', [bea]);
    const both = await cooccurrence('overlap', [tester, bea]);
    expect(pairsOf(both, 'Value', 'Strategy')).toBeGreaterThan(pairsOf(mine, 'Value', 'Strategy') + pairsOf(hers, 'Value', 'Strategy'));
  });

  it('drills down to the passages of the chosen coders', async () => {
    const { codes } = study.ids;
    const passages = (coderIds?: number[]) =>
      t.ok('analysis.cooccurrencePassages', { codeIdsA: [codes['Value']!], codeIdsB: [codes['Strategy']!], mode: 'overlap', ...(coderIds ? { coderIds } : {}) });
    const [mine, hers, both] = [await passages([tester]), await passages([bea]), await passages([tester, bea])];
    const raw = readRaw(t.host.current!.db);
    expect(mine.total).toBe(expectedOverlapPairs(forCoders(raw, [tester]), [codes['Value']!], [codes['Strategy']!]));
    expect(hers.total).toBe(expectedOverlapPairs(forCoders(raw, [bea]), [codes['Value']!], [codes['Strategy']!]));
    expect(both.total).toBe(expectedOverlapPairs(raw, [codes['Value']!], [codes['Strategy']!]));
    const beaCodings = new Set(raw.codings.filter((c) => c.coder_id === bea).map((c) => c.id));
    expect(hers.passages.flatMap((p) => p.codings).every((c) => beaCodings.has(c.id))).toBe(true);
  });

  it('refuses an empty list of coders and names the field', async () => {
    const r = await t.host.call('analysis.frequency', { rows: { kind: 'codes' }, columns: { kind: 'participant' }, coderIds: [] });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.stringify(r)).toContain('coderIds');
  });
});
