import { z } from 'zod';
import { command, job, query } from '../define.ts';
import { empty, id, label, offset } from '../schemas.ts';
import { fileToStage } from './exchange.ts';
import type { FileDownload } from '../../domain/analysis/types.ts';
import type { AgreementReport } from '../../domain/team/agreement.ts';
import type { CoderCopy, PassageList, ReconcileResult, TeamCoder } from '../../domain/team/api-types.ts';
import type { MergePlan, MergeReport, StagedCopy } from '../../domain/team/merge-types.ts';

const stagedId = z.string().min(1, 'stagedId must not be empty').max(64);
const jobId = z.string().min(1, 'jobId must not be empty').max(100);
const ids = (what: string, max = 10000) => z.array(id).max(max, `${what}: at most ${max}`);

/** The researcher's answers to a merge's questions: item id → option value (or `map:<code id>` where offered). */
const decisions = z.record(z.string().min(1).max(200), z.string().min(1).max(200)).refine((d) => Object.keys(d).length <= 100_000, 'at most 100,000 answers');

const coderIds = ids('coderIds', 20)
  .min(2, 'choose two or more coders')
  .refine((list) => new Set(list).size === list.length, 'a coder is chosen twice');

const agreementInput = z
  .object({
    coderIds,
    /** Sources compared; every source when left out. */
    sourceIds: ids('sourceIds').min(1, 'choose at least one source').optional(),
    /** Codes compared; every code one of the coders used in those sources when left out. */
    codeIds: ids('codeIds', 5000).min(1, 'choose at least one code').optional(),
    level: z.enum(['character', 'unit']).default('character'),
  })
  .strict();

const decision = z.enum(['first', 'second', 'both', 'neither']);
const consensus = label('Consensus coder name', { max: 80 }).default('Consensus');

/** Teamwork: coders' copies out and back in, agreement between coders, reconciliation into a consensus coder. */
export const teamMethods = {
  /** Every coder with how many codings, sources and memos of theirs the project holds. */
  'team.coders': query(empty).returns<TeamCoder[]>(),
  /**
   * A coder's copy of the open project as a .marginalia file: the same sources and codebook, a
   * manifest naming the coder and this project, no undo history; `blind` leaves out every
   * other coder's codings (and the memos on them) so coding stays independent. Writes nothing here.
   */
  'team.distribute': job(z.object({ jobId: jobId.optional(), coder: label('Coder name', { max: 80 }), blind: z.boolean().default(true) }).strict()).returns<CoderCopy>(),
  /**
   * Reads a coder's copy (a .marginalia file, or a REFI-QDA .qdpx whose users are the coders):
   * bytes from the page, or a path from the command line. Held until merged or discarded;
   * nothing in the project changes.
   */
  'team.stage': job(
    z
      .object({
        jobId: jobId.optional(),
        file: fileToStage,
      })
      .strict(),
  ).returns<StagedCopy>(),
  /**
   * What merging a staged copy would do with the answers given so far: the questions (conflicts
   * have no default and must be answered), what each coder brings, counts, warnings. Writes nothing.
   */
  'team.preview': query(z.object({ stagedId, decisions: decisions.default({}) }).strict()).returns<MergePlan>(),
  /**
   * Merges a staged copy: one transaction, one undoable step. Refused while a conflict is
   * unanswered. Reports progress under jobId and returns what it did.
   */
  'team.merge': job(z.object({ jobId: jobId.optional(), stagedId, decisions: decisions.default({}) }).strict()).returns<MergeReport>(),
  /** Forgets staged copies (the dialog was closed). */
  'team.discard': query(z.object({ stagedIds: z.array(stagedId).max(100) }).strict()).returns<{ discarded: number }>(),
  /**
   * Agreement between two or more coders over chosen sources, per code and overall: percent
   * agreement, Cohen's kappa (Light's beyond two coders), the share of agreement that is text
   * neither coded, Krippendorff's alpha; at character or unit level.
   */
  'team.agreement': query(agreementInput).returns<AgreementReport>(),
  /** The agreement table as CSV or XLSX. */
  'team.exportAgreement': query(agreementInput.extend({ format: z.enum(['csv', 'xlsx']) }).strict()).returns<FileDownload>(),
  /** Passages where two coders coded a code differently, with any reconciliation decided for them. */
  'team.passages': query(
    z
      .object({
        first: id,
        second: id,
        codeIds: ids('codeIds', 5000).min(1, 'choose at least one code').optional(),
        sourceIds: ids('sourceIds').min(1, 'choose at least one source').optional(),
        /** Whose decisions to show. */
        consensus,
        limit: z.number().int().min(1).max(2000).default(200),
      })
      .strict()
      .refine((v) => v.first !== v.second, { message: 'choose two different coders', path: ['second'] }),
  ).returns<PassageList>(),
  /**
   * Settles one differing passage: the consensus coder gets the first coder's coding, the
   * second's, both, or neither there (replacing what it had inside the passage). One undoable step.
   */
  'team.reconcile': command(
    z
      .object({ first: id, second: id, sourceId: id, codeId: id, start: offset, end: offset, decision, consensus })
      .strict()
      .refine((v) => v.first !== v.second, { message: 'choose two different coders', path: ['second'] })
      .refine((v) => v.end > v.start, { message: 'end must be greater than start', path: ['end'] }),
  ).returns<ReconcileResult>(),
};
