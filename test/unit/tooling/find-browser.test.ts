import { describe, expect, it } from 'vitest';
import { findBrowser, type Machine } from '../../e2e/chromium.ts';

/** A machine with nothing on it unless a test says otherwise. */
function machine(overrides: Partial<Machine> = {}): Machine {
  return {
    platform: 'linux',
    arch: 'x64',
    env: {},
    exists: () => false,
    which: () => null,
    packagedChromium: async () => null,
    ...overrides,
  };
}

describe('finding a browser for the e2e tests', () => {
  it('takes CHROMIUM_PATH first, even when a system Chromium exists', async () => {
    const found = await findBrowser(machine({
      env: { CHROMIUM_PATH: '/opt/chrome/chrome' },
      exists: () => true,
      which: () => '/usr/bin/chromium',
    }));
    expect(found).toEqual({ choice: expect.objectContaining({ executablePath: '/opt/chrome/chrome' }) });
  });

  it('says so when CHROMIUM_PATH points at nothing, instead of quietly using another browser', async () => {
    const found = await findBrowser(machine({ env: { CHROMIUM_PATH: '/nowhere/chrome' }, which: () => '/usr/bin/chromium', exists: (p) => p === '/usr/bin/chromium' }));
    expect(found).toEqual({ error: expect.stringContaining('CHROMIUM_PATH is set to /nowhere/chrome, which does not exist') });
  });

  it('prefers a system Chromium to the packaged one', async () => {
    let unpacked = false;
    const found = await findBrowser(machine({
      which: (c) => (c === 'google-chrome' ? '/usr/bin/google-chrome' : null),
      exists: (p) => p === '/usr/bin/google-chrome',
      packagedChromium: async () => { unpacked = true; return '/tmp/chromium'; },
    }));
    expect(found).toEqual({ choice: expect.objectContaining({ executablePath: '/usr/bin/google-chrome' }) });
    expect(unpacked).toBe(false);
  });

  it('falls back to the Chromium inside @sparticuz/chromium on Linux x64', async () => {
    const found = await findBrowser(machine({ packagedChromium: async () => '/tmp/chromium' }));
    expect(found).toEqual({ choice: expect.objectContaining({ executablePath: '/tmp/chromium', label: expect.stringContaining('@sparticuz/chromium') }) });
  });

  it('fails with one line naming everything it looked for when there is no browser', async () => {
    const found = await findBrowser(machine());
    expect('error' in found).toBe(true);
    const error = 'error' in found ? found.error : '';
    expect(error).not.toContain('\n');
    for (const looked of ['CHROMIUM_PATH', 'chromium', 'google-chrome', '@sparticuz/chromium', 'set CHROMIUM_PATH']) expect(error).toContain(looked);
  });

  it('does not offer the Linux x64 package on ARM', async () => {
    let unpacked = false;
    const found = await findBrowser(machine({ arch: 'arm64', packagedChromium: async () => { unpacked = true; return '/tmp/chromium'; } }));
    expect(found).toEqual({ error: expect.stringContaining('ships Linux x64 only; this is arm64') });
    expect(unpacked).toBe(false);
  });

  it('uses the installed Chrome on macOS and Edge on Windows through playwright channels', async () => {
    expect(await findBrowser(machine({ platform: 'darwin' }))).toEqual({ choice: expect.objectContaining({ channel: 'chrome' }) });
    expect(await findBrowser(machine({ platform: 'win32' }))).toEqual({ choice: expect.objectContaining({ channel: 'msedge' }) });
    const app = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(await findBrowser(machine({ platform: 'darwin', exists: (p) => p === app }))).toEqual({ choice: expect.objectContaining({ executablePath: app }) });
  });
});
