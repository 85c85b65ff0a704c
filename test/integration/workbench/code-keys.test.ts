import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBench, type Bench } from './workbench-helpers.ts';

const free = Array<number | null>(9).fill(null);

describe('number keys 1–9 for codes', () => {
  let b: Bench;
  beforeEach(async () => {
    b = await openBench();
  });
  afterEach(() => b.cleanup());

  const ids = async (...names: string[]) => Promise.all(names.map(async (n) => (await b.code(n)).id));

  it('are taken by first use and stay put, whatever is used after', async () => {
    expect(await b.ok('codes.keys', {})).toEqual(free);
    const codes = await b.ok('codes.list', {});
    const [first, second] = await ids('Definition', 'Accreditation');
    await b.ok('codes.claimKey', { codeId: first! });
    await b.ok('codes.claimKey', { codeId: second! });
    // Using them again, in any order, changes nothing.
    await b.ok('codes.claimKey', { codeId: second! });
    expect((await b.ok('codes.claimKey', { codeId: first! })).slice(0, 3)).toEqual([first, second, null]);
    // Nine keys, then none left: the tenth code gets no key and takes none from the others.
    for (const c of codes.filter((c) => c.id !== first && c.id !== second).slice(0, 8)) await b.ok('codes.claimKey', { codeId: c.id });
    const full = await b.ok('codes.keys', {});
    expect(full.every((k) => k !== null)).toBe(true);
    const tenth = codes.find((c) => !full.includes(c.id))!;
    expect(await b.ok('codes.claimKey', { codeId: tenth.id })).toEqual(full);
    // Undo and redo do not touch them: keys are not an undoable step.
    expect((await b.ok('undo.state', {})).canUndo).toBe(false);
  });

  it('move when the researcher puts a code on another key, and are kept when the project is reopened', async () => {
    const [a, c] = await ids('Definition', 'Flexibility');
    await b.ok('codes.claimKey', { codeId: a! });
    await b.ok('codes.claimKey', { codeId: c! });
    expect((await b.ok('codes.setKey', { key: 5, codeId: a! })).slice(0, 5)).toEqual([null, c, null, null, a]);
    expect((await b.ok('codes.setKey', { key: 2, codeId: null }))[1]).toBeNull();
    await b.reopen();
    expect((await b.ok('codes.keys', {}))[4]).toBe(a);
  });

  it('free the key of a deleted code, and give it back when the delete is undone', async () => {
    const [a] = await ids('Definition');
    await b.ok('codes.claimKey', { codeId: a! });
    await b.ok('codes.delete', { id: a! });
    expect((await b.ok('codes.keys', {}))[0]).toBeNull();
    await b.ok('undo.undo', {});
    expect((await b.ok('codes.keys', {}))[0]).toBe(a);
  });

  it('belong to each coder', async () => {
    const [a] = await ids('Definition');
    await b.ok('codes.claimKey', { codeId: a! });
    await b.ok('coders.setCurrent', { name: 'Second coder' });
    expect(await b.ok('codes.keys', {})).toEqual(free);
  });

  it('refuse a code that does not exist or a key outside 1–9, and change nothing', async () => {
    expect(await b.fails('codes.setKey', { key: 1, codeId: 99999 })).toMatchObject({ code: 'not_found', field: 'codeId' });
    expect(await b.fails('codes.setKey', { key: 10, codeId: null })).toMatchObject({ code: 'invalid_input' });
    expect(await b.fails('codes.claimKey', { codeId: 99999 })).toMatchObject({ code: 'not_found' });
    expect(await b.ok('codes.keys', {})).toEqual(free);
  });
});
