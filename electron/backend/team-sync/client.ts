import { ApiFailure } from '../../../shared/api/errors.ts';
import type { Me, PullResponse, PushRequest, PushResponse, Role, TeamProjectInfo, UserInfo } from '../../../shared/domain/team-sync/protocol.ts';

/**
 * The replica's side of the wire (shared/domain/team-sync/protocol.ts): fetch with a timeout,
 * retried with backoff while the server cannot be reached (a pushed op carries its id, so a
 * retry is harmless). Answers the server gave (401, 403, 400…) are not retried.
 */

/** What the server answered (or that it could not be reached), as an API error the page can show. */
export class TeamServerError extends ApiFailure {
  constructor(
    message: string,
    /** HTTP status, or 0 when the server could not be reached. */
    readonly status: number,
  ) {
    super('conflict', message);
  }
  get unreachable(): boolean {
    return this.status === 0 || this.status >= 502;
  }
}

export type ClientOptions = {
  server: string;
  token: string;
  /** Per request (ms). */
  timeoutMs?: number;
  /** Attempts while the server cannot be reached. */
  attempts?: number;
  /** First wait between attempts (ms); doubles each time. */
  backoffMs?: number;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The server's address with one trailing slash. */
export const serverBase = (server: string): string => (server.endsWith('/') ? server : `${server}/`);

export class TeamClient {
  /** The server's address, with one trailing slash. */
  readonly url: string;
  constructor(private readonly o: ClientOptions) {
    this.url = serverBase(o.server);
  }

  private async request(method: 'GET' | 'POST', path: string, body?: { json: unknown } | { bytes: Uint8Array; name: string }): Promise<Response> {
    const attempts = this.o.attempts ?? 4;
    let wait = this.o.backoffMs ?? 250;
    for (let attempt = 1; ; attempt++) {
      const headers: Record<string, string> = { Authorization: `Bearer ${this.o.token}` };
      let payload: string | Uint8Array<ArrayBuffer> | undefined;
      if (body && 'json' in body) {
        headers['Content-Type'] = 'application/json';
        payload = JSON.stringify(body.json);
      } else if (body) {
        headers['Content-Type'] = 'application/octet-stream';
        headers['X-Marginalia-Name'] = encodeURIComponent(body.name);
        // A copy on its own ArrayBuffer: what fetch's body type accepts (a Buffer may share a pool).
        payload = new Uint8Array(body.bytes);
      }
      let res: Response;
      try {
        res = await fetch(new URL(path, this.url), { method, headers, body: payload, signal: AbortSignal.timeout(this.o.timeoutMs ?? 30_000) });
      } catch (err) {
        const why = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
        if (attempt >= attempts) throw new TeamServerError(`The team server at ${this.url} cannot be reached (${why}).`, 0);
        await sleep(wait);
        wait *= 2;
        continue;
      }
      if (res.ok) return res;
      const text = await res.text().catch(() => '');
      let message = text.slice(0, 500) || res.statusText;
      try {
        const parsed = JSON.parse(text) as { error?: { message?: string }; message?: string };
        message = parsed.error?.message ?? parsed.message ?? message;
      } catch {
        // not JSON: keep the text
      }
      if (res.status >= 502 && attempt < attempts) {
        await sleep(wait);
        wait *= 2;
        continue;
      }
      if (res.status === 401) message = `The team server refused the token: ${message}`;
      if (res.status === 403) message = `The team server does not allow this: ${message}`;
      throw new TeamServerError(message, res.status);
    }
  }

  private async json<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const res = await this.request(method, path, body === undefined ? undefined : { json: body });
    return (await res.json()) as T;
  }

  me = (): Promise<Me> => this.json('GET', 'api/me');
  users = (): Promise<UserInfo[]> => this.json('GET', 'api/users');
  addUser = (name: string, role: Role): Promise<{ name: string; role: Role; token: string }> => this.json('POST', 'api/users', { name, role });
  revoke = (name: string): Promise<{ name: string; revoked: true }> => this.json('POST', `api/users/${encodeURIComponent(name)}/revoke`, {});
  projects = (): Promise<TeamProjectInfo[]> => this.json('GET', 'api/projects');

  async share(bytes: Uint8Array, name: string): Promise<string> {
    const res = await this.request('POST', 'api/projects', { bytes, name });
    return ((await res.json()) as { teamProject: string }).teamProject;
  }

  async baseFile(project: string): Promise<{ bytes: Buffer; name: string }> {
    const res = await this.request('GET', `api/projects/${encodeURIComponent(project)}/base`);
    const header = res.headers.get('x-marginalia-name');
    let name = 'Team project';
    try {
      if (header) name = decodeURIComponent(header);
    } catch {
      // keep the default
    }
    return { bytes: Buffer.from(await res.arrayBuffer()), name };
  }

  push = (project: string, body: PushRequest): Promise<PushResponse> => this.json('POST', `api/projects/${encodeURIComponent(project)}/ops`, body);
  pull = (project: string, after: number, limit: number): Promise<PullResponse> =>
    this.json('GET', `api/projects/${encodeURIComponent(project)}/ops?after=${after}&limit=${limit}`);

  /**
   * Listens for `event: seq` until `signal` aborts or the stream ends; resolves when it ends
   * (the caller reconnects). `onOpen` runs once the server answered.
   */
  async events(project: string, signal: AbortSignal, onSeq: (seq: number) => void, onOpen: () => void): Promise<void> {
    const res = await fetch(new URL(`api/projects/${encodeURIComponent(project)}/events`, this.url), {
      headers: { Authorization: `Bearer ${this.o.token}`, Accept: 'text/event-stream' },
      signal,
    });
    if (!res.ok || !res.body) throw new TeamServerError(`The team server refused the live connection (HTTP ${res.status}).`, res.status);
    onOpen();
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const lines = block.split('\n');
        const event = lines.find((l) => l.startsWith('event:'))?.slice(6).trim();
        const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trim()).join('\n');
        if (event !== 'seq') continue;
        try {
          const seq = (JSON.parse(data) as { seq?: unknown }).seq;
          if (typeof seq === 'number') onSeq(seq);
        } catch {
          // a malformed event: ignored
        }
      }
    }
  }
}
