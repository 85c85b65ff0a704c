import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { prepareRecording, recordOperation } from '../../../electron/backend/undo/recorder.ts';
import { TRACKED_TABLES, UNTRACKED_TABLES } from '../../../electron/backend/undo/tables.ts';
import { openBench, type Bench } from './workbench-helpers.ts';

/** One user action each, on the demo project; returns the label the Undo button should show. */
const actions: Record<string, (b: Bench) => Promise<string>> = {
  merge: async (b) => {
    const flex = await b.code('Flexibility');
    const def = await b.code('Definition');
    await b.ok('codes.merge', { sourceIds: [flex.id], targetId: def.id });
    return 'Merge ‘Flexibility’ into ‘Definition’';
  },
  split: async (b) => {
    const def = await b.code('Definition');
    const codings = await b.ok('codings.listForCode', { codeId: def.id });
    await b.ok('codes.split', { id: def.id, codingIds: codings.slice(0, 3).map((c) => c.id), name: 'Size and scope' });
    return 'Split ‘Size and scope’ off ‘Definition’';
  },
  move: async (b) => {
    const acc = await b.code('Accreditation');
    const what = await b.code('What');
    await b.ok('codes.move', { id: acc.id, parentId: what.id, position: 0 });
    return 'Move ‘Accreditation’';
  },
  delete: async (b) => {
    // "What" holds two categories, their codings, memos on codings and framework links.
    await b.ok('codes.delete', { id: (await b.code('What')).id });
    return 'Delete ‘What’';
  },
  rename: async (b) => {
    await b.ok('codes.rename', { id: (await b.code('Value added')).id, name: 'Added value' });
    return 'Rename ‘Value added’ to ‘Added value’';
  },
  apply: async (b) => {
    await b.ok('codings.apply', { sourceId: 1, codeId: (await b.code('Flexibility')).id, start: 0, end: 30 });
    return 'Code passage with ‘Flexibility’';
  },
  remove: async (b) => {
    // A coding that carries a memo: the memo goes with it, and must come back with it.
    const raw = b.host.current!.db.raw;
    const { id } = raw.prepare("SELECT target_id AS id FROM memos WHERE target_kind = 'coding' ORDER BY id LIMIT 1").get() as { id: number };
    const coding = await b.ok('codings.get', { id });
    await b.ok('codings.remove', { id });
    return `Remove coding ‘${(await b.ok('codes.list', {})).find((c) => c.id === coding.codeId)!.name}’`;
  },
};

/** The audit entry each action writes (its last one). */
const AUDITED: Record<string, string> = {
  merge: 'merge code',
  split: 'split code',
  move: 'move code',
  delete: 'delete code',
  rename: 'rename code',
  apply: 'apply coding',
  remove: 'remove coding',
};

describe.each(Object.keys(actions))('undo and redo of %s', (name) => {
  const act = actions[name]!;
  let b: Bench;
  beforeEach(async () => {
    b = await openBench();
  });
  afterEach(() => b.cleanup());

  it('undo restores the exact prior state, redo re-applies it, both are audited', async () => {
    const before = b.snapshot();
    expect(await b.ok('undo.state', {})).toEqual({ canUndo: false, undoLabel: null, canRedo: false, redoLabel: null });
    const label = await act(b);
    const after = b.snapshot();
    expect(after).not.toEqual(before);
    expect(await b.ok('undo.state', {})).toEqual({ canUndo: true, undoLabel: label, canRedo: false, redoLabel: null });

    const undone = await b.ok('undo.undo', {});
    expect(undone.label).toBe(label);
    expect(undone.state).toEqual({ canUndo: false, undoLabel: null, canRedo: true, redoLabel: label });
    expect(b.snapshot()).toEqual(before);

    const redone = await b.ok('undo.redo', {});
    expect(redone.label).toBe(label);
    expect(b.snapshot()).toEqual(after);
    expect(redone.state).toEqual({ canUndo: true, undoLabel: label, canRedo: false, redoLabel: null });

    const trail = b.audit().slice(-3);
    expect(trail.map((e) => `${e.action} ${e.entity}`)).toEqual([AUDITED[name], 'undo operation', 'redo operation']);
    expect(JSON.parse(trail[1]!.detail)).toMatchObject({ label });
  });

  it('a new command after undo clears the redo stack', async () => {
    await act(b);
    await b.ok('undo.undo', {});
    expect((await b.ok('undo.state', {})).canRedo).toBe(true);
    await b.ok('codes.create', { name: 'Employer demand' });
    expect(await b.ok('undo.state', {})).toEqual({ canUndo: true, undoLabel: 'Create code ‘Employer demand’', canRedo: false, redoLabel: null });
    const error = await b.fails('undo.redo', {});
    expect(error).toMatchObject({ code: 'conflict', message: 'There is nothing to redo' });
  });

  it('the undo history survives closing and reopening the project', async () => {
    const before = b.snapshot();
    const label = await act(b);
    const after = b.snapshot();
    await b.reopen();
    expect((await b.ok('undo.state', {})).undoLabel).toBe(label);
    await b.ok('undo.undo', {});
    expect(b.snapshot()).toEqual(before);
    await b.reopen();
    expect((await b.ok('undo.state', {})).redoLabel).toBe(label);
    await b.ok('undo.redo', {});
    expect(b.snapshot()).toEqual(after);
  });
});

