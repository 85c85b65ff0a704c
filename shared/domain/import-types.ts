/**
 * What the import methods take and return. The flow: stage files (bytes or a path) → preview
 * each one as a source kind → run the batch with the user's speaker mapping and column roles.
 */
import type { AttributeType, SourceKind } from './types.ts';

export type ImportFormat = 'txt' | 'md' | 'html' | 'docx' | 'odt' | 'pdf' | 'vtt' | 'srt' | 'json' | 'csv' | 'xlsx';

/** Largest file Marginalia imports; checked before upload in the UI and again in the backend. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

/** File name endings the import accepts, for file pickers. */
export const IMPORT_EXTENSIONS = ['.txt', '.text', '.md', '.markdown', '.html', '.htm', '.docx', '.odt', '.pdf', '.vtt', '.srt', '.json', '.csv', '.tsv', '.xlsx'];

/**
 * Which kinds of source a format can become; the first is the usual one. A .txt can be a
 * questionnaire: Excel's "Unicode Text" is a tab-separated table in a .txt file.
 */
export const KINDS_BY_FORMAT: Record<ImportFormat, SourceKind[]> = {
  txt: ['interview', 'document', 'questionnaire'],
  md: ['interview', 'document'],
  docx: ['interview', 'document'],
  odt: ['document', 'interview'],
  vtt: ['interview'],
  srt: ['interview'],
  /** Whisper / WhisperX transcripts: segments with times (and speakers, when diarized). */
  json: ['interview'],
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
  /** The transcription service or meeting tool whose layout was recognised ("Rev, Temi or Trint"). */
  tool: string | null;
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

/** Survey tools whose exports are recognised from the shape of their header rows. */
export type SurveyPlatform = 'qualtrics' | 'surveymonkey' | 'limesurvey' | 'google-forms' | 'microsoft-forms';

export const SURVEY_PLATFORM_NAMES: Record<SurveyPlatform, string> = {
  qualtrics: 'Qualtrics',
  surveymonkey: 'SurveyMonkey',
  limesurvey: 'LimeSurvey',
  'google-forms': 'Google Forms',
  'microsoft-forms': 'Microsoft Forms',
};

/** What a column of an export holds, as the survey tool wrote it. */
export type ColumnOrigin = 'respondent-id' | 'metadata' | 'question' | 'embedded';

/** A column as the export describes it, beyond its header. */
export type ColumnMeaning = {
  /** The header the column is known by: roles, the CLI and later exports refer to it. */
  key: string;
  /** The question's text (for a column of a multi-column question, the question's, not the option's). */
  question: string;
  /** The option, matrix row or sub-question this column holds, in a multi-column question. */
  option: string | null;
  /** Columns of one multi-column question share a group. */
  group: string | null;
  /** The platform's short code for the question (Q1, G01Q03), used as the question's key. */
  code: string | null;
  origin: ColumnOrigin;
  /** What the tool says the column collects: typed text, or a choice among options; null when it does not say. */
  answers: 'text' | 'choice' | null;
  /** Why the column can identify a person ("IP address", "e-mail address"); null when it cannot. */
  identifying: string | null;
};

/** The survey tool an export came from, and how its header rows were read. */
export type RecognisedSurvey = {
  platform: SurveyPlatform;
  /** The layout as the user would name it: "current export, choice text". */
  layout: string;
  /** Rows above the answers that are header, not respondents. */
  headerRows: number;
  /** What the user should know about how the file was read. */
  notes: string[];
};

export type ColumnPreview = {
  column: string;
  /** What the column most likely is; the id column is suggested separately. */
  suggestion: ColumnRole;
  /** The question, option and origin read from the export's header rows. */
  meaning: ColumnMeaning;
  /** The name the column gets as an attribute (answers are named by meaning.question). */
  attributeName: string;
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

/** What importing a later export into its questionnaire would change, before anything is written. */
export type UpdatePreview = {
  familyId: number;
  respondentsAdded: number;
  respondentsKnown: number;
  /** Answers to questions the questionnaire already has, compared with what it holds. */
  answersAdded: number;
  answersUnchanged: number;
  /** Changed answers keep their first version (it may be coded); the first few are listed. */
  answersChanged: number;
  changed: { respondent: string; question: string }[];
  /** Columns that would become new questions if imported as answers. */
  newColumns: number;
};

export type QuestionnairePreview = PreviewBase & {
  kind: 'questionnaire';
  /** The survey tool the export was recognised as coming from; null for a plain table. */
  survey: RecognisedSurvey | null;
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
  /** For a later export of a questionnaire (family chosen): added, unchanged and changed answers. */
  update: UpdatePreview | null;
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
  /** Columns imported although they can identify a person (e-mail, IP address, names…). */
  identifyingColumns: string[];
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
