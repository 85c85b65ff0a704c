import { canonicalText } from '../../../../shared/domain/offsets.ts';
import type { Cue } from './captions.ts';
import { cleanCueText, cuesToTranscript, splitBlocks } from './captions.ts';
import { ImportError } from './errors.ts';
import type { ParsedTranscript } from './turns.ts';
import { timestampToMs } from './turns.ts';

/** A WebVTT file's first line: `WEBVTT`, alone or followed by a space or tab and a title. */
export const WEBVTT_HEADER = /^WEBVTT(?:[ \t]|$)/;

const TIMING = /^\s*(\S+)\s+-->\s+(\S+)/;
const VOICE = /<v(?:\.[^\s>]*)?(?:\s+([^>]*))?>/g;

/** Splits a cue payload at its voice tags: `<v Ann>Hi</v><v Bo>Hey</v>` → two cues. */
function voiceSegments(payload: string, timestampMs: number | null, endMs: number | null): Cue[] {
  const cues: Cue[] = [];
  let speaker: string | null = null;
  let last = 0;
  const push = (raw: string) => {
    const text = cleanCueText(raw);
    if (text) cues.push({ speaker, text, timestampMs, endMs });
  };
  for (const m of payload.matchAll(VOICE)) {
    push(payload.slice(last, m.index));
    speaker = cleanCueText(m[1] ?? '') || null;
    last = m.index + m[0].length;
  }
  push(payload.slice(last));
  return cues;
}

/**
 * Parses WebVTT captions into speaker turns. Speakers come from `<v Name>` voice tags or a
 * `Name:` prefix; consecutive cues of one speaker merge into one turn whose timestamp is the
 * first cue's start. Other markup is stripped. Same result shape as parseTranscript.
 */
export function parseVtt(raw: string, fileName: string): ParsedTranscript {
  const text = canonicalText(raw);
  if (!WEBVTT_HEADER.test(text.split('\n', 1)[0] ?? '')) {
    throw new ImportError(fileName, 'is not a WebVTT file (its first line must be "WEBVTT")', { line: 1 });
  }
  const cues: Cue[] = [];
  const [, ...blocks] = splitBlocks(text);
  for (const block of blocks) {
    if (/^(NOTE|STYLE|REGION)(?:\s|$)/.test(block.lines[0]!)) continue;
    const at = block.lines.findIndex((l) => l.includes('-->'));
    if (at < 0 || at > 1) {
      throw new ImportError(fileName, 'expected a cue time range like "00:00:01.000 --> 00:00:04.000"', { line: block.line });
    }
    const timing = TIMING.exec(block.lines[at]!);
    const startMs = timing ? timestampToMs(timing[1]!) : null;
    const endMs = timestampToMs(timing?.[2] ?? '');
    if (startMs === null || endMs === null) {
      throw new ImportError(fileName, `cannot read the cue time range "${block.lines[at]!.trim()}"`, { line: block.line + at });
    }
    cues.push(...voiceSegments(block.lines.slice(at + 1).join('\n'), startMs, endMs));
  }
  return cuesToTranscript(cues, 'WebVTT');
}
