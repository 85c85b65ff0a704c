import { describe, expect, it } from 'vitest';
import { parseSrt } from '../../../electron/backend/import/parsers/srt.ts';
import { parseTranscript } from '../../../electron/backend/import/parsers/transcript.ts';
import type { ParsedTranscript } from '../../../electron/backend/import/parsers/turns.ts';
import { parseVtt } from '../../../electron/backend/import/parsers/vtt.ts';

const view = (t: ParsedTranscript) => t.turns.map((turn) => [turn.speaker, t.text.slice(turn.start, turn.end), turn.timestampMs]);
/** Just the words of each turn. */
const texts = (t: ParsedTranscript) => t.turns.map((turn) => t.text.slice(turn.start, turn.end));
const vtt = (...blocks: string[]) => parseVtt(['WEBVTT', '', ...blocks.flatMap((b) => [b, ''])].join('\n'), 'talk.vtt');
const srt = (...blocks: string[]) => parseSrt(blocks.map((b, i) => `${i + 1}\n${b}\n`).join('\n'), 'talk.srt');
/** `00:00:ss.mmm --> …` from seconds. */
const range = (from: number, to: number, sep = '.') => {
  const clock = (s: number) => `00:${String(Math.floor(s / 60)).padStart(2, '0')}:${String(Math.floor(s % 60)).padStart(2, '0')}${sep}${String(Math.round((s % 1) * 1000)).padStart(3, '0')}`;
  return `${clock(from)} --> ${clock(to)}`;
};

describe('WebVTT: the header and blocks that are not cues', () => {
  it('accepts "WEBVTT" followed by a tab and a title, and refuses "WEBVTTX" or a blank first line', () => {
    expect(view(parseVtt('WEBVTT\tInterview 4\n\n00:00:01.000 --> 00:00:02.000\nHello.\n', 'a.vtt'))).toEqual([[null, 'Hello.', 1000]]);
    expect(() => parseVtt('WEBVTTX\n\n00:00:01.000 --> 00:00:02.000\nHello.\n', 'b.vtt')).toThrow('b.vtt, line 1: is not a WebVTT file (its first line must be "WEBVTT")');
    expect(() => parseVtt('Saved from Zoom: WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello.\n', 'd.vtt')).toThrow('d.vtt, line 1: is not a WebVTT file');
    expect(() => parseVtt('\nWEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHello.\n', 'c.vtt')).toThrow('c.vtt, line 1: is not a WebVTT file');
  });

  it('skips NOTE, STYLE and REGION blocks written over several lines', () => {
    const t = vtt('NOTE\nThis file was edited by hand.\nSecond comment line.', 'STYLE\n::cue { color: lime }', 'REGION\nid:fred\nwidth:40%', `${range(1, 2)}\nHello.`);
    expect(t.text).toBe('Hello.');
  });

  it('reads a cue whose identifier starts with "NOTE" as a cue', () => {
    expect(vtt(`NOTEBOOK-1\n${range(1, 2)}\nHello.`).text).toBe('Hello.');
  });
});

describe('WebVTT: broken time ranges', () => {
  it('names the line of a time range it cannot read, quoting it', () => {
    expect(() => vtt(`1\n${range(1, 2)}\nHi.`, '2\n00:00:03.000-->00:00:04.000\nBye.')).toThrow('talk.vtt, line 8: cannot read the cue time range "00:00:03.000-->00:00:04.000"');
    expect(() => vtt('00:00:61.000 --> 00:01:02.000  \nHi.')).toThrow('talk.vtt, line 3: cannot read the cue time range "00:00:61.000 --> 00:01:02.000"');
    expect(() => vtt('00:00:01.000 --> later\nHi.')).toThrow('talk.vtt, line 3: cannot read the cue time range');
  });

  it('refuses a block whose time range is not on its first or second line', () => {
    expect(() => vtt(`id\nsecond id\n${range(1, 2)}\nHi.`)).toThrow('talk.vtt, line 3: expected a cue time range like "00:00:01.000 --> 00:00:04.000"');
  });
});

