import { join } from 'node:path';
import type { Db } from '../../../electron/backend/db/database.ts';
import { insertQuestion, insertSource, insertUnit, type NewUnit } from '../../../electron/backend/repositories/sources.ts';
import type { TestHost } from '../../helpers/project.ts';

/**
 * A small hand-made study: two interviews (one wrapped in a page unit, so units nest), a
 * questionnaire, a document with paragraphs and a document without units; four participants
 * (P4 has no text at all), a role attribute P4 lacks, and codings that overlap, nest, spill
 * out of a turn, start in a speaker label and sit around an emoji (two UTF-16 units).
 */
export type Study = {
  ids: { participants: Record<string, number>; codes: Record<string, number>; sources: Record<string, number>; role: number; questions: Record<string, number> };
  codingIds: number[];
};

type Part = { label: string | null; body: string; unit?: Omit<NewUnit, 'start' | 'end'> };

function layout(parts: Part[]): { text: string; units: NewUnit[] } {
  let text = '';
  const units: NewUnit[] = [];
  for (const p of parts) {
    if (text) text += '\n\n';
    if (p.label) text += `${p.label}: `;
    const start = text.length;
    text += p.body;
    if (p.unit) units.push({ ...p.unit, start, end: text.length });
  }
  return { text, units };
}

export const TEXTS = {
  t1: 'Employers value the badge 🎓 because it shows skills. The university strategy backs it too.',
  i2: 'And what is a micro-credential, really?',
  t2: 'A micro-credential is a small assessed unit. Its size matters. Ownership of the course stays with us.',
  p2: 'Our employers ask for stackable credits and quick recognition.',
  policy1: 'The strategy of Northbridge puts lifelong learning first.',
  policy2: 'Course materials remain the intellectual property of their authors.',
  notes: 'Loose notes: value for learners is unclear. Évaluación pendiente.',
};

