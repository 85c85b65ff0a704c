/**
 * Failures of the disk itself (full, read-only, failing) from Node's fs and from SQLite, as one
 * sentence a researcher can act on. Pure: tested on its own.
 */

type Coded = { code?: unknown; message?: unknown };

const FULL = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);
const READ_ONLY = new Set(['EROFS', 'EACCES', 'EPERM', 'SQLITE_READONLY', 'SQLITE_CANTOPEN']);

const codeOf = (err: unknown): string => {
  const code = (err as Coded | null)?.code;
  return typeof code === 'string' ? code : '';
};

/** True for SQLite and fs errors that mean the disk, not the request, failed. */
export function isStorageError(err: unknown): boolean {
  const code = codeOf(err);
  return FULL.has(code) || code === 'EIO' || code.startsWith('SQLITE_IOERR') || code === 'SQLITE_READONLY' || code.startsWith('SQLITE_READONLY_');
}

export function describeStorageError(err: unknown): string {
  const code = codeOf(err);
  const message = err instanceof Error ? err.message : String(err);
  if (FULL.has(code)) return 'the disk is full (free some space and try again)';
  if (code === 'EIO' || code.startsWith('SQLITE_IOERR')) return `the disk reported an input/output error (${message}); check the drive or the connection to it`;
  if (READ_ONLY.has(code) || code.startsWith('SQLITE_READONLY')) return `the file or its folder cannot be written (${message})`;
  return message;
}
