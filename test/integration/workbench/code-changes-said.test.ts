import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBench, type Bench } from './workbench-helpers.ts';

/**
 * What creating a code from the data, merging and splitting say to the researcher: the refusal
 * that names what is wrong, the undo label, and what the audit trail records.
 */

let b: Bench;
beforeEach(async () => {
  b = await openBench();
});
afterEach(() => b.cleanup());

const lastAudit = () => b.audit().at(-1)!;
const undoLabel = async () => (await b.ok('undo.state', {})).undoLabel;

describe('an inductive code made from a passage', () => {
  it('says which source or parent does not exist, and which name is taken', async () => {
    expect(await b.fails('codes.createInductive', { sourceId: 99999, start: 0, end: 3, name: 'X' })).toMatchObject({ message: 'Source 99999 does not exist' });
    expect(await b.fails('codes.createInductive', { sourceId: 1, start: 0, end: 3, name: 'X', parentId: 99999 })).toMatchObject({ message: 'Parent code 99999 does not exist' });
    expect(await b.fails('codes.createInductive', { sourceId: 1, start: 0, end: 3, name: 'intellectual PROPERTY' })).toMatchObject({
      message: 'A code named ‘intellectual PROPERTY’ already exists at that level of the codebook',
    });
  });

  it('keeps a colour given as typed in lower case, and the reason trimmed as a memo titled “Why this category”', async () => {
    const r = await b.ok('codes.createInductive', { sourceId: 1, start: 0, end: 12, name: 'Prestige', color: '#AA33CC', memo: '  Comes up unprompted.  ' });
    expect(r.code.color).toBe('#aa33cc');
    expect(r.memo).toMatchObject({ title: 'Why this category', text: 'Comes up unprompted.' });
    expect(b.audit().slice(-3).map((e) => [e.action, e.entity, JSON.parse(e.detail) as unknown])).toEqual([
      ['create', 'code', { name: 'Prestige', parentId: null, origin: 'inductive' }],
      ['apply', 'coding', { sourceId: 1, codeId: r.code.id, start: 0, end: 12 }],
      ['create', 'memo', { targetKind: 'code', targetId: r.code.id, title: 'Why this category' }],
    ]);
  });

  it('writes no memo for a reason of only spaces', async () => {
    const r = await b.ok('codes.createInductive', { sourceId: 1, start: 0, end: 12, name: 'Prestige', memo: '   \n ' });
    expect(r.memo).toBeNull();
    expect(await b.ok('memos.forTarget', { targetKind: 'code', targetId: r.code.id })).toEqual([]);
  });
});

describe('a new code applied at once', () => {
  it('is one undo step named for what was done: new, in vivo, or a passage recoded', async () => {
    await b.ok('codes.createAndCode', { name: 'Employer pull', target: { kind: 'passage', sourceId: 1, start: 0, end: 12 } });
    expect(await undoLabel()).toBe('New code ‘Employer pull’');
    await b.ok('codes.createAndCode', { name: 'making time', inVivo: true, target: { kind: 'passage', sourceId: 1, start: 20, end: 31 } });
    expect(await undoLabel()).toBe('In-vivo code ‘making time’');
    const coding = (await b.ok('codings.listForCode', { codeId: (await b.code('Definition')).id }))[0]!;
    const r = await b.ok('codes.createAndCode', { name: 'Scope', target: { kind: 'recode', codingId: coding.id } });
    expect(await undoLabel()).toBe('Recode passage as new code ‘Scope’');
    expect(r.coding).toMatchObject({ id: coding.id, codeId: r.code.id });
    await b.ok('undo.undo', {});
    expect((await b.ok('codings.listForCode', { codeId: (await b.code('Definition')).id })).map((c) => c.id)).toContain(coding.id);
  });
});

describe('merging codes', () => {
  it('says which code does not exist, in the field that names it', async () => {
    const def = await b.code('Definition');
    expect(await b.fails('codes.merge', { sourceIds: [def.id], targetId: 99999 })).toMatchObject({ code: 'not_found', field: 'targetId', message: 'Code 99999 does not exist' });
    expect(await b.fails('codes.merge', { sourceIds: [99998], targetId: def.id })).toMatchObject({ code: 'not_found', field: 'sourceIds', message: 'Code 99998 does not exist' });
  });

  it('refuses a code merged into itself or into one under it, saying why', async () => {
    const what = await b.code('What');
    const def = await b.code('Definition');
    expect(await b.fails('codes.merge', { sourceIds: [def.id], targetId: def.id })).toMatchObject({ message: '‘Definition’ cannot be merged into itself' });
    expect(await b.fails('codes.merge', { sourceIds: [what.id], targetId: def.id })).toMatchObject({
      field: 'targetId',
      message: '‘Definition’ lies under ‘What’, which the merge removes; merge into a code outside it',
    });
  });

  it('records in the audit trail which codes went into which', async () => {
    const flex = await b.code('Flexibility');
    const def = await b.code('Definition');
    const r = await b.ok('codes.merge', { sourceIds: [flex.id], targetId: def.id });
    expect(lastAudit()).toMatchObject({ action: 'merge', entity: 'code', entityId: def.id });
    expect(JSON.parse(lastAudit().detail)).toMatchObject({ merged: [{ id: flex.id, name: 'Flexibility' }], moved: r.moved, collapsed: r.collapsed });
  });
});

describe('splitting a code', () => {
  it('says which coding does not exist, and which sub-code name is taken', async () => {
    const def = await b.code('Definition');
    expect(await b.fails('codes.split', { id: def.id, codingIds: [99999], name: 'Scope' })).toMatchObject({ code: 'not_found', field: 'codingIds', message: 'Coding 99999 does not exist' });
    expect(await b.fails('codes.split', { id: 99999, codingIds: [1], name: 'Scope' })).toMatchObject({ code: 'not_found', message: 'Code 99999 does not exist' });
    const codings = await b.ok('codings.listForCode', { codeId: def.id });
    await b.ok('codes.split', { id: def.id, codingIds: [codings[0]!.id], name: 'Scope' });
    expect(await b.fails('codes.split', { id: def.id, codingIds: [codings[1]!.id], name: 'Scope' })).toMatchObject({ code: 'conflict', message: '‘Definition’ already has a sub-code named ‘Scope’' });
  });

  it('records the new code and the codings moved into it', async () => {
    const def = await b.code('Definition');
    const codings = await b.ok('codings.listForCode', { codeId: def.id });
    const r = await b.ok('codes.split', { id: def.id, codingIds: codings.slice(0, 2).map((c) => c.id), name: 'Scope' });
    expect(lastAudit()).toMatchObject({ action: 'split', entity: 'code', entityId: def.id });
    expect(JSON.parse(lastAudit().detail)).toEqual({ into: r.code.id, name: 'Scope', codings: 2 });
    expect(await b.fails('codes.deleteImpact', { id: 99999 })).toMatchObject({ code: 'not_found', message: 'Code 99999 does not exist' });
  });
});
