/**
 * Writing a questionnaire into the project (write-questionnaire.ts), beyond the main path in
 * questionnaires.test.ts: the family a new questionnaire gets, question keys kept unique
 * within it, attributes reused or refused for their type, respondents whose id cannot be a
 * label, sections that are not sections, and what the audit log records. Every refusal leaves
 * the project as it was.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ColumnRole, ImportFileOptions, QuestionnaireOptions, QuestionnairePreview } from '../../../shared/domain/import-types.ts';
import { utf8Bytes } from '../../helpers/files.ts';
import { tableCounts, testHost, type TestHost } from '../../helpers/project.ts';
import { run, stageOne, unitsOf } from './helpers.ts';

/** A4 answered nothing and has no attributes. */
const SURVEY = ['id,Team,Age,Q1. Why did you join?', 'A1,Blue,30,To learn', 'A2,Red,41,', 'A3,Blue,,For my manager', 'A4,,,'].join('\n');
const ROLES: ColumnRole[] = [
  { column: 'Team', role: 'attribute', type: 'category' },
  { column: 'Age', role: 'attribute', type: 'number' },
  { column: 'Q1. Why did you join?', role: 'answer' },
];

type Entry = { action: string; entity: string; detail: Record<string, unknown> };

describe('writing a questionnaire into the project', () => {
  let t: TestHost;
  beforeEach(() => {
    t = testHost();
    t.host.open(join(t.dir, 'study.marginalia'), 'five-questions');
  });
  afterEach(() => t.cleanup());

  async function file(name: string, text: string, options: Partial<QuestionnaireOptions> = {}, extra: Partial<ImportFileOptions> = {}): Promise<ImportFileOptions> {
    const staged = await stageOne(t, name, utf8Bytes(text));
    return { stagedId: staged.stagedId, kind: 'questionnaire', questionnaire: { idColumn: 'id', columns: ROLES, family: { mode: 'new' }, ...options }, ...extra };
  }

  const entries = async (): Promise<Entry[]> =>
    (await t.ok('audit.list', { limit: 500 })).entries.map((e) => ({ action: e.action, entity: e.entity, detail: JSON.parse(e.detail) as Record<string, unknown> })).reverse();

  it('names a new questionnaire after its source when no name is given, and logs what it created', async () => {
    const report = await run(t, [await file('team-survey.csv', SURVEY, {}, { name: 'Team survey, spring' })]);
    const q = report.files[0]!.questionnaire!;
    expect(q.familyName).toBe('Team survey, spring');
    expect(report.files[0]).toMatchObject({ kind: 'questionnaire', sourceName: 'Team survey, spring', units: 3 });

    const log = await entries();
    expect(log.filter((e) => e.entity === 'questionnaire')).toEqual([{ action: 'create', entity: 'questionnaire', detail: { name: 'Team survey, spring', via: 'import' } }]);
    expect(log.filter((e) => e.entity === 'attribute')).toEqual([
      { action: 'create', entity: 'attribute', detail: { name: 'Team', column: 'Team', type: 'category', via: 'import' } },
      { action: 'create', entity: 'attribute', detail: { name: 'Age', column: 'Age', type: 'number', via: 'import' } },
    ]);
    // The source reads as the questionnaire: the question, then each answer after its respondent.
    const source = await t.ok('sources.get', { id: report.files[0]!.sourceId! });
    expect(source.text).toBe('Q1. Why did you join?\n\nA1: To learn\n\nA3: For my manager');
    expect(log.filter((e) => e.action === 'import' && e.entity === 'source').map((e) => e.detail)).toEqual([
      { file: 'team-survey.csv', kind: 'questionnaire', questionnaire: q.familyId, answers: 2, questions: 1 },
    ]);
    // One entry per respondent with the attributes set, none for A4, who has none.
    const set = log.filter((e) => e.action === 'set-attribute' && e.entity === 'participant').map((e) => e.detail);
    expect(set).toEqual([
      { attributes: { Team: 'Blue', Age: '30' }, via: 'import' },
      { attributes: { Team: 'Red', Age: '41' }, via: 'import' },
      { attributes: { Team: 'Blue' }, via: 'import' },
    ]);
  });

  it('names the columns that can identify a person in the source entry of the log', async () => {
    const report = await run(t, [await file('contacts.csv', ['id,Email,Q1', 'A1,a1@example.org,Yes'].join('\n'), { idColumn: 'Email', columns: [{ column: 'Q1', role: 'answer' }] })]);
    expect(report.files[0]!.questionnaire!.identifyingColumns).toEqual(['Email']);
    const source = (await entries()).find((e) => e.action === 'import' && e.entity === 'source')!;
    expect(source.detail['identifyingColumns']).toEqual(['Email']);
  });

  it('reuses an attribute the project has, and counts only the values it replaced', async () => {
    const age = await t.ok('attributes.define', { name: 'age', type: 'number' });
    const a1 = await t.ok('participants.create', { label: 'A1' });
    await t.ok('participants.setAttribute', { participantId: a1.id, attributeId: age.id, value: 30 });
    const a2 = await t.ok('participants.create', { label: 'A2' });
    await t.ok('participants.setAttribute', { participantId: a2.id, attributeId: age.id, value: 39 });

    const report = await run(t, [await file('s.csv', SURVEY)]);
    // A2's age changed (39 to 41); A1's stayed; A3 had none. Team values are all new.
    expect(report.files[0]!.questionnaire!.attributeValuesChanged).toBe(1);
    expect((await t.ok('attributes.list', {})).map((a) => a.name)).toEqual(['age', 'Team']);
    const byLabel = new Map((await t.ok('participants.list', {})).map((p) => [p.label, p.attributes]));
    expect(byLabel.get('A1')).toEqual({ age: 30, Team: 'Blue' });
    expect(byLabel.get('A2')).toEqual({ age: 41, Team: 'Red' });
    expect(byLabel.get('A3')).toEqual({ Team: 'Blue' });
    // A1's unchanged age is not logged as set again.
    const imported = (await entries()).filter((e) => e.action === 'set-attribute' && e.detail['via'] === 'import');
    expect(imported.map((e) => e.detail['attributes'])).toEqual([{ Team: 'Blue' }, { Team: 'Red', age: '41' }, { Team: 'Blue' }]);
  });

  it('refuses a column set to another type than the attribute the project has, and changes nothing', async () => {
    await t.ok('attributes.define', { name: 'Age', type: 'text' });
    const before = tableCounts(t.host);
    const error = await t.fails('import.run', { files: [await file('s.csv', SURVEY)] });
    expect(error).toEqual({
      code: 'conflict',
      message: 's.csv: column "Age" is set as a number attribute, but the project\'s attribute Age is text; choose text',
      field: 'files.0.questionnaire.columns',
    });
    expect(tableCounts(t.host)).toEqual(before);
  });

  it('refuses a question placed in a code that is not a scheme section', async () => {
    const codes = await t.ok('codes.list', {});
    const why = codes.find((c) => c.parentId === null && c.name === 'Why')!;
    const child = await t.ok('codes.create', { name: 'Career', parentId: why.id });
    const before = tableCounts(t.host);
    const columns: ColumnRole[] = [{ column: 'Q1. Why did you join?', role: 'answer', sectionCodeId: child.id }];
    const error = await t.fails('import.run', { files: [await file('s.csv', SURVEY, { columns })] });
    expect(error).toEqual({
      code: 'invalid_input',
      message: `s.csv: question "Why did you join?" can only be placed in a scheme section (a top-level code); code ${child.id} is not one`,
      field: 'files.0.questionnaire.columns',
    });
    const missing = await t.fails('import.run', { files: [await file('s.csv', SURVEY, { columns: [{ ...columns[0]!, sectionCodeId: 9999 }] })] });
    expect(missing.message).toContain('code 9999 is not one');
    expect(tableCounts(t.host)).toEqual(before);

    // A top-level code is a section: the question sits in it.
    const report = await run(t, [await file('s.csv', SURVEY, { columns: [{ ...columns[0]!, sectionCodeId: why.id }] })]);
    expect((await t.ok('questions.list', { sourceId: report.files[0]!.sourceId! })).map((q) => q.sectionCodeId)).toEqual([why.id]);
  });

  it('refuses a respondent id too long for a participant label, naming its row and column', async () => {
    const long = 'R-'.padEnd(41, 'x');
    const before = tableCounts(t.host);
    const error = await t.fails('import.run', { files: [await file('s.csv', [...SURVEY.split('\n'), `${long},Red,50,Yes`].join('\n'))] });
    expect(error.message).toBe(`s.csv, row 6, column "id": respondent id "${long.slice(0, 20)}…" is longer than 40 characters, too long for a participant label`);
    expect(tableCounts(t.host)).toEqual(before);
    // 40 characters fit.
    const fits = 'R-'.padEnd(40, 'x');
    const report = await run(t, [await file('s.csv', [...SURVEY.split('\n'), `${fits},Red,50,Yes`].join('\n'))]);
    expect(report.files[0]!.questionnaire!.newRespondents).toContain(fits);
  });

  it('links a respondent whose id is a participant label to that participant, not a new one', async () => {
    const p = await t.ok('participants.create', { label: 'A2' });
    const report = await run(t, [await file('s.csv', SURVEY)]);
    expect(report.participantsCreated.map((x) => x.label)).toEqual(['A1', 'A3', 'A4']);
    expect(report.files[0]!.questionnaire!.newRespondents).toEqual(['A1', 'A2', 'A3', 'A4']);
    expect((await t.ok('participants.list', {})).find((x) => x.id === p.id)!.attributes).toEqual({ Team: 'Red', Age: 41 });
  });

  it('refuses an update of a questionnaire that does not exist', async () => {
    const before = tableCounts(t.host);
    const error = await t.fails('import.run', { files: [await file('s.csv', SURVEY, { family: { mode: 'update', familyId: 77 } })] });
    expect(error).toEqual({ code: 'not_found', message: 'Questionnaire 77 does not exist; import the file as a new questionnaire', field: 'files.0.questionnaire.family.familyId' });
    expect(tableCounts(t.host)).toEqual(before);
  });

  it('keeps question keys unique within a questionnaire when a later export adds one with a key it has', async () => {
    const first = await run(t, [await file('s.csv', ['id,Q1. Why did you join?', 'A1,To learn'].join('\n'), { columns: [{ column: 'Q1. Why did you join?', role: 'answer' }] })]);
    const familyId = first.files[0]!.questionnaire!.familyId;
    const later = ['id,Q1. Why did you join?,Q1: Why did you stay?,q1) And now?', 'A1,To learn,The people,Still here'].join('\n');
    const columns: ColumnRole[] = ['Q1. Why did you join?', 'Q1: Why did you stay?', 'q1) And now?'].map((column) => ({ column, role: 'answer' }));
    const report = await run(t, [await file('later.csv', later, { columns, family: { mode: 'update', familyId } })]);
    const questions = await t.ok('questions.list', { sourceId: report.files[0]!.sourceId! });
    expect(questions.map((q) => [q.key, q.text])).toEqual([
      ['Q1-2', 'Why did you stay?'],
      ['Q1-3', 'And now?'],
    ]);
    const { units } = await unitsOf(t, report.files[0]!.sourceId!);
    expect(units.map((u) => u.text)).toEqual(['Q1-2. Why did you stay?', 'The people', 'Q1-3. And now?', 'Still here']);
    expect(report.files[0]!.questionnaire).toMatchObject({ answersAlreadyImported: 1, answersAdded: 2, questionsAdded: 2 });
  });

  it('logs an export with nothing new against the questionnaire, without a source', async () => {
    const first = await run(t, [await file('s.csv', SURVEY)]);
    const familyId = first.files[0]!.questionnaire!.familyId;
    const again = await run(t, [await file('s-again.csv', SURVEY, { family: { mode: 'update', familyId } })]);
    expect(again.files[0]).toMatchObject({ sourceId: null, sourceName: null, units: 0 });
    const last = (await entries()).filter((e) => e.action === 'import' && e.entity === 'questionnaire');
    expect(last.map((e) => e.detail)).toEqual([{ file: 's-again.csv', answers: 0, note: 'nothing new in this export' }]);
  });

  it('lists a new question nobody answered yet, so later answers have their place', async () => {
    const text = ['id,Q1. Why did you join?,Q2. What would you change?', 'A1,To learn,', 'A2,The people,'].join('\n');
    const columns: ColumnRole[] = [{ column: 'Q1. Why did you join?', role: 'answer' }, { column: 'Q2. What would you change?', role: 'answer' }];
    const report = await run(t, [await file('s.csv', text, { columns })]);
    const { units } = await unitsOf(t, report.files[0]!.sourceId!);
    expect(units.map((u) => [u.kind, u.text])).toEqual([
      ['question', 'Q1. Why did you join?'],
      ['answer', 'To learn'],
      ['answer', 'The people'],
      ['question', 'Q2. What would you change?'],
    ]);
    expect(report.files[0]!.questionnaire).toMatchObject({ questionsAdded: 2, emptyAnswersSkipped: 2 });
  });

  it('places the new questions of a later export after those the questionnaire has, wherever their column is', async () => {
    const q1 = 'Q1. Why did you join?';
    const first = await run(t, [await file('s.csv', ['id,Q1. Why did you join?', 'A1,To learn'].join('\n'), { columns: [{ column: q1, role: 'answer' }] })]);
    const familyId = first.files[0]!.questionnaire!.familyId;
    const later = ['id,Q7. What next?,Q1. Why did you join?', 'A1,A new role,To learn', 'A2,Nothing,Curiosity'].join('\n');
    const columns: ColumnRole[] = [{ column: 'Q7. What next?', role: 'answer' }, { column: q1, role: 'answer' }];
    const report = await run(t, [await file('later.csv', later, { columns, family: { mode: 'update', familyId } })]);
    const [firstQuestion] = await t.ok('questions.list', { sourceId: first.files[0]!.sourceId! });
    const added = await t.ok('questions.list', { sourceId: report.files[0]!.sourceId! });
    expect(added.map((q) => q.key)).toEqual(['Q7']);
    expect(added[0]!.position).toBeGreaterThan(firstQuestion!.position);
  });

  it('remembers the roles of the latest export, and offers them for the next one', async () => {
    const first = await run(t, [await file('s.csv', SURVEY)]);
    const familyId = first.files[0]!.questionnaire!.familyId;
    // The second time, Age is ignored.
    const columns: ColumnRole[] = [{ column: 'Team', role: 'attribute', type: 'category' }, { column: 'Age', role: 'ignore' }, { column: 'Q1. Why did you join?', role: 'answer' }];
    await run(t, [await file('s2.csv', SURVEY, { columns, family: { mode: 'update', familyId } })]);
    const staged = await stageOne(t, 's3.csv', utf8Bytes(SURVEY));
    const p = (await t.ok('import.preview', { stagedId: staged.stagedId, kind: 'questionnaire', familyId })) as QuestionnairePreview;
    expect(Object.fromEntries(p.columns.map((c) => [c.column, c.suggestion.role]))).toMatchObject({ Team: 'attribute', Age: 'ignore', 'Q1. Why did you join?': 'answer' });
  });

  it('records the survey platform and layout it recognised in the log', async () => {
    const forms = ['Timestamp,Email address,Why did you join?', '2025/03/04 10:12:01 AM GMT+1,a1@example.org,To learn', '2025/03/04 11:40:13 AM GMT+1,a2@example.org,The people'].join('\n');
    const staged = await stageOne(t, 'Form responses 1.csv', utf8Bytes(forms));
    const options: ImportFileOptions = { stagedId: staged.stagedId, kind: 'questionnaire', questionnaire: { idColumn: 'Email address', columns: [{ column: 'Why did you join?', role: 'answer' }], family: { mode: 'new' } } };
    await run(t, [options]);
    const source = (await entries()).find((e) => e.action === 'import' && e.entity === 'source')!;
    expect(source.detail).toMatchObject({ platform: 'google-forms', layout: 'responses' });
  });
});