describe('WebVTT: voice tags', () => {
  it('splits one cue spoken by two voices into two turns at the same time', () => {
    const t = vtt(`${range(3, 5)}\n<v Ana>Ready?</v> <v Bo>Yes.</v>`, `${range(6, 7)}\n<v Ana>Good.`);
    expect(view(t)).toEqual([
      ['Ana', 'Ready?', 3000],
      ['Bo', 'Yes.', 3000],
      ['Ana', 'Good.', 6000],
    ]);
    expect(t.tool).toBe('WebVTT with voice tags (Microsoft Teams, Google Meet)');
  });

  it('keeps text before the first voice tag without a speaker, and reads a voice without a name as none', () => {
    const t = vtt(`${range(1, 2)}\n(music) <v Ana>Hello.`, `${range(3, 4)}\n<v>Unknown voice.`, `${range(9, 10)}\n<v Bo>Hi.`);
    expect(view(t)).toEqual([
      [null, '(music)', 1000],
      ['Ana', 'Hello. Unknown voice.', 1000],
      ['Bo', 'Hi.', 9000],
    ]);
  });

  it('reads entities in a voice name, and joins a cue\'s lines with a space', () => {
    const t = vtt(`${range(1, 2)}\n<v Ana &amp; Bo>We both\nagree.`);
    expect(view(t)).toEqual([['Ana & Bo', 'We both agree.', 1000]]);
  });

  it('renumbers only voices named exactly "Speaker N", in any case', () => {
    const t = vtt(`${range(1, 2)}\n<v speaker 12>One.`, `${range(2, 3)}\n<v Guest speaker 2>Two.`, `${range(3, 4)}\n<v Speaker 1 (Guest)>Three.`);
    expect(view(t).map(([speaker]) => speaker)).toEqual(['Speaker 12', 'Guest speaker 2', 'Speaker 1 (Guest)']);
  });

  it('reads "Name:" captions beside voice-tagged ones in one file', () => {
    const t = vtt(`${range(1, 2)}\n<v Ana>Hello.`, `${range(2, 3)}\nBo: Hi.`, `${range(3, 4)}\n<v Ana>Ready?`, `${range(4, 5)}\nBo: Yes.`);
    expect(view(t)).toEqual([
      ['Ana', 'Hello.', 1000],
      ['Bo', 'Hi.', 2000],
      ['Ana', 'Ready?', 3000],
      ['Bo', 'Yes.', 4000],
    ]);
    expect(t.tool).toBe('WebVTT with voice tags (Microsoft Teams, Google Meet)');
  });

  it('leaves "Name:" inside a voice-tagged cue as what the speaker said', () => {
    const t = vtt(`${range(1, 2)}\n<v Ana>Note: first.`, `${range(2, 3)}\n<v Ana>Note: second.`, `${range(3, 4)}\n<v Bo>Note: third.`);
    expect(view(t)).toEqual([
      ['Ana', 'Note: first. Note: second.', 1000],
      ['Bo', 'Note: third.', 3000],
    ]);
  });
});

describe('caption text', () => {
  it('decodes numeric and named entities, in either case, and keeps ones it does not know', () => {
    const t = vtt(`${range(1, 2)}\nA&#x263A;B&#X41;C&#9731;D &AMP; &Lt;x&gt; &quot;q&quot; it&apos;s a&nbsp;b &lrm;c&rlm; &copy; &#0; &#x110000;`);
    expect(t.text).toBe('A☺BAC☃D & <x> "q" it\'s a b c &copy; &#0; &#x110000;');
  });

  it('leaves one space between the words of cues run together, whatever spaces the file had', () => {
    const t = parseSrt('1\n00:00:01,000 --> 00:00:02,000\nHello \n\n2\n00:00:02,000 --> 00:00:03,000\n  big  wide\t world\n', 'x.srt');
    expect(t.text).toBe('Hello big wide world');
  });

  it('strips karaoke times and SRT position codes from the words', () => {
    expect(vtt(`${range(1, 2)}\n<00:00:01.000><c>Hello</c> <00:00:01.500><c>world</c>`).text).toBe('Hello world');
    expect(srt(`00:00:01,000 --> 00:00:02,000\n{\\an8}<font color="#ffff00">Hello</font>`).text).toBe('Hello');
  });

  it('drops a cue that is a speaker label with no words, without splitting the turn around it', () => {
    const t = srt('00:00:01,000 --> 00:00:02,000\nAna: Hello', '00:00:02,000 --> 00:00:03,000\nBo:', '00:00:03,000 --> 00:00:04,000\nAna: again.', '00:00:05,000 --> 00:00:06,000\nBo: Hi.');
    expect(view(t)).toEqual([
      ['Ana', 'Hello again.', 1000],
      ['Bo', 'Hi.', 5000],
    ]);
  });

  it('reads "- Name:" dialogue dashes and "[SPEAKER_01]" without a colon as speakers', () => {
    const t = srt('00:00:01,000 --> 00:00:02,000\n- Ana: Hello.', '00:00:02,000 --> 00:00:03,000\n– Bo: Hi.', '00:00:03,000 --> 00:00:04,000\n- Ana: Bye.', '00:00:04,000 --> 00:00:05,000\n- Bo: Bye.');
    expect(view(t).map(([speaker, text]) => [speaker, text])).toEqual([
      ['Ana', 'Hello.'],
      ['Bo', 'Hi.'],
      ['Ana', 'Bye.'],
      ['Bo', 'Bye.'],
    ]);
    const x = srt('00:00:01,000 --> 00:00:02,000\n[SPEAKER_01] Hello.', '00:00:02,000 --> 00:00:03,000\n[SPEAKER_00] Hi.', '00:00:03,000 --> 00:00:04,000\n[SPEAKER_01] Bye.');
    expect(view(x).map(([speaker]) => speaker)).toEqual(['Speaker 2', 'Speaker 1', 'Speaker 2']);
    expect(x.tool).toBe('WhisperX (SRT, diarized)');
  });
});

