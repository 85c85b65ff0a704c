import { combineHandlers } from './handler-types.ts';
import { codeHandlers } from './services/codes.ts';
import { codingHandlers } from './services/codings.ts';
import { memoHandlers } from './services/memos.ts';
import { participantHandlers } from './services/participants.ts';
import { sourceHandlers } from './services/sources.ts';

/** Every handler that works on the open project. Add a service's map here once. */
export const projectHandlers = combineHandlers([participantHandlers, sourceHandlers, codeHandlers, codingHandlers, memoHandlers]);
