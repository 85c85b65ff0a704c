import { ApiFailure } from '../../../../shared/api/errors.ts';
import type { ImportedFile, InterviewOptions, SpeakerAction } from '../../../../shared/domain/import-types.ts';
import { insertUnitRows, insertUnits } from '../../repositories/import-units.ts';
import { participantExists } from '../../repositories/participants.ts';
import type { Batch } from './batch.ts';
import type { ParsedSource } from '../parsers/parse-source.ts';

export type FileTarget = { fileName: string; sourceName: string; field: string };

type SpeakerRole = { participantId: number | null; isInterviewer: boolean };

/** Distinct speakers of an interview, in order of first appearance. */
export const speakersOf = (parsed: Extract<ParsedSource, { kind: 'interview' }>): string[] => [
  ...new Set(parsed.units.flatMap((u) => (u.speaker === null ? [] : [u.speaker]))),
];

function requireParticipant(batch: Batch, id: number, field: string): number {
  if (!participantExists(batch.ctx.db, id)) throw new ApiFailure('not_found', `Participant ${id} does not exist`, field);
  return id;
}

/** Resolves the speaker mapping; run.ts (checkOptions) has made sure every speaker of the file is mapped. */
function speakerRoles(batch: Batch, target: FileTarget, speakers: string[], options: InterviewOptions | undefined): Map<string, SpeakerRole> {
  const field = `${target.field}.interview.speakers`;
  const given = new Map<string, { action: SpeakerAction; at: number }>();
  (options?.speakers ?? []).forEach((action, at) => given.set(action.speaker, { action, at }));
  const roles = new Map<string, SpeakerRole>();
  for (const speaker of speakers) {
    const { action, at } = given.get(speaker)!;
    const role: SpeakerRole =
      action.as === 'participant'
        ? { participantId: requireParticipant(batch, action.participantId, `${field}.${at}.participantId`), isInterviewer: false }
        : action.as === 'new'
          ? { participantId: batch.createParticipant(action.label, action.name ?? '', `${field}.${at}.label`), isInterviewer: false }
          : { participantId: null, isInterviewer: action.as === 'interviewer' };
    roles.set(speaker, role);
  }
  return roles;
}

/** Writes an interview: one turn unit per speaker turn, credited by the speaker mapping. */
export function writeInterview(batch: Batch, target: FileTarget, parsed: Extract<ParsedSource, { kind: 'interview' }>, options: InterviewOptions | undefined): ImportedFile {
  const { ctx } = batch;
  const roles = speakerRoles(batch, target, speakersOf(parsed), options);
  const unattributed = options?.unattributedParticipantId
    ? requireParticipant(batch, options.unattributedParticipantId, `${target.field}.interview.unattributedParticipantId`)
    : null;
  const sourceId = batch.insertSource({ kind: 'interview', name: target.sourceName, text: parsed.text, origin: target.fileName });
  const units = parsed.units;
  insertUnitRows(ctx.db, sourceId, units.length, (i, out) => {
    const u = units[i]!;
    const role = u.speaker === null ? null : roles.get(u.speaker)!;
    out.push(u.kind, u.start, u.end, role ? role.participantId : unattributed, u.speaker, role?.isInterviewer ? 1 : 0, null, u.timestampMs, null);
  });
  const mapping = Object.fromEntries([...roles].map(([s, r]) => [s, r.isInterviewer ? 'interviewer' : r.participantId]));
  ctx.audit('import', 'source', sourceId, { file: target.fileName, kind: 'interview', units: parsed.units.length, speakers: mapping });
  const turns = parsed.units.filter((u) => u.kind === 'turn').length;
  return { name: target.fileName, kind: 'interview', sourceId, sourceName: target.sourceName, units: parsed.units.length, turns, speakers: roles.size };
}

/** Writes a document: its headings, paragraphs and pages as units. */
export function writeDocument(batch: Batch, target: FileTarget, parsed: Extract<ParsedSource, { kind: 'document' }>): ImportedFile {
  const { ctx } = batch;
  const sourceId = batch.insertSource({ kind: 'document', name: target.sourceName, text: parsed.text, origin: target.fileName });
  insertUnits(ctx.db, sourceId, parsed.units.map((u) => ({ kind: u.kind, start: u.start, end: u.end, page: u.page ?? null })));
  ctx.audit('import', 'source', sourceId, { file: target.fileName, kind: 'document', units: parsed.units.length });
  return { name: target.fileName, kind: 'document', sourceId, sourceName: target.sourceName, units: parsed.units.length };
}
