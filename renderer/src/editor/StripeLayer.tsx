import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
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
  const [bars, setBars] = useState<Bar[]>([]);
  const frame = useRef(0);

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
    setBars(next);
  }, [view, model, scrollEl]);

  const schedule = useCallback(() => {
    if (!frame.current) frame.current = requestAnimationFrame(compute);
  }, [compute]);

  useLayoutEffect(() => {
    compute();
  }, [compute, selectedId]);

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
  return (
    <div className="mg-gutter" ref={ref} style={{ width: lanes * LANE_WIDTH + 10 }} onMouseLeave={() => onHover([], null)}>
      {bars.map((b) => {
        const { coding, code, color } = b.placed;
        const name = code?.name ?? 'Unknown code';
        const selected = coding.id === selectedId;
        return (
          <button
            key={coding.id}
            type="button"
            tabIndex={-1}
            className={`mg-stripe${selected ? ' selected' : ''}${b.openTop ? ' open-top' : ''}${b.openBottom ? ' open-bottom' : ''}`}
            style={{ top: b.top, height: b.height, left: b.lane * LANE_WIDTH, color }}
            data-coding-id={coding.id}
            aria-label={`${name}: “${coding.quote.slice(0, 80)}”`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onSelect(coding.id)}
            onMouseEnter={(e) => onHover([coding.id], { x: e.clientX, y: e.clientY })}
          >
            <span className="mg-stripe-bar" />
            {coding.memoCount > 0 && <span className="mg-stripe-memo" title="Has a memo">✎</span>}
            {b.labelRoom > 24 && <span className="mg-stripe-label" style={{ maxHeight: b.labelRoom - (coding.memoCount > 0 ? 16 : 2) }}>{name}</span>}
          </button>
        );
      })}
    </div>
  );
}
