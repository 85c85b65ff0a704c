import type { View } from '../features/project/store.ts';

const TEXT: Partial<Record<View, string>> = {
  analysis: 'Frequency matrices, co-occurrence and framework coverage are not built yet.',
  export: 'Export of coded excerpts, the codebook and REFI-QDA projects is not built yet.',
};

/** A view whose feature has not landed: says so plainly instead of pretending. */
export function PendingView({ view }: { view: View }) {
  return <div className="empty-state">{TEXT[view] ?? 'Not available yet.'}</div>;
}
