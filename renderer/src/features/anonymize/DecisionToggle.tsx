import type { Decision } from '../../../../shared/domain/anonymize/types.ts';

/**
 * Replace or keep, for a kind, a term or one occurrence. The decision in force is pressed;
 * drawn lighter when it is inherited from the wider level (or the default: replace).
 */
export function DecisionToggle({ label, decision, inherited, onDecide }: { label: string; decision: Decision | null; inherited: boolean; onDecide: (d: Decision) => void }) {
  const shown = decision ?? 'accept';
  return (
    <span className={`decision-toggle${inherited ? ' inherited' : ''}`} role="group" aria-label={`Decision: ${label}`}>
      <button type="button" className={shown === 'accept' ? 'on accept' : undefined} aria-pressed={shown === 'accept'} onClick={() => onDecide('accept')} title={inherited ? 'Replace (as the wider decision says): click to decide it here' : 'Replace'}>
        Replace
      </button>
      <button type="button" className={shown === 'reject' ? 'on reject' : undefined} aria-pressed={shown === 'reject'} onClick={() => onDecide('reject')} title={inherited ? 'Keep as written (as the wider decision says): click to decide it here' : 'Keep as written'}>
        Keep
      </button>
    </span>
  );
}
