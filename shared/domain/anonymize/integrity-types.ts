/** The integrity manifest and what `verify` finds (audit.* methods, `marginalia verify`). */

/** SHA-256 (hex) of each part of a project that a reviewer must be able to trust. */
export type Manifest = {
  sources: { id: number; name: string; sha256: string }[];
  codebook: string;
  /** Codings of each source (sources without codings are left out). */
  codings: { sourceId: number; count: number; sha256: string }[];
  /** The audit chain: entries so far and the newest entry's hash. */
  audit: { entries: number; head: string };
};

export type SealInfo = { entryId: number; at: string; coder: string | null };

export type VerifyReport = {
  ok: boolean;
  /** Readable lines naming what was tampered with; empty when nothing was. */
  problems: string[];
  /** The manifest of the project as it is now. */
  manifest: Manifest;
  /** The latest seal the project was compared with; null when it was never sealed. */
  seal: SealInfo | null;
  /** Audit entries written after that seal (legitimate work, or what explains a difference). */
  entriesSinceSeal: number;
};

export type AuditListEntry = {
  id: number;
  at: string;
  coder: string | null;
  action: string;
  entity: string;
  entityId: number | null;
  detail: string;
};

export type AuditPage = { total: number; entries: AuditListEntry[]; actions: string[]; entities: string[]; coders: string[] };
