import { ApiFailure } from '../../../../shared/api/errors.ts';
import type { ImportFileOptions, ImportedFile, ImportReport } from '../../../../shared/domain/import-types.ts';
import type { Ctx } from '../../context.ts';
import { labelOperation, q } from '../../undo/labels.ts';
import { deferSearchIndex } from '../../repositories/import-search-index.ts';
import { recordJobOperation } from '../../undo/recorder.ts';
import { Batch, sourceNameOf } from './batch.ts';
import { ImportError, reasonOf } from '../parsers/errors.ts';
import { startJob } from './jobs.ts';
import { parseOffThread } from './parse-pool.ts';
import type { ParsedSource } from '../parsers/parse-source.ts';
import type { ParseInput } from './parse-wire.ts';
import { planQuestionnaire } from './questionnaire-plan.ts';
import { discard, getStaged, rememberedParse, type Staged } from './staging.ts';
import { writeQuestionnaire } from './write-questionnaire.ts';
import { speakersOf, writeDocument, writeInterview, type FileTarget } from './write-text-sources.ts';

/**
 * Files handed to the parsing thread ahead of the one being written: at most this many, and
 * at most this much input between them (one file always), so memory stays flat however
 * large the batch.
 */
const AHEAD_FILES = 4;
const AHEAD_BYTES = 16 * 1024 * 1024;

/** The writing thread yields to the event loop (progress out, cancel in) at least this often. */
const YIELD_MS = 15;

type Item = { options: ImportFileOptions; staged: Staged; target: FileTarget };

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Problems with a file's content become `bad_file` failures that name the file. */
function asFileFailure(error: unknown, name: string, field: string): unknown {
  if (error instanceof ImportError) return new ApiFailure('bad_file', error.message, field);
  if (error instanceof ApiFailure) return error;
  return new ApiFailure('bad_file', `${name} could not be imported: ${reasonOf(error)}`, field);
}

/** What can be checked without the store: the options fit the file. */
function checkOptions(parsed: ParsedSource, options: ImportFileOptions, target: FileTarget): void {
  if (parsed.kind === 'questionnaire') {
    if (!options.questionnaire) {
      throw new ApiFailure('invalid_input', `${target.fileName}: choose the respondent id column and what the other columns are`, `${target.field}.questionnaire`);
    }
    planQuestionnaire(parsed.table, target.fileName, options.questionnaire, `${target.field}.questionnaire`);
  } else if (parsed.kind === 'interview') {
    const mapped = new Set((options.interview?.speakers ?? []).map((s) => s.speaker));
    const missing = speakersOf(parsed).filter((s) => !mapped.has(s));
    if (missing.length > 0) {
      throw new ApiFailure('invalid_input', `${target.fileName}: say who ${missing.map((s) => `"${s}"`).join(', ')} ${missing.length === 1 ? 'is' : 'are'} (a participant, a new participant, the interviewer, or someone else)`, `${target.field}.interview.speakers`);
    }
  }
}

/** A file's parse: a preview's, a staging error, or the parsing thread's (every format, PDF and XLSX included). */
function parseInput(item: Item): { ready: Promise<ParsedSource> } | { input: ParseInput } {
  const { staged, options } = item;
  const remembered = rememberedParse<ParsedSource>(staged.stagedId, options.kind);
  if (remembered) return { ready: Promise.resolve(remembered) };
  // A file that failed staging: refused with its place in the list, as other per-file failures are.
  if (staged.error !== null || staged.held === null) return { ready: Promise.reject(new ApiFailure('bad_file', staged.error ?? `${staged.name} cannot be read`, item.target.field)) };
  const held = staged.held;
  return { input: { name: staged.name, kind: options.kind, ...('path' in held ? { path: held.path } : { bytes: held.bytes }) } };
}

/**
 * The files' parses, in order. The parsing thread is handed the next files (AHEAD_FILES /
 * AHEAD_BYTES); when the writing thread needs one the parsing thread has not started yet, it
 * parses that file itself rather than wait (parse-pool.ts, work stealing), so on a busy
 * machine neither thread idles for the other. A parse that fails while nobody waits for it
 * yet is held until its turn (never unhandled).
 */
