import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { menuTemplate, withProjectExtension, type MenuActions } from '../../../electron/main/menu.ts';

const actions = (): MenuActions => ({ newProject: vi.fn(), openProject: vi.fn(), openRecent: vi.fn(), openDemo: vi.fn(), edit: vi.fn() });
const submenu = (item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] => (item?.submenu ?? []) as MenuItemConstructorOptions[];
const byLabel = (items: MenuItemConstructorOptions[], label: string) => items.find((i) => i.label === label);
const roles = (items: MenuItemConstructorOptions[]) => items.map((i) => i.role).filter(Boolean);
const click = (item: MenuItemConstructorOptions | undefined) => (item!.click as () => void)();

const recent = [
  { path: '/data/a.marginalia', name: 'a', openedAt: '2025-01-01T00:00:00Z', exists: true },
  { path: '/data/gone.marginalia', name: 'gone', openedAt: '2024-01-01T00:00:00Z', exists: false },
];

describe('application menu', () => {
  it('has the project commands, and Quit, in the File menu', () => {
    const a = actions();
    const file = submenu(byLabel(menuTemplate({ recent, dev: false, platform: 'linux' }, a), '&File'));
    click(byLabel(file, 'New Project…'));
    click(byLabel(file, 'Open Project…'));
    click(byLabel(file, 'Open Demo Project'));
    expect(a.newProject).toHaveBeenCalledOnce();
    expect(a.openProject).toHaveBeenCalledOnce();
    expect(a.openDemo).toHaveBeenCalledOnce();
    expect(roles(file)).toContain('quit');
  });

  it('offers joining a team project and sharing to a team server from the File menu, carried out by the page', () => {
    const a = actions();
    const file = submenu(byLabel(menuTemplate({ recent, dev: false, platform: 'linux' }, a), '&File'));
    click(byLabel(file, 'Join Team Project…'));
    click(byLabel(file, 'Share to Team Server…'));
    expect(a.edit).toHaveBeenNthCalledWith(1, 'joinTeam');
    expect(a.edit).toHaveBeenNthCalledWith(2, 'shareTeam');
  });

  it('lists recent projects, disabling the missing ones', () => {
    const a = actions();
    const file = submenu(byLabel(menuTemplate({ recent, dev: false, platform: 'linux' }, a), '&File'));
    const items = submenu(byLabel(file, 'Open Recent'));
    expect(items.map((i) => i.enabled)).toEqual([true, false]);
    click(items[0]);
    expect(a.openRecent).toHaveBeenCalledWith('/data/a.marginalia');
    const none = submenu(byLabel(submenu(byLabel(menuTemplate({ recent: [], dev: false, platform: 'linux' }, a), '&File')), 'Open Recent'));
    expect(none).toEqual([{ label: 'No recent projects', enabled: false }]);
  });

  it('offers reload and developer tools only in development', () => {
    const view = (dev: boolean) => roles(submenu(byLabel(menuTemplate({ recent: [], dev, platform: 'linux' }, actions()), '&View')));
    expect(view(true)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
    expect(view(false)).not.toContain('reload');
    expect(view(false)).not.toContain('toggleDevTools');
  });

  it('has the standard edit roles, with Undo and Redo sent to the page (project undo, not only typing)', () => {
    const a = actions();
    const items = submenu(byLabel(menuTemplate({ recent: [], dev: false, platform: 'win32' }, a), '&Edit'));
    expect(roles(items)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
    const undo = byLabel(items, 'Undo')!;
    const redo = byLabel(items, 'Redo')!;
    expect([undo.accelerator, redo.accelerator]).toEqual(['CmdOrCtrl+Z', 'CmdOrCtrl+Shift+Z']);
    // Shown, not registered: the key reaches the page, which knows whether a text field has focus.
    expect([undo.registerAccelerator, redo.registerAccelerator]).toEqual([false, false]);
    (undo.click as () => void)();
    (redo.click as () => void)();
    expect(a.edit).toHaveBeenNthCalledWith(1, 'undo');
    expect(a.edit).toHaveBeenNthCalledWith(2, 'redo');
  });

  it('puts Quit in the app menu on macOS', () => {
    const template = menuTemplate({ recent: [], dev: false, platform: 'darwin' }, actions());
    expect(template[0]!.role).toBe('appMenu');
    expect(roles(submenu(byLabel(template, '&File')))).not.toContain('quit');
  });
});

describe('withProjectExtension', () => {
  it('adds .marginalia unless the name already ends with it', () => {
    expect(withProjectExtension('/data/study')).toBe('/data/study.marginalia');
    expect(withProjectExtension('/data/study.marginalia')).toBe('/data/study.marginalia');
    expect(withProjectExtension('/data/Study.MARGINALIA')).toBe('/data/Study.MARGINALIA');
    expect(withProjectExtension('/data/notes.txt')).toBe('/data/notes.txt.marginalia');
  });
});
