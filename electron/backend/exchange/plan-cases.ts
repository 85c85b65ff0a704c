import type { AttributeDef, AttributeType, Participant } from '../../../shared/domain/types.ts';
import { cleanFreeText, cleanLabel } from './names.ts';
import type { Findings, PlannedAttribute, PlannedMemo, PlannedParticipant, PlannedSource, SelectionTarget } from './plan-types.ts';
import { CATEGORY_DESCRIPTION } from './project-export.ts';
import type { RefiCase, RefiProject, RefiVariable } from './refi-model.ts';

/**
 * Cases become participants and variables attributes. A participant the project has (same
 * label, any case) is that participant: values it lacks are set, values it has are kept. A
 * case's selections are passages credited to it; a source that exactly one case refers to as
 * a whole is credited to it entirely. Variables on a source (MAXQDA) or on an unnamed case
 * that holds only that source (NVivo's file classifications) go to the one participant the
 * source is credited to, or into a memo on the source when there is no such participant.
 */

export type PlannedCases = { attributes: PlannedAttribute[]; participants: PlannedParticipant[]; memos: PlannedMemo[] };

const LABEL_MAX = 40;
const NAME_MAX = 200;

function attributeType(v: RefiVariable): AttributeType {
  if (v.type === 'Integer' || v.type === 'Float') return 'number';
  if (v.type === 'Date' || v.type === 'DateTime') return 'date';
  if (v.type === 'Boolean' || v.description.trim().toLowerCase() === CATEGORY_DESCRIPTION.toLowerCase()) return 'category';
  return 'text';
}

/** A case's Description as our export writes it ("Name: …", then the description), or all description. */
function splitDescription(text: string): { name: string; description: string } {
  const match = /^Name: ([^\n]*)(?:\n\n([\s\S]*))?$/.exec(text);
  return match ? { name: match[1]!, description: match[2] ?? '' } : { name: '', description: text };
}

