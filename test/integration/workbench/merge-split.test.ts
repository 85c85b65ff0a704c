import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBench, type Bench } from './workbench-helpers.ts';

describe('restructuring the codebook', () => {
  let b: Bench;
  beforeEach(async () => {
    b = await openBench();
  });
  afterEach(() => b.cleanup());

  it('merges a code into another: codings move, exact duplicates collapse, memos, links and sub-codes follow', async () => {
    const flex = await b.code('Flexibility');
    const def = await b.code('Definition');
    // A Definition passage also coded Flexibility: after the merge it is one coding, not two.
    const [shared] = await b.ok('codings.listForCode', { codeId: def.id });
    const dup = await b.ok('codings.apply', { sourceId: shared!.sourceId, codeId: flex.id, start: shared!.start, end: shared!.end });
    await b.ok('memos.create', { targetKind: 'coding', targetId: dup.id, title: '', body: '<p>on the duplicate</p>' });
    const why = await b.ok('memos.create', { targetKind: 'code', targetId: flex.id, title: 'Scope', body: '<p>pace, place, path</p>' });
    const pace = await b.ok('codes.create', { name: 'Pace', parentId: flex.id });

    const r = await b.ok('codes.merge', { sourceIds: [flex.id], targetId: def.id });
    expect(r).toMatchObject({ moved: flex.codingCount, collapsed: 1, mergedCodes: 1, reparented: 1 });
    expect(r.target.codingCount).toBe(def.codingCount + flex.codingCount);
    expect(r.target.elementIds.sort()).toEqual([...new Set([...def.elementIds, ...flex.elementIds])].sort());
    const codes = await b.ok('codes.list', {});
    expect(codes.some((c) => c.name === 'Flexibility')).toBe(false);
    expect(codes.find((c) => c.id === pace.id)!.parentId).toBe(def.id);
    expect((await b.ok('memos.get', { id: why.id })).targetId).toBe(def.id);
    expect((await b.ok('codings.get', { id: shared!.id })).memoCount).toBe(shared!.memoCount + 1);
    expect(b.audit().at(-1)).toMatchObject({ action: 'merge', entity: 'code', entityId: def.id });
  });

  it('merges several codes at once, including one nested in another', async () => {
    const flex = await b.code('Flexibility');
    const val = await b.code('Value added');
    const nested = await b.ok('codes.create', { name: 'Stackable', parentId: flex.id });
    await b.ok('codings.apply', { sourceId: 1, codeId: nested.id, start: 0, end: 12 });
    const def = await b.code('Definition');
    const r = await b.ok('codes.merge', { sourceIds: [flex.id, nested.id, val.id], targetId: def.id });
    expect(r).toMatchObject({ mergedCodes: 3, reparented: 0, moved: flex.codingCount + val.codingCount + 1, collapsed: 0 });
    expect((await b.ok('undo.state', {})).undoLabel).toBe('Merge 3 codes into ‘Definition’');
  });

  it('refuses merges that cannot be done, changing nothing', async () => {
    const what = await b.code('What');
    const def = await b.code('Definition');
    const flex = await b.code('Flexibility');
    await b.ok('codes.create', { name: 'Pace', parentId: flex.id });
    await b.ok('codes.create', { name: 'pace', parentId: def.id });
    const before = b.snapshot();
    expect(await b.fails('codes.merge', { sourceIds: [what.id], targetId: def.id })).toMatchObject({ code: 'invalid_input', field: 'targetId' });
    expect(await b.fails('codes.merge', { sourceIds: [def.id], targetId: def.id })).toMatchObject({ code: 'invalid_input', field: 'sourceIds' });
    expect(await b.fails('codes.merge', { sourceIds: [flex.id, flex.id], targetId: def.id })).toMatchObject({ field: 'sourceIds' });
    expect(await b.fails('codes.merge', { sourceIds: [], targetId: def.id })).toMatchObject({ field: 'sourceIds' });
    expect(await b.fails('codes.merge', { sourceIds: [99999], targetId: def.id })).toMatchObject({ code: 'not_found', field: 'sourceIds' });
    const clash = await b.fails('codes.merge', { sourceIds: [flex.id], targetId: def.id });
    expect(clash).toMatchObject({ code: 'conflict', field: 'sourceIds' });
    expect(clash.message).toMatch(/already has a sub-code named ‘Pace’/);
    expect(b.snapshot()).toEqual(before);
  });

  it('splits chosen codings off into a new sub-code', async () => {
    const def = await b.code('Definition');
    const codings = await b.ok('codings.listForCode', { codeId: def.id });
    const chosen = codings.slice(0, 2).map((c) => c.id);
    const r = await b.ok('codes.split', { id: def.id, codingIds: chosen, name: 'Size and scope' });
    expect(r.moved).toBe(2);
    expect(r.code).toMatchObject({ parentId: def.id, name: 'Size and scope', color: def.color, codingCount: 2, origin: 'deductive' });
    expect((await b.code('Definition')).codingCount).toBe(def.codingCount - 2);
    expect((await b.ok('codings.listForCode', { codeId: r.code.id })).map((c) => c.id).sort()).toEqual([...chosen].sort());
  });

  it('refuses a split with codings of another code or a taken name, changing nothing', async () => {
    const def = await b.code('Definition');
    const flex = await b.code('Flexibility');
    const [other] = await b.ok('codings.listForCode', { codeId: flex.id });
    const [mine] = await b.ok('codings.listForCode', { codeId: def.id });
    await b.ok('codes.create', { name: 'Scope', parentId: def.id });
    const before = b.snapshot();
    const wrong = await b.fails('codes.split', { id: def.id, codingIds: [mine!.id, other!.id], name: 'Size' });
    expect(wrong).toMatchObject({ code: 'invalid_input', field: 'codingIds' });
    expect(wrong.message).toMatch(/belongs to ‘Flexibility’, not ‘Definition’/);
    expect(await b.fails('codes.split', { id: def.id, codingIds: [mine!.id], name: 'scope' })).toMatchObject({ code: 'conflict', field: 'name' });
    expect(await b.fails('codes.split', { id: def.id, codingIds: [], name: 'Size' })).toMatchObject({ code: 'invalid_input', field: 'codingIds' });
    expect(b.snapshot()).toEqual(before);
  });

  it('refuses to move a code under itself or its own sub-code', async () => {
    const what = await b.code('What');
    const def = await b.code('Definition');
    const before = b.snapshot();
    expect(await b.fails('codes.move', { id: what.id, parentId: def.id })).toMatchObject({ code: 'invalid_input', field: 'parentId' });
    expect(await b.fails('codes.move', { id: what.id, parentId: what.id })).toMatchObject({ code: 'invalid_input', field: 'parentId' });
    expect(b.snapshot()).toEqual(before);
    expect((await b.ok('undo.state', {})).canUndo).toBe(false);
  });

  it('tells what a delete will remove, and removes exactly that', async () => {
    const what = await b.code('What');
    const impact = await b.ok('codes.deleteImpact', { id: what.id });
    const def = await b.code('Definition');
    const flex = await b.code('Flexibility');
    expect(impact.codes).toBe(3);
    expect(impact.memos).toBeGreaterThan(0);
    expect(impact.codings).toBe(def.codingCount + flex.codingCount);
    const info = await b.ok('project.info', {});
    const r = await b.ok('codes.delete', { id: what.id });
    expect(r).toEqual({ deletedCodes: impact.codes, deletedCodings: impact.codings });
    const after = (await b.ok('project.info', {})).counts;
    expect(after.codes).toBe(info.counts.codes - impact.codes);
    expect(after.codings).toBe(info.counts.codings - impact.codings);
    expect(after.memos).toBe(info.counts.memos - impact.memos);
  });
});
