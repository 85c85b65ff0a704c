import { percent } from './format.ts';
import type {
  CooccurrenceMatrix,
  ExportTable,
  FrameworkCoverage,
  FrequencyMatrix,
  KwicHit,
  Measure,
  WordFrequency,
} from './types.ts';
import { MEASURE_LABEL } from './format.ts';

const cellValue = (v: number, measure: Measure) => (measure === 'coverage' ? percent(v) : v);

/** Indices of the columns shown (the unattributed column can be hidden). */
export const visibleColumns = (m: FrequencyMatrix, showUnattributed: boolean): number[] =>
  m.columns.map((_, i) => i).filter((i) => showUnattributed || m.columns[i]!.filter.kind !== 'unattributed');

/** "Coders: Ana Ruiz, Ben Ode" when the project has several coders (`coders`: those counted). */
const coderNotes = (coders: readonly string[] | undefined): string[] => (coders ? [`Coders: ${coders.length > 0 ? coders.join(', ') : 'none'}`] : []);

/** The frequency matrix as shown: one line per row, its measure, a total column and an "All rows" line. */
export function frequencyTable(m: FrequencyMatrix, title: string, showUnattributed: boolean, coders?: readonly string[]): ExportTable {
  const cols = visibleColumns(m, showUnattributed);
  const all = ['All rows', ...cols.map((c) => cellValue(m.columnTotals[c]!, m.measure)), cellValue(m.grandTotal, m.measure)];
  return {
    title,
    columns: ['Code', ...cols.map((c) => m.columns[c]!.label), 'Total'],
    rows: [...m.rows.map((r, i) => [r.path.join(' / '), ...cols.map((c) => cellValue(m.values[i]![c]!, m.measure)), cellValue(m.rowTotals[i]!, m.measure)]), all],
    notes: [`Measure: ${MEASURE_LABEL[m.measure]}`, ...coderNotes(coders)],
  };
}

export function cooccurrenceTable(m: CooccurrenceMatrix, title: string, coders?: readonly string[]): ExportTable {
  return {
    title,
    columns: ['Code', ...m.rows.map((r) => r.path.join(' / '))],
    rows: m.rows.map((r, i) => [r.path.join(' / '), ...m.counts[i]!]),
    notes: [m.mode === 'overlap' ? 'Pairs of codings that overlap in the text' : 'Pairs of codings that share a unit', 'Diagonal: codings of the row', ...coderNotes(coders)],
  };
}

export function frameworkSummaryTable(c: FrameworkCoverage): ExportTable {
  return {
    title: 'Framework coverage',
    columns: ['Framework', 'Items linked', 'Items', 'Items %', 'Categories linked', 'Categories', 'Categories %'],
    rows: c.frameworks.map((f) => [
      f.name,
      f.itemsLinked,
      f.itemsTotal,
      f.itemsTotal ? percent(f.itemsLinked / f.itemsTotal) : 0,
      f.categoriesLinked,
      f.categoriesTotal,
      f.categoriesTotal ? percent(f.categoriesLinked / f.categoriesTotal) : 0,
    ]),
  };
}

/** Categories × elements of one framework: codings where the category is linked, empty where not. */
export function crosswalkTable(c: FrameworkCoverage, frameworkId: number): ExportTable {
  const f = c.frameworks.find((x) => x.id === frameworkId);
  const elements = f?.elements ?? [];
  return {
    title: `Crosswalk ${f?.name ?? ''}`.trim(),
    columns: ['Category', ...elements.map((e) => e.name)],
    rows: c.crosswalk.map((r) => [r.label, ...elements.map((e) => (r.elementIds.includes(e.id) ? r.codings : null))]),
    notes: ['A number: the category is linked to the element; it counts the codings of the category and its subcategories.'],
  };
}

export function wordTable(w: WordFrequency): ExportTable {
  return { title: 'Word frequency', columns: ['Word', 'Count', 'Sources'], rows: w.words.map((x) => [x.word, x.count, x.sources]) };
}

export function kwicTable(hits: readonly KwicHit[], query: string): ExportTable {
  return {
    title: `Search ${query}`,
    columns: ['Source', 'Participant', 'Before', 'Match', 'After', 'Start', 'End'],
    rows: hits.map((h) => [h.sourceName, h.participantLabel ?? h.speaker, h.before, h.match, h.after, h.start, h.end]),
  };
}
