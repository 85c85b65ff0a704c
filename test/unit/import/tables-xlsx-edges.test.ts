import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cellText, columnName, parseXlsx, readXlsxTable } from '../../../electron/backend/import/parsers/xlsx.ts';
import { makeDocx, makeXlsx } from '../../helpers/files.ts';

const utc = (...parts: [number, number, number, number?, number?, number?, number?]) => new Date(Date.UTC(...parts));

describe('column letters', () => {
  it('count like a spreadsheet: A..Z, AA..AZ, BA.., ZZ, AAA, up to XFD', () => {
    const cases: [number, string][] = [
      [1, 'A'], [2, 'B'], [26, 'Z'], [27, 'AA'], [52, 'AZ'], [53, 'BA'], [702, 'ZZ'], [703, 'AAA'], [16384, 'XFD'],
    ];
    for (const [n, name] of cases) expect(columnName(n), String(n)).toBe(name);
  });
});

describe('cell text', () => {
  it('gives the shown text of error, hyperlink and formula cells', () => {
    expect(cellText({ error: '#DIV/0!' })).toBe('#DIV/0!');
    expect(cellText({ text: 'Project site', hyperlink: 'https://example.org' })).toBe('Project site');
    expect(cellText({ text: { richText: [{ text: 'Rich ' }, { text: 'link' }] }, hyperlink: 'https://example.org' } as unknown as ExcelJS.CellValue)).toBe(
      'Rich link',
    );
    expect(cellText({ sharedFormula: 'A2', result: 'shared' } as unknown as ExcelJS.CellValue)).toBe('shared');
    expect(cellText({ formula: 'A1&B1' } as ExcelJS.CellValue)).toBe('');
    expect(cellText({ formula: 'A1=1', result: false } as ExcelJS.CellValue)).toBe('FALSE');
  });

  it('reads empty, zero and invalid-date cells', () => {
    expect(cellText(null)).toBe('');
    expect(cellText(undefined as unknown as ExcelJS.CellValue)).toBe('');
    expect(cellText(0)).toBe('0');
    expect(cellText('')).toBe('');
    expect(cellText(new Date(Number.NaN))).toBe('');
    expect(cellText({} as ExcelJS.CellValue)).toBe('');
  });

  it('writes dates as ISO text, a time of day only when there is one, rounded to the second', () => {
    expect(cellText(utc(2024, 0, 9))).toBe('2024-01-09');
    expect(cellText(utc(2024, 0, 9, 8, 5, 3))).toBe('2024-01-09T08:05:03');
    expect(cellText(utc(2024, 0, 9, 8, 5, 2, 999))).toBe('2024-01-09T08:05:03');
    expect(cellText(utc(2024, 11, 31, 23, 59, 59, 600))).toBe('2025-01-01');
    expect(cellText(utc(2024, 0, 9, 0, 0, 0, 400))).toBe('2024-01-09');
    expect(cellText(utc(1899, 11, 30, 9, 15))).toBe('09:15:00');
    expect(cellText(utc(1899, 11, 31, 9, 15))).toBe('1899-12-31T09:15:00');
  });

  it('reads a time-only cell and a date-time cell from a saved workbook as Excel shows them', async () => {
    const bytes = await makeXlsx([
      ['Participant', 'Started', 'Duration'],
      ['P1', utc(2024, 4, 17, 10, 0, 0), utc(1899, 11, 30, 0, 42, 10)],
    ]);
    expect((await parseXlsx(bytes, 't.xlsx')).rows).toEqual([['P1', '2024-05-17T10:00:00', '00:42:10']]);
  });
});

