export type ApiErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'not_a_project'
  | 'too_new'
  | 'no_project'
  | 'unknown_method'
  | 'cancelled'
  | 'bad_file'
  /** The project is open read-only here (another window or process writes it). */
  | 'read_only'
  /** The project file is damaged; it is left as it is (restore a snapshot). */
  | 'damaged'
  /** The disk is full or failed; the change was not made. */
  | 'io_error'
  | 'internal';

export type ApiError = {
  code: ApiErrorCode;
  message: string;
  /** Dotted path of the offending input field, when one is to blame. */
  field?: string;
};

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown inside the backend; the dispatcher turns it into an ApiResult error. */
export class ApiFailure extends Error {
  readonly code: ApiErrorCode;
  readonly field?: string;
  constructor(code: ApiErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'ApiFailure';
    this.code = code;
    if (field !== undefined) this.field = field;
  }
  toApiError(): ApiError {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}

export const isApiError = (x: unknown): x is ApiError =>
  typeof x === 'object' && x !== null && 'code' in x && 'message' in x;
