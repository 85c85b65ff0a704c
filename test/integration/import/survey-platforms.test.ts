import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QuestionnairePreview, StagedFile } from '../../../shared/domain/import-types.ts';
import { tableCounts, testHost, type TestHost } from '../../helpers/project.ts';
import * as S from '../../helpers/survey-exports.ts';
import { preview, run, stageOne, suggestedOptions, unitsOf } from './helpers.ts';

type Fixture = { file: string; bytes: () => Uint8Array | Promise<Uint8Array>; platform: string; ids: readonly string[]; idColumn: string; role: string | null };

/** Every survey fixture, with the respondent ids and the role attribute a user would expect from it. */
const FIXTURES: Fixture[] = [
  { file: 'Learner survey_March 6, 2025_10.15.csv', bytes: () => S.qualtricsCsv(), platform: 'qualtrics', ids: S.QUALTRICS_IDS, idColumn: 'ResponseId', role: 'What is your role?' },
  { file: 'Learner survey_numeric.tsv', bytes: () => S.qualtricsTsv(S.qualtricsRows('numeric')), platform: 'qualtrics', ids: S.QUALTRICS_IDS, idColumn: 'ResponseId', role: 'What is your role?' },
  { file: 'Learner survey.xlsx', bytes: () => S.qualtricsXlsx(), platform: 'qualtrics', ids: S.QUALTRICS_IDS, idColumn: 'ResponseId', role: 'What is your role?' },
  { file: 'legacy.csv', bytes: () => S.qualtricsLegacyCsv(), platform: 'qualtrics', ids: S.QUALTRICS_IDS, idColumn: 'ResponseID', role: null },
  { file: 'Sheet_1.csv', bytes: () => S.surveyMonkeyCsv(), platform: 'surveymonkey', ids: S.SURVEYMONKEY_IDS, idColumn: 'Respondent ID', role: 'What is your role?' },
  { file: 'Data_All_250306.xlsx', bytes: () => S.surveyMonkeyXlsx(), platform: 'surveymonkey', ids: S.SURVEYMONKEY_IDS, idColumn: 'Respondent ID', role: 'What is your role?' },
  { file: 'results-survey123456.csv', bytes: () => S.limeSurveyCsv('full'), platform: 'limesurvey', ids: ['1', '2'], idColumn: 'Response ID', role: 'What is your role?' },
  { file: 'results-survey123456-codes.csv', bytes: () => S.limeSurveyCsv('code'), platform: 'limesurvey', ids: ['1', '2'], idColumn: 'id', role: 'G01Q03' },
  { file: 'Learner survey (Responses).csv', bytes: () => S.googleFormsCsv(), platform: 'google-forms', ids: ['2025/03/04 9:20:45 AM GMT+1', '2025/03/05 2:15:02 PM GMT+1'], idColumn: 'Timestamp', role: 'What is your role?' },
  { file: 'Learner survey(1-2).xlsx', bytes: () => S.microsoftFormsXlsx(), platform: 'microsoft-forms', ids: ['1', '2'], idColumn: 'ID', role: 'What is your role?' },
];

