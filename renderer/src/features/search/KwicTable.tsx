import type { KwicHit } from '../../../../shared/domain/analysis/types.ts';

type Props = { hits: readonly KwicHit[]; onOpen: (hit: KwicHit) => void };

/** A concordance: every hit on one line, the matched words lined up in the middle. */
export function KwicTable({ hits, onOpen }: Props) {
  return (
    <table className="kwic" aria-label="Search hits">
      <thead>
        <tr>
          <th scope="col">Source</th>
          <th scope="col">Who</th>
          <th scope="col" className="kwic-before">Before</th>
          <th scope="col" className="kwic-after">Hit and after</th>
        </tr>
      </thead>
      <tbody>
        {hits.map((h) => (
          <tr key={`${h.sourceId}:${h.start}`} tabIndex={0} onClick={() => onOpen(h)} onKeyDown={(e) => { if (e.key === 'Enter') onOpen(h); }} title="Enter: open in the document">
            <td className="kwic-source" title={h.sourceName}>{h.sourceName}</td>
            <td className="kwic-who">{h.participantLabel ? <span className="participant-tag">{h.participantLabel}</span> : <span className="muted">{h.speaker ?? '—'}</span>}</td>
            <td className="kwic-before"><span>{h.before}</span></td>
            <td className="kwic-after"><b className="kwic-match">{h.match}</b>{h.after}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
