import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testHost, type TestHost } from '../../helpers/project.ts';
import { buildStudy, TEXTS, type Study } from './study.ts';

describe('coded excerpts', () => {
  let t: TestHost;
  let study: Study;
  beforeEach(async () => {
    t = testHost();
    study = await buildStudy(t);
  });
  afterEach(() => t.cleanup());

  it('lists every excerpt of a code and its descendants with participant, source, position and memo', async () => {
    const { codes, participants } = study.ids;
    await t.ok('memos.create', { targetKind: 'coding', targetId: study.codingIds[0]!, title: '', body: '<p>Employers first.</p>' });
    const page = await t.ok('analysis.excerpts', { codeIds: [codes['Why']!] });
    expect(page.total).toBe(9);
    const first = page.excerpts[0]!;
    expect(first).toMatchObject({
      codeName: 'Value',
      sourceName: 'Interview P1',
      participantLabel: 'P1',
      participantId: participants['P1'],
      unitKind: 'turn',
      unitNumber: 2,
      speaker: 'P1',
      coderName: 'tester',
    });
    expect(first.quote).toBe(TEXTS.t1.slice(0, TEXTS.t1.indexOf('skills.') + 7));
    expect(first.memos.join()).toContain('Employers first');
    expect(page.excerpts.find((e) => e.sourceName === 'Questionnaire')?.questionKey).toBe('Q2');
    const alone = await t.ok('analysis.excerpts', { codeIds: [codes['Why']!], includeDescendants: false });
    expect(alone.total).toBe(0);
  });

  it('filters by participant, attribute, unattributed text, source kind, coder and date', async () => {
    const { codes, participants, role } = study.ids;
    const why = [codes['Why']!];
    const total = async (extra: Record<string, unknown>) => (await t.ok('analysis.excerpts', { codeIds: why, ...extra })).total;
    expect(await total({ participantIds: [participants['P1']!] })).toBe(3);
    expect(await total({ participantIds: [participants['P4']!] })).toBe(0);
    expect(await total({ attribute: { attributeId: role, value: 'Expert' } })).toBe(5);
    expect(await total({ unattributed: true })).toBe(3);
    expect(await total({ participantIds: [participants['P3']!], unattributed: true })).toBe(4);
    expect(await total({ sourceKinds: ['document'] })).toBe(2);

    await t.ok('coders.setCurrent', { name: 'second' });
    const second = (await t.ok('codings.apply', { sourceId: study.ids.sources['Policy']!, codeId: codes['Value']!, start: 0, end: 12 })).id;
    const coders = await t.ok('coders.list', {});
    expect(await total({ coderIds: [coders.find((c) => c.name === 'second')!.id] })).toBe(1);
    t.host.current!.db.raw.prepare("UPDATE codings SET created_at = '2026-12-05T09:00:00.000Z' WHERE id = ?").run(second);
    expect(await total({ from: '2026-12-01' })).toBe(1);
    expect(await total({ to: '2026-11-30' })).toBe(9);
    const bad = await t.host.call('analysis.excerpts', { codeIds: why, from: '2026-12-01', to: '2026-11-01' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'from' } });
  });

  it('gives the same count as every frequency cell it drills down from', async () => {
    const { role } = study.ids;
    for (const columns of [{ kind: 'participant' as const }, { kind: 'attribute' as const, attributeId: role }]) {
      const m = await t.ok('analysis.frequency', { rows: { kind: 'codes' }, columns });
      for (const [i, r] of m.rows.entries()) {
        for (const [j, c] of m.columns.entries()) {
          const f = c.filter;
          const filter =
            f.kind === 'participant' ? { participantIds: [f.participantId] } : f.kind === 'unattributed' ? { unattributed: true } : { attribute: { attributeId: f.attributeId, value: f.value } };
          const page = await t.ok('analysis.excerpts', { codeIds: r.codeIds, includeDescendants: false, ...filter });
          expect(page.total, `${r.label} × ${c.label}`).toBe(m.values[i]![j]);
        }
      }
    }
  });

  it('expands an excerpt to the turns around it, with offsets into the source', async () => {
    const id = study.codingIds[4]!; // "A micro-credential is … unit." in P1's second turn
    const ctx = await t.ok('analysis.excerptContext', { codingId: id });
    const source = (await t.ok('sources.get', { id: ctx.sourceId })).text;
    expect(source.slice(ctx.windowStart, ctx.windowEnd)).toBe(ctx.text);
    expect(ctx.text).toContain(TEXTS.i2); // the interviewer's question before it
    expect(source.slice(ctx.codingStart, ctx.codingEnd)).toBe('A micro-credential is a small assessed unit.');
    const missing = await t.host.call('analysis.excerptContext', { codingId: 9999 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not_found', field: 'codingId' } });
  });

  it('keeps UTF-16 offsets around an emoji', async () => {
    const page = await t.ok('analysis.excerpts', { codeIds: [study.ids.codes['Value']!], sourceKinds: ['interview'] });
    const badge = page.excerpts.find((e) => e.quote.startsWith('the badge'))!;
    const source = (await t.ok('sources.get', { id: badge.sourceId })).text;
    expect(source.slice(badge.start, badge.end)).toBe(badge.quote);
    expect(badge.quote).toContain('🎓');
  });
});
