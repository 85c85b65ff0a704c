import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportError } from '../../../electron/backend/import/parsers/errors.ts';
import { parseOffThread, parseThreadState, stopParseThread } from '../../../electron/backend/import/pipeline/parse-pool.ts';
import { parseSourceSync } from '../../../electron/backend/import/parsers/parse-source.ts';

const dir = mkdtempSync(join(tmpdir(), 'marginalia-parse-thread-'));
afterAll(async () => {
  await stopParseThread();
  rmSync(dir, { recursive: true, force: true, maxRetries: 20 });
});

describe('the import parsing thread', () => {
  it('parses a transcript by path exactly as the importing thread would', async () => {
    const text = 'Interviewer: How did it start?\nAnn: With a pilot — in 2019.\n\nInterviewer: And then?\nAnn: It grew. 🙂\n';
    const path = join(dir, 'ann.txt');
    writeFileSync(path, text);
    const parsed = await parseOffThread({ name: 'ann.txt', kind: 'interview', path }).promise;
    expect(parsed).toEqual(parseSourceSync('ann.txt', new TextEncoder().encode(text), 'interview'));
    expect(parsed.kind === 'interview' && parsed.units.map((u) => u.speaker)).toEqual(['Interviewer', 'Ann', 'Interviewer', 'Ann']);
    // On the second thread, not on the fallback that parses on this one.
    expect(parseThreadState()).toBe('running');
  });

  it('parses bytes sent to it, and many files at once in order', async () => {
    const files = Array.from({ length: 12 }, (_, i) => `Interviewer: Question ${i}?\nP${i}: Answer ${i}.\nInterviewer: Thanks.\nP${i}: Bye.\n`);
    const parsed = await Promise.all(files.map((t, i) => parseOffThread({ name: `t${i}.txt`, kind: 'interview', bytes: new TextEncoder().encode(t) }).promise));
    expect(parsed.map((p) => (p.kind === 'interview' ? p.text : ''))).toEqual(files.map((_, i) => `Interviewer: Question ${i}?\n\nP${i}: Answer ${i}.\n\nInterviewer: Thanks.\n\nP${i}: Bye.`));
  });

  it('lets the importing thread take over a file the thread has not started, parsed once', async () => {
    // Big enough that the thread is still on the first files when this thread asks for the last.
    const long = 'and so on, '.repeat(400);
    const texts = Array.from({ length: 40 }, (_, i) => Array.from({ length: 100 }, (_, k) => `Interviewer: Q${k} ${long}?\nP${i}: A${k} ${long}.\n`).join(''));
    const handed = texts.map((t, i) => parseOffThread({ name: `s${i}.txt`, kind: 'interview', bytes: new TextEncoder().encode(t) }));
    expect(handed.at(-1)!.steal()).toBe(true);
    expect(handed.at(-1)!.steal()).toBe(false); // a file is claimed once
    const parsed = await Promise.all(handed.map((h) => h.promise));
    expect(parsed.map((p) => (p.kind === 'interview' ? p.units.length : 0))).toEqual(texts.map(() => 200));
    expect(parsed.map((p) => (p.kind === 'interview' ? p.units[1]!.speaker : ''))).toEqual(texts.map((_, i) => `P${i}`));
  });

  it('sends a bad file back as an ImportError naming the file', async () => {
    const path = join(dir, 'binary.txt');
    writeFileSync(path, Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10]));
    const error = await parseOffThread({ name: 'binary.txt', kind: 'interview', path }).promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toBe('binary.txt does not look like a text file');
    const gone = await parseOffThread({ name: 'gone.txt', kind: 'interview', path: join(dir, 'gone.txt') }).promise.catch((e: unknown) => e);
    expect((gone as Error).message).toMatch(/^gone\.txt cannot be read any more: /);
  });
});
