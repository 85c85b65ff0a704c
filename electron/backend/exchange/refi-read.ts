import { normaliseGuid } from './guid.ts';
import type {
  RefiCase,
  RefiCode,
  RefiCodebook,
  RefiCoding,
  RefiMediaSource,
  RefiNote,
  RefiProject,
  RefiSelection,
  RefiSet,
  RefiSource,
  RefiStamp,
  RefiTextSource,
  RefiVariable,
  RefiVariableType,
  RefiVariableValue,
} from './refi-model.ts';
import { childNamed, childrenNamed, itemsOf, type XmlElement } from './xml-read.ts';

/**
 * REFI-QDA XML elements → the plain model. Tolerant: element order is not checked, unknown
 * elements are skipped, missing optional attributes become null, and references are kept as
 * written (normalised GUIDs) for the mapping layer to resolve and report.
 */

const attr = (e: XmlElement, name: string): string | null => {
  const value = e.attrs[name];
  return value === undefined || value.trim() === '' ? null : value;
};
const guidOf = (e: XmlElement, name = 'guid'): string => normaliseGuid(e.attrs[name] ?? '');
/** An optional attribute holding a GUID (a user, an origin or target), normalised. */
const guidAttr = (e: XmlElement, name: string): string | null => {
  const value = attr(e, name);
  return value === null ? null : normaliseGuid(value);
};
const textOf = (e: XmlElement, name: string): string => childNamed(e, name)?.text ?? '';
const refsOf = (e: XmlElement, name: string, key = 'targetGUID'): string[] =>
  childrenNamed(e, name)
    .map((r) => r.attrs[key])
    .filter((g): g is string => g !== undefined && g.trim() !== '')
    .map(normaliseGuid);
const bool = (value: string | null): boolean => value !== null && /^(true|1)$/i.test(value.trim());
const integer = (value: string | null): number => (value !== null && /^\s*[+-]?\d+\s*$/.test(value) ? Number.parseInt(value, 10) : Number.NaN);
const stampOf = (e: XmlElement): RefiStamp => ({
  user: guidAttr(e, 'creatingUser'),
  at: attr(e, 'creationDateTime'),
  modifiedAt: attr(e, 'modifiedDateTime'),
});

function readCode(e: XmlElement): RefiCode {
  return {
    guid: guidOf(e),
    name: e.attrs['name'] ?? '',
    // Absent means codable: only NVivo and QualCoder mark categories, and they write "false".
    isCodable: attr(e, 'isCodable') === null ? true : bool(attr(e, 'isCodable')),
    color: attr(e, 'color'),
    description: textOf(e, 'Description'),
    noteRefs: refsOf(e, 'NoteRef'),
    children: childrenNamed(e, 'Code').map(readCode),
  };
}

const VALUE_TAGS = ['TextValue', 'BooleanValue', 'IntegerValue', 'FloatValue', 'DateValue', 'DateTimeValue'];

function readValues(e: XmlElement): RefiVariableValue[] {
  return childrenNamed(e, 'VariableValue').map((v) => {
    const ref = childNamed(v, 'VariableRef');
    const value = v.children.find((c) => VALUE_TAGS.includes(c.name));
    return { variable: ref ? guidOf(ref, 'targetGUID') : '', value: value ? value.text : null };
  });
}

const readCoding = (e: XmlElement): RefiCoding => {
  const ref = childNamed(e, 'CodeRef');
  return {
    guid: guidOf(e),
    code: ref ? guidOf(ref, 'targetGUID') : '',
    user: guidAttr(e, 'creatingUser'),
    at: attr(e, 'creationDateTime'),
    noteRefs: refsOf(e, 'NoteRef'),
  };
};

const readSelection = (e: XmlElement, start: number, end: number): RefiSelection => ({
  ...stampOf(e),
  guid: guidOf(e),
  name: attr(e, 'name'),
  start,
  end,
  description: textOf(e, 'Description'),
  codings: childrenNamed(e, 'Coding').map(readCoding),
  noteRefs: refsOf(e, 'NoteRef'),
});

function readTextSource(e: XmlElement): RefiTextSource {
  const inline = childNamed(e, 'PlainTextContent');
  return {
    ...stampOf(e),
    kind: 'text',
    guid: guidOf(e),
    name: attr(e, 'name'),
    plainTextPath: attr(e, 'plainTextPath'),
    richTextPath: attr(e, 'richTextPath'),
    inlineText: inline ? inline.text : null,
    description: textOf(e, 'Description'),
    selections: childrenNamed(e, 'PlainTextSelection').map((s) => readSelection(s, integer(attr(s, 'startPosition')), integer(attr(s, 'endPosition')))),
    codings: childrenNamed(e, 'Coding').map(readCoding),
    noteRefs: refsOf(e, 'NoteRef'),
    values: readValues(e),
  };
}

/** A transcript of audio or video as a text source: its selections run between sync points. */
function readTranscript(e: XmlElement): RefiTextSource {
  const points = new Map(childrenNamed(e, 'SyncPoint').map((p) => [guidOf(p), integer(attr(p, 'position'))]));
  const at = (ref: string | null) => (ref === null ? Number.NaN : (points.get(normaliseGuid(ref)) ?? Number.NaN));
  const source = readTextSource(e);
  source.selections = childrenNamed(e, 'TranscriptSelection').map((s) => readSelection(s, at(attr(s, 'fromSyncPoint')), at(attr(s, 'toSyncPoint'))));
  return source;
}

