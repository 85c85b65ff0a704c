import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchFoundBrowser } from '../test/e2e/chromium.ts';

/**
 * What the document-view bench needs around Chromium: a renderer build of the current source,
 * the browser, and the renderer process's memory as the OS counts it.
 *
 * The renderer is built into .bench-out/renderer (kept between runs) rather than reusing
 * dist/renderer: `npm run build`, `npm start` and some tests rebuild dist/ (emptying it under a
 * running browser), and dist/ may be older than the source, so its figures would describe
 * another renderer. The copy is rebuilt when any file under renderer/ or shared/, the vite
 * config or the lock file is newer than what it was built from.
 */

const SOURCES = ['renderer', 'shared', 'vite.config.ts', 'package-lock.json'];
const STAMP = '.built-from';

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) if (entry !== 'node_modules') newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Builds the renderer into `outDir/renderer` unless an up-to-date build is there; returns its folder. */
export function ensureRenderer(outDir: string, log: (message: string) => void): { dir: string; built: boolean } {
  // With MARGINALIA_BENCH_PROFILE the build keeps its names (not minified), so a profile reads; a folder of its own.
  const readable = Boolean(process.env['MARGINALIA_BENCH_PROFILE']);
  const dir = join(outDir, readable ? 'renderer-readable' : 'renderer');
  // Read before building: a file saved during the build makes the next run build again.
  const newest = Math.max(...SOURCES.filter((p) => existsSync(p)).map(newestMtime));
  const stamp = join(dir, STAMP);
  if (existsSync(join(dir, 'index.html')) && existsSync(stamp) && Number(readFileSync(stamp, 'utf8')) >= newest) return { dir, built: false };
  log(`editor: building the renderer into .bench-out/${readable ? 'renderer-readable (not minified)' : 'renderer'}`);
  mkdirSync(outDir, { recursive: true });
  // Built aside and moved in, so a bench running beside this one never serves a half-written folder.
  const tmp = `${dir}-${process.pid}`;
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn', '--outDir', tmp, '--emptyOutDir', ...(readable ? ['--minify', 'false'] : [])], {
    // Vite's output goes to stderr: stdout carries only the JSON report.
    stdio: ['ignore', 2, 2],
  });
  writeFileSync(join(tmp, STAMP), String(newest));
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return { dir, built: true };
}

/**
 * The e2e harness's Chromium and flags (headless, software rendering, nothing phoning home),
 * plus no throttling of timers or rendering, which would otherwise stretch the measured frames.
 */
const FLAGS = [
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

export async function launchChromium(): Promise<Browser> {
  return launchFoundBrowser(FLAGS);
}

export type ProcessMemory = { pid: number; rssMB: number; pssMB: number; privateMB: number };

const toMB = (kB: number): number => kB / 1024;

function readSmaps(pid: number): ProcessMemory | null {
  try {
    const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
    return { pid, rssMB: toMB(field('Rss')), pssMB: toMB(field('Pss')), privateMB: toMB(field('Private_Clean') + field('Private_Dirty')) };
  } catch {
    return null;
  }
}

/**
 * The largest renderer process of this browser (the page's; a spare renderer stays small).
 * Linux only (/proc); null elsewhere.
 */
export async function rendererProcessMemory(browser: Browser): Promise<ProcessMemory | null> {
  const session = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = await session.send('SystemInfo.getProcessInfo');
    const renderers = processInfo.filter((p) => p.type === 'renderer').map((p) => readSmaps(p.id));
    return renderers.reduce<ProcessMemory | null>((big, m) => (m && (!big || m.pssMB > big.pssMB) ? m : big), null);
  } finally {
    await session.detach();
  }
}
