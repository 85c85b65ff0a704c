import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testHost, type TestHost } from '../../helpers/project.ts';
import { buildStudy, TEXTS, type Study } from './study.ts';

/**
 * The frequency and co-occurrence tables as the analysis views call them: refusals that name
 * the missing code or attribute, the measure a table reports, and the passages behind a
 * co-occurrence cell (their order, the limit, whose passage it is, the code colours).
 */
describe('frequency and co-occurrence tables', () => {
  let t: TestHost;
  let study: Study;
  beforeEach(async () => {
    t = testHost();
    study = await buildStudy(t);
  });
  afterEach(() => t.cleanup());

  const text = async (name: string) => (await t.ok('sources.get', { id: study.ids.sources[name]! })).text;
  /** Codes the passage of `source` from `from` to the end of `to`. */
  const apply = async (source: string, codeId: number, from: string, to: string) => {
    const s = await text(source);
    const start = s.indexOf(from);
    const end = s.indexOf(to, start) + to.length;
    expect(start).toBeGreaterThanOrEqual(0);
    return (await t.ok('codings.apply', { sourceId: study.ids.sources[source]!, codeId, start, end })).id;
  };

  it('names the missing parent code of a children table', async () => {
    for (const method of ['analysis.frequency', 'analysis.cooccurrence']) {
      const input = method === 'analysis.frequency' ? { rows: { kind: 'children', parentId: 999 }, columns: { kind: 'participant' } } : { rows: { kind: 'children', parentId: 999 } };
      expect(await t.fails(method, input)).toMatchObject({ code: 'not_found', field: 'rows.parentId', message: 'Code 999 does not exist' });
    }
  });

  it('tabulates by any of several attributes and names a missing one', async () => {
    const sector = (await t.ok('attributes.define', { name: 'sector', type: 'category' })).id;
    await t.ok('participants.setAttribute', { participantId: study.ids.participants['P3']!, attributeId: sector, value: 'Public' });
    const byRole = await t.ok('analysis.frequency', { rows: { kind: 'codes' }, columns: { kind: 'attribute', attributeId: study.ids.role } });
    expect(byRole.columns.map((c) => c.label)).toContain('Expert');
    const bySector = await t.ok('analysis.frequency', { rows: { kind: 'codes' }, columns: { kind: 'attribute', attributeId: sector } });
    expect(bySector.columns.map((c) => c.label)).toContain('Public');
    const missing = await t.fails('analysis.frequency', { rows: { kind: 'codes' }, columns: { kind: 'attribute', attributeId: 999 } });
    expect(missing).toMatchObject({ code: 'not_found', field: 'columns.attributeId', message: 'Attribute 999 does not exist' });
  });

  it('reports a table of sources as counting sources', async () => {
    const m = await t.ok('analysis.frequency', { rows: { kind: 'codes' }, columns: { kind: 'participant' }, measure: 'sources' });
    expect(m.measure).toBe('sources');
    // Every source of the study holds at least one coding; codings number 16.
    expect(m.grandTotal).toBe(5);
    expect(m.codingCount).toBe(16);
  });

  describe('passages behind a co-occurrence cell', () => {
    it('lists passages source by source, each from its earliest coding, and cuts the list at the limit', async () => {
      const stacking = (await t.ok('codes.create', { name: 'Stacking', parentId: null })).id;
      const governance = (await t.ok('codes.create', { name: 'Governance', parentId: null })).id;
      // The policy is coded first, the interview afterwards.
      await apply('Policy', governance, 'lifelong learning', 'learning');
      await apply('Policy', stacking, 'Northbridge puts', 'first.');
      await apply('Interview P1', stacking, 'A micro-credential is', 'with us.'); // the whole last turn
      await apply('Interview P1', governance, 'small assessed', 'Its size');
      await apply('Interview P1', stacking, 'Its size', 'matters.');
      await apply('Interview P1', governance, 'Ownership', 'course');
      const p1 = await text('Interview P1');
      const policy = await text('Policy');
      const quotes = (r: { passages: { sourceName: string; codings: { start: number; end: number }[] }[] }) =>
        r.passages.map((p) => [p.sourceName, ...p.codings.map((c) => (p.sourceName === 'Policy' ? policy : p1).slice(c.start, c.end))]);

      const all = await t.ok('analysis.cooccurrencePassages', { codeIdsA: [stacking], codeIdsB: [governance] });
      expect(all.total).toBe(4);
      expect(quotes(all)).toEqual([
        ['Interview P1', TEXTS.t2, 'small assessed unit. Its size'],
        ['Interview P1', TEXTS.t2, 'Ownership of the course'],
        ['Interview P1', 'small assessed unit. Its size', 'Its size matters.'],
        ['Policy', 'Northbridge puts lifelong learning first.', 'lifelong learning'],
      ]);
      expect(all.passages.map((p) => p.text)).toEqual([TEXTS.t2, TEXTS.t2, 'small assessed unit. Its size matters.', 'Northbridge puts lifelong learning first.']);

      const two = await t.ok('analysis.cooccurrencePassages', { codeIdsA: [stacking], codeIdsB: [governance], limit: 2 });
      expect(two.total).toBe(4);
      expect(quotes(two)).toEqual(quotes(all).slice(0, 2));
    });

    it('credits a passage to the participant where it begins, and colours each coding as its code', async () => {
      const { codes } = study.ids;
      // "backs it too. … really?" (Definition) starts in P1's turn and runs into the interviewer's question.
      await apply('Interview P1', codes['How']!, 'And what is', 'really?');
      const r = await t.ok('analysis.cooccurrencePassages', { codeIdsA: [codes['How']!], codeIdsB: [codes['Definition']!] });
      expect(r.total).toBe(1);
      const p = r.passages[0]!;
      expect(p.participantLabel).toBe('P1');
      expect(p.text).toBe(`backs it too.\n\nInterviewer: ${TEXTS.i2}`);
      const colors = new Map((await t.ok('codes.list', {})).map((c) => [c.name, c.color]));
      expect(p.codings.map((c) => [c.codeName, c.color])).toEqual([
        ['Definition', colors.get('Definition')],
        ['How', colors.get('How')],
      ]);
      expect(new Set(p.codings.map((c) => c.color)).size).toBe(2);
    });
  });
});
