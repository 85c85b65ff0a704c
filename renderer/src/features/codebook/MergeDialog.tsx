import { useMemo, useState } from 'react';
import { buildCodeTree, type CodeNode } from '../../../../shared/domain/code-tree.ts';
import type { MergeResult } from '../../../../shared/api/methods/workbench.ts';
import type { Code } from '../../../../shared/domain/types.ts';
import { attempt } from '../../ui/notify.ts';
import { Modal } from '../../ui/Modal.tsx';
import { useCodebookStore } from './store.ts';

const flatten = (nodes: CodeNode[]): CodeNode[] => nodes.flatMap((n) => [n, ...flatten(n.children)]);

/** "Merge into…": the ticked codes fold into one target, their codings and sub-codes with them. */
export function MergeDialog({ codes, picked, onDone, onClose }: { codes: Code[]; picked: number[]; onDone: (r: MergeResult) => void; onClose: () => void }) {
  const merge = useCodebookStore((s) => s.merge);
  const all = useMemo(() => flatten(buildCodeTree(codes)), [codes]);
  const [targetId, setTargetId] = useState<number>(picked[0] ?? all[0]?.code.id ?? 0);
  const sources = picked.filter((id) => id !== targetId);
  const byId = new Map(codes.map((c) => [c.id, c]));
  const moving = sources.reduce((n, id) => n + (byId.get(id)?.codingCount ?? 0), 0);
  // A code cannot merge into its own descendant.
  const below = (id: number, ancestor: number): boolean => {
    for (let c = byId.get(id); c && c.parentId !== null; c = byId.get(c.parentId)) if (c.parentId === ancestor) return true;
    return false;
  };
  const invalid = sources.some((id) => below(targetId, id));
  return (
    <Modal title={`Merge ${picked.length === 1 ? '1 code' : `${picked.length} codes`} into…`} onClose={onClose}>
      <ul className="merge-list">
        {picked.map((id) => <li key={id}><span className="swatch" style={{ background: byId.get(id)?.color }} /> {byId.get(id)?.name} <span className="muted">· {byId.get(id)?.codingCount ?? 0} codings</span></li>)}
      </ul>
      <label className="field">
        <span>Target code</span>
        <select value={targetId} onChange={(e) => setTargetId(Number(e.target.value))} data-autofocus>
          {all.map((n) => (
            <option key={n.code.id} value={n.code.id}>{'\u2003'.repeat(n.depth)}{n.code.name}{picked.includes(n.code.id) ? ' (ticked)' : ''}</option>
          ))}
        </select>
      </label>
      <p className="muted">
        {sources.length === 0 ? 'Choose a target other than the only ticked code.' : invalid ? 'A code cannot merge into one of its own sub-codes.' : `${moving} codings move to “${byId.get(targetId)?.name}”; ${sources.length === 1 ? 'the merged code is' : 'the merged codes are'} removed. Undo with Ctrl+Z.`}
      </p>
      <div className="form-actions">
        <button className="primary" disabled={sources.length === 0 || invalid} onClick={() => void attempt(async () => { onDone(await merge(sources, targetId)); onClose(); })}>
          Merge
        </button>
        <button onClick={onClose}>Cancel</button>
      </div>
    </Modal>
  );
}
