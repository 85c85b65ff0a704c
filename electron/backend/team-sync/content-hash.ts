import { createHash } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { contentRows, type ContentRows } from '../repositories/team-sync.ts';

/**
 * What a project holds, independent of its local ids, so that two replicas (or a replica and
 * the shared original) can be compared: the sources by name and text, the codes by path
 * (`Parent / Child`) with colour and definition, the participants by label, the codings by
 * source name, code path, start, end and coder name, the memos by what they are about (a source
 * by name, a code by path, a participant by label, a coding as above), title, body and coder.
 * Every list is sorted; duplicates count.
 */
export type ProjectContent = {
  sources: string[];
  codes: string[];
  participants: string[];
  codings: string[];
  memos: string[];
};

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

export function projectContent(db: Db): ProjectContent {
  const rows = contentRows(db);
  const sourceName = new Map(rows.sources.map((s) => [s.id, s.name]));
  const codeById = new Map(rows.codes.map((c) => [c.id, c]));
  const paths = new Map<number, string>();
  const pathOf = (id: number, seen = new Set<number>()): string => {
    const known = paths.get(id);
    if (known !== undefined) return known;
    const code = codeById.get(id);
    if (!code) return `#missing code`;
    const path = code.parentId !== null && !seen.has(id) ? `${pathOf(code.parentId, seen.add(id))} / ${code.name}` : code.name;
    paths.set(id, path);
    return path;
  };
  const codingOf = (c: ContentRows['codings'][number]) => JSON.stringify([sourceName.get(c.sourceId) ?? '#missing source', pathOf(c.codeId), c.start, c.end, c.coder]);
  const codingById = new Map(rows.codings.map((c) => [c.id, c]));
  const participant = new Map(rows.participants.map((p) => [p.id, p.label]));
  const target = (kind: string, id: number | null): string => {
    if (id === null) return kind;
    if (kind === 'source') return `source ${sourceName.get(id) ?? '#missing'}`;
    if (kind === 'code') return `code ${pathOf(id)}`;
    if (kind === 'participant') return `participant ${participant.get(id) ?? '#missing'}`;
    const coding = codingById.get(id);
    return `coding ${coding ? codingOf(coding) : '#missing'}`;
  };
  const sorted = (list: string[]) => list.sort();
  return {
    sources: sorted(rows.sources.map((s) => JSON.stringify([s.name, sha(s.text)]))),
    codes: sorted(rows.codes.map((c) => JSON.stringify([pathOf(c.id), c.color, c.definition]))),
    participants: sorted(rows.participants.map((p) => p.label)),
    codings: sorted(rows.codings.map(codingOf)),
    memos: sorted(rows.memos.map((m) => JSON.stringify([target(m.kind, m.targetId), m.title, m.body, m.text, m.coder]))),
  };
}

/** One sha256 over projectContent: equal for replicas that hold the same content, whatever their local ids. */
export const contentHash = (db: Db): string => sha(JSON.stringify(projectContent(db)));
