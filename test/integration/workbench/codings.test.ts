import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBench, passage, type Bench } from './workbench-helpers.ts';

describe('editing codings', () => {
  let b: Bench;
  beforeEach(async () => {
    b = await openBench();
  });
  afterEach(() => b.cleanup());

  it('gets a coding with its source name and the participant it is credited to', async () => {
    const flex = await b.code('Flexibility');
    const [first] = await b.ok('codings.listForCode', { codeId: flex.id });
    const c = await b.ok('codings.get', { id: first!.id });
    expect(c).toMatchObject({ id: first!.id, codeId: flex.id, sourceName: first!.sourceName });
    const source = await b.ok('sources.get', { id: c.sourceId });
    expect(source.text.slice(c.start, c.end)).toBe(c.quote);
    if (c.participantId !== null) {
      expect((await b.ok('participants.list', {})).find((p) => p.id === c.participantId)!.label).toBe(c.participantLabel);
    }
    expect(await b.fails('codings.get', { id: 99999 })).toMatchObject({ code: 'not_found', field: 'id' });
  });

  it('lists a source’s codings as one coding at a time reads them, with quotes cut on request', async () => {
    // A memo on one coding, so the counts are not all zero.
    const [first] = await b.ok('codings.listForSource', { sourceId: 1 });
    await b.ok('memos.create', { targetKind: 'coding', targetId: first!.id, title: 'Why', body: '<p>Because.</p>' });
    const listed = await b.ok('codings.listForSource', { sourceId: 1 });
    expect(listed.length).toBeGreaterThan(3);
    for (const c of listed) {
      const one = await b.ok('codings.get', { id: c.id });
      expect(c).toMatchObject({ participantId: one.participantId, memoCount: one.memoCount, quote: one.quote, coderName: one.coderName });
    }
    expect(listed.find((c) => c.id === first!.id)!.memoCount).toBe(1);
    const cut = await b.ok('codings.listForSource', { sourceId: 1, quoteChars: 12 });
    expect(cut.map((c) => c.quote)).toEqual(listed.map((c) => [...c.quote].slice(0, 12).join('')));
  });

  it('keeps each coder’s coding of the same passage apart: applying, recoding and merging codes never fold one coder’s into another’s', async () => {
    const flex = await b.code('Flexibility');
    const other = await b.ok('codes.create', { name: 'Pace', parentId: null });
    const span = await passage(b, 1, 'lifelong learning');
    const mine = await b.ok('codings.apply', { ...span, codeId: flex.id });
    expect(await b.ok('codings.apply', { ...span, codeId: flex.id })).toMatchObject({ id: mine.id }); // the same coder again: the same coding
    await b.ok('coders.setCurrent', { name: 'Ben' });
    const bens = await b.ok('codings.apply', { ...span, codeId: flex.id });
    expect(bens.id).not.toBe(mine.id);
    expect(bens).toMatchObject({ coderName: 'Ben', codeId: flex.id, start: span.start, end: span.end });
    // Ben codes the passage with Pace too, then recodes it as Flexibility: it folds into his own, not into the first coder's.
    const pace = await b.ok('codings.apply', { ...span, codeId: other.id });
    expect((await b.ok('codings.changeCode', { id: pace.id, codeId: flex.id })).id).toBe(bens.id);
    const same = (await b.ok('codings.listForSource', { sourceId: 1 })).filter((c) => c.start === span.start && c.end === span.end && c.codeId === flex.id);
    expect(same.map((c) => c.coderName).sort()).toEqual(['Ben', mine.coderName].sort());
    // Merging Pace into Flexibility after both coded with Pace: each coder keeps one coding.
    const paceAgain = await b.ok('codings.apply', { ...span, codeId: other.id });
    await b.ok('codes.merge', { sourceIds: [other.id], targetId: flex.id });
    const after = (await b.ok('codings.listForSource', { sourceId: 1 })).filter((c) => c.start === span.start && c.end === span.end);
    expect(after.map((c) => `${c.coderName}:${c.codeId}`).sort()).toEqual([`Ben:${flex.id}`, `${mine.coderName}:${flex.id}`].sort());
    expect(after.some((c) => c.id === paceAgain.id)).toBe(false);
  });

  it('lists the codings of a code, with its sub-codes on request', async () => {
    const what = await b.code('What');
    expect(await b.ok('codings.listForCode', { codeId: what.id })).toEqual([]);
    const all = await b.ok('codings.listForCode', { codeId: what.id, descendants: true });
    const def = await b.code('Definition');
    const flex = await b.code('Flexibility');
    expect(all).toHaveLength(def.codingCount + flex.codingCount);
  });

  it('changes the code of a coding, and folds it into an identical coding of the new code (memos kept)', async () => {
    const flex = await b.code('Flexibility');
    const def = await b.code('Definition');
    const p = await passage(b, 1, 'micro');
    const a = await b.ok('codings.apply', { ...p, codeId: flex.id });
    const moved = await b.ok('codings.changeCode', { id: a.id, codeId: def.id });
    expect(moved).toMatchObject({ id: a.id, codeId: def.id, quote: a.quote });
    expect((await b.code('Flexibility')).codingCount).toBe(flex.codingCount);
    expect((await b.code('Definition')).codingCount).toBe(def.codingCount + 1);

    const twin = await b.ok('codings.apply', { ...p, codeId: flex.id });
    await b.ok('memos.create', { targetKind: 'coding', targetId: twin.id, title: '', body: '<p>keep me</p>' });
    const kept = await b.ok('codings.changeCode', { id: twin.id, codeId: def.id });
    expect(kept.id).toBe(a.id);
    expect(kept.memoCount).toBe(1);
    expect(await b.fails('codings.get', { id: twin.id })).toMatchObject({ code: 'not_found' });
    expect((await b.code('Definition')).codingCount).toBe(def.codingCount + 1);
    expect(await b.fails('codings.changeCode', { id: a.id, codeId: 99999 })).toMatchObject({ code: 'not_found', field: 'codeId' });
  });

  it('adjusts boundaries and refreshes the stored quote', async () => {
    const flex = await b.code('Flexibility');
    const p = await passage(b, 1, 'micro');
    const c = await b.ok('codings.apply', { ...p, codeId: flex.id, end: p.end + 5 });
    const text = (await b.ok('sources.get', { id: 1 })).text;
    const adjusted = await b.ok('codings.adjust', { id: c.id, start: p.start, end: p.end + 12 });
    expect(adjusted).toMatchObject({ id: c.id, start: p.start, end: p.end + 12, quote: text.slice(p.start, p.end + 12) });
    expect(b.audit().at(-1)).toMatchObject({ action: 'adjust', entity: 'coding', entityId: c.id });
    expect((await b.ok('undo.state', {})).undoLabel).toBe('Adjust passage coded ‘Flexibility’');
  });

  it('refuses bad boundaries with an error naming the field, changing nothing', async () => {
    const flex = await b.code('Flexibility');
    const c = await b.ok('codings.apply', { sourceId: 1, codeId: flex.id, start: 0, end: 10 });
    const length = (await b.ok('sources.get', { id: 1 })).text.length;
    b.host.current!.db.raw.prepare("UPDATE sources SET text = 'We loved it 😀 really' WHERE id = 6").run();
    const onEmoji = await b.ok('codings.apply', { sourceId: 6, codeId: flex.id, start: 0, end: 11 });
    const before = b.snapshot();
    const cases: [unknown, string, string, RegExp][] = [
      [{ id: c.id, start: 5, end: 5 }, 'invalid_input', 'end', /end must be greater than start/],
      [{ id: c.id, start: -1, end: 5 }, 'invalid_input', 'start', /./],
      [{ id: c.id, start: 0, end: length + 1 }, 'invalid_input', 'end', /past the end of the source/],
      [{ id: onEmoji.id, start: 13, end: 16 }, 'invalid_input', 'start', /surrogate pair/],
      [{ id: onEmoji.id, start: 0, end: 13 }, 'invalid_input', 'end', /surrogate pair/],
      [{ id: 99999, start: 0, end: 3 }, 'not_found', 'id', /does not exist/],
    ];
    for (const [input, code, field, message] of cases) {
      const error = await b.fails('codings.adjust', input);
      expect(error, JSON.stringify(input)).toMatchObject({ code, field });
      expect(error.message).toMatch(message);
    }
    expect(b.snapshot()).toEqual(before);
  });

  it('codes a whole speaker turn, credited to its speaker; twice is still one coding', async () => {
    const source = await b.ok('sources.get', { id: 2 });
    const turn = source.units.find((u) => u.kind === 'turn' && !u.isInterviewer)!;
    const flex = await b.code('Flexibility');
    const c = await b.ok('codings.applyToUnit', { unitId: turn.id, codeId: flex.id });
    expect(c).toMatchObject({ sourceId: 2, start: turn.start, end: turn.end, participantId: turn.participantId });
    expect(c.quote).toBe(source.text.slice(turn.start, turn.end));
    expect((await b.ok('undo.state', {})).undoLabel).toBe('Code speaker turn with ‘Flexibility’');
    expect((await b.ok('codings.applyToUnit', { unitId: turn.id, codeId: flex.id })).id).toBe(c.id);
    expect(await b.fails('codings.applyToUnit', { unitId: 99999, codeId: flex.id })).toMatchObject({ code: 'not_found', field: 'unitId' });
  });

  it('codes a questionnaire answer and a document paragraph', async () => {
    const def = await b.code('Definition');
    for (const [sourceId, kind] of [[4, 'answer'], [5, 'paragraph']] as const) {
      const source = await b.ok('sources.get', { id: sourceId });
      const unit = source.units.find((u) => u.kind === kind)!;
      const c = await b.ok('codings.applyToUnit', { unitId: unit.id, codeId: def.id });
      expect(c.quote).toBe(source.text.slice(unit.start, unit.end).trim());
    }
  });
});
