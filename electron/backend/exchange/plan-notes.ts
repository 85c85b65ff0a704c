import { canonicalText } from '../../../shared/domain/offsets.ts';
import { cleanFreeText, cleanLabel } from './names.ts';
import type { Findings, MemoTarget, PlannedMemo, PlannedParticipant, PlannedSource, SelectionTarget } from './plan-types.ts';
import { textKey, type TextFile } from './refi-file.ts';
import type { RefiCode, RefiProject, RefiStamp, RefiTextSource } from './refi-model.ts';

/**
 * Notes and descriptions become memos. A note hangs where the file refers to it from: the
 * project, a source, a code, a selection or a coding (NoteRef), or a case, source or
 * selection a link joins it to (NVivo links memos that way). A note referred to from several
 * places stays on the first; one referred to from nowhere becomes a project memo.
 * Descriptions of the project, of sources and of selections (MAXQDA and ATLAS.ti comments)
 * become memos too.
 */

export type NoteContext = {
  sources: ReadonlyMap<string, PlannedSource>;
  selections: ReadonlyMap<string, SelectionTarget>;
  codings: ReadonlyMap<string, { source: string; index: number }>;
  codeKeyOf: (guid: string) => string | undefined;
  participantOf: ReadonlyMap<string, PlannedParticipant>;
  texts: ReadonlyMap<string, TextFile>;
};

const NO_STAMP: RefiStamp = { user: null, at: null, modifiedAt: null };

const snippet = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
};

export function planNotes(project: RefiProject, ctx: NoteContext, findings: Findings): PlannedMemo[] {
  const memos: PlannedMemo[] = [];
  const refs = new Map<string, MemoTarget[]>();
  const refer = (note: string, target: MemoTarget) => refs.set(note, [...(refs.get(note) ?? []), target]);
  const describe = (title: string, text: string, target: MemoTarget, stamp: RefiStamp) => {
    if (text.trim()) memos.push({ guid: null, title, text: cleanFreeText(canonicalText(text), 1_000_000).value, target, ...stamp });
  };
  /** A selection's target: its first coding, else its source. */
  const selectionTarget = (sel: SelectionTarget): MemoTarget => (sel.codings.length > 0 ? { kind: 'coding', source: sel.source, index: sel.codings[0]! } : { kind: 'source', source: sel.source });

  for (const n of project.noteRefs) refer(n, { kind: 'project' });
  describe('Project description', project.description, { kind: 'project' }, NO_STAMP);
  const walk = (code: RefiCode) => {
    const key = ctx.codeKeyOf(code.guid);
    for (const n of code.noteRefs) refer(n, key === undefined ? { kind: 'project' } : { kind: 'code', codeKey: key });
    code.children.forEach(walk);
  };
  project.codes.forEach(walk);

  const textSources: RefiTextSource[] = project.sources.flatMap((s) => (s.kind === 'text' ? [s] : s.texts));
  for (const s of textSources) {
    const target: MemoTarget = ctx.sources.has(s.guid) ? { kind: 'source', source: s.guid } : { kind: 'project' };
    for (const n of s.noteRefs) refer(n, target);
    describe(target.kind === 'project' ? `Description of ${s.name ?? 'a source not imported'}` : 'Description', s.description, target, s);
    for (const sel of s.selections) {
      const placed = ctx.selections.get(sel.guid);
      const selTarget = placed ? selectionTarget(placed) : target;
      for (const n of sel.noteRefs) refer(n, selTarget);
      if (sel.description.trim()) {
        const quote = placed ? ctx.sources.get(placed.source)?.text.slice(placed.start, Math.min(placed.end, placed.start + 200)) : undefined;
        describe(quote ? `Comment on “${snippet(quote)}”` : 'Comment', sel.description, selTarget, sel);
      }
      for (const c of sel.codings) {
        const coding = ctx.codings.get(c.guid);
        for (const n of c.noteRefs) refer(n, coding ? { kind: 'coding', source: coding.source, index: coding.index } : selTarget);
      }
    }
    for (const c of s.codings) {
      const coding = ctx.codings.get(c.guid);
      for (const n of c.noteRefs) refer(n, coding ? { kind: 'coding', source: coding.source, index: coding.index } : target);
    }
  }
  for (const s of project.sources) if (s.kind !== 'text') for (const n of s.noteRefs) refer(n, { kind: 'project' });

  // Links: a note joined to something that can hold a memo.
  const notes = new Set(project.notes.map((n) => n.guid));
  const targetOf = (guid: string): MemoTarget | null => {
    const participant = ctx.participantOf.get(guid);
    if (participant) return { kind: 'participant', participant: participant.key };
    if (ctx.sources.has(guid)) return { kind: 'source', source: guid };
    const sel = ctx.selections.get(guid);
    if (sel) return selectionTarget(sel);
    const coding = ctx.codings.get(guid);
    if (coding) return { kind: 'coding', source: coding.source, index: coding.index };
    const code = ctx.codeKeyOf(guid);
    return code === undefined ? null : { kind: 'code', codeKey: code };
  };
  let otherLinks = 0;
  for (const link of project.links) {
    const [note, other] = link.origin && notes.has(link.origin) ? [link.origin, link.target] : link.target && notes.has(link.target) ? [link.target, link.origin] : [null, null];
    const target = note && other ? targetOf(other) : null;
    if (note && target) refer(note, target);
    else otherLinks++;
  }
  findings.skip('Links between items', otherLinks, 'Marginalia has no links between codes, sources or selections');

  for (const note of project.notes) {
    const title = cleanLabel(note.name ?? '', 300).value;
    const where = `Note ${title || note.guid}`;
    let text: string;
    if (note.inlineText !== null) text = note.inlineText;
    else {
      const file = note.plainTextPath ? ctx.texts.get(textKey(note.plainTextPath)) : undefined;
      if (!file || 'missing' in file) {
        findings.warn(where, `not imported: ${file && 'missing' in file ? file.missing : 'it holds no text'}`);
        continue;
      }
      text = file.text;
    }
    if (note.description.trim()) text = `${text}\n\n${note.description}`;
    const targets = refs.get(note.guid) ?? [{ kind: 'project' }];
    const distinct = new Set(targets.map((t) => JSON.stringify(t)));
    if (distinct.size > 1) findings.warn(where, `is attached to ${distinct.size} places; the memo is kept on the first`);
    memos.push({ guid: note.guid || null, title, text: cleanFreeText(canonicalText(text), 1_000_000).value, target: targets[0]!, user: note.user, at: note.at, modifiedAt: note.modifiedAt });
  }
  return memos;
}
