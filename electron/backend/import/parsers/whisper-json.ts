/**
 * Speech-to-text JSON: OpenAI Whisper's and WhisperX's `{"segments": [{"start": 0.0,
 * "end": 4.5, "text": " Hello", "speaker": "SPEAKER_00"}]}` (seconds; a speaker only when
 * diarized) and whisper.cpp's `{"transcription": [{"offsets": {"from": 0, "to": 4500},
 * "text": " Hello"}]}` (milliseconds).
 */
import type { Cue } from './captions.ts';
import { cuesToTranscript } from './captions.ts';
import { ImportError, reasonOf } from './errors.ts';
import type { ParsedTranscript } from './turns.ts';

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const seconds = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) && x >= 0 ? Math.round(x * 1000) : null);

/** The line a JSON.parse error points at ("… at position 120"), for the message. */
function lineOf(text: string, error: unknown): number | undefined {
  const at = /position (\d+)/.exec(reasonOf(error))?.[1];
  return at === undefined ? undefined : text.slice(0, Number(at)).split('\n').length;
}

function segmentCue(segment: unknown, n: number, fileName: string): Cue | null {
  const fail = (why: string) => new ImportError(fileName, `segment ${n + 1} ${why}`);
  if (!isRecord(segment)) throw fail('is not an object with "start", "end" and "text"');
  if (typeof segment['text'] !== 'string') throw fail('has no "text"');
  const offsets = isRecord(segment['offsets']) ? segment['offsets'] : null;
  const start = offsets ? (typeof offsets['from'] === 'number' ? offsets['from'] : null) : seconds(segment['start']);
  const end = offsets ? (typeof offsets['to'] === 'number' ? offsets['to'] : null) : seconds(segment['end']);
  if (start === null) throw fail(`has no start time ("start" in seconds${offsets ? ', or "offsets.from" in milliseconds' : ''})`);
  const text = segment['text'].replace(/\s+/g, ' ').trim();
  if (!text) return null;
  const speaker = typeof segment['speaker'] === 'string' && segment['speaker'].trim() ? segment['speaker'].trim() : null;
  return { speaker, text, timestampMs: start, endMs: end };
}

/** Parses a Whisper, WhisperX or whisper.cpp JSON transcript into speaker turns (or paragraphs, undiarized). */
export function parseWhisperJson(text: string, fileName: string): ParsedTranscript {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const line = lineOf(text, error);
    throw new ImportError(fileName, `is not valid JSON (${reasonOf(error)})`, line === undefined ? undefined : { line });
  }
  const segments = isRecord(data) ? (data['segments'] ?? data['transcription']) : undefined;
  if (!Array.isArray(segments)) {
    throw new ImportError(fileName, 'is not a speech-to-text transcript: it has no "segments" list (Marginalia reads the JSON that Whisper, WhisperX and whisper.cpp write)');
  }
  const cues = segments.flatMap((segment, n) => segmentCue(segment, n, fileName) ?? []);
  if (cues.length === 0) throw new ImportError(fileName, 'has no text in its segments');
  const parsed = cuesToTranscript(cues, 'JSON');
  return isRecord(data) && 'transcription' in data ? { ...parsed, tool: `whisper.cpp (JSON${cues.some((c) => c.speaker) ? '' : ', without speakers'})` } : parsed;
}
