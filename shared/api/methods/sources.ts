import { z } from 'zod';
import { command, query } from '../define.ts';
import { id, label, sourceKind } from '../schemas.ts';
import type { Question, SourceDetail, SourceSummary } from '../../domain/types.ts';

export const sourceMethods = {
  'sources.list': query(z.object({ kind: sourceKind.optional() }).strict()).returns<SourceSummary[]>(),
  'sources.get': query(z.object({ id }).strict()).returns<SourceDetail>(),
  'sources.rename': command(z.object({ id, name: label('Source name', { max: 300 }) }).strict()).returns<SourceSummary>(),
  'questions.list': query(z.object({ sourceId: id.optional() }).strict()).returns<Question[]>(),
};
