import { OriginLegend } from './OriginLegend.tsx';
import { useState } from 'react';
import { attempt, useNotices } from '../../ui/notify.ts';
import { CrosswalkView } from '../frameworks/CrosswalkView.tsx';
import { useMemosStore } from '../memos/store.ts';
import { afterChange } from '../undo/reload.ts';
import { CodeDetails } from './CodeDetails.tsx';
import { CodedExcerpts } from './CodedExcerpts.tsx';
import { CodeTree } from './CodeTree.tsx';
import { DeleteCodeDialog } from './DeleteCodeDialog.tsx';
import { InductiveList } from './InductiveList.tsx';
import { MergeDialog } from './MergeDialog.tsx';
import { NewCodeForm } from './NewCodeForm.tsx';
import { KeyPicker } from './KeyPicker.tsx';
import { useSourcesStore } from '../sources/store.ts';
import { useCodebookStore } from './store.ts';
import { onTablistKey } from './tablist-keys.ts';

type Tab = 'codes' | 'inductive' | 'crosswalk';
const TABS: { tab: Tab; label: string }[] = [
  { tab: 'codes', label: 'Codes' },
  { tab: 'inductive', label: 'Inductive categories' },
  { tab: 'crosswalk', label: 'Crosswalk' },
];

/** The codebook as a document of its own: codes and their entries, inductive categories, the crosswalk. */
export function CodebookView() {
  const [tab, setTab] = useState<Tab>('codes');
  return (
    <div className="codebook-view">
      <div className="view-tabs" role="tablist" aria-label="Codebook sections" onKeyDown={(e) => onTablistKey(e, TABS.map((t) => t.tab), tab, setTab)}>
        {TABS.map((t) => (
          <button key={t.tab} role="tab" id={`cb-tab-${t.tab}`} aria-selected={tab === t.tab} tabIndex={tab === t.tab ? 0 : -1} aria-controls="cb-panel" className={`view-tab${tab === t.tab ? ' active' : ''}`} onClick={() => setTab(t.tab)}>
            {t.label}
          </button>
        ))}
      </div>
      <div className="view-panel" role="tabpanel" id="cb-panel" aria-labelledby={`cb-tab-${tab}`}>
        {tab === 'codes' ? <CodesTab /> : tab === 'inductive' ? <InductiveList /> : <CrosswalkView />}
      </div>
    </div>
  );
}

function CodesTab() {
  const s = useCodebookStore();
  const keySlots = useSourcesStore((k) => k.keySlots);
  const setKey = useSourcesStore((k) => k.setKey);
  const [adding, setAdding] = useState(false);
  const [dialog, setDialog] = useState<'merge' | 'delete' | null>(null);
  const selected = s.codes.find((c) => c.id === s.selectedId) ?? null;
  // Merge works on the ticked codes; with none ticked, on the selected one.
  const picked = s.checkedIds.length > 0 ? s.checkedIds : selected ? [selected.id] : [];
  const focusTree = () => document.querySelector<HTMLElement>('[role="tree"][aria-label="Codebook tree"]')?.focus();
  const changed = () => void attempt(afterChange);
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
        <div className="tree-actions" role="toolbar" aria-label="Code actions">
          <span className="muted">{s.checkedIds.length > 0 ? `${s.checkedIds.length} ticked` : 'Space or Ctrl+click ticks codes'}</span>
          <span className="spacer" />
          {s.checkedIds.length > 0 && <button onClick={s.clearChecked}>Clear</button>}
          <button disabled={picked.length === 0} onClick={() => setDialog('merge')}>Merge into…</button>
        </div>
        {adding && (
          <NewCodeForm
            parent={selected}
            onCancel={() => setAdding(false)}
            onCreate={(name, under) => void attempt(async () => { await s.create(name, under ? selected!.id : null); setAdding(false); changed(); focusTree(); })}
          />
        )}
        <div className="pane-body">
          <CodeTree
            label="Codebook tree"
            codes={s.codes}
            selectedId={s.selectedId}
            filter={s.filter}
            checkedIds={s.checkedIds}
            onToggleChecked={s.toggleChecked}
            onSelect={s.select}
            onRename={(id, name) => void attempt(async () => { await s.rename(id, name); changed(); })}
            onMove={(id, target) => void attempt(async () => { await s.move(id, target); changed(); })}
          />
        </div>
        <OriginLegend />
      </section>
      <section className="pane details-pane" aria-label="Code details">
        {selected ? (
          <div className="details-scroll">
            <CodeDetails
              code={selected}
              frameworks={s.frameworks}
              onRename={(name) => void attempt(async () => { await s.rename(selected.id, name); changed(); })}
              onRecolor={(color) => void attempt(async () => { await s.recolor(selected.id, color); changed(); })}
              onDescribe={(fields) => void attempt(async () => { await s.describe(selected.id, fields); changed(); useNotices.getState().push('info', 'Description saved'); })}
              onDelete={() => setDialog('delete')}
              onMemo={() => useMemosStore.getState().open({ kind: 'code', id: selected.id })}
              keyControl={<KeyPicker code={selected} codes={s.codes} slots={keySlots} onChange={(key) => void attempt(() => (key === null ? setKey(keySlots.indexOf(selected.id) + 1, null) : setKey(key, selected.id)))} />}
            />
            <CodedExcerpts code={selected} onChanged={changed} />
          </div>
        ) : (
          <p className="empty-state">Select a code to read and edit its definition.</p>
        )}
      </section>
      {dialog === 'merge' && (
        <MergeDialog
          codes={s.codes}
          picked={picked}
          onClose={() => { setDialog(null); focusTree(); }}
          onDone={(r) => {
            changed();
            useNotices.getState().push('info', `Merged ${r.mergedCodes} code${r.mergedCodes === 1 ? '' : 's'} into “${r.target.name}”: ${r.moved} codings moved${r.collapsed ? `, ${r.collapsed} duplicates folded` : ''}`);
          }}
        />
      )}
      {dialog === 'delete' && selected && (
        <DeleteCodeDialog
          code={selected}
          onClose={() => { setDialog(null); focusTree(); }}
          onDone={(impact) => { changed(); useNotices.getState().push('info', `Deleted ${impact.codes} code(s) and ${impact.codings} coding(s)`); }}
        />
      )}
    </div>
  );
}
