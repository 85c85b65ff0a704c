import { ApiFailure } from '../../../shared/api/errors.ts';
import { computeCooccurrence, forEachPair, type CreditedCoding } from '../../../shared/domain/analysis/cooccurrence.ts';
import { computeFrameworkCoverage } from '../../../shared/domain/analysis/framework-coverage.ts';
import { countFrequency, coverageFrequency } from '../../../shared/domain/analysis/frequency.ts';
import type { CooccurrencePassage } from '../../../shared/domain/analysis/types.ts';
import type { Db } from '../db/database.ts';
import { tablesToXlsx } from '../export/table-export.ts';
import type { HandlerMap } from '../handler-types.ts';
import {
  codeNames,
  existingIds,
  loadAnalysisData,
  loadCreditedCodings,
  loadCreditGroups,
  loadFrameworkInput,
  loadMatrixBase,
  loadParticipants,
  loadSourceGroups,
  participantLabels,
  sourcesByIds,
  unitRanges,
} from '../repositories/analysis.ts';
import { analysisTextHandlers } from './analysis-text.ts';

type M = 'analysis.frequency' | 'analysis.cooccurrence' | 'analysis.cooccurrencePassages' | 'analysis.frameworkCoverage' | 'analysis.exportXlsx';

function requireRowParent(db: Db, rows: { kind: string; parentId?: number }): void {
  if (rows.kind === 'children' && rows.parentId !== undefined && existingIds(db, 'codes', [rows.parentId]).size === 0) {
    throw new ApiFailure('not_found', `Code ${rows.parentId} does not exist`, 'rows.parentId');
  }
}

const analysisHandlers: HandlerMap<M> = {
  'analysis.frequency': (input, { db }) => {
    requireRowParent(db, input.rows);
    const columns = input.columns;
    if (columns.kind === 'attribute' && !loadParticipants(db).attributes.some((a) => a.id === columns.attributeId)) {
      throw new ApiFailure('not_found', `Attribute ${columns.attributeId} does not exist`, 'columns.attributeId');
    }
    // One read transaction, so the layout and the counts come from the same state.
    return db.raw.transaction(() =>
      input.measure === 'coverage'
        ? coverageFrequency(loadAnalysisData(db, input.sourceKinds, input.coderIds), input.rows, columns)
        : countFrequency(
            loadMatrixBase(db),
            input.measure === 'codings'
              ? { measure: 'codings', groups: loadCreditGroups(db, input.sourceKinds, input.coderIds) }
              : { measure: 'sources', groups: loadSourceGroups(db, input.sourceKinds, input.coderIds), codings: loadCreditGroups(db, input.sourceKinds, input.coderIds) },
            input.rows,
            columns,
          ),
    )();
  },
  'analysis.cooccurrence': (input, { db }) => {
    requireRowParent(db, input.rows);
    return computeCooccurrence(loadMatrixBase(db), loadCreditedCodings(db, input.sourceKinds, input.coderIds), input.rows, input.mode);
  },
  'analysis.cooccurrencePassages': (input, { db }) => {
    const a = new Set(input.codeIdsA);
    const b = new Set(input.codeIdsB);
    const codings = loadCreditedCodings(db, input.sourceKinds, input.coderIds).filter((c) => a.has(c.codeId) || b.has(c.codeId));
    const pairs: { x: CreditedCoding; y: CreditedCoding; unitId: number | null }[] = [];
    forEachPair(codings, input.mode, ({ a: x, b: y, unitId }) => {
      if ((a.has(x.codeId) && b.has(y.codeId)) || (b.has(x.codeId) && a.has(y.codeId))) pairs.push({ x, y, unitId });
    });
    pairs.sort((p, q) => p.x.sourceId - q.x.sourceId || Math.min(p.x.start, p.y.start) - Math.min(q.x.start, q.y.start));
    const shown = pairs.slice(0, input.limit);
    const texts = new Map(sourcesByIds(db, [...new Set(shown.map((p) => p.x.sourceId))]).map((s) => [s.id, s]));
    const units = unitRanges(db, [...new Set(shown.flatMap((p) => (p.unitId === null ? [] : [p.unitId])))]);
    const names = codeNames(db);
    const labels = participantLabels(db);
    const passages: CooccurrencePassage[] = shown.map(({ x, y, unitId }) => {
      const unit = unitId === null ? undefined : units.get(unitId);
      const start = unit ? unit.start : Math.min(x.start, y.start);
      const end = unit ? unit.end : Math.max(x.end, y.end);
      const source = texts.get(x.sourceId)!;
      const first = x.start <= y.start ? x : y;
      return {
        sourceId: source.id,
        sourceName: source.name,
        participantLabel: first.participantId === null ? null : (labels.get(first.participantId) ?? null),
        start,
        end,
        text: source.text.slice(start, end),
        codings: [x, y].map((c) => ({
          id: c.id,
          codeId: c.codeId,
          codeName: names.get(c.codeId)?.name ?? '',
          color: names.get(c.codeId)?.color ?? '#888888',
          start: c.start,
          end: c.end,
        })),
      };
    });
    return { passages, total: pairs.length };
  },
  'analysis.frameworkCoverage': (_input, { db }) => computeFrameworkCoverage(loadFrameworkInput(db)),
  'analysis.exportXlsx': (input) => tablesToXlsx(input.tables),
};

export const analysisServiceHandlers = { ...analysisHandlers, ...analysisTextHandlers };
