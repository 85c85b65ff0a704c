import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { Db } from '../../../electron/backend/db/database.ts';

/**
 * A new, empty project file for each test of the enclosing describe, closed and removed after
 * it. Call once inside `describe`; the returned function gives the current test's database
 * (migration tests bring it to version N - 1 themselves).
 */
export function useScratchDb(): () => Db {
  let dir = '';
  let db: Db | null = null;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'marginalia-mig-'));
    db = new Db(join(dir, 'p.marginalia'), { create: true });
  });
  afterEach(() => {
    db?.close();
    db = null;
    rmSync(dir, { recursive: true, force: true, maxRetries: 20 });
  });
  return () => {
    if (!db) throw new Error('useScratchDb: the database exists only inside a test');
    return db;
  };
}