const MEDIA: Record<string, { kind: RefiMediaSource['kind']; selection: string }> = {
  PictureSource: { kind: 'picture', selection: 'PictureSelection' },
  PDFSource: { kind: 'pdf', selection: 'PDFSelection' },
  AudioSource: { kind: 'audio', selection: 'AudioSelection' },
  VideoSource: { kind: 'video', selection: 'VideoSelection' },
};

function readSource(e: XmlElement): RefiSource | null {
  if (e.name === 'TextSource') return readTextSource(e);
  const media = MEDIA[e.name];
  if (!media) return null;
  const selections = childrenNamed(e, media.selection);
  const texts = [
    ...childrenNamed(e, 'Representation').map(readTextSource),
    ...childrenNamed(e, 'Transcript').map(readTranscript),
  ].map((t) => ({ ...t, name: t.name ?? attr(e, 'name') }));
  return {
    kind: media.kind,
    guid: guidOf(e),
    name: attr(e, 'name'),
    path: attr(e, 'path'),
    selections: selections.length,
    codings: childrenNamed(e, 'Coding').length + selections.reduce((n, s) => n + childrenNamed(s, 'Coding').length, 0),
    texts,
    noteRefs: refsOf(e, 'NoteRef'),
    values: readValues(e),
  };
}

const VARIABLE_TYPES: readonly RefiVariableType[] = ['Text', 'Boolean', 'Integer', 'Float', 'Date', 'DateTime'];

const readVariable = (e: XmlElement): RefiVariable => ({
  guid: guidOf(e),
  name: e.attrs['name'] ?? '',
  type: VARIABLE_TYPES.find((t) => t.toLowerCase() === (e.attrs['typeOfVariable'] ?? e.attrs['typeOf'] ?? '').toLowerCase()) ?? 'Text',
  description: textOf(e, 'Description'),
});

const readCase = (e: XmlElement): RefiCase => ({
  guid: guidOf(e),
  name: attr(e, 'name'),
  description: textOf(e, 'Description'),
  codeRefs: refsOf(e, 'CodeRef'),
  values: readValues(e),
  sourceRefs: refsOf(e, 'SourceRef'),
  selectionRefs: refsOf(e, 'SelectionRef'),
});

const readNote = (e: XmlElement): RefiNote => {
  const t = readTextSource(e);
  return { user: t.user, at: t.at, modifiedAt: t.modifiedAt, guid: t.guid, name: t.name, inlineText: t.inlineText, plainTextPath: t.plainTextPath, description: t.description };
};

/** Sets of a project (`targetGUID`) or of a codebook (`guid`, and codes only). */
const readSet = (e: XmlElement, memberKey: 'targetGUID' | 'guid'): RefiSet => ({
  guid: guidOf(e),
  name: e.attrs['name'] ?? '',
  description: textOf(e, 'Description'),
  // Some converters write the project spelling into codebooks and back: accept either.
  codes: [...refsOf(e, 'MemberCode', memberKey), ...refsOf(e, 'MemberCode', memberKey === 'guid' ? 'targetGUID' : 'guid')],
  sources: refsOf(e, 'MemberSource'),
  notes: refsOf(e, 'MemberNote'),
});

export function readProject(root: XmlElement): RefiProject {
  const codebook = childNamed(root, 'CodeBook');
  return {
    name: root.attrs['name'] ?? '',
    origin: attr(root, 'origin'),
    creatingUser: guidAttr(root, 'creatingUserGUID'),
    createdAt: attr(root, 'creationDateTime'),
    modifiedAt: attr(root, 'modifiedDateTime'),
    users: itemsOf(root, 'Users', 'User').map((u) => ({ guid: guidOf(u), name: attr(u, 'name'), id: attr(u, 'id') })),
    codes: codebook ? itemsOf(codebook, 'Codes', 'Code').map(readCode) : [],
    variables: itemsOf(root, 'Variables', 'Variable').map(readVariable),
    cases: itemsOf(root, 'Cases', 'Case').map(readCase),
    sources: childrenNamed(root, 'Sources')
      .flatMap((s) => s.children)
      .map(readSource)
      .filter((s): s is RefiSource => s !== null),
    notes: itemsOf(root, 'Notes', 'Note').map(readNote),
    links: itemsOf(root, 'Links', 'Link').map((l) => ({
      guid: guidOf(l),
      name: attr(l, 'name'),
      direction: attr(l, 'direction'),
      origin: guidAttr(l, 'originGUID'),
      target: guidAttr(l, 'targetGUID'),
      noteRefs: refsOf(l, 'NoteRef'),
    })),
    sets: itemsOf(root, 'Sets', 'Set').map((s) => readSet(s, 'targetGUID')),
    graphs: itemsOf(root, 'Graphs', 'Graph').length,
    description: textOf(root, 'Description'),
    noteRefs: refsOf(root, 'NoteRef'),
  };
}

export function readCodebook(root: XmlElement): RefiCodebook {
  return {
    origin: attr(root, 'origin'),
    codes: itemsOf(root, 'Codes', 'Code').map(readCode),
    sets: itemsOf(root, 'Sets', 'Set').map((s) => readSet(s, 'guid')),
  };
}
