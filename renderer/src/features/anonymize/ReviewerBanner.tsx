import { useEffect } from 'react';
import type { ProjectInfo } from '../../../../shared/domain/types.ts';
import { attempt } from '../../ui/notify.ts';
import { useProjectStore } from '../project/store.ts';
import { useIntegrityStore } from './store.ts';

/**
 * Reviewer mode, said plainly above everything: the project is read-only (the backend
 * refuses every change), and whether it verifies against its seal, with the way to the manifest.
 */
export function ReviewerBanner({ info }: { info: ProjectInfo }) {
  const verify = useIntegrityStore((s) => s.verify);
  const setView = useProjectStore((s) => s.setView);
  const reviewer = info.reviewer === true;
  useEffect(() => {
    if (reviewer) void attempt(() => useIntegrityStore.getState().loadVerify());
  }, [reviewer, info.path]);
  if (!reviewer) return null;
  const verdict = !verify ? 'checking its integrity…' : verify.ok ? (verify.seal ? 'verified against its seal' : 'audit chain intact (never sealed)') : `NOT verified: ${verify.problems.length} problem${verify.problems.length === 1 ? '' : 's'}`;
  return (
    <div className="reviewer-banner" role="region" aria-label="Reviewer mode">
      <strong>Reviewer mode · read-only</strong>
      <span>Nothing you do here changes the file.</span>
      <span className={`reviewer-verdict ${verify && !verify.ok ? 'broken' : 'ok'}`} role="status">
        {verify && (verify.ok ? '✓ ' : '✗ ')}
        {verdict}
      </span>
      <button
        onClick={() => {
          useIntegrityStore.getState().setTab('manifest');
          setView('integrity');
        }}
      >
        Integrity manifest
      </button>
    </div>
  );
}
