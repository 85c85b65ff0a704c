import { useEffect, useState } from 'react';
import type { PlacedCoding } from './coding-model.ts';

export type CodingTooltipProps = {
  items: PlacedCoding[];
  at: { x: number; y: number };
  /** Plain text of the memos on a coding, loaded when the tooltip shows it. */
  loadMemo: (codingId: number) => Promise<string | null>;
  /** Names of a code's parents, outermost first ("What" for "Definition"). */
  parentsOf: (codeId: number) => string[];
};

/** What a coded passage is: code, coder, date and the start of its memo. */
export function CodingTooltip({ items, at, loadMemo, parentsOf }: CodingTooltipProps) {
  const [memos, setMemos] = useState<Record<number, string | null>>({});
  useEffect(() => {
    let live = true;
    for (const p of items) {
      if (p.coding.memoCount === 0) continue;
      void loadMemo(p.coding.id).then((text) => {
        if (live) setMemos((m) => ({ ...m, [p.coding.id]: text }));
      }, () => undefined);
    }
    return () => { live = false; };
  }, [items, loadMemo]);

  // Under dense coding tens of codings lie over one word: the card names the innermost few.
  const shown = items.slice(0, MAX_SHOWN);
  const more = items.length - shown.length;
  // Keep the card on screen: flip to the left of the pointer near the right edge, up from the bottom.
  const left = Math.min(at.x + 14, window.innerWidth - 330);
  const top = Math.max(8, Math.min(at.y + 16, window.innerHeight - 40 - shown.length * 64 - (more > 0 ? 24 : 0)));
  return (
    <div className="mg-tooltip" role="tooltip" style={{ left, top }}>
      {shown.map((p) => (
        <div key={p.coding.id} className="mg-tooltip-item">
          <div className="mg-tooltip-code">
            <span className="swatch" style={{ background: p.color }} />
            {parentsOf(p.coding.codeId).length > 0 && <span className="mg-tooltip-path">{parentsOf(p.coding.codeId).join(' › ')} ›</span>}
            <strong>{p.code?.name ?? 'Unknown code'}</strong>
          </div>
          <div className="mg-tooltip-meta">
            {p.coding.coderName} · {p.coding.createdAt.slice(0, 10)} · {p.coding.end - p.coding.start} chars
          </div>
          {p.coding.memoCount > 0 && (
            <div className="mg-tooltip-memo">✎ {memos[p.coding.id] === undefined ? 'Loading memo…' : clip(memos[p.coding.id] ?? '')}</div>
          )}
        </div>
      ))}
      {more > 0 && (
        <div className="mg-tooltip-more">
          and {more} more coding{more === 1 ? '' : 's'} here (each has its stripe in the margin)
        </div>
      )}
    </div>
  );
}

/** Codings a hover card lists at most (innermost first); the rest are counted. */
const MAX_SHOWN = 8;

const clip = (text: string) => (text.length > 180 ? `${text.slice(0, 180)}…` : text || '(empty memo)');
