import type { ProgressEvent } from '../../shared/api/contract.ts';
import { isApiError, type ApiResult } from '../../shared/api/errors.ts';
import { describeValue, isPlainObject } from '../backend/envelope.ts';

/** Main process → backend utility process. */
export type BackendRequest =
  /** Open the project given on the command line, or the demo project without one. */
  | { type: 'start'; project?: string }
  /** origin 'renderer': relayed from the page; absent: main's own call (menus, dialogs). */
  | { type: 'call'; id: number; method: string; input: unknown; origin?: 'renderer' }
  /** Close the project (checkpointing its WAL) and exit. */
  | { type: 'shutdown' };

/** Backend utility process → main process. */
export type BackendMessage =
  | { type: 'started'; error?: string }
  | { type: 'result'; id: number; result: ApiResult<unknown> }
  | { type: 'progress'; event: ProgressEvent };

const problem = (text: string) => ({ ok: false as const, problem: text });
const isId = (id: unknown): id is number => Number.isSafeInteger(id) && (id as number) > 0;
const typeName = (type: unknown): string => (typeof type === 'string' ? JSON.stringify(type) : describeValue(type));

/**
 * Checks a message from main before the backend acts on it. Whether a call's method exists
 * and its input fits is left to the dispatcher, which answers with a typed error; a problem
 * that comes with a call id is answered too; what cannot be answered (no type, no id) is
 * named, never thrown on.
 */
export function readBackendRequest(message: unknown): { ok: true; request: BackendRequest } | { ok: false; problem: string; id?: number } {
  if (!isPlainObject(message)) return problem(`a request must be an object, not ${describeValue(message)}`);
  switch (message['type']) {
    case 'start': {
      const project = message['project'];
      if (project === undefined) return { ok: true, request: { type: 'start' } };
      return typeof project === 'string' ? { ok: true, request: { type: 'start', project } } : problem(`start: project must be a path, not ${describeValue(project)}`);
    }
    case 'call': {
      const id = message['id'];
      if (!isId(id)) return problem(`call: id must be a positive whole number, not ${describeValue(id)}`);
      const method = message['method'];
      if (typeof method !== 'string') return { ...problem(`"method" must be a string naming an API method, not ${describeValue(method)}`), id };
      const origin = message['origin'];
      if (origin !== undefined && origin !== 'renderer') return { ...problem(`call: origin must be "renderer" or absent, not ${describeValue(origin)}`), id };
      return { ok: true, request: origin ? { type: 'call', id, method, input: message['input'], origin } : { type: 'call', id, method, input: message['input'] } };
    }
    case 'shutdown':
      return { ok: true, request: { type: 'shutdown' } };
    default:
      return problem(`unknown request type ${typeName(message['type'])}`);
  }
}

/**
 * Checks a message from the backend before main acts on it. An answer to a known call that
 * is malformed still settles that call, with a typed error.
 */
export function readBackendMessage(message: unknown): { ok: true; message: BackendMessage } | { ok: false; problem: string; id?: number } {
  if (!isPlainObject(message)) return problem(`a message must be an object, not ${describeValue(message)}`);
  switch (message['type']) {
    case 'started': {
      const error = message['error'];
      if (error === undefined) return { ok: true, message: { type: 'started' } };
      return { ok: true, message: { type: 'started', error: typeof error === 'string' ? error : `the backend failed to start (${describeValue(error)})` } };
    }
    case 'result': {
      const id = message['id'];
      if (!isId(id)) return problem(`result: id must be a positive whole number, not ${describeValue(id)}`);
      const result = message['result'];
      if (!isPlainObject(result) || typeof result['ok'] !== 'boolean' || (!result['ok'] && !isApiError(result['error']))) {
        return { ...problem(`result ${id}: not an API result but ${describeValue(result)}`), id };
      }
      return { ok: true, message: { type: 'result', id, result: result as ApiResult<unknown> } };
    }
    case 'progress': {
      const event = message['event'];
      if (!isPlainObject(event) || typeof event['jobId'] !== 'string') return problem(`progress: not a progress event but ${describeValue(event)}`);
      return { ok: true, message: { type: 'progress', event: event as ProgressEvent } };
    }
    default:
      return problem(`unknown message type ${typeName(message['type'])}`);
  }
}
