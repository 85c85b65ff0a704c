import type { HandlerMap } from '../handler-types.ts';
import { runExchangeJob } from '../exchange/job.ts';
import { codersWithWork } from '../repositories/team.ts';
import { agreementReport, exportAgreement } from '../team/agreement.ts';
import { makeCoderCopy } from '../team/distribute.ts';
import { mergeCopy, previewMerge } from '../team/merge.ts';
import { differingPassages, reconcile } from '../team/reconcile.ts';
import { discardCopies, stageCopy } from '../team/staging.ts';

type M = 'team.coders' | 'team.distribute' | 'team.stage' | 'team.preview' | 'team.merge' | 'team.discard' | 'team.agreement' | 'team.exportAgreement' | 'team.passages' | 'team.reconcile';

const COPY_JOB = { name: 'copy', cancelled: 'Cancelled: no copy was made' };
const STAGE_JOB = { name: 'read', cancelled: 'Cancelled: the copy was not read' };

/** Teamwork (issue 13); the work lives in electron/backend/team/. */
export const teamHandlers: HandlerMap<M> = {
  'team.coders': (_input, { db }) => codersWithWork(db).map((c) => ({ ...c, consensus: c.consensus === 1 })),
  'team.distribute': (input, ctx) =>
    runExchangeJob(ctx, input.jobId, COPY_JOB, { done: (c) => `Made ${c.file.fileName}`, failed: 'The copy could not be made' }, (step) => makeCoderCopy(ctx, input, step)),
  'team.stage': (input, ctx) => runExchangeJob(ctx, input.jobId, STAGE_JOB, { done: (s) => `Read ${s.name}`, failed: 'Could not read the copy' }, (step) => stageCopy(input.file, step)),
  'team.preview': (input, { db }) => previewMerge(db, input.stagedId, input.decisions),
  'team.merge': (input, ctx) => mergeCopy(ctx, input.stagedId, input.decisions, input.jobId),
  'team.discard': (input) => ({ discarded: discardCopies(input.stagedIds) }),
  'team.agreement': (input, { db }) => agreementReport(db, input),
  'team.exportAgreement': (input, { db }) => exportAgreement(db, input),
  'team.passages': (input, { db }) => differingPassages(db, input),
  'team.reconcile': (input, ctx) => reconcile(ctx, input),
};
