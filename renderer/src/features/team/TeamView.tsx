import { useEffect, useState } from 'react';
import { attempt } from '../../ui/notify.ts';
import { isReadOnly, useProjectStore } from '../project/store.ts';
import { useTeamSyncStore } from '../team-sync/store.ts';
import { AgreementPanel } from './AgreementPanel.tsx';
import { coderColor } from './format.ts';
import { DistributeDialog } from './DistributeDialog.tsx';
import { MergeDialog } from './MergeDialog.tsx';
import { useTeamStore } from './store.ts';
import './team.css';

/**
 * Teamwork: the coders of the project, copies out to coders and back in, and how far the
 * coders agree, with the passages where they differ to reconcile into a consensus coder.
 */
export function TeamView() {
  const { coders, chosen, loaded, load } = useTeamStore();
  const me = useProjectStore((s) => s.info?.coder.name);
  const project = useProjectStore((s) => `${s.generation}:${s.info?.path ?? ''}`);
  const readOnly = useProjectStore((s) => isReadOnly(s.info));
  const [dialog, setDialog] = useState<'distribute' | 'merge' | null>(null);
  const sync = useTeamSyncStore((s) => s.status);
  const openSync = useTeamSyncStore((s) => s.open);
  useEffect(() => void attempt(() => load(project)), [load, project]);
  useEffect(() => {
    useTeamStore.setState({ shown: true });
    return () => useTeamStore.setState({ shown: false });
  }, []);

  return (
    <div className="team-view">
      <section className="pane team-coders" aria-labelledby="team-coders-title">
        <header className="pane-header">
          <h2 id="team-coders-title">Coders</h2>
        </header>
        <div className="pane-body">
          <ul className="team-coder-list">
            {coders.map((c) => (
              <li key={c.id} className={chosen.includes(c.id) ? 'chosen' : undefined}>
                <span className="swatch" style={{ background: coderColor(c.id) }} aria-hidden="true" />
                <span className="team-coder-name">
                  {c.name}
                  {c.name === me && <span className="badge">you</span>}
                  {c.consensus && <span className="badge">consensus</span>}
                </span>
                <span className="count" title={`${c.codings} codings in ${c.sources} sources, ${c.memos} memos`}>{c.codings.toLocaleString('en')}</span>
              </li>
            ))}
            {loaded && coders.length === 0 && <li className="empty-note">No coders yet.</li>}
          </ul>
          <p className="team-coder-legend hint">Codings per coder. Tick coders above the table to compare them.</p>
          <div className="team-actions">
            <button onClick={() => setDialog('distribute')}>Make a coder’s copy…</button>
            <button onClick={() => setDialog('merge')}>Merge a copy…</button>
          </div>
          <p className="hint team-howto">
            Each coder codes their own copy of the project, blind to the others; their copies come back here by merging, codings kept per coder.
          </p>
          <section className="team-server-box" aria-labelledby="team-server-title">
            <h3 id="team-server-title">Team server</h3>
            {sync?.joined ? (
              <>
                <p className="hint">A team project: {sync.user} ({sync.role}) on {sync.server}. Everyone codes at once; changes travel as they are made.</p>
                <button onClick={() => openSync('status')}>Team project status…</button>
                {sync.role === 'owner' && <button onClick={() => openSync('members')}>Team members…</button>}
              </>
            ) : (
              <>
                <p className="hint">Or code together live: share this project to a team server and everyone codes their replica at once.</p>
                {!readOnly && <button onClick={() => openSync('share')}>Share to team server…</button>}
                <button onClick={() => openSync('join')}>Join a team project…</button>
              </>
            )}
          </section>
        </div>
      </section>
      <AgreementPanel />
      {dialog === 'distribute' && <DistributeDialog onClose={() => setDialog(null)} />}
      {dialog === 'merge' && <MergeDialog onClose={() => setDialog(null)} />}
    </div>
  );
}
