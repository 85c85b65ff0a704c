/**
 * A later export of a questionnaire, compared with what the project holds before anything is
 * written: which respondents are new, which answers are new, unchanged or changed.
 */
import type { UpdatePreview } from '../../../../shared/domain/import-types.ts';
import type { Db } from '../../db/database.ts';
import { existingAnswers, familyQuestions, familyRespondents, getFamily } from '../../repositories/import-families.ts';
import { findParticipantByLabel } from '../../repositories/participants.ts';
import { getSourceText } from '../../repositories/sources.ts';
import type { SurveyTable } from '../parsers/survey/recognize.ts';
import { answerText } from './questionnaire-plan.ts';

/** How many changed answers the preview names; the count covers all of them. */
const LISTED_CHANGES = 20;

/** The stored text of the answer a participant gave to a question, if the project has one. */
export function storedAnswers(db: Db, questionIds: readonly number[]): (participantId: number, questionId: number) => string | undefined {
  const prior = new Map(existingAnswers(db, questionIds).map((a) => [`${a.participantId}:${a.questionId}`, a]));
  const texts = new Map<number, string>();
  return (participantId, questionId) => {
    const answer = prior.get(`${participantId}:${questionId}`);
    if (!answer) return undefined;
    let text = texts.get(answer.sourceId);
    if (text === undefined) texts.set(answer.sourceId, (text = getSourceText(db, answer.sourceId) ?? ''));
    return text.slice(answer.start, answer.end);
  };
}

/**
 * What importing the table into the family would do, by respondent id (the same matching as
 * the import: the family's own respondents first, then participants by label).
 */
export function previewUpdate(db: Db, familyId: number, table: SurveyTable, idIndex: number): UpdatePreview {
  const respondents = familyRespondents(db, familyId);
  const questions = familyQuestions(db, familyId);
  const byHeader = new Map(questions.map((q) => [q.header.toLowerCase(), q]));
  const stored = storedAnswers(db, questions.map((q) => q.questionId));
  const preview: UpdatePreview = { familyId, respondentsAdded: 0, respondentsKnown: 0, answersAdded: 0, answersUnchanged: 0, answersChanged: 0, changed: [], newColumns: 0 };
  const fed = table.header.map((h) => byHeader.get(h.toLowerCase()) ?? null);
  for (const cells of table.rows) {
    const id = (cells[idIndex] ?? '').trim();
    const known = respondents.get(id.toLowerCase());
    if (known !== undefined) preview.respondentsKnown++;
    else preview.respondentsAdded++;
    const participantId = known ?? findParticipantByLabel(db, id)?.id;
    fed.forEach((question, i) => {
      const answer = question ? answerText(cells[i] ?? '') : '';
      if (!question || answer === '') return;
      const before = participantId === undefined ? undefined : stored(participantId, question.questionId);
      if (before === undefined) preview.answersAdded++;
      else if (before === answer) preview.answersUnchanged++;
      else {
        preview.answersChanged++;
        if (preview.changed.length < LISTED_CHANGES) preview.changed.push({ respondent: id, question: question.key });
      }
    });
  }
  const mapping = getFamily(db, familyId)?.mapping;
  const seen = new Set([...questions.map((q) => q.header), ...(mapping?.columns ?? []).map((c) => c.column), mapping?.idColumn ?? ''].map((h) => h.toLowerCase()));
  preview.newColumns = table.columns.filter((c, i) => i !== idIndex && (c.origin === 'question' || c.origin === 'embedded') && !seen.has(c.key.toLowerCase())).length;
  return preview;
}
