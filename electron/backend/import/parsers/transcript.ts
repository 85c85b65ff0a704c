import { canonicalText } from '../../../../shared/domain/offsets.ts';
import { parseTimedBlocks } from './timed-blocks.ts';
import type { DraftTurn, ParsedTranscript } from './turns.ts';
import { assembleTurns, isSpeakerName, NAME, normaliseSpeaker, TIMESTAMP, timestampToMs } from './turns.ts';

export type { ParsedTranscript, Turn } from './turns.ts';

/** A timestamp as written: bare, `[..]` or `(..)`. */
const STAMP = String.raw`[\[(]?${TIMESTAMP}[\])]?`;
const DASH = String.raw`(?:[-–—]\s*)?`;

/** `[00:01] Name: text`, `Name (00:01): text`, `Name: [00:01] text`, `NAME: text`. */
const COLON_LINE = new RegExp(
  String.raw`^\s*(?:(${STAMP})\s*${DASH})?(${NAME})\s*(?:(${STAMP})\s*)?:(?:\s+|$)(?:(${STAMP})(?:\s+|$)${DASH})?(.*)$`,
  'u',
);
/** `[Name] text`, `[00:01] [Name] text`, `[Name] 00:01 text`. */
const BRACKET_LINE = new RegExp(
  String.raw`^\s*(?:(${STAMP})\s*${DASH})?\[(${NAME})\](?:\s+|:|$)\s*(?:(${STAMP})(?:\s+|$))?(?:[:\-–—](?:\s+|$))?(.*)$`,
  'u',
);
/**
 * A speaker line with the body below it, as Otter and Teams export: `Name  0:03`; Teams
 * writes "Smith, Jane" and "Jane Smith (Guest)" there too.
 */
const HEADER_LINE = new RegExp(String.raw`^\s*(${NAME}(?:,\s*${NAME})?(?:\s*\([^()]{1,30}\))?)\s+(${STAMP})\s*$`, 'u');
const STAMP_LINE = new RegExp(String.raw`^\s*(${STAMP})\s*$`, 'u');

/** Bracketed annotations that are not speakers, however often they occur. */
const ANNOTATIONS = new Set(
  'laughs laughing laughter inaudible unintelligible unclear crosstalk pause long pause silence music applause coughs sighs noise background noise overlapping interruption interrupted redacted name removed break end'.split(
    ' ',
  ),
);

/** Which layout a speaker line has: it says which tool wrote the transcript. */
type Form = 'plain' | 'stamp-first' | 'stamp-after-name' | 'bracket' | 'header';
type Marker = { speaker: string; timestampMs: number | null; rest: string; form: Form };

const TOOLS: Record<Form, string> = {
  header: 'Otter or Microsoft Teams (name and time above each turn)',
  'stamp-after-name': 'Rev, Temi or Trint ("Name (00:00:05):")',
  'stamp-first': 'Descript ("[00:00:05] Name: …")',
  bracket: 'Zoom saved captions ("[Name] 10:02:13")',
  plain: '"Speaker: text" (NVivo and hand-typed transcripts)',
};

/**
 * Lines tools add that nobody said: Otter's footer, Teams' and Meet's notices ("Ana Lima started
 * transcription", "Meeting ended after 00:12:09 👋"). A name has no colon, so a speaker's own line
 * ("Ana: … started transcription") is never taken for one.
 */
const NOTICE = /^\s*(transcribed by https?:\/\/otter\.ai\S*|[^:]{1,80} (started|stopped) transcription|meeting ended after \d{1,2}(:\d{2}){1,2}\b.{0,8}|this editable transcript was computer generated.*)\s*$/iu;

const stampMs = (stamp: string | undefined): number | null =>
  stamp === undefined ? null : timestampToMs(stamp.replace(/[[\]()]/g, ''));

