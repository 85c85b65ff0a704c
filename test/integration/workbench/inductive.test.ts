import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBench, type Bench } from './workbench-helpers.ts';

describe('inductive codes', () => {
  let b: Bench;
  beforeEach(async () => {
    b = await openBench();
  });
  afterEach(() => b.cleanup());

  it('creates a code from a passage: codes it and keeps the reason as a memo on the code', async () => {
    const source = await b.ok('sources.get', { id: 2 });
    const turn = source.units.find((u) => u.kind === 'turn' && !u.isInterviewer)!;
    const span = { sourceId: 2, start: turn.start, end: turn.start + 40 };
    const r = await b.ok('codes.createInductive', { ...span, name: 'Workload anxiety', memo: 'Staff worry about the\nassessment load.' });
    expect(r.code).toMatchObject({ name: 'Workload anxiety', origin: 'inductive', parentId: null, codingCount: 1 });
    expect(r.coding).toMatchObject({ ...span, codeId: r.code.id, quote: source.text.slice(span.start, span.end), participantId: turn.participantId });
    expect(r.memo).toMatchObject({ targetKind: 'code', targetId: r.code.id, text: 'Staff worry about the\nassessment load.' });
    expect(await b.ok('memos.forTarget', { targetKind: 'code', targetId: r.code.id })).toEqual([r.memo]);
    expect(b.audit().slice(-3).map((e) => `${e.action} ${e.entity}`)).toEqual(['create code', 'apply coding', 'create memo']);

    // One step for the researcher, one undo.
    expect((await b.ok('undo.state', {})).undoLabel).toBe('Create inductive code ‘Workload anxiety’');
    await b.ok('undo.undo', {});
    expect((await b.ok('codes.list', {})).some((c) => c.name === 'Workload anxiety')).toBe(false);
  });

  it('creates an inductive sub-code without a memo, in the parent’s colour', async () => {
    const why = await b.code('Why');
    const r = await b.ok('codes.createInductive', { sourceId: 1, start: 0, end: 12, name: 'Prestige', parentId: why.id });
    expect(r.memo).toBeNull();
    expect(r.code).toMatchObject({ parentId: why.id, color: why.color, origin: 'inductive' });
  });

  it('refuses bad input naming the field, changing nothing', async () => {
    const length = (await b.ok('sources.get', { id: 1 })).text.length;
    const before = b.snapshot();
    const cases: [unknown, string, string][] = [
      [{ sourceId: 1, start: 0, end: length + 1, name: 'X' }, 'invalid_input', 'end'],
      [{ sourceId: 1, start: 8, end: 8, name: 'X' }, 'invalid_input', 'end'],
      [{ sourceId: 99999, start: 0, end: 3, name: 'X' }, 'not_found', 'sourceId'],
      [{ sourceId: 1, start: 0, end: 3, name: '  ' }, 'invalid_input', 'name'],
      [{ sourceId: 1, start: 0, end: 3, name: 'intellectual PROPERTY' }, 'conflict', 'name'],
      [{ sourceId: 1, start: 0, end: 3, name: 'X', parentId: 99999 }, 'not_found', 'parentId'],
    ];
    for (const [input, code, field] of cases) {
      expect(await b.fails('codes.createInductive', input), JSON.stringify(input)).toMatchObject({ code, field });
    }
    expect(b.snapshot()).toEqual(before);
  });

  it('lists inductive codes newest first with their first evidence and why-memo', async () => {
    const demo = await b.ok('codes.inductiveList', {});
    expect(demo).toHaveLength(1);
    const ip = demo[0]!;
    expect(ip.code.name).toBe('Intellectual property');
    expect(ip.memo?.title).toBe('Why this category');
    expect(ip.firstEvidence).not.toBeNull();
    expect(ip).toMatchObject({ codingCount: 5, sourceCount: 4, createdBy: 'tester' });
    const evidence = ip.firstEvidence!;
    const source = await b.ok('sources.get', { id: evidence.sourceId });
    expect(evidence.sourceName).toBe(source.name);
    expect(source.text.slice(evidence.start, evidence.end)).toBe(evidence.quote);

    const pc = await b.ok('sources.get', { id: 3 });
    const turn = pc.units.find((u) => u.kind === 'turn' && !u.isInterviewer)!;
    const p = { sourceId: 3, start: turn.start, end: turn.start + 20 };
    const r = await b.ok('codes.createInductive', { ...p, name: 'Peer learning', memo: 'PC keeps returning to it.' });
    const list = await b.ok('codes.inductiveList', {});
    expect(list.map((i) => i.code.name)).toEqual(['Peer learning', 'Intellectual property']);
    expect(list[0]!.firstEvidence).toMatchObject({
      codingId: r.coding.id, sourceId: 3, sourceName: 'Interview with PC', quote: pc.text.slice(p.start, p.end), participantLabel: 'PC',
    });
    expect(list[0]).toMatchObject({ codingCount: 1, sourceCount: 1, participantCount: 1 });
    expect(list[0]!.memo!.text).toBe('PC keeps returning to it.');
  });
});
