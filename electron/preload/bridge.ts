import { methodNames, type Input, type MethodName, type Output, type ProgressEvent } from '../../shared/api/contract.ts';
import type { ApiResult } from '../../shared/api/errors.ts';
import { MENU_COMMANDS, type MenuCommand } from '../../shared/api/desktop.ts';
import { apiChannel, MENU_COMMAND_CHANNEL, PROGRESS_CHANNEL, PROJECT_CHANGED_CHANNEL, type EventChannel } from './channels.ts';

/** What window.marginalia holds; mirrors DesktopBridge in renderer/src/api/client.ts. */
export type Bridge = {
  api: { [M in MethodName]: (input: Input<M>) => Promise<ApiResult<Output<M>>> };
  onProgress: (listener: (event: ProgressEvent) => void) => () => void;
  onProjectChanged: (listener: () => void) => () => void;
  onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
};

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;
/** Subscribes to one event channel; returns the unsubscribe function. */
export type Subscribe = (channel: EventChannel, listener: (payload: unknown) => void) => () => void;

/**
 * Builds the bridge from the contract's method list: one function per method, each bound
 * to its own channel, plus the event subscriptions. Nothing takes a channel name from
 * the page, so the page cannot reach any other IPC channel.
 */
export function buildBridge(invoke: Invoke, on: Subscribe): Bridge {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const method of methodNames) {
    const channel = apiChannel(method);
    api[method] = (input: unknown) => invoke(channel, input);
  }
  return Object.freeze({
    api: Object.freeze(api) as Bridge['api'],
    onProgress: (listener: (event: ProgressEvent) => void) => on(PROGRESS_CHANNEL, (payload) => listener(payload as ProgressEvent)),
    onProjectChanged: (listener: () => void) => on(PROJECT_CHANGED_CHANNEL, () => listener()),
    // Only a known command name reaches the page.
    onMenuCommand: (listener: (command: MenuCommand) => void) =>
      on(MENU_COMMAND_CHANNEL, (payload) => {
        if ((MENU_COMMANDS as readonly unknown[]).includes(payload)) listener(payload as MenuCommand);
      }),
  });
}
