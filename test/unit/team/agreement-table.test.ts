import { describe, expect, it } from 'vitest';
import { computeAgreement } from '../../../shared/domain/team/agreement.ts';
import { agreementTable } from '../../../shared/domain/team/agreement-table.ts';
import { countPhrase, mergeCountsInWords } from '../../../shared/domain/team/merge-words.ts';

const input = (coders: number) => ({
  level: 'character' as const,
  coders: [{ id: 1, name: 'Ana' }, { id: 2, name: 'Ben' }, { id: 3, name: 'Cleo' }].slice(0, coders),
  sources: [{ id: 10, name: 'Interview PA', length: 100, units: [] }],
  codes: [{ id: 5, name: 'Why' }, { id: 6, name: 'Why / Cost' }],
  // Ana codes 0–40, Ben 20–60 with Why; nobody uses Cost.
  codings: [
    { sourceId: 10, codeId: 5, coderId: 1, start: 0, end: 40 },
    { sourceId: 10, codeId: 5, coderId: 2, start: 20, end: 60 },
    { sourceId: 10, codeId: 5, coderId: 3, start: 0, end: 40 },
  ],
  worked: () => true,
});

describe('the agreement table as exported', () => {
  it('has a row per code and the pooled row, with the 2×2 counts for two coders', () => {
    const t = agreementTable(computeAgreement(input(2)));
    expect(t.columns).toEqual(['Code', 'Characters compared', 'Percent agreement', 'Kappa', 'Agreement from text neither coded', 'Krippendorff’s alpha', 'Both coded', 'Only Ana', 'Only Ben', 'Neither coded', 'Notes']);
    // Both 20, only Ana 20, only Ben 20, neither 40: po 0.6, pe 0.52, kappa 0.1667.
    expect(t.rows[0]!.slice(0, 4)).toEqual(['Why', 100, 0.6, 0.167]);
    expect(t.rows[0]!.slice(6, 10)).toEqual([20, 20, 20, 40]);
    // Nobody coded Cost: kappa is 0/0, shown as 1 with its reason in Notes.
    expect(t.rows[1]![3]).toBe(1);
    expect(t.rows[1]![10]).toMatch(/^Kappa: Only one category occurs/);
    expect(t.rows[2]![0]).toBe('All codes');
    expect(t.title).toBe('Agreement Ana, Ben');
  });

  it('leaves the counts out with three coders, and says kappa is Light’s', () => {
    const t = agreementTable(computeAgreement(input(3)));
    expect(t.columns).not.toContain('Both coded');
    expect(t.rows[0]![t.columns.indexOf('Notes')]).toContain("Light's kappa");
  });

  it('speaks of one coding in the singular', () => {
    expect(countPhrase(1, 'codings added')).toBe('coding added');
    expect(countPhrase(2, 'codings added')).toBe('codings added');
    const counts = { coders: 1, codesAdded: 1, codesMatched: 4, codesRenamed: 0, codesDeleted: 0, sourcesMatched: 3, sourcesAdded: 0, codings: 12, codingsPresent: 0, codingsLeftOut: 0, memos: 0, memosUpdated: 0, memosLeftOut: 0, codingsRemoved: 0, codingsReplaced: 0, memosRemoved: 0 };
    expect(mergeCountsInWords(counts, true)).toBe('12 codings added, 1 code added, 3 sources matched');
    expect(mergeCountsInWords({ ...counts, codings: 0, codingsRemoved: 1, codingsReplaced: 2 }, false)).toBe(
      '2 codings to replace with the copy’s changed version, 1 coding to remove (deleted in the copy), 1 code to add, 3 sources matched',
    );
  });
});
