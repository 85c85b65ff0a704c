import { column } from '../../../electron/backend/import/parsers/survey/columns.ts';
import { describe, expect, it } from 'vitest';
import { suggestColumn, suggestIdColumn, suggestKind, suggestSpeaker } from '../../../electron/backend/import/pipeline/suggest.ts';

/** The first guesses the import dialog shows for each file, speaker and column, before the user confirms them. */

const bytes = (text: string) => new TextEncoder().encode(text);


describe('what kind of source a file is', () => {
  it('a caption, table or PDF file has one kind only', () => {
    expect(suggestKind('talk.vtt', 'vtt', bytes('WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nWe started in spring.\n'))).toBe('interview');
    expect(suggestKind('survey.csv', 'csv', bytes('a,b\n1,2\n'))).toBe('questionnaire');
    expect(suggestKind('report.pdf', 'pdf', bytes('%PDF-1.4'))).toBe('document');
    expect(suggestKind('page.html', 'html', bytes('<p>Interviewer: hello</p>'))).toBe('document');
  });

  it('a text file with speaker turns is an interview, prose is a document', () => {
    const turns = 'Interviewer: Why did you start?\nMara: Because the board asked us to.\nInterviewer: When?\nMara: Last spring.\n';
    expect(suggestKind('Interview 8.txt', 'txt', bytes(turns))).toBe('interview');
    expect(suggestKind('notes.txt', 'txt', bytes('The board met in spring. It decided to offer short courses.\n'))).toBe('document');
    // Markdown written one turn per line, no blank line between (Markdown alone would make it one paragraph).
    expect(suggestKind('Interview 8.md', 'md', bytes(turns))).toBe('interview');
    expect(suggestKind('notes.md', 'md', bytes('The board met in spring.\nIt decided to offer short courses.\n'))).toBe('document');
  });

  it('a tab-separated table saved as .txt (Excel’s "Unicode Text") is a questionnaire', () => {
    const table = 'Respondent\tRole\tWhy did you join?\nR1\tStudent\tTo learn\nR2\tTeacher\tCuriosity\n';
    expect(suggestKind('answers.txt', 'txt', bytes(table))).toBe('questionnaire');
  });

  it('a file that cannot be parsed keeps the format’s first kind (the parse error is shown later)', () => {
    expect(suggestKind('broken.docx', 'docx', bytes('not a zip'))).toBe('interview');
    expect(suggestKind('broken.odt', 'odt', bytes('not a zip'))).toBe('document');
  });
});

describe('who a speaker is', () => {
  const participants = [
    { id: 1, label: 'PA', name: 'Helena Varga' },
    { id: 2, label: 'PB', name: 'Tom Okafor' },
    { id: 3, label: 'Tom', name: 'Thomas Berg' },
  ];

  it('matches a participant by label, full name or first name, ignoring case and spaces', () => {
    expect(suggestSpeaker('pa', participants)).toEqual({ speaker: 'pa', as: 'participant', participantId: 1 });
    expect(suggestSpeaker(' helena varga ', participants)).toEqual({ speaker: ' helena varga ', as: 'participant', participantId: 1 });
    expect(suggestSpeaker('Helena', participants)).toEqual({ speaker: 'Helena', as: 'participant', participantId: 1 });
  });

  it('a label beats another participant’s first name', () => {
    expect(suggestSpeaker('Tom', participants)).toMatchObject({ as: 'participant', participantId: 3 });
  });

  it('recognises the usual names for the interviewer, in several languages', () => {
    for (const name of ['Interviewer', 'interviewer 2', 'I', 'Q', 'INT', 'Moderator', 'Entrevistadora', 'Enquêtrice', 'Interviewerin', 'Lead interviewer']) {
      expect(suggestSpeaker(name, participants), name).toEqual({ speaker: name, as: 'interviewer' });
    }
  });

  it('anyone else is a new participant labelled by the name (at most 40 characters); an interviewee is not the interviewer', () => {
    expect(suggestSpeaker(' Mara ', participants)).toEqual({ speaker: ' Mara ', as: 'new', label: 'Mara' });
    expect(suggestSpeaker('Interviewee', participants)).toEqual({ speaker: 'Interviewee', as: 'new', label: 'Interviewee' });
    const long = 'Professor Dr. Anna-Katharina Müller-Lüdenscheidt';
    expect(suggestSpeaker(long, participants)).toEqual({ speaker: long, as: 'new', label: long.slice(0, 40) });
  });
});