export async function buildStudy(t: TestHost): Promise<Study> {
  t.host.open(join(t.dir, 'study.marginalia'), 'empty');
  const participants: Record<string, number> = {};
  for (const label of ['P1', 'P2', 'P3', 'P4']) participants[label] = (await t.ok('participants.create', { label })).id;
  const role = (await t.ok('attributes.define', { name: 'role', type: 'category' })).id;
  for (const [label, value] of [['P1', 'Expert'], ['P2', 'Expert'], ['P3', 'Leader']] as const) {
    await t.ok('participants.setAttribute', { participantId: participants[label]!, attributeId: role, value });
  }
  const codes: Record<string, number> = {};
  const code = async (name: string, parent: string | null) => {
    codes[name] = (await t.ok('codes.create', { name, parentId: parent === null ? null : codes[parent]! })).id;
  };
  await code('Why', null);
  await code('Value', 'Why');
  await code('Strategy', 'Why');
  await code('What', null);
  await code('Definition', 'What');
  await code('Size', 'Definition');
  await code('Empty', 'What');
  await code('How', null);
  await code('IP', null);

  const db: Db = t.host.current!.db;
  const sources: Record<string, number> = {};
  const questions: Record<string, number> = {};
  db.transaction(() => {
    const now = '2026-11-28T12:00:00.000Z';
    const add = (name: string, kind: 'interview' | 'questionnaire' | 'document', parts: Part[], extra: NewUnit[] = []) => {
      const { text, units } = layout(parts);
      const id = insertSource(db, { kind, name, text, origin: 'test' }, now);
      for (const u of [...units, ...extra.map((u) => ({ ...u, end: u.end < 0 ? text.length : u.end }))]) insertUnit(db, id, u);
      sources[name] = id;
      return id;
    };
    const turn = (who: string) => ({ kind: 'turn' as const, speaker: who, isInterviewer: who === 'Interviewer', participantId: participants[who] ?? null });
    add('Interview P1', 'interview', [
      { label: 'Interviewer', body: 'Why do employers care?', unit: turn('Interviewer') },
      { label: 'P1', body: TEXTS.t1, unit: turn('P1') },
      { label: 'Interviewer', body: TEXTS.i2, unit: turn('Interviewer') },
      { label: 'P1', body: TEXTS.t2, unit: turn('P1') },
    ]);
    // A page unit around the whole interview: turns nest inside it and win where they are.
    add('Interview P2', 'interview', [
      { label: 'Interviewer', body: 'What do employers ask for?', unit: turn('Interviewer') },
      { label: 'P2', body: TEXTS.p2, unit: turn('P2') },
    ], [{ kind: 'page', start: 0, end: -1, page: 1 }]);
    const q = layout([
      { label: null, body: 'Q1. What is a micro-credential?', unit: { kind: 'question' } },
      { label: 'P1', body: 'A short course with an exam.', unit: { kind: 'answer', participantId: participants['P1']!, speaker: 'P1' } },
      { label: 'P2', body: 'Credits you can stack.', unit: { kind: 'answer', participantId: participants['P2']!, speaker: 'P2' } },
      { label: 'P3', body: 'Small, assessed and recorded learning.', unit: { kind: 'answer', participantId: participants['P3']!, speaker: 'P3' } },
      { label: null, body: 'Q2. Why does it matter?', unit: { kind: 'question' } },
      { label: 'P1', body: 'Employers ask for it.', unit: { kind: 'answer', participantId: participants['P1']!, speaker: 'P1' } },
      { label: 'P2', body: 'It adds value for working adults.', unit: { kind: 'answer', participantId: participants['P2']!, speaker: 'P2' } },
      { label: 'P3', body: 'It is part of our strategy.', unit: { kind: 'answer', participantId: participants['P3']!, speaker: 'P3' } },
    ]);
    const qid = insertSource(db, { kind: 'questionnaire', name: 'Questionnaire', text: q.text, origin: 'test' }, now);
    sources['Questionnaire'] = qid;
    questions['Q1'] = insertQuestion(db, { sourceId: qid, key: 'Q1', text: 'What is a micro-credential?', sectionCodeId: codes['What']!, position: 0 });
    questions['Q2'] = insertQuestion(db, { sourceId: qid, key: 'Q2', text: 'Why does it matter?', sectionCodeId: codes['Why']!, position: 1 });
    q.units.forEach((u, i) => insertUnit(db, qid, { ...u, questionId: i < 4 ? questions['Q1']! : questions['Q2']! }));
    add('Policy', 'document', [
      { label: null, body: TEXTS.policy1, unit: { kind: 'paragraph' } },
      { label: null, body: TEXTS.policy2, unit: { kind: 'paragraph' } },
    ]);
    add('Notes', 'document', [{ label: null, body: TEXTS.notes }]);
  });

  const text = (name: string) => db.get<{ text: string }>({ text: 'SELECT text FROM sources WHERE id = ?', values: [sources[name]!], __sql: true })!.text;
  const codingIds: number[] = [];
  const apply = async (source: string, from: string, to: string | number, codeName: string) => {
    const s = text(source);
    const start = s.indexOf(from);
    if (start < 0) throw new Error(`fixture: "${from}" not in ${source}`);
    const end = typeof to === 'number' ? start + to : s.indexOf(to, start) + to.length;
    codingIds.push((await t.ok('codings.apply', { sourceId: sources[source]!, codeId: codes[codeName]!, start, end })).id);
  };
  await apply('Interview P1', 'Employers value', 'skills.', 'Value');
  await apply('Interview P1', 'the badge', 'university', 'Value'); // overlaps the first Value coding
  await apply('Interview P1', 'The university strategy', 'too.', 'Strategy');
  await apply('Interview P1', 'backs it too.', 'micro-credential, really?', 'Definition'); // spills into the interviewer's turn
  await apply('Interview P1', 'A micro-credential is', 'unit.', 'Definition');
  await apply('Interview P1', 'small assessed', 'matters.', 'Size'); // nested in and past Definition
  await apply('Interview P1', 'Ownership', 'us.', 'IP');
  await apply('Interview P2', 'stackable credits', 'recognition.', 'Value');
  await apply('Interview P2', 'P2: Our', 'employers', 'Strategy'); // starts in the label: owned by the page unit
  await apply('Questionnaire', 'A short course', 'exam.', 'Definition');
  await apply('Questionnaire', 'Small, assessed', 'learning.', 'Size');
  await apply('Questionnaire', 'It adds value', 'adults.', 'Value');
  await apply('Questionnaire', 'It is part', 'strategy.', 'Strategy');
  await apply('Policy', 'The strategy of', 'first.', 'Strategy');
  await apply('Policy', 'Course materials', 'authors.', 'IP');
  await apply('Notes', 'value for learners', 'unclear.', 'Value');
  return { ids: { participants, codes, sources, role, questions }, codingIds };
}
