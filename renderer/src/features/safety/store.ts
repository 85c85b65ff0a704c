import { create } from 'zustand';
import type { SnapshotList } from '../../../../shared/domain/safety-types.ts';
import { call } from '../../api/client.ts';

type SafetyState = {
  /** The snapshots dialog: for the open project (`{}`), or for the project just refused as damaged (with why). */
  dialog: { damaged?: string } | null;
  list: SnapshotList | null;
  loading: boolean;
  openDialog: (target?: { damaged: string }) => void;
  closeDialog: () => void;
  load: () => Promise<void>;
  takeSnapshot: () => Promise<void>;
};

export const useSafetyStore = create<SafetyState>((set, get) => ({
  dialog: null,
  list: null,
  loading: false,
  openDialog: (target) => set({ dialog: target ?? {}, list: null }),
  closeDialog: () => set({ dialog: null, list: null }),
  load: async () => {
    const damaged = get().dialog?.damaged !== undefined;
    set({ loading: true });
    try {
      set({ list: await call('project.snapshots', damaged ? { damaged: true } : {}) });
    } finally {
      set({ loading: false });
    }
  },
  takeSnapshot: async () => {
    await call('project.snapshot', {});
    await get().load();
  },
}));
