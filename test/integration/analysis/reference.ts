import type { Db } from '../../../electron/backend/db/database.ts';

/**
 * A deliberately naive second implementation of the counting rules, position by position
 * over raw rows, to check the real one against. Slow on purpose; only for tiny projects.
 */
type U = { id: number; source_id: number; start: number; end: number; participant_id: number | null };
type C = { id: number; code_id: number; source_id: number; start: number; end: number };
type S = { id: number; kind: string; text: string };

export type Raw = { units: U[]; codings: C[]; sources: S[]; attrs: { participant_id: number; attribute_id: number; value: string }[] };

export function readRaw(db: Db): Raw {
  const all = <T>(q: string) => db.raw.prepare(q).all() as T[];
  return {
    units: all<U>('SELECT id, source_id, start, end, participant_id FROM units'),
    codings: all<C>('SELECT id, code_id, source_id, start, end FROM codings'),
    sources: all<S>('SELECT id, kind, text FROM sources'),
    attrs: all('SELECT participant_id, attribute_id, value FROM participant_attributes'),
  };
}

/** Whose text position p of source s is: 'none' when outside every unit of a source that has units. */
export function owner(raw: Raw, sourceId: number, p: number): number | null | 'none' {
  const units = raw.units.filter((u) => u.source_id === sourceId);
  if (units.length === 0) return null;
  let best: U | undefined;
  for (const u of units) {
    if (u.start <= p && p < u.end && (!best || u.start > best.start || (u.start === best.start && u.id > best.id))) best = u;
  }
  return best ? best.participant_id : 'none';
}

/** A column: which participants' text and codings it takes (null = unattributed). */
export type Column = (participantId: number | null) => boolean;

export function expectedCell(raw: Raw, codeIds: number[], column: Column, kinds?: string[]) {
  const sources = raw.sources.filter((s) => !kinds || kinds.includes(s.kind));
  const codings = raw.codings.filter((c) => codeIds.includes(c.code_id) && sources.some((s) => s.id === c.source_id));
  const credited = codings.filter((c) => {
    const o = owner(raw, c.source_id, c.start);
    return column(o === 'none' ? null : o);
  });
  let text = 0;
  let covered = 0;
  for (const s of sources) {
    for (let p = 0; p < s.text.length; p++) {
      const o = owner(raw, s.id, p);
      if (o === 'none' || !column(o)) continue;
      text++;
      if (codings.some((c) => c.source_id === s.id && c.start <= p && p < c.end)) covered++;
    }
  }
  return { codings: credited.length, sources: new Set(credited.map((c) => c.source_id)).size, coverage: text === 0 ? 0 : covered / text, text };
}

/** Pairs of codings (one with a code in a, one in b) that overlap in text. */
export function expectedOverlapPairs(raw: Raw, a: number[], b: number[]): number {
  let n = 0;
  const cs = raw.codings;
  for (let i = 0; i < cs.length; i++) {
    for (let j = i + 1; j < cs.length; j++) {
      const x = cs[i]!;
      const y = cs[j]!;
      if (x.source_id !== y.source_id || !(x.start < y.end && y.start < x.end)) continue;
      if ((a.includes(x.code_id) && b.includes(y.code_id)) || (b.includes(x.code_id) && a.includes(y.code_id))) n++;
    }
  }
  return n;
}
