import { ApiFailure } from '../../../shared/api/errors.ts';
import { fileNameFor } from '../../../shared/domain/analysis/csv.ts';
import type { ExchangeExport, ExchangeImportReport, ExchangePlan } from '../../../shared/domain/exchange-types.ts';
import type { Ctx } from '../context.ts';
import type { Db } from '../db/database.ts';
import { listCodes, listFrameworks } from '../repositories/codes.ts';
import { exchangeSeed, listExchangeGuids } from '../repositories/exchange.ts';
import { getMeta } from '../repositories/meta.ts';
import { labelOperation, q } from '../undo/labels.ts';
import { applyCodebook } from './codebook-apply.ts';
import { codebookToRefi } from './codebook-export.ts';
import { planCodebook, type CodebookPlan } from './codebook-plan.ts';
import { GuidBook } from './guid.ts';
import type { LoadedExchange } from './refi-file.ts';
import { writeCodebookXml } from './refi-write.ts';

/** The .qdc side of the exchange: export the codebook, preview and apply a merge. */

/** What we write as `origin`: the tool and its version, as other tools do. */
export const REFI_ORIGIN = 'Marginalia 0.1';

export const XML_MIME = 'application/xml';

export const MAX_WARNINGS = 500;

const projectName = (db: Db): string => getMeta(db, 'name') ?? 'project';

export function exportCodebookFile(db: Db): ExchangeExport {
  const codes = listCodes(db);
  if (codes.length === 0) throw new ApiFailure('invalid_input', 'The codebook is empty: there is nothing to export');
  const guids = new GuidBook(exchangeSeed(db), listExchangeGuids(db));
  const book = codebookToRefi(codes, listFrameworks(db), guids);
  const xml = writeCodebookXml({ origin: REFI_ORIGIN, ...book });
  const bytes = Buffer.from(xml, 'utf8');
  const fileName = fileNameFor(`${projectName(db)} codebook`, 'qdc');
  return {
    file: { fileName, mime: XML_MIME, base64: bytes.toString('base64') },
    summary: {
      format: 'qdc',
      fileName,
      bytes: bytes.length,
      counts: { users: 0, codes: codes.length, variables: 0, cases: 0, sources: 0, selections: 0, codings: 0, notes: 0, links: 0, sets: book.sets.length },
      remarks: ['Code memos are not part of a REFI-QDA codebook; export the project (.qdpx) to keep them.'],
    },
  };
}

type Qdc = Extract<LoadedExchange, { format: 'qdc' }>;

export function planCodebookFile(db: Db, loaded: Qdc): CodebookPlan {
  return planCodebook(listCodes(db), listFrameworks(db), loaded.codebook.codes, loaded.codebook.sets);
}

/** The parts of a preview that come from the codebook. */
export function codebookPreview(plan: CodebookPlan): Pick<ExchangePlan, 'codebook' | 'frameworks'> & { codesAdded: number; codesMatched: number; frameworkElements: number } {
  const added = plan.codes.filter((c) => c.existingId === null).length;
  return {
    codebook: plan.codes.map((c) => c.change),
    frameworks: plan.frameworks,
    codesAdded: added,
    codesMatched: plan.codes.length - added,
    frameworkElements: plan.frameworks.filter((f) => f.newElement).length,
  };
}

export function emptyCounts(): ExchangePlan['counts'] {
  return { codesAdded: 0, codesMatched: 0, coders: 0, participantsAdded: 0, participantsMatched: 0, attributes: 0, sources: 0, codings: 0, memos: 0, frameworkElements: 0 };
}

export function previewCodebookFile(db: Db, stagedId: string, loaded: Qdc): ExchangePlan {
  const plan = planCodebookFile(db, loaded);
  const { codebook, frameworks, codesAdded, codesMatched, frameworkElements } = codebookPreview(plan);
  return {
    stagedId,
    name: loaded.name,
    format: 'qdc',
    origin: loaded.codebook.origin,
    counts: { ...emptyCounts(), codesAdded, codesMatched, frameworkElements },
    codebook,
    frameworks,
    notImported: [],
    warnings: plan.warnings.slice(0, MAX_WARNINGS),
    warningCount: plan.warnings.length,
    positions: [],
  };
}

/** Applies the merge inside the command's transaction (one undoable step). */
export function applyCodebookFile(ctx: Ctx, stagedId: string, loaded: Qdc): ExchangeImportReport {
  const preview = previewCodebookFile(ctx.db, stagedId, loaded);
  const applied = applyCodebook(ctx, planCodebookFile(ctx.db, loaded));
  labelOperation(ctx.db, `Merge codebook ${q(loaded.name)}`);
  ctx.audit('import', 'codebook', null, { file: loaded.name, format: 'qdc', codesAdded: applied.codesAdded, elementsAdded: applied.elementsAdded });
  const { stagedId: _staged, ...report } = preview;
  return { ...report, jobId: null, counts: { ...report.counts, codesAdded: applied.codesAdded, codesMatched: applied.codesMatched, frameworkElements: applied.elementsAdded } };
}
