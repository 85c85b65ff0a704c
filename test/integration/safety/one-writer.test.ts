import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Host } from '../../../electron/backend/host.ts';
import { checkProject } from '../../../electron/backend/check.ts';
import { WriterLock } from '../../../electron/backend/db/writer-lock.ts';
import { LOCK_FILE } from '../../../electron/backend/safety/guard.ts';
import { snapshotFolder } from '../../../electron/backend/safety/snapshots.ts';
import { runCli } from '../../../electron/cli/cli.ts';
import type { ProjectInfo } from '../../../shared/domain/types.ts';
import { killHard, startChild } from '../../helpers/child.ts';
import { tableCounts, testHost, type TestHost } from '../../helpers/project.ts';

let t: TestHost;
const extra: Host[] = [];
afterEach(() => {
  for (const h of extra.splice(0)) h.close();
  t?.cleanup();
});

function secondHost(name: string): Host {
  const h = new Host({ home: join(t.dir, `home-${name}`), coderName: name });
  extra.push(h);
  return h;
}

async function newProject(): Promise<string> {
  const path = join(t.dir, 'shared.marginalia');
  await t.ok('project.create', { path, template: 'five-questions' });
  await t.ok('codes.create', { name: 'First', parentId: null });
  return path;
}

describe('one writer', () => {
  it('a second Host on the same file gets it read-only, with the reason, and cannot change it', async () => {
    t = testHost();
    const path = await newProject();
    const second = secondHost('reviewer');
    const opened = await second.call('project.open', { path });
    expect(opened.ok).toBe(true);
    const info = (opened as { value: ProjectInfo }).value;
    expect(info.safety?.readOnly).toMatch(/open for writing in another Marginalia window or process \(process \d+ on .*\), so it is shown read-only here/);
    // It reads what the writer wrote…
    expect(info.counts.codes).toBe(13);
    const listed = await second.call('codes.list', {});
    expect(listed.ok).toBe(true);
    // …and every change is refused, before anything runs.
    const before = tableCounts(t.host);
    const refused = await second.call('codes.create', { name: 'Second writer', parentId: null });
    expect(refused).toMatchObject({ ok: false, error: { code: 'read_only' } });
    const job = await second.call('import.run', { files: [{ stagedId: 'x', kind: 'document' }] });
    expect(job).toMatchObject({ ok: false, error: { code: 'read_only' } });
    expect(tableCounts(t.host)).toEqual(before);
    // The writer goes on writing, and the reader sees it.
    await t.ok('codes.create', { name: 'Later', parentId: null });
    const reread = await second.call('project.info', {});
    expect((reread as { value: ProjectInfo }).value.counts.codes).toBe(14);
  });

  it('once the writer closes, the next open writes', async () => {
    t = testHost();
    const path = await newProject();
    t.host.close();
    const second = secondHost('next');
    const opened = (await second.call('project.open', { path })) as { ok: true; value: ProjectInfo };
    expect(opened.value.safety?.readOnly).toBeNull();
    expect((await second.call('codes.create', { name: 'Mine now', parentId: null })).ok).toBe(true);
  });

  it('reopening the project it already writes keeps the Host the writer', async () => {
    t = testHost();
    const path = await newProject();
    const again = await t.ok('project.open', { path });
    expect(again.safety?.readOnly).toBeNull();
    await t.ok('codes.create', { name: 'Still writable', parentId: null });
  });

  it('the CLI refuses to import into a project written elsewhere, saying why', async () => {
    t = testHost();
    const path = await newProject();
    const lines: string[] = [];
    const code = await runCli(['import', '--project', path, join(t.dir, 'missing.txt'), '--home', join(t.dir, 'cli-home')], { out: (l) => lines.push(l), err: (l) => lines.push(l) });
    expect(code).toBe(1);
    expect(lines.join('\n')).toMatch(/^Nothing was imported: shared\.marginalia is open for writing in another Marginalia window or process/);
    const restore = await runCli(['restore', '--project', path, '--home', join(t.dir, 'cli-home')], { out: (l) => lines.push(l), err: (l) => lines.push(l) });
    expect(restore).toBe(1);
    expect(lines.at(-1)).toMatch(/^Not restored: .*open for writing/);
  });

  it('a writer killed mid-write leaves no lock in the way: the next opener writes, and knows the last one did not close', async () => {
    t = testHost();
    const path = await newProject();
    t.host.close();
    const child = await startChild('test/helpers/safety-child.ts', ['hold', path, join(t.dir, 'child-home')]);
    try {
      // While it lives, it is the writer.
      const blocked = secondHost('waiting');
      const ro = (await blocked.call('project.open', { path })) as { value: ProjectInfo };
      expect(ro.value.safety?.readOnly).toMatch(new RegExp(`process ${child.pid}`));
      blocked.close();
    } finally {
      await killHard(child);
    }
    // The lock died with it; the owner row it left says who that was.
    const lock = WriterLock.acquire(join(snapshotFolder(path), LOCK_FILE), { pid: process.pid, host: 'test', since: 'now', app: 'test' });
    expect(lock.held).toBe(true);
    if (lock.held) {
      expect(lock.previous?.pid).toBe(child.pid);
      lock.lock.release();
    }
    const next = secondHost('after');
    const opened = (await next.call('project.open', { path })) as { ok: true; value: ProjectInfo };
    expect(opened.value.safety?.readOnly).toBeNull();
    expect(checkProject(next.current!.db)).toEqual([]);
    expect((await next.call('codes.create', { name: 'After the crash', parentId: null })).ok).toBe(true);
    // A clean close leaves no owner behind.
    next.close();
    const clean = WriterLock.acquire(join(snapshotFolder(path), LOCK_FILE), { pid: process.pid, host: 'test', since: 'now', app: 'test' });
    expect(clean.held && clean.previous).toBeNull();
    if (clean.held) clean.lock.release();
  });
});