describe('the undo history', () => {
  let b: Bench;
  beforeEach(async () => {
    b = await openBench();
  });
  afterEach(() => b.cleanup());

  it('undoes several steps in reverse order and redoes them in order', async () => {
    const s0 = b.snapshot();
    const code = await b.ok('codes.create', { name: 'Employer demand' });
    const s1 = b.snapshot();
    await b.ok('codings.apply', { sourceId: 2, codeId: code.id, start: 10, end: 40 });
    const s2 = b.snapshot();
    await b.ok('codes.rename', { id: code.id, name: 'Labour-market demand' });
    const s3 = b.snapshot();
    expect((await b.ok('undo.history', {})).map((e) => `${e.status} ${e.label}`)).toEqual([
      'done Rename ‘Employer demand’ to ‘Labour-market demand’',
      'done Code passage with ‘Employer demand’',
      'done Create code ‘Employer demand’',
    ]);
    await b.ok('undo.undo', {});
    expect(b.snapshot()).toEqual(s2);
    await b.ok('undo.undo', {});
    expect(b.snapshot()).toEqual(s1);
    await b.ok('undo.undo', {});
    expect(b.snapshot()).toEqual(s0);
    expect(await b.fails('undo.undo', {})).toMatchObject({ code: 'conflict', message: 'There is nothing to undo' });
    await b.ok('undo.redo', {});
    await b.ok('undo.redo', {});
    expect(b.snapshot()).toEqual(s2);
    expect((await b.ok('undo.state', {})).redoLabel).toBe('Rename ‘Employer demand’ to ‘Labour-market demand’');
    await b.ok('undo.redo', {});
    expect(b.snapshot()).toEqual(s3);
  });

  it('makes memo edits undoable, one editing session as one step', async () => {
    const s0 = b.snapshot();
    const memo = await b.ok('memos.create', { targetKind: 'project', targetId: null, title: 'Hunch', body: '<p>first</p>' });
    const s1 = b.snapshot();
    await b.ok('memos.update', { id: memo.id, body: '<p>first draft</p>' });
    await b.ok('memos.update', { id: memo.id, body: '<p>first draft, revised</p>' });
    expect((await b.ok('undo.state', {})).undoLabel).toBe('Edit memo ‘Hunch’');
    await b.ok('undo.undo', {});
    expect(b.snapshot()).toEqual(s1);
    expect((await b.ok('memos.get', { id: memo.id })).body).toBe('<p>first</p>');
    await b.ok('undo.undo', {});
    expect(b.snapshot()).toEqual(s0);
    await b.ok('undo.redo', {});
    await b.ok('undo.redo', {});
    expect((await b.ok('memos.get', { id: memo.id })).text).toBe('first draft, revised');
    await b.ok('memos.delete', { id: memo.id });
    await b.ok('undo.undo', {});
    expect((await b.ok('memos.get', { id: memo.id })).text).toBe('first draft, revised');
  });

  it('records no step for a command that changes nothing, nor for a refused one', async () => {
    const code = await b.code('Flexibility');
    await b.ok('codings.apply', { sourceId: 1, codeId: code.id, start: 0, end: 30 });
    const count = () => (b.host.current!.db.raw.prepare('SELECT count(*) AS n FROM operations').get() as { n: number }).n;
    const ops = count();
    await b.ok('codings.apply', { sourceId: 1, codeId: code.id, start: 0, end: 30 });
    await b.fails('codes.rename', { id: code.id, name: 'Definition' });
    await b.fails('codes.rename', { id: code.id, name: '' });
    expect(count()).toBe(ops);
    expect((await b.ok('undo.state', {})).undoLabel).toBe('Code passage with ‘Flexibility’');
  });

  it('keeps each coder’s history apart and refuses an undo that would destroy another coder’s work', async () => {
    const code = await b.ok('codes.create', { name: 'Employer demand' });
    await b.ok('coders.setCurrent', { name: 'bea' });
    expect((await b.ok('undo.state', {})).canUndo).toBe(false);
    await b.ok('codings.apply', { sourceId: 2, codeId: code.id, start: 10, end: 40 });
    expect((await b.ok('undo.state', {})).undoLabel).toBe('Code passage with ‘Employer demand’');
    await b.ok('coders.setCurrent', { name: 'tester' });
    expect((await b.ok('undo.state', {})).undoLabel).toBe('Create code ‘Employer demand’');
    const before = b.snapshot();
    const error = await b.fails('undo.undo', {});
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(/Undo of “Create code ‘Employer demand’” is not possible/);
    expect(b.snapshot()).toEqual(before);
    expect((await b.ok('undo.state', {})).canUndo).toBe(true);
  });

  it('refuses an undo whose replay would cascade into data added outside any command (e.g. by an import)', async () => {
    const code = await b.ok('codes.create', { name: 'Employer demand' });
    b.host.current!.db.raw
      .prepare("INSERT INTO codings (source_id, code_id, start, end, coder_id, created_at, quote) VALUES (2, ?, 5, 9, 1, 't', 'xxxx')")
      .run(code.id);
    const before = b.snapshot();
    expect(await b.fails('undo.undo', {})).toMatchObject({ code: 'conflict', message: expect.stringMatching(/added later outside this step/) });
    expect(b.snapshot()).toEqual(before);
  });

  it('keeps at most 200 steps per coder, dropping the oldest', async () => {
    const code = await b.code('Flexibility');
    for (let i = 0; i < 205; i++) await b.ok('codes.rename', { id: code.id, name: `Flexibility ${i}` });
    const history = await b.ok('undo.history', { limit: 500 });
    expect(history).toHaveLength(200);
    expect(history.at(-1)!.label).toBe('Rename ‘Flexibility 4’ to ‘Flexibility 5’');
  });

  it('the audit log stays append-only', () => {
    const raw = b.host.current!.db.raw;
    expect(() => raw.exec(`UPDATE audit_log SET action = 'forged'`)).toThrow(/append-only/);
    expect(() => raw.exec(`DELETE FROM audit_log`)).toThrow(/append-only/);
  });
});

