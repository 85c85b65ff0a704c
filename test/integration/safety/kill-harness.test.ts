import { build } from 'esbuild';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Host } from '../../../electron/backend/host.ts';
import { checkProject } from '../../../electron/backend/check.ts';
import { findMigrationsDir } from '../../../electron/backend/db/migrate.ts';
import { listSnapshots } from '../../../electron/backend/safety/snapshots.ts';
import { killHard } from '../../helpers/child.ts';

/**
 * The kill harness: a second process imports, merges, bulk auto-codes and restores at random
 * while it is killed (SIGKILL) at random points, again and again; after every kill the project
 * must open as the writer, pass `marginalia check`, and hold every import batch whole or not at
 * all. MARGINALIA_KILLS sets the number of kills (200 by default, as in CI).
 */

const KILLS = Number(process.env['MARGINALIA_KILLS'] ?? 200);
const BATCH_SIZE = 4;
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

let dir: string;
let bundle: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'marginalia-kill-'));
  // Inside the repository, so the bundle finds the packages in node_modules.
  bundle = join(root, 'node_modules', '.cache', `marginalia-kill-${process.pid}`, 'child.mjs');
  // Bundled once: a TypeScript child would spend a second in its loader before each kill.
  await build({ entryPoints: [join(root, 'test/helpers/safety-child.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', outfile: bundle, logLevel: 'error', absWorkingDir: root });
}, 60_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true, maxRetries: 20 });
  rmSync(dirname(bundle), { recursive: true, force: true, maxRetries: 20 });
});

/** xorshift32, so a failing run can be repeated with its seed. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x100000000;
  };
}

type Child = { process: ChildProcess; stderr: () => string };

function start(project: string, home: string, seed: number): Promise<Child> {
  const child = spawn(process.execPath, [bundle, 'mix', project, home, String(seed)], {
    cwd: root,
    env: { ...process.env, MARGINALIA_MIGRATIONS_DIR: findMigrationsDir() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let err = '';
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve({ process: child, stderr: () => err }));
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code, signal) => reject(new Error(`the child ended (${code ?? signal}) before it was ready: ${err.slice(-1500)}`)));
  });
}

describe('kill harness', () => {
  it(`${KILLS} kills during imports, merges, bulk auto-coding and restores leave no corrupt or partial project`, async () => {
    const home = join(dir, 'home');
    const seedRun = Number(process.env['MARGINALIA_KILL_SEED'] ?? 20261128);
    const random = rng(seedRun);
    const setup = new Host({ home, coderName: 'setup' });
    const demo = await setup.call('project.openDemo', {});
    expect(demo.ok).toBe(true);
    const project = setup.current!.db.path;
    setup.close();

    const verifier = new Host({ home: join(dir, 'verify-home'), coderName: 'verifier' });
    const crashed: string[] = [];
    const seen = new Set<string>();
    try {
      for (let kill = 0; kill < KILLS; kill++) {
        const child = await start(project, home, Math.floor(random() * 2 ** 31));
        // Up to ~0.3 s of work: some kills land mid-transaction, some between steps, some mid-restore.
        await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 300)));
        if (child.process.exitCode !== null) crashed.push(`kill ${kill + 1}: ${child.stderr().slice(-800)}`);
        await killHard(child.process);

        const opened = await verifier.call('project.open', { path: project });
        if (!opened.ok) throw new Error(`after kill ${kill + 1} (seed ${seedRun}) the project does not open: ${opened.error.message}`);
        const where = `after kill ${kill + 1} (seed ${seedRun})`;
        expect(verifier.guard.readOnlyReason(), where).toBeNull();
        expect(checkProject(verifier.current!.db), where).toEqual([]);
        const sources = await verifier.call('sources.list', {});
        if (!sources.ok) throw new Error(sources.error.message);
        const batches = new Map<string, number>();
        for (const s of sources.value as { name: string }[]) {
          const m = /^(b\d+-\d+)-\d+/.exec(s.name);
          if (m) batches.set(m[1]!, (batches.get(m[1]!) ?? 0) + 1);
        }
        for (const [batch, n] of batches) {
          expect(n, `${where}: import batch ${batch}`).toBe(BATCH_SIZE);
          seen.add(batch);
        }
        // A snapshot under its final name is always a good one.
        for (const s of listSnapshots(project).snapshots) expect(s.problem, `${where}: snapshot ${s.name}`).toBeNull();
        verifier.close();
      }
    } finally {
      verifier.close();
    }
    // The child never stopped by itself (every step it took was legal), and it did get work done.
    expect(crashed).toEqual([]);
    expect(seen.size).toBeGreaterThan(0);
  }, 30 * 60_000);
});
