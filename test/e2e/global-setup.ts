import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from './chromium.ts';
import { E2E_RENDERER_DIR } from './paths.ts';

/**
 * Builds the renderer once for all e2e tests, into a folder of their own (other tests and
 * `npm start` rebuild dist/ and would empty it under a running browser), and checks that
 * Chromium is installed.
 */
export default function setup(): void {
  const path = chromiumPath();
  if (!existsSync(path)) {
    throw new Error(`Chromium not found at ${path}. The end-to-end tests drive Debian's Chromium: apt-get install -y chromium`);
  }
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn', '--outDir', E2E_RENDERER_DIR, '--emptyOutDir'], {
    stdio: 'inherit',
    // vitest sets NODE_ENV=test, which would make a development React build: test what users run.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