function matchMarker(line: string): Marker | null {
  const colon = COLON_LINE.exec(line);
  if (colon && isSpeakerName(colon[2]!)) {
    const form: Form = colon[1] ? 'stamp-first' : colon[3] ? 'stamp-after-name' : 'plain';
    return { speaker: colon[2]!, timestampMs: stampMs(colon[1] ?? colon[3] ?? colon[4]), rest: colon[5] ?? '', form };
  }
  const bracket = BRACKET_LINE.exec(line);
  if (bracket) {
    const name = bracket[2]!;
    const annotation = ANNOTATIONS.has(name.toLowerCase()) || /^\p{Ll}/u.test(name);
    if (!annotation && isSpeakerName(name)) {
      return { speaker: name, timestampMs: stampMs(bracket[1] ?? bracket[3]), rest: bracket[4] ?? '', form: 'bracket' };
    }
  }
  const header = HEADER_LINE.exec(line);
  if (header && isSpeakerName(header[1]!)) return { speaker: header[1]!, timestampMs: stampMs(header[2]), rest: '', form: 'header' };
  return null;
}

/**
 * Splits an interview transcript into speaker turns. Recognised shapes per line:
 * `Name: text`, `NAME: text`, `[Name] text`, each optionally with a timestamp before or after
 * the label (`[00:12:34]`, `(00:12:34)`, `00:12:34`, `12:34`); also `Name  00:12` on its own
 * line with the body below, and a timestamp alone on the line before a speaker line. Lines up
 * to the next speaker line belong to the same turn.
 *
 * Against false positives ("Note: the following…" once in a document) a label counts as a
 * speaker only if it starts at least two lines, or, once some label does, if it carries a
 * timestamp. Text before the first speaker is a turn with
 * speaker null. With no speaker at all the result is one speakerless turn over the canonical
 * text, unchanged. Otherwise the stored text is rebuilt as described in assembleTurns:
 * "Speaker: body" per turn, blank line between turns, timestamps moved out of the text.
 */
export function parseTranscript(raw: string, _fileName: string): ParsedTranscript {
  const text = canonicalText(raw);
  const timed = parseTimedBlocks(text.split('\n'));
  if (timed) return timed;
  const lines = text.split('\n').map((line) => (NOTICE.test(line) ? '' : line));
  const markers = lines.map(matchMarker);
  // A label counts however it is capitalised ("Interviewer" twice, "INTERVIEWER" once: one speaker).
  const who = markers.map((m) => (m ? normaliseSpeaker(m.speaker).toLowerCase() : null));
  const counts = new Map<string, number>();
  for (const k of who) if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
  const speakers = new Set([...counts].filter(([, n]) => n >= 2).map(([name]) => name));
  // Once the file is a transcript, a label with a timestamp is a speaker even if it speaks once.
  if (speakers.size > 0) markers.forEach((m, i) => m && m.timestampMs !== null && speakers.add(who[i]!));

  if (speakers.size === 0) {
    return { text, turns: text.trim() ? [{ speaker: null, start: 0, end: text.length, timestampMs: null }] : [], tool: null };
  }
  const forms = new Map<Form, number>();
  markers.forEach((m, i) => m && speakers.has(who[i]!) && forms.set(m.form, (forms.get(m.form) ?? 0) + 1));
  const form = [...forms].sort((a, b) => b[1] - a[1])[0]![0];
  const stampLines = lines.filter((l) => STAMP_LINE.test(l)).length;
  const tool = form === 'plain' && stampLines > 0 ? 'Google Meet (times on their own lines, "Name: text")' : TOOLS[form];

  const drafts: DraftTurn[] = [];
  let current: DraftTurn = { speaker: null, body: '', timestampMs: null };
  let body: string[] = [];
  // A timestamp alone on a line belongs to the speaker line after it, if one follows.
  let pending: { ms: number | null; lines: string[] } | null = null;

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const marker = markers[i];
    if (marker && speakers.has(who[i]!)) {
      drafts.push({ ...current, body: body.join('\n') });
      current = { speaker: marker.speaker, body: '', timestampMs: marker.timestampMs ?? pending?.ms ?? null };
      body = [marker.rest];
      pending = null;
      continue;
    }
    const stamp = STAMP_LINE.exec(line);
    if (stamp) {
      if (pending) body.push(...pending.lines);
      pending = { ms: stampMs(stamp[1]), lines: [line] };
      continue;
    }
    if (pending && line.trim() === '') {
      pending.lines.push(line);
      continue;
    }
    if (pending) body.push(...pending.lines);
    pending = null;
    body.push(line);
  }
  if (pending) body.push(...pending.lines);
  drafts.push({ ...current, body: body.join('\n') });
  return assembleTurns(drafts, tool);
}
