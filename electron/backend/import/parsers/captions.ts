/** What WebVTT and SRT share: blocks of lines, cue text clean-up, cues → speaker turns. */
import type { ParsedTranscript, TimedDraft } from './turns.ts';
import { assembleTurns, mergeCues, splitSpeakerPrefix } from './turns.ts';

export type LineBlock = { line: number; lines: string[] };
/** One caption cue; `speaker` is set only when the format named it explicitly (VTT `<v>`). */
export type Cue = { speaker: string | null; text: string; timestampMs: number | null; endMs?: number | null };

/** Splits canonical text into blocks separated by blank lines; `line` is 1-based. */
export function splitBlocks(text: string): LineBlock[] {
  const blocks: LineBlock[] = [];
  let current: LineBlock | null = null;
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') {
      current = null;
      return;
    }
    if (!current) {
      current = { line: i + 1, lines: [] };
      blocks.push(current);
    }
    current.lines.push(line);
  });
  return blocks;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', lrm: '', rlm: '' };

/** Decodes the few named entities captions use, and numeric ones. */
export function decodeCaptionEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** Cue text without markup (`<i>`, `<c.x>`, `<00:01.000>`, SRT's `{\an8}`), one line. */
export function cleanCueText(text: string): string {
  const plain = text.replace(/<[^>]*>/g, '').replace(/\{\\[^}]*\}/g, '');
  return decodeCaptionEntities(plain).replace(/\s+/g, ' ').trim();
}

/** What a captions file's speakers say about the tool that wrote it. */
function captionTool(format: 'WebVTT' | 'SRT' | 'JSON', speakers: string[], named: 'voice' | 'prefix' | null): string {
  if (speakers.some((s) => /^speaker_\d+$/i.test(s))) return `WhisperX (${format}, diarized)`;
  if (speakers.length === 0) return `${format === 'JSON' ? 'Whisper' : format} without speakers (Whisper and other speech-to-text)`;
  // JSON segments carry their speaker as a field: names there are a diarized file renamed (WhisperX and others).
  if (named === 'voice') return format === 'JSON' ? 'Speech-to-text JSON with speaker names (WhisperX and others)' : 'WebVTT with voice tags (Microsoft Teams, Google Meet)';
  return `${format} with "Name:" captions (Zoom, Otter, Descript)`;
}

/**
 * Turns cues into a transcript. Cues without an explicit speaker may carry a `Name:` prefix;
 * such prefixes count as speakers only if some label starts at least two cues, so a single
 * "Note: …" caption stays text. Consecutive cues of one speaker merge into one turn.
 */
export function cuesToTranscript(cues: Cue[], format: 'WebVTT' | 'SRT' | 'JSON' = 'WebVTT'): ParsedTranscript {
  const prefixed = cues.map((cue) => (cue.speaker === null ? splitSpeakerPrefix(cue.text) : null));
  const counts = new Map<string, number>();
  for (const p of prefixed) if (p?.speaker) counts.set(p.speaker, (counts.get(p.speaker) ?? 0) + 1);
  const usesPrefixes = [...counts.values()].some((n) => n >= 2);

  const drafts: TimedDraft[] = cues.map((cue, i) => {
    const prefix = prefixed[i];
    const endMs = cue.endMs ?? null;
    if (usesPrefixes && prefix?.speaker) return { speaker: prefix.speaker, body: prefix.rest.trim(), timestampMs: cue.timestampMs, endMs };
    return { speaker: cue.speaker, body: cue.text, timestampMs: cue.timestampMs, endMs };
  });
  const speakers = [...new Set(drafts.flatMap((d) => (d.speaker === null ? [] : [d.speaker])))];
  const named = cues.some((c) => c.speaker !== null) ? 'voice' : usesPrefixes ? 'prefix' : null;
  return assembleTurns(mergeCues(drafts.filter((d) => d.body !== '')), captionTool(format, speakers, named));
}
