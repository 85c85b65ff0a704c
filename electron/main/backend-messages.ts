import type { ProgressEvent } from '../../shared/api/contract.ts';
import type { ApiResult } from '../../shared/api/errors.ts';

/** Main process → backend utility process. */
export type BackendRequest =
  /** Open the project given on the command line, or the demo project without one. */
  | { type: 'start'; project?: string }
  | { type: 'call'; id: number; method: string; input: unknown }
  /** Close the project (checkpointing its WAL) and exit. */
  | { type: 'shutdown' };

/** Backend utility process → main process. */
export type BackendMessage =
  | { type: 'started'; error?: string }
  | { type: 'result'; id: number; result: ApiResult<unknown> }
  | { type: 'progress'; event: ProgressEvent };
