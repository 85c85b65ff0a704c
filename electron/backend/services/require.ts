import { ApiFailure } from '../../../shared/api/errors.ts';

/** Returns the value or fails with a not_found error naming what was missing. */
export function found<T>(value: T | undefined, what: string, field = 'id'): T {
  if (value === undefined) throw new ApiFailure('not_found', `${what} does not exist`, field);
  return value;
}
