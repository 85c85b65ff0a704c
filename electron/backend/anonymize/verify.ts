/**
 * `verify`: is the audit chain whole, and does the project still match its latest seal?
 * Names what was tampered with: an audit entry changed, removed or added outside Marginalia;
 * a source text, the codebook or a source's codings changed since the seal; a coding whose
 * quote no longer matches its text.
 */
import type { Manifest, VerifyReport } from '../../../shared/domain/anonymize/integrity-types.ts';
import { checkProject } from '../check.ts';
import type { Db } from '../db/database.ts';
import { allAuditRows, CHAIN_START, chainHash, type AuditRow } from '../repositories/audit.ts';
import { getCoder } from '../repositories/meta.ts';
import { computeManifest, SEAL_ACTION, sealedManifest } from './manifest.ts';

const describe = (r: AuditRow): string => `audit entry #${r.id} (${r.action} ${r.entity}${r.entityId === null ? '' : ` ${r.entityId}`}, ${r.at})`;

/** Problems of the hash chain, one per broken place. */
export function chainProblems(rows: readonly AuditRow[]): string[] {
  const problems: string[] = [];
  let running = CHAIN_START;
  let previousId = 0;
  let chained = false;
  for (const r of rows) {
    if (r.id !== previousId + 1) {
      problems.push(r.id > previousId + 1 ? `audit entries #${previousId + 1}–#${r.id - 1} are missing (removed from the log)` : `${describe(r)} is out of order`);
    }
    if (r.hash === null) {
      if (chained) problems.push(`${describe(r)} has no hash: it was added outside Marginalia`);
    } else {
      chained = true;
      if (r.prevHash !== running) {
        const legacy = chained && rows[0]!.hash === null && r === rows.find((x) => x.hash !== null);
        problems.push(`${describe(r)} does not follow the entry before it: ${legacy ? 'an entry written before the audit chain began was changed, removed or added' : 'an entry before it was removed, added or reordered'}`);
      }
      if (r.hash !== chainHash(r.prevHash ?? running, r)) problems.push(`${describe(r)} was changed after it was written`);
    }
    running = r.hash ?? chainHash(running, r);
    previousId = r.id;
  }
  return problems;
}

/** What differs between the sealed manifest and the project now. */
export function manifestDifferences(sealed: Manifest, now: Manifest): string[] {
  const problems: string[] = [];
  const nowSources = new Map(now.sources.map((s) => [s.id, s]));
  const sealedSources = new Map(sealed.sources.map((s) => [s.id, s]));
  const name = (id: number) => nowSources.get(id)?.name ?? sealedSources.get(id)?.name ?? `#${id}`;
  for (const s of sealed.sources) {
    const n = nowSources.get(s.id);
    if (!n) problems.push(`source “${s.name}” (id ${s.id}) was removed since the seal`);
    else if (n.sha256 !== s.sha256) problems.push(`the text of source “${s.name}” (id ${s.id}) was changed since the seal`);
  }
  for (const s of now.sources) if (!sealedSources.has(s.id)) problems.push(`source “${s.name}” (id ${s.id}) was added since the seal`);
  if (sealed.codebook !== now.codebook) problems.push('the codebook (codes, frameworks, links) was changed since the seal');
  const nowCodings = new Map(now.codings.map((c) => [c.sourceId, c]));
  const sealedCodings = new Map(sealed.codings.map((c) => [c.sourceId, c]));
  for (const id of new Set([...nowCodings.keys(), ...sealedCodings.keys()])) {
    const a = sealedCodings.get(id);
    const b = nowCodings.get(id);
    if (a?.sha256 !== b?.sha256) problems.push(`the codings of source “${name(id)}” were changed since the seal (${a?.count ?? 0} sealed, ${b?.count ?? 0} now)`);
  }
  return problems;
}

export function verifyProject(db: Db): VerifyReport {
  const rows = allAuditRows(db);
  const problems = chainProblems(rows);
  const manifest = computeManifest(db);
  let sealRow: AuditRow | undefined;
  for (let i = rows.length - 1; i >= 0 && !sealRow; i--) if (rows[i]!.action === SEAL_ACTION && rows[i]!.entity === 'project') sealRow = rows[i];
  const sealed = sealRow ? sealedManifest(sealRow.detail) : null;
  const entriesSinceSeal = sealRow ? rows.filter((r) => r.id > sealRow.id).length : 0;
  if (sealRow && !sealed) problems.push(`${describe(sealRow)} holds no manifest that can be read`);
  if (sealed) {
    const differences = manifestDifferences(sealed, manifest);
    const note = entriesSinceSeal > 0 ? ` (${entriesSinceSeal} audit entr${entriesSinceSeal === 1 ? 'y was' : 'ies were'} written after the seal: seal again if they explain it)` : '';
    problems.push(...differences.map((d) => d + note));
  }
  for (const line of checkProject(db)) problems.push(line);
  return {
    ok: problems.length === 0,
    problems,
    manifest,
    seal: sealRow ? { entryId: sealRow.id, at: sealRow.at, coder: sealRow.coderId === null ? null : (getCoder(db, sealRow.coderId)?.name ?? null) } : null,
    entriesSinceSeal,
  };
}
