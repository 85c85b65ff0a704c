import { readFileSync } from 'node:fs';
import { ImportError, reasonOf } from '../parsers/errors.ts';
import { parseSource, type ParsedSource } from '../parsers/parse-source.ts';
import type { ParseRequest } from './parse-wire.ts';

/**
 * Reads a request's file (or takes its bytes) and parses it: the parsing thread's one job.
 * Text, Word, ODT and CSV parse synchronously, inside this call (so the importing thread can
 * take a file over at once, parse-pool.ts); PDF and XLSX finish later.
 */
export async function parseRequest(request: ParseRequest): Promise<ParsedSource> {
  let bytes: Uint8Array;
  if ('bytes' in request) {
    bytes = request.bytes;
  } else {
    try {
      const buffer = readFileSync(request.path);
      bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.length);
    } catch (error) {
      throw new ImportError(request.name, `cannot be read any more: ${reasonOf(error)}`);
    }
  }
  return parseSource(request.name, bytes, request.kind, request.limits);
}
