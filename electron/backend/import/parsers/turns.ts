/** Shared shape and assembly of speaker turns for transcripts, WebVTT and SRT. */

export type Turn = { speaker: string | null; start: number; end: number; timestampMs: number | null };
/** `tool`: the transcription service or meeting tool whose layout the file has, when one is recognised. */
export type ParsedTranscript = { text: string; turns: Turn[]; tool?: string | null };

/** A turn before its position in the stored text is known. */
export type DraftTurn = { speaker: string | null; body: string; timestampMs: number | null };

/** One speaker name: 1–4 words such as "Interviewer", "P01", "Dr. Smith", "Mary-Jane O'Neil", "SPEAKER_00". */
export const NAME = String.raw`[\p{L}\p{N}][\p{L}\p{N}_.'’\-]*(?: [\p{L}\p{N}][\p{L}\p{N}_.'’\-]*){0,3}`;
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

/**
 * Strips a caption's `Name:` prefix (optionally after a dialogue dash) into a speaker; also
 * `[SPEAKER_00]:` and `[Name]` as diarizing tools (WhisperX) write them.
 */
export function splitSpeakerPrefix(line: string): { speaker: string | null; rest: string } {
  const m = new RegExp(String.raw`^\s*(?:[-–—]\s*)?(?:(${NAME})\s*:|\[(${NAME})\]\s*:?)(?:\s+|$)(.*)$`, 'u').exec(line);
  const name = m ? (m[1] ?? m[2]!) : null;
  if (m && name && isSpeakerName(name)) return { speaker: name, rest: m[3] ?? '' };
  return { speaker: null, rest: line };
}

/**
 * A speaker's name as the project should see it: trailing colons off, `SPEAKER_00` (diarizing
 * tools count from 0) as "Speaker 1", "speaker 2" or "SPEAKER 2" as "Speaker 2".
 */
export function normaliseSpeaker(name: string): string {
  const bare = name.replace(/[\s:]+$/, '').replace(/^\s+/, '').replace(/\s+/g, ' ');
  const zeroBased = /^speaker_(\d+)$/i.exec(bare);
  if (zeroBased) return `Speaker ${Number(zeroBased[1]) + 1}`;
  const numbered = /^speaker (\d+)$/i.exec(bare);
  return numbered ? `Speaker ${Number(numbered[1])}` : bare;
}

const allCaps = (name: string) => name === name.toUpperCase() && name !== name.toLowerCase();

/**
 * One spelling per speaker: names that differ only in case ("JANE SMITH", "Jane Smith") are
 * one person, written the first way that is not all capitals (or the first way, if all are).
 */
function unifySpeakers(drafts: DraftTurn[]): DraftTurn[] {
  const spelling = new Map<string, string>();
  for (const d of drafts) {
    if (d.speaker === null) continue;
    const name = normaliseSpeaker(d.speaker);
    const key = name.toLowerCase();
    const known = spelling.get(key);
    if (known === undefined || (allCaps(known) && !allCaps(name))) spelling.set(key, name);
  }
  return drafts.map((d) => (d.speaker === null ? d : { ...d, speaker: spelling.get(normaliseSpeaker(d.speaker).toLowerCase())! }));
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
export function assembleTurns(drafts: DraftTurn[], tool: string | null = null): ParsedTranscript {
  let text = '';
  const turns: Turn[] = [];
  // Consecutive turns of one speaker are one turn: the first one's time, the bodies line by line.
  const joined: DraftTurn[] = [];
  for (const draft of unifySpeakers(drafts)) {
    const last = joined[joined.length - 1];
    if (last && draft.speaker !== null && draft.speaker === last.speaker) {
      last.body = `${tidyBody(last.body)}\n${tidyBody(draft.body)}`;
      last.timestampMs ??= draft.timestampMs;
    } else {
      joined.push({ ...draft });
    }
  }
  for (const draft of joined) {
    const body = tidyBody(draft.body);
    if (!body) continue;
    if (text) text += '\n\n';
    if (draft.speaker !== null) text += `${draft.speaker}: `;
    const start = text.length;
    text += body;
    turns.push({ speaker: draft.speaker, start, end: text.length, timestampMs: draft.timestampMs });
  }
  return { text, turns, tool };
}

/** A caption cue on its way to a turn: its end time decides where speakerless text breaks into paragraphs. */
export type TimedDraft = DraftTurn & { endMs?: number | null };

/** Speakerless captions (Whisper) break into paragraphs at a pause this long… */
const PARAGRAPH_PAUSE_MS = 2000;
/** …or at the end of a sentence once a paragraph is this long. */
const PARAGRAPH_CHARS = 600;

/**
 * Merges consecutive caption cues of one speaker into one turn. A cue with no speaker of its
 * own continues the previous speaker: caption files often label only a change of speaker.
 * Captions with no speaker at all become paragraphs, broken at pauses and after long runs.
 */
export function mergeCues(cues: TimedDraft[]): DraftTurn[] {
  const merged: TimedDraft[] = [];
  for (const cue of cues) {
    const last = merged[merged.length - 1];
    const pause = last?.endMs != null && cue.timestampMs !== null ? cue.timestampMs - last.endMs : 0;
    const breaksParagraph = last?.speaker === null && (pause >= PARAGRAPH_PAUSE_MS || (last.body.length >= PARAGRAPH_CHARS && /[.!?…]["”’)]?$/.test(last.body)));
    if (last && (cue.speaker === null || cue.speaker === last.speaker) && !breaksParagraph) {
      last.body = last.body ? `${last.body} ${cue.body}` : cue.body;
      if (last.timestampMs === null) last.timestampMs = cue.timestampMs;
      last.endMs = cue.endMs ?? last.endMs ?? null;
    } else {
      merged.push({ ...cue });
    }
  }
  return merged.map(({ endMs: _endMs, ...turn }) => turn);
}
