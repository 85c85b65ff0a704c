import { describe, expect, it } from 'vitest';
import { parseSource, type ParsedSource } from '../../../electron/backend/import/parsers/parse-source.ts';
import { normaliseSpeaker } from '../../../electron/backend/import/parsers/turns.ts';
import { utf8Bytes } from '../../helpers/files.ts';
import * as T from '../../helpers/transcript-exports.ts';

type Interview = Extract<ParsedSource, { kind: 'interview' }>;

async function read(name: string, bytes: Uint8Array | Promise<Uint8Array>): Promise<Interview> {
  const parsed = await parseSource(name, await bytes, 'interview');
  if (parsed.kind !== 'interview') throw new Error('not an interview');
  return parsed;
}

/** The speaker turns as a reader sees them: who, what (one line), when. */
const turns = (p: Interview) =>
  p.units.filter((u) => u.kind === 'turn').map((u) => [u.speaker, p.text.slice(u.start, u.end).replace(/\s+/g, ' '), u.timestampMs]);

/** The expected turns, times cut to whole seconds for the tools that write them so. */
const expected = (seconds: 'ms' | 's' | 'first-only', names: Record<string, string> = {}) =>
  T.EXPECTED.map(([speaker, text, ms], i) => [names[speaker] ?? speaker, text, seconds === 'ms' ? ms : seconds === 's' ? Math.floor(ms / 1000) * 1000 : i === 0 ? 0 : null]);

describe('transcripts from meeting tools and transcription services', () => {
  const cases: [name: string, bytes: () => Uint8Array | Promise<Uint8Array>, times: 'ms' | 's' | 'first-only', tool: RegExp][] = [
    ['zoom.vtt', T.zoomVtt, 'ms', /Zoom/],
    ['zoom-captions.txt', T.zoomTxt, 's', /^Zoom saved captions/],
    ['teams.vtt', T.teamsVtt, 'ms', /Microsoft Teams/],
    ['meet.vtt', T.meetVtt, 'ms', /Google Meet/],
    ['Library interview.docx', T.teamsDocx, 's', /Microsoft Teams/],
    ['Library interview (2022).docx', T.teamsOldDocx, 'ms', /^Microsoft Teams \(Word transcript/],
    ['Library interview - Transcript.txt', T.meetTxt, 'first-only', /^Google Meet/],
    ['Library interview - Transcript.docx', T.meetDocx, 'first-only', /^Google Meet/],
    ['otter.txt', T.otterTxt, 's', /Otter/],
    ['otter.docx', T.otterDocx, 's', /Otter/],
    ['otter.srt', T.otterSrt, 'ms', /Otter/],
    ['rev.txt', T.revTxt, 's', /^Rev, Temi or Trint/],
    ['rev.docx', T.revDocx, 's', /^Rev, Temi or Trint/],
    ['temi.txt', T.temiTxt, 's', /^Rev, Temi or Trint/],
    ['trint.txt', T.trintTxt, 's', /^Rev, Temi or Trint/],
    ['descript.txt', T.descriptTxt, 's', /^Descript/],
  ];
  for (const [name, bytes, times, tool] of cases) {
    it(`reads ${name}: speakers, one turn per run of cues of one speaker, times per turn`, async () => {
      const p = await read(name, bytes());
      expect(turns(p)).toEqual(expected(times));
      expect(p.tool).toMatch(tool);
      // Nothing a tool adds around the words becomes part of a turn.
      expect(p.text).not.toMatch(/-->|otter\.ai|started transcription|stopped transcription|Meeting ended|<v|NOTE/);
      expect(turns(p).map(([, text]) => text).join(' ')).not.toMatch(/\d:\d\d/);
    });
  }

  it('reads Whisper without speakers as timed paragraphs, and WhisperX speakers as "Speaker 1", "Speaker 2"', async () => {
    for (const [name, bytes] of [['whisper.srt', T.whisperSrt()], ['whisper.vtt', T.whisperVtt()], ['whisper.json', T.whisperJson(false)]] as const) {
      const p = await read(name, bytes);
      expect(p.units.map((u) => [u.kind, u.speaker, p.text.slice(u.start, u.end), u.timestampMs]), name).toEqual(T.EXPECTED.map(([, text, ms]) => ['paragraph', null, text, ms]));
      expect(p.tool, name).toMatch(/without speakers/);
    }
    const names = { 'Ana Lima': 'Speaker 1', 'Chidi Okafor': 'Speaker 2' };
    for (const [name, bytes] of [['whisperx.srt', T.whisperxSrt()], ['whisperx.json', T.whisperJson(true)]] as const) {
      const p = await read(name, bytes);
      expect(turns(p), name).toEqual(expected('ms', names));
      expect(p.tool, name).toMatch(/^WhisperX/);
    }
  });

  it('reads NVivo-style "Speaker: text"', async () => {
    const p = await read('nvivo.txt', T.nvivoTxt());
    expect(turns(p)).toEqual(expected('s', { 'Ana Lima': 'Interviewer', 'Chidi Okafor': 'Chidi' }).map(([s, t]) => [s, t, null]));
  });

  it('normalises speaker names: SPEAKER_00, "speaker 2", case, trailing colons', async () => {
    expect(['SPEAKER_00', 'speaker_01', 'speaker 2', 'SPEAKER 3', 'Jane Smith:', ' Jane  Smith '].map(normaliseSpeaker)).toEqual(['Speaker 1', 'Speaker 2', 'Speaker 2', 'Speaker 3', 'Jane Smith', 'Jane Smith']);
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v JANE SMITH:>Hello.\n\n00:00:02.000 --> 00:00:03.000\n<v Bo>Hi.\n\n00:00:04.000 --> 00:00:05.000\n<v Jane Smith>Again.\n';
    expect(turns(await read('case.vtt', utf8Bytes(vtt)))).toEqual([['Jane Smith', 'Hello.', 1000], ['Bo', 'Hi.', 2000], ['Jane Smith', 'Again.', 4000]]);
  });

  it('names the file and line of a broken caption or JSON transcript', async () => {
    await expect(read('bad.json', utf8Bytes('{\n  "segments": [\n    {"start": 1, "text": "hi",}\n  ]\n}'))).rejects.toThrow(/^bad\.json, line 3: is not valid JSON/);
    await expect(read('other.json', utf8Bytes('{"name": "not a transcript"}'))).rejects.toThrow('other.json is not a speech-to-text transcript: it has no "segments" list');
    await expect(read('nostart.json', utf8Bytes('{"segments": [{"text": "hi"}]}'))).rejects.toThrow('nostart.json segment 1 has no start time');
    await expect(read('teams.vtt', utf8Bytes('WEBVTT\n\nid-1\n00:00:01.000 --> 00:00:02.000\n<v A>Hi\n\nid-2\n00:00:02.000 -> 00:00:03.000\n<v B>Hey\n'))).rejects.toThrow(
      'teams.vtt, line 7: expected a cue time range',
    );
  });
});
