/**
 * First guesses the import dialog and the CLI start from: what a file is, who a speaker is,
 * what a column holds. Pure; the user confirms or changes every one of them.
 */
import { KINDS_BY_FORMAT, type ColumnRole, type ImportFormat, type SpeakerAction } from '../../../../shared/domain/import-types.ts';
import type { SourceKind } from '../../../../shared/domain/types.ts';
import { parseSourceSync } from '../parsers/parse-source.ts';
import { attributeValue } from './questionnaire-plan.ts';

/** Enough of a text file to tell a transcript from a document. */
const SNIFF_BYTES = 64 * 1024;

/** Transcript or document, for formats that can be either: does the text have speaker turns? */
export function suggestKind(name: string, format: ImportFormat, bytes: Uint8Array): SourceKind {
  const kinds = KINDS_BY_FORMAT[format];
  if (!kinds.includes('interview') || format === 'pdf' || format === 'xlsx') return kinds[0]!;
  try {
    const sample = format === 'txt' || format === 'md' ? bytes.subarray(0, SNIFF_BYTES) : bytes;
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

/** Columns survey tools add that are never data for coding. */
const TOOL_COLUMNS =
  /^(start ?date|end ?date|recorded ?date|submit(ted)? ?(at|date)?|timestamp|ip ?address|progress|duration.*|finished|status|response ?type|distribution ?channel|user ?language|location ?(latitude|longitude)|recipient.*|external ?(data )?reference|token|collector ?id)$/i;
const ID_HEADER = /^((respondent|participant|response|case|record|interviewee)[ _-]?(id|code|no\.?|number|label)?|id|code|label)$/i;

type Stats = { filled: number; distinct: number; avgLength: number; avgWords: number };

export function columnStats(values: string[]): Stats {
  const filled = values.map((v) => v.trim()).filter(Boolean);
  const chars = filled.reduce((n, v) => n + v.length, 0);
  const words = filled.reduce((n, v) => n + v.split(/\s+/).length, 0);
  return { filled: filled.length, distinct: new Set(filled).size, avgLength: filled.length ? chars / filled.length : 0, avgWords: filled.length ? words / filled.length : 0 };
}

/** Answer, typed attribute or ignore, from the header and the values. */
export function suggestColumn(column: string, values: string[]): ColumnRole {
  const s = columnStats(values);
  if (s.filled === 0 || TOOL_COLUMNS.test(column.trim())) return { column, role: 'ignore' };
  const filled = values.map((v) => v.trim()).filter(Boolean);
  const all = (type: 'number' | 'date') => filled.every((v) => 'value' in attributeValue(v, type));
  if (all('number')) return { column, role: 'attribute', type: 'number' };
  if (all('date')) return { column, role: 'attribute', type: 'date' };
  // A header worded as a question ("Q3. Why…?") holds answers, unless they are one-word choices.
  const asksQuestion = /\?\s*$/.test(column) || /^\s*Q?\d{1,4}[a-z]?\s*[.:)]\s*\S/i.test(column);
  if (s.avgWords >= 5 || s.avgLength >= 30 || (asksQuestion && (s.avgWords >= 2 || s.distinct > 5))) return { column, role: 'answer', sectionCodeId: null };
  if (s.distinct <= Math.max(8, s.filled / 2)) return { column, role: 'attribute', type: 'category' };
  return s.avgWords >= 3 ? { column, role: 'answer', sectionCodeId: null } : { column, role: 'attribute', type: 'text' };
}

/** The respondent id column: a header that says so, else the first column of short unique values. */
export function suggestIdColumn(header: string[], rows: string[][]): string | null {
  const unique = (i: number) => {
    const values = rows.map((r) => (r[i] ?? '').trim());
    return values.every(Boolean) && new Set(values.map((v) => v.toLowerCase())).size === values.length && values.every((v) => v.length <= 40);
  };
  const named = header.findIndex((h, i) => ID_HEADER.test(h.trim()) && unique(i));
  if (named >= 0) return header[named]!;
  const first = header.findIndex((h, i) => !TOOL_COLUMNS.test(h.trim()) && unique(i) && columnStats(rows.map((r) => r[i] ?? '')).avgWords < 3);
  return first >= 0 ? header[first]! : null;
}
