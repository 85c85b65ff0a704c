/** What WebVTT and SRT share: blocks of lines, cue text clean-up, cues → speaker turns. */
import type { DraftTurn, ParsedTranscript } from './turns.ts';
import { assembleTurns, mergeCues, splitSpeakerPrefix } from './turns.ts';

export type LineBlock = { line: number; lines: string[] };
/** One caption cue; `speaker` is set only when the format named it explicitly (VTT `<v>`). */
export type Cue = { speaker: string | null; text: string; timestampMs: number | null };

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

/**
 * Turns cues into a transcript. Cues without an explicit speaker may carry a `Name:` prefix;
 * such prefixes count as speakers only if some label starts at least two cues, so a single
 * "Note: …" caption stays text. Consecutive cues of one speaker merge into one turn.
 */
export function cuesToTranscript(cues: Cue[]): ParsedTranscript {
  const prefixed = cues.map((cue) => (cue.speaker === null ? splitSpeakerPrefix(cue.text) : null));
  const counts = new Map<string, number>();
  for (const p of prefixed) if (p?.speaker) counts.set(p.speaker, (counts.get(p.speaker) ?? 0) + 1);
  const usesPrefixes = [...counts.values()].some((n) => n >= 2);

  const drafts: DraftTurn[] = cues.map((cue, i) => {
    const prefix = prefixed[i];
    if (usesPrefixes && prefix?.speaker) return { speaker: prefix.speaker, body: prefix.rest.trim(), timestampMs: cue.timestampMs };
    return { speaker: cue.speaker, body: cue.text, timestampMs: cue.timestampMs };
  });
  return assembleTurns(mergeCues(drafts.filter((d) => d.body !== '')));
}
