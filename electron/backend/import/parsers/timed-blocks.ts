/**
 * Transcripts in Word or plain text laid out as caption blocks, as Microsoft Teams wrote its
 * .docx downloads before 2023: a time range (`0:0:0.0 --> 0:0:4.380`), the speaker's name
 * on the next line, then what they said.
 */
import type { Cue } from './captions.ts';
import { cuesToTranscript } from './captions.ts';
import type { ParsedTranscript } from './turns.ts';
import { isSpeakerName } from './turns.ts';
import { WEBVTT_HEADER } from './vtt.ts';

/** A time range with loose digits: `0:0:0.0 --> 0:0:4.380`, `00:00:01.5000000 --> 00:00:03.2000000`. */
const RANGE = /^\s*(\d{1,2}:\d{1,2}:\d{1,2}(?:[.,]\d+)?|\d{1,2}:\d{1,2}(?:[.,]\d+)?)\s*-->\s*(\d{1,2}:\d{1,2}:\d{1,2}(?:[.,]\d+)?|\d{1,2}:\d{1,2}(?:[.,]\d+)?)\s*$/;

/** Milliseconds of a loose `h:m:s.fraction` (or `m:s`) time. */
function looseMs(stamp: string): number {
  const [clock, fraction = ''] = stamp.split(/[.,]/);
  const parts = clock!.split(':').map(Number);
  const [h, m, s] = parts.length === 3 ? parts : [0, ...parts];
  return ((h! * 60 + m!) * 60 + s!) * 1000 + Number(fraction.slice(0, 3).padEnd(3, '0'));
}

/** A line that can be a name above the words: short, a name's characters, no sentence end. */
const nameLine = (line: string) => isSpeakerName(line) && line.split(/\s+/).length <= 5 && !/[.!?;:,"“]$/.test(line) && /^[\p{L}][\p{L}\p{N} .,'’()\-_]*$/u.test(line);

const CUE_NUMBER = /^\s*\d+\s*$/;

/**
 * The lines above the first time range without what a caption file puts there: the WebVTT
 * header (`WEBVTT`, then `Kind: captions`, `Language: en`) and, where the cues are numbered,
 * the first cue's number.
 */
function withoutCaptionHeader(before: readonly string[], numbered: boolean): string[] {
  let lines = [...before];
  if (WEBVTT_HEADER.test(lines[0] ?? '')) {
    lines = lines.slice(1);
    while (/^(kind|language)\s*:/i.test(lines[0] ?? '')) lines = lines.slice(1);
  }
  if (numbered && CUE_NUMBER.test(lines.at(-1) ?? '')) lines = lines.slice(0, -1);
  return lines;
}

/** The transcript, when at least two lines are caption time ranges; otherwise null. */
export function parseTimedBlocks(lines: readonly string[]): ParsedTranscript | null {
  if (lines.filter((l) => RANGE.test(l)).length < 2) return null;
  const cues: Cue[] = [];
  let current: { start: number; end: number; lines: string[] } | null = null;
  const before: string[] = [];
  let numbered = false;
  const flush = () => {
    if (!current) return;
    const filled = current.lines.filter((l) => l.trim() !== '');
    // A block ending in a bare number: the next cue's, as SRT numbers them.
    if (CUE_NUMBER.test(filled.at(-1) ?? '')) numbered = true;
    const body = filled.filter((l) => !CUE_NUMBER.test(l));
    const named = body.length >= 2 && nameLine(body[0]!.trim());
    const text = (named ? body.slice(1) : body).join(' ').replace(/\s+/g, ' ').trim();
    if (text) cues.push({ speaker: named ? body[0]!.trim() : null, text, timestampMs: current.start, endMs: current.end });
  };
  for (const line of lines) {
    const range = RANGE.exec(line);
    if (range) {
      flush();
      current = { start: looseMs(range[1]!), end: looseMs(range[2]!), lines: [] };
    } else if (current) {
      current.lines.push(line);
    } else if (line.trim()) {
      before.push(line.trim());
    }
  }
  flush();
  // A title and date above the first block stay, as text no speaker said; an SRT or WebVTT
  // file saved as text has only its header and the first cue's number there.
  const title = withoutCaptionHeader(before, numbered);
  const head: Cue[] = title.length > 0 ? [{ speaker: null, text: title.join(' '), timestampMs: null }] : [];
  const parsed = cuesToTranscript([...head, ...cues], 'WebVTT');
  return { ...parsed, tool: 'Microsoft Teams (Word transcript with time ranges)' };
}
