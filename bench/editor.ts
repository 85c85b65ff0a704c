import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { Input, MethodName, Output } from '../shared/api/contract.ts';
import { DocPositionMap, documentBlocks } from '../shared/domain/doc-blocks.ts';
import { Host } from '../electron/backend/host.ts';
import { startBrowserServer } from '../electron/server/server.ts';
import { pickApplyInputs } from './apply-inputs.ts';
import { CORPORA, scaleText, type CorpusSpec } from './corpora.ts';
import { BENCH_CODER, generateProject, type CorpusStats } from './corpus.ts';
import { ensureRenderer, launchChromium } from './editor-browser.ts';
import type { ChangeTiming, DocLayout, OpenTiming, ScrollTiming } from './editor-probe-types.ts';
import { PROBE_SCRIPT } from './editor-probe.ts';
import { applyCode, openSource, removeCoding, rendererMemory, scrollThrough, type Passage, type RendererMemory } from './editor-steps.ts';
import { deriveSeed, mulberry32 } from './prng.ts';
import { figure, median, percentile, type Figure } from './stats.ts';

/**
 * The document view in Chromium (issue 4's budgets): one 200,000-word interview with 10,000
 * codings opened from the Sources list, codes applied and removed from the keyboard, a scroll
 * from top to bottom, and the renderer's memory. Each run is a fresh project copy, a fresh
 * browser context (its own renderer process) and a fresh page load, so every run pays for
 * opening the view as a researcher does after starting the app.
 */

/** dense200k's text, codes and codings in one transcript: what one long interview looks like. */
export const EDITOR_CORPUS: CorpusSpec = { ...CORPORA.dense200k, name: 'editor200k', sources: 1, participants: 1 };
/** Timed applies (and removes) per run, after WARM_UP untimed ones: p95 of 40 is the second largest. */
const SAMPLES = 40;
const WARM_UP = 3;
/** One frame at 60 Hz: the span over which a key's moment is spread. */
const FRAME_MS = 1000 / 60;
/** A scroll whose frames blow the budget by far would take many minutes to reach the bottom. */
const SCROLL_MAX_MS = 60_000;

export type EditorBenchOptions = { runs: number; textScale: number; outDir: string; workDir: string; log: (message: string) => void };

type RunResult = { codings: number; open: OpenTiming; apply: ChangeTiming[]; remove: ChangeTiming[]; scroll: ScrollTiming; memory: RendererMemory };

export type EditorReport = {
  details: Record<string, unknown>;
  figures: Record<string, Figure>;
};

/** One API call through the host's dispatcher, typed by the contract. */
async function api<M extends MethodName>(host: Host, method: M, input: Input<M>): Promise<Output<M>> {
  const result = await host.call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as Output<M>;
}

/** The open source as the view lays it out: its name, which blocks each coding covers, passages to code. */
async function sceneOf(host: Host, run: number): Promise<{ name: string; layout: DocLayout; passages: Passage[] }> {
  const [source] = await api(host, 'sources.list', {});
  if (!source) throw new Error('the bench project has no source');
  const detail = await api(host, 'sources.get', { id: source.id });
  const codings = await api(host, 'codings.listForSource', { sourceId: source.id });
  // The renderer's own layout arithmetic (shared/), so blocks and positions agree with the view.
  const blocks = documentBlocks(detail.text, detail.units);
  const map = new DocPositionMap(blocks);
  const layout: DocLayout = { blockCount: Math.max(1, blocks.length), codings: [] };
  for (const c of codings) {
    const first = map.blockIndexAt(c.start);
    const last = map.blockIndexAt(c.end);
    if (map.toRange(c.start, c.end) !== null && first !== null && last !== null) layout.codings.push([c.id, first, last]);
  }
  const passages = pickApplyInputs(host.current!.db, mulberry32(deriveSeed(4712, run)), WARM_UP + SAMPLES).map((input) => {
    const range = map.toRange(input.start, input.end);
    if (!range) throw new Error(`passage ${input.start}–${input.end} is not shown in the view`);
    return { ...range, codeId: input.codeId };
  });
  return { name: source.name, layout, passages };
}

