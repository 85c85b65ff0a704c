import { isMethodName, type MethodName } from '../../shared/api/contract.ts';
import type { ApiError, ApiErrorCode } from '../../shared/api/errors.ts';

/** One API request as a transport received it, before the dispatcher validates its input. */
export type Envelope = { method: MethodName; input: unknown };
export type Checked<T> = ({ ok: true } & T) | { ok: false; error: ApiError };

const EXAMPLE = '{"method": "codes.list", "input": {}}';
const ENVELOPE_KEYS: ReadonlySet<string> = new Set(['method', 'input']);

/** What a value is, in words a message can use: "null", "an array", "a string", … */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

// No `field`: that names a field of the input, and these are faults of the request around it.
const refuse = (code: ApiErrorCode, message: string): { ok: false; error: ApiError } => ({ ok: false, error: { code, message } });

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A method name must be a string naming a method of the contract. */
export function checkMethod(method: unknown): Checked<{ method: MethodName }> {
  if (method === undefined) return refuse('invalid_input', `The request names no "method": say which API method to call, as in ${EXAMPLE}`);
  if (typeof method !== 'string') return refuse('invalid_input', `"method" must be a string naming an API method, not ${describeValue(method)}`);
  if (!isMethodName(method)) return refuse('unknown_method', `There is no API method called ${JSON.stringify(method)}`);
  return { ok: true, method };
}

/**
 * Checks a request body already parsed from JSON: an object with a known "method" and an
 * optional "input" (left to the dispatcher's schema), and no other key.
 */
export function readEnvelope(body: unknown): Checked<Envelope> {
  if (!isPlainObject(body)) return refuse('invalid_input', `The request body must be a JSON object like ${EXAMPLE}, not ${describeValue(body)}`);
  const extra = Object.keys(body).filter((key) => !ENVELOPE_KEYS.has(key));
  if (extra.length > 0) {
    const names = extra.map((key) => JSON.stringify(key)).join(', ');
    return refuse('invalid_input', `The request has ${extra.length === 1 ? 'a key' : 'keys'} ${names} that an API call does not take: only "method" and "input"`);
  }
  const method = checkMethod(body['method']);
  return method.ok ? { ok: true, method: method.method, input: body['input'] } : method;
}
