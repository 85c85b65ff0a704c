import type { DocWindow } from './codings-plugin.ts';
import type { VisibleRange } from './visible-range.ts';

/** Positions decorated beyond the screen on each side, at least: about two screens of text. */
export const MIN_REACH = 4_000;

/**
 * Where the decorated window should go. `now` must be drawn in this frame; `later` is where the
 * window settles, in idle time.
 */
export type WindowPlan = { now: DocWindow | null; later: DocWindow | null };

export const sameWindow = (a: DocWindow, b: DocWindow): boolean => a.from === b.from && a.to === b.to;

/** Moves each edge of `w` toward `goal` by at most `step` positions. */
export function stepToward(w: DocWindow, goal: DocWindow, step: number): DocWindow {
  const edge = (at: number, to: number) => (at < to ? Math.min(to, at + step) : Math.max(to, at - step));
  return { from: edge(w.from, goal.from), to: edge(w.to, goal.to) };
}

/**
 * The window settles `reach` positions beyond the screen on each side (two screens, at least
 * MIN_REACH), in idle time. A frame moves it only when less than a screen of highlights is left
 * ahead (the next scroll step could show bare text) or more than a screen too much behind, and
 * then by one screen a side: a frame adds and removes about a screen of highlights at most,
 * however fast the scroll. Highlights are removed soon after their text leaves the screen, while
 * its chunk is still laid out: Chrome keeps the layout of text it skips (content-visibility), and
 * that stale layout holds on to every highlight element removed under it until the chunk is laid
 * out again (a whole transcript's worth after one scroll through it). A jump out of the window
 * draws a screen on each side at once and the rest later.
 */
export function planWindow(w: DocWindow, vis: VisibleRange, size: number): WindowPlan {
  const screen = Math.max(MIN_REACH / 2, vis.to - vis.from);
  const reach = Math.max(MIN_REACH, 2 * screen);
  const target: DocWindow = { from: Math.max(0, vis.from - reach), to: Math.min(size, vis.to + reach) };
  const settle = (now: DocWindow | null): WindowPlan => ({ now, later: sameWindow(now ?? w, target) ? null : target });
  if (vis.from < w.from || vis.to > w.to) {
    // A jump to text not laid out yet is measured before this frame lays it out: the text
    // painted may sit a few screens off, so draw the whole reach now.
    const around = vis.coarse ? reach : screen;
    return settle({ from: Math.max(0, vis.from - around), to: Math.min(size, vis.to + around) });
  }
  const leadAbove = vis.from - w.from;
  const leadBelow = w.to - vis.to;
  const moveAbove = (w.from > 0 && leadAbove < screen) || leadAbove > reach + screen;
  const moveBelow = (w.to < size && leadBelow < screen) || leadBelow > reach + screen;
  // Within half a screen of where it should be, an edge is not worth a transaction.
  const offAbove = Math.abs(w.from - target.from) > screen / 2;
  const offBelow = Math.abs(w.to - target.to) > screen / 2;
  if (moveAbove || moveBelow) {
    // Both edges in one transaction: each one costs a walk over the whole document's view.
    const stepped = stepToward(w, target, screen);
    return settle({ from: moveAbove || offAbove ? stepped.from : w.from, to: moveBelow || offBelow ? stepped.to : w.to });
  }
  return offAbove || offBelow ? settle(null) : { now: null, later: null };
}
