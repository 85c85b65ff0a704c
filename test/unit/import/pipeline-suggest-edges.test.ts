import { column } from '../../../electron/backend/import/parsers/survey/columns.ts';
import { describe, expect, it } from 'vitest';
import { columnStats, suggestColumn, suggestIdColumn, suggestKind, suggestSpeaker } from '../../../electron/backend/import/pipeline/suggest.ts';
import { makeDocx } from '../../helpers/files.ts';
import { otterDocx } from '../../helpers/transcript-exports.ts';

/**
 * The first guesses of suggest.ts at their edges: a long Word report, names and cells with
 * stray spaces, the thresholds between an answer and an attribute, and the header wordings a
 * survey tool or a hand-made spreadsheet writes.
 */


const answer = (key: string) => ({ column: key, role: 'answer', sectionCodeId: null });
const category = (key: string) => ({ column: key, role: 'attribute', type: 'category' });

/** A long evaluation report: sentences with regions, modules, years and counts, as such reports have. */
function reportParagraphs(count: number): string[] {
  const regions = ['Lisbon', 'Porto', 'Braga', 'Coimbra', 'Faro', 'Aveiro', 'Évora', 'Leiria', 'Viseu'];
  const modules = ['digital skills', 'care work', 'welding', 'bookkeeping', 'data literacy', 'logistics', 'hospitality'];
  let seed = 11;
  const pick = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * n);
  return Array.from({ length: count }, (_, i) => {
    const region = regions[pick(regions.length)]!;
    const module = modules[pick(modules.length)]!;
    const enrolled = 40 + pick(900);
    return `${i + 1}. In ${region}, ${enrolled} adults enrolled in the ${module} module in ${2019 + pick(6)}, and ${pick(enrolled)} of them completed it within ${2 + pick(20)} weeks; the provider reported ${pick(60)} mentors and a budget of ${1000 + pick(90000)} euros.`;
  });
}

describe('what kind a long Word file is', () => {
  it('a report longer than the 64 KB a text file is sniffed by is still read whole: a document', async () => {
    const report = await makeDocx([{ heading: 'title', text: 'Evaluation of the regional micro-credential programme' }, ...reportParagraphs(3000)]);
    // A .docx is a ZIP archive: cut at 64 KB it could not be opened at all.
    expect(report.length).toBeGreaterThan(64 * 1024);
    expect(suggestKind('Evaluation report 2025.docx', 'docx', report)).toBe('document');
    expect(suggestKind('Otter export.docx', 'docx', await otterDocx())).toBe('interview');
  });
});

describe('who a speaker is, when names carry stray spaces', () => {
  it('a participant whose stored name has a space before or after it is still found by full and first name', () => {
    const participants = [
      { id: 1, label: 'PA', name: 'Helena Varga ' },
      { id: 2, label: 'PB', name: ' Tom Okafor' },
    ];
    expect(suggestSpeaker('Helena Varga', participants)).toEqual({ speaker: 'Helena Varga', as: 'participant', participantId: 1 });
    expect(suggestSpeaker('Tom', participants)).toEqual({ speaker: 'Tom', as: 'participant', participantId: 2 });
  });

  it('an interviewer label with a space after it is still the interviewer', () => {
    expect(suggestSpeaker('Moderator ', [])).toEqual({ speaker: 'Moderator ', as: 'interviewer' });
    expect(suggestSpeaker(' I', [])).toEqual({ speaker: ' I', as: 'interviewer' });
  });
});

