import { z } from 'zod';
import { job, query } from '../define.ts';
import { id, label } from '../schemas.ts';
import type { FileDownload } from '../../domain/analysis/types.ts';
import type { ExcerptMatch } from '../../domain/export-types.ts';
import { sourceKinds } from './analysis.ts';

const ids = (what: string, max = 10000) => z.array(id).max(max, `${what}: at most ${max}`);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates must look like YYYY-MM-DD');
const jobId = z.string().min(1, 'jobId must not be empty').max(100);
const attributeValue = z.string().max(2000);

/**
 * Which coded excerpts an export holds. The fields of `analysis.excerpts` (so the Coded
 * excerpts tab and a frequency cell export exactly what they show), plus several values per
 * attribute: within an attribute any value matches, across attributes all must.
 */
export const excerptFilter = z
  .object({
    codeIds: ids('codeIds', 5000).min(1, 'choose at least one code'),
    includeDescendants: z.boolean().default(true),
    participantIds: ids('participantIds').optional(),
    /** Text credited to no participant (documents, interviewer turns); with participantIds: either. */
    unattributed: z.boolean().optional(),
    attribute: z.object({ attributeId: id, value: attributeValue.nullable() }).strict().optional(),
    attributeValues: z
      .array(
        z
          .object({ attributeId: id, values: z.array(attributeValue.nullable()).min(1, 'choose at least one value').max(1000) })
          .strict(),
      )
      .max(100)
      .optional(),
    sourceKinds,
    coderIds: ids('coderIds').optional(),
    from: isoDay.optional(),
    to: isoDay.optional(),
  })
  .strict();

export const excerptFormat = z.enum(['csv', 'xlsx', 'docx', 'md', 'html']);
export const codebookFormat = z.enum(['docx', 'md']);

export const exportMethods = {
  /** How many excerpts a filter matches (the Export view shows it before exporting). */
  'export.count': query(excerptFilter).returns<ExcerptMatch>(),
  /**
   * Coded excerpts as a table (CSV, XLSX: one row per excerpt) or a report (DOCX, Markdown,
   * HTML: a heading per code, each excerpt quoted with its citation). Reports progress under
   * jobId; `export.cancel` stops it.
   */
  'export.excerpts': job(
    z
      .object({
        jobId: jobId.optional(),
        filter: excerptFilter,
        format: excerptFormat,
        /** Reports only: print each excerpt's coding memos under it (tables always have a Memo column). */
        memos: z.boolean().default(false),
        title: label('Report title').optional(),
      })
      .strict(),
  ).returns<FileDownload>(),
  /** The codebook as a report: tree, definitions, rules, origin, counts, framework links, examples. */
  'export.codebook': job(
    z
      .object({
        jobId: jobId.optional(),
        format: codebookFormat,
        /** Coded excerpts quoted under each code as examples. */
        examples: z.number().int().min(0).max(20).default(3),
      })
      .strict(),
  ).returns<FileDownload>(),
  /** Asks a running export to stop. False when no export runs under that id. */
  'export.cancel': query(z.object({ jobId }).strict()).returns<{ cancelled: boolean }>(),
};
