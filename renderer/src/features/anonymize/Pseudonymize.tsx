import { useEffect, useState } from 'react';
import { call } from '../../api/client.ts';
import { attempt } from '../../ui/notify.ts';
import { useProjectStore } from '../project/store.ts';
import { CopyDialog } from './CopyDialog.tsx';
import { ListsPane } from './ListsPane.tsx';
import { ProposalsPane } from './ProposalsPane.tsx';
import { TermPane } from './TermPane.tsx';
import { useIntegrityStore } from './store.ts';
import { useExchangeJob } from '../exchange/use-exchange-job.ts';

/**
 * The pseudonymization workbench, left to right as the work goes: the lists and rules, the
 * proposals grouped by term, and the selected term's occurrences in context. Every decision
 * is saved as it is made; "Make pseudonymized copy…" writes the copy and its key.
 */
export function Pseudonymize() {
  const info = useProjectStore((s) => s.info);
  const settings = useIntegrityStore((s) => s.settings);
  const job = useExchangeJob();
  const [copying, setCopying] = useState(false);
  const readOnly = info?.safety?.readOnly ?? null;

  useEffect(() => {
    if (settings) return;
    void attempt(async () => {
      await useIntegrityStore.getState().loadSettings();
      await useIntegrityStore.getState().resume();
    });
  }, [settings]);

  const detect = () =>
    attempt(async () => {
      const summary = await job.run('Finding identifiers', (jobId) => call('anonymize.detect', { jobId }));
      if (summary) await useIntegrityStore.getState().detected(summary);
    });

  if (readOnly) {
    return (
      <div className="integrity-readonly">
        <p className="empty-state">
          {info?.reviewer ? 'Reviewer mode' : 'This project is open read-only'}: lists and review decisions cannot be saved here, and no pseudonymized copy is made from it. The audit trail and the integrity manifest are in the other tabs.
        </p>
      </div>
    );
  }
  return (
    <div className="pseudonymize">
      <ListsPane job={job} onDetect={() => void detect()} />
      <ProposalsPane canCopy={job.job === null} onCopy={() => setCopying(true)} />
      <TermPane />
      {copying && <CopyDialog onClose={() => setCopying(false)} />}
    </div>
  );
}
