import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serverBase } from './client.ts';

/**
 * Tokens are never stored in a project file (a project file is shared around): they are kept in
 * the user's Marginalia data folder, in `team-credentials.json` (file mode 0600), one per server
 * address and user name.
 */
export const CREDENTIALS_FILE = 'team-credentials.json';

type Stored = { tokens: Record<string, string> };

const entry = (server: string, user: string) => `${serverBase(server)} ${user}`;

function read(home: string): Stored {
  try {
    const parsed = JSON.parse(readFileSync(join(home, CREDENTIALS_FILE), 'utf8')) as Partial<Stored>;
    return { tokens: typeof parsed.tokens === 'object' && parsed.tokens !== null ? parsed.tokens : {} };
  } catch {
    return { tokens: {} };
  }
}

export function saveToken(home: string, server: string, user: string, token: string): void {
  const stored = read(home);
  stored.tokens[entry(server, user)] = token;
  mkdirSync(home, { recursive: true });
  const file = join(home, CREDENTIALS_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(stored, null, 2), { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}

export const loadToken = (home: string, server: string, user: string): string | undefined =>
  existsSync(join(home, CREDENTIALS_FILE)) ? read(home).tokens[entry(server, user)] : undefined;
