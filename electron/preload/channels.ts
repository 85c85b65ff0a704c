import type { MethodName } from '../../shared/api/contract.ts';

/** IPC channel names, shared by main and the preload so no name is typed twice. */
export const apiChannel = (method: MethodName): `api:${MethodName}` => `api:${method}`;
export const PROGRESS_CHANNEL = 'progress';
export const PROJECT_CHANGED_CHANNEL = 'project-changed';
export const MENU_COMMAND_CHANNEL = 'menu-command';
export type EventChannel = typeof PROGRESS_CHANNEL | typeof PROJECT_CHANGED_CHANNEL | typeof MENU_COMMAND_CHANNEL;
