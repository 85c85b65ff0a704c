import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { findBrowser, launchOptions, thisMachine, type BrowserSearch } from './chromium.ts';
import { E2E_RENDERER_DIR } from './paths.ts';

declare module 'vitest' {
  // vitest types provide/inject through this interface (module augmentation needs one).
  export interface ProvidedContext {
    browser: BrowserSearch;
  }
}

/**
 * Finds the browser once for all e2e files and tries it, printing which one runs; then builds
 * the renderer into a folder of its own (other tests and `npm start` rebuild dist/ and would
 * empty it under a running browser). Without a browser it never throws — that would stop the
 * unit and integration tests too — but hands the e2e files one clear line to fail with.
 */
export default async function setup(project: TestProject): Promise<void> {
  let found = await findBrowser(thisMachine());
  if ('choice' in found) {
    try {
      const browser = await chromium.launch(launchOptions(found.choice));
      const version = browser.version();
      await browser.close();
      found = { choice: { ...found.choice, label: `${found.choice.label}, version ${version}` } };
    } catch (err) {
      const first = (err instanceof Error ? err.message : String(err)).split('\n')[0];
      found = { error: `The browser for the end-to-end tests, ${found.choice.label}, does not start: ${first}. Set CHROMIUM_PATH to a working Chromium or Chrome.` };
    }
  }
  console.log('choice' in found ? `e2e browser: ${found.choice.label}` : `e2e browser: none. ${found.error}`);
  project.provide('browser', found);
  if ('error' in found) return;
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn', '--outDir', E2E_RENDERER_DIR, '--emptyOutDir'], {
    stdio: 'inherit',
    // vitest sets NODE_ENV=test, which would make a development React build: test what users run.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
