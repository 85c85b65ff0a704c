import type { CodeNode } from '../../../shared/domain/code-tree.ts';
import type { SourceKind } from '../../../shared/domain/types.ts';
import type { Db } from '../db/database.ts';
import { loadParticipants } from '../repositories/analysis.ts';
import { listCoders } from '../repositories/meta.ts';
import type { ExportFilter } from './excerpt-data.ts';
import type { Field } from './report-model.ts';

const KIND_LABEL: Record<SourceKind, string> = { interview: 'Interviews', questionnaire: 'Questionnaires', document: 'Documents' };

/** "a, b and c" */
export function listInWords(items: readonly string[], last = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]!}`;
}

/**
 * The filters of an export in words, for its title page and About sheet: a reader must be able
 * to tell what was left out.
 */
export function describeFilter(db: Db, f: ExportFilter, order: readonly CodeNode[], covered: ReadonlySet<number>): Field[] {
  const { participants, attributes } = loadParticipants(db);
  const labels = new Map(participants.map((p) => [p.id, p.label]));
  const attributeNames = new Map(attributes.map((a) => [a.id, a.name]));
  const coders = new Map(listCoders(db).map((c) => [c.id, c.name]));
  const fields: Field[] = [];
  const chosen = order.filter((n) => f.codeIds.includes(n.code.id));
  const withSubcodes = f.includeDescendants && chosen.some((n) => n.children.length > 0);
  const codes = covered.size === order.length ? 'All codes' : `${chosen.map((n) => n.path.join(' / ')).join('; ')}${withSubcodes ? ' (with their subcodes)' : ''}`;
  fields.push({ label: 'Codes', value: codes });
  const who = (f.participantIds ?? []).map((id) => labels.get(id) ?? `#${id}`);
  if (f.unattributed) who.push('text of no participant');
  fields.push({ label: 'Participants', value: who.length > 0 ? listInWords(who, 'or') : 'All' });
  const conditions = [...(f.attribute ? [{ attributeId: f.attribute.attributeId, values: [f.attribute.value] }] : []), ...(f.attributeValues ?? [])];
  for (const c of conditions) {
    const values = c.values.map((v) => v ?? '(no value)');
    fields.push({ label: attributeNames.get(c.attributeId) ?? 'Attribute', value: listInWords(values, 'or') });
  }
  fields.push({ label: 'Sources', value: f.sourceKinds && f.sourceKinds.length > 0 ? listInWords(f.sourceKinds.map((k) => KIND_LABEL[k])) : 'All' });
  if (f.coderIds && f.coderIds.length > 0) fields.push({ label: 'Coders', value: listInWords(f.coderIds.map((id) => coders.get(id) ?? `#${id}`), 'or') });
  if (f.from || f.to) fields.push({ label: 'Coded', value: f.from && f.to ? `${f.from} to ${f.to}` : f.from ? `from ${f.from}` : `until ${f.to!}` });
  return fields;
}
