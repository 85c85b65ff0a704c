import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiFailure } from '../../../shared/api/errors.ts';
import type { CopyManifest, MergeRows, StagedCopy } from '../../../shared/domain/team/merge-types.ts';
import { Db } from '../db/database.ts';
import { loadMigrations, migrate, schemaVersion } from '../db/migrate.ts';
import type { PlannedSource } from '../exchange/plan-types.ts';
import { loadExchangeFile } from '../exchange/refi-file.ts';
import { bytesOf, type StageRequest } from '../exchange/staging.ts';
import { ImportError, reasonOf } from '../import/parsers/errors.ts';
import { getMeta, tableNames } from '../repositories/meta.ts';
import { projectRows, readManifest, shownManifest } from './rows.ts';
import { refiRows } from './refi-rows.ts';
import type { Step } from '../exchange/job.ts';

/**
 * Coders' copies read and held between the preview and the merge. A Marginalia copy is written
 * to a temporary file of its own and brought to this version's schema there (the file the
 * researcher chose is never written to); a REFI-QDA project is read by the exchange's reader.
 */

export type LoadedCopy = { name: string; rows: MergeRows; manifest: CopyManifest | null; warnings: string[] } & (
  | { format: 'marginalia'; db: Db; dir: string }
  | { format: 'qdpx'; sources: Map<string, PlannedSource> }
);

const MAX_STAGED = 3;
const staged = new Map<string, LoadedCopy>();

const SQLITE_HEADER = 'SQLite format 3\u0000';
const isSqlite = (bytes: Uint8Array) => bytes.length >= 16 && Buffer.from(bytes.subarray(0, 16)).toString('latin1') === SQLITE_HEADER;

function openMarginaliaCopy(name: string, bytes: Uint8Array): LoadedCopy {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-copy-'));
  const path = join(dir, 'copy.marginalia');
  let db: Db | null = null;
  try {
    writeFileSync(path, bytes);
    db = new Db(path, { create: false });
    if (!tableNames(db).includes('project_meta') || getMeta(db, 'app') !== 'marginalia') throw new ImportError(name, 'is an SQLite database, but not a Marginalia project');
    const newest = loadMigrations().length;
    if (schemaVersion(db) > newest) throw new ImportError(name, `was written by a newer Marginalia (schema ${schemaVersion(db)}; this one reads up to ${newest}): update Marginalia to merge it`);
    migrate(db);
    return { format: 'marginalia', name, db, dir, rows: projectRows(db), manifest: readManifest(db), warnings: [] };
  } catch (error) {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
    if (error instanceof ImportError) throw error;
    throw new ImportError(name, `cannot be read as a Marginalia project: ${reasonOf(error)}`);
  }
}

function release(copy: LoadedCopy): void {
  if (copy.format !== 'marginalia') return;
  copy.db.close();
  rmSync(copy.dir, { recursive: true, force: true });
}

export function describeCopy(stagedId: string, copy: LoadedCopy): StagedCopy {
  return {
    stagedId,
    name: copy.name,
    format: copy.format,
    projectName: copy.format === 'marginalia' ? (getMeta(copy.db, 'name') ?? copy.name) : copy.name.replace(/\.qdpx$/i, ''),
    manifest: shownManifest(copy.manifest),
    coders: copy.rows.coders.map((c) => c.name),
    counts: { sources: copy.rows.sources.length, codes: copy.rows.codes.length, codings: copy.rows.codings.length, memos: copy.rows.memos.length },
  };
}

/** Reads a coder's copy (.marginalia, or a REFI-QDA .qdpx) and holds it; a file that cannot be read is a `bad_file` failure naming it. */
export async function stageCopy(request: StageRequest, step: Step): Promise<StagedCopy> {
  let copy: LoadedCopy;
  try {
    const { name, bytes } = bytesOf(request);
    await step(`Reading ${name}`, 0, 2);
    if (isSqlite(bytes)) copy = openMarginaliaCopy(name, bytes);
    else {
      const loaded = await loadExchangeFile(bytes, name, { step });
      if (loaded.format !== 'qdpx') throw new ImportError(name, 'is a REFI-QDA codebook (.qdc), which holds no codings: merge a coder’s project (.marginalia or .qdpx)');
      const refi = refiRows(loaded);
      copy = { format: 'qdpx', name, rows: refi.rows, sources: refi.sources, manifest: null, warnings: refi.warnings };
    }
  } catch (error) {
    if (error instanceof ApiFailure) throw error;
    const message = error instanceof ImportError ? error.message : `${'name' in request ? request.name : request.path} could not be read: ${reasonOf(error)}`;
    throw new ApiFailure('bad_file', message, 'file');
  }
  const stagedId = `copy_${randomBytes(12).toString('base64url')}`;
  staged.set(stagedId, copy);
  for (const [id, old] of staged) {
    if (staged.size <= MAX_STAGED) break;
    staged.delete(id);
    release(old);
  }
  await step('Read', 2, 2);
  return describeCopy(stagedId, copy);
}

export function getStagedCopy(stagedId: string): LoadedCopy {
  const copy = staged.get(stagedId);
  if (!copy) throw new ApiFailure('not_found', `No copy ${stagedId} is held: it was merged, discarded, or the app restarted; choose the file again`, 'stagedId');
  return copy;
}

export function discardCopies(stagedIds: readonly string[]): number {
  let n = 0;
  for (const id of stagedIds) {
    const copy = staged.get(id);
    if (!copy) continue;
    staged.delete(id);
    release(copy);
    n++;
  }
  return n;
}
