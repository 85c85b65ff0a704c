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
import type { TeamCoder } from '../../../../shared/domain/team/api-types.ts';
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

/**
 * Whose codings the Frequency and Co-occurrence tabs count. `coderIds` undefined: every coder
 * (nothing hidden, or only one coder in the project); `names`: the coders counted, when the
 * project has more than one; `none`: every coder hidden, nothing to count.
 */
export type CoderChoice = { coderIds: number[] | undefined; names: string[] | undefined; all: boolean; none: boolean };

export function coderChoice(coders: readonly Pick<TeamCoder, 'id' | 'name'>[], hidden: readonly number[]): CoderChoice {
  if (coders.length < 2) return { coderIds: undefined, names: undefined, all: true, none: false };
  const shown = coders.filter((c) => !hidden.includes(c.id));
  const all = shown.length === coders.length;
  return { coderIds: all || shown.length === 0 ? undefined : shown.map((c) => c.id), names: shown.map((c) => c.name), all, none: shown.length === 0 };
}

/** " — Ana Ruiz" after a chart or table title when only some coders are counted; nothing for all. */
export const coderSuffix = (choice: CoderChoice): string => (choice.all || !choice.names ? '' : ` — ${choice.none ? 'no coders' : choice.names.join(', ')}`);

type AnalysisState = {
  tab: AnalysisTab;
  /** The project's coders with their codings (team.coders), for the Coders menu. */
  coders: TeamCoder[];
  /** Coders whose codings the Frequency and Co-occurrence tabs leave out (one choice for both). */
  hiddenCoders: number[];
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
  loadCoders: () => Promise<void>;
  setHiddenCoders: (ids: number[]) => void;
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
/** The coderIds of a request: left out for every coder. */
export const coderFilter = (choice: CoderChoice) => (choice.coderIds ? { coderIds: choice.coderIds } : {});

/** Matrices and their settings. Settings survive switching views; figures reload when shown. */
export const useAnalysisStore = create<AnalysisState>((set, get) => ({
  tab: 'frequency',
  coders: [],
  hiddenCoders: [],
  frequency: { rows: { kind: 'codes' }, columns: { kind: 'participant' }, measure: 'codings', sourceKind: null, showUnattributed: true, chart: 'grouped' },
  matrix: null,
  selectedCell: null,
  cooccurrence: { rows: { kind: 'codes' }, mode: 'overlap', sourceKind: null },
  cooccurrenceMatrix: null,
  coverage: null,
  words: { sourceIds: [], participantIds: [], languages: ['en', 'es'], minLength: 3, includeInterviewer: false },
  wordResult: null,
  setTab: (tab) => set({ tab }),
  loadCoders: async () => {
    const coders = await call('team.coders', {});
    const now = get().coders;
    // The same coders with the same counts: keep the array, so nothing reloads or redraws for it.
    if (now.length !== coders.length || now.some((c, i) => c.id !== coders[i]!.id || c.name !== coders[i]!.name || c.codings !== coders[i]!.codings)) set({ coders });
  },
  setHiddenCoders: (hiddenCoders) => set({ hiddenCoders, selectedCell: null }),
  setFrequency: (patch) => {
    const reshaped = 'rows' in patch || 'columns' in patch || 'sourceKind' in patch || 'measure' in patch;
    set({ frequency: { ...get().frequency, ...patch }, ...(reshaped ? { selectedCell: null } : {}) });
  },
  loadFrequency: async () => {
    const { frequency: f, coders, hiddenCoders } = get();
    const choice = coderChoice(coders, hiddenCoders);
    const matrix = choice.none ? null : await call('analysis.frequency', { rows: f.rows, columns: f.columns, measure: f.measure, ...kinds(f.sourceKind), ...coderFilter(choice) });
    // Only the settings the matrix depends on: toggling Unattributed or the bar mode meanwhile must not drop the answer.
    const now = get();
    const same = now.frequency.rows === f.rows && now.frequency.columns === f.columns && now.frequency.measure === f.measure && now.frequency.sourceKind === f.sourceKind;
    if (same && now.coders === coders && now.hiddenCoders === hiddenCoders) set({ matrix });
  },
  selectCell: (selectedCell) => set({ selectedCell }),
  setCooccurrence: (patch) => set({ cooccurrence: { ...get().cooccurrence, ...patch } }),
  loadCooccurrence: async () => {
    const { cooccurrence: c, coders, hiddenCoders } = get();
    const choice = coderChoice(coders, hiddenCoders);
    const cooccurrenceMatrix = choice.none ? null : await call('analysis.cooccurrence', { rows: c.rows, mode: c.mode, ...kinds(c.sourceKind), ...coderFilter(choice) });
    const now = get();
    if (now.cooccurrence === c && now.coders === coders && now.hiddenCoders === hiddenCoders) set({ cooccurrenceMatrix });
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
