import { contract, isMethodName, methodNames, type MethodName } from '../../shared/api/contract.ts';
import { ApiFailure, type ApiError, type ApiResult } from '../../shared/api/errors.ts';
import type { Ctx } from './context.ts';
import { checkMethod } from './envelope.ts';
import type { ExactlyOnce, HandlerMap, HostHandlerMap } from './handler-types.ts';
import { prepareRecording, recordOperation } from './undo/recorder.ts';
import { describeStorageError, isStorageError } from './safety/storage-errors.ts';
import type { CallOrigin } from './safety/path-policy.ts';

type AnyHandler = (input: unknown, ctx: Ctx) => unknown;
type AnyHostHandler = (input: unknown) => unknown;

export type DispatcherParts<P extends MethodName, H extends MethodName> = {
  /** Handlers that need an open project, keyed by method (handlers.ts). */
  projectHandlers: HandlerMap<P>;
  /** Handlers that manage which project is open (no project needed). */
  hostHandlers: HostHandlerMap<H>;
  /** The open project's context and transaction runner (and why it may not be written, if so), or null. */
  current: () => { ctx: Ctx; transaction: <T>(fn: () => T) => T; readOnly?: string | null } | null;
  /** Runs after a command or a writing job succeeded (automatic snapshots). */
  afterWrite?: () => void;
  /** Something a change must wait for before it is written (the snapshot taken on open), or null. */
  beforeWrite?: () => Promise<unknown> | null;
  /** Refuses what a caller may not ask for (a page naming paths: safety/path-policy.ts), by throwing an ApiFailure. */
  checkCall?: (method: MethodName, input: unknown, origin: CallOrigin) => void;
};

/**
 * What a transport needs: call one method with its input. Transports serving the page pass
 * origin 'renderer'; in-process callers (CLI, tests, the desktop shell's own dialogs) are trusted.
 */
export type ApiCall = (method: string, input: unknown, origin?: CallOrigin) => Promise<ApiResult<unknown>>;

export type Dispatcher = ApiCall & {
  /** Long jobs (imports) still running: the host must not close their project under them. */
  readonly runningJobs: () => number;
  /** Runs work while every other request waits, as a job's ctx.exclusive does (a team sync's writes). */
  readonly exclusive: <T>(work: () => Promise<T>) => Promise<T>;
};

/**
 * Requests that may run while a job holds the exclusive gate: the cancel that must reach it,
 * calls that do not read the project, and project switches, which the host refuses at once
 * while a job runs (rather than after it).
 */
const PASSES_GATE: ReadonlySet<string> = new Set([
  'import.cancel', 'exchange.cancel', 'app.paths', 'project.recent', 'project.open', 'project.create', 'project.openDemo', 'coders.setCurrent', 'coders.current',
]);

/**
 * Jobs that only read the project (stage, preview, export): they run on a read-only project.
 * Every other job, and every command, is refused there before it starts.
 */
const READ_ONLY_JOBS: ReadonlySet<string> = new Set(['import.stage', 'import.preview', 'exchange.stage', 'exchange.exportProject', 'export.excerpts', 'export.codebook', 'team.distribute', 'team.stage']);

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiFailure) return err.toApiError();
  const e = err as { code?: unknown; message?: unknown };
  if (isStorageError(err)) {
    const readOnly = typeof e?.code === 'string' && e.code.startsWith('SQLITE_READONLY');
    return { code: readOnly ? 'read_only' : 'io_error', message: `Nothing was changed: ${describeStorageError(err)}` };
  }
  if (typeof e?.code === 'string' && e.code.startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'conflict', message: `The change breaks a rule of the project store: ${String(e.message)}` };
  }
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}

/** Start-up check of what the types already promise, for callers that bypass them. */
function checkCoverage(projectHandlers: object, hostHandlers: object): void {
  const covered = new Set([...Object.keys(projectHandlers), ...Object.keys(hostHandlers)]);
  const missing = methodNames.filter((m) => !covered.has(m));
  if (missing.length > 0) throw new Error(`API methods without a handler: ${missing.join(', ')}`);
  for (const name of Object.keys(projectHandlers)) {
    if (Object.hasOwn(hostHandlers, name)) throw new Error(`API method ${name} is registered twice`);
  }
  for (const name of covered) if (!isMethodName(name)) throw new Error(`handler ${name} is not in the API contract`);
}

