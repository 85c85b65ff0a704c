import { describe, expect, it } from 'vitest';
import type { ParsedTranscript } from '../../../electron/backend/import/parsers/turns.ts';
import { parseWhisperJson } from '../../../electron/backend/import/parsers/whisper-json.ts';

const view = (t: ParsedTranscript) => t.turns.map((turn) => [turn.speaker, t.text.slice(turn.start, turn.end), turn.timestampMs]);
const whisper = (segments: unknown[], name = 'whisper.json') => parseWhisperJson(JSON.stringify({ text: '', segments, language: 'en' }, null, 2), name);
const cpp = (transcription: unknown[]) => parseWhisperJson(JSON.stringify({ systeminfo: 'AVX = 1', transcription }, null, 2), 'whisper-cpp.json');

describe('Whisper JSON: times', () => {
  it('reads a segment starting at 0 and rounds seconds to the nearest millisecond', () => {
    const t = whisper([{ start: 0, end: 1.2, text: ' Hello.' }, { start: 4.0126, end: 5, text: ' Again.' }]);
    expect(view(t)).toEqual([
      [null, 'Hello.', 0],
      [null, 'Again.', 4013],
    ]);
    expect(t.tool).toBe('Whisper without speakers (Whisper and other speech-to-text)');
  });

  it('keeps segments without an end time in one paragraph, the pause being unknown', () => {
    const t = whisper([{ start: 0, text: ' One.' }, { start: 30, text: ' Two.' }]);
    expect(view(t)).toEqual([[null, 'One. Two.', 0]]);
  });

  it('refuses a negative or written-out start time, naming the segment', () => {
    expect(() => whisper([{ start: 0, end: 1, text: 'a' }, { start: -1, end: 1, text: 'b' }])).toThrow('whisper.json segment 2 has no start time ("start" in seconds)');
    expect(() => whisper([{ start: '1.5', end: 2, text: 'a' }])).toThrow('whisper.json segment 1 has no start time ("start" in seconds)');
  });
});

describe('Whisper JSON: segments', () => {
  it('skips segments with no words, and refuses a file where none has any', () => {
    const t = whisper([{ start: 0, end: 1, text: '   ' }, { start: 1, end: 2, text: ' Hello\n  there. ' }]);
    expect(view(t)).toEqual([[null, 'Hello there.', 1000]]);
    expect(() => whisper([{ start: 0, end: 1, text: ' ' }, { start: 1, end: 2, text: '' }])).toThrow('whisper.json has no text in its segments');
  });

  it('names a segment that is not an object, or has no text', () => {
    expect(() => whisper([{ start: 0, end: 1, text: 'a' }, 'b'])).toThrow('whisper.json segment 2 is not an object with "start", "end" and "text"');
    expect(() => whisper([null])).toThrow('whisper.json segment 1 is not an object');
    expect(() => whisper([[0, 1, 'a']])).toThrow('whisper.json segment 1 is not an object');
    expect(() => whisper([{ start: 0, end: 1, words: [] }])).toThrow('whisper.json segment 1 has no "text"');
  });

  it('reads WhisperX speakers with spaces around them, and leaves a blank speaker unnamed', () => {
    const t = whisper([
      { start: 0, end: 1, text: ' Hi.', speaker: ' SPEAKER_00 ' },
      { start: 1, end: 2, text: ' Hello.', speaker: 'SPEAKER_01\n' },
      { start: 2, end: 3, text: ' And you?', speaker: '  ' },
    ]);
    expect(view(t)).toEqual([
      ['Speaker 1', 'Hi.', 0],
      ['Speaker 2', 'Hello. And you?', 1000],
    ]);
    expect(t.tool).toBe('WhisperX (JSON, diarized)');
  });

  it('names JSON whose speakers were renamed as speech-to-text JSON, not as WebVTT', () => {
    const t = whisper([
      { start: 0, end: 1, text: ' How did it start?', speaker: 'Interviewer' },
      { start: 1, end: 2, text: ' With a pilot.', speaker: 'Ann' },
    ]);
    expect(view(t)).toEqual([
      ['Interviewer', 'How did it start?', 0],
      ['Ann', 'With a pilot.', 1000],
    ]);
    expect(t.tool).toBe('Speech-to-text JSON with speaker names (WhisperX and others)');
  });
});

describe('Whisper JSON: files that are not transcripts', () => {
  it('refuses a list, or "segments" that is not a list', () => {
    const why = 'is not a speech-to-text transcript: it has no "segments" list (Marginalia reads the JSON that Whisper, WhisperX and whisper.cpp write)';
    expect(() => parseWhisperJson('[{"start": 0, "text": "hi"}]', 'a.json')).toThrow(`a.json ${why}`);
    expect(() => parseWhisperJson('{"segments": {"0": {"start": 0, "text": "hi"}}}', 'b.json')).toThrow(`b.json ${why}`);
  });

  it('says where broken JSON breaks, and says it without a line when the file just ends', () => {
    expect(() => parseWhisperJson('{\n  "segments": [\n    {"start": 0, "text": "a"},\n    {"start": 1, "text": "b",}\n  ]\n}', 'x.json')).toThrow(/^x\.json, line 4: is not valid JSON \(/);
    let message = '';
    try {
      parseWhisperJson('{\n  "segments": [\n', 'cut.json');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe('cut.json is not valid JSON (Unexpected end of JSON input)');
  });
});

describe('whisper.cpp JSON', () => {
  it('reads times in milliseconds from "offsets" and names the tool', () => {
    const t = cpp([
      { timestamps: { from: '00:00:00,000', to: '00:00:01,500' }, offsets: { from: 0, to: 1500 }, text: ' Hello.' },
      { timestamps: { from: '00:00:05,000', to: '00:00:06,000' }, offsets: { from: 5000, to: 6000 }, text: ' Again.' },
    ]);
    expect(view(t)).toEqual([
      [null, 'Hello.', 0],
      [null, 'Again.', 5000],
    ]);
    expect(t.tool).toBe('whisper.cpp (JSON, without speakers)');
  });

  it('names the tool without "without speakers" when segments carry speakers', () => {
    const t = cpp([
      { offsets: { from: 0, to: 1000 }, text: ' Hi.', speaker: 'Ana' },
      { offsets: { from: 1000, to: 2000 }, text: ' Hey.', speaker: 'Bo' },
      { offsets: { from: 2000, to: 3000 }, text: ' Go on.' },
    ]);
    expect(view(t)).toEqual([
      ['Ana', 'Hi.', 0],
      ['Bo', 'Hey. Go on.', 1000],
    ]);
    expect(t.tool).toBe('whisper.cpp (JSON)');
  });

  it('asks for "offsets.from" when a segment has offsets without a start', () => {
    expect(() => cpp([{ offsets: { to: 1000 }, text: ' Hi.' }])).toThrow('whisper-cpp.json segment 1 has no start time ("start" in seconds, or "offsets.from" in milliseconds)');
  });

  it('uses the offsets\' end for paragraph breaks', () => {
    const t = cpp([
      { offsets: { from: 0, to: 1000 }, text: ' One.' },
      { offsets: { from: 2500, to: 3000 }, text: ' Two.' },
      { offsets: { from: 5000, to: 6000 }, text: ' Three.' },
    ]);
    expect(view(t)).toEqual([
      [null, 'One. Two.', 0],
      [null, 'Three.', 5000],
    ]);
  });
});
