import type { CopyManifest, HeldRows, MergeRows } from '../../../shared/domain/team/merge-types.ts';
import type { Db } from '../db/database.ts';
import { GuidBook } from '../exchange/guid.ts';
import { exchangeSeed, listExchangeGuids } from '../repositories/exchange.ts';
import { getMeta } from '../repositories/meta.ts';
import { heldIds, teamCoders, teamCodes, teamCodings, teamMemos, teamParticipants, teamSources } from '../repositories/team.ts';

/** Where a coder's copy keeps what it remembers of the project it was made from. */
export const MANIFEST_KEY = 'team_copy';

/** A project file (the open one or a copy) as the rows a merge compares; ids become keys, GUIDs as an export would write them. */
export function projectRows(db: Db): MergeRows {
  const guids = new GuidBook(exchangeSeed(db), listExchangeGuids(db));
  const k = (id: number) => String(id);
  return {
    coders: teamCoders(db).map((c) => ({ key: k(c.id), name: c.name })),
    sources: teamSources(db).map((s) => ({ key: k(s.id), guid: guids.of('source', s.id), name: s.name, hash: s.hash })),
    codes: teamCodes(db).map((c) => ({ key: k(c.id), guid: guids.of('code', c.id), parentKey: c.parentId === null ? null : k(c.parentId), name: c.name, color: c.color, definition: c.definition, origin: c.origin })),
    codings: teamCodings(db).map((c) => ({ key: k(c.id), sourceKey: k(c.sourceId), codeKey: k(c.codeId), coderKey: k(c.coderId), start: c.start, end: c.end, quote: c.quote, createdAt: c.createdAt })),
    memos: teamMemos(db).map((m) => ({
      key: k(m.id),
      target: m.targetKind === 'project' || m.targetId === null ? { kind: 'project' } : { kind: m.targetKind, key: k(m.targetId) },
      coderKey: k(m.coderId),
      title: m.title,
      body: m.body,
      text: m.text,
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
    })),
    participants: teamParticipants(db).map((p) => ({ key: k(p.id), label: p.label })),
  };
}

/** The manifest a copy made by team.distribute carries; null for any other project file. */
export function readManifest(db: Db): CopyManifest | null {
  const raw = getMeta(db, MANIFEST_KEY);
  if (!raw) return null;
  try {
    const m = JSON.parse(raw) as CopyManifest;
    if (!(typeof m.madeAt === 'string' && Array.isArray(m.codes) && Number.isInteger(m.lastCodingId) && Number.isInteger(m.lastMemoId))) return null;
    // A list of what the copy held that cannot be read is as good as none: nothing is inferred from it.
    if (m.held !== undefined && !validHeld(m.held)) delete m.held;
    return m;
  } catch {
    return null;
  }
}

const validHeld = (h: unknown): h is HeldRows => {
  if (typeof h !== 'object' || h === null) return false;
  const { codings, memos } = h as Partial<HeldRows>;
  return (
    Array.isArray(codings) &&
    Array.isArray(memos) &&
    codings.every((c) => Array.isArray(c) && c.length === 5 && c.slice(0, 4).every(Number.isInteger) && typeof c[4] === 'string') &&
    memos.every((m) => Array.isArray(m) && m.length === 3 && Number.isInteger(m[0]) && typeof m[1] === 'string' && typeof m[2] === 'string')
  );
};

/** The manifest as the API shows it: without the list of what the copy held (one entry per coding), which only the merge reads. */
export const shownManifest = <M extends CopyManifest | null>(m: M): M => {
  if (m === null || m.held === undefined) return m;
  const { held: _held, ...rest } = m;
  return rest as M;
};

/** What a copy holds as it is made, for its manifest. */
export const heldRows = (db: Db): HeldRows => {
  const ids = heldIds(db);
  return { codings: ids.codings.map((c) => [c.id, c.codeId, c.start, c.end, c.createdAt]), memos: ids.memos.map((m) => [m.id, m.createdAt, m.updatedAt]) };
};