describe('which captioning tool wrote the file', () => {
  it('says so for files with and without speakers', () => {
    expect(vtt(`${range(1, 2)}\nHello.`).tool).toBe('WebVTT without speakers (Whisper and other speech-to-text)');
    expect(srt(`${range(1, 2, ',')}\nHello.`).tool).toBe('SRT without speakers (Whisper and other speech-to-text)');
    const named = srt(`${range(1, 2, ',')}\nAna: Hi.`, `${range(2, 3, ',')}\nAna: Hello.`);
    expect(named.tool).toBe('SRT with "Name:" captions (Zoom, Otter, Descript)');
    expect(vtt(`${range(1, 2)}\nAna: Hi.`, `${range(2, 3)}\nAna: Hello.`).tool).toBe('WebVTT with "Name:" captions (Zoom, Otter, Descript)');
  });
});

describe('captions without speakers: paragraphs', () => {
  it('does not break a named speaker\'s turn at a pause', () => {
    const t = vtt(`${range(0, 1)}\n<v Ana>Let me think.`, `${range(9, 10)}\n<v Ana>Yes.`, `${range(11, 12)}\n<v Bo>OK.`);
    expect(view(t)).toEqual([
      ['Ana', 'Let me think. Yes.', 0],
      ['Bo', 'OK.', 11_000],
    ]);
  });

  it('starts a new paragraph at a pause of two seconds, not at a shorter one', () => {
    const t = vtt(`${range(0, 1)}\nOne.`, `${range(2.999, 4)}\nTwo.`, `${range(6, 7)}\nThree.`);
    expect(view(t)).toEqual([
      [null, 'One. Two.', 0],
      [null, 'Three.', 6000],
    ]);
  });

  it('measures the pause from the end of the paragraph\'s last cue', () => {
    const t = vtt(`${range(0, 1)}\nOne.`, `${range(1.5, 3)}\nTwo.`, `${range(4.5, 5)}\nThree.`);
    expect(view(t)).toEqual([[null, 'One. Two. Three.', 0]]);
  });

  it('starts a new paragraph after a sentence once a paragraph is 600 characters long', () => {
    const sentence = `${'word '.repeat(118)}end.`; // 594 characters
    const cues = (first: string, ending: string) =>
      vtt(`${range(0, 1)}\n${first}`, `${range(1, 2)}\n${ending}`, `${range(2, 3)}\nand`, `${range(3, 4)}\nso on`);
    // 594 + " " + "Ends." = 600 characters, a full stop: break.
    expect(texts(cues(sentence, 'Ends.')).map((text) => text.length)).toEqual([600, 'and so on'.length]);
    // 599 characters: no break.
    expect(texts(cues(sentence, 'End.')).map((text) => text.length)).toEqual([599 + ' and so on'.length]);
    // 600 characters that do not end a sentence: no break; a closing quote after the stop: break.
    expect(view(cues(sentence, 'Ends,')).length).toBe(1);
    expect(texts(cues(sentence, 'End."')).map((text) => text.slice(-2))).toEqual(['."', 'on']);
  });
});

