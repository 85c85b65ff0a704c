import { ApiFailure } from '../../../../shared/api/errors.ts';
import type { ImportedFile, QuestionnaireOptions, QuestionnaireReport } from '../../../../shared/domain/import-types.ts';
import type { Db } from '../../db/database.ts';
import { getCodeParent } from '../../repositories/codes.ts';
import * as families from '../../repositories/import-families.ts';
import { insertUnits } from '../../repositories/import-units.ts';
import { defineAttribute, findAttribute, getAttributeValue, setAttributeValue } from '../../repositories/participants.ts';
import { insertQuestion } from '../../repositories/sources.ts';
import type { Batch } from './batch.ts';
import type { SurveyTable } from '../parsers/survey/recognize.ts';
import { planQuestionnaire, type AnswerColumn, type QuestionnairePlan } from './questionnaire-plan.ts';
import { storedAnswers } from './update-preview.ts';
import type { FileTarget } from './write-text-sources.ts';

type Column = AnswerColumn & { existing: families.FamilyQuestion | null };
type Attribute = { id: number; name: string };
type Pending = { kind: 'question' | 'answer'; start: number; end: number; column: number; participantId?: number; speaker?: string };

function resolveFamily(batch: Batch, target: FileTarget, options: QuestionnaireOptions): { id: number; name: string } {
  const { ctx } = batch;
  const mapping = { idColumn: options.idColumn, columns: options.columns };
  if (options.family.mode === 'update') {
    const family = families.getFamily(ctx.db, options.family.familyId);
    if (!family) throw new ApiFailure('not_found', `Questionnaire ${options.family.familyId} does not exist; import the file as a new questionnaire`, `${target.field}.questionnaire.family.familyId`);
    families.setFamilyMapping(ctx.db, family.id, mapping);
    return family;
  }
  const name = options.family.name ?? target.sourceName;
  const id = families.insertFamily(ctx.db, name, mapping, ctx.now());
  ctx.audit('create', 'questionnaire', id, { name, via: 'import' });
  return { id, name };
}

/** The project's attribute for each attribute column: the one of that name (any case), or a new one. */
function attributesOf(batch: Batch, target: FileTarget, plan: QuestionnairePlan): Attribute[] {
  const { ctx } = batch;
  return plan.attributeColumns.map((c) => {
    const existing = findAttribute(ctx.db, c.name);
    if (existing && existing.type !== c.type) {
      throw new ApiFailure('conflict', `${target.fileName}: column "${c.header}" is set as a ${c.type} attribute, but the project's attribute ${existing.name} is ${existing.type}; choose ${existing.type}`, `${target.field}.questionnaire.columns`);
    }
    if (existing) return { id: existing.id, name: existing.name };
    const def = defineAttribute(ctx.db, c.name, c.type);
    ctx.audit('create', 'attribute', def.id, { name: c.name, column: c.header, type: c.type, via: 'import' });
    return { id: def.id, name: c.name };
  });
}

function checkSections(db: Db, target: FileTarget, columns: AnswerColumn[]): void {
  for (const c of columns) {
    if (c.sectionCodeId === null) continue;
    const code = getCodeParent(db, c.sectionCodeId);
    if (!code || code.parentId !== null) {
      throw new ApiFailure('invalid_input', `${target.fileName}: question "${c.text}" can only be placed in a scheme section (a top-level code); code ${c.sectionCodeId} is not one`, `${target.field}.questionnaire.columns`);
    }
  }
}

/** Keys for the family's new questions, unique within the family ("Q3", then "Q3-2"). */
function assignKeys(columns: Column[], familyKeys: string[]): void {
  const used = new Set(familyKeys.map((k) => k.toLowerCase()));
  for (const c of columns) {
    if (c.existing) continue;
    let key = c.key;
    for (let n = 2; used.has(key.toLowerCase()); n++) key = `${c.key}-${n}`;
    used.add(key.toLowerCase());
    c.key = key;
  }
}

/**
 * Imports a questionnaire table: respondents become (or are matched to) participants,
 * attribute columns set their attributes, and each non-empty answer becomes an answer unit
 * under its question. For a later export of a family, only answers the family does not hold
 * yet go into the new source; answers whose text changed are reported, not stored again.
 */
