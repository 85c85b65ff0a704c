import { z } from 'zod';
import { job, query } from '../define.ts';
import { attributeType, filePath, id, label, sourceKind } from '../schemas.ts';
import type { ImportPreview, ImportReport, StagedFile } from '../../domain/import-types.ts';

/**
 * Base64 of a file up to the browser server's 80 MB body limit. The 50 MB import limit is
 * checked on the decoded bytes, so the message names the file instead of a field length.
 */
const MAX_BASE64_CHARS = 80 * 1024 * 1024;

const stagedId = z.string().min(1, 'stagedId must not be empty').max(64);
const jobId = z.string().min(1, 'jobId must not be empty').max(100);
const column = z.string().max(500);

const stagedFile = z.union([
  z.object({ name: label('File name', { max: 500 }), dataBase64: z.string().max(MAX_BASE64_CHARS), kind: sourceKind.optional() }).strict(),
  z.object({ path: filePath, kind: sourceKind.optional() }).strict(),
]);

const speakerAction = z.discriminatedUnion('as', [
  z.object({ speaker: z.string().max(200), as: z.literal('participant'), participantId: id }).strict(),
  z.object({ speaker: z.string().max(200), as: z.literal('new'), label: label('Participant label', { max: 40 }), name: label('Participant name', { allowEmpty: true }).optional() }).strict(),
  z.object({ speaker: z.string().max(200), as: z.literal('interviewer') }).strict(),
  z.object({ speaker: z.string().max(200), as: z.literal('other') }).strict(),
]);

const columnRole = z
  .object({
    column,
    role: z.enum(['answer', 'attribute', 'ignore']),
    type: attributeType.optional(),
    sectionCodeId: id.nullable().optional(),
  })
  .strict();

const questionnaireOptions = z
  .object({
    idColumn: column,
    columns: z.array(columnRole).max(2000),
    family: z.discriminatedUnion('mode', [
      z.object({ mode: z.literal('new'), name: label('Questionnaire name', { max: 300 }).optional() }).strict(),
      z.object({ mode: z.literal('update'), familyId: id }).strict(),
    ]),
  })
  .strict();

const fileOptions = z
  .object({
    stagedId,
    kind: sourceKind,
    name: label('Source name', { max: 300 }).optional(),
    interview: z.object({ speakers: z.array(speakerAction).max(500), unattributedParticipantId: id.nullable().optional() }).strict().optional(),
    questionnaire: questionnaireOptions.optional(),
  })
  .strict();

export const importMethods = {
  /**
   * Holds files in the backend's memory (bytes) or by path, checks their type, size and
   * content, and suggests a source kind. Changes nothing in the project.
   */
  'import.stage': job(z.object({ files: z.array(stagedFile).min(1, 'give at least one file').max(5000) }).strict()).returns<StagedFile[]>(),
  /** Parses one staged file as a kind and shows what would be imported; writes nothing. */
  'import.preview': job(
    z
      .object({ stagedId, kind: sourceKind, idColumn: column.optional(), familyId: id.nullable().optional() })
      .strict(),
  ).returns<ImportPreview>(),
  /**
   * Imports staged files in one transaction, as one undoable step: all of them or, on any
   * error or cancel, none. Reports progress under jobId (give one to be able to cancel).
   */
  'import.run': job(z.object({ jobId: jobId.optional(), files: z.array(fileOptions).min(1, 'choose at least one file').max(5000) }).strict()).returns<ImportReport>(),
  /** Asks a running import to stop; it rolls back. False when the job is unknown or already writing. */
  'import.cancel': query(z.object({ jobId }).strict()).returns<{ cancelled: boolean }>(),
  /** Forgets staged files (the dialog was closed). */
  'import.discard': query(z.object({ stagedIds: z.array(stagedId).max(5000) }).strict()).returns<{ discarded: number }>(),
};
