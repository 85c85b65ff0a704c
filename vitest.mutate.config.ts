import { defineConfig } from 'vitest/config';

/**
 * The tests StrykerJS runs against each mutant (`npm run mutate`, stryker.config.json): unit
 * and integration, never e2e (a browser per mutant) nor the kill harness (minutes per run).
 * MARGINALIA_MUTATE_TESTS narrows them for a quicker run that gives a lower bound: a comma-separated
 * list of `unit`, `integration` or `integration/<folder>` (e.g. `unit,integration/import` for
 * the import pipeline).
 */
const wanted = (process.env.MARGINALIA_MUTATE_TESTS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
const integrationFolders = wanted.filter((w) => w.startsWith('integration/')).map((w) => w.slice('integration/'.length));
const unknown = wanted.filter((w) => w !== 'unit' && w !== 'integration' && !w.startsWith('integration/'));
if (unknown.length > 0) throw new Error(`MARGINALIA_MUTATE_TESTS: unknown part(s) ${unknown.join(', ')}; use unit, integration or integration/<folder>`);

const unit = { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' as const } };
function integration(folders: string[]) {
  return {
    test: {
      name: 'integration',
      include: folders.length === 0 ? ['test/integration/**/*.test.ts'] : folders.map((f) => `test/integration/${f}/**/*.test.ts`),
      exclude: ['test/integration/safety/kill-harness.test.ts', 'test/integration/fuzz/**'],
      environment: 'node' as const,
      testTimeout: 30_000,
    },
  };
}

const projects =
  wanted.length === 0
    ? [unit, integration([])]
    : [
        ...(wanted.includes('unit') ? [unit] : []),
        ...(wanted.includes('integration') ? [integration([])] : integrationFolders.length > 0 ? [integration(integrationFolders)] : []),
      ];

export default defineConfig({ test: { projects } });
