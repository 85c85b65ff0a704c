import { describe, expect, it } from 'vitest';
import { looksTabular, parseCsv, readCsvTable } from '../../../electron/backend/import/parsers/csv.ts';
import { ImportError } from '../../../electron/backend/import/parsers/errors.ts';
import { thrownBy } from '../../helpers/errors.ts';

/** The ImportError a parse throws (or a failure when it does not throw one). */
const failure = (run: () => unknown) => thrownBy(ImportError, run);

describe('CSV cells as spreadsheet tools write them', () => {
  it('reads a quoted cell after a space (Excel with some locales writes `1, "a, b"`)', () => {
    expect(parseCsv('id,text\r\n1, "a, b"\r\n2, "c"\r\n', 'x.csv').rows).toEqual([
      ['1', 'a, b'],
      ['2', 'c'],
    ]);
  });

  it('allows spaces and tabs after a closing quote', () => {
    expect(parseCsv('id,text\n"1" ,"a, b"\t\n', 'x.csv').rows).toEqual([['1', 'a, b']]);
  });

  it('keeps a quote mark inside an unquoted cell as text', () => {
    expect(parseCsv('id,text\n1,He said "yes"\n', 'x.csv').rows).toEqual([['1', 'He said "yes"']]);
  });

  it('trims header names but keeps the answers as written', () => {
    expect(parseCsv(' id , answer \n1,  indented\n', 'x.csv')).toEqual({ header: ['id', 'answer'], rows: [['1', '  indented']] });
  });

  it('keeps the last row when the file does not end with a line break, even when its last cell is empty', () => {
    expect(parseCsv('a,b\n1,2', 'x.csv').rows).toEqual([['1', '2']]);
    expect(parseCsv('a,b\n1,', 'x.csv').rows).toEqual([['1', '']]);
    expect(parseCsv('a,b\n1,""', 'x.csv').rows).toEqual([['1', '']]);
  });

  it('keeps a row of empty answers but skips lines of spaces', () => {
    expect(parseCsv('a,b\n   \n,\n1,2\n', 'x.csv').rows).toEqual([
      ['', ''],
      ['1', '2'],
    ]);
  });

  it('reads a single-column file', () => {
    expect(parseCsv('Comment\nGood\nBad\n', 'x.csv')).toEqual({ header: ['Comment'], rows: [['Good'], ['Bad']] });
    expect(parseCsv('Comment\r\nGood\r\nBad', 'x.csv')).toEqual({ header: ['Comment'], rows: [['Good'], ['Bad']] });
  });
});

