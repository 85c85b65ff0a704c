import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the researcher set for the whole app (not one project), kept in the data folder. */
export type AppSettings = {
  /** The name they code under, once they have said it; absent until then. */
  coderName?: string;
};

const file = (home: string) => join(home, 'settings.json');

export function readSettings(home: string): AppSettings {
  try {
    const raw = JSON.parse(readFileSync(file(home), 'utf8')) as unknown;
    if (typeof raw !== 'object' || raw === null) return {};
    const name = (raw as Record<string, unknown>)['coderName'];
    return typeof name === 'string' && name.trim() !== '' ? { coderName: name.trim() } : {};
  } catch {
    return {};
  }
}

/** Written whole to a temporary file and renamed over the old one: a crash leaves one or the other. */
export function writeSettings(home: string, settings: AppSettings): void {
  const tmp = `${file(home)}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(settings, null, 2)}\n`);
  renameSync(tmp, file(home));
}
