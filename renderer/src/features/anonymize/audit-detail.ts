/**
 * An audit entry's detail (the JSON the backend wrote) as the trail viewer shows it: what it
 * was before and after the change when the entry says so, else the facts it holds, short.
 */

export type ShownDetail = { before: string | null; after: string | null; facts: string };

const MAX = 160;

const clip = (s: string): string => (s.length > MAX ? `${s.slice(0, MAX - 1)}…` : s);

/** One value in a line: strings as they are, objects as "key: value" pairs, two levels deep. */
export function showValue(value: unknown, depth = 0): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value === '' ? '“”' : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return 'none';
    return depth >= 2 ? `${value.length} item${value.length === 1 ? '' : 's'}` : value.map((v) => showValue(v, depth + 1)).join(', ');
  }
  if (typeof value === 'object') {
    if (depth >= 2) return '{…}';
    const parts = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}: ${showValue(v, depth + 1)}`);
    return depth === 0 ? parts.join(', ') : `{${parts.join(', ')}}`;
  }
  return String(value);
}

export function showDetail(detail: string): ShownDetail {
  let parsed: unknown;
  try {
    parsed = JSON.parse(detail);
  } catch {
    return { before: null, after: null, facts: clip(detail) };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { before: null, after: null, facts: clip(showValue(parsed)) };
  const o = parsed as Record<string, unknown>;
  const pair = 'before' in o || 'after' in o ? (['before', 'after'] as const) : 'from' in o && 'to' in o ? (['from', 'to'] as const) : null;
  if (!pair) {
    // A seal holds the whole manifest: its size says enough here.
    if ('manifest' in o) return { before: null, after: null, facts: clip(showValue({ ...o, manifest: undefined })) || 'integrity manifest' };
    return { before: null, after: null, facts: clip(showValue(o)) };
  }
  const rest = Object.fromEntries(Object.entries(o).filter(([k]) => k !== pair[0] && k !== pair[1]));
  return { before: clip(showValue(o[pair[0]])), after: clip(showValue(o[pair[1]])), facts: clip(showValue(rest)) };
}

/** "create code 12", "seal project" — what an entry did, to what. */
export const showChange = (action: string, entity: string, entityId: number | null): string => `${action} ${entity.replace(/_/g, ' ')}${entityId === null ? '' : ` ${entityId}`}`;
