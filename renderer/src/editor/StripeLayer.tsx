import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { firstReaching, type CodingModel, type PlacedCoding } from './coding-model.ts';
import type { FrameLoop } from './frame-loop.ts';
import { drawBars, LANE_WIDTH, newStripeSet, type Bar } from './stripe-bars.ts';
import type { VisibleRange } from './visible-range.ts';

/** Lanes beyond this many draw in the last one; a transcript rarely stacks deeper. */
export const MAX_LANES = 8;
/** Longest a vertical code-name label may grow, in CSS pixels. */
const LABEL_MAX = 180;

export type StripeLayerProps = {
  loop: FrameLoop;
  model: CodingModel;
  selectedId: number | null;
  onSelect: (codingId: number) => void;
  onHover: (codingIds: number[], at: { x: number; y: number } | null) => void;
};

/** The placed codings that touch positions from–to. */
function inRange(model: CodingModel, from: number, to: number): PlacedCoding[] {
  const list = model.placed;
  const out: PlacedCoding[] = [];
  for (let i = firstReaching(list, from, model.maxLength); i < list.length && list[i]!.from <= to; i++) if (list[i]!.to >= from) out.push(list[i]!);
  return out;
}

/**
 * Coding stripes in the right margin, NVivo style: a coloured bar per coding in its lane,
 * labelled with the code name. Only codings on screen are measured and drawn, as the first step
 * of the frame loop on scroll or resize (it reads the layout before the decoration window
 * changes the text), so a long transcript costs what one screen does.
 */
export function StripeLayer({ loop, model, selectedId, onSelect, onHover }: StripeLayerProps) {
  const { view } = loop;
  const ref = useRef<HTMLDivElement>(null);
  // Bars are drawn straight into the gutter, not through React state: a render and commit of
  // the workbench on every scroll frame would cost more than the bars themselves.
  const drawn = useRef(newStripeSet());

  const compute = useCallback(
    (range?: VisibleRange) => {
      const gutter = ref.current;
      if (!gutter || view.isDestroyed) return;
      const { from: fromPos, to: toPos } = range ?? loop.currentRange();
      const gutterTop = gutter.getBoundingClientRect().top;
      const next: Bar[] = [];
      for (const p of inRange(model, fromPos, toPos)) {
        const a = Math.max(p.from, fromPos);
        const b = Math.min(p.to, toPos);
        if (b < a) continue;
        const top = view.coordsAtPos(a, 1).top - gutterTop;
        const bottom = view.coordsAtPos(b, -1).bottom - gutterTop;
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
    },
    [view, loop, model, selectedId],
  );

  // A new model or selection is drawn before the browser paints, not a frame later, but after
  // the document has drawn its highlights: React runs this layout effect before the document's
  // own (a child's first), and measuring here would lay the page out once for the stripes and
  // again for the highlights. A microtask still runs before the frame is painted.
  useLayoutEffect(() => {
    let live = true;
    queueMicrotask(() => {
      if (live) compute();
    });
    return () => {
      live = false;
    };
  }, [compute]);

  useEffect(() => loop.add(0, compute), [loop, compute]);

  useEffect(() => {
    const set = drawn.current;
    return () => {
      for (const d of [...set.shown.values(), ...set.spare]) d.el.remove();
      set.shown.clear();
      set.spare.length = 0;
    };
  }, []);

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
        if (id !== null && drawn.current.shown.has(id)) onHover([id], { x: e.clientX, y: e.clientY });
      }}
    />
  );
}
