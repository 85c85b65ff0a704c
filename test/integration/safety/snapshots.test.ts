import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Host } from '../../../electron/backend/host.ts';
import { checkProject } from '../../../electron/backend/check.ts';
import { runCli } from '../../../electron/cli/cli.ts';
import type { SnapshotList } from '../../../shared/domain/safety-types.ts';
import { testHost, tableCounts, type TestHost } from '../../helpers/project.ts';

let t: TestHost;
afterEach(() => t?.cleanup());

const codeNames = async (h: TestHost) => (await h.ok('codes.list', {})).map((c) => c.name).sort();

async function project(h: TestHost, name = 'study') {
  const path = join(h.dir, `${name}.marginalia`);
  await h.ok('project.create', { path, template: 'empty' });
  return path;
}

describe('snapshots', () => {
  it('are taken on open beside the project, checked, and list what they hold', async () => {
    t = testHost();
    const path = await project(t);
    await t.ok('codes.create', { name: 'Trust', parentId: null });
    await t.ok('project.open', { path });
    const folder = join(t.dir, 'study.marginalia-snapshots');
    const list = await t.ok('project.snapshots', {});
    expect(list.folder).toBe(folder);
    // The first change of a new project took one; opening took the newest.
    expect(list.snapshots.map((s) => s.reason)).toEqual(['open', 'activity']);
    const [snap] = list.snapshots;
    expect(snap).toMatchObject({ reason: 'open', problem: null, counts: { codes: 1, sources: 0 } });
    expect(snap!.size).toBeGreaterThan(0);
    // A snapshot is a project file in its own right, nothing half-written beside it.
    expect(readdirSync(folder).filter((f) => f.endsWith('.partial'))).toEqual([]);
    const other = new Host({ home: join(t.dir, 'other-home'), coderName: 'reader' });
    try {
      const opened = await other.call('project.open', { path: join(folder, snap!.name) });
      expect(opened.ok).toBe(true);
      expect(checkProject(other.current!.db)).toEqual([]);
    } finally {
      other.close();
    }
  });

  it('are taken after a span of work, at most one per interval', async () => {
    t = testHost();
    let now = new Date('2026-11-28T12:00:00Z').getTime();
    const host = new Host({ home: join(t.dir, 'h'), clock: () => new Date(now), coderName: 'tester' });
    try {
      const path = join(t.dir, 'busy.marginalia');
      await host.call('project.create', { path, template: 'empty' });
      const reasons = async () => ((await host.call('project.snapshots', {})).ok ? ((await host.call('project.snapshots', {})) as { value: SnapshotList }).value.snapshots.map((s) => s.reason) : []);
      await host.call('codes.create', { name: 'A', parentId: null });
      expect(await reasons()).toEqual(['activity']);
      now += 60_000;
      await host.call('codes.create', { name: 'B', parentId: null });
      expect(await reasons()).toEqual(['activity']);
      now += 10 * 60_000;
      await host.call('codes.create', { name: 'C', parentId: null });
      expect(await reasons()).toEqual(['activity', 'activity']);
      // A query writes nothing and takes none.
      now += 20 * 60_000;
      await host.call('codes.list', {});
      expect(await reasons()).toHaveLength(2);
    } finally {
      host.close();
    }
  });

  it('restore round trip: the current state is snapshotted first, and restoring that brings it back', async () => {
    t = testHost();
    const path = await project(t);
    await t.ok('codes.create', { name: 'Early', parentId: null });
    const early = await t.ok('project.snapshot', {});
    await t.ok('codes.create', { name: 'Late', parentId: null });
    expect(await codeNames(t)).toEqual(['Early', 'Late']);

    const restored = await t.ok('project.restore', { snapshot: early.name });
    expect(restored.info.counts.codes).toBe(1);
    expect(await codeNames(t)).toEqual(['Early']);
    expect(restored.before).toMatch(/-restore(-\d+)?\.marginalia$/);
    expect(checkProject(t.host.current!.db)).toEqual([]);
    // The project keeps working after a restore: it is the writer still.
    await t.ok('codes.create', { name: 'After', parentId: null });

    const back = await t.ok('project.restore', { snapshot: restored.before! });
    expect(back.info.counts.codes).toBe(2);
    expect(await codeNames(t)).toEqual(['Early', 'Late']);
    expect(existsSync(`${path}.restoring`)).toBe(false);
  });

  it('refuses a snapshot that is not one of the list (a path, a climb out, an unknown name) and changes nothing', async () => {
    t = testHost();
    const path = await project(t);
    await t.ok('codes.create', { name: 'Kept', parentId: null });
    writeFileSync(join(t.dir, '2026-01-01T00-00-00Z-open.marginalia'), 'not a snapshot');
    const before = tableCounts(t.host);
    for (const snapshot of ['../2026-01-01T00-00-00Z-open.marginalia', join(t.dir, '2026-01-01T00-00-00Z-open.marginalia'), '2020-01-01T00-00-00Z-open.marginalia', 'study.marginalia']) {
      const r = await t.host.call('project.restore', { snapshot });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/not the name of a snapshot|no snapshot|Snapshot/);
    }
    // Paths are not taken at all, and there is no damaged project to name.
    expect((await t.host.call('project.snapshots', { path: join(t.dir, 'elsewhere.marginalia') })).ok).toBe(false);
    expect((await t.host.call('project.snapshots', { damaged: true })).ok).toBe(false);
    expect(tableCounts(t.host)).toEqual(before);
    expect(t.host.current!.db.path).toBe(path);
  });

  it('a snapshot that cannot be written (the folder is a file) is reported, and the work goes on', async () => {
    t = testHost();
    const path = join(t.dir, 'blocked.marginalia');
    await t.ok('project.create', { path, template: 'empty' });
    t.host.close();
    // Another program put a file where the snapshots folder goes: nothing can be written there.
    rmSync(join(t.dir, 'blocked.marginalia-snapshots'), { recursive: true, force: true, maxRetries: 20 });
    writeFileSync(join(t.dir, 'blocked.marginalia-snapshots'), 'in the way');
    const info = await t.ok('project.open', { path });
    expect(info.safety?.readOnly).toMatch(/cannot be written, so it is shown read-only/);
  });
});

