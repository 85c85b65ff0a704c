import type { AnonymizeSettings } from '../../../shared/domain/anonymize/api-types.ts';
import { applyAnonymization } from '../anonymize/apply.ts';
import { loadConfig } from '../anonymize/detection.ts';
import { openKeyFile } from '../anonymize/key-file.ts';
import { decide, forgetDetection, occurrencePage, runDetection, termPage } from '../anonymize/review-session.ts';
import type { Db } from '../db/database.ts';
import type { HandlerMap } from '../handler-types.ts';
import { cancelJob } from '../import/pipeline/jobs.ts';
import { getAnonymizeSettings, participantNames, saveAnonymizeSettings } from '../repositories/anonymize.ts';

type M =
  | 'anonymize.settings'
  | 'anonymize.saveSettings'
  | 'anonymize.detect'
  | 'anonymize.terms'
  | 'anonymize.occurrences'
  | 'anonymize.decide'
  | 'anonymize.apply'
  | 'anonymize.cancel'
  | 'anonymize.readKey';

function settings(db: Db): AnonymizeSettings {
  const stored = getAnonymizeSettings(db);
  const config = loadConfig(db);
  return {
    names: stored.names,
    terms: stored.terms,
    rules: config.rules,
    problems: config.problems,
    participants: participantNames(db).filter((p) => p.name.trim() !== '').map((p) => ({ label: p.label, name: p.name })),
    updatedAt: stored.updatedAt,
  };
}

/** Pseudonymization: the review (see electron/backend/anonymize/README.md) and the copy. */
export const anonymizeHandlers: HandlerMap<M> = {
  'anonymize.settings': (_input, { db }) => settings(db),
  'anonymize.saveSettings': (input, ctx) => {
    const stored = getAnonymizeSettings(ctx.db);
    const rules = { ...loadConfig(ctx.db).rules, ...input.rules };
    saveAnonymizeSettings(ctx.db, { names: input.names ?? stored.names, terms: input.terms ?? stored.terms, rules: JSON.stringify(rules) }, ctx.now());
    forgetDetection(ctx.db);
    const next = settings(ctx.db);
    // Counts only: the lists hold the very names a pseudonymized copy must not.
    ctx.audit('update', 'anonymization-lists', null, { names: next.names.split('\n').filter((l) => l.trim()).length, terms: next.terms.split('\n').filter((l) => l.trim()).length, rules });
    return next;
  },
  'anonymize.detect': (input, ctx) => runDetection(ctx, input.jobId),
  'anonymize.terms': (input, { db }) => termPage(db, input),
  'anonymize.occurrences': (input, { db }) => occurrencePage(db, input.termKey, input.offset, input.limit),
  'anonymize.decide': (input, ctx) => decide(ctx, input),
  'anonymize.apply': (input, ctx) => applyAnonymization(ctx, input),
  'anonymize.cancel': (input) => ({ cancelled: cancelJob(input.jobId) }),
  'anonymize.readKey': (input) => openKeyFile(input.keyPath, input.passphrase),
};
