import { createHash, randomUUID } from 'node:crypto';
import type { GuidKind } from '../repositories/exchange.ts';

const GUID = /^\{?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\}?$/i;

/**
 * One spelling for comparing GUIDs: NVivo writes lowercase, MAXQDA and ATLAS.ti uppercase,
 * the standard's annex wraps them in braces. Ids that are not GUIDs (some tools write them)
 * are kept, trimmed and lowercased, so references to them still resolve.
 */
export function normaliseGuid(raw: string): string {
  const trimmed = raw.trim();
  const match = GUID.exec(trimmed);
  return (match ? match[1]! : trimmed).toLowerCase();
}

export const isGuid = (raw: string): boolean => GUID.test(raw.trim());

/** A name-based GUID (RFC 4122 version 5 layout over SHA-256): the same parts give the same GUID. */
export function derivedGuid(seed: string, ...parts: (string | number)[]): string {
  const hash = createHash('sha256').update([seed, ...parts].join('\u0000')).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export const randomGuid = (): string => randomUUID();

/**
 * The GUIDs one export writes: the GUID an entity brought with it from another tool where
 * there is one, otherwise one derived from the project's seed, so exporting twice writes the
 * same identities.
 */
export class GuidBook {
  private readonly seed: string;
  private readonly stored: Map<string, string>;

  constructor(seed: string, stored: readonly { kind: GuidKind; id: number; guid: string }[]) {
    this.seed = seed;
    this.stored = new Map(stored.map((s) => [`${s.kind}:${s.id}`, s.guid]));
  }

  of(kind: GuidKind, id: number): string {
    return this.stored.get(`${kind}:${id}`) ?? derivedGuid(this.seed, kind, id);
  }

  /** A GUID for something that is not an entity of its own (a selection, a set, a link). */
  derived(...parts: (string | number)[]): string {
    return derivedGuid(this.seed, ...parts);
  }
}
