import { describe, expect, expectTypeOf, it } from 'vitest';
import { methodNames, type MethodName } from '../../../shared/api/contract.ts';
import { createDispatcher } from '../../../electron/backend/dispatcher.ts';
import {
  combineHandlers,
  type HandledTwice,
  type HandlerMap,
  type HostHandlerMap,
  type Unhandled,
} from '../../../electron/backend/handler-types.ts';

/**
 * Planted violations of "every API method has exactly one handler". Each call marked
 * @ts-expect-error must stay a compile error: if the types stopped catching it, `npm run
 * typecheck` fails with "Unused '@ts-expect-error' directive". The same calls run here to
 * show the start-up check catches them as well.
 */

type HostMethod = 'project.info' | 'project.open' | 'project.create' | 'project.openDemo' | 'project.recent' | 'app.paths' | 'coders.list' | 'coders.setCurrent' | 'coders.current';
type ProjectMethod = Exclude<MethodName, HostMethod>;

const isHostMethod = (m: MethodName): m is HostMethod =>
  ['project.info', 'project.open', 'project.create', 'project.openDemo', 'project.recent', 'app.paths', 'coders.list', 'coders.setCurrent', 'coders.current'].includes(m);

/** A group whose handlers are never called: only its method names matter here. */
function stubs<K extends MethodName>(names: readonly K[]): HandlerMap<K> & HostHandlerMap<K> {
  return Object.fromEntries(names.map((name) => [name, () => null])) as unknown as HandlerMap<K> & HostHandlerMap<K>;
}

const host = stubs(methodNames.filter(isHostMethod));
const codes = stubs(methodNames.filter((m): m is ProjectMethod & `codes.${string}` => m.startsWith('codes.')));
const others = stubs(methodNames.filter((m): m is Exclude<ProjectMethod, `codes.${string}`> => !isHostMethod(m) && !m.startsWith('codes.')));
const withoutMerge = stubs(methodNames.filter((m): m is Exclude<ProjectMethod, 'codes.merge'> => !isHostMethod(m) && m !== 'codes.merge'));
const current = () => null;

describe('every API method has exactly one handler', () => {
  it('accepts groups that cover the contract exactly once', () => {
    const project = combineHandlers([codes, others]);
    expect(() => createDispatcher({ projectHandlers: project, hostHandlers: host, current })).not.toThrow();
  });

  it('refuses a method without a handler, at compile time and at start-up', () => {
    expectTypeOf<Unhandled<[typeof withoutMerge, typeof host]>>().toEqualTypeOf<'codes.merge'>();
    const project = combineHandlers([withoutMerge]);
    // @ts-expect-error codes.merge has no handler
    expect(() => createDispatcher({ projectHandlers: project, hostHandlers: host, current })).toThrow('API methods without a handler: codes.merge');
  });

  it('refuses a method in two project groups, at compile time and at start-up', () => {
    expectTypeOf<HandledTwice<[typeof codes, typeof others, typeof codes]>>().toEqualTypeOf<ProjectMethod & `codes.${string}`>();
    // @ts-expect-error the codes.* methods are in two groups
    expect(() => combineHandlers([codes, others, codes])).toThrow('API method codes.list is registered twice');
  });

  it('refuses a method handled both by a project group and by the host', () => {
    const project = combineHandlers([codes, others, stubs(['project.info'])]);
    // @ts-expect-error project.info is handled twice
    expect(() => createDispatcher({ projectHandlers: project, hostHandlers: host, current })).toThrow('API method project.info is registered twice');
  });
});
