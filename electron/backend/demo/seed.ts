import { ApiFailure } from '../../../shared/api/errors.ts';
import { plainTextToHtml } from '../../../shared/domain/html-text.ts';
import type { Ctx } from '../context.ts';
import { insertCode, insertFramework, linkCodeToElement, listCodes, listFrameworks } from '../repositories/codes.ts';
import { insertCoding } from '../repositories/codings.ts';
import { linkQuestionToElement } from '../repositories/frameworks.ts';
import { insertMemo } from '../repositories/memos.ts';
import { setMeta } from '../repositories/meta.ts';
import { defineAttribute, insertParticipant, setAttributeValue } from '../repositories/participants.ts';
import { insertQuestion, insertSource, insertUnit, type NewUnit } from '../repositories/sources.ts';
import {
  DEMO_CATEGORY_ELEMENTS,
  DEMO_CODINGS,
  DEMO_DOCUMENTS,
  DEMO_FRAMEWORKS,
  DEMO_INDUCTIVE_MEMO,
  DEMO_INTERVIEWS,
  DEMO_PARTICIPANTS,
  DEMO_PROJECT_MEMO,
  DEMO_QUESTIONNAIRE_NAME,
  DEMO_QUESTIONS,
} from './content.ts';

/** Lays out blocks as `label: body` paragraphs separated by blank lines, tracking body spans. */
class TextBuilder {
  text = '';
  add(label: string | null, body: string): { start: number; end: number } {
    if (this.text.length > 0) this.text += '\n\n';
    if (label) this.text += `${label}: `;
    const start = this.text.length;
    this.text += body;
    return { start, end: this.text.length };
  }
}

const hms = (at: string): number => {
  const [h, m, s] = at.split(':').map(Number);
  return ((h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0)) * 1000;
};

