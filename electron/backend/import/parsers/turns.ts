/** Shared shape and assembly of speaker turns for transcripts, WebVTT and SRT. */

export type Turn = { speaker: string | null; start: number; end: number; timestampMs: number | null };
export type ParsedTranscript = { text: string; turns: Turn[] };

/** A turn before its position in the stored text is known. */
export type DraftTurn = { speaker: string | null; body: string; timestampMs: number | null };

/** One speaker name: 1–4 words such as "Interviewer", "P01", "Dr. Smith", "Mary-Jane O'Neil". */
export const NAME = String.raw`[\p{L}\p{N}][\p{L}\p{N}.'’\-]*(?: [\p{L}\p{N}][\p{L}\p{N}.'’\-]*){0,3}`;
const MAX_NAME_LENGTH = 40;

/** `h:mm:ss`, `hh:mm:ss.mmm` or `mm:ss`, optionally with a fraction after `.` or `,`. */
export const TIMESTAMP = String.raw`(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?`;

/** Milliseconds of a timestamp matched by TIMESTAMP (also the `-->` times of VTT and SRT). */
export function timestampToMs(stamp: string): number | null {
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?$/.exec(stamp.trim());
  if (!m) return null;
  const [, h = '0', min = '0', s = '0', frac = ''] = m;
  const minutes = Number(min);
  const seconds = Number(s);
  if (seconds > 59 || (m[1] !== undefined && minutes > 59)) return null;
  const ms = frac ? Number(frac.padEnd(3, '0')) : 0;
  return ((Number(h) * 60 + minutes) * 60 + seconds) * 1000 + ms;
}

/** True when a matched label is plausibly a person: short, and not just digits. */
export function isSpeakerName(label: string): boolean {
  return label.length <= MAX_NAME_LENGTH && /\p{L}/u.test(label);
}

/** Strips a caption's `Name:` prefix (optionally after a dialogue dash) into a speaker. */
export function splitSpeakerPrefix(line: string): { speaker: string | null; rest: string } {
  const m = new RegExp(String.raw`^\s*(?:[-–—]\s*)?(${NAME})\s*:(?:\s+|$)(.*)$`, 'u').exec(line);
  if (m && isSpeakerName(m[1]!)) return { speaker: m[1]!, rest: m[2] ?? '' };
  return { speaker: null, rest: line };
}

/** Collapses runs of blank lines into one and trims the ends, keeping paragraph breaks. */
export function tidyBody(body: string): string {
  // Most turns are one line: nothing between the ends to tidy.
  if (!body.includes('\n')) return body.trim();
  return body
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Builds the stored transcript text: each turn as "Speaker: body" (a speakerless turn as its
 * body alone), turns separated by a blank line. A turn's start..end covers only its body, so
 * a coding there is credited to the speaker's participant and the label itself stays uncoded.
 * Timestamps are not repeated in the text; they live in timestampMs. Empty turns are dropped.
 */
export function assembleTurns(drafts: DraftTurn[]): ParsedTranscript {
  let text = '';
  const turns: Turn[] = [];
  for (const draft of drafts) {
    const body = tidyBody(draft.body);
    if (!body) continue;
    if (text) text += '\n\n';
    if (draft.speaker !== null) text += `${draft.speaker}: `;
    const start = text.length;
    text += body;
    turns.push({ speaker: draft.speaker, start, end: text.length, timestampMs: draft.timestampMs });
  }
  return { text, turns };
}

/**
 * Merges consecutive caption cues of one speaker into one turn. A cue with no speaker of its
 * own continues the previous speaker: caption files often label only a change of speaker.
 */
export function mergeCues(cues: DraftTurn[]): DraftTurn[] {
  const merged: DraftTurn[] = [];
  for (const cue of cues) {
    const last = merged[merged.length - 1];
    if (last && (cue.speaker === null || cue.speaker === last.speaker)) {
      last.body = last.body ? `${last.body} ${cue.body}` : cue.body;
      if (last.timestampMs === null) last.timestampMs = cue.timestampMs;
    } else {
      merged.push({ ...cue });
    }
  }
  return merged;
}
