import { useEffect } from 'react';
import type { EditorView } from '@tiptap/pm/view';
import { setWindowMeta, windowOf } from './codings-plugin.ts';
import { visibleRange } from './visible-range.ts';

/** Positions decorated beyond the screen on each side, at least: about two screens of text. */
const MIN_REACH = 4_000;

/**
 * Keeps the decorated window around what is on screen: when the visible text nears the
 * window's edge, the window is re-centred with two screens' reach on either side, so
 * scrolling meets highlights that are already drawn.
 */
export function useDecorationWindow(view: EditorView | null, scrollEl: HTMLElement | null): void {
  useEffect(() => {
    if (!view || !scrollEl) return;
    let frame = 0;
    const check = () => {
      frame = 0;
      if (view.isDestroyed) return;
      const size = view.state.doc.content.size;
      const vis = visibleRange(view, scrollEl);
      const reach = Math.max(MIN_REACH, 2 * (vis.to - vis.from));
      const w = windowOf(view.state);
      const margin = reach / 2;
      const nearTop = w.from > 0 && vis.from < w.from + margin;
      const nearBottom = w.to < size && vis.to > w.to - margin;
      if (!nearTop && !nearBottom && vis.from >= w.from && vis.to <= w.to) return;
      view.dispatch(setWindowMeta(view.state.tr, { from: Math.max(0, vis.from - reach), to: Math.min(size, vis.to + reach) }));
    };
    const schedule = () => { if (!frame) frame = requestAnimationFrame(check); };
    check();
    scrollEl.addEventListener('scroll', schedule, { passive: true });
    const resize = new ResizeObserver(schedule);
    resize.observe(scrollEl);
    return () => {
      scrollEl.removeEventListener('scroll', schedule);
      resize.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [view, scrollEl]);
}
