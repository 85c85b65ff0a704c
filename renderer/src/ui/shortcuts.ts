/**
 * Every keyboard shortcut of the app, in one place: the window's and the document's commands
 * match keys through this map (`matches`), buttons show their keys from it (`keysOf`), the cheat
 * sheet (F1 or ?) lists it, and test/unit/renderer/shortcuts.test.ts checks that no two commands
 * share a key where both could fire. The keys of standard widgets (tree, list, tabs) are handled
 * by those widgets as ARIA describes them and are listed here so the check and the sheet see them.
 *
 * Keys are written as people read them: "Ctrl+K" (Cmd on a Mac), "Ctrl+Alt+I", "Shift+1–9",
 * "/", "?", "F2", "Alt+↓". A range "1–9" stands for each digit.
 */

/**
 * Where a shortcut works. "window": anywhere, in text fields too. "outside text": anywhere but
 * in a text field (where the key keeps its usual meaning, e.g. Ctrl+Z undoes typing). The others
 * work only where focus is: the document text, the codebook tree, a list, a row of tabs, a dialog,
 * the memo editor. "desktop menu": accelerators of the desktop app's menus (platform defaults).
 */
export type ShortcutContext = 'window' | 'outside text' | 'document' | 'codebook tree' | 'list' | 'tabs' | 'dialog' | 'memo editor' | 'desktop menu';

/** `changes`: the command changes the project (refused where it is open read-only). */
export type Shortcut = { id: string; keys: readonly string[]; context: ShortcutContext; does: string; changes?: true };

export const SHORTCUTS = [
  // The whole window.
  { id: 'view', keys: ['Ctrl+1–8'], context: 'window', does: 'Go to Sources, Codebook, Participants, Analysis, Export, Search, Team or Integrity' },
  { id: 'focusDocument', keys: ['Ctrl+E'], context: 'window', does: 'Put the caret in the document text (opens Sources)' },
  { id: 'openProject', keys: ['Ctrl+O'], context: 'window', does: 'Open a project' },
  { id: 'newProject', keys: ['Ctrl+Alt+N'], context: 'window', does: 'New project' },
  { id: 'import', keys: ['Ctrl+Shift+O'], context: 'window', does: 'Import transcripts, documents and questionnaires' },
  { id: 'cheatSheet', keys: ['F1'], context: 'window', does: 'Show these keyboard shortcuts' },
  { id: 'cheatSheetQ', keys: ['?'], context: 'outside text', does: 'Show these keyboard shortcuts' },
  { id: 'undo', keys: ['Ctrl+Z'], context: 'outside text', does: 'Undo the last change to the project' },
  { id: 'redo', keys: ['Ctrl+Shift+Z', 'Ctrl+Y'], context: 'outside text', does: 'Redo' },

  // The document text.
  { id: 'applyCode', keys: ['Ctrl+K', '/'], context: 'document', does: 'Apply a code to the selection (or change the selected coding’s code)', changes: true },
  { id: 'applyKey', keys: ['1–9'], context: 'document', does: 'Apply the code on that number key to the selection', changes: true },
  { id: 'applyKeyToUnit', keys: ['Shift+1–9'], context: 'document', does: 'Apply the code on that number key to the whole turn, answer or paragraph', changes: true },
  { id: 'inVivo', keys: ['Ctrl+I'], context: 'document', does: 'In vivo: a new code named after the selected words', changes: true },
  { id: 'newCategory', keys: ['Ctrl+Alt+I'], context: 'document', does: 'New category from the selected passage, with a memo on why', changes: true },
  { id: 'codeUnit', keys: ['Ctrl+U'], context: 'document', does: 'Code the whole turn, answer or paragraph at the caret', changes: true },
  { id: 'nextCoding', keys: ['Alt+↓'], context: 'document', does: 'Select the next coding' },
  { id: 'previousCoding', keys: ['Alt+↑'], context: 'document', does: 'Select the previous coding' },
  { id: 'selectAtCaret', keys: ['Enter'], context: 'document', does: 'Select the coding at the caret (while adjusting: keep the new boundaries)' },
  { id: 'memo', keys: ['M'], context: 'document', does: 'Memo on the selected coding' },
  { id: 'adjust', keys: ['F2'], context: 'document', does: 'Adjust the selected coding’s boundaries', changes: true },
  { id: 'removeCoding', keys: ['Delete', 'Backspace'], context: 'document', does: 'Remove the selected coding', changes: true },
  { id: 'deselect', keys: ['Esc'], context: 'document', does: 'Deselect the coding (while adjusting: cancel)' },

  // The codebook tree.
  { id: 'treeMove', keys: ['↑', '↓', 'Home', 'End'], context: 'codebook tree', does: 'Move through the codes' },
  { id: 'treeFold', keys: ['←', '→'], context: 'codebook tree', does: 'Fold or unfold a code, or go to its parent' },
  { id: 'treeActivate', keys: ['Enter'], context: 'codebook tree', does: 'Apply the code to the selected passage' },
  { id: 'treeTick', keys: ['Space'], context: 'codebook tree', does: 'Tick the code for merging' },
  { id: 'treeRename', keys: ['F2'], context: 'codebook tree', does: 'Rename the code' },

  // Lists, tabs, dialogs, the memo editor.
  { id: 'listMove', keys: ['↑', '↓'], context: 'list', does: 'Move through sources, files or results' },
  { id: 'listRemove', keys: ['Delete'], context: 'list', does: 'Remove the file from the import' },
  { id: 'tabsMove', keys: ['←', '→', 'Home', 'End'], context: 'tabs', does: 'Switch tabs' },
  { id: 'dialogClose', keys: ['Esc'], context: 'dialog', does: 'Close the dialog' },
  { id: 'dialogRun', keys: ['Ctrl+Enter'], context: 'dialog', does: 'Import the files (import dialog)' },
  { id: 'memoBold', keys: ['Ctrl+B'], context: 'memo editor', does: 'Bold' },
  { id: 'memoItalic', keys: ['Ctrl+I'], context: 'memo editor', does: 'Italic' },

  // The desktop app's menus: platform keys the page must not take for something else.
  { id: 'menuEdit', keys: ['Ctrl+X', 'Ctrl+C', 'Ctrl+V', 'Ctrl+A'], context: 'desktop menu', does: 'Cut, copy, paste, select all' },
  { id: 'menuZoom', keys: ['Ctrl+0', 'Ctrl+=', 'Ctrl+-'], context: 'desktop menu', does: 'Actual size, zoom in, zoom out' },
  { id: 'menuFullScreen', keys: ['F11'], context: 'desktop menu', does: 'Full screen' },
  { id: 'menuWindow', keys: ['Ctrl+M', 'Ctrl+W'], context: 'desktop menu', does: 'Minimise, close the window' },
  { id: 'menuQuit', keys: ['Ctrl+Q'], context: 'desktop menu', does: 'Quit' },
] as const satisfies readonly Shortcut[];

