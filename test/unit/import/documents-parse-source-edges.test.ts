import { beforeAll, describe, expect, it } from 'vitest';
import { parseSource, parseSourceSync, type ParsedSource } from '../../../electron/backend/import/parsers/parse-source.ts';
import { makeDocx, makeOdt, makePdf, makeXlsx, utf8Bytes } from '../../helpers/files.ts';

/** Each unit as [kind, speaker, the text it covers]. */
function units(parsed: ParsedSource): [string, string | null, string][] {
  if (parsed.kind === 'questionnaire') throw new Error('not a text source');
  return parsed.units.map((u) => [u.kind, 'speaker' in u ? u.speaker : null, parsed.text.slice(u.start, u.end)]);
}

const dialogue = ['Interviewer: How did it start?', 'Ana: With a grant.', 'Interviewer: And then?', 'Ana: It grew.'];

describe('importing documents as interviews', () => {
  it('reads a Word transcript’s speaker paragraphs as turns, with the heading before them kept as text', async () => {
    const parsed = await parseSource('i.docx', await makeDocx([{ heading: 1, text: 'Interview 3' }, ...dialogue]), 'interview');
    expect(parsed.kind).toBe('interview');
    expect(units(parsed)).toEqual([
      ['paragraph', null, 'Interview 3'],
      ['turn', 'Interviewer', 'How did it start?'],
      ['turn', 'Ana', 'With a grant.'],
      ['turn', 'Interviewer', 'And then?'],
      ['turn', 'Ana', 'It grew.'],
    ]);
    expect(parsed.kind === 'interview' && parsed.tool).toBe('"Speaker: text" (NVivo and hand-typed transcripts)');
  });

  it('reads ODT and Markdown transcripts the same way', async () => {
    for (const [name, bytes] of [
      ['i.odt', makeOdt(dialogue)],
      ['i.md', utf8Bytes(dialogue.join('\n\n'))],
    ] as const) {
      const parsed = await parseSource(name, bytes, 'interview');
      expect(units(parsed).map(([, speaker]) => speaker)).toEqual(['Interviewer', 'Ana', 'Interviewer', 'Ana']);
    }
  });

  it('keeps a speakerless Word document’s headings and paragraphs as units of the interview', async () => {
    const parsed = await parseSource('notes.docx', await makeDocx([{ heading: 2, text: 'Field notes' }, 'First visit.', 'Second visit.']), 'interview');
    expect(parsed.kind).toBe('interview');
    expect(units(parsed)).toEqual([
      ['heading', null, 'Field notes'],
      ['paragraph', null, 'First visit.'],
      ['paragraph', null, 'Second visit.'],
    ]);
  });

  it('splits a speakerless plain-text interview into its paragraphs', async () => {
    const parsed = await parseSource('notes.txt', utf8Bytes('First note\ncontinued.\n\nSecond note.'), 'interview');
    expect(parsed.kind === 'interview' && parsed.text).toBe('First note\ncontinued.\n\nSecond note.');
    expect(units(parsed)).toEqual([
      ['paragraph', null, 'First note\ncontinued.'],
      ['paragraph', null, 'Second note.'],
    ]);
  });

  it('replaces half a character in a speaker name as well as in the text', async () => {
    const parsed = await parseSource('w.json', utf8Bytes('{"segments":[{"start":0,"end":1,"text":" a\\ud800b \\ud83d\\ude00","speaker":"SPEAKER_00\\udc00"}]}'), 'interview');
    expect(units(parsed)).toEqual([['turn', 'SPEAKER_00\uFFFD', 'a\uFFFDb 😀']]);
  });
});

