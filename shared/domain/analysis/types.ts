import type { SourceKind, UnitKind } from '../types.ts';

/** Which codes become the rows of a matrix. */
export type RowSpec =
  /** Every code in tree order; a parent row rolls up its descendants. */
  | { kind: 'codes' }
  /** The top-level codes (scheme sections: Why/What/How/When/Where), each with its subtree. */
  | { kind: 'sections' }
  /** The children of one code, each with its subtree, plus the parent's own codings when there are some. */
  | { kind: 'children'; parentId: number };

export type MatrixRow = {
  key: string;
  /** The code the row stands for. */
  codeId: number;
  label: string;
  /** Code names from the top of the tree down to this row's code. */
  path: string[];
  color: string;
  /** Indent level in the table (0 = top). */
  depth: number;
  /** The codes whose codings the row counts (the code and, when rolled up, its descendants). */
  codeIds: number[];
  /** True when no other row of the matrix is nested inside this one (what charts plot). */
  leaf: boolean;
};

/** What the columns of a frequency matrix group by. */
export type ColumnSpec = { kind: 'participant' } | { kind: 'attribute'; attributeId: number };

export type MatrixColumn = {
  key: string;
  label: string;
  /** Participants counted in this column; empty for the unattributed column. */
  participantIds: number[];
  /** What a drill-down filters on. */
  filter:
    | { kind: 'participant'; participantId: number }
    | { kind: 'attribute'; attributeId: number; value: string | null }
    | { kind: 'unattributed' };
};

export type Measure = 'codings' | 'sources' | 'coverage';

export type FrequencyMatrix = {
  rows: MatrixRow[];
  columns: MatrixColumn[];
  measure: Measure;
  /** values[row][column]; coverage is a share 0..1. */
  values: number[][];
  /** Per row, over all columns (distinct, never double counted). */
  rowTotals: number[];
  /** Per column, over all rows (distinct codings and sources; coverage of all rows' codes together). */
  columnTotals: number[];
  /**
   * All rows over all columns, distinct like the other totals: codings counted in any row,
   * sources holding any of them, or the share of all text covered by any row's codes.
   */
  grandTotal: number;
  /** Coverage only: length in UTF-16 units of each column's text (the denominator). */
  columnTextLength: number[] | null;
  /** Codings counted in at least one row (after the source-kind filter). */
  codingCount: number;
};

export type CooccurrenceMode = 'overlap' | 'unit';

export type CooccurrenceMatrix = {
  rows: MatrixRow[];
  /** counts[i][j] (i ≠ j): pairs of codings, one in row i and one in row j; counts[i][i]: codings in row i. */
  counts: number[][];
  mode: CooccurrenceMode;
};

export type PassageCoding = { id: number; codeId: number; codeName: string; color: string; start: number; end: number };

export type CooccurrencePassage = {
  sourceId: number;
  sourceName: string;
  participantLabel: string | null;
  /** The passage shown: the union of the two codings (overlap) or the shared unit. */
  start: number;
  end: number;
  text: string;
  codings: PassageCoding[];
};

export type Excerpt = {
  codingId: number;
  codeId: number;
  codeName: string;
  codeColor: string;
  sourceId: number;
  sourceName: string;
  sourceKind: SourceKind;
  start: number;
  end: number;
  quote: string;
  participantId: number | null;
  participantLabel: string | null;
  coderName: string;
  createdAt: string;
  unitKind: UnitKind | null;
  /** 1-based position of the unit among its source's units. */
  unitNumber: number | null;
  speaker: string | null;
  timestampMs: number | null;
  questionKey: string | null;
  page: number | null;
  memos: string[];
};

export type ExcerptPage = { excerpts: Excerpt[]; total: number };

export type ExcerptContext = {
  codingId: number;
  sourceId: number;
  /** Offsets of `text` in the source. */
  windowStart: number;
  windowEnd: number;
  text: string;
  codingStart: number;
  codingEnd: number;
};

export type KwicHit = {
  sourceId: number;
  sourceName: string;
  sourceKind: SourceKind;
  unitId: number | null;
  unitKind: UnitKind | null;
  participantId: number | null;
  participantLabel: string | null;
  speaker: string | null;
  /** The matched words, UTF-16 offsets into the source text. */
  start: number;
  end: number;
  before: string;
  match: string;
  after: string;
};

export type SearchResult = {
  hits: KwicHit[];
  /** False when more hits exist after this page. */
  complete: boolean;
  /** Sources whose text contains the words (before unit-level checks). */
  candidateSources: number;
};

export type CodeHitsScope = 'hit' | 'unit';

export type CodeHitsPreview = {
  hits: number;
  /** Codings the command would create (a unit or range coded once). */
  toCreate: number;
  alreadyCoded: number;
  sources: number;
  sample: KwicHit[];
};

export type CodeHitsResult = { created: number; alreadyCoded: number };

export type StructureSpeaker = { speaker: string; participantId: number | null; participantLabel: string | null; turns: number; sources: number };
export type StructureQuestion = { id: number; sourceId: number; key: string; text: string; answers: number };
export type SourceStructure = { speakers: StructureSpeaker[]; questions: StructureQuestion[] };

export type FrameworkElementCoverage = {
  id: number;
  name: string;
  items: number;
  categories: number;
  /** Distinct codings of the categories linked to the element (with their descendants). */
  codings: number;
};

export type FrameworkSummary = {
  id: number;
  name: string;
  itemsLinked: number;
  itemsTotal: number;
  categoriesLinked: number;
  categoriesTotal: number;
  elements: FrameworkElementCoverage[];
};

export type CrosswalkRow = {
  codeId: number;
  label: string;
  color: string;
  depth: number;
  /** Codings of the category and its descendants. */
  codings: number;
  /** Element ids the category is linked to. */
  elementIds: number[];
};

export type FrameworkCoverage = { frameworks: FrameworkSummary[]; crosswalk: CrosswalkRow[] };

export type StopWordLanguage = 'en' | 'es';

export type WordCount = { word: string; count: number; sources: number };

export type WordFrequency = { words: WordCount[]; totalWords: number; distinctWords: number; sourcesCounted: number };

/** A table as the user sees it, ready for CSV or XLSX. */
export type ExportCell = string | number | null;
export type ExportTable = { title: string; columns: string[]; rows: ExportCell[][]; notes?: string[] };

export type FileDownload = { fileName: string; mime: string; base64: string };
