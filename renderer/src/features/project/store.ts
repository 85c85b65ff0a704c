import { create } from 'zustand';
import type { ProjectInfo, RecentProject } from '../../../../shared/domain/types.ts';
import { ApiCallError, call } from '../../api/client.ts';

export type View = 'sources' | 'codebook' | 'participants' | 'analysis' | 'export' | 'search' | 'team' | 'integrity';

type ProjectState = {
  info: ProjectInfo | null;
  recent: RecentProject[];
  view: View;
  /** Bumped whenever another project is opened, so feature stores reload. */
  generation: number;
  setView: (view: View) => void;
  refresh: () => Promise<void>;
  loadRecent: () => Promise<void>;
  open: (path: string) => Promise<void>;
  /** Opens a project in reviewer mode: read-only, every change refused by the backend. */
  openForReview: (path: string) => Promise<void>;
  create: (path: string, template: 'five-questions' | 'empty') => Promise<void>;
  /** A new project named `name` in `folder`, or in the projects folder when `folder` is null. */
  createNamed: (name: string, folder: string | null, template: 'five-questions' | 'empty') => Promise<void>;
  openDemo: () => Promise<void>;
  /** A project the backend opened itself (joining a team project): shown as if opened here. */
  opened: (info: ProjectInfo) => void;
  /** Why the project just asked for could not be opened because it is damaged (the snapshots dialog offers a way back). */
  damaged: string | null;
  clearDamaged: () => void;
};

export const useProjectStore = create<ProjectState>((set, get) => {
  const switched = (info: ProjectInfo) => {
    set({ info, generation: get().generation + 1, view: 'sources' });
    void get().loadRecent();
  };
  return {
    info: null,
    recent: [],
    view: 'sources',
    generation: 0,
    setView: (view) => set({ view }),
    refresh: async () => set({ info: await call('project.info', {}) }),
    loadRecent: async () => set({ recent: await call('project.recent', {}) }),
    open: async (path) => {
      try {
        switched(await call('project.open', { path }));
      } catch (err) {
        if (!(err instanceof ApiCallError && err.error.code === 'damaged')) throw err;
        set({ damaged: err.error.message });
      }
    },
    openForReview: async (path) => switched(await call('project.openForReview', { path })),
    damaged: null,
    clearDamaged: () => set({ damaged: null }),
    create: async (path, template) => switched(await call('project.create', { path, template })),
    createNamed: async (name, folder, template) => switched(await call('project.create', { name, ...(folder === null ? {} : { folder }), template })),
    openDemo: async () => switched(await call('project.openDemo', {})),
    opened: (info) => switched(info),
  };
});

/** Reviewer mode, or a project another window or process writes: it can be read here, not changed. */
export const isReadOnly = (info: ProjectInfo | null): boolean => info?.reviewer === true || Boolean(info?.safety?.readOnly);
