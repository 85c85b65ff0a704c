import { createServer as createHttp, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { ROLES, pushRequestSchema, type Me } from '../../shared/domain/team-sync/protocol.ts';
import { NotAProjectError } from './share.ts';
import { CONTROL_CHARACTER, TeamError, type TeamStore } from './store.ts';

export type Limits = {
  /** A shared project file. */
  share: number;
  /** A push of ops (JSON). */
  push: number;
  /** Any other request body. */
  other: number;
};

export const DEFAULT_LIMITS: Limits = { share: 512 * 1024 * 1024, push: 256 * 1024 * 1024, other: 64 * 1024 };

export type HttpOptions = {
  store: TeamStore;
  port?: number;
  /** Loopback unless told otherwise. */
  host?: string;
  tls?: { cert: Buffer; key: Buffer };
  limits?: Partial<Limits>;
  /** Heartbeat interval of event streams, ms (15 s). */
  heartbeatMs?: number;
  /** Where unexpected failures are written (never to the client). */
  log?: (line: string) => void;
};

export type TeamHttpServer = { url: string; port: number; server: Server; close: () => Promise<void> };

const userSchema = z.object({ name: z.string(), role: z.enum(ROLES) }).strict();

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(JSON.stringify(body));
};
const fail = (status: number, code: string, message: string) => new TeamError(status, code, message);

/** Reads the body up to `max` bytes; a larger one is refused with 413 before it is all read. */
function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    if (declared > max) return reject(fail(413, 'too_large', `The body is larger than this server takes (${max} bytes).`));
    const parts: Buffer[] = [];
    let size = 0;
    req.on('data', (d: Buffer) => {
      size += d.length;
      if (size > max) {
        reject(fail(413, 'too_large', `The body is larger than this server takes (${max} bytes).`));
        req.destroy();
      } else parts.push(d);
    });
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

async function readJson(req: IncomingMessage, max: number): Promise<unknown> {
  const body = await readBody(req, max);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw fail(400, 'invalid_input', 'The body is not JSON.');
  }
}

const parse = <T>(schema: z.ZodType<T>, value: unknown): T => {
  const r = schema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw fail(400, 'invalid_input', `Invalid request: ${issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'malformed'}`);
  }
  return r.data;
};

const intParam = (v: string | null, fallback: number, max: number, name: string): number => {
  if (v === null) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > max) throw fail(400, 'invalid_input', `${name} must be a whole number from 0 to ${max}.`);
  return n;
};

/** Starts the team server's HTTP(S) API on the store (protocol.ts lists the endpoints). */
export async function startHttp(o: HttpOptions): Promise<TeamHttpServer> {
  const limits = { ...DEFAULT_LIMITS, ...o.limits };
  const store = o.store;
  const streams = new Set<ServerResponse>();
  const log = o.log ?? ((line: string) => console.error(line));

  const owner = (me: Me) => {
    if (me.role !== 'owner') throw fail(403, 'forbidden', `${me.name} is a ${me.role}; only an owner may do this.`);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://team-server');
    const auth = req.headers.authorization ?? '';
    const token = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(auth)?.[1];
    if (!token) throw fail(401, 'unauthorized', 'This server needs a token: Authorization: Bearer <token>.');
    const me = await store.authenticate(token);
    if (!me) throw fail(401, 'unauthorized', 'The token is not valid here (unknown or revoked).');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    let m: RegExpExecArray | null;

    if (path === '/api/me' && method === 'GET') return json(res, 200, me);
    if (path === '/api/users' && method === 'GET') {
      owner(me);
      return json(res, 200, await store.listUsers());
    }
    if (path === '/api/users' && method === 'POST') {
      owner(me);
      const body = parse(userSchema, await readJson(req, limits.other));
      return json(res, 200, await store.addUser(body.name, body.role));
    }
    if ((m = /^\/api\/users\/([^/]+)\/revoke$/.exec(path)) && method === 'POST') {
      owner(me);
      const name = decodeURIComponent(m[1]!);
      await store.revokeUser(name);
      return json(res, 200, { name, revoked: true });
    }
    if (path === '/api/projects' && method === 'GET') return json(res, 200, await store.listProjects());
    if (path === '/api/projects' && method === 'POST') {
      owner(me);
      const bytes = await readBody(req, limits.share);
      const header = req.headers['x-marginalia-name'];
      let name = 'Team project';
      try {
        if (typeof header === 'string' && header !== '') name = decodeURIComponent(header).slice(0, 300);
      } catch {
        throw fail(400, 'invalid_input', 'X-Marginalia-Name must be URL-encoded.');
      }
      if (CONTROL_CHARACTER.test(name)) throw fail(400, 'invalid_input', 'X-Marginalia-Name holds a control character: a project name is printable text.');
      return json(res, 200, { teamProject: await store.share(bytes, name, me.name) });
    }
    if (!(m = /^\/api\/projects\/([A-Za-z0-9-]{1,64})\/(base|ops|events|report)$/.exec(path))) throw fail(404, 'not_found', `No such endpoint: ${method} ${path}`);
    const project = m[1]!;
    const what = m[2]!;
    if (what === 'base' && method === 'GET') {
      const base = await store.base(project);
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'X-Marginalia-Name': encodeURIComponent(base.name), 'Cache-Control': 'no-store' });
      res.end(base.bytes);
      return;
    }
    if (what === 'ops' && method === 'POST') {
      if (me.role === 'reviewer') throw fail(403, 'forbidden', `${me.name} is a reviewer: reviewers read the project and change nothing.`);
      const body = parse(pushRequestSchema, await readJson(req, limits.push));
      return json(res, 200, await store.push(project, me, body));
    }
    if (what === 'ops' && method === 'GET') {
      const after = intParam(url.searchParams.get('after'), 0, Number.MAX_SAFE_INTEGER, 'after');
      const limit = intParam(url.searchParams.get('limit'), 1000, 10_000, 'limit');
      return json(res, 200, await store.pull(project, after, Math.max(1, limit)));
    }
    if (what === 'report' && method === 'GET') return json(res, 200, await store.report(project));
    if (what === 'events' && method === 'GET') {
      const last = await store.last(project);
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
      const send = (data: string) => res.write(`event: seq\ndata: ${data}\n\n`);
      send(JSON.stringify({ seq: last }));
      store.events.on(project, send);
      const beat = setInterval(() => res.write(': heartbeat\n\n'), o.heartbeatMs ?? 15_000);
      streams.add(res);
      const end = () => {
        clearInterval(beat);
        store.events.off(project, send);
        streams.delete(res);
      };
      req.on('close', end);
      res.on('close', end);
      return;
    }
    throw fail(405, 'method_not_allowed', `${method} is not allowed on ${path}.`);
  };

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (err instanceof TeamError) return json(res, err.status, { error: { code: err.code, message: err.message } });
      if (err instanceof NotAProjectError) return json(res, 400, { error: { code: 'invalid_input', message: err.message } });
      log(`team server: ${req.method} ${req.url}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      json(res, 500, { error: { code: 'internal', message: 'The server failed to do this; its log says why.' } });
    });
  };
  const server = o.tls ? createHttps({ cert: o.tls.cert, key: o.tls.key }, listener) : createHttp(listener);
  const host = o.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `${o.tls ? 'https' : 'http'}://${shown}:${port}/`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of streams) s.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
