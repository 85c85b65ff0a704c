import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../../electron/backend/import/parsers/transcript.ts';
import type { ParsedTranscript } from '../../../electron/backend/import/parsers/turns.ts';

/** What a reader sees per turn: who, what (sliced from the stored text), when. */
const view = (t: ParsedTranscript) => t.turns.map((turn) => [turn.speaker, t.text.slice(turn.start, turn.end), turn.timestampMs]);

describe('parseTranscript', () => {
  it('splits "Name: text" turns and keeps continuation lines and paragraphs in the turn', () => {
    const t = parseTranscript(
      'Interviewer: Why did you start?\r\nP01: Because of the value it adds.\nIt also helps students.\n\nA second paragraph.\nInterviewer: Thanks.\nP01: You are welcome.\n',
      'i.txt',
    );
    expect(view(t)).toEqual([
      ['Interviewer', 'Why did you start?', null],
      ['P01', 'Because of the value it adds.\nIt also helps students.\n\nA second paragraph.', null],
      ['Interviewer', 'Thanks.', null],
      ['P01', 'You are welcome.', null],
    ]);
    expect(t.text.startsWith('Interviewer: Why did you start?\n\nP01: Because')).toBe(true);
  });

  it('reads timestamps before or after the label in several notations and removes them from the text', () => {
    const t = parseTranscript(
      [
        '[00:12:34] Dr. Smith: Hello.',
        'P01 (00:12:40): Hi there.',
        'Dr. Smith: [1:02:03.5] Long pause.',
        '12:34 P01: Short stamp.',
        '(00:00:07) [Mary Jones] Bracketed.',
        '[Mary Jones] 00:13:00 Again.',
      ].join('\n'),
      'i.txt',
    );
    expect(view(t)).toEqual([
      ['Dr. Smith', 'Hello.', 754_000],
      ['P01', 'Hi there.', 760_000],
      ['Dr. Smith', 'Long pause.', 3_723_500],
      ['P01', 'Short stamp.', 754_000],
      // Two lines of one speaker in a row are one turn, at the first one's time.
      ['Mary Jones', 'Bracketed.\nAgain.', 7_000],
    ]);
    expect(t.text).not.toMatch(/\d:\d\d/);
  });

  it('treats upper-case labels and a timestamp on the line above as speaker turns', () => {
    const t = parseTranscript('[00:00:05]\nINTERVIEWER: Ready?\n\n[00:00:09]\nPARTICIPANT A: Yes.\nINTERVIEWER: Go.\nPARTICIPANT A: OK.', 'i.txt');
    expect(view(t)).toEqual([
      ['INTERVIEWER', 'Ready?', 5000],
      ['PARTICIPANT A', 'Yes.', 9000],
      ['INTERVIEWER', 'Go.', null],
      ['PARTICIPANT A', 'OK.', null],
    ]);
  });

  it('reads the "Name  0:03" header line with the body below, as Otter exports', () => {
    const t = parseTranscript('Speaker 1  0:03\nWelcome back.\n\nSpeaker 2  0:07\nGlad to be here.\n\nSpeaker 1  1:15\nLet us begin.', 'otter.txt');
    expect(view(t)).toEqual([
      ['Speaker 1', 'Welcome back.', 3000],
      ['Speaker 2', 'Glad to be here.', 7000],
      ['Speaker 1', 'Let us begin.', 75_000],
    ]);
  });

  it('does not take a one-off "Note:" line or bracketed annotations for speakers', () => {
    const t = parseTranscript(
      'Title of study\nNote: the following was recorded on site.\nA: First answer [laughs] ok.\n[Laughs] that was funny.\nB: Second.\n[Laughs] again.\nA: Third.\nB: Fourth.',
      'i.txt',
    );
    expect(view(t)).toEqual([
      [null, 'Title of study\nNote: the following was recorded on site.', null],
      ['A', 'First answer [laughs] ok.\n[Laughs] that was funny.', null],
      ['B', 'Second.\n[Laughs] again.', null],
      ['A', 'Third.', null],
      ['B', 'Fourth.', null],
    ]);
  });

  it('returns the text unchanged as one speakerless turn when there are no speakers', () => {
    const text = 'Note: the following is a field diary.\nIt rained: a lot.\n\nhttp://example.org is cited.';
    const t = parseTranscript(text, 'diary.txt');
    expect(t.text).toBe(text);
    expect(t.turns).toEqual([{ speaker: null, start: 0, end: text.length, timestampMs: null }]);
  });

  it('keeps offsets in UTF-16 units when bodies contain emoji', () => {
    const t = parseTranscript('A: 😀 first\nB: second 😀\nA: third\nB: fourth', 'i.txt');
    expect(view(t).map(([, body]) => body)).toEqual(['😀 first', 'second 😀', 'third', 'fourth']);
    expect(t.turns[1]!.start).toBe('A: 😀 first\n\nB: '.length);
  });

  it('returns no turns for an empty transcript', () => {
    expect(parseTranscript('\n\n', 'empty.txt').turns).toEqual([]);
  });
});
