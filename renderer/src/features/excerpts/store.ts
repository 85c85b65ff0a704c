import { create } from 'zustand';
import type { Input } from '../../../../shared/api/contract.ts';
import type { CooccurrencePassage, Excerpt, ExcerptContext } from '../../../../shared/domain/analysis/types.ts';
import { call } from '../../api/client.ts';

export type ExcerptQuery = Omit<Input<'analysis.excerpts'>, 'offset' | 'limit'>;
export type PassageQuery = Omit<Input<'analysis.cooccurrencePassages'>, 'limit'>;

/** What the excerpt panel shows: coded excerpts of a filter, or the passages behind a co-occurrence. */
export type Shown =
  | { kind: 'excerpts'; title: string; query: ExcerptQuery; excerpts: Excerpt[]; total: number }
  | { kind: 'passages'; title: string; query: PassageQuery; passages: CooccurrencePassage[]; total: number };

const PAGE = 100;

type ExcerptsState = {
  shown: Shown | null;
  loading: boolean;
  /** Surrounding text of expanded excerpts, by coding id. */
  contexts: Record<number, ExcerptContext>;
  showExcerpts: (title: string, query: ExcerptQuery) => Promise<void>;
  showPassages: (title: string, query: PassageQuery) => Promise<void>;
  more: () => Promise<void>;
  reload: () => Promise<void>;
  toggleContext: (codingId: number) => Promise<void>;
  close: () => void;
};

let ticket = 0;

export const useExcerptsStore = create<ExcerptsState>((set, get) => ({
  shown: null,
  loading: false,
  contexts: {},
  showExcerpts: async (title, query) => {
    const mine = ++ticket;
    set({ loading: true, contexts: {} });
    try {
      const page = await call('analysis.excerpts', { ...query, offset: 0, limit: PAGE });
      if (mine === ticket) set({ shown: { kind: 'excerpts', title, query, ...page } });
    } finally {
      if (mine === ticket) set({ loading: false });
    }
  },
  showPassages: async (title, query) => {
    const mine = ++ticket;
    set({ loading: true, contexts: {} });
    try {
      const r = await call('analysis.cooccurrencePassages', { ...query, limit: 500 });
      if (mine === ticket) set({ shown: { kind: 'passages', title, query, ...r } });
    } finally {
      if (mine === ticket) set({ loading: false });
    }
  },
  more: async () => {
    const shown = get().shown;
    if (shown?.kind !== 'excerpts' || shown.excerpts.length >= shown.total) return;
    const page = await call('analysis.excerpts', { ...shown.query, offset: shown.excerpts.length, limit: PAGE });
    const now = get().shown;
    if (now === shown) set({ shown: { ...shown, excerpts: [...shown.excerpts, ...page.excerpts], total: page.total } });
  },
  reload: async () => {
    const shown = get().shown;
    if (!shown) return;
    if (shown.kind === 'excerpts') await get().showExcerpts(shown.title, shown.query);
    else await get().showPassages(shown.title, shown.query);
  },
  toggleContext: async (codingId) => {
    const { contexts } = get();
    if (contexts[codingId]) {
      const { [codingId]: _drop, ...rest } = contexts;
      set({ contexts: rest });
      return;
    }
    const ctx = await call('analysis.excerptContext', { codingId });
    set({ contexts: { ...get().contexts, [codingId]: ctx } });
  },
  close: () => {
    ticket++;
    set({ shown: null, loading: false, contexts: {} });
  },
}));
