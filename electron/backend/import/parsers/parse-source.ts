import { KINDS_BY_FORMAT, type ImportFormat } from '../../../../shared/domain/import-types.ts';
import type { SourceKind } from '../../../../shared/domain/types.ts';
import type { Block } from './blocks.ts';
import { readCsvTable } from './csv.ts';
import { decodeText } from './decode.ts';
import { detectFormat } from './detect.ts';
import { buildDocument, textDocument, type BuiltDocument } from './document.ts';
import { parseDocx } from './docx.ts';
import { ImportError } from './errors.ts';
import { parseHtml } from './html.ts';
import { parseMarkdown } from './markdown.ts';
import { parseOdt } from './odt.ts';
import { parsePdf, PDF_LIMITS, type PdfLimits } from './pdf.ts';
import { parseSrt } from './srt.ts';
import { parseTranscript, type ParsedTranscript } from './transcript.ts';
import { parseVtt } from './vtt.ts';
import { parseWhisperJson } from './whisper-json.ts';
import { recogniseSurvey, type SurveyTable } from './survey/recognize.ts';
import { readXlsxTable } from './xlsx.ts';

/** A unit of an interview: a speaker turn, or a paragraph/heading of text no speaker said. */
export type InterviewUnit = { kind: 'turn' | 'paragraph' | 'heading'; start: number; end: number; speaker: string | null; timestampMs: number | null };

export type ParsedSource =
  /** `tool`: the transcription service or meeting tool whose layout was recognised. */
  | { kind: 'interview'; text: string; units: InterviewUnit[]; tool?: string | null }
  | { kind: 'document'; text: string; units: BuiltDocument['units']; pageCount?: number }
  | { kind: 'questionnaire'; table: SurveyTable };

/** Formats whose parsers are asynchronous; their results are kept between the import's two phases. */
export const ASYNC_FORMATS: ReadonlySet<ImportFormat> = new Set(['pdf', 'xlsx']);

function interviewFromTranscript(t: ParsedTranscript): ParsedSource {
  const units: InterviewUnit[] = t.turns.map(({ speaker, start, end, timestampMs }) => ({ speaker, start, end, timestampMs, kind: speaker === null ? 'paragraph' : 'turn' }));
  return { kind: 'interview', text: t.text, units, tool: t.tool ?? null };
}

const hasSpeakers = (t: ParsedTranscript) => t.turns.some((turn) => turn.speaker !== null);

/** Speakerless text is a document-like interview: paragraphs (and headings) in place of turns. */
function documentLike(doc: BuiltDocument): ParsedSource {
  const units: InterviewUnit[] = doc.units
    .filter((u) => u.kind !== 'page')
    .map((u) => ({ kind: u.kind === 'heading' ? 'heading' : 'paragraph', start: u.start, end: u.end, speaker: null, timestampMs: null }));
  return { kind: 'interview', text: doc.text, units };
}

/** Paragraph blocks read as a transcript: one speaker line per paragraph. */
const transcriptOfBlocks = (blocks: Block[], name: string) => parseTranscript(blocks.map((b) => b.text).join('\n\n'), name);

/**
 * Paragraph-based formats (Word, ODT, Markdown) as transcripts: one turn per paragraph. Markdown
 * may also have one per line with no blank line between (`byLine`: "Interviewer: …" lines that
 * Markdown alone would join into a single paragraph).
 */
function interviewFromBlocks(blocks: Block[], name: string, byLine?: () => Block[]): ParsedSource {
  const t = transcriptOfBlocks(blocks, name);
  if (hasSpeakers(t)) return interviewFromTranscript(t);
  const lines = byLine ? transcriptOfBlocks(byLine(), name) : null;
  return lines && hasSpeakers(lines) ? interviewFromTranscript(lines) : documentLike(buildDocument({ blocks }));
}

function interviewFromText(text: string, name: string): ParsedSource {
  const t = parseTranscript(text, name);
  return hasSpeakers(t) ? interviewFromTranscript(t) : documentLike(textDocument(t.text));
}

const blocksOf = (format: ImportFormat, bytes: Uint8Array, name: string): Block[] | null => {
  if (format === 'docx') return parseDocx(bytes, name).blocks;
  if (format === 'odt') return parseOdt(bytes, name).blocks;
  if (format === 'md') return parseMarkdown(decodeText(bytes, name)).blocks;
  if (format === 'html') return parseHtml(decodeText(bytes, name)).blocks;
  return null;
};

