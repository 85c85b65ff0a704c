import type { CooccurrencePassage, Excerpt, ExcerptContext } from '../../../../shared/domain/analysis/types.ts';
import { positionLabel } from '../../../../shared/domain/analysis/format.ts';

type ExcerptProps = {
  excerpts: readonly Excerpt[];
  contexts: Readonly<Record<number, ExcerptContext>>;
  onToggleContext: (codingId: number) => void;
  onJump: (sourceId: number, codingId: number) => void;
};

/** The surrounding text with the excerpt itself marked. */
function ContextText({ ctx }: { ctx: ExcerptContext }) {
  const a = ctx.codingStart - ctx.windowStart;
  const b = ctx.codingEnd - ctx.windowStart;
  return (
    <p className="excerpt-context">
      {ctx.windowStart > 0 && '… '}
      {ctx.text.slice(0, a)}
      <mark>{ctx.text.slice(a, b)}</mark>
      {ctx.text.slice(b)} …
    </p>
  );
}

/** Coded excerpts as a reader wants them: who, where, the quote, the memo; context on demand. */
export function ExcerptList({ excerpts, contexts, onToggleContext, onJump }: ExcerptProps) {
  if (excerpts.length === 0) return <p className="empty-note">No coded excerpts match.</p>;
  return (
    <ol className="excerpt-list">
      {excerpts.map((e) => {
        const ctx = contexts[e.codingId];
        return (
          <li key={e.codingId} className="excerpt" style={{ borderLeftColor: e.codeColor }}>
            <div className="excerpt-head">
              {e.participantLabel ? <span className="participant-tag">{e.participantLabel}</span> : <span className="muted">no participant</span>}
              <span className="excerpt-source" title={e.sourceName}>{e.sourceName}</span>
              <span className="muted">{positionLabel(e)}</span>
              <span className="spacer" />
              <span className="excerpt-code" title={`Coded ${e.createdAt.slice(0, 10)} by ${e.coderName}`}>{e.codeName}</span>
            </div>
            {ctx ? <ContextText ctx={ctx} /> : <blockquote className="excerpt-quote">{e.quote}</blockquote>}
            {e.memos.map((m, i) => <p key={i} className="excerpt-memo"><span className="memo-mark">Memo</span> {m}</p>)}
            <div className="excerpt-actions">
              <button className="link" aria-expanded={ctx !== undefined} onClick={() => onToggleContext(e.codingId)}>
                {ctx ? 'Hide context' : 'Show context'}
              </button>
              <button className="link" onClick={() => onJump(e.sourceId, e.codingId)}>Open in document</button>
              <span className="muted excerpt-meta">{e.coderName} · {e.createdAt.slice(0, 10)}</span>
            </div>
          </li>
        );
      })}
    </ol>
  );
}

type PassageProps = { passages: readonly CooccurrencePassage[]; onJump: (sourceId: number, codingId: number) => void };

/** A passage where two codes meet, each coding's range underlined in its colour. */
export function PassageList({ passages, onJump }: PassageProps) {
  if (passages.length === 0) return <p className="empty-note">No passages.</p>;
  return (
    <ol className="excerpt-list">
      {passages.map((p, i) => {
        const [a, b] = p.codings;
        const cuts = [...new Set([0, p.text.length, ...p.codings.flatMap((c) => [c.start - p.start, c.end - p.start])])]
          .filter((x) => x >= 0 && x <= p.text.length)
          .sort((x, y) => x - y);
        return (
          <li key={i} className="excerpt">
            <div className="excerpt-head">
              {p.participantLabel ? <span className="participant-tag">{p.participantLabel}</span> : <span className="muted">no participant</span>}
              <span className="excerpt-source">{p.sourceName}</span>
              <span className="spacer" />
              {p.codings.map((c) => <span key={c.id} className="excerpt-code" style={{ borderColor: c.color }}>{c.codeName}</span>)}
            </div>
            <p className="excerpt-context">
              {cuts.slice(0, -1).map((from, k) => {
                const to = cuts[k + 1]!;
                const inside = p.codings.filter((c) => c.start - p.start <= from && c.end - p.start >= to);
                const style = inside.length === 0 ? undefined : { boxShadow: inside.map((c, n) => `inset 0 -${2 + n * 3}px 0 ${c.color}`).join(', ') };
                return <span key={k} style={style} className={inside.length === 2 ? 'both' : undefined}>{p.text.slice(from, to)}</span>;
              })}
            </p>
            {a && b && (
              <div className="excerpt-actions">
                <button className="link" onClick={() => onJump(p.sourceId, a.id)}>Open in document</button>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
