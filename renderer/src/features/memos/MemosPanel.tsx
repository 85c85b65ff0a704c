import { useEffect } from 'react';
import type { MemoTargetKind } from '../../../../shared/domain/types.ts';
import { attempt } from '../../ui/notify.ts';
import { useParticipantsStore } from '../participants/store.ts';
import { useProjectStore } from '../project/store.ts';
import { useMemoTargetName } from './MemoDialogHost.tsx';
import { useMemosStore } from './store.ts';

const KINDS: { kind: MemoTargetKind | 'all'; label: string }[] = [
  { kind: 'all', label: 'All memos' },
  { kind: 'project', label: 'Project' },
  { kind: 'source', label: 'Sources' },
  { kind: 'code', label: 'Codes' },
  { kind: 'coding', label: 'Coded passages' },
  { kind: 'participant', label: 'Participants' },
];

/** Every memo of the project, searchable; a memo opens in the memo editor. */
export function MemosPanel() {
  const { memos, search, kind, load, setSearch, setKind, open } = useMemosStore();
  const nameOf = useMemoTargetName();
  const participants = useParticipantsStore((s) => s.participants);
  // Reload when another project opens, too.
  const generation = useProjectStore((s) => s.generation);
  useEffect(() => {
    void attempt(load);
  }, [load, generation]);
  return (
    <div className="memos-panel">
      <div className="pane-tools memos-tools">
        <input type="search" aria-label="Search memos" placeholder="Search memos…" value={search} onChange={(e) => void attempt(() => setSearch(e.target.value))} />
        <div className="memos-tools-row">
          <select aria-label="Show memos on" value={kind} onChange={(e) => void attempt(() => setKind(e.target.value as MemoTargetKind | 'all'))}>
            {KINDS.map((k) => <option key={k.kind} value={k.kind}>{k.label}</option>)}
          </select>
          <button onClick={() => open({ kind: 'project', id: null })} title="A memo on the whole project">New project memo</button>
        </div>
        {participants.length > 0 && (
          <select
            aria-label="New memo on a participant"
            className="memo-participant"
            value=""
            onChange={(e) => { if (e.target.value) open({ kind: 'participant', id: Number(e.target.value) }); }}
          >
            <option value="">New memo on a participant…</option>
            {participants.map((p) => <option key={p.id} value={p.id}>{p.label}{p.name ? ` — ${p.name}` : ''}</option>)}
          </select>
        )}
      </div>
      <ul className="memo-list" aria-label="Memos">
        {memos.map((m) => (
          <li key={m.id}>
            <button className="memo-item" onClick={() => open({ kind: m.targetKind, id: m.targetId }, m.id)}>
              <span className="memo-item-title">{m.title || m.text.slice(0, 60) || 'Untitled memo'}</span>
              <span className="memo-item-target">{nameOf({ kind: m.targetKind, id: m.targetId })} · {m.updatedAt.slice(0, 10)}</span>
              {m.text && <span className="memo-item-text">{m.text.length > 140 ? `${m.text.slice(0, 140)}…` : m.text}</span>}
            </button>
          </li>
        ))}
        {memos.length === 0 && <li className="empty-note">{search ? 'No memo matches the search.' : 'No memos yet.'}</li>}
      </ul>
    </div>
  );
}