/**
 * The one entry point every transport calls. Validates the input against the contract,
 * runs commands in one IMMEDIATE transaction, and never throws: errors come back typed.
 * The project and host handlers must cover the contract exactly once: a method with no
 * handler or with two is a compile error naming the methods (handler-types.ts ExactlyOnce).
 */
export function createDispatcher<P extends MethodName, H extends MethodName>(
  parts: DispatcherParts<P, H> & ExactlyOnce<[Record<P, unknown>, Record<H, unknown>]>,
): Dispatcher {
  checkCoverage(parts.projectHandlers, parts.hostHandlers);
  const projectHandlers = parts.projectHandlers as Record<string, unknown>;
  const hostHandlers = parts.hostHandlers as Record<string, unknown>;

  let running = 0;
  // While a job writes exclusively (ctx.exclusive), the promise of its end; requests wait for it.
  let gate: Promise<void> | null = null;
  const exclusive = async <T>(work: () => Promise<T>): Promise<T> => {
    while (gate) await gate;
    let open = () => {};
    gate = new Promise<void>((resolve) => (open = resolve));
    try {
      return await work();
    } finally {
      gate = null;
      open();
    }
  };
  const call = async (name: string, input: unknown, origin: CallOrigin = 'trusted'): Promise<ApiResult<unknown>> => {
    // Transports pass on what they were sent: the name may not even be a string.
    const checked = checkMethod(name);
    if (!checked.ok) return checked;
    const method = checked.method;
    const def = contract[method];
    // A call with no input means {}; any other value, null included, must match the schema.
    const parsed = def.input.safeParse(input === undefined ? {} : input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.map(String).join('.');
      const message = field ? `${method}: ${field}: ${issue.message}` : `${method}: ${issue.message}`;
      return { ok: false, error: field ? { code: 'invalid_input', message, field } : { code: 'invalid_input', message } };
    }
    const writes = def.kind === 'command' || (def.kind === 'job' && !READ_ONLY_JOBS.has(method));
    const wait = writes && !hostHandlers[method] ? parts.beforeWrite?.() : null;
    if (wait) await wait;
    // A cancel must reach the job holding the gate; everything else waits its turn.
    if (!PASSES_GATE.has(method)) while (gate) await gate;
    try {
      parts.checkCall?.(method, parsed.data, origin);
      const host = hostHandlers[method] as AnyHostHandler | undefined;
      if (host) return { ok: true, value: await host(parsed.data) };
      const project = parts.current();
      if (!project) return { ok: false, error: { code: 'no_project', message: 'No project is open' } };
      const handler = projectHandlers[method] as AnyHandler;
      if (writes && project.readOnly) return { ok: false, error: { code: 'read_only', message: project.readOnly } };
      if (def.kind === 'command') {
        // Every command is one undoable operation; see electron/backend/README.md (Undo).
        prepareRecording(project.ctx.db);
        const value = project.transaction(() =>
          recordOperation(project.ctx, method, parsed.data, () => {
            const v = handler(parsed.data, project.ctx);
            if (v instanceof Promise) throw new Error(`command ${method} returned a promise; make it a job`);
            return v;
          }),
        );
        parts.afterWrite?.();
        return { ok: true, value };
      }
      if (def.kind === 'job') {
        running++;
        try {
          const value = await handler(parsed.data, { ...project.ctx, exclusive });
          if (writes) parts.afterWrite?.();
          return { ok: true, value };
        } finally {
          running--;
        }
      }
      return { ok: true, value: await handler(parsed.data, project.ctx) };
    } catch (err) {
      return { ok: false, error: toApiError(err) };
    }
  };
  return Object.assign(call, { runningJobs: () => running, exclusive });
}
