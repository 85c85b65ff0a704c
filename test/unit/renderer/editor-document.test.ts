import { describe, expect, it } from 'vitest';
import type { Unit } from '../../../shared/domain/types.ts';
import { makeUnit } from '../../helpers/units.ts';
import { CHUNK_SIZE } from '../../../renderer/src/editor/build-doc.ts';
import { codingsKey, setCodingsMeta, setWindowMeta, type CodingDraw, type StretchSpec } from '../../../renderer/src/editor/codings-plugin.ts';
import { allowDocChange } from '../../../renderer/src/editor/read-only.ts';
import { createEditor } from './create-editor.ts';

const unit = (id: number, start: number, end: number, extra: Partial<Unit> = {}): Unit => makeUnit(id, 'turn', start, end, extra);

/** An interview of many turns with emoji, labels between the turns as in a real transcript. */
function interview(turns: number) {
  let text = '';
  const units: Unit[] = [];
  for (let i = 0; i < turns; i++) {
    const who = i % 2 === 0 ? 'Interviewer' : 'PA';
    text += `${who}: `;
    const body = `Turn ${i} says 😀 something${i % 5 === 0 ? ' 👍🏽 with\nlines' : ''}.`;
    units.push(unit(i + 1, text.length, text.length + body.length, { speaker: who, isInterviewer: who === 'Interviewer', participantId: who === 'PA' ? 1 : null, timestampMs: i * 1000 }));
    text += `${body}\n\n`;
  }
  return { text, units };
}

describe('the editor document of a source', () => {
  const source = interview(CHUNK_SIZE * 2 + 5);
  const editor = createEditor(source, { 1: 'PA' });
  const { built } = editor;
  const doc = editor.state().doc;

  it('holds exactly the text of every unit, at the positions the map gives, across chunks', () => {
    expect(doc.content.size).toBe(built.map.size);
    expect(doc.childCount).toBe(3);
    for (const u of source.units) {
      const from = built.map.toPos(u.start, 'start');
      const to = built.map.toPos(u.end, 'end');
      expect(doc.textBetween(from, to)).toBe(source.text.slice(u.start, u.end));
    }
  });

  it('maps any document position inside text back to the same source offset (emoji take two units)', () => {
    doc.descendants((node, pos) => {
      if (!node.isText) return;
      const start = built.map.toOffset(pos, 'start');
      for (let i = 0; i <= node.text!.length; i++) {
        expect(built.map.toOffset(pos + i, 'start')).toBe(start + i);
        expect(built.map.toPos(start + i, 'start')).toBe(pos + i);
      }
      expect(source.text.slice(start, start + node.text!.length)).toBe(node.text);
    });
  });

  it('keeps speaker and time as attributes, not as text', () => {
    const first = doc.child(0).child(0);
    expect(first.attrs['label']).toBe('Interviewer');
    expect(first.attrs['time']).toBe('00:00:00');
    expect(first.textContent.startsWith('Turn 0')).toBe(true);
    expect(doc.child(0).child(1).attrs['tag']).toBeNull();
  });

  it('gives each chunk the size its height is estimated from until it is laid out', () => {
    doc.forEach((chunk) => {
      // Every block is a turn with a speaker line: 13 px margin + 17 px head each.
      expect(chunk.attrs).toEqual({ chars: chunk.textContent.length, fixed: chunk.childCount * 30, blocks: chunk.childCount });
    });
    expect(doc.child(2).attrs['blocks']).toBe(5);
  });

  it('refuses every change to the text unless it loads another source', () => {
    editor.dispatch(editor.state().tr.insertText('typed', 5));
    expect(editor.state().doc.eq(doc)).toBe(true);
    editor.dispatch(allowDocChange(editor.state().tr.insertText('x', 5)));
    expect(editor.state().doc.textBetween(5, 6)).toBe('x');
  });
});

