import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertSource, insertUnit } from '../../../electron/backend/repositories/sources.ts';
import { openBench, passage, type Bench } from './workbench-helpers.ts';

/** The audit entries written after `from` entries, with their details parsed. */
const auditSince = (b: Bench, from: number) => b.audit().slice(from).map((e) => ({ ...e, detail: JSON.parse(e.detail) as unknown }));

/** Adds a pasted document whose paragraphs keep the spaces and blank lines around them. */
function addPastedNotes(b: Bench): { sourceId: number; text: string; padded: number; blank: number } {
  const db = b.host.current!.db;
  const text = 'Field notes\n\n   Employers asked about stackable credits.  \n\n \t \n\nEnd.';
  return db.transaction(() => {
    const sourceId = insertSource(db, { kind: 'document', name: 'Pasted field notes', text, origin: 'test' }, '2026-11-28T12:00:00.000Z');
    insertUnit(db, sourceId, { kind: 'heading', start: 0, end: 11 });
    const paddedStart = text.indexOf('   Employers');
    const padded = insertUnit(db, sourceId, { kind: 'paragraph', start: paddedStart, end: text.indexOf('\n\n \t') });
    const blankStart = text.indexOf(' \t \n');
    const blank = insertUnit(db, sourceId, { kind: 'paragraph', start: blankStart, end: blankStart + 3 });
    return { sourceId, text, padded, blank };
  });
}

describe('recoding a passage', () => {
  let b: Bench;
  beforeEach(async () => {
    b = await openBench();
  });
  afterEach(() => b.cleanup());

  it('recodes a passage under one undo step labelled with both code names, and logs from and to', async () => {
    const flex = await b.code('Flexibility');
    const def = await b.code('Definition');
    const c = await b.ok('codings.apply', { ...(await passage(b, 1, 'micro')), codeId: flex.id });
    const mark = b.audit().length;
    const moved = await b.ok('codings.changeCode', { id: c.id, codeId: def.id });
    expect(moved).toMatchObject({ id: c.id, codeId: def.id });
    expect((await b.ok('undo.state', {})).undoLabel).toBe('Recode passage from ‘Flexibility’ to ‘Definition’');
    expect(auditSince(b, mark)).toEqual([{ action: 'recode', entity: 'coding', entityId: c.id, detail: { from: flex.id, to: def.id } }]);
    await b.ok('undo.undo', {});
    expect((await b.ok('codings.get', { id: c.id })).codeId).toBe(flex.id);
  });

  it('recoding a passage to the code it already has changes nothing and adds no undo step', async () => {
    const flex = await b.code('Flexibility');
    const c = await b.ok('codings.apply', { ...(await passage(b, 1, 'micro')), codeId: flex.id });
    const before = b.snapshot();
    const label = (await b.ok('undo.state', {})).undoLabel;
    const mark = b.audit().length;
    expect(await b.ok('codings.changeCode', { id: c.id, codeId: flex.id })).toMatchObject({ id: c.id, codeId: flex.id });
    expect(b.audit().length).toBe(mark);
    expect(b.snapshot()).toEqual(before);
    expect((await b.ok('undo.state', {})).undoLabel).toBe(label);
  });

  it('logs a passage folding into its twin of the new code, naming the twin', async () => {
    const flex = await b.code('Flexibility');
    const def = await b.code('Definition');
    const p = await passage(b, 1, 'micro');
    const kept = await b.ok('codings.apply', { ...p, codeId: def.id });
    const folded = await b.ok('codings.apply', { ...p, codeId: flex.id });
    const mark = b.audit().length;
    expect((await b.ok('codings.changeCode', { id: folded.id, codeId: def.id })).id).toBe(kept.id);
    expect(auditSince(b, mark).map((e) => [e.action, e.entityId, e.detail])).toEqual([
      ['recode', folded.id, { from: flex.id, to: def.id }],
      ['collapse', folded.id, { into: kept.id }],
    ]);
    expect(auditSince(b, mark)[1]).toMatchObject({ entity: 'coding' });
  });

  it('names the missing coding or code when refusing a recode', async () => {
    const flex = await b.code('Flexibility');
    const [some] = await b.ok('codings.listForCode', { codeId: flex.id });
    expect(await b.fails('codings.changeCode', { id: 99999, codeId: flex.id })).toMatchObject({ code: 'not_found', field: 'id', message: 'Coding 99999 does not exist' });
    expect(await b.fails('codings.changeCode', { id: some!.id, codeId: 99999 })).toMatchObject({ code: 'not_found', field: 'codeId', message: 'Code 99999 does not exist' });
  });
});

describe('looking up codings', () => {
  let b: Bench;
  beforeEach(async () => {
    b = await openBench();
  });
  afterEach(() => b.cleanup());

  it('names the missing coding or code', async () => {
    expect(await b.fails('codings.get', { id: 4242 })).toMatchObject({ code: 'not_found', field: 'id', message: 'Coding 4242 does not exist' });
    expect(await b.fails('codings.listForCode', { codeId: 4242 })).toMatchObject({ code: 'not_found', field: 'codeId', message: 'Code 4242 does not exist' });
    expect(await b.fails('codings.listForCode', { codeId: 4242, descendants: true })).toMatchObject({ code: 'not_found', field: 'codeId' });
  });
});

