import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyOffThread, fullCheckOffThread } from '../../../electron/backend/db/background-check.ts';
import { Db } from '../../../electron/backend/db/database.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function project(): string {
  dir = mkdtempSync(join(tmpdir(), 'marginalia-offthread-'));
  const path = join(dir, 'study.marginalia');
  const db = new Db(path, { create: true });
  db.enableWal();
  db.raw.exec('CREATE TABLE codes (id INTEGER PRIMARY KEY, name TEXT NOT NULL)');
  const insert = db.raw.prepare('INSERT INTO codes (name) VALUES (?)');
  for (let i = 0; i < 500; i++) insert.run(`Code ${i}`);
  db.close();
  return path;
}

const names = (path: string): number => {
  const db = new Db(path, { create: false, readonly: true });
  try {
    return (db.raw.prepare('SELECT count(*) AS n FROM codes').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('SQLite work on a thread of its own', () => {
  it('copies a project into a new file and checks the copy', async () => {
    const path = project();
    const copy = join(dir, 'copy.marginalia');
    expect(await copyOffThread(path, copy).result).toEqual({ problems: [] });
    expect(names(copy)).toBe(500);
  });

  it('says why when the copy cannot be made (a file is already there), and leaves that file as it was', async () => {
    const path = project();
    const copy = join(dir, 'copy.marginalia');
    writeFileSync(copy, 'somebody else’s file');
    const result = await copyOffThread(path, copy).result;
    // SQLite writes only into a new or empty file: this one it reads as not a database.
    expect(result).toEqual({ failed: 'file is not a database', code: 'SQLITE_NOTADB' });
    expect(readFileSync(copy, 'utf8')).toBe('somebody else’s file');
  });

  it('stop waits for the thread and hands over its outcome at once, without the event loop', () => {
    const path = project();
    const copy = join(dir, 'copy.marginalia');
    const job = copyOffThread(path, copy);
    // No await between start and stop: the answer is taken from the thread's port.
    expect(job.stop()).toEqual({ problems: [] });
    expect(names(copy)).toBe(500);
  });

  it('the full check of a file that is not SQLite is a finding, not a failure to check', async () => {
    dir = mkdtempSync(join(tmpdir(), 'marginalia-offthread-'));
    const path = join(dir, 'notes.marginalia');
    writeFileSync(path, 'x'.repeat(4096));
    const result = await fullCheckOffThread(path).result;
    expect(result).toMatchObject({ problems: [expect.stringMatching(/not a database/)] });
  });
});
