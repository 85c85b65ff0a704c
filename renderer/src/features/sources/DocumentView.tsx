import { useMemo } from 'react';
import { segmentRange } from '../../../../shared/domain/segments.ts';
import { withAlpha } from '../../../../shared/domain/palette.ts';
import type { Code, Coding, Participant, SourceDetail, Unit } from '../../../../shared/domain/types.ts';

export type DocumentViewProps = {
  source: SourceDetail;
  codings: Coding[];
  codes: Code[];
  participants: Participant[];
  onRemoveCoding: (id: number) => void;
};

const fmtTime = (ms: number) => {
  const s = Math.floor(ms / 1000);
  return [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60].map((n) => String(n).padStart(2, '0')).join(':');
};

/**
 * The source text, unit by unit, with codings as highlights. Each text piece carries its
 * offset (data-start) so a DOM selection maps back to UTF-16 offsets in the source.
 */
export function DocumentView({ source, codings, codes, participants }: DocumentViewProps) {
  const codeById = useMemo(() => new Map(codes.map((c) => [c.id, c])), [codes]);
  const labelOf = useMemo(() => new Map(participants.map((p) => [p.id, p.label])), [participants]);
  const blocks = useMemo(() => blocksOf(source), [source]);
  return (
    <article className="doc-article" aria-label={`Text of ${source.name}`} data-source-id={source.id}>
      {blocks.map((b) => {
        const segs = segmentRange(b.start, b.end, codings);
        return (
          <div key={`${b.start}-${b.unit?.id ?? 'x'}`} className={`doc-block ${b.unit?.kind ?? 'paragraph'}${b.unit?.isInterviewer ? ' interviewer' : ''}`}>
            {b.unit?.kind === 'turn' && (
              <div className="turn-head">
                <span className="speaker">{b.unit.speaker ?? 'Unknown speaker'}</span>
                {b.unit.participantId !== null && labelOf.get(b.unit.participantId) !== b.unit.speaker && (
                  <span className="participant-tag">{labelOf.get(b.unit.participantId)}</span>
                )}
                {b.unit.timestampMs !== null && <span className="timestamp">{fmtTime(b.unit.timestampMs)}</span>}
              </div>
            )}
            {b.unit?.kind === 'answer' && b.unit.participantId !== null && (
              <div className="turn-head"><span className="participant-tag">{labelOf.get(b.unit.participantId)}</span></div>
            )}
            <p className="doc-text">
              {segs.map((seg) => {
                const text = source.text.slice(seg.start, seg.end);
                if (seg.codingIds.length === 0) return <span key={seg.start} data-start={seg.start}>{text}</span>;
                const cs = seg.codingIds.map((id) => codings.find((c) => c.id === id)!).map((c) => codeById.get(c.codeId)).filter((c): c is Code => !!c);
                const top = cs[cs.length - 1];
                return (
                  <mark
                    key={seg.start}
                    data-start={seg.start}
                    data-coding-ids={seg.codingIds.join(' ')}
                    className={`coded depth-${Math.min(cs.length, 3)}`}
                    style={{ background: withAlpha(top?.color ?? '#999999', 0.22), borderBottom: `2px solid ${top?.color ?? '#999'}` }}
                    title={cs.map((c) => c.name).join(', ')}
                  >
                    {text}
                  </mark>
                );
              })}
            </p>
          </div>
        );
      })}
    </article>
  );
}

type Block = { start: number; end: number; unit: Unit | null };

/** Units become blocks; any text between units (labels, blank lines) is left out of view. */
function blocksOf(source: SourceDetail): Block[] {
  const units = source.units.filter((u) => u.kind !== 'page').sort((a, b) => a.start - b.start);
  if (units.length === 0) {
    const out: Block[] = [];
    let pos = 0;
    for (const para of source.text.split(/\n{2,}/)) {
      const start = source.text.indexOf(para, pos);
      out.push({ start, end: start + para.length, unit: null });
      pos = start + para.length;
    }
    return out;
  }
  return units.map((u) => ({ start: u.start, end: u.end, unit: u }));
}

/** UTF-16 offsets of the current DOM selection inside a DocumentView, or null. */
export function selectionOffsets(root: HTMLElement): { start: number; end: number } | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const at = (node: Node, offset: number): number | null => {
    const el = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
    const holder = el?.closest<HTMLElement>('[data-start]');
    if (!holder || !root.contains(holder)) return null;
    return Number(holder.dataset['start']) + (node.nodeType === Node.TEXT_NODE ? offset : 0);
  };
  const start = at(range.startContainer, range.startOffset);
  const end = at(range.endContainer, range.endOffset);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}
