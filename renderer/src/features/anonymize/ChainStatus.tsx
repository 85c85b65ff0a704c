import { useIntegrityStore } from './store.ts';

/** Problems of the audit chain itself (changed, missing, added or reordered entries), as verify names them. */
export const chainProblems = (problems: readonly string[]): string[] => problems.filter((p) => /^audit entr/.test(p));

/** "Chain intact: N entries", or where it is broken. */
export function ChainStatus() {
  const verify = useIntegrityStore((s) => s.verify);
  if (!verify) return <span className="chain-status muted">Checking the chain…</span>;
  const broken = chainProblems(verify.problems);
  const entries = verify.manifest.audit.entries.toLocaleString();
  return broken.length === 0 ? (
    <span className="chain-status ok" role="status" title={`Chain head ${verify.manifest.audit.head}`}>
      ✓ Chain intact: {entries} entries
    </span>
  ) : (
    <span className="chain-status broken" role="status" title={broken.join('\n')}>
      ✗ Chain broken: {broken[0]}{broken.length > 1 ? ` (and ${broken.length - 1} more)` : ''}
    </span>
  );
}