describe('what a questionnaire column is imported as', () => {
  it('ignores empty columns, the tool’s records, the respondent id and identifying columns', () => {
    expect(suggestColumn(column('Notes'), ['', '  '])).toEqual({ column: 'Notes', role: 'ignore' });
    expect(suggestColumn(column('StartDate', { origin: 'metadata' }), ['2026-03-01'])).toEqual({ column: 'StartDate', role: 'ignore' });
    expect(suggestColumn(column('ResponseId', { origin: 'respondent-id' }), ['R_1'])).toEqual({ column: 'ResponseId', role: 'ignore' });
    expect(suggestColumn(column('Email', { identifying: 'e-mail address' }), ['a@b.org', 'c@d.org'])).toEqual({ column: 'Email', role: 'ignore' });
  });

  it('follows what the survey tool says the question collects over the values', () => {
    expect(suggestColumn(column('Q1', { answers: 'text' }), ['yes', 'no'])).toEqual({ column: 'Q1', role: 'answer', sectionCodeId: null });
    const long = ['I chose it because my employer pays for it and it fits my evenings', 'It was the only course near me that had a part-time option'];
    expect(suggestColumn(column('Q2', { answers: 'choice' }), long)).toEqual({ column: 'Q2', role: 'attribute', type: 'category' });
  });

  it('reads numbers (a decimal comma too) and dates (ISO or day.month.year) as typed attributes', () => {
    expect(suggestColumn(column('Years teaching'), ['12', '3,5', '-4', ''])).toEqual({ column: 'Years teaching', role: 'attribute', type: 'number' });
    expect(suggestColumn(column('Started'), ['2026-03-01', '01.02.2026', '2026-03-02 09:15'])).toEqual({ column: 'Started', role: 'attribute', type: 'date' });
  });

  it('a day that does not exist makes the column not a date column', () => {
    expect(suggestColumn(column('Started'), ['2026-03-01', '2026-02-30'])).toEqual({ column: 'Started', role: 'attribute', type: 'category' });
  });

  it('a survey tool’s Likert scale exported as numbers is a category, not a quantity', () => {
    const likert = ['1', '5', '3', '4', '4', '2'];
    expect(suggestColumn(column('Q5'), likert, true)).toEqual({ column: 'Q5', role: 'attribute', type: 'category' });
    expect(suggestColumn(column('Q5'), likert, false)).toMatchObject({ type: 'number' });
    expect(suggestColumn(column('Score', { origin: 'embedded' }), likert, true)).toMatchObject({ type: 'number' });
    // Twelve different values are more than a scale has: a quantity.
    const twelve = Array.from({ length: 12 }, (_, i) => String(i + 1));
    expect(suggestColumn(column('Q6'), twelve, true)).toMatchObject({ type: 'number' });
    expect(suggestColumn(column('Q7'), ['1000', '250', '3'], true)).toMatchObject({ type: 'number' });
  });

  it('long or wordy values are answers', () => {
    expect(suggestColumn(column('Comments'), ['It was fine for me overall, thanks', 'ok fine thanks a lot'])).toMatchObject({ role: 'answer' });
    expect(suggestColumn(column('Comments'), ['Supervisor-recommended-certificate', 'Supervisor-recommended-badge'])).toMatchObject({ role: 'answer' });
  });

  it('a header worded as a question holds answers, unless they are a few one-word choices', () => {
    const twoWords = ['my manager', 'a colleague', 'the website'];
    expect(suggestColumn(column('Q3. Who told you about it'), twoWords)).toMatchObject({ role: 'answer' });
    expect(suggestColumn(column('Who told you about it?'), twoWords)).toMatchObject({ role: 'answer' });
    expect(suggestColumn(column('Source'), twoWords)).toEqual({ column: 'Source', role: 'attribute', type: 'category' });
    expect(suggestColumn(column('Did it help?'), ['Yes', 'No', 'Yes', 'Partly'])).toEqual({ column: 'Did it help?', role: 'attribute', type: 'category' });
    // Many different one-word answers to a question are answers.
    expect(suggestColumn(column('Which city?'), ['Porto', 'Lyon', 'Graz', 'Turku', 'Gent', 'Brno'])).toMatchObject({ role: 'answer' });
    // In a multi-column question the option's wording counts.
    expect(suggestColumn(column('Q4_other', { question: 'Q4 Channels', option: 'Other, which one?' }), twoWords)).toMatchObject({ role: 'answer' });
  });

  it('many different short values are a text attribute; three words or more are answers', () => {
    const places = Array.from({ length: 20 }, (_, i) => `Site ${i}`);
    expect(suggestColumn(column('Workplace'), places)).toEqual({ column: 'Workplace', role: 'attribute', type: 'text' });
    const phrases = Array.from({ length: 20 }, (_, i) => `near site ${i}`);
    expect(suggestColumn(column('Workplace'), phrases)).toMatchObject({ role: 'answer' });
  });
});

