/**
 * Entry of the import's parsing thread (parse-pool.ts): parses the files an import asks for
 * while the import's own thread writes the files before them into the store. Bundled as
 * import-parse-worker.mjs beside each Node bundle (scripts/build-node.mjs).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseRequest } from './parse-job.ts';
import { CLAIM_SLOTS, toWire, type ParseReply, type ParseRequest } from './parse-wire.ts';

const claims = (workerData as { claims: Int32Array } | null)?.claims;

const reply = (message: ParseReply) => parentPort!.postMessage(message);

parentPort?.on('message', (request: ParseRequest) => {
  // The importing thread may have claimed this file while it waited in the queue.
  if (claims && Atomics.compareExchange(claims, request.id % CLAIM_SLOTS, 0, 1) !== 0) {
    reply({ id: request.id, stolen: true });
    return;
  }
  reply({ id: request.id, started: true });
  // PDF and XLSX parse asynchronously: several may be under way at once.
  parseRequest(request).then(
    (parsed) => reply({ id: request.id, parsed }),
    (error: unknown) => reply({ id: request.id, error: toWire(error) }),
  );
});