export function writeQuestionnaire(batch: Batch, target: FileTarget, table: SurveyTable, options: QuestionnaireOptions): ImportedFile {
  const { ctx } = batch;
  const { db } = ctx;
  const plan = planQuestionnaire(table, target.fileName, options, `${target.field}.questionnaire`);
  checkSections(db, target, plan.answerColumns);
  const family = resolveFamily(batch, target, options);
  const attributes = attributesOf(batch, target, plan);
  const known = families.familyQuestions(db, family.id);
  const byHeader = new Map(known.map((q) => [q.header.toLowerCase(), q]));
  const columns: Column[] = plan.answerColumns.map((c) => ({ ...c, existing: byHeader.get(c.header.toLowerCase()) ?? null }));
  assignKeys(columns, known.map((q) => q.key));

  const respondents = families.familyRespondents(db, family.id);
  const newRespondents: string[] = [];
  const participantIds = plan.respondents.map((r) => {
    const earlier = respondents.get(r.id.toLowerCase());
    if (earlier !== undefined) return earlier;
    newRespondents.push(r.id);
    const id = batch.participantFor(r.id);
    families.rememberRespondent(db, family.id, r.id, id);
    return id;
  });

  const stored = storedAnswers(db, known.map((q) => q.questionId));

  const report: QuestionnaireReport = {
    familyId: family.id, familyName: family.name, respondents: plan.respondents.length, newRespondents, answersAdded: 0,
    answersAlreadyImported: 0, answersChanged: [], emptyAnswersSkipped: plan.emptyAnswers, questionsAdded: 0, attributeValuesChanged: 0,
    identifyingColumns: plan.identifying,
  };
  let text = '';
  const pending: Pending[] = [];
  const add = (label: string | null, body: string) => {
    if (text) text += '\n\n';
    if (label !== null) text += `${label}: `;
    const start = text.length;
    text += body;
    return { start, end: text.length };
  };
  columns.forEach((c, ci) => {
    const fresh: { ri: number; answer: string }[] = [];
    plan.respondents.forEach((r, ri) => {
      const answer = r.answers[ci];
      if (answer === null || answer === undefined) return;
      const before = c.existing ? stored(participantIds[ri]!, c.existing.questionId) : undefined;
      if (before === undefined) return void fresh.push({ ri, answer });
      if (before === answer) report.answersAlreadyImported++;
      else report.answersChanged.push({ respondent: r.id, question: c.existing!.key });
    });
    if (fresh.length === 0 && c.existing) return;
    pending.push({ kind: 'question', column: ci, ...add(null, `${c.existing?.key ?? c.key}. ${c.existing?.text ?? c.text}`) });
    for (const { ri, answer } of fresh) {
      const r = plan.respondents[ri]!;
      pending.push({ kind: 'answer', column: ci, participantId: participantIds[ri]!, speaker: r.id, ...add(r.id, answer) });
      report.answersAdded++;
    }
  });

  let sourceId: number | null = null;
  if (pending.length > 0) {
    sourceId = batch.insertSource({ kind: 'questionnaire', name: target.sourceName, text, origin: target.fileName });
    families.addFamilySource(db, family.id, sourceId);
    const questionIds = columns.map((c, ci) => {
      if (c.existing) return c.existing.questionId;
      const id = insertQuestion(db, { sourceId: sourceId!, key: c.key, text: c.text, sectionCodeId: c.sectionCodeId, position: known.length + ci });
      families.addFamilyColumn(db, family.id, c.header, id);
      report.questionsAdded++;
      return id;
    });
    insertUnits(db, sourceId, pending.map(({ column, ...u }) => ({ ...u, questionId: questionIds[column]! })));
    ctx.audit('import', 'source', sourceId, {
      file: target.fileName, kind: 'questionnaire', questionnaire: family.id, answers: report.answersAdded, questions: report.questionsAdded,
      ...(table.survey ? { platform: table.survey.platform, layout: table.survey.layout } : {}),
      ...(plan.identifying.length > 0 ? { identifyingColumns: plan.identifying } : {}),
    });
  } else {
    ctx.audit('import', 'questionnaire', family.id, { file: target.fileName, answers: 0, note: 'nothing new in this export' });
  }
  report.attributeValuesChanged = setAttributes(batch, plan, participantIds, attributes);
  return { name: target.fileName, kind: 'questionnaire', sourceId, sourceName: sourceId === null ? null : target.sourceName, units: pending.length, questionnaire: report };
}

/** Sets attribute values that differ from the stored ones (logged by the attribute's name); returns how many replaced a stored value. */
function setAttributes(batch: Batch, plan: QuestionnairePlan, participantIds: number[], attributes: Attribute[]): number {
  const { ctx } = batch;
  let changed = 0;
  plan.respondents.forEach((r, ri) => {
    const participantId = participantIds[ri]!;
    const values: Record<string, string> = {};
    plan.attributeColumns.forEach((_, ai) => {
      const value = r.attributes[ai];
      if (value === null || value === undefined) return;
      const attribute = attributes[ai]!;
      const before = getAttributeValue(ctx.db, participantId, attribute.id);
      if (before === value) return;
      if (before !== undefined) changed++;
      setAttributeValue(ctx.db, participantId, attribute.id, value);
      values[attribute.name] = value;
    });
    if (Object.keys(values).length > 0) ctx.audit('set-attribute', 'participant', participantId, { attributes: values, via: 'import' });
  });
  return changed;
}
