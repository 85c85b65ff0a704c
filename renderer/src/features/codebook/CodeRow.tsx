import { useRef, useState, type MouseEvent } from 'react';
import type { CodeNode } from '../../../../shared/domain/code-tree.ts';

export const CODE_MIME = 'application/x-marginalia-code';

type RowProps = {
  node: CodeNode;
  selected: boolean;
  /** Undefined when the tree has no bulk action (no tick box). */
  checked: boolean | undefined;
  expanded: boolean;
  editing: boolean;
  showCounts: boolean;
  /** The number key that applies this code in the coding view, if it has one. */
  shortcut?: number | undefined;
  onToggle: () => void;
  onClick: (e: MouseEvent) => void;
  onActivate: () => void;
  onRenameDone: (name: string | null) => void;
  acceptsDrop: (types: readonly string[]) => boolean | undefined;
  onDropData: (data: DataTransfer) => void;
};

/** One code in the tree: twisty, colour, name, origin badge and coding count. */
export function CodeRow({ node, selected, checked, expanded, editing, showCounts, shortcut, onToggle, onClick, onActivate, onRenameDone, acceptsDrop, onDropData }: RowProps) {
  const { code } = node;
  const hasChildren = node.children.length > 0;
  const [over, setOver] = useState(false);
  const own = code.codingCount;
  return (
    <li
      id={`code-row-${code.id}`}
      role="treeitem"
      aria-level={node.depth + 1}
      aria-selected={selected}
      aria-checked={checked}
      aria-expanded={hasChildren ? expanded : undefined}
      data-code-id={code.id}
      className={`code-row${selected ? ' selected' : ''}${checked ? ' checked' : ''}${over ? ' drop-target' : ''}`}
      style={{ paddingLeft: 6 + node.depth * 16 }}
      draggable={!editing}
      onDragStart={(e) => e.dataTransfer.setData(CODE_MIME, String(code.id))}
      onDragOver={(e) => {
        if (!acceptsDrop(e.dataTransfer.types)) return;
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        setOver(false);
        if (!acceptsDrop(e.dataTransfer.types)) return;
        e.preventDefault();
        e.stopPropagation();
        onDropData(e.dataTransfer);
      }}
      onClick={onClick}
      onDoubleClick={onActivate}
      title={code.definition || code.name}
    >
      <span className={`twisty${hasChildren ? '' : ' leaf'}`} aria-hidden="true" onClick={(e) => { e.stopPropagation(); if (hasChildren) onToggle(); }}>
        {hasChildren ? (expanded ? '▾' : '▸') : ''}
      </span>
      {checked !== undefined && <span className={`tick${checked ? ' on' : ''}`} aria-hidden="true">{checked ? '✓' : ''}</span>}
      <span className="swatch" style={{ background: code.color }} aria-hidden="true" />
      {editing ? <RenameInput name={code.name} onDone={onRenameDone} /> : <span className="code-name">{code.name}</span>}
      {shortcut !== undefined && <kbd className="code-key" title={`Key ${shortcut} applies “${code.name}” to the selection`}>{shortcut}</kbd>}
      {/* Deductive codes (from the scheme) are the default and carry no mark; the legend under the tree says so. */}
      {code.origin === 'inductive' && <span className="badge origin inductive" title="Inductive: derived from the data">inductive</span>}
      {showCounts && (
        <span className={`count${hasChildren && !expanded ? ' total' : ''}`} title={hasChildren ? `${own} codings of this code; ${node.totalCount} with its sub-codes` : `${own} codings`}>
          {hasChildren && !expanded ? node.totalCount : own}
        </span>
      )}
    </li>
  );
}

/** In-place rename: Enter or leaving the field commits once, Escape cancels. */
function RenameInput({ name, onDone }: { name: string; onDone: (name: string | null) => void }) {
  const finished = useRef(false);
  const finish = (value: string | null) => {
    if (finished.current) return;
    finished.current = true;
    onDone(value);
  };
  return (
    <input
      className="rename-input"
      aria-label={`New name for ${name}`}
      defaultValue={name}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') finish(e.currentTarget.value);
        if (e.key === 'Escape') finish(null);
      }}
      onBlur={(e) => finish(e.currentTarget.value)}
    />
  );
}
