import { useEffect, useState } from 'react';
import type { TeamProjectInfo } from '../../../../shared/domain/team-sync/protocol.ts';
import { call } from '../../api/client.ts';
import { Modal } from '../../ui/Modal.tsx';
import { errorMessage } from '../../ui/notify.ts';
import { fileFor } from '../project/ProjectDialog.tsx';
import { useProjectStore } from '../project/store.ts';
import { lastServer, rememberServer, ServerFields } from './fields.tsx';
import { day } from './store.ts';

/** A file name from a team project's name: what a file system takes. */
const fileName = (name: string): string => name.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 100) || 'team-project';

/**
 * "Join a team project…": the server and your token, then the server's team projects to pick
 * from (or an id typed), and the local file the replica goes in. Nothing is written until Join,
 * and a refusal (bad token, server unreachable, file exists) is said here, changing nothing.
 */
export function JoinDialog({ onClose }: { onClose: () => void }) {
  const opened = useProjectStore((s) => s.opened);
  const [server, setServer] = useState(lastServer);
  const [token, setToken] = useState('');
  const [projects, setProjects] = useState<TeamProjectInfo[] | null>(null);
  const [teamProject, setTeamProject] = useState('');
  const [name, setName] = useState('');
  const [folder, setFolder] = useState('');
  const [projectsDir, setProjectsDir] = useState('');
  const [busy, setBusy] = useState<'list' | 'join' | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void call('app.paths', {}).then(
      (paths) => {
        setProjectsDir(paths.projectsDir);
        setFolder((f) => f || paths.projectsDir);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, []);

  const edited = () => setError(null);
  const list = async () => {
    setBusy('list');
    setError(null);
    try {
      const found = await call('teamSync.projects', { server: server.trim(), token: token.trim() });
      setProjects(found);
      if (found.length === 1 && !teamProject) pick(found[0]!);
    } catch (e) {
      setProjects(null);
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  const pick = (p: TeamProjectInfo) => {
    setTeamProject(p.id);
    setName(fileName(p.name));
    setError(null);
  };

  const location = folder.trim() || projectsDir;
  const target = name.trim() ? fileFor(location, name.trim()) : '';
  const canJoin = busy === null && server.trim() !== '' && token.trim() !== '' && teamProject.trim() !== '' && target !== '';
  const join = async () => {
    setBusy('join');
    setError(null);
    try {
      const info = await call('teamSync.join', { server: server.trim(), token: token.trim(), teamProject: teamProject.trim(), path: target });
      rememberServer(server.trim());
      opened(info);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
      setBusy(null);
    }
  };

  return (
    <Modal title="Join a team project" onClose={busy ? () => {} : onClose} wide description="Makes a replica of a team project on this computer: a project file of your own that sends your work to the team server and receives the others’.">
      <form className="tsync-join" onSubmit={(e) => { e.preventDefault(); if (canJoin) void join(); }}>
        <ServerFields server={server} token={token} onServer={(v) => { setServer(v); setProjects(null); edited(); }} onToken={(v) => { setToken(v); setProjects(null); edited(); }} disabled={busy !== null} />
        <div className="tsync-list-row">
          <button type="button" disabled={busy !== null || !server.trim() || !token.trim()} onClick={() => void list()}>
            {busy === 'list' ? 'Asking the server…' : 'List the team projects'}
          </button>
          <span className="hint">or type the team project id the owner sent you.</span>
        </div>
        {projects !== null && (
          projects.length === 0 ? (
            <p className="hint">The server has no team projects yet.</p>
          ) : (
            <fieldset className="field tsync-projects">
              <legend>Team projects on the server</legend>
              {projects.map((p) => (
                <label key={p.id} className="tsync-project">
                  <input type="radio" name="team-project" checked={teamProject === p.id} onChange={() => pick(p)} />
                  <span className="tsync-project-name">{p.name}</span>
                  <span className="muted">shared by {p.createdBy}, {day(p.createdAt)} · {p.last.toLocaleString('en')} changes</span>
                </label>
              ))}
            </fieldset>
          )
        )}
        <label className="field">
          <span>Team project id</span>
          <input type="text" value={teamProject} spellCheck={false} disabled={busy !== null} onChange={(e) => { setTeamProject(e.target.value); edited(); }} />
        </label>
        <div className="tsync-file">
          <label className="field">
            <span>File name</span>
            <input type="text" value={name} maxLength={120} disabled={busy !== null} placeholder="e.g. Micro-credentials (team)" onChange={(e) => { setName(e.target.value); edited(); }} />
          </label>
          <label className="field">
            <span>Location</span>
            <input type="text" value={folder} spellCheck={false} disabled={busy !== null} onChange={(e) => { setFolder(e.target.value); edited(); }} />
          </label>
        </div>
        <p className="project-target" aria-live="polite">
          {target ? <>Saved as <code>{target}</code></> : <span className="muted">Name the file to see where it goes.</span>}
        </p>
        {error && <p className="form-error" role="alert">{error}</p>}
        <div className="form-actions">
          {busy === 'join' ? (
            <span className="tsync-progress" role="status">
              <progress aria-label="Joining the team project" />
              Downloading and bringing it up to date…
            </span>
          ) : (
            <span className="spacer" />
          )}
          <button type="submit" className="primary" disabled={!canJoin}>Join</button>
          <button type="button" disabled={busy !== null} onClick={onClose}>Cancel</button>
        </div>
      </form>
    </Modal>
  );
}
