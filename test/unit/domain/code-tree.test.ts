import { describe, expect, it } from 'vitest';
import { buildCodeTree, findNode, visibleRows } from '../../../shared/domain/code-tree.ts';
import type { Code } from '../../../shared/domain/types.ts';

const code = (id: number, name: string, parentId: number | null, position: number, codingCount = 0): Code => ({
  id, name, parentId, position, codingCount, color: '#000000', definition: '', whenToUse: '', whenNotToUse: '', example: '', origin: 'deductive', createdAt: '', elementIds: [],
});

const codes = [code(2, 'What', null, 1, 1), code(1, 'Why', null, 0), code(3, 'Value added', 1, 0, 4), code(4, 'Strategy', 1, 1, 2), code(5, 'Funding', 4, 0, 3)];

describe('the codebook tree', () => {
  it('nests codes in position order and sums codings of sub-codes', () => {
    const tree = buildCodeTree(codes);
    expect(tree.map((n) => n.code.name)).toEqual(['Why', 'What']);
    expect(tree[0]!.totalCount).toBe(9);
    expect(findNode(tree, 5)?.path).toEqual(['Why', 'Strategy', 'Funding']);
    expect(findNode(tree, 5)?.depth).toBe(2);
  });

  it('hides children of collapsed codes, and keeps ancestors of filter matches', () => {
    const tree = buildCodeTree(codes);
    expect(visibleRows(tree, new Set()).map((n) => n.code.name)).toEqual(['Why', 'What']);
    expect(visibleRows(tree, new Set([1])).map((n) => n.code.name)).toEqual(['Why', 'Value added', 'Strategy', 'What']);
    expect(visibleRows(tree, new Set(), 'fund').map((n) => n.code.name)).toEqual(['Why', 'Strategy', 'Funding']);
  });
});
