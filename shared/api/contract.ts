import type { z } from 'zod';
import { codeMethods } from './methods/codes.ts';
import { codingMethods } from './methods/codings.ts';
import { memoMethods } from './methods/memos.ts';
import { participantMethods } from './methods/participants.ts';
import { projectMethods } from './methods/project.ts';
import { sourceMethods } from './methods/sources.ts';
import { undoMethods } from './methods/undo.ts';
import { frameworkMethods } from './methods/frameworks.ts';
import { workbenchMethods } from './methods/workbench.ts';
import { importMethods } from './methods/import.ts';
import { analysisMethods } from './methods/analysis.ts';
import { searchMethods } from './methods/search.ts';
import { exchangeMethods } from './methods/exchange.ts';
import { exportMethods } from './methods/export.ts';
import { anonymizeMethods } from './methods/anonymize.ts';
import { auditMethods } from './methods/audit.ts';
import { safetyMethods } from './methods/safety.ts';
import { teamMethods } from './methods/team.ts';
import { teamSyncMethods } from './methods/team-sync.ts';

/**
 * The one API contract. Handlers, the preload and the browser-mode client are all derived
 * from this object; add a method to a file in methods/ and list that file here once.
 */
export const contract = {
  ...projectMethods,
  ...participantMethods,
  ...sourceMethods,
  ...codeMethods,
  ...codingMethods,
  ...memoMethods,
  ...undoMethods,
  ...frameworkMethods,
  ...workbenchMethods,
  ...importMethods,
  ...analysisMethods,
  ...searchMethods,
  ...exchangeMethods,
  ...exportMethods,
  ...anonymizeMethods,
  ...auditMethods,
  ...safetyMethods,
  ...teamMethods,
  ...teamSyncMethods,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = Contract[M]['_output'];
export const methodNames = Object.keys(contract) as MethodName[];
export const isMethodName = (name: string): name is MethodName => Object.hasOwn(contract, name);

/** Progress of a long job, sent on the one event channel. */
export type ProgressEvent = {
  jobId: string;
  label: string;
  done: number;
  total: number;
  finished?: boolean;
  error?: string;
  /**
   * Set (with jobId 'team-sync') after a sync of a team replica applied others' changes: the
   * page reloads what it shows. `last`: the log position now applied; `applied`: entries applied;
   * `remote`: how many of them were others' (the rest were this replica's own coming back, which
   * the page already shows: it reloads only when `remote` > 0).
   */
  team?: { last: number; applied: number; remote: number };
};