const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Every string of a parse with each half surrogate pair replaced by U+FFFD (one UTF-16 unit
 * for one, so offsets stay). Character references (&#xD800;), JSON escapes ("\ud800") and
 * spreadsheet cells can name half a character; SQLite would store it as bytes that are not
 * UTF-8, which no later lookup (undo, search) finds again.
 */
function wholeCharacters<T>(value: T): T {
  if (typeof value === 'string') return value.replace(LONE_SURROGATES, '\uFFFD') as T;
  if (Array.isArray(value)) return value.map(wholeCharacters) as T;
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wholeCharacters(v)])) as T;
  return value;
}

function nonEmpty(raw: ParsedSource, name: string): ParsedSource {
  const parsed = wholeCharacters(raw);
  if (parsed.kind === 'questionnaire') {
    if (parsed.table.rows.length === 0) throw new ImportError(name, 'has a header row but no rows of answers');
  } else if (parsed.text.trim() === '' || parsed.units.length === 0) {
    throw new ImportError(name, 'has no text to import');
  }
  return parsed;
}

function checkKind(format: ImportFormat, kind: SourceKind, name: string): void {
  if (!KINDS_BY_FORMAT[format].includes(kind)) throw new ImportError(name, `cannot be imported as ${kind === 'interview' ? 'an interview' : `a ${kind}`} (it is a .${format} file)`);
}

/**
 * Parses a file as a kind of source, synchronously. PDF and XLSX parse asynchronously:
 * use parseSource for those.
 */
export function parseSourceSync(name: string, bytes: Uint8Array, kind: SourceKind): ParsedSource {
  // Text formats are decoded whole below, which refuses binary content by itself.
  const format = detectFormat(name, bytes, { sniffText: false });
  if (ASYNC_FORMATS.has(format)) throw new Error(`${format} parses asynchronously`);
  if (kind === 'questionnaire') {
    checkKind(format, kind, name);
    return nonEmpty({ kind, table: recogniseSurvey(readCsvTable(decodeText(bytes, name), name), name) }, name);
  }
  if (kind === 'interview') {
    checkKind(format, kind, name);
    if (format === 'vtt') return nonEmpty(interviewFromTranscript(parseVtt(decodeText(bytes, name), name)), name);
    if (format === 'srt') return nonEmpty(interviewFromTranscript(parseSrt(decodeText(bytes, name), name)), name);
    if (format === 'json') return nonEmpty(interviewFromTranscript(parseWhisperJson(decodeText(bytes, name), name)), name);
    if (format === 'md') {
      const text = decodeText(bytes, name);
      return nonEmpty(interviewFromBlocks(parseMarkdown(text).blocks, name, () => parseMarkdown(text, { lineBreaks: 'kept' }).blocks), name);
    }
    const blocks = blocksOf(format, bytes, name);
    return nonEmpty(blocks ? interviewFromBlocks(blocks, name) : interviewFromText(decodeText(bytes, name), name), name);
  }
  checkKind(format, kind, name);
  const blocks = blocksOf(format, bytes, name);
  const doc = blocks ? buildDocument({ blocks }) : textDocument(decodeText(bytes, name));
  return nonEmpty({ kind: 'document', text: doc.text, units: doc.units }, name);
}

/**
 * Parses a file as a kind of source; every problem with the file is an ImportError naming it.
 * The import calls it on its parsing thread (pipeline/parse-pool.ts), which also enforces the
 * time limit from outside.
 */
export async function parseSource(name: string, bytes: Uint8Array, kind: SourceKind, pdfLimits: PdfLimits = PDF_LIMITS): Promise<ParsedSource> {
  const format = detectFormat(name, bytes, { sniffText: false });
  if (format === 'pdf') {
    checkKind(format, kind, name);
    const doc = buildDocument(await parsePdf(bytes, name, pdfLimits));
    return nonEmpty({ kind: 'document', text: doc.text, units: doc.units, pageCount: doc.pageCount! }, name);
  }
  if (format === 'xlsx') {
    checkKind(format, kind, name);
    return nonEmpty({ kind: 'questionnaire', table: recogniseSurvey(await readXlsxTable(bytes, name), name) }, name);
  }
  return parseSourceSync(name, bytes, kind);
}
