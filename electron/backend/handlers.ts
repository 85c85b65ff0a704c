import { combineHandlers } from './handler-types.ts';
import { codeHandlers } from './services/codes.ts';
import { codingHandlers } from './services/codings.ts';
import { memoHandlers } from './services/memos.ts';
import { participantHandlers } from './services/participants.ts';
import { sourceHandlers } from './services/sources.ts';
import { undoHandlers } from './services/undo.ts';
import { frameworkHandlers } from './services/frameworks.ts';
import { mergeSplitHandlers } from './services/merge-split.ts';
import { inductiveHandlers } from './services/inductive.ts';
import { codingEditHandlers } from './services/coding-edits.ts';
import { memoTargetHandlers } from './services/memo-targets.ts';
import { analysisServiceHandlers } from './services/analysis.ts';
import { searchHandlers } from './services/search.ts';
import { importHandlers } from './services/import.ts';
import { exchangeHandlers } from './services/exchange.ts';
import { exportHandlers } from './services/export.ts';
import { anonymizeHandlers } from './services/anonymize.ts';
import { auditHandlers } from './services/audit.ts';
import { codeKeyHandlers } from './services/code-keys.ts';
import { teamHandlers } from './services/team.ts';

/**
 * Every handler that works on the open project, one group a line. Together with the Host's own
 * handlers (host.ts) they must cover the contract exactly once: a method with no handler or
 * with two is a compile error naming it (see handler-types.ts).
 */
export const projectHandlers = combineHandlers([
  participantHandlers,
  sourceHandlers,
  codeHandlers,
  codingHandlers,
  memoHandlers,
  undoHandlers,
  frameworkHandlers,
  mergeSplitHandlers,
  inductiveHandlers,
  codingEditHandlers,
  memoTargetHandlers,
  analysisServiceHandlers,
  searchHandlers,
  importHandlers,
  exchangeHandlers,
  exportHandlers,
  anonymizeHandlers,
  auditHandlers,
  codeKeyHandlers,
  teamHandlers,
]);
