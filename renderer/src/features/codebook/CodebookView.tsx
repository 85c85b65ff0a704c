import { useState } from 'react';
import { attempt, useNotices } from '../../ui/notify.ts';
import { CodeDetails } from './CodeDetails.tsx';
import { CodeTree } from './CodeTree.tsx';
import { NewCodeForm } from './NewCodeForm.tsx';
import { useCodebookStore } from './store.ts';

/** The codebook as a document of its own: tree on the left, the selected code's entry on the right. */
export function CodebookView() {
  const s = useCodebookStore();
  const [adding, setAdding] = useState(false);
  const selected = s.codes.find((c) => c.id === s.selectedId) ?? null;
  const confirmDelete = () => {
    if (!selected) return;
    const below = s.codes.filter((c) => c.parentId === selected.id).length;
    const msg = `Delete “${selected.name}”${below ? ` and its ${below} sub-code(s)` : ''}? Its ${selected.codingCount} coding(s) go with it.`;
    if (!window.confirm(msg)) return;
    void attempt(async () => {
      const r = await s.remove(selected.id);
      useNotices.getState().push('info', `Deleted ${r.deletedCodes} code(s) and ${r.deletedCodings} coding(s)`);
    });
  };
  return (
    <div className="split-view">
      <section className="pane" aria-label="Code tree">
        <header className="pane-header">
          <h2>Codebook</h2>
          <button onClick={() => setAdding(true)}>New code</button>
        </header>
        <div className="pane-tools">
          <input type="search" aria-label="Filter codes" placeholder="Filter codes…" value={s.filter} onChange={(e) => s.setFilter(e.target.value)} />
        </div>
        {adding && (
          <NewCodeForm
            parent={selected}
            onCancel={() => setAdding(false)}
            onCreate={(name, under) => void attempt(async () => { await s.create(name, under ? selected!.id : null); setAdding(false); })}
          />
        )}
        <div className="pane-body">
          <CodeTree
            label="Codebook tree"
            codes={s.codes}
            selectedId={s.selectedId}
            filter={s.filter}
            onSelect={s.select}
            onRename={(id, name) => void attempt(() => s.rename(id, name))}
            onMove={(id, target) => void attempt(() => s.move(id, target))}
          />
        </div>
      </section>
      <section className="pane details-pane" aria-label="Code details">
        {selected ? (
          <CodeDetails
            code={selected}
            frameworks={s.frameworks}
            onRename={(name) => void attempt(() => s.rename(selected.id, name))}
            onRecolor={(color) => void attempt(() => s.recolor(selected.id, color))}
            onDescribe={(fields) => void attempt(async () => { await s.describe(selected.id, fields); useNotices.getState().push('info', 'Description saved'); })}
            onDelete={confirmDelete}
          />
        ) : (
          <p className="empty-state">Select a code to read and edit its definition.</p>
        )}
      </section>
    </div>
  );
}
