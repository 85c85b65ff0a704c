/**
 * Desktop menu items the page carries out itself, sent over the preload bridge: undo and redo
 * (the page knows whether a text field has the focus) and the team-project dialogs it owns.
 * Shared so the preload (which lets only these through) and the page name them once.
 */
export const MENU_COMMANDS = ['undo', 'redo', 'joinTeam', 'shareTeam'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
