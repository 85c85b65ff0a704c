import type { Measure } from './types.ts';

/** Coverage shares as the tables show them: percent with one decimal. */
export const percent = (share: number): number => Math.round(share * 1000) / 10;

export const formatValue = (value: number, measure: Measure): string => (measure === 'coverage' ? `${percent(value).toFixed(1)}%` : String(value));

export const MEASURE_LABEL: Record<Measure, string> = {
  codings: 'Codings',
  sources: 'Sources',
  coverage: 'Coverage (% of text)',
};

/** "00:14:05" from milliseconds. */
export function timestamp(ms: number): string {
  const s = Math.floor(ms / 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/** Where an excerpt sits, in the words a researcher uses. */
export function positionLabel(e: {
  unitKind: string | null;
  unitNumber: number | null;
  timestampMs: number | null;
  questionKey: string | null;
  page: number | null;
}): string {
  const parts: string[] = [];
  if (e.unitKind === 'answer' && e.questionKey) parts.push(`answer to ${e.questionKey}`);
  else if (e.unitKind === 'turn' && e.unitNumber !== null) parts.push(`turn ${e.unitNumber}`);
  else if ((e.unitKind === 'paragraph' || e.unitKind === 'heading') && e.unitNumber !== null) parts.push(`¶ ${e.unitNumber}`);
  else if (e.unitNumber !== null) parts.push(`unit ${e.unitNumber}`);
  if (e.timestampMs !== null) parts.push(timestamp(e.timestampMs));
  if (e.page !== null) parts.push(`p. ${e.page}`);
  return parts.join(' · ');
}