describe('importing documents', () => {
  it('reads an HTML page as a document with heading levels', async () => {
    const parsed = await parseSource('page.html', utf8Bytes('<h2>Policy</h2><p>Text.</p>'), 'document');
    expect(parsed).toEqual({
      kind: 'document',
      text: 'Policy\n\nText.',
      units: [
        { kind: 'heading', start: 0, end: 6, level: 2 },
        { kind: 'paragraph', start: 8, end: 13 },
      ],
    });
  });

  it('reads a Markdown note as a document without its markup', async () => {
    const parsed = await parseSource('note.md', utf8Bytes('# Coding memo\n\nSome **bold** text.'), 'document');
    expect(parsed).toEqual({ kind: 'document', text: 'Coding memo\n\nSome bold text.', units: [{ kind: 'heading', start: 0, end: 11, level: 1 }, { kind: 'paragraph', start: 13, end: 28 }] });
  });

  it('reads a PDF as a document with its page', async () => {
    const parsed = await parseSource('scan.pdf', await makePdf([['Findings from the pilot']]), 'document');
    expect(parsed.kind).toBe('document');
    expect(parsed.kind === 'document' && parsed.text).toBe('Findings from the pilot');
  });

  it('keeps a plain-text document’s text exactly as it is', async () => {
    const text = '  Indented line\n\n\nLast line  ';
    const parsed = await parseSource('notes.txt', utf8Bytes(text), 'document');
    expect(parsed.kind === 'document' && parsed.text).toBe(text);
    expect(units(parsed)).toEqual([
      ['paragraph', null, 'Indented line'],
      ['paragraph', null, 'Last line'],
    ]);
  });
});

describe('import errors', () => {
  let xlsx: Uint8Array;
  beforeAll(async () => {
    xlsx = await makeXlsx([['Q1'], ['an answer']]);
  });

  it.each([
    ['page.html', '<p>x</p>', 'interview', 'page.html cannot be imported as an interview (it is a .html file)'],
    ['answers.csv', 'Q1,Q2\n1,2', 'document', 'answers.csv cannot be imported as a document (it is a .csv file)'],
    ['notes.md', '# x', 'questionnaire', 'notes.md cannot be imported as a questionnaire (it is a .md file)'],
    ['call.vtt', 'WEBVTT\n', 'document', 'call.vtt cannot be imported as a document (it is a .vtt file)'],
  ] as const)('refuses %s as a %s it cannot be', async (name, content, kind, message) => {
    await expect(parseSource(name, utf8Bytes(content), kind)).rejects.toThrow(message);
  });

  it('says a blank file or a Word document with only empty paragraphs has no text to import', async () => {
    await expect(parseSource('blank.txt', utf8Bytes('  \n\t\n'), 'document')).rejects.toThrow(/^blank\.txt has no text to import$/);
    await expect(parseSource('blank.txt', utf8Bytes(' \n \n'), 'interview')).rejects.toThrow(/^blank\.txt has no text to import$/);
    const empty = await makeDocx(['', '   ']);
    await expect(parseSource('empty.docx', empty, 'document')).rejects.toThrow(/^empty\.docx has no text to import$/);
    await expect(parseSource('empty.docx', empty, 'interview')).rejects.toThrow(/^empty\.docx has no text to import$/);
  });

  it('says a questionnaire with a header row but no answers has none', async () => {
    await expect(parseSource('survey.csv', utf8Bytes('Q1,Q2\n'), 'questionnaire')).rejects.toThrow(/^survey\.csv has a header row but no rows of answers$/);
  });

  it('sends PDF and Excel files to the asynchronous parser', async () => {
    expect(() => parseSourceSync('scan.pdf', utf8Bytes('%PDF-1.4\n'), 'document')).toThrow('pdf parses asynchronously');
    expect(() => parseSourceSync('survey.xlsx', xlsx, 'questionnaire')).toThrow('xlsx parses asynchronously');
  });

  it('refuses a PDF as an interview and an Excel workbook as a document', async () => {
    await expect(parseSource('scan.pdf', utf8Bytes('%PDF-1.4\n'), 'interview')).rejects.toThrow(/^scan\.pdf cannot be imported as an interview \(it is a \.pdf file\)$/);
    await expect(parseSource('survey.xlsx', xlsx, 'document')).rejects.toThrow(/^survey\.xlsx cannot be imported as a document \(it is a \.xlsx file\)$/);
  });
});
