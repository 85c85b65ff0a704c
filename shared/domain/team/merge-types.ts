import type { CodeOrigin, MemoTargetKind } from '../types.ts';

/**
 * Merging a coder's copy back into the project, as plain rows: what each side holds, what a
 * copy remembers of the moment it was made, the questions the merge asks the researcher, and
 * the writes their answers lead to. Keys are the side's own ids as strings (a REFI-QDA copy's
 * GUIDs); GUIDs are the identities both sides share (see electron/backend/exchange/guid.ts).
 */

export type MergeCoder = { key: string; name: string };
export type MergeSource = { key: string; guid: string; name: string; hash: string };
export type MergeCode = { key: string; guid: string; parentKey: string | null; name: string; color: string; definition: string; origin: CodeOrigin };
export type MergeCoding = { key: string; sourceKey: string; codeKey: string; coderKey: string; start: number; end: number; quote: string; createdAt: string };
export type MergeMemoTarget = { kind: 'project' } | { kind: Exclude<MemoTargetKind, 'project'>; key: string };
export type MergeMemo = { key: string; target: MergeMemoTarget; coderKey: string; title: string; body: string; text: string; createdAt: string; updatedAt: string };
export type MergeParticipant = { key: string; label: string };

export type MergeRows = {
  coders: MergeCoder[];
  sources: MergeSource[];
  codes: MergeCode[];
  codings: MergeCoding[];
  memos: MergeMemo[];
  participants: MergeParticipant[];
};

/** What a distributed copy remembers of the project when it was made (kept in the copy's project_meta). */
export type CopyManifest = {
  projectName: string;
  madeAt: string;
  /** Who the copy is for. */
  coder: string;
  /** Made without the other coders' codings. */
  blind: boolean;
  /** Every code's GUID and name when the copy was made. */
  codes: { guid: string; name: string }[];
  /** Codings and memos with ids up to these were already in the copy when it was made. */
  lastCodingId: number;
  lastMemoId: number;
  /**
   * What the copy held when it was made, so a merge can tell what the coder deleted or changed
   * there. Copies made before this was recorded lack it; they merge as before, without
   * inferring deletions or changes.
   */
  held?: HeldRows;
};

/**
 * A row is known by its id and creation time together (SQLite hands a deleted row's id out
 * again; clocks of two machines disagree, so the time alone cannot say what is new): each
 * coding as [id, code id, start, end, createdAt], each memo as [id, createdAt, updatedAt].
 */
export type HeldRows = { codings: [number, number, number, number, string][]; memos: [number, string, string][] };

/** One question the merge asks: a conflict (no default: the researcher must choose) or a mapping (a default they may change). */
export type MergeItem = {
  id: string;
  kind:
    | 'coder'
    | 'code-new'
    | 'code-renamed'
    | 'code-deleted-here'
    | 'code-deleted-there'
    | 'source-changed'
    | 'source-new'
    | 'memo-edited'
    /** A coding the copy held when made and the coder deleted there. */
    | 'coding-deleted'
    /** A coding the copy held when made whose extent or code the coder changed there. */
    | 'coding-changed'
    /** A memo the copy held when made and the coder deleted there. */
    | 'memo-deleted';
  conflict: boolean;
  /** What it is about, e.g. "Code Why / Value added". */
  subject: string;
  /** What happened, in words. */
  detail: string;
  options: { value: string; label: string }[];
  /** The answer taken when none is given; null for a conflict. */
  choice: string | null;
};

export type MergeCounts = {
  coders: number;
  codesAdded: number;
  codesMatched: number;
  codesRenamed: number;
  codesDeleted: number;
  sourcesMatched: number;
  sourcesAdded: number;
  codings: number;
  /** Codings the project already holds (same source, code, coder and span), or that were in the copy when it was made. */
  codingsPresent: number;
  /** Codings left out: their source or code skipped, their coder not brought, their quote not found again. */
  codingsLeftOut: number;
  memos: number;
  memosUpdated: number;
  memosLeftOut: number;
  /** Codings here the coder deleted in the copy, removed here too. */
  codingsRemoved: number;
  /** Codings here the coder changed in the copy (extent or code): replaced by the copy's version. */
  codingsReplaced: number;
  /** Memos here the coder deleted in the copy, removed here too. */
  memosRemoved: number;
};

export type MergePlan = {
  /** The copy's name and what it is. */
  name: string;
  format: 'marginalia' | 'qdpx';
  manifest: CopyManifest | null;
  items: MergeItem[];
  /** Per coder of the copy: codings the merge would bring. */
  coders: { name: string; codings: number; memos: number; existing: boolean }[];
  /** What the merge does with every item at its default (conflicts not yet counted). */
  counts: MergeCounts;
  warnings: string[];
  /** What the merge does not look at, e.g. deletions in a copy without a manifest. */
  notes: string[];
};

export type MergeReport = Omit<MergePlan, 'items'> & {
  /** Each question and the answer it got. */
  decisions: { subject: string; detail: string; answer: string }[];
  jobId: string | null;
};

/** A coder's copy read and held until it is merged or discarded. */
export type StagedCopy = {
  stagedId: string;
  name: string;
  format: 'marginalia' | 'qdpx';
  /** The project's name inside the file. */
  projectName: string;
  manifest: CopyManifest | null;
  coders: string[];
  counts: { sources: number; codes: number; codings: number; memos: number };
};
