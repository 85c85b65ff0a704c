import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileNameFor } from '../../../shared/domain/analysis/csv.ts';
import type { CoderCopy } from '../../../shared/domain/team/api-types.ts';
import type { CopyManifest } from '../../../shared/domain/team/merge-types.ts';
import type { Ctx } from '../context.ts';
import { Db } from '../db/database.ts';
import type { Step } from '../exchange/job.ts';
import { GuidBook } from '../exchange/guid.ts';
import { replaceAuditLog } from '../repositories/anonymize-copy.ts';
import { insertAuditEntry } from '../repositories/audit.ts';
import { exchangeSeed, listExchangeGuids, storeExchangeGuid } from '../repositories/exchange.ts';
import { counts, ensureCoder, getCoder, getMeta, setMeta } from '../repositories/meta.ts';
import { clearHistory, copyProjectFile, lastIds, removeOthersCodings, teamCoders, teamCodes, teamParticipants, teamSources, vacuumFile } from '../repositories/team.ts';
import { heldRows, MANIFEST_KEY, shownManifest } from './rows.ts';

export const MARGINALIA_MIME = 'application/vnd.sqlite3';

/**
 * Makes a coder's copy of the open project (team.distribute): a consistent copy of the file
 * (VACUUM INTO a folder of our own; the project is only read), then, in the copy alone:
 *
 * - every code, source, coder and participant keeps the GUID it has here, stored, and the copy
 *   gets a seed of its own, so what the coder creates there never shares an identity with
 *   what is created here meanwhile (a merge matches codes by identity first);
 * - a blind copy loses the other coders' codings, the memos on them, the reconciliations and
 *   the audit log (whose entries name every coding's span), and is vacuumed so no deleted
 *   page keeps them;
 * - the undo history goes (its row images would show what a blind copy hides);
 * - the manifest records who it is for, when it was made, the codes, the last coding and memo
 *   it held and every coding (id, code, extent) and memo it held, so the merge brings back
 *   what was done in the copy: what was made there, and what was deleted or changed there.
 */
export async function makeCoderCopy(ctx: Ctx, input: { coder: string; blind: boolean }, step: Step): Promise<CoderCopy> {
  const dir = mkdtempSync(join(tmpdir(), 'marginalia-copy-'));
  const path = join(dir, 'copy.marginalia');
  try {
    await step('Copying the project', 0, 3);
    const projectName = getMeta(ctx.db, 'name') ?? 'Project';
    copyProjectFile(ctx.db, path);
    await step('Preparing the coder’s copy', 1, 3);
    const copy = new Db(path, { create: false });
    let result: Omit<CoderCopy, 'file'>;
    try {
      result = copy.transaction(() => prepareCopy(copy, ctx, projectName, input));
      // A blind copy must not keep the others' codings in free pages of the file.
      vacuumFile(copy);
    } finally {
      copy.close();
    }
    await step('Reading the copy', 2, 3);
    const bytes = readFileSync(path);
    await step('Done', 3, 3);
    return { ...result, file: { fileName: fileNameFor(`${projectName} ${input.coder}`, 'marginalia'), mime: MARGINALIA_MIME, base64: bytes.toString('base64') } };
  } finally {
    rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  }
}

function prepareCopy(db: Db, ctx: Ctx, projectName: string, input: { coder: string; blind: boolean }): Omit<CoderCopy, 'file'> {
  const now = ctx.now();
  const guids = new GuidBook(exchangeSeed(db), listExchangeGuids(db));
  for (const c of teamCodes(db)) storeExchangeGuid(db, 'code', c.id, guids.of('code', c.id));
  for (const s of teamSources(db)) storeExchangeGuid(db, 'source', s.id, guids.of('source', s.id));
  for (const c of teamCoders(db)) storeExchangeGuid(db, 'coder', c.id, guids.of('coder', c.id));
  for (const p of teamParticipants(db)) storeExchangeGuid(db, 'participant', p.id, guids.of('participant', p.id));
  setMeta(db, 'exchange_seed', randomBytes(16).toString('hex'));

  const coder = ensureCoder(db, input.coder, now);
  const removed = input.blind ? removeOthersCodings(db, coder.id) : { codings: 0, memos: 0 };
  clearHistory(db);
  if (input.blind) replaceAuditLog(db, []);
  setMeta(db, 'is_demo', '0');
  setMeta(db, 'name', `${projectName} – ${coder.name}`);
  const last = lastIds(db);
  const manifest: CopyManifest = {
    projectName,
    madeAt: now,
    coder: coder.name,
    blind: input.blind,
    codes: teamCodes(db).map((c) => ({ guid: guids.of('code', c.id), name: c.name })),
    lastCodingId: last.coding,
    lastMemoId: last.memo,
    held: heldRows(db),
  };
  setMeta(db, MANIFEST_KEY, JSON.stringify(manifest));
  insertAuditEntry(db, { at: now, coderId: coder.id, action: 'distribute', entity: 'project', entityId: null, detail: { from: projectName, coder: coder.name, blind: input.blind, madeBy: getCoder(ctx.db, ctx.coderId)?.name ?? null } });
  const n = counts(db);
  return { manifest: shownManifest(manifest), counts: { sources: n.sources, codes: n.codes, codings: n.codings, memos: n.memos, codingsLeftOut: removed.codings, memosLeftOut: removed.memos } };
}
