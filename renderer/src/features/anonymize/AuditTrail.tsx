import { useEffect } from 'react';
import type { AuditListEntry } from '../../../../shared/domain/anonymize/integrity-types.ts';
import { call } from '../../api/client.ts';
import { saveFileDownload } from '../../ui/download.ts';
import { attempt } from '../../ui/notify.ts';
import { showChange, showDetail } from './audit-detail.ts';
import { ChainStatus } from './ChainStatus.tsx';
import { AUDIT_PAGE, auditInput, useIntegrityStore, type AuditFilter } from './store.ts';

export const formatTime = (iso: string): string => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

function EntryRow({ e }: { e: AuditListEntry }) {
  const d = showDetail(e.detail);
  return (
    <tr>
      <td className="num muted">{e.id}</td>
      <td className="audit-time">{formatTime(e.at)}</td>
      <td>{e.coder ?? <span className="muted">—</span>}</td>
      <td className="audit-change">{showChange(e.action, e.entity, e.entityId)}</td>
      <td className="audit-facts">{d.facts}</td>
      <td className="audit-before">{d.before}</td>
      <td className="audit-after">{d.after}</td>
    </tr>
  );
}

/** Every change, newest first: who did what when, before and after; filtered, exported as CSV, its chain checked. */
export function AuditTrail() {
  const { audit, auditFilter: f, auditOffset } = useIntegrityStore();
  const setFilter = (filter: Partial<AuditFilter>) => void attempt(() => useIntegrityStore.getState().setAuditFilter(filter));
  const page = (offset: number) => void attempt(() => useIntegrityStore.getState().loadAudit(offset));

  // Each visit shows the newest entries (the filters stay).
  useEffect(() => {
    void attempt(() => useIntegrityStore.getState().loadAudit(0));
  }, []);

  const exportCsv = () => void attempt(async () => saveFileDownload(await call('audit.exportCsv', auditInput(f))));
  const filtered = Object.values(f).some((v) => v.trim() !== '');
  const total = audit?.total ?? 0;

  return (
    <section className="pane wide audit-trail" aria-labelledby="audit-title">
      <header className="pane-header">
        <h2 id="audit-title">Audit trail</h2>
        <ChainStatus />
        <button onClick={exportCsv} disabled={total === 0} title="The entries shown, oldest first, with their hashes">Export CSV</button>
      </header>
      <div className="pane-tools audit-filters">
        <select aria-label="Coder" value={f.coder} onChange={(e) => setFilter({ coder: e.target.value })}>
          <option value="">Every coder</option>
          {audit?.coders.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
        <select aria-label="Kind of change" value={f.action} onChange={(e) => setFilter({ action: e.target.value })}>
          <option value="">Every change</option>
          {audit?.actions.map((a) => <option key={a} value={a}>{a}</option>)}
        </select>
        <select aria-label="Changed" value={f.entity} onChange={(e) => setFilter({ entity: e.target.value })}>
          <option value="">Anything changed</option>
          {audit?.entities.map((a) => <option key={a} value={a}>{a.replace(/_/g, ' ')}</option>)}
        </select>
        <label className="audit-date">From <input type="date" value={f.from} onChange={(e) => setFilter({ from: e.target.value })} /></label>
        <label className="audit-date">to <input type="date" value={f.to} onChange={(e) => setFilter({ to: e.target.value })} /></label>
        <input type="search" aria-label="Search the details" placeholder="Search the details" value={f.search} onChange={(e) => setFilter({ search: e.target.value })} />
        {filtered && <button className="link" onClick={() => setFilter({ coder: '', action: '', entity: '', from: '', to: '', search: '' })}>Clear filters</button>}
      </div>
      <div className="pane-body">
        <table className="data-table audit-table" aria-label="Audit entries">
          <thead>
            <tr>
              <th scope="col" className="num">#</th>
              <th scope="col">Time</th>
              <th scope="col">Coder</th>
              <th scope="col">Change</th>
              <th scope="col">Details</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>{audit?.entries.map((e) => <EntryRow key={e.id} e={e} />)}</tbody>
        </table>
        {audit && audit.entries.length === 0 && <p className="empty-note">{filtered ? 'No entry matches these filters.' : 'No change has been recorded yet.'}</p>}
      </div>
      <footer className="pane-footer anon-pager">
        <span>{total === 0 ? 'No entries' : `${auditOffset + 1}–${Math.min(total, auditOffset + AUDIT_PAGE)} of ${total.toLocaleString()} entries${filtered ? ' (filtered)' : ''}, newest first`}</span>
        {total > AUDIT_PAGE && (
          <>
            <button disabled={auditOffset === 0} onClick={() => page(Math.max(0, auditOffset - AUDIT_PAGE))}>Newer</button>
            <button disabled={auditOffset + AUDIT_PAGE >= total} onClick={() => page(auditOffset + AUDIT_PAGE)}>Older</button>
          </>
        )}
      </footer>
    </section>
  );
}
