import type { PageWindow } from './editor-dom.ts';
import type { ProbeHost, ScrollTiming } from './editor-probe-types.ts';

/**
 * The scroll half of the in-page probe: adds `scroll` to `globalThis.__mgBench` (installed by
 * installProbe first). Serialized into the page like it, so it references nothing outside.
 */
export function installScrollProbe(): void {
  const w = globalThis as unknown as PageWindow & ProbeHost;
  const now = () => w.performance.now();
  const frame = () => new Promise<number>((resolve) => w.requestAnimationFrame(resolve));
  /** Scrolls to the bottom, or for at most `maxMs` when frames are so slow that the bottom is minutes away. */
  w.__mgBench.scroll = async (maxMs: number): Promise<ScrollTiming> => {
    const el = w.document.querySelector('.mg-scroll');
    if (!el) throw new Error('no scroll container');
    el.scrollTop = 0;
    for (let i = 0; i < 10; i++) await frame();
    let longestLoafMs: number | null = null;
    const loafObserver = new w.PerformanceObserver((list) => {
      for (const e of list.getEntries()) longestLoafMs = Math.max(longestLoafMs ?? 0, e.duration);
    });
    const loaf = w.PerformanceObserver.supportedEntryTypes.includes('long-animation-frame');
    if (loaf) {
      longestLoafMs = 0;
      loafObserver.observe({ type: 'long-animation-frame', buffered: false });
    }
    // One screen per frame, as holding Page Down or a fast fling does: every frame lays out new text.
    const stepPx = el.clientHeight;
    const deltas: number[] = [];
    let steps = 0;
    let last: number | null = null;
    const stopAt = now() + maxMs;
    for (let atBottom = 0; atBottom < 3 && now() < stopAt; ) {
      const t = await frame();
      if (last !== null) deltas.push(t - last);
      last = t;
      if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) atBottom++;
      else {
        el.scrollTop += stepPx;
        steps++;
      }
    }
    // Long-animation-frame entries arrive after their frame ends.
    await new Promise((resolve) => w.setTimeout(() => resolve(undefined), 200));
    loafObserver.disconnect();
    const sorted = [...deltas].sort((a, b) => a - b);
    return {
      steps,
      stepPx,
      scrollHeight: el.scrollHeight,
      frames: deltas.length,
      longestFrameMs: sorted[sorted.length - 1] ?? 0,
      frameP95Ms: sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)] ?? 0,
      framesOver50Ms: deltas.filter((d) => d > 50).length,
      longestLoafMs,
      reached: Math.min(1, (el.scrollTop + el.clientHeight) / el.scrollHeight),
    };
  };
}
