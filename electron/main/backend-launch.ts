import { utilityProcess } from 'electron';
import { BackendClient } from './backend-client.ts';

/** Starts the backend utility process with its data folder and Electron's SQLite build. */
export function launchBackend(modulePath: string, home: string, sqliteBinding: string | undefined): BackendClient {
  const env: NodeJS.ProcessEnv = { ...process.env, MARGINALIA_HOME: home };
  if (sqliteBinding) env['MARGINALIA_SQLITE_BINDING'] = sqliteBinding;
  else delete env['MARGINALIA_SQLITE_BINDING'];
  const child = utilityProcess.fork(modulePath, [], { env, serviceName: 'Marginalia backend', stdio: 'inherit' });
  return new BackendClient({
    post: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', (message: unknown) => listener(message)),
    onExit: (listener) => child.once('exit', listener),
  });
}
