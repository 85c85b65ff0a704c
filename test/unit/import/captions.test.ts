import { describe, expect, it } from 'vitest';
import { parseSrt } from '../../../electron/backend/import/parsers/srt.ts';
import type { ParsedTranscript } from '../../../electron/backend/import/parsers/turns.ts';
import { parseVtt } from '../../../electron/backend/import/parsers/vtt.ts';

const view = (t: ParsedTranscript) => t.turns.map((turn) => [turn.speaker, t.text.slice(turn.start, turn.end), turn.timestampMs]);

describe('parseVtt', () => {
  it('reads voice tags, merges consecutive cues of one speaker and strips other markup', () => {
    const vtt = [
      'WEBVTT - interview 3',
      '',
      'NOTE exported by Teams',
      '',
      '1',
      '00:00:01.000 --> 00:00:04.000',
      '<v Ana Lima>Why do you use</v>',
      '',
      '2',
      '00:00:04.000 --> 00:00:06.500 align:start',
      '<v Ana Lima>micro-credentials?</v>',
      '',
      '00:00:07.250 --> 00:00:09.000',
      '<v.loud P01>It <i>adds</i> value &amp; <c.yellow>flexibility</c>.',
      '',
      '01:02.000 --> 01:05.000',
      '<v Ana Lima>Thanks.',
    ].join('\r\n');
    const t = parseVtt(vtt, 'teams.vtt');
    expect(view(t)).toEqual([
      ['Ana Lima', 'Why do you use micro-credentials?', 1000],
      ['P01', 'It adds value & flexibility.', 7250],
      ['Ana Lima', 'Thanks.', 62_000],
    ]);
    expect(t.text).toBe('Ana Lima: Why do you use micro-credentials?\n\nP01: It adds value & flexibility.\n\nAna Lima: Thanks.');
  });

  it('reads "Name: text" cues, as Zoom writes them', () => {
    const vtt = 'WEBVTT\n\n1\n00:00:00.500 --> 00:00:02.000\nHost: Welcome.\n\n2\n00:00:02.000 --> 00:00:03.000\nGuest: Thank you.\n\n3\n00:00:03.000 --> 00:00:04.000\nGuest: Really.\n\n4\n00:00:04.000 --> 00:00:05.000\nHost: Start.';
    expect(view(parseVtt(vtt, 'zoom.vtt'))).toEqual([
      ['Host', 'Welcome.', 500],
      ['Guest', 'Thank you. Really.', 2000],
      ['Host', 'Start.', 4000],
    ]);
  });

  it('rejects a file without the WEBVTT header, and a cue without a time range, naming the line', () => {
    expect(() => parseVtt('1\n00:00:01.000 --> 00:00:02.000\nhi', 'x.vtt')).toThrow('x.vtt, line 1: is not a WebVTT file');
    expect(() => parseVtt('WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nhi\n\nstray text\nmore', 'x.vtt')).toThrow(
      'x.vtt, line 7: expected a cue time range',
    );
  });
});

describe('parseSrt', () => {
  it('reads blocks, speakers from "Name:" prefixes, and merges cues of one speaker', () => {
    const srt = [
      '1',
      '00:00:01,000 --> 00:00:03,000',
      'Interviewer: What does the badge',
      'mean to you?',
      '',
      '2',
      '00:00:03,500 --> 00:00:05,000',
      '<i>P02:</i> Recognition.',
      '',
      '3',
      '00:00:05,000 --> 00:00:07,000',
      'Mostly recognition.',
      '',
      '4',
      '00:01:10,000 --> 00:01:12,000',
      'Interviewer: Thank you.',
      '',
    ].join('\r\n');
    const t = parseSrt(srt, 'talk.srt');
    expect(view(t)).toEqual([
      ['Interviewer', 'What does the badge mean to you?', 1000],
      ['P02', 'Recognition. Mostly recognition.', 3500],
      ['Interviewer', 'Thank you.', 70_000],
    ]);
  });

  it('keeps a single "Note:" caption as text when no speaker label repeats', () => {
    const t = parseSrt('1\n00:00:01,000 --> 00:00:02,000\nNote: this is a caption.\n\n2\n00:00:02,000 --> 00:00:03,000\nAnother one.\n', 'n.srt');
    expect(view(t)).toEqual([[null, 'Note: this is a caption. Another one.', 1000]]);
  });

  it('names the line of a block without a time range, and refuses a file with no subtitles', () => {
    expect(() => parseSrt('1\n00:00:01,000 --> 00:00:02,000\nok\n\n2\n00:00:02,000 -> 00:00:03,000\nbad\n', 'bad.srt')).toThrow(
      'bad.srt, line 6: expected a subtitle time range',
    );
    expect(() => parseSrt('\n\n', 'none.srt')).toThrow('none.srt is not a valid SRT file');
  });
});
