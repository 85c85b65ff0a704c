/**
 * The integrity manifest: SHA-256 of every source text, of the codebook, of each source's
 * codings, and the audit chain's head. Sealing writes it into the audit log (action `seal`),
 * so it is itself covered by the chain; `verify` compares the project with its latest seal.
 */
import { createHash } from 'node:crypto';
import type { Manifest } from '../../../shared/domain/anonymize/integrity-types.ts';
import type { Ctx } from '../context.ts';
import type { Db } from '../db/database.ts';
import { allAuditRows, chainHead } from '../repositories/audit.ts';
import { codebookRows, codingRowsBySource, manifestSources } from '../repositories/manifest.ts';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const hashRows = (rows: readonly unknown[][]): string => {
  const h = createHash('sha256');
  for (const r of rows) h.update(JSON.stringify(r)).update('\n');
  return h.digest('hex');
};

export function computeManifest(db: Db): Manifest {
  const codings = codingRowsBySource(db);
  return {
    sources: manifestSources(db).map((s) => ({ id: s.id, name: s.name, sha256: sha256(s.text) })),
    codebook: hashRows(codebookRows(db)),
    codings: [...codings].sort((a, b) => a[0] - b[0]).map(([sourceId, rows]) => ({ sourceId, count: rows.length, sha256: hashRows(rows) })),
    audit: { entries: allAuditRows(db).length, head: chainHead(db).hash },
  };
}

export const SEAL_ACTION = 'seal';

/** Writes the manifest of the project as it is now into the audit log. */
export function seal(ctx: Ctx, reason: string): Manifest {
  const manifest = computeManifest(ctx.db);
  ctx.audit(SEAL_ACTION, 'project', null, { reason, manifest });
  return manifest;
}

/** A seal entry's manifest, or null when the entry does not hold one that can be read. */
export function sealedManifest(detail: string): Manifest | null {
  try {
    const parsed = JSON.parse(detail) as { manifest?: Manifest };
    const m = parsed.manifest;
    return m && Array.isArray(m.sources) && Array.isArray(m.codings) && typeof m.codebook === 'string' ? m : null;
  } catch {
    return null;
  }
}
