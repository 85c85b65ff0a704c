import { OriginKey } from './OriginLegend.tsx';
import { useState } from 'react';
import type { DraggedPassage } from '../../editor/passage-drag.ts';
import { attempt } from '../../ui/notify.ts';
import { CodeTree } from './CodeTree.tsx';
import { NewCodeForm } from './NewCodeForm.tsx';
import { useCodebookStore } from './store.ts';

export type CodebookPanelProps = {
  onApply?: (codeId: number) => void;
  /** A passage is selected in the document: clicking a code applies it. */
  applyMode?: boolean;
  onDropPassage?: (codeId: number, passage: DraggedPassage) => void;
  keySlots?: (number | null)[];
};

/**
 * The codebook beside the document: filter, create, rename (F2), drag to move; with a passage
 * selected, click a code (or Enter, or drop the passage on it) to code the passage.
 */
export function CodebookPanel({ onApply, applyMode, onDropPassage, keySlots }: CodebookPanelProps) {
  const { codes, selectedId, filter, select, setFilter, create, rename, move } = useCodebookStore();
  const [adding, setAdding] = useState(false);
  const selected = codes.find((c) => c.id === selectedId) ?? null;
  return (
    <section className="pane codebook-pane" aria-label="Codebook">
      <header className="pane-header">
        <h2>Codebook</h2>
        <span className="muted">{codes.length}</span>
        {/* Without a way to apply codes the project is read-only here: nothing to add either. */}
        {onApply && <button className="icon-button" title="New code" aria-label="New code" onClick={() => setAdding(true)}>+</button>}
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
          applyMode={applyMode ?? false}
          {...(keySlots ? { keySlots } : {})}
          onSelect={select}
          {...(onApply ? { onActivate: onApply } : {})}
          {...(onDropPassage ? { onDropPassage } : {})}
          onRename={(id, name) => void attempt(() => rename(id, name))}
          onMove={(id, target) => void attempt(() => move(id, target))}
        />
      </div>
      <footer className={`pane-footer hint${applyMode ? ' apply-hint' : ''}`}>
        {applyMode ? 'Click a code to apply it to the selected passage' : onApply ? <>Select text, then click a code · drag a passage onto a code · <OriginKey /></> : <OriginKey />}
      </footer>
    </section>
  );
}
