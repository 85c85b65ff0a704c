import { flattenTree, type CodeNode } from '../../../shared/domain/code-tree.ts';
import type { ExcerptExport, ExportExcerpt } from './excerpt-data.ts';
import { listInWords } from './filter-text.ts';
import { plural, type Block, type Field, type Report } from './report-model.ts';

export type ReportContext = {
  project: string;
  /** When and by whom, in words ("28 November 2026, by Ana"). */
  exported: string;
};

/** A default title naming the codes exported. */
export function excerptTitle(data: ExcerptExport, codeIds: readonly number[]): string {
  const all = flattenTree(data.tree);
  if (data.codeIds.size === all.length) return 'Coded excerpts';
  const names = all.filter((n) => codeIds.includes(n.code.id)).map((n) => n.code.name);
  return `Coded excerpts: ${names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : listInWords(names)}`;
}

/** The title page's fields: the project, the export, the filters, what matched. */
export function excerptFields(data: ExcerptExport, ctx: ReportContext): Field[] {
  const m = data.match;
  const spread = m.excerpts === 0 ? 'none match these filters' : `${plural(m.participants, 'participant')}, ${plural(m.sources, 'source')}, ${plural(m.codes, 'code')}`;
  return [
    { label: 'Project', value: ctx.project },
    { label: 'Exported', value: ctx.exported },
    ...data.filterText,
    { label: 'Excerpts', value: `${m.excerpts.toLocaleString('en')} (${spread})` },
  ];
}

/**
 * The report: a heading per code that has excerpts (or whose subcodes have), nested as in the
 * codebook; under it the code's definition and its excerpts, each quoted with its citation and,
 * when asked for, its coding memos. A chosen code that is not at the top of the codebook is
 * headed by its whole path, so the reader knows where it sits.
 */
export function excerptReport(data: ExcerptExport, ctx: ReportContext, o: { title: string; memos: boolean }): Report {
  const byCode = new Map<number, ExportExcerpt[]>();
  for (const e of data.excerpts) {
    const list = byCode.get(e.codeId);
    if (list) list.push(e);
    else byCode.set(e.codeId, [e]);
  }
  const counted = new Map<number, number>();
  const count = (n: CodeNode): number => {
    const own = data.codeIds.has(n.code.id) ? (byCode.get(n.code.id)?.length ?? 0) : 0;
    const total = own + n.children.reduce((s, c) => s + count(c), 0);
    counted.set(n.code.id, total);
    return total;
  };
  data.tree.forEach(count);

  const body: Block[] = [];
  const visit = (n: CodeNode, level: number | null) => {
    if ((counted.get(n.code.id) ?? 0) === 0) return;
    const inScope = data.codeIds.has(n.code.id);
    // Codes above the chosen ones are not headings of their own: the chosen code's path says where it sits.
    const here = inScope ? (level ?? 1) : null;
    if (here !== null) {
      const own = byCode.get(n.code.id) ?? [];
      const total = counted.get(n.code.id)!;
      body.push({ kind: 'heading', level: here, text: level === null ? n.path.join(' / ') : n.code.name, color: n.code.color });
      if (n.code.definition.trim()) body.push({ kind: 'paragraph', tone: 'definition', text: n.code.definition.trim() });
      const inSub = total - own.length;
      const note = inSub === 0 ? plural(own.length, 'excerpt') : own.length === 0 ? `${plural(inSub, 'excerpt')}, under its subcodes` : `${plural(own.length, 'excerpt')}; ${inSub.toLocaleString('en')} more under its subcodes`;
      body.push({ kind: 'paragraph', tone: 'muted', text: note });
      for (const e of own) body.push({ kind: 'quote', text: e.quote, citation: e.citation, memos: o.memos ? e.memos : [], color: n.code.color });
    }
    for (const c of n.children) visit(c, here === null ? null : here + 1);
  };
  for (const root of data.tree) visit(root, null);
  if (body.length === 0) body.push({ kind: 'paragraph', tone: 'muted', text: 'No coded excerpts match these filters.' });
  return { title: o.title, subtitle: ctx.project, fields: excerptFields(data, ctx), body };
}