/** What one run measures beyond open, apply and remove; `cpuSlowdown` throttles the page's CPU (Chromium's Emulation.setCPUThrottlingRate). */
type RunShape = { scroll: boolean; cpuSlowdown: number };
const FULL_RUN: RunShape = { scroll: true, cpuSlowdown: 1 };

async function oneRun(browser: Browser, project: string, rendererDir: string, workDir: string, run: number, log: (m: string) => void, shape: RunShape = FULL_RUN): Promise<RunResult> {
  const path = join(workDir, `editor-run-${run}.marginalia`);
  copyFileSync(project, path);
  const host = new Host({ home: join(workDir, 'home'), coderName: BENCH_CODER });
  host.open(path, false);
  const server = await startBrowserServer({ call: host.call, rendererDir });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript({ content: PROBE_SCRIPT });
    if (shape.cpuSlowdown !== 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: shape.cpuSlowdown });
    await page.goto(server.url);
    const scene = await sceneOf(host, run);

    const open = await openSource(page, scene.name, scene.layout);
    log(`  run ${run + 1}: readable in ${open.shownMs.toFixed(0)} ms (${open.onScreenCodings} codings on screen, ${open.codingsDrawn} drawn, ${open.marks} highlight elements)`);
    /** Names the profile and trace files of this run (a throttled run apart from the plain one). */
    const fileTag = `${scene.layout.codings.length}${shape.cpuSlowdown !== 1 ? `-cpu${shape.cpuSlowdown}x` : ''}-run${run + 1}`;
    // MARGINALIA_BENCH_PROFILE=/path/prefix: CPU profiles of the page over the applies and over the removes (open them in Chrome's DevTools).
    const profileTo = process.env['MARGINALIA_BENCH_PROFILE'];
    const profiler = profileTo ? await context.newCDPSession(page) : null;
    if (profiler) {
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.start');
    }
    const apply: ChangeTiming[] = [];
    // Keys come at any point of a frame (60 Hz), drawn from a seeded stream: the same points every run of the bench.
    const phases = mulberry32(0x5eed + run);
    const phase = () => phases.next() * FRAME_MS;
    for (const passage of scene.passages) apply.push(await applyCode(page, passage, phase()));
    if (profiler && profileTo) {
      const { profile } = await profiler.send('Profiler.stop');
      writeFileSync(`${profileTo}-${fileTag}.cpuprofile`, JSON.stringify(profile));
      log(`  run ${run + 1}: CPU profile of the applies written next to ${profileTo}`);
    }
    log(`  run ${run + 1}: apply p95 ${percentile(apply.slice(WARM_UP).map((t) => t.shownMs), 95).toFixed(1)} ms`);
    const remove: ChangeTiming[] = [];
    if (profiler) await profiler.send('Profiler.start');
    // MARGINALIA_BENCH_TRACE=/path/prefix: a Chromium performance trace over the removes (style, layout and paint per task).
    const traceTo = process.env['MARGINALIA_BENCH_TRACE'];
    if (traceTo) await browser.startTracing(page, { path: `${traceTo}-${fileTag}-remove.json`, categories: ['devtools.timeline', 'blink.user_timing'] });
    for (let i = apply.length - 1; i >= 0; i--) remove.push(await removeCoding(page, apply[i]!.codingId, scene.passages[i]!.from, phase()));
    if (traceTo) await browser.stopTracing();
    if (profiler && profileTo) {
      const { profile } = await profiler.send('Profiler.stop');
      writeFileSync(`${profileTo}-${fileTag}-remove.cpuprofile`, JSON.stringify(profile));
    }
    log(`  run ${run + 1}: remove p95 ${percentile(remove.slice(WARM_UP).map((t) => t.shownMs), 95).toFixed(1)} ms`);
    if (!shape.scroll) return { codings: scene.layout.codings.length, open, apply: apply.slice(WARM_UP), remove: remove.slice(WARM_UP), scroll: null as unknown as ScrollTiming, memory: await rendererMemory(browser, page) };
    const scroll = await scrollThrough(page, SCROLL_MAX_MS, scene.layout);
    log(`  run ${run + 1}: scroll longest frame ${scroll.longestFrameMs.toFixed(1)} ms over ${scroll.frames} frames, ${Math.round(scroll.reached * 100)} % of the way down`);
    log(`  run ${run + 1}: fling settled in ${scroll.settleMs.toFixed(0)} ms; skim longest frame ${scroll.skim.longestFrameMs.toFixed(1)} ms over ${scroll.skim.frames} frames${scroll.skim.completeAtEnd ? '' : ' (screen NOT complete at the end)'}`);
    const memory = await rendererMemory(browser, page);
    if (errors.length > 0) throw new Error(`the page threw: ${errors.join('; ')}`);
    return { codings: scene.layout.codings.length, open, apply: apply.slice(WARM_UP), remove: remove.slice(WARM_UP), scroll, memory };
  } finally {
    await context.close();
    await server.close();
    host.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  }
}

