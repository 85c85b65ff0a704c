import { chooseModel, modelForOrigin, SpanReader } from '../../../shared/domain/refi-positions.ts';
import type { SourceKind } from '../../../shared/domain/types.ts';
import { cleanLabel } from './names.ts';
import type { Findings, PlannedSource, SelectionTarget } from './plan-types.ts';
import { textKey, type TextFile } from './refi-file.ts';
import type { RefiMediaSource, RefiProject, RefiTextSource } from './refi-model.ts';

/**
 * The file's text sources as sources to add: their text (from the archive or inline), their
 * selections' positions converted to canonical offsets by the model that fits them, and their
 * codings. Media sources are counted; their text representations (a PDF's plain text, an
 * audio or video transcript) are brought in as text sources.
 */

export type PlannedSources = {
  sources: PlannedSource[];
  /** Selection GUID → where it went (cases and notes point at selections). */
  selections: Map<string, SelectionTarget>;
  /** Coding GUID → its source and index (notes point at codings). */
  codings: Map<string, { source: string; index: number }>;
};

const MAX_SOURCE_NAME = 300;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const MEDIA_LABEL: Record<RefiMediaSource['kind'], { what: string; parts: string; text: string }> = {
  picture: { what: 'Pictures', parts: 'region', text: 'text description' },
  pdf: { what: 'PDF files (pages and regions)', parts: 'region', text: 'plain-text representation' },
  audio: { what: 'Audio files', parts: 'time span', text: 'transcript' },
  video: { what: 'Video files', parts: 'time span', text: 'transcript' },
};

function countMedia(media: RefiMediaSource[], findings: Findings): void {
  for (const kind of Object.keys(MEDIA_LABEL) as RefiMediaSource['kind'][]) {
    const of = media.filter((m) => m.kind === kind);
    if (of.length === 0) continue;
    const label = MEDIA_LABEL[kind];
    const selections = of.reduce((n, m) => n + m.selections, 0);
    const codings = of.reduce((n, m) => n + m.codings, 0);
    const texts = of.reduce((n, m) => n + m.texts.length, 0);
    const parts = [`${plural(selections, label.parts)} and ${plural(codings, 'coding')} on them are not imported (Marginalia holds text only)`];
    if (texts > 0) parts.push(`${plural(texts, label.text)} imported as text`);
    findings.skip(label.what, of.length, parts.join('; '));
  }
}

export function planSources(
  project: RefiProject,
  texts: ReadonlyMap<string, TextFile>,
  codeKeyOf: (guid: string) => string | undefined,
  findings: Findings,
): PlannedSources {
  const out: PlannedSources = { sources: [], selections: new Map(), codings: new Map() };
  const preferred = modelForOrigin(project.origin);
  const media = project.sources.filter((s): s is RefiMediaSource => s.kind !== 'text');
  countMedia(media, findings);
  const items: { source: RefiTextSource; kind: SourceKind | null }[] = [
    ...project.sources.flatMap((s) => (s.kind === 'text' ? [{ source: s, kind: null }] : [])),
    ...media.flatMap((m) => m.texts.map((t) => ({ source: t, kind: (m.kind === 'audio' || m.kind === 'video' ? 'interview' : 'document') as SourceKind }))),
  ];
  let missing = 0;
  let empty = 0;
  for (const [n, { source, kind }] of items.entries()) {
    const fallbackName = source.plainTextPath ? textKey(source.plainTextPath).replace(/\.txt$/i, '') : `Source ${n + 1}`;
    const name = cleanLabel(source.name ?? '', MAX_SOURCE_NAME).value || fallbackName;
    const where = `Source ${name}`;
    const file: TextFile | undefined =
      source.inlineText !== null ? { text: source.inlineText, encoding: 'utf-8' } : source.plainTextPath !== null ? texts.get(textKey(source.plainTextPath)) : undefined;
    const lost = `${source.selections.length + source.codings.length > 0 ? `; its ${plural(source.selections.reduce((k, s) => k + s.codings.length, 0) + source.codings.length, 'coding')} cannot be placed` : ''}`;
    if (!file || 'missing' in file) {
      missing++;
      const why = file && 'missing' in file ? file.missing : source.richTextPath ? `it has only rich text (${source.richTextPath}), which Marginalia cannot read` : 'it names no text';
      findings.warn(where, `not imported: ${why}${lost}`);
      continue;
    }
    if (file.encoding !== 'utf-8') findings.warn(where, 'its text is not UTF-8 as the standard asks; it was read as Windows-1252');
    const reader = new SpanReader(file.text);
    if (reader.canonical.trim() === '') {
      empty++;
      const rich = source.richTextPath ? ` (its text may be only in ${source.richTextPath}, which Marginalia cannot read)` : '';
      findings.warn(where, `not imported: its plain text is empty${rich}${lost}`);
      continue;
    }
    const model = chooseModel(reader, source.selections, preferred);
    const planned: PlannedSource = {
      guid: source.guid,
      name,
      kind,
      text: reader.canonical,
      reading: { source: name, unit: model.unit === 'utf16' ? 'UTF-16 code units' : 'code points', lineBreaks: model.lineBreaks === 'raw' ? 'as in the file' : 'one character' },
      codings: [],
      units: [],
      whole: null,
      values: source.values.filter((v) => v.value !== null).map((v) => ({ variable: v.variable, value: v.value! })),
    };
    const seen = new Map<string, number>();
    const addCoding = (c: RefiTextSource['codings'][number], start: number, end: number, fallback: { user: string | null; at: string | null }): number | null => {
      const codeKey = codeKeyOf(c.code);
      if (codeKey === undefined) {
        findings.warn(where, `coding ${c.guid || '(no GUID)'} refers to code ${c.code || '(none)'}, which the file does not have; not imported`);
        return null;
      }
      const key = `${codeKey}\u0000${start}\u0000${end}`;
      let index = seen.get(key);
      if (index === undefined) {
        index = planned.codings.push({ codeKey, start, end, user: c.user ?? fallback.user, at: c.at ?? fallback.at }) - 1;
        seen.set(key, index);
      }
      if (c.guid) out.codings.set(c.guid, { source: source.guid, index });
      return index;
    };
    for (const sel of source.selections) {
      const span = reader.read(sel.start, sel.end, model);
      if ('problem' in span) {
        const lostCodings = sel.codings.length > 0 ? `; its ${plural(sel.codings.length, 'coding')} ${sel.codings.length === 1 ? 'is' : 'are'} not imported` : '; not imported';
        findings.warn(where, `selection ${sel.guid || '(no GUID)'}: ${span.problem}${lostCodings}`);
        continue;
      }
      const indexes = sel.codings.map((c) => addCoding(c, span.start, span.end, sel)).filter((i): i is number => i !== null);
      out.selections.set(sel.guid, { source: source.guid, start: span.start, end: span.end, codings: [...new Set(indexes)], description: sel.description, noteRefs: sel.noteRefs });
    }
    for (const c of source.codings) addCoding(c, 0, reader.canonical.length, source);
    out.sources.push(planned);
  }
  if (missing > 0) findings.skip('Sources whose text is not in the file', missing);
  if (empty > 0) findings.skip('Sources with an empty plain text', empty);
  return out;
}
