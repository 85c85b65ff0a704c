/**
 * Entry of the import's parsing thread (parse-pool.ts): parses the files an import asks for
 * while the import's own thread writes the files before them into the store. Bundled as
 * import-parse-worker.mjs beside each Node bundle (scripts/build-node.mjs).
 */
import { parentPort } from 'node:worker_threads';
import { parseRequest } from './parse-job.ts';
import { toWire, type ParseReply, type ParseRequest } from './parse-wire.ts';

parentPort?.on('message', (request: ParseRequest) => {
  let reply: ParseReply;
  try {
    reply = { id: request.id, parsed: parseRequest(request) };
  } catch (error) {
    reply = { id: request.id, error: toWire(error) };
  }
  parentPort!.postMessage(reply);
});