describe('SRT files as tools write them', () => {
  it('reads blocks without an index line, and time ranges without spaces around the arrow', () => {
    const t = parseSrt('00:00:01,000-->00:00:02,500\nHello.\n\n00:00:05,000 --> 00:00:06,000\nAgain.\n', 'x.srt');
    expect(view(t)).toEqual([
      [null, 'Hello.', 1000],
      [null, 'Again.', 5000],
    ]);
  });

  it('takes a line of spaces between subtitles as the blank line it looks like', () => {
    const t = parseSrt('1\n00:00:01,000 --> 00:00:02,000\nHello.\n   \n2\n00:00:05,000 --> 00:00:06,000\nAgain.\n', 'x.srt');
    expect(view(t)).toEqual([
      [null, 'Hello.', 1000],
      [null, 'Again.', 5000],
    ]);
  });

  it('reads multi-digit indexes, with spaces after them, as indexes', () => {
    const t = parseSrt('41 \n00:01:01,000 --> 00:01:02,000\nHello.\n\n42\n00:01:05,000 --> 00:01:06,000\nAgain.\n', 'x.srt');
    expect(view(t)).toEqual([
      [null, 'Hello.', 61_000],
      [null, 'Again.', 65_000],
    ]);
  });

  it('refuses a start time it cannot read', () => {
    expect(() => parseSrt('1\n00:00:61,000 --> 00:01:02,000\nHi.\n', 'x.srt')).toThrow('x.srt, line 2: expected a subtitle time range');
  });

  it('names the line of a bad time range in a block without an index', () => {
    expect(() => parseSrt('00:00:01,000 --> 00:00:02,000\nok\n\nnot a time\nbad\n', 'x.srt')).toThrow('x.srt, line 4: expected a subtitle time range');
  });

  it('refuses an end time it cannot read, and an index with nothing after it', () => {
    expect(() => parseSrt('1\n00:00:01,000 --> 00:00:99,000\nHi.\n', 'x.srt')).toThrow('x.srt, line 2: expected a subtitle time range like "00:00:01,000 --> 00:00:04,000"');
    expect(() => parseSrt('1\n00:00:01,000 --> 00:00:02,000\nHi.\n\n2\n', 'x.srt')).toThrow('x.srt, line 6: expected a subtitle time range');
  });

  it('refuses a file whose subtitles are all empty of words', () => {
    expect(() => parseSrt('1\n00:00:01,000 --> 00:00:02,000\n<i></i>\n', 'x.srt')).toThrow('x.srt is not a valid SRT file (it has no subtitles)');
  });

  it('reads a file with a BOM and CRLF line ends, using the cue end times for paragraphs', () => {
    const t = parseSrt('\uFEFF1\r\n00:00:01,000 --> 00:00:02,000\r\nHello.\r\n\r\n2\r\n00:00:04,100 --> 00:00:05,000\r\nAgain.\r\n', 'x.srt');
    expect(view(t)).toEqual([
      [null, 'Hello.', 1000],
      [null, 'Again.', 4100],
    ]);
  });
});