describe('codings as decorations', () => {
  const source = interview(40);
  const editor = createEditor(source);
  const { built } = editor;
  const posOf = (o: number, bias: 'start' | 'end') => built.map.toPos(o, bias);
  const draw = (id: number, start: number, end: number, extra: Partial<CodingDraw> = {}): CodingDraw => ({
    id, from: posOf(start, 'start'), to: posOf(end, 'end'), color: '#4e79a7', lane: 0, selected: false, memo: false, ...extra,
  });
  const decos = () => codingsKey.getState(editor.state())!.set.find();
  /** The stretches drawn (a decoration over several blocks is stored in pieces; its spec is the stretch). */
  const stretches = () => [...new Set(decos().map((d) => d.spec as StretchSpec))].sort((a, b) => a.from - b.from);
  const u = source.units;

  it('draws one mark per stretch of words under the same codings, the codings innermost first', () => {
    // Coding 1 over the first turn; coding 2 from its middle into the fourth; coding 3 inside 2.
    const a = draw(1, u[0]!.start, u[0]!.end);
    const b = draw(2, u[0]!.start + 6, u[3]!.end, { lane: 1, color: '#e15759' });
    const c = draw(3, u[2]!.start, u[2]!.start + 4, { lane: 2 });
    editor.dispatch(setCodingsMeta(editor.state().tr, [a, b, c], 1000));
    expect(stretches().map((s) => [s.from, s.to, s.codingIds])).toEqual([
      [a.from, b.from, [1]],
      [b.from, a.to, [1, 2]],
      [a.to, c.from, [2]],
      [c.from, c.to, [3, 2]],
      [c.to, b.to, [2]],
    ]);
    // Under two codings: both tints and both underline depths; under one: one of each.
    const both = stretches()[1]!.cls;
    expect(both).toMatch(/mg-coding/);
    expect(both.split(' ').filter((k) => k.startsWith('mg-tint-'))).toHaveLength(2);
    expect(both.split(' ').filter((k) => k.startsWith('mg-line-'))).toHaveLength(2);
    expect(stretches()[0]!.cls.split(' ').filter((k) => k.startsWith('mg-tint-'))).toHaveLength(1);
    editor.dispatch(setCodingsMeta(editor.state().tr, [], 1000));
    expect(decos()).toEqual([]);
  });

  it('draws again only the words of the codings that changed', () => {
    const draws = [draw(1, u[0]!.start, u[0]!.end), draw(2, u[1]!.start + 2, u[3]!.end, { lane: 1 })];
    editor.dispatch(setCodingsMeta(editor.state().tr, draws, 1000));
    const first = stretches();
    expect(first.map((s) => s.codingIds)).toEqual([[1], [2]]);
    // A third coding arrives elsewhere: the first two stretches are the very same objects.
    const third = draw(3, u[5]!.start, u[5]!.end);
    editor.dispatch(setCodingsMeta(editor.state().tr, [...draws, third], 1000));
    const second = stretches();
    expect(second.map((s) => s.codingIds)).toEqual([[1], [2], [3]]);
    expect(second.slice(0, 2)).toEqual(first);
    for (let i = 0; i < 2; i++) expect(second[i]).toBe(first[i]);
    // Selecting coding 2 draws its words again (selected), the others stay as they were.
    editor.dispatch(setCodingsMeta(editor.state().tr, [draws[0]!, { ...draws[1]!, selected: true }, third], 1000));
    const after = stretches();
    expect(after[0]).toBe(first[0]);
    expect(after[2]).toBe(second[2]);
    expect(after[1]).not.toBe(first[1]);
    expect(after[1]!.cls).toMatch(/\bmg-selected\b/);
    expect([after[1]!.from, after[1]!.to]).toEqual([draws[1]!.from, draws[1]!.to]);
    // Removing coding 1 takes its stretch away and nothing else.
    editor.dispatch(setCodingsMeta(editor.state().tr, [{ ...draws[1]!, selected: true }, third], 1000));
    expect(stretches()).toEqual([after[1], after[2]]);
  });

  it('decorates only the window around what is on screen', () => {
    const far = u[39]!;
    const ids = () => stretches().flatMap((s) => s.codingIds);
    editor.dispatch(setCodingsMeta(editor.state().tr, [draw(1, u[0]!.start, u[0]!.end), draw(9, far.start, far.end)], 1000));
    editor.dispatch(setWindowMeta(editor.state().tr, { from: 0, to: posOf(u[3]!.end, 'end') }));
    expect(ids()).toEqual([1]);
    editor.dispatch(setWindowMeta(editor.state().tr, { from: posOf(far.start, 'start') - 10, to: built.map.size }));
    expect(ids()).toEqual([9]);
  });
});
