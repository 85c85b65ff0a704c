import type { SourceKind, SourceSummary } from '../../../../shared/domain/types.ts';

const GROUPS: { kind: SourceKind; title: string }[] = [
  { kind: 'interview', title: 'Interviews' },
  { kind: 'questionnaire', title: 'Questionnaires' },
  { kind: 'document', title: 'Documents' },
];

/** The project's sources grouped by kind; arrow keys move, Enter opens. */
export function SourcesPane({ sources, openId, onOpen }: { sources: SourceSummary[]; openId: number | null; onOpen: (id: number) => void }) {
  const order = GROUPS.flatMap((g) => sources.filter((s) => s.kind === g.kind));
  const move = (delta: number) => {
    const i = order.findIndex((s) => s.id === openId);
    const next = order[Math.max(0, Math.min(order.length - 1, i + delta))];
    if (next) onOpen(next.id);
  };
  return (
    <section className="pane sources-pane" aria-label="Sources">
      <header className="pane-header"><h2>Sources</h2><span className="muted">{sources.length}</span></header>
      <div
        className="pane-body"
        role="listbox"
        aria-label="Sources"
        tabIndex={0}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') { move(1); e.preventDefault(); }
          if (e.key === 'ArrowUp') { move(-1); e.preventDefault(); }
        }}
      >
        {GROUPS.map((g) => {
          const items = sources.filter((s) => s.kind === g.kind);
          if (items.length === 0) return null;
          return (
            <div key={g.kind} role="group" aria-label={g.title} className="source-group">
              <div className="group-title">{g.title}</div>
              {items.map((s) => (
                <div
                  key={s.id}
                  role="option"
                  aria-selected={s.id === openId}
                  className={`source-item${s.id === openId ? ' selected' : ''}`}
                  onClick={() => onOpen(s.id)}
                  title={`${s.name} — ${s.unitCount} units, ${s.codingCount} codings`}
                >
                  <span className={`kind-dot ${s.kind}`} aria-hidden="true" />
                  <span className="source-name">{s.name}</span>
                  <span className="count">{s.codingCount}</span>
                </div>
              ))}
            </div>
          );
        })}
        {sources.length === 0 && <p className="empty-note">No sources yet. Import transcripts, questionnaires or documents.</p>}
      </div>
    </section>
  );
}
