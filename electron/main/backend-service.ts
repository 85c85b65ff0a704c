import { existsSync } from 'node:fs';
import type { Host } from '../backend/host.ts';
import { toApiError } from '../backend/dispatcher.ts';
import { readBackendRequest, type BackendMessage } from './backend-messages.ts';

/** The two ends of the utility process's parent port, as the service needs them. */
export type ServicePort = {
  post: (message: BackendMessage) => void;
  /** Messages as they arrive: checked here, since nothing typed them on the way. */
  listen: (listener: (message: unknown) => void) => void;
};

const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Answers the main process's messages with one Host. Kept apart from backend-process.ts
 * (which only wires Electron's parent port) so tests drive it with an in-memory port.
 */
export function serveBackend(port: ServicePort, host: Host, exit: (code: number) => void): void {
  port.listen((raw) => {
    const read = readBackendRequest(raw);
    if (!read.ok) {
      if (read.id === undefined) console.error(`Marginalia backend: ignored a malformed request: ${read.problem}`);
      else port.post({ type: 'result', id: read.id, result: { ok: false, error: { code: 'invalid_input', message: read.problem } } });
      return;
    }
    const message = read.request;
    switch (message.type) {
      case 'start': {
        try {
          const project = message.project;
          if (project) host.open(project, existsSync(project) ? false : 'five-questions');
          else host.openDemo();
          port.post({ type: 'started' });
        } catch (err) {
          // The window still opens, with no project; the user can pick another one.
          port.post({ type: 'started', error: errorText(err) });
        }
        return;
      }
      case 'call': {
        const { id, method, input, origin } = message;
        host
          .call(method, input, origin ?? 'trusted')
          .catch((err: unknown) => ({ ok: false as const, error: toApiError(err) }))
          .then((result) => {
            try {
              port.post({ type: 'result', id, result });
            } catch (err) {
              // A value the structured clone cannot copy must still answer the caller.
              port.post({ type: 'result', id, result: { ok: false, error: { code: 'internal', message: `${method}: the result could not be sent: ${errorText(err)}` } } });
            }
          });
        return;
      }
      case 'shutdown': {
        try {
          host.close();
        } finally {
          exit(0);
        }
        return;
      }
    }
  });
}
