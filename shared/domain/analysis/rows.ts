import type { MatrixRow, RowSpec } from './types.ts';

/** The code fields the analysis needs. */
export type CodeLite = { id: number; parentId: number | null; name: string; color: string; position: number };

type Tree = { byId: Map<number, CodeLite>; children: Map<number | null, CodeLite[]> };

function tree(codes: readonly CodeLite[]): Tree {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const children = new Map<number | null, CodeLite[]>();
  for (const c of codes) {
    // A parent that is missing (should not happen) makes the code a root rather than vanish.
    const parent = c.parentId !== null && byId.has(c.parentId) ? c.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(c);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.position - b.position || a.id - b.id);
  return { byId, children };
}

/** The code and all codes below it, in tree order. */
export const subtree = (codes: readonly CodeLite[], id: number): number[] => subtreeOf(tree(codes), id);

function subtreeOf(t: Tree, id: number): number[] {
  const out: number[] = [];
  // Codes that name each other as parents (a damaged file; the API refuses such a move) are walked once.
  const seen = new Set<number>();
  const walk = (cid: number) => {
    if (seen.has(cid)) return;
    seen.add(cid);
    out.push(cid);
    for (const ch of t.children.get(cid) ?? []) walk(ch.id);
  };
  if (t.byId.has(id)) walk(id);
  return out;
}

/** Every code in display order with its depth. */
export function treeOrder(codes: readonly CodeLite[]): { code: CodeLite; depth: number; hasChildren: boolean }[] {
  const t = tree(codes);
  const out: { code: CodeLite; depth: number; hasChildren: boolean }[] = [];
  const walk = (parent: number | null, depth: number) => {
    for (const c of t.children.get(parent) ?? []) {
      const hasChildren = (t.children.get(c.id) ?? []).length > 0;
      out.push({ code: c, depth, hasChildren });
      walk(c.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

function pathOf(t: Tree, code: CodeLite): string[] {
  const names: string[] = [];
  for (let c: CodeLite | undefined = code; c && names.length < 100; c = c.parentId === null ? undefined : t.byId.get(c.parentId)) names.unshift(c.name);
  return names;
}

const row = (t: Tree, code: CodeLite, depth: number, codeIds: number[], leaf: boolean, label = code.name, key = `code:${code.id}`): MatrixRow => ({
  key,
  codeId: code.id,
  label,
  path: pathOf(t, code),
  color: code.color,
  depth,
  codeIds,
  leaf,
});

/**
 * The rows of a matrix. With `partition`, no coding falls in two rows: 'codes' then lists
 * every code without children on its own, plus "(coded directly)" rows for parents that carry
 * codings themselves (`directlyCoded`). Without it, 'codes' lists every code rolled up.
 */
export function buildRows(
  codes: readonly CodeLite[],
  spec: RowSpec,
  options: { partition: boolean; directlyCoded: ReadonlySet<number> },
): MatrixRow[] {
  const t = tree(codes);
  const sub = (id: number) => subtreeOf(t, id);
  const direct = (c: CodeLite, depth: number) => row(t, c, depth, [c.id], true, `${c.name} (coded directly)`, `direct:${c.id}`);
  if (spec.kind === 'sections') {
    return (t.children.get(null) ?? []).map((c) => row(t, c, 0, sub(c.id), true));
  }
  if (spec.kind === 'children') {
    const parent = t.byId.get(spec.parentId);
    if (!parent) return [];
    const rows = (t.children.get(parent.id) ?? []).map((c) => row(t, c, 0, sub(c.id), true));
    return options.directlyCoded.has(parent.id) ? [direct(parent, 0), ...rows] : rows;
  }
  const rows: MatrixRow[] = [];
  for (const { code, depth, hasChildren } of treeOrder(codes)) {
    if (!options.partition) rows.push(row(t, code, depth, hasChildren ? sub(code.id) : [code.id], !hasChildren));
    else if (!hasChildren) rows.push(row(t, code, depth, [code.id], true));
    else if (options.directlyCoded.has(code.id)) rows.push(direct(code, depth));
  }
  return rows;
}
