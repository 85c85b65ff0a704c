import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/**
 * Which browser the e2e tests (and the editor bench) drive. Found once per run by the global
 * setup, handed to the test files with vitest's provide/inject, so every file uses the same one.
 */
export type BrowserChoice = {
  /** What the run prints once, e.g. "Chromium 143.0.7499.0 from @sparticuz/chromium (/tmp/chromium)". */
  label: string;
  executablePath?: string;
  /** playwright-core's name for an installed Chrome or Edge (macOS, Windows). */
  channel?: 'chrome' | 'msedge';
};

export type BrowserSearch = { choice: BrowserChoice } | { error: string };

/** Headless, software rendering, nothing phoning home (this machine's network refuses it). */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** What the search needs from the machine; tests of the search pass their own. */
export type Machine = {
  platform: NodeJS.Platform;
  arch: string;
  env: Record<string, string | undefined>;
  exists: (path: string) => boolean;
  /** The path a command name resolves to on PATH, or null. */
  which: (command: string) => string | null;
  /** Unpacks the Chromium that the npm package @sparticuz/chromium ships; null when it is not installed. */
  packagedChromium: () => Promise<string | null>;
};

const SYSTEM_COMMANDS = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'chrome'];
const MAC_APPS = [
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/**
 * Looks for a browser in this order: CHROMIUM_PATH; a Chromium or Chrome on the system; on
 * Linux x64 the headless Chromium inside the npm package @sparticuz/chromium (a devDependency,
 * so `npm install` brings it); on macOS and Windows an installed Chrome or Edge through
 * playwright-core's channels. Never downloads anything.
 */
export async function findBrowser(machine: Machine): Promise<BrowserSearch> {
  const looked: string[] = [];
  const fromEnv = machine.env['CHROMIUM_PATH'];
  if (fromEnv) {
    if (machine.exists(fromEnv)) return { choice: { label: `CHROMIUM_PATH (${fromEnv})`, executablePath: fromEnv } };
    return { error: `CHROMIUM_PATH is set to ${fromEnv}, which does not exist. Point it at a Chromium or Chrome executable, or unset it.` };
  }
  looked.push('CHROMIUM_PATH (unset)');

  if (machine.platform !== 'win32') {
    for (const command of SYSTEM_COMMANDS) {
      const path = machine.which(command);
      if (path && machine.exists(path)) return { choice: { label: `system ${command} (${path})`, executablePath: path } };
    }
    looked.push(`${SYSTEM_COMMANDS.join(', ')} on PATH`);
  }
  if (machine.platform === 'darwin') {
    const app = MAC_APPS.find((path) => machine.exists(path));
    if (app) return { choice: { label: app, executablePath: app } };
    looked.push('Chromium.app and Google Chrome.app in /Applications');
  }

  if (machine.platform === 'linux') {
    if (machine.arch === 'x64') {
      const packaged = await machine.packagedChromium();
      if (packaged) return { choice: { label: `Chromium from the npm package @sparticuz/chromium (${packaged})`, executablePath: packaged } };
      looked.push('@sparticuz/chromium (not installed: run npm install)');
    } else {
      looked.push(`@sparticuz/chromium (ships Linux x64 only; this is ${machine.arch})`);
    }
    return { error: `No browser for the end-to-end tests: looked for ${looked.join('; ')}. Install Chromium (e.g. apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome executable.` };
  }

  // macOS and Windows: playwright-core finds an installed Chrome or Edge by channel; the
  // global setup launches the choice once, so a missing one fails there with this hint.
  const channel = machine.platform === 'win32' ? 'msedge' : 'chrome';
  return { choice: { label: `installed ${channel === 'msedge' ? 'Microsoft Edge' : 'Google Chrome'} (playwright-core channel "${channel}")`, channel } };
}

/** The real machine this process runs on. */
export function thisMachine(): Machine {
  return {
    platform: process.platform,
    arch: process.arch,
    env: process.env,
    exists: existsSync,
    which: (command) => {
      try {
        return execFileSync('which', [command], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
      } catch {
        return null;
      }
    },
    packagedChromium: async () => {
      const require = createRequire(import.meta.url);
      try {
        require.resolve('@sparticuz/chromium');
      } catch {
        return null;
      }
      // The package unpacks its brotli-packed binary into the temp folder on first use and
      // reuses it after that.
      const { default: packaged } = await import('@sparticuz/chromium');
      return packaged.executablePath();
    },
  };
}

export function launchOptions(choice: BrowserChoice, extraFlags: readonly string[] = []): LaunchOptions {
  return {
    ...(choice.executablePath ? { executablePath: choice.executablePath } : {}),
    ...(choice.channel ? { channel: choice.channel } : {}),
    args: [...CHROMIUM_FLAGS, ...extraFlags],
  };
}

/** Finds and launches a browser, for scripts outside vitest (the editor bench). */
export async function launchFoundBrowser(extraFlags: readonly string[] = []): Promise<Browser> {
  const found = await findBrowser(thisMachine());
  if ('error' in found) throw new Error(found.error);
  return chromium.launch(launchOptions(found.choice, extraFlags));
}
