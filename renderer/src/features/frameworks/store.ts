import { create } from 'zustand';
import type { Crosswalk } from '../../../../shared/api/methods/frameworks.ts';
import { call } from '../../api/client.ts';

type FrameworksState = {
  crosswalk: Crosswalk | null;
  frameworkId: number | null;
  load: () => Promise<void>;
  reloadIfLoaded: () => Promise<void>;
  choose: (frameworkId: number) => void;
  createFramework: (name: string) => Promise<void>;
  addElement: (frameworkId: number, name: string) => Promise<void>;
  renameElement: (id: number, name: string) => Promise<void>;
  removeElement: (id: number) => Promise<void>;
  link: (codeId: number, elementId: number, linked: boolean) => Promise<void>;
  linkQuestion: (questionId: number, elementId: number, linked: boolean) => Promise<void>;
};

const key = (a: number, b: number) => `${a}:${b}`;
export const linkSet = (pairs: [number, number][]): Set<string> => new Set(pairs.map(([a, b]) => key(a, b)));
export const linkKey = key;

/** Reference frameworks and the crosswalk between categories (and questionnaire items) and their elements. */
export const useFrameworksStore = create<FrameworksState>((set, get) => ({
  crosswalk: null,
  frameworkId: null,
  load: async () => {
    const crosswalk = await call('frameworks.crosswalk', {});
    const current = get().frameworkId;
    const frameworkId = crosswalk.frameworks.some((f) => f.id === current) ? current : (crosswalk.frameworks[0]?.id ?? null);
    set({ crosswalk, frameworkId });
  },
  reloadIfLoaded: async () => {
    if (get().crosswalk) await get().load();
  },
  choose: (frameworkId) => set({ frameworkId }),
  createFramework: async (name) => {
    const f = await call('frameworks.create', { name });
    set({ frameworkId: f.id });
    await get().load();
  },
  addElement: async (frameworkId, name) => {
    await call('frameworks.addElement', { frameworkId, name });
    await get().load();
  },
  renameElement: async (id, name) => {
    await call('frameworks.updateElement', { id, name });
    await get().load();
  },
  removeElement: async (id) => {
    await call('frameworks.removeElement', { id });
    await get().load();
  },
  link: async (codeId, elementId, linked) => {
    // Tick at once; the matrix can have hundreds of cells and should not wait for a reload.
    const cw = get().crosswalk;
    if (cw) {
      const links = cw.links.filter(([c, e]) => !(c === codeId && e === elementId));
      set({ crosswalk: { ...cw, links: linked ? [...links, [codeId, elementId]] : links } });
    }
    try {
      await call('frameworks.link', { codeId, elementId, linked });
    } catch (err) {
      await get().load();
      throw err;
    }
  },
  linkQuestion: async (questionId, elementId, linked) => {
    const cw = get().crosswalk;
    if (cw) {
      const links = cw.questionLinks.filter(([q, e]) => !(q === questionId && e === elementId));
      set({ crosswalk: { ...cw, questionLinks: linked ? [...links, [questionId, elementId]] : links } });
    }
    try {
      await call('frameworks.linkQuestion', { questionId, elementId, linked });
    } catch (err) {
      await get().load();
      throw err;
    }
  },
}));