describe('survey exports import as their platform meant them', () => {
  let t: TestHost;
  beforeEach(() => {
    t = testHost();
    t.host.open(join(t.dir, 'study.marginalia'), 'five-questions');
  });
  afterEach(() => t.cleanup());

  /** Stage, preview and import with the dialog's first guesses, as a user pressing Import would. */
  async function importAsSuggested(staged: StagedFile) {
    const p = (await preview(t, staged)) as QuestionnairePreview;
    const options = suggestedOptions(staged, p);
    return { preview: p, report: await run(t, [options]) };
  }

  for (const f of FIXTURES) {
    it(`${f.file}: respondents by their ids, questions by their text, tool records and identifying columns left out`, async () => {
      const staged = await stageOne(t, f.file, await f.bytes());
      expect(staged.suggestedKind).toBe('questionnaire');
      const { preview: p, report } = await importAsSuggested(staged);
      expect(p.survey?.platform).toBe(f.platform);
      expect(p.suggestedIdColumn).toBe(f.idColumn);
      expect(p.respondents).toMatchObject({ total: 2, problem: null });
      // Every identifying column is flagged and left out by default.
      for (const c of p.columns.filter((x) => x.meaning.identifying)) expect(c.suggestion.role, c.column).toBe('ignore');

      const participants = await t.ok('participants.list', {});
      expect(participants.map((x) => x.label)).toEqual([...f.ids]);
      expect(report.files[0]!.questionnaire).toMatchObject({ respondents: 2, identifyingColumns: [] });
      const attributes = (await t.ok('attributes.list', {})).map((a) => a.name);
      expect(attributes.filter((a) => /ip ?address|e-?mail|latitude|longitude|browser|name$/i.test(a))).toEqual([]);
      if (f.role) expect(attributes).toContain(f.role);

      const questions = await t.ok('questions.list', { sourceId: report.files[0]!.sourceId! });
      const texts = questions.map((q) => q.text);
      if (f.platform !== 'limesurvey' || !f.file.includes('codes')) expect(texts).toContain(S.WHY);
      const { units } = await unitsOf(t, report.files[0]!.sourceId!);
      expect(units.filter((u) => u.kind === 'answer').map((u) => [u.participant, u.text])).toEqual(
        expect.arrayContaining([[f.ids[0], S.ANSWERS.first], [f.ids[1], S.ANSWERS.second]]),
      );
    });
  }

  it('Qualtrics: the matrix rows become attributes named "Question [Row]", the "Other" text an answer under its question', async () => {
    const { report } = await importAsSuggested(await stageOne(t, 'q.csv', S.qualtricsCsv()));
    const people = await t.ok('participants.list', {});
    expect(people[1]!.attributes).toMatchObject({
      'What is your role?': 'Other (please specify)',
      'How satisfied are you with the following? [Teaching]': 'Neither satisfied nor dissatisfied',
      cohort: 'Spring',
    });
    const questions = await t.ok('questions.list', { sourceId: report.files[0]!.sourceId! });
    expect(questions.map((q) => [q.key, q.text])).toEqual([
      ['Q1', S.WHY],
      ['Q3_4_TEXT', 'What is your role? — Other (please specify)'],
      ['Q4', 'Anything else you would like to tell us?'],
    ]);
  });

  it('flags identifying columns the user includes, in the report and the audit log', async () => {
    const staged = await stageOne(t, 'q.csv', S.qualtricsCsv());
    const p = (await preview(t, staged)) as QuestionnairePreview;
    const options = suggestedOptions(staged, p);
    options.questionnaire!.columns = options.questionnaire!.columns.map((c) => (c.column === 'IPAddress' ? { column: c.column, role: 'attribute', type: 'text' } : c));
    const report = await run(t, [options]);
    expect(report.files[0]!.questionnaire!.identifyingColumns).toEqual(['IPAddress']);
    const imported = (await t.ok('audit.list', {})).entries.find((e) => e.action === 'import' && e.entity === 'source')!;
    expect(JSON.parse(imported.detail)).toMatchObject({ platform: 'qualtrics', identifyingColumns: ['IPAddress'] });
  });

  it('a later export updates by respondent id: preview of added, unchanged and changed; no duplicate respondents; codings kept', async () => {
    const first = await importAsSuggested(await stageOne(t, 'march.csv', S.qualtricsCsv()));
    const sourceId = first.report.files[0]!.sourceId!;
    const { units } = await t.ok('sources.get', { id: sourceId }).then((s) => ({ units: s.units }));
    const source = await t.ok('sources.get', { id: sourceId });
    const answer = units.find((u) => u.kind === 'answer' && source.text.slice(u.start, u.end) === S.ANSWERS.second)!;
    const why = (await t.ok('codes.list', {})).find((c) => c.name === 'Why')!;
    const coding = await t.ok('codings.applyToUnit', { unitId: answer.id, codeId: why.id });

    // April: the second respondent unchanged, the first one's answer edited, a third respondent.
    const rows = S.qualtricsRows();
    const edited = rows.map((r) => [...r]);
    edited[3]![edited[0]!.indexOf('Q1')] = 'My employer asked for it.';
    const third = [...edited[4]!];
    third[edited[0]!.indexOf('ResponseId')] = 'R_2aXnQv7TgKp9LmB';
    third[edited[0]!.indexOf('Q1')] = 'A colleague recommended it.';
    const staged = await stageOne(t, 'april.csv', S.qualtricsCsv([...edited, third]));
    const p = (await preview(t, staged)) as QuestionnairePreview;
    expect(p.suggestedFamilyId).toBe(first.report.files[0]!.questionnaire!.familyId);
    expect(p.update).toMatchObject({ respondentsAdded: 1, respondentsKnown: 2, answersAdded: 2, answersUnchanged: 3, answersChanged: 1, changed: [{ respondent: S.QUALTRICS_IDS[0], question: 'Q1' }] });

    const options = suggestedOptions(staged, p);
    const report = await run(t, [options]);
    expect(report.files[0]!.questionnaire).toMatchObject({ newRespondents: ['R_2aXnQv7TgKp9LmB'], answersChanged: [{ respondent: S.QUALTRICS_IDS[0], question: 'Q1' }] });
    expect((await t.ok('participants.list', {})).map((x) => x.label).sort()).toEqual([...S.QUALTRICS_IDS, 'R_2aXnQv7TgKp9LmB'].sort());
    expect((await t.ok('codings.listForSource', { sourceId })).map((c) => c.id)).toEqual([coding.id]);
  });

  it('does not take another Qualtrics survey for a later export of this one', async () => {
    await importAsSuggested(await stageOne(t, 'march.csv', S.qualtricsCsv()));
    const other = S.qualtricsRows().map((r, i) => (i === 1 ? r.map((c) => (c === S.WHY ? 'What did you think of the library workshop?' : c)) : [...r]));
    const idAt = other[0]!.indexOf('ResponseId');
    other[3]![idAt] = 'R_9zzOtherSurvey01';
    other[4]![idAt] = 'R_9zzOtherSurvey02';
    const p = (await preview(t, await stageOne(t, 'workshop.csv', S.qualtricsCsv(other)))) as QuestionnairePreview;
    expect(p.families).toHaveLength(1);
    expect(p.suggestedFamilyId).toBeNull();
    expect(p.update).toBeNull();
  });

  it('refuses an export with a repeated respondent id, naming file, row and column, and writes nothing', async () => {
    const rows = S.qualtricsRows();
    const idAt = rows[0]!.indexOf('ResponseId');
    const dupe = [...rows[4]!];
    dupe[idAt] = S.QUALTRICS_IDS[0];
    const staged = await stageOne(t, 'dupes.csv', S.qualtricsCsv([...rows, dupe]));
    const p = (await preview(t, staged)) as QuestionnairePreview;
    expect(p.respondents.problem).toBe(`dupes.csv, row 6, column "ResponseId": respondent id "${S.QUALTRICS_IDS[0]}" already appears in row 4`);
    const before = tableCounts(t.host);
    const options = suggestedOptions(staged, p);
    const r = await t.host.call('import.run', { files: [options] });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'bad_file', message: expect.stringMatching(/^dupes\.csv, row 6, column "ResponseId": respondent id/) });
    expect(tableCounts(t.host)).toEqual(before);
  });
});
