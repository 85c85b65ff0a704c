import { describe, expect, it } from 'vitest';
import { parseTranscript } from '../../../electron/backend/import/parsers/transcript.ts';
import type { ParsedTranscript } from '../../../electron/backend/import/parsers/turns.ts';
import { parseSource } from '../../../electron/backend/import/parsers/parse-source.ts';
import { utf8Bytes } from '../../helpers/files.ts';
import * as T from '../../helpers/transcript-exports.ts';

/** What a reader sees per turn: who, what (sliced from the stored text), when. */
const view = (t: ParsedTranscript) => t.turns.map((turn) => [turn.speaker, t.text.slice(turn.start, turn.end), turn.timestampMs]);
const read = (text: string) => parseTranscript(text, 'interview.txt');

describe('plain-text transcripts: speaker lines', () => {
  it('reads a dash between the timestamp and the name, and after a timestamp behind the colon', () => {
    const t = read(['[00:00:05] - Ana: Hello.', '00:00:09 – Bo: Hi.', 'Ana: [00:00:12] — So.', 'Bo: 00:00:15 Yes.'].join('\n'));
    expect(view(t)).toEqual([
      ['Ana', 'Hello.', 5000],
      ['Bo', 'Hi.', 9000],
      ['Ana', 'So.', 12_000],
      ['Bo', 'Yes.', 15_000],
    ]);
  });

  it('reads "Name (00:03):" alone on a line with the body on the lines below', () => {
    const t = read('Ana (00:03):\nHello there.\nSecond line.\n\nBo (00:10):\nHi.\n\nAna (00:14):\nBye.\n');
    expect(view(t)).toEqual([
      ['Ana', 'Hello there.\nSecond line.', 3000],
      ['Bo', 'Hi.', 10_000],
      ['Ana', 'Bye.', 14_000],
    ]);
    expect(t.text).toBe('Ana: Hello there.\nSecond line.\n\nBo: Hi.\n\nAna: Bye.');
  });

  it('does not take "word:word" without a space, such as a link, for a speaker line', () => {
    const text = 'see:https://example.org\nsee:https://example.org/2\nAna: Hi.\nBo: Hey.\nAna: Bye.\nBo: Bye.';
    expect(view(read(text))[0]).toEqual([null, 'see:https://example.org\nsee:https://example.org/2', null]);
  });

  it('reads "[Name]:" and "[Name] -" as the bracket form', () => {
    const t = read('[Ana]: Hello.\n[Bo] - Hi.\n[Ana] 00:00:07 — Next.\n[Bo]\nBelow.');
    expect(view(t)).toEqual([
      ['Ana', 'Hello.', null],
      ['Bo', 'Hi.', null],
      ['Ana', 'Next.', 7000],
      ['Bo', 'Below.', null],
    ]);
    expect(t.tool).toMatch(/^Zoom saved captions/);
  });

  it('keeps bracketed sounds and stage directions as text, even when they repeat', () => {
    const t = read('Ana: One.\n[Inaudible]\nBo: Two.\n[Inaudible]\n[Crosstalk] both talk.\n[Crosstalk] again.\n[door closes]\n[door closes]\nAna: Three.\nBo: Four.');
    expect(view(t)).toEqual([
      ['Ana', 'One.\n[Inaudible]', null],
      ['Bo', 'Two.\n[Inaudible]\n[Crosstalk] both talk.\n[Crosstalk] again.\n[door closes]\n[door closes]', null],
      ['Ana', 'Three.', null],
      ['Bo', 'Four.', null],
    ]);
  });

  it('reads Teams\' "Smith, Jane" and "Jane Smith (Guest)" header lines', () => {
    const t = read('Smith, Jane   0:03\nWelcome.\nJane Smith (Guest)   0:09\nThanks.\nSmith, Jane   0:15\nFirst question.\nJane Smith (Guest)   1:02:03\nAnswer.');
    expect(view(t)).toEqual([
      ['Smith, Jane', 'Welcome.', 3000],
      ['Jane Smith (Guest)', 'Thanks.', 9000],
      ['Smith, Jane', 'First question.', 15_000],
      ['Jane Smith (Guest)', 'Answer.', 3_723_000],
    ]);
    expect(t.tool).toMatch(/^Otter or Microsoft Teams/);
  });

  it('does not take a label of 41 characters, or of digits only, for a speaker', () => {
    const long = 'A'.repeat(41);
    const forty = 'B'.repeat(40);
    const t = read(`${long}: one\n${long}: two\n1: yes\n1: no\n${forty}: three\n${forty}: four\nAna: five\nAna: six`);
    expect(view(t)).toEqual([
      [null, `${long}: one\n${long}: two\n1: yes\n1: no`, null],
      [forty, 'three\nfour', null],
      ['Ana', 'five\nsix', null],
    ]);
  });
});

