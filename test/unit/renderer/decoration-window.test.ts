import { describe, expect, it } from 'vitest';
import type { Unit } from '../../../shared/domain/types.ts';
import { makeUnit } from '../../helpers/units.ts';
import { codingsKey, setCodingsMeta, setWindowMeta, windowOf, type CodingDraw, type DocWindow, type StretchSpec } from '../../../renderer/src/editor/codings-plugin.ts';
import { planWindow } from '../../../renderer/src/editor/window-plan.ts';
import { createEditor } from './create-editor.ts';

const SIZE = 100_000;
const SCREEN = 2_000;
const screenAt = (from: number) => ({ from, to: Math.min(SIZE, from + SCREEN) });
const covers = (w: DocWindow, r: { from: number; to: number }) => w.from <= r.from && w.to >= r.to;

describe('the decorated window while scrolling', () => {
  /** What idle time does between frames when there is some. */
  const settle = (w: DocWindow, plan: ReturnType<typeof planWindow>) => plan.later ?? plan.now ?? w;

  it('with idle time between frames, moves only in idle time and stays about two screens ahead', () => {
    let w: DocWindow = { from: 0, to: 8_000 };
    for (let top = 0; top + SCREEN <= SIZE; top += SCREEN / 2) {
      const vis = screenAt(top);
      const plan = planWindow(w, vis, SIZE);
      expect(plan.now).toBeNull();
      expect(covers(w, vis)).toBe(true);
      w = settle(w, plan);
      expect(w.to - vis.to).toBeLessThanOrEqual(2 * SCREEN);
    }
  });

  it('without idle time, keeps the screen drawn a screen ahead, changing at most a screen a side per frame', () => {
    let w: DocWindow = { from: 0, to: 8_000 };
    let frames = 0;
    for (let top = 0; top + SCREEN <= SIZE; top += SCREEN) {
      const vis = screenAt(top);
      expect(covers(w, vis)).toBe(true);
      const plan = planWindow(w, vis, SIZE);
      if (plan.now) {
        frames++;
        expect(Math.abs(plan.now.from - w.from)).toBeLessThanOrEqual(SCREEN);
        expect(Math.abs(plan.now.to - w.to)).toBeLessThanOrEqual(SCREEN);
        w = plan.now;
      }
      // Ready for the next scroll step of a screen.
      expect(Math.min(SIZE, vis.to + SCREEN)).toBeLessThanOrEqual(w.to);
      // Highlights are trimmed in the frame soon after their text leaves the screen.
      expect(vis.from - w.from).toBeLessThanOrEqual(2 * SCREEN + 2 * SCREEN);
    }
    expect(frames).toBeGreaterThan(10);
  });

  it('draws a jump at once around the screen and the rest of the reach later', () => {
    const vis = screenAt(70_000);
    const plan = planWindow({ from: 0, to: 10_000 }, vis, SIZE);
    expect(plan.now).toEqual({ from: vis.from - SCREEN, to: vis.to + SCREEN });
    expect(plan.later).toEqual({ from: vis.from - 2 * SCREEN, to: vis.to + 2 * SCREEN });
  });

  it('draws the whole reach at once after a jump to text not laid out yet, which may still move', () => {
    const vis = { ...screenAt(70_000), coarse: true };
    const plan = planWindow({ from: 0, to: 10_000 }, vis, SIZE);
    expect(plan.now).toEqual({ from: vis.from - 2 * SCREEN, to: vis.to + 2 * SCREEN });
    expect(plan.later).toBeNull();
  });

  it('stays put while the screen moves a little', () => {
    expect(planWindow({ from: 16_000, to: 26_000 }, screenAt(20_300), SIZE)).toEqual({ now: null, later: null });
  });
});

describe('moving the window over the codings', () => {
  const unit = (id: number, start: number, end: number): Unit => makeUnit(id, 'turn', start, end, { speaker: 'PA' });
  let text = '';
  const units: Unit[] = [];
  for (let i = 0; i < 300; i++) {
    const body = `Turn ${i} says something about the programme and how it went.`;
    units.push(unit(i + 1, text.length, text.length + body.length));
    text += `${body}\n\n`;
  }
  const editor = createEditor({ text, units });
  const { map } = editor.built;
  // Overlapping codings of varied length, in document order.
  const draws: CodingDraw[] = [];
  for (let i = 0; i < 400; i++) {
    const start = (i * 37) % (text.length - 200);
    const end = start + 20 + ((i * 53) % 180);
    draws.push({ id: i + 1, from: map.toPos(start, 'start'), to: map.toPos(end, 'end'), color: '#4e79a7', lane: i % 3, selected: false, memo: false });
  }
  draws.sort((a, b) => a.from - b.from);
  const maxLength = Math.max(...draws.map((d) => d.to - d.from));
  const drawn = () => [...new Set(codingsKey.getState(editor.state())!.set.find().map((d) => d.spec as StretchSpec))];
  const drawnIds = () => new Set(drawn().flatMap((s) => [...s.codingIds]));
  const expected = (w: DocWindow, list = draws) => new Set(list.filter((d) => d.from < w.to && d.to > w.from).map((d) => d.id));
  /** Every position of the window is drawn with exactly the codings over it, and nothing lies wholly outside. */
  const expectWindowDrawn = (w: DocWindow, list = draws) => {
    const stretches = drawn().sort((a, b) => a.from - b.from);
    for (const s of stretches) expect(s.to > w.from && s.from < w.to, `stretch ${s.from}–${s.to} outside ${w.from}–${w.to}`).toBe(true);
    for (let i = 1; i < stretches.length; i++) expect(stretches[i]!.from).toBeGreaterThanOrEqual(stretches[i - 1]!.to);
    for (let p = w.from; p < w.to; p += 13) {
      const over = list.filter((d) => d.from <= p && d.to > p).map((d) => d.id).sort((a, b) => a - b);
      const at = stretches.find((s) => s.from <= p && s.to > p);
      expect([...(at?.codingIds ?? [])].sort((a, b) => a - b), `position ${p}`).toEqual(over);
    }
  };

  it('highlights exactly the codings that reach into the window, wherever it goes', () => {
    editor.dispatch(setCodingsMeta(editor.state().tr, draws, maxLength));
    const size = editor.state().doc.content.size;
    const windows: DocWindow[] = [];
    for (let from = 0; from < size; from += 700) windows.push({ from, to: Math.min(size, from + 2_500) });
    windows.push({ from: 9_000, to: 12_000 }, { from: 100, to: 900 }, { from: 0, to: size }, { from: 5_000, to: 5_001 });
    for (const w of windows) {
      editor.dispatch(setWindowMeta(editor.state().tr, w));
      expect(windowOf(editor.state())).toEqual(w);
      expect(drawnIds()).toEqual(expected(w));
      expectWindowDrawn(w);
    }
    // New codings after the window moved: still exactly the window's.
    const fewer = draws.filter((d) => d.id % 2 === 0);
    editor.dispatch(setCodingsMeta(editor.state().tr, fewer, maxLength));
    editor.dispatch(setWindowMeta(editor.state().tr, { from: 2_000, to: 6_000 }));
    expect(drawnIds()).toEqual(expected({ from: 2_000, to: 6_000 }, fewer));
    expectWindowDrawn({ from: 2_000, to: 6_000 }, fewer);
  });
});
