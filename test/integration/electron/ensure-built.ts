import { spawnSync } from 'node:child_process';
import { mkdirSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildReason } from '../../../scripts/build-freshness.mjs';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Builds dist when it is missing or stale. Test files run in parallel and `vite build`
 * empties dist/renderer first, so one build at a time, behind a lock folder in dist/.
 */
export async function ensureBuilt(root: string): Promise<void> {
  const lock = join(root, 'dist', '.test-build-lock');
  mkdirSync(join(root, 'dist'), { recursive: true });
  for (let waited = 0; ; waited += 250) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 240_000) throw new Error(`${lock} has been held for four minutes; remove it if no build is running`);
      await sleep(250);
    }
  }
  try {
    if (!buildReason(root)) return;
    const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
    if (build.status !== 0) throw new Error('npm run build failed');
  } finally {
    rmdirSync(lock);
  }
}
