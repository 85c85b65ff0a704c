import { create } from 'zustand';
import type { KwicHit, SourceStructure } from '../../../../shared/domain/analysis/types.ts';
import type { SourceKind } from '../../../../shared/domain/types.ts';
import { ApiCallError, call } from '../../api/client.ts';

const PAGE = 200;

export type SearchFilters = { query: string; sourceKind: SourceKind | null; participantId: number | null };

type SearchState = {
  draft: string;
  sourceKind: SourceKind | null;
  participantId: number | null;
  /** The search whose hits are shown. */
  ran: SearchFilters | null;
  hits: KwicHit[];
  complete: boolean;
  candidateSources: number;
  loading: boolean;
  /** What is wrong with the query, shown under the search box. */
  problem: string | null;
  structure: SourceStructure | null;
  setDraft: (draft: string) => void;
  setSourceKind: (kind: SourceKind | null) => void;
  setParticipant: (id: number | null) => void;
  run: () => Promise<void>;
  more: () => Promise<void>;
  loadStructure: () => Promise<void>;
};

export const filterInput = (f: SearchFilters) => ({
  query: f.query,
  ...(f.sourceKind ? { sourceKinds: [f.sourceKind] } : {}),
  ...(f.participantId !== null ? { participantIds: [f.participantId] } : {}),
});

export const useSearchStore = create<SearchState>((set, get) => ({
  draft: '',
  sourceKind: null,
  participantId: null,
  ran: null,
  hits: [],
  complete: true,
  candidateSources: 0,
  loading: false,
  problem: null,
  structure: null,
  setDraft: (draft) => set({ draft }),
  setSourceKind: (sourceKind) => set({ sourceKind }),
  setParticipant: (participantId) => set({ participantId }),
  run: async () => {
    const { draft, sourceKind, participantId } = get();
    const f: SearchFilters = { query: draft.trim(), sourceKind, participantId };
    if (!f.query) {
      set({ ran: null, hits: [], problem: null });
      return;
    }
    set({ loading: true, problem: null });
    try {
      const r = await call('search.run', { ...filterInput(f), offset: 0, limit: PAGE });
      set({ ran: f, hits: r.hits, complete: r.complete, candidateSources: r.candidateSources });
    } catch (err) {
      // A query the parser refuses is the user's to fix, next to the box, not an alarm.
      if (err instanceof ApiCallError && err.error.field === 'query') set({ problem: err.error.message.replace(/^search\.run: /, '').replace(/^query: /, '') });
      else throw err;
    } finally {
      set({ loading: false });
    }
  },
  more: async () => {
    const { ran, hits } = get();
    if (!ran) return;
    const r = await call('search.run', { ...filterInput(ran), offset: hits.length, limit: PAGE });
    if (get().ran === ran) set({ hits: [...hits, ...r.hits], complete: r.complete });
  },
  loadStructure: async () => set({ structure: await call('search.structure', {}) }),
}));
