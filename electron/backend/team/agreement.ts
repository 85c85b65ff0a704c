import { ApiFailure } from '../../../shared/api/errors.ts';
import { fileNameFor, toCsv } from '../../../shared/domain/analysis/csv.ts';
import type { FileDownload } from '../../../shared/domain/analysis/types.ts';
import { buildCodeTree, flattenTree } from '../../../shared/domain/code-tree.ts';
import type { Coder } from '../../../shared/domain/types.ts';
import { computeAgreement, type AgreementLevel, type AgreementReport } from '../../../shared/domain/team/agreement.ts';
import { agreementTable } from '../../../shared/domain/team/agreement-table.ts';
import type { Span } from '../../../shared/domain/team/coverage.ts';
import type { Db } from '../db/database.ts';
import { tablesToXlsx } from '../export/table-export.ts';
import { listCodes } from '../repositories/codes.ts';
import { getCoder } from '../repositories/meta.ts';
import { agreementCodings, allSourceIds, comparableUnits, sourceTexts } from '../repositories/team.ts';

export type AgreementRequest = { coderIds: number[]; sourceIds?: number[] | undefined; codeIds?: number[] | undefined; level: AgreementLevel };

/** The coders named, each checked; a missing one is `not_found` on `field`. */
export function requireCoders(db: Db, ids: readonly number[], field: string): Coder[] {
  return ids.map((id) => {
    const coder = getCoder(db, id);
    if (!coder) throw new ApiFailure('not_found', `Coder ${id} does not exist in this project`, field);
    return coder;
  });
}

/** Every code with its path ("Why / Value added"), in the codebook's order. */
export function codePaths(db: Db): { id: number; path: string }[] {
  return flattenTree(buildCodeTree(listCodes(db))).map((n) => ({ id: n.code.id, path: n.path.join(' / ') }));
}

/** The sources asked for (every source when none is named), texts included; a missing one is `not_found`. */
export function requireSources(db: Db, ids: readonly number[] | undefined): { id: number; name: string; text: string }[] {
  const wanted = ids ?? allSourceIds(db);
  const sources = sourceTexts(db, wanted);
  if (sources.length < new Set(wanted).size) {
    const have = new Set(sources.map((s) => s.id));
    throw new ApiFailure('not_found', `Source ${wanted.find((id) => !have.has(id))} does not exist in this project`, 'sourceIds');
  }
  return sources;
}

/** The codes asked for, or every code one of `usedIds` names, in codebook order; a missing one is `not_found`. */
export function chooseCodes(db: Db, codeIds: readonly number[] | undefined, usedIds: Iterable<number>): { id: number; name: string }[] {
  const all = codePaths(db);
  if (codeIds) {
    const known = new Set(all.map((c) => c.id));
    const missing = codeIds.find((id) => !known.has(id));
    if (missing !== undefined) throw new ApiFailure('not_found', `Code ${missing} does not exist in this project`, 'codeIds');
  }
  const wanted = new Set(codeIds ?? usedIds);
  return all.filter((c) => wanted.has(c.id)).map((c) => ({ id: c.id, name: c.path }));
}

/**
 * Agreement of the chosen coders over the chosen sources. A coder counts as having worked on
 * a source when they coded anything in it (with any code); one who did not is missing there,
 * not "coded nothing" (the report's notes say so by name).
 */
export function agreementReport(db: Db, input: AgreementRequest): AgreementReport {
  const coders = requireCoders(db, input.coderIds, 'coderIds');
  const sources = requireSources(db, input.sourceIds);
  const sourceIds = sources.map((s) => s.id);
  const codings = agreementCodings(db, input.coderIds, sourceIds);
  const codes = chooseCodes(db, input.codeIds, codings.map((c) => c.codeId));
  const units = new Map<number, Span[]>();
  if (input.level === 'unit') {
    for (const u of comparableUnits(db, sourceIds)) (units.get(u.sourceId) ?? units.set(u.sourceId, []).get(u.sourceId)!).push({ start: u.start, end: u.end });
  }
  const worked = new Set(codings.map((c) => `${c.coderId}:${c.sourceId}`));
  return computeAgreement({
    level: input.level,
    coders,
    sources: sources.map((s) => ({ id: s.id, name: s.name, length: s.text.length, units: units.get(s.id) ?? [] })),
    codes,
    codings,
    worked: (coder, source) => worked.has(`${coder}:${source}`),
  });
}

export async function exportAgreement(db: Db, input: AgreementRequest & { format: 'csv' | 'xlsx' }): Promise<FileDownload> {
  const table = agreementTable(agreementReport(db, input));
  const level = input.level === 'character' ? 'character level' : 'unit level';
  table.title = `${table.title} (${level})`;
  if (input.format === 'xlsx') return tablesToXlsx([table]);
  const csv = toCsv(table);
  return { fileName: fileNameFor(table.title, 'csv'), mime: 'text/csv;charset=utf-8', base64: Buffer.from(`\uFEFF${csv}`, 'utf8').toString('base64') };
}
