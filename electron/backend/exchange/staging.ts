import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { ApiFailure } from '../../../shared/api/errors.ts';
import type { StagedExchange } from '../../../shared/domain/exchange-types.ts';
import { ImportError, reasonOf } from '../import/parsers/errors.ts';
import type { LoadedExchange, LoadProgress } from './refi-file.ts';
import type { RefiCode } from './refi-model.ts';
import { loadExchangeFile } from './refi-file.ts';

/**
 * REFI-QDA files read and held between staging and import (the preview and the import read
 * the same parse). Held in memory, a few at a time: the oldest is forgotten first.
 */
const MAX_STAGED = 4;
/** Largest .qdpx read (the browser transport stops at 80 MB of base64 anyway). */
const MAX_FILE_BYTES = 1024 * 1024 * 1024;

const staged = new Map<string, LoadedExchange>();

export type StageRequest = { name: string; dataBase64: string } | { path: string };

export function bytesOf(request: StageRequest): { name: string; bytes: Uint8Array } {
  if ('dataBase64' in request) {
    const buffer = Buffer.from(request.dataBase64, 'base64');
    return { name: basename(request.name), bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length) };
  }
  const name = basename(request.path);
  let size: number;
  try {
    const st = statSync(request.path);
    if (st.isDirectory()) throw new ImportError(name, 'is a folder, not a file');
    size = st.size;
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(name, `cannot be read: no file at ${request.path}`);
  }
  if (size > MAX_FILE_BYTES) throw new ImportError(name, `is too large to import (${Math.round(size / 1048576)} MB; at most ${MAX_FILE_BYTES / 1048576} MB)`);
  try {
    const buffer = readFileSync(request.path);
    return { name, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length) };
  } catch (error) {
    throw new ImportError(name, `cannot be read: ${reasonOf(error)}`);
  }
}

const countCodes = (codes: readonly RefiCode[]): number => codes.reduce((n, c) => n + 1 + countCodes(c.children), 0);

export function summarise(stagedId: string, loaded: LoadedExchange): StagedExchange {
  if (loaded.format === 'qdc') {
    return {
      stagedId,
      name: loaded.name,
      format: 'qdc',
      size: loaded.size,
      origin: loaded.codebook.origin,
      projectName: null,
      contents: { codes: countCodes(loaded.codebook.codes), sources: 0, cases: 0, selections: 0, notes: 0, users: 0, sets: loaded.codebook.sets.length },
    };
  }
  const p = loaded.project;
  const selections = p.sources.reduce((n, s) => n + (s.kind === 'text' ? s.selections.length : s.selections + s.texts.reduce((m, t) => m + t.selections.length, 0)), 0);
  return {
    stagedId,
    name: loaded.name,
    format: 'qdpx',
    size: loaded.size,
    origin: p.origin,
    projectName: p.name || null,
    contents: { codes: countCodes(p.codes), sources: p.sources.length, cases: p.cases.length, selections, notes: p.notes.length, users: p.users.length, sets: p.sets.length },
  };
}

/** Reads and holds one file; a file that cannot be read is a `bad_file` failure naming it. */
export async function stageExchange(request: StageRequest, progress: LoadProgress): Promise<StagedExchange> {
  let loaded: LoadedExchange;
  try {
    const { name, bytes } = bytesOf(request);
    loaded = await loadExchangeFile(bytes, name, progress);
  } catch (error) {
    if (error instanceof ApiFailure) throw error;
    const message = error instanceof ImportError ? error.message : `${'name' in request ? request.name : basename(request.path)} could not be read: ${reasonOf(error)}`;
    throw new ApiFailure('bad_file', message, 'file');
  }
  const stagedId = `xch_${randomBytes(12).toString('base64url')}`;
  staged.set(stagedId, loaded);
  for (const old of staged.keys()) if (staged.size > MAX_STAGED) staged.delete(old);
  return summarise(stagedId, loaded);
}

export function getStagedExchange(stagedId: string): LoadedExchange {
  const loaded = staged.get(stagedId);
  if (!loaded) throw new ApiFailure('not_found', `No staged file ${stagedId}: it was imported, discarded, or the app restarted; choose the file again`, 'stagedId');
  return loaded;
}

export function discardExchange(stagedIds: readonly string[]): number {
  let n = 0;
  for (const id of stagedIds) if (staged.delete(id)) n++;
  return n;
}
