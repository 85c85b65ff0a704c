import { describe, expect, it, vi } from 'vitest';
import { methodNames } from '../../../shared/api/contract.ts';
import { buildBridge, type Invoke, type Subscribe } from '../../../electron/preload/bridge.ts';

function fakeIpc() {
  const invoke = vi.fn<Invoke>(async () => ({ ok: true, value: 'answer' }));
  const listeners = new Map<string, (payload: unknown) => void>();
  const unsubscribed: string[] = [];
  const on: Subscribe = (channel, listener) => {
    listeners.set(channel, listener);
    return () => unsubscribed.push(channel);
  };
  return { invoke, listeners, unsubscribed, bridge: buildBridge(invoke, on) };
}

describe('preload bridge', () => {
  it('exposes exactly one function per contract method', () => {
    const { bridge } = fakeIpc();
    expect(Object.keys(bridge.api).sort()).toEqual([...methodNames].sort());
    for (const fn of Object.values(bridge.api)) expect(typeof fn).toBe('function');
  });

  it('sends each method on its own channel with the input untouched', async () => {
    const { bridge, invoke } = fakeIpc();
    const input = { path: '/tmp/study.marginalia' };
    await expect(bridge.api['project.open'](input)).resolves.toEqual({ ok: true, value: 'answer' });
    expect(invoke).toHaveBeenCalledExactlyOnceWith('api:project.open', input);
    await bridge.api['project.recent']({});
    expect(invoke).toHaveBeenLastCalledWith('api:project.recent', {});
  });

  it('offers nothing generic: no send(channel), no invoke(channel), no env', () => {
    const { bridge } = fakeIpc();
    expect(Object.keys(bridge).sort()).toEqual(['api', 'onMenuCommand', 'onProgress', 'onProjectChanged']);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.isFrozen(bridge.api)).toBe(true);
  });

  it('relays progress and project changes without the IPC event', () => {
    const { bridge, listeners, unsubscribed } = fakeIpc();
    const progress = vi.fn();
    const changed = vi.fn();
    const stopProgress = bridge.onProgress(progress);
    bridge.onProjectChanged(changed);
    const event = { jobId: 'j1', label: 'Importing', done: 1, total: 2 };
    listeners.get('progress')!(event);
    listeners.get('project-changed')!({ sneaky: true });
    expect(progress).toHaveBeenCalledWith(event);
    expect(changed).toHaveBeenCalledWith();
    stopProgress();
    expect(unsubscribed).toEqual(['progress']);
  });

  it('passes on only the known menu commands', () => {
    const { bridge, listeners } = fakeIpc();
    const command = vi.fn();
    bridge.onMenuCommand(command);
    listeners.get('menu-command')!('undo');
    listeners.get('menu-command')!('redo');
    listeners.get('menu-command')!('rm -rf');
    listeners.get('menu-command')!({ command: 'undo' });
    expect(command.mock.calls).toEqual([['undo'], ['redo']]);
  });
});
