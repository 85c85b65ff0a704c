import type { Unit } from '../../shared/domain/types.ts';

/** A unit as the store lists it: no participant, speaker, question, time or page unless given. */
export const makeUnit = (id: number, kind: Unit['kind'], start: number, end: number, extra: Partial<Unit> = {}): Unit => ({
  id, kind, start, end, participantId: null, speaker: null, isInterviewer: false, questionId: null, timestampMs: null, page: null, ...extra,
});