describe('adjusting a coded passage', () => {
  let b: Bench;
  beforeEach(async () => {
    b = await openBench();
  });
  afterEach(() => b.cleanup());

  it('logs the boundaries before and after', async () => {
    const flex = await b.code('Flexibility');
    const p = await passage(b, 1, 'lifelong learning');
    const c = await b.ok('codings.apply', { ...p, codeId: flex.id });
    const mark = b.audit().length;
    await b.ok('codings.adjust', { id: c.id, start: p.start, end: p.start + 'lifelong'.length });
    expect(auditSince(b, mark)).toEqual([
      { action: 'adjust', entity: 'coding', entityId: c.id, detail: { before: { start: p.start, end: p.end }, after: { start: p.start, end: p.start + 8 } } },
    ]);
  });

  it('moves only the start of a passage when the end stays put', async () => {
    const flex = await b.code('Flexibility');
    const p = await passage(b, 1, 'lifelong learning');
    const c = await b.ok('codings.apply', { ...p, codeId: flex.id });
    const moved = await b.ok('codings.adjust', { id: c.id, start: p.start + 'lifelong '.length, end: p.end });
    expect(moved).toMatchObject({ id: c.id, start: p.start + 9, end: p.end, quote: 'learning' });
  });

  it('keeps a passage adjusted to where it already is untouched, with no undo step or log entry', async () => {
    const flex = await b.code('Flexibility');
    const p = await passage(b, 1, 'lifelong learning');
    const c = await b.ok('codings.apply', { ...p, codeId: flex.id });
    const before = b.snapshot();
    const mark = b.audit().length;
    expect(await b.ok('codings.adjust', { id: c.id, start: p.start, end: p.end })).toMatchObject({ id: c.id, start: p.start, end: p.end, quote: 'lifelong learning' });
    expect(b.audit().length).toBe(mark);
    expect(b.snapshot()).toEqual(before);
    expect((await b.ok('undo.state', {})).undoLabel).toBe('Code passage with ‘Flexibility’');
  });

  it('folds a passage adjusted onto another coding of the same code into that coding, memos kept', async () => {
    const flex = await b.code('Flexibility');
    const whole = await passage(b, 1, 'lifelong learning');
    const kept = await b.ok('codings.apply', { ...whole, codeId: flex.id });
    const part = await b.ok('codings.apply', { ...whole, end: whole.start + 8, codeId: flex.id });
    await b.ok('memos.create', { targetKind: 'coding', targetId: part.id, title: '', body: '<p>why lifelong?</p>' });
    const mark = b.audit().length;
    const result = await b.ok('codings.adjust', { id: part.id, start: whole.start, end: whole.end });
    expect(result).toMatchObject({ id: kept.id, memoCount: 1 });
    expect(await b.fails('codings.get', { id: part.id })).toMatchObject({ code: 'not_found' });
    expect(auditSince(b, mark).map((e) => [e.action, e.entityId])).toEqual([['adjust', part.id], ['collapse', part.id]]);
    // One undo brings the shorter coding back.
    await b.ok('undo.undo', {});
    expect(await b.ok('codings.get', { id: part.id })).toMatchObject({ start: whole.start, end: whole.start + 8 });
  });

  it('names the missing coding', async () => {
    expect(await b.fails('codings.adjust', { id: 99999, start: 0, end: 3 })).toMatchObject({ code: 'not_found', field: 'id', message: 'Coding 99999 does not exist' });
  });
});

describe('coding a whole unit', () => {
  let b: Bench;
  beforeEach(async () => {
    b = await openBench();
  });
  afterEach(() => b.cleanup());

  it('leaves out the spaces and line breaks around a pasted paragraph', async () => {
    const notes = addPastedNotes(b);
    const flex = await b.code('Flexibility');
    const c = await b.ok('codings.applyToUnit', { unitId: notes.padded, codeId: flex.id });
    const start = notes.text.indexOf('Employers');
    expect(c).toMatchObject({ sourceId: notes.sourceId, start, end: start + 'Employers asked about stackable credits.'.length, quote: 'Employers asked about stackable credits.' });
    expect((await b.ok('undo.state', {})).undoLabel).toBe('Code paragraph with ‘Flexibility’');
  });

  it('refuses a paragraph of nothing but blanks, naming it, and changes nothing', async () => {
    const notes = addPastedNotes(b);
    const flex = await b.code('Flexibility');
    const before = b.snapshot();
    const error = await b.fails('codings.applyToUnit', { unitId: notes.blank, codeId: flex.id });
    expect(error).toMatchObject({ code: 'invalid_input', field: 'unitId', message: `Unit ${notes.blank} holds no text to code` });
    expect(b.snapshot()).toEqual(before);
  });

  it('logs the unit it coded', async () => {
    const source = await b.ok('sources.get', { id: 2 });
    const turn = source.units.find((u) => u.kind === 'turn' && !u.isInterviewer)!;
    const flex = await b.code('Flexibility');
    const mark = b.audit().length;
    const c = await b.ok('codings.applyToUnit', { unitId: turn.id, codeId: flex.id });
    expect(auditSince(b, mark)).toEqual([
      { action: 'apply', entity: 'coding', entityId: c.id, detail: { sourceId: 2, codeId: flex.id, start: c.start, end: c.end, unitId: turn.id } },
    ]);
  });

  it('names the missing unit or code', async () => {
    const flex = await b.code('Flexibility');
    const [unit] = (await b.ok('sources.get', { id: 1 })).units;
    expect(await b.fails('codings.applyToUnit', { unitId: 99999, codeId: flex.id })).toMatchObject({ code: 'not_found', field: 'unitId', message: 'Unit 99999 does not exist' });
    expect(await b.fails('codings.applyToUnit', { unitId: unit!.id, codeId: 99999 })).toMatchObject({ code: 'not_found', field: 'codeId', message: 'Code 99999 does not exist' });
  });
});