describe('plain-text transcripts: when a label counts as a speaker', () => {
  it('leaves a document with one timestamped label unchanged', () => {
    const text = 'Field notes\nUpdate (10:30): the site was closed.\nWe came back later.';
    const t = read(text);
    expect(t.text).toBe(text);
    expect(t.turns).toEqual([{ speaker: null, start: 0, end: text.length, timestampMs: null }]);
    expect(t.tool).toBeNull();
  });

  it('counts a timestamped label that speaks once as a speaker once the file is a transcript', () => {
    const t = read('Ana: Hi.\nBo: Hey.\nAna: Ready?\nBo: Yes.\nGuest (00:01:00): Sorry I am late.\nAna: Welcome.');
    expect(view(t).map(([speaker]) => speaker)).toEqual(['Ana', 'Bo', 'Ana', 'Bo', 'Guest', 'Ana']);
    expect(view(t)[4]).toEqual(['Guest', 'Sorry I am late.', 60_000]);
  });

  it('keeps a one-off label without a timestamp as text in the turn', () => {
    const t = read('Ana: Hi.\nNote: aside.\nBo: Hey.\nAna: Bye.\nBo: Bye.');
    expect(view(t)[0]).toEqual(['Ana', 'Hi.\nNote: aside.', null]);
  });
});

