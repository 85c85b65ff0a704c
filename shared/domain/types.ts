/** Entities as the API returns them. Offsets are UTF-16 code units, 0-based, end-exclusive. */
import type { ProjectSafety } from './safety-types.ts';

export type SourceKind = 'interview' | 'questionnaire' | 'document';
export type UnitKind = 'turn' | 'answer' | 'question' | 'paragraph' | 'heading' | 'page';
export type CodeOrigin = 'deductive' | 'inductive';
export type AttributeType = 'text' | 'number' | 'date' | 'category';
export type MemoTargetKind = 'project' | 'source' | 'code' | 'participant' | 'coding';

export type Coder = { id: number; name: string };

export type ProjectCounts = {
  participants: number;
  sources: number;
  codes: number;
  codings: number;
  memos: number;
};

export type ProjectInfo = {
  path: string;
  name: string;
  schemaVersion: number;
  createdAt: string;
  isDemo: boolean;
  coder: Coder;
  counts: ProjectCounts;
  /** Read-only, location and integrity state, for the banners (set by the Host). */
  safety?: ProjectSafety;
  /** Opened in reviewer mode (project.openForReview): read-only, every change refused. */
  reviewer?: boolean;
};

export type RecentProject = { path: string; name: string; openedAt: string; exists: boolean };

export type AttributeDef = { id: number; name: string; type: AttributeType; position: number };

export type Participant = {
  id: number;
  label: string;
  name: string;
  description: string;
  /** Attribute name → value, as typed by its definition (numbers as numbers). */
  attributes: Record<string, string | number>;
  codingCount: number;
};

export type Unit = {
  id: number;
  kind: UnitKind;
  start: number;
  end: number;
  participantId: number | null;
  speaker: string | null;
  isInterviewer: boolean;
  questionId: number | null;
  timestampMs: number | null;
  page: number | null;
};

export type SourceSummary = {
  id: number;
  kind: SourceKind;
  name: string;
  origin: string;
  /** Characters (Unicode code points) of the text, as shown to users; offsets use text.length (UTF-16). */
  length: number;
  unitCount: number;
  codingCount: number;
  participantIds: number[];
  importedAt: string;
};

export type SourceDetail = SourceSummary & { text: string; contentHash: string; units: Unit[] };

export type Question = {
  id: number;
  sourceId: number;
  key: string;
  text: string;
  sectionCodeId: number | null;
  position: number;
};

export type Code = {
  id: number;
  parentId: number | null;
  name: string;
  color: string;
  definition: string;
  whenToUse: string;
  whenNotToUse: string;
  example: string;
  origin: CodeOrigin;
  position: number;
  createdAt: string;
  /** Codings of this code alone (not its descendants). */
  codingCount: number;
  elementIds: number[];
};

export type FrameworkElement = { id: number; frameworkId: number; name: string; description: string; position: number };
export type Framework = { id: number; name: string; description: string; elements: FrameworkElement[] };

export type Coding = {
  id: number;
  sourceId: number;
  codeId: number;
  start: number;
  end: number;
  quote: string;
  coderId: number;
  coderName: string;
  createdAt: string;
  participantId: number | null;
  memoCount: number;
};

export type Memo = {
  id: number;
  targetKind: MemoTargetKind;
  targetId: number | null;
  title: string;
  /** Rich text as HTML produced by the memo editor; `text` is its plain-text rendering. */
  body: string;
  text: string;
  coderId: number;
  createdAt: string;
  updatedAt: string;
};

export type AuditEntry = {
  id: number;
  at: string;
  coderId: number | null;
  action: string;
  entity: string;
  entityId: number | null;
  detail: string;
};
