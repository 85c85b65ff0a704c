import { create } from 'zustand';
import type { Coding, SourceDetail, SourceSummary } from '../../../../shared/domain/types.ts';
import { call } from '../../api/client.ts';

type SourcesState = {
  sources: SourceSummary[];
  openId: number | null;
  detail: SourceDetail | null;
  codings: Coding[];
  load: () => Promise<void>;
  openSource: (id: number) => Promise<void>;
  reloadCodings: () => Promise<void>;
  apply: (codeId: number, start: number, end: number) => Promise<Coding | null>;
  removeCoding: (id: number) => Promise<void>;
};

export const useSourcesStore = create<SourcesState>((set, get) => ({
  sources: [],
  openId: null,
  detail: null,
  codings: [],
  load: async () => {
    const sources = await call('sources.list', {});
    set({ sources });
    const { openId } = get();
    if (openId !== null && !sources.some((s) => s.id === openId)) set({ openId: null, detail: null, codings: [] });
  },
  openSource: async (id) => {
    set({ openId: id });
    const [detail, codings] = await Promise.all([call('sources.get', { id }), call('codings.listForSource', { sourceId: id })]);
    if (get().openId === id) set({ detail, codings });
  },
  reloadCodings: async () => {
    const { openId } = get();
    if (openId === null) return;
    const codings = await call('codings.listForSource', { sourceId: openId });
    set({ codings });
    set({ sources: await call('sources.list', {}) });
  },
  apply: async (codeId, start, end) => {
    const { openId } = get();
    if (openId === null) return null;
    const coding = await call('codings.apply', { sourceId: openId, codeId, start, end });
    await get().reloadCodings();
    return coding;
  },
  removeCoding: async (id) => {
    await call('codings.remove', { id });
    await get().reloadCodings();
  },
}));
