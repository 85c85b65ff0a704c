import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import type { EditorView } from '@tiptap/pm/view';
import type { CodingModel, PlacedCoding } from './coding-model.ts';
import { visibleRange } from './visible-range.ts';

/** Width of one lane of the margin, in CSS pixels. */
export const LANE_WIDTH = 15;
/** Lanes beyond this many draw in the last one; a transcript rarely stacks deeper. */
export const MAX_LANES = 8;
/** Longest a vertical code-name label may grow, in CSS pixels. */
const LABEL_MAX = 180;

type Bar = { placed: PlacedCoding; lane: number; top: number; height: number; openTop: boolean; openBottom: boolean; labelRoom: number };

export type StripeLayerProps = {
  view: EditorView;
  model: CodingModel;
  selectedId: number | null;
  scrollEl: HTMLElement | null;
  onSelect: (codingId: number) => void;
  onHover: (codingIds: number[], at: { x: number; y: number } | null) => void;
};

/** First placed coding that could reach `from` (its start is at least from - maxLength). */
function inRange(model: CodingModel, from: number, to: number): PlacedCoding[] {
  const list = model.placed;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.from < from - model.maxLength) lo = mid + 1;
    else hi = mid;
  }
  const out: PlacedCoding[] = [];
  for (let i = lo; i < list.length && list[i]!.from <= to; i++) if (list[i]!.to >= from) out.push(list[i]!);
  return out;
}

/**
 * Coding stripes in the right margin, NVivo style: a coloured bar per coding in its lane,
 * labelled with the code name. Only codings on screen are measured and drawn, recomputed
 * once per animation frame on scroll or resize, so a long transcript costs what one screen does.
 */
export function StripeLayer({ view, model, selectedId, scrollEl, onSelect, onHover }: StripeLayerProps) {
  const ref = useRef<HTMLDivElement>(null);
  const frame = useRef(0);
  // Bars are drawn straight into the gutter, not through React state: a React commit while the
  // editor has focus walks the whole contenteditable to save its selection (React 19), which
  // on a long transcript cost every scroll frame tens of milliseconds.
  const drawn = useRef(new Map<number, HTMLButtonElement>());
  const byId = useRef(new Map<number, PlacedCoding>());

  const compute = useCallback(() => {
    frame.current = 0;
    const gutter = ref.current;
    if (!gutter || !scrollEl || view.isDestroyed) return;
    const gr = gutter.getBoundingClientRect();
    const { from: fromPos, to: toPos } = visibleRange(view, scrollEl);
    const next: Bar[] = [];
    for (const p of inRange(model, fromPos, toPos)) {
      const a = Math.max(p.from, fromPos);
      const b = Math.min(p.to, toPos);
      if (b < a) continue;
      const top = view.coordsAtPos(a, 1).top - gr.top;
      const bottom = view.coordsAtPos(b, -1).bottom - gr.top;
      next.push({ placed: p, lane: Math.min(p.lane, MAX_LANES - 1), top, height: Math.max(bottom - top, 6), openTop: p.from < fromPos, openBottom: p.to > toPos, labelRoom: 0 });
    }
    // A label may run past a short bar, down to where the next bar of its lane begins.
    const byLane = [...next].sort((a, b) => a.lane - b.lane || a.top - b.top);
    byLane.forEach((bar, i) => {
      const after = byLane[i + 1];
      const limit = after && after.lane === bar.lane ? after.top - bar.top - 6 : LABEL_MAX;
      bar.labelRoom = Math.max(bar.height, Math.min(limit, LABEL_MAX));
    });
    drawBars(gutter, next, selectedId, drawn.current);
    byId.current = new Map(next.map((b) => [b.placed.coding.id, b.placed]));
  }, [view, model, scrollEl, selectedId]);

  const schedule = useCallback(() => {
    if (!frame.current) frame.current = requestAnimationFrame(compute);
  }, [compute]);

  useLayoutEffect(() => {
    compute();
  }, [compute]);

  useEffect(() => {
    const map = drawn.current;
    return () => {
      for (const el of map.values()) el.remove();
      map.clear();
    };
  }, []);

  useEffect(() => {
    if (!scrollEl) return;
    scrollEl.addEventListener('scroll', schedule, { passive: true });
    const resize = new ResizeObserver(schedule);
    resize.observe(view.dom);
    return () => {
      scrollEl.removeEventListener('scroll', schedule);
      resize.disconnect();
      cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, [scrollEl, schedule, view]);

  const lanes = Math.max(1, Math.min(model.laneCount, MAX_LANES));
  const idAt = (target: EventTarget): number | null => {
    const el = (target as HTMLElement).closest?.<HTMLElement>('.mg-stripe');
    return el ? Number(el.dataset['codingId']) : null;
  };
  return (
    <div
      className="mg-gutter"
      ref={ref}
      style={{ width: lanes * LANE_WIDTH + 10 }}
      onMouseLeave={() => onHover([], null)}
      onMouseDown={(e) => { if (idAt(e.target) !== null) e.preventDefault(); }}
      onClick={(e) => { const id = idAt(e.target); if (id !== null) onSelect(id); }}
      onMouseOver={(e) => {
        const id = idAt(e.target);
        if (id !== null && byId.current.has(id)) onHover([id], { x: e.clientX, y: e.clientY });
      }}
    />
  );
}

/** Brings the gutter's buttons in line with `bars`, reusing the button of each coding still shown. */
function drawBars(gutter: HTMLElement, bars: Bar[], selectedId: number | null, drawn: Map<number, HTMLButtonElement>): void {
  const keep = new Set<number>();
  for (const b of bars) {
    const { coding, code, color } = b.placed;
    keep.add(coding.id);
    const name = code?.name ?? 'Unknown code';
    const withMemo = coding.memoCount > 0;
    const showLabel = b.labelRoom > 24;
    let el = drawn.get(coding.id);
    if (!el) {
      el = document.createElement('button');
      el.type = 'button';
      el.tabIndex = -1;
      el.dataset['codingId'] = String(coding.id);
      drawn.set(coding.id, el);
      gutter.appendChild(el);
    }
    el.className = `mg-stripe${coding.id === selectedId ? ' selected' : ''}${b.openTop ? ' open-top' : ''}${b.openBottom ? ' open-bottom' : ''}`;
    el.style.top = `${b.top}px`;
    el.style.height = `${b.height}px`;
    el.style.left = `${b.lane * LANE_WIDTH}px`;
    el.style.color = color;
    el.setAttribute('aria-label', `${name}: “${coding.quote.slice(0, 80)}”`);
    // The inner parts change only with the code, the memo or the room for a label.
    const shape = `${name}|${withMemo}|${showLabel ? Math.round(b.labelRoom) : 0}`;
    if (el.dataset['shape'] !== shape) {
      el.dataset['shape'] = shape;
      el.replaceChildren();
      const bar = document.createElement('span');
      bar.className = 'mg-stripe-bar';
      el.appendChild(bar);
      if (withMemo) {
        const memo = document.createElement('span');
        memo.className = 'mg-stripe-memo';
        memo.title = 'Has a memo';
        memo.textContent = '✎';
        el.appendChild(memo);
      }
      if (showLabel) {
        const label = document.createElement('span');
        label.className = 'mg-stripe-label';
        label.style.maxHeight = `${b.labelRoom - (withMemo ? 16 : 2)}px`;
        label.textContent = name;
        el.appendChild(label);
      }
    }
  }
  for (const [id, el] of drawn) {
    if (!keep.has(id)) {
      el.remove();
      drawn.delete(id);
    }
  }
}
