import { useMemo, useState } from 'react';
import { buildCodeTree, type CodeNode } from '../../../../shared/domain/code-tree.ts';
import type { Code } from '../../../../shared/domain/types.ts';
import { Modal } from '../../ui/Modal.tsx';

export type QuickPickProps = {
  title: string;
  codes: Code[];
  /** Codes to list first when nothing is typed. */
  recentIds: number[];
  /** Number keys: slot i holds the code key i + 1 applies. */
  keySlots: (number | null)[];
  onPick: (codeId: number) => void;
  /** Offered when no code has exactly the typed name: create it and use it. */
  onCreate?: (name: string) => void;
  onClose: () => void;
  returnFocus?: () => void;
};

type Item = { kind: 'code'; node: CodeNode } | { kind: 'create'; name: string };

const flatten = (nodes: CodeNode[]): CodeNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

/** Keyboard code picker: type to filter, arrows to move, Enter to apply. */
export function QuickPick({ title, codes, recentIds, keySlots, onPick, onCreate, onClose, returnFocus }: QuickPickProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const all = useMemo(() => flatten(buildCodeTree(codes)), [codes]);
  const items = useMemo<Item[]>(() => {
    const q = query.trim().toLowerCase();
    let nodes: CodeNode[];
    if (!q) {
      const recent = recentIds.map((id) => all.find((n) => n.code.id === id)).filter((n): n is CodeNode => !!n);
      nodes = [...recent, ...all.filter((n) => !recentIds.includes(n.code.id))];
    } else {
      const score = (n: CodeNode) => {
        const name = n.code.name.toLowerCase();
        if (name === q) return 0;
        if (name.startsWith(q)) return 1;
        if (name.includes(q)) return 2;
        return n.path.join(' ').toLowerCase().includes(q) ? 3 : 9;
      };
      nodes = all.map((n) => ({ n, s: score(n) })).filter((x) => x.s < 9).sort((a, b) => a.s - b.s).map((x) => x.n);
    }
    const out: Item[] = nodes.slice(0, 60).map((node) => ({ kind: 'code', node }));
    if (onCreate && query.trim() && !all.some((n) => n.code.name.toLowerCase() === q)) out.push({ kind: 'create', name: query.trim() });
    return out;
  }, [query, all, recentIds, onCreate]);
  const current = Math.min(active, items.length - 1);

  const choose = (item: Item | undefined) => {
    if (!item) return;
    if (item.kind === 'code') onPick(item.node.code.id);
    else onCreate?.(item.name);
  };

  return (
    <Modal title={title} onClose={onClose} returnFocus={returnFocus}>
      <input
        type="text"
        role="combobox"
        aria-expanded="true"
        aria-controls="quick-pick-list"
        aria-activedescendant={current >= 0 ? `quick-pick-${current}` : undefined}
        aria-label="Code name"
        placeholder="Type to filter codes…"
        value={query}
        data-autofocus
        onChange={(e) => { setQuery(e.target.value); setActive(0); }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') { setActive(Math.min(current + 1, items.length - 1)); e.preventDefault(); }
          else if (e.key === 'ArrowUp') { setActive(Math.max(current - 1, 0)); e.preventDefault(); }
          else if (e.key === 'Enter') { choose(items[current]); e.preventDefault(); }
        }}
      />
      <ul id="quick-pick-list" role="listbox" aria-label="Codes" className="quick-pick-list">
        {items.map((item, i) => (
          <li
            key={item.kind === 'code' ? item.node.code.id : 'create'}
            id={`quick-pick-${i}`}
            role="option"
            aria-selected={i === current}
            className={`quick-pick-item${i === current ? ' active' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => { if (i !== current) setActive(i); }}
            onClick={() => choose(item)}
          >
            {item.kind === 'code' ? (
              <>
                <span className="swatch" style={{ background: item.node.code.color }} aria-hidden="true" />
                <span className="quick-pick-name">{item.node.code.name}</span>
                {item.node.path.length > 1 && <span className="quick-pick-path">{item.node.path.slice(0, -1).join(' › ')}</span>}
                {keySlots.includes(item.node.code.id) && <kbd title={`Key ${keySlots.indexOf(item.node.code.id) + 1} applies it in the document`}>{keySlots.indexOf(item.node.code.id) + 1}</kbd>}
              </>
            ) : (
              <span className="quick-pick-create">Create code “{item.name}” and apply it</span>
            )}
          </li>
        ))}
        {items.length === 0 && <li className="empty-note" role="presentation">No code matches.</li>}
      </ul>
      <p className="hint quick-pick-hint">↑↓ move · Enter apply · Esc cancel</p>
    </Modal>
  );
}
