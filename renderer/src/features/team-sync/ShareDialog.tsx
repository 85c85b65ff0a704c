import { useState } from 'react';
import { call } from '../../api/client.ts';
import { Modal } from '../../ui/Modal.tsx';
import { errorMessage } from '../../ui/notify.ts';
import { useProjectStore } from '../project/store.ts';
import { CopyButton, CopyField, lastServer, rememberServer, ServerFields } from './fields.tsx';
import { useTeamSyncStore } from './store.ts';

/**
 * "Share to team server…" (owners): uploads the open project to a team server, which makes it a
 * team project, and this file its first replica. Then shows the team project's id and what to
 * send the coders.
 */
export function ShareDialog({ onClose }: { onClose: () => void }) {
  const name = useProjectStore((s) => s.info?.name ?? 'this project');
  const [server, setServer] = useState(lastServer);
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [shared, setShared] = useState<{ teamProject: string; server: string } | null>(null);

  const share = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await call('teamSync.share', { server: server.trim(), token: token.trim() });
      rememberServer(r.status.server ?? server.trim());
      setShared({ teamProject: r.teamProject, server: r.status.server ?? server.trim() });
      useTeamSyncStore.setState({ status: r.status });
      // From now on this project codes as the team user (the top bar and the coder lists say so).
      await useProjectStore.getState().refresh().catch(() => undefined);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (shared) {
    const message = `Marginalia team project “${name}”\nServer: ${shared.server}\nTeam project: ${shared.teamProject}\nJoin it in Marginalia: Join a team project…, with the token you were given.`;
    return (
      <Modal title="Shared to the team server" onClose={onClose}>
        <p role="status">“{name}” is now a team project, and this file its replica: your changes are sent as you make them.</p>
        <CopyField label="Team project id" value={shared.teamProject} autofocus />
        <div className="tsync-send">
          <div className="tsync-send-head">
            <span>What to send each coder</span>
            <CopyButton text={message} label="Copy the message" />
          </div>
          <pre className="tsync-message-box">{message}</pre>
          <p className="hint">Each coder also needs a token of their own: add them under Team members, which shows their token once.</p>
        </div>
        <div className="form-actions">
          <button onClick={() => useTeamSyncStore.getState().open('members')}>Team members…</button>
          <span className="spacer" />
          <button className="primary" onClick={onClose}>Close</button>
        </div>
      </Modal>
    );
  }

  return (
    <Modal title="Share to team server" onClose={busy ? () => {} : onClose} description={`Uploads “${name}” to a team server. Coders then join it and code at the same time; their work arrives here as they make it.`}>
      <form onSubmit={(e) => { e.preventDefault(); if (server.trim() && token.trim()) void share(); }}>
        <ServerFields server={server} token={token} onServer={(v) => { setServer(v); setError(null); }} onToken={(v) => { setToken(v); setError(null); }} tokenLabel="Owner token" disabled={busy} />
        <p className="hint">Sharing needs an owner’s token (the server printed the first one when it started). The token is kept in your Marginalia data folder, never in the project file.</p>
        {error && <p className="form-error" role="alert">{error}</p>}
        <div className="form-actions">
          {busy ? (
            <span className="tsync-progress" role="status">
              <progress aria-label="Uploading the project" />
              Uploading the project…
            </span>
          ) : (
            <span className="spacer" />
          )}
          <button type="submit" className="primary" disabled={busy || !server.trim() || !token.trim()}>Share</button>
          <button type="button" disabled={busy} onClick={onClose}>Cancel</button>
        </div>
      </form>
    </Modal>
  );
}
