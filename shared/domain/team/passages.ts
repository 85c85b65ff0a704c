import { unionSpans, type Span } from './coverage.ts';

/**
 * Two coders' codings of one code in one source, side by side: passages where what they
 * coded overlaps (or one coded and the other did not), and whether they coded the same
 * characters there. The reconcile view lists the passages that differ.
 */

export type SideCoding = Span & { id: number };

export type Passage = {
  /** The whole passage: from the first character either coder coded to the last. */
  start: number;
  end: number;
  /** What each coder coded inside it, merged. */
  first: Span[];
  second: Span[];
  firstIds: number[];
  secondIds: number[];
  agreed: boolean;
};

/** Which side a reconciliation takes into the consensus. */
export type Decision = 'first' | 'second' | 'both' | 'neither';

const sameSpans = (a: readonly Span[], b: readonly Span[]) => a.length === b.length && a.every((s, i) => s.start === b[i]!.start && s.end === b[i]!.end);

export function passagesOf(first: readonly SideCoding[], second: readonly SideCoding[]): Passage[] {
  const all = [...first.map((c) => ({ c, side: 0 })), ...second.map((c) => ({ c, side: 1 }))]
    .filter(({ c }) => c.end > c.start)
    .sort((x, y) => x.c.start - y.c.start || x.c.end - y.c.end);
  const out: Passage[] = [];
  let group: typeof all = [];
  let end = -1;
  const flush = () => {
    if (group.length === 0) return;
    const a = group.filter((g) => g.side === 0).map((g) => g.c);
    const b = group.filter((g) => g.side === 1).map((g) => g.c);
    const fa = unionSpans(a);
    const fb = unionSpans(b);
    out.push({
      start: group[0]!.c.start,
      end,
      first: fa,
      second: fb,
      firstIds: a.map((c) => c.id),
      secondIds: b.map((c) => c.id),
      agreed: sameSpans(fa, fb),
    });
    group = [];
  };
  for (const item of all) {
    if (group.length > 0 && item.c.start >= end) flush();
    if (group.length === 0) end = item.c.end;
    group.push(item);
    end = Math.max(end, item.c.end);
  }
  flush();
  return out;
}

/** What the consensus coder codes in a passage after a decision. */
export function consensusSpans(passage: Pick<Passage, 'first' | 'second'>, decision: Decision): Span[] {
  switch (decision) {
    case 'first':
      return passage.first.map((s) => ({ ...s }));
    case 'second':
      return passage.second.map((s) => ({ ...s }));
    case 'both':
      return unionSpans([...passage.first, ...passage.second]);
    case 'neither':
      return [];
  }
}
