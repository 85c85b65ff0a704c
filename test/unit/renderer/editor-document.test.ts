import { describe, expect, it } from 'vitest';
import type { Unit } from '../../../shared/domain/types.ts';
import { makeUnit } from '../../helpers/units.ts';
import { CHUNK_SIZE } from '../../../renderer/src/editor/build-doc.ts';
import { codingsKey, setCodingsMeta, setWindowMeta, type CodingDraw } from '../../../renderer/src/editor/codings-plugin.ts';
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
  const u = source.units;

  it('draws one decoration per coding and redraws only the codings that changed', () => {
    const draws = [draw(1, u[0]!.start, u[0]!.end), draw(2, u[1]!.start + 2, u[3]!.end, { lane: 1 })];
    editor.dispatch(setCodingsMeta(editor.state().tr, draws, 1000));
    const first = decos();
    expect(first.map((d) => (d.spec as { codingId: number }).codingId).sort()).toEqual([1, 2]);
    // A third coding arrives: the first two decorations are the very same objects.
    editor.dispatch(setCodingsMeta(editor.state().tr, [...draws, draw(3, u[5]!.start, u[5]!.end)], 1000));
    // (A decoration over several blocks is stored in pieces; its spec object identifies it.)
    const specs = (list: ReturnType<typeof decos>) => new Set(list.map((d) => d.spec as { codingId: number }));
    const second = decos();
    expect(new Set([...specs(second)].map((x) => x.codingId))).toEqual(new Set([1, 2, 3]));
    for (const spec of specs(first)) expect(specs(second).has(spec)).toBe(true);
    // Selecting coding 2 redraws that one only.
    editor.dispatch(setCodingsMeta(editor.state().tr, [draws[0]!, { ...draws[1]!, selected: true }, draw(3, u[5]!.start, u[5]!.end)], 1000));
    const third = decos();
    const kept = [...specs(third)].filter((spec) => specs(first).has(spec)).map((x) => x.codingId);
    expect(kept).toEqual([1]);
    expect(third.find((d) => (d.spec as { codingId: number }).codingId === 2)!.from).toBe(draws[1]!.from);
  });

  it('decorates only the window around what is on screen', () => {
    const far = u[39]!;
    editor.dispatch(setCodingsMeta(editor.state().tr, [draw(1, u[0]!.start, u[0]!.end), draw(9, far.start, far.end)], 1000));
    editor.dispatch(setWindowMeta(editor.state().tr, { from: 0, to: posOf(u[3]!.end, 'end') }));
    expect(decos().map((d) => (d.spec as { codingId: number }).codingId)).toEqual([1]);
    editor.dispatch(setWindowMeta(editor.state().tr, { from: posOf(far.start, 'start') - 10, to: built.map.size }));
    expect(decos().map((d) => (d.spec as { codingId: number }).codingId)).toEqual([9]);
  });
});
