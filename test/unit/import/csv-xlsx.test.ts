import { describe, expect, it } from 'vitest';
import { looksTabular, parseCsv } from '../../../electron/backend/import/parsers/csv.ts';
import { ImportError } from '../../../electron/backend/import/parsers/errors.ts';
import { parseXlsx } from '../../../electron/backend/import/parsers/xlsx.ts';
import { makeXlsx, truncated } from '../../helpers/files.ts';

describe('parseCsv', () => {
  it('reads quoted cells with delimiters, doubled quotes and line breaks (RFC 4180)', () => {
    const csv = 'Participant,Q1 Why,Q2 What\r\nPA,"Value, mostly","He said ""flexible""\r\nand portable"\r\nPB,,5" tall\r\n';
    expect(parseCsv(csv, 'answers.csv')).toEqual({
      header: ['Participant', 'Q1 Why', 'Q2 What'],
      rows: [
        ['PA', 'Value, mostly', 'He said "flexible"\nand portable'],
        ['PB', '', '5" tall'],
      ],
    });
  });

  it('detects semicolon and tab delimiters from the header line, and Excel’s sep= line', () => {
    expect(parseCsv('id;text\n1;a,b\n', 'eu.csv')).toEqual({ header: ['id', 'text'], rows: [['1', 'a,b']] });
    expect(parseCsv('id\ttext\n1\ta;b, c\n', 'x.tsv')).toEqual({ header: ['id', 'text'], rows: [['1', 'a;b, c']] });
    expect(parseCsv('sep=;\nid;text\n1;x\n', 'excel.csv').rows).toEqual([['1', 'x']]);
  });

  it('reads a Spanish-locale Excel CSV: semicolons, with commas left unquoted in headers and decimal numbers', () => {
    const csv = 'Respondent;¿Por qué, en su opinión, tomó el curso?;Nota media\r\nR1;Por trabajo, sobre todo;7,5\r\nR2;Curiosidad;8,25\r\n';
    expect(parseCsv(csv, 'encuesta.csv')).toEqual({
      header: ['Respondent', '¿Por qué, en su opinión, tomó el curso?', 'Nota media'],
      rows: [['R1', 'Por trabajo, sobre todo', '7,5'], ['R2', 'Curiosidad', '8,25']],
    });
  });

  it('tells a tab-separated table in a .txt (Excel’s "Unicode Text") from a transcript', () => {
    expect(looksTabular('id\tage\tanswer\nR1\t30\tyes\nR2\t41\tno\n')).toBe(true);
    expect(looksTabular('Interviewer: Hello.\tHi\nAnn: Hello.\n')).toBe(false);
  });

  it('skips blank lines but keeps counting them as rows', () => {
    expect(parseCsv('a,b\n\n1,2\n\n', 'x.csv').rows).toEqual([['1', '2']]);
    expect(() => parseCsv('a,b\n\n1,2\n3\n', 'x.csv')).toThrow('x.csv, row 4: 1 cells');
  });

  it('names the row (header = row 1) of a ragged row, counting a multi-line cell as one row', () => {
    const csv = 'Participant,Q1,Q2\nPA,"line one\nline two",x\nPB,a,b\nPC,a,b,c\n';
    const error = (() => {
      try {
        parseCsv(csv, 'interview.csv');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toBe(
      'interview.csv, row 4: 4 cells, but the header (row 1) has 3 columns; look for a missing or extra comma, or a comma inside a cell that is not quoted',
    );
    expect((error as ImportError).where).toEqual({ row: 4 });
  });

  it('names the line where an unterminated quote opened', () => {
    expect(() => parseCsv('a,b\n1,2\n3,"never closed\n4,5\n', 'broken.csv')).toThrow(
      'broken.csv, line 3: a quoted cell starts here but its closing quote mark is missing',
    );
    expect(() => parseCsv('a,b\n1,"x"y\n', 'stray.csv')).toThrow('stray.csv, line 2: a quoted cell has text after its closing quote');
  });

  it('refuses a file without a header', () => {
    expect(() => parseCsv('\n\n', 'empty.csv')).toThrow('empty.csv has no header row');
  });
});

describe('parseXlsx', () => {
  it('reads the first worksheet: dates as ISO, numbers as text, rich text joined, formulas as results', async () => {
    const bytes = await makeXlsx([
      ['Participant', 'Joined', 'Score', 'Comment', 'Total', 'Agreed'],
      ['PA', new Date(Date.UTC(2024, 2, 5)), 4.5, { richText: [{ text: 'Very ' }, { text: 'useful', font: { bold: true } }] }, { formula: 'C2*2', result: 9 }, true],
      [null, null, null, null, null, null],
      ['PB', new Date(Date.UTC(2023, 11, 31, 14, 30, 0)), 10, 'plain', { formula: 'C4*2', result: 20 }, false],
    ]);
    expect(await parseXlsx(bytes, 'survey.xlsx')).toEqual({
      header: ['Participant', 'Joined', 'Score', 'Comment', 'Total', 'Agreed'],
      rows: [
        ['PA', '2024-03-05', '4.5', 'Very useful', '9', 'TRUE'],
        ['PB', '2023-12-31T14:30:00', '10', 'plain', '20', 'FALSE'],
      ],
    });
  });

  it('uses the first non-empty row as header and pads short rows', async () => {
    const bytes = await makeXlsx([['id', 'answer'], ['1']], { firstRow: 3 });
    expect(await parseXlsx(bytes, 's.xlsx')).toEqual({ header: ['id', 'answer'], rows: [['1', '']] });
  });

  it('names the row and cell of a value outside the header', async () => {
    const bytes = await makeXlsx([['id', 'answer'], ['1', 'a'], ['2', 'b', 'stray']]);
    await expect(parseXlsx(bytes, 's.xlsx')).rejects.toThrow('s.xlsx, row 3: cell C3 has a value, but column C has no header in row 1');
  });

  it('refuses a truncated workbook and a non-ZIP file, naming them', async () => {
    const bytes = await makeXlsx([['id'], ['1']]);
    await expect(parseXlsx(truncated(bytes), 'half.xlsx')).rejects.toThrow(/^half\.xlsx is not a valid XLSX file: the archive is damaged \(no central directory/);
    await expect(parseXlsx(new TextEncoder().encode('a,b\n1,2'), 'renamed.xlsx')).rejects.toThrow(
      'renamed.xlsx is not a valid XLSX file (it is not a ZIP archive)',
    );
  });
});
