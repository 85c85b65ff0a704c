import { z } from 'zod';
import { query } from '../define.ts';
import { empty, id, label, sourceKind } from '../schemas.ts';
import type {
  CooccurrenceMatrix,
  CooccurrencePassage,
  ExcerptContext,
  ExcerptPage,
  FileDownload,
  FrameworkCoverage,
  FrequencyMatrix,
  WordFrequency,
} from '../../domain/analysis/types.ts';

export const rowSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('codes') }).strict(),
  z.object({ kind: z.literal('sections') }).strict(),
  z.object({ kind: z.literal('children'), parentId: id }).strict(),
]);
const columnSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('participant') }).strict(),
  z.object({ kind: z.literal('attribute'), attributeId: id }).strict(),
]);
export const sourceKinds = z.array(sourceKind).max(3).optional();
const cooccurrenceMode = z.enum(['overlap', 'unit']);
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates must look like YYYY-MM-DD');
const idList = (what: string, max = 10000) => z.array(id).max(max, `${what}: at most ${max}`);
/** Whose codings count: the coders named (at least one), or every coder when left out. */
const coderIds = idList('coderIds').min(1, 'choose at least one coder, or leave coderIds out for all coders').optional();

const exportCell = z.union([z.string().max(1_000_000), z.number(), z.null()]);
const exportTable = z
  .object({
    title: label('Table title'),
    columns: z.array(z.string().max(500)).min(1, 'a table needs at least one column').max(1000),
    rows: z.array(z.array(exportCell).max(1000)).max(200_000, 'a table may have at most 200,000 rows'),
    notes: z.array(z.string().max(2000)).max(20).optional(),
  })
  .strict()
  .refine((t) => t.rows.every((r) => r.length === t.columns.length), { message: 'every row must have one cell per column', path: ['rows'] });

export const analysisMethods = {
  /** Categories × participants or attribute values, counting codings, sources or coverage (of some coders' codings, or everyone's). */
  'analysis.frequency': query(
    z.object({ rows: rowSpec, columns: columnSpec, measure: z.enum(['codings', 'sources', 'coverage']).default('codings'), sourceKinds, coderIds }).strict(),
  ).returns<FrequencyMatrix>(),
  'analysis.cooccurrence': query(
    z.object({ rows: rowSpec, mode: cooccurrenceMode.default('overlap'), sourceKinds, coderIds }).strict(),
  ).returns<CooccurrenceMatrix>(),
  /** The passages behind one co-occurrence cell: codes of row A with codes of row B. */
  'analysis.cooccurrencePassages': query(
    z
      .object({
        codeIdsA: idList('codeIdsA').min(1, 'codeIdsA must name at least one code'),
        codeIdsB: idList('codeIdsB').min(1, 'codeIdsB must name at least one code'),
        mode: cooccurrenceMode.default('overlap'),
        sourceKinds,
        coderIds,
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .strict(),
  ).returns<{ passages: CooccurrencePassage[]; total: number }>(),
  'analysis.frameworkCoverage': query(empty).returns<FrameworkCoverage>(),
  'analysis.wordFrequency': query(
    z
      .object({
        sourceIds: idList('sourceIds').optional(),
        participantIds: idList('participantIds').optional(),
        includeInterviewer: z.boolean().default(false),
        languages: z.array(z.enum(['en', 'es'])).max(2).default(['en', 'es']),
        minLength: z.number().int().min(1).max(30).default(3),
        limit: z.number().int().min(1).max(5000).default(100),
      })
      .strict(),
  ).returns<WordFrequency>(),
  /** Coded excerpts of some codes, filtered; participants are credited by the unit of the coding's start. */
  'analysis.excerpts': query(
    z
      .object({
        codeIds: idList('codeIds', 5000).min(1, 'choose at least one code'),
        includeDescendants: z.boolean().default(true),
        participantIds: idList('participantIds').optional(),
        unattributed: z.boolean().optional(),
        attribute: z.object({ attributeId: id, value: z.string().max(2000).nullable() }).strict().optional(),
        sourceKinds,
        coderIds: idList('coderIds').optional(),
        from: isoDay.optional(),
        to: isoDay.optional(),
        offset: z.number().int().nonnegative().default(0),
        limit: z.number().int().min(1).max(5000).default(200),
      })
      .strict(),
  ).returns<ExcerptPage>(),
  'analysis.excerptContext': query(
    z.object({ codingId: id, chars: z.number().int().min(50).max(5000).default(700) }).strict(),
  ).returns<ExcerptContext>(),
  /** One workbook with a sheet per table; the renderer saves it as a download. */
  'analysis.exportXlsx': query(
    z.object({ tables: z.array(exportTable).min(1, 'export at least one table').max(20) }).strict(),
  ).returns<FileDownload>(),
};