describe('plain-text transcripts: which tool wrote it', () => {
  it('names "Speaker: text" files as NVivo-style when no timestamp stands alone on a line', async () => {
    const parsed = await parseSource('nvivo.txt', T.nvivoTxt(), 'interview');
    expect(parsed.kind === 'interview' && parsed.tool).toMatch(/^"Speaker: text" \(NVivo/);
  });

  it('names the layout most speaker lines have, not the rarest', () => {
    const t = read('Ana: Hi.\nBo (00:04): Hey.\nAna (00:07): Question?\nBo (00:09): Answer.\nAna (00:15): Thanks.');
    expect(t.tool).toMatch(/^Rev, Temi or Trint/);
    // A time on a line of its own does not make a Rev transcript a Google Meet one.
    expect(read('Ana (00:01): Hi.\nBo (00:04): Hey.\n00:10:00\nAna (00:07): Question?\nBo (00:09): Answer.').tool).toMatch(/^Rev, Temi or Trint/);
    const d = read('[00:01] Ana: Hi.\n[00:04] Bo: Hey.\n[00:07] Ana: Question?\nBo: Answer.');
    expect(d.tool).toMatch(/^Descript/);
  });
});

describe('plain-text transcripts: what tools add around the words', () => {
  it('drops Otter\'s footer, meeting notices and the "computer generated" banner', () => {
    const t = read(
      [
        'This editable transcript was computer generated and might contain errors.',
        'Ana Lima started transcription',
        'Ana: Hello.',
        'Bo: Hi.',
        'Ana: Bye.',
        'Bo: Bye.',
        'Ana Lima stopped transcription',
        'Meeting ended after 00:12:09 👋',
        'Transcribed by https://otter.ai/u/abc',
      ].join('\n'),
    );
    expect(t.text).toBe('Ana: Hello.\n\nBo: Hi.\n\nAna: Bye.\n\nBo: Bye.');
  });

  it('keeps a sentence that only mentions transcription', () => {
    const t = read('Ana: We started transcription late.\nBo: Yes.\nAna: OK.\nBo: OK.');
    expect(view(t)[0]).toEqual(['Ana', 'We started transcription late.', null]);
    const long = 'After months of planning, ethics review and two pilot interviews with staff, the team started transcription';
    expect(view(read(`Ana: Hi.\nBo: Hey.\nAna: Go on.\nBo: ${long}`))[3]).toEqual(['Bo', long, null]);
  });
});

describe('plain-text transcripts: timestamps on their own lines', () => {
  it('gives a time on the line above (blank lines between) to the speaker below', () => {
    const t = read('00:01:00\n\n  \t\nAna: Hello.\nBo: Hi.\n(00:02:30)\nAna: Later.\nBo: Yes.');
    expect(view(t)).toEqual([
      ['Ana', 'Hello.', 60_000],
      ['Bo', 'Hi.', null],
      ['Ana', 'Later.', 150_000],
      ['Bo', 'Yes.', null],
    ]);
  });

  it('keeps a time that no speaker line follows as text, and loses no words after it', () => {
    const t = read('Ana: Hello.\nBo: Hi.\n00:05:00\nstill Bo talking.\nAna: Bye.\nBo: Bye.\n00:09:00');
    expect(view(t)).toEqual([
      ['Ana', 'Hello.', null],
      ['Bo', 'Hi.\n00:05:00\nstill Bo talking.', null],
      ['Ana', 'Bye.', null],
      ['Bo', 'Bye.\n00:09:00', null],
    ]);
  });

  it('gives a speaker the later of two times in a row, keeping the earlier as text', () => {
    const t = read('Ana: Hello.\nBo: Hi.\n00:05:00\n00:06:00\nAna: Bye.\nBo: Bye.');
    expect(view(t)).toEqual([
      ['Ana', 'Hello.', null],
      ['Bo', 'Hi.\n00:05:00', null],
      ['Ana', 'Bye.', 360_000],
      ['Bo', 'Bye.', null],
    ]);
  });

  it('names a "Name: text" file with times on their own lines as Google Meet', () => {
    expect(read('00:00:00\nAna: Hi.\nBo: Hey.\nAna: Bye.\nBo: Bye.').tool).toMatch(/^Google Meet/);
  });
});

describe('plain-text transcripts: turns and their text', () => {
  it('joins two lines of one speaker at the time of the first that has one', () => {
    const t = read('Ana: Hi.\nAna (00:00:05): More.\nBo (00:00:09): Hey.\nAna: Bye.');
    expect(view(t)).toEqual([
      ['Ana', 'Hi.\nMore.', 5000],
      ['Bo', 'Hey.', 9000],
      ['Ana', 'Bye.', null],
    ]);
  });

  it('writes one spelling per speaker: the first that is not all capitals', () => {
    const t = read(['JANE SMITH: 1', 'Bo: 2', 'JANE SMITH: 3', 'Bo: 4', 'Jane Smith: 5', 'Bo: 6', 'Jane Smith: 7', 'Bo: 8', 'Jane SMITH: 9', 'Bo: 10', 'Jane SMITH: 11'].join('\n'));
    expect(view(t).map(([speaker]) => speaker)).toEqual(['Jane Smith', 'Bo', 'Jane Smith', 'Bo', 'Jane Smith', 'Bo', 'Jane Smith', 'Bo', 'Jane Smith', 'Bo', 'Jane Smith']);
  });

  it('keeps an all-capitals speaker as written when no other spelling occurs', () => {
    const t = read('JANE: One.\nBO: Two.\nJANE: Three.\nBO: Four.');
    expect(view(t).map(([speaker]) => speaker)).toEqual(['JANE', 'BO', 'JANE', 'BO']);
  });

  it('collapses runs of blank lines and trailing spaces inside a turn, keeping one paragraph break', () => {
    const t = read('Ana: First paragraph.   \n\n\n\nSecond paragraph.\t\nBo: Hi.\nAna: Bye.\nBo: Bye.');
    expect(view(t)[0]).toEqual(['Ana', 'First paragraph.\n\nSecond paragraph.', null]);
  });

  it('leaves no trailing spaces at the end of a one-line turn', () => {
    const t = read('Ana: Hello.   \nBo: Hi.\t\nAna: Bye.\nBo: Bye.');
    expect(t.text).toBe('Ana: Hello.\n\nBo: Hi.\n\nAna: Bye.\n\nBo: Bye.');
  });

  it('drops a speaker line with nothing said and keeps the next turn whole', () => {
    const t = read('Ana: Hi.\nBo:\nAna: Still me.\nBo: Now.\n');
    expect(t.text).toBe('Ana: Hi.\n\nAna: Still me.\n\nBo: Now.');
    expect(view(t)).toEqual([
      ['Ana', 'Hi.', null],
      ['Ana', 'Still me.', null],
      ['Bo', 'Now.', null],
    ]);
  });

  it('reads a transcript saved with a BOM and CRLF line ends', async () => {
    const parsed = await parseSource('i.txt', utf8Bytes('Ana: Hi.\r\nBo: Hey.\r\nAna: Bye.\r\nBo: Bye.\r\n', true), 'interview');
    expect(parsed.kind === 'interview' && parsed.text).toBe('Ana: Hi.\n\nBo: Hey.\n\nAna: Bye.\n\nBo: Bye.');
  });
});

describe('timestamps as transcripts write them', () => {
  it('reads fractions after "." or ",", and minutes past 59 when there is no hour', () => {
    const t = read('[00:00:01,5] Ana: a\n[00:00:02.05] Bo: b\n[75:30] Ana: c\n[1:02:03] Bo: d');
    expect(view(t).map(([, , ms]) => ms)).toEqual([1500, 2050, 4_530_000, 3_723_000]);
  });

  it('does not read 60 seconds, or 60 minutes after an hour, as a time', () => {
    const t = read('Ana (00:00:60): a\nBo (1:60:00): b\nAna (00:00:59): c\nBo (1:59:00): d');
    expect(view(t).map(([speaker, , ms]) => [speaker, ms])).toEqual([
      ['Ana', null],
      ['Bo', null],
      ['Ana', 59_000],
      ['Bo', 7_140_000],
    ]);
  });
});

describe('known gaps', () => {
  it('keeps a speaker’s own line that ends in "started transcription" or starts "Meeting ended after"', () => {
    const t = read('Ana: Hi.\nBo: Hey.\nAna: In May the team started transcription\nBo: Right.\nMeeting ended after 20 minutes of arguing, says the minute.\nAna: Yes.');
    expect(view(t)).toEqual([
      ['Ana', 'Hi.', null],
      ['Bo', 'Hey.', null],
      ['Ana', 'In May the team started transcription', null],
      ['Bo', 'Right.\nMeeting ended after 20 minutes of arguing, says the minute.', null],
      ['Ana', 'Yes.', null],
    ]);
  });
  it('counts a label written in other capitals once as the same speaker (Interviewer / INTERVIEWER)', () => {
    const t = read('Interviewer: Why?\nP01: Because.\nINTERVIEWER: And then?\nP01: Then more.\nInterviewer: Thanks.');
    expect(view(t)).toEqual([
      ['Interviewer', 'Why?', null],
      ['P01', 'Because.', null],
      ['Interviewer', 'And then?', null],
      ['P01', 'Then more.', null],
      ['Interviewer', 'Thanks.', null],
    ]);
  });
});
