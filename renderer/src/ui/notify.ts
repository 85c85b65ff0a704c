import { create } from 'zustand';
import { ApiCallError } from '../api/client.ts';

export type Notice = { id: number; kind: 'error' | 'info'; text: string };

type NoticeState = { notices: Notice[]; push: (kind: Notice['kind'], text: string) => void; dismiss: (id: number) => void };

let nextId = 1;

export const useNotices = create<NoticeState>((set, get) => ({
  notices: [],
  push: (kind, text) => {
    const id = nextId++;
    set({ notices: [...get().notices.slice(-3), { id, kind, text }] });
    if (kind === 'info') setTimeout(() => get().dismiss(id), 4000);
  },
  dismiss: (id) => set({ notices: get().notices.filter((n) => n.id !== id) }),
}));

/** What went wrong, in the words the backend (or the browser) used. */
export const errorMessage = (err: unknown): string =>
  err instanceof ApiCallError ? err.error.message : err instanceof Error ? err.message : String(err);

/** Runs a UI action, turning any failure into a visible error notice. */
export async function attempt<T>(action: () => Promise<T>): Promise<T | undefined> {
  try {
    return await action();
  } catch (err) {
    useNotices.getState().push('error', errorMessage(err));
    return undefined;
  }
}
