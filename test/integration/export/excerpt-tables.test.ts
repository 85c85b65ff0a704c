import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testHost, type TestHost } from '../../helpers/project.ts';
import { bytesOf, demoForExport, parseCsv, TRICKY, TRICKY_MEMO, type DemoIds } from './setup.ts';

const COLUMNS = ['Code path', 'Code', 'Section', 'Participant', 'role', 'Source', 'Source kind', 'Position', 'Start', 'End', 'Quote', 'Memo', 'Coder', 'Coded at'];

describe('coded excerpts as CSV and XLSX', () => {
  let t: TestHost;
  let ids: DemoIds;
  beforeEach(async () => {
    t = testHost();
    ids = await demoForExport(t);
  });
  afterEach(() => t.cleanup());

  const allCodes = () => Object.values(ids.codes);

  it('writes CSV with a BOM, one row per excerpt, and every awkward character intact', async () => {
    const file = await t.ok('export.excerpts', { filter: { codeIds: allCodes() }, format: 'csv' });
    expect(file.fileName).toBe('coded-excerpts.csv');
    const bytes = bytesOf(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8').slice(1));
    expect(rows[0]).toEqual(COLUMNS);
    const body = rows.slice(1);
    const { total } = await t.ok('analysis.excerpts', { codeIds: allCodes(), includeDescendants: false, limit: 1 });
    expect(body).toHaveLength(total);
    expect(body.every((r) => r.length === COLUMNS.length)).toBe(true);

    const col = (name: string) => COLUMNS.indexOf(name);
    const tricky = body.find((r) => r[col('Source')] === 'Tricky notes')!;
    // A spreadsheet would run a cell starting with "=" as a formula: it is prefixed with a quote.
    expect(tricky[col('Quote')]).toBe(`'${TRICKY}`);
    expect(tricky[col('Memo')]).toBe(TRICKY_MEMO);
    expect(tricky[col('Code path')]).toBe('Intellectual property');
    expect(tricky[col('Participant')]).toBe('');
    // Start and End count characters: the emoji before the line break counts once.
    expect(Number(tricky[col('End')]) - Number(tricky[col('Start')])).toBe([...TRICKY].length);

    const quote = 'For me it is a small, assessed piece of learning with clearly stated outcomes, and a record that someone else can check.';
    const pa = body.find((r) => r[col('Quote')] === quote)!;
    expect(pa.slice(0, 8)).toEqual(['What / Definition', 'Definition', 'What', 'PA', 'Subject-matter expert', 'Interview with PA', 'interview', expect.stringContaining('00:04:20')]);
    expect(pa[col('Memo')]).toContain('PA makes assessment the defining feature');
    expect(pa[col('Coder')]).toBeTruthy();
    expect(pa[col('Coded at')]).toMatch(/^\d{4}-\d\d-\d\dT/);
    // Rows follow the codebook: every Why row comes before the first What row.
    const sections = body.map((r) => r[col('Section')]);
    expect(sections.lastIndexOf('Why')).toBeLessThan(sections.indexOf('What'));
  });

  it('writes XLSX that Excel reads as a table: header first, numbers as numbers, an About sheet with the filters', async () => {
    const filter = { codeIds: [ids.codes['Why']!], participantIds: [ids.participants['PB']!] };
    const file = await t.ok('export.excerpts', { filter, format: 'xlsx' });
    expect(file.fileName).toBe('coded-excerpts-why.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytesOf(file) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Excerpts')!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual(COLUMNS);
    const { total } = await t.ok('analysis.excerpts', { ...filter, limit: 1 });
    expect(total).toBeGreaterThan(0);
    expect(sheet.actualRowCount).toBe(total + 1);
    for (let r = 2; r <= total + 1; r++) {
      const row = values(r);
      expect(row[3]).toBe('PB');
      expect(row[2]).toBe('Why');
      expect(typeof row[8]).toBe('number');
      expect(row[13]).toBeInstanceOf(Date);
    }
    const about = workbook.getWorksheet('About')!;
    const lines = about.getSheetValues().flatMap((r) => (Array.isArray(r) ? [r.slice(1).join(': ')] : []));
    expect(lines).toContain('Participants: PB');
    expect(lines).toContain('Codes: Why (with their subcodes)');
    expect(lines.find((l) => l.startsWith('Excerpts:'))).toContain(String(total));
  });

  it('honours the filters: one code with or without subcodes, one participant, an attribute value', async () => {
    const rowsOf = async (filter: Record<string, unknown>) => {
      const file = await t.ok('export.excerpts', { filter: filter as { codeIds: number[] }, format: 'csv' });
      return parseCsv(bytesOf(file).toString('utf8').slice(1)).slice(1);
    };
    const why = ids.codes['Why']!;
    expect(await rowsOf({ codeIds: [why], includeDescendants: false })).toHaveLength(0);
    const withSubcodes = await rowsOf({ codeIds: [why] });
    expect(withSubcodes.map((r) => r[1]).sort()).toEqual([...Array(4).fill('Value added'), ...Array(5).fill('Institutional strategy')].sort());
    const pa = await rowsOf({ codeIds: allCodes(), participantIds: [ids.participants['PA']!] });
    expect(pa.length).toBeGreaterThan(3);
    expect(new Set(pa.map((r) => r[3]))).toEqual(new Set(['PA']));
    const leader = await rowsOf({ codeIds: allCodes(), attributeValues: [{ attributeId: ids.role, values: ['Design team leader'] }] });
    expect(leader.length).toBeGreaterThan(0);
    expect(new Set(leader.map((r) => r[3]))).toEqual(new Set(['PC']));
    const count = await t.ok('export.count', { codeIds: allCodes(), attributeValues: [{ attributeId: ids.role, values: ['Design team leader'] }] });
    expect(count.excerpts).toBe(leader.length);
    expect(count.participants).toBe(1);
    const both = await t.ok('export.count', { codeIds: allCodes(), attributeValues: [{ attributeId: ids.role, values: ['Design team leader', 'Subject-matter expert'] }] });
    expect(both.participants).toBe(3);
    const documents = await rowsOf({ codeIds: allCodes(), sourceKinds: ['document'] });
    expect(new Set(documents.map((r) => r[6]))).toEqual(new Set(['document']));
  });

  it('refuses unknown codes, participants and attributes, naming the field', async () => {
    const bad = await t.host.call('export.excerpts', { filter: { codeIds: [9999] }, format: 'csv' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'not_found', field: 'filter.codeIds', message: 'Code 9999 does not exist' } });
    const who = await t.host.call('export.count', { codeIds: allCodes(), participantIds: [777] });
    expect(who).toMatchObject({ ok: false, error: { code: 'not_found', field: 'participantIds' } });
    const attr = await t.host.call('export.count', { codeIds: allCodes(), attributeValues: [{ attributeId: 55, values: ['x'] }] });
    expect(attr).toMatchObject({ ok: false, error: { code: 'not_found', field: 'attributeValues' } });
    const format = await t.host.call('export.excerpts', { filter: { codeIds: allCodes() }, format: 'pdf' });
    expect(format).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'format' } });
    const none = await t.host.call('export.count', { codeIds: [] });
    expect(none).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'codeIds' } });
  });
});
