import type { FileDownload } from '../analysis/types.ts';
import type { Coder } from '../types.ts';
import type { Span } from './coverage.ts';
import type { CopyManifest } from './merge-types.ts';
import type { Decision } from './passages.ts';

/** What the team.* methods return besides the merge and agreement types (shared/api/methods/team.ts). */

/** A coder of the project and how much of their work it holds. */
export type TeamCoder = Coder & {
  codings: number;
  /** Sources with at least one of their codings. */
  sources: number;
  memos: number;
  /** Has been the consensus coder of a reconciliation. */
  consensus: boolean;
};

/** A coder's copy made by team.distribute: a .marginalia file and what it holds. */
export type CoderCopy = {
  file: FileDownload;
  manifest: CopyManifest;
  counts: {
    sources: number;
    codes: number;
    /** Codings the copy holds (in a blind copy: the coder's own, if any). */
    codings: number;
    memos: number;
    /** Left out of a blind copy: the other coders' codings and the memos on them. */
    codingsLeftOut: number;
    memosLeftOut: number;
  };
};

/** A reconciliation decided for a passage: what the consensus coder took, who decided and when. */
export type PassageDecision = { decision: Decision; consensus: string; decidedBy: string; decidedAt: string };

/** One passage where two coders coded one code differently in one source. */
export type DifferingPassage = {
  sourceId: number;
  sourceName: string;
  codeId: number;
  /** The code's path, e.g. "Why / Value added". */
  codeName: string;
  start: number;
  end: number;
  /** The passage's text, and a little of the text around it. */
  text: string;
  before: string;
  after: string;
  /** What each coder coded inside the passage (source offsets), merged. */
  first: Span[];
  second: Span[];
  decision: PassageDecision | null;
};

export type PassageList = {
  first: Coder;
  second: Coder;
  /** Passages that differ (all of them; `passages` holds the first `limit`). */
  total: number;
  /** Passages both coded alike, not listed. */
  agreed: number;
  /** Differing passages with a decision. */
  decided: number;
  passages: DifferingPassage[];
};

export type ReconcileResult = {
  consensus: Coder;
  /** Codings the consensus coder now has in the passage. */
  codings: number;
  passage: DifferingPassage;
};
