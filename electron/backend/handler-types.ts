import type { MethodName, Output, ParsedInput } from '../../shared/api/contract.ts';
import type { Ctx } from './context.ts';

export type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: Ctx) => Output<M> | Promise<Output<M>>;
/** Handlers of a group of methods; the compiler checks each against the contract. */
export type HandlerMap<K extends MethodName> = { [M in K]: Handler<M> };

/** Combines handler groups and refuses a method registered twice. */
export function combineHandlers(groups: Record<string, unknown>[]): Record<string, unknown> {
  const all: Record<string, unknown> = {};
  for (const group of groups) {
    for (const [name, fn] of Object.entries(group)) {
      if (Object.hasOwn(all, name)) throw new Error(`API method ${name} is registered twice`);
      all[name] = fn;
    }
  }
  return all;
}
