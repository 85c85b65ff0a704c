import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FrequencyMatrix, Measure } from '../../../shared/domain/analysis/types.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';
import { frequencyAgreesWithReference, readRaw } from './reference.ts';
import { buildStudy, TEXTS, type Study } from './study.ts';

describe('category frequency across participants', () => {
  let t: TestHost;
  let study: Study;
  beforeEach(async () => {
    t = testHost();
    study = await buildStudy(t);
  });
  afterEach(() => t.cleanup());

  const cell = (m: FrequencyMatrix, row: string, col: string) => m.values[m.rows.findIndex((r) => r.label === row)]![m.columns.findIndex((c) => c.label === col)]!;
  const participantMatrix = (measure: Measure) => t.ok('analysis.frequency', { rows: { kind: 'codes' }, columns: { kind: 'participant' }, measure });

  it('counts codings per category and participant, crediting the unit where a coding starts', async () => {
    const m = await participantMatrix('codings');
    expect(m.columns.map((c) => c.label)).toEqual(['P1', 'P2', 'P3', 'P4', 'Unattributed']);
    expect(m.rows.map((r) => `${'  '.repeat(r.depth)}${r.label}`)).toEqual([
      'Why', '  Value', '  Strategy', 'What', '  Definition', '    Size', '  Empty', 'How', 'IP',
    ]);
    const counts = Object.fromEntries(m.rows.map((r, i) => [r.label, m.values[i]]));
    // Worked out by hand from the fixture (see study.ts):
    expect(counts).toEqual({
      Why: [3, 2, 1, 0, 3], // Value 2+2+1 (Notes has no units), Strategy 1 + P3's answer + label start + Policy
      Value: [2, 2, 0, 0, 1],
      Strategy: [1, 0, 1, 0, 2], // "P2: Our…" starts in the speaker label: only the page unit holds it
      What: [4, 0, 1, 0, 0],
      Definition: [4, 0, 1, 0, 0], // rolled up: Definition 3 + Size 1 for P1
      Size: [1, 0, 1, 0, 0],
      Empty: [0, 0, 0, 0, 0],
      How: [0, 0, 0, 0, 0],
      IP: [1, 0, 0, 0, 1],
    });
    expect(m.rowTotals[0]).toBe(9);
    // Distinct codings over all rows: each coding once, though it sits in its code's row and its section's.
    expect(m.columnTotals).toEqual([8, 2, 2, 0, 4]);
    expect(m.codingCount).toBe(16);
    // All rows over all columns: the 16 codings once each (the row sums would give more).
    expect(m.grandTotal).toBe(16);
    const sources = await participantMatrix('sources');
    expect(cell(sources, 'Value', 'P2')).toBe(2);
    expect(cell(sources, 'Value', 'P1')).toBe(1);
    expect(sources.rowTotals[0]).toBe(5);
    expect(sources.grandTotal).toBe(new Set(readRaw(t.host.current!.db).codings.map((c) => c.source_id)).size);
  });

  it('measures coverage as the union of coded ranges in the participant\'s units over their length', async () => {
    const m = await participantMatrix('coverage');
    const p1Text = TEXTS.t1.length + TEXTS.t2.length + 'A short course with an exam.'.length + 'Employers ask for it.'.length;
    expect(m.columnTextLength?.[0]).toBe(p1Text);
    expect(cell(m, 'IP', 'P1')).toBeCloseTo('Ownership of the course stays with us.'.length / p1Text, 12);
    // Two overlapping Value codings count their union once: "Employers value … university".
    const union = TEXTS.t1.indexOf('university') + 'university'.length - TEXTS.t1.indexOf('Employers value');
    expect(cell(m, 'Value', 'P1')).toBeCloseTo(union / p1Text, 12);
    // P4 has no text: zero, not NaN.
    expect(cell(m, 'Value', 'P4')).toBe(0);
  });

  const agreesWithReference = () => frequencyAgreesWithReference(t, study);

  it('agrees with a naive position-by-position count for every layout, grouping, source filter and measure', async () => {
    expect(await agreesWithReference()).toBeGreaterThan(600);
  });

  it('keeps crediting right when units and participants change after coding, and after undo', async () => {
    const db = t.host.current!.db.raw;
    const p1 = study.ids.participants['P1']!;
    const p3 = study.ids.participants['P3']!;
    // A turn handed to another participant, a unit nested inside a turn, a unit deleted, a
    // participant deleted (its units fall back to no one): each changes who codings belong to.
    db.prepare(`UPDATE units SET participant_id = ? WHERE id = (SELECT min(id) FROM units WHERE participant_id = ? AND kind = 'turn')`).run(p3, p1);
    const source = study.ids.sources['Interview P1']!;
    const turn = db.prepare(`SELECT start, end FROM units WHERE source_id = ? AND participant_id IS NOT NULL ORDER BY start DESC LIMIT 1`).get(source) as { start: number; end: number };
    db.prepare(`INSERT INTO units (source_id, kind, start, end, participant_id) VALUES (?, 'paragraph', ?, ?, ?)`).run(source, turn.start + 20, turn.end, study.ids.participants['P4']!);
    db.prepare(`DELETE FROM units WHERE id = (SELECT min(id) FROM units WHERE kind = 'answer')`).run();
    await agreesWithReference();
    db.prepare('DELETE FROM participants WHERE id = ?').run(study.ids.participants['P2']!);
    await agreesWithReference();
    await t.ok('codings.apply', { sourceId: source, codeId: study.ids.codes['Empty']!, start: turn.start + 25, end: turn.start + 40 });
    const m = await participantMatrix('codings');
    expect(cell(m, 'Empty', 'P4')).toBe(1);
    await t.ok('undo.undo', {});
    expect(cell(await participantMatrix('codings'), 'Empty', 'P4')).toBe(0);
    await agreesWithReference();
  });

  it('groups columns by an attribute, with participants lacking it in "(no value)"', async () => {
    const m = await t.ok('analysis.frequency', { rows: { kind: 'sections' }, columns: { kind: 'attribute', attributeId: study.ids.role } });
    expect(m.columns.map((c) => [c.label, c.participantIds.length])).toEqual([['Expert', 2], ['Leader', 1], ['(no value)', 1], ['Unattributed', 0]]);
    expect(m.rows.map((r) => r.label)).toEqual(['Why', 'What', 'How', 'IP']);
    expect(m.values[0]).toEqual([5, 1, 0, 3]);
  });

  it('rolls up by a parent code and shows the parent\'s own codings only when it has some', async () => {
    const what = study.ids.codes['What']!;
    const m = await t.ok('analysis.frequency', { rows: { kind: 'children', parentId: what }, columns: { kind: 'participant' } });
    expect(m.rows.map((r) => r.label)).toEqual(['Definition', 'Empty']);
    await t.ok('codings.apply', { sourceId: study.ids.sources['Policy']!, codeId: what, start: 0, end: 12 });
    const again = await t.ok('analysis.frequency', { rows: { kind: 'children', parentId: what }, columns: { kind: 'participant' } });
    expect(again.rows.map((r) => r.label)).toEqual(['What (coded directly)', 'Definition', 'Empty']);
    expect(again.rowTotals[0]).toBe(1);
  });

  it('refuses an unknown parent code or attribute and names the field', async () => {
    const bad = await t.host.call('analysis.frequency', { rows: { kind: 'children', parentId: 999 }, columns: { kind: 'participant' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'not_found', field: 'rows.parentId' } });
    const attr = await t.host.call('analysis.frequency', { rows: { kind: 'codes' }, columns: { kind: 'attribute', attributeId: 999 } });
    expect(attr).toMatchObject({ ok: false, error: { code: 'not_found', field: 'columns.attributeId' } });
    const shape = await t.host.call('analysis.frequency', { rows: { kind: 'everything' }, columns: { kind: 'participant' } });
    expect(shape).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
