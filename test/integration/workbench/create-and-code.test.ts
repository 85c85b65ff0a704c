import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIVE_QUESTIONS } from '../../../shared/domain/scheme.ts';
import { openBench, passage, type Bench } from './workbench-helpers.ts';

describe('a new code and its first coding, as one step', () => {
  let b: Bench;
  beforeEach(async () => {
    b = await openBench();
  });
  afterEach(() => b.cleanup());

  it('in vivo: one undo takes away both the code and the coding, one redo brings both back', async () => {
    const before = b.snapshot();
    const span = await passage(b, 1, 'lifelong learning');
    const r = await b.ok('codes.createAndCode', { name: 'lifelong learning', inVivo: true, target: { kind: 'passage', ...span } });
    expect(r.code).toMatchObject({ name: 'lifelong learning', origin: 'inductive', parentId: null, codingCount: 1 });
    expect(r.coding).toMatchObject({ ...span, codeId: r.code.id, quote: 'lifelong learning' });
    expect((await b.ok('undo.state', {})).undoLabel).toBe('In-vivo code ‘lifelong learning’');
    await b.ok('undo.undo', {});
    expect(b.snapshot()).toEqual(before);
    expect((await b.ok('undo.state', {})).canUndo).toBe(false);
    await b.ok('undo.redo', {});
    expect(await b.ok('codings.get', { id: r.coding.id })).toMatchObject({ codeId: r.code.id });
  });

  it('codes a whole unit, or recodes a coding, in the same one step', async () => {
    const source = await b.ok('sources.get', { id: 1 });
    const turn = source.units.find((u) => u.kind === 'turn' && !u.isInterviewer)!;
    const unit = await b.ok('codes.createAndCode', { name: 'Employer demand', target: { kind: 'unit', unitId: turn.id } });
    expect(unit.coding).toMatchObject({ sourceId: 1, codeId: unit.code.id });
    expect((await b.ok('undo.state', {})).undoLabel).toBe('New code ‘Employer demand’');

    const coding = (await b.ok('codings.listForSource', { sourceId: 1 }))[0]!;
    const recode = await b.ok('codes.createAndCode', { name: 'Alumni ties', target: { kind: 'recode', codingId: coding.id } });
    expect(recode.coding).toMatchObject({ id: coding.id, codeId: recode.code.id });
    await b.ok('undo.undo', {});
    expect((await b.ok('codings.get', { id: coding.id })).codeId).toBe(coding.codeId);
    expect((await b.ok('codes.list', {})).some((c) => c.name === 'Alumni ties')).toBe(false);
  });

  it('gives a new category a colour of its own, not a scheme section’s', async () => {
    const sections = FIVE_QUESTIONS.map((s) => s.color);
    const a = await b.ok('codes.createAndCode', { name: 'Workload', target: { kind: 'passage', ...(await passage(b, 1, 'lifelong learning')) } });
    const c = await b.ok('codes.createInductive', { ...(await passage(b, 1, 'widening access')), name: 'Access' });
    const d = await b.ok('codes.create', { name: 'Deductive extra', parentId: null });
    const demo = (await b.code('Intellectual property')).color;
    for (const color of [a.code.color, c.code.color, d.color]) {
      expect(sections).not.toContain(color);
      expect(color).not.toBe(demo);
    }
    expect(new Set([a.code.color, c.code.color, d.color]).size).toBe(3);
  });

  it('refuses bad input, naming the field, and leaves no code behind', async () => {
    const before = b.snapshot();
    const cases: [unknown, string, string][] = [
      [{ name: 'X', target: { kind: 'passage', sourceId: 1, start: 5, end: 5 } }, 'invalid_input', 'target.end'],
      [{ name: 'X', target: { kind: 'passage', sourceId: 99999, start: 0, end: 5 } }, 'not_found', 'sourceId'],
      [{ name: 'X', target: { kind: 'unit', unitId: 99999 } }, 'not_found', 'unitId'],
      [{ name: 'X', target: { kind: 'recode', codingId: 99999 } }, 'not_found', 'id'],
      [{ name: 'Intellectual property', target: { kind: 'passage', sourceId: 1, start: 0, end: 5 } }, 'conflict', 'name'],
      [{ name: 'X', target: { kind: 'elsewhere' } }, 'invalid_input', 'target.kind'],
    ];
    for (const [input, code, field] of cases) {
      expect(await b.fails('codes.createAndCode', input), JSON.stringify(input)).toMatchObject({ code, field });
    }
    expect(b.snapshot()).toEqual(before);
  });
});