describe('worksheet layout', () => {
  it('reads only the first worksheet, even when another comes first alphabetically', async () => {
    const workbook = new ExcelJS.Workbook();
    const first = workbook.addWorksheet('Responses');
    first.addRow(['id', 'answer']);
    first.addRow(['1', 'from the first sheet']);
    workbook.addWorksheet('A notes').addRow(['note', 'x']);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await parseXlsx(bytes, 'w.xlsx')).toEqual({ header: ['id', 'answer'], rows: [['1', 'from the first sheet']] });
  });

  it('trims header names, drops empty trailing header cells and skips rows of spaces', async () => {
    const bytes = await makeXlsx([[' id ', 'answer  ', '', '  ', null], ['1', ' yes '], ['  ', ' '], [null, 'no']]);
    expect(await parseXlsx(bytes, 'w.xlsx')).toEqual({ header: ['id', 'answer'], rows: [['1', ' yes '], ['', 'no']] });
  });

  it('fills the gaps inside a row with empty cells', async () => {
    const bytes = await makeXlsx([['id', 'q1', 'q2', 'q3'], ['1', null, 'x', null]]);
    expect((await parseXlsx(bytes, 'w.xlsx')).rows).toEqual([['1', '', 'x', '']]);
  });

  it('keeps the sheet’s own row numbers, skipping empty rows', async () => {
    const bytes = await makeXlsx([['id'], ['1'], [null], ['2']], { firstRow: 3 });
    const table = await readXlsxTable(bytes, 'w.xlsx');
    expect(table.rows).toEqual([['1'], ['2']]);
    expect(table.rowNumbers).toEqual([4, 6]);
  });

  it('widens a header with gaps (SurveyMonkey) to the options named in the second header row', async () => {
    const bytes = await makeXlsx([
      ['Respondent ID', 'Which fruits do you eat?', '', '', 'Why?', ''],
      [null, 'Apple', 'Pear', 'Plum', 'Open-Ended Response', 'Other (please specify)'],
      ['114', 'Apple', null, 'Plum', 'Taste', 'Figs'],
    ]);
    expect(await parseXlsx(bytes, 'monkey.xlsx')).toEqual({
      header: ['Respondent ID', 'Which fruits do you eat?', '', '', 'Why?', ''],
      rows: [
        ['', 'Apple', 'Pear', 'Plum', 'Open-Ended Response', 'Other (please specify)'],
        ['114', 'Apple', '', 'Plum', 'Taste', 'Figs'],
      ],
    });
  });

  it('keeps a header with gaps as it is when the second header row is shorter or missing', async () => {
    const shorter = await makeXlsx([
      ['Respondent ID', 'Which fruits do you eat?', '', 'Comments'],
      [null, 'Apple', 'Pear'],
      ['114', 'Apple', null, 'Tasty'],
    ]);
    expect(await parseXlsx(shorter, 'monkey.xlsx')).toEqual({
      header: ['Respondent ID', 'Which fruits do you eat?', '', 'Comments'],
      rows: [
        ['', 'Apple', 'Pear', ''],
        ['114', 'Apple', '', 'Tasty'],
      ],
    });
    const alone = await makeXlsx([['id', '', 'answer']]);
    expect(await parseXlsx(alone, 'header-only.xlsx')).toEqual({ header: ['id', '', 'answer'], rows: [] });
  });

  it('treats a header cell of spaces as a gap to widen', async () => {
    const bytes = await makeXlsx([
      ['Respondent ID', 'Which fruits do you eat?', ' ', 'Why?', ''],
      [null, 'Apple', 'Pear', 'Open-Ended Response', 'Other (please specify)'],
    ]);
    expect(await parseXlsx(bytes, 'monkey.xlsx')).toEqual({
      header: ['Respondent ID', 'Which fruits do you eat?', '', 'Why?', ''],
      rows: [['', 'Apple', 'Pear', 'Open-Ended Response', 'Other (please specify)']],
    });
  });

  it('widens the header to the second row when the first row’s trailing spanned cells are absent from the file', async () => {
    // Writers omit empty cells: the first row ends at "Why?", the options row runs one further.
    const bytes = await makeXlsx([
      ['Respondent ID', 'Which fruits do you eat?', null, 'Why?'],
      [null, 'Apple', 'Pear', 'Open-Ended Response', 'Other (please specify)'],
      ['114', 'Apple', null, 'Tasty', 'Figs'],
    ]);
    expect(await parseXlsx(bytes, 'monkey.xlsx')).toEqual({
      header: ['Respondent ID', 'Which fruits do you eat?', '', 'Why?', ''],
      rows: [
        ['', 'Apple', 'Pear', 'Open-Ended Response', 'Other (please specify)'],
        ['114', 'Apple', '', 'Tasty', 'Figs'],
      ],
    });
  });

  it('does not widen a header without gaps to a longer second row, and names the stray cell', async () => {
    const bytes = await makeXlsx([['id', 'answer', '', ' '], ['1', 'a', 'extra']], { firstRow: 2 });
    await expect(parseXlsx(bytes, 'w.xlsx')).rejects.toThrow('w.xlsx, row 3: cell C3 has a value, but column C has no header in row 2');
  });

  it('names a stray cell past column Z by its two letters', async () => {
    const header = Array.from({ length: 26 }, (_, i) => `Q${i + 1}`);
    const bytes = await makeXlsx([header, [...header.map(() => 'a'), 'stray']]);
    await expect(parseXlsx(bytes, 'wide.xlsx')).rejects.toThrow('wide.xlsx, row 2: cell AA2 has a value, but column AA has no header in row 1');
  });

  it('ignores cells of spaces past the header', async () => {
    const bytes = await makeXlsx([['id', 'answer'], ['1', 'a', '   ']]);
    expect((await parseXlsx(bytes, 'w.xlsx')).rows).toEqual([['1', 'a']]);
  });
});

describe('workbooks that cannot be read', () => {
  it('says the first worksheet is empty', async () => {
    await expect(parseXlsx(await makeXlsx([]), 'blank.xlsx')).rejects.toThrow(/^blank\.xlsx has no data in its first worksheet$/);
    await expect(parseXlsx(await makeXlsx([[' ', null]]), 'spaces.xlsx')).rejects.toThrow(/^spaces\.xlsx has no data in its first worksheet$/);
  });

  it('says a workbook without any worksheet has no data', async () => {
    const bytes = new Uint8Array(await new ExcelJS.Workbook().xlsx.writeBuffer());
    await expect(parseXlsx(bytes, 'sheetless.xlsx')).rejects.toThrow(/^sheetless\.xlsx has no data in its first worksheet$/);
  });

  it('says a Word document renamed to .xlsx is not a workbook', async () => {
    await expect(parseXlsx(await makeDocx(['Hello']), 'renamed.xlsx')).rejects.toThrow(
      /^renamed\.xlsx is not a valid XLSX file \(xl\/workbook\.xml is missing\)$/,
    );
  });

  it('names a workbook whose parts exceljs cannot read, giving its reason without a trailing full stop', async () => {
    const broken = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), xl: { 'workbook.xml': strToU8('<workbook><sheets><sheet') } });
    const error = await parseXlsx(broken, 'broken.xlsx').then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error?.name).toBe('ImportError');
    expect(error?.message).toMatch(/^broken\.xlsx is not a valid XLSX file \(.*[^.]\)$/);
  });
});
