/** What the REFI-QDA exchange methods take and return (shared/api/methods/exchange.ts). */

import type { FileDownload } from './analysis/types.ts';

export type ExchangeFormat = 'qdpx' | 'qdc';

export const EXCHANGE_FORMAT_LABEL: Record<ExchangeFormat, string> = {
  qdpx: 'REFI-QDA project (.qdpx)',
  qdc: 'REFI-QDA codebook (.qdc)',
};

/** A file read and held by the backend until it is imported or discarded. */
export type StagedExchange = {
  stagedId: string;
  name: string;
  format: ExchangeFormat;
  size: number;
  /** The tool that wrote it, as it says (`origin`), e.g. "NVivo 14"; null when it does not say. */
  origin: string | null;
  /** The project's name inside the file (qdpx). */
  projectName: string | null;
  contents: { codes: number; sources: number; cases: number; selections: number; notes: number; users: number; sets: number };
};

/** What a code of the file does to the codebook, found by its name path (`Why / Value added`). */
export type CodebookChange =
  | { action: 'add'; path: string[]; color: string; definition: string }
  /** The code exists without a definition: it gets the file's. */
  | { action: 'describe'; path: string[]; definition: string }
  /** The code exists with another definition: ours is kept. */
  | { action: 'keep'; path: string[]; ours: string; theirs: string }
  | { action: 'same'; path: string[] };

/** A set of the file that links codes: an element of a framework (added or existing), and the codes it links. */
export type FrameworkChange = { framework: string; element: string; codes: number; newFramework: boolean; newElement: boolean };

/** Something in the file Marginalia cannot hold, with how many. */
export type NotImported = { what: string; count: number; detail?: string };

/** One item brought in differently than written, or left out: where it is and what happened. */
export type ExchangeWarning = { where: string; message: string };

export type ExchangeCounts = {
  codesAdded: number;
  codesMatched: number;
  coders: number;
  participantsAdded: number;
  participantsMatched: number;
  attributes: number;
  sources: number;
  codings: number;
  memos: number;
  frameworkElements: number;
};

/** How the positions of one source were read (NVivo counts UTF-16 units, the standard code points). */
export type PositionReading = { source: string; unit: 'code points' | 'UTF-16 code units'; lineBreaks: 'as in the file' | 'one character' };

/** The preview of an import: what would change, computed against the open project; writes nothing. */
export type ExchangePlan = {
  stagedId: string;
  name: string;
  format: ExchangeFormat;
  origin: string | null;
  counts: ExchangeCounts;
  codebook: CodebookChange[];
  frameworks: FrameworkChange[];
  notImported: NotImported[];
  /** The first warnings (at most 500); `warningCount` says how many there are. */
  warnings: ExchangeWarning[];
  warningCount: number;
  positions: PositionReading[];
};

/** What an import did: the plan as it was applied. */
export type ExchangeImportReport = Omit<ExchangePlan, 'stagedId'> & { jobId: string | null };

export type ExchangeExportSummary = {
  format: ExchangeFormat;
  fileName: string;
  bytes: number;
  counts: { users: number; codes: number; variables: number; cases: number; sources: number; selections: number; codings: number; notes: number; links: number; sets: number };
  /** What the format could not carry, said once each (speaker turns, questions, rich memo text…). */
  remarks: string[];
};

export type ExchangeExport = { file: FileDownload; summary: ExchangeExportSummary };
