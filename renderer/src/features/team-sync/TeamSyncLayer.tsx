import { useEffect, useRef } from 'react';
import { onProgress } from '../../api/client.ts';
import { attempt, useNotices } from '../../ui/notify.ts';
import { isReadOnly, useProjectStore } from '../project/store.ts';
import { reloadShown } from '../undo/reload.ts';
import { JoinDialog } from './JoinDialog.tsx';
import { MembersDialog } from './MembersDialog.tsx';
import { ShareDialog } from './ShareDialog.tsx';
import { StatusPanel } from './StatusPanel.tsx';
import { statusLine, useTeamSyncStore } from './store.ts';
import './team-sync.css';

/** How often the status line asks for the replica's status (pending changes, offline) while one is open. */
const STATUS_POLL_MS = 3000;

/**
 * Team projects in the window: the dialogs (share, join, members, the status panel), the
 * replica's status kept fresh, and the live part — when a sync applied others' changes (the
 * backend's progress event with jobId 'team-sync' and `team.remote` > 0), everything shown
 * reloads in place: sources, the open document's codings (its selection kept by id), the
 * codebook, counts.
 */
export function TeamSyncLayer() {
  const path = useProjectStore((s) => s.info?.path ?? null);
  const generation = useProjectStore((s) => s.generation);
  const joined = useTeamSyncStore((s) => s.status?.joined === true);
  const dialog = useTeamSyncStore((s) => s.dialog);
  const close = useTeamSyncStore((s) => s.close);
  const reloading = useRef<{ running: boolean; again: boolean }>({ running: false, again: false });

  useEffect(() => {
    if (path === null) {
      useTeamSyncStore.setState({ status: null });
      return;
    }
    void useTeamSyncStore.getState().load().catch(() => undefined);
  }, [path, generation]);

  useEffect(() => {
    if (!joined) return undefined;
    const timer = setInterval(() => void useTeamSyncStore.getState().load().catch(() => undefined), STATUS_POLL_MS);
    // Reloads one at a time; events that arrive meanwhile make one more.
    const reload = async () => {
      const r = reloading.current;
      if (r.running) {
        r.again = true;
        return;
      }
      r.running = true;
      try {
        do {
          r.again = false;
          await attempt(reloadShown);
        } while (r.again);
      } finally {
        r.running = false;
      }
    };
    const stop = onProgress((e) => {
      if (e.jobId !== 'team-sync' || !e.team) return;
      void useTeamSyncStore.getState().load().catch(() => undefined);
      if (e.team.remote > 0) void reload();
    });
    return () => {
      clearInterval(timer);
      stop();
    };
  }, [joined, path]);

  // File → Join Team Project… / Share to Team Server… of the desktop menu. Share needs an open
  // project that may be written and is not a team project yet; otherwise the status line says why.
  useEffect(
    () =>
      window.marginalia?.onMenuCommand((command) => {
        const store = useTeamSyncStore.getState();
        const notify = (text: string) => useNotices.getState().push('info', text);
        if (command === 'joinTeam') store.open('join');
        if (command !== 'shareTeam') return;
        const info = useProjectStore.getState().info;
        if (!info) notify('Open the project to share first, then choose Share to Team Server… again.');
        else if (store.status?.joined) notify('This project is a team project already: the status bar says how it syncs.');
        else if (isReadOnly(info)) notify('This project is open read-only: it cannot be shared from here.');
        else store.open('share');
      }),
    [],
  );

  return (
    <>
      {dialog === 'share' && <ShareDialog onClose={close} />}
      {dialog === 'join' && <JoinDialog onClose={close} />}
      {dialog === 'members' && <MembersDialog onClose={close} />}
      {dialog === 'status' && <StatusPanel onClose={close} />}
    </>
  );
}

/** The status bar's team line (only for a replica): what is pending or when it last synced, and Sync now. */
export function TeamSyncStatusLine() {
  const status = useTeamSyncStore((s) => s.status);
  const syncing = useTeamSyncStore((s) => s.syncing);
  const open = useTeamSyncStore((s) => s.open);
  if (!status?.joined) return null;
  const line = statusLine(status);
  return (
    <span className="tsync-line" role="group" aria-label="Team project">
      <button className={`link statusbar-link tsync-status ${line.tone}`} aria-haspopup="dialog" onClick={() => open('status')} title="The team server, your role, and what the team’s syncs said">
        <span className="tsync-dot" aria-hidden="true" />
        <span>{line.text}</span>
        {status.unseenNotices > 0 && <span className="tsync-notices">{` · ${status.unseenNotices} notice${status.unseenNotices === 1 ? '' : 's'}`}</span>}
      </button>
      {status.role !== 'reviewer' && (
        <button className="link statusbar-link" disabled={syncing} onClick={() => void attempt(() => useTeamSyncStore.getState().syncNow())}>
          {syncing ? 'Syncing…' : 'Sync now'}
        </button>
      )}
    </span>
  );
}
