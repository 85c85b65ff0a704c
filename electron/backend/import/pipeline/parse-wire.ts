import type { SourceKind } from '../../../../shared/domain/types.ts';
import { ImportError, type ImportWhere } from '../parsers/errors.ts';
import type { ParsedSource } from '../parsers/parse-source.ts';
import type { PdfLimits } from '../parsers/pdf.ts';

/**
 * What crosses between the import and its parsing thread (parse-pool.ts ↔ parse-worker.ts).
 * Parsed sources are plain data, so they cross by structured clone; errors are rebuilt on the
 * import's side so that an ImportError stays one (its message names the file and the row).
 */
export type ParseInput = { name: string; kind: SourceKind } & ({ path: string } | { bytes: Uint8Array });
/** `limits`: how much of a PDF is read (parse-pool.ts sets them; its time limit also stops the thread). */
export type ParseRequest = ParseInput & { id: number; limits: PdfLimits };

export type WireError = { importError: { file: string; detail: string; where: ImportWhere | undefined } } | { message: string };

/**
 * `started`: the thread began parsing the file (its time limit runs from here). `stolen`: the
 * importing thread claimed the file first and parsed it itself.
 */
export type ParseReply = { id: number; parsed: ParsedSource } | { id: number; error: WireError } | { id: number; stolen: true } | { id: number; started: true };

/**
 * Claim slots shared by the two threads (Int32Array over a SharedArrayBuffer): request id
 * modulo this many. 0 = unclaimed, 1 = the parsing thread took it, 2 = the importing thread did.
 * Far more slots than requests are ever in flight at once.
 */
export const CLAIM_SLOTS = 1024;

export function toWire(error: unknown): WireError {
  if (error instanceof ImportError) return { importError: { file: error.file, detail: error.detail, where: error.where } };
  return { message: error instanceof Error ? error.message : String(error) };
}

export function fromWire(error: WireError): Error {
  if ('importError' in error) return new ImportError(error.importError.file, error.importError.detail, error.importError.where);
  return new Error(error.message);
}
