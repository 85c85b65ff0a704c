import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/**
 * The built renderer: dist/renderer above this module (dev tree and bundle alike).
 * MARGINALIA_RENDERER_DIR replaces it, except in a packaged app (`allowOverride: false`):
 * there, an environment variable must not decide which page gets the app's privileges.
 */
export function findRendererDir(from = dirname(fileURLToPath(import.meta.url)), { allowOverride = true }: { allowOverride?: boolean } = {}): string | null {
  const override = allowOverride ? process.env['MARGINALIA_RENDERER_DIR'] : undefined;
  if (override) return override;
  let dir = from;
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'dist', 'renderer');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (existsSync(join(dir, 'renderer', 'index.html')) && existsSync(join(dir, 'renderer', 'assets'))) return join(dir, 'renderer');
    dir = dirname(dir);
  }
  return null;
}

/**
 * Resolves a URL path inside root, or null when it would escape root (`..`, encoded
 * separators, absolute paths) or does not name a file.
 */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const rootFull = resolve(root);
  const full = resolve(rootFull, '.' + normalize('/' + decoded));
  if (full !== rootFull && !full.startsWith(rootFull + sep)) return null;
  try {
    return statSync(full).isFile() ? full : null;
  } catch {
    return null;
  }
}

export const contentType = (file: string): string => TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
export const readStatic = (file: string): Buffer => readFileSync(file);
