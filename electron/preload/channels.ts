import type { MethodName } from '../../shared/api/contract.ts';

/** IPC channel names, shared by main and the preload so no name is typed twice. */
export const apiChannel = (method: MethodName): `api:${MethodName}` => `api:${method}`;
export const PROGRESS_CHANNEL = 'progress';
export const PROJECT_CHANGED_CHANNEL = 'project-changed';
export const MENU_COMMAND_CHANNEL = 'menu-command';
export type EventChannel = typeof PROGRESS_CHANNEL | typeof PROJECT_CHANGED_CHANNEL | typeof MENU_COMMAND_CHANNEL;

/**
 * Menu items the page carries out itself: undo and redo (it knows whether a text field has the
 * focus), and the team-project dialogs it owns.
 */
export const MENU_COMMANDS = ['undo', 'redo', 'joinTeam', 'shareTeam'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
