import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { methodNames } from '../../shared/api/contract.ts';
import type { ApiResult } from '../../shared/api/errors.ts';
import { apiChannel } from '../preload/channels.ts';
import type { BackendClient } from './backend-client.ts';
import { isTrustedSender } from './security-policy.ts';

export type ApiRelayOptions = {
  backend: BackendClient;
  /** True for the web contents of a window this app created. */
  isOurContents: (contents: WebContents) => boolean;
  /** Runs after every answered call, e.g. to rebuild the recent-projects menu. */
  afterCall?: (method: string, result: ApiResult<unknown>) => void;
};

const REFUSED: ApiResult<never> = { ok: false, error: { code: 'internal', message: 'Refused: the call did not come from a Marginalia window' } };

/**
 * One handler per contract method (a duplicate registration throws at start-up). The
 * sender must be the top frame of our window showing marginalia://app/; the input is
 * passed on untouched and validated by the backend's dispatcher, so a malformed one (null,
 * an array, a wrong field) comes back as a typed invalid_input error.
 */
export function registerApiHandlers(ipc: IpcMain, options: ApiRelayOptions): void {
  const trusted = (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    return frame !== null && frame.parent === null && isTrustedSender(frame.url) && options.isOurContents(event.sender);
  };
  for (const method of methodNames) {
    ipc.handle(apiChannel(method), async (event, input: unknown) => {
      if (!trusted(event)) return REFUSED;
      // From the page: the backend checks its paths (safety/path-policy.ts).
      const result = await options.backend.call(method, input, 'renderer');
      try {
        options.afterCall?.(method, result);
      } catch (err) {
        // A failing follow-up (the recent-projects menu) must not turn the answer into a rejection.
        console.error(`Marginalia: after ${method}:`, err);
      }
      return result;
    });
  }
}