const med = (values: readonly number[]): number => Number(median(values).toFixed(1));
const medOf = (timings: readonly ChangeTiming[], key: 'apiStartMs' | 'apiEndMs' | 'domMs' | 'shownMs' | 'confirmedMs'): number | null => {
  const values = timings.map((t) => t[key]).filter((v): v is number => v !== null);
  return values.length > 0 ? med(values) : null;
};
const changeBreakdown = (timings: readonly ChangeTiming[]) => ({
  requestSentMs: medOf(timings, 'apiStartMs'),
  answerParsedMs: medOf(timings, 'apiEndMs'),
  domChangedMs: medOf(timings, 'domMs'),
  paintedMs: medOf(timings, 'shownMs'),
  confirmedMs: medOf(timings, 'confirmedMs'),
});

export async function runEditorBench(o: EditorBenchOptions): Promise<EditorReport> {
  const { runs, workDir, log } = o;
  mkdirSync(workDir, { recursive: true });
  const spec = scaleText(EDITOR_CORPUS, o.textScale);
  const project = join(workDir, `${spec.name}.marginalia`);
  rmSync(project, { force: true });
  log(`editor: generating ${spec.name} (one interview, ~${spec.words} words, ${spec.codings} codings)`);
  const g0 = performance.now();
  const stats: CorpusStats = generateProject(project, spec);
  const generationMs = Math.round(performance.now() - g0);
  const renderer = ensureRenderer(o.outDir, log);
  // Frame times follow whatever else the machine is doing; the load average says how busy it was.
  const load = () => loadavg().map((x) => Number(x.toFixed(2)));
  const loadAtStart = load();

  const browser = await launchChromium();
  const chromiumVersion = browser.version();
  const results: RunResult[] = [];
  try {
    for (let r = 0; r < runs; r++) results.push(await oneRun(browser, project, renderer.dir, workDir, r, log));
  } finally {
    await browser.close();
    rmSync(project, { force: true });
  }

  const all = <T>(pick: (r: RunResult) => T): T[] => results.map(pick);
  const opens = all((r) => r.open);
  const applies = results.flatMap((r) => r.apply);
  const removes = results.flatMap((r) => r.remove);
  const scrolls = all((r) => r.scroll);
  const mem = all((r) => r.memory);
  const processMB = mem.map((m) => m.process?.privateMB ?? Number.NaN);
  const perRun = (list: (r: RunResult) => ChangeTiming[], p: number) => results.map((r) => percentile(list(r).map((t) => t.shownMs), p));
  const changeNote = (what: string) =>
    `${SAMPLES} ${what} per run after ${WARM_UP} warm-up ones, each key at a seeded random point of a 60 Hz frame; from the key's event to the first frame painted with the change (the rAF after the DOM change, then a message task)`;

  const figures: Record<string, Figure> = {
    readableMs: figure('ms', opens.map((t) => t.shownMs), { op: '<=', value: 1000 }, 1,
      'click on the source in the Sources list → first frame painted with the text on screen, every coding that touches it highlighted, and the margin stripes drawn; fresh page per run'),
    applyP50Ms: figure('ms', perRun((r) => r.apply, 50), { op: '<=', value: 16 }, 1, changeNote('applies (Enter on a code in the codebook tree, passage selected in the editor)')),
    applyP95Ms: figure('ms', perRun((r) => r.apply, 95), { op: '<=', value: 33 }, 1, changeNote('applies (Enter on a code in the codebook tree, passage selected in the editor)')),
    removeP50Ms: figure('ms', perRun((r) => r.remove, 50), { op: '<=', value: 16 }, 1, changeNote('removes (coding selected by its stripe, Delete in the document)')),
    removeP95Ms: figure('ms', perRun((r) => r.remove, 95), { op: '<=', value: 33 }, 1, changeNote('removes (coding selected by its stripe, Delete in the document)')),
    scrollLongestFrameMs: figure('ms', scrolls.map((s) => s.longestFrameMs), { op: '<=', value: 33 }, 1,
      `.mg-scroll scrolled top to bottom one screen (${scrolls[0]?.stepPx ?? '?'} px) per animation frame, for at most ${SCROLL_MAX_MS / 1000} s (see editor.scroll[].reached); longest interval between frames`),
    scrollSettleMs: figure('ms', scrolls.map((s) => s.settleMs), { op: '<=', value: 250 }, 1,
      'after the scroll: a fling of 30 screens up, one a frame, then still; from the frame of its last step to the first frame painted with every coding of the blocks on screen highlighted and the margin drawn (the view draws nothing while text flies by at a screen a frame). Budget ours, not the issue\'s'),
    scrollSkimLongestFrameMs: figure('ms', scrolls.map((s) => (s.skim.completeAtEnd ? s.skim.longestFrameMs : Number.NaN)), { op: '<=', value: 33 }, 1,
      `then 0.3 of a screen (${scrolls[0]?.skim.stepPx ?? '?'} px) per frame from the top for ${scrolls[0]?.skim.frames ?? '?'} frames, highlights and stripes drawn as it goes (NaN if the screen was not complete a frame after the last step); longest interval between frames`),
    rendererMemoryMB: figure('MB', processMB, { op: '<=', value: 300 }, 1,
      'private memory (Private_Clean + Private_Dirty, /proc smaps_rollup) of the page\'s renderer process after open, applies, removes and the scroll, after a GC'),
    rendererJsHeapMB: figure('MB', mem.map((m) => m.jsHeapUsedMB), { op: '<=', value: 500 }, 1, 'CDP Performance.getMetrics JSHeapUsedSize at the same moment'),
  };

  const details = {
    corpus: { spec, stats, generationMs },
    renderer: { dir: renderer.dir, builtNow: renderer.built },
    chromium: chromiumVersion,
    loadAverage1_5_15min: { atStart: loadAtStart, atEnd: load() },
    samplesPerRun: SAMPLES,
    warmUpPerRun: WARM_UP,
    open: {
      codingsInView: results[0]?.codings,
      codingsOnScreen: opens[0]?.onScreenCodings,
      codingsDrawn: opens[0]?.codingsDrawn,
      highlightElements: opens[0]?.marks,
      stripesOnScreen: opens[0]?.stripes,
      medianDataLoadedMs: med(opens.map((t) => t.dataMs ?? Number.NaN)),
      medianDomCompleteMs: med(opens.map((t) => t.domMs)),
      medianProbeCheckMs: med(opens.map((t) => t.checkMs)),
    },
    applyMedians: changeBreakdown(applies),
    removeMedians: changeBreakdown(removes),
    scroll: scrolls.map(({ steps, frames, frameP95Ms, framesOver50Ms, longestLoafMs, longestLoaf, scrollHeight, reached, skim }) => ({ steps, frames, frameP95Ms, framesOver50Ms, longestLoafMs, longestLoaf, scrollHeight, reached, skim })),
    memory: mem.map((m) => ({ domNodes: m.domNodes, rssMB: m.process?.rssMB, pssMB: m.process?.pssMB })),
  };
  return { details, figures };
}

