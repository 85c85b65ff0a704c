import { canonicalText } from '../../../../shared/domain/offsets.ts';
import type { Cue } from './captions.ts';
import { cleanCueText, cuesToTranscript, splitBlocks } from './captions.ts';
import { ImportError } from './errors.ts';
import type { ParsedTranscript } from './turns.ts';
import { timestampToMs } from './turns.ts';

const TIMING = /^\s*(\S+)\s*-->\s*(\S+)/;

/**
 * Parses SRT subtitles (index line, `00:00:01,000 --> 00:00:04,000`, text lines, blank line)
 * into speaker turns. Speakers come from `Name:` prefixes; consecutive cues of one speaker
 * merge. Same result shape as parseTranscript.
 */
export function parseSrt(raw: string, fileName: string): ParsedTranscript {
  const text = canonicalText(raw);
  const cues: Cue[] = [];
  for (const block of splitBlocks(text)) {
    // The index line is optional in practice; some tools omit it.
    const at = /^\s*\d+\s*$/.test(block.lines[0]!) ? 1 : 0;
    const timingLine = block.lines[at];
    const timing = timingLine === undefined ? null : TIMING.exec(timingLine);
    const startMs = timing ? timestampToMs(timing[1]!) : null;
    if (!timing || startMs === null || timestampToMs(timing[2]!) === null) {
      throw new ImportError(fileName, 'expected a subtitle time range like "00:00:01,000 --> 00:00:04,000"', {
        line: block.line + at,
      });
    }
    const body = cleanCueText(block.lines.slice(at + 1).join('\n'));
    if (body) cues.push({ speaker: null, text: body, timestampMs: startMs, endMs: timestampToMs(timing[2]!) });
  }
  if (cues.length === 0) throw new ImportError(fileName, 'is not a valid SRT file (it has no subtitles)');
  return cuesToTranscript(cues, 'SRT');
}
