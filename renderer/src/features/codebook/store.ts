import { create } from 'zustand';
import type { Code, Framework } from '../../../../shared/domain/types.ts';
import { call } from '../../api/client.ts';

type CodebookState = {
  codes: Code[];
  frameworks: Framework[];
  selectedId: number | null;
  filter: string;
  load: () => Promise<void>;
  select: (id: number | null) => void;
  setFilter: (filter: string) => void;
  create: (name: string, parentId: number | null) => Promise<Code>;
  rename: (id: number, name: string) => Promise<void>;
  recolor: (id: number, color: string) => Promise<void>;
  describe: (id: number, fields: { definition?: string; whenToUse?: string; whenNotToUse?: string; example?: string }) => Promise<void>;
  move: (id: number, parentId: number | null, position?: number) => Promise<void>;
  remove: (id: number) => Promise<{ deletedCodes: number; deletedCodings: number }>;
};

export const useCodebookStore = create<CodebookState>((set, get) => ({
  codes: [],
  frameworks: [],
  selectedId: null,
  filter: '',
  load: async () => {
    const [codes, frameworks] = await Promise.all([call('codes.list', {}), call('frameworks.list', {})]);
    const selectedId = get().selectedId;
    set({ codes, frameworks, selectedId: codes.some((c) => c.id === selectedId) ? selectedId : null });
  },
  select: (selectedId) => set({ selectedId }),
  setFilter: (filter) => set({ filter }),
  create: async (name, parentId) => {
    const code = await call('codes.create', { name, parentId });
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
  remove: async (id) => {
    const result = await call('codes.delete', { id });
    await get().load();
    return result;
  },
}));
