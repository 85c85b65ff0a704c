import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { QuestionnaireOptions, QuestionnairePreview } from '../../../shared/domain/import-types.ts';
import { utf8Bytes } from '../../helpers/files.ts';
import { testHost, type TestHost } from '../../helpers/project.ts';
import { csvText, qualtricsCsv, qualtricsRows, WHY } from '../../helpers/survey-exports.ts';
import { preview, previewQuestionnaire, run, stageOne, suggestedOptions } from './helpers.ts';

const excelCsv = (rows: string[][]) => utf8Bytes(csvText(rows), true);

/** Qualtrics' three header rows and its responses, edited column by column as a changed survey would export. */
class QualtricsExport {
  constructor(public rows: string[][]) {}
  static of = () => new QualtricsExport(qualtricsRows());
  private at = (key: string) => this.rows[0]!.indexOf(key);
  /** Responses from another export window: new response ids. */
  ids(...ids: string[]) {
    const i = this.at('ResponseId');
    this.rows = [...this.rows.slice(0, 3), ...ids.map((id, n) => this.rows[3 + (n % (this.rows.length - 3))]!.map((c, j) => (j === i ? id : c)))];
    return this;
  }
  /** The question reworded in the survey editor. */
  retext(key: string, text: string) {
    this.rows[1]![this.at(key)] = text;
    return this;
  }
  drop(...keys: string[]) {
    const gone = new Set(keys.map(this.at));
    this.rows = this.rows.map((r) => r.filter((_, j) => !gone.has(j)));
    return this;
  }
  add(key: string, text: string, importId: string, value: (row: number) => string) {
    this.rows = this.rows.map((r, n) => [...r, n === 0 ? key : n === 1 ? text : n === 2 ? JSON.stringify({ ImportId: importId }) : value(n - 3)]);
    return this;
  }
  bytes = () => qualtricsCsv(this.rows);
}

