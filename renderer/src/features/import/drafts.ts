/**
 * The import dialog's model of one file, and the pure steps around it: first guesses from a
 * preview, what still needs the user, and the options import.run receives.
 */
import type { ColumnRole, ImportFileOptions, ImportPreview, QuestionnaireOptions, SpeakerAction } from '../../../../shared/domain/import-types.ts';
import { IMPORT_EXTENSIONS, IMPORT_MAX_BYTES } from '../../../../shared/domain/import-types.ts';
import type { SourceKind } from '../../../../shared/domain/types.ts';

export type DraftStatus = 'uploading' | 'previewing' | 'ready' | 'error';

export type Draft = {
  key: string;
  name: string;
  size: number;
  status: DraftStatus;
  stagedId: string | null;
  kinds: SourceKind[];
  kind: SourceKind | null;
  error: string | null;
  preview: ImportPreview | null;
  sourceName: string;
  speakers: SpeakerAction[];
  unattributedParticipantId: number | null;
  questionnaire: { idColumn: string | null; columns: ColumnRole[]; family: QuestionnaireOptions['family'] } | null;
};

export const baseName = (name: string): string => name.replace(/\.[^.]+$/, '').trim() || name;

export function newDraft(key: string, name: string, size: number): Draft {
  return {
    key, name, size, status: 'uploading', stagedId: null, kinds: [], kind: null, error: null, preview: null,
    sourceName: baseName(name), speakers: [], unattributedParticipantId: null, questionnaire: null,
  };
}

const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

/** Refused before upload: too big to be worth sending. Same words as the backend's check. */
export function tooBig(name: string, size: number): string | null {
  return size > IMPORT_MAX_BYTES ? `${name} is ${megabytes(size)} MB; the limit is ${megabytes(IMPORT_MAX_BYTES)} MB` : null;
}

/** A file whose type cannot be imported is staged without its bytes: the backend says why. */
export const supportedName = (name: string): boolean => IMPORT_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));

/**
 * The draft after a (new) preview: the dialog's first guesses, keeping the user's choices
 * that still fit (column roles are reset when another questionnaire family is chosen).
 */
export function withPreview(draft: Draft, preview: ImportPreview, keepColumns = true): Draft {
  const next: Draft = { ...draft, status: 'ready', error: null, preview };
  if (preview.kind === 'interview') {
    const kept = new Map(draft.speakers.map((s) => [s.speaker, s]));
    next.speakers = preview.speakers.map((s) => kept.get(s.speaker) ?? s.suggestion);
  } else if (preview.kind === 'questionnaire') {
    const idColumn = preview.respondents.idColumn ?? preview.suggestedIdColumn;
    const family: QuestionnaireOptions['family'] =
      draft.questionnaire?.family ?? (preview.suggestedFamilyId !== null ? { mode: 'update', familyId: preview.suggestedFamilyId } : { mode: 'new' });
    const kept = new Map(keepColumns ? (draft.questionnaire?.columns ?? []).map((c) => [c.column, c]) : []);
    const columns = preview.columns.filter((c) => c.column !== idColumn).map((c) => kept.get(c.column) ?? c.suggestion);
    next.questionnaire = { idColumn, family, columns };
  }
  return next;
}

/**
 * What the user must still settle before this file can be imported; empty when ready.
 * `labels` are the project's participant labels: a new participant cannot take one.
 */
export function problemsOf(draft: Draft, labels: ReadonlySet<string> = new Set()): string[] {
  if (draft.status === 'error') return [draft.error ?? `${draft.name} cannot be imported`];
  if (draft.status !== 'ready' || !draft.preview) return [`${draft.name} is still being read`];
  const out: string[] = [];
  if (!draft.sourceName.trim()) out.push(`${draft.name}: give the source a name`);
  for (const s of draft.speakers) {
    if (s.as !== 'new') continue;
    if (!s.label.trim()) out.push(`${draft.name}: give “${s.speaker}” a participant label`);
    else if (labels.has(s.label.trim().toLowerCase())) out.push(`${draft.name}: ${s.label.trim()} is already a participant; choose it in the list for “${s.speaker}”`);
  }
  const q = draft.questionnaire;
  if (draft.preview.kind === 'questionnaire' && q) {
    if (!q.idColumn) out.push(`${draft.name}: choose the column that holds the respondent id`);
    else if (draft.preview.respondents.problem) out.push(draft.preview.respondents.problem);
    if (!q.columns.some((c) => c.role !== 'ignore')) out.push(`${draft.name}: choose at least one column of answers or attributes`);
  }
  return out;
}

/** The run options of a ready draft. */
export function runOptions(draft: Draft): ImportFileOptions {
  const base = { stagedId: draft.stagedId!, kind: draft.kind!, name: draft.sourceName.trim() };
  if (draft.kind === 'interview') return { ...base, interview: { speakers: draft.speakers, unattributedParticipantId: draft.unattributedParticipantId } };
  if (draft.kind === 'questionnaire' && draft.questionnaire) {
    const { idColumn, columns, family } = draft.questionnaire;
    const named = family.mode === 'new' ? { mode: 'new' as const, name: draft.sourceName.trim() } : family;
    return { ...base, questionnaire: { idColumn: idColumn ?? '', columns, family: named } };
  }
  return base;
}

/** Base64 of bytes, in chunks: String.fromCharCode cannot take a 50 MB argument list. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

export const formatSize = (bytes: number): string =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} KB` : `${megabytes(bytes)} MB`;
