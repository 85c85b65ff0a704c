import { plainTextToHtml } from '../../../shared/domain/html-text.ts';
import type { MergeCode, MergeMemoTarget, MergeRows } from '../../../shared/domain/team/merge-types.ts';
import { parseDescription } from '../exchange/codebook-export.ts';
import { normaliseColor } from '../exchange/codebook-plan.ts';
import { cleanFreeText, cleanLabel } from '../exchange/names.ts';
import { planNotes } from '../exchange/plan-notes.ts';
import { planSources } from '../exchange/plan-sources.ts';
import { Findings, type MemoTarget, type PlannedSource } from '../exchange/plan-types.ts';
import type { Qdpx } from '../exchange/project-plan.ts';
import type { RefiCode } from '../exchange/refi-model.ts';
import { contentHash } from '../repositories/sources.ts';

/**
 * A REFI-QDA project (.qdpx) as the rows a merge compares, read by the exchange's own planners
 * (positions converted the same way an import converts them). Users are the coders; codes,
 * sources and codings keep the file's GUIDs as keys, so a project exported from here and coded
 * in NVivo or ATLAS.ti finds its codes by identity.
 */

export type RefiCopy = { rows: MergeRows; sources: Map<string, PlannedSource>; warnings: string[] };

/** Whoever made something the file credits to nobody. */
export const UNKNOWN_USER = '';

const NEUTRAL = '#8c8c8c';

export function refiRows(loaded: Qdpx): RefiCopy {
  const { project, texts } = loaded;
  const findings = new Findings();
  const codes: MergeCode[] = [];
  const walk = (c: RefiCode, parentKey: string | null) => {
    const name = cleanLabel(c.name, 120).value || `Code ${c.guid.slice(0, 8)}`;
    codes.push({ key: c.guid, guid: c.guid, parentKey, name, color: normaliseColor(c.color) ?? NEUTRAL, definition: parseDescription(c.description).definition, origin: 'inductive' });
    for (const child of c.children) walk(child, c.guid);
  };
  for (const c of project.codes) walk(c, null);
  const known = new Set(codes.map((c) => c.key));
  const planned = planSources(project, texts, (guid) => (known.has(guid) ? guid : undefined), findings);
  const sources = new Map(planned.sources.map((s) => [s.guid, s]));
  const memos = planNotes(project, { sources, selections: planned.selections, codings: planned.codings, codeKeyOf: (g) => (known.has(g) ? g : undefined), participantOf: new Map(), texts }, findings);

  const users = new Set(project.users.map((u) => u.guid));
  const coderOf = (user: string | null) => (user !== null && users.has(user) ? user : UNKNOWN_USER);
  const target = (t: MemoTarget): MergeMemoTarget => {
    if (t.kind === 'project') return { kind: 'project' };
    if (t.kind === 'source') return { kind: 'source', key: t.source };
    if (t.kind === 'code') return { kind: 'code', key: t.codeKey };
    if (t.kind === 'participant') return { kind: 'participant', key: t.participant };
    return { kind: 'coding', key: `${t.source}#${t.index}` };
  };
  const codings = planned.sources.flatMap((s) =>
    s.codings.map((c, i) => ({ key: `${s.guid}#${i}`, sourceKey: s.guid, codeKey: c.codeKey, coderKey: coderOf(c.user), start: c.start, end: c.end, quote: s.text.slice(c.start, c.end), createdAt: c.at ?? '' })),
  );
  const rows: MergeRows = {
    coders: project.users.map((u) => ({ key: u.guid, name: cleanLabel(u.name ?? u.id ?? '', 80).value || `User ${u.guid.slice(0, 8)}` })),
    sources: planned.sources.map((s) => ({ key: s.guid, guid: s.guid, name: s.name, hash: contentHash(s.text) })),
    codes,
    codings,
    memos: memos.map((m, i) => {
      const text = cleanFreeText(m.text, 1_000_000).value;
      return { key: `note#${i}`, target: target(m.target), coderKey: coderOf(m.user), title: m.title, body: plainTextToHtml(text), text, createdAt: m.at ?? '', updatedAt: m.modifiedAt ?? m.at ?? '' };
    }),
    participants: [],
  };
  if ([...codings, ...rows.memos].some((x) => x.coderKey === UNKNOWN_USER)) {
    rows.coders.push({ key: UNKNOWN_USER, name: cleanLabel(`Unnamed coder (${loaded.name})`, 80).value });
  }
  const warnings = findings.warnings.map((w) => `${w.where}: ${w.message}`);
  for (const n of findings.notImported) warnings.push(`${n.what}: ${n.count}${n.detail ? ` (${n.detail})` : ''}, not merged`);
  return { rows, sources, warnings };
}
