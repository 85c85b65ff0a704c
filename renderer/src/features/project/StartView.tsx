import { useEffect } from 'react';
import { attempt } from '../../ui/notify.ts';
import { RecentList } from './RecentList.tsx';
import { useProjectStore } from './store.ts';
import './project.css';

/** What the window shows with no project open: start one, open one, or pick up a recent one. */
export function StartView({ onNew, onOpen, onJoin }: { onNew: () => void; onOpen: () => void; onJoin: () => void }) {
  const recent = useProjectStore((s) => s.recent);
  const loadRecent = useProjectStore((s) => s.loadRecent);
  const open = useProjectStore((s) => s.open);
  const openDemo = useProjectStore((s) => s.openDemo);
  useEffect(() => void attempt(loadRecent), [loadRecent]);
  return (
    <section className="start-view" aria-labelledby="start-title">
      <h2 id="start-title">Open or create a project to begin</h2>
      <p className="start-lead">A project is one file holding your sources, codebook, codings and memos; every change is saved as you make it.</p>
      <div className="start-actions">
        <button className="primary" onClick={onNew}>New project…</button>
        <button onClick={onOpen}>Open…</button>
        <button onClick={() => void attempt(openDemo)}>Open the demo project</button>
        <button onClick={onJoin} title="Work on a project shared on a team server, with the others coding at the same time">Join a team project…</button>
      </div>
      <h3>Recent projects</h3>
      <RecentList recent={recent} onOpen={(path) => void attempt(() => open(path))} />
    </section>
  );
}
