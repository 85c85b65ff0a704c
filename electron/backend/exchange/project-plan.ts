import type { ExchangePlan } from '../../../shared/domain/exchange-types.ts';
import type { SourceKind } from '../../../shared/domain/types.ts';
import type { Db } from '../db/database.ts';
import { listCodes, listFrameworks } from '../repositories/codes.ts';
import { listAttributes, listParticipants } from '../repositories/participants.ts';
import { codebookPreview, emptyCounts, MAX_WARNINGS } from './codebook-file.ts';
import { planCodebook } from './codebook-plan.ts';
import { cleanLabel } from './names.ts';
import { planCases } from './plan-cases.ts';
import { planNotes } from './plan-notes.ts';
import { planSources } from './plan-sources.ts';
import { Findings, type ProjectPlan } from './plan-types.ts';
import { KIND_SETS } from './project-export.ts';
import type { LoadedExchange } from './refi-file.ts';

export type Qdpx = Extract<LoadedExchange, { format: 'qdpx' }>;

const KIND_BY_SET = new Map((Object.entries(KIND_SETS) as [SourceKind, string][]).map(([kind, name]) => [name.toLowerCase(), kind]));

/** Everything a .qdpx import would write into the open project; reads the project, writes nothing. */
export function planProject(db: Db, loaded: Qdpx): ProjectPlan {
  const { project, texts } = loaded;
  const findings = new Findings();
  const codebook = planCodebook(listCodes(db), listFrameworks(db), project.codes, project.sets);
  findings.warnings.push(...codebook.warnings);
  const codeKeyOf = (guid: string) => codebook.byGuid.get(guid);

  const planned = planSources(project, texts, codeKeyOf, findings);
  const byGuid = new Map(planned.sources.map((s) => [s.guid, s]));
  const otherSets: string[] = [];
  for (const set of codebook.otherSets) {
    const kind = KIND_BY_SET.get(set.name.trim().toLowerCase());
    if (kind && set.notes.length === 0) for (const g of set.sources) { const s = byGuid.get(g); if (s) s.kind = kind; }
    else otherSets.push(set.name);
  }
  findings.skip('Sets of sources or notes', otherSets.length, otherSets.join(', '));

  const cases = planCases(project, { participants: listParticipants(db), attributes: listAttributes(db) }, planned.sources, planned.selections, findings);
  const participantOf = new Map(cases.participants.filter((p) => p.guid !== null).map((p) => [p.guid!, p]));
  const memos = [...cases.memos, ...planNotes(project, { sources: byGuid, selections: planned.selections, codings: planned.codings, codeKeyOf, participantOf, texts }, findings)];
  findings.skip('Graphs', project.graphs, 'Marginalia has no network views');

  const users = new Set(project.users.map((u) => u.guid));
  const unknown = new Set<string>();
  for (const user of [...planned.sources.flatMap((s) => s.codings.map((c) => c.user)), ...memos.map((m) => m.user)]) {
    if (user !== null && !users.has(user)) unknown.add(user);
  }
  for (const user of unknown) findings.warn(`User ${user}`, 'is not among the file’s users; what they made is credited to you');
  const coders = project.users.map((u) => ({ guid: u.guid, name: cleanLabel(u.name ?? u.id ?? '', 80).value || `User ${u.guid.slice(0, 8)}` }));
  return { codebook, coders, attributes: cases.attributes, participants: cases.participants, sources: planned.sources, memos, findings };
}

/** The preview of a plan, as the API returns it. */
export function describePlan(stagedId: string, loaded: Qdpx, plan: ProjectPlan): ExchangePlan {
  const { codebook, frameworks, codesAdded, codesMatched, frameworkElements } = codebookPreview(plan.codebook);
  const added = plan.participants.filter((p) => p.existingId === null).length;
  return {
    stagedId,
    name: loaded.name,
    format: 'qdpx',
    origin: loaded.project.origin,
    counts: {
      ...emptyCounts(),
      codesAdded,
      codesMatched,
      frameworkElements,
      coders: plan.coders.length,
      participantsAdded: added,
      participantsMatched: plan.participants.length - added,
      attributes: plan.attributes.filter((a) => a.existingId === null).length,
      sources: plan.sources.length,
      codings: plan.sources.reduce((n, s) => n + s.codings.length, 0),
      memos: plan.memos.length,
    },
    codebook,
    frameworks,
    notImported: plan.findings.notImported,
    warnings: plan.findings.warnings.slice(0, MAX_WARNINGS),
    warningCount: plan.findings.warnings.length,
    positions: plan.sources.map((s) => s.reading),
  };
}
