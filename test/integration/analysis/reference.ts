import { expect } from 'vitest';
import type { Db } from '../../../electron/backend/db/database.ts';
import type { ColumnSpec, MatrixColumn, Measure, RowSpec } from '../../../shared/domain/analysis/types.ts';
import type { SourceKind } from '../../../shared/domain/types.ts';
import type { TestHost } from '../../helpers/project.ts';
import type { Study } from './study.ts';

/**
 * A deliberately naive second implementation of the counting rules, position by position
 * over raw rows, to check the real one against. Slow on purpose; only for tiny projects.
 */
type U = { id: number; source_id: number; start: number; end: number; participant_id: number | null };
type C = { id: number; code_id: number; source_id: number; start: number; end: number; coder_id: number };
type S = { id: number; kind: string; text: string };

export type Raw = { units: U[]; codings: C[]; sources: S[]; attrs: { participant_id: number; attribute_id: number; value: string }[] };

export function readRaw(db: Db): Raw {
  const all = <T>(q: string) => db.raw.prepare(q).all() as T[];
  return {
    units: all<U>('SELECT id, source_id, start, end, participant_id FROM units'),
    codings: all<C>('SELECT id, code_id, source_id, start, end, coder_id FROM codings'),
    sources: all<S>('SELECT id, kind, text FROM sources'),
    attrs: all('SELECT participant_id, attribute_id, value FROM participant_attributes'),
  };
}

/** The same rows with only the chosen coders' codings (all of them when none are chosen). */
export const forCoders = (raw: Raw, coderIds?: readonly number[]): Raw =>
  coderIds ? { ...raw, codings: raw.codings.filter((c) => coderIds.includes(c.coder_id)) } : raw;

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

/** The unit a coding starting at p of source s is credited to (the innermost, later on ties), or null. */
export function creditUnit(raw: Raw, sourceId: number, p: number): number | null {
  let best: U | undefined;
  for (const u of raw.units) {
    if (u.source_id === sourceId && u.start <= p && p < u.end && (!best || u.start > best.start || (u.start === best.start && u.id > best.id))) best = u;
  }
  return best ? best.id : null;
}

/** Pairs of codings (one with a code in a, one in b) whose starts are credited to the same unit. */
export const expectedUnitPairs = (raw: Raw, a: number[], b: number[]): number =>
  expectedPairs(raw, a, b, (x, y) => {
    const unit = creditUnit(raw, x.source_id, x.start);
    return unit !== null && x.source_id === y.source_id && unit === creditUnit(raw, y.source_id, y.start);
  });

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

/** Pairs of codings, one with a code in a and one in b, that meet: every pair compared. */
function expectedPairs(raw: Raw, a: number[], b: number[], meet: (x: C, y: C) => boolean): number {
  let n = 0;
  const cs = raw.codings;
  for (let i = 0; i < cs.length; i++) {
    for (let j = i + 1; j < cs.length; j++) {
      const x = cs[i]!;
      const y = cs[j]!;
      if (!meet(x, y)) continue;
      if ((a.includes(x.code_id) && b.includes(y.code_id)) || (b.includes(x.code_id) && a.includes(y.code_id))) n++;
    }
  }
  return n;
}

/** Pairs of codings (one with a code in a, one in b) that overlap in text. */
export const expectedOverlapPairs = (raw: Raw, a: number[], b: number[]): number =>
  expectedPairs(raw, a, b, (x, y) => x.source_id === y.source_id && x.start < y.end && y.start < x.end);

const rowSpecs = (s: Study): RowSpec[] => [{ kind: 'codes' }, { kind: 'sections' }, { kind: 'children', parentId: s.ids.codes['What']! }];
const columnSpecs = (s: Study): ColumnSpec[] => [{ kind: 'participant' }, { kind: 'attribute', attributeId: s.ids.role }];
const kindSets: (SourceKind[] | undefined)[] = [undefined, ['interview'], ['questionnaire', 'document']];

function columnTest(raw: Raw, c: MatrixColumn): Column {
  const f = c.filter;
  if (f.kind === 'participant') return (pid) => pid === f.participantId;
  if (f.kind === 'unattributed') return (pid) => pid === null;
  const valueOf = (pid: number) => raw.attrs.find((a) => a.participant_id === pid && a.attribute_id === f.attributeId)?.value ?? null;
  return (pid) => pid !== null && valueOf(pid) === f.value;
}

/**
 * Every layout, grouping, source filter and measure of analysis.frequency against the naive
 * count, over the chosen coders' codings (everyone's when coderIds is left out). Returns how
 * many cells were compared.
 */
export async function frequencyAgreesWithReference(t: TestHost, study: Study, coderIds?: number[]): Promise<number> {
  const raw = forCoders(readRaw(t.host.current!.db), coderIds);
  const descendants = (id: number): number[] => {
    const rows = t.host.current!.db.raw.prepare('SELECT id FROM codes WHERE parent_id = ?').all(id) as { id: number }[];
    return [id, ...rows.flatMap((r) => descendants(r.id))];
  };
  const pick = (want: ReturnType<typeof expectedCell>, measure: Measure) => want[measure];
  const who = coderIds ? ` (coders ${coderIds.join(',')})` : '';
  let checked = 0;
  for (const rows of rowSpecs(study)) {
    for (const columns of columnSpecs(study)) {
      for (const sourceKinds of kindSets) {
        for (const measure of ['codings', 'sources', 'coverage'] as const) {
          const m = await t.ok('analysis.frequency', { rows, columns, measure, ...(sourceKinds ? { sourceKinds } : {}), ...(coderIds ? { coderIds } : {}) });
          expect(m.rows.length).toBeGreaterThan(0);
          const close = (got: number, want: number, what: string) =>
            measure === 'coverage' ? expect(got, what + who).toBeCloseTo(want, 12) : expect(got, what + who).toBe(want);
          m.rows.forEach((r, i) => {
            const codeIds = r.key.startsWith('direct:') ? [r.codeId] : descendants(r.codeId);
            m.columns.forEach((c, j) => {
              const want = expectedCell(raw, codeIds, columnTest(raw, c), sourceKinds);
              close(m.values[i]![j]!, pick(want, measure), `${measure}: ${r.label} × ${c.label}`);
              if (measure === 'coverage' && i === 0) expect(m.columnTextLength?.[j]).toBe(want.text);
              checked++;
            });
            close(m.rowTotals[i]!, pick(expectedCell(raw, codeIds, () => true, sourceKinds), measure), `${measure}: total of ${r.label}`);
          });
          const everyCode = [...new Set(m.rows.flatMap((r) => (r.key.startsWith('direct:') ? [r.codeId] : descendants(r.codeId))))];
          m.columns.forEach((c, j) => close(m.columnTotals[j]!, pick(expectedCell(raw, everyCode, columnTest(raw, c), sourceKinds), measure), `${measure}: total of ${c.label}`));
          close(m.grandTotal, pick(expectedCell(raw, everyCode, () => true, sourceKinds), measure), `${measure}: all rows over all columns`);
        }
      }
    }
  }
  return checked;
}
