import { OffsetMap } from '../../../shared/domain/offsets.ts';
import type { AttributeDef, SourceKind } from '../../../shared/domain/types.ts';
import type { Db } from '../db/database.ts';
import { listCodes, listFrameworks } from '../repositories/codes.ts';
import {
  countQuestionUnits,
  exchangeSeed,
  exportAttributeValues,
  exportCodings,
  exportCreditedUnits,
  exportMemos,
  exportSources,
  listExchangeGuids,
} from '../repositories/exchange.ts';
import { questionLinks } from '../repositories/frameworks.ts';
import { getMeta, listCoders } from '../repositories/meta.ts';
import { listAttributes, listParticipants } from '../repositories/participants.ts';
import { getSourceText } from '../repositories/sources.ts';
import { codebookToRefi } from './codebook-export.ts';
import { GuidBook } from './guid.ts';
import type { RefiCase, RefiCoding, RefiLink, RefiNote, RefiProject, RefiSelection, RefiSet, RefiTextSource, RefiVariable, RefiVariableType } from './refi-model.ts';

/**
 * The open project as a REFI-QDA project: what goes into project.qde, and the text of each
 * source as `sources/<guid>.txt` (UTF-8, LF, no BOM). Positions become code points, as the
 * standard counts them. Reads everything in one go (a consistent snapshot); the caller zips.
 *
 * Where Marginalia holds more than the standard can say, the closest standard form is used:
 * participants are cases, their passages the cases' selections; attributes are variables;
 * memos are notes (a participant's memo a link from the note to the case, as cases hold no
 * notes); the kinds of source are sets of sources. Remarks list what is left out.
 */

export type ProjectExport = { project: RefiProject; texts: { path: string; text: string }[]; remarks: string[] };

/** Sets of sources that say each source's kind; an import reads them back. */
export const KIND_SETS: Record<SourceKind, string> = { interview: 'Interviews', questionnaire: 'Questionnaires', document: 'Documents' };

/** Our marker for a categorical attribute in a Text variable's description. */
export const CATEGORY_DESCRIPTION = 'Category: one of a few values.';

