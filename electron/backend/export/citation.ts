import { timestamp } from '../../../shared/domain/analysis/format.ts';

type Located = {
  participantLabel: string | null;
  sourceName: string;
  unitKind: string | null;
  unitNumber: number | null;
  timestampMs: number | null;
  questionKey: string | null;
  page: number | null;
};

/**
 * Where in its source an excerpt sits, as a citation gives it: the time in a recording, the
 * question answered, the page, or else the paragraph or turn.
 */
export function citedPosition(e: Omit<Located, 'participantLabel' | 'sourceName'>): string {
  if (e.timestampMs !== null) return timestamp(e.timestampMs);
  if (e.unitKind === 'answer' && e.questionKey) return e.questionKey;
  if (e.page !== null) return `p. ${e.page}`;
  if (e.unitNumber === null) return '';
  if (e.unitKind === 'turn') return `turn ${e.unitNumber}`;
  if (e.unitKind === 'paragraph' || e.unitKind === 'heading') return `¶ ${e.unitNumber}`;
  return `unit ${e.unitNumber}`;
}

/** "PA, Interview with PA, 00:04:20": who, which source, where. */
export const citationOf = (e: Located): string =>
  [e.participantLabel, e.sourceName, citedPosition(e)].filter((part): part is string => Boolean(part)).join(', ');
