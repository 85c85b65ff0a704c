import { readFileSync } from 'node:fs';
import { ImportError, reasonOf } from '../parsers/errors.ts';
import { parseSourceSync, type ParsedSource } from '../parsers/parse-source.ts';
import type { ParseRequest } from './parse-wire.ts';

/** Reads a request's file (or takes its bytes) and parses it: the parsing thread's one job. */
export function parseRequest(request: ParseRequest): ParsedSource {
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
  return parseSourceSync(request.name, bytes, request.kind);
}
