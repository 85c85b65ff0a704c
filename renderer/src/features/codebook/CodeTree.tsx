import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { buildCodeTree, visibleRows } from '../../../../shared/domain/code-tree.ts';
import type { Code } from '../../../../shared/domain/types.ts';
import { decodePassage, PASSAGE_MIME, type DraggedPassage } from '../../editor/passage-drag.ts';
import { CODE_MIME, CodeRow } from './CodeRow.tsx';
import './codebook.css';

export type CodeTreeProps = {
  codes: Code[];
  selectedId: number | null;
  filter: string;
  label: string;
  onSelect: (id: number) => void;
  /** Enter / double-click on a code (apply it in the coding view). */
  onActivate?: (id: number) => void;
  /** While true (a passage is selected in the document) a single click applies the code too. */
  applyMode?: boolean;
  onRename?: (id: number, name: string) => void;
  /** Drop a dragged code onto another (or the root when targetId is null). */
  onMove?: (id: number, targetId: number | null) => void;
  /** A passage dragged from the document and dropped on a code. */
  onDropPassage?: (codeId: number, passage: DraggedPassage) => void;
  /** Ticked codes for bulk actions: Space or Ctrl+click ticks. */
  checkedIds?: number[];
  onToggleChecked?: (id: number) => void;
  showCounts?: boolean;
  /** Number keys of the coding view: slot i holds the code key i + 1 applies. */
  keySlots?: (number | null)[];
};

/**
 * The codebook as a WAI-ARIA tree: arrows move, Left/Right fold, F2 renames, Enter activates,
 * Space ticks codes for a bulk action when the tree offers one.
 */
export function CodeTree(props: CodeTreeProps) {
  const { codes, selectedId, filter, onSelect } = props;
  const tree = useMemo(() => buildCodeTree(codes), [codes]);
  const [expanded, setExpanded] = useState<Set<number>>(() => new Set(codes.map((c) => c.id)));
  const [editing, setEditing] = useState<number | null>(null);
  const rows = useMemo(() => visibleRows(tree, expanded, filter), [tree, expanded, filter]);
  const listRef = useRef<HTMLUListElement>(null);
  const checked = useMemo(() => new Set(props.checkedIds ?? []), [props.checkedIds]);

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
      case ' ': if (current && props.onToggleChecked) props.onToggleChecked(current.code.id); else return; break;
      case 'F2': if (current && props.onRename) setEditing(current.code.id); break;
      default: return;
    }
    e.preventDefault();
  };

  const acceptsDrop = (types: readonly string[]) =>
    (props.onMove && types.includes(CODE_MIME)) || (props.onDropPassage && types.includes(PASSAGE_MIME));

  return (
    <ul
      ref={listRef}
      role="tree"
      aria-label={props.label}
      aria-multiselectable={props.onToggleChecked ? true : undefined}
      className={`code-tree${props.applyMode ? ' apply-mode' : ''}`}
      tabIndex={0}
      aria-activedescendant={selectedId !== null ? `code-row-${selectedId}` : undefined}
      onKeyDown={onKeyDown}
      onFocus={() => { if (selectedId === null && rows[0]) onSelect(rows[0].code.id); }}
      onDragOver={(e) => { if (props.onMove && e.dataTransfer.types.includes(CODE_MIME)) e.preventDefault(); }}
      onDrop={(e) => {
        const id = Number(e.dataTransfer.getData(CODE_MIME));
        if (id && props.onMove && e.target === e.currentTarget) props.onMove(id, null);
      }}
    >
      {rows.map((row) => (
        <CodeRow
          key={row.code.id}
          node={row}
          selected={row.code.id === selectedId}
          checked={props.onToggleChecked ? checked.has(row.code.id) : undefined}
          expanded={expanded.has(row.code.id)}
          editing={editing === row.code.id}
          showCounts={props.showCounts ?? true}
          shortcut={props.keySlots?.includes(row.code.id) ? props.keySlots.indexOf(row.code.id) + 1 : undefined}
          onToggle={() => toggle(row.code.id)}
          onClick={(e) => {
            if ((e.ctrlKey || e.metaKey) && props.onToggleChecked) { props.onToggleChecked(row.code.id); return; }
            onSelect(row.code.id);
            if (props.applyMode) props.onActivate?.(row.code.id);
          }}
          onActivate={() => { if (!props.applyMode) props.onActivate?.(row.code.id); }}
          onRenameDone={(name) => {
            setEditing(null);
            if (name !== null && name.trim() && name.trim() !== row.code.name) props.onRename?.(row.code.id, name.trim());
            listRef.current?.focus();
          }}
          acceptsDrop={acceptsDrop}
          onDropData={(data) => {
            const dragged = Number(data.getData(CODE_MIME));
            if (dragged && dragged !== row.code.id && props.onMove) return props.onMove(dragged, row.code.id);
            const passage = decodePassage(data.getData(PASSAGE_MIME));
            if (passage && props.onDropPassage) props.onDropPassage(row.code.id, passage);
          }}
        />
      ))}
      {rows.length === 0 && <li className="empty-note" role="none">{filter ? 'No code matches the filter.' : 'No codes yet.'}</li>}
    </ul>
  );
}
