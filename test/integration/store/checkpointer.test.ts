import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Checkpointer, type CheckpointEvent } from '../../../electron/backend/db/checkpointer.ts';
import { Db } from '../../../electron/backend/db/database.ts';

/** Resolves with the first event the thread reports that `accept` takes. */
const nextCheckpoint = (c: Checkpointer, accept: (e: CheckpointEvent) => boolean): Promise<CheckpointEvent> =>
  new Promise((resolve) => {
    const off = c.onCheckpoint((e) => {
      if (!accept(e)) return;
      off();
      resolve(e);
    });
  });

const waitFor = async (check: () => boolean, ms = 10_000): Promise<void> => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('the write-ahead log is copied back into the file off the writer’s thread', () => {
  let dir = '';
  let path = '';
  const open: Db[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'marginalia-checkpoint-'));
    path = join(dir, 'p.marginalia');
  });
  afterEach(() => {
    for (const db of open.splice(0)) db.close();
    rmSync(dir, { recursive: true, force: true, maxRetries: 20 });
  });
  const writer = (): Db => {
    const db = new Db(path, { create: true });
    db.enableWal();
    open.push(db);
    db.raw.exec('CREATE TABLE pages (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT');
    return db;
  };
  /** About `mb` megabytes of rows written in one transaction (incompressible enough to take the pages). */
  const write = (db: Db, mb: number, seed: number): void => {
    const insert = db.raw.prepare('INSERT INTO pages (body) VALUES (?)');
    db.transaction(() => {
      for (let i = 0; i < mb * 256; i++) insert.run(`${seed}:${i}:`.padEnd(4000, String.fromCharCode(97 + ((i + seed) % 26))));
    });
  };

  it('a large commit leaves the writer’s connection without a checkpoint of its own, and the thread copies every page', async () => {
    const db = writer();
    expect(db.raw.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const checkpointer = db.walCheckpointer!;
    expect(checkpointer.threaded).toBe(false);
    const fileBefore = statSync(path).size;
    const copied = nextCheckpoint(checkpointer, (e) => 'log' in e && e.log > 0 && e.checkpointed === e.log);
    write(db, 6, 1);
    // Right after the commit the rows are only in the log: the commit did not copy them.
    expect(statSync(path).size).toBe(fileBefore);
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(6 * 1024 * 1024);
    expect(checkpointer.threaded).toBe(true);
    const event = (await copied) as { log: number; checkpointed: number };
    expect(event.log).toBeGreaterThan(1000);
    expect(statSync(path).size).toBeGreaterThan(6 * 1024 * 1024);
  });

  it('writes go on while it copies, and closing lets the writer empty the log with nothing lost', async () => {
    const db = writer();
    write(db, 5, 1);
    const checkpointer = db.walCheckpointer!;
    await nextCheckpoint(checkpointer, (e) => 'log' in e && e.checkpointed > 0);
    for (let round = 2; round < 6; round++) write(db, 1, round);
    db.close();
    open.splice(0);
    expect(existsSync(`${path}-wal`)).toBe(false);
    const again = new Db(path, { create: false, readonly: true });
    try {
      expect((again.raw.prepare('SELECT count(*) AS n FROM pages').get() as { n: number }).n).toBe(9 * 256);
      expect(again.raw.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      again.close();
    }
  });

  it('a small project never starts the thread', () => {
    const db = writer();
    write(db, 1, 1);
    expect(db.walCheckpointer!.threaded).toBe(false);
  });

  it('gives the checkpoints back to SQLite when the thread cannot open the file', async () => {
    const db = writer();
    let givenBack = 0;
    const broken = new Checkpointer({ path, binding: join(dir, 'no-such-build.node'), thresholdBytes: 0, giveBack: () => givenBack++ });
    const failed = nextCheckpoint(broken, (e) => 'error' in e);
    write(db, 1, 1);
    broken.afterCommit();
    expect(((await failed) as { error: string }).error).toMatch(/no-such-build/);
    await waitFor(() => givenBack === 1);
    expect(broken.threaded).toBe(false);
    broken.afterCommit();
    expect(givenBack).toBe(1);
    broken.stop();
  });
});
