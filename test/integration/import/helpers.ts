import type { Input } from '../../../shared/api/contract.ts';
import type { ImportFileOptions, ImportPreview, QuestionnairePreview, StagedFile } from '../../../shared/domain/import-types.ts';
import { newDraft, runOptions, withPreview } from '../../../renderer/src/features/import/drafts.ts';
import type { Unit } from '../../../shared/domain/types.ts';
import type { TestHost } from '../../helpers/project.ts';

/** A file as the renderer sends it: its name and its bytes in base64. */
export const asUpload = (name: string, bytes: Uint8Array) => ({ name, dataBase64: Buffer.from(bytes).toString('base64') });

export async function stageOne(t: TestHost, name: string, bytes: Uint8Array): Promise<StagedFile> {
  const [staged] = await t.ok('import.stage', { files: [asUpload(name, bytes)] });
  return staged!;
}

export async function preview(t: TestHost, staged: StagedFile, kind = staged.suggestedKind!): Promise<ImportPreview> {
  return t.ok('import.preview', { stagedId: staged.stagedId, kind });
}

/** A staged file's preview as a questionnaire, with the id column or family the dialog chose. */
export const previewQuestionnaire = (t: TestHost, stagedId: string, extra: { idColumn?: string; familyId?: number | null } = {}) =>
  t.ok('import.preview', { stagedId, kind: 'questionnaire', ...extra }) as Promise<QuestionnairePreview>;

/** The options the import dialog sends when the user accepts its first guesses for this preview. */
export function suggestedOptions(staged: StagedFile, p: ImportPreview): ImportFileOptions {
  const draft = newDraft('k', staged.name, staged.size);
  return runOptions(withPreview({ ...draft, stagedId: staged.stagedId, kind: p.kind, kinds: staged.kinds }, p));
}

export const run = (t: TestHost, files: ImportFileOptions[], jobId?: string) =>
  t.ok('import.run', { files, ...(jobId ? { jobId } : {}) } as Input<'import.run'>);

/** The text of each unit of a source, with what the unit says about who wrote it. */
export async function unitsOf(t: TestHost, sourceId: number) {
  const source = await t.ok('sources.get', { id: sourceId });
  const participants = await t.ok('participants.list', {});
  const label = new Map(participants.map((p) => [p.id, p.label]));
  return {
    source,
    units: source.units.map((u: Unit) => ({
      kind: u.kind,
      text: source.text.slice(u.start, u.end),
      speaker: u.speaker,
      participant: u.participantId === null ? null : (label.get(u.participantId) ?? null),
      interviewer: u.isInterviewer,
      timestampMs: u.timestampMs,
      page: u.page,
    })),
  };
}
