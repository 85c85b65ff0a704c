import type { Code } from './types.ts';

export type CodeNode = {
  code: Code;
  depth: number;
  children: CodeNode[];
  /** Codings of this code and all codes below it. */
  totalCount: number;
  /** Names from the root down to this code, e.g. ["Why", "Value added"]. */
  path: string[];
};

/** Builds the codebook tree in display order (position, then id) from the flat list. */
export function buildCodeTree(codes: readonly Code[]): CodeNode[] {
  const byParent = new Map<number | null, Code[]>();
  for (const c of codes) {
    const list = byParent.get(c.parentId) ?? [];
    list.push(c);
    byParent.set(c.parentId, list);
  }
  const build = (parentId: number | null, depth: number, path: string[]): CodeNode[] =>
    (byParent.get(parentId) ?? [])
      .slice()
      .sort((a, b) => a.position - b.position || a.id - b.id)
      .map((code) => {
        const p = [...path, code.name];
        const children = build(code.id, depth + 1, p);
        return { code, depth, children, path: p, totalCount: code.codingCount + children.reduce((s, ch) => s + ch.totalCount, 0) };
      });
  return build(null, 0, []);
}

/**
 * The rows a tree view shows: depth-first, children of collapsed nodes hidden. With a
 * filter, a code shows when its name matches or a descendant's does (ancestors stay for context).
 */
export function visibleRows(tree: readonly CodeNode[], expanded: ReadonlySet<number>, filter = ''): CodeNode[] {
  const needle = filter.trim().toLowerCase();
  const rows: CodeNode[] = [];
  const matches = (n: CodeNode): boolean => n.code.name.toLowerCase().includes(needle) || n.children.some(matches);
  const walk = (nodes: readonly CodeNode[]) => {
    for (const n of nodes) {
      if (needle && !matches(n)) continue;
      rows.push(n);
      if (n.children.length > 0 && (needle || expanded.has(n.code.id))) walk(n.children);
    }
  };
  walk(tree);
  return rows;
}

export const findNode = (tree: readonly CodeNode[], id: number): CodeNode | undefined => {
  for (const n of tree) {
    if (n.code.id === id) return n;
    const hit = findNode(n.children, id);
    if (hit) return hit;
  }
  return undefined;
};

/** Every node of a tree, depth-first in display order. */
export function flattenTree(tree: readonly CodeNode[]): CodeNode[] {
  const out: CodeNode[] = [];
  const walk = (nodes: readonly CodeNode[]) => {
    for (const n of nodes) {
      out.push(n);
      walk(n.children);
    }
  };
  walk(tree);
  return out;
}
