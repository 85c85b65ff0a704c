import { readFile } from 'node:fs/promises';
import { RENDERER_CSP } from '../../shared/api/security.ts';
import { contentType, resolveStatic } from '../server/static-files.ts';
import { APP_HOST, APP_SCHEME } from './security-policy.ts';

const HEADERS = {
  'Content-Security-Policy': RENDERER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

const refuse = (status: number, text: string): Response =>
  new Response(text, { status, headers: { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });

/**
 * Answers a request on marginalia://app/ from the built renderer folder. Anything that
 * is not a GET for a file inside that folder (other hosts, `..`, encoded separators) is
 * refused; no request ever reaches the rest of the file system.
 */
export async function serveAppRequest(rendererDir: string, request: { url: string; method: string }): Promise<Response> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return refuse(400, 'Bad request');
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refuse(404, 'Not found');
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed');
  const file = resolveStatic(rendererDir, url.pathname === '/' ? '/index.html' : url.pathname);
  if (!file) return refuse(404, 'Not found');
  const body = await readFile(file);
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: { ...HEADERS, 'Content-Type': contentType(file) },
  });
}
