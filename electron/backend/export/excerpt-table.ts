import { positionLabel } from '../../../shared/domain/analysis/format.ts';
import type { ExportCell } from '../../../shared/domain/analysis/types.ts';
import type { ExcerptExport } from './excerpt-data.ts';

const BEFORE_ATTRIBUTES = ['Code path', 'Code', 'Section', 'Participant'];
const AFTER_ATTRIBUTES = ['Source', 'Source kind', 'Position', 'Start', 'End', 'Quote', 'Memo', 'Coder', 'Coded at'];

/** One column per attribute between Participant and Source; a name that repeats a fixed column says so. */
export function excerptColumns(attributes: readonly string[]): string[] {
  const fixed = new Set([...BEFORE_ATTRIBUTES, ...AFTER_ATTRIBUTES].map((c) => c.toLowerCase()));
  return [...BEFORE_ATTRIBUTES, ...attributes.map((a) => (fixed.has(a.toLowerCase()) ? `${a} (attribute)` : a)), ...AFTER_ATTRIBUTES];
}

/**
 * One row per excerpt. Start and End count characters (code points) from the start of the
 * source's text; Section is the top of the code's path (a scheme section such as Why).
 */
export function excerptRows(data: ExcerptExport): ExportCell[][] {
  return data.excerpts.map((e) => [
    e.codePath.join(' / '),
    e.codeName,
    e.codePath[0] ?? e.codeName,
    e.participantLabel,
    ...e.attributeValues,
    e.sourceName,
    e.sourceKind,
    positionLabel(e),
    e.startChar,
    e.endChar,
    e.quote,
    e.memos.join('\n\n'),
    e.coderName,
    e.createdAt,
  ]);
}