describe('snapshots written by a thread of their own', () => {
  const named = (folder: string, reason: string) => readdirSync(folder).filter((f) => f.endsWith(`-${reason}.marginalia`));

  it('opening answers before the open snapshot is written; it then appears, checked, with nothing partial left', async () => {
    t = testHost();
    const path = await project(t);
    await t.ok('codes.create', { name: 'Trust', parentId: null });
    const folder = join(t.dir, 'study.marginalia-snapshots');
    await t.ok('project.open', { path });
    // The thread copies the file while the project is already open and answering.
    expect(named(folder, 'open')).toEqual([]);
    expect((await t.ok('codes.list', {})).map((c) => c.name)).toEqual(['Trust']);
    await t.host.guard.whenSnapshotted();
    expect(named(folder, 'open')).toHaveLength(1);
    expect(readdirSync(folder).filter((f) => f.endsWith('.partial'))).toEqual([]);
    const list = await t.ok('project.snapshots', {});
    expect(list.snapshots[0]).toMatchObject({ reason: 'open', problem: null, counts: { codes: 1 } });
  });

  it('a change made at once waits for the open snapshot, which holds the project as it was opened', async () => {
    t = testHost();
    const path = await project(t);
    await t.ok('codes.create', { name: 'Before', parentId: null });
    await t.ok('project.open', { path });
    await t.ok('codes.create', { name: 'Right after opening', parentId: null });
    const list = await t.ok('project.snapshots', {});
    const open = list.snapshots.find((s) => s.reason === 'open')!;
    expect(open.counts?.codes).toBe(1);
    expect((await t.ok('codes.list', {})).map((c) => c.name).sort()).toEqual(['Before', 'Right after opening']);
  });

  it('closing right after opening finishes the snapshot first; the project file is whole and alone', async () => {
    t = testHost();
    const path = await project(t);
    await t.ok('codes.create', { name: 'Kept', parentId: null });
    await t.ok('project.open', { path });
    t.host.close();
    const folder = join(t.dir, 'study.marginalia-snapshots');
    expect(named(folder, 'open')).toHaveLength(1);
    expect(readdirSync(folder).filter((f) => f.endsWith('.partial'))).toEqual([]);
    // The writer closed last, so the log went back into the file.
    expect(existsSync(`${path}-wal`)).toBe(false);
    const reader = new Host({ home: join(t.dir, 'reader-home'), coderName: 'reader' });
    try {
      expect((await reader.call('project.open', { path: join(folder, named(folder, 'open')[0]!) })).ok).toBe(true);
      expect(checkProject(reader.current!.db)).toEqual([]);
      expect(tableCounts(reader).codes).toBe(1);
    } finally {
      reader.close();
    }
  });

  it('a copy left half-written by a process killed while snapshotting does not stop the next snapshot', async () => {
    t = testHost();
    const path = await project(t);
    await t.ok('codes.create', { name: 'Kept', parentId: null });
    t.host.close();
    const folder = join(t.dir, 'study.marginalia-snapshots');
    // What a kill in the middle of VACUUM INTO leaves: the temporary file, under the name the
    // next snapshot of the same second would use (the test clock stands still).
    const at = new Date('2026-11-28T12:00:00Z').toISOString().slice(0, 19).replace(/:/g, '-');
    writeFileSync(join(folder, `${at}Z-open.marginalia.partial`), 'SQLite format 3\0 cut short');
    await t.ok('project.open', { path });
    const list = await t.ok('project.snapshots', {});
    expect(list.snapshots[0]).toMatchObject({ reason: 'open', problem: null, counts: { codes: 1 } });
    expect((await t.ok('project.info', {})).safety?.snapshotProblem ?? null).toBeNull();
  });
});

