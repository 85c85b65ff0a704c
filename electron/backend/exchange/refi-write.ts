import {
  REFI_CODEBOOK_NS,
  REFI_PROJECT_NS,
  type RefiCode,
  type RefiCodebook,
  type RefiCoding,
  type RefiProject,
  type RefiSelection,
  type RefiSet,
  type RefiStamp,
  type RefiTextSource,
  type RefiVariableValue,
} from './refi-model.ts';
import { XmlWriter } from './xml-write.ts';

/**
 * REFI-QDA XML as the v1.0 schemas want it: the 1.0 namespace, children in each type's
 * xsd:sequence order, and no empty container. Positions are written as the model holds them
 * (the mapping layer has turned them into code points already). Media sources are never
 * written: Marginalia holds text only.
 */

const refs = (w: XmlWriter, name: string, guids: readonly string[]) => {
  for (const guid of guids) w.element(name, { targetGUID: guid });
};

const stamp = (s: RefiStamp) => ({ creatingUser: s.user, creationDateTime: s.at, modifyingUser: s.modifiedAt === null ? null : s.user, modifiedDateTime: s.modifiedAt });

function writeCode(w: XmlWriter, code: RefiCode, inProject: boolean): void {
  w.element('Code', { guid: code.guid, name: code.name, isCodable: code.isCodable, color: code.color }, () => {
    w.textElement('Description', code.description);
    if (inProject) refs(w, 'NoteRef', code.noteRefs);
    for (const child of code.children) writeCode(w, child, inProject);
  });
}

function writeCodes(w: XmlWriter, codes: readonly RefiCode[], inProject: boolean): void {
  w.container('Codes', () => codes.forEach((c) => writeCode(w, c, inProject)));
}

const VALUE_ELEMENT = { Text: 'TextValue', Boolean: 'BooleanValue', Integer: 'IntegerValue', Float: 'FloatValue', Date: 'DateValue', DateTime: 'DateTimeValue' } as const;

function writeValues(w: XmlWriter, values: readonly RefiVariableValue[], types: ReadonlyMap<string, keyof typeof VALUE_ELEMENT>): void {
  for (const v of values) {
    w.element('VariableValue', {}, () => {
      w.element('VariableRef', { targetGUID: v.variable });
      if (v.value !== null) w.textElement(VALUE_ELEMENT[types.get(v.variable) ?? 'Text'], v.value, true);
    });
  }
}

function writeCoding(w: XmlWriter, c: RefiCoding): void {
  w.element('Coding', { guid: c.guid, creatingUser: c.user, creationDateTime: c.at }, () => {
    w.element('CodeRef', { targetGUID: c.code });
    refs(w, 'NoteRef', c.noteRefs);
  });
}

function writeSelection(w: XmlWriter, s: RefiSelection): void {
  w.element('PlainTextSelection', { guid: s.guid, name: s.name, startPosition: s.start, endPosition: s.end, ...stamp(s) }, () => {
    w.textElement('Description', s.description);
    s.codings.forEach((c) => writeCoding(w, c));
    refs(w, 'NoteRef', s.noteRefs);
  });
}

function writeTextSource(w: XmlWriter, tag: 'TextSource' | 'Note', s: RefiTextSource, types: ReadonlyMap<string, keyof typeof VALUE_ELEMENT>): void {
  w.element(tag, { guid: s.guid, name: s.name, richTextPath: s.richTextPath, plainTextPath: s.plainTextPath, ...stamp(s) }, () => {
    w.textElement('Description', s.description);
    if (s.inlineText !== null) w.textElement('PlainTextContent', s.inlineText, true);
    s.selections.forEach((sel) => writeSelection(w, sel));
    s.codings.forEach((c) => writeCoding(w, c));
    refs(w, 'NoteRef', s.noteRefs);
    writeValues(w, s.values, types);
  });
}

function writeProjectSet(w: XmlWriter, set: RefiSet): void {
  w.element('Set', { guid: set.guid, name: set.name }, () => {
    w.textElement('Description', set.description);
    refs(w, 'MemberCode', set.codes);
    refs(w, 'MemberSource', set.sources);
    refs(w, 'MemberNote', set.notes);
  });
}

export function writeProjectXml(p: RefiProject): string {
  const w = new XmlWriter();
  const types = new Map(p.variables.map((v) => [v.guid, v.type]));
  const root = { xmlns: REFI_PROJECT_NS, name: p.name, origin: p.origin, creatingUserGUID: p.creatingUser, creationDateTime: p.createdAt, modifiedDateTime: p.modifiedAt };
  w.element('Project', root, () => {
    w.container('Users', () => p.users.forEach((u) => w.element('User', { guid: u.guid, name: u.name, id: u.id })));
    if (p.codes.length > 0) w.element('CodeBook', {}, () => writeCodes(w, p.codes, true));
    w.container('Variables', () =>
      p.variables.forEach((v) => w.element('Variable', { guid: v.guid, name: v.name, typeOfVariable: v.type }, () => w.textElement('Description', v.description))),
    );
    w.container('Cases', () =>
      p.cases.forEach((c) =>
        w.element('Case', { guid: c.guid, name: c.name }, () => {
          w.textElement('Description', c.description);
          refs(w, 'CodeRef', c.codeRefs);
          writeValues(w, c.values, types);
          refs(w, 'SourceRef', c.sourceRefs);
          refs(w, 'SelectionRef', c.selectionRefs);
        }),
      ),
    );
    w.container('Sources', () => p.sources.forEach((s) => s.kind === 'text' && writeTextSource(w, 'TextSource', s, types)));
    w.container('Notes', () =>
      p.notes.forEach((n) => writeTextSource(w, 'Note', { ...n, kind: 'text', richTextPath: null, selections: [], codings: [], noteRefs: [], values: [] }, types)),
    );
    w.container('Links', () =>
      p.links.forEach((l) =>
        w.element('Link', { guid: l.guid, name: l.name, direction: l.direction, originGUID: l.origin, targetGUID: l.target }, () => refs(w, 'NoteRef', l.noteRefs)),
      ),
    );
    w.container('Sets', () => p.sets.forEach((s) => writeProjectSet(w, s)));
    w.textElement('Description', p.description);
    refs(w, 'NoteRef', p.noteRefs);
  });
  return w.toString();
}

export function writeCodebookXml(book: RefiCodebook): string {
  const w = new XmlWriter();
  w.element('CodeBook', { xmlns: REFI_CODEBOOK_NS, origin: book.origin }, () => {
    // Codes needs one Code at least: callers refuse to export an empty codebook.
    writeCodes(w, book.codes, false);
    w.container('Sets', () =>
      book.sets.forEach((set) =>
        w.element('Set', { guid: set.guid, name: set.name }, () => {
          w.textElement('Description', set.description);
          // The codebook schema names the member's GUID `guid`, the project schema `targetGUID`.
          for (const code of set.codes) w.element('MemberCode', { guid: code });
        }),
      ),
    );
  });
  return w.toString();
}
