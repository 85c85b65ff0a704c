// Decides whether `npm start` must build first: dist is missing, or older than a source.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const SOURCE_DIRS = ['renderer', 'electron', 'shared', 'migrations'];
export const BUILD_OUTPUTS = [
  'dist/renderer/index.html',
  'dist/server/serve.mjs',
  'dist/electron/main.cjs',
  'dist/electron/preload.cjs',
  'dist/electron/backend-process.cjs',
];

function newestMtime(dir) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (entry.isFile()) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/** Why a build is needed ('missing' | 'stale'), or null when dist is up to date. */
export function buildReason(root) {
  const outputs = BUILD_OUTPUTS.map((p) => join(root, p));
  if (outputs.some((p) => !existsSync(p))) return 'missing';
  const oldestOutput = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  const newestSource = Math.max(...SOURCE_DIRS.map((d) => newestMtime(join(root, d))));
  return newestSource > oldestOutput ? 'stale' : null;
}
