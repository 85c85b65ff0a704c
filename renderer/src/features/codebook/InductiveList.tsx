import { useEffect } from 'react';
import { attempt } from '../../ui/notify.ts';
import { useProjectStore } from '../project/store.ts';
import { useSourcesStore } from '../sources/store.ts';
import { useCodebookStore } from './store.ts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

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
          <colgroup>
            <col className="c-name" />
            <col className="c-evidence" />
            <col className="c-count" />
            <col className="c-memo" />
          </colgroup>
          <thead>
            <tr>
              <th>Category</th>
              <th>First evidence</th>
              <th className="num">Codings</th>
              <th>Why this category</th>
            </tr>
          </thead>
          <tbody>
            {inductive.map((i) => (
              <tr key={i.code.id}>
                <td className="ind-name">
                  <span className="swatch" style={{ background: i.code.color }} /> <strong>{i.code.name}</strong>
                  <div className="muted">created {i.createdAt.slice(0, 10)}{i.createdBy ? ` by ${i.createdBy}` : ''}</div>
                </td>
                <td className="ind-evidence">
                  {i.firstEvidence ? (
                    <>
                      <q>{clip(i.firstEvidence.quote, 180)}</q>
                      <div className="muted">
                        {i.firstEvidence.sourceName}{i.firstEvidence.participantLabel ? ` · ${i.firstEvidence.participantLabel}` : ''} ·{' '}
                        <button className="link" onClick={() => showEvidence(i.firstEvidence!.sourceId, i.firstEvidence!.codingId)}>show in document</button>
                      </div>
                    </>
                  ) : (
                    <span className="muted">Not coded yet</span>
                  )}
                </td>
                <td className="num ind-count">
                  {i.codingCount}
                  <div className="muted">{plural(i.sourceCount, 'source')}</div>
                  <div className="muted">{plural(i.participantCount, 'participant')}</div>
                </td>
                <td className="ind-memo">{i.memo ? clip(i.memo.text, 240) : <span className="muted">No memo yet</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
