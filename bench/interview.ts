import type { Rng } from './prng.ts';
import { drawWord } from './vocabulary.ts';

export type GeneratedTurn = {
  speaker: string;
  isInterviewer: boolean;
  /** The body's span (the `Speaker: ` label stays outside, as the transcript importer does). */
  start: number;
  end: number;
  timestampMs: number;
};

export type GeneratedInterview = {
  text: string;
  turns: GeneratedTurn[];
  /** Offsets where a word begins / just after a word ends, ascending, bodies only. */
  wordStarts: Int32Array;
  wordEnds: Int32Array;
  words: number;
};

const QUESTION_OPENERS = ['How', 'What', 'Why', 'When', 'Where', 'Could you say', 'Can you tell me', 'Who', 'In what way', 'Do you think'];

/** Appends text while tracking offsets, so word boundaries are known without re-scanning. */
class Writer {
  private parts: string[] = [];
  length = 0;
  starts: number[] = [];
  ends: number[] = [];
  words = 0;

  raw(s: string): void {
    this.parts.push(s);
    this.length += s.length;
  }
  word(w: string): void {
    this.starts.push(this.length);
    this.raw(w);
    this.ends.push(this.length);
    this.words++;
  }
  text(): string {
    return this.parts.join('');
  }
}

const capitalize = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

/** Writes `count` drawn words as one sentence ending in `stop`; opener words come first. */
function sentence(out: Writer, rng: Rng, madeUp: readonly string[], madeUpShare: number, count: number, stop: string, opener?: string): void {
  const words = opener ? opener.split(' ') : [];
  while (words.length < count) words.push(drawWord(rng, madeUp, madeUpShare));
  words.forEach((w, i) => {
    if (i > 0) out.raw(' ');
    out.word(i === 0 ? capitalize(w) : w);
    if (i < words.length - 1 && rng.chance(0.07)) out.raw(',');
  });
  out.raw(stop);
}

/**
 * One interview: `Interviewer: <question>?` and `<label>: <1–7 sentences>` turns, separated
 * by blank lines, until about `targetWords` words are written. It always ends on an answer.
 */
export function generateInterview(
  rng: Rng,
  options: { label: string; targetWords: number; madeUp: readonly string[]; madeUpShare: number },
): GeneratedInterview {
  const { label, targetWords, madeUp, madeUpShare } = options;
  const out = new Writer();
  const turns: GeneratedTurn[] = [];
  let clockMs = rng.int(0, 30) * 1000;

  const turn = (speaker: string, isInterviewer: boolean, body: () => void): void => {
    if (out.length > 0) out.raw('\n\n');
    out.raw(`${speaker}: `);
    const start = out.length;
    const before = out.words;
    body();
    turns.push({ speaker, isInterviewer, start, end: out.length, timestampMs: clockMs });
    // Speech runs at about 150 words a minute.
    clockMs += (out.words - before) * 400 + rng.int(500, 3000);
  };

  while (out.words < targetWords) {
    turn('Interviewer', true, () => sentence(out, rng, madeUp, madeUpShare, rng.int(6, 16), '?', rng.pick(QUESTION_OPENERS)));
    turn(label, false, () => {
      const sentences = rng.int(1, 7);
      for (let s = 0; s < sentences; s++) {
        if (s > 0) out.raw(' ');
        sentence(out, rng, madeUp, madeUpShare, rng.int(5, 24), '.');
      }
    });
  }
  return { text: out.text(), turns, wordStarts: Int32Array.from(out.starts), wordEnds: Int32Array.from(out.ends), words: out.words };
}