export type ShortcutId = (typeof SHORTCUTS)[number]['id'];

const byId = new Map<string, Shortcut>(SHORTCUTS.map((s) => [s.id, s]));

export const shortcut = (id: ShortcutId): Shortcut => byId.get(id)!;

/** The keys of a command as a title shows them: "Ctrl+K or /". */
export const keysOf = (id: ShortcutId): string => shortcut(id).keys.join(' or ');

const ARROWS: Record<string, string> = { '↑': 'ArrowUp', '↓': 'ArrowDown', '←': 'ArrowLeft', '→': 'ArrowRight', Esc: 'Escape', Space: ' ' };

/** "Shift+1–9" → ["Shift+1", …, "Shift+9"]; other keys as they are. */
export function expandKey(key: string): string[] {
  const range = /^(.*?)(\d)–(\d)$/.exec(key);
  if (!range) return [key];
  const out: string[] = [];
  for (let d = Number(range[2]); d <= Number(range[3]); d++) out.push(`${range[1]}${d}`);
  return out;
}

/** One key as the keyboard sends it: modifiers in a fixed order, "?" as Shift+/, letters upper case. */
export function canonicalKey(key: string): string {
  if (key === '?') return 'Shift+/';
  const parts = key.split('+');
  // "Ctrl+=" and "Ctrl+-" end in the key itself; "Ctrl++" would too.
  const main = key.endsWith('++') ? '+' : parts.pop()!;
  const mods = new Set(parts.filter(Boolean));
  const order = ['Ctrl', 'Alt', 'Shift'].filter((m) => mods.has(m));
  return [...order, main.length === 1 ? main.toUpperCase() : main].join('+');
}

/** The key a keyboard event stands for, in the same form (Cmd counts as Ctrl). */
export function eventKey(e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>): string {
  const named = Object.entries(ARROWS).find(([, v]) => v === e.key)?.[0];
  // Letters and digits by their place on the keyboard: Alt and Shift change what e.key says (Alt+I is ˆ on a Mac).
  const main = /^Key[A-Z]$/.test(e.code) ? e.code.slice(3) : /^Digit\d$/.test(e.code) ? e.code.slice(5) : named ?? (e.key.length === 1 ? e.key.toUpperCase() : e.key);
  if (main === '?') return canonicalKey('?');
  const mods = [e.ctrlKey || e.metaKey ? 'Ctrl' : '', e.altKey ? 'Alt' : '', e.shiftKey ? 'Shift' : ''].filter(Boolean);
  return [...mods, main].join('+');
}

/** Does this event press one of the command's keys? */
export function matches(e: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>, id: ShortcutId): boolean {
  const pressed = eventKey(e);
  return shortcut(id).keys.some((k) => expandKey(k).some((one) => canonicalKey(one) === pressed));
}

/** True when the keys pressed are those of a command of `context` that changes the project. */
export function changesProject(e: Parameters<typeof matches>[0], context: ShortcutContext): boolean {
  return SHORTCUTS.some((s: Shortcut) => s.context === context && s.changes === true && matches(e, s.id as ShortcutId));
}

/** Two contexts where one key could reach both commands. */
export function overlap(a: ShortcutContext, b: ShortcutContext): boolean {
  if (a === b) return true;
  const everywhere = (c: ShortcutContext) => c === 'window' || c === 'desktop menu';
  if (everywhere(a) || everywhere(b)) return true;
  if (a === 'outside text' || b === 'outside text') return a !== 'memo editor' && b !== 'memo editor';
  return false;
}

/** Pairs of commands sharing a key where both could fire: none, or the map is wrong. */
export function conflicts(list: readonly Shortcut[] = SHORTCUTS): string[] {
  const out: string[] = [];
  const seen: { key: string; s: Shortcut }[] = [];
  for (const s of list) {
    for (const key of s.keys.flatMap(expandKey).map(canonicalKey)) {
      for (const other of seen) {
        if (other.key === key && other.s.id !== s.id && overlap(other.s.context, s.context)) {
          out.push(`${key}: “${other.s.does}” (${other.s.context}) and “${s.does}” (${s.context})`);
        }
      }
      seen.push({ key, s });
    }
  }
  return out;
}

/**
 * A field where keys type text (inputs, text areas, the memo editor): "outside text" shortcuts
 * leave their keys alone there. The document is editable only for its caret, so it does not count.
 */
export const isTextField = (el: Element | null): boolean =>
  !!el && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || (el instanceof HTMLElement && el.isContentEditable && !el.classList.contains('mg-doc')));
