import { fileNameFor } from '../../../shared/domain/analysis/csv.ts';
import type { ExchangeExport } from '../../../shared/domain/exchange-types.ts';
import type { Ctx } from '../context.ts';
import { REFI_ORIGIN } from './codebook-file.ts';
import { buildProjectExport } from './project-export.ts';
import type { RefiCode } from './refi-model.ts';
import { writeProjectXml } from './refi-write.ts';
import { zipTexts } from './zip-write.ts';

export const QDPX_MIME = 'application/zip';

const countCodes = (codes: readonly RefiCode[]): number => codes.reduce((n, c) => n + 1 + countCodes(c.children), 0);

/**
 * The project as a .qdpx: project.qde first, then one text file per source. The store is read
 * in one synchronous step (a consistent snapshot); zipping then yields between files through
 * `step`, which reports progress and throws when the job is cancelled.
 */
export async function exportProjectFile(ctx: Ctx, step: (label: string, done: number, total: number) => Promise<void>): Promise<ExchangeExport> {
  await step('Reading the project', 0, 1);
  const { project, texts, remarks } = buildProjectExport(ctx.db, ctx.now(), ctx.coderId, REFI_ORIGIN);
  const xml = writeProjectXml(project);
  const files = [{ path: 'project.qde', text: xml }, ...texts];
  const bytes = await zipTexts(files, (done, total) => step('Writing sources', done, total));
  const fileName = fileNameFor(project.name, 'qdpx');
  const textSources = project.sources.flatMap((s) => (s.kind === 'text' ? [s] : []));
  const selections = textSources.flatMap((s) => s.selections);
  return {
    file: { fileName, mime: QDPX_MIME, base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64') },
    summary: {
      format: 'qdpx',
      fileName,
      bytes: bytes.length,
      counts: {
        users: project.users.length,
        codes: countCodes(project.codes),
        variables: project.variables.length,
        cases: project.cases.length,
        sources: textSources.length,
        selections: selections.length,
        codings: selections.reduce((n, s) => n + s.codings.length, 0),
        notes: project.notes.length,
        links: project.links.length,
        sets: project.sets.length,
      },
      remarks,
    },
  };
}