describe('which column holds the respondent id', () => {
  const rows = [
    ['2026-03-01', 'a@b.org', 'R1', 'Student', 'x'],
    ['2026-03-02', 'c@d.org', 'R2', 'Student', 'y'],
    ['2026-03-03', 'e@f.org', 'R3', 'Teacher', 'x'],
  ];

  it('the survey tool’s own id column, even when a value repeats', () => {
    const columns = [column('StartDate', { origin: 'metadata' }), column('Email'), column('Resp', { origin: 'respondent-id' }), column('Role'), column('Q1')];
    expect(suggestIdColumn(columns, [...rows, ['2026-03-04', 'g@h.org', 'R1', 'Teacher', 'z']])).toBe('Resp');
  });

  it('a header that says so, before an earlier unique column; never the tool’s records or an identifying column', () => {
    const columns = [column('Date'), column('Email', { identifying: 'e-mail address' }), column('Participant ID'), column('Role'), column('Q1')];
    expect(suggestIdColumn(columns, rows)).toBe('Participant ID');
    const unnamed = [column('StartDate', { origin: 'metadata' }), column('Email', { identifying: 'e-mail address' }), column('Code name'), column('Role'), column('Q1')];
    expect(suggestIdColumn(unnamed, rows)).toBe('Code name');
  });

  it('ids must be present, unique regardless of case and short', () => {
    const columns = [column('ID'), column('Name')];
    expect(suggestIdColumn(columns, [['r1', 'Ana'], ['R1', 'Ben']])).toBe('Name');
    expect(suggestIdColumn(columns, [['', 'Ana'], ['R2', 'Ben']])).toBe('Name');
    expect(suggestIdColumn(columns, [['x'.repeat(41), 'Ana'], ['R2', 'Ben']])).toBe('Name');
    expect(suggestIdColumn(columns, [['R1', 'Ana'], ['R2', 'Ana']])).toBe('ID');
    expect(suggestIdColumn(columns, [['R1', 'Ana'], ['R1', 'Ana']])).toBeNull();
  });

  it('a column of sentences is not an id column even when every value differs', () => {
    const columns = [column('Why did you join?'), column('Role')];
    const answers = [['To learn a new skill quickly', 'A'], ['Because my employer paid', 'B']];
    expect(suggestIdColumn(columns, answers)).toBe('Role');
  });
});
