import { ApiFailure } from '../../../shared/api/errors.ts';
import type { ImportFileOptions, ImportedFile, ImportReport } from '../../../shared/domain/import-types.ts';
import type { Ctx } from '../context.ts';
import { labelOperation, q } from '../undo/labels.ts';
import { prepareRecording, recordOperation } from '../undo/recorder.ts';
import { Batch, sourceNameOf } from './batch.ts';
import { ImportError, reasonOf } from './errors.ts';
import { startJob } from './jobs.ts';
import { ASYNC_FORMATS, parseSource, parseSourceSync, type ParsedSource } from './parse-source.ts';
import { planQuestionnaire } from './questionnaire-plan.ts';
import { discard, getStaged, readStaged, rememberParse, type Staged } from './staging.ts';
import { writeQuestionnaire } from './write-questionnaire.ts';
import { speakersOf, writeDocument, writeInterview, type FileTarget } from './write-text-sources.ts';

/**
 * Parsed files kept in memory between the two phases, at most this many bytes of input;
 * the rest are parsed again while writing, so memory stays flat however large the batch.
 */
const KEEP_PARSED_BYTES = 16 * 1024 * 1024;

type Planned = { options: ImportFileOptions; staged: Staged; target: FileTarget; parsed: ParsedSource | null };

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

function write(batch: Batch, p: Planned): ImportedFile {
  let parsed = p.parsed;
  if (!parsed) {
    try {
      parsed = parseSourceSync(p.staged.name, readStaged(p.staged), p.options.kind);
    } catch (error) {
      throw asFileFailure(error, p.staged.name, p.target.field);
    }
  }
  if (parsed.kind === 'interview') return writeInterview(batch, p.target, parsed, p.options.interview);
  if (parsed.kind === 'document') return writeDocument(batch, p.target, parsed);
  return writeQuestionnaire(batch, p.target, parsed.table, p.options.questionnaire!);
}

/**
 * Imports a batch: all files or none. Phase 1 reads, parses and checks each file in turn,
 * yielding between files so progress is sent and a cancel can arrive. Phase 2 writes
 * everything in one transaction, recorded as one undoable operation.
 */
export async function runImport(ctx: Ctx, input: { jobId?: string | undefined; files: ImportFileOptions[] }): Promise<ImportReport> {
  const job = startJob(input.jobId);
  const total = input.files.length;
  const progress = (label: string, done: number, end?: { error?: string }) =>
    ctx.progress?.({ jobId: job.id, label, done, total, ...(end ? { finished: true, ...end } : {}) });
  try {
    const seen = new Set<string>();
    const planned: Planned[] = [];
    let kept = 0;
    for (const [index, options] of input.files.entries()) {
      job.check();
      const field = `files.${index}`;
      if (seen.has(options.stagedId)) throw new ApiFailure('invalid_input', `The same staged file is listed twice (files.${index})`, `${field}.stagedId`);
      seen.add(options.stagedId);
      const staged = getStaged(options.stagedId, `${field}.stagedId`);
      const target: FileTarget = { fileName: staged.name, sourceName: options.name ?? sourceNameOf(staged.name), field };
      progress(`Reading ${staged.name}`, index);
      let parsed: ParsedSource;
      try {
        parsed = await rememberParse(staged.stagedId, options.kind, () => parseSource(staged.name, readStaged(staged), options.kind));
      } catch (error) {
        throw asFileFailure(error, staged.name, field);
      }
      try {
        checkOptions(parsed, options, target);
      } catch (error) {
        throw asFileFailure(error, staged.name, field);
      }
      const keep = (staged.format !== null && ASYNC_FORMATS.has(staged.format)) || kept + staged.size <= KEEP_PARSED_BYTES;
      if (keep) kept += staged.size;
      planned.push({ options, staged, target, parsed: keep ? parsed : null });
      await nextTurn();
    }
    job.check();
    job.startWriting();
    progress('Writing to the project', total);
    prepareRecording(ctx.db);
    const summary = { files: planned.map((p) => ({ file: p.staged.name, kind: p.options.kind })) };
    const report = ctx.db.transaction(() =>
      recordOperation(ctx, 'import.run', summary, (): ImportReport => {
        const batch = new Batch(ctx);
        const files = planned.map((p) => write(batch, p));
        labelOperation(ctx.db, files.length === 1 ? `Import ${q(files[0]!.name)}` : `Import ${files.length} files`);
        ctx.audit('import', 'batch', null, { job: job.id, ...summary, participantsCreated: batch.created.map((c) => c.label) });
        return { jobId: job.id, files, participantsCreated: batch.created };
      }),
    );
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
