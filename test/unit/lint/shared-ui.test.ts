import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const FEATURES = 'renderer/src/features';

type Edge = { from: string; to: string };

/** Every relative import between files under renderer/src, as repository paths. */
function rendererImports(root: string): Edge[] {
  const edges: Edge[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name)) {
        const text = readFileSync(join(root, path), 'utf8');
        for (const m of text.matchAll(/^import\s[^;]*?from\s+'(\.[^']+)'/gm)) edges.push({ from: path, to: normalize(join(dirname(path), m[1]!)) });
      }
    }
  };
  walk('renderer/src');
  return edges;
}

const featureOf = (path: string): string | null => {
  const rel = relative(FEATURES, path);
  return rel.startsWith('..') ? null : rel.split('/')[0]!;
};

/**
 * Components of one feature that two or more other features import: shared UI, which belongs
 * in renderer/src/ui/. A view or panel that one parent feature composes is not shared; stores
 * and plain modules (undo/reload.ts refreshes every store after an undo) are not UI.
 */
function misplacedSharedModules(edges: readonly Edge[], entryPoints: ReadonlySet<string> = new Set()): string[] {
  const users = new Map<string, Set<string>>();
  for (const { from, to } of edges) {
    const owner = featureOf(to);
    const user = featureOf(from);
    if (!owner || !user || owner === user || !to.endsWith('.tsx') || entryPoints.has(to)) continue;
    if (!users.has(to)) users.set(to, new Set());
    users.get(to)!.add(user);
  }
  return [...users].filter(([, by]) => by.size >= 2).map(([path, by]) => `${path} (used by ${[...by].sort().join(', ')})`).sort();
}

/**
 * A feature's own entry points that several places open: whole features, not shared parts.
 * Each with the reason.
 */
const ENTRY_POINTS = new Set([
  // Importing a REFI-QDA project is opened from the Export view and from the project dialog.
  `${FEATURES}/exchange/ExchangeImportDialog.tsx`,
]);

describe('shared UI parts live in renderer/src/ui/', () => {
  it('no feature module is shared by two or more other features', () => {
    expect(misplacedSharedModules(rendererImports(process.cwd()), ENTRY_POINTS)).toEqual([]);
  });

  it('the check finds a planted shared component', () => {
    const planted: Edge[] = [
      { from: `${FEATURES}/memos/MemoDialog.tsx`, to: `${FEATURES}/codebook/Modal.tsx` },
      { from: `${FEATURES}/sources/QuickPick.tsx`, to: `${FEATURES}/codebook/Modal.tsx` },
      { from: `${FEATURES}/sources/Workbench.tsx`, to: `${FEATURES}/codebook/CodebookPanel.tsx` },
      { from: `${FEATURES}/sources/Workbench.tsx`, to: `${FEATURES}/memos/store.ts` },
      { from: `${FEATURES}/analysis/AnalysisView.tsx`, to: `${FEATURES}/memos/store.ts` },
    ];
    expect(misplacedSharedModules(planted)).toEqual([`${FEATURES}/codebook/Modal.tsx (used by memos, sources)`]);
  });
});
