/**
 * A second process for the reliability tests: opens a project through a Host as the
 * transports do, says "ready" on stdout, then works until it is killed.
 *   hold PROJECT HOME      keeps the project open for writing, adding codes in a loop
 *   restore PROJECT HOME   restores the project's snapshots back and forth in a loop
 *   mix PROJECT HOME SEED  imports, merges, bulk auto-codes and restores, chosen at random
 */
import type { ProjectInfo } from '../../shared/domain/types.ts';
import type { SnapshotList } from '../../shared/domain/safety-types.ts';
import { Host } from '../../electron/backend/host.ts';

const [mode, project, home, seedArg] = process.argv.slice(2);
let seed = Number(seedArg ?? 1) >>> 0 || 1;
/** xorshift32: the same seed makes the same sequence of steps. */
const random = (): number => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 0x100000000;
};

/** Files of one import batch are named `b<pid>-<n>-<k>.txt`: a batch is all in the project or none of it. */
const BATCH_SIZE = 4;

async function ok<T>(result: Promise<{ ok: true; value: unknown } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
}

/**
 * Codes every hit of a word. The backend may refuse, legally and changing nothing: past 50,000
 * hits (the project grows with every imported batch) it will not code them at once, and after a
 * restore to an early snapshot the word may have no hits at all. A refusal of the query is a
 * step taken, not a crash; any other failure still stops the child.
 */
async function codeHits(input: { query: string; codeId: number; scope: 'hit' | 'unit' }): Promise<void> {
  const r = await host.call('search.codeHits', input);
  if (!r.ok && !(r.error.code === 'invalid_input' && /too many to code at once|has no hits to code/.test(r.error.message))) throw new Error(`${r.error.code}: ${r.error.message}`);
}

async function mixStep(n: number): Promise<void> {
  const pick = random();
  if (pick < 0.35) {
    const files = Array.from({ length: BATCH_SIZE }, (_, k) => ({
      name: `b${process.pid}-${n}-${k}.txt`,
      dataBase64: Buffer.from(`Interview note ${k}.\n\n${'The participants talked about trust and time. '.repeat(200)}`).toString('base64'),
    }));
    const staged = await ok<{ stagedId: string }[]>(host.call('import.stage', { files }));
    await ok(host.call('import.run', { files: staged.map((f) => ({ stagedId: f.stagedId, kind: 'document' })) }));
  } else if (pick < 0.6) {
    const a = await ok<{ id: number }>(host.call('codes.create', { name: `m${process.pid}-${n}-a`, parentId: null }));
    const b = await ok<{ id: number }>(host.call('codes.create', { name: `m${process.pid}-${n}-b`, parentId: null }));
    await codeHits({ query: 'trust', codeId: a.id, scope: 'hit' });
    await ok(host.call('codes.merge', { sourceIds: [a.id], targetId: b.id }));
  } else if (pick < 0.85) {
    const code = await ok<{ id: number }>(host.call('codes.create', { name: `h${process.pid}-${n}`, parentId: null }));
    await codeHits({ query: random() < 0.5 ? 'time' : 'participants', codeId: code.id, scope: random() < 0.5 ? 'hit' : 'unit' });
  } else {
    const { snapshots } = await ok<SnapshotList>(host.call('project.snapshots', {}));
    const usable = snapshots.filter((x) => x.problem === null);
    if (usable.length > 0) await ok(host.call('project.restore', { snapshot: usable[Math.floor(random() * usable.length)]!.name }));
    else await ok(host.call('project.snapshot', {}));
  }
}
if (!mode || !project || !home) throw new Error('usage: safety-child MODE PROJECT HOME');
const host = new Host({ home, coderName: `child-${process.pid}` });
const opened = await host.call('project.open', { path: project });
if (!opened.ok) throw new Error(opened.error.message);
const info = opened.value as ProjectInfo;
if (info.safety?.readOnly) throw new Error(`read-only: ${info.safety.readOnly}`);
// The snapshot on open is copied by a thread after the open answers, and the first change waits
// for it. Most runs say "ready" once it is named, so the kill falls in the work; one in four at
// once, so some kills land while the thread copies.
if (random() < 0.75) await host.guard.whenSnapshotted();
process.stdout.write('ready\n');

for (let n = 0; ; n++) {
  if (mode === 'hold') {
    const r = await host.call('codes.create', { name: `child ${process.pid} ${n}`, parentId: null });
    if (!r.ok) throw new Error(r.error.message);
  } else if (mode === 'restore') {
    const list = await host.call('project.snapshots', {});
    if (!list.ok) throw new Error(list.error.message);
    const { snapshots } = list.value as SnapshotList;
    const pick = snapshots[n % snapshots.length]!;
    const r = await host.call('project.restore', { snapshot: pick.name });
    if (!r.ok) throw new Error(r.error.message);
  } else if (mode === 'mix') {
    await mixStep(n);
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  await new Promise((resolve) => setImmediate(resolve));
}
