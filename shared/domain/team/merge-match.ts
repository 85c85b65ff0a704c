import type { CopyManifest, MergeCode, MergeRows } from './merge-types.ts';

/**
 * The first step of a merge: which of the copy's coders, sources and codes are the project's.
 * Sources by content (the hash of their text), then by identity to notice one that changed;
 * codes by identity (GUID), then by name under the same (matched) parent.
 */

export type SourceMatch = { base: string } | { changed: string } | { none: true };
export type CodeMatch = { base: string; how: 'identity' | 'path' } | { deletedHere: true } | { none: true };

export type Matching = {
  coders: Map<string, string | null>;
  sources: Map<string, SourceMatch>;
  codes: Map<string, CodeMatch>;
  /** Base codes the copy had when it was made and has deleted since. */
  deletedThere: string[];
  /** Copy codes parents first. */
  codeOrder: MergeCode[];
  /** A copy code's path for messages: "Why / Value added". */
  pathOf: (key: string) => string;
  basePathOf: (key: string) => string;
};

const fold = (s: string) => s.trim().toLocaleLowerCase('en');

/** Codes with every parent before its children; a code whose parent is missing counts as a root. */
export function parentsFirst(codes: readonly MergeCode[]): MergeCode[] {
  const keys = new Set(codes.map((c) => c.key));
  const children = new Map<string | null, MergeCode[]>();
  for (const c of codes) {
    const parent = c.parentKey !== null && keys.has(c.parentKey) ? c.parentKey : null;
    (children.get(parent) ?? children.set(parent, []).get(parent)!).push(c);
  }
  const out: MergeCode[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null) => {
    for (const c of children.get(parent) ?? []) {
      if (seen.has(c.key)) continue;
      seen.add(c.key);
      out.push(c);
      walk(c.key);
    }
  };
  walk(null);
  // A cycle (only a broken file has one) leaves codes unvisited: they come last, as roots.
  for (const c of codes) if (!seen.has(c.key)) out.push(c);
  return out;
}

function pathFunction(codes: readonly MergeCode[]): (key: string) => string {
  const byKey = new Map(codes.map((c) => [c.key, c]));
  return (key) => {
    const names: string[] = [];
    const seen = new Set<string>();
    for (let c = byKey.get(key); c && !seen.has(c.key); c = c.parentKey === null ? undefined : byKey.get(c.parentKey)) {
      seen.add(c.key);
      names.unshift(c.name);
    }
    return names.join(' / ');
  };
}

export function matchRows(base: MergeRows, copy: MergeRows, manifest: CopyManifest | null): Matching {
  const baseCoders = new Map(base.coders.map((c) => [fold(c.name), c.key]));
  const coders = new Map(copy.coders.map((c) => [c.key, baseCoders.get(fold(c.name)) ?? null]));

  const byHash = new Map<string, string[]>();
  for (const s of base.sources) (byHash.get(s.hash) ?? byHash.set(s.hash, []).get(s.hash)!).push(s.key);
  const baseSourceByGuid = new Map(base.sources.map((s) => [s.guid, s.key]));
  const takenSources = new Set<string>();
  const sources = new Map<string, SourceMatch>();
  for (const s of copy.sources) {
    const candidates = (byHash.get(s.hash) ?? []).filter((k) => !takenSources.has(k));
    const sameGuid = baseSourceByGuid.get(s.guid);
    const pick = candidates.find((k) => k === sameGuid) ?? candidates[0];
    if (pick !== undefined) {
      takenSources.add(pick);
      sources.set(s.key, { base: pick });
    } else if (sameGuid !== undefined && !takenSources.has(sameGuid)) {
      takenSources.add(sameGuid);
      sources.set(s.key, { changed: sameGuid });
    } else sources.set(s.key, { none: true });
  }

  const baseByGuid = new Map(base.codes.map((c) => [c.guid, c]));
  const baseChildren = new Map<string, MergeCode[]>();
  for (const c of base.codes) {
    const k = c.parentKey ?? '';
    (baseChildren.get(k) ?? baseChildren.set(k, []).get(k)!).push(c);
  }
  const inManifest = new Set(manifest?.codes.map((c) => c.guid) ?? []);
  const order = parentsFirst(copy.codes);
  const codes = new Map<string, CodeMatch>();
  const takenCodes = new Set<string>();
  for (const c of order) {
    const same = baseByGuid.get(c.guid);
    if (same && !takenCodes.has(same.key)) {
      takenCodes.add(same.key);
      codes.set(c.key, { base: same.key, how: 'identity' });
      continue;
    }
    // By name under the parent's match: a child of a renamed code still finds its twin.
    const parent = c.parentKey === null ? { base: '' } : codes.get(c.parentKey);
    const siblings = parent && 'base' in parent ? (baseChildren.get(parent.base) ?? []) : [];
    const twin = siblings.find((b) => fold(b.name) === fold(c.name) && !takenCodes.has(b.key));
    if (twin) {
      takenCodes.add(twin.key);
      codes.set(c.key, { base: twin.key, how: 'path' });
    } else if (inManifest.has(c.guid)) codes.set(c.key, { deletedHere: true });
    else codes.set(c.key, { none: true });
  }
  const copyGuids = new Set(copy.codes.map((c) => c.guid));
  const deletedThere = manifest ? base.codes.filter((b) => inManifest.has(b.guid) && !copyGuids.has(b.guid) && !takenCodes.has(b.key)).map((b) => b.key) : [];
  return { coders, sources, codes, deletedThere, codeOrder: order, pathOf: pathFunction(copy.codes), basePathOf: pathFunction(base.codes) };
}