const DECIMAL = /^-?\d+(\.\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function variableType(a: AttributeDef, values: readonly string[]): RefiVariableType {
  if (a.type === 'number' && values.every((v) => DECIMAL.test(v.trim()))) return 'Float';
  if (a.type === 'date' && values.every((v) => DATE.test(v.trim()))) return 'Date';
  return 'Text';
}

/** A participant's name and description in the one Description a case has. */
export const caseDescription = (name: string, description: string): string =>
  [name ? `Name: ${name}` : '', description].filter((p) => p !== '').join('\n\n');

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

const RICH = /<(?!\/?p>|br\s*\/?>)[a-z]/i;

export function buildProjectExport(db: Db, now: string, currentCoderId: number, origin: string): ProjectExport {
  const guids = new GuidBook(exchangeSeed(db), listExchangeGuids(db));
  const remarks: string[] = [];
  const memos = exportMemos(db);
  const memosOn = groupBy(memos, (m) => `${m.targetKind}:${m.targetId ?? ''}`);
  const memoGuids = (kind: string, id: number | null) => (memosOn.get(`${kind}:${id ?? ''}`) ?? []).map((m) => guids.of('memo', m.id));

  const codes = listCodes(db);
  const book = codebookToRefi(codes, listFrameworks(db), guids, (id) => memoGuids('code', id));

  const attributes = listAttributes(db);
  const values = exportAttributeValues(db);
  const variables: RefiVariable[] = attributes.map((a) => ({
    guid: guids.of('attribute', a.id),
    name: a.name,
    type: variableType(a, values.filter((v) => v.attributeId === a.id).map((v) => v.value)),
    description: a.type === 'category' ? CATEGORY_DESCRIPTION : '',
  }));
  const variableOf = new Map(attributes.map((a, i) => [a.id, variables[i]!]));

  // Selections: one per coded span (its codings inside), one per passage credited to a participant.
  const sources = exportSources(db);
  const codings = groupBy(exportCodings(db), (c) => c.sourceId);
  const units = groupBy(exportCreditedUnits(db), (u) => u.sourceId);
  const texts: { path: string; text: string }[] = [];
  const unitSelections = new Map<number, string[]>();
  const unitSources = new Map<number, Set<string>>();
  let unsplittable = 0;
  const textSources: RefiTextSource[] = sources.map((s) => {
    const guid = guids.of('source', s.id);
    const text = getSourceText(db, s.id) ?? '';
    const map = new OffsetMap(text);
    const toCp = (u: number): number | null => {
      try {
        return map.toCodePoint(u);
      } catch {
        return null;
      }
    };
    texts.push({ path: `sources/${guid}.txt`, text });
    const selections: RefiSelection[] = [];
    const spans = new Map<string, RefiSelection>();
    for (const c of codings.get(s.id) ?? []) {
      const start = toCp(c.start);
      const end = toCp(c.end);
      if (start === null || end === null) {
        unsplittable++;
        continue;
      }
      const coding: RefiCoding = { guid: guids.derived('coding', c.id), code: guids.of('code', c.codeId), user: guids.of('coder', c.coderId), at: c.createdAt, noteRefs: memoGuids('coding', c.id) };
      const key = `${c.start}:${c.end}`;
      const known = spans.get(key);
      if (known) known.codings.push(coding);
      else {
        const sel: RefiSelection = { guid: guids.derived('selection', s.id, c.start, c.end), name: null, start, end, user: coding.user, at: c.createdAt, modifiedAt: null, description: '', codings: [coding], noteRefs: [] };
        spans.set(key, sel);
        selections.push(sel);
      }
    }
    for (const u of units.get(s.id) ?? []) {
      const start = toCp(u.start);
      const end = toCp(u.end);
      if (start === null || end === null) continue;
      const sel: RefiSelection = { guid: guids.derived('unit', u.id), name: null, start, end, user: null, at: null, modifiedAt: null, description: '', codings: [], noteRefs: [] };
      selections.push(sel);
      unitSelections.set(u.participantId, [...(unitSelections.get(u.participantId) ?? []), sel.guid]);
      unitSources.set(u.participantId, (unitSources.get(u.participantId) ?? new Set()).add(guid));
    }
    selections.sort((a, b) => a.start - b.start || a.end - b.end);
    return {
      kind: 'text',
      guid,
      name: s.name,
      plainTextPath: `internal://${guid}.txt`,
      richTextPath: null,
      inlineText: null,
      user: null,
      at: s.importedAt,
      modifiedAt: null,
      description: '',
      selections,
      codings: [],
      noteRefs: memoGuids('source', s.id),
      values: [],
    };
  });
  if (unsplittable > 0) remarks.push(`${unsplittable} codings were left out: their positions split a character in two.`);

  const participants = listParticipants(db);
  const valuesOf = groupBy(values, (v) => v.participantId);
  const cases: RefiCase[] = participants.map((p) => ({
    guid: guids.of('participant', p.id),
    name: p.label,
    description: caseDescription(p.name, p.description),
    codeRefs: [],
    values: (valuesOf.get(p.id) ?? []).map((v) => ({ variable: variableOf.get(v.attributeId)!.guid, value: v.value })),
    sourceRefs: [...(unitSources.get(p.id) ?? [])],
    selectionRefs: unitSelections.get(p.id) ?? [],
  }));

  const notes: RefiNote[] = memos.map((m) => ({
    guid: guids.of('memo', m.id),
    name: m.title || null,
    inlineText: m.text,
    plainTextPath: null,
    description: '',
    user: guids.of('coder', m.coderId),
    at: m.createdAt,
    modifiedAt: m.updatedAt,
  }));
  const links: RefiLink[] = memos
    .filter((m) => m.targetKind === 'participant' && m.targetId !== null)
    .map((m) => ({ guid: guids.derived('memo-link', m.id), name: 'Memo', direction: 'OneWay', origin: guids.of('memo', m.id), target: guids.of('participant', m.targetId!), noteRefs: [] }));
  if (links.length > 0) remarks.push('Memos on participants are links from their note to the participant’s case: REFI-QDA cases hold no notes.');
  if (memos.some((m) => RICH.test(m.body))) remarks.push('Memo formatting (bold, lists, links…) is reduced to plain text.');
  if (countQuestionUnits(db) > 0 || questionLinks(db).length > 0) {
    remarks.push('Speaker turns, timestamps, pages, questionnaire items and their framework links are not part of REFI-QDA; each participant’s passages are the selections of the participant’s case.');
  }

  const kindSets: RefiSet[] = (Object.keys(KIND_SETS) as SourceKind[])
    .map((kind) => ({ guid: guids.derived('kind-set', kind), name: KIND_SETS[kind], description: '', codes: [], sources: sources.filter((s) => s.kind === kind).map((s) => guids.of('source', s.id)), notes: [] }))
    .filter((set) => set.sources.length > 0);

  const coders = listCoders(db);
  const project: RefiProject = {
    name: getMeta(db, 'name') ?? 'Marginalia project',
    origin,
    creatingUser: guids.of('coder', currentCoderId),
    createdAt: getMeta(db, 'created_at') ?? null,
    modifiedAt: now,
    users: coders.map((c) => ({ guid: guids.of('coder', c.id), name: c.name, id: null })),
    codes: book.codes,
    variables,
    cases,
    sources: textSources,
    notes,
    links,
    sets: [...book.sets, ...kindSets],
    graphs: 0,
    description: '',
    noteRefs: memoGuids('project', null),
  };
  return { project, texts, remarks };
}
