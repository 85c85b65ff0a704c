/**
 * The parsing thread when things go wrong (parse-pool.ts): files waiting behind one that ran
 * out of time, files the thread held when it was stopped, and formats that must stay on the
 * thread even when the importing thread is idle. No file is ever lost or parsed twice.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parseOffThread, parseThreadState, setParseLimits, stopParseThread } from '../../../electron/backend/import/pipeline/parse-pool.ts';
import { makePdf, utf8Bytes } from '../../helpers/files.ts';

const short = (i: number) => `Interviewer: Question ${i}?\nP${i}: Answer ${i}.\nInterviewer: Thanks.\nP${i}: Bye.\n`;
/** Keeps the thread busy for far longer than 1 ms without a break. */
const LONG = Array.from({ length: 60_000 }, (_, i) => `Interviewer: Question ${i}?\nAnn: Answer ${i}, at length.\n`).join('');
const speakersOf = (p: Awaited<ReturnType<typeof parseOffThread>['promise']>) => (p.kind === 'interview' ? p.units.map((u) => u.speaker) : []);

describe('the parsing thread when a parse fails or the thread stops', () => {
  let restore = () => {};
  afterEach(() => restore());
  afterAll(() => stopParseThread());

  it('parses the files queued behind one that ran out of time on a fresh thread', async () => {
    restore = setParseLimits({ timeMs: 1 });
    const stuck = parseOffThread({ name: 'long.txt', kind: 'interview', bytes: utf8Bytes(LONG) });
    restore();
    const queued = [0, 1, 2].map((i) => parseOffThread({ name: `s${i}.txt`, kind: 'interview', bytes: utf8Bytes(short(i)) }));
    const error = await stuck.promise.catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^long\.txt took longer than 1 ms to read and was stopped/);
    const parsed = await Promise.all(queued.map((q) => q.promise));
    expect(parsed.map(speakersOf)).toEqual([0, 1, 2].map((i) => ['Interviewer', `P${i}`, 'Interviewer', `P${i}`]));
    expect(parseThreadState()).toBe('running');
  });

  it('parses here what the thread held when it was stopped, each file once', async () => {
    const held = Array.from({ length: 8 }, (_, i) => parseOffThread({ name: `h${i}.txt`, kind: 'interview', bytes: utf8Bytes(short(i)) }));
    await stopParseThread();
    const parsed = await Promise.all(held.map((h) => h.promise));
    expect(parsed.map((p) => speakersOf(p)[1])).toEqual(held.map((_, i) => `P${i}`));
    // The next file starts a new thread.
    expect(parseThreadState()).toBe('not started');
    await parseOffThread({ name: 'next.txt', kind: 'interview', bytes: utf8Bytes(short(9)) }).promise;
    expect(parseThreadState()).toBe('running');
  });

  it('never takes a PDF over from the thread, even when it has not started on it', async () => {
    const pdfBytes = await makePdf([['Annual report, page one.']]);
    const long = 'and so on, '.repeat(400);
    const busy = Array.from({ length: 20 }, (_, i) =>
      parseOffThread({ name: `b${i}.txt`, kind: 'interview', bytes: utf8Bytes(Array.from({ length: 100 }, (_, k) => `Interviewer: Q${k} ${long}?\nP${i}: A${k} ${long}.\n`).join('')) }),
    );
    const pdf = parseOffThread({ name: 'report.pdf', kind: 'document', bytes: pdfBytes });
    const text = parseOffThread({ name: 'memo.txt', kind: 'interview', bytes: utf8Bytes(short(1)) });
    expect(pdf.steal()).toBe(false);
    // A text file queued as late is taken over: the thread had not reached either.
    expect(text.steal()).toBe(true);
    const parsed = await pdf.promise;
    expect(parsed.kind === 'document' && parsed.text).toBe('Annual report, page one.');
    await Promise.all(busy.map((b) => b.promise));
    await text.promise;
  });
});
