import { useEffect, useState } from 'react';
import { Modal } from '../../ui/Modal.tsx';
import { errorMessage } from '../../ui/notify.ts';
import type { TeamSyncNotice } from '../../../../shared/api/methods/team-sync.ts';
import { NOTICE_KINDS, changes, statusLine, useTeamSyncStore } from './store.ts';

const when = (iso: string): string => new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

/** One notice: its kind, its words, when; Dismiss when it is not dismissed yet. */
function NoticeItem({ notice: n, onDismiss }: { notice: TeamSyncNotice; onDismiss?: () => void }) {
  return (
    <li>
      <span className={`tsync-kind ${n.kind}`}>{NOTICE_KINDS[n.kind] ?? n.kind}</span>
      <span className="tsync-message">{n.message}</span>
      <span className="muted tsync-when">{when(n.at)}</span>
      {onDismiss && <button onClick={onDismiss} aria-label={`Dismiss: ${n.message}`}>Dismiss</button>}
    </li>
  );
}

/**
 * The team line's panel: which server and team project this replica follows, who you are there,
 * the last sync, and the notices the team's syncs left (a delete refused, a code kept for use, a
 * name changed, a change lost), each dismissed on its own or all at once.
 */
export function StatusPanel({ onClose }: { onClose: () => void }) {
  const { status, syncing, load, syncNow, dismiss, open } = useTeamSyncStore();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => void load().catch((e: unknown) => setError(errorMessage(e))), [load]);
  const run = (action: () => Promise<void>) => {
    setError(null);
    action().catch((e: unknown) => setError(errorMessage(e)));
  };
  if (!status?.joined) {
    return (
      <Modal title="Team project" onClose={onClose}>
        <p>This project is not a team project.</p>
        <div className="form-actions"><button className="primary" data-autofocus onClick={onClose}>Close</button></div>
      </Modal>
    );
  }
  const line = statusLine(status);
  const unseen = status.notices.filter((n) => !n.seen);
  const seen = status.notices.filter((n) => n.seen);
  return (
    <Modal title="Team project" onClose={onClose} description={line.text}>
      <dl className="tsync-facts">
        <dt>Server</dt>
        <dd><code>{status.server}</code></dd>
        <dt>Team project</dt>
        <dd><code>{status.teamProject}</code></dd>
        <dt>You</dt>
        <dd>{status.user} <span className="badge">{status.role}</span></dd>
        <dt>Last sync</dt>
        <dd>{status.lastSyncAt ? when(status.lastSyncAt) : 'not yet'} · {status.connected ? 'live connection open' : 'no live connection'}</dd>
        <dt>To send</dt>
        <dd>{status.pending === 0 ? 'nothing' : changes(status.pending)}</dd>
        {status.lastError && (
          <>
            <dt>Last error</dt>
            <dd className="tsync-error">{status.lastError}</dd>
          </>
        )}
      </dl>
      <div className="tsync-notices-head">
        <h3 id="tsync-notices-title">Notices{unseen.length > 0 ? ` (${unseen.length})` : ''}</h3>
        {unseen.length > 1 && <button onClick={() => run(() => dismiss())}>Dismiss all</button>}
      </div>
      {unseen.length === 0 ? (
        <p className="hint tsync-none">No notices. When the team’s changes meet yours (a code deleted while someone used it, two codes given one name), what the server decided shows here.</p>
      ) : (
        <ul className="tsync-notice-list" aria-labelledby="tsync-notices-title">
          {unseen.map((n) => (
            <NoticeItem key={n.id} notice={n} onDismiss={() => run(() => dismiss([n.id]))} />
          ))}
        </ul>
      )}
      {seen.length > 0 && (
        <details className="tsync-seen">
          <summary>Dismissed notices ({seen.length})</summary>
          <ul className="tsync-notice-list">
            {seen.map((n) => (
              <NoticeItem key={n.id} notice={n} />
            ))}
          </ul>
        </details>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="form-actions">
        {status.role !== 'reviewer' && (
          <button className="primary" disabled={syncing} onClick={() => run(syncNow)}>{syncing ? 'Syncing…' : 'Sync now'}</button>
        )}
        {status.role === 'owner' && <button onClick={() => open('members')}>Team members…</button>}
        <span className="spacer" />
        <button data-autofocus onClick={onClose}>Close</button>
      </div>
    </Modal>
  );
}
