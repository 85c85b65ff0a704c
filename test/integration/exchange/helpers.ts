import { join } from 'node:path';
import type { ExchangeExport } from '../../../shared/domain/exchange-types.ts';
import type { Code } from '../../../shared/domain/types.ts';
import type { TestHost } from '../../helpers/project.ts';

/** A file as the renderer sends it. */
export const upload = (name: string, bytes: Uint8Array | string) => ({
  name,
  dataBase64: Buffer.from(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes).toString('base64'),
});

export const exportedBytes = (e: ExchangeExport): Buffer => Buffer.from(e.file.base64, 'base64');

/** Opens a new project file in the test's folder. */
export const newProject = (t: TestHost, name: string, template: 'five-questions' | 'empty' = 'empty') =>
  t.ok('project.create', { path: join(t.dir, `${name}.marginalia`), template });

/** The codebook as a researcher sees it: path, colour, texts, origin and framework links, in tree order. */
export async function codebookView(t: TestHost) {
  const codes = await t.ok('codes.list', {});
  const frameworks = await t.ok('frameworks.list', {});
  const byId = new Map(codes.map((c) => [c.id, c]));
  const path = (c: Code): string => (c.parentId === null ? c.name : `${path(byId.get(c.parentId)!)} / ${c.name}`);
  const elementName = new Map(frameworks.flatMap((f) => f.elements.map((e) => [e.id, `${f.name} › ${e.name}`])));
  return {
    codes: codes
      .map((c) => ({
        path: path(c),
        color: c.color,
        definition: c.definition,
        whenToUse: c.whenToUse,
        whenNotToUse: c.whenNotToUse,
        example: c.example,
        origin: c.origin,
        elements: c.elementIds.map((id) => elementName.get(id)).sort(),
      }))
      .sort((a, b) => a.path.localeCompare(b.path)),
    frameworks: frameworks.map((f) => ({ name: f.name, description: f.description, elements: f.elements.map((e) => ({ name: e.name, description: e.description })) })),
  };
}

/**
 * Everything a researcher would compare after a round trip, without ids: sources and their
 * texts, codings with their positions, quotes, coders, dates and who they are credited to,
 * memos and what they are about, participants with their attributes, coders.
 */
export async function projectView(t: TestHost) {
  const { codes: codebook, frameworks } = await codebookView(t);
  const codes = await t.ok('codes.list', {});
  const byId = new Map(codes.map((c) => [c.id, c]));
  const codePath = (id: number): string => {
    const c = byId.get(id)!;
    return c.parentId === null ? c.name : `${codePath(c.parentId)} / ${c.name}`;
  };
  const participants = await t.ok('participants.list', {});
  const label = new Map(participants.map((p) => [p.id, p.label]));
  const sources = await t.ok('sources.list', {});
  const codingAbout = new Map<number, string>();
  const sourceViews = [];
  for (const s of sources) {
    const detail = await t.ok('sources.get', { id: s.id });
    const codings = await t.ok('codings.listForSource', { sourceId: s.id });
    for (const c of codings) codingAbout.set(c.id, `${s.name} ${c.start}-${c.end} ${codePath(c.codeId)}`);
    sourceViews.push({
      name: s.name,
      kind: s.kind,
      text: detail.text,
      codings: codings
        .map((c) => ({ code: codePath(c.codeId), start: c.start, end: c.end, quote: c.quote, coder: c.coderName, at: c.createdAt, participant: c.participantId === null ? null : label.get(c.participantId) }))
        .sort((a, b) => a.start - b.start || a.end - b.end || a.code.localeCompare(b.code)),
    });
  }
  const coders = await t.ok('coders.list', {});
  const coderName = new Map(coders.map((c) => [c.id, c.name]));
  const sourceName = new Map(sources.map((s) => [s.id, s.name]));
  const about = (kind: string, id: number | null) =>
    kind === 'project' ? 'project' : kind === 'source' ? sourceName.get(id!) : kind === 'code' ? codePath(id!) : kind === 'participant' ? label.get(id!) : codingAbout.get(id!);
  const memos = (await t.ok('memos.list', {}))
    .map((m) => ({ about: `${m.targetKind}: ${about(m.targetKind, m.targetId)}`, title: m.title, text: m.text, coder: coderName.get(m.coderId), createdAt: m.createdAt, updatedAt: m.updatedAt }))
    .sort((a, b) => `${a.about}${a.title}${a.text}`.localeCompare(`${b.about}${b.title}${b.text}`));
  return {
    codebook,
    frameworks,
    sources: sourceViews,
    memos,
    participants: participants.map((p) => ({ label: p.label, name: p.name, description: p.description, attributes: p.attributes, codingCount: p.codingCount })),
    attributes: (await t.ok('attributes.list', {})).map((a) => ({ name: a.name, type: a.type })),
    coders: coders.map((c) => c.name).sort(),
  };
}
