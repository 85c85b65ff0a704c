/** Keyword-in-context: the words around a hit, cut at the unit's edges and at word breaks. */
export type KwicLine = { before: string; match: string; after: string };

const squash = (s: string) => s.replace(/\s+/g, ' ');

export function kwic(text: string, hit: { start: number; end: number }, bounds: { start: number; end: number }, width = 70): KwicLine {
  let from = Math.max(bounds.start, hit.start - width);
  let to = Math.min(bounds.end, hit.end + width);
  // Start and end on a word break unless that would eat most of the context.
  if (from > bounds.start) {
    const space = text.slice(from, hit.start).search(/\s/);
    if (space >= 0 && space < width / 2) from += space + 1;
  }
  if (to < bounds.end) {
    const tail = text.slice(hit.end, to);
    const space = tail.search(/\s\S*$/);
    if (space > width / 2) to = hit.end + space;
  }
  return {
    before: (from > bounds.start ? '…' : '') + squash(text.slice(from, hit.start)).trimStart(),
    match: squash(text.slice(hit.start, hit.end)),
    after: squash(text.slice(hit.end, to)).trimEnd() + (to < bounds.end ? '…' : ''),
  };
}
