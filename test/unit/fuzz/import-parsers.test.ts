/**
 * Hostile files against every importer (issue 18, item 5): each format's parser gets random and
 * damaged files, mostly real exports edited at random so the cases reach deep into the parser.
 * Every case must end in a well-formed result or an ImportError naming the file: never another
 * exception, never a hang. The CI budget per property is the number beside it; `npm run fuzz`
 * runs more (test/helpers/fuzz.ts).
 */
import { describe, expect, it } from 'vitest';
import { KINDS_BY_FORMAT } from '../../../shared/domain/import-types.ts';
import type { SourceKind } from '../../../shared/domain/types.ts';
import { decodeText } from '../../../electron/backend/import/parsers/decode.ts';
import { detectFormat, formatOfName } from '../../../electron/backend/import/parsers/detect.ts';
import { parseSource, type ParsedSource } from '../../../electron/backend/import/parsers/parse-source.ts';
import { parseHtml } from '../../../electron/backend/import/parsers/html.ts';
import { parseMarkdown } from '../../../electron/backend/import/parsers/markdown.ts';
import { parseTranscript } from '../../../electron/backend/import/parsers/transcript.ts';
import { makeDocx, makeOdt, makePdf, utf16Bytes, utf8Bytes } from '../../helpers/files.ts';
import { editedBytes, editedText, editedZipEntry, fc, fuzzParams, fuzzTimeout, parsedOrRefused, tokenText, XML_TOKENS } from '../../helpers/fuzz.ts';
import * as S from '../../helpers/survey-exports.ts';
import * as T from '../../helpers/transcript-exports.ts';

const KINDS: SourceKind[] = ['interview', 'document', 'questionnaire'];
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const splitsPair = (s: string, at: number) => at > 0 && at < s.length && isHigh(s.charCodeAt(at - 1)) && isLow(s.charCodeAt(at));

/** Half a character: not text, and SQLite would store it as bytes that are not UTF-8 (a row undo can no longer find). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What a user would see broken in a parsed file: units outside the text or out of order, a split emoji, stray CRs, half characters, a ragged or ambiguous table. */
function expectWellFormed(parsed: ParsedSource): void {
  // Anywhere in the result (JSON.stringify writes a lone surrogate as an escape, a pair as itself).
  expect(JSON.stringify(parsed)).not.toMatch(/\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f])|(?<!\\ud[89ab][0-9a-f]{2})\\ud[c-f][0-9a-f]{2}/);
  if (parsed.kind === 'questionnaire') {
    const t = parsed.table;
    expect(t.rows.length).toBe(t.rowNumbers.length);
    expect(t.columns.map((c) => c.key)).toEqual(t.header);
    for (const row of t.rows) expect(row.length).toBe(t.header.length);
    // Roles name columns by key: two columns with one key could not be told apart.
    expect(new Set(t.header.map((h) => h.toLowerCase())).size).toBe(t.header.length);
    return;
  }
  expect(parsed.text).not.toMatch(/\r|^\ufeff/);
  expect(parsed.text).not.toMatch(LONE_SURROGATE);
  expect(parsed.units.length).toBeGreaterThan(0);
  let previous = 0;
  for (const u of parsed.units) {
    expect(u.start).toBeGreaterThanOrEqual(0);
    expect(u.end).toBeGreaterThanOrEqual(u.start);
    expect(u.end).toBeLessThanOrEqual(parsed.text.length);
    expect(u.start).toBeGreaterThanOrEqual(previous);
    expect(splitsPair(parsed.text, u.start) || splitsPair(parsed.text, u.end)).toBe(false);
    if (u.kind !== 'page') previous = u.start;
    if ('timestampMs' in u && u.timestampMs !== null) expect(Number.isFinite(u.timestampMs) && u.timestampMs >= 0).toBe(true);
  }
}

/** Parses as the import does and checks the outcome; the kind is any, allowed or not. */
/** How a property's cases ended: a fuzz that only ever reaches the refusals tests little. */
type Tally = { parsed: number; refused: number };
const tally = (): Tally => ({ parsed: 0, refused: 0 });

/** Parses as the import does and checks the outcome. */
async function parsesOrRefuses(name: string, bytes: Uint8Array, kind: SourceKind, count: Tally = tally()): Promise<void> {
  const parsed = await parsedOrRefused(name, () => parseSource(name, bytes, kind));
  if (parsed) {
    count.parsed++;
    expectWellFormed(parsed);
  } else {
    count.refused++;
  }
}