/** Fills a freshly created five-question project with the demo case study. */
export function seedDemo(ctx: Ctx): void {
  const { db } = ctx;
  const now = ctx.now();
  setMeta(db, 'name', 'Northbridge micro-credentials (demo)');

  const role = defineAttribute(db, 'role', 'category');
  const participantIds = new Map<string, number>();
  for (const p of DEMO_PARTICIPANTS) {
    const id = insertParticipant(db, { label: p.label, name: p.name, description: p.description }, now);
    setAttributeValue(db, id, role.id, p.role);
    participantIds.set(p.label, id);
  }

  const sources = new Map<string, { id: number; text: string; units: (NewUnit & { start: number; end: number })[] }>();
  const addSource = (kind: 'interview' | 'questionnaire' | 'document', name: string, b: TextBuilder, units: NewUnit[]) => {
    const id = insertSource(db, { kind, name, text: b.text, origin: 'demo' }, now);
    for (const u of units) insertUnit(db, id, u);
    sources.set(name, { id, text: b.text, units });
    return id;
  };

  for (const interview of DEMO_INTERVIEWS) {
    const b = new TextBuilder();
    const units: NewUnit[] = interview.turns.map((t) => ({
      kind: 'turn',
      ...b.add(t.speaker, t.text),
      speaker: t.speaker,
      isInterviewer: t.speaker === 'Interviewer',
      participantId: t.speaker === 'Interviewer' ? null : (participantIds.get(t.speaker) ?? null),
      timestampMs: hms(t.at),
    }));
    addSource('interview', interview.name, b, units);
  }

  const sections = new Map(listCodes(db).filter((c) => c.parentId === null).map((c) => [c.name, c.id]));
  const qb = new TextBuilder();
  const qUnits: { unit: NewUnit; key: string }[] = [];
  for (const q of DEMO_QUESTIONS) {
    qUnits.push({ key: q.key, unit: { kind: 'question', ...qb.add(null, `${q.key}. ${q.text}`) } });
    for (const p of DEMO_PARTICIPANTS) {
      qUnits.push({ key: q.key, unit: { kind: 'answer', ...qb.add(p.label, q.answers[p.label]), speaker: p.label, participantId: participantIds.get(p.label) ?? null } });
    }
  }
  const qsId = insertSource(db, { kind: 'questionnaire', name: DEMO_QUESTIONNAIRE_NAME, text: qb.text, origin: 'demo' }, now);
  const questionIds = new Map<string, number>();
  DEMO_QUESTIONS.forEach((q, i) => {
    questionIds.set(q.key, insertQuestion(db, { sourceId: qsId, key: q.key, text: q.text, sectionCodeId: sections.get(q.section) ?? null, position: i }));
  });
  for (const { unit, key } of qUnits) insertUnit(db, qsId, { ...unit, questionId: questionIds.get(key) ?? null });
  sources.set(DEMO_QUESTIONNAIRE_NAME, { id: qsId, text: qb.text, units: [] });

  for (const doc of DEMO_DOCUMENTS) {
    const b = new TextBuilder();
    const units: NewUnit[] = doc.blocks.map((blk) => ({ kind: blk.heading ? 'heading' : 'paragraph', ...b.add(null, blk.text) }));
    addSource('document', doc.name, b, units);
  }

  // Frameworks and their links to categories and questionnaire items.
  const elementIds = new Map<string, number>();
  for (const f of DEMO_FRAMEWORKS) {
    insertFramework(db, f.name, f.description, f.elements);
  }
  for (const e of listFrameworks(db).flatMap((f) => f.elements)) elementIds.set(e.name, e.id);
  const element = (name: string) => {
    const id = elementIds.get(name);
    if (id === undefined) throw new ApiFailure('internal', `demo: unknown framework element ${name}`);
    return id;
  };

  const ipId = insertCode(db, {
    parentId: null,
    name: 'Intellectual property',
    color: '#9c755f',
    definition: 'Who owns course materials, assessments and the credential design, and how that ownership is shared or licensed.',
    origin: 'inductive',
  }, ctx.coderId, now);
  insertMemo(db, { targetKind: 'code', targetId: ipId, title: 'Why this category', body: plainTextToHtml(DEMO_INDUCTIVE_MEMO), text: DEMO_INDUCTIVE_MEMO }, ctx.coderId, now);

  const codeIds = new Map(listCodes(db).filter((c) => c.parentId !== null || c.id === ipId).map((c) => [c.name, c.id]));
  const codeId = (name: string) => {
    const id = codeIds.get(name);
    if (id === undefined) throw new ApiFailure('internal', `demo: unknown category ${name}`);
    return id;
  };
  for (const [category, elements] of Object.entries(DEMO_CATEGORY_ELEMENTS)) {
    for (const e of elements) linkCodeToElement(db, codeId(category), element(e));
  }
  for (const q of DEMO_QUESTIONS) {
    for (const e of q.elements) {
      linkQuestionToElement(db, questionIds.get(q.key)!, element(e));
    }
  }

  for (const c of DEMO_CODINGS) {
    const source = sources.get(c.source);
    if (!source) throw new ApiFailure('internal', `demo: unknown source ${c.source}`);
    const start = source.text.indexOf(c.quote);
    if (start < 0 || source.text.indexOf(c.quote, start + 1) >= 0) throw new ApiFailure('internal', `demo: quote not found once in ${c.source}: ${c.quote}`);
    const id = insertCoding(db, { sourceId: source.id, codeId: codeId(c.category), start, end: start + c.quote.length, quote: c.quote }, ctx.coderId, now);
    if (c.memo) insertMemo(db, { targetKind: 'coding', targetId: id, title: '', body: plainTextToHtml(c.memo), text: c.memo }, ctx.coderId, now);
  }
  insertMemo(db, { targetKind: 'project', targetId: null, title: 'Case study design', body: plainTextToHtml(DEMO_PROJECT_MEMO), text: DEMO_PROJECT_MEMO }, ctx.coderId, now);
  ctx.audit('seed', 'project', null, { demo: true });
}
