import { describe, expect, it } from 'vitest';
import { UNATTRIBUTED_COLOR, chartData } from '../../../shared/domain/analysis/chart-data.ts';
import type { FrequencyMatrix } from '../../../shared/domain/analysis/types.ts';
import { wordFrequency, words } from '../../../shared/domain/analysis/word-frequency.ts';
import { escapeHtml, htmlToPlainText, plainTextToHtml } from '../../../shared/domain/html-text.ts';

describe('memo text out of its HTML', () => {
  it('reads numeric character references in decimal and hex (either x), and keeps one that names no character', () => {
    expect(htmlToPlainText('&#65;&#x42;&#X43;&#x1F600;')).toBe('ABC😀');
    expect(htmlToPlainText('&#0;')).toBe('\u0000');
    expect(htmlToPlainText('&#x10FFFF;')).toBe('\u{10FFFF}');
    expect(htmlToPlainText('a &#x110000; b &#1114112; c')).toBe('a &#x110000; b &#1114112; c');
    expect(htmlToPlainText('&AMP; &Lt; &nbsp; &bogus; &apos;')).toBe("& < \u00a0 &bogus; '");
  });

  it('drops scripts and styles, breaks lines where blocks end, and keeps at most one empty line', () => {
    expect(htmlToPlainText('<style>p{}</style><p>One</p><script>alert(1)</script><h2>Two</h2><ul><li>a</li><li>b</li></ul><div>x</div><div></div><div></div><div></div>y')).toBe('One\nTwo\na\nb\nx\n\ny');
    expect(htmlToPlainText('<p>first<br/>second<BR >third</p>')).toBe('first\nsecond\nthird');
  });

  it('escapes text for HTML and writes plain text back as paragraphs with line breaks', () => {
    expect(escapeHtml('a & b < c > d "e"')).toBe('a &amp; b &lt; c &gt; d &quot;e&quot;');
    expect(plainTextToHtml('one\ntwo\n\n\nthree')).toBe('<p>one<br>two</p><p>three</p>');
  });
});

describe('word counts', () => {
  it('makes curly apostrophes straight and keeps inner hyphens and accents', () => {
    expect(words('Don’t re-use the Micro-Credential’s café')).toEqual(["don't", 're-use', 'the', "micro-credential's", 'café']);
  });

  it('sorts by count, then alphabetically, and counts length in characters, not code units', () => {
    const w = wordFrequency(
      [
        { sourceId: 1, text: 'pear apple pear zebra apple mango' },
        { sourceId: 1, text: 'ćao 😀😀 ab 42 x2' },
      ],
      { languages: [], minLength: 3, limit: 3 },
    );
    // apple and pear both twice: apple first; then the ones of one, alphabetically as a reader
    // sorts (ć with the c's, not after z as code units would put it), cut at the limit of 3.
    expect(w.words).toEqual([
      { word: 'apple', count: 2, sources: 1 },
      { word: 'pear', count: 2, sources: 1 },
      { word: 'ćao', count: 1, sources: 1 },
    ]);
    // "ćao" is three characters (kept); "ab" is too short; "42" has no letter; "x2" is too short.
    expect(w.distinctWords).toBe(5);
    expect(w.totalWords).toBe(7);
    expect(w.sourcesCounted).toBe(1);
  });
});

describe('chart series', () => {
  const column = (label: string, kind: 'participant' | 'unattributed', id = 0) =>
    kind === 'participant' ? { key: `p:${id}`, label, participantIds: [id], filter: { kind: 'participant' as const, participantId: id } } : { key: 'none', label, participantIds: [], filter: { kind: 'unattributed' as const } };
  const m: FrequencyMatrix = {
    rows: [{ key: 'code:2', codeId: 2, label: 'Value added', path: ['Why', 'Value added'], color: '#000000', depth: 1, codeIds: [2], leaf: true }],
    columns: [column('PA', 'participant', 1), column('Unattributed', 'unattributed'), column('PB', 'participant', 2)],
    measure: 'coverage',
    values: [[0.1234, 0.5, 0.25]],
    rowTotals: [0.3],
    columnTotals: [0.1234, 0.5, 0.25],
    grandTotal: 0.3,
    columnTextLength: [100, 10, 100],
    codingCount: 3,
  };

  it('greys the unattributed text and gives participants the series colours in order, skipping nothing', () => {
    const { series, data } = chartData(m, true);
    expect(series.map((s) => [s.label, s.key, s.column])).toEqual([['PA', 's0', 0], ['Unattributed', 's1', 1], ['PB', 's2', 2]]);
    expect(series[1]!.color).toBe(UNATTRIBUTED_COLOR);
    expect(series[0]!.color).toBe('#3b6ea8');
    expect(series[2]!.color).toBe('#d08c2a');
    // Coverage charted in percent with one decimal.
    expect(data).toEqual([{ rowKey: 'code:2', row: 0, label: 'Value added', s0: 12.3, s1: 50, s2: 25 }]);
  });

  it('charts counts as they are', () => {
    const counts: FrequencyMatrix = { ...m, measure: 'codings', values: [[3, 1, 2]] };
    expect(chartData(counts, false).data).toEqual([{ rowKey: 'code:2', row: 0, label: 'Value added', s0: 3, s2: 2 }]);
  });
});