describe('full disk', () => {
  it('a change that does not fit is refused with a clear error and the project stays as it was', async () => {
    t = testHost();
    await project(t);
    await t.ok('codes.create', { name: 'Before', parentId: null });
    const before = tableCounts(t.host);
    // SQLite's own page limit stands in for a full disk: it fails the write with SQLITE_FULL.
    const db = t.host.current!.db.raw;
    db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true }))}`);
    const r = await t.host.call('memos.create', { targetKind: 'project', targetId: null, title: 'Long', body: 'x'.repeat(200_000) });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('io_error');
      expect(r.error.message).toMatch(/^Nothing was changed: the disk is full/);
    }
    expect(tableCounts(t.host)).toEqual(before);
    expect(checkProject(t.host.current!.db)).toEqual([]);
  });
});

describe('CLI', () => {
  it('marginalia snapshots lists them, restore puts the latest good one back, snapshot takes one', async () => {
    t = testHost();
    const path = await project(t, 'cli');
    await t.ok('codes.create', { name: 'One', parentId: null });
    t.host.close();
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(`ERR ${l}`) };
    const home = ['--home', join(t.dir, 'cli-home')];
    expect(await runCli(['snapshot', '--project', path, ...home], io)).toBe(0);
    expect(lines.at(-1)).toMatch(/^Snapshot taken: .*-manual\.marginalia .* 1 codes/);
    const reopened = testHost();
    try {
      await reopened.ok('project.open', { path });
      await reopened.ok('codes.create', { name: 'Two', parentId: null });
    } finally {
      reopened.cleanup();
    }
    lines.length = 0;
    expect(await runCli(['snapshots', '--project', path, '--json', ...home], io)).toBe(0);
    const list = JSON.parse(lines[0]!) as SnapshotList;
    expect(list.snapshots.map((s) => s.reason)).toContain('manual');
    expect(list.snapshots[0]!.counts?.codes).toBe(1);

    lines.length = 0;
    const manual = list.snapshots.find((s) => s.reason === 'manual')!;
    expect(await runCli(['restore', '--project', path, '--from', manual.name, '--json', ...home], io)).toBe(0);
    const out = JSON.parse(lines[0]!) as { counts: { codes: number }; before: string };
    expect(out.counts.codes).toBe(1);
    expect(out.before).toMatch(/-restore/);
    lines.length = 0;
    expect(await runCli(['restore', '--project', path, '--from', 'nonsense', ...home], io)).toBe(1);
    expect(lines.join('\n')).toMatch(/not the name of a snapshot/);
  });
});

describe('restoring an old snapshot', () => {
  it('works even when the snapshot taken first would rotate it away', async () => {
    t = testHost();
    let now = new Date('2026-11-28T12:00:00Z').getTime();
    const host = new Host({ home: join(t.dir, 'h'), clock: () => new Date(now), coderName: 'tester' });
    try {
      await host.call('project.create', { path: join(t.dir, 'old.marginalia'), template: 'empty' });
      await host.call('codes.create', { name: 'Old', parentId: null });
      const list = (await host.call('project.snapshots', {})) as { value: SnapshotList };
      const oldest = list.value.snapshots[0]!.name;
      // Nine more, an hour apart, the same day: ten in all, the oldest the last one kept. The snapshot
      // a restore takes first makes eleven, and the rotation would drop the very one being restored.
      for (let i = 0; i < 9; i++) {
        now += 60 * 60_000;
        expect((await host.call('project.snapshot', {})).ok).toBe(true);
      }
      const before = (await host.call('project.snapshots', {})) as { value: SnapshotList };
      expect(before.value.snapshots.map((x) => x.name)).toContain(oldest);
      const restored = await host.call('project.restore', { snapshot: oldest });
      expect(restored).toMatchObject({ ok: true });
    } finally {
      host.close();
    }
  });
});
