import { useEffect, useRef, useState } from 'react';
import type { CodeHitsPreview, CodeHitsScope } from '../../../../shared/domain/analysis/types.ts';
import { call } from '../../api/client.ts';
import { useModalTrap } from '../../ui/modal-trap.ts';
import { attempt, useNotices } from '../../ui/notify.ts';
import { useCodebookStore } from '../codebook/store.ts';
import { CodeSelect } from './CodeSelect.tsx';
import { refreshAfterCoding } from './refresh.ts';
import { filterInput, type SearchFilters } from './store.ts';

/** "Code all hits": choose a code and how much to code, see what will happen, do it as one undoable step. */
export function CodeHitsDialog({ search, onClose }: { search: SearchFilters; onClose: () => void }) {
  const [codeId, setCodeId] = useState<number | null>(null);
  const [scope, setScope] = useState<CodeHitsScope>('hit');
  const [preview, setPreview] = useState<CodeHitsPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useModalTrap(ref, onClose);
  const codeName = useCodebookStore((s) => s.codes.find((c) => c.id === codeId)?.name ?? '');

  useEffect(() => {
    setPreview(null);
    if (codeId === null) return;
    let live = true;
    void attempt(async () => {
      const p = await call('search.previewCodeHits', { ...filterInput(search), codeId, scope });
      if (live) setPreview(p);
    });
    return () => { live = false; };
  }, [codeId, scope, search]);

  const run = () => {
    if (codeId === null || !preview || preview.toCreate === 0) return;
    setBusy(true);
    void attempt(async () => {
      const r = await call('search.codeHits', { ...filterInput(search), codeId, scope });
      await refreshAfterCoding();
      useNotices.getState().push('info', `Coded ${r.created} passage${r.created === 1 ? '' : 's'} as “${codeName}”${r.alreadyCoded ? ` (${r.alreadyCoded} already were)` : ''}. Ctrl+Z undoes it.`);
      onClose();
    }).finally(() => setBusy(false));
  };

  return (
    <div className="modal-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) onClose(); }}>
      <div ref={ref} className="modal" role="dialog" aria-modal="true" aria-labelledby="code-hits-title" onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); onClose(); } }}>
        <h2 id="code-hits-title">Code all hits of “{search.query}”</h2>
        <label className="field"><span>Code</span><CodeSelect label="Code to apply" value={codeId} onChange={setCodeId} autoFocus /></label>
        <fieldset className="field">
          <legend>What to code</legend>
          <label className="inline-check"><input type="radio" name="scope" checked={scope === 'hit'} onChange={() => setScope('hit')} /> The matched words only</label>
          <label className="inline-check"><input type="radio" name="scope" checked={scope === 'unit'} onChange={() => setScope('unit')} /> The whole turn, answer or paragraph of each hit</label>
        </fieldset>
        <p className="hits-preview" aria-live="polite">
          {codeId === null
            ? 'Choose a code to see what will be coded.'
            : !preview
              ? 'Counting…'
              : `${preview.hits} hit${preview.hits === 1 ? '' : 's'} in ${preview.sources} source${preview.sources === 1 ? '' : 's'}: ${preview.toCreate} new coding${preview.toCreate === 1 ? '' : 's'}${preview.alreadyCoded ? `, ${preview.alreadyCoded} already coded with it` : ''}.`}
        </p>
        {preview && preview.sample.length > 0 && (
          <ul className="hits-sample">
            {preview.sample.map((h) => <li key={`${h.sourceId}:${h.start}`}><span className="muted">{h.participantLabel ?? h.speaker ?? h.sourceName}</span> {h.before}<b>{h.match}</b>{h.after}</li>)}
          </ul>
        )}
        <div className="form-actions">
          <button className="primary" disabled={busy || !preview || preview.toCreate === 0} onClick={run}>
            {preview ? `Code ${preview.toCreate} passage${preview.toCreate === 1 ? '' : 's'}` : 'Code'}
          </button>
          <button onClick={onClose}>Cancel</button>
        </div>
      </div>
    </div>
  );
}
