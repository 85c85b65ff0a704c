import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Input, Output } from '../shared/api/contract.ts';
import { chartData } from '../shared/domain/analysis/chart-data.ts';
import { MEASURE_LABEL } from '../shared/domain/analysis/format.ts';
import type { Measure } from '../shared/domain/analysis/types.ts';
import { Host } from '../electron/backend/host.ts';
import type { ApiCall } from '../electron/backend/dispatcher.ts';
import { startBrowserServer } from '../electron/server/server.ts';
import { CORPORA, scaleText, type CorpusSpec } from './corpora.ts';
import { BENCH_CODER, generateProject } from './corpus.ts';
import { ensureRenderer, launchChromium } from './editor-browser.ts';
import type { PageElement, PageEvent, PageNode, PageWindow } from './editor-dom.ts';
import { figure, median, type Figure } from './stats.ts';

/**
 * The frequency chart in Chromium (issue 5): 20 leaf categories (in 5 parents) × 50
 * participants, drawn as grouped horizontal bars, one per category and participant. The
 * project is `large`'s participants, sources and codings with 25 codes instead of 200, so the
 * backend works on a realistic amount of coding. Each run is a fresh browser context and page
 * load: the chart is timed when the Analysis view is first opened (its default tab is
 * Frequency, rows = all codes, columns = participants), then on switching the measure to
 * Sources and back to Codings. Times are taken in the page, from the click's event to the
 * first frame painted after every bar is in the DOM, drawn differently from before the click, with
 * the asked-for measure in the title, and the heat table beside it shows the same measure with all
 * its rows: the view draws the table and the chart in separate commits (and recharts redraws bars
 * a render after their data changes), and a user has the figure when both are on screen.
 */

export const CHART_CORPUS: CorpusSpec = { ...CORPORA.large, name: 'chart50x20', codes: 25 };
const BUDGET_MS = 300;

type ChartTiming = {
  /** Click → first frame painted with every bar and the whole table (the rAF after the DOM held them, then a message task). */
  shownMs: number;
  /** Click → the DOM mutation after which every bar and table row was there. */
  domMs: number;
  /** Click → analysis.frequency sent / its answer parsed, as the page saw it. */
  apiStartMs: number | null;
  apiEndMs: number | null;
  bars: number;
};
type ChartProbe = { arm: (bars: number, tableRows: number, title: string) => void; result: () => Promise<ChartTiming> };
type ChartHost = { __mgChart: ChartProbe };

/** Serialized into the page as an init script: it may reference nothing outside its body. */
function installChartProbe(): void {
  const TIMEOUT_MS = 60_000;
  const w = globalThis as unknown as PageWindow & ChartHost;
  const now = () => w.performance.now();
  const calls: { start: number; end: number }[] = [];
  const realFetch = w.fetch.bind(w);
  // Every method goes to POST /api/call: only the body says which call is the matrix.
  w.fetch = async (input, init) => {
    const isMatrix = input === '/api/call' && typeof init?.body === 'string' && (JSON.parse(init.body) as { method?: string }).method === 'analysis.frequency';
    if (!isMatrix) return realFetch(input, init);
    const record = { start: now(), end: Number.NaN };
    calls.push(record);
    const res = await realFetch(input, init);
    const json = res.json.bind(res);
    res.json = async () => {
      try {
        return await json();
      } finally {
        record.end = now();
      }
    };
    return res;
  };

  type Observer = { observe: (target: PageNode, o: { childList: boolean; subtree: boolean; characterData: boolean; attributes: boolean }) => void; disconnect: () => void };
  const Mutations = w.MutationObserver as unknown as new (callback: () => void) => Observer;
  let pending: Promise<ChartTiming> | null = null;

  w.__mgChart = {
    arm: (bars, tableRows, title) => {
      let seen = 'no click seen';
      // The bars as drawn before the click: after a measure switch the same number of bars is in the DOM at once, so the new chart is the one whose bars differ.
      const drawn = (): string =>
        Array.from(w.document.querySelectorAll('figure.chart-figure .recharts-bar-rectangle rect[data-series]'), (r) => `${r.getAttribute('x') ?? ''},${r.getAttribute('width') ?? ''}`).join(' ');
      const before = drawn();
      pending = new Promise<ChartTiming>((resolve, reject) => {
        const timer = w.setTimeout(() => reject(new Error(`the chart was not drawn within ${TIMEOUT_MS} ms (${seen})`)), TIMEOUT_MS);
        const onClick = (e: PageEvent) => {
          w.document.removeEventListener('click', onClick, true);
          const t0 = e.timeStamp;
          const firstCall = calls.length;
          let done = false;
          const complete = (): number | null => {
            const fig: PageElement | null = w.document.querySelector('figure.chart-figure');
            const shownTitle = fig?.querySelector('.chart-title')?.textContent ?? null;
            const count = fig ? fig.querySelectorAll('.recharts-bar-rectangle rect[data-series]').length : 0;
            const table: PageElement | null = w.document.querySelector('figure.frequency-table');
            const tableTitle = table?.querySelector('.chart-title')?.textContent ?? null;
            const rows = table ? table.querySelectorAll('table.matrix tbody tr').length : 0;
            const redrawn = count === bars && drawn() !== before;
            seen = `last seen: ${count} of ${bars} bars${redrawn ? '' : ' (as before the click)'}, title ${JSON.stringify(shownTitle)}; ${rows} of ${tableRows} table rows, title ${JSON.stringify(tableTitle)}`;
            return shownTitle === title && redrawn && tableTitle === title && rows === tableRows ? count : null;
          };
          const observer = new Mutations(() => {
            if (done) return;
            const count = complete();
            if (count === null) return;
            done = true;
            observer.disconnect();
            const domAt = now();
            w.requestAnimationFrame(() => {
              const channel = new w.MessageChannel();
              channel.port1.onmessage = () => {
                const shownAt = now();
                w.clearTimeout(timer);
                const call = calls.slice(firstCall).at(-1);
                resolve({
                  shownMs: shownAt - t0,
                  domMs: domAt - t0,
                  apiStartMs: call ? call.start - t0 : null,
                  apiEndMs: call && Number.isFinite(call.end) ? call.end - t0 : null,
                  bars: count,
                });
              };
              channel.port2.postMessage(0);
            });
          });
          observer.observe(w.document as unknown as PageNode, { childList: true, subtree: true, characterData: true, attributes: true });
        };
        w.document.addEventListener('click', onClick, true);
      });
    },
    result: () => {
      if (!pending) throw new Error('the chart probe was not armed');
      return pending;
    },
  };
}

