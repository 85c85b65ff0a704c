import { describe, expect, it } from 'vitest';
import { canonicalKey, conflicts, eventKey, expandKey, keysOf, matches, SHORTCUTS, type Shortcut } from '../../../renderer/src/ui/shortcuts.ts';

/** A keyboard event as the browser sends it, for a US layout. */
const press = (key: string, code: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
  key,
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('the shortcut map', () => {
  it('gives no key two commands where both could fire', () => {
    expect(conflicts()).toEqual([]);
  });

  it('finds a clash like the old Ctrl+I (Import anywhere, In vivo in the document)', () => {
    const withOldImport: Shortcut[] = [...SHORTCUTS.filter((s) => s.id !== 'import'), { id: 'import', keys: ['Ctrl+I'], context: 'window', does: 'Import' }];
    expect(conflicts(withOldImport).some((c) => c.startsWith('Ctrl+I:') && c.includes('In vivo'))).toBe(true);
  });

  it('lets one key mean different things where the two cannot both fire (Ctrl+I: in vivo in the document, italic in a memo)', () => {
    expect(SHORTCUTS.filter((s) => (s.keys as readonly string[]).includes('Ctrl+I')).map((s) => s.context).sort()).toEqual(['document', 'memo editor']);
  });

  it('gives every command a description and unique id', () => {
    expect(new Set(SHORTCUTS.map((s) => s.id)).size).toBe(SHORTCUTS.length);
    for (const s of SHORTCUTS) expect(s.does.length).toBeGreaterThan(3);
  });

  it('reads keys as the keyboard sends them', () => {
    expect(expandKey('Shift+1–9')).toHaveLength(9);
    expect(canonicalKey('?')).toBe('Shift+/');
    expect(eventKey(press('?', 'Slash', { shiftKey: true }))).toBe('Shift+/');
    // Alt and Shift change e.key (Alt+I is ˆ on a Mac): the key's place decides.
    expect(eventKey(press('ˆ', 'KeyI', { metaKey: true, altKey: true }))).toBe('Ctrl+Alt+I');
    expect(eventKey(press('!', 'Digit1', { shiftKey: true }))).toBe('Shift+1');
  });

  it('matches the commands a researcher presses', () => {
    expect(matches(press('i', 'KeyI', { ctrlKey: true }), 'inVivo')).toBe(true);
    expect(matches(press('i', 'KeyI', { ctrlKey: true }), 'import')).toBe(false);
    expect(matches(press('O', 'KeyO', { ctrlKey: true, shiftKey: true }), 'import')).toBe(true);
    expect(matches(press('o', 'KeyO', { ctrlKey: true }), 'openProject')).toBe(true);
    expect(matches(press('O', 'KeyO', { ctrlKey: true, shiftKey: true }), 'openProject')).toBe(false);
    expect(matches(press('7', 'Digit7'), 'applyKey')).toBe(true);
    expect(matches(press('&', 'Digit7', { shiftKey: true }), 'applyKey')).toBe(false);
    expect(matches(press('&', 'Digit7', { shiftKey: true }), 'applyKeyToUnit')).toBe(true);
    expect(matches(press('ArrowDown', 'ArrowDown', { altKey: true }), 'nextCoding')).toBe(true);
    expect(matches(press('Escape', 'Escape'), 'deselect')).toBe(true);
    expect(matches(press('y', 'KeyY', { metaKey: true }), 'redo')).toBe(true);
    expect(matches(press('F1', 'F1'), 'cheatSheet')).toBe(true);
  });

  it('shows a command’s keys as a title says them', () => {
    expect(keysOf('applyCode')).toBe('Ctrl+K or /');
    expect(keysOf('import')).toBe('Ctrl+Shift+O');
  });
});
