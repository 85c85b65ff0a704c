import { useCallback, useEffect, useState } from 'react';
import type { Role, UserInfo } from '../../../../shared/domain/team-sync/protocol.ts';
import { call } from '../../api/client.ts';
import { Modal } from '../../ui/Modal.tsx';
import { errorMessage } from '../../ui/notify.ts';
import { CopyField } from './fields.tsx';
import { day, useTeamSyncStore } from './store.ts';

const ROLE_HELP: Record<Role, string> = {
  owner: 'everything: shares projects, adds and revokes members, restructures the codebook',
  coder: 'codes, writes memos and adds codes, as themselves',
  reviewer: 'reads; their replica is read-only',
};

/**
 * "Team members" (owners): the team server's users with their roles, Add (the new member's
 * token shown this once), and Revoke (after a confirmation; refused from their next request).
 */
export function MembersDialog({ onClose }: { onClose: () => void }) {
  const status = useTeamSyncStore((s) => s.status);
  const [users, setUsers] = useState<UserInfo[] | null>(null);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('coder');
  const [added, setAdded] = useState<{ name: string; role: Role; token: string } | null>(null);
  const [confirm, setConfirm] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setUsers(await call('teamSync.users', {}));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, []);
  useEffect(() => void load(), [load]);

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const add = () =>
    run(async () => {
      const r = await call('teamSync.addUser', { name: name.trim(), role });
      setAdded(r);
      setName('');
      await load();
    });
  const revoke = (who: string) =>
    run(async () => {
      await call('teamSync.revoke', { name: who });
      setConfirm(null);
      await load();
    });

  return (
    <Modal title="Team members" onClose={busy ? () => {} : onClose} wide description={status?.server ? `Users of the team server ${status.server}; each has a role and a token of their own.` : undefined}>
      <div className="tsync-members-scroll">
        <table className="data-table tsync-members" aria-label="Team members">
          <thead>
            <tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Since</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr>
          </thead>
          <tbody>
            {users?.map((u) => (
              <tr key={u.name} className={u.revoked ? 'revoked' : undefined}>
                <th scope="row">
                  {u.name}
                  {u.name === status?.user && <span className="badge">you</span>}
                </th>
                <td>{u.role}{u.revoked && <span className="badge tsync-revoked">revoked</span>}</td>
                <td className="muted">{day(u.createdAt)}</td>
                <td className="tsync-actions">
                  {!u.revoked && u.name !== status?.user && confirm !== u.name && (
                    <button className="danger" disabled={busy} onClick={() => setConfirm(u.name)} aria-label={`Revoke ${u.name}`}>Revoke…</button>
                  )}
                </td>
              </tr>
            ))}
            {users === null && !error && <tr><td colSpan={4} className="muted">Asking the server…</td></tr>}
          </tbody>
        </table>
      </div>
      {confirm && (
        <div className="tsync-confirm" role="group" aria-label={`Revoke ${confirm}`}>
          <p>Revoke {confirm}’s token? The server refuses it from their next request on; what they sent stays in the project. To let them back, add them again (a new token).</p>
          <div className="form-actions">
            <button className="primary" data-autofocus disabled={busy} onClick={() => void revoke(confirm)}>Revoke {confirm}</button>
            <button disabled={busy} onClick={() => setConfirm(null)}>Cancel</button>
          </div>
        </div>
      )}
      {added && (
        <div className="tsync-added" role="status">
          <p><strong>{added.name}</strong> is a {added.role} now. Their token:</p>
          <CopyField label={`Token for ${added.name}`} value={added.token} autofocus />
          <p className="tsync-warning">This token is shown once and cannot be shown again: copy it now and send it to {added.name} privately, with the server address and the team project id.</p>
        </div>
      )}
      <form className="tsync-add" onSubmit={(e) => { e.preventDefault(); if (name.trim()) void add(); }}>
        <h3>Add a member</h3>
        <div className="tsync-add-row">
          <label className="field">
            <span>Name</span>
            <input type="text" value={name} maxLength={80} data-autofocus={added || confirm ? undefined : true} placeholder="their coder name, e.g. Ben Okafor" disabled={busy} onChange={(e) => { setName(e.target.value); setError(null); }} />
          </label>
          <label className="field">
            <span>Role</span>
            <select value={role} disabled={busy} onChange={(e) => setRole(e.target.value as Role)}>
              <option value="coder">coder</option>
              <option value="reviewer">reviewer</option>
              <option value="owner">owner</option>
            </select>
          </label>
          <button type="submit" className="primary" disabled={busy || !name.trim()}>Add</button>
        </div>
        <p className="hint tsync-role-help">A {role} {ROLE_HELP[role]}.</p>
      </form>
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="form-actions">
        <span className="spacer" />
        <button disabled={busy} onClick={onClose}>Close</button>
      </div>
    </Modal>
  );
}