const PROBE_SCRIPT = ['globalThis.__name = globalThis.__name || ((f) => f);', `(${installChartProbe.toString()})();`].join('\n');

/** Two frames and a quiet moment: whatever the page was still drawing is done before a click is timed. */
const settle = (page: Page): Promise<void> =>
  page.evaluate(() => {
    const w = globalThis as unknown as PageWindow;
    return new Promise<void>((resolve) => w.requestAnimationFrame(() => w.requestAnimationFrame(() => w.setTimeout(resolve, 50))));
  });

type Shape = { bars: number; tableRows: number };

async function timedClick(page: Page, shape: Shape, measure: Measure, click: () => Promise<void>): Promise<ChartTiming> {
  await settle(page);
  await page.evaluate(([n, r, t]) => (globalThis as unknown as ChartHost).__mgChart.arm(n as number, r as number, t as string), [shape.bars, shape.tableRows, `${MEASURE_LABEL[measure]} by participant`]);
  await click();
  return page.evaluate(() => (globalThis as unknown as ChartHost).__mgChart.result());
}

export type ChartBenchOptions = { runs: number; textScale: number; outDir: string; workDir: string; log: (message: string) => void };

type RunResult = { open: ChartTiming; switches: ChartTiming[] };

export async function runChartBench(o: ChartBenchOptions): Promise<{ details: Record<string, unknown>; figures: Record<string, Figure> }> {
  const spec = scaleText(CHART_CORPUS, o.textScale);
  const project = join(o.workDir, `${spec.name}.marginalia`);
  o.log(`chart: generating ${spec.name} (${spec.participants} participants, ${spec.codes} codes in ${spec.parentCategories} parents, ${spec.codings} codings)`);
  const stats = generateProject(project, spec);
  const renderer = ensureRenderer(o.outDir, o.log);
  const host = new Host({ home: join(o.workDir, 'chart-home'), coderName: BENCH_CODER });
  host.open(project, false);
  // The backend's own time for each matrix the page asks for, beside what the page sees.
  const backendMs: number[] = [];
  const call: ApiCall = async (method, input) => {
    const t = performance.now();
    const result = await host.call(method, input);
    if (method === 'analysis.frequency') backendMs.push(performance.now() - t);
    return result;
  };
  const server = await startBrowserServer({ call, rendererDir: renderer.dir });
  const load = () => loadavg().map((x) => Number(x.toFixed(2)));
  const loadAtStart = load();
  const browser = await launchChromium();
  const chromiumVersion = browser.version();
  const results: RunResult[] = [];
  let shape: { rows: number; series: number; bars: number; tableRows: number } | null = null;
  try {
    const input: Input<'analysis.frequency'> = { rows: { kind: 'codes' }, columns: { kind: 'participant' }, measure: 'codings' };
    const r = await host.call('analysis.frequency', input);
    if (!r.ok) throw new Error(`analysis.frequency: ${r.error.message}`);
    // What the view draws: one bar per leaf row and visible column (the Unattributed column is shown by default).
    const matrix = r.value as Output<'analysis.frequency'>;
    const chart = chartData(matrix, true);
    // …and one table row per matrix row, parents included.
    shape = { rows: chart.data.length, series: chart.series.length, bars: chart.data.length * chart.series.length, tableRows: matrix.rows.length };
    o.log(`chart: ${shape.rows} rows × ${shape.series} series = ${shape.bars} bars`);
    for (let run = 0; run < o.runs; run++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const errors: string[] = [];
      try {
        const page = await context.newPage();
        page.on('pageerror', (e) => errors.push(e.message));
        await page.addInitScript({ content: PROBE_SCRIPT });
        await page.goto(server.url);
        const nav = page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Analysis' });
        await nav.waitFor();
        await page.waitForLoadState('networkidle');
        const open = await timedClick(page, shape, 'codings', () => nav.click());
        const measure = page.getByRole('radiogroup', { name: 'Measure' });
        const switches = [
          await timedClick(page, shape, 'sources', () => measure.getByRole('radio', { name: 'Sources' }).click()),
          await timedClick(page, shape, 'codings', () => measure.getByRole('radio', { name: 'Codings' }).click()),
        ];
        if (run === 0) await page.screenshot({ path: join(o.workDir, 'chart-50x20.png') });
        if (errors.length > 0) throw new Error(`the page threw: ${errors.join('; ')}`);
        o.log(`  run ${run + 1}: open ${open.shownMs.toFixed(0)} ms, measure switches ${switches.map((s) => s.shownMs.toFixed(0)).join(' / ')} ms`);
        results.push({ open, switches });
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
    host.close();
  }

  const opens = results.map((r) => r.open);
  const switches = results.flatMap((r) => r.switches);
  const all = [...opens, ...switches];
  const api = all.map((t) => (t.apiStartMs !== null && t.apiEndMs !== null ? t.apiEndMs - t.apiStartMs : Number.NaN));
  const med = (xs: number[]) => Number(median(xs).toFixed(1));
  const what = `${shape?.rows ?? '?'} categories × ${shape?.series ?? '?'} columns (${shape?.bars ?? '?'} bars, grouped)`;
  const figures: Record<string, Figure> = {
    openMs: figure('ms', opens.map((t) => t.shownMs), { op: '<=', value: BUDGET_MS }, 1,
      `${what}: click on Analysis in the nav rail (Frequency tab, first time in a fresh page) → first frame painted with every bar and every table row in the DOM; includes the matrix call`),
    measureSwitchMs: figure('ms', switches.map((t) => t.shownMs), { op: '<=', value: BUDGET_MS }, 1,
      `${what}: click on Measure Sources, then back on Codings, in the open tab → first frame painted with every bar and table row of the new matrix; includes the matrix call`),
    matrixApiMs: figure('ms', api, null, 1, 'analysis.frequency as the page saw it: fetch sent → answer parsed, over every timed chart'),
    matrixBackendMs: figure('ms', backendMs, null, 1, 'analysis.frequency in the backend: the dispatcher call in Node, every matrix the page asked for'),
  };
  const details = {
    corpus: { spec, stats },
    chart: shape,
    renderer: { dir: renderer.dir, builtNow: renderer.built },
    chromium: chromiumVersion,
    loadAverage1_5_15min: { atStart: loadAtStart, atEnd: load() },
    medians: {
      open: { requestSentMs: med(opens.map((t) => t.apiStartMs ?? Number.NaN)), answerParsedMs: med(opens.map((t) => t.apiEndMs ?? Number.NaN)), domCompleteMs: med(opens.map((t) => t.domMs)), paintedMs: med(opens.map((t) => t.shownMs)) },
      measureSwitch: { requestSentMs: med(switches.map((t) => t.apiStartMs ?? Number.NaN)), answerParsedMs: med(switches.map((t) => t.apiEndMs ?? Number.NaN)), domCompleteMs: med(switches.map((t) => t.domMs)), paintedMs: med(switches.map((t) => t.shownMs)) },
    },
  };
  return { details, figures };
}