export type EditorScaleOptions = EditorBenchOptions & { sizes: readonly number[] };

const sizeLabel = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));

/**
 * Apply and remove at several numbers of codings in the one interview (same text, same
 * passages coded), the open time at each, and the same at 10k codings with the page's CPU
 * slowed 2× (a student's laptop on battery). The ratio of the slowest to the fastest median
 * says whether a coding action's cost depends on how many codings the source holds.
 */
export async function runEditorScaleBench(o: EditorScaleOptions): Promise<EditorReport> {
  const { runs, workDir, log } = o;
  mkdirSync(workDir, { recursive: true });
  const renderer = ensureRenderer(o.outDir, log);
  const browser = await launchChromium();
  const figures: Record<string, Figure> = {};
  const details: Record<string, unknown> = { chromium: browser.version(), loadAverage1_5_15min: { atStart: loadavg().map((x) => Number(x.toFixed(2))) } };
  const p50s: { apply: number[]; remove: number[] } = { apply: [], remove: [] };
  const measure = async (codings: number, shape: RunShape, tag: string) => {
    const spec = { ...scaleText(EDITOR_CORPUS, o.textScale), name: `editor200k-${sizeLabel(codings)}`, codings };
    const project = join(workDir, `${spec.name}.marginalia`);
    rmSync(project, { force: true });
    log(`editor scale: generating ${spec.name} (${codings} codings)`);
    generateProject(project, spec);
    const results: RunResult[] = [];
    try {
      for (let r = 0; r < runs; r++) results.push(await oneRun(browser, project, renderer.dir, workDir, r, log, shape));
    } finally {
      rmSync(project, { force: true });
    }
    const perRun = (list: (r: RunResult) => ChangeTiming[], p: number) => results.map((r) => percentile(list(r).map((t) => t.shownMs), p));
    const note = (what: string) => `${SAMPLES} ${what} per run on ${spec.name}${shape.cpuSlowdown !== 1 ? `, page CPU slowed ${shape.cpuSlowdown}×` : ''}; a key at a seeded random point of a frame → first frame painted with the change`;
    // The issue's budgets: p50 within a frame at full speed; slowed 2×, only the p95 has one (≤ 50 ms).
    const p50Budget = shape.cpuSlowdown !== 1 ? null : { op: '<=' as const, value: 16 };
    figures[`applyP50${tag}Ms`] = figure('ms', perRun((r) => r.apply, 50), p50Budget, 1, note('applies'));
    figures[`applyP95${tag}Ms`] = figure('ms', perRun((r) => r.apply, 95), { op: '<=', value: shape.cpuSlowdown !== 1 ? 50 : 33 }, 1, note('applies'));
    figures[`removeP50${tag}Ms`] = figure('ms', perRun((r) => r.remove, 50), p50Budget, 1, note('removes'));
    figures[`removeP95${tag}Ms`] = figure('ms', perRun((r) => r.remove, 95), { op: '<=', value: shape.cpuSlowdown !== 1 ? 50 : 33 }, 1, note('removes'));
    figures[`readable${tag}Ms`] = figure('ms', results.map((r) => r.open.shownMs), { op: '<=', value: codings > 10_000 ? 1500 : 1000 }, 1, `click on the source → text, highlights and margin on screen, ${spec.name}`);
    details[tag] = { codingsInView: results[0]?.codings, applyMedians: changeBreakdown(results.flatMap((r) => r.apply)), removeMedians: changeBreakdown(results.flatMap((r) => r.remove)) };
    return { apply: median(perRun((r) => r.apply, 50)), remove: median(perRun((r) => r.remove, 50)) };
  };
  try {
    for (const n of o.sizes) {
      const m = await measure(n, { scroll: false, cpuSlowdown: 1 }, `At${sizeLabel(n)}`);
      p50s.apply.push(m.apply);
      p50s.remove.push(m.remove);
    }
    await measure(10_000, { scroll: false, cpuSlowdown: 2 }, 'At10kCpu2x');
  } finally {
    await browser.close();
  }
  const ratio = (xs: number[]) => [Math.max(...xs) / Math.min(...xs)];
  const sizes = o.sizes.map(sizeLabel).join(', ');
  figures['applySizeRatio'] = figure('×', ratio(p50s.apply), { op: '<=', value: 1.5 }, 2, `slowest / fastest median apply over ${sizes} codings`);
  figures['removeSizeRatio'] = figure('×', ratio(p50s.remove), { op: '<=', value: 1.5 }, 2, `slowest / fastest median remove over ${sizes} codings`);
  return { details, figures };
}
