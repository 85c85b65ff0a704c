import { useEffect, useState } from 'react';
import type { SnapshotInfo } from '../../../../shared/domain/safety-types.ts';
import { call } from '../../api/client.ts';
import { Modal } from '../../ui/Modal.tsx';
import { attempt, useNotices } from '../../ui/notify.ts';
import { useProjectStore } from '../project/store.ts';
import { formatSize, formatWhen, REASON_LABEL } from './format.ts';
import { useSafetyStore } from './store.ts';
import './safety.css';

/**
 * The snapshots of the open project (or of one refused as damaged), newest first, each with
 * what it holds and a Restore button; restoring asks once, saying what happens to the
 * current state, then opens the restored project.
 */
export function SnapshotsDialog() {
  const { dialog, list, loading, load, takeSnapshot, closeDialog } = useSafetyStore();
  const readOnly = useProjectStore((s) => s.info?.safety?.readOnly ?? null);
  const [confirm, setConfirm] = useState<SnapshotInfo | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (dialog) void attempt(load);
  }, [dialog, load]);
  if (!dialog) return null;
  const damaged = dialog.damaged;

  const restore = (snapshot: SnapshotInfo) =>
    void attempt(async () => {
      setBusy(true);
      try {
        const r = await call('project.restore', damaged !== undefined ? { snapshot: snapshot.name, damaged: true } : { snapshot: snapshot.name });
        useProjectStore.setState((s) => ({ info: r.info, generation: s.generation + 1, view: 'sources' }));
        const kept = r.keptAs ? ` The damaged file is kept as ${r.keptAs}.` : r.before ? ' The state before is kept as a snapshot.' : '';
        useNotices.getState().push('info', `Restored the snapshot from ${formatWhen(snapshot.takenAt)}.${kept}`);
        closeDialog();
      } finally {
        setBusy(false);
      }
    });

  return (
    <Modal
      title={damaged ? 'This project is damaged' : 'Snapshots'}
      description={damaged ? undefined : 'Whole copies of the project, taken when it is opened and every ten minutes of work.'}
      onClose={closeDialog}
      wide
    >
      {damaged && (
        <div className="safety-damaged" role="alert">
          <p>{damaged}</p>
          <p>Open its latest good snapshot instead: restoring it puts the snapshot in the project’s place and keeps the damaged file beside it under another name. Nothing is overwritten.</p>
        </div>
      )}
      {list && <p className="muted path safety-folder">Kept in {list.folder}</p>}
      {loading && !list && <p className="muted">Reading the snapshots…</p>}
      {list && list.snapshots.length === 0 && <p>No snapshots yet. One is taken each time the project is opened.</p>}
      {list && list.snapshots.length > 0 && (
        <div className="safety-table-wrap">
          <table className="data-table safety-table" aria-label="Snapshots, newest first">
            <thead>
              <tr>
                <th scope="col">Taken</th>
                <th scope="col">Why</th>
                <th scope="col">Size</th>
                <th scope="col">Holds</th>
                <th scope="col">Restore</th>
              </tr>
            </thead>
            <tbody>
              {list.snapshots.map((s) => (
                <tr key={s.name}>
                  <td title={s.name}>{formatWhen(s.takenAt)}</td>
                  <td>{REASON_LABEL[s.reason]}</td>
                  <td>{formatSize(s.size)}</td>
                  <td>
                    {s.counts
                      ? `${s.counts.sources} sources · ${s.counts.codes} codes · ${s.counts.codings} codings · ${s.counts.memos} memos`
                      : <span className="safety-bad">Cannot be read: {s.problem}</span>}
                  </td>
                  <td>
                    <button disabled={!s.counts || busy} onClick={() => setConfirm(s)} aria-label={`Restore the snapshot from ${formatWhen(s.takenAt)}`}>
                      Restore…
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {confirm && (
        <div className="safety-confirm" role="group" aria-label="Confirm the restore">
          <p>
            Restore the snapshot from <strong>{formatWhen(confirm.takenAt)}</strong>?{' '}
            {damaged ? 'The damaged file is kept beside it under another name.' : 'The project as it is now is kept as a snapshot first, so you can go back to it.'}
          </p>
          <div className="form-actions">
            <button className="primary" disabled={busy} onClick={() => restore(confirm)}>Restore</button>
            <button disabled={busy} onClick={() => setConfirm(null)}>Cancel</button>
          </div>
        </div>
      )}
      <div className="form-actions">
        {!damaged && (
          <button disabled={busy || readOnly !== null} onClick={() => void attempt(takeSnapshot)} title={readOnly ?? undefined}>
            Take a snapshot now
          </button>
        )}
        <button onClick={closeDialog}>Close</button>
      </div>
    </Modal>
  );
}
