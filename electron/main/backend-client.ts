import type { Input, MethodName, Output, ProgressEvent } from '../../shared/api/contract.ts';
import type { ApiResult } from '../../shared/api/errors.ts';
import { readBackendMessage, type BackendRequest } from './backend-messages.ts';

/** The main side of the channel to the backend: a utility process, or a fake in tests. */
export type BackendChannel = {
  post: (message: BackendRequest) => void;
  /** Messages as they arrive: checked by the client, since nothing typed them on the way. */
  onMessage: (listener: (message: unknown) => void) => void;
  onExit: (listener: (code: number) => void) => void;
};

type Pending = (result: ApiResult<unknown>) => void;

/**
 * Turns calls into numbered messages and matches the answers. Never rejects: a backend
 * that died answers every open call with a typed error, like any other failure.
 */
export class BackendClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly progressListeners = new Set<(event: ProgressEvent) => void>();
  private started: ((error: string | undefined) => void) | null = null;
  private exitCode: number | null = null;
  private readonly exited: Promise<number>;

  constructor(private readonly channel: BackendChannel) {
    let markExited: (code: number) => void = () => {};
    this.exited = new Promise((resolve) => (markExited = resolve));
    channel.onMessage((message) => this.receive(message));
    channel.onExit((code) => {
      this.exitCode = code;
      const failure: ApiResult<unknown> = { ok: false, error: { code: 'internal', message: `The Marginalia backend stopped (exit code ${code}); restart Marginalia.` } };
      for (const resolve of this.pending.values()) resolve(failure);
      this.pending.clear();
      this.started?.(`the backend stopped (exit code ${code})`);
      this.started = null;
      markExited(code);
    });
  }

  get alive(): boolean {
    return this.exitCode === null;
  }

  /** Opens the launch project (or the demo); resolves with an error text when that failed. */
  start(project: string | undefined): Promise<string | undefined> {
    if (!this.alive) return Promise.resolve('the backend is not running');
    return new Promise((resolve) => {
      this.started = resolve;
      this.channel.post(project ? { type: 'start', project } : { type: 'start' });
    });
  }

  /** `renderer`: the call comes from the page (the IPC relay), which is not trusted with paths. */
  call(method: string, input: unknown, origin?: 'renderer'): Promise<ApiResult<unknown>> {
    if (!this.alive) return Promise.resolve({ ok: false, error: { code: 'internal', message: 'The Marginalia backend is not running; restart Marginalia.' } });
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      try {
        this.channel.post(origin ? { type: 'call', id, method, input, origin } : { type: 'call', id, method, input });
      } catch (err) {
        // An input the structured clone cannot copy (a function, say) fails here, not in the backend.
        this.pending.delete(id);
        resolve({ ok: false, error: { code: 'invalid_input', message: `${method}: the input could not be sent: ${err instanceof Error ? err.message : String(err)}` } });
      }
    });
  }

  /** The typed form of call, for main's own requests (menus, dialogs). */
  invoke<M extends MethodName>(method: M, input: Input<M>): Promise<ApiResult<Output<M>>> {
    return this.call(method, input) as Promise<ApiResult<Output<M>>>;
  }

  /** Resolves with the exit code once the backend process has ended, for whatever reason. */
  whenExited(): Promise<number> {
    return this.exited;
  }

  onProgress(listener: (event: ProgressEvent) => void): () => void {
    this.progressListeners.add(listener);
    return () => this.progressListeners.delete(listener);
  }

  /** Asks the backend to close its project and exit; gives up waiting after timeoutMs. */
  async stop(timeoutMs: number): Promise<void> {
    if (!this.alive) return;
    this.channel.post({ type: 'shutdown' });
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.exited, new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
  }

  private receive(raw: unknown): void {
    const read = readBackendMessage(raw);
    if (!read.ok) {
      const id = read.id ?? 0;
      const resolve = this.pending.get(id);
      if (resolve) {
        this.pending.delete(id);
        resolve({ ok: false, error: { code: 'internal', message: `The Marginalia backend sent a malformed answer: ${read.problem}` } });
      } else {
        console.error(`Marginalia: ignored a malformed message from the backend: ${read.problem}`);
      }
      return;
    }
    const message = read.message;
    if (message.type === 'result') {
      const resolve = this.pending.get(message.id);
      this.pending.delete(message.id);
      resolve?.(message.result);
    } else if (message.type === 'progress') {
      for (const listener of this.progressListeners) listener(message.event);
    } else {
      this.started?.(message.error);
      this.started = null;
    }
  }
}
