import { describe, expect, it } from 'vitest';
import { htmlToPlainText, plainTextToHtml } from '../../../shared/domain/html-text.ts';
import { segmentRange } from '../../../shared/domain/segments.ts';
import { parseLaunchArgs } from '../../../electron/launch-args.ts';
import { sql, sqlJoin, sqlText } from '../../../electron/backend/db/sql.ts';

describe('segments for drawing overlapping codings', () => {
  it('cuts a range at every boundary and lists the codings over each piece', () => {
    const segs = segmentRange(0, 20, [{ id: 1, start: 2, end: 10 }, { id: 2, start: 5, end: 15 }, { id: 3, start: 30, end: 40 }]);
    expect(segs.map((s) => [s.start, s.end, s.codingIds])).toEqual([
      [0, 2, []], [2, 5, [1]], [5, 10, [1, 2]], [10, 15, [2]], [15, 20, []],
    ]);
  });
});

describe('memo text', () => {
  it('renders the memo editor HTML as plain text and back', () => {
    expect(htmlToPlainText('<p>Owners &amp; <strong>rights</strong></p><p>Line<br>two &#x1F600;</p>')).toBe('Owners & rights\nLine\ntwo 😀');
    expect(plainTextToHtml('a < b\n\nsecond')).toBe('<p>a &lt; b</p><p>second</p>');
  });
});

describe('launch arguments', () => {
  it('reads --project, --port and --home in both spellings', () => {
    expect(parseLaunchArgs(['--project', 'a.marginalia', '--port=8080', 'stats'])).toEqual({ project: 'a.marginalia', port: 8080, rest: ['stats'] });
    expect(() => parseLaunchArgs(['--port', 'eighty'])).toThrow(/port number/);
    expect(() => parseLaunchArgs(['--project'])).toThrow(/needs a value/);
  });
});

describe('the sql tagged template', () => {
  it('binds values as parameters and nests fragments', () => {
    const name = "Robert'); DROP TABLE codes;--";
    const q = sql`SELECT * FROM codes WHERE name = ${name} AND id IN (${sqlJoin([sql`${1}`, sql`${2}`])}) AND x = ${true}`;
    expect(q.text).toBe('SELECT * FROM codes WHERE name = ? AND id IN (?, ?) AND x = ?');
    expect(q.values).toEqual([name, 1, 2, 1]);
  });

  it('gives a call site with values only the same text every time, with the values of each call', () => {
    const find = (id: number, flag: boolean, label: string | null) => sql`SELECT * FROM codes WHERE id = ${id} AND flag = ${flag} AND label IS ${label}`;
    const a = find(1, true, 'x');
    const b = find(2, false, null);
    expect(a.text).toBe('SELECT * FROM codes WHERE id = ? AND flag = ? AND label IS ?');
    expect(b.text).toBe(a.text);
    expect(a.values).toEqual([1, 1, 'x']);
    expect(b.values).toEqual([2, 0, null]);
    expect(sql`SELECT 1`.text).toBe('SELECT 1');
  });

  it('takes text made by code with one value per placeholder, and refuses a count that does not match', () => {
    const q = sqlText('INSERT INTO t (a, b) VALUES (?, ?), (?, ?)', [1, 'x', 2, null]);
    expect(q).toEqual({ text: 'INSERT INTO t (a, b) VALUES (?, ?), (?, ?)', values: [1, 'x', 2, null], __sql: true });
    expect(() => sqlText('INSERT INTO t (a, b) VALUES (?, ?), (?, ?)', [1, 'x', 2])).toThrow('sqlText: 4 placeholders but 3 values');
    expect(() => sqlText('SELECT ?', [])).toThrow('sqlText: 1 placeholders but 0 values');
    expect(sqlText('SELECT 1', []).values).toEqual([]);
  });
});
