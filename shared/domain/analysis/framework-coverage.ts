import { subtree, treeOrder, type CodeLite } from './rows.ts';
import type { CrosswalkRow, FrameworkCoverage } from './types.ts';

export type FrameworkInput = {
  codes: CodeLite[];
  /** Codings per code (the code alone). */
  codingCounts: Map<number, number>;
  frameworks: { id: number; name: string; elements: { id: number; name: string }[] }[];
  codeLinks: { codeId: number; elementId: number }[];
  questionIds: number[];
  questionLinks: { questionId: number; elementId: number }[];
};

/**
 * Categories are the codes researchers code with: every code below a top-level code, and
 * top-level codes that hold no others (inductive categories such as "Intellectual property").
 * Top-level codes with children are scheme sections, not categories.
 */
export function categoryRows(codes: readonly CodeLite[], codingCounts: ReadonlyMap<number, number>, links: FrameworkInput['codeLinks']): CrosswalkRow[] {
  const linked = new Map<number, number[]>();
  for (const l of links) linked.set(l.codeId, [...(linked.get(l.codeId) ?? []), l.elementId]);
  return treeOrder(codes)
    .filter(({ depth, hasChildren }) => depth > 0 || !hasChildren)
    .map(({ code, depth }) => ({
      codeId: code.id,
      label: code.name,
      color: code.color,
      depth: Math.max(0, depth - 1),
      codings: subtree(codes, code.id).reduce((n, id) => n + (codingCounts.get(id) ?? 0), 0),
      elementIds: (linked.get(code.id) ?? []).sort((a, b) => a - b),
    }));
}

/**
 * For each framework: the share of questionnaire items and of categories linked to at least
 * one of its elements, and per element the items, categories and codings behind it. An
 * element's codings are the distinct codings of every code linked to it, with descendants.
 */
export function computeFrameworkCoverage(input: FrameworkInput): FrameworkCoverage {
  const crosswalk = categoryRows(input.codes, input.codingCounts, input.codeLinks);
  const categoryIds = new Set(crosswalk.map((r) => r.codeId));
  const frameworks = input.frameworks.map((f) => {
    const elementIds = new Set(f.elements.map((e) => e.id));
    const itemsLinked = new Set(input.questionLinks.filter((l) => elementIds.has(l.elementId)).map((l) => l.questionId));
    const categoriesLinked = new Set(input.codeLinks.filter((l) => elementIds.has(l.elementId) && categoryIds.has(l.codeId)).map((l) => l.codeId));
    const elements = f.elements.map((e) => {
      const codes = input.codeLinks.filter((l) => l.elementId === e.id).map((l) => l.codeId);
      const covered = new Set(codes.flatMap((id) => subtree(input.codes, id)));
      return {
        id: e.id,
        name: e.name,
        items: new Set(input.questionLinks.filter((l) => l.elementId === e.id).map((l) => l.questionId)).size,
        categories: codes.filter((id) => categoryIds.has(id)).length,
        codings: [...covered].reduce((n, id) => n + (input.codingCounts.get(id) ?? 0), 0),
      };
    });
    return {
      id: f.id,
      name: f.name,
      itemsLinked: [...itemsLinked].filter((id) => input.questionIds.includes(id)).length,
      itemsTotal: input.questionIds.length,
      categoriesLinked: categoriesLinked.size,
      categoriesTotal: categoryIds.size,
      elements,
    };
  });
  return { frameworks, crosswalk };
}
