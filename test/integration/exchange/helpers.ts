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
