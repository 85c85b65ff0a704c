import type { z } from 'zod';

/**
 * One API method: a zod schema for its input, a phantom output type, and whether it
 * changes the project (commands run in one IMMEDIATE transaction and write the audit log).
 */
export type MethodDef<I extends z.ZodType = z.ZodType, O = unknown> = {
  readonly kind: 'query' | 'command' | 'job';
  readonly input: I;
  /** Phantom field: carries the output type only, never read at run time. */
  readonly _output: O;
};

const define =
  (kind: MethodDef['kind']) =>
  <I extends z.ZodType>(input: I) => ({
    returns: <O>(): MethodDef<I, O> => ({ kind, input, _output: undefined as unknown as O }),
  });

export const query = define('query');
export const command = define('command');
/** A long job: may be async, reports progress, and owns its single write transaction. */
export const job = define('job');