/** Both outcomes were reached: some damaged files still read, others were refused. */
const expectBothOutcomes = (count: Tally) => {
  expect(count.parsed, 'no case was read at all').toBeGreaterThan(0);
  expect(count.refused, 'no case was refused at all').toBeGreaterThan(0);
};

/** The same text as the tools save it: UTF-8 with or without a BOM, UTF-16, or one byte a character. */
const encoded = (s: fc.Arbitrary<string>) =>
  fc.tuple(s, fc.constantFrom('utf8', 'bom', 'utf16le', 'utf16be', 'latin1')).map(([t, enc]) =>
    enc === 'utf8' ? utf8Bytes(t) : enc === 'bom' ? utf8Bytes(t, true) : enc === 'latin1' ? new Uint8Array(Buffer.from(t, 'latin1')) : utf16Bytes(t, enc === 'utf16le' ? 'le' : 'be'),
  );

const TRANSCRIPT_TOKENS = ['Interviewer:', 'Ana Lima:', 'SPEAKER_00:', 'Speaker 1', ' (00:00:05):', '[00:01:02]', '0:03', '\n\n', 'Ana Lima  0:03', '[Chidi Okafor] 00:00:11', ': ', 'Q:', 'A:', '—', '...', 'Unknown Speaker'];
const VTT_TOKENS = ['&#xD800;', '&#56320;', 'WEBVTT', '\n\n', '00:00:01.000 --> 00:00:02.500', '00:01.000 --> 00:02.000', ' --> ', '<v Ana Lima>', '</v>', 'NOTE ', 'STYLE', '<c.yellow>', '&lt;', '99:99:99.999', '-->', '1\n', 'align:start position:0%'];
const SRT_TOKENS = ['1\n', '\n\n', '00:00:01,000 --> 00:00:02,500', ' --> ', '[SPEAKER_00]: ', '<i>', '</i>', '{\\an8}', '00:00:00,000', '-1', '2\n'];
const JSON_TOKENS = ['{', '}', '[', ']', '"segments":', '"start":', '"end":', '"text":', '"speaker":', ',', ':', 'null', '1e999', '-0', '"SPEAKER_00"', '""', 'true', '"words":[]', '"\\ud800"', '"\\udc00x"'];
const CSV_TOKENS = [',', ';', '\t', '"', '""', '\r\n', '\n', 'sep=;\n', 'ResponseId', 'Respondent ID', '{"ImportId":"_recordId"}', 'Timestamp', 'ID', 'Q1', 'Response ID', '=SUM(A1)', ' "a, b"', ' (2)', 'Q1 (2)', 'Q1,Q1'];
const MD_TOKENS = ['# ', '## ', '\n\n', '**', '_', '`', '```\n', '> ', '- ', '1. ', '[x](y)', '![i](j)', '<br>', '---\n', '|a|b|\n', '\\', '&amp;'];
const HTML_TOKENS = ['<p>', '</p>', '<h1>', '</h1>', '<br>', '<script>', '</script>', '<style>', '<!--', '-->', '<table><tr><td>', '</td></tr></table>', '&nbsp;', '&#x1F600;', '&bogus;', '<li>', '<div', '>', '<pre>'];
const PDF_TOKENS = ['obj', 'endobj', '/Type /Page', '/Count 99999999', '/Kids [', ' 0 R', 'stream\n', 'endstream', 'BT', 'ET', '(x) Tj', 'xref', 'trailer', '<<', '>>', '/Length 9999999', '%%EOF', '/Filter /FlateDecode'];

const transcripts = [T.zoomTxt(), T.otterTxt(), T.revTxt(), T.trintTxt(), T.descriptTxt(), T.nvivoTxt(), T.meetTxt()].map(text);
const vtts = [T.zoomVtt(), T.teamsVtt(), T.meetVtt(), T.whisperVtt()].map(text);
const srts = [T.otterSrt(), T.whisperSrt(), T.whisperxSrt()].map(text);
const jsons = [T.whisperJson(false), T.whisperJson(true)].map(text);
const csvs = [S.qualtricsCsv(), S.qualtricsLegacyCsv(), S.surveyMonkeyCsv(), S.limeSurveyCsv('full'), S.limeSurveyCsv('code'), S.googleFormsCsv()].map(text);

