import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeEach, inject } from 'vitest';
import { Host } from '../../electron/backend/host.ts';
import { startBrowserServer, type BrowserServer } from '../../electron/server/server.ts';
import { launchOptions } from './chromium.ts';
import { E2E_RENDERER_DIR } from './paths.ts';

export type App = {
  page: Page;
  host: Host;
  server: BrowserServer;
  /** A fresh folder for this test's files (projects, exports, imports). */
  dir: string;
  screenshot: (name: string) => Promise<string>;
  close: () => Promise<void>;
};

let browser: Browser | undefined;

/** The browser the global setup found; without one, every e2e test fails with its one line. */
export async function launchBrowser(): Promise<Browser> {
  const found = inject('browser');
  if ('error' in found) throw new Error(found.error);
  browser ??= await chromium.launch(launchOptions(found.choice));
  return browser;
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}

export const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'screenshots');

/**
 * Starts browser mode on a fresh data folder (with the demo project, the given project
 * file, or none) and opens it in Chromium at 1280×800, as a researcher would see it.
 */
export async function startApp(options: { project?: string; fixedClock?: boolean; coderName?: string | null; noProject?: boolean } = {}): Promise<App> {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-e2e-'));
  const rendererDir = E2E_RENDERER_DIR;
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error(`${rendererDir} is missing: the e2e global setup builds it`);
  const live: { server?: BrowserServer } = {};
  const host = new Host({
    home: join(dir, 'home'),
    // null: nobody has said who is coding yet, as on a first start.
    ...(options.coderName === null ? {} : { coderName: options.coderName ?? 'e2e-coder' }),
    ...(options.fixedClock ? { clock: () => new Date('2026-11-28T12:00:00Z') } : {}),
    onProgress: (e) => live.server?.publish(e),
  });
  if (options.project) host.open(options.project, false);
  else if (!options.noProject) host.openDemo();
  const server = await startBrowserServer({ call: host.call, rendererDir });
  live.server = server;
  const b = await launchBrowser();
  const context = await b.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(server.url);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    page,
    host,
    server,
    dir,
    screenshot: async (name) => {
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    close: async () => {
      await context.close();
      await server.close();
      host.close();
      rmSync(dir, { recursive: true, force: true, maxRetries: 20 });
      if (errors.length > 0) throw new Error(`The page threw: ${errors.join('; ')}`);
    },
  };
}

/**
 * The usual life of an e2e test file: a fresh demo project and page before each test (then
 * `ready`, if given), closed after it, and the browser closed at the end. Returns an App whose
 * fields always belong to the running test's app.
 */
export function useDemoApp(ready?: (app: App) => Promise<void>): App {
  let current: App | undefined;
  const now = (): App => {
    if (!current) throw new Error('the app is only there inside a test');
    return current;
  };
  beforeEach(async () => {
    current = await startApp();
    if (ready) await ready(current);
  });
  afterEach(async () => {
    const app = current;
    current = undefined;
    await app?.close();
  });
  afterAll(closeBrowser);
  return {
    get page() { return now().page; },
    get host() { return now().host; },
    get server() { return now().server; },
    get dir() { return now().dir; },
    screenshot: (name) => now().screenshot(name),
    close: () => now().close(),
  };
}
