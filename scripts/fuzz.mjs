// npm run fuzz: the fuzz suites (test/unit/fuzz, test/integration/fuzz) with many more cases
// than CI runs. MARGINALIA_FUZZ_RUNS sets the cases per property (default 2000 here; CI uses
// each property's own budget), MARGINALIA_FUZZ_SEED repeats a run. Extra arguments go to vitest.
import { spawnSync } from 'node:child_process';

const env = { ...process.env, MARGINALIA_FUZZ_RUNS: process.env.MARGINALIA_FUZZ_RUNS ?? '2000' };
console.log(`Fuzzing with ${env.MARGINALIA_FUZZ_RUNS} cases per property${env.MARGINALIA_FUZZ_SEED ? `, seed ${env.MARGINALIA_FUZZ_SEED}` : ''}.`);
const args = ['vitest', 'run', '--project', 'unit', '--project', 'integration', 'test/unit/fuzz', 'test/integration/fuzz', ...process.argv.slice(2)];
const run = spawnSync('npx', args, { stdio: 'inherit', env, shell: process.platform === 'win32' });
process.exit(run.status ?? 1);
