import { z } from 'zod';
import { command, job, query } from '../define.ts';
import { filePath, label } from '../schemas.ts';
import type { ExchangeExport, ExchangeImportReport, ExchangePlan, StagedExchange } from '../../domain/exchange-types.ts';

/** Base64 of a file up to the browser server's 80 MB body limit (a 60 MB .qdpx). */
const MAX_BASE64_CHARS = 80 * 1024 * 1024;

const stagedId = z.string().min(1, 'stagedId must not be empty').max(64);
const jobId = z.string().min(1, 'jobId must not be empty').max(100);

/** A file to read: its name and bytes from the page, or a path (the command line only: the page may not name paths). */
export const fileToStage = z.union([
  z.object({ name: label('File name', { max: 500 }), dataBase64: z.string().max(MAX_BASE64_CHARS) }).strict(),
  z.object({ path: filePath }).strict(),
]);

/** REFI-QDA exchange with NVivo, ATLAS.ti, MAXQDA, QualCoder…: projects (.qdpx) and codebooks (.qdc). */
export const exchangeMethods = {
  /**
   * Reads a .qdpx or .qdc file (bytes from the renderer, or a path from the CLI) and holds it
   * until it is imported or discarded. Nothing in the project changes; a file that cannot be
   * read is refused with what and where. Reports progress under jobId.
   */
  'exchange.stage': job(
    z
      .object({
        jobId: jobId.optional(),
        file: fileToStage,
      })
      .strict(),
  ).returns<StagedExchange>(),
  /** What importing a staged file into the open project would do: codes added or matched, what cannot come in, warnings. Writes nothing. */
  'exchange.preview': query(z.object({ stagedId }).strict()).returns<ExchangePlan>(),
  /** Merges a staged codebook (.qdc) into the project's codebook by name path, as the preview showed: one undoable step. */
  'exchange.applyCodebook': command(z.object({ stagedId }).strict()).returns<ExchangeImportReport>(),
  /**
   * Imports a staged project (.qdpx) into the open project: one transaction, one undoable step,
   * all or nothing. Reports progress under jobId; `exchange.cancel` stops it with nothing imported.
   */
  'exchange.importProject': job(z.object({ jobId: jobId.optional(), stagedId }).strict()).returns<ExchangeImportReport>(),
  /**
   * The whole project as a REFI-QDA project (.qdpx), valid against the standard's Project.xsd 1.0.
   * Reports progress under jobId; `exchange.cancel` stops it.
   */
  'exchange.exportProject': job(z.object({ jobId: jobId.optional() }).strict()).returns<ExchangeExport>(),
  /** The codebook as a REFI-QDA codebook (.qdc), valid against Codebook.xsd 1.0. */
  'exchange.exportCodebook': query(z.object({}).strict()).returns<ExchangeExport>(),
  /** Asks a running exchange job (stage, import, export) to stop. False when none runs under that id. */
  'exchange.cancel': query(z.object({ jobId }).strict()).returns<{ cancelled: boolean }>(),
  /** Forgets staged files (the dialog was closed). */
  'exchange.discard': query(z.object({ stagedIds: z.array(stagedId).max(100) }).strict()).returns<{ discarded: number }>(),
};
