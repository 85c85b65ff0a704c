import { useEffect } from 'react';
import { setWindowMeta, windowOf, type DocWindow } from './codings-plugin.ts';
import type { FrameLoop } from './frame-loop.ts';
import type { VisibleRange } from './visible-range.ts';
import { planWindow, sameWindow } from './window-plan.ts';

/** Less idle time than this left before the next frame: the step waits for another idle period. */
const IDLE_MIN_MS = 4;

/**
 * Keeps the decorated window around what is on screen (window-plan.ts). Runs as the last step
 * of the frame loop: it only writes (a transaction that changes the highlights' DOM), after the
 * margin has read the layout. What a frame need not draw is drawn in idle time, so that
 * scrolling meets highlights drawn between frames.
 */
export function useDecorationWindow(loop: FrameLoop | null): void {
  useEffect(() => {
    if (!loop) return;
    const { view } = loop;
    let idle = 0;
    let later: DocWindow | null = null;
    const move = (w: DocWindow) => {
      if (!sameWindow(windowOf(view.state), w)) view.dispatch(setWindowMeta(view.state.tr, w));
    };
    const onIdle = (deadline: IdleDeadline) => {
      idle = 0;
      if (view.isDestroyed || !later) return;
      // Mid-fling the window would settle where the screen no longer is: the frame after it plans anew.
      if (loop.flinging) {
        later = null;
        return;
      }
      if (deadline.timeRemaining() < IDLE_MIN_MS) {
        idle = requestIdleCallback(onIdle);
        return;
      }
      const w = later;
      later = null;
      move(w);
    };
    const step = (vis: VisibleRange) => {
      const plan = planWindow(windowOf(view.state), vis, view.state.doc.content.size);
      if (plan.now) move(plan.now);
      later = plan.later;
      if (later && !idle) idle = requestIdleCallback(onIdle);
    };
    const remove = loop.add(1, step);
    loop.schedule();
    return () => {
      remove();
      cancelIdleCallback(idle);
    };
  }, [loop]);
}
