import { useEffect } from 'react';
import { attempt } from '../../ui/notify.ts';
import { useProjectStore } from '../project/store.ts';
import { useSourcesStore } from '../sources/store.ts';
import { useCodebookStore } from './store.ts';

/** Categories derived from the data: when each appeared, its first evidence, and why. */
export function InductiveList() {
  const inductive = useCodebookStore((s) => s.inductive);
  const loadInductive = useCodebookStore((s) => s.loadInductive);
  useEffect(() => {
    void attempt(loadInductive);
  }, [loadInductive]);

  const showEvidence = (sourceId: number, codingId: number) =>
    void attempt(async () => {
      useProjectStore.getState().setView('sources');
      await useSourcesStore.getState().openSource(sourceId);
      useSourcesStore.getState().selectCoding(codingId);
    });

  if (!inductive) return <p className="empty-state">Loading inductive categories…</p>;
  return (
    <div className="inductive-view">
      <p className="view-intro">
        Categories that came from the data rather than the scheme, newest first. Create one from a passage in the
        document with <kbd>Ctrl</kbd>+<kbd>Alt</kbd>+<kbd>I</kbd> or “New category…”.
      </p>
      {inductive.length === 0 ? (
        <p className="empty-state">No inductive categories yet.</p>
      ) : (
        <table className="data-table inductive-table">
          <thead>
            <tr>
              <th>Category</th>
              <th>Created</th>
              <th>First evidence</th>
              <th className="num">Codings</th>
              <th>Why</th>
            </tr>
          </thead>
          <tbody>
            {inductive.map((i) => (
              <tr key={i.code.id}>
                <td className="ind-name"><span className="swatch" style={{ background: i.code.color }} /> {i.code.name}</td>
                <td className="ind-date">{i.createdAt.slice(0, 10)}{i.createdBy ? <div className="muted">{i.createdBy}</div> : null}</td>
                <td className="ind-evidence">
                  {i.firstEvidence ? (
                    <>
                      <q>{i.firstEvidence.quote.length > 180 ? `${i.firstEvidence.quote.slice(0, 180)}…` : i.firstEvidence.quote}</q>
                      <div className="muted">
                        {i.firstEvidence.sourceName}{i.firstEvidence.participantLabel ? ` · ${i.firstEvidence.participantLabel}` : ''} ·{' '}
                        <button className="link" onClick={() => showEvidence(i.firstEvidence!.sourceId, i.firstEvidence!.codingId)}>show in document</button>
                      </div>
                    </>
                  ) : (
                    <span className="muted">Not coded yet</span>
                  )}
                </td>
                <td className="num">{i.codingCount}<div className="muted">{i.sourceCount} src · {i.participantCount} part.</div></td>
                <td className="ind-memo">{i.memo ? i.memo.text.slice(0, 200) : <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
