import type { Input, MethodName, Output, ProgressEvent } from '../../../shared/api/contract.ts';
import type { MenuCommand } from '../../../shared/api/desktop.ts';
import type { ApiError, ApiResult } from '../../../shared/api/errors.ts';
import { TOKEN_HEADER } from '../../../shared/api/security.ts';

/** What the desktop preload puts on window: one function per API method, plus progress. */
export type DesktopBridge = {
  api: { [M in MethodName]: (input: Input<M>) => Promise<ApiResult<Output<M>>> };
  onProgress: (listener: (event: ProgressEvent) => void) => () => void;
  /** The desktop menu opened another project: reload everything shown. */
  onProjectChanged: (listener: () => void) => () => void;
  /** Edit → Undo / Redo, File → Join Team Project… / Share to Team Server… in the desktop menu. */
  onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
};

declare global {
  interface Window {
    marginalia?: DesktopBridge;
  }
}

export class ApiCallError extends Error {
  readonly error: ApiError;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.error = error;
  }
}

/** Browser mode keeps the token from the address it was opened with, then hides it. */
function browserToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem('marginalia-token', fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem('marginalia-token') ?? '';
}

let token: string | undefined;

async function httpCall(method: string, input: unknown): Promise<ApiResult<unknown>> {
  token ??= browserToken();
  const res = await fetch('/api/call', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
    body: JSON.stringify({ method, input }),
  });
  if (res.status === 401) return { ok: false, error: { code: 'internal', message: 'This page lost its access token: reopen the address Marginalia printed.' } };
  return (await res.json()) as ApiResult<unknown>;
}

export const isDesktop = (): boolean => window.marginalia !== undefined;

/** Calls one API method; resolves with its output or rejects with ApiCallError. */
export async function call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  const bridge = window.marginalia;
  const result = bridge
    ? await (bridge.api[method] as (i: Input<M>) => Promise<ApiResult<Output<M>>>)(input)
    : ((await httpCall(method, input)) as ApiResult<Output<M>>);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value;
}

/** Progress of long jobs, from either transport. */
export function onProgress(listener: (event: ProgressEvent) => void): () => void {
  if (window.marginalia) return window.marginalia.onProgress(listener);
  token ??= browserToken();
  const source = new EventSource('/api/events');
  source.onmessage = (m: MessageEvent<string>) => listener(JSON.parse(m.data) as ProgressEvent);
  return () => source.close();
}