describe('what undo covers', () => {
  it('every table of the schema is either tracked for undo or left out on purpose', async () => {
    const b = await openBench();
    try {
      const tables = (b.host.current!.db.raw.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'").all() as {
        name: string;
      }[])
        .map((t) => t.name)
        .filter((name) => !name.startsWith('sqlite_'));
      const decided = new Set<string>([...TRACKED_TABLES, ...Object.keys(UNTRACKED_TABLES)]);
      expect(tables.filter((t) => !decided.has(t)), 'add new tables to TRACKED_TABLES or UNTRACKED_TABLES in electron/backend/undo/tables.ts').toEqual([]);
    } finally {
      b.cleanup();
    }
  });
});

describe('capture of replaced rows', () => {
  it('undoes an INSERT OR REPLACE, bringing back the row it replaced', async () => {
    const b = await openBench();
    try {
      const project = b.host.current!;
      prepareRecording(project.db);
      const before = b.snapshot();
      const flex = await b.code('Flexibility');
      // No service replaces rows today; this guards a future one that does.
      project.db.transaction(() =>
        recordOperation(project.ctx, 'codes.recolor', {}, () => {
          project.db.raw
            .prepare(`INSERT OR REPLACE INTO codes (id, parent_id, name, color, origin, position, created_at)
              VALUES (?, ?, 'Replaced', '#000000', 'deductive', 0, 't')`)
            .run(flex.id, flex.parentId);
        }),
      );
      expect((await b.code('Replaced')).id).toBe(flex.id);
      await b.ok('undo.undo', {});
      expect(b.snapshot()).toEqual(before);
    } finally {
      b.cleanup();
    }
  });
});
