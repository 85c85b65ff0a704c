/** What the anonymize.* and audit.* API methods return. */
import type { ReviewTerm } from './review.ts';
import type { DecidedBy, Decision, DetectionKind, RuleSettings } from './types.ts';

export type ListProblemAt = { list: 'names' | 'terms'; line: number; message: string };

export type AnonymizeSettings = {
  names: string;
  terms: string;
  rules: RuleSettings;
  /** Lines of the lists that could not be read. */
  problems: ListProblemAt[];
  /** Participants whose names the project holds: they join the names list by themselves. */
  participants: { label: string; name: string }[];
  updatedAt: string | null;
};

export type KindSummary = {
  kind: DetectionKind;
  terms: number;
  occurrences: number;
  /** Occurrences that will be replaced. */
  accepted: number;
  /** The decision made for the whole rule, if any. */
  decision: Decision | null;
};

export type DetectionSummary = {
  /** When the detection ran. */
  at: string;
  fields: number;
  terms: number;
  occurrences: number;
  accepted: number;
  /** Terms with a decision of their own or of their rule: the rest are proposed and will be applied. */
  reviewed: number;
  byKind: KindSummary[];
  problems: ListProblemAt[];
};

export type TermPage = { summary: DetectionSummary; total: number; terms: ReviewTerm[] };

export type ReviewOccurrence = {
  key: string;
  ref: string;
  /** Where it is: a source's name, "Memo “…”", "Code name"… */
  where: string;
  before: string;
  match: string;
  after: string;
  replacement: string;
  decision: Decision;
  decidedBy: DecidedBy;
};

export type OccurrencePage = { termKey: string; total: number; occurrences: ReviewOccurrence[] };

/** The anonymization report, as the copy holds it: no original term anywhere. */
export type AnonymizationReport = {
  at: string;
  /** The coder who made the copy. */
  approvedBy: string;
  /** Coders who made review decisions. */
  reviewers: string[];
  rules: RuleSettings;
  lists: { people: number; terms: number };
  /** Occurrences replaced, by kind. */
  replaced: Partial<Record<DetectionKind, number>>;
  /** Distinct terms replaced, by kind. */
  terms: Partial<Record<DetectionKind, number>>;
  /** Occurrences left as they were by a decision. */
  kept: number;
  copy: { sources: number; codings: number; units: number; memos: number; participants: number };
  /** The copy's audit chain head after the anonymization and its seal. */
  chainHead: string;
};

export type AnonymizeResult = { out: string; keyPath: string; report: AnonymizationReport };

/** What a key file holds, once opened with its passphrase. */
export type KeyContents = {
  createdAt: string;
  copy: string;
  copyChainHead: string;
  originalChainHead: string;
  rules: RuleSettings;
  /** Participants by label, with the names the copy no longer holds. */
  participants: { label: string; name: string }[];
  entries: { kind: DetectionKind; original: string; written: string[]; replacement: string; occurrences: number }[];
};
