import { describe, expect, it } from 'vitest';
import { kwic } from '../../../shared/domain/analysis/kwic.ts';
import { cooccurrenceTable, crosswalkTable, frameworkSummaryTable, kwicTable, wordTable } from '../../../shared/domain/analysis/tables.ts';
import type { CooccurrenceMatrix, FrameworkCoverage, KwicHit, MatrixRow } from '../../../shared/domain/analysis/types.ts';

describe('keyword in context, as the search list and its export show it', () => {
  const text = 'one two three four five six seven eight nine ten';
  const five = { start: text.indexOf('five'), end: text.indexOf('five') + 4 };

  it('cuts the context at word breaks, with an ellipsis where the text goes on', () => {
    expect(kwic(text, five, { start: 0, end: text.length }, 12)).toEqual({ before: '…three four ', match: 'five', after: ' six seven…' });
  });

  it('stops at the unit’s edges without an ellipsis, however wide the context', () => {
    const unit = { start: text.indexOf('three'), end: text.indexOf(' eight') };
    expect(kwic(text, five, unit, 70)).toEqual({ before: 'three four ', match: 'five', after: ' six seven' });
  });

  it('keeps part of a long word rather than losing most of the context to a word break', () => {
    const long = `${'a'.repeat(40)} five ${'b'.repeat(40)}`;
    const hit = { start: 41, end: 45 };
    expect(kwic(long, hit, { start: 0, end: long.length }, 12)).toEqual({ before: `…${'a'.repeat(11)} `, match: 'five', after: ` ${'b'.repeat(11)}…` });
  });

  it('shows line breaks and runs of spaces as one space', () => {
    const spaced = 'Interviewer asked:\n\n  why   the\tbadge\nmatters now';
    const hit = { start: spaced.indexOf('badge'), end: spaced.indexOf('badge') + 5 };
    expect(kwic(spaced, hit, { start: 0, end: spaced.length })).toEqual({ before: 'Interviewer asked: why the ', match: 'badge', after: ' matters now' });
  });
});

const row = (codeId: number, path: string[]): MatrixRow => ({ key: `c${codeId}`, codeId, label: path.at(-1)!, path, depth: path.length - 1, color: '#336699', codeIds: [codeId], leaf: true });

describe('analysis tables as exported to CSV and Excel', () => {
  it('writes the co-occurrence matrix with its mode, the diagonal, and the coders counted', () => {
    const m: CooccurrenceMatrix = { rows: [row(1, ['Why', 'Value added']), row(2, ['How'])], counts: [[4, 1], [1, 3]], mode: 'overlap' };
    expect(cooccurrenceTable(m, 'Co-occurrence', ['Ana Ruiz', 'Ben Ode'])).toEqual({
      title: 'Co-occurrence',
      columns: ['Code', 'Why / Value added', 'How'],
      rows: [['Why / Value added', 4, 1], ['How', 1, 3]],
      notes: ['Pairs of codings that overlap in the text', 'Diagonal: codings of the row', 'Coders: Ana Ruiz, Ben Ode'],
    });
    expect(cooccurrenceTable({ ...m, mode: 'unit' }, 'C', []).notes).toEqual(['Pairs of codings that share a unit', 'Diagonal: codings of the row', 'Coders: none']);
    expect(cooccurrenceTable(m, 'C').notes).toHaveLength(2);
  });

  const coverage: FrameworkCoverage = {
    frameworks: [
      { id: 7, name: 'EQF', itemsLinked: 2, itemsTotal: 3, categoriesLinked: 1, categoriesTotal: 4, elements: [{ id: 70, name: 'Knowledge', items: 1, categories: 1, codings: 5 }, { id: 71, name: 'Skills', items: 1, categories: 0, codings: 0 }] },
      { id: 8, name: 'Empty framework', itemsLinked: 0, itemsTotal: 0, categoriesLinked: 0, categoriesTotal: 0, elements: [] },
    ],
    crosswalk: [
      { codeId: 1, label: 'Why / Value added', color: '#000', depth: 1, codings: 5, elementIds: [70] },
      { codeId: 2, label: 'How', color: '#000', depth: 0, codings: 2, elementIds: [] },
    ],
  };

  it('summarises framework coverage with shares in percent, 0 for an empty framework', () => {
    expect(frameworkSummaryTable(coverage)).toEqual({
      title: 'Framework coverage',
      columns: ['Framework', 'Items linked', 'Items', 'Items %', 'Categories linked', 'Categories', 'Categories %'],
      rows: [['EQF', 2, 3, 66.7, 1, 4, 25], ['Empty framework', 0, 0, 0, 0, 0, 0]],
    });
  });

  it('writes the crosswalk of one framework: codings where a category is linked, empty where not', () => {
    const t = crosswalkTable(coverage, 7);
    expect(t.title).toBe('Crosswalk EQF');
    expect(t.columns).toEqual(['Category', 'Knowledge', 'Skills']);
    expect(t.rows).toEqual([['Why / Value added', 5, null], ['How', null, null]]);
    expect(t.notes).toEqual(['A number: the category is linked to the element; it counts the codings of the category and its subcategories.']);
    expect(crosswalkTable(coverage, 99)).toMatchObject({ title: 'Crosswalk', columns: ['Category'], rows: [['Why / Value added'], ['How']] });
  });

  it('writes word counts and search hits, a hit without a participant under its speaker', () => {
    expect(wordTable({ words: [{ word: 'badge', count: 12, sources: 3 }], totalWords: 100, distinctWords: 40, sourcesCounted: 3 })).toEqual({ title: 'Word frequency', columns: ['Word', 'Count', 'Sources'], rows: [['badge', 12, 3]] });
    const hit = (participantLabel: string | null, speaker: string | null): KwicHit => ({
      sourceId: 1, sourceName: 'Interview with PA', sourceKind: 'interview', unitId: 3, unitKind: 'turn', participantId: null, participantLabel, speaker, start: 10, end: 15, before: '…the ', match: 'badge', after: ' matters',
    });
    expect(kwicTable([hit('PA', 'Ana'), hit(null, 'Interviewer')], 'badge')).toEqual({
      title: 'Search badge',
      columns: ['Source', 'Participant', 'Before', 'Match', 'After', 'Start', 'End'],
      rows: [['Interview with PA', 'PA', '…the ', 'badge', ' matters', 10, 15], ['Interview with PA', 'Interviewer', '…the ', 'badge', ' matters', 10, 15]],
    });
  });
});