export function planCases(
  project: RefiProject,
  existing: { participants: readonly Participant[]; attributes: readonly AttributeDef[] },
  sources: readonly PlannedSource[],
  selections: ReadonlyMap<string, SelectionTarget>,
  findings: Findings,
): PlannedCases {
  // Variables → attributes, matched by name.
  const attributes = new Map<string, PlannedAttribute>();
  const attributeOf = new Map<string, PlannedAttribute>();
  for (const v of project.variables) {
    const name = cleanLabel(v.name, 80).value || 'Variable';
    const key = name.toLowerCase();
    let a = attributes.get(key);
    if (!a) {
      const mine = existing.attributes.find((x) => x.name.toLowerCase() === key);
      a = { key, name: mine?.name ?? name, type: mine?.type ?? attributeType(v), existingId: mine?.id ?? null, guid: v.guid || null };
      attributes.set(key, a);
    }
    attributeOf.set(v.guid, a);
  }
  const valueOf = (variable: string, raw: string, where: string): { attribute: PlannedAttribute; value: string } | null => {
    const attribute = attributeOf.get(variable);
    if (!attribute) {
      findings.warn(where, `a value refers to variable ${variable || '(none)'}, which the file does not have; not imported`);
      return null;
    }
    return { attribute, value: cleanLabel(raw, 2000).value };
  };

  const planned = new Map(sources.map((s) => [s.guid, s]));
  const classification = (c: RefiCase) => !c.name?.trim() && c.sourceRefs.length === 1 && c.selectionRefs.length === 0;

  // Cases → participants, matched by label.
  const participants: PlannedParticipant[] = [];
  const byLabel = new Map<string, PlannedParticipant>();
  const wholeRefs = new Map<string, PlannedParticipant[]>();
  let caseCodeRefs = 0;
  for (const [i, c] of project.cases.entries()) {
    if (classification(c)) {
      const source = planned.get(c.sourceRefs[0]!);
      if (source) source.values.push(...c.values.filter((v) => v.value !== null).map((v) => ({ variable: v.variable, value: v.value! })));
      continue;
    }
    caseCodeRefs += c.codeRefs.length;
    const full = cleanLabel(c.name ?? '', NAME_MAX).value;
    let label = cleanLabel(full, LABEL_MAX).value || `Case ${i + 1}`;
    const given = splitDescription(cleanFreeText(c.description, 20_000).value);
    const name = given.name || (full.length > LABEL_MAX ? full : '');
    if (full.length > LABEL_MAX) findings.warn(`Case ${full}`, `its name is longer than ${LABEL_MAX} characters: the participant is labelled “${label}”, with the full name kept`);
    if (byLabel.has(label.toLowerCase())) {
      let n = 2;
      while (byLabel.has(`${label} (${n})`.toLowerCase())) n++;
      findings.warn(`Case ${label}`, `another case has the same name; this one becomes participant “${label} (${n})”`);
      label = `${label} (${n})`;
    }
    const mine = existing.participants.find((p) => p.label.toLowerCase() === label.toLowerCase());
    const p: PlannedParticipant = { key: c.guid || `case-${i}`, label: mine?.label ?? label, name, description: given.description, existingId: mine?.id ?? null, guid: c.guid || null, values: new Map() };
    for (const v of c.values) {
      if (v.value === null) continue;
      const found = valueOf(v.variable, v.value, `Case ${p.label}`);
      if (found) setValue(p, found.attribute, found.value, mine, findings);
    }
    for (const ref of c.selectionRefs) {
      const sel = selections.get(ref);
      if (!sel) {
        findings.warn(`Case ${p.label}`, `refers to selection ${ref}, which was not imported or is not in the file`);
        continue;
      }
      planned.get(sel.source)?.units.push({ start: sel.start, end: sel.end, participant: p.key });
    }
    const selected = new Set(c.selectionRefs.map((r) => selections.get(r)?.source));
    for (const ref of c.sourceRefs) if (!selected.has(ref)) wholeRefs.set(ref, [...(wholeRefs.get(ref) ?? []), p]);
    byLabel.set(label.toLowerCase(), p);
    participants.push(p);
  }
  findings.skip('Codes linked to cases', caseCodeRefs, 'Marginalia links participants to passages, not to codes');

  const memos: PlannedMemo[] = [];
  for (const source of sources) {
    const whole = wholeRefs.get(source.guid) ?? [];
    if (whole.length === 1) source.whole = whole[0]!.key;
    else if (whole.length > 1) findings.warn(`Source ${source.name}`, `belongs to ${whole.length} cases as a whole (${whole.map((p) => p.label).join(', ')}); its codings are credited to none of them`);
    const credited = [...new Set([...source.units.map((u) => u.participant), ...(source.whole ? [source.whole] : [])])];
    if (source.kind === null) source.kind = credited.length === 1 ? 'interview' : 'document';
    if (source.values.length === 0) continue;
    const owner = credited.length === 1 ? participants.find((p) => p.key === credited[0]) : undefined;
    const lines: string[] = [];
    for (const v of source.values) {
      const found = valueOf(v.variable, v.value, `Source ${source.name}`);
      if (!found) continue;
      if (owner) setValue(owner, found.attribute, found.value, existing.participants.find((x) => x.id === owner.existingId), findings);
      else lines.push(`${found.attribute.name}: ${found.value}`);
    }
    if (lines.length > 0) {
      memos.push({ guid: null, title: 'Document variables', text: lines.join('\n'), target: { kind: 'source', source: source.guid }, user: null, at: null, modifiedAt: null });
      findings.warn(`Source ${source.name}`, 'its variables belong to no single participant; they are kept in a memo on the source');
    }
  }
  return { attributes: [...attributes.values()], participants, memos };
}

function setValue(p: PlannedParticipant, attribute: PlannedAttribute, value: string, mine: Participant | undefined, findings: Findings): void {
  const held = mine?.attributes[attribute.name];
  const planned = p.values.get(attribute.key);
  if (held !== undefined && String(held) !== value) {
    findings.warn(`Participant ${p.label}`, `${attribute.name} is “${String(held)}” here and “${value}” in the file; kept “${String(held)}”`);
    return;
  }
  if (held !== undefined) return;
  if (planned !== undefined && planned !== value) {
    findings.warn(`Participant ${p.label}`, `${attribute.name} is given twice in the file (“${planned}”, “${value}”); kept “${planned}”`);
    return;
  }
  p.values.set(attribute.key, value);
}