function readAhead(items: readonly Item[]) {
  type Ahead = { promise: Promise<ParsedSource>; steal: () => boolean; settled: boolean };
  const parses = new Map<number, Ahead>();
  let next = 0;
  const handOut = (current: number) => {
    let bytes = 0;
    for (let i = current; i < next; i++) bytes += items[i]!.staged.size;
    while (next < items.length && next - current < AHEAD_FILES && (next === current || bytes + items[next]!.staged.size <= AHEAD_BYTES)) {
      const how = parseInput(items[next]!);
      const handed = 'ready' in how ? { promise: how.ready, steal: () => false } : parseOffThread(how.input);
      const ahead: Ahead = { ...handed, settled: false };
      handed.promise.then(
        () => void (ahead.settled = true),
        () => void (ahead.settled = true),
      );
      parses.set(next, ahead);
      bytes += items[next]!.staged.size;
      next++;
    }
  };
  handOut(0);
  return async (index: number): Promise<ParsedSource> => {
    const ahead = parses.get(index)!;
    parses.delete(index);
    // Not back yet and not started over there: parse it here (it settles the same promise).
    if (!ahead.settled) ahead.steal();
    const parsed = await ahead.promise;
    handOut(index + 1);
    return parsed;
  };
}

function write(batch: Batch, item: Item, parsed: ParsedSource): ImportedFile {
  if (parsed.kind === 'interview') return writeInterview(batch, item.target, parsed, item.options.interview);
  if (parsed.kind === 'document') return writeDocument(batch, item.target, parsed);
  return writeQuestionnaire(batch, item.target, parsed.table, item.options.questionnaire!);
}

/**
 * Imports a batch: all files or none. The files stream into one transaction, recorded as one
 * undoable operation: while file n is written, the files after it are read and parsed on a
 * second thread (parse-pool.ts). Between files the job yields, so progress is sent and
 * import.cancel arrives; a cancel or any bad file rolls the whole batch back. The transaction
 * stays open across those yields, so the job runs under the dispatcher's exclusive gate: no
 * other request runs inside it, and none sees its rows before they are committed.
 */
export async function runImport(ctx: Ctx, input: { jobId?: string | undefined; files: ImportFileOptions[] }): Promise<ImportReport> {
  const job = startJob(input.jobId);
  const total = input.files.length;
  const progress = (label: string, done: number, end?: { error?: string }) =>
    ctx.progress?.({ jobId: job.id, label, done, total, ...(end ? { finished: true, ...end } : {}) });
  try {
    const seen = new Set<string>();
    const items: Item[] = input.files.map((options, index) => {
      const field = `files.${index}`;
      if (seen.has(options.stagedId)) throw new ApiFailure('invalid_input', `The same staged file is listed twice (files.${index})`, `${field}.stagedId`);
      seen.add(options.stagedId);
      const staged = getStaged(options.stagedId, `${field}.stagedId`);
      return { options, staged, target: { fileName: staged.name, sourceName: options.name ?? sourceNameOf(staged.name), field } };
    });
    const parsedAt = readAhead(items);
    const summary = { files: items.map((i) => ({ file: i.staged.name, kind: i.options.kind })) };
    const report = await recordJobOperation(ctx, 'import.run', summary, job.check, async (): Promise<ImportReport> => {
      const batch = new Batch(ctx);
      const search = deferSearchIndex(ctx.db);
      const files: ImportedFile[] = [];
      let lastYield = performance.now();
      for (const [index, item] of items.entries()) {
        job.check();
        progress(`Importing ${item.staged.name}`, index);
        let parsed: ParsedSource;
        try {
          parsed = await parsedAt(index);
          job.check();
          checkOptions(parsed, item.options, item.target);
        } catch (error) {
          throw asFileFailure(error, item.staged.name, item.target.field);
        }
        files.push(write(batch, item, parsed));
        // Let progress out and a cancel in, even when the next file is parsed already.
        if (performance.now() - lastYield >= YIELD_MS) {
          await nextTurn();
          lastYield = performance.now();
        }
      }
      job.check();
      job.startWriting();
      progress('Saving to the project', total);
      search.indexNew();
      labelOperation(ctx.db, files.length === 1 ? `Import ${q(files[0]!.name)}` : `Import ${files.length} files`);
      ctx.audit('import', 'batch', null, { job: job.id, ...summary, participantsCreated: batch.created.map((c) => c.label) });
      return { jobId: job.id, files, participantsCreated: batch.created };
    });
    discard(input.files.map((f) => f.stagedId));
    progress('Imported', total, {});
    return report;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    progress(error instanceof ApiFailure && error.code === 'cancelled' ? 'Cancelled' : 'Import failed', 0, { error: message });
    throw error;
  } finally {
    job.end();
  }
}
