import type { HandlerMap } from '../handler-types.ts';
import { getSource, listQuestions, listSources, renameSource } from '../repositories/sources.ts';
import { labelOperation, q } from '../undo/labels.ts';
import { found } from './require.ts';

type M = 'sources.list' | 'sources.get' | 'sources.rename' | 'questions.list';

export const sourceHandlers: HandlerMap<M> = {
  'sources.list': (input, { db }) => listSources(db, input.kind),
  'sources.get': (input, { db }) => found(getSource(db, input.id), `Source ${input.id}`),
  'sources.rename': (input, ctx) => {
    const before = found(getSource(ctx.db, input.id), `Source ${input.id}`);
    labelOperation(ctx.db, `Rename source ${q(before.name)}`);
    renameSource(ctx.db, input.id, input.name);
    ctx.audit('rename', 'source', input.id, { before: before.name, after: input.name });
    return listSources(ctx.db).find((s) => s.id === input.id)!;
  },
  'questions.list': (input, { db }) => listQuestions(db, input.sourceId),
};
