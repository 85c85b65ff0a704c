/**
 * Transcripts as meeting tools and transcription services write them (from their
 * documentation and real downloads): Zoom, Teams and Google Meet (WebVTT, Word, text),
 * Otter (text, Word, SRT), Rev/Temi/Trint, Descript, Whisper and WhisperX (SRT, WebVTT,
 * JSON) and NVivo-style "Speaker: text". All hold the same four turns of one interview:
 * Ana Lima asks, Chidi Okafor answers, each turn said in one or two caption cues.
 */
import { makeDocx, utf16Bytes, utf8Bytes } from './files.ts';

/** The interview: speaker, start in seconds, the turn's cues (joined with a space into the turn). */
export const TURNS = [
  { speaker: 'Ana Lima', at: 3.72, cues: ['Thanks for joining.', 'Could you start with your role?'] },
  { speaker: 'Chidi Okafor', at: 11.04, cues: ['I coordinate the micro-credential pilot in the library.', 'We started it last spring.'] },
  { speaker: 'Ana Lima', at: 24.5, cues: ['Why did the library take it on?'] },
  { speaker: 'Chidi Okafor', at: 29.18, cues: ['Students asked for proof of their research skills.'] },
] as const;

/** What every recognised transcript reads as: speaker, text, start. */
export const EXPECTED = TURNS.map((t) => [t.speaker, t.cues.join(' '), Math.round(t.at * 1000)] as [string, string, number]);

type Cue = { speaker: string; start: number; end: number; text: string };
/** Each cue with its time: 2.5 s per cue, one after the other, from the turn's start. */
const cues = (): Cue[] => TURNS.flatMap((t) => t.cues.map((text, i) => ({ speaker: t.speaker, start: t.at + i * 2.5, end: t.at + i * 2.5 + 2.4, text })));

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** `hh:mm:ss.mmm` (WebVTT) or `hh:mm:ss,mmm` (SRT); `mm:ss.mmm` when short, as Whisper writes WebVTT. */
function clock(seconds: number, sep: '.' | ',', short = false): string {
  const ms = Math.round(seconds * 1000);
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  const time = `${pad(m)}:${pad(s)}${sep}${pad(ms % 1000, 3)}`;
  return short && h === 0 ? time : `${pad(h)}:${time}`;
}
/** `0:03`, `1:02:03`: how Otter and Teams write a turn's start. */
const short = (seconds: number) => {
  const s = Math.floor(seconds);
  return s >= 3600 ? `${Math.floor(s / 3600)}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}` : `${Math.floor(s / 60)}:${pad(s % 60)}`;
};
const hms = (seconds: number) => {
  const s = Math.floor(seconds);
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
};
const lines = (rows: string[], eol = '\n') => rows.join(eol) + eol;

/** Zoom cloud recording "Audio transcript": numbered cues, "Name: text". */
export const zoomVtt = () =>
  utf8Bytes(lines(['WEBVTT', '', ...cues().flatMap((c, i) => [String(i + 1), `${clock(c.start, '.')} --> ${clock(c.end, '.')}`, `${c.speaker}: ${c.text}`, ''])]));

/** Zoom "Save captions" text: `[Name] hh:mm:ss` above what they said. */
export const zoomTxt = () => utf8Bytes(lines(TURNS.flatMap((t) => [`[${t.speaker}] ${hms(t.at)}`, t.cues.join(' '), ''])));

/** Teams' WebVTT: the old header NOTE lines, NOTE Confidence blocks, GUID/n-m cue ids, `<v Name>` voice tags. */
export function teamsVtt(): Uint8Array {
  const body = cues().flatMap((c, i) => [
    `NOTE Confidence: 0.9${i}13`,
    '',
    `0b6f4d3e-77a1-4b0c-9d2e-5c1a8f3e2b7d/${14 + i}-0`,
    `${clock(c.start, '.')} --> ${clock(c.end, '.')}`,
    `<v ${c.speaker}>${c.text}</v>`,
    '',
  ]);
  return utf8Bytes(lines(['WEBVTT', 'NOTE duration:"00:00:34.1200000"', 'NOTE language:en-us', '', ...body], '\r\n'), true);
}

/** Google Meet captions saved from the recording in Drive: voice tags without cue ids or closing tags. */
export const meetVtt = () =>
  utf8Bytes(lines(['WEBVTT', 'Kind: captions', 'Language: en', '', ...cues().flatMap((c) => [`${clock(c.start, '.')} --> ${clock(c.end, '.')}`, `<v ${c.speaker}>${c.text}`, ''])]));

/** Teams' Word transcript since 2023: a title block, "Name   0:03" above each turn, notices. */
export const teamsDocx = () =>
  makeDocx([
    'Library interview-20250304_091201-Meeting Recording',
    'March 4, 2025, 9:12AM',
    '34s',
    'Ana Lima started transcription',
    ...TURNS.flatMap((t) => [`${t.speaker}   ${short(t.at)}`, t.cues.join(' ')]),
    'Ana Lima stopped transcription',
  ]);

