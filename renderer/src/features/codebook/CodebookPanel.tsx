import { useState } from 'react';
import { attempt, useNotices } from '../../ui/notify.ts';
import { CodeTree } from './CodeTree.tsx';
import { NewCodeForm } from './NewCodeForm.tsx';
import { useCodebookStore } from './store.ts';

/**
 * The codebook beside the document: filter, create, rename (F2), drag to move, and
 * Enter / double-click to apply the code to the current text selection.
 */
export function CodebookPanel({ onApply }: { onApply?: (codeId: number) => void }) {
  const { codes, selectedId, filter, select, setFilter, create, rename, move } = useCodebookStore();
  const [adding, setAdding] = useState(false);
  const selected = codes.find((c) => c.id === selectedId) ?? null;
  return (
    <section className="pane codebook-pane" aria-label="Codebook">
      <header className="pane-header">
        <h2>Codebook</h2>
        <button className="icon-button" title="New code (Ctrl+Shift+N)" aria-label="New code" onClick={() => setAdding(true)}>+</button>
      </header>
      <div className="pane-tools">
        <input type="search" aria-label="Filter codes" placeholder="Filter codes…" value={filter} onChange={(e) => setFilter(e.target.value)} />
      </div>
      {adding && (
        <NewCodeForm
          parent={selected}
          onCancel={() => setAdding(false)}
          onCreate={(name, under) =>
            void attempt(async () => {
              await create(name, under ? selected!.id : null);
              setAdding(false);
              useNotices.getState().push('info', `Code “${name}” created`);
            })
          }
        />
      )}
      <div className="pane-body">
        <CodeTree
          label="Codes"
          codes={codes}
          selectedId={selectedId}
          filter={filter}
          onSelect={select}
          onActivate={onApply}
          onRename={(id, name) => void attempt(() => rename(id, name))}
          onMove={(id, target) => void attempt(() => move(id, target))}
        />
      </div>
      <footer className="pane-footer hint">Select text, then Enter or double-click a code · F2 renames · drag to move</footer>
    </section>
  );
}
