import type { Code, Framework } from '../../../shared/domain/types.ts';
import type { GuidBook } from './guid.ts';
import type { RefiCode, RefiSet } from './refi-model.ts';

/**
 * Marginalia's codebook as REFI-QDA codes and sets. A code's definition and its rules go into
 * the one Description the standard has, as labelled paragraphs that an import splits again.
 * Sets carry what the hierarchy cannot: which categories are inductive, the scheme sections,
 * and each framework element with the codes linked to it.
 */

export const RULE_LABELS = [
  ['whenToUse', 'When to use'],
  ['whenNotToUse', 'When not to use'],
  ['example', 'Example'],
] as const;

export type CodeDescription = Pick<Code, 'definition' | 'whenToUse' | 'whenNotToUse' | 'example'>;

export function formatDescription(d: CodeDescription): string {
  const parts = d.definition ? [d.definition] : [];
  for (const [key, label] of RULE_LABELS) if (d[key]) parts.push(`${label}: ${d[key]}`);
  return parts.join('\n\n');
}

const RULE_START = /(?:^|\n\n)(When to use|When not to use|Example): /g;

/** The definition and rules back out of a Description written by formatDescription (other text is all definition). */
export function parseDescription(text: string): CodeDescription {
  const out: CodeDescription = { definition: '', whenToUse: '', whenNotToUse: '', example: '' };
  const matches = [...text.matchAll(RULE_START)];
  out.definition = matches.length > 0 ? text.slice(0, matches[0]!.index) : text;
  matches.forEach((m, i) => {
    const key = RULE_LABELS.find(([, label]) => label === m[1])![0];
    const end = i + 1 < matches.length ? matches[i + 1]!.index : text.length;
    const value = text.slice(m.index + m[0].length, end);
    out[key] = out[key] ? `${out[key]}\n\n${value}` : value;
  });
  return out;
}

/** Set names that an import recognises as ours. */
export const INDUCTIVE_SET = 'Inductive categories';
export const SECTION_SET_PREFIX = 'Scheme section: ';
/** Between a framework's name and an element's in the name of the element's set. */
export const FRAMEWORK_SEPARATOR = ' › ';

const VALID_COLOR = /^#[0-9a-fA-F]{6}$/;

export function codebookToRefi(
  codes: readonly Code[],
  frameworks: readonly Framework[],
  guids: GuidBook,
  noteRefsOf: (codeId: number) => string[] = () => [],
): { codes: RefiCode[]; sets: RefiSet[] } {
  const children = new Map<number | null, Code[]>();
  for (const c of codes) {
    const siblings = children.get(c.parentId);
    if (siblings) siblings.push(c);
    else children.set(c.parentId, [c]);
  }
  const toRefi = (c: Code): RefiCode => ({
    guid: guids.of('code', c.id),
    name: c.name,
    isCodable: true,
    color: VALID_COLOR.test(c.color) ? c.color.toLowerCase() : null,
    description: formatDescription(c),
    noteRefs: noteRefsOf(c.id),
    children: (children.get(c.id) ?? []).sort((a, b) => a.position - b.position || a.id - b.id).map(toRefi),
  });
  const roots = (children.get(null) ?? []).sort((a, b) => a.position - b.position || a.id - b.id);
  const sets: RefiSet[] = [];
  const set = (key: string, name: string, description: string, members: number[]) =>
    sets.push({ guid: guids.derived('set', key), name, description, codes: members.map((id) => guids.of('code', id)), sources: [], notes: [] });

  const inductive = codes.filter((c) => c.origin === 'inductive').map((c) => c.id);
  if (inductive.length > 0) set('inductive', INDUCTIVE_SET, 'Categories derived from the data rather than from the scheme.', inductive);
  const descendants = (id: number): number[] => (children.get(id) ?? []).flatMap((c) => [c.id, ...descendants(c.id)]);
  for (const section of roots) {
    const members = descendants(section.id);
    if (members.length > 0) set(`section:${section.id}`, `${SECTION_SET_PREFIX}${section.name}`, section.definition, [section.id, ...members]);
  }
  for (const f of frameworks) {
    // The framework's own set holds its description, and keeps a framework with no elements.
    if (f.description || f.elements.length === 0) set(`framework:${f.id}`, f.name, f.description, []);
    for (const e of f.elements) {
      set(`element:${e.id}`, `${f.name}${FRAMEWORK_SEPARATOR}${e.name}`, e.description, codes.filter((c) => c.elementIds.includes(e.id)).map((c) => c.id));
    }
  }
  return { codes: roots.map(toRefi), sets };
}