/** Teams' older Word transcript: caption blocks with loose times, the name on its own line. */
const loose = (seconds: number) => `0:${Math.floor(seconds / 60)}:${Math.floor(seconds % 60)}.${String(Math.round((seconds % 1) * 1000)).padStart(3, '0')}`;
export const teamsOldDocx = () => makeDocx(cues().flatMap((c) => [`${loose(c.start)} --> ${loose(c.end)}`, c.speaker, c.text]));

/** A Google Meet transcript (the Doc in Drive, downloaded): times every few minutes on their own lines. */
function meetLines(): string[] {
  return ['Library interview - Transcript', '00:00:00', '', ...TURNS.map((t) => `${t.speaker}: ${t.cues.join(' ')}`), '', 'Meeting ended after 00:00:34 👋'];
}
export const meetTxt = () => utf8Bytes(lines(meetLines(), '\r\n'), true);
export const meetDocx = () => makeDocx(meetLines().filter(Boolean));

/** Otter: "Name  0:03" above each turn, a blank line between, its footer at the end. */
function otterLines(): string[] {
  return [...TURNS.flatMap((t) => [`${t.speaker}  ${short(t.at)}`, t.cues.join(' '), '']), 'Transcribed by https://otter.ai'];
}
export const otterTxt = () => utf8Bytes(lines(otterLines()));
export const otterDocx = () => makeDocx(otterLines().filter(Boolean));
export const otterSrt = () =>
  utf8Bytes(lines(cues().flatMap((c, i) => [String(i + 1), `${clock(c.start, ',')} --> ${clock(c.end, ',')}`, `${c.speaker}: ${c.text}`, '']), '\r\n'));

/** Rev: "Name (00:03):" above the turn. */
export const revTxt = () => utf8Bytes(lines(TURNS.flatMap((t) => [`${t.speaker} (${short(t.at).padStart(5, '0')}):`, t.cues.join(' '), ''])));
export const revDocx = () => makeDocx(TURNS.flatMap((t) => [`${t.speaker} (${short(t.at).padStart(5, '0')}):`, t.cues.join(' ')]));
/** Temi: the same, in a Word-saved text file (UTF-16 with BOM, as Notepad's "Unicode"). */
export const temiTxt = () => utf16Bytes(lines(TURNS.flatMap((t) => [`${t.speaker} (${hms(t.at)}):`, t.cues.join(' '), '']), '\r\n'), 'le');
/** Trint: "Name (00:00:05): text" on one line. */
export const trintTxt = () => utf8Bytes(lines(TURNS.map((t) => `${t.speaker} (${hms(t.at)}): ${t.cues.join(' ')}`)));

/** Descript's plain text export: "[00:00:03] Name: text", one line per paragraph (here per cue). */
export const descriptTxt = () => utf8Bytes(lines(cues().map((c) => `[${hms(c.start)}] ${c.speaker}: ${c.text}`)));

/** WhisperX: cues labelled "[SPEAKER_00]: …", speakers numbered from zero in order of appearance. */
const diarized = (speaker: string) => `SPEAKER_${pad(TURNS.findIndex((t) => t.speaker === speaker) === 0 ? 0 : 1)}`;
export const whisperSrt = () => utf8Bytes(lines(cues().flatMap((c, i) => [String(i + 1), `${clock(c.start, ',')} --> ${clock(c.end, ',')}`, c.text, ''])));
export const whisperVtt = () => utf8Bytes(lines(['WEBVTT', '', ...cues().flatMap((c) => [`${clock(c.start, '.', true)} --> ${clock(c.end, '.', true)}`, c.text, ''])]));
export const whisperxSrt = () =>
  utf8Bytes(lines(cues().flatMap((c, i) => [String(i + 1), `${clock(c.start, ',')} --> ${clock(c.end, ',')}`, `[${diarized(c.speaker)}]: ${c.text}`, ''])));

/** Whisper's JSON (seconds, leading spaces in text); WhisperX adds "speaker" to each segment. */
export function whisperJson(diarize: boolean): Uint8Array {
  const segments = cues().map((c, id) => ({
    id, seek: 0, start: c.start, end: c.end, text: ` ${c.text}`, tokens: [50364, 2561], temperature: 0, avg_logprob: -0.21, compression_ratio: 1.3, no_speech_prob: 0.01,
    ...(diarize ? { speaker: diarized(c.speaker), words: [] } : {}),
  }));
  return utf8Bytes(JSON.stringify({ text: cues().map((c) => ` ${c.text}`).join(''), segments, language: 'en' }, null, 2));
}

/** NVivo-style: "Speaker: text", one turn a paragraph, the interviewer as "Interviewer". */
export const nvivoTxt = () =>
  utf8Bytes(lines(TURNS.flatMap((t) => [`${t.speaker === 'Ana Lima' ? 'Interviewer' : 'Chidi'}: ${t.cues.join(' ')}`, '']), '\r\n'));
