import { buildCodeTree, flattenTree, type CodeNode } from '../../../shared/domain/code-tree.ts';
import type { Excerpt } from '../../../shared/domain/analysis/types.ts';
import type { Db } from '../db/database.ts';
import { listExcerpts } from '../repositories/analysis-excerpts.ts';
import { listCodes, listFrameworks } from '../repositories/codes.ts';
import { citationOf } from './citation.ts';
import type { ReportContext } from './excerpt-report.ts';
import { plural, type Block, type Field, type Report } from './report-model.ts';

export type CodebookData = {
  tree: CodeNode[];
  /** Element id → "Framework: element". */
  elements: Map<number, string>;
  frameworks: string[];
  /** Code id → a few of its own coded excerpts, in source order. */
  examples: Map<number, Excerpt[]>;
};

/** The codebook with its framework links and up to `examples` coded excerpts per code, read at once. */
export function loadCodebook(db: Db, examples: number): CodebookData {
  return db.raw.transaction((): CodebookData => {
    const tree = buildCodeTree(listCodes(db));
    const frameworks = listFrameworks(db);
    const elements = new Map(frameworks.flatMap((f) => f.elements.map((e) => [e.id, `${f.name}: ${e.name}`] as const)));
    const byCode = new Map<number, Excerpt[]>();
    if (examples > 0) {
      for (const n of flattenTree(tree)) {
        if (n.code.codingCount > 0) byCode.set(n.code.id, listExcerpts(db, { codeIds: [n.code.id] }, { offset: 0, limit: examples }).excerpts);
      }
    }
    return { tree, elements, frameworks: frameworks.map((f) => f.name), examples: byCode };
  })();
}

const ORIGIN = { deductive: 'Deductive (from the scheme or a framework)', inductive: 'Inductive (derived from the data)' } as const;

/**
 * The codebook as a report: an overview of the tree with counts, then each code under its own
 * heading (nested as in the tree) with its definition, when to use it and when not, its own
 * example, its origin, its counts, its framework links and a few coded excerpts.
 */
export function codebookReport(data: CodebookData, ctx: ReportContext): Report {
  const all = flattenTree(data.tree);
  const inductive = all.filter((n) => n.code.origin === 'inductive').length;
  const codings = data.tree.reduce((s, n) => s + n.totalCount, 0);
  const fields: Field[] = [
    { label: 'Project', value: ctx.project },
    { label: 'Exported', value: ctx.exported },
    { label: 'Codes', value: `${all.length.toLocaleString('en')} (${(all.length - inductive).toLocaleString('en')} deductive, ${inductive.toLocaleString('en')} inductive)` },
    { label: 'Codings', value: codings.toLocaleString('en') },
    { label: 'Frameworks', value: data.frameworks.length > 0 ? data.frameworks.join('; ') : 'None' },
  ];
  const body: Block[] = [];
  if (all.length === 0) body.push({ kind: 'paragraph', tone: 'muted', text: 'The codebook is empty.' });
  else {
    body.push({ kind: 'heading', level: 1, text: 'Overview' });
    body.push({
      kind: 'outline',
      items: all.map((n) => ({ text: n.code.name, note: `${plural(n.totalCount, 'coding')}${n.code.origin === 'inductive' ? ', inductive' : ''}`, depth: n.depth })),
    });
  }
  for (const n of all) {
    const c = n.code;
    body.push({ kind: 'heading', level: n.depth + 1, text: c.name, color: c.color });
    if (n.depth > 0) body.push({ kind: 'paragraph', tone: 'muted', text: n.path.join(' / ') });
    const described: Field[] = [{ label: 'Definition', value: c.definition.trim() || 'No definition yet.' }];
    if (c.whenToUse.trim()) described.push({ label: 'When to use', value: c.whenToUse.trim() });
    if (c.whenNotToUse.trim()) described.push({ label: 'When not to use', value: c.whenNotToUse.trim() });
    if (c.example.trim()) described.push({ label: 'Example', value: c.example.trim() });
    described.push({ label: 'Origin', value: ORIGIN[c.origin] });
    const below = n.totalCount - c.codingCount;
    described.push({ label: 'Codings', value: below > 0 ? `${c.codingCount.toLocaleString('en')} (${n.totalCount.toLocaleString('en')} with subcodes)` : c.codingCount.toLocaleString('en') });
    const links = c.elementIds.map((id) => data.elements.get(id)).filter((x): x is string => x !== undefined);
    if (links.length > 0) described.push({ label: 'Framework links', value: links.join('; ') });
    body.push({ kind: 'fields', fields: described });
    const examples = data.examples.get(c.id) ?? [];
    if (examples.length > 0) {
      body.push({ kind: 'paragraph', tone: 'label', text: examples.length < c.codingCount ? `Examples (${examples.length} of ${c.codingCount.toLocaleString('en')})` : 'Examples' });
      for (const e of examples) body.push({ kind: 'quote', text: e.quote, citation: citationOf(e), memos: [], color: c.color });
    }
  }
  return { title: 'Codebook', subtitle: ctx.project, fields, body };
}
