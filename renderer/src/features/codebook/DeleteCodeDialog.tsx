import { useEffect, useState } from 'react';
import type { DeleteImpact } from '../../../../shared/api/methods/workbench.ts';
import type { Code } from '../../../../shared/domain/types.ts';
import { attempt } from '../../ui/notify.ts';
import { Modal } from '../../ui/Modal.tsx';
import { useCodebookStore } from './store.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Confirms deleting a code and says exactly what goes with it (sub-codes, codings, memos). */
export function DeleteCodeDialog({ code, onDone, onClose }: { code: Code; onDone: (impact: DeleteImpact) => void; onClose: () => void }) {
  const deleteImpact = useCodebookStore((s) => s.deleteImpact);
  const remove = useCodebookStore((s) => s.remove);
  const [impact, setImpact] = useState<DeleteImpact | null>(null);
  useEffect(() => {
    void attempt(async () => setImpact(await deleteImpact(code.id)));
  }, [code.id, deleteImpact]);
  const sub = impact ? impact.codes - 1 : 0;
  return (
    <Modal title={`Delete “${code.name}”?`} onClose={onClose}>
      {impact ? (
        <p className="delete-impact">
          {sub > 0 ? `This deletes the code and its ${plural(sub, 'sub-code')}. ` : 'This deletes the code. '}
          <strong>{plural(impact.codings, 'coding')}</strong> {impact.codings === 1 ? 'goes' : 'go'} with it
          {impact.memos > 0 ? <>, and <strong>{plural(impact.memos, 'memo')}</strong></> : null}. You can undo this with Ctrl+Z.
        </p>
      ) : (
        <p className="muted">Counting what goes with it…</p>
      )}
      <div className="form-actions">
        <button
          className="danger-solid"
          disabled={!impact}
          onClick={() => void attempt(async () => { await remove(code.id); onDone(impact!); onClose(); })}
        >
          Delete code{impact && impact.codings > 0 ? ` and ${plural(impact.codings, 'coding')}` : ''}
        </button>
        <button onClick={onClose} data-autofocus>Cancel</button>
      </div>
    </Modal>
  );
}
