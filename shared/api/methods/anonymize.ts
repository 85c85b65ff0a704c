import { z } from 'zod';
import { command, job, query } from '../define.ts';
import { filePath, freeText, label } from '../schemas.ts';
import type { AnonymizeResult, AnonymizeSettings, DetectionSummary, KeyContents, OccurrencePage, TermPage } from '../../domain/anonymize/api-types.ts';

const jobId = z.string().min(1, 'jobId must not be empty').max(100);
const kind = z.enum(['name', 'term', 'email', 'url', 'phone', 'id', 'date', 'candidate']);
const decision = z.enum(['accept', 'reject']).nullable();
const key = z.string().min(1, 'the key must not be empty').max(2000);
const rulesInput = z.object({ email: z.boolean(), url: z.boolean(), phone: z.boolean(), id: z.boolean(), date: z.boolean(), candidate: z.boolean() }).partial().strict();
const passphrase = z.string().min(8, 'the passphrase must be at least 8 characters').max(1024);

/**
 * Pseudonymization (issue 12): detect identifiers, review them (saved as it goes), and make a
 * pseudonymized copy in a new file with its key in another, encrypted. The original project
 * is never written by anonymize.apply.
 */
export const anonymizeMethods = {
  /** The names and terms lists, the rules switched on, and the lists' problems. */
  'anonymize.settings': query(z.object({}).strict()).returns<AnonymizeSettings>(),
  /** Saves the lists and rules (each optional: what is left out stays). The detection must run again. */
  'anonymize.saveSettings': command(
    z
      .object({
        names: freeText('Names list', 200_000).optional(),
        terms: freeText('Terms list', 200_000).optional(),
        rules: rulesInput.optional(),
      })
      .strict(),
  ).returns<AnonymizeSettings>(),
  /** Runs every rule over every text; the review reads the result. Reports progress under jobId; anonymize.cancel stops it. */
  'anonymize.detect': job(z.object({ jobId: jobId.optional() }).strict()).returns<DetectionSummary>(),
  /** The terms found, grouped, a page at a time: a kind, a state, a search in the term or its replacement. */
  'anonymize.terms': query(
    z
      .object({
        kind: kind.optional(),
        status: z.enum(['proposed', 'accept', 'reject']).optional(),
        search: z.string().max(200).optional(),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
  ).returns<TermPage>(),
  /** One term's occurrences, each in its context. */
  'anonymize.occurrences': query(
    z.object({ termKey: key, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(50) }).strict(),
  ).returns<OccurrencePage>(),
  /**
   * Accepts or rejects a whole rule, a term or one occurrence (null: back to what the wider
   * decision says); a term may get its own replacement. Saved at once.
   */
  'anonymize.decide': command(
    z.discriminatedUnion('scope', [
      z.object({ scope: z.literal('rule'), kind, decision }).strict(),
      z.object({ scope: z.literal('term'), termKey: key, decision, replacement: label('Replacement', { max: 80 }).nullable().optional() }).strict(),
      z.object({ scope: z.literal('occurrence'), key, decision }).strict(),
    ]),
  ).returns<DetectionSummary>(),
  /**
   * Makes the pseudonymized copy at `out` (a new file) and its key at `keyPath` (another new
   * file), encrypted with the passphrase. Both appear only when complete; the original is
   * only read. Reports progress under jobId; anonymize.cancel stops it with nothing written.
   */
  'anonymize.apply': job(
    z
      .object({
        jobId: jobId.optional(),
        out: filePath,
        keyPath: filePath,
        passphrase,
        /** Lists and rules for this copy only (the CLI's files), instead of the saved ones; nothing is saved. */
        lists: z.object({ names: freeText('Names list', 200_000), terms: freeText('Terms list', 200_000), rules: rulesInput }).strict().optional(),
        /** Every proposal applied, the saved decisions set aside (marginalia anonymize). */
        acceptAll: z.boolean().default(false),
      })
      .strict(),
  ).returns<AnonymizeResult>(),
  /** Asks a running detection or copy to stop. False when none runs under that id. */
  'anonymize.cancel': query(z.object({ jobId }).strict()).returns<{ cancelled: boolean }>(),
  /** Opens a key file with its passphrase: which original each replacement stands for. */
  'anonymize.readKey': query(z.object({ keyPath: filePath, passphrase: z.string().min(1, 'enter the passphrase').max(1024) }).strict()).returns<KeyContents>(),
};
