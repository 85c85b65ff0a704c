import { create } from 'zustand';
import type { Coder } from '../../../../shared/domain/types.ts';
import { call } from '../../api/client.ts';

type CodersState = {
  /** The name new work is recorded under, and whether the researcher gave it (false on first start). */
  name: string;
  chosen: boolean;
  loaded: boolean;
  load: () => Promise<void>;
  /** Who codes from now on; returns the coder the project records. */
  setCurrent: (name: string) => Promise<Coder>;
};

export const useCodersStore = create<CodersState>((set) => ({
  name: '',
  chosen: true,
  loaded: false,
  load: async () => set({ ...(await call('coders.current', {})), loaded: true }),
  setCurrent: async (name) => {
    const coder = await call('coders.setCurrent', { name });
    set({ name: coder.name, chosen: true });
    return coder;
  },
}));
