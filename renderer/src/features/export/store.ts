import { create } from 'zustand';
import type { Input } from '../../../../shared/api/contract.ts';
import type { CodebookFormat, ExcerptFormat } from '../../../../shared/domain/export-types.ts';
import type { SourceKind } from '../../../../shared/domain/types.ts';

export type ExcerptFilter = Input<'export.excerpts'>['filter'];

/** What the Export view has chosen; kept while the researcher visits other views. */
type ExportState = {
  codeIds: number[];
  includeSubcodes: boolean;
  participantIds: number[];
  /** Text credited to no participant: documents, interviewer turns. */
  unattributed: boolean;
  /** Attribute id → the values chosen (null: participants without a value). */
  attributeValues: Record<number, (string | null)[]>;
  sourceKinds: SourceKind[];
  coderIds: number[];
  format: ExcerptFormat;
  memos: boolean;
  title: string;
  codebookFormat: CodebookFormat;
  examples: number;
  set: (patch: Partial<Omit<ExportState, 'set' | 'toggle' | 'reset'>>) => void;
  /** Adds a value to a list field, or removes it when it is there. */
  toggle: <K extends 'codeIds' | 'participantIds' | 'sourceKinds' | 'coderIds'>(key: K, value: ExportState[K][number]) => void;
  /** Clears every filter (codes included), keeping the output choices. */
  reset: () => void;
};

const NO_FILTERS = { codeIds: [], includeSubcodes: true, participantIds: [], unattributed: false, attributeValues: {}, sourceKinds: [], coderIds: [] };

export const useExportStore = create<ExportState>((set, get) => ({
  ...NO_FILTERS,
  format: 'docx',
  memos: false,
  title: '',
  codebookFormat: 'docx',
  examples: 3,
  set: (patch) => set(patch),
  toggle: (key, value) => {
    const list = get()[key] as readonly unknown[];
    set({ [key]: list.includes(value) ? list.filter((x) => x !== value) : [...list, value] } as Partial<ExportState>);
  },
  reset: () => set(NO_FILTERS),
}));

/** The API filter of what is chosen, or null while no code is. */
export function filterOf(s: Pick<ExportState, keyof typeof NO_FILTERS>): ExcerptFilter | null {
  if (s.codeIds.length === 0) return null;
  const filter: ExcerptFilter = { codeIds: s.codeIds, includeDescendants: s.includeSubcodes };
  if (s.participantIds.length > 0) filter.participantIds = s.participantIds;
  if (s.unattributed) filter.unattributed = true;
  const attributeValues = Object.entries(s.attributeValues)
    .filter(([, values]) => values.length > 0)
    .map(([attributeId, values]) => ({ attributeId: Number(attributeId), values }));
  if (attributeValues.length > 0) filter.attributeValues = attributeValues;
  if (s.sourceKinds.length > 0) filter.sourceKinds = s.sourceKinds;
  if (s.coderIds.length > 0) filter.coderIds = s.coderIds;
  return filter;
}
