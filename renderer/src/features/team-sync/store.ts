import { create } from 'zustand';
import type { TeamSyncStatus } from '../../../../shared/api/methods/team-sync.ts';
import { call } from '../../api/client.ts';

/** The team-project dialogs; one at a time. */
export type TeamSyncDialog = 'share' | 'join' | 'members' | 'status';

type TeamSyncState = {
  /** The open project's replica status; null before the first answer (or with no project open). */
  status: TeamSyncStatus | null;
  dialog: TeamSyncDialog | null;
  /** A "Sync now" under way. */
  syncing: boolean;
  open: (dialog: TeamSyncDialog) => void;
  close: () => void;
  load: () => Promise<void>;
  /** One push and pull now; the status follows. */
  syncNow: () => Promise<void>;
  /** Marks notices as seen: these, or all of them. */
  dismiss: (ids?: number[]) => Promise<void>;
};

export const useTeamSyncStore = create<TeamSyncState>((set, get) => ({
  status: null,
  dialog: null,
  syncing: false,
  open: (dialog) => set({ dialog }),
  close: () => set({ dialog: null }),
  load: async () => set({ status: await call('teamSync.status', {}) }),
  syncNow: async () => {
    set({ syncing: true });
    try {
      await call('teamSync.sync', {});
    } finally {
      set({ syncing: false });
      await get().load().catch(() => undefined);
    }
  },
  dismiss: async (ids) => {
    await call('teamSync.dismissNotices', ids ? { ids } : {});
    await get().load();
  },
}));

const clock = (iso: string): string => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
/** A calendar day, as the team dialogs show dates: "3 Mar 2025". */
export const day = (iso: string): string => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
/** "1 change", "1,204 changes". */
export const changes = (n: number): string => `${n.toLocaleString('en')} change${n === 1 ? '' : 's'}`;

/**
 * The status line's words for a replica: reviewer, offline (changes waiting), changes to send,
 * or when it last synced.
 */
export function statusLine(s: TeamSyncStatus): { text: string; tone: 'ok' | 'busy' | 'warn' } {
  if (s.role === 'reviewer') return { text: `Reviewer: read-only replica${s.lastSyncAt ? ` · synced ${clock(s.lastSyncAt)}` : ''}`, tone: s.lastError ? 'warn' : 'ok' };
  if (s.lastError && !s.connected) {
    return { text: s.pending > 0 ? `Team · offline — ${changes(s.pending)} waiting, retrying` : 'Team · offline, retrying', tone: 'warn' };
  }
  if (s.lastError) return { text: s.pending > 0 ? `Team · sync failed — ${changes(s.pending)} waiting` : 'Team · sync failed', tone: 'warn' };
  if (s.pending > 0) return { text: `Team · ${changes(s.pending)} to send`, tone: 'busy' };
  return { text: s.lastSyncAt ? `Team · synced ${clock(s.lastSyncAt)}` : 'Team · not synced yet', tone: 'ok' };
}

/** What a notice's kind is called in the panel. */
export const NOTICE_KINDS: Record<string, string> = {
  'kept-for-use': 'Kept for use',
  renamed: 'Renamed',
  'change-lost': 'Change lost',
  refused: 'Not done',
};
