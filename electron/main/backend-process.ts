import type { MessageEvent as ElectronMessageEvent } from 'electron';
import { Host } from '../backend/host.ts';
import { serveBackend } from './backend-service.ts';

/**
 * The backend's utility process: SQLite and every domain rule run here, off the UI
 * thread. Never imports Electron at run time; main hands over MARGINALIA_HOME and, for
 * Electron's ABI, MARGINALIA_SQLITE_BINDING through the environment.
 */
const parentPort = process.parentPort;
const home = process.env['MARGINALIA_HOME'];
if (!parentPort || !home) {
  console.error('backend-process must be started by Marginalia\'s main process (utilityProcess.fork with MARGINALIA_HOME set)');
  process.exit(1);
}

const host = new Host({
  home,
  desktop: true,
  onProgress: (event) => parentPort.postMessage({ type: 'progress', event }),
});

serveBackend(
  {
    post: (message) => parentPort.postMessage(message),
    listen: (listener) => parentPort.on('message', (e: ElectronMessageEvent) => listener(e.data)),
  },
  host,
  (code) => process.exit(code),
);