describe('CSV delimiter detection', () => {
  it('prefers tab, then semicolon, then comma when each splits every line alike', () => {
    expect(parseCsv('a;b\tc,d\n1;2\t3,4\n', 'x.csv')).toEqual({ header: ['a;b', 'c,d'], rows: [['1;2', '3,4']] });
    expect(parseCsv('id;a,b\n1;2,5\n2;3,5\n', 'x.csv')).toEqual({
      header: ['id', 'a,b'],
      rows: [
        ['1', '2,5'],
        ['2', '3,5'],
      ],
    });
  });

  it('keeps the comma of a file whose answers hold a varying number of semicolons', () => {
    expect(parseCsv('id,Q1 Why; explain\n1,Price; quality\n2,Time; cost; place\n', 'x.csv')).toEqual({
      header: ['id', 'Q1 Why; explain'],
      rows: [
        ['1', 'Price; quality'],
        ['2', 'Time; cost; place'],
      ],
    });
  });

  it('does not count delimiters inside quoted cells', () => {
    expect(parseCsv('"Q1; why",Q2\n"a; b",c\n"d; e",f\n', 'x.csv')).toEqual({
      header: ['Q1; why', 'Q2'],
      rows: [
        ['a; b', 'c'],
        ['d; e', 'f'],
      ],
    });
  });

  it('ignores blank lines when looking for the delimiter (Spanish Excel export with an empty line)', () => {
    const csv = 'Respondent;¿Por qué, en su opinión, tomó el curso?\r\nR1;Por trabajo\r\n\r\nR2;Curiosidad\r\n  \r\nR3;No sé\r\n';
    expect(parseCsv(csv, 'encuesta.csv')).toEqual({
      header: ['Respondent', '¿Por qué, en su opinión, tomó el curso?'],
      rows: [
        ['R1', 'Por trabajo'],
        ['R2', 'Curiosidad'],
        ['R3', 'No sé'],
      ],
    });
  });

  it('finds the semicolon of a Spanish export that starts with an empty line or lacks a final line break', () => {
    expect(parseCsv('\r\nRespondent;Nota\r\nR1;7,5\r\nR2;8,5\r\n', 'a.csv').rows).toEqual([
      ['R1', '7,5'],
      ['R2', '8,5'],
    ]);
    expect(parseCsv('Respondent;¿Por qué, en su opinión?\r\nR1;Por trabajo', 'b.csv')).toEqual({
      header: ['Respondent', '¿Por qué, en su opinión?'],
      rows: [['R1', 'Por trabajo']],
    });
  });

  it('without a consistent delimiter, uses the one the header uses most and names it in the error', () => {
    const error = failure(() => parseCsv('id;q1;q2\n1;a;b;c\n', 'x.csv'));
    expect(error.message).toBe(
      'x.csv, row 2: 4 cells, but the header (row 1) has 3 columns; look for a missing or extra semicolon, or a semicolon inside a cell that is not quoted',
    );
  });

  it('reads a header-only file with the delimiter it uses', () => {
    expect(parseCsv('id;name;age\n', 'x.csv')).toEqual({ header: ['id', 'name', 'age'], rows: [] });
    expect(parseCsv('id\tname\n', 'x.csv')).toEqual({ header: ['id', 'name'], rows: [] });
    // A survey with no responses yet: one line, so no delimiter can be seen to be consistent.
    expect(parseCsv('id,Q1 Why; in short,Q2\r\n', 'x.csv')).toEqual({ header: ['id', 'Q1 Why; in short', 'Q2'], rows: [] });
  });

  it('honours a sep= line for any delimiter and names an unusual one in quotes', () => {
    expect(parseCsv('sep=|\nid|text\n1|a, b; c\n', 'x.csv')).toEqual({ header: ['id', 'text'], rows: [['1', 'a, b; c']] });
    expect(failure(() => parseCsv('sep=|\nid|text\n1|a|b\n', 'x.csv')).message).toBe(
      'x.csv, row 3: 3 cells, but the header (row 2) has 2 columns; look for a missing or extra "|", or a "|" inside a cell that is not quoted',
    );
  });

  it('reads sep= only on the first line: later, it is an answer', () => {
    expect(parseCsv('id,note\n1,Excel wants sep=;\n', 'x.csv')).toEqual({ header: ['id', 'note'], rows: [['1', 'Excel wants sep=;']] });
  });

  it('names the tab in the error of a tab-separated file', () => {
    expect(failure(() => parseCsv('id\ttext\n1\ta\n2\n', 'x.tsv')).message).toBe(
      'x.tsv, row 3: 1 cells, but the header (row 1) has 2 columns; look for a missing or extra tab, or a tab inside a cell that is not quoted',
    );
  });
});

describe('CSV row and line numbers', () => {
  it('counts leading blank lines into the header row number', () => {
    const error = failure(() => parseCsv('\n\nid,text\n1,a,b\n', 'x.csv'));
    expect(error.message).toBe(
      'x.csv, row 4: 3 cells, but the header (row 3) has 2 columns; look for a missing or extra comma, or a comma inside a cell that is not quoted',
    );
    expect(error.where).toEqual({ row: 4 });
  });

  it('gives each row the number a spreadsheet shows, after a sep= line, blank lines and multi-line cells', () => {
    const table = readCsvTable('sep=,\na,b\n\n1,2\n"x\ny",3\n4,5', 'x.csv');
    expect(table.rows).toEqual([
      ['1', '2'],
      ['x\ny', '3'],
      ['4', '5'],
    ]);
    expect(table.rowNumbers).toEqual([4, 5, 6]);
  });

  it('names the file line of text after a closing quote, counting the lines inside earlier quoted cells', () => {
    const error = failure(() => parseCsv('a,b\n"x\ny",1\n2,"z"w\n', 'x.csv'));
    expect(error.message).toBe('x.csv, line 4: a quoted cell has text after its closing quote; inside a quoted cell, write a quote mark as two ("")');
    expect(error.where).toEqual({ line: 4 });
  });

  it('names the line an unclosed quote opened on, after a multi-line cell', () => {
    const error = failure(() => parseCsv('a,b\n"x\ny",1\n2,"open\nmore\n', 'x.csv'));
    expect(error.message).toBe('x.csv, line 4: a quoted cell starts here but its closing quote mark is missing');
  });

  it('refuses a file of only blank lines and spaces as having no header', () => {
    expect(failure(() => parseCsv(' \r\n\t\r\n', 'blank.csv')).message).toBe('blank.csv has no header row (the file is empty)');
    expect(failure(() => parseCsv('', 'none.csv')).message).toBe('none.csv has no header row (the file is empty)');
  });
});

describe('looksTabular', () => {
  it('needs at least three tab-separated columns on every line, and more than one line', () => {
    expect(looksTabular('Ann:\tHello.\nBob:\tHi there.\n')).toBe(false);
    expect(looksTabular('id\tage\tanswer\n')).toBe(false);
    expect(looksTabular('id\tage\tanswer\nR1\t30\tyes\nR2\t41\n')).toBe(false);
    expect(looksTabular('id\tage\tanswer\n\nR1\t30\t"a\tb"\n')).toBe(true);
  });
});
