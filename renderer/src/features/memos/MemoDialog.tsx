import { useEffect, useState } from 'react';
import type { Memo } from '../../../../shared/domain/types.ts';
import { attempt } from '../../ui/notify.ts';
import { Modal } from '../../ui/Modal.tsx';
import { MemoEditor } from './MemoEditor.tsx';
import { useMemosStore, type MemoTarget } from './store.ts';

export type MemoDialogProps = {
  target: MemoTarget;
  /** What the memo is about, e.g. "coding of “Flexibility”". */
  about: string;
  memoId: number | null;
  initialTitle?: string;
  onSaved: (memo: Memo | null) => void;
  onClose: () => void;
};

/**
 * Writes a memo on a coding, code, source, participant or the project. Opens the given memo,
 * else the target's latest; "New memo" starts another one on the same target.
 */
export function MemoDialog({ target, about, memoId, initialTitle, onSaved, onClose }: MemoDialogProps) {
  const { forTarget, save, remove } = useMemosStore();
  const [existing, setExisting] = useState<Memo[] | null>(null);
  const [current, setCurrent] = useState<{ id: number | null; title: string; body: string; key: number } | null>(null);

  useEffect(() => {
    void attempt(async () => {
      const list = await forTarget(target);
      setExisting(list);
      const open = memoId !== null ? list.find((m) => m.id === memoId) : list[list.length - 1];
      setCurrent(open ? { id: open.id, title: open.title, body: open.body, key: open.id } : { id: null, title: initialTitle ?? '', body: '', key: 0 });
    });
  }, [target.kind, target.id, memoId]);

  const submit = () => {
    if (!current) return;
    void attempt(async () => {
      const memo = await save(target, current.id, current.title.trim(), current.body);
      onSaved(memo);
      onClose();
    });
  };

  return (
    <Modal title={`Memo on ${about}`} onClose={onClose} wide>
      {existing && existing.length > 1 && (
        <div className="memo-switch" role="group" aria-label="Memos on this item">
          {existing.map((m, i) => (
            <button key={m.id} type="button" className={current?.id === m.id ? 'on' : ''} aria-pressed={current?.id === m.id} onClick={() => setCurrent({ id: m.id, title: m.title, body: m.body, key: m.id })}>
              {m.title || `Memo ${i + 1}`}
            </button>
          ))}
        </div>
      )}
      {current ? (
        <form onSubmit={(e) => { e.preventDefault(); submit(); }}>
          <label className="field">
            <span>Title</span>
            <input type="text" value={current.title} maxLength={300} onChange={(e) => setCurrent({ ...current, title: e.target.value })} data-autofocus />
          </label>
          <MemoEditor key={current.key} label="Memo text" initialHtml={current.body} onChange={(body) => setCurrent((c) => (c ? { ...c, body } : c))} onSubmit={submit} />
          <div className="form-actions">
            <button type="submit" className="primary">Save memo</button>
            <button type="button" onClick={onClose}>Cancel</button>
            <span className="spacer" />
            {existing && existing.length > 0 && current.id !== null && (
              <button type="button" onClick={() => setCurrent({ id: null, title: '', body: '', key: -Date.now() })}>New memo</button>
            )}
            {current.id !== null && (
              <button type="button" className="danger" onClick={() => void attempt(async () => { await remove(current.id!); onSaved(null); onClose(); })}>Delete memo</button>
            )}
          </div>
          <p className="hint">Ctrl+Enter saves · Esc closes without saving</p>
        </form>
      ) : (
        <p className="muted">Loading…</p>
      )}
    </Modal>
  );
}
