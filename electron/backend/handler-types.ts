import type { MethodName, Output, ParsedInput } from '../../shared/api/contract.ts';
import type { Ctx } from './context.ts';

export type Handler<M extends MethodName> = (input: ParsedInput<M>, ctx: Ctx) => Output<M> | Promise<Output<M>>;
/** Handlers of a group of methods; the compiler checks each against the contract. */
export type HandlerMap<K extends MethodName> = { [M in K]: Handler<M> };

/** A handler the Host answers itself: no open project, so no ctx. */
export type HostHandler<M extends MethodName> = (input: ParsedInput<M>) => Output<M> | Promise<Output<M>>;
export type HostHandlerMap<K extends MethodName> = { [M in K]: HostHandler<M> };

/** A group as the type checks below see it: only its method names count. */
type Group = Partial<Record<MethodName, unknown>>;

/** The methods some group of a list handles. */
export type HandledBy<G extends readonly Group[]> = G[number] extends infer U ? (U extends Group ? keyof U & MethodName : never) : never;

/** Methods handled by two or more groups of a list. */
export type HandledTwice<G extends readonly Group[]> = G extends readonly [infer First extends Group, ...infer Rest extends readonly Group[]]
  ? (keyof First & HandledBy<Rest>) | HandledTwice<Rest>
  : never;

/** Contract methods that no group of a list handles. */
export type Unhandled<G extends readonly Group[]> = Exclude<MethodName, HandledBy<G>>;

/**
 * `unknown` when no method is handled twice; otherwise a type no value has, whose one key
 * names the offending methods, so the compiler's message reads
 * "Property 'API methods handled by two groups' is missing … required in type { …: "codes.list" }".
 */
export type NoneTwice<G extends readonly Group[]> = [HandledTwice<G>] extends [never]
  ? unknown
  : { 'API methods handled by two groups': HandledTwice<G> };

/** Like NoneTwice, and also names the contract methods no group handles. */
export type ExactlyOnce<G extends readonly Group[]> = [Unhandled<G>] extends [never]
  ? NoneTwice<G>
  : { 'API methods without a handler (register their group in electron/backend/handlers.ts)': Unhandled<G> };

/**
 * Combines handler groups into one map. A method in two groups is a compile error (and, should
 * the types be bypassed, an error at start-up); the dispatcher checks that the combination and
 * the Host's own handlers cover the contract exactly once.
 */
export function combineHandlers<const G extends readonly Group[]>(groups: G & NoneTwice<G>): { [M in HandledBy<G>]: Handler<M> } {
  const all: Record<string, unknown> = {};
  for (const group of groups as readonly Group[]) {
    for (const [name, fn] of Object.entries(group)) {
      if (Object.hasOwn(all, name)) throw new Error(`API method ${name} is registered twice`);
      all[name] = fn;
    }
  }
  return all as { [M in HandledBy<G>]: Handler<M> };
}
