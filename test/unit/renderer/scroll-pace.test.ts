import { describe, expect, it } from 'vitest';
import { FLING_SCREENS, ScrollPace } from '../../../renderer/src/editor/scroll-pace.ts';

const SCREEN = 600;

/** Feeds scroll positions frame by frame; returns which frames were skipped. */
function skipped(positions: number[]): boolean[] {
  const pace = new ScrollPace();
  return positions.map((top) => pace.flinging(top, SCREEN));
}

describe('ScrollPace: the view skips drawing only while text flies by', () => {
  it('draws every frame of a reading-speed scroll, however long', () => {
    const tops = Array.from({ length: 200 }, (_, i) => i * SCREEN * 0.3);
    expect(skipped(tops).some(Boolean)).toBe(false);
  });

  it('draws a single jump at once (scroll thumb clicked, search hit, next coding)', () => {
    expect(skipped([0, 0, 50_000, 50_000, 120_000, 120_000])).toEqual([false, false, false, false, false, false]);
  });

  it('skips from the second fast frame of a fling and draws the frame it stops on', () => {
    const fling = [0, 600, 1200, 1800, 2400, 2400, 2400];
    expect(skipped(fling)).toEqual([false, false, true, true, true, false, false]);
  });

  it('draws again as soon as a fling slows below the threshold, in either direction', () => {
    const step = SCREEN * FLING_SCREENS;
    const tops = [10_000, 10_000 - step, 10_000 - 2 * step, 10_000 - 2 * step - 100, 10_000 - 2 * step - 200];
    expect(skipped(tops)).toEqual([false, false, true, false, false]);
  });

  it('never skips when the pane has no height', () => {
    const pace = new ScrollPace();
    expect([0, 5000, 10_000, 15_000].map((top) => pace.flinging(top, 0))).toEqual([false, false, false, false]);
    expect(pace.inFling).toBe(false);
  });
});