describe('Word or text transcripts made of caption blocks (Teams before 2023)', () => {
  it('reads loose times, the name above the words, and drops cue numbers', () => {
    const t = parseTranscript(
      ['0:0:0.0 --> 0:0:4.380', 'Ana Lima', 'Thanks for joining.', '', '2', '  0:0:5,25-->0:0:7.5 ', 'Chidi Okafor', 'Glad to.', '', '3', '1:05.5000000 --> 1:07.250', 'Ana Lima', 'First question.'].join('\n'),
      'teams.txt',
    );
    expect(view(t)).toEqual([
      ['Ana Lima', 'Thanks for joining.', 0],
      ['Chidi Okafor', 'Glad to.', 5250],
      ['Ana Lima', 'First question.', 65_500],
    ]);
    expect(t.tool).toBe('Microsoft Teams (Word transcript with time ranges)');
  });

  it('reads times past an hour and without a fraction, five-word names, titles and digits in names', () => {
    const t = parseTranscript(
      ['0:0:1 --> 0:0:2', 'Mary Ann de la Cruz', 'Hello.', '1:02:03.5 --> 1:02:05', 'Dr. Ana Lima', 'Hi.', '1:02:06.0 --> 1:02:07.0', '  ', 'P01', 'Yes.', '1:02:08.0 --> 1:02:09.0', ' Chidi Okafor', 'Bye.'].join('\n'),
      'x.txt',
    );
    expect(view(t)).toEqual([
      ['Mary Ann de la Cruz', 'Hello.', 1000],
      ['Dr. Ana Lima', 'Hi.', 3_723_500],
      ['P01', 'Yes.', 3_726_000],
      ['Chidi Okafor', 'Bye.', 3_728_000],
    ]);
  });

  it('keeps every word of blocks without a name, one space between them', () => {
    const t = parseTranscript(
      ['0:0:1.0 --> 0:0:2.0', '   ', 'Well — honestly', 'it was  fine. ', '9', '', '0:0:2.0 --> 0:0:3.0', 'We met.', 'It was May 2019', '10 ', '0:0:3.0 --> 0:0:4.0', 'and then more'].join('\n'),
      'x.txt',
    );
    expect(view(t)).toEqual([[null, 'Well — honestly it was fine. We met. It was May 2019 and then more', 1000]]);
  });

  it('needs two time ranges; one alone is just a line of text', () => {
    const text = 'Meeting 0:0:0.0 --> 0:0:4.0\n0:0:0.0 --> 0:0:4.0\nAna Lima\nHello.';
    expect(parseTranscript(text, 'x.txt').text).toBe(text);
  });

  it('does not take a sentence, a long line, or a lone line for a name', () => {
    const t = parseTranscript(
      [
        '0:0:1.0 --> 0:0:2.0',
        'Yes indeed.',
        'I agree.',
        '0:0:2.0 --> 0:0:3.0',
        'one two three four five six',
        'more words',
        '0:0:3.0 --> 0:0:4.0',
        '2020 was hard',
        'for us',
        '0:0:4.0 --> 0:0:5.0',
        'Ana Lima',
      ].join('\n'),
      'x.txt',
    );
    expect(view(t)).toEqual([[null, 'Yes indeed. I agree. one two three four five six more words 2020 was hard for us Ana Lima', 1000]]);
  });

  it('keeps a title above the first block as text no speaker said', () => {
    const t = parseTranscript('Library interview \n  \nMarch 4, 2025\n0:0:1.0 --> 0:0:2.0\nAna Lima\nHello.\n0:0:2.0 --> 0:0:3.0\nBo Chen\nHi.', 'x.txt');
    expect(view(t)).toEqual([
      [null, 'Library interview March 4, 2025', null],
      ['Ana Lima', 'Hello.', 1000],
      ['Bo Chen', 'Hi.', 2000],
    ]);
  });

  it('gives a title run into the first unnamed block that block\'s time', () => {
    const t = parseTranscript('Library interview\n0:0:3.0 --> 0:0:4.0\nHello.\n0:0:4.0 --> 0:0:5.0\nHi.', 'x.txt');
    expect(view(t)).toEqual([[null, 'Library interview Hello. Hi.', 3000]]);
  });

  it('drops the cue number above the first time range of an SRT saved as text', () => {
    const srt = ['1', '00:00:01,000 --> 00:00:02,500', 'Ana Lima', 'Hello.', '', '2', '00:00:02,500 --> 00:00:04,000', 'Bo Chen', 'Hi there.', ''];
    expect(view(parseTranscript(srt.join('\r\n'), 'zoom-captions.txt'))).toEqual([
      ['Ana Lima', 'Hello.', 1000],
      ['Bo Chen', 'Hi there.', 2500],
    ]);
    // A title above the numbered cues stays.
    expect(view(parseTranscript(['Library interview', '', ...srt].join('\n'), 'x.txt'))[0]).toEqual([null, 'Library interview', null]);
  });

  it('drops the header of a WebVTT saved as text, its cues numbered or not', () => {
    const cues = ['00:00:01.000 --> 00:00:02.500', 'Ana Lima', 'Hello.', '', '00:00:02.500 --> 00:00:04.000', 'Bo Chen', 'Hi there.'];
    const spoken = [
      ['Ana Lima', 'Hello.', 1000],
      ['Bo Chen', 'Hi there.', 2500],
    ];
    expect(view(parseTranscript(['WEBVTT', 'Kind: captions', 'Language: en', '', ...cues].join('\n'), 'x.txt'))).toEqual(spoken);
    expect(view(parseTranscript(['WEBVTT', '', '1', ...cues.slice(0, 4), '2', ...cues.slice(4)].join('\n'), 'x.txt'))).toEqual(spoken);
  });

  it('keeps a number above the first time range when the cues are not numbered', () => {
    // A year as the title of an unnumbered transcript is the author's, not a cue number.
    const t = parseTranscript('2025\n0:0:1.0 --> 0:0:2.0\nAna Lima\nHello.\n0:0:2.0 --> 0:0:3.0\nBo Chen\nHi.', 'x.txt');
    expect(view(t)[0]).toEqual([null, '2025', null]);
  });
});
