/**
 * First guesses the import dialog and the CLI start from: what a file is, who a speaker is,
 * what a column holds. Pure; the user confirms or changes every one of them.
 */
import { KINDS_BY_FORMAT, type ColumnMeaning, type ColumnRole, type ImportFormat, type SpeakerAction } from '../../../../shared/domain/import-types.ts';
import type { SourceKind } from '../../../../shared/domain/types.ts';
import { looksTabular } from '../parsers/csv.ts';
import { decodeText } from '../parsers/decode.ts';
import { parseSourceSync } from '../parsers/parse-source.ts';
import { attributeValue } from './questionnaire-plan.ts';

/** Enough of a text file to tell a transcript from a document. */
const SNIFF_BYTES = 64 * 1024;

/** Transcript or document, for formats that can be either: does the text have speaker turns? */
export function suggestKind(name: string, format: ImportFormat, bytes: Uint8Array): SourceKind {
  const kinds = KINDS_BY_FORMAT[format];
  // One kind only (captions, Whisper JSON, tables, HTML, and PDF and XLSX, which parse asynchronously), or no transcript among them.
  if (kinds.length === 1 || !kinds.includes('interview')) return kinds[0]!;
  try {
    const sample = format === 'txt' || format === 'md' ? bytes.subarray(0, SNIFF_BYTES) : bytes;
    // Excel's "Unicode Text" (and other tab-separated saves) in a .txt: a table, not a transcript.
    if (format === 'txt' && looksTabular(decodeText(sample, name))) return 'questionnaire';
    const parsed = parseSourceSync(name, sample, 'interview');
    return parsed.kind === 'interview' && parsed.units.some((u) => u.kind === 'turn') ? 'interview' : 'document';
  } catch {
    return kinds[0]!;
  }
}

const INTERVIEWER = /^(interviewer( ?\d)?|interviewerin|moderator|facilitator|researcher|int|i|q|entrevistador|entrevistadora|enquêteur|enquêtrice)$/i;

/** A participant by label, full name or first name; the interviewer by the usual names; else a new participant. */
export function suggestSpeaker(speaker: string, participants: { id: number; label: string; name: string }[]): SpeakerAction {
  const lower = speaker.trim().toLowerCase();
  const match =
    participants.find((p) => p.label.toLowerCase() === lower) ??
    participants.find((p) => p.name.trim().toLowerCase() === lower) ??
    participants.find((p) => p.name.trim().toLowerCase().split(/\s+/)[0] === lower);
  if (match) return { speaker, as: 'participant', participantId: match.id };
  if (INTERVIEWER.test(speaker.trim()) || /\binterviewer\b/i.test(speaker)) return { speaker, as: 'interviewer' };
  return { speaker, as: 'new', label: speaker.trim().slice(0, 40) };
}

const ID_HEADER = /^((respondent|participant|response|case|record|interviewee)[ _-]?(id|code|no\.?|number|label)?|id|code|label)$/i;

type Stats = { filled: number; distinct: number; avgLength: number; avgWords: number };

export function columnStats(values: string[]): Stats {
  const filled = values.map((v) => v.trim()).filter(Boolean);
  const chars = filled.reduce((n, v) => n + v.length, 0);
  const words = filled.reduce((n, v) => n + v.split(/\s+/).length, 0);
  return { filled: filled.length, distinct: new Set(filled).size, avgLength: filled.length ? chars / filled.length : 0, avgWords: filled.length ? words / filled.length : 0 };
}

/** Answer, typed attribute or ignore, from what the export says the column is and its values. */
export function suggestColumn(meaning: ColumnMeaning, values: string[], fromSurveyTool = false): ColumnRole {
  const column = meaning.key;
  const s = columnStats(values);
  if (s.filled === 0 || meaning.origin === 'metadata' || meaning.origin === 'respondent-id' || meaning.identifying) return { column, role: 'ignore' };
  // What the tool says the question collects beats guessing from a few values.
  if (meaning.answers === 'text') return { column, role: 'answer', sectionCodeId: null };
  if (meaning.answers === 'choice') return { column, role: 'attribute', type: 'category' };
  const filled = values.map((v) => v.trim()).filter(Boolean);
  const all = (type: 'number' | 'date') => filled.every((v) => 'value' in attributeValue(v, type));
  // A survey tool's choices exported as numeric values (Likert 1–5) are categories, not quantities.
  if (fromSurveyTool && meaning.origin === 'question' && filled.every((v) => /^-?\d{1,3}$/.test(v)) && s.distinct <= 11) return { column, role: 'attribute', type: 'category' };
  if (all('number')) return { column, role: 'attribute', type: 'number' };
  if (all('date')) return { column, role: 'attribute', type: 'date' };
  // A header worded as a question ("Q3. Why…?") holds answers, unless they are one-word choices.
  const text = meaning.option ?? meaning.question;
  const asksQuestion = /\?\s*$/.test(text) || /^\s*Q?\d{1,4}[a-z]?\s*[.:)]\s*\S/i.test(text);
  if (s.avgWords >= 5 || s.avgLength >= 30 || (asksQuestion && (s.avgWords >= 2 || s.distinct > 5))) return { column, role: 'answer', sectionCodeId: null };
  if (s.distinct <= Math.max(8, s.filled / 2)) return { column, role: 'attribute', type: 'category' };
  return s.avgWords >= 3 ? { column, role: 'answer', sectionCodeId: null } : { column, role: 'attribute', type: 'text' };
}

/**
 * The respondent id column: the one the survey tool says holds it, else a header that says
 * so, else the first column of short unique values that is neither the tool's records nor
 * identifying (an e-mail address is unique, but must not become a participant's label).
 */
export function suggestIdColumn(columns: ColumnMeaning[], rows: string[][]): string | null {
  const unique = (i: number) => {
    const values = rows.map((r) => (r[i] ?? '').trim());
    return values.every(Boolean) && new Set(values.map((v) => v.toLowerCase())).size === values.length && values.every((v) => v.length <= 40);
  };
  // The tool's own id column even when it repeats: the preview then says where.
  const platform = columns.findIndex((c) => c.origin === 'respondent-id');
  if (platform >= 0) return columns[platform]!.key;
  const candidate = (c: ColumnMeaning) => c.origin !== 'metadata' && c.identifying === null;
  const named = columns.findIndex((c, i) => candidate(c) && ID_HEADER.test(c.key.trim()) && unique(i));
  if (named >= 0) return columns[named]!.key;
  const first = columns.findIndex((c, i) => candidate(c) && unique(i) && columnStats(rows.map((r) => r[i] ?? '')).avgWords < 3);
  return first >= 0 ? columns[first]!.key : null;
}
