import { utilityProcess } from 'electron';
import { BackendClient } from './backend-client.ts';
import { PACKAGED_IGNORES } from './native-binding.ts';

/**
 * Starts the backend utility process with its data folder and Electron's SQLite build. A
 * packaged app passes on no developer override (migrations folder, renderer folder): the
 * environment must not change which code or SQL the installed app runs.
 */
export function launchBackend(modulePath: string, home: string, sqliteBinding: string | undefined, packaged = false): BackendClient {
  const env: NodeJS.ProcessEnv = { ...process.env, MARGINALIA_HOME: home };
  if (packaged) for (const name of PACKAGED_IGNORES) delete env[name];
  if (sqliteBinding) env['MARGINALIA_SQLITE_BINDING'] = sqliteBinding;
  else delete env['MARGINALIA_SQLITE_BINDING'];
  const child = utilityProcess.fork(modulePath, [], { env, serviceName: 'Marginalia backend', stdio: 'inherit' });
  return new BackendClient({
    post: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', (message: unknown) => listener(message)),
    onExit: (listener) => child.once('exit', listener),
  });
}
