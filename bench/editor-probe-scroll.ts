import type { PageWindow } from './editor-dom.ts';
import type { DocLayout, ProbeHost, ScrollTiming } from './editor-probe-types.ts';

/**
 * The scroll half of the in-page probe: adds `scroll` to `globalThis.__mgBench` (installed by
 * installProbe first). Serialized into the page like it, so it references nothing outside.
 */
export function installScrollProbe(): void {
  /** Screens flung up from the bottom before the scroll stops (settleMs). */
  const FLING_STEPS = 30;
  /** Frames of the skim at 0.3 of a screen a frame. */
  const SKIM_FRAMES = 600;
  const TIMEOUT_MS = 60_000;
  const w = globalThis as unknown as PageWindow & ProbeHost;
  const now = () => w.performance.now();
  const frame = () => new Promise<number>((resolve) => w.requestAnimationFrame(resolve));
  const longest = (deltas: number[]) => Math.max(0, ...deltas);
  const p95 = (deltas: number[]) => {
    const sorted = [...deltas].sort((a, b) => a - b);
    return sorted[Math.max(0, Math.ceil(sorted.length * 0.95) - 1)] ?? 0;
  };

  w.__mgBench.scroll = async (maxMs: number, layout: DocLayout): Promise<ScrollTiming> => {
    const el = w.document.querySelector('.mg-scroll');
    if (!el) throw new Error('no scroll container');
    el.scrollTop = 0;
    for (let i = 0; i < 10; i++) await frame();
    let longestLoafMs: number | null = null;
    let longestLoaf = '';
    const loafObserver = new w.PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.duration <= (longestLoafMs ?? 0)) continue;
        longestLoafMs = e.duration;
        // Where its time went: before rendering (tasks), rendering up to style and layout, style and layout and paint; its long scripts.
        const render = (e.renderStart ?? 0) || e.startTime + e.duration;
        const style = (e.styleAndLayoutStart ?? 0) || e.startTime + e.duration;
        const ms = (x: number) => Math.round(x);
        const scripts = (e.scripts ?? []).map((s) => `${s.invoker} ${ms(s.duration)} ms (forced layout ${ms(s.forcedStyleAndLayoutDuration)})`);
        longestLoaf = `${ms(e.duration)} ms: tasks ${ms(render - e.startTime)}, frame callbacks ${ms(style - render)}, style/layout/paint ${ms(e.startTime + e.duration - style)}${scripts.length ? `; ${scripts.join(', ')}` : ''}`;
      }
    });
    const loaf = w.PerformanceObserver.supportedEntryTypes.includes('long-animation-frame');
    if (loaf) {
      longestLoafMs = 0;
      loafObserver.observe({ type: 'long-animation-frame', buffered: false });
    }
    // One screen per frame, as a fast fling or a dragged scroll thumb does: every frame lays out new text.
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
    const reached = Math.min(1, (el.scrollTop + el.clientHeight) / el.scrollHeight);

    // A fling up from the bottom that stops: how soon is the screen it stops on complete?
    for (let i = 0; i < FLING_STEPS; i++) {
      await frame();
      el.scrollTop -= stepPx;
    }
    const stopped = now();
    let checkMs = 0;
    for (;;) {
      await frame();
      const t = now();
      const state = w.__mgBench.screenState(layout);
      checkMs += now() - t;
      if (state?.complete) break;
      if (t - stopped > TIMEOUT_MS) throw new Error(`the screen a fling stopped on was not complete within ${TIMEOUT_MS} ms`);
    }
    const settleMs = (await w.__mgBench.afterPaint()) - stopped - checkMs;

    // Skimming: 0.3 of a screen a frame from the top, slow enough for the view to draw every frame (scroll-pace.ts).
    el.scrollTop = 0;
    for (let i = 0; i < 10; i++) await frame();
    const skimStep = Math.round(stepPx * 0.3);
    const skim: number[] = [];
    last = await frame();
    for (let i = 0; i < SKIM_FRAMES; i++) {
      el.scrollTop += skimStep;
      const t = await frame();
      skim.push(t - last);
      last = t;
    }
    await frame();
    const completeAtEnd = w.__mgBench.screenState(layout)?.complete ?? false;

    return {
      steps,
      stepPx,
      scrollHeight: el.scrollHeight,
      frames: deltas.length,
      longestFrameMs: longest(deltas),
      frameP95Ms: p95(deltas),
      framesOver50Ms: deltas.filter((d) => d > 50).length,
      longestLoafMs,
      longestLoaf,
      reached,
      settleMs,
      skim: { frames: skim.length, stepPx: skimStep, longestFrameMs: longest(skim), frameP95Ms: p95(skim), completeAtEnd },
    };
  };
}
