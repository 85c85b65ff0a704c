import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ProgressEvent } from '../../shared/api/contract.ts';
import { RENDERER_CSP, TOKEN_COOKIE, TOKEN_HEADER } from '../../shared/api/security.ts';
import type { ApiError, ApiResult } from '../../shared/api/errors.ts';
import type { ApiCall } from '../backend/dispatcher.ts';
import { readEnvelope } from '../backend/envelope.ts';
import { contentType, readStatic, resolveStatic } from './static-files.ts';

export type BrowserServerOptions = {
  call: ApiCall;
  rendererDir: string;
  port?: number;
  token?: string;
  /** Largest API request body, in bytes (imports send whole files). */
  maxBody?: number;
};

export type BrowserServer = {
  url: string;
  port: number;
  token: string;
  server: Server;
  publish: (event: ProgressEvent) => void;
  close: () => Promise<void>;
};

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost']);

const sameToken = (given: string | undefined, token: string): boolean => {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
};

const cookie = (req: IncomingMessage, name: string): string | undefined =>
  (req.headers.cookie ?? '')
    .split(';')
    .map((c) => c.trim().split('='))
    .find(([k]) => k === name)?.[1];

/** Host and Origin must name this loopback server: refuses DNS-rebinding and cross-site calls. */
function loopbackOnly(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host ?? '';
  const [hostname, hostPort] = host.startsWith('[') ? ['[::1]', host.split(']:')[1]] : host.split(':');
  if (!LOOPBACK_HOSTS.has(hostname ?? '') || Number(hostPort) !== port) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    const u = new URL(origin);
    return u.protocol === 'http:' && LOOPBACK_HOSTS.has(u.hostname) && Number(u.port) === port;
  } catch {
    return false;
  }
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': RENDERER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

function send(res: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8', extra: Record<string, string> = {}) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, ...extra });
  res.end(body);
}

const sendResult = (res: ServerResponse, status: number, result: ApiResult<unknown>) =>
  send(res, status, JSON.stringify(result), 'application/json; charset=utf-8');
const refused = (error: ApiError): ApiResult<never> => ({ ok: false, error });

/**
 * 400 when the request itself is wrong (a malformed envelope, an unknown method, input the
 * contract or a service refuses); any other answer, failures of the work included, is 200.
 */
const statusOf = (result: ApiResult<unknown>): number =>
  !result.ok && (result.error.code === 'invalid_input' || result.error.code === 'unknown_method') ? 400 : 200;

/** The body as text, or null when it is larger than `limit` bytes (the rest is read and dropped). */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const collect = (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        // Dropping the rest rather than resetting the connection lets the caller read the 413.
        req.off('data', collect);
        req.resume();
        resolveBody(null);
        return;
      }
      chunks.push(c);
    };
    req.on('data', collect);
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** POST /api/call: the body must be one JSON envelope {method, input}; see readEnvelope. */
async function answerCall(req: IncomingMessage, res: ServerResponse, call: ApiCall, maxBody: number): Promise<void> {
  const text = await readBody(req, maxBody);
  if (text === null) {
    res.setHeader('Connection', 'close');
    return sendResult(res, 413, refused({ code: 'invalid_input', message: `The request body is larger than ${maxBody} bytes` }));
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return sendResult(res, 400, refused({ code: 'invalid_input', message: `The request body is not JSON (${why})` }));
  }
  const envelope = readEnvelope(body);
  if (!envelope.ok) return sendResult(res, 400, envelope);
  // Everything over HTTP comes from the page: never trusted with paths.
  const result = await call(envelope.method, envelope.input, 'renderer');
  return sendResult(res, statusOf(result), result);
}

/**
 * Browser mode: the built renderer and the API on 127.0.0.1 only. The page is opened with
 * ?token=…, which becomes an HttpOnly cookie for assets; API calls carry the token header.
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const maxBody = options.maxBody ?? 80 * 1024 * 1024;
  const listeners = new Set<ServerResponse>();
  let port = 0;

  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      // The detail goes to the terminal, never to the client: it may name paths or internals.
      console.error('Marginalia browser mode:', err);
      if (!res.headersSent) send(res, 500, 'Internal error: the request could not be answered; the terminal running Marginalia says why.');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!loopbackOnly(req, port)) return send(res, 403, 'Forbidden: Marginalia only answers requests addressed to this computer.');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const viaQuery = url.searchParams.get('token') ?? undefined;
    const authorized =
      sameToken(req.headers[TOKEN_HEADER] as string | undefined, token) ||
      sameToken(cookie(req, TOKEN_COOKIE), token) ||
      sameToken(viaQuery, token);
    if (!authorized) return send(res, 401, 'Unauthorized: open the address with the token that Marginalia printed when it started.');

    if (url.pathname === '/api/call') {
      if (req.method !== 'POST') return send(res, 405, 'Use POST', 'text/plain', { Allow: 'POST' });
      if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token)) return send(res, 401, 'Unauthorized: API calls need the token header.');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'API calls must be JSON');
      return answerCall(req, res, options.call, maxBody);
    }
    if (url.pathname === '/api/events') {
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    const path = url.pathname === '/' ? '/index.html' : url.pathname;
    const file = resolveStatic(options.rendererDir, path);
    if (!file) return send(res, 404, 'Not found');
    const extra: Record<string, string> = {};
    if (viaQuery) extra['Set-Cookie'] = `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    return send(res, 200, readStatic(file), contentType(file), extra);
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/?token=${token}`;
  return {
    url,
    port,
    token,
    server,
    publish: (event) => {
      for (const l of listeners) l.write(`data: ${JSON.stringify(event)}\n\n`);
    },
    close: () =>
      new Promise<void>((r) => {
        for (const l of listeners) l.end();
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}
