/**
 * Identifiers found by their shape: e-mail and web addresses, phone numbers, ID-like numbers
 * and dates, in English and Spanish writing. Each is keyed by a normal form, so the same
 * address or number written twice is one term with one replacement.
 */
import type { Candidate } from './types.ts';

const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?![\p{L}\p{N}-])/gu;
const URL = /(?<![\p{L}\p{N}@/.])(?:https?:\/\/|www\.)[^\s<>"'`]+/giu;
const PHONE =
  /(?<![\p{L}\p{N}+\-/.,])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{2,4}(?:[ .-]\d{2,4}){0,5}(?![\p{L}\p{N}]|[.,/-]\d)/gu;
const ID = /(?<![\p{L}\p{N}-])[\p{Lu}\d](?:[\p{Lu}\d]|-(?=[\p{Lu}\d])){5,}(?![\p{L}\p{N}])/gu;

const MONTHS_EN = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';
const MONTHS_ES = '[Ee]nero|[Ff]ebrero|[Mm]arzo|[Aa]bril|[Mm]ayo|[Jj]unio|[Jj]ulio|[Aa]gosto|[Ss]eptiembre|[Ss]etiembre|[Oo]ctubre|[Nn]oviembre|[Dd]iciembre';
const ORD = '(?:st|nd|rd|th)?';
const DATES = [
  /(?<![\p{L}\p{N}])(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2}))(?![\p{L}\p{N}]|[/.-]\d)/gu,
  new RegExp(`(?<![\\p{L}\\p{N}])\\d{1,2}${ORD}\\s+(?:of\\s+)?(?:${MONTHS_EN})\\.?(?:,?\\s+\\d{4})?(?![\\p{L}\\p{N}])`, 'gu'),
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${MONTHS_EN})\\.?\\s+\\d{1,2}${ORD}(?:,?\\s+\\d{4})?(?![\\p{L}\\p{N}])`, 'gu'),
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${MONTHS_EN})\\s+\\d{4}(?![\\p{L}\\p{N}])`, 'gu'),
  new RegExp(`(?<![\\p{L}\\p{N}])\\d{1,2}\\s+de\\s+(?:${MONTHS_ES})(?:\\s+(?:de|del)\\s+\\d{4})?(?![\\p{L}\\p{N}])`, 'gu'),
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${MONTHS_ES})\\s+(?:de|del)\\s+\\d{4}(?![\\p{L}\\p{N}])`, 'gu'),
];

const digits = (s: string): string => s.replace(/\D/g, '');
const YEARS = /^(1[89]|20)\d\d-(1[89]|20)?\d\d$/;

const OPENING: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
const count = (s: string, ch: string): number => s.split(ch).length - 1;

/** A URL ends before trailing punctuation, and before a closing bracket it did not open. */
function trimUrl(url: string): string {
  let u = url;
  while (u.length > 0) {
    const last = u[u.length - 1]!;
    const open = OPENING[last];
    if ('.,;:!?\'"»”’'.includes(last) || (open !== undefined && count(u, open) < count(u, last))) u = u.slice(0, -1);
    else break;
  }
  return u;
}

/** Phone numbers: 7 to 15 digits in groups; not a list of years, an amount or a time span. */
function isPhone(s: string): boolean {
  const n = digits(s).length;
  if (n < 7 || n > 15) return false;
  const groups = s.replace(/^\+/, '').split(/[ .\-()]+/).filter(Boolean);
  if (groups.length < 2 && !s.startsWith('+')) return false;
  if (groups.every((g) => /^(19|20)\d\d$/.test(g))) return false;
  // 1.234.567 or 12 345 678: an amount, unless long enough to be a number to call.
  if (n < 9 && /^\d{1,3}(?:[ .,]\d{3})+$/.test(s)) return false;
  return true;
}

function collect(text: string, re: RegExp, kind: Candidate['kind'], key: (m: string) => string | null, out: Candidate[]): void {
  for (const m of text.matchAll(re)) {
    const k = key(m[0]);
    if (k !== null) out.push({ start: m.index, end: m.index + m[0].length, kind, termKey: k });
  }
}

/** Every e-mail, URL, phone, ID-like number and date in a text (dates even when not wanted: they keep phones and IDs from claiming them). */
export function findPatterns(text: string): Candidate[] {
  const out: Candidate[] = [];
  collect(text, EMAIL, 'email', (m) => `email:${m.toLowerCase()}`, out);
  for (const m of text.matchAll(URL)) {
    const url = trimUrl(m[0]);
    if (url.length > 4) out.push({ start: m.index, end: m.index + url.length, kind: 'url', termKey: `url:${url.toLowerCase().replace(/^https?:\/\//, '').replace(/\/$/, '')}` });
  }
  collect(text, PHONE, 'phone', (m) => (isPhone(m) ? `phone:${digits(m)}` : null), out);
  // An ISO time (2026-11-28T12) or a span of years (2025-2030) is not an ID.
  collect(text, ID, 'id', (m) => (digits(m).length >= 5 && !/^\d{4}-\d{2}-\d{2}/.test(m) && !YEARS.test(m) ? `id:${m.replace(/-/g, '')}` : null), out);
  for (const re of DATES) collect(text, re, 'date', (m) => `date:${m.toLowerCase().replace(/\s+/g, ' ')}`, out);
  return out;
}
