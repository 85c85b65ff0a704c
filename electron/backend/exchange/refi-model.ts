/**
 * A REFI-QDA project or codebook as plain data: what the readers produce from a file and the
 * writers turn into one. GUIDs are normalised (normaliseGuid); positions are as the file
 * states them (the mapping layer decides their unit). Optional XML attributes are null when
 * absent. Nothing here knows Marginalia's store.
 */

export type RefiUser = { guid: string; name: string | null; id: string | null };

export type RefiCode = {
  guid: string;
  name: string;
  isCodable: boolean;
  /** As written; `#RGB` and `#RRGGBB` are valid, anything else is kept for the importer to judge. */
  color: string | null;
  description: string;
  noteRefs: string[];
  children: RefiCode[];
};

export type RefiVariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date' | 'DateTime';

export type RefiVariable = { guid: string; name: string; type: RefiVariableType; description: string };

/** A value in its XML spelling; null when the VariableValue holds no value element. */
export type RefiVariableValue = { variable: string; value: string | null };

export type RefiCase = {
  guid: string;
  name: string | null;
  description: string;
  codeRefs: string[];
  values: RefiVariableValue[];
  sourceRefs: string[];
  selectionRefs: string[];
};

export type RefiCoding = { guid: string; code: string; user: string | null; at: string | null; noteRefs: string[] };

export type RefiStamp = { user: string | null; at: string | null; modifiedAt: string | null };

export type RefiSelection = RefiStamp & {
  guid: string;
  name: string | null;
  /** Integers as written; NaN when the attribute is missing or not a number. */
  start: number;
  end: number;
  description: string;
  codings: RefiCoding[];
  noteRefs: string[];
};

export type RefiTextSource = RefiStamp & {
  kind: 'text';
  guid: string;
  name: string | null;
  plainTextPath: string | null;
  richTextPath: string | null;
  /** PlainTextContent written inline instead of a file. */
  inlineText: string | null;
  description: string;
  selections: RefiSelection[];
  /** Codings of the whole source. */
  codings: RefiCoding[];
  noteRefs: string[];
  values: RefiVariableValue[];
};

/** Picture, PDF, audio and video sources: counted (Marginalia holds text only), their text representations kept. */
export type RefiMediaSource = {
  kind: 'picture' | 'pdf' | 'audio' | 'video';
  guid: string;
  name: string | null;
  path: string | null;
  /** Region, page-area and time-span selections. */
  selections: number;
  /** Codings of those selections and of the whole medium. */
  codings: number;
  /** Text representations (a PDF's Representation, a picture's TextDescription, transcripts), as text sources. */
  texts: RefiTextSource[];
  noteRefs: string[];
  values: RefiVariableValue[];
};

export type RefiSource = RefiTextSource | RefiMediaSource;

export type RefiNote = RefiStamp & {
  guid: string;
  name: string | null;
  inlineText: string | null;
  plainTextPath: string | null;
  description: string;
};

export type RefiLink = { guid: string; name: string | null; direction: string | null; origin: string | null; target: string | null; noteRefs: string[] };

export type RefiSet = { guid: string; name: string; description: string; codes: string[]; sources: string[]; notes: string[] };

export type RefiProject = {
  name: string;
  origin: string | null;
  creatingUser: string | null;
  createdAt: string | null;
  modifiedAt: string | null;
  users: RefiUser[];
  codes: RefiCode[];
  variables: RefiVariable[];
  cases: RefiCase[];
  sources: RefiSource[];
  notes: RefiNote[];
  links: RefiLink[];
  sets: RefiSet[];
  graphs: number;
  description: string;
  noteRefs: string[];
};

export type RefiCodebook = { origin: string | null; codes: RefiCode[]; sets: RefiSet[] };

export const REFI_PROJECT_NS = 'urn:QDA-XML:project:1.0';
export const REFI_CODEBOOK_NS = 'urn:QDA-XML:codebook:1.0';
