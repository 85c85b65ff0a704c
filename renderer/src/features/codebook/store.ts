import { create } from 'zustand';
import type { DeleteImpact, InductiveCode, MergeResult } from '../../../../shared/api/methods/workbench.ts';
import type { Code, CodeOrigin, Framework } from '../../../../shared/domain/types.ts';
import { call } from '../../api/client.ts';

type CodebookState = {
  codes: Code[];
  frameworks: Framework[];
  selectedId: number | null;
  /** Codes ticked for a bulk action (merge), besides the selected one. */
  checkedIds: number[];
  filter: string;
  inductive: InductiveCode[] | null;
  load: () => Promise<void>;
  loadInductive: () => Promise<void>;
  select: (id: number | null) => void;
  toggleChecked: (id: number) => void;
  clearChecked: () => void;
  setFilter: (filter: string) => void;
  create: (name: string, parentId: number | null, origin?: CodeOrigin) => Promise<Code>;
  rename: (id: number, name: string) => Promise<void>;
  recolor: (id: number, color: string) => Promise<void>;
  describe: (id: number, fields: { definition?: string; whenToUse?: string; whenNotToUse?: string; example?: string }) => Promise<void>;
  move: (id: number, parentId: number | null, position?: number) => Promise<void>;
  deleteImpact: (id: number) => Promise<DeleteImpact>;
  remove: (id: number) => Promise<{ deletedCodes: number; deletedCodings: number }>;
  merge: (sourceIds: number[], targetId: number) => Promise<MergeResult>;
  split: (id: number, codingIds: number[], name: string) => Promise<{ code: Code; moved: number }>;
};

export const useCodebookStore = create<CodebookState>((set, get) => ({
  codes: [],
  frameworks: [],
  selectedId: null,
  checkedIds: [],
  filter: '',
  inductive: null,
  load: async () => {
    const [codes, frameworks] = await Promise.all([call('codes.list', {}), call('frameworks.list', {})]);
    const { selectedId, checkedIds } = get();
    const exists = (id: number) => codes.some((c) => c.id === id);
    set({
      codes,
      frameworks,
      selectedId: selectedId !== null && exists(selectedId) ? selectedId : null,
      checkedIds: checkedIds.filter(exists),
    });
    if (get().inductive) await get().loadInductive();
  },
  loadInductive: async () => set({ inductive: await call('codes.inductiveList', {}) }),
  select: (selectedId) => set({ selectedId }),
  toggleChecked: (id) => {
    const { checkedIds } = get();
    set({ checkedIds: checkedIds.includes(id) ? checkedIds.filter((x) => x !== id) : [...checkedIds, id] });
  },
  clearChecked: () => set({ checkedIds: [] }),
  setFilter: (filter) => set({ filter }),
  create: async (name, parentId, origin = 'deductive') => {
    const code = await call('codes.create', { name, parentId, origin });
    await get().load();
    set({ selectedId: code.id });
    return code;
  },
  rename: async (id, name) => {
    await call('codes.rename', { id, name });
    await get().load();
  },
  recolor: async (id, color) => {
    await call('codes.recolor', { id, color });
    await get().load();
  },
  describe: async (id, fields) => {
    await call('codes.describe', { id, ...fields });
    await get().load();
  },
  move: async (id, parentId, position) => {
    await call('codes.move', position === undefined ? { id, parentId } : { id, parentId, position });
    await get().load();
  },
  deleteImpact: (id) => call('codes.deleteImpact', { id }),
  remove: async (id) => {
    const result = await call('codes.delete', { id });
    await get().load();
    return result;
  },
  merge: async (sourceIds, targetId) => {
    const result = await call('codes.merge', { sourceIds, targetId });
    set({ checkedIds: [], selectedId: targetId });
    await get().load();
    return result;
  },
  split: async (id, codingIds, name) => {
    const result = await call('codes.split', { id, codingIds, name });
    await get().load();
    return result;
  },
}));