describe('a later export of a questionnaire already in the project', () => {
  let t: TestHost;
  beforeEach(() => {
    t = testHost();
    t.host.open(join(t.dir, 'study.marginalia'), 'five-questions');
  });
  afterEach(() => t.cleanup());

  const ask = (stagedId: string, extra: { idColumn?: string; familyId?: number | null } = {}) => previewQuestionnaire(t, stagedId, extra);
  const previewOf = async (name: string, bytes: Uint8Array) => (await preview(t, await stageOne(t, name, bytes))) as QuestionnairePreview;

  describe('from Qualtrics, where every survey has a Q1 and a StartDate', () => {
    /** The first export, imported with the dialog's first guesses. */
    async function importFirst() {
      const staged = await stageOne(t, 'micro-credentials.csv', qualtricsCsv());
      const options = suggestedOptions(staged, await preview(t, staged));
      const report = await run(t, [options]);
      return report.files[0]!.questionnaire!.familyId;
    }

    it('is recognised by its respondents in a cumulative download, though a question was reworded since', async () => {
      const familyId = await importFirst();
      const later = QualtricsExport.of().retext('Q1', 'Why did you choose a micro-credential over a degree?');
      later.rows.push(later.rows[4]!.map((c, j) => (later.rows[0]![j] === 'ResponseId' ? 'R_2VbN8sLqW4eTy7M' : c)));
      const p = await previewOf('micro-credentials-may.csv', later.bytes());
      expect(p.suggestedFamilyId).toBe(familyId);
      expect(p.respondents).toEqual({ idColumn: 'ResponseId', total: 3, known: 2, problem: null });
      expect(p.update).toMatchObject({ familyId, respondentsKnown: 2, respondentsAdded: 1 });
    });

    it('is recognised by the same question texts in a fresh export window, with a question dropped and an embedded field added', async () => {
      const familyId = await importFirst();
      const later = QualtricsExport.of()
        .ids('R_2VbN8sLqW4eTy7M', 'R_1dXq9TgH4kLmZ2p')
        .drop('Q4')
        .add('campus', 'campus', 'campus', (n) => ['North', 'City'][n]!);
      const p = await previewOf('micro-credentials-june.csv', later.bytes());
      expect(p.suggestedFamilyId).toBe(familyId);
      expect(p.respondents).toMatchObject({ idColumn: 'ResponseId', total: 2, known: 0 });
      // The embedded field is new to the questionnaire; the Q5 browser fields are the tool's records, not questions.
      expect(p.update).toEqual({ familyId, respondentsAdded: 2, respondentsKnown: 0, answersAdded: 3, answersUnchanged: 0, answersChanged: 0, changed: [], newColumns: 1 });
    });

    it('is not suggested for another survey numbered the same way but asking other questions', async () => {
      await importFirst();
      const other = QualtricsExport.of()
        .ids('R_8PqW2eRtY6uIo0A', 'R_5ZxC3vBn7mLkJ9H')
        .retext('Q1', 'What made you apply for the mentoring scheme?')
        .retext('Q3_4_TEXT', 'Which department are you in? - Other - Text')
        .retext('Q4', 'What should the scheme change next year?');
      const p = await previewOf('mentoring.csv', other.bytes());
      expect(p.families).toHaveLength(1);
      expect(p.suggestedFamilyId).toBeNull();
      expect(p.update).toBeNull();
    });

    it('is not suggested for another survey that only opens with the same question', async () => {
      await importFirst();
      const other = QualtricsExport.of()
        .ids('R_8PqW2eRtY6uIo0A', 'R_5ZxC3vBn7mLkJ9H')
        .drop('Q2_1', 'Q2_2', 'Q3', 'Q3_4_TEXT', 'Q4', 'cohort')
        .add('Q6', 'Which skills did you use at work?', 'QID6_TEXT', (n) => ['Data analysis in spreadsheets', 'Literature searching'][n]!)
        .add('Q7', 'What got in the way?', 'QID7_TEXT', (n) => ['Time', 'No access to the software'][n]!)
        .add('Q8', 'Who supported you?', 'QID8_TEXT', (n) => ['My line manager', 'Nobody in particular'][n]!);
      const p = await previewOf('follow-up.csv', other.bytes());
      expect(p.suggestedFamilyId).toBeNull();
    });

    it('is suggested for a short follow-up keeping the opening question and the embedded field', async () => {
      const familyId = await importFirst();
      const later = QualtricsExport.of()
        .ids('R_8PqW2eRtY6uIo0A', 'R_5ZxC3vBn7mLkJ9H')
        .drop('Q2_1', 'Q2_2', 'Q3', 'Q3_4_TEXT', 'Q4')
        .add('Q6', 'Which skills did you use at work?', 'QID6_TEXT', (n) => ['Data analysis in spreadsheets', 'Literature searching'][n]!);
      const p = await previewOf('follow-up.csv', later.bytes());
      expect(p.suggestedFamilyId).toBe(familyId);
    });

    it('is not suggested for a ratings-only pulse survey that shares none of its written questions', async () => {
      await importFirst();
      const pulse = QualtricsExport.of().ids('R_8PqW2eRtY6uIo0A', 'R_5ZxC3vBn7mLkJ9H').drop('Q1', 'Q3_4_TEXT', 'Q4');
      const p = await previewOf('pulse.csv', pulse.bytes());
      expect(p.suggestedFamilyId).toBeNull();
    });

    it('asks the same question as the first export, word for word', () => {
      // Guards the fixture the tests above rely on.
      expect(qualtricsRows()[1]![qualtricsRows()[0]!.indexOf('Q1')]).toBe(WHY);
    });
  });

  describe('from a plain spreadsheet', () => {
    const importFirst = async (rows: string[][], options: Omit<QuestionnaireOptions, 'family'>) => {
      const staged = await stageOne(t, 'wave1.csv', excelCsv(rows));
      const report = await run(t, [{ stagedId: staged.stagedId, kind: 'questionnaire', questionnaire: { ...options, family: { mode: 'new', name: 'Panel' } } }]);
      return report.files[0]!.questionnaire!.familyId;
    };
    const WAVE1 = [['id', 'Role', 'Q1', 'Q2'], ['R1', 'Student', 'yes', 'blue'], ['R2', 'Teacher', 'no', 'red']];
    const WAVE1_OPTIONS: Omit<QuestionnaireOptions, 'family'> = { idColumn: 'id', columns: [{ column: 'Role', role: 'attribute', type: 'category' }, { column: 'Q1', role: 'answer', sectionCodeId: null }, { column: 'Q2', role: 'answer', sectionCodeId: null }] };

    it('is suggested for the next intake of a staff sheet, all new people, that dropped its one written question', async () => {
      const intake = [
        ['Code', 'Site', 'Role', 'Years in post', 'Comments'],
        ['S-01', 'North', 'Teacher', '4', 'Happy to be interviewed in the autumn.'],
        ['S-02', 'City', 'Librarian', '12', ''],
        ['S-03', 'North', 'Teacher', '1', 'Only available on Fridays.'],
      ];
      const familyId = await importFirst(intake, {
        idColumn: 'Code',
        columns: [
          { column: 'Site', role: 'attribute', type: 'category' },
          { column: 'Role', role: 'attribute', type: 'category' },
          { column: 'Years in post', role: 'attribute', type: 'number' },
          { column: 'Comments', role: 'answer', sectionCodeId: null },
        ],
      });
      const next = [intake[0]!.slice(0, 4), ['S-04', 'City', 'Teacher', '7'], ['S-05', 'North', 'Librarian', '2']];
      const p = await previewOf('intake-spring.csv', excelCsv(next));
      // A plain sheet is matched by its columns alone: no respondent or written question in common is needed.
      expect(p.suggestedFamilyId).toBe(familyId);
      expect(p.update).toMatchObject({ familyId, respondentsAdded: 2, respondentsKnown: 0, answersAdded: 0, newColumns: 0 });
    });

    it('is suggested when exactly three in five of the file’s columns are the questionnaire’s', async () => {
      const familyId = await importFirst(WAVE1, WAVE1_OPTIONS);
      const p = await previewOf('wave2.csv', excelCsv([['id', 'Q1', 'Q2', 'Colour', 'Size'], ['R1', 'yes', 'green', 'red', 'big']]));
      expect(p.suggestedFamilyId).toBe(familyId);
    });

    it('counts new question columns, not a timestamp the form added', async () => {
      const familyId = await importFirst(WAVE1, WAVE1_OPTIONS);
      const wave2 = [['Timestamp', 'id', 'Role', 'Q1', 'Q2', 'Q3'], ['2025/05/02 10:14:03 AM GMT+1', 'R1', 'Student', 'yes', 'blue', 'often'], ['2025/05/02 11:40:51 AM GMT+1', 'R3', 'Teacher', 'no', 'red', '']];
      const p = await ask((await stageOne(t, 'wave2.csv', excelCsv(wave2))).stagedId, { familyId });
      expect(p.update).toMatchObject({ respondentsKnown: 1, respondentsAdded: 1, answersUnchanged: 2, answersAdded: 2, newColumns: 1 });
    });
  });
});
