// Opens browser mode's address in the system browser without putting the token on a command
// line (where `ps` shows it to every user of the machine): the address goes into a page only
// this user can read, which sends the browser on, and the command line names that page.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The launch page's HTML: straight on to the tokened address. */
export function launchPage(url) {
  const json = JSON.stringify(url).replace(/</g, '\\u003c');
  return `<!doctype html><meta charset="utf-8"><title>Marginalia</title><script>location.replace(${json})</script><p>Opening Marginalia…</p>\n`;
}

/** Writes the launch page; returns the command that opens it and a clean-up. */
export function browserLaunch(url, platform = process.platform, folder = tmpdir()) {
  const dir = mkdtempSync(join(folder, 'marginalia-open-'));
  chmodSync(dir, 0o700);
  const file = join(dir, 'open.html');
  writeFileSync(file, launchPage(url), { mode: 0o600 });
  const target = pathToFileURL(file).href;
  const [command, args] = platform === 'win32' ? ['cmd', ['/c', 'start', '""', target]] : platform === 'darwin' ? ['open', [target]] : ['xdg-open', [target]];
  return { command, args, file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
