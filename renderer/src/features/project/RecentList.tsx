import type { RecentProject } from '../../../../shared/domain/types.ts';

/** Recent projects, newest first: the name opens it, the full path says which file it is. */
export function RecentList({ recent, onOpen, label = 'Recent projects' }: { recent: RecentProject[]; onOpen: (path: string) => void; label?: string }) {
  if (recent.length === 0) return <p className="muted recent-empty">No recent projects yet.</p>;
  return (
    <ul className="recent-list" aria-label={label}>
      {recent.map((r) => (
        <li key={r.path}>
          <button className="link" disabled={!r.exists} onClick={() => onOpen(r.path)} title={r.exists ? `Open ${r.path}` : 'The file is no longer there'}>{r.name}</button>
          <span className="muted path" title={r.path}>{r.path}{r.exists ? '' : ' (missing)'}</span>
        </li>
      ))}
    </ul>
  );
}
