/**
 * What the import methods take and return. The flow: stage files (bytes or a path) → preview
 * each one as a source kind → run the batch with the user's speaker mapping and column roles.
 */
import type { AttributeType, SourceKind } from './types.ts';

export type ImportFormat = 'txt' | 'md' | 'html' | 'docx' | 'odt' | 'pdf' | 'vtt' | 'srt' | 'csv' | 'xlsx';

/** Largest file Marginalia imports; checked before upload in the UI and again in the backend. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

/** File name endings the import accepts, for file pickers. */
export const IMPORT_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.docx', '.odt', '.pdf', '.vtt', '.srt', '.csv', '.tsv', '.xlsx'];

/** Which kinds of source a format can become; the first is the usual one. */
export const KINDS_BY_FORMAT: Record<ImportFormat, SourceKind[]> = {
  txt: ['interview', 'document'],
  md: ['interview', 'document'],
  docx: ['interview', 'document'],
  odt: ['document', 'interview'],
  vtt: ['interview'],
  srt: ['interview'],
  html: ['document'],
  pdf: ['document'],
  csv: ['questionnaire'],
  xlsx: ['questionnaire'],
};

export type StagedFile = {
  stagedId: string;
  name: string;
  size: number;
  format: ImportFormat | null;
  kinds: SourceKind[];
  suggestedKind: SourceKind | null;
  /** Why the file cannot be imported, starting with its name; null when it can. */
  error: string | null;
};

/** What one speaker of a transcript becomes. */
export type SpeakerAction =
  | { speaker: string; as: 'participant'; participantId: number }
  | { speaker: string; as: 'new'; label: string; name?: string }
  | { speaker: string; as: 'interviewer' }
  /** Kept as the turn's speaker, credited to no participant (a note taker, a second interviewer's aside). */
  | { speaker: string; as: 'other' };

export type InterviewOptions = {
  speakers: SpeakerAction[];
  /** Text without a speaker (a transcript with no speaker markers) is credited to this participant. */
  unattributedParticipantId?: number | null;
};

export type ColumnRole = {
  column: string;
  role: 'answer' | 'attribute' | 'ignore';
  /** For attributes. */
  type?: AttributeType;
  /** For answers: the scheme section (a top-level code) the question sits in. */
  sectionCodeId?: number | null;
};

export type QuestionnaireOptions = {
  /** Header of the column holding the respondent id; respondents become participants by it. */
  idColumn: string;
  /** Roles of the other columns; a column not listed is ignored. */
  columns: ColumnRole[];
  /** A new questionnaire, or a later export of one imported before (only new answers are added). */
  family: { mode: 'new'; name?: string } | { mode: 'update'; familyId: number };
};

export type ImportFileOptions = {
  stagedId: string;
  kind: SourceKind;
  /** Name of the new source; the file name without extension by default. */
  name?: string;
  interview?: InterviewOptions;
  questionnaire?: QuestionnaireOptions;
};

export type SpeakerPreview = { speaker: string; turns: number; words: number; suggestion: SpeakerAction };
export type TurnPreview = { speaker: string | null; timestampMs: number | null; text: string };
export type UnitPreview = { kind: 'heading' | 'paragraph' | 'page'; page: number | null; text: string };

type PreviewBase = {
  stagedId: string;
  name: string;
  characters: number;
  /** A source with exactly this text is already in the project. */
  duplicateOf: string | null;
};

export type InterviewPreview = PreviewBase & {
  kind: 'interview';
  speakers: SpeakerPreview[];
  /** The first turns, each cut to a few hundred characters. */
  turns: TurnPreview[];
  /** Speaker turns; text no speaker said (a title, or a transcript without speakers) is counted in unitCount only. */
  turnCount: number;
  unitCount: number;
};

export type DocumentPreview = PreviewBase & {
  kind: 'document';
  units: UnitPreview[];
  unitCount: number;
  pageCount: number | null;
};

export type ColumnPreview = {
  column: string;
  /** What the column most likely is; the id column is suggested separately. */
  suggestion: ColumnRole;
  filled: number;
  distinct: number;
  samples: string[];
  /** In an update of a family: the question this column already feeds, with its section. */
  existingQuestion: { key: string; text: string; sectionCodeId: number | null } | null;
};

export type FamilyCandidate = {
  familyId: number;
  name: string;
  sources: number;
  respondents: number;
  /** How many of this file's columns the family has seen before. */
  matchingColumns: number;
  /** The roles used last time, to offer again. */
  mapping: { idColumn: string; columns: ColumnRole[] } | null;
};

export type QuestionnairePreview = PreviewBase & {
  kind: 'questionnaire';
  header: string[];
  /** The first rows, as in the file. */
  rows: string[][];
  rowCount: number;
  columns: ColumnPreview[];
  suggestedIdColumn: string | null;
  families: FamilyCandidate[];
  suggestedFamilyId: number | null;
  /** Counted with the id column asked for (or the suggested one). */
  respondents: { idColumn: string | null; total: number; known: number; problem: string | null };
};

export type ImportPreview = InterviewPreview | DocumentPreview | QuestionnairePreview;

export type QuestionnaireReport = {
  familyId: number;
  familyName: string;
  respondents: number;
  newRespondents: string[];
  answersAdded: number;
  /** Answers the project already holds from an earlier export, not added again. */
  answersAlreadyImported: number;
  /** Answers whose text differs from the earlier export: the first import is kept (it may be coded). */
  answersChanged: { respondent: string; question: string }[];
  emptyAnswersSkipped: number;
  questionsAdded: number;
  attributeValuesChanged: number;
};

export type ImportedFile = {
  name: string;
  kind: SourceKind;
  /** Null when a later export brought nothing new, so no source was added. */
  sourceId: number | null;
  sourceName: string | null;
  units: number;
  /** Interviews: speaker turns, and the speakers they came from. */
  turns?: number;
  speakers?: number;
  questionnaire?: QuestionnaireReport;
};

export type ImportReport = {
  jobId: string;
  files: ImportedFile[];
  participantsCreated: { id: number; label: string }[];
};
