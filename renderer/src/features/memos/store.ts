import { create } from 'zustand';
import type { Memo, MemoTargetKind } from '../../../../shared/domain/types.ts';
import { call } from '../../api/client.ts';

export type MemoTarget = { kind: MemoTargetKind; id: number | null };

type MemosState = {
  memos: Memo[];
  search: string;
  kind: MemoTargetKind | 'all';
  /** The memo (or target) open in the memo editor dialog. */
  editing: { target: MemoTarget; memoId: number | null; title?: string } | null;
  load: () => Promise<void>;
  setSearch: (search: string) => Promise<void>;
  setKind: (kind: MemoTargetKind | 'all') => Promise<void>;
  open: (target: MemoTarget, memoId?: number | null, title?: string) => void;
  close: () => void;
  forTarget: (target: MemoTarget) => Promise<Memo[]>;
  save: (target: MemoTarget, memoId: number | null, title: string, body: string) => Promise<Memo>;
  remove: (id: number) => Promise<void>;
};

/** Memos: the searchable list of the memo panel and the one open in the editor. */
export const useMemosStore = create<MemosState>((set, get) => ({
  memos: [],
  search: '',
  kind: 'all',
  editing: null,
  load: async () => {
    const { search, kind } = get();
    const memos = await call('memos.list', {
      ...(search.trim() ? { search: search.trim() } : {}),
      ...(kind !== 'all' ? { targetKind: kind } : {}),
    });
    if (get().search === search && get().kind === kind) set({ memos });
  },
  setSearch: async (search) => {
    set({ search });
    await get().load();
  },
  setKind: async (kind) => {
    set({ kind });
    await get().load();
  },
  open: (target, memoId = null, title) => set({ editing: { target, memoId, ...(title ? { title } : {}) } }),
  close: () => set({ editing: null }),
  forTarget: (target) => call('memos.forTarget', { targetKind: target.kind, targetId: target.id }),
  save: async (target, memoId, title, body) => {
    const memo = memoId === null
      ? await call('memos.create', { targetKind: target.kind, targetId: target.id, title, body })
      : await call('memos.update', { id: memoId, title, body });
    await get().load();
    return memo;
  },
  remove: async (id) => {
    await call('memos.delete', { id });
    await get().load();
  },
}));
