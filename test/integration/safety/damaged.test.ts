import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkProject } from '../../../electron/backend/check.ts';
import { runCli } from '../../../electron/cli/cli.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';

let t: TestHost;
afterEach(() => t?.cleanup());

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** A project with two codes and a snapshot of it, closed (its WAL written back). */
async function projectWithSnapshot(): Promise<{ path: string; snapshot: string }> {
  const path = join(t.dir, 'fragile.marginalia');
  await t.ok('project.create', { path, template: 'empty' });
  await t.ok('codes.create', { name: 'Keeper', parentId: null });
  await t.ok('codes.create', { name: 'MARKER-in-an-index', parentId: null });
  const snapshot = (await t.ok('project.snapshot', {})).name;
  t.host.close();
  return { path, snapshot };
}

/** Overwrites one page in the middle of the file with noise: SQLite's quick check sees it. */
function smashPage(path: string): void {
  const bytes = readFileSync(path);
  const pageSize = bytes.readUInt16BE(16);
  const page = Math.floor(bytes.length / pageSize / 2);
  for (let i = 0; i < pageSize; i++) bytes[page * pageSize + i] = (i * 37 + 11) & 0xff;
  writeFileSync(path, bytes);
}

/** Changes one letter of a key inside an index page: only the full integrity_check sees it. */
function bendIndexKey(path: string, marker: string): void {
  const db = new Database(path, { readonly: true });
  const roots = new Set((db.prepare("SELECT rootpage FROM sqlite_master WHERE type = 'index'").all() as { rootpage: number }[]).map((r) => r.rootpage));
  db.close();
  const bytes = readFileSync(path);
  const pageSize = bytes.readUInt16BE(16);
  for (let at = bytes.indexOf(marker); at >= 0; at = bytes.indexOf(marker, at + 1)) {
    if (roots.has(Math.floor(at / pageSize) + 1)) {
      bytes[at] = 'N'.charCodeAt(0);
      writeFileSync(path, bytes);
      return;
    }
  }
  throw new Error(`${marker} is in no index page`);
}

describe('a damaged project', () => {
  it('is refused on open with a clear message naming its latest good snapshot, and left byte for byte as it was', async () => {
    t = testHost();
    const { path, snapshot } = await projectWithSnapshot();
    smashPage(path);
    const hash = sha(path);
    const r = await t.host.call('project.open', { path });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code, r.error.message).toBe('damaged');
    expect(r.error.message).toMatch(/fragile\.marginalia is damaged/);
    expect(r.error.message).toContain(`Its latest good snapshot is from`);
    expect(r.error.message).toContain(snapshot);
    expect(sha(path)).toBe(hash);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('the offer: its snapshots can be listed and the latest good one restored; the damaged file is kept aside, untouched', async () => {
    t = testHost();
    const { path, snapshot } = await projectWithSnapshot();
    smashPage(path);
    const hash = sha(path);
    expect((await t.host.call('project.open', { path })).ok).toBe(false);
    const list = await t.ok('project.snapshots', { damaged: true });
    expect(list.snapshots[0]).toMatchObject({ name: snapshot, problem: null, counts: { codes: 2 } });
    const restored = await t.ok('project.restore', { damaged: true, snapshot });
    expect(restored.info.counts.codes).toBe(2);
    expect(restored.keptAs).toMatch(/fragile\.damaged-.*\.marginalia$/);
    expect(sha(restored.keptAs!)).toBe(hash);
    expect(checkProject(t.host.current!.db)).toEqual([]);
    expect((await t.ok('codes.list', {})).map((c) => c.name).sort()).toEqual(['Keeper', 'MARKER-in-an-index']);
  });

  it('damage only the full check finds is reported in the background; the project then takes no more changes', async () => {
    t = testHost();
    const { path } = await projectWithSnapshot();
    bendIndexKey(path, 'MARKER-in-an-index');
    const info = await t.ok('project.open', { path });
    expect(info.safety?.readOnly).toBeNull();
    await t.host.guard.whenChecked();
    const after = await t.ok('project.info', {});
    expect(after.safety?.integrity).toBe('damaged');
    expect(after.safety?.integrityProblem).toMatch(/missing from index/);
    const refused = await t.host.call('codes.create', { name: 'More', parentId: null });
    expect(refused).toMatchObject({ ok: false, error: { code: 'read_only' } });
    // Restoring puts a good copy in place and keeps the damaged one aside.
    const list = await t.ok('project.snapshots', {});
    const good = list.snapshots.find((s) => s.reason === 'manual')!;
    const restored = await t.ok('project.restore', { snapshot: good.name });
    expect(restored.keptAs).toMatch(/damaged/);
    await t.host.guard.whenChecked();
    expect((await t.ok('project.info', {})).safety?.integrity).toBe('ok');
    await t.ok('codes.create', { name: 'More', parentId: null });
  });

  it('marginalia restore on a damaged project puts back the latest good snapshot', async () => {
    t = testHost();
    const { path } = await projectWithSnapshot();
    smashPage(path);
    const lines: string[] = [];
    const code = await runCli(['restore', '--project', path, '--home', join(t.dir, 'cli-home')], { out: (l) => lines.push(l), err: (l) => lines.push(l) });
    expect(code).toBe(0);
    expect(lines.join('\n')).toMatch(/Restored .*fragile\.marginalia from .*\.marginalia\.\nThe damaged file is kept as .*fragile\.damaged-/);
    const check = await runCli(['check', '--project', path, '--home', join(t.dir, 'cli-home')], { out: (l) => lines.push(l), err: (l) => lines.push(l) });
    expect(check).toBe(0);
  });
});
