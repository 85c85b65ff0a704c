import { useEffect } from 'react';
import { attempt } from '../../ui/notify.ts';
import { onTablistKey } from '../codebook/tablist-keys.ts';
import { useProjectStore } from '../project/store.ts';
import { AuditTrail } from './AuditTrail.tsx';
import { ManifestPanel } from './ManifestPanel.tsx';
import { Pseudonymize } from './Pseudonymize.tsx';
import { useIntegrityStore, type IntegrityTab } from './store.ts';
import './anonymize.css';

const TABS: { tab: IntegrityTab; label: string }[] = [
  { tab: 'pseudonymize', label: 'Pseudonymize' },
  { tab: 'audit', label: 'Audit trail' },
  { tab: 'manifest', label: 'Integrity manifest' },
];

/**
 * Research integrity: a pseudonymized copy to share (lists, review, copy and key), the audit
 * trail of every change, and the manifest a reviewer checks the project against.
 */
export function IntegrityView() {
  const { tab, setTab } = useIntegrityStore();
  const info = useProjectStore((s) => s.info);
  const generation = useProjectStore((s) => s.generation);

  // Another project: nothing of the last one's review or trail stays on screen. Each visit checks again.
  const path = info?.path ?? null;
  useEffect(() => {
    if (path === null) return;
    useIntegrityStore.getState().showProject(`${generation}:${path}`);
    void attempt(() => useIntegrityStore.getState().loadVerify());
  }, [generation, path]);

  return (
    <div className="integrity-view">
      <header className="integrity-tabs">
        <h2>Integrity</h2>
        <div role="tablist" aria-label="Integrity" onKeyDown={(e) => onTablistKey(e, TABS.map((t) => t.tab), tab, setTab)}>
          {TABS.map((t) => (
            <button key={t.tab} id={`integrity-tab-${t.tab}`} role="tab" aria-selected={t.tab === tab} aria-controls="integrity-panel" tabIndex={t.tab === tab ? 0 : -1} className={`integrity-tab${t.tab === tab ? ' on' : ''}`} onClick={() => setTab(t.tab)}>
              {t.label}
            </button>
          ))}
        </div>
      </header>
      <div id="integrity-panel" className="integrity-panel" role="tabpanel" aria-labelledby={`integrity-tab-${tab}`}>
        {tab === 'pseudonymize' && <Pseudonymize />}
        {tab === 'audit' && <AuditTrail />}
        {tab === 'manifest' && <ManifestPanel />}
      </div>
    </div>
  );
}
