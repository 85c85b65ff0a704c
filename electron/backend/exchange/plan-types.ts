import type { ExchangeWarning, NotImported, PositionReading } from '../../../shared/domain/exchange-types.ts';
import type { AttributeType, SourceKind } from '../../../shared/domain/types.ts';
import type { CodebookPlan } from './codebook-plan.ts';

/**
 * What a .qdpx import will write, computed from the file and the open project without
 * writing (the preview shows it; the import computes it again inside its transaction and
 * writes it). References between items are the file's GUIDs and the plan's own keys.
 */

/** Collects what the report says about single items and about what cannot come in. */
export class Findings {
  readonly warnings: ExchangeWarning[] = [];
  readonly notImported: NotImported[] = [];
  warn(where: string, message: string): void {
    this.warnings.push({ where, message });
  }
  skip(what: string, count: number, detail?: string): void {
    if (count > 0) this.notImported.push(detail === undefined ? { what, count } : { what, count, detail });
  }
}

export type PlannedCoding = {
  codeKey: string;
  start: number;
  end: number;
  /** User GUID of whoever coded it, as the file says. */
  user: string | null;
  at: string | null;
};

export type PlannedSource = {
  guid: string;
  name: string;
  /** Null until the cases are planned (a source credited to one case reads as an interview). */
  kind: SourceKind | null;
  text: string;
  reading: PositionReading;
  codings: PlannedCoding[];
  /** Passages credited to a participant (by plan key), from the cases' selections. */
  units: { start: number; end: number; participant: string }[];
  /** The participant the whole source belongs to (one case refers to it as a whole), by plan key. */
  whole: string | null;
  /** Variable values written on the source itself (MAXQDA) or on an unnamed case holding only it (NVivo). */
  values: { variable: string; value: string }[];
};

/** Where a selection or coding of the file went: its source and the indexes of its codings there. */
export type SelectionTarget = { source: string; start: number; end: number; codings: number[]; description: string; noteRefs: string[] };

export type PlannedAttribute = { key: string; name: string; type: AttributeType; existingId: number | null; guid: string | null };

export type PlannedParticipant = {
  key: string;
  label: string;
  name: string;
  description: string;
  existingId: number | null;
  guid: string | null;
  /** Attribute key → value to set (values the participant holds already are kept and not listed). */
  values: Map<string, string>;
};

export type MemoTarget =
  | { kind: 'project' }
  | { kind: 'source'; source: string }
  | { kind: 'code'; codeKey: string }
  | { kind: 'participant'; participant: string }
  | { kind: 'coding'; source: string; index: number };

export type PlannedMemo = { guid: string | null; title: string; text: string; target: MemoTarget; user: string | null; at: string | null; modifiedAt: string | null };

export type PlannedCoder = { guid: string; name: string };

export type ProjectPlan = {
  codebook: CodebookPlan;
  coders: PlannedCoder[];
  attributes: PlannedAttribute[];
  participants: PlannedParticipant[];
  sources: PlannedSource[];
  memos: PlannedMemo[];
  findings: Findings;
};
