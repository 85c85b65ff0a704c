import { describe, expect, it } from 'vitest';
import type { ColumnMeaning, InterviewPreview, QuestionnairePreview } from '../../../shared/domain/import-types.ts';
import { bytesToBase64, newDraft, problemsOf, runOptions, tooBig, withPreview } from '../../../renderer/src/features/import/drafts.ts';

const interview: InterviewPreview = {
  kind: 'interview', tool: null, stagedId: 'stg_1', name: 'dana.txt', characters: 100, duplicateOf: null, turnCount: 2, unitCount: 2,
  speakers: [
    { speaker: 'Interviewer', turns: 1, words: 5, suggestion: { speaker: 'Interviewer', as: 'interviewer' } },
    { speaker: 'Dana', turns: 1, words: 9, suggestion: { speaker: 'Dana', as: 'new', label: 'Dana' } },
  ],
  turns: [],
};

const plain = (key: string): ColumnMeaning => ({ key, question: key, option: null, group: null, code: null, origin: 'question', answers: null, identifying: null });

const questionnaire: QuestionnairePreview = {
  kind: 'questionnaire', stagedId: 'stg_2', name: 'survey.csv', characters: 0, duplicateOf: null,
  survey: null, update: null,
  header: ['ID', 'Age', 'Why?'], rows: [['R1', '30', 'Because']], rowCount: 1, suggestedIdColumn: 'ID', families: [], suggestedFamilyId: null,
  columns: [
    { column: 'ID', meaning: plain('ID'), attributeName: 'ID', suggestion: { column: 'ID', role: 'attribute', type: 'category' }, filled: 1, distinct: 1, samples: ['R1'], existingQuestion: null },
    { column: 'Age', meaning: plain('Age'), attributeName: 'Age', suggestion: { column: 'Age', role: 'attribute', type: 'number' }, filled: 1, distinct: 1, samples: ['30'], existingQuestion: null },
    { column: 'Why?', meaning: plain('Why?'), attributeName: 'Why?', suggestion: { column: 'Why?', role: 'answer', sectionCodeId: null }, filled: 1, distinct: 1, samples: ['Because'], existingQuestion: null },
  ],
  respondents: { idColumn: 'ID', total: 1, known: 0, problem: null },
};

const staged = (name: string) => ({ ...newDraft('k1', name, 10), stagedId: 'stg_1', kind: 'interview' as const, kinds: ['interview' as const, 'document' as const] });

describe('import dialog drafts', () => {
  it('starts from the suggestions and keeps the speakers the user already mapped when the preview comes again', () => {
    const first = withPreview(staged('dana.txt'), interview);
    expect(first.speakers.map((s) => s.as)).toEqual(['interviewer', 'new']);
    const edited = { ...first, speakers: [first.speakers[0]!, { speaker: 'Dana', as: 'participant' as const, participantId: 4 }] };
    expect(withPreview(edited, interview).speakers[1]).toEqual({ speaker: 'Dana', as: 'participant', participantId: 4 });
    expect(runOptions(edited)).toEqual({
      stagedId: 'stg_1', kind: 'interview', name: 'dana',
      interview: { speakers: edited.speakers, unattributedParticipantId: null },
    });
  });

  it('says what is missing: a label for a new participant, an id column without repeats', () => {
    const d = withPreview(staged('dana.txt'), interview);
    expect(problemsOf({ ...d, speakers: [d.speakers[0]!, { speaker: 'Dana', as: 'new', label: ' ' }] })).toEqual(['dana.txt: give “Dana” a participant label']);
    expect(problemsOf({ ...d, speakers: [d.speakers[0]!, { speaker: 'Dana', as: 'new', label: 'pa' }] }, new Set(['pa']))).toEqual(['dana.txt: pa is already a participant; choose it in the list for “Dana”']);
    const q = withPreview({ ...staged('survey.csv'), kind: 'questionnaire' }, questionnaire);
    expect(q.questionnaire).toEqual({ idColumn: 'ID', family: { mode: 'new' }, columns: [questionnaire.columns[1]!.suggestion, questionnaire.columns[2]!.suggestion] });
    expect(problemsOf(q)).toEqual([]);
    const repeated = withPreview(q, { ...questionnaire, respondents: { ...questionnaire.respondents, problem: 'survey.csv, row 3: respondent id "R1" already appears in row 2' } });
    expect(problemsOf(repeated)).toEqual(['survey.csv, row 3: respondent id "R1" already appears in row 2']);
    expect(runOptions(q).questionnaire).toEqual({ idColumn: 'ID', columns: q.questionnaire!.columns, family: { mode: 'new', name: 'survey' } });
  });

  it('refuses a file over 50 MB before upload and encodes bytes as base64 in chunks', () => {
    expect(tooBig('big.pdf', 51 * 1024 * 1024)).toBe('big.pdf is 51.0 MB; the limit is 50.0 MB');
    expect(tooBig('ok.pdf', 1024)).toBeNull();
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => i % 256);
    const decoded = Uint8Array.from(atob(bytesToBase64(bytes)), (c) => c.charCodeAt(0));
    expect(decoded).toEqual(bytes);
    expect(bytesToBase64(new TextEncoder().encode('Ça va'))).toBe('w4dhIHZh');
  });
});
