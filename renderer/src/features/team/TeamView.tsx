import { useEffect, useState } from 'react';
import { attempt } from '../../ui/notify.ts';
import { useProjectStore } from '../project/store.ts';
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
  const [dialog, setDialog] = useState<'distribute' | 'merge' | null>(null);
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
        </div>
      </section>
      <AgreementPanel />
      {dialog === 'distribute' && <DistributeDialog onClose={() => setDialog(null)} />}
      {dialog === 'merge' && <MergeDialog onClose={() => setDialog(null)} />}
    </div>
  );
}
