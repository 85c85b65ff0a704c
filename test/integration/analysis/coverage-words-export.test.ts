import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testHost, type TestHost } from '../../helpers/project.ts';
import { buildStudy, type Study } from './study.ts';

describe('framework coverage, word frequency and table export', () => {
  let t: TestHost;
  let study: Study;
  beforeEach(async () => {
    t = testHost();
    study = await buildStudy(t);
  });
  afterEach(() => t.cleanup());

  it('reports the share of items and categories linked to each framework, and the crosswalk with codings', async () => {
    const { codes, questions } = study.ids;
    const a = await t.ok('frameworks.create', { name: 'Framework A' });
    const a1 = await t.ok('frameworks.addElement', { frameworkId: a.id, name: 'a1' });
    const a2 = await t.ok('frameworks.addElement', { frameworkId: a.id, name: 'a2' });
    const b = await t.ok('frameworks.create', { name: 'Framework B' });
    const b1 = await t.ok('frameworks.addElement', { frameworkId: b.id, name: 'b1' });
    for (const [code, element] of [['Value', a1], ['Definition', a1], ['Size', a2], ['IP', b1], ['Why', b1]] as const) {
      await t.ok('frameworks.link', { codeId: codes[code]!, elementId: element.id, linked: true });
    }
    await t.ok('frameworks.linkQuestion', { questionId: questions['Q1']!, elementId: a1.id, linked: true });
    await t.ok('frameworks.linkQuestion', { questionId: questions['Q2']!, elementId: b1.id, linked: true });

    const c = await t.ok('analysis.frameworkCoverage', {});
    // Categories: every code below a top-level code, and top-level codes without children (How, IP).
    expect(c.crosswalk.map((r) => [r.label, r.codings, r.elementIds.length])).toEqual([
      ['Value', 5, 1], ['Strategy', 4, 0], ['Definition', 5, 1], ['Size', 2, 1], ['Empty', 0, 0], ['How', 0, 0], ['IP', 2, 1],
    ]);
    const [fa, fb] = c.frameworks;
    expect(fa).toMatchObject({ name: 'Framework A', itemsLinked: 1, itemsTotal: 2, categoriesLinked: 3, categoriesTotal: 7 });
    expect(fa!.elements.map((e) => [e.name, e.items, e.categories, e.codings])).toEqual([['a1', 1, 2, 10], ['a2', 0, 1, 2]]);
    // "Why" is a section, not a category, but its codings still count for the element it is linked to.
    expect(fb).toMatchObject({ itemsLinked: 1, categoriesLinked: 1 });
    expect(fb!.elements[0]).toMatchObject({ name: 'b1', categories: 1, codings: 11 });
  });

  it('counts words over chosen sources and participants without English or Spanish stop words', async () => {
    const all = await t.ok('analysis.wordFrequency', { minLength: 1, limit: 500 });
    const count = (w: string) => all.words.find((x) => x.word === w)?.count ?? 0;
    // Interviewer turns and item texts are left out unless asked for.
    expect(count('employers')).toBe(3);
    expect(count('the')).toBe(0);
    expect(count('para')).toBe(0);
    expect(count('évaluación')).toBe(1);
    expect(count('micro-credential')).toBe(1);
    expect(count('p1')).toBe(0); // speaker labels are not text of any unit
    const withInterviewer = await t.ok('analysis.wordFrequency', { minLength: 1, limit: 500, includeInterviewer: true });
    expect(withInterviewer.words.find((x) => x.word === 'employers')?.count).toBe(5);
    const p2 = await t.ok('analysis.wordFrequency', { participantIds: [study.ids.participants['P2']!], limit: 500 });
    // "Our employers ask for stackable credits and quick recognition." + "Credits you can stack." + "It adds value for working adults."
    expect(p2.words.map((w) => w.word).sort()).toEqual(['adds', 'adults', 'ask', 'credits', 'employers', 'quick', 'recognition', 'stack', 'stackable', 'value', 'working']);
    expect(p2.words.find((w) => w.word === 'credits')).toEqual({ word: 'credits', count: 2, sources: 2 });
    const policy = await t.ok('analysis.wordFrequency', { sourceIds: [study.ids.sources['Policy']!], limit: 3 });
    expect(policy.sourcesCounted).toBe(1);
    expect(policy.words).toHaveLength(3);
    const none = await t.host.call('analysis.wordFrequency', { sourceIds: [999] });
    expect(none).toMatchObject({ ok: false, error: { code: 'not_found', field: 'sourceIds' } });
  });

  it('writes tables to an XLSX workbook that reads back with numbers as numbers', async () => {
    const file = await t.ok('analysis.exportXlsx', {
      tables: [
        { title: 'Frequency by participant', columns: ['Code', 'P1', 'Total'], rows: [['Why / Value', 2, 5], ['=cmd', null, 0]], notes: ['Measure: Codings'] },
        { title: 'Frequency by participant', columns: ['Word'], rows: [['badge']] },
      ],
    });
    expect(file.fileName).toBe('frequency-by-participant.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Frequency by participant', 'Frequency by participant 2']);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(3).values).toEqual([undefined, 'Code', 'P1', 'Total']);
    expect(sheet.getRow(4).values).toEqual([undefined, 'Why / Value', 2, 5]);
    expect(sheet.getCell('A7').value).toBe('Measure: Codings');
    const bad = await t.host.call('analysis.exportXlsx', { tables: [{ title: 'x', columns: ['a', 'b'], rows: [[1]] }] });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'tables.0.rows' } });
  });
});
