import { defineConfig } from 'vitest/config';

/**
 * The tests StrykerJS runs against each mutant (`npm run mutate`, stryker.config.json): unit
 * and integration, never e2e (a browser per mutant) nor the kill harness (minutes per run).
 * MARGINALIA_MUTATE_TESTS=unit keeps only the unit project, for a quick run over shared/domain.
 */
const only = process.env.MARGINALIA_MUTATE_TESTS;
const projects = [
  { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' as const } },
  {
    test: {
      name: 'integration',
      include: ['test/integration/**/*.test.ts'],
      exclude: ['test/integration/safety/kill-harness.test.ts', 'test/integration/fuzz/**'],
      environment: 'node' as const,
      testTimeout: 30_000,
    },
  },
];

export default defineConfig({
  test: { projects: only ? projects.filter((p) => p.test.name === only) : projects },
});
