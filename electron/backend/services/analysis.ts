import { ApiFailure } from '../../../shared/api/errors.ts';
import { computeCooccurrence, forEachPair } from '../../../shared/domain/analysis/cooccurrence.ts';
import { computeFrameworkCoverage } from '../../../shared/domain/analysis/framework-coverage.ts';
import { computeFrequency, segmentsOf, type CodingLite } from '../../../shared/domain/analysis/frequency.ts';
import { segmentAt } from '../../../shared/domain/analysis/ownership.ts';
import type { CooccurrencePassage } from '../../../shared/domain/analysis/types.ts';
import type { Db } from '../db/database.ts';
import { tablesToXlsx } from '../export/table-export.ts';
import type { HandlerMap } from '../handler-types.ts';
import { codeNames, existingIds, loadAnalysisData, loadFrameworkInput, participantLabels, sourcesByIds } from '../repositories/analysis.ts';
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
    const data = loadAnalysisData(db, input.sourceKinds);
    const columns = input.columns;
    if (columns.kind === 'attribute' && !data.attributes.some((a) => a.id === columns.attributeId)) {
      throw new ApiFailure('not_found', `Attribute ${columns.attributeId} does not exist`, 'columns.attributeId');
    }
    return computeFrequency(data, input.rows, columns);
  },
  'analysis.cooccurrence': (input, { db }) => {
    requireRowParent(db, input.rows);
    return computeCooccurrence(loadAnalysisData(db, input.sourceKinds), input.rows, input.mode);
  },
  'analysis.cooccurrencePassages': (input, { db }) => {
    const data = loadAnalysisData(db, input.sourceKinds);
    const a = new Set(input.codeIdsA);
    const b = new Set(input.codeIdsB);
    const codings = data.codings.filter((c) => a.has(c.codeId) || b.has(c.codeId));
    const pairs: { x: CodingLite; y: CodingLite; unitId: number | null }[] = [];
    forEachPair(codings, input.mode, data, ({ a: x, b: y, unitId }) => {
      if ((a.has(x.codeId) && b.has(y.codeId)) || (b.has(x.codeId) && a.has(y.codeId))) pairs.push({ x, y, unitId });
    });
    pairs.sort((p, q) => p.x.sourceId - q.x.sourceId || Math.min(p.x.start, p.y.start) - Math.min(q.x.start, q.y.start));
    const shown = pairs.slice(0, input.limit);
    const texts = new Map(sourcesByIds(db, [...new Set(shown.map((p) => p.x.sourceId))]).map((s) => [s.id, s]));
    const units = new Map(data.units.map((u) => [u.id, u]));
    const segs = segmentsOf(data);
    const names = codeNames(db);
    const labels = participantLabels(db);
    const passages: CooccurrencePassage[] = shown.map(({ x, y, unitId }) => {
      const unit = unitId === null ? undefined : units.get(unitId);
      const start = unit ? unit.start : Math.min(x.start, y.start);
      const end = unit ? unit.end : Math.max(x.end, y.end);
      const source = texts.get(x.sourceId)!;
      const pid = segmentAt(segs.get(x.sourceId) ?? [], start)?.participantId ?? null;
      return {
        sourceId: source.id,
        sourceName: source.name,
        participantLabel: pid === null ? null : (labels.get(pid) ?? null),
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
