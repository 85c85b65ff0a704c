import { create } from 'zustand';
import type {
  ColumnSpec,
  CooccurrenceMatrix,
  CooccurrenceMode,
  FrameworkCoverage,
  FrequencyMatrix,
  Measure,
  RowSpec,
  StopWordLanguage,
  WordFrequency,
} from '../../../../shared/domain/analysis/types.ts';
import type { SourceKind } from '../../../../shared/domain/types.ts';
import { call } from '../../api/client.ts';

export type AnalysisTab = 'excerpts' | 'frequency' | 'cooccurrence' | 'frameworks' | 'words';
export type ChartMode = 'grouped' | 'stacked';

export type FrequencyParams = {
  rows: RowSpec;
  columns: ColumnSpec;
  measure: Measure;
  sourceKind: SourceKind | null;
  showUnattributed: boolean;
  chart: ChartMode;
};

export type CooccurrenceParams = { rows: RowSpec; mode: CooccurrenceMode; sourceKind: SourceKind | null };

export type WordParams = { sourceIds: number[]; participantIds: number[]; languages: StopWordLanguage[]; minLength: number; includeInterviewer: boolean };

type AnalysisState = {
  tab: AnalysisTab;
  frequency: FrequencyParams;
  matrix: FrequencyMatrix | null;
  /** The cell whose excerpts are shown: row index, column index. */
  selectedCell: { row: number; column: number } | null;
  cooccurrence: CooccurrenceParams;
  cooccurrenceMatrix: CooccurrenceMatrix | null;
  coverage: FrameworkCoverage | null;
  words: WordParams;
  wordResult: WordFrequency | null;
  setTab: (tab: AnalysisTab) => void;
  setFrequency: (patch: Partial<FrequencyParams>) => void;
  loadFrequency: () => Promise<void>;
  selectCell: (cell: { row: number; column: number } | null) => void;
  setCooccurrence: (patch: Partial<CooccurrenceParams>) => void;
  loadCooccurrence: () => Promise<void>;
  loadCoverage: () => Promise<void>;
  setWords: (patch: Partial<WordParams>) => void;
  loadWords: () => Promise<void>;
};

const kinds = (k: SourceKind | null) => (k ? { sourceKinds: [k] } : {});

/** Matrices and their settings. Settings survive switching views; figures reload when shown. */
export const useAnalysisStore = create<AnalysisState>((set, get) => ({
  tab: 'frequency',
  frequency: { rows: { kind: 'codes' }, columns: { kind: 'participant' }, measure: 'codings', sourceKind: null, showUnattributed: true, chart: 'grouped' },
  matrix: null,
  selectedCell: null,
  cooccurrence: { rows: { kind: 'codes' }, mode: 'overlap', sourceKind: null },
  cooccurrenceMatrix: null,
  coverage: null,
  words: { sourceIds: [], participantIds: [], languages: ['en', 'es'], minLength: 3, includeInterviewer: false },
  wordResult: null,
  setTab: (tab) => set({ tab }),
  setFrequency: (patch) => {
    const reshaped = 'rows' in patch || 'columns' in patch || 'sourceKind' in patch || 'measure' in patch;
    set({ frequency: { ...get().frequency, ...patch }, ...(reshaped ? { selectedCell: null } : {}) });
  },
  loadFrequency: async () => {
    const f = get().frequency;
    const matrix = await call('analysis.frequency', { rows: f.rows, columns: f.columns, measure: f.measure, ...kinds(f.sourceKind) });
    // Only the settings the matrix depends on: toggling Unattributed or the bar mode meanwhile must not drop the answer.
    const now = get().frequency;
    if (now.rows === f.rows && now.columns === f.columns && now.measure === f.measure && now.sourceKind === f.sourceKind) set({ matrix });
  },
  selectCell: (selectedCell) => set({ selectedCell }),
  setCooccurrence: (patch) => set({ cooccurrence: { ...get().cooccurrence, ...patch } }),
  loadCooccurrence: async () => {
    const c = get().cooccurrence;
    const cooccurrenceMatrix = await call('analysis.cooccurrence', { rows: c.rows, mode: c.mode, ...kinds(c.sourceKind) });
    if (get().cooccurrence === c) set({ cooccurrenceMatrix });
  },
  loadCoverage: async () => set({ coverage: await call('analysis.frameworkCoverage', {}) }),
  setWords: (patch) => set({ words: { ...get().words, ...patch } }),
  loadWords: async () => {
    const w = get().words;
    const wordResult = await call('analysis.wordFrequency', {
      ...(w.sourceIds.length > 0 ? { sourceIds: w.sourceIds } : {}),
      ...(w.participantIds.length > 0 ? { participantIds: w.participantIds } : {}),
      languages: w.languages,
      minLength: w.minLength,
      includeInterviewer: w.includeInterviewer,
      limit: 200,
    });
    if (get().words === w) set({ wordResult });
  },
}));
