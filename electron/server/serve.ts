import { existsSync } from 'node:fs';
import { Host, defaultHome } from '../backend/host.ts';
import { parseLaunchArgs } from '../launch-args.ts';
import { findRendererDir } from './static-files.ts';
import { startBrowserServer, type BrowserServer } from './server.ts';

/**
 * Browser mode: opens (or creates) the project, or the demo project, and serves the UI on
 * 127.0.0.1. Prints exactly one line with the address to open.
 */
export async function serve(argv: readonly string[]): Promise<{ host: Host; server: BrowserServer }> {
  const args = parseLaunchArgs(argv);
  const rendererDir = findRendererDir();
  if (!rendererDir) throw new Error('The renderer is not built: run `npm run build` first.');
  // The host reports progress before the server exists; publish once it does.
  const live: { server?: BrowserServer } = {};
  const host = new Host({ home: args.home ?? defaultHome(), onProgress: (e) => live.server?.publish(e) });
  if (args.project) host.open(args.project, existsSync(args.project) ? false : 'five-questions');
  else host.openDemo();
  const server = await startBrowserServer({ call: host.call, rendererDir, ...(args.port !== undefined ? { port: args.port } : {}) });
  live.server = server;
  console.log(`Marginalia is running at ${server.url}`);
  const stop = () => {
    void server.close().finally(() => {
      host.close();
      process.exit(0);
    });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return { host, server };
}

const isMain = process.argv[1] !== undefined && /serve\.(mjs|ts|js)$/.test(process.argv[1]);
if (isMain) {
  serve(process.argv.slice(2)).catch((err: unknown) => {
    console.error(`Marginalia could not start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
