import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { buildCodeTree, visibleRows, type CodeNode } from '../../../../shared/domain/code-tree.ts';
import type { Code } from '../../../../shared/domain/types.ts';

export type CodeTreeProps = {
  codes: Code[];
  selectedId: number | null;
  filter: string;
  label: string;
  onSelect: (id: number) => void;
  /** Enter / double-click on a code (apply it in the coding view). */
  onActivate?: (id: number) => void;
  onRename?: (id: number, name: string) => void;
  /** Drop a dragged code onto another (or the root when targetId is null). */
  onMove?: (id: number, targetId: number | null) => void;
  showCounts?: boolean;
};

/** The codebook as a WAI-ARIA tree: arrows move, Left/Right fold, F2 renames, Enter activates. */
export function CodeTree(props: CodeTreeProps) {
  const { codes, selectedId, filter, onSelect } = props;
  const tree = useMemo(() => buildCodeTree(codes), [codes]);
  const [expanded, setExpanded] = useState<Set<number>>(() => new Set(codes.map((c) => c.id)));
  const [editing, setEditing] = useState<number | null>(null);
  const rows = useMemo(() => visibleRows(tree, expanded, filter), [tree, expanded, filter]);
  const listRef = useRef<HTMLUListElement>(null);

  // Newly created codes (and their parents) start expanded.
  useEffect(() => {
    setExpanded((prev) => {
      const next = new Set(prev);
      for (const c of codes) if (c.parentId !== null) next.add(c.parentId);
      return next;
    });
  }, [codes]);

  useEffect(() => {
    if (selectedId === null) return;
    listRef.current?.querySelector<HTMLElement>(`[data-code-id="${selectedId}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  const toggle = (id: number, open?: boolean) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (open ?? !next.has(id)) next.add(id);
      else next.delete(id);
      return next;
    });

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    if (editing !== null) return;
    const index = rows.findIndex((r) => r.code.id === selectedId);
    const current = rows[index];
    const go = (i: number) => {
      const row = rows[Math.max(0, Math.min(rows.length - 1, i))];
      if (row) onSelect(row.code.id);
    };
    switch (e.key) {
      case 'ArrowDown': go(index + 1); break;
      case 'ArrowUp': go(index < 0 ? 0 : index - 1); break;
      case 'Home': go(0); break;
      case 'End': go(rows.length - 1); break;
      case 'ArrowRight':
        if (current && current.children.length > 0) {
          if (!expanded.has(current.code.id)) toggle(current.code.id, true);
          else go(index + 1);
        }
        break;
      case 'ArrowLeft':
        if (current && current.children.length > 0 && expanded.has(current.code.id)) toggle(current.code.id, false);
        else if (current?.code.parentId != null) onSelect(current.code.parentId);
        break;
      case 'Enter': if (current) props.onActivate?.(current.code.id); break;
      case 'F2': if (current && props.onRename) setEditing(current.code.id); break;
      default: return;
    }
    e.preventDefault();
  };

  return (
    <ul
      ref={listRef}
      role="tree"
      aria-label={props.label}
      className="code-tree"
      tabIndex={0}
      aria-activedescendant={selectedId !== null ? `code-row-${selectedId}` : undefined}
      onKeyDown={onKeyDown}
      onFocus={() => { if (selectedId === null && rows[0]) onSelect(rows[0].code.id); }}
      onDragOver={(e) => { if (props.onMove) e.preventDefault(); }}
      onDrop={(e) => {
        const id = Number(e.dataTransfer.getData('application/x-marginalia-code'));
        if (id && props.onMove && e.target === e.currentTarget) props.onMove(id, null);
      }}
    >
      {rows.map((row) => (
        <CodeRow
          key={row.code.id}
          node={row}
          selected={row.code.id === selectedId}
          expanded={expanded.has(row.code.id)}
          editing={editing === row.code.id}
          showCounts={props.showCounts ?? true}
          onToggle={() => toggle(row.code.id)}
          onSelect={() => onSelect(row.code.id)}
          onActivate={() => props.onActivate?.(row.code.id)}
          onRenameDone={(name) => {
            setEditing(null);
            if (name !== null && name.trim() && name.trim() !== row.code.name) props.onRename?.(row.code.id, name.trim());
            listRef.current?.focus();
          }}
          onDropCode={props.onMove ? (dragged) => props.onMove!(dragged, row.code.id) : undefined}
        />
      ))}
      {rows.length === 0 && <li className="empty-note" role="none">{filter ? 'No code matches the filter.' : 'No codes yet.'}</li>}
    </ul>
  );
}

type RowProps = {
  node: CodeNode;
  selected: boolean;
  expanded: boolean;
  editing: boolean;
  showCounts: boolean;
  onToggle: () => void;
  onSelect: () => void;
  onActivate: () => void;
  onRenameDone: (name: string | null) => void;
  onDropCode: ((draggedId: number) => void) | undefined;
};

function CodeRow({ node, selected, expanded, editing, showCounts, onToggle, onSelect, onActivate, onRenameDone, onDropCode }: RowProps) {
  const { code } = node;
  const hasChildren = node.children.length > 0;
  return (
    <li
      id={`code-row-${code.id}`}
      role="treeitem"
      aria-level={node.depth + 1}
      aria-selected={selected}
      aria-expanded={hasChildren ? expanded : undefined}
      data-code-id={code.id}
      className={`code-row${selected ? ' selected' : ''}`}
      style={{ paddingLeft: 6 + node.depth * 16 }}
      draggable={!editing}
      onDragStart={(e) => e.dataTransfer.setData('application/x-marginalia-code', String(code.id))}
      onDragOver={(e) => { if (onDropCode) e.preventDefault(); }}
      onDrop={(e) => {
        const dragged = Number(e.dataTransfer.getData('application/x-marginalia-code'));
        if (dragged && dragged !== code.id && onDropCode) { e.stopPropagation(); onDropCode(dragged); }
      }}
      onClick={onSelect}
      onDoubleClick={onActivate}
      title={code.definition || code.name}
    >
      <span
        className={`twisty${hasChildren ? '' : ' leaf'}`}
        aria-hidden="true"
        onClick={(e) => { e.stopPropagation(); if (hasChildren) onToggle(); }}
      >
        {hasChildren ? (expanded ? '▾' : '▸') : ''}
      </span>
      <span className="swatch" style={{ background: code.color }} aria-hidden="true" />
      {editing ? (
        <RenameInput name={code.name} onDone={onRenameDone} />
      ) : (
        <span className="code-name">{code.name}</span>
      )}
      {code.origin === 'inductive' && <span className="badge inductive" title="Inductive: derived from the data">ind</span>}
      {showCounts && <span className="count" title={`${code.codingCount} codings of this code; ${node.totalCount} with its sub-codes`}>{node.totalCount}</span>}
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