describe('what a questionnaire column is imported as, at the edges', () => {
  it('counts the words of a value however many spaces separate them', () => {
    // Two spaces after a full stop, as many people type.
    expect(columnStats(['Very useful.  Would recommend it.', 'Too short  overall'])).toMatchObject({ filled: 2, distinct: 2, avgWords: 4 });
  });

  it('a Likert scale is a category only when the values come from a survey tool, which a plain spreadsheet is not', () => {
    expect(suggestColumn(column('Satisfaction'), ['1', '5', '3', '4', '4', '2'])).toEqual({ column: 'Satisfaction', role: 'attribute', type: 'number' });
  });

  it('a cell holding only a space is empty, and a value padded with spaces is the value', () => {
    expect(suggestColumn(column('Years teaching'), ['12', ' ', '3,5', '-4'])).toEqual({ column: 'Years teaching', role: 'attribute', type: 'number' });
    expect(suggestColumn(column('Q5'), [' 4', '5 ', '3', ' 2 ', '4'], true)).toEqual(category('Q5'));
  });

  it('a 0–10 recommendation scale from a survey tool (eleven values, two digits) is a category', () => {
    const nps = Array.from({ length: 11 }, (_, i) => String(i));
    expect(suggestColumn(column('How likely are you to recommend the course to a colleague'), [...nps, '10', '9'], true)).toEqual(
      category('How likely are you to recommend the course to a colleague'),
    );
  });

  describe('a header worded as a question', () => {
    const twoWords = ['my manager', 'a colleague', 'the website'];
    it('ends in a question mark, trailing spaces allowed; a question mark inside the header does not count', () => {
      expect(suggestColumn(column('Who told you about it? '), twoWords)).toEqual(answer('Who told you about it? '));
      // Google Forms: the hint after the question. The answers are a few choices: a category.
      const devices = ['Laptop, Phone', 'Phone, Tablet', 'Laptop, Phone', 'Desktop computer'];
      expect(suggestColumn(column('Which devices do you use? (tick all that apply)'), devices)).toEqual(category('Which devices do you use? (tick all that apply)'));
    });

    it('starts with a question number: with or without Q, up to four digits, a letter after, a space before the stop, none after', () => {
      for (const header of ['3. How you heard about the course', 'Q12. Who told you about it', 'Q3a. Who else told you about it', 'Q3 : Qui vous a parlé de la formation', 'Q3.Who told you about it']) {
        expect(suggestColumn(column(header), twoWords), header).toEqual(answer(header));
      }
    });

    it('a number inside a header is not a question number', () => {
      const status = ['Fully vaccinated', 'Not vaccinated', 'Partly vaccinated', 'Fully vaccinated'];
      expect(suggestColumn(column('COVID19: Vaccination status'), status)).toEqual(category('COVID19: Vaccination status'));
    });
  });

  it('five words or thirty characters on average make answers, exactly at the threshold too', () => {
    const fiveWords = ['Too long for a Friday', 'Good but a bit rushed', 'Not what I had expected'];
    expect(columnStats(fiveWords)).toMatchObject({ avgWords: 5 });
    expect(columnStats(fiveWords).avgLength).toBeLessThan(30);
    expect(suggestColumn(column('Comments'), fiveWords)).toEqual(answer('Comments'));
    const thirtyCharacters = ['Flexible evening study options', 'Recognised industry credential'];
    expect(columnStats(thirtyCharacters)).toMatchObject({ avgLength: 30 });
    expect(columnStats(thirtyCharacters).avgWords).toBeLessThan(5);
    expect(suggestColumn(column('Main reason'), thirtyCharacters)).toEqual(answer('Main reason'));
  });

  it('one-word answers to a question are answers from six different ones on; five are a category', () => {
    expect(suggestColumn(column('Which city?'), ['Porto', 'Lyon', 'Graz', 'Turku', 'Gent'])).toEqual(category('Which city?'));
  });

  it('up to eight different short values (or half the rows) are a category; more are a text attribute', () => {
    const eight = ['Leeds', 'York', 'Hull', 'Bradford', 'Sheffield', 'Wakefield', 'Halifax', 'Harrogate'];
    expect(suggestColumn(column('Campus'), eight)).toEqual(category('Campus'));
    expect(suggestColumn(column('Campus'), [...eight, 'Ripon'])).toEqual({ column: 'Campus', role: 'attribute', type: 'text' });
  });
});

describe('which column holds the respondent id, at the edges', () => {
  it('an id typed with a space after it is the same id: the column repeats a value', () => {
    expect(suggestIdColumn([column('ID'), column('Name')], [['R1', 'Ana'], ['R1 ', 'Ben']])).toBe('Name');
  });

  it('a row that stops before the id column has no id there', () => {
    expect(suggestIdColumn([column('Role'), column('ID')], [['Student', 'R1'], ['Teacher']])).toBe('Role');
  });

  it('an id of 40 characters (a hash some tools export) is short enough', () => {
    const ids = ['3f786850e387550fdab836ed7e6dc881de23001b', '89e6c98d92887913cadf06b2adb97f26cde4849b'];
    const rows = ids.map((id) => [id, 'Because my employer paid for the whole course']);
    expect(suggestIdColumn([column('Response ID'), column('Why did you join?')], rows)).toBe('Response ID');
  });

  it('a header that says it holds the id, with a space after it or in the first column, is the id column even when its values are wordy', () => {
    expect(suggestIdColumn([column('Name'), column('Participant ID ')], [['Ana', 'P01'], ['Ben', 'P02']])).toBe('Participant ID ');
    const rows = [['Head teacher, Leeds', 'Leeds'], ['Deputy head, York', 'York']];
    expect(suggestIdColumn([column('Interviewee'), column('Site')], rows)).toBe('Interviewee');
  });

  it('a column of different three-word answers is not an id column', () => {
    expect(suggestIdColumn([column('Main reason'), column('Role')], [['To learn more', 'Student'], ['For my job', 'Student']])).toBeNull();
  });
});
