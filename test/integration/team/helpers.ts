import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CoderCopy } from '../../../shared/domain/team/api-types.ts';
import type { Code } from '../../../shared/domain/types.ts';
import { Host } from '../../../electron/backend/host.ts';
import { expect } from 'vitest';
import { FIXED_TIME, tableCounts, type TestHost } from '../../helpers/project.ts';
import { preview, run, stageOne, suggestedOptions } from '../import/helpers.ts';

/** A small deterministic generator (mulberry32), so every run codes the same passages. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = 'the course was useful because my employer paid for it but finding time after work was hard and the platform kept changing its deadlines so I asked my manager for support and colleagues helped with the assignments'.split(' ');

function sentence(next: () => number, words: number): string {
  const out = Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)]!);
  out[0] = out[0]![0]!.toUpperCase() + out[0]!.slice(1);
  return `${out.join(' ')}.`;
}

/** An interview transcript of `turns` exchanges, as a meeting tool's text download reads. */
export function transcript(seed: number, turns: number, who: string): string {
  const next = rng(seed);
  const lines: string[] = [];
  for (let i = 0; i < turns; i++) {
    lines.push(`Interviewer: ${sentence(next, 6 + Math.floor(next() * 6))}`);
    lines.push(`${who}: ${sentence(next, 20 + Math.floor(next() * 30))} ${sentence(next, 10 + Math.floor(next() * 20))}`);
  }
  return `${lines.join('\n\n')}\n`;
}

export const CODE_NAMES = ['Motivation', 'Barriers', 'Support'] as const;

/** A project of three interviews and a small codebook (Barriers has a sub-code Cost). */
export async function generatedProject(t: TestHost, name: string): Promise<{ codes: Map<string, Code>; sources: { id: number; name: string }[] }> {
  await t.ok('project.create', { path: join(t.dir, `${name}.marginalia`), template: 'empty' });
  for (const [i, who] of ['P1', 'P2', 'P3'].entries()) {
    const staged = await stageOne(t, `Interview ${who}.txt`, new TextEncoder().encode(transcript(100 + i, 6 + i * 2, who)));
    await run(t, [suggestedOptions(staged, await preview(t, staged))]);
  }
  const codes = new Map<string, Code>();
  for (const n of CODE_NAMES) codes.set(n, await t.ok('codes.create', { name: n, parentId: null }));
  codes.set('Cost', await t.ok('codes.create', { name: 'Cost', parentId: codes.get('Barriers')!.id }));
  return { codes, sources: (await t.ok('sources.list', {})).map((s) => ({ id: s.id, name: s.name })) };
}

/** A coder's copy written where the coder keeps it. */
export function saveCopy(t: TestHost, copy: CoderCopy, name: string): string {
  const path = join(t.dir, name);
  writeFileSync(path, Buffer.from(copy.file.base64, 'base64'));
  return path;
}

/** The copy opened in the coder's own app (another Host, their name as coder), for `work`, then closed. */
export async function asCoder<T>(t: TestHost, coder: string, path: string, work: (ok: TestHost['ok']) => Promise<T>): Promise<T> {
  const host = new Host({ home: join(t.dir, `home-${coder}`), clock: () => new Date(FIXED_TIME.getTime() + 86_400_000), coderName: coder });
  const ok: TestHost['ok'] = async (method, input) => {
    const r = await host.call(method, input);
    if (!r.ok) throw new Error(`${coder}: ${method} failed: ${r.error.code}: ${r.error.message}`);
    return r.value as never;
  };
  try {
    await ok('project.open', { path });
    return await work(ok);
  } finally {
    host.close();
  }
}

/** A merge refused while a question is unanswered: `invalid_input` on decisions, its message saying `says`, nothing in the project changed. */
export async function expectMergeRefused(t: TestHost, stagedId: string, says: string): Promise<void> {
  const before = tableCounts(t.host);
  const refused = await t.host.call('team.merge', { stagedId });
  expect(refused.ok).toBe(false);
  if (!refused.ok) expect(refused.error).toMatchObject({ code: 'invalid_input', field: 'decisions', message: expect.stringContaining(says) });
  expect(tableCounts(t.host)).toEqual(before);
}

export type Span = { start: number; end: number };

/**
 * What a coder codes in a source: for each respondent turn and code, with probability `rate`,
 * a span inside the turn. `like` (another coder's spans by code) is followed with probability
 * `follow`, its ends moved a few characters, so two coders agree often but not always.
 */
export function codeSource(
  next: () => number,
  turns: readonly Span[],
  codeIds: readonly number[],
  rate: number,
  like?: { spans: Map<number, Span[]>; follow: number },
): Map<number, Span[]> {
  const out = new Map<number, Span[]>();
  for (const codeId of codeIds) {
    const spans: Span[] = [];
    for (const turn of turns) {
      const theirs = like?.spans.get(codeId)?.find((s) => s.start >= turn.start && s.end <= turn.end);
      if (like && next() < like.follow) {
        if (theirs) {
          const start = Math.max(turn.start, theirs.start + Math.floor(next() * 7) - 3);
          const end = Math.min(turn.end, Math.max(start + 1, theirs.end + Math.floor(next() * 7) - 3));
          spans.push({ start, end });
        }
        continue;
      }
      if (next() >= rate) continue;
      const length = turn.end - turn.start;
      const start = turn.start + Math.floor(next() * length * 0.5);
      const end = Math.min(turn.end, start + 5 + Math.floor(next() * length * 0.5));
      spans.push({ start, end });
    }
    out.set(codeId, spans);
  }
  return out;
}

// ---- statistics computed here, character by character, without the app's functions -------

/** Per character (or unit) of the compared material: 1 coded, 0 not, null missing; one array per coder. */
export type Ratings = (0 | 1 | null)[][];

export function cohenKappaOf(a: readonly (0 | 1)[], b: readonly (0 | 1)[]): { percent: number; kappa: number; neitherShare: number } {
  const n = a.length;
  let both = 0;
  let neither = 0;
  let aYes = 0;
  let bYes = 0;
  for (let i = 0; i < n; i++) {
    if (a[i] === 1 && b[i] === 1) both++;
    if (a[i] === 0 && b[i] === 0) neither++;
    aYes += a[i]!;
    bYes += b[i]!;
  }
  const po = (both + neither) / n;
  const pe = (aYes / n) * (bYes / n) + (1 - aYes / n) * (1 - bYes / n);
  return { percent: po, kappa: (po - pe) / (1 - pe), neitherShare: neither / (both + neither) };
}

/** Krippendorff's alpha, nominal, two values, from the definition: coincidences within each unit over pairable values. */
export function alphaOf(ratings: Ratings): number {
  const units = ratings[0]!.length;
  const o = [
    [0, 0],
    [0, 0],
  ];
  for (let u = 0; u < units; u++) {
    const values = ratings.map((r) => r[u]).filter((v): v is 0 | 1 => v !== null);
    const m = values.length;
    if (m < 2) continue;
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) if (i !== j) o[values[i]!]![values[j]!]! += 1 / (m - 1);
  }
  const n0 = o[0]![0]! + o[0]![1]!;
  const n1 = o[1]![0]! + o[1]![1]!;
  const n = n0 + n1;
  const observed = o[0]![1]! + o[1]![0]!;
  const expected = (2 * n0 * n1) / (n - 1);
  return 1 - observed / expected;
}
