import { useState } from 'react';
import { kwicTable } from '../../../../shared/domain/analysis/tables.ts';
import type { KwicHit } from '../../../../shared/domain/analysis/types.ts';
import type { SourceKind } from '../../../../shared/domain/types.ts';
import { attempt } from '../../ui/notify.ts';
import { TableExportButtons } from '../../ui/ExportButtons.tsx';
import { useParticipantsStore } from '../participants/store.ts';
import { useProjectStore } from '../project/store.ts';
import { useSourcesStore } from '../sources/store.ts';
import { CodeHitsDialog } from './CodeHitsDialog.tsx';
import { KwicTable } from './KwicTable.tsx';
import { useSearchStore } from './store.ts';
import { StructurePanel } from './StructurePanel.tsx';
import './search.css';

/** Opens the hit's source in the workbench with the matched words selected, ready to code. */
async function openHit(hit: KwicHit): Promise<void> {
  await useSourcesStore.getState().openSource(hit.sourceId);
  useSourcesStore.getState().setSelection({ start: hit.start, end: hit.end });
  useProjectStore.getState().setView('sources');
}

/** Full-text search across every source, with keyword-in-context results and coding of hits. */
export function SearchView() {
  const s = useSearchStore();
  const participants = useParticipantsStore((p) => p.participants);
  const [coding, setCoding] = useState(false);
  const n = s.hits.length;

  return (
    <div className="search-view">
      <section className="pane search-main" aria-label="Search">
        <form className="search-bar" role="search" onSubmit={(e) => { e.preventDefault(); void attempt(s.run); }}>
          <input
            type="search"
            aria-label="Search all sources"
            aria-describedby="search-help"
            aria-invalid={s.problem !== null}
            placeholder='Search all sources — e.g. employer* AND (badge OR "short course") NOT webinar'
            value={s.draft}
            onChange={(e) => s.setDraft(e.target.value)}
            autoFocus
          />
          <select aria-label="Source kind" value={s.sourceKind ?? ''} onChange={(e) => s.setSourceKind((e.target.value || null) as SourceKind | null)}>
            <option value="">All sources</option>
            <option value="interview">Interviews</option>
            <option value="questionnaire">Questionnaires</option>
            <option value="document">Documents</option>
          </select>
          <select aria-label="Participant" value={s.participantId ?? ''} onChange={(e) => s.setParticipant(e.target.value ? Number(e.target.value) : null)}>
            <option value="">Anyone</option>
            {participants.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
          </select>
          <button type="submit" className="primary" disabled={s.loading}>Search</button>
        </form>
        <p id="search-help" className={`search-help${s.problem ? ' problem' : ''}`} role={s.problem ? 'alert' : undefined}>
          {s.problem ?? (
            <>
              Words must all be in one turn, answer or paragraph. <code>"exact phrase"</code> · <code>word*</code> prefix · <code>AND</code> <code>OR</code> <code>NOT</code> in capitals · <code>( )</code> · accents and case are ignored.
            </>
          )}
        </p>
        <div className="results-head">
          {s.ran ? (
            <span>
              <b>{n}{s.complete ? '' : '+'}</b> hit{n === 1 ? '' : 's'} for <q>{s.ran.query}</q>
              <span className="muted"> · {new Set(s.hits.map((h) => h.sourceId)).size} source{s.candidateSources === 1 ? '' : 's'}</span>
            </span>
          ) : (
            <span className="muted">Type a query and press Enter.</span>
          )}
          <span className="spacer" />
          <button disabled={!s.ran || n === 0} onClick={() => setCoding(true)} title="Code every hit with one code (one undoable step)">Code all hits…</button>
          <TableExportButtons table={() => kwicTable(s.hits, s.ran?.query ?? '')} disabled={n === 0} />
        </div>
        <div className="pane-body">
          {s.ran && n === 0 && !s.loading && <p className="empty-note">No hits. Try a prefix (word*) or fewer words.</p>}
          {n > 0 && <KwicTable hits={s.hits} onOpen={(h) => void attempt(() => openHit(h))} />}
          {!s.complete && <div className="more-row"><button onClick={() => void attempt(s.more)}>Show more hits</button></div>}
        </div>
      </section>
      <StructurePanel />
      {coding && s.ran && <CodeHitsDialog search={s.ran} onClose={() => setCoding(false)} />}
    </div>
  );
}