/** A real file of a format, edited at random, or text from the format's tokens. */
const textCases = (real: string[], tokens: string[]) =>
  encoded(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...real).chain((r) => editedText(r, tokens)) }, { weight: 1, arbitrary: tokenText(tokens) }));

/** A kind the file's format can become (refusing the others is tested once, below). */
const kindFor = (name: string) => fc.constantFrom(...KINDS_BY_FORMAT[formatOfName(name)]);

describe('fuzz: every importer turns hostile files into a result or an ImportError naming the file', () => {
  const kind = fc.constantFrom(...KINDS);

  it.each([
    ['interview.txt', transcripts, TRANSCRIPT_TOKENS, 150],
    ['captions.vtt', vtts, VTT_TOKENS, 150],
    ['captions.srt', srts, SRT_TOKENS, 120],
    ['whisper.json', jsons, JSON_TOKENS, 120],
    ['answers.csv', csvs, CSV_TOKENS, 150],
    ['answers.tsv', csvs.map((c) => c.replace(/,/g, '\t')), CSV_TOKENS, 60],
    ['notes.md', transcripts, MD_TOKENS, 80],
    ['page.html', transcripts.map((t) => `<html><body><p>${t.replace(/\n\n/g, '</p><p>')}</p></body></html>`), HTML_TOKENS, 80],
  ] as const)('%s', async (name, real, tokens, runs) => {
    const count = tally();
    await fc.assert(
      fc.asyncProperty(textCases([...real], [...tokens]), kindFor(name), (bytes, k) => parsesOrRefuses(name, bytes, k, count)),
      fuzzParams(runs),
    );
    expectBothOutcomes(count);
  }, fuzzTimeout(150, 10));

  it('a table written as CSV or TSV reads back as written, each column under its own key', async () => {
    const header = fc.array(fc.constantFrom('Q', 'Q (2)', 'Q (3)', 'q', 'Why?', 'Why? (2)', '', 'Notes'), { minLength: 1, maxLength: 6 }).map((h) => ['Respondent', ...h]);
    // What people type into a survey: any printable text, punctuation, line breaks, emoji.
    const piece = fc.oneof(fc.string({ unit: 'grapheme-ascii', maxLength: 6 }), fc.constantFrom('b c', ',', ';', '\t', '"', '\n', '\r\n', '😀', 'é', ' ', 'Q (2)'));
    const cell = fc.array(piece, { maxLength: 5 }).map((p) => p.join(''));
    const quoteAll = (c: string) => (/[,;\t"\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    const cases = header.chain((h) =>
      fc.tuple(fc.constant(h), fc.array(fc.array(cell, { minLength: h.length - 1, maxLength: h.length - 1 }), { minLength: 1, maxLength: 4 }), fc.constantFrom(',', ';', '\t'), fc.constantFrom('\n', '\r\n')),
    );
    await fc.assert(
      fc.asyncProperty(cases, async ([h, body, delimiter, eol]) => {
        const rows = body.map((cells, i) => [`R${i + 1}`, ...cells]);
        const file = [h, ...rows].map((r) => r.map(quoteAll).join(delimiter)).join(eol) + eol;
        const parsed = await parseSource('answers.csv', utf8Bytes(file), 'questionnaire');
        if (parsed.kind !== 'questionnaire') throw new Error('not a questionnaire');
        expectWellFormed(parsed);
        // Line ends inside a cell are stored as LF, like every text.
        expect(parsed.table.rows).toEqual(rows.map((r) => r.map((c) => c.replace(/\r\n?/g, '\n'))));
      }),
      fuzzParams(150),
    );
  });

  it('any bytes under any supported name', async () => {
    const names = ['a.txt', 'a.md', 'a.html', 'a.vtt', 'a.srt', 'a.json', 'a.csv', 'a.tsv', 'a.docx', 'a.odt', 'a.xlsx', 'a.pdf', 'a.doc', 'noextension'];
    const bytes = fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.constantFrom('PK\u0003\u0004', '%PDF-1.7\n', '\ufeff', '\u0000\u0000').map((head) => utf8Bytes(head)));
    await fc.assert(fc.asyncProperty(fc.constantFrom(...names), bytes, kind, (name, b, k) => parsesOrRefuses(name, b, k)), fuzzParams(200));
  }, fuzzTimeout(200, 10));

  it('the text parsers themselves take any string (no file name to blame: they must not throw)', () => {
    const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), tokenText([...MD_TOKENS, ...HTML_TOKENS, ...TRANSCRIPT_TOKENS]));
    fc.assert(
      fc.property(anyText, (s) => {
        parseMarkdown(s);
        parseHtml(s);
        parseTranscript(s, 'x.txt');
      }),
      fuzzParams(300),
    );
  });

  it('decoding and detection refuse or accept, never crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.constantFrom('a.txt', 'a.csv', 'a.pdf', 'a.docx', 'a.bin'), async (b, name) => {
        await parsedOrRefused(name, () => decodeText(b, name));
        await parsedOrRefused(name, () => detectFormat(name, b));
      }),
      fuzzParams(300),
    );
  });

  it('Word files with damaged XML or bytes', async () => {
    const count = tally();
    const docx = await makeDocx([{ heading: 1, text: 'Interview 3' }, 'Interviewer: How did it start?', { runs: ['Ana: ', 'With a pilot', ' 😀.'] }, { table: [['a', 'b'], ['c', 'd']] }]);
    const teams = await T.teamsDocx();
    const cases = fc.oneof(fc.constantFrom(docx, teams).chain((d) => editedZipEntry(d, XML_TOKENS)), editedBytes(docx));
    await fc.assert(fc.asyncProperty(cases, kindFor('a.docx'), (b, k) => parsesOrRefuses('interview.docx', b, k, count)), fuzzParams(80));
    expectBothOutcomes(count);
  }, fuzzTimeout(80, 40));

  it('ODT files with damaged XML or bytes', async () => {
    const count = tally();
    const odt = makeOdt([{ heading: 1, text: 'Notes' }, 'Interviewer: Why?', 'Ana: Because 🙂.']);
    const cases = fc.oneof(editedZipEntry(odt, XML_TOKENS), editedBytes(odt));
    await fc.assert(fc.asyncProperty(cases, kindFor('a.odt'), (b, k) => parsesOrRefuses('notes.odt', b, k, count)), fuzzParams(80));
    expectBothOutcomes(count);
  }, fuzzTimeout(80, 40));

  it('Excel workbooks with damaged XML or bytes', async () => {
    const count = tally();
    const books = [await S.qualtricsXlsx(), await S.microsoftFormsXlsx()];
    const cases = fc.oneof(fc.constantFrom(...books).chain((d) => editedZipEntry(d, XML_TOKENS)), fc.constantFrom(...books).chain((d) => editedBytes(d)));
    await fc.assert(fc.asyncProperty(cases, (b) => parsesOrRefuses('answers.xlsx', b, 'questionnaire', count)), fuzzParams(40));
    expectBothOutcomes(count);
  }, fuzzTimeout(40, 200));

  it('PDF files with damaged structure or bytes', async () => {
    const count = tally();
    const pdf = await makePdf([['Annual report', '', 'Enrolment rose by a third.'], ['Page two (café).']]);
    const latin1 = Buffer.from(pdf).toString('latin1');
    const cases = fc.oneof(editedBytes(pdf), editedText(latin1, PDF_TOKENS).map((s) => new Uint8Array(Buffer.from(s, 'latin1'))));
    await fc.assert(fc.asyncProperty(cases, (b) => parsesOrRefuses('report.pdf', b, 'document', count)), fuzzParams(40));
    expectBothOutcomes(count);
  }, fuzzTimeout(40, 300));

  it('every format refuses a kind it cannot become, naming the file', async () => {
    for (const [format, kinds] of Object.entries(KINDS_BY_FORMAT)) {
      for (const k of KINDS.filter((x) => !kinds.includes(x))) {
        const name = `file.${format}`;
        const bytes = format === 'pdf' ? await makePdf([['x']]) : format === 'docx' ? await makeDocx(['x']) : format === 'odt' ? makeOdt(['x']) : format === 'xlsx' ? await S.qualtricsXlsx() : utf8Bytes('a,b\n1,2\n');
        await expect(parseSource(name, bytes, k)).rejects.toThrow(new RegExp(`^file\\.${format} cannot be imported as (an interview|a ${k}) \\(it is a \\.${format} file\\)$`));
      }
    }
  });
});
