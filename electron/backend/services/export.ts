import type { HandlerMap } from '../handler-types.ts';
import { countExcerpts } from '../export/excerpt-data.ts';
import { cancelExport } from '../export/jobs.ts';
import { exportCodebook, exportExcerpts } from '../export/run.ts';

type M = 'export.count' | 'export.excerpts' | 'export.codebook' | 'export.cancel';

/** Coded-excerpt and codebook exports; the writers live in electron/backend/export/ (see its README). */
export const exportHandlers: HandlerMap<M> = {
  'export.count': (input, { db }) => countExcerpts(db, input),
  'export.excerpts': (input, ctx) => exportExcerpts(ctx, input),
  'export.codebook': (input, ctx) => exportCodebook(ctx, input),
  'export.cancel': (input) => ({ cancelled: cancelExport(input.jobId) }),
};
