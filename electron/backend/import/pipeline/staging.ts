import { randomBytes } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { ApiFailure } from '../../../../shared/api/errors.ts';
import { KINDS_BY_FORMAT, type ImportFormat, type StagedFile } from '../../../../shared/domain/import-types.ts';
import type { SourceKind } from '../../../../shared/domain/types.ts';
import { SNIFF_BYTES } from '../parsers/decode.ts';
import { assertImportSize, detectFormat, formatOfName } from '../parsers/detect.ts';
import { ImportError, reasonOf } from '../parsers/errors.ts';

/**
 * The staging area: files the user picked, held between preview and import so big files
 * cross the transport once. Bytes from the renderer stay in memory; files named by path (CLI,
 * benchmarks) are read again when needed, so a batch of a thousand files never sits in memory.
 */
type Held = { bytes: Uint8Array } | { path: string };
export type Staged = StagedFile & { held: Held | null };

/** Bytes held for the renderer at most; a dialog full of files stays far below it. */
const MAX_HELD_BYTES = 512 * 1024 * 1024;

const area = new Map<string, Staged>();
let heldBytes = 0;

/** A plain Uint8Array view: pdf.js refuses Node Buffers. */
const plain = (buffer: Buffer): Uint8Array => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);

const newId = (): string => `stg_${randomBytes(12).toString('base64url')}`;

export type StageRequest = { name: string; dataBase64: string; kind?: SourceKind } | { path: string; kind?: SourceKind };

/** Stages one file. Problems with the file itself are returned in `error`, not thrown. */
export function stage(request: StageRequest, suggest: (name: string, format: ImportFormat, bytes: Uint8Array) => SourceKind): StagedFile {
  const name = 'path' in request ? basename(request.path) : basename(request.name);
  const stagedId = newId();
  const base = { stagedId, name, size: 0, format: null, kinds: [], suggestedKind: null };
  let bytes: Uint8Array;
  let held: Held;
  try {
    // A file type that cannot be imported is said first, before its size or content matter.
    const named = formatOfName(name);
    let size: number;
    if ('path' in request) {
      size = fileSize(request.path, name);
      assertImportSize(name, size);
      // Text formats are checked (and their kind guessed) from their start: no need to read
      // a whole transcript twice. The import reads the file again anyway.
      bytes = HEAD_ONLY.has(named) ? readHead(request.path, name, size) : plain(readFileSync(request.path));
      held = { path: request.path };
    } else {
      bytes = plain(Buffer.from(request.dataBase64, 'base64'));
      size = bytes.length;
      assertImportSize(name, bytes.length);
      if (heldBytes + bytes.length > MAX_HELD_BYTES) {
        throw new ApiFailure('conflict', `${name} cannot be added: ${Math.round(MAX_HELD_BYTES / 1048576)} MB of files are already waiting to be imported; import or remove some first`);
      }
      held = { bytes };
    }
    const format = detectFormat(name, bytes);
    const kinds = KINDS_BY_FORMAT[format];
    if (request.kind !== undefined && !kinds.includes(request.kind)) {
      throw new ImportError(name, `cannot be imported as ${article(request.kind)} (a .${format} file can be ${kinds.map(article).join(' or ')})`);
    }
    const suggestedKind = request.kind ?? suggest(name, format, bytes);
    const entry: Staged = { ...base, size, format, kinds, suggestedKind, error: null, held };
    area.set(stagedId, entry);
    if ('bytes' in held) heldBytes += bytes.length;
    return publicView(entry);
  } catch (error) {
    if (error instanceof ApiFailure) throw error;
    const message = error instanceof ImportError ? error.message : `${name} could not be read: ${reasonOf(error)}`;
    const entry: Staged = { ...base, error: message, held: null };
    area.set(stagedId, entry);
    return publicView(entry);
  }
}

/** Formats whose checks and kind guess look only at the start of the file (decode.ts SNIFF_BYTES). */
const HEAD_ONLY: ReadonlySet<ImportFormat> = new Set(['txt', 'md', 'vtt', 'srt', 'json', 'csv']);

function readHead(path: string, name: string, size: number): Uint8Array {
  const head = new Uint8Array(Math.min(size, SNIFF_BYTES));
  const fd = openSync(path, 'r');
  try {
    const n = readSync(fd, head, 0, head.length, 0);
    return head.subarray(0, n);
  } catch (error) {
    throw new ImportError(name, `cannot be read: ${reasonOf(error)}`);
  } finally {
    closeSync(fd);
  }
}

function fileSize(path: string, name: string): number {
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new ImportError(name, 'is a folder, not a file');
    return st.size;
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(name, `cannot be read: no file at ${path}`);
  }
}

export const article = (kind: SourceKind): string => (kind === 'interview' ? 'an interview' : `a ${kind}`);

const publicView = ({ held: _held, ...file }: Staged): StagedFile => file;

/** A staged file, or a not_found failure naming the field. */
export function getStaged(stagedId: string, field = 'stagedId'): Staged {
  const entry = area.get(stagedId);
  if (!entry) throw new ApiFailure('not_found', `No staged file ${stagedId}: it was imported, discarded, or the app restarted; add the file again`, field);
  return entry;
}

/** The file's bytes: held, or read again from disk. */
export function readStaged(entry: Staged): Uint8Array {
  if (entry.error !== null || entry.held === null) throw new ApiFailure('bad_file', entry.error ?? `${entry.name} cannot be read`);
  if ('bytes' in entry.held) return entry.held.bytes;
  try {
    return plain(readFileSync(entry.held.path));
  } catch (error) {
    throw new ImportError(entry.name, `cannot be read any more: ${reasonOf(error)}`);
  }
}

/**
 * The dialog asks for a file's preview again when the id column or family changes: parse once.
 * The six parses used last are kept (a Map keeps insertion order: the first key is the least recent).
 */
const recentParses = new Map<string, unknown>();
const RECENT_PARSES = 6;

/** A parse the preview remembered, if it still is; asking for it makes it the most recent. */
export function rememberedParse<T>(stagedId: string, kind: SourceKind): T | undefined {
  const key = `${stagedId}:${kind}`;
  if (!recentParses.has(key)) return undefined;
  const parsed = recentParses.get(key);
  recentParses.delete(key);
  recentParses.set(key, parsed);
  return parsed as T;
}

export function rememberParse<T>(stagedId: string, kind: SourceKind, parse: () => Promise<T>): Promise<T> {
  const remembered = rememberedParse<T>(stagedId, kind);
  if (remembered !== undefined) return Promise.resolve(remembered);
  return parse().then((parsed) => {
    recentParses.set(`${stagedId}:${kind}`, parsed);
    for (const old of recentParses.keys()) if (recentParses.size > RECENT_PARSES) recentParses.delete(old);
    return parsed;
  });
}

export function discard(stagedIds: readonly string[]): number {
  let n = 0;
  for (const id of stagedIds) {
    for (const key of recentParses.keys()) if (key.startsWith(`${id}:`)) recentParses.delete(key);
    const entry = area.get(id);
    if (!entry) continue;
    if (entry.held && 'bytes' in entry.held) heldBytes -= entry.held.bytes.length;
    area.delete(id);
    n++;
  }
  return n;
}
