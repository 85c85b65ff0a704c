/**
 * anonymize.apply: the pseudonymized copy and its key, each a new file, appearing only when
 * complete. The original is only read (one `VACUUM INTO` to a working copy, never a write);
 * the working copy is rewritten (copy-writer.ts), copied again into a fresh file with no free
 * pages and no WAL, checked (its bytes scanned for every replaced original, `verify` passing),
 * and only then put in place beside the encrypted key.
 */
import { existsSync, linkSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { ApiFailure } from '../../../shared/api/errors.ts';
import type { AnonymizeResult, KeyContents } from '../../../shared/domain/anonymize/api-types.ts';
import { fold } from '../../../shared/domain/anonymize/fold.ts';
import { DEFAULT_RULES, type RuleSettings } from '../../../shared/domain/anonymize/types.ts';
import { makeCtx, type Ctx } from '../context.ts';
import { Db } from '../db/database.ts';
import { runExchangeJob, type Step } from '../exchange/job.ts';
import { decisionCoders, listDecisions, participantNames } from '../repositories/anonymize.ts';
import { copyDatabaseTo, prepareWorkingCopy, schemaText, searchIndexHas } from '../repositories/anonymize-copy.ts';
import { chainHead } from '../repositories/audit.ts';
import { scanBytes, wordsOf } from './byte-scan.ts';
import { writeCopy } from './copy-writer.ts';
import { detect, loadConfig, readProjectFields } from './detection.ts';
import { encryptKey } from './key-file.ts';
import type { Replacer } from './sweep.ts';
import { verifyProject } from './verify.ts';

export const ANONYMIZE_JOB = { name: 'anonymize', cancelled: 'Pseudonymization cancelled: no copy and no key were written' };
const EXTENSION = '.marginalia';

export type ApplyInput = {
  jobId?: string | undefined;
  out: string;
  keyPath: string;
  passphrase: string;
  lists?: { names: string; terms: string; rules: Partial<RuleSettings> } | undefined;
  acceptAll?: boolean | undefined;
};

const taken = (path: string): boolean => [path, `${path}-wal`, `${path}-shm`].some((p) => existsSync(p));

function assertFolder(path: string, what: string, field: string): void {
  let ok = false;
  try {
    ok = statSync(dirname(path)).isDirectory();
  } catch {
    ok = false;
  }
  if (!ok) throw new ApiFailure('invalid_input', `The folder for the ${what} does not exist: ${dirname(path)}`, field);
}

/** Where the copy and the key go; refused (nothing written) when either exists or they collide. */
export function resolveTargets(projectPath: string, out: string, keyPath: string): { out: string; keyPath: string } {
  const copy = extname(out).toLowerCase() === EXTENSION ? resolve(out) : resolve(`${out}${EXTENSION}`);
  const key = resolve(keyPath);
  const project = resolve(projectPath);
  if (copy === project) throw new ApiFailure('invalid_input', 'The copy must be a new file, not the project itself', 'out');
  if (key === project || key === copy || key.startsWith(`${copy}-`) || key.startsWith(`${project}-`)) {
    throw new ApiFailure('invalid_input', 'The key must be a file of its own, apart from the project and the copy', 'keyPath');
  }
  if (extname(key).toLowerCase() === EXTENSION) throw new ApiFailure('invalid_input', `The key file must not end in ${EXTENSION}: it is not a project`, 'keyPath');
  assertFolder(copy, 'copy', 'out');
  assertFolder(key, 'key', 'keyPath');
  if (taken(copy)) throw new ApiFailure('conflict', `${copy} already exists: choose a new file for the copy (nothing was written)`, 'out');
  if (existsSync(key)) throw new ApiFailure('conflict', `${key} already exists: choose a new file for the key (nothing was written)`, 'keyPath');
  return { out: copy, keyPath: key };
}

/** Puts a finished file in place without ever replacing one that appeared meanwhile. */
function place(from: string, to: string): void {
  try {
    linkSync(from, to);
    unlinkSync(from);
  } catch (err) {
    if ((err as { code?: string }).code === 'EEXIST') throw new ApiFailure('conflict', `${to} appeared while the copy was being made; nothing was written`, 'out');
    if (existsSync(to)) throw err;
    renameSync(from, to);
  }
}

/** The originals a copy must not hold: every form replaced, except forms a decision kept elsewhere. */
const originalsOf = (replacer: Replacer): Set<string> =>
  new Set([...replacer.replaced.values()].flatMap((t) => [...t.written]).filter((w) => !replacer.kept.has(fold(w))));

export async function applyAnonymization(ctx: Ctx, input: ApplyInput): Promise<AnonymizeResult> {
  const targets = resolveTargets(ctx.db.path, input.out, input.keyPath);
  return runExchangeJob(ctx, input.jobId, ANONYMIZE_JOB, { done: () => 'Pseudonymized copy made', failed: 'Pseudonymization failed' }, async (step: Step) => {
    const tmp = mkdtempSync(join(dirname(targets.out), '.marginalia-pseudonymizing-'));
    try {
      return await build(ctx, targets, input, tmp, step);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
}

async function build(ctx: Ctx, targets: { out: string; keyPath: string }, input: ApplyInput, tmp: string, step: Step): Promise<AnonymizeResult> {
  await step('Copying the project', 0, 1);
  const work = join(tmp, `work${EXTENSION}`);
  copyDatabaseTo(ctx.db, work);
  const decisions = new Map(input.acceptAll ? [] : listDecisions(ctx.db).map((d) => [d.key, { decision: d.decision, replacement: d.replacement }]));
  const reviewers = input.acceptAll ? [] : decisionCoders(ctx.db);
  const originalHead = chainHead(ctx.db).hash;
  const participants = participantNames(ctx.db).filter((p) => p.name.trim() !== '').map((p) => ({ label: p.label, name: p.name }));

  const db = new Db(work, { create: false });
  const final = join(tmp, `copy${EXTENSION}`);
  let outcome;
  try {
    prepareWorkingCopy(db);
    const config = loadConfig(db, input.lists ? { names: input.lists.names, terms: input.lists.terms, rules: { ...DEFAULT_RULES, ...input.lists.rules } } : undefined);
    if (config.problems.length > 0) {
      const first = config.problems.slice(0, 3).map((p) => `${p.list} list, ${p.message}`).join('; ');
      throw new ApiFailure('invalid_input', `Correct the lists first (${first}); nothing was written`, config.problems[0]!.list);
    }
    const run = await detect(config, readProjectFields(db), (done, total) => step('Finding identifiers', done, total));
    const workCtx = makeCtx(db, ctx.coderId, () => new Date(ctx.now()));
    db.begin();
    try {
      outcome = await writeCopy(db, workCtx, run, decisions, reviewers, (done, total) => step('Rewriting the copy', done, total));
      db.commit();
    } catch (err) {
      db.rollback();
      throw err;
    }
    await step('Checking the copy', 0, 1);
    // A fresh file: only live pages, nothing the rewriting freed.
    copyDatabaseTo(db, final);
  } finally {
    db.close();
    rmSync(work, { force: true });
  }
  const originals = originalsOf(outcome.replacer);
  const check = new Db(final, { create: false, readonly: true });
  try {
    const left = scanBytes(readFileSync(final), originals, wordsOf(schemaText(check)));
    const indexed = [...originals].filter((o) => /^[\p{L}\p{N}]+$/u.test(o) && searchIndexHas(check, o));
    if (left.length > 0 || indexed.length > 0) {
      const what = [...left.map((l) => `“${l.original}” (${l.hits}×)`), ...indexed.map((o) => `“${o}” in the search index`)].slice(0, 5).join(', ');
      throw new ApiFailure('internal', `The copy would still hold ${what}; nothing was written`);
    }
    const verified = verifyProject(check);
    if (!verified.ok) throw new ApiFailure('internal', `The copy does not verify (${verified.problems.slice(0, 3).join('; ')}); nothing was written`);
  } finally {
    check.close();
  }

  const key: KeyContents = {
    createdAt: outcome.report.at,
    copy: basename(targets.out),
    copyChainHead: outcome.report.chainHead,
    originalChainHead: originalHead,
    rules: outcome.report.rules,
    participants,
    entries: [...outcome.replacer.replaced].map(([termKey, t]) => ({
      kind: t.kind,
      original: outcome.replacer.label(termKey),
      written: [...t.written],
      replacement: t.replacement,
      occurrences: t.occurrences,
    })),
  };
  const keyTmp = join(dirname(targets.keyPath), `.${basename(targets.keyPath)}.${process.pid}.partial`);
  writeFileSync(keyTmp, encryptKey(key, input.passphrase), { mode: 0o600, flag: 'wx' });
  try {
    place(final, targets.out);
    try {
      place(keyTmp, targets.keyPath);
    } catch (err) {
      rmSync(targets.out, { force: true });
      throw err;
    }
  } finally {
    rmSync(keyTmp, { force: true });
  }
  await step('Pseudonymized copy made', 1, 1);
  return { out: targets.out, keyPath: targets.keyPath, report: outcome.report };
}
