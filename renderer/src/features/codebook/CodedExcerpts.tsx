import { useEffect, useState } from 'react';
import type { CodingInContext } from '../../../../shared/api/methods/workbench.ts';
import type { Code } from '../../../../shared/domain/types.ts';
import { call } from '../../api/client.ts';
import { attempt, useNotices } from '../../ui/notify.ts';
import { useCodebookStore } from './store.ts';

/**
 * The passages coded with one code. Tick some and split them into a new child code: the way
 * a broad category is refined once the data shows two different things inside it.
 */
export function CodedExcerpts({ code, onChanged }: { code: Code; onChanged: () => void }) {
  const split = useCodebookStore((s) => s.split);
  const [list, setList] = useState<CodingInContext[] | null>(null);
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [name, setName] = useState('');
  useEffect(() => {
    setPicked(new Set());
    setName('');
    void attempt(async () => setList(await call('codings.listForCode', { codeId: code.id })));
  }, [code.id, code.codingCount]);
  const toggle = (id: number) => setPicked((p) => { const n = new Set(p); if (n.has(id)) n.delete(id); else n.add(id); return n; });
  if (!list) return <p className="muted">Loading passages…</p>;
  return (
    <section className="coded-excerpts" aria-label={`Passages coded ${code.name}`}>
      <h3>Coded passages ({list.length})</h3>
      {list.length === 0 && <p className="empty-note">No passage is coded with this code yet.</p>}
      <ul className="excerpt-list">
        {list.map((c) => (
          <li key={c.id} className={picked.has(c.id) ? 'picked' : ''}>
            <label>
              <input type="checkbox" checked={picked.has(c.id)} onChange={() => toggle(c.id)} aria-label={`Choose passage from ${c.sourceName}`} />
              <span className="excerpt-body">
                <span className="excerpt-quote">“{c.quote.length > 260 ? `${c.quote.slice(0, 260)}…` : c.quote}”</span>
                <span className="excerpt-meta">{c.sourceName}{c.participantLabel ? ` · ${c.participantLabel}` : ''} · {c.coderName}{c.memoCount > 0 ? ' · ✎ memo' : ''}</span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      {list.length > 0 && (
        <form
          className="split-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!name.trim() || picked.size === 0) return;
            void attempt(async () => {
              const r = await split(code.id, [...picked], name.trim());
              useNotices.getState().push('info', `${r.moved} passage${r.moved === 1 ? '' : 's'} moved to the new code “${r.code.name}”`);
              onChanged();
            });
          }}
        >
          <span className="muted">{picked.size} chosen</span>
          <input type="text" aria-label="Name of the new child code" placeholder="New child code name" value={name} onChange={(e) => setName(e.target.value)} />
          <button type="submit" disabled={!name.trim() || picked.size === 0}>Split into new child code</button>
        </form>
      )}
    </section>
  );
}
