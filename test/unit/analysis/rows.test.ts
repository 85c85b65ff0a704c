import { describe, expect, it } from 'vitest';
import { buildRows, subtree, treeOrder, type CodeLite } from '../../../shared/domain/analysis/rows.ts';

const code = (id: number, parentId: number | null, name: string, position: number): CodeLite => ({ id, parentId, name, color: `#00000${id % 10}`, position });

/*
 * A codebook as researchers build it: sections in the order they were arranged (positions, not
 * ids), a code moved between two siblings so two share a position (ties go by id), a deeper
 * category, and a code whose parent was lost (an old file) that must still be counted.
 */
const codes: CodeLite[] = [
  code(10, null, 'What', 2),
  code(11, null, 'Why', 1),
  code(12, 11, 'Value added', 2),
  code(13, 11, 'Institutional strategy', 1),
  code(14, 13, 'Funding', 0),
  code(15, 11, 'Reputation', 2),
  code(16, 10, 'Definition', 0),
  code(17, 99, 'Orphan', 0),
];
const none = new Set<number>();

describe('the rows of a frequency matrix', () => {
  it('lists codes in tree order: by position under their parent, ties by id, a code whose parent is missing at the top', () => {
    expect(treeOrder(codes).map(({ code: c, depth, hasChildren }) => [c.name, depth, hasChildren])).toEqual([
      ['Orphan', 0, false],
      ['Why', 0, true],
      ['Institutional strategy', 1, true],
      ['Funding', 2, false],
      ['Value added', 1, false],
      ['Reputation', 1, false],
      ['What', 0, true],
      ['Definition', 1, false],
    ]);
  });

  it('rolls a parent up over its whole subtree, in tree order, and knows no code it does not hold', () => {
    expect(subtree(codes, 11)).toEqual([11, 13, 14, 12, 15]);
    expect(subtree(codes, 14)).toEqual([14]);
    expect(subtree(codes, 404)).toEqual([]);
  });

  it('codes, rolled up: every code a row, parents counting their descendants and not leaves', () => {
    const rows = buildRows(codes, { kind: 'codes' }, { partition: false, directlyCoded: none });
    expect(rows.map((r) => [r.key, r.label, r.depth, r.codeIds, r.leaf])).toEqual([
      ['code:17', 'Orphan', 0, [17], true],
      ['code:11', 'Why', 0, [11, 13, 14, 12, 15], false],
      ['code:13', 'Institutional strategy', 1, [13, 14], false],
      ['code:14', 'Funding', 2, [14], true],
      ['code:12', 'Value added', 1, [12], true],
      ['code:15', 'Reputation', 1, [15], true],
      ['code:10', 'What', 0, [10, 16], false],
      ['code:16', 'Definition', 1, [16], true],
    ]);
    const funding = rows.find((r) => r.codeId === 14)!;
    expect(funding.path).toEqual(['Why', 'Institutional strategy', 'Funding']);
    expect(funding.color).toBe('#000004');
    expect(rows.find((r) => r.codeId === 17)!.path).toEqual(['Orphan']);
  });

  it('codes, partitioned: leaves only, plus a "(coded directly)" row for a parent that carries codings itself', () => {
    const rows = buildRows(codes, { kind: 'codes' }, { partition: true, directlyCoded: new Set([11, 14]) });
    expect(rows.map((r) => [r.key, r.label, r.depth, r.codeIds, r.leaf])).toEqual([
      ['code:17', 'Orphan', 0, [17], true],
      ['direct:11', 'Why (coded directly)', 0, [11], true],
      ['code:14', 'Funding', 2, [14], true],
      ['code:12', 'Value added', 1, [12], true],
      ['code:15', 'Reputation', 1, [15], true],
      ['code:16', 'Definition', 1, [16], true],
    ]);
    // No coding falls in two rows.
    const ids = rows.flatMap((r) => r.codeIds);
    expect(new Set(ids).size).toBe(ids.length);
    expect(rows.find((r) => r.key === 'direct:11')!.path).toEqual(['Why']);
  });

  it('sections: the top-level codes, each over its subtree', () => {
    const rows = buildRows(codes, { kind: 'sections' }, { partition: true, directlyCoded: new Set([11]) });
    expect(rows.map((r) => [r.key, r.label, r.depth, r.codeIds, r.leaf])).toEqual([
      ['code:17', 'Orphan', 0, [17], true],
      ['code:11', 'Why', 0, [11, 13, 14, 12, 15], true],
      ['code:10', 'What', 0, [10, 16], true],
    ]);
  });

  it('children of one code: each child over its subtree, the parent’s own codings first when it has some, nothing for an unknown code', () => {
    const plain = buildRows(codes, { kind: 'children', parentId: 11 }, { partition: true, directlyCoded: none });
    expect(plain.map((r) => [r.key, r.label, r.depth, r.codeIds, r.leaf])).toEqual([
      ['code:13', 'Institutional strategy', 0, [13, 14], true],
      ['code:12', 'Value added', 0, [12], true],
      ['code:15', 'Reputation', 0, [15], true],
    ]);
    const withOwn = buildRows(codes, { kind: 'children', parentId: 11 }, { partition: true, directlyCoded: new Set([11]) });
    expect(withOwn.map((r) => [r.key, r.label, r.codeIds])).toEqual([
      ['direct:11', 'Why (coded directly)', [11]],
      ['code:13', 'Institutional strategy', [13, 14]],
      ['code:12', 'Value added', [12]],
      ['code:15', 'Reputation', [15]],
    ]);
    expect(buildRows(codes, { kind: 'children', parentId: 16 }, { partition: true, directlyCoded: none })).toEqual([]);
    expect(buildRows(codes, { kind: 'children', parentId: 404 }, { partition: true, directlyCoded: new Set([404]) })).toEqual([]);
  });

  it('codes that name each other as parents (a damaged file) are counted once and their path stops', () => {
    const loop = [code(1, 2, 'A', 0), code(2, 1, 'B', 0), code(3, null, 'Root', 0), code(4, 1, 'Under A', 1)];
    expect(subtree(loop, 1)).toEqual([1, 2, 4]);
    const rows = buildRows(loop, { kind: 'children', parentId: 1 }, { partition: false, directlyCoded: none });
    expect(rows.map((r) => [r.label, r.codeIds])).toEqual([
      ['B', [2, 1, 4]],
      ['Under A', [4]],
    ]);
    expect(rows[1]!.path).toHaveLength(100);
    expect(rows[1]!.path.at(-1)).toBe('Under A');
  });
});
